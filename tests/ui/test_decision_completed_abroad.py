"""The decision panel stores where abroad the invention was completed with the decision:
what the checklist used reaches the log, a stored decision fills the field again, the
history tells 'none given' from 'not recorded', and Japan typed as a place abroad is
refused before anything is recorded."""

from __future__ import annotations

import pytest

from ui_fakes import wait_for_log_write

from workbench.domain import Decision
from workbench.ui.decision_panel import COL_COUNTRY, DecisionPanel



def _decision(in_japan, abroad, rationale="r") -> Decision:
    return Decision(1, "hold", rationale, in_japan, ("EP",), None, reviewer="alice", at="2026-01-05T10:00:00Z",
                    residences=("KR",), completed_abroad=abroad)


def codes(panel) -> set[str]:
    return {r[COL_COUNTRY].rsplit("(", 1)[1].rstrip(")") for r in panel.checklist_rows()}


@pytest.fixture
def panel(qtbot):
    p = DecisionPanel(language="en")
    qtbot.addWidget(p)
    p.set_draft("uuv.txt", level="likely")
    return p


def test_values_store_what_the_checklist_used(panel):
    assert panel.values()["completed_abroad"] is None  # place unknown: not recorded
    panel.place.setCurrentIndex(panel.place.findData(False))
    panel.completed_abroad.setText("us、ＣＮ, us")
    assert panel.values()["completed_abroad"] == ("US", "CN")
    assert {"US", "CN"} <= codes(panel)  # the same countries the checklist shows rows for
    panel.completed_abroad.setText("US, China")  # passed on so the log refuses it by name, never dropped
    assert panel.values()["completed_abroad"] == ("US", "CHINA")
    panel.completed_abroad.clear()
    assert panel.values()["completed_abroad"] == ()  # outside Japan, country not given: 'none given'
    panel.completed_abroad.setText("US")
    panel.place.setCurrentIndex(panel.place.findData(True))  # the field is ignored in Japan, by the checklist too
    assert panel.values()["completed_abroad"] == () and "US" not in codes(panel)
    panel.place.setCurrentIndex(panel.place.findData(None))
    assert panel.values()["completed_abroad"] is None and "US" not in codes(panel)


def test_a_stored_decision_fills_the_field_and_the_history_tells_none_from_not_recorded(panel):
    old, empty, given = _decision(False, None, "old"), _decision(False, (), "empty"), _decision(False, ("US", "CN"), "given")
    panel.set_draft("a.txt", [old, empty, given], key="db:1")
    assert panel.place.currentData() is False and panel.completed_abroad.isEnabled()
    assert panel.completed_abroad.text() == "US, CN"  # starts from the current decision
    assert {"US", "CN"} <= codes(panel)  # ... and so does the checklist
    texts = [panel.history.item(i).text() for i in range(panel.history.count())]
    assert "outside Japan; completed abroad: not recorded;" in texts[0]
    assert "completed abroad: none given" in texts[1] and "completed abroad: not recorded" not in texts[1]
    assert "completed abroad: US, CN" in texts[2] and "residences: KR" in texts[2]
    panel.set_draft("b.txt", [old], key="db:2")
    assert panel.completed_abroad.text() == ""  # not recorded: nothing to show, nothing invented
    panel.set_draft("c.txt", [], key="db:3")
    assert panel.completed_abroad.text() == "" and not panel.completed_abroad.isEnabled()


def test_japan_typed_as_a_place_abroad_is_refused_by_the_panel(panel):
    got = []
    panel.save_requested.connect(got.append)
    panel.rationale.setPlainText("why")
    panel.place.setCurrentIndex(panel.place.findData(False))
    panel.completed_abroad.setText("US, jp")
    panel.request_save()
    assert got == [] and "Completed in Japan" in panel.error.text()
    panel.completed_abroad.setText("US")
    panel.request_save()
    assert got and got[0]["completed_abroad"] == ("US",) and got[0]["completed_in_japan"] is False
    assert panel.error.text() == ""


def test_saving_in_the_window_stores_the_place_abroad_and_junk_is_refused_by_name(window, qtbot, open_example):
    row = open_example()
    panel = window.decision_panel
    log = window.session.log
    got = []
    window.session.notes.connect(got.append)

    panel.rationale.setPlainText("Made in the US and China")
    panel.place.setCurrentIndex(panel.place.findData(False))
    panel.completed_abroad.setText("US, China")
    panel.save_button.click()
    wait_for_log_write(window, qtbot)
    assert log.draft(row.draft_id).decision is None  # nothing recorded ...
    assert any(n.code == "E508" and "CHINA" in n.message for n in got), [n.render() for n in got]  # ... and said why

    panel.completed_abroad.setText("us, cn")
    panel.save_button.click()
    wait_for_log_write(window, qtbot)
    d = log.draft(row.draft_id).decision
    assert (d.completed_in_japan, d.completed_abroad) == (False, ("US", "CN"))
    assert "completed abroad: US, CN" in panel.history.item(panel.history.count() - 1).text()

    panel.rationale.setPlainText("Made in Japan after all")
    panel.place.setCurrentIndex(panel.place.findData(True))
    panel.save_button.click()
    wait_for_log_write(window, qtbot)
    d = log.draft(row.draft_id).decision
    assert (d.completed_in_japan, d.completed_abroad) == (True, ())
    assert [x.completed_abroad for x in log.draft(row.draft_id).decisions] == [("US", "CN"), ()]
    assert log.verify().ok


def test_the_history_and_the_refusal_read_in_japanese(qtbot, japanese):
    p = DecisionPanel(language="ja")
    qtbot.addWidget(p)
    p.set_draft("a.txt", [_decision(False, None, "old"), _decision(False, ("US",), "new")], key="db:1")
    texts = [p.history.item(i).text() for i in range(p.history.count())]
    assert "国外の完成地: 記録なし" in texts[0] and "国外の完成地: US" in texts[1]
    p.rationale.setPlainText("理由")
    p.completed_abroad.setText("JP")
    p.request_save()
    assert p.error.text().startswith("日本は国外ではありません")
