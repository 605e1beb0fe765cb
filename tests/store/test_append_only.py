"""The history is append-only, and hand edits of the file are caught by verify()."""

from __future__ import annotations

import sqlite3

import pytest

from tests.store.factories import make_verdict

from workbench.cli.main import main
from workbench.store import TriageLog
from workbench.store.schema import APPEND_ONLY_TABLES


def test_the_api_offers_no_update_or_delete():
    names = [n for n in dir(TriageLog) if not n.startswith("_")]
    assert not [n for n in names if n.startswith(("update", "delete", "remove", "edit", "set_"))]


@pytest.mark.sqlite_only  # the team log's refusals: tests/store/test_team_roles.py
@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
def test_update_and_delete_are_refused_by_the_database(populated, table, reopen):
    log, (a, b, c) = populated
    log.decide(a, "hold", "x")
    log.annotate(a, 1, 5, "agree")
    log.decide(b, "clear_abroad", "y", override_reason="JPO confirmed")  # b is 'likely'
    reopen("mgr1").approve_override(b)  # a row in approvals
    # uav.txt comes back with claim 1 amended: a row in draft_versions and in review_flags
    log.record_verdict(make_verdict("uav.txt", claims=("An unmanned aerial vehicle with a radar.",)))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        log.conn.execute(f"UPDATE {table} SET id = id")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        log.conn.execute(f"DELETE FROM {table}")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        log.db[table].delete_where()
    assert log.verify().ok


def _tamper(path, *sql):
    raw = sqlite3.connect(path)
    for table in APPEND_ONLY_TABLES:
        raw.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        raw.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    for stmt in sql:
        raw.execute(stmt)
    raw.commit()
    raw.close()


def _decided_log(path):
    from factories import make_verdict

    lg = TriageLog.open(path, reviewer="tester")
    did = lg.record_verdict(make_verdict())
    lg.decide(did, "file_jp_first", "original rationale")
    lg.decide(did, "hold", "second thoughts")
    lg.close()
    with TriageLog.open(path) as lg:
        return {e.kind: e.id for e in lg.history() if e.kind == "decision.recorded"}, lg.history()


def test_hand_edited_event_payload_is_named_by_verify(db_path, capsys):
    first_decision_id = [e.id for e in _decided_log(db_path)[1] if e.kind == "decision.recorded"][0]
    _tamper(db_path, f"UPDATE events SET payload = replace(payload, 'original', 'forged') WHERE id = {first_decision_id}")
    with TriageLog.open(db_path) as lg:
        res = lg.verify()
    assert not res.ok and res.first_broken == first_decision_id
    assert "hash" in res.detail
    rc = main(["log", "verify", "--db", str(db_path)])
    err = capsys.readouterr().err
    assert rc == 2 and "[E504]" in err and f"event {first_decision_id}" in err and str(db_path) in err
    assert "Traceback" not in err


def test_hand_edited_derived_row_is_caught(db_path):
    events = _decided_log(db_path)[1]
    decision_event = [e.id for e in events if e.kind == "decision.recorded"][0]
    _tamper(db_path, f"UPDATE decisions SET rationale = 'forged' WHERE event_id = {decision_event}")
    with TriageLog.open(db_path) as lg:
        res = lg.verify()
    assert not res.ok and res.first_broken == decision_event and "decisions" in res.detail


def test_deleted_event_is_caught(db_path):
    events = _decided_log(db_path)[1]
    middle = events[2].id
    _tamper(db_path, f"DELETE FROM events WHERE id = {middle}")
    with TriageLog.open(db_path) as lg:
        res = lg.verify()
    assert not res.ok and res.first_broken == middle + 1 and "missing" in res.detail


def test_deleted_last_event_leaves_orphan_rows_caught(db_path):
    events = _decided_log(db_path)[1]
    last = events[-1].id
    _tamper(db_path, f"DELETE FROM events WHERE id = {last}")
    with TriageLog.open(db_path) as lg:
        res = lg.verify()
    assert not res.ok and res.first_broken == last


def test_rewritten_chain_from_an_edit_onward_is_still_caught_by_rows(db_path):
    """Recomputing the hashes after an edit hides it from the chain, but not from the rows."""
    from workbench.store.chain import GENESIS, canonical_json, event_hash

    _decided_log(db_path)
    raw = sqlite3.connect(db_path)
    for table in APPEND_ONLY_TABLES:
        raw.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
    import json

    prev = GENESIS
    for eid, at, who, kind, did, payload in raw.execute("SELECT id, at, who, kind, draft_id, payload FROM events ORDER BY id").fetchall():
        p = json.loads(payload)
        if kind == "decision.recorded" and p["rationale"] == "original rationale":
            p["rationale"] = "forged"
        h = event_hash(prev, id=eid, at=at, who=who, kind=kind, draft_id=did, payload=p)
        raw.execute("UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE id = ?", [canonical_json(p), prev, h, eid])
        prev = h
    raw.commit()
    raw.close()
    with TriageLog.open(db_path) as lg:
        res = lg.verify()
    assert not res.ok and "decisions" in res.detail


def test_intact_log_verifies_via_cli(populated, log_ref, capsys):
    log, _ = populated
    rc = main(["log", "verify", "--db", str(log_ref)])
    assert rc == 0 and "OK" in capsys.readouterr().out
