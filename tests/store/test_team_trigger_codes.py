"""The team log's triggers refuse with SQLSTATEs of their own, and the workbench maps them by
code and diagnostic field (E505, E553 naming the login), never by the message's English - on a
fresh team log and on one the previous release made (its trigger functions raised the generic
P0001 with the login inside the text) after the v7 migration replaced them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from factories import make_verdict

from workbench.errors import StoreError
from workbench.store import TriageLog
from workbench.store.dialect import (
    SQLSTATE_APPEND_ONLY,
    SQLSTATE_FOUR_EYES,
    PG_FUNCTIONS,
    PgConnection,
    pg_guard,
    pg_schema_problems,
    trigger_function_bodies,
)
from workbench.store.schema import LATEST

PREV = Path("/tmp/prev")  # the previous release (0afbe34), checked out read-only
USERS = [("staff1", "staff"), ("att1", "attorney"), ("mgr1", "manager"), ("mgr2", "manager")]


def _prev_release_team_log(url: str) -> None:
    """What a department has: a team log set up by the previous release, in its own process."""
    assert (PREV / "workbench" / "store" / "dialect.py").exists(), "the previous release is not at /tmp/prev"
    code = (
        "import sys, workbench; from workbench.store import TriageLog\n"
        f"assert workbench.__file__.startswith({str(PREV)!r}), workbench.__file__\n"
        "from workbench.store.schema import LATEST\n"
        f"TriageLog.setup_team(sys.argv[1], users={USERS!r}).close(); print(LATEST)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(PREV)}
    out = subprocess.run([sys.executable, "-c", code, url], env=env, cwd=str(PREV), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) < LATEST  # an older schema, to be migrated


def _functions(url: str) -> dict[str, str]:
    with psycopg.connect(url) as conn:
        return dict(conn.execute("SELECT proname, prosrc FROM pg_proc WHERE proname LIKE 'workbench%'").fetchall())


def _refusals(server, db: str, who: str = "mgr1") -> tuple[StoreError, StoreError]:
    """An UPDATE and a self-approval typed by hand, through the workbench's error mapping."""
    staff = TriageLog.open(server.url(db, "staff1"))
    mgr = TriageLog.open(server.url(db, who))
    try:
        did = staff.record_verdict(make_verdict("likely.txt", level="likely", likelihood=0.9))
        mgr.decide(did, "clear_abroad", "r", override_reason="JPO confirmed")
        decision = [e for e in mgr.history(did) if e.kind == "decision.recorded"][0]
        where = "team log"
        with psycopg.connect(server.cluster.url(db), autocommit=True) as owner:  # the superuser
            with pytest.raises(StoreError) as update, pg_guard(where):
                owner.execute("UPDATE decisions SET rationale = 'forged'")
        with psycopg.connect(server.url(db, who), autocommit=True) as conn:
            with pytest.raises(StoreError) as approval, pg_guard(where):
                conn.execute("INSERT INTO approvals (event_id, draft_id, decision_event_id, note, approver, at) "
                             "VALUES (999, %s, %s, '', %s, 'now')", [did, decision.id, who])
        assert mgr.draft(did).decision.rationale == "r" and mgr.verify().ok  # nothing changed
        return update.value, approval.value
    finally:
        staff.close()
        mgr.close()


def _check(update: StoreError, approval: StoreError, who: str) -> None:
    assert update.code == "E505"
    detail = update.details["detail"]
    assert detail.code == "D526" and detail.kwargs == {"op": "UPDATE", "table": "decisions"}
    assert approval.code == "E553" and approval.details["who"] == who
    for e in (update, approval):
        ja = e.render_in("ja")
        assert "append-only" not in ja and "four eyes" not in ja, ja
    assert who in approval.render_in("ja") and "decisions" in update.render_in("ja")
    assert "UPDATE on decisions is not allowed" in update.render()  # the English audit copy


def test_a_fresh_team_log_refuses_with_its_own_codes(team_server):
    db = team_server.new_database()
    funcs = _functions(team_server.cluster.url(db))
    assert SQLSTATE_APPEND_ONLY in funcs["workbench_append_only"] and SQLSTATE_FOUR_EYES in funcs["workbench_four_eyes"]
    _check(*_refusals(team_server, db, "mgr2"), who="mgr2")


def test_the_codes_are_the_triggers_own_not_a_server_error(team_server):
    """psycopg knows no class for them (a plain DatabaseError): only the SQLSTATE tells."""
    db = team_server.new_database()
    with psycopg.connect(team_server.cluster.url(db), autocommit=True) as owner:
        with pytest.raises(psycopg.DatabaseError) as exc:
            owner.execute("DELETE FROM events")
    assert exc.value.sqlstate == SQLSTATE_APPEND_ONLY and exc.value.diag.message_detail == "DELETE"
    assert exc.value.diag.table_name == "events"
    assert type(exc.value) is psycopg.DatabaseError


def test_a_team_log_of_the_previous_release_is_migrated_to_coded_refusals(team_server):
    db = team_server.empty_database()
    owner_url = team_server.cluster.url(db)
    _prev_release_team_log(owner_url)
    old = _functions(owner_url)
    assert SQLSTATE_APPEND_ONLY not in old["workbench_append_only"]  # the old text, P0001
    with psycopg.connect(owner_url, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.RaiseException) as exc:
            conn.execute("DELETE FROM events")
        assert exc.value.sqlstate == "P0001"  # what v1-v6 raised: the generic code
        # the structure check accepts the old functions at the old version
        version = conn.execute("SELECT MAX(version) FROM migrations").fetchone()[0]
    raw = PgConnection(owner_url, 5.0)
    try:
        assert version < LATEST and pg_schema_problems(raw) == []
    finally:
        raw.close()
    with TriageLog.open(owner_url) as lg:  # the owner opens it: migrated to LATEST
        assert lg.schema_version == LATEST and lg.verify().ok
    new = _functions(owner_url)
    for name, body in trigger_function_bodies(LATEST).items():
        assert " ".join(new[name].split()) == " ".join(body.split())
    _check(*_refusals(team_server, db, "mgr1"), who="mgr1")
    with TriageLog.open(team_server.url(db, "att1")) as lg:
        assert lg.verify().ok  # a migrated log verifies, for any login


def test_a_replaced_trigger_function_is_caught_by_verify(team_server):
    """A function that lets an UPDATE through keeps every trigger in place: the structure
    check compares the functions' bodies too."""
    db = team_server.new_database()  # the session's shared test database: put the function back after
    with psycopg.connect(team_server.cluster.url(db), autocommit=True) as conn:
        conn.execute("CREATE OR REPLACE FUNCTION workbench_append_only() RETURNS trigger LANGUAGE plpgsql "
                     "AS $$ BEGIN RETURN NEW; END $$")
        try:
            with TriageLog.open(team_server.url(db, "staff1")) as lg:
                res = lg.verify()
        finally:
            for stmt in PG_FUNCTIONS:
                conn.execute(stmt)
    assert not res.ok and "workbench_append_only" in res.detail and res.detail_message.code == "D569"
    assert res.detail_message.render("ja") == "関数 workbench_append_only が変更されています"
    with TriageLog.open(team_server.url(db, "staff1")) as lg:
        assert lg.verify().ok
