"""The triage log: an append-only SQLite record of drafts, verdicts, annotations and
foreign-filing decisions, with a hash-chained event history.

Every change is one ``BEGIN IMMEDIATE`` transaction that appends one event (who,
when in UTC, kind, draft, payload, prev_hash, hash) and materialises the rows that
event implies. Nothing is updated or deleted (triggers refuse it); a correction is
a new event that supersedes the earlier one (the latest decision per draft is the
current one). ``verify()`` re-checks the chain and the derived rows.
"""

from __future__ import annotations

import json
from dataclasses import replace
import math
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import sqlite_utils

from workbench.domain import (
    ANNOTATION_VERDICTS,
    DECISION_LABELS,
    DECISIONS,
    LEVELS,
    Annotation,
    Claim,
    Decision,
    DraftVerdict,
    Evidence,
    FieldVerdict,
    IpcScore,
)
from workbench.errors import (
    E501,
    E502,
    E503,
    E505,
    E506,
    E507,
    E508,
    E509,
    E510,
    E511,
    E550,
    E551,
    E552,
    E553,
    E556,
    E557,
    E558,
    E559,
    StoreError,
)
from workbench.messages import M, from_stored, msg
from workbench.messages.causes import SQLITE_CONSTRAINT_TRIGGER, cause
from workbench.store.chain import GENESIS, canonical_json, event_hash_of_json
from workbench.store.dates import key_dates, parse_date
from workbench.store.derive import DERIVED_COLUMNS, draft_payload, rows_for_event, verdict_from_payload, verdict_payload
from workbench.store.records import (
    AnnotationExample,
    DecisionRow,
    DraftRecord,
    DraftSummary,
    Event,
    StoredVerdict,
    VerifyResult,
)
from workbench.store.dialect import (
    APP_ROLES,
    PG_FUNCTIONS,
    POSTGRES,
    SQLITE,
    PgConnection,
    is_team_url,
    pg_guard,
    pg_structure_sql,
    redact_url,
    team_setup_sql,
)
from workbench.store.schema import LATEST, MIGRATIONS

SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_TIMEOUT = 5.0  # seconds a writer waits for another one (busy timeout)


