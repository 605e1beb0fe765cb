"""The Decision panel's filing facts and clearance plan (issue 15 items 3-4): typed in the
CLI's forms, refused by name when wrong, saved as their own event with the decision (only
when changed), shown again for the draft, and the plan computed live in the panel's language
with the screening-aid line and the unverified marks."""

from __future__ import annotations

import pytest

from workbench.ui import backend
from workbench.ui.decision_panel import DecisionPanel


@pytest.fixture
def panel(qtbot):
    p = DecisionPanel(language="en")
    qtbot.addWidget(p)
    p.set_draft("seeker.txt", level="likely")
    return p


def type_joint(p):
    p.place.setCurrentIndex(p.place.findData("joint"))
    p.completed_abroad.setText("US")
    p.inventors.setPlainText("Yamada: JP: JP: JP\nSmith: US: US: US")
    p.applicants.setPlainText("Acme KK: JP")
    p.filings.setPlainText("JP\nUS")


def test_the_plan_follows_what_is_typed(panel, qtbot):
    assert "not legal advice" in panel.plan_view.toPlainText()
    type_joint(panel)
    qtbot.waitUntil(lambda: "Way out" in panel.plan_view.toPlainText(), timeout=10000)  # once typing pauses
    text = panel.plan_view.toPlainText()
    assert "Way out: petition the USPTO" in text and "US: earliest permissible date" in text
    assert "unverified" in text and text.rstrip().endswith("before filing.")
    assert panel.plan.filing("US").needs == ("JP",)


def test_the_plan_is_japanese_in_a_japanese_panel(qtbot):
    p = DecisionPanel(language="ja")
    qtbot.addWidget(p)
    p.set_draft("seeker.txt", level="likely")
    type_joint(p)
    qtbot.waitUntil(lambda: "解決策" in p.plan_view.toPlainText(), timeout=10000)
    text = p.plan_view.toPlainText()
    assert "解決策" in text and "最も早い出願可能日" in text and "法的助言ではありません" in text


def test_bad_facts_are_named_and_block_the_save(panel):
    got = []
    panel.save_requested.connect(got.append)
    panel.rationale.setPlainText("why")
    panel.inventors.setPlainText("Yamada: XX")
    panel.update_plan()
    assert "XX" in panel.facts_error.text()
    panel.request_save()
    assert got == [] and "XX" in panel.error.text()
    panel.inventors.setPlainText("Yamada: JP")
    panel.request_save()
    assert got and got[0]["facts"]["inventors"] == [{"made_in": [], "name": "Yamada", "nationality": None, "residence": "JP"}]


def test_facts_go_with_the_decision_only_when_changed_and_are_shown_again(panel, tmp_path):
    from tests.store.factories import make_verdict
    from workbench.store import TriageLog

    db = tmp_path / "log.db"
    with TriageLog.open(db, reviewer="t") as log:
        did = log.record_verdict(make_verdict(level="likely"))
    type_joint(panel)
    panel.rationale.setPlainText("joint JP/US")
    values = panel.values()
    assert "facts" in values
    backend.decide(db, did, reviewer="sato", **values)
    with TriageLog.open(db) as log:
        stored = log.filing_facts(did)
        kinds = [e.kind for e in log.history(did)]
        assert kinds[-2:] == ["facts.recorded", "decision.recorded"] and log.verify().ok
    assert [i["name"] for i in stored["inventors"]] == ["Yamada", "Smith"] and stored["reviewer"] == "sato"
    other = DecisionPanel(language="en")
    other.set_draft("seeker.txt", key="db:1", level="likely", facts=stored)
    assert other.inventors.toPlainText() == "Yamada:JP:JP:JP\nSmith:US:US:US"
    assert other.filings.toPlainText() == "JP\nUS" and other.applicants.toPlainText() == "Acme KK:JP"
    other.rationale.setPlainText("again")
    assert "facts" not in other.values()  # unchanged: no new facts event
    other.applicants.setPlainText("Acme KK: JP\nAcme Inc: US")
    assert len(other.values()["facts"]["applicants"]) == 2
    other.deleteLater()


def test_in_the_window_the_facts_are_saved_with_the_decision_and_shown_again(window, qtbot, example_drafts):
    from ui_fakes import fake_screen_files, wait_for_log_write

    with qtbot.waitSignal(window.batch_finished, timeout=60000):
        window.open_paths([str(p) for p in example_drafts[:2]], screen_files=fake_screen_files)
    rows = [window.queue_model.row_at(i) for i in range(window.queue_model.rowCount())]
    first, second = rows[0], rows[1]
    window.select_key(first.key)
    panel = window.decision_panel
    panel.rationale.setPlainText("joint JP/US work: JPO first, US licence by petition")
    type_joint(panel)
    window.act_save_decision.trigger()
    wait_for_log_write(window, qtbot)
    stored = window.session.log.filing_facts(first.draft_id)
    assert stored and [i["name"] for i in stored["inventors"]] == ["Yamada", "Smith"]
    assert stored["reviewer"] == "tester"
    window.select_key(second.key)
    assert panel.inventors.toPlainText() == ""  # nothing carries over to another draft
    window.select_key(first.key)
    assert panel.inventors.toPlainText() == "Yamada:JP:JP:JP\nSmith:US:US:US"
    assert "US: " in panel.plan_view.toPlainText() and "not legal advice" in panel.plan_view.toPlainText()
