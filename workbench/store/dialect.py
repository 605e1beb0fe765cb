"""Where the two triage-log backends differ: SQLite (one person, the default) and
PostgreSQL (a department's shared team log). Everything SQL-dialect-specific lives here;
``workbench.store.log`` speaks one portable SQL (``?`` parameters, no vendor functions)
through a connection object with ``execute(sql, params)``, and asks the dialect for the rest.

PostgreSQL specifics:
- **Schema from the one list of migrations.** The SQLite migrations (``schema.py``) are run
  on an in-memory database and the resulting tables, columns and indexes are written as
  PostgreSQL DDL (``pg_structure_sql``); upgrading a team log adds what a newer version has
  (tables, columns, indexes). So a migration that adds a table, column or index works on both
  backends without more code; one that rewrites rows, or changes what only PostgreSQL has
  (the trigger functions, v7), must add its PostgreSQL step to ``PG_DATA_STEPS``.
- **One writer at a time for the chain**: each write transaction takes a transaction-level
  advisory lock (``pg_advisory_xact_lock``) before it reads the chain's head, as SQLite's
  ``BEGIN IMMEDIATE`` does.
- **Append-only by privileges and triggers**: no application role has UPDATE or DELETE on
  any table, and every table has triggers that refuse UPDATE, DELETE and TRUNCATE (for the
  owner too).
- **Roles** (``team_setup_sql``): ``workbench_staff`` (screen, view), ``workbench_attorney``
  (annotate, view), ``workbench_manager`` (decide, approve, export, view) are group roles;
  each user logs in as their own role, member of one of them. Row-level security on
  ``events`` lets each group insert only its kinds of event, and only with ``who`` =
  ``current_user``: the recorded "who" is the login, never a typed name. A trigger refuses
  an approval by the person who decided (four eyes).
- **Refusals by code**: the triggers raise SQLSTATEs of their own (``SQLSTATE_APPEND_ONLY``,
  ``SQLSTATE_FOUR_EYES``) with their facts in diagnostic fields; ``pg_guard`` maps them to
  E505 / E553 by ``exc.sqlstate`` and ``exc.diag``, never by the message's words.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit
from workbench.messages import M, msg

URL_PREFIXES = ("postgresql://", "postgres://")
ADVISORY_LOCK_KEY = 0x7472_6961  # "tria": the chain's one-writer lock
ROLE_STAFF, ROLE_ATTORNEY, ROLE_MANAGER = "workbench_staff", "workbench_attorney", "workbench_manager"
APP_ROLES = {"staff": ROLE_STAFF, "attorney": ROLE_ATTORNEY, "manager": ROLE_MANAGER}
# Which event kinds (and so which derived tables) each application role may write. A new
# kind of event needs its line here (and KIND_TABLES), or only the log's owner can write it.
ROLE_KINDS = {
    # a re-imported draft is screened by staff: its version link and the annotations it carries over
    ROLE_STAFF: ("draft.added", "verdict.recorded", "facts.recorded", "draft.versioned", "annotations.carried"),
    ROLE_ATTORNEY: ("annotation.added",),
    # an export is recorded before anything is read, and only a manager may record it: the
    # database refuses a staff or attorney login's export (E554), whatever client it uses
    ROLE_MANAGER: ("decision.recorded", "override.approved", "facts.recorded", "log.exported"),
}
KIND_TABLES = {
    "draft.added": ("drafts",),
    "verdict.recorded": ("verdicts", "claims", "field_verdicts"),
    "annotation.added": ("annotations",),
    "decision.recorded": ("decisions",),
    "override.approved": ("approvals",),
    "facts.recorded": ("filing_facts",),  # the clearance plan's facts (inventors, applicants, filings)
    "draft.versioned": ("draft_versions",),  # a draft version of a matter (dayjob)
    "annotations.carried": ("annotations", "review_flags"),  # carried over / to re-review
    "log.exported": (),  # the audit record of an export (team logs): no derived rows
}


def is_team_url(target: object) -> bool:
    """True for a PostgreSQL connection URL (``postgresql://user@host:5432/db``)."""
    return isinstance(target, str) and target.strip().lower().startswith(URL_PREFIXES)


def redact_url(url: str) -> str:
    """The URL without its password (what errors, exports and the window title show)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "postgresql://…"
    if parts.password is None:
        return url.strip()
    netloc = parts.netloc.rsplit("@", 1)
    user = parts.username or ""
    host = netloc[1] if len(netloc) == 2 else netloc[0]
    return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query, parts.fragment))


# ---------------------------------------------------------------- portable SQL helpers
class SQLiteDialect:
    name = "sqlite"

    @staticmethod
    def null_eq(a: str, b: str) -> str:
        return f"{a} IS {b}"

    @staticmethod
    def begin_write(conn) -> None:
        conn.execute("BEGIN IMMEDIATE")

    @staticmethod
    def json_field(column: str, key: str) -> str:
        """One top-level value of a JSON text column, read by the database (a scalar)."""
        return f"json_extract({column}, '$.\"{key}\"')"


class PostgresDialect:
    name = "postgresql"

    @staticmethod
    def null_eq(a: str, b: str) -> str:
        return f"{a} IS NOT DISTINCT FROM {b}"

    @staticmethod
    def begin_write(conn) -> None:
        conn.execute("BEGIN")
        conn.execute(f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK_KEY})")

    @staticmethod
    def json_field(column: str, key: str) -> str:
        """One top-level value of a JSON text column, read by the database (jsonb: psycopg
        gives it back as the Python value, a number stays a number)."""
        return f"(({column})::jsonb -> '{key}')"


SQLITE = SQLiteDialect()
POSTGRES = PostgresDialect()

def pg_sql(sql: str) -> str:
    """``?`` parameters -> psycopg's ``%s`` (a literal ``%`` doubled). The store's SQL has no
    ``?`` inside string literals."""
    return sql.replace("%", "%%").replace("?", "%s")


class PgConnection:
    """A psycopg connection that looks like the sqlite3 one the store was written for:
    ``execute(sql, params)`` with ``?`` parameters returns a cursor (fetchone, fetchall,
    iteration), ``in_transaction``, ``close()``; ``query()`` yields dicts. Explicit
    transactions (autocommit on, ``BEGIN``/``COMMIT`` sent by the store), like the sqlite3
    connection opened with ``isolation_level=None``. A connection the server dropped is
    opened again by :meth:`reconnect` (the store does it before the next transaction)."""

    def __init__(self, url: str, timeout: float) -> None:
        self.url = url
        self.timeout = timeout
        self._conn = None
        self._lock = threading.RLock()
        self.reconnect()

    def reconnect(self) -> None:
        import psycopg

        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # noqa: BLE001 - a dead connection may fail to close
                pass
        self._conn = psycopg.connect(
            self.url, autocommit=True, connect_timeout=max(1, int(round(self.timeout))),
            application_name="patent-triage-workbench",
        )
        # a lock held by another writer beyond the caller's timeout is E502, as in SQLite
        self._conn.execute(f"SET lock_timeout = {int(self.timeout * 1000)}")
        # the store's queries are many small look-ups: JIT compiling the draft list of a
        # 10,000-draft log cost 110 of its 440 ms (EXPLAIN ANALYZE) and never paid back
        self._conn.execute("SET jit = off")

    @property
    def broken(self) -> bool:
        return self._conn is None or self._conn.closed or self._conn.broken

    def execute(self, sql: str, params: Sequence = ()):
        if not params:  # no parameters: psycopg sends the text as it is (a '%' stays one)
            return self._conn.execute(sql)
        return self._conn.execute(pg_sql(sql), list(params))

    def query(self, sql: str, params: Sequence = ()) -> Iterator[dict]:
        from psycopg.rows import dict_row

        cur = self._conn.cursor(row_factory=dict_row)
        if params:
            cur.execute(pg_sql(sql), list(params))
        else:
            cur.execute(sql)
        return iter(cur.fetchall())

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        if self.broken:
            return False
        return self._conn.info.transaction_status != TransactionStatus.IDLE

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()

    @property
    def raw(self):
        return self._conn


# ---------------------------------------------------------------- errors
@contextmanager
def pg_guard(where: str) -> Iterator[None]:
    """psycopg errors -> coded StoreErrors naming the team log (URL without password)."""
    import psycopg
    from psycopg import errors as pge

    from workbench.errors import E501, E502, E511, E554, E555, StoreError
    from workbench.messages.causes import cause

    try:
        try:
            yield
        except psycopg.Error as exc:
            _trigger_error(exc, where)  # raises E505 / E553 for the triggers' own SQLSTATEs
            raise
    except StoreError:
        raise
    except pge.InsufficientPrivilege as exc:
        raise StoreError(E554, path=where, detail=cause(exc, en=_first_line(exc))) from None
    except pge.LockNotAvailable:
        raise StoreError(E502, path=where) from None
    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
        raise StoreError(E555, path=where, detail=cause(exc, en=_first_line(exc))) from None
    except psycopg.DataError as exc:
        # A value PostgreSQL cannot hold (a NUL character in text): the change is refused
        # whole and the log is intact - not "damaged" (E501).
        raise StoreError(E511, path=where, detail=cause(exc, en=_first_line(exc))) from None
    except psycopg.Error as exc:
        raise StoreError(E501, path=where, detail=cause(exc, en=_first_line(exc))) from None


def _trigger_error(exc, where: str) -> None:
    """The team log's triggers raise their own SQLSTATEs (``SQLSTATE_*``): told apart by the
    code, the facts taken from the diagnostic fields the trigger fills (DETAIL, TABLE), never
    from the message's words. Any other error is left to the caller."""
    from workbench.errors import E505, E553, StoreError

    state = getattr(exc, "sqlstate", None)
    if state == SQLSTATE_APPEND_ONLY:
        diag = exc.diag  # DETAIL: the operation (TG_OP); TABLE: the table
        raise StoreError(E505, path=where, detail=msg(M.D526, op=diag.message_detail or "?",
                                                      table=diag.table_name or "?")) from None
    if state == SQLSTATE_FOUR_EYES:
        raise StoreError(E553, path=where, who=exc.diag.message_detail or "?") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__


# ---------------------------------------------------------------- PostgreSQL schema
_PG_TYPES = {"INTEGER": "BIGINT", "TEXT": "TEXT", "FLOAT": "DOUBLE PRECISION", "REAL": "DOUBLE PRECISION"}
EXPLICIT_IDS = ("events", "drafts")  # ids the store assigns itself (the chain's, the draft number)
PG_DATA_STEPS: dict[int, tuple[str, ...]] = {}  # migration number -> PostgreSQL's own step (rows, functions)


def _tables(structure: dict) -> dict[str, tuple]:
    return {name: cols for (kind, name), cols in structure.items() if kind == "table"}


def _indexes(structure: dict) -> dict[str, tuple]:
    return {name: spec for (kind, name), spec in structure.items() if kind == "index"}


def _column_sql(table: str, col: tuple) -> str:
    name, typ, notnull, pk = col
    pgtype = _PG_TYPES.get(typ.upper(), "TEXT")
    if pk and name == "id" and table not in EXPLICIT_IDS:
        return f"{name} BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    if pk:
        return f"{name} {pgtype} PRIMARY KEY"
    return f"{name} {pgtype}{' NOT NULL' if notnull else ''}"


def pg_structure_sql(from_version: int, to_version: int) -> list[str]:
    """DDL that takes a team log from schema ``from_version`` (0: empty) to ``to_version``:
    the tables, columns and indexes the SQLite migrations add between them, and the
    append-only triggers of every new table."""
    from workbench.store.verify import expected_structure

    old = expected_structure(from_version) if from_version > 0 else {}
    new = expected_structure(to_version)
    old_t, new_t = _tables(old), _tables(new)
    out: list[str] = []
    for table, cols in new_t.items():
        if table not in old_t:
            out.append(f"CREATE TABLE {table} ({', '.join(_column_sql(table, c) for c in cols)})")
            if table != "migrations":
                out.extend(_append_only_sql(table))
        else:
            have = {c[0] for c in old_t[table]}
            for c in cols:
                if c[0] not in have:
                    out.append(f"ALTER TABLE {table} ADD COLUMN {_column_sql(table, c)}")
    old_i = _indexes(old)
    for name, (table, cols, unique) in _indexes(new).items():
        if name not in old_i:
            out.append(f"CREATE {'UNIQUE ' if unique else ''}INDEX IF NOT EXISTS {name} ON {table} ({', '.join(cols)})")
    for number in range(from_version + 1, to_version + 1):
        out.extend(PG_DATA_STEPS.get(number, ()))
    return out


def _append_only_sql(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_no_update_delete BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION workbench_append_only()",
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION workbench_append_only()",
    ]


# The SQLSTATEs the team log's triggers raise, and the coded error each becomes. A class of
# our own, "WB": PostgreSQL's classes are 00-58, F0, HV, P0 and XX, and the SQL standard keeps
# the classes beginning 0-4 and A-H for itself, so no server error can ever carry these. The
# Python side maps them by ``exc.sqlstate`` (pg_guard) and reads the facts from diagnostic
# fields (DETAIL, TABLE): the message is English for a person reading psql, never parsed.
SQLSTATE_APPEND_ONLY = "WB505"  # UPDATE, DELETE or TRUNCATE of history -> E505 (DETAIL: TG_OP)
SQLSTATE_FOUR_EYES = "WB553"  # an override approved by its decider -> E553 (DETAIL: the login)

# The trigger functions' bodies by the schema version that introduced them: a structure check
# compares a log's functions with those of its version (pg_schema_problems).
# v1-v6: the message was all a client had (PostgreSQL's generic P0001, the login inside the text).
_V1_FUNCTION_BODIES = {
    "workbench_append_only": """
    BEGIN
        RAISE EXCEPTION 'append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME;
    END """,
    "workbench_four_eyes": """
    BEGIN
        IF EXISTS (SELECT 1 FROM decisions WHERE event_id = NEW.decision_event_id AND reviewer = NEW.approver) THEN
            RAISE EXCEPTION 'four eyes: an override cannot be approved by the person who decided it (%)', NEW.approver;
        END IF;
        RETURN NEW;
    END """,
}
# v7: each refusal has its SQLSTATE, and its facts in diagnostic fields.
_V7_FUNCTION_BODIES = {
    "workbench_append_only": f"""
    BEGIN
        RAISE EXCEPTION USING ERRCODE = '{SQLSTATE_APPEND_ONLY}', DETAIL = TG_OP, TABLE = TG_TABLE_NAME,
            MESSAGE = format('append-only: %s on %s is not allowed', TG_OP, TG_TABLE_NAME);
    END """,
    "workbench_four_eyes": f"""
    BEGIN
        IF EXISTS (SELECT 1 FROM decisions WHERE event_id = NEW.decision_event_id AND reviewer = NEW.approver) THEN
            RAISE EXCEPTION USING ERRCODE = '{SQLSTATE_FOUR_EYES}', DETAIL = NEW.approver, TABLE = TG_TABLE_NAME,
                COLUMN = 'approver',
                MESSAGE = format('four eyes: an override cannot be approved by the person who decided it (%s)', NEW.approver);
        END IF;
        RETURN NEW;
    END """,
}
TRIGGER_FUNCTIONS_CODED_FROM = 7  # the schema version from which the functions raise SQLSTATEs


def trigger_function_bodies(version: int) -> dict[str, str]:
    """The trigger functions' bodies a team log at schema ``version`` has."""
    return _V7_FUNCTION_BODIES if version >= TRIGGER_FUNCTIONS_CODED_FROM else _V1_FUNCTION_BODIES


def trigger_functions_sql(version: int) -> tuple[str, ...]:
    """``CREATE OR REPLACE FUNCTION`` of the trigger functions as schema ``version`` has them."""
    return tuple(
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $${body}$$"
        for name, body in trigger_function_bodies(version).items()
    )


PG_FUNCTIONS = trigger_functions_sql(TRIGGER_FUNCTIONS_CODED_FROM)  # what setup-team creates
# v7 rewrites no row: it replaces the trigger functions of a team log made by v1-v6
PG_DATA_STEPS[7] = trigger_functions_sql(7)


def pg_tables(structure: dict | None = None) -> list[str]:
    from workbench.store.verify import expected_structure

    return [t for t in _tables(structure or expected_structure()) if t != "migrations"]


def team_setup_sql(owner: str) -> list[str]:
    """Roles, grants and row-level security of a team log at the latest schema (idempotent:
    run again after an upgrade it grants what new tables need)."""
    out = []
    for role in (ROLE_STAFF, ROLE_ATTORNEY, ROLE_MANAGER):
        out.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN "
            f"CREATE ROLE {role} NOLOGIN; END IF; END $$"
        )
    tables = pg_tables()
    everyone = ", ".join((ROLE_STAFF, ROLE_ATTORNEY, ROLE_MANAGER))
    out.append(f"REVOKE ALL ON {', '.join(tables)}, migrations FROM PUBLIC")
    out.append(f"GRANT SELECT ON {', '.join(tables)}, migrations TO {everyone}")
    out.append(f"GRANT INSERT ON events TO {everyone}")
    for role, kinds in ROLE_KINDS.items():
        derived = sorted({t for k in kinds for t in KIND_TABLES[k]})
        out.append(f"GRANT INSERT ON {', '.join(derived)} TO {role}")
    # row-level security: each role inserts only its kinds of event, as itself
    out.append("ALTER TABLE events ENABLE ROW LEVEL SECURITY")
    out.append("DROP POLICY IF EXISTS events_read ON events")
    out.append(f"CREATE POLICY events_read ON events FOR SELECT TO {everyone} USING (true)")
    for role, kinds in ROLE_KINDS.items():
        policy = f"events_insert_{role.split('_', 1)[1]}"
        allowed = ", ".join(f"'{k}'" for k in kinds)
        out.append(f"DROP POLICY IF EXISTS {policy} ON events")
        out.append(
            f"CREATE POLICY {policy} ON events FOR INSERT TO {role} "
            f"WITH CHECK (who = current_user AND kind IN ({allowed}))"
        )
    out.append("DROP TRIGGER IF EXISTS approvals_four_eyes ON approvals")
    out.append(
        "CREATE TRIGGER approvals_four_eyes BEFORE INSERT ON approvals FOR EACH ROW EXECUTE FUNCTION workbench_four_eyes()"
    )
    return out


