"""Verification of a triage log: the hash chain, then every derived row against the
event that produced it, then the structure (tables, columns, indexes and the append-only
triggers) against the one the migrations build. Pure reads; a tampered log gives
ok=False, never an error."""

from __future__ import annotations

import json
import sqlite3

from workbench.store.chain import GENESIS, event_hash
from workbench.store.derive import DERIVED_COLUMNS, rows_for_event
from workbench.store.records import VerifyResult
from workbench.messages import M, msg


def verify_log(conn: sqlite3.Connection, problems=None) -> VerifyResult:
    """``problems``: the structure check of the backend (default: SQLite's ``schema_problems``)."""
    broken: list[tuple[int, str]] = []  # (event id, detail)
    events: dict[int, dict] = {}
    prev_hash = GENESIS
    expected_id = 1
    count = 0
    for eid, at, who, kind, draft_id, payload, prev, h in conn.execute(
        "SELECT id, at, who, kind, draft_id, payload, prev_hash, hash FROM events ORDER BY id"
    ):
        count += 1
        if not broken:
            if eid != expected_id:
                broken.append((eid, msg(M.D511, expected=expected_id, found=eid)))
            elif prev != prev_hash:
                broken.append((eid, msg(M.D512)))
            else:
                try:
                    data = json.loads(payload)
                except (TypeError, ValueError):
                    broken.append((eid, msg(M.D513)))
                    data = None
                if data is not None:
                    if event_hash(prev, id=eid, at=at, who=who, kind=kind, draft_id=draft_id, payload=data) != h:
                        broken.append((eid, msg(M.D514, kind=kind)))
                    else:
                        events[eid] = {"id": eid, "at": at, "who": who, "kind": kind, "draft_id": draft_id, "payload": data}
        prev_hash = h
        expected_id = eid + 1
    chain_broken = bool(broken)
    # Derived rows: what the verified events imply must be exactly what is stored.
    expected: dict[str, dict[int, list[tuple]]] = {t: {} for t in DERIVED_COLUMNS}
    for eid, ev in list(events.items()):
        try:
            derived = {table: sorted((tuple(r[c] for c in DERIVED_COLUMNS[table]) for r in rows), key=repr)
                       for table, rows in rows_for_event(ev).items()}
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            # a valid hash over a record the workbench never writes: appended by hand
            broken.append((eid, msg(M.D590, kind=ev["kind"])))
            del events[eid]  # its rows, if any, then refer to no trusted event
            continue
        for table, rows in derived.items():
            expected[table][eid] = rows
    for table, cols in DERIVED_COLUMNS.items():
        stored: dict[int, list[tuple]] = {}
        for row in conn.execute(f"SELECT {', '.join(cols)} FROM {table}"):
            stored.setdefault(row[cols.index("event_id")], []).append(tuple(row))
        for eid in set(stored) | set(expected[table]):
            if eid not in events:
                if not chain_broken:  # after a chain break nothing later is trusted anyway
                    broken.append((eid, msg(M.D515, table=table, event_id=eid)))
                continue
            got = sorted(stored.get(eid, []), key=repr)
            if got != expected[table].get(eid, []):
                broken.append((eid, msg(M.D516, table=table, event_id=eid)))
    structure = (problems or schema_problems)(conn)
    if not broken and not structure:
        ok = msg(M.D517, count=count)
        return VerifyResult(True, count, None, str(ok), detail_message=ok)
    if not broken:  # the history verifies but the table structure or the triggers were changed
        return VerifyResult(False, count, None, str(structure[0]), tuple(str(p) for p in structure), structure[0])
    first = min(broken, key=lambda b: b[0])
    return VerifyResult(False, count, first[0], str(first[1]),
                        tuple(str(d) for _, d in sorted(broken, key=lambda b: (b[0], str(b[1])))) + tuple(str(p) for p in structure), first[1])


def _norm(sql: str | None) -> str:
    return " ".join((sql or "").replace('"', "").replace("[", "").replace("]", "").split()).lower()


def _structure(conn: sqlite3.Connection) -> dict[tuple[str, str], object]:
    """(kind, name) -> what defines it: a table's columns, an index's table and columns,
    a trigger's SQL."""
    out: dict[tuple[str, str], object] = {}
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    for kind, name, table, sql in rows:
        if kind == "table":
            cols = tuple((c[1], (c[2] or "").upper(), c[3], c[5]) for c in conn.execute(f"PRAGMA table_info([{name}])"))
            out[(kind, name)] = cols
        elif kind == "index":
            cols = tuple(c[2] for c in conn.execute(f"PRAGMA index_info([{name}])"))
            unique = bool(sql) and "unique" in _norm(sql).split("index")[0]
            out[(kind, name)] = (table, cols, unique)
        else:  # trigger, view
            out[(kind, name)] = (table, _norm(sql))
    return out


_EXPECTED: dict[int, dict] = {}


def expected_structure(version: int | None = None) -> dict[tuple[str, str], object]:
    """The structure the migrations build up to ``version`` (default: the latest), from a
    fresh database in memory."""
    import sqlite_utils

    from workbench.store.schema import LATEST, MIGRATIONS

    version = LATEST if version is None else version
    if version not in _EXPECTED:
        conn = sqlite3.connect(":memory:")
        db = sqlite_utils.Database(conn)
        db["migrations"].create({"version": int, "name": str, "applied_at": str}, pk="version")
        for number, _name, func in MIGRATIONS:
            if number <= version:
                func(db)
        _EXPECTED[version] = _structure(conn)
        conn.close()
    return _EXPECTED[version]


_KINDS = {"trigger": M.D570, "table": M.D571, "index": M.D572, "view": M.D573}


def schema_problems(conn: sqlite3.Connection) -> list:
    """What differs from the structure the workbench builds: a missing or changed
    append-only trigger first, then tables, columns and indexes; [] when none."""
    try:
        version = conn.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()[0]
    except sqlite3.Error:
        return [msg(M.D567)]
    want, got = expected_structure(version), _structure(conn)
    problems: list[tuple[int, object]] = []
    order = {"trigger": 0, "table": 1, "index": 2, "view": 3}
    for (kind, name), spec in want.items():
        if (kind, name) not in got:
            problems.append((order.get(kind, 9), msg(M.D568, kind=msg(_KINDS.get(kind, M.D574)), name=name)))
        elif got[(kind, name)] != spec:
            problems.append((order.get(kind, 9), msg(M.D569, kind=msg(_KINDS.get(kind, M.D574)), name=name)))
    for kind, name in got:
        if (kind, name) not in want:
            problems.append((order.get(kind, 9), msg(M.D575, kind=msg(_KINDS.get(kind, M.D574)), name=name)))
    return [p for _, p in sorted(problems, key=lambda p: (p[0], str(p[1])))]
