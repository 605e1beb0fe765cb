"""Verification of a triage log: the hash chain, then every derived row against the
event that produced it. Pure reads; a tampered log gives ok=False, never an error."""

from __future__ import annotations

import json
import sqlite3

from workbench.store.chain import GENESIS, event_hash
from workbench.store.derive import DERIVED_COLUMNS, rows_for_event
from workbench.store.records import VerifyResult


def verify_log(conn: sqlite3.Connection) -> VerifyResult:
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
                broken.append((eid, f"event {expected_id} is missing before event {eid}"))
            elif prev != prev_hash:
                broken.append((eid, "its prev_hash does not match the previous event's hash"))
            else:
                try:
                    data = json.loads(payload)
                except (TypeError, ValueError):
                    broken.append((eid, "its payload is not valid JSON"))
                    data = None
                if data is not None:
                    if event_hash(prev, id=eid, at=at, who=who, kind=kind, draft_id=draft_id, payload=data) != h:
                        broken.append((eid, f"its content does not match its hash ({kind})"))
                    else:
                        events[eid] = {"id": eid, "at": at, "who": who, "kind": kind, "draft_id": draft_id, "payload": data}
        prev_hash = h
        expected_id = eid + 1
    chain_broken = bool(broken)
    # Derived rows: what the verified events imply must be exactly what is stored.
    expected: dict[str, dict[int, list[tuple]]] = {t: {} for t in DERIVED_COLUMNS}
    for eid, ev in events.items():
        for table, rows in rows_for_event(ev).items():
            cols = DERIVED_COLUMNS[table]
            expected[table][eid] = sorted((tuple(r[c] for c in cols) for r in rows), key=repr)
    for table, cols in DERIVED_COLUMNS.items():
        stored: dict[int, list[tuple]] = {}
        for row in conn.execute(f"SELECT {', '.join(cols)} FROM {table}"):
            stored.setdefault(row[cols.index("event_id")], []).append(tuple(row))
        for eid in set(stored) | set(expected[table]):
            if eid not in events:
                if not chain_broken:  # after a chain break nothing later is trusted anyway
                    broken.append((eid, f"{table} rows refer to event {eid}, which is not in the history"))
                continue
            got = sorted(stored.get(eid, []), key=repr)
            if got != expected[table].get(eid, []):
                broken.append((eid, f"the {table} rows differ from what event {eid} recorded"))
    if not broken:
        return VerifyResult(True, count, None, f"{count} events, chain and records intact")
    first = min(broken, key=lambda b: b[0])
    return VerifyResult(False, count, first[0], first[1])
