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
