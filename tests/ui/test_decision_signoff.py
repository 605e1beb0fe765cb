"""Sign-off in the Decision panel: a decision against the checklist shows why it needs an
override, is refused without a reason, is stored pending with one, and a second person
approves it; the queue shows pending / approved."""

from __future__ import annotations

from ui_fakes import wait_for_log_write

from workbench.ui.models.queue import COL_DECISION


def _risky_form(panel):
    panel.decision.setCurrentIndex(panel.decision.findData("clear_abroad"))
    panel.place.setCurrentIndex(panel.place.findData(True))  # completed in Japan, triaged 'review'
    panel.countries.setText("US")
    panel.rationale.setPlainText("Customer deadline in the US")


def test_override_reason_is_required_then_pending_then_approved(window, qtbot, open_example, monkeypatch):
    row = open_example()
    panel, log = window.decision_panel, window.session.log
    got = []
    window.session.notes.connect(got.append)

    panel.decision.setCurrentIndex(panel.decision.findData("hold"))
    assert not panel.override_reason.isVisibleTo(panel)  # a safe decision asks for nothing
    _risky_form(panel)
    assert panel.override_reason.isVisibleTo(panel)
    assert "first-filing" in panel.override_warning.text()

    panel.save_button.click()  # no reason: refused in the panel, nothing written
    assert "override" in panel.error.text().lower() and not window.log_write_pending()
    assert log.draft(row.draft_id).decision is None

    panel.override_reason.setPlainText("JPO prior confirmation: not covered (letter 2026-01-10)")
    panel.save_button.click()
    wait_for_log_write(window, qtbot)
    d = log.draft(row.draft_id).decision
    assert d.override_status == "pending" and d.override_reason.startswith("JPO prior")
    i = window.queue_model.find(row.key)
    cell = window.queue_model.index(i, COL_DECISION).data()
    assert "pending" in cell
    assert panel.approve_button.isVisibleTo(panel) and "pending" in panel.override_status.text().lower()

    panel.approve_button.click()  # the same person: refused by the store (E553)
    wait_for_log_write(window, qtbot)
    assert any(n.code == "E553" for n in got), [n.render() for n in got]
    assert log.draft(row.draft_id).decision.override_status == "pending"

    monkeypatch.setenv("WORKBENCH_REVIEWER", "manager-m")  # another person signs off
    assert window.session.reviewer == "manager-m"
    assert panel.approve_note.isVisibleTo(panel)  # the window's approval takes a note, as 'log approve --note' does
    panel.approve_note.setText("JPO letter of 2026-01-10 seen")
    panel.approve_button.click()
    wait_for_log_write(window, qtbot)
    d = log.draft(row.draft_id).decision
    assert d.override_status == "approved" and d.approved_by == "manager-m"
    assert d.approval_note == "JPO letter of 2026-01-10 seen" and not panel.approve_note.isVisibleTo(panel)
    assert "approved" in window.queue_model.index(i, COL_DECISION).data()
    assert not panel.approve_button.isVisibleTo(panel) and "manager-m" in panel.override_status.text()
    assert log.verify().ok
    # the form under it still holds the approved decision: its warning is about saving it again,
    # not 'needs a manager's approval' beside '✓ approved' (read so on a walk as the manager)
    warning = panel.override_warning.text()
    assert panel.override_warning.isVisibleTo(panel) and "again" in warning and "stored decision" in warning, warning
    panel.decision.setCurrentIndex(panel.decision.findData("hold"))
    panel.decision.setCurrentIndex(panel.decision.findData("clear_abroad"))
    assert "again" in panel.override_warning.text()


def test_japanese_panel_says_it_in_japanese(window, qtbot, open_example, japanese):
    from workbench.ui.notifications import set_ui_language

    set_ui_language("ja")
    try:
        open_example()
        panel = window.decision_panel
        _risky_form(panel)
        assert "第一国出願義務" in panel.override_warning.text()
        # the level it was triaged at, in Japanese (it read 「review」 inside the Japanese sentence)
        assert "「要検討」と判定" in panel.override_warning.text() and "review" not in panel.override_warning.text()
        assert panel.override_label.text() == "オーバーライドの理由"
    finally:
        set_ui_language("en")


def test_the_approvers_note_shows_with_the_approval(window, qtbot, open_example, monkeypatch):
    """A manager approving from the command line adds a note; the panel shows it beside the
    approval, as the exports and 'log show' do (it was stored and shown nowhere)."""
    row = open_example()
    panel, log = window.decision_panel, window.session.log
    _risky_form(panel)
    panel.override_reason.setPlainText("JPO prior confirmation: not covered")
    panel.save_button.click()
    wait_for_log_write(window, qtbot)
    log.approve_override(row.draft_id, note="letter 2026-01-10 seen", reviewer="manager-m")
    window._show(row.key)  # the draft shown again reads its decisions from the log
    assert "letter 2026-01-10 seen" in panel.override_status.text()
