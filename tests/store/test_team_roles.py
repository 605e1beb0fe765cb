"""The team log on a real PostgreSQL server: roles enforced by the database, the recorded
"who" is the login, append-only even for SQL typed by hand, setup-team and migrate-to."""

from __future__ import annotations

import psycopg
import pytest
from factories import make_verdict

from workbench.cli.main import main
from workbench.errors import StoreError
from workbench.store import TriageLog
from workbench.store.dialect import SQLSTATE_APPEND_ONLY, SQLSTATE_FOUR_EYES


@pytest.fixture
def team(team_server):
    """A fresh team log; ``team.open(login)`` opens it as that login."""
    db = team_server.new_database()
    opened = []

    class Team:
        url = team_server.url(db)
        database = db

        @staticmethod
        def open(login):
            lg = TriageLog.open(team_server.url(db, login))
            opened.append(lg)
            return lg

        @staticmethod
        def raw(login):
            return psycopg.connect(team_server.url(db, login), autocommit=True)

    yield Team
    for lg in opened:
        lg.close()


def _screened(team):
    staff = team.open("staff1")
    return staff, staff.record_verdict(make_verdict("likely.txt", level="likely", likelihood=0.9))


def test_staff_can_screen_and_view_but_not_decide_or_annotate(team):
    staff, did = _screened(team)
    assert staff.role() == "staff" and staff.drafts()[0].id == did
    for call in (lambda: staff.decide(did, "hold", "x"), lambda: staff.annotate(did, 1, 5, "agree")):
        with pytest.raises(StoreError) as exc:
            call()
        assert exc.value.code == "E554" and "row-level security" in exc.value.message
    assert [e.kind for e in staff.history(did)] == ["draft.added", "verdict.recorded"]  # nothing recorded


def test_attorney_annotates_but_cannot_decide_or_approve(team):
    _staff, did = _screened(team)
    attorney = team.open("att1")
    a = attorney.annotate(did, 1, 5, "disagree", note="civil only", reviewer="Somebody Else")
    assert a.reviewer == "att1"  # the login, never the typed name
    team.open("mgr1").decide(did, "clear_abroad", "r", override_reason="JPO confirmed")
    with pytest.raises(StoreError) as exc:
        attorney.approve_override(did)
    assert exc.value.code == "E554"
    with pytest.raises(StoreError) as exc:
        attorney.decide(did, "hold", "x")
    assert exc.value.code == "E554"
    assert team.open("mgr2").draft(did).decision.override_status == "pending"


def test_managers_decide_and_a_second_manager_approves(team):
    _staff, did = _screened(team)
    m1, m2 = team.open("mgr1"), team.open("mgr2")
    d = m1.decide(did, "clear_abroad", "r", override_reason="JPO confirmed", reviewer="typed-name")
    assert d.reviewer == "mgr1" and d.override_status == "pending"
    with pytest.raises(StoreError) as exc:
        m1.approve_override(did)
    assert exc.value.code == "E553"
    assert m2.approve_override(did).approved_by == "mgr2"
    assert m1.verify().ok


def test_the_database_itself_refuses_a_self_approval_and_a_forged_who(team):
    """Even bypassing the application: the four-eyes trigger and the row-level policy."""
    import json

    _staff, did = _screened(team)
    d = team.open("mgr1").decide(did, "clear_abroad", "r", override_reason="why")
    event = [e for e in team.open("mgr1").history(did) if e.kind == "decision.recorded"][0]
    with team.raw("mgr1") as conn:
        with pytest.raises(psycopg.DatabaseError) as refused:
            conn.execute("INSERT INTO approvals (event_id, draft_id, decision_event_id, note, approver, at) "
                         "VALUES (999, %s, %s, '', 'mgr1', 'now')", [did, event.id])
        assert refused.value.sqlstate == SQLSTATE_FOUR_EYES and refused.value.diag.message_detail == "mgr1"
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO events (id, at, who, kind, draft_id, payload, prev_hash, hash) "
                         "VALUES (999, 'now', 'mgr2', 'decision.recorded', %s, %s, 'x', 'y')", [did, json.dumps({})])
    with team.raw("staff1") as conn:  # staff may not write another role's kind of event, as itself either
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO events (id, at, who, kind, draft_id, payload, prev_hash, hash) "
                         "VALUES (999, 'now', 'staff1', 'decision.recorded', %s, '{}', 'x', 'y')", [did])
    assert d.reviewer == "mgr1"


@pytest.mark.parametrize("login", ["staff1", "att1", "mgr1", "tester"])
@pytest.mark.parametrize("statement", ["UPDATE events SET who = 'x'", "DELETE FROM events", "TRUNCATE events",
                                       "UPDATE decisions SET rationale = 'forged'", "DELETE FROM approvals"])