def utc_now() -> str:
    """Now in UTC, ISO 8601 with a Z, microseconds (so events sort by time)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@contextmanager
def _guard(path: Path) -> Iterator[None]:
    """Turn sqlite errors into coded StoreErrors naming the file, chosen by SQLite's result
    code (``sqlite_errorcode``), never by its English; the detail is the coded cause
    (Japanese from the code, SQLite's own words kept in the English audit copy)."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise _store_error(path, exc) from None


# SQLite's primary result codes (the low byte of sqlite_errorcode) and the coded error each means
# (https://www.sqlite.org/rescode.html; written as numbers, Python 3.10 has no names for them)
_SQLITE_CODES = {
    5: E502, 6: E502,  # SQLITE_BUSY, SQLITE_LOCKED
    14: E509, 8: E509, 3: E509,  # SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM
    13: E511, 10: E511,  # SQLITE_FULL, SQLITE_IOERR
}


def _store_error(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    if code is None:
        return _store_error_py310(path, exc)
    if code == SQLITE_CONSTRAINT_TRIGGER:  # RAISE(ABORT) in the append-only triggers (store/schema.py)
        return StoreError(E505, path=path, detail=cause(exc, en=str(exc)))
    if isinstance(exc, sqlite3.IntegrityError):
        return StoreError(E501, path=path, detail=msg(M.D505, x=cause(exc, en=str(exc))))
    found = _SQLITE_CODES.get(code & 0xFF, E501) if isinstance(exc, sqlite3.OperationalError) else E501
    if found == E502:
        return StoreError(E502, path=path)
    if found == E509:
        return StoreError(E509, path=path, detail=msg(M.D509, path=str(path), x=cause(exc, en=str(exc))))
    return StoreError(found, path=path, detail=cause(exc, en=str(exc)))


def _store_error_py310(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    """Python 3.10's sqlite3 gives no result code (``sqlite_errorcode`` is 3.11+): the one place
    in the workbench that reads an error's words, and only words that are no message of ours -
    SQLite's fixed English for its result codes (sqlite3ErrStr: "database is locked", "unable
    to open database file", "attempt to write a readonly database", "database or disk is
    full", "disk I/O error") and the append-only triggers' machine token (schema.APPEND_ONLY_ABORT).
    tests/test_no_message_parsing.py allows exactly these words here and nowhere else. Goes
    with Python 3.10 (requires-python ">=3.10")."""
    from workbench.store.schema import APPEND_ONLY_ABORT

    said = str(exc)
    text = said.lower()
    if isinstance(exc, sqlite3.IntegrityError):
        if said.startswith(APPEND_ONLY_ABORT):
            return StoreError(E505, path=path, detail=cause(exc, en=str(exc)))
        return StoreError(E501, path=path, detail=msg(M.D505, x=cause(exc, en=str(exc))))
    if isinstance(exc, sqlite3.OperationalError):
        if "locked" in text or "busy" in text:
            return StoreError(E502, path=path)
        if "unable to open" in text or "readonly" in text or "read-only" in text:
            return StoreError(E509, path=path, detail=msg(M.D509, path=str(path), x=cause(exc, en=str(exc))))
        if "full" in text or "disk i/o" in text:
            return StoreError(E511, path=path, detail=cause(exc, en=str(exc)))
    return StoreError(E501, path=path, detail=cause(exc, en=str(exc)))


def _json(text: str | None, default: object) -> object:
    if text is None or text == "":
        return default
    return json.loads(text)


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _residences(text: str | None) -> tuple[str, ...] | None:
    """Stored residences (or places of completion abroad): NULL (decisions from before
    schema v3, or recorded without them) stays None, "not recorded"; "[]" is "none given"."""
    return None if text is None else tuple(json.loads(text))


def _country_codes(values: Sequence[str] | str | None, what: str, allowed: str, routes: bool = False) -> tuple[str, ...]:
    """Country codes as given (a list, or typed text), read by the one parser the CLI and
    the decision panel use (``workbench.filing.codes.parse_codes``); a token that is no
    code is refused by name (E508)."""
    from workbench.filing.codes import parse_codes

    codes, bad = parse_codes(values, routes, wo_as_given=True)
    if bad:
        raise StoreError(E508, value=bad[0], what=what, allowed=allowed)
    return codes


def _lenient(values: Sequence[str] | str, routes: bool = False) -> tuple[str, ...]:
    """The codes among ``values`` (the risks of a decision as typed: junk is refused on saving)."""
    from workbench.filing.codes import parse_codes

    return parse_codes(values, routes, wo_as_given=True)[0]


def normalize_ipc(code: str) -> str:
    """Canonical form of a corrected IPC code ('b64u  10/00' -> 'B64U 10/00');
    raises IpcError E301 when it is not an IPC symbol (workbench.ipc does the parsing)."""
    from workbench.ipc.code import parse_ipc

    return str(parse_ipc(code))


def refuse_newer(found: int, where: "str | Path | None") -> None:
    """The one rule for a log written by a newer version: refused (E503) before anything is
    changed, on SQLite and PostgreSQL, at open and again inside a migration's transaction."""
    if found > LATEST:
        raise StoreError(E503, path=where, found=found, supported=LATEST)


class TriageLog:
    """An open triage log. Use :meth:`open`; call :meth:`close` (or use ``with``)."""

    def __init__(self, path: Path | str, conn, reviewer: str | None = None, dialect=SQLITE) -> None:
        self.path = path  # the file (SQLite) or the URL without its password (team log)
        self.conn = conn  # sqlite3.Connection, or dialect.PgConnection (the same execute())
        self.dialect = dialect
        self.db = sqlite_utils.Database(conn) if dialect is SQLITE else None
        self._reviewer = reviewer
        self._login: str | None = None  # the team log's database login: the recorded "who"
        self._lock = threading.RLock()

    @property
    def is_team(self) -> bool:
        """True for a PostgreSQL team log."""
        return self.dialect is POSTGRES

    @property
    def where(self) -> str:
        """What names this log to a person: the file's full path, or the team log's URL
        without its password."""
        return str(self.path) if self.is_team else str(Path(self.path).resolve())

    def _guard(self):
        if not self.is_team:
            return _guard(self.path)
        return self._team_guard()

    @contextmanager
    def _team_guard(self) -> Iterator[None]:
        """Coded errors for the team log; a connection the server dropped (a restart, a
        network cut) is opened again before the next call, outside a transaction only."""
        with pg_guard(str(self.path)):
            if self.conn.broken:
                self.conn.reconnect()
            yield

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        reviewer: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> TriageLog:
        """Open (creating if absent) the log at ``path`` (None -> settings.default_db_path()).

        Upgrades an older schema in one transaction; refuses a newer one (E503), a
        damaged or foreign file (E501, the file is never modified), a lock held
        beyond ``timeout`` seconds (E502) and an unwritable place (E509).
        """
        if path is None:
            from workbench.settings import default_db_path

            path = default_db_path()
        if is_team_url(path):
            return cls._open_team(str(path).strip(), reviewer, timeout)
        p = Path(path).expanduser()
        if not _open_here(p):  # see _check_file: reading it again would drop this process's locks
            _check_file(p)
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(E509, path=p, detail=msg(M.D509, path=str(p.parent), x=cause(exc, en=str(exc.strerror or exc)))) from None
        if not p.exists():
            cls._create(p, reviewer, timeout)
            _check_file(p)
        try:
            conn = sqlite3.connect(str(p), timeout=timeout, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(E509, path=p, detail=msg(M.D509, path=str(p), x=cause(exc, en=str(exc)))) from None
        log = cls(p, conn, reviewer)
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    log._prepare(timeout)
                    break
                except StoreError as exc:
                    # Two instances creating or upgrading the same new file race for the
                    # switch to WAL; SQLite answers BUSY there without calling the busy
                    # handler, so wait and retry within the caller's timeout.
                    if exc.code != E502 or time.monotonic() >= deadline:
                        raise
                    time.sleep(0.05)
        except BaseException:
            conn.close()
            raise
        log._file_key = _file_key(p)
        if log._file_key is not None:
            with _OPEN_LOCK:
                _OPEN_HERE[log._file_key] = _OPEN_HERE.get(log._file_key, 0) + 1
        return log

    @classmethod
    def _create(cls, p: Path, reviewer: str | None, timeout: float) -> None:
        """A new log is built complete under a temporary name and linked into place, so a
        log file is never seen empty: an empty file at the path is someone else's (E501)."""
        tmp = p.with_name(f".{p.name}.{os.getpid()}.{threading.get_ident()}.new")
        try:
            conn = sqlite3.connect(str(tmp), timeout=timeout, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(E509, path=p, detail=msg(M.D509, path=str(p), x=cause(exc, en=str(exc)))) from None
        try:
            log = cls(p, conn, reviewer)  # errors name the log's path, not the temporary one
            log._prepare(timeout)
            conn.close()
            try:
                os.link(tmp, p)  # fails when another process created the log meanwhile: use theirs
            except FileExistsError:
                pass
            except OSError:  # no hard links on this file system
                if not p.exists():
                    os.replace(tmp, p)
        except OSError as exc:
            raise StoreError(E509, path=p, detail=msg(M.D509, path=str(p), x=cause(exc, en=str(exc.strerror or exc)))) from None
        finally:
            conn.close()
            for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
                try:
                    leftover.unlink()
                except OSError:
                    pass

    def _prepare(self, timeout: float) -> None:
        conn, p = self.conn, self.path
        with _guard(p):
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            _check_integrity(conn, p)
            found = _schema_version(conn, p)  # refuse foreign/newer files before changing anything
            refuse_newer(found, p)
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(E502, path=p)
            conn.execute("PRAGMA synchronous = FULL")  # a legal record: durable commits
            conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()

    @classmethod
    def _open_team(cls, url: str, reviewer: str | None, timeout: float) -> TriageLog:
        """A PostgreSQL team log (``workbench log setup-team`` created it). The recorded
        "who" is the database login (current_user), whatever ``reviewer`` says. Refuses a
        server that cannot be reached (E555), a database without the team log's schema
        (E556: run setup-team) and a newer schema (E503); an older one is upgraded by the
        log's owner only (setup-team again)."""
        def finish(log: TriageLog, found: int | None) -> None:
            if found is None:
                raise StoreError(E556, path=log.path)
            if found < LATEST:
                log._migrate()

        return cls._connect_team(url, reviewer, timeout, finish)

    @classmethod
    def _connect_team(cls, url: str, reviewer: str | None, timeout: float,
                      finish: Callable[[TriageLog, int | None], None]) -> TriageLog:
        """The one way to a team log, for opening it and for setting it up: the connection
        (E555 when the server cannot be reached), the login that is the recorded "who", the
        schema version (None: no team log in that database; a newer one is refused, E503);
        then ``finish(log, found)`` under the same error mapping. A failure anywhere closes
        the connection."""
        where = redact_url(url)
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:  # pragma: no cover - a core dependency
            raise StoreError(E555, path=where, detail=msg(M.D525, x=cause(exc, en=str(exc)))) from None
        with pg_guard(where):
            conn = PgConnection(url, timeout)
        log = cls(where, conn, reviewer, dialect=POSTGRES)
        try:
            with log._guard():
                log._login = conn.execute("SELECT current_user").fetchone()[0]
                found = _pg_schema_version(conn)
                if found is not None:
                    refuse_newer(found, where)
                finish(log, found)
        except BaseException:
            conn.close()
            raise
        return log

    @classmethod
    def setup_team(
        cls, url: str, *, users: Sequence[tuple[str, str]] = (), timeout: float = DEFAULT_TIMEOUT,
        source: TriageLog | None = None,
    ) -> TriageLog:
        """Create (or upgrade) the team log's schema, roles, grants and row-level security in
        the database at ``url``; the login used owns the tables (run it as the database's
        administrator). ``users``: (login, role) pairs (role: staff | attorney | manager)
        made members of the application roles (created as LOGIN roles when missing; set
        their passwords or authentication in PostgreSQL). Returns the open log.

        ``source``: a local log to copy into the new team log (``migrate_to``): its whole
        history, verbatim, so the chain and its head hash are the same on both sides; the
        database must hold no team log yet (E558)."""
        for name, role in users:
            if role not in APP_ROLES or not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name or ""):
                raise StoreError(E508, value=f"{name}={role}", what=msg(M.D549),
                                 allowed=msg(M.D550))

        def finish(log: TriageLog, found: int | None) -> None:
            conn = log.conn
            if source is not None and found is not None:
                n = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
                raise StoreError(E558, path=log.path, events=n)
            with log._txn():
                for stmt in PG_FUNCTIONS:
                    conn.execute(stmt)
            if source is None:
                log._migrate()
            else:
                log._copy_from(source)
            with log._txn():
                for stmt in team_setup_sql(log._login):
                    conn.execute(stmt)
                for name, role in users:
                    conn.execute(
                        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN "
                        f"CREATE ROLE {name} LOGIN; END IF; END $$"
                    )
                    for other in APP_ROLES.values():
                        if other != APP_ROLES[role]:
                            conn.execute(f"REVOKE {other} FROM {name}")
                    conn.execute(f"GRANT {APP_ROLES[role]} TO {name}")

        return cls._connect_team(url, None, timeout, finish)

    def migrate_to(self, url: str, *, users: Sequence[tuple[str, str]] = (), timeout: float = DEFAULT_TIMEOUT) -> TriageLog:
        """Copy this local log into a new team log at ``url`` (``workbench log migrate-to``):
        this log must verify (E559), the copy is made in one transaction and must verify
        with the same head event and hash, or nothing is kept. Returns the team log (open)."""
        if self.is_team:
            raise StoreError(E559, path=self.path, detail=msg(M.D521))
        check = self.verify()
        if not check.ok:
            raise StoreError(E559, path=self.path, detail=msg(M.D522, x=check.detail_message or check.detail))
        return TriageLog.setup_team(url, users=users, timeout=timeout, source=self)

    def _copy_from(self, source: TriageLog) -> None:
        """Schema and the source's history and rows, verbatim, in one transaction (team log)."""
        from workbench.store.derive import DERIVED_COLUMNS

        with self._txn():
            for stmt in pg_structure_sql(0, LATEST):
                self.conn.execute(stmt)
            with source._lock, source._guard():
                for row in source.conn.execute("SELECT version, name, applied_at FROM migrations ORDER BY version"):
                    self.conn.execute("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)", list(row))
                cur = self.conn.raw.cursor()
                cols = ("id", "at", "who", "kind", "draft_id", "payload", "prev_hash", "hash")
                rows = source.conn.execute(f"SELECT {', '.join(cols)} FROM events ORDER BY id").fetchall()
                cur.executemany(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('%s' for _ in cols)})", rows)
                for table, tcols in DERIVED_COLUMNS.items():
                    rows = source.conn.execute(f"SELECT {', '.join(tcols)} FROM {table} ORDER BY id").fetchall()
                    if rows:
                        cur.executemany(
                            f"INSERT INTO {table} ({', '.join(tcols)}) VALUES ({', '.join('%s' for _ in tcols)})", rows
                        )
            src_head = source.head()
            got = self.conn.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
            if (tuple(got) if got else (0, GENESIS)) != tuple(src_head):
                raise StoreError(E559, path=self.path, detail=msg(M.D523))
            from workbench.store.dialect import pg_schema_problems
            from workbench.store.verify import verify_log

            res = verify_log(self.conn, pg_schema_problems)
            if not res.ok:
                raise StoreError(E559, path=self.path, detail=msg(M.D524, x=res.detail_message or res.detail))

    def role(self) -> str | None:
        """The application role of this login on a team log ('staff', 'attorney',
        'manager'; None for the owner or a login without one); None for a local log."""
        if not self.is_team:
            return None
        with self._lock, self._guard():
            for short, role in APP_ROLES.items():
                if self.conn.execute("SELECT pg_has_role(current_user, ?, 'MEMBER')", [role]).fetchone()[0]:
                    return short
        return None

    def _migrate(self) -> None:
        if self.is_team:
            return self._migrate_team()
        version = _schema_version(self.conn, self.path)
        refuse_newer(version, self.path)
        if version == LATEST:
            return
        with self._txn():
            version = _schema_version(self.conn, self.path)  # another process may have migrated
            refuse_newer(version, self.path)
            if version == LATEST:
                return
            if not self.db["migrations"].exists():
                self.db["migrations"].create({"version": int, "name": str, "applied_at": str}, pk="version")
            start = version
            for number, name, func in MIGRATIONS:
                if number > version:
                    func(self.db)
                    self.conn.execute(
                        "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)", [number, name, utc_now()]
                    )
                    version = number
            self._append("schema.migrated", None, {"from": start, "to": version}, self.reviewer)

    def _migrate_team(self) -> None:
        """Bring a team log's schema to LATEST (DDL from the migrations, dialect.pg_structure_sql)."""
        with self._txn():
            version = _pg_schema_version(self.conn)
            if version is None:  # an empty database: the DDL below creates the migrations table too
                version = 0
            refuse_newer(version, self.path)
            if version == LATEST:
                return
            for stmt in pg_structure_sql(version, LATEST):
                self.conn.execute(stmt)
            for number, name, _func in MIGRATIONS:
                if number > version:
                    self.conn.execute(
                        "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)", [number, name, utc_now()]
                    )
            self._append("schema.migrated", None, {"from": version, "to": LATEST}, self.reviewer)

    def __enter__(self) -> TriageLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001 - closing never matters more than the caller's error
                pass
            key, self._file_key = getattr(self, "_file_key", None), None
            if key is not None:
                with _OPEN_LOCK:
                    left = _OPEN_HERE.get(key, 1) - 1
                    if left > 0:
                        _OPEN_HERE[key] = left
                    else:
                        _OPEN_HERE.pop(key, None)

    def _query(self, sql: str, params: Sequence = ()) -> Iterator[dict]:
        """Rows as dicts."""
        if self.is_team:
            return self.conn.query(sql, params)
        return self.db.query(sql, params)

    def _who(self, reviewer: str | None) -> str:
        """Who an event records: on a team log always the login (a typed name is never
        recorded); on a local log the name given, else the default reviewer."""
        if self.is_team:
            return self.reviewer
        return reviewer or self.reviewer

    @property
    def reviewer(self) -> str:
        if self.is_team:
            return self._login or ""
        if self._reviewer:
            return self._reviewer
        from workbench.settings import default_reviewer

        return default_reviewer()

    @property
    def schema_version(self) -> int:
        with self._lock, self._guard():
            if self.is_team:
                return _pg_schema_version(self.conn) or 0
            return _schema_version(self.conn, self.path)

    # ------------------------------------------------------------------ writing
    @contextmanager
    def _txn(self) -> Iterator[None]:
        """One write transaction. The begin is inside it too: on PostgreSQL it is two
        statements (``BEGIN``, then the writers' lock, which may time out: E502), and a
        Ctrl-C may land between any two - whatever fails, the transaction is rolled back
        and the connection is fit for the next one (it was left in an aborted transaction,
        or inside one the next ``BEGIN`` could not start). A failed ``COMMIT`` rolls back too."""
        with self._lock, self._guard():
            try:
                self.dialect.begin_write(self.conn)
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        """Roll back an open transaction; the error that got here is the one reported."""
        try:
            if self.conn.in_transaction:  # SQLite may already have rolled back (e.g. disk full)
                self.conn.execute("ROLLBACK")
        except Exception:  # noqa: BLE001 - a connection that cannot even roll back: the server
            pass  # dropped it (opened again before the next call) or SQLite ended the transaction

    def _append(self, kind: str, draft_id: int | None, payload: dict, who: str) -> int:
        """Append one event and its derived rows; call inside ``_txn``."""
        who = _storable(who)
        payload_json = canonical_json(payload)
        try:
            payload_json.encode("utf-8")  # any text that cannot be stored shows here, in one pass
        except UnicodeEncodeError:  # a file name of undecodable bytes
            payload = _storable(payload)
            payload_json = canonical_json(payload)
        last = self.conn.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
        event_id = last[0] + 1 if last else 1
        prev = last[1] if last else GENESIS
        at = utc_now()
        h = event_hash_of_json(prev, id=event_id, at=at, who=who, kind=kind, draft_id=draft_id, payload_json=payload_json)
        self.conn.execute(
            "INSERT INTO events (id, at, who, kind, draft_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [event_id, at, who, kind, draft_id, payload_json, prev, h],
        )
        event = {"id": event_id, "at": at, "who": who, "kind": kind, "draft_id": draft_id, "payload": payload}
        for table, rows in rows_for_event(event).items():
            cols = DERIVED_COLUMNS[table]
            sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
            for row in rows:
                self.conn.execute(sql, [row[c] for c in cols])
        return event_id

    def record_verdict(
        self, verdict: DraftVerdict, reviewer: str | None = None, *, version_of: int | str | None | bool = None
    ) -> int:
        """Record a screening result; returns the draft id. A draft whose file hash is
        already in the log is linked (a new verdict event), never duplicated.

        A new file (new hash) whose name or title is that of a draft already in the log is
        the next version of that draft's matter (``draft.versioned``): the annotations of
        its unchanged claims carry over and those of changed claims are flagged for
        re-review (``annotations.carried``); the decision stays with the matter.
        ``version_of`` (a draft id or hash prefix) names the matter instead; ``False``
        keeps the draft a matter of its own."""
        if not verdict.draft.sha256:
            raise StoreError(E508, value="", what=msg(M.D541), allowed=msg(M.D542))
        if verdict.level not in LEVELS:
            raise StoreError(E508, value=verdict.level, what=msg(M.D530), allowed=", ".join(LEVELS))
        who = self._who(reviewer)
        payload = verdict_payload(verdict)
        for f in verdict.fields + tuple(f for cv in verdict.claim_verdicts for f in cv.fields):
            if not isinstance(f.likelihood, (int, float)) or not math.isfinite(f.likelihood):
                raise StoreError(E508, value=f.likelihood, what=msg(M.D547, field=f.field_id), allowed=msg(M.D548))
        with self._txn():
            row = self.conn.execute("SELECT id FROM drafts WHERE sha256 = ?", [verdict.draft.sha256]).fetchone()
            previous = None
            if row:
                draft_id = row[0]
            else:
                previous = self._version_candidate(verdict.draft.name, verdict.draft.title, version_of)
                draft_id = self.conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM drafts").fetchone()[0]
                self._append("draft.added", draft_id, draft_payload(verdict), who)
            self._append("verdict.recorded", draft_id, payload, who)
            if previous is not None:
                self._link(draft_id, previous[0], previous[1], who)
        return draft_id

    # ------------------------------------------------------------------ versions
    def _matter_of(self, did: int) -> tuple[int, int]:
        """(matter id, version) of a draft: its latest version row, else its own matter, v1."""
        row = self.conn.execute(
            "SELECT matter_id, version FROM draft_versions WHERE draft_id = ? ORDER BY id DESC LIMIT 1", [did]
        ).fetchone()
        return (row[0], row[1]) if row else (did, 1)

    def _version_rows(self) -> dict[int, tuple[int, int, str, int | None, str]]:
        """draft id -> (matter id, version, basis, previous draft id, at) for every linked draft."""
        out: dict[int, tuple[int, int, str, int | None, str]] = {}
        for did, mid, ver, basis, prev, at in self.conn.execute(
            "SELECT draft_id, matter_id, version, basis, previous_draft_id, at FROM draft_versions ORDER BY id"
        ):
            out[did] = (mid, ver, basis or "", prev, at or "")
        return out

    def _matter_drafts(self, matter_id: int) -> list[tuple[int, int]]:
        """[(draft id, version)] of a matter, by version."""
        rows = self._version_rows()
        members = [(did, v[1]) for did, v in rows.items() if v[0] == matter_id]
        if matter_id not in rows and self.conn.execute("SELECT 1 FROM drafts WHERE id = ?", [matter_id]).fetchone():
            members.append((matter_id, 1))
        return sorted(members, key=lambda m: (m[1], m[0]))

    def _version_candidate(self, name: str, title: str, version_of) -> tuple[int, str] | None:
        """(the latest version of the matter a new draft continues, basis) or None."""
        if version_of is False:
            return None
        if version_of is not None and version_of is not True:
            matter, _ = self._matter_of(self._resolve(version_of))
            basis = "chosen"
        else:
            row = None
            if name:
                # as stored: a name of undecodable bytes is kept escaped (the raw one cannot be encoded)
                row = self.conn.execute("SELECT id FROM drafts WHERE name = ? ORDER BY id DESC LIMIT 1", [_storable(name)]).fetchone()
                basis = "same_name"
            if row is None and title and len(title.strip()) >= 4:
                row = self.conn.execute(
                    "SELECT id FROM drafts WHERE title = ? ORDER BY id DESC LIMIT 1", [_storable(title.strip())]
                ).fetchone() or self.conn.execute(
                    "SELECT id FROM drafts WHERE trim(title) = ? ORDER BY id DESC LIMIT 1", [_storable(title.strip())]
                ).fetchone()
                basis = "same_title"
            if row is None:
                return None
            matter, _ = self._matter_of(row[0])
        latest = self._matter_drafts(matter)[-1][0]
        return latest, basis

    def _link(self, draft_id: int, previous_id: int, basis: str, who: str) -> None:
        """Make ``draft_id`` the next version after ``previous_id``'s matter's latest one and
        carry the previous version's annotations over; call inside ``_txn``."""
        from workbench.store.versions import carry_over, compare_claims

        matter, _ = self._matter_of(previous_id)
        members = [m for m in self._matter_drafts(matter) if m[0] != draft_id]
        version = max(v for _, v in members) + 1
        prev = members[-1][0]
        self._append("draft.versioned", draft_id,
                     {"matter_id": matter, "version": version, "previous_draft_id": prev, "basis": basis}, who)
        old = self._latest_claims(prev)
        new = self._latest_claims(draft_id)
        changes = compare_claims(old[0], new[0], old[1], new[1])
        in_force = self._current_annotations(prev)
        carried, review = carry_over(changes, in_force, tuple(f for f in self._review_flags(prev) if f.open))
        if carried or review:
            self._append("annotations.carried", draft_id,
                         {"from_draft_id": prev, "version": version, "carried": carried, "review": review}, who)

    def link_version(
        self, draft_id: int | str, version_of: int | str, reviewer: str | None = None
    ) -> int:
        """The user's choice: ``draft_id`` is the next version of ``version_of``'s matter
        (a draft imported under another name and title). Returns its version number."""
        who = reviewer or self.reviewer
        with self._txn():
            did = self._resolve(draft_id)
            other = self._resolve(version_of)
            matter, _ = self._matter_of(other)
            if self._matter_of(did)[0] == matter:
                raise StoreError(E508, value=version_of, what=msg(M.D576), allowed=msg(M.D577))
            if any(v[0] == did and d != did for d, v in self._version_rows().items()):
                raise StoreError(E508, value=draft_id, what=msg(M.D578), allowed=msg(M.D579))
            self._link(did, other, "chosen", who)
            return self._matter_of(did)[1]

    def _latest_claims(self, did: int) -> tuple[tuple[Claim, ...], dict[int, tuple[FieldVerdict, ...]]]:
        """The claims of a draft's latest verdict and each claim's fields."""
        vrow = next(iter(self._query("SELECT * FROM verdicts WHERE draft_id = ? ORDER BY id DESC LIMIT 1", [did])), None)
        if vrow is None:
            return (), {}
        claims = tuple(
            Claim(number=c["number"], text=c["text"], independent=bool(c["independent"]),
                  depends_on=tuple(_json(c["depends_on"], [])), category=c["category"] or "other")
            for c in self._query("SELECT * FROM claims WHERE event_id = ? ORDER BY number, id", [vrow["event_id"]])
        )
        return claims, self._stored_verdict(vrow).claim_fields

    def _current_annotations(self, did: int) -> tuple[Annotation, ...]:
        latest: dict[tuple, Annotation] = {}
        for a in self._query("SELECT * FROM annotations WHERE draft_id = ? ORDER BY id", [did]):
            ann = self._annotation(a)
            latest[(ann.claim_number, ann.field_id, ann.reviewer)] = ann
        return tuple(latest.values())

    def _review_flags(self, did: int) -> tuple:
        """A draft's re-review flags; one is closed by a later annotation of its claim and field."""
        from workbench.store.versions import ReviewFlag

        done = {}
        for claim, field, eid in self.conn.execute(
            "SELECT claim_number, field_id, MAX(event_id) FROM annotations WHERE draft_id = ? AND carried_from IS NULL "
            "GROUP BY claim_number, field_id", [did]
        ):
            done[(claim, field)] = eid
        out = []
        for r in self._query("SELECT * FROM review_flags WHERE draft_id = ? ORDER BY id", [did]):
            closed = r["claim_number"] is not None and done.get((r["claim_number"], r["field_id"]), 0) > r["event_id"]
            out.append(ReviewFlag(
                draft_id=did, claim_number=r["claim_number"], field_id=r["field_id"], verdict=r["verdict"],
                reason=r["reason"], from_draft_id=r["from_draft_id"], from_claim_number=r["from_claim_number"],
                reviewer=r["reviewer"] or "", note=r["note"] or "", at=r["at"] or "", open=not closed,
            ))
        return tuple(out)

    def versions_of(self, ref: int | str) -> tuple:
        """The versions of the matter a draft belongs to, oldest first."""
        from workbench.store.versions import VersionInfo

        with self._lock, self._guard():
            did = self._resolve(ref)
            matter, _ = self._matter_of(did)
            rows = self._version_rows()
            out = []
            for d, ver in self._matter_drafts(matter):
                name, sha, added = self.conn.execute("SELECT name, sha256, ingested_at FROM drafts WHERE id = ?", [d]).fetchone()
                info = rows.get(d)
                out.append(VersionInfo(d, matter, ver, name or "", sha, info[2] if info else "", info[3] if info else None,
                                       info[4] if info else added or ""))
            return tuple(out)

    def annotate(
        self,
        draft_id: int | str,
        claim_number: int,
        field_id: int | None,
        verdict: str,
        note: str = "",
        corrected_ipc: str | None = None,
        reviewer: str | None = None,
    ) -> Annotation:
        """Record a reviewer's agree/disagree on a field flag of a claim. A later
        annotation of the same claim and field supersedes an earlier one."""
        if verdict not in ANNOTATION_VERDICTS:
            raise StoreError(E508, value=verdict, what=msg(M.D540), allowed=", ".join(ANNOTATION_VERDICTS))
        try:
            claim_number = int(claim_number)
            field_id = None if field_id is None else int(field_id)
        except (TypeError, ValueError):
            raise StoreError(E508, value=f"{claim_number}/{field_id}", what=msg(M.D543), allowed=msg(M.D544)) from None
        ipc = normalize_ipc(corrected_ipc) if corrected_ipc else None
        who = self._who(reviewer)
        with self._txn():
            did = self._resolve(draft_id)
            numbers = [r[0] for r in self.conn.execute(
                "SELECT number FROM claims WHERE event_id = (SELECT MAX(event_id) FROM verdicts WHERE draft_id = ?)", [did]
            )]
            if numbers and claim_number not in numbers:
                raise StoreError(
                    E508, value=claim_number, what=msg(M.D545),
                    allowed=", ".join(str(n) for n in sorted(numbers)),
                )
            fields = [r[0] for r in self.conn.execute(
                "SELECT DISTINCT field_id FROM field_verdicts WHERE claim_number IS NULL AND "
                "event_id = (SELECT MAX(event_id) FROM verdicts WHERE draft_id = ?)", [did]
            )]
            if fields and field_id is not None and field_id not in fields:
                raise StoreError(
                    E508, value=field_id, what=msg(M.D546),
                    allowed=", ".join(str(n) for n in sorted(fields)),
                )
            payload = {"claim_number": claim_number, "field_id": field_id, "verdict": verdict, "note": note or "", "corrected_ipc": ipc}
            eid = self._append("annotation.added", did, payload, who)
            at = self.conn.execute("SELECT at FROM events WHERE id = ?", [eid]).fetchone()[0]
        return Annotation(did, claim_number, field_id, verdict, note or "", ipc, who, at)

    def decide(
        self,
        draft_id: int | str,
        decision: str,
        rationale: str,
        completed_in_japan: bool | None = None,
        planned_countries: Sequence[str] = (),
        jp_filing_date: date | str | None = None,
        reviewer: str | None = None,
        residences: Sequence[str] | None = None,
        completed_abroad: Sequence[str] | None = None,
        override_reason: str | None = None,
    ) -> Decision:
        """Record the foreign-filing decision for a draft (supersedes any earlier one).

        A decision that goes against the verdict or the filing checklist (clear to file
        abroad on a *likely* verdict, or where Japan's first-filing duty applies; see
        ``workbench.store.signoff``) is refused without an ``override_reason`` (E550);
        with one, it is stored with its risks and stays *pending* until a manager
        approves it (:meth:`approve_override`). A reason given for a decision that
        needs none is not stored (nothing to sign off).

        ``rationale`` is required (E506). From ``jp_filing_date`` the primary-review
        point (+3 months) and the foreign-filing-free point (+10 months) are stored.
        ``residences``: the inventors' / applicant's countries of residence (ISO codes;
        they decide several jurisdictions' duties in the filing checklist): stored as
        given; an empty list is "none given", None (the default) "not recorded".
        ``completed_abroad``: the countries other than Japan where the invention was
        completed, wholly or partly (the filing checklist's "place" rules, e.g. the US
        foreign filing licence): stored the same way (empty = none, None = not recorded).
        Japan is not one of them - whether it was completed in Japan is
        ``completed_in_japan`` - so JP there is refused (E508) rather than stored twice.
        """
        if decision not in DECISIONS:
            raise StoreError(E508, value=decision, what=msg(M.D531), allowed=", ".join(DECISIONS))
        if not isinstance(rationale, str) or not rationale.strip():
            raise StoreError(E506)
        if completed_in_japan is not None and not isinstance(completed_in_japan, bool):
            raise StoreError(E508, value=completed_in_japan, what=msg(M.D538), allowed=msg(M.D539))
        countries = _country_codes(planned_countries, msg(M.D532), msg(M.D537), routes=True)
        resid = None if residences is None else _country_codes(
            residences, msg(M.D533), msg(M.D535))
        abroad_allowed = msg(M.D536)
        abroad = None if completed_abroad is None else _country_codes(completed_abroad, msg(M.D534), abroad_allowed)
        from workbench.filing.codes import HOME, abroad_problem

        if abroad and abroad_problem(abroad) is not None:  # Japan is not abroad: the one rule
            raise StoreError(E508, value=HOME, what=msg(M.D534), allowed=abroad_allowed)
        jp = parse_date(jp_filing_date, msg(M.D553))
        jp_iso = jp.isoformat() if jp else None
        primary, free = key_dates(jp)
        who = self._who(reviewer)
        reason = override_reason.strip() if isinstance(override_reason, str) else ""
        with self._txn():
            did = self._resolve(draft_id)
            risks = self._override_risks(did, decision, completed_in_japan, abroad, resid, countries)
            if risks and not reason:
                from workbench.store.signoff import risks_message

                raise StoreError(E550, risks=risks_message(risks, self._latest_level(did)))
            matter_ids = [d for d, _ in self._matter_drafts(self._matter_of(did)[0])]
            prev = self.conn.execute(
                f"SELECT MAX(id) FROM decisions WHERE draft_id IN ({', '.join('?' for _ in matter_ids)})", matter_ids
            ).fetchone()[0]
            payload = {
                "decision": decision,
                "rationale": rationale.strip(),
                "completed_in_japan": completed_in_japan,
                "planned_countries": list(countries),
                "jp_filing_date": jp_iso,
                "primary_review_due": primary,
                "foreign_filing_free": free,
                "residences": None if resid is None else list(resid),
                "completed_abroad": None if abroad is None else list(abroad),
                "supersedes": prev,
            }
            if risks:
                payload["override"] = {"reason": reason, "risks": list(risks)}
            matter, version = self._matter_of(did)
            if matter != did or version != 1 or len(self._matter_drafts(matter)) > 1:
                payload["matter_id"], payload["version"] = matter, version  # made on this version of the matter
            eid = self._append("decision.recorded", did, payload, who)
            at = self.conn.execute("SELECT at FROM events WHERE id = ?", [eid]).fetchone()[0]
        return Decision(did, decision, rationale.strip(), completed_in_japan, countries, jp_iso, primary, free, who, at, resid,
                        abroad, override_reason=reason if risks else None, override_risks=risks)

    def _latest_level(self, did: int) -> str | None:
        row = self.conn.execute("SELECT level FROM verdicts WHERE draft_id = ? ORDER BY id DESC LIMIT 1", [did]).fetchone()
        return row[0] if row else None

    def _override_risks(self, did, decision, completed_in_japan, abroad, resid, planned) -> tuple[str, ...]:
        """The risks of ``decision`` for draft ``did`` against its latest verdict (level and
        defence answer) and the filing checklist; see workbench.store.signoff."""
        from workbench.store.signoff import RISKY_DECISIONS, override_risks

        if decision not in RISKY_DECISIONS:
            return ()
        row = self.conn.execute(
            "SELECT v.level, e.payload FROM verdicts v JOIN events e ON e.id = v.event_id "
            "WHERE v.draft_id = ? ORDER BY v.id DESC LIMIT 1", [did]
        ).fetchone()
        level, defence = None, None
        if row:
            level = row[0]
            defence = (json.loads(row[1]).get("answers") or {}).get("defence_use")
        return override_risks(
            decision, level, completed_in_japan=completed_in_japan, completed_abroad=abroad, residences=resid,
            planned=planned, defence_related=defence,
        )

    def override_risks(
        self,
        draft_id: int | str,
        decision: str,
        *,
        completed_in_japan: bool | None = None,
        completed_abroad: Sequence[str] | None = None,
        residences: Sequence[str] | None = None,
        planned_countries: Sequence[str] = (),
    ) -> tuple[str, ...]:
        """The risk codes :meth:`decide` would find for these facts (the panel asks before
        saving, to show the override field); empty when no override is needed."""
        with self._lock, self._guard():
            did = self._resolve(draft_id)
            return self._override_risks(
                did, decision, completed_in_japan, None if completed_abroad is None else _lenient(completed_abroad),
                None if residences is None else _lenient(residences), _lenient(planned_countries, routes=True),
            )

    def approve_override(self, draft_id: int | str, note: str = "", reviewer: str | None = None) -> Decision:
        """A manager's approval of the override of a draft's *current* decision, recorded as
        an ``override.approved`` event. Refused when that decision has no override (E551),
        is already approved (E552), or by the person who decided it (E553: sign-off needs
        a second person). Returns the decision as now approved."""
        who = self._who(reviewer)
        with self._txn():
            did = self._resolve(draft_id)
            row = next(iter(self._query(
                "SELECT * FROM decisions WHERE draft_id = ? ORDER BY id DESC LIMIT 1", [did]
            )), None)
            if row is None or not row.get("override_reason"):
                raise StoreError(E551, draft_id=did)
            done = self.conn.execute(
                "SELECT approver, at FROM approvals WHERE decision_event_id = ? ORDER BY id LIMIT 1", [row["event_id"]]
            ).fetchone()
            if done:
                raise StoreError(E552, draft_id=did, who=done[0], at=done[1])
            if (row["reviewer"] or "") == who:
                raise StoreError(E553, who=who)
            eid = self._append("override.approved", did, {"decision_event": row["event_id"], "note": (note or "").strip()}, who)
            at = self.conn.execute("SELECT at FROM events WHERE id = ?", [eid]).fetchone()[0]
            approved = dict(row, approved_by=who, approved_at=at, approval_note=(note or "").strip())
        return self._decision(approved)

    def record_export(self, fmt: str, filters: dict, file_name: str) -> int | None:
        """On a team log, the audit record of an export (a ``log.exported`` event: who, when,
        which format, filters and file), appended before the export reads anything. Only the
        manager role may insert it (row-level security on events), so the database itself
        refuses a staff or attorney login's export (E554), from the CLI, the GUI or any other
        client of the workbench. Returns the event id; the embedded single-user log records
        nothing (None), as before."""
        if not self.is_team:
            return None
        payload = {
            "format": fmt,
            "filters": {k: str(v) for k, v in sorted(filters.items()) if v not in (None, "")},
            "file": str(file_name),
        }
        with self._txn():
            return self._append("log.exported", None, payload, self._who(None))

    def record_facts(
        self,
        draft_id: int | str,
        *,
        inventors: Sequence[dict] = (),
        applicants: Sequence[dict] = (),
        filings: Sequence[dict] = (),
        permits: Sequence[dict] = (),
        reviewer: str | None = None,
    ) -> dict:
        """Record the filing facts of a draft (one ``facts.recorded`` event; the latest
        supersedes the earlier ones): inventors (name, residence, nationality, where their
        part was made), applicants (name, seat), planned filings (office, route, receiving
        office, intended date, filed on) and clearances asked for without a home filing
        (rule, requested, granted). Codes are ISO 3166-1 (E508 otherwise). Returns the
        stored facts (``filing_facts``)."""
        from workbench.filing.facts import facts_payload

        payload = facts_payload(inventors, applicants, filings, permits)
        who = self._who(reviewer)
        with self._txn():
            did = self._resolve(draft_id)
            prev = self.conn.execute(  # the matter's latest facts, whichever version they were recorded on
                f"SELECT MAX(event_id) FROM filing_facts WHERE {_MATTER_SQL.format(d='draft_id')} = {_MATTER_SQL.format(d='?')}",
                [did, did]).fetchone()[0]
            self._append("facts.recorded", did, {**payload, "supersedes": prev}, who)
        return self.filing_facts(did)

    def filing_facts(self, draft_id: int | str, *, before_event: int | None = None) -> dict | None:
        """The current filing facts of a draft ({inventors, applicants, filings, permits,
        reviewer, at, event_id}), or None when none were recorded; with ``before_event`` the
        facts as they stood before that event (an export shows each decision with the facts
        it was taken on). The facts are the invention's, so they are the matter's: the latest
        recorded on any version of it (as its decision is; version 2 read 'none recorded')."""
        with self._lock, self._guard():
            did = self._resolve(draft_id)
            sql = (f"SELECT * FROM filing_facts WHERE {_MATTER_SQL.format(d='draft_id')} = {_MATTER_SQL.format(d='?')}"
                   + (" AND event_id < ?" if before_event else ""))
            row = next(iter(self._query(sql + " ORDER BY event_id DESC LIMIT 1",
                                          [did, did, before_event] if before_event else [did, did])), None)
        if row is None:
            return None
        return {**{k: json.loads(row[k]) for k in ("inventors", "applicants", "filings", "permits")},
                "reviewer": row["reviewer"] or "", "at": row["at"] or "", "event_id": row["event_id"]}

    # ------------------------------------------------------------------ reading
    def _resolve(self, ref: int | str) -> int:
        """A draft id (int or digits) or a sha256 prefix (>= 4 hex chars) -> draft id."""
        text = str(ref).strip()
        if isinstance(ref, int) or text.isdigit():
            row = self.conn.execute("SELECT id FROM drafts WHERE id = ?", [int(text)]).fetchone()
            if row:
                return row[0]
            if isinstance(ref, int) or len(text) < 4:
                raise StoreError(E507, ref=text)
        if len(text) >= 4 and re.fullmatch(r"[0-9a-fA-F]+", text):
            rows = self.conn.execute(
                "SELECT id FROM drafts WHERE sha256 LIKE ? LIMIT 2", [text.lower() + "%"]
            ).fetchall()
            if len(rows) > 1:
                raise StoreError(E510, ref=text)
            if rows:
                return rows[0][0]
        raise StoreError(E507, ref=text)

    def resolve(self, ref: int | str) -> int:
        """Public form of the draft-reference lookup (id or hash prefix)."""
        with self._lock, self._guard():
            return self._resolve(ref)

    # A decision with its first approval (an override is approved once).
    _DECISIONS_SQL = """
        SELECT k.*, p.approver AS approved_by, p.at AS approved_at, p.note AS approval_note
        FROM decisions k
        LEFT JOIN approvals p ON p.id = (SELECT MIN(id) FROM approvals WHERE decision_event_id = k.event_id)
    """

    _SUMMARY_SQL = """
        SELECT d.id, d.name, d.sha256, d.language, d.ingested_at, d.title, d.format,
               v.level, v.top_field_id, v.top_likelihood, v.at AS verdict_at,
               v.ruleset_version, v.model_version,
               (SELECT COUNT(*) FROM claims c WHERE c.event_id = v.event_id) AS n_claims,
               (SELECT name_en FROM field_verdicts f WHERE f.event_id = v.event_id AND f.claim_number IS NULL
                    AND f.field_id = v.top_field_id LIMIT 1) AS top_name_en,
               (SELECT name_ja FROM field_verdicts f WHERE f.event_id = v.event_id AND f.claim_number IS NULL
                    AND f.field_id = v.top_field_id LIMIT 1) AS top_name_ja,
               k.decision, k.primary_review_due, k.foreign_filing_free, k.at AS decided_at,
               k.reviewer AS decided_by, k.jp_filing_date,
               (SELECT COUNT(*) FROM annotations a WHERE a.draft_id = d.id) AS n_annotations,
               k.override_reason,
               (SELECT COUNT(*) FROM approvals p WHERE p.decision_event_id = k.event_id) AS n_approvals
        FROM drafts d
        LEFT JOIN verdicts v ON v.id = (SELECT MAX(id) FROM verdicts WHERE draft_id = d.id)
        LEFT JOIN decisions k ON k.id = (SELECT MAX(id) FROM decisions WHERE draft_id = d.id)
    """

    @staticmethod
    def _summary(r: dict) -> DraftSummary:
        return DraftSummary(
            id=r["id"], name=r["name"] or "", sha256=r["sha256"], language=r["language"] or "",
            ingested_at=r["ingested_at"] or "", level=r["level"], top_field_id=r["top_field_id"],
            top_likelihood=r["top_likelihood"], decision=r["decision"],
            primary_review_due=r["primary_review_due"], foreign_filing_free=r["foreign_filing_free"],
            claims=r["n_claims"] or 0, title=r["title"] or "", format=r["format"] or "",
            top_field_name_en=r["top_name_en"] or "", top_field_name_ja=r["top_name_ja"] or "",
            verdict_at=r["verdict_at"], decided_at=r["decided_at"], decided_by=r["decided_by"],
            ruleset_version=r["ruleset_version"] or "", model_version=r["model_version"] or "",
            jp_filing_date=r["jp_filing_date"], annotations=r["n_annotations"] or 0,
            override=None if not r["override_reason"] else ("approved" if r["n_approvals"] else "pending"),
        )

    def drafts(
        self,
        *,
        level: str | None = None,
        decision: str | None = None,
        reviewer: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        search: str | None = None,
        ids: Sequence[int] | None = None,
        latest_only: bool = False,
    ) -> list[DraftSummary]:
        """Drafts in the log, oldest first (``latest_only``: one per matter, its latest
        version; see :meth:`matters`), filtered by: latest ``level``; current
        ``decision`` ("none" = undecided); ``reviewer`` (anyone who recorded an event
        on it); first-ingested date range ``since``..``until`` (inclusive); ``search``
        (case-insensitive, in name, title or hash prefix)."""
        if level is not None and level not in LEVELS:
            raise StoreError(E508, value=level, what=msg(M.D530), allowed=", ".join(LEVELS))
        if decision is not None and decision not in DECISIONS + ("none",):
            raise StoreError(E508, value=decision, what=msg(M.D531), allowed=", ".join(DECISIONS + ("none",)))
        lo = parse_date(since)
        hi = parse_date(until)
        where, params = [], []
        if reviewer:
            where.append("d.id IN (SELECT draft_id FROM events WHERE who = ?)")
            params.append(reviewer)
        if ids is not None:  # only these drafts (a refresh reads the drafts new events touched)
            ids = sorted({int(i) for i in ids})
            if not ids:
                return []
            where.append(f"d.id IN ({', '.join('?' for _ in ids)})")
            params.extend(ids)
        sql = self._SUMMARY_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.id"
        with self._lock, self._guard():
            rows = self._with_versions([self._summary(r) for r in self._query(sql, params)], latest_only)
        out = []
        needle = (search or "").strip().lower()
        for s in rows:
            if level and s.level != level:
                continue
            if decision == "none" and s.decision is not None:
                continue
            if decision and decision != "none" and s.decision != decision:
                continue
            day = s.ingested_at[:10]
            if lo and day < lo.isoformat():
                continue
            if hi and day > hi.isoformat():
                continue
            if needle and needle not in s.name.lower() and needle not in s.title.lower() and not s.sha256.startswith(needle):
                continue
            out.append(s)
        return out

    def matters(self, **filters) -> list[DraftSummary]:
        """One line per matter: its latest version's draft and verdict, with the matter's
        current decision (``decision_version``: the version it was made on); the filters of
        :meth:`drafts`."""
        return self.drafts(latest_only=True, **filters)

    def _with_versions(self, rows: list[DraftSummary], latest_only: bool) -> list[DraftSummary]:
        """The rows with their matter, version and the matter's current decision."""
        vrows = self._version_rows()
        place = {s.id: vrows.get(s.id, (s.id, 1))[:2] for s in rows}
        for did, v in vrows.items():  # drafts filtered out still count as versions
            place.setdefault(did, v[:2])
            place.setdefault(v[0], (v[0], 1))  # and so does each matter's first version (it has no row)
        members: dict[int, list[tuple[int, int]]] = {}
        for did, (mid, ver) in place.items():
            members.setdefault(mid, []).append((ver, did))
        wanted = sorted({d for s in rows for _, d in members[place[s.id][0]]})
        if len(wanted) <= 500:  # a few drafts (a refresh, a decision saved): their matters' decisions only
            sql = ("SELECT * FROM decisions WHERE id IN (SELECT MAX(id) FROM decisions WHERE draft_id IN "
                   f"({', '.join('?' for _ in wanted)}) GROUP BY draft_id)") if wanted else None
        else:  # the whole list: every current decision in one pass
            sql = "SELECT * FROM decisions WHERE id IN (SELECT MAX(id) FROM decisions GROUP BY draft_id)"
        decided = {r["draft_id"]: r for r in self._query(sql, wanted if len(wanted) <= 500 else [])} if sql else {}
        flagged = {r[0] for r in self.conn.execute("SELECT DISTINCT draft_id FROM review_flags")}
        out = []
        for s in rows:
            mid, ver = place[s.id]
            group = sorted(members[mid])
            if latest_only and group[-1][1] != s.id:
                continue
            ids = {d for _, d in group}
            current = max((decided[d] for d in ids if d in decided), key=lambda r: r["id"], default=None)
            extra = {}
            if current is not None:
                extra = dict(
                    decision=current["decision"], primary_review_due=current["primary_review_due"],
                    foreign_filing_free=current["foreign_filing_free"], decided_at=current["at"],
                    decided_by=current["reviewer"], jp_filing_date=current["jp_filing_date"],
                    decision_version=place.get(current["draft_id"], (0, 1))[1],
                )
            opened = sum(1 for f in self._review_flags(s.id) if f.open) if s.id in flagged else 0
            out.append(replace(s, matter_id=mid, version=ver, versions=len(group), review_flags=opened, **extra))
        return out

    def draft(self, ref: int | str) -> DraftRecord:
        """Everything about one draft, by id or sha256 prefix (E507 if unknown)."""
        with self._lock, self._guard():
            did = self._resolve(ref)
            summary = self._summary(next(iter(self._query(self._SUMMARY_SQL + " WHERE d.id = ?", [did]))))
            source_path = self.conn.execute("SELECT source_path FROM drafts WHERE id = ?", [did]).fetchone()[0] or ""
            vrow = next(iter(self._query("SELECT * FROM verdicts WHERE draft_id = ? ORDER BY id DESC LIMIT 1", [did])), None)
            n_verdicts = self.conn.execute("SELECT COUNT(*) FROM verdicts WHERE draft_id = ?", [did]).fetchone()[0]
            claims: tuple[Claim, ...] = ()
            stored = None
            if vrow:
                claims = tuple(
                    Claim(
                        number=c["number"], text=c["text"], independent=bool(c["independent"]),
                        depends_on=tuple(_json(c["depends_on"], [])), category=c["category"] or "other",
                    )
                    for c in self._query("SELECT * FROM claims WHERE event_id = ? ORDER BY number, id", [vrow["event_id"]])
                )
                stored = self._stored_verdict(vrow)
            ann = tuple(
                self._annotation(a) for a in self._query("SELECT * FROM annotations WHERE draft_id = ? ORDER BY id", [did])
            )
            # the decision stays with the matter: every version's decisions, oldest first
            matter, version = self._matter_of(did)
            members = [d for d, _ in self._matter_drafts(matter)]
            marks = ", ".join("?" for _ in members)
            decs = tuple(
                self._decision(r)
                for r in self._query(self._DECISIONS_SQL + f" WHERE k.draft_id IN ({marks}) ORDER BY k.id", members)
            )
            flags = self._review_flags(did)
            changes = ()
            prev = next((d for d, v in self._matter_drafts(matter) if v == version - 1), None)
            if prev is not None:
                from workbench.store.versions import compare_claims

                old, new = self._latest_claims(prev), self._latest_claims(did)
                changes = compare_claims(old[0], new[0], old[1], new[1])
        versions = self.versions_of(did)
        latest: dict[tuple, Annotation] = {}
        for a in ann:
            latest[(a.claim_number, a.field_id, a.reviewer)] = a
        summary = replace(summary, matter_id=matter, version=version, versions=len(versions),
                          review_flags=sum(1 for f in flags if f.open))
        current = decs[-1] if decs else None
        if current is not None:
            summary = replace(
                summary, decision=current.decision, primary_review_due=current.primary_review_due,
                foreign_filing_free=current.foreign_filing_free, decided_at=current.at, decided_by=current.reviewer,
                jp_filing_date=current.jp_filing_date,
                decision_version=next((v.version for v in versions if v.draft_id == current.draft_id), None),
            )
        return DraftRecord(
            summary=summary, source_path=source_path, claims=claims, verdict=stored, verdict_count=n_verdicts,
            annotations=ann, current_annotations=tuple(latest.values()),
            decision=current, decisions=decs, versions=versions, changes=changes, review_flags=flags,
        )

    def _stored_verdict(self, vrow: dict) -> StoredVerdict:
        payload = json.loads(self.conn.execute("SELECT payload FROM events WHERE id = ?", [vrow["event_id"]]).fetchone()[0])
        draft_fields: list[FieldVerdict] = []
        per_claim: dict[int, list[FieldVerdict]] = {}
        for f in self._query("SELECT * FROM field_verdicts WHERE event_id = ? ORDER BY id", [vrow["event_id"]]):
            fv = FieldVerdict(
                field_id=f["field_id"], status=f["status"], likelihood=f["likelihood"],
                name_en=f["name_en"] or "", name_ja=f["name_ja"] or "",
                reasons=tuple(from_stored(r) for r in _json(f["reasons"], [])),
                evidence=tuple(Evidence(**e) for e in _json(f["evidence"], [])),
                verified=bool(f["verified"]),
            )
            if f["claim_number"] is None:
                draft_fields.append(fv)
            else:
                per_claim.setdefault(f["claim_number"], []).append(fv)
        return StoredVerdict(
            id=vrow["id"], event_id=vrow["event_id"], at=vrow["at"], who=vrow["who"], level=vrow["level"],
            ruleset_version=vrow["ruleset_version"] or "", ruleset_checksum=vrow["ruleset_checksum"] or "",
            model_version=vrow["model_version"] or "", fields=tuple(draft_fields),
            claim_fields={k: tuple(v) for k, v in per_claim.items()},
            ipc=tuple(IpcScore(**i) for i in payload.get("ipc", [])),
            thresholds=payload.get("thresholds", {}), answers=payload.get("answers", {}),
            notes=tuple(from_stored(n) for n in payload.get("notes", [])),
            screened=verdict_from_payload(payload),
        )

    @staticmethod
    def _annotation(a: dict) -> Annotation:
        return Annotation(
            a["draft_id"], a["claim_number"], a["field_id"], a["verdict"], a["note"] or "",
            a["corrected_ipc"], a["reviewer"] or "", a["at"] or "", a.get("carried_from"),
        )

    @staticmethod
    def _decision(r: dict) -> Decision:
        return Decision(
            draft_id=r["draft_id"], decision=r["decision"], rationale=r["rationale"],
            completed_in_japan=_bool(r["completed_in_japan"]),
            planned_countries=tuple(_json(r["planned_countries"], [])),
            jp_filing_date=r["jp_filing_date"], primary_review_due=r.get("primary_review_due"),
            foreign_filing_free=r.get("foreign_filing_free"), reviewer=r["reviewer"] or "", at=r["at"] or "",
            residences=_residences(r.get("residences")), completed_abroad=_residences(r.get("completed_abroad")),
            override_reason=r.get("override_reason"), override_risks=tuple(_json(r.get("override_risks"), [])),
            approved_by=r.get("approved_by"), approved_at=r.get("approved_at"), approval_note=r.get("approval_note"),
        )

    def history(self, draft_id: int | str | None = None, *, after: int = 0,
                fields: Sequence[str] | None = None) -> list[Event]:
        """The event history, oldest first (of one draft when ``draft_id`` is given); only
        the events after event id ``after`` when given (the log is append-only: a viewer
        reads what is new, not every verdict's payload again). With ``fields``, each
        event's payload holds only those top-level keys (those it has), read by the
        database: a list of events need not parse every verdict's claims and evidence
        (3.6 s of the GUI's first load of a 10,000-draft log)."""
        keys = [k for k in (fields or ()) if re.fullmatch(r"[a-z_]+", k)]
        if fields is not None:
            cols = ", ".join(["id", "at", "who", "kind", "draft_id", "prev_hash", "hash"]
                             + [f"{self.dialect.json_field('payload', k)} AS p_{k}" for k in keys])
        else:
            cols = "*"
        with self._lock, self._guard():
            if draft_id is None:
                rows = self._query(f"SELECT {cols} FROM events WHERE id > ? ORDER BY id", [after])
            else:
                rows = self._query(
                    f"SELECT {cols} FROM events WHERE draft_id = ? AND id > ? ORDER BY id", [self._resolve(draft_id), after]
                )
            if fields is not None:
                return [
                    Event(r["id"], r["at"], r["who"], r["kind"], r["draft_id"],
                          {k: r[f"p_{k}"] for k in keys if r[f"p_{k}"] is not None}, r["prev_hash"], r["hash"])
                    for r in rows
                ]
            return [
                Event(r["id"], r["at"], r["who"], r["kind"], r["draft_id"], json.loads(r["payload"]), r["prev_hash"], r["hash"])
                for r in rows
            ]

    def verify(self) -> VerifyResult:
        """Check the hash chain and that every derived row matches its event.

        Returns ok=False with the id of the first broken event (in chain order) and
        what is wrong; never raises for a tampered log (only for an unreadable one)."""
        with self._lock, self._guard():
            from workbench.store.verify import verify_log

            if self.is_team:
                from workbench.store.dialect import pg_schema_problems

                return verify_log(self.conn, pg_schema_problems)
            return verify_log(self.conn)

    def due_soon(self, days: int = 30, today: date | str | None = None) -> list[DraftSummary]:
        """Drafts whose current decision has a key date (primary review or foreign
        filing free) from ``today`` to ``today + days`` inclusive, soonest first."""
        start = parse_date(today) or datetime.now(timezone.utc).date()
        end = start + timedelta(days=int(days))
        lo, hi = start.isoformat(), end.isoformat()
        hits = []
        for s in self.drafts():
            dates = [d for d in (s.primary_review_due, s.foreign_filing_free) if d and lo <= d <= hi]
            if dates:
                hits.append((min(dates), s.id, s))
        return [s for _, _, s in sorted(hits)]

    def deadlines(self, days: int = 30, today: date | str | None = None) -> dict[str, list[tuple[str, str, DraftSummary]]]:
        """The manager's deadlines view: {"due": ..., "overdue": ..., "this_month": ...}, each a
        list of (date, which, draft) soonest first, ``which`` = "primary_review" (JP filing
        + 3 months) or "foreign_filing" (+10 months, without designation).

        - due: the key dates from ``today`` to ``today + days`` - the same drafts and dates
          as :meth:`due_soon` (``workbench log due``);
        - overdue: key dates already past while the draft's current decision is still
          "hold" (an open matter);
        - this_month: the key dates in ``today``'s calendar month."""
        start = parse_date(today) or datetime.now(timezone.utc).date()
        lo, hi = start.isoformat(), (start + timedelta(days=int(days))).isoformat()
        month = start.isoformat()[:7]
        out: dict[str, list] = {"due": [], "overdue": [], "this_month": []}
        for s in self.drafts():  # one read (a key date in the window is exactly what due_soon lists)
            for which, d in (("primary_review", s.primary_review_due), ("foreign_filing", s.foreign_filing_free)):
                if not d:
                    continue
                if lo <= d <= hi:
                    out["due"].append((d, which, s))
                if d < lo and s.decision == "hold":
                    out["overdue"].append((d, which, s))
                if d[:7] == month:
                    out["this_month"].append((d, which, s))
        return {k: sorted(v, key=lambda t: (t[0], t[2].id)) for k, v in out.items()}

    def annotation_examples(self) -> list[AnnotationExample]:
        """Labelled examples for model training: the latest annotation per (draft,
        claim, field), with the claim text as stored in the latest verdict."""
        sql = """
            SELECT a.*, d.sha256, d.language,
                   (SELECT c.text FROM claims c WHERE c.draft_id = a.draft_id AND c.number = a.claim_number
                        ORDER BY c.event_id DESC LIMIT 1) AS claim_text
            FROM annotations a JOIN drafts d ON d.id = a.draft_id
            WHERE a.carried_from IS NULL
              AND a.id = (SELECT MAX(b.id) FROM annotations b WHERE b.draft_id = a.draft_id
                          AND b.claim_number = a.claim_number AND {same_field})
            ORDER BY a.id
        """.format(same_field=self.dialect.null_eq("b.field_id", "a.field_id"))
        with self._lock, self._guard():
            return [
                AnnotationExample(
                    claim_text=r["claim_text"] or "", field_id=r["field_id"], verdict=r["verdict"],
                    corrected_ipc=r["corrected_ipc"], language=r["language"] or "", note=r["note"] or "",
                    draft_sha256=r["sha256"], claim_number=r["claim_number"], reviewer=r["reviewer"] or "", at=r["at"] or "",
                )
                for r in self._query(sql)
            ]

    def decisions(
        self,
        *,
        since: date | str | None = None,
        until: date | str | None = None,
        decision: str | None = None,
        level: str | None = None,
        reviewer: str | None = None,
        current_only: bool = False,
    ) -> list[DecisionRow]:
        """Stored decisions (oldest first) for exports, with draft facts. Filters:
        decision date range (inclusive, on the day it was recorded), ``decision``,
        the draft's latest ``level``, the deciding ``reviewer``; ``current_only``
        drops decisions superseded by a later one for the same draft."""
        if decision is not None and decision not in DECISIONS:
            raise StoreError(E508, value=decision, what=msg(M.D531), allowed=", ".join(DECISIONS))
        if level is not None and level not in LEVELS:
            raise StoreError(E508, value=level, what=msg(M.D530), allowed=", ".join(LEVELS))
        lo, hi = parse_date(since), parse_date(until)
        where, params = [], []
        if lo:
            where.append("substr(k.at, 1, 10) >= ?")
            params.append(lo.isoformat())
        if hi:
            where.append("substr(k.at, 1, 10) <= ?")
            params.append(hi.isoformat())
        if decision:
            where.append("k.decision = ?")
            params.append(decision)
        if level:
            where.append("v.level = ?")
            params.append(level)
        if reviewer:
            where.append("k.reviewer = ?")
            params.append(reviewer)
        # a decision is current while no later one exists for its matter (any version)
        latest_of_matter = (
            f"(SELECT MAX(k2.id) FROM decisions k2 WHERE {_MATTER_SQL.format(d='k2.draft_id')} = {_MATTER_SQL.format(d='k.draft_id')})"
        )
        if current_only:
            where.append(f"k.id = {latest_of_matter}")
        sql = f"""
            SELECT k.*, d.name AS draft_name, d.sha256 AS draft_sha256,
                   k.id = {latest_of_matter} AS is_current,
                   {_MATTER_SQL.format(d='k.draft_id')} AS matter_id,
                   COALESCE((SELECT version FROM draft_versions x WHERE x.draft_id = k.draft_id ORDER BY x.id DESC LIMIT 1), 1)
                       AS version,
                   v.level, v.top_field_id, v.top_likelihood, v.ruleset_version, v.model_version,
                   (SELECT name_en FROM field_verdicts f WHERE f.event_id = v.event_id AND f.claim_number IS NULL
                        AND f.field_id = v.top_field_id LIMIT 1) AS top_name_en,
                   (SELECT name_ja FROM field_verdicts f WHERE f.event_id = v.event_id AND f.claim_number IS NULL
                        AND f.field_id = v.top_field_id LIMIT 1) AS top_name_ja,
                   p.approver AS approved_by, p.at AS approved_at, p.note AS approval_note
            FROM decisions k JOIN drafts d ON d.id = k.draft_id
            LEFT JOIN verdicts v ON v.id = (SELECT MAX(id) FROM verdicts WHERE draft_id = k.draft_id)
            LEFT JOIN approvals p ON p.id = (SELECT MIN(id) FROM approvals WHERE decision_event_id = k.event_id)
        """ + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY k.id"
        with self._lock, self._guard():
            facts: dict[int, list[tuple[int, dict]]] = {}  # matter -> [(event id, facts)], oldest first
            for f in self._query(f"SELECT f.*, {_MATTER_SQL.format(d='f.draft_id')} AS matter_id FROM filing_facts f "
                                 "ORDER BY f.event_id"):
                facts.setdefault(f["matter_id"], []).append(
                    (f["event_id"], {k: json.loads(f[k]) for k in ("inventors", "applicants", "filings", "permits")}))

            def facts_before(matter_id: int, event_id: int) -> dict | None:  # the matter's facts, any version
                found = None
                for eid, value in facts.get(matter_id, ()):
                    if eid < event_id:
                        found = value
                return found

            return [
                DecisionRow(
                    id=r["id"], event_id=r["event_id"], draft_id=r["draft_id"], draft_name=r["draft_name"] or "",
                    draft_sha256=r["draft_sha256"], decision=r["decision"],
                    decision_label=DECISION_LABELS.get(r["decision"], r["decision"]), rationale=r["rationale"],
                    completed_in_japan=_bool(r["completed_in_japan"]),
                    planned_countries=tuple(_json(r["planned_countries"], [])),
                    jp_filing_date=r["jp_filing_date"], primary_review_due=r["primary_review_due"],
                    foreign_filing_free=r["foreign_filing_free"], reviewer=r["reviewer"] or "", at=r["at"] or "",
                    current=bool(r["is_current"]), level=r["level"], top_field_id=r["top_field_id"],
                    top_field_name_en=r["top_name_en"] or "", top_field_name_ja=r["top_name_ja"] or "",
                    top_likelihood=r["top_likelihood"], ruleset_version=r["ruleset_version"] or "",
                    model_version=r["model_version"] or "", residences=_residences(r["residences"]),
                    completed_abroad=_residences(r["completed_abroad"]),
                    filing_facts=facts_before(r["matter_id"], r["event_id"]),
                    override_reason=r["override_reason"], override_risks=tuple(_json(r["override_risks"], [])),
                    approved_by=r["approved_by"], approved_at=r["approved_at"], approval_note=r["approval_note"],
                    matter_id=r["matter_id"], version=r["version"],
                )
                for r in self._query(sql, params)
            ]

    def decision_basis(self, rows: Sequence[DecisionRow]) -> dict[int, dict]:
        """What each decision was taken on, for exports an auditor can follow: decision id ->
        {"level", "answers" (the additional-requirement answers of the verdict in force when
        it was recorded: defence_use, state_commissioned; None = not answered),
        "annotations" (the attorneys' annotations of the draft recorded before it, oldest
        first)}. Read from the stored events and rows, nothing recomputed."""
        out: dict[int, dict] = {}
        with self._lock, self._guard():
            for r in rows:
                v = self.conn.execute(
                    "SELECT v.level, e.payload FROM verdicts v JOIN events e ON e.id = v.event_id "
                    "WHERE v.draft_id = ? AND v.event_id < ? ORDER BY v.event_id DESC LIMIT 1", [r.draft_id, r.event_id]
                ).fetchone()
                answers = (json.loads(v[1]).get("answers") or {}) if v else {}
                notes = [
                    {"claim_number": a["claim_number"], "field_id": a["field_id"], "verdict": a["verdict"],
                     "note": a["note"] or "", "corrected_ipc": a["corrected_ipc"], "reviewer": a["reviewer"] or "",
                     "at": a["at"] or ""}
                    for a in self._query(
                        "SELECT * FROM annotations WHERE draft_id = ? AND event_id < ? ORDER BY event_id", [r.draft_id, r.event_id]
                    )
                ]
                out[r.id] = {
                    "level": v[0] if v else None,
                    "answers": {k: answers.get(k) for k in ("defence_use", "state_commissioned")},
                    "annotations": notes,
                }
        return out

    def head(self) -> tuple[int, str]:
        """(id, hash) of the last event: quote it (exports do) to anchor the chain, so a
        later rewrite of the whole history from an earlier point can be shown."""
        with self._lock, self._guard():
            row = self.conn.execute("SELECT id, hash FROM events ORDER BY id DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, GENESIS)

    def versions(self) -> dict[str, list[str]]:
        """The distinct rule-set and model versions that produced the stored verdicts."""
        with self._lock, self._guard():
            rules = [r[0] for r in self.conn.execute("SELECT DISTINCT ruleset_version FROM verdicts ORDER BY 1") if r[0]]
            models = [r[0] for r in self.conn.execute("SELECT DISTINCT model_version FROM verdicts ORDER BY 1") if r[0]]
        return {"ruleset_versions": rules, "model_versions": models}

    def backup(self, dest: str | Path | None = None) -> Path:
        """Copy the open log with SQLite's online backup API (see backups.backup)."""
        from workbench.store.backups import backup_connection

        if self.is_team:
            raise StoreError(E557, path=self.path)
        with self._lock:
            return backup_connection(self.conn, self.path, dest)


# ---------------------------------------------------------------------- helpers
def _storable(value):
    """Text as it can be stored and hashed: a lone surrogate (what Python makes of a file
    name's undecodable bytes) becomes a visible escape ('\\udcff') instead of failing
    the UTF-8 encoding of the event."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
        return value
    if isinstance(value, dict):
        return {_storable(k): _storable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_storable(v) for v in value] if isinstance(value, list) else tuple(_storable(v) for v in value)
    return value


# Logs this process has open, by file identity (device, inode) -> connections. POSIX drops
# every lock a process holds on a file when it closes *any* descriptor of that file, so
# reading the header of a log that a connection of this process has open (a second
# connection: a worker thread's write, the GUI's re-screen) would silently release that
# connection's SQLite locks; another process closing its connection then takes the log for
# unused, checkpoints and deletes the WAL and shared-memory files under the open one, whose
# next reads fail as "database disk image is malformed". Such a file was checked when first
# opened; it is not read again while open here.
_OPEN_HERE: dict[tuple[int, int], int] = {}
_OPEN_LOCK = threading.Lock()


def _file_key(p: Path) -> tuple[int, int] | None:
    try:
        st = p.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _open_here(p: Path) -> bool:
    key = _file_key(p)
    with _OPEN_LOCK:
        return key is not None and _OPEN_HERE.get(key, 0) > 0


# The matter of the draft whose id is the SQL expression {d}: its latest version row's, else its own.
_MATTER_SQL = (
    "COALESCE((SELECT matter_id FROM draft_versions mv WHERE mv.draft_id = {d} ORDER BY mv.id DESC LIMIT 1), {d})"
)


def _check_file(p: Path) -> None:
    """Refuse a directory, a non-SQLite file (E501) before SQLite touches anything."""
    if p.is_dir():
        raise StoreError(E509, path=p, detail=msg(M.D506, path=str(p)))
    if not p.exists():
        return
    try:
        with p.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(E501, path=p, detail=msg(M.D510, x=cause(exc, en=str(exc.strerror or exc)))) from None
    if not head:
        raise StoreError(E501, path=p, detail=msg(M.D502))
    if head != SQLITE_HEADER:
        raise StoreError(E501, path=p, detail=msg(M.D501))


def _check_integrity(conn: sqlite3.Connection, p: Path) -> None:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    problems = [r[0] for r in rows if r[0] != "ok"]
    if problems:
        raise StoreError(E501, path=p, detail="; ".join(problems[:3]))


def _pg_schema_version(conn) -> int | None:
    """The team log's schema version; None when the database has no team log yet."""
    exists = conn.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'migrations'"
    ).fetchone()
    if not exists:
        return None
    return conn.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()[0]


def _schema_version(conn: sqlite3.Connection, p: Path) -> int:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "migrations" not in tables:
        if tables - {"sqlite_sequence"}:
            raise StoreError(E501, path=p, detail=msg(M.D503))
        return 0
    return conn.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()[0]
