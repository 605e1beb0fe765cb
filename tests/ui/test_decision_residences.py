"""The decision panel stores the inventors' / applicant's residences with the decision:
what is typed reaches the log, a stored decision fills the field again, and the history
tells 'none given' from 'not recorded' (decisions logged before residences were stored)."""

from __future__ import annotations

import pytest

from ui_fakes import wait_for_log_write

from workbench.domain import Decision
from workbench.ui.decision_panel import DecisionPanel



def _decision(residences, rationale="r") -> Decision:
    return Decision(1, "hold", rationale, None, ("US",), None, reviewer="alice", at="2026-01-05T10:00:00Z",
                    residences=residences)


@pytest.fixture
def panel(qtbot):
    p = DecisionPanel(language="en")
    qtbot.addWidget(p)
    return p


def test_values_read_residences_as_the_checklist_does(panel):
    panel.set_draft("uuv.txt", level="likely")
    panel.residences.setText("jp、ＩＮ, jp")
    panel.countries.setText("us、ＥＰ")
    v = panel.values()
    assert v["residences"] == ("JP", "IN") and v["planned_countries"] == ("US", "EP")
    panel.residences.setText("JP, India")  # passed on so the log refuses it by name, never dropped
    assert panel.values()["residences"] == ("JP", "INDIA")
    panel.residences.clear()
    assert panel.values()["residences"] == ()  # an empty field is 'none given'


def test_a_stored_decision_fills_the_field_and_the_history_tells_none_from_not_recorded(panel):
    old, empty, given = _decision(None, "old"), _decision((), "empty"), _decision(("JP", "IN"), "given")
    panel.set_draft("a.txt", [old, empty, given], key="db:1")
    assert panel.residences.text() == "JP, IN"  # starts from the current decision
    texts = [panel.history.item(i).text() for i in range(panel.history.count())]
    assert "residences: not recorded" in texts[0]
    assert "residences: none given" in texts[1] and "residences: not recorded" not in texts[1]
    assert "residences: JP, IN" in texts[2]
    assert "IN" in {r[0].rsplit("(", 1)[1].rstrip(")") for r in panel.checklist_rows()}  # the checklist follows
    panel.set_draft("b.txt", [old], key="db:2")
    assert panel.residences.text() == ""  # not recorded: nothing to show, nothing invented


def test_saving_in_the_window_stores_the_residences_and_junk_is_refused_by_name(window, qtbot, open_example):
    row = open_example()
    panel = window.decision_panel
    log = window.session.log
    got = []
    window.session.notes.connect(got.append)

    panel.rationale.setPlainText("Inventors in Japan and India")
    panel.residences.setText("JP, India")
    panel.save_button.click()
    wait_for_log_write(window, qtbot)
    assert log.draft(row.draft_id).decision is None  # nothing recorded ...
    assert any(n.code == "E508" and "INDIA" in n.message for n in got), [n.render() for n in got]  # ... and said why

    panel.residences.setText("jp, in")
    panel.save_button.click()
    wait_for_log_write(window, qtbot)
    d = log.draft(row.draft_id).decision
    assert d.residences == ("JP", "IN") and d.rationale == "Inventors in Japan and India"
    assert "residences: JP, IN" in panel.history.item(panel.history.count() - 1).text()
    assert log.verify().ok