def test_nobody_can_update_or_delete_with_sql_typed_by_hand(team, login, statement):
    staff, did = _screened(team)
    team.open("mgr1").decide(did, "hold", "kept")
    with team.raw(login) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
            conn.execute(statement)
    assert staff.verify().ok and staff.draft(did).decision.rationale == "kept"


@pytest.mark.parametrize("statement", ["UPDATE events SET who = 'x'", "DELETE FROM events", "TRUNCATE events",
                                       "DELETE FROM decisions"])
def test_even_the_owner_is_refused_by_the_append_only_triggers(team, team_server, statement):
    staff, did = _screened(team)
    team.open("mgr1").decide(did, "hold", "kept")
    with psycopg.connect(team_server.cluster.url(team.database), autocommit=True) as conn:  # the superuser
        with pytest.raises(psycopg.DatabaseError) as refused:
            conn.execute(statement)
        assert refused.value.sqlstate == SQLSTATE_APPEND_ONLY
    assert staff.verify().ok


def test_a_hand_edit_with_triggers_off_is_caught_by_verify(team, team_server):
    _staff, did = _screened(team)
    team.open("mgr1").decide(did, "hold", "original")
    with psycopg.connect(team_server.cluster.url(team.database)) as conn:  # superuser, triggers off
        conn.execute("SET LOCAL session_replication_role = replica")
        conn.execute("UPDATE decisions SET rationale = 'forged'")
    res = team.open("staff1").verify()
    assert not res.ok and "decisions" in res.detail


def test_a_team_log_is_not_backed_up_by_the_workbench(team):
    with pytest.raises(StoreError) as exc:
        team.open("mgr1").backup()
    assert exc.value.code == "E557"


def test_an_unreachable_server_is_a_coded_error():
    with pytest.raises(StoreError) as exc:
        TriageLog.open("postgresql://nobody@127.0.0.1:1/nothing", timeout=2)
    assert exc.value.code == "E555" and "127.0.0.1" in exc.value.render()
    assert "サーバーに接続できません" in exc.value.render_in("ja")


def test_a_database_without_a_team_log_says_so(team_server):
    url = team_server.url(team_server.empty_database())
    with pytest.raises(StoreError) as exc:
        TriageLog.open(url)
    assert exc.value.code == "E556"


def test_setup_team_and_migrate_to_via_the_cli(team_server, tmp_path, capsys):
    local = tmp_path / "mine.sqlite"
    with TriageLog.open(local, reviewer="鈴木") as lg:
        did = lg.record_verdict(make_verdict("a.txt", level="likely"))
        lg.annotate(did, 1, 5, "agree", note="確かに")
        lg.decide(did, "clear_abroad", "r", override_reason="JPO confirmed")
        lg.approve_override(did, reviewer="田中")
        head = lg.head()
    admin = team_server.cluster.url(team_server.empty_database())
    assert main(["log", "migrate-to", admin, "--db", str(local), "--user", "mgr1=manager"]) == 0
    out = capsys.readouterr().out
    assert head[1][:16] in out
    with TriageLog.open(admin.replace("//postgres@", "//mgr1@")) as team:
        assert team.head() == head and team.verify().ok
        rec = team.draft(did)
        assert rec.decision.reviewer == "鈴木" and rec.decision.approved_by == "田中"  # the history, verbatim
        assert rec.annotations[0].note == "確かに" and team.role() == "manager"
    # into a team log that already holds events: refused, nothing copied
    assert main(["log", "migrate-to", admin, "--db", str(local)]) == 2
    assert "[E558]" in capsys.readouterr().err
    # a fresh database set up by the command, then used with --db URL
    url = team_server.cluster.url(team_server.empty_database())
    assert main(["log", "setup-team", url, "--user", "staff1=staff"]) == 0
    assert "workbench_staff" in capsys.readouterr().out
    assert main(["log", "verify", "--db", url]) == 0
    assert main(["log", "list", "--db", url]) == 0
    assert "no drafts" in capsys.readouterr().out


def test_a_broken_local_log_is_not_copied(team_server, tmp_path):
    import sqlite3

    local = tmp_path / "broken.sqlite"
    with TriageLog.open(local, reviewer="x") as lg:
        did = lg.record_verdict(make_verdict("a.txt"))
        lg.decide(did, "hold", "original")
    raw = sqlite3.connect(local)
    raw.execute("DROP TRIGGER decisions_no_update")
    raw.execute("UPDATE decisions SET rationale = 'forged'")
    raw.commit()
    raw.close()
    url = team_server.cluster.url(team_server.empty_database())
    with TriageLog.open(local) as lg, pytest.raises(StoreError) as exc:
        lg.migrate_to(url)
    assert exc.value.code == "E559"
    with pytest.raises(StoreError) as exc:
        TriageLog.open(url)
    assert exc.value.code == "E556"  # nothing was left behind
