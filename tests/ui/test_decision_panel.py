"""The Decision panel (workbench/ui/decision_panel.py): what it asks before a decision is saved."""

from __future__ import annotations


def test_the_missing_rationale_message_goes_once_the_rationale_is_typed(qtbot):
    """'A decision needs a rationale' stayed in red under the checklist after the reviewer
    had written one, until the next save: the form looked refused when it was not."""
    from workbench.ui.decision_panel import DecisionPanel

    panel = DecisionPanel(language="en")
    qtbot.addWidget(panel)
    panel.set_draft("draft.txt", key="db:1", level="review")
    with qtbot.assertNotEmitted(panel.save_requested):
        panel.request_save()
    assert "rationale" in panel.error.text()
    panel.rationale.setPlainText("Civil use only; no field term in the claims.")
    assert panel.error.text() == ""
    # a refused place abroad goes as soon as the countries are edited
    panel.place.setCurrentIndex(panel.place.findData(False))
    panel.completed_abroad.setText("JP")
    panel.request_save()
    assert "Japan" in panel.error.text()
    panel.completed_abroad.setText("US")
    assert panel.error.text() == ""
    with qtbot.waitSignal(panel.save_requested, timeout=1000):
        panel.request_save()


def test_the_current_decision_is_said_at_the_top_of_the_panel(qtbot):
    """A decided draft opened the panel on an empty 'Rationale: required' with the decision
    combo set: it read as undecided, and who decided what and why was only in the history at
    the bottom, below the checklist and the plan (off a 1366 x 768 screen)."""
    from workbench.domain import Decision
    from workbench.ui.decision_panel import DecisionPanel
    from workbench.ui.notifications import set_ui_language

    d = Decision(7, "file_jp_first", "要検討のため日本で先に出願", True, ("US",), "2026-11-20", "2027-02-20",
                 "2027-09-20", "suzuki", "2026-12-02T13:47:33Z")
    panel = DecisionPanel(language="en")
    qtbot.addWidget(panel)
    panel.set_draft("railgun.txt", [d], key="db:7", level="review")
    said = panel.current_decision.text()
    assert "File in Japan first" in said and "suzuki" in said and "要検討のため日本で先に出願" in said
    assert "2026-12-02 13:47" in said
    panel.set_draft("other.txt", [], key="db:8", level="clear")
    assert "No decision" in panel.current_decision.text()
    set_ui_language("ja")
    try:
        panel = DecisionPanel(language="ja")
        qtbot.addWidget(panel)
        panel.set_draft("railgun.txt", [d], key="db:7", level="review")
        assert panel.current_decision.text().startswith("現在の出願方針")
        panel.set_draft("other.txt", [], key="db:8", level="clear")
        assert "出願方針はまだ記録されていません" in panel.current_decision.text()
    finally:
        set_ui_language("en")


def test_the_current_decision_line_follows_a_save(window, qtbot, open_example):
    """Saved from the panel, the queue said 'Clear to file abroad' while the panel's first
    line still said no decision was recorded."""
    from ui_fakes import wait_for_log_write

    open_example()
    panel = window.decision_panel
    assert "No decision" in panel.current_decision.text()
    panel.decision.setCurrentIndex(panel.decision.findData("hold"))
    panel.rationale.setPlainText("Waiting for the inventor's corrected claims.")
    panel.save_button.click()
    wait_for_log_write(window, qtbot)
    said = panel.current_decision.text()
    assert "Hold" in said and "Waiting for the inventor's corrected claims." in said


def test_another_drafts_jp_filing_date_is_not_offered_for_this_one(qtbot):
    """The date box (greyed until 'Filed in Japan' is ticked) kept the JP filing date of the
    draft shown before: ticking the box recorded that draft's date for this one."""
    from PySide6.QtCore import QDate

    from workbench.domain import Decision
    from workbench.ui.decision_panel import DecisionPanel

    panel = DecisionPanel(language="en")
    qtbot.addWidget(panel)
    filed = Decision(7, "file_jp_first", "JP first", True, ("US",), "2026-11-20", "2027-02-20", "2027-09-20", "suzuki", "2026-12-02T13:47:33Z")
    panel.set_draft("railgun.txt", [filed], key="db:7", level="review")
    assert panel.jp_date.date() == QDate(2026, 11, 20)
    panel.set_draft("pump.txt", [], key="db:8", level="clear")
    panel.jp_filed.setChecked(True)
    assert panel.jp_date.date() == QDate.currentDate()
