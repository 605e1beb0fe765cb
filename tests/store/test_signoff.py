"""Sign-off on risky decisions: an override reason (required in the single-user log too)
and a manager's approval, both recorded as events and shown in exports and the list."""

from __future__ import annotations

import pytest
from factories import make_verdict

from workbench.cli.main import main
from workbench.errors import StoreError
from workbench.store.signoff import RISK_JP_FIRST, RISK_LIKELY, override_risks


def _likely(log):
    return log.record_verdict(make_verdict("likely.txt", level="likely", likelihood=0.9))


def _review(log):
    return log.record_verdict(make_verdict("review.txt", level="review", likelihood=0.4))


def test_clear_abroad_on_likely_needs_an_override_reason(log):
    did = _likely(log)
    with pytest.raises(StoreError) as exc:
        log.decide(did, "clear_abroad", "the customer wants it", completed_in_japan=False, completed_abroad=["US"])
    assert exc.value.code == "E550" and "likely" in exc.value.message
    assert "送付の可能性大" in exc.value.render_in("ja")
    assert log.draft(did).decision is None  # nothing was recorded
    assert [e.kind for e in log.history(did)] == ["draft.added", "verdict.recorded"]


def test_jp_first_filing_duty_needs_an_override_even_on_review(log):
    did = _review(log)
    assert log.override_risks(did, "clear_abroad", completed_in_japan=True, planned_countries=["US"]) == (RISK_JP_FIRST,)
    with pytest.raises(StoreError) as exc:
        log.decide(did, "clear_abroad", "checked", completed_in_japan=True, planned_countries=["US"])
    assert exc.value.code == "E550" and "first-filing" in exc.value.message
    # made abroad only: Japan's duty does not apply, a review verdict needs no override
    d = log.decide(did, "clear_abroad", "made in the US", completed_in_japan=False, completed_abroad=["US"])
    assert d.override_status is None and d.override_reason is None


def test_safe_decisions_need_no_override(log):
    did = _likely(log)
    for decision in ("file_jp_first", "prior_confirmation", "hold"):
        assert log.override_risks(did, decision, completed_in_japan=True) == ()
        d = log.decide(did, decision, "safe", completed_in_japan=True, override_reason="not needed")
        assert d.override_reason is None  # nothing to sign off: the reason is not stored
    assert log.drafts()[0].override is None


def test_override_is_pending_until_a_manager_approves(log, reopen):
    did = _likely(log)
    d = log.decide(did, "clear_abroad", "licence obtained", completed_in_japan=True,
                   override_reason="JPO prior confirmation received: not covered")
    assert d.override_status == "pending" and set(d.override_risks) == {RISK_LIKELY, RISK_JP_FIRST}
    assert log.drafts()[0].override == "pending"
    with pytest.raises(StoreError) as same:
        log.approve_override(did)  # the person who decided
    assert same.value.code == "E553"
    ok = reopen("mgr1").approve_override(did, note="seen the JPO letter")
    assert ok.override_status == "approved" and ok.approved_by == "mgr1" and ok.approved_at
    rec = log.draft(did)
    assert rec.decision.approved_by == "mgr1" and rec.decision.override_reason.startswith("JPO prior")
    assert log.drafts()[0].override == "approved"
    kinds = [e.kind for e in log.history(did)]
    assert kinds[-2:] == ["decision.recorded", "override.approved"]
    with pytest.raises(StoreError) as twice:
        reopen("mgr2").approve_override(did)
    assert twice.value.code == "E552"
    assert log.verify().ok


def test_a_new_decision_needs_its_own_approval(log, reopen):
    did = _likely(log)
    log.decide(did, "clear_abroad", "r", override_reason="why")
    manager = reopen("mgr1")
    manager.approve_override(did)
    log.decide(did, "clear_abroad", "r2", override_reason="why again")
    assert log.drafts()[0].override == "pending"
    log.decide(did, "file_jp_first", "back to safe")
    with pytest.raises(StoreError) as exc:
        manager.approve_override(did)
    assert exc.value.code == "E551"


@pytest.mark.sqlite_only  # hand edits of a team log: tests/store/test_team_roles.py
def test_tampered_override_reason_is_caught_by_verify(db_path):
    import sqlite3

    from workbench.store import TriageLog

    with TriageLog.open(db_path, reviewer="alice") as lg:
        did = _likely(lg)
        lg.decide(did, "clear_abroad", "r", override_reason="real reason")
    raw = sqlite3.connect(db_path)
    raw.execute("DROP TRIGGER decisions_no_update")
    raw.execute("UPDATE decisions SET override_reason = 'forged'")
    raw.commit()
    raw.close()
    with TriageLog.open(db_path) as lg:
        res = lg.verify()
    assert not res.ok and "decisions" in res.detail


@pytest.mark.sqlite_only  # the team log's refusals: tests/store/test_team_roles.py
def test_approval_rows_are_append_only(log, reopen):
    import sqlite3

    did = _likely(log)
    log.decide(did, "clear_abroad", "r", override_reason="why")
    reopen("bob").approve_override(did)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        log.conn.execute("DELETE FROM approvals")


def test_risk_rule_itself():
    assert override_risks("clear_abroad", "likely") == (RISK_LIKELY,)
    assert override_risks("clear_abroad", "clear", completed_in_japan=True) == ()
    assert override_risks("clear_abroad", "review", completed_in_japan=None) == ()
    assert override_risks("hold", "likely", completed_in_japan=True) == ()


def test_cli_decide_refuses_then_records_with_override_and_approve(db_path, capsys):
    from workbench.store import TriageLog

    with TriageLog.open(db_path, reviewer="alice") as lg:
        did = _likely(lg)
    args = ["log", "decide", str(did), "--db", str(db_path), "--decision", "clear_abroad", "--rationale", "r",
            "--completed-in-japan", "yes", "--reviewer", "alice"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "[E550]" in err and "override" in err.lower()
    assert main(args + ["--override-reason", "JPO confirmed not covered"]) == 0
    out = capsys.readouterr().out
    assert "pending" in out
    assert main(["log", "list", "--db", str(db_path)]) == 0
    assert "pending" in capsys.readouterr().out
    assert main(["log", "approve", str(did), "--db", str(db_path), "--reviewer", "alice"]) == 2
    assert "[E553]" in capsys.readouterr().err
    assert main(["log", "approve", str(did), "--db", str(db_path), "--reviewer", "bob", "--note", "ok"]) == 0
    assert "bob" in capsys.readouterr().out
    assert main(["log", "show", str(did), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "JPO confirmed not covered" in out and "approved" in out and "bob" in out
