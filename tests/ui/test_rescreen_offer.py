"""The window offers a re-screen when stored verdicts were made with other rules (a user
rules folder added since), and runs it through the batch core in the screening process:
a new verdict event per draft, the changed ones reported before -> after."""

from __future__ import annotations

import shutil

import pytest

USER_RULES = """\
id: acme-overrides
extends: jp-specified-fields
version: "acme-1"
fields:
  - id: 26
    name_ja: 合わせガラス用中間膜（社内規則）
    name_en: Laminated glass interlayers (company rule)
    ipc: [{code: "B32B 9/04", verified: true, source: "https://example.com/acme-ip/rules"}]
    additional_requirement: {applies: false}
    verified: true
"""


@pytest.mark.shared_data
@pytest.mark.slow
def test_the_window_offers_and_runs_a_rescreen_after_a_rule_change(real_window, qtbot, tmp_path, shared_data, example_drafts, monkeypatch):
    from workbench.batch import run_batch
    from workbench.store import TriageLog

    win = real_window
    grant = shutil.copy(shared_data / "uspto-grants" / "US06982296.xml", tmp_path / "US06982296.xml")  # prints B32B 9/04
    files = [grant, example_drafts[0]]
    with TriageLog.open(win.session.db_path) as log:  # screened earlier, with the installed rules
        assert [o.status for o in run_batch(files, log=log)] == ["screened", "screened"]
    win.refresh_log()

    with qtbot.waitSignal(win.stale_checked, timeout=120000) as sig:
        win.check_rescreen()  # installed rules, as the verdicts: nothing to offer
    assert sig.args == [0] and win.stale is not None and win.stale.count == 0 and not win.rescreen_button.isVisibleTo(win)

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "acme.yaml").write_text(USER_RULES, encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_RULES_DIR", str(rules))
    assert win.session.rules_dir == str(rules)
    qtbot.waitUntil(lambda: win.stale_worker is None, timeout=10000)
    with qtbot.waitSignal(win.stale_checked, timeout=120000) as sig:
        win.check_rescreen()
    assert sig.args == [2] and win.stale.count == 2 and win.rescreen_button.isVisibleTo(win)
    assert "2" in win.rescreen_button.text() and "+user." in win.rescreen_button.toolTip()

    with qtbot.waitSignal(win.rescreen_finished, timeout=180000) as sig:
        win.rescreen_button.click()
    assert sig.args == [1]  # the grant printing B32B 9/04 now meets field 26; the example does not change
    report = win.session.notes.history[-1].render("en")
    assert "1 of 2 re-screened draft(s) changed" in report and "LIKELY REFERRAL, field 26" in report
    assert "US06982296.xml" in report and example_drafts[0].name not in report
    assert not win.rescreen_button.isVisibleTo(win)
    # the session's own connection stayed valid while the screening process wrote and closed
    # its own (a second open in this process must not drop the session's file locks)
    assert [p.name for p in tmp_path.glob("log.sqlite-*")] and win.session.log.verify().ok
    with TriageLog.open(win.session.db_path) as log:
        counts = [log.draft(s.id).verdict_count for s in log.drafts()]
        assert counts == [2, 2]  # a new verdict event each; the first ones are kept
        assert all("+user." in s.ruleset_version for s in log.drafts())
