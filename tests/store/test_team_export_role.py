"""Only a manager exports a team log, and the database is what refuses the others.

Issue 12: staff screen and view, attorneys annotate and view, managers decide, approve and
export. An export begins by recording its audit event (``log.exported``: who, when, format,
filters, file); the row-level policy on ``events`` lets only the manager role insert that
kind, so a staff or attorney login is refused by PostgreSQL (E554) through the store, the
CLI or SQL typed by hand, before anything is read and without a file written. The embedded
single-user log records no export event (as before).
"""

from __future__ import annotations

import json

import psycopg
import pytest
from factories import make_verdict

from workbench.cli.main import main
from workbench.errors import StoreError
from workbench.store import TriageLog
from workbench.store.export import export_log


@pytest.fixture
def team(team_server):
    db = team_server.new_database()
    opened: list[TriageLog] = []

    class Team:
        database = db

        @staticmethod
        def url(login: str) -> str:
            return team_server.url(db, login)

        @staticmethod
        def open(login: str) -> TriageLog:
            lg = TriageLog.open(team_server.url(db, login))
            opened.append(lg)
            return lg

    staff = Team.open("staff1")
    did = staff.record_verdict(make_verdict("likely.txt", level="likely", likelihood=0.9))
    Team.open("mgr1").decide(did, "hold", "waiting for the JPO")
    yield Team
    for lg in opened:
        lg.close()


@pytest.mark.parametrize("login", ["staff1", "att1"])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_staff_and_attorneys_cannot_export_and_nothing_is_written(team, tmp_path, login, fmt):
    lg = team.open(login)
    before = lg.head()
    out = tmp_path / f"log.{fmt}"
    with pytest.raises(StoreError) as exc:
        export_log(lg, fmt, out)
    assert exc.value.code == "E554" and "row-level security" in exc.value.message
    assert not out.exists() and not list(tmp_path.iterdir())  # no file, no temporary left
    assert lg.head() == before  # nothing recorded either


@pytest.mark.parametrize("login", ["staff1", "att1"])
def test_the_cli_export_of_a_staff_login_is_refused_by_the_database(team, tmp_path, capsys, login):
    out = tmp_path / "log.csv"
    assert main(["log", "export", "--db", team.url(login), "--format", "csv", "--out", str(out)]) != 0
    err = capsys.readouterr().err
    assert "[E554]" in err and not out.exists()


def test_a_manager_exports_and_the_export_is_in_the_log(team, tmp_path):
    mgr = team.open("mgr1")
    out = tmp_path / "log.csv"
    res = export_log(mgr, "csv", out, decision="hold")
    assert res.rows == 1 and out.exists() and res.chain_ok
    event = mgr.history()[-1]
    assert event.kind == "log.exported" and event.who == "mgr1" and event.draft_id is None
    assert event.payload == {"format": "csv", "filters": {"decision": "hold"}, "file": "log.csv"}
    assert team.open("staff1").verify().ok  # an event like any other: chained, verified
    # via the CLI too (its own connection), one more audit event
    assert main(["log", "export", "--db", team.url("mgr1"), "--format", "json", "--out", str(tmp_path / "l.json")]) == 0
    assert [e.kind for e in team.open("staff1").history()[-2:]] == ["log.exported", "log.exported"]


def test_sql_typed_by_hand_cannot_record_an_export_for_another_role(team):
    """The rule is the database's: a staff login inserting the export event itself (as
    itself, the chain's next id) is refused by the row-level policy; a manager's is not."""
    staff = team.open("staff1")
    last_id, last_hash = staff.head()
    payload = json.dumps({"format": "csv", "filters": {}, "file": "x.csv"})
    with psycopg.connect(team.url("staff1"), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO events (id, at, who, kind, draft_id, payload, prev_hash, hash) "
                         "VALUES (%s, 'now', 'staff1', 'log.exported', NULL, %s, %s, 'y')", [last_id + 1, payload, last_hash])
    with psycopg.connect(team.url("mgr1")) as conn:  # the policy lets the manager's through (rolled back)
        conn.execute("INSERT INTO events (id, at, who, kind, draft_id, payload, prev_hash, hash) "
                     "VALUES (%s, 'now', 'mgr1', 'log.exported', NULL, %s, %s, 'y')", [last_id + 1, payload, last_hash])
        conn.rollback()
    assert staff.head() == (last_id, last_hash)


def test_the_single_user_log_exports_as_before_without_an_export_event(tmp_path):
    with TriageLog.open(tmp_path / "mine.sqlite", reviewer="me") as lg:
        did = lg.record_verdict(make_verdict("a.txt"))
        lg.decide(did, "hold", "r")
        before = lg.head()
        assert export_log(lg, "csv", tmp_path / "out.csv").rows == 1
        assert lg.head() == before and lg.record_export("csv", {}, "out.csv") is None