def pg_schema_problems(conn) -> list[str]:
    """What differs from the structure the workbench builds (tables, columns, and the
    append-only triggers); [] when none."""
    try:
        version = conn.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()[0]
    except Exception:  # noqa: BLE001 - any failure here means the table is not there
        return ["it has no migrations table"]
    from workbench.store.verify import expected_structure

    want = _tables(expected_structure(version))
    got: dict[str, list[str]] = {}
    for table, column in conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "ORDER BY table_name, ordinal_position"
    ):
        got.setdefault(table, []).append(column)
    triggers = {r[0] for r in conn.execute(
        "SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relnamespace = current_schema()::regnamespace"
    )}
    problems = []
    functions = dict(conn.execute(
        "SELECT p.proname, p.prosrc FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace "
        "AND p.proname LIKE 'workbench%'"
    ).fetchall())
    for name, body in trigger_function_bodies(version).items():
        if name not in functions:
            problems.append(msg(M.D568, kind=msg(M.D527), name=name))
        elif _norm_sql(functions[name]) != _norm_sql(body):
            problems.append(msg(M.D569, kind=msg(M.D527), name=name))
    for table in want:
        if table == "migrations":
            continue
        for trig in (f"{table}_no_update_delete", f"{table}_no_truncate"):
            if trig not in triggers:
                problems.append(msg(M.D518, name=trig))
    for table, cols in want.items():
        if table not in got:
            problems.append(msg(M.D519, name=table))
        elif [c[0] for c in cols] != got[table]:
            problems.append(msg(M.D520, name=table))
    return problems


def _norm_sql(body: str) -> str:
    return " ".join(body.split())
