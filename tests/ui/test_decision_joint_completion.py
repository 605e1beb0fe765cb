"""An invention completed partly in Japan and partly abroad (joint JP/US research) in the
decision panel: the fourth place-of-completion choice saves completed_in_japan=yes with the
countries abroad, the checklist applies Japan's rule AND the foreign ones, and a decision
recorded by the CLI is opened and saved again without losing any place abroad (the legal
record must never silently drop a fact)."""

from __future__ import annotations

import pytest

from workbench.cli.main import main as cli_main
from workbench.domain import Decision
from workbench.filing import FilingFacts, filing_checks
from workbench.ui.decision_panel import COL_APPLIES, COL_COUNTRY, JOINT, DecisionPanel
from workbench.ui.main_window import MainWindow
from workbench.ui.notifications import NotificationManager
from workbench.ui.session import Session

import ui_fakes


def _open_window(db, qtbot) -> MainWindow:
    session = Session.start(db_path=str(db), notes=NotificationManager())
    win = MainWindow(session)
    win.in_process = False
    qtbot.addWidget(win)
    win.show()
    return win


def _close(win) -> None:
    win.close()
    win.session.close_log()


def test_a_cli_recorded_joint_decision_opened_and_saved_again_keeps_the_place_abroad(qtbot, tmp_path, example_drafts, capsys):
    db = tmp_path / "log.sqlite"
    win = _open_window(db, qtbot)  # screen a draft into the log
    try:
        with qtbot.waitSignal(win.batch_finished, timeout=60000):
            win.open_paths([str(example_drafts[0])], screen_files=ui_fakes.fake_screen_files)
        draft_id = win.queue_model.row_at(0).draft_id
    finally:
        _close(win)
    assert cli_main([
        "log", "decide", str(draft_id), "--db", str(db), "--decision", "hold", "--rationale", "joint JP/US research",
        "--completed-in-japan", "yes", "--completed-abroad", "US", "--countries", "US",
    ]) == 0
    capsys.readouterr()

    win = _open_window(db, qtbot)  # a reviewer opens it later in the app
    try:
        row = next(win.queue_model.row_at(i) for i in range(win.queue_model.rowCount()) if win.queue_model.row_at(i).draft_id == draft_id)
        assert win.select_key(row.key)
        panel = win.decision_panel
        assert panel.place.currentData() == "joint" and panel.completed_abroad.text() == "US"
        assert panel.completed_abroad.isEnabled()
        panel.rationale.setPlainText("Filing licence requested")
        panel.save_button.click()
        ui_fakes.wait_for_log_write(win, qtbot)
        log = win.session.log
        decisions = log.draft(draft_id).decisions
        assert len(decisions) == 2, [panel.error.text()]
        assert [(d.completed_in_japan, d.completed_abroad) for d in decisions] == [(True, ("US",)), (True, ("US",))]
        assert log.verify().ok
    finally:
        _close(win)


# -- the panel alone ---------------------------------------------------------------------------
def rows_by_code(panel) -> dict[str, tuple[str, ...]]:
    return {r[COL_COUNTRY].rsplit("(", 1)[1].rstrip(")"): r for r in panel.checklist_rows()}


def saved_values(panel) -> dict | None:
    got = []
    panel.save_requested.connect(got.append)
    panel.request_save()
    panel.save_requested.disconnect(got.append)
    return got[0] if got else None


@pytest.fixture
def panel(qtbot):
    p = DecisionPanel(language="en")
    qtbot.addWidget(p)
    p.set_draft("uuv.txt", level="likely")
    return p


def test_the_joint_choice_saves_yes_with_the_countries_abroad(panel):
    assert [panel.place.itemData(i) for i in range(panel.place.count())] == [True, JOINT, False, None]
    assert panel.place.itemText(panel.place.findData(JOINT)) == "Partly in Japan, partly abroad"
    panel.place.setCurrentIndex(panel.place.findData(JOINT))
    assert panel.completed_abroad.isEnabled()
    panel.completed_abroad.setText("us、ＣＮ")
    panel.rationale.setPlainText("joint research with a US and a Chinese university")
    v = saved_values(panel)
    assert v is not None and (v["completed_in_japan"], v["completed_abroad"]) == (True, ("US", "CN"))
    assert panel.error.text() == ""


def test_the_joint_checklist_applies_japans_rule_and_the_us_licence(panel):
    panel.place.setCurrentIndex(panel.place.findData(JOINT))
    panel.completed_abroad.setText("US")
    rows = rows_by_code(panel)
    assert rows["JP"][COL_APPLIES] == "Yes" and rows["US"][COL_APPLIES] == "Yes"
    # exactly what the core gives for an invention completed in JP and the US (filing check --completed-in JP,US)
    core = filing_checks(FilingFacts(completed_in=("JP", "US"), jp_level="likely"))
    assert set(rows) == {c.jurisdiction.code for c in core}
    panel.place.setCurrentIndex(panel.place.findData(True))  # wholly in Japan: the US row goes
    assert "JP" in rows_by_code(panel) and "US" not in rows_by_code(panel)
    panel.place.setCurrentIndex(panel.place.findData(False))  # wholly abroad: Japan's row goes
    assert "US" in rows_by_code(panel) and "JP" not in rows_by_code(panel)


def test_the_joint_choice_refuses_japan_and_needs_a_country_abroad(panel):
    panel.rationale.setPlainText("why")
    panel.place.setCurrentIndex(panel.place.findData(JOINT))
    panel.completed_abroad.setText("JP, US")
    assert saved_values(panel) is None and "Japan is not a place abroad" in panel.error.text()
    panel.completed_abroad.clear()  # yes + none abroad would read back as wholly in Japan: refused, said why
    assert saved_values(panel) is None and "list the countries other than Japan" in panel.error.text()
    assert panel.completed_abroad.hasFocus() or not panel.isVisible()
    panel.completed_abroad.setText("US")
    assert saved_values(panel)["completed_abroad"] == ("US",) and panel.error.text() == ""


def _decision(in_japan, abroad) -> Decision:
    return Decision(1, "hold", "r", in_japan, ("EP",), None, reviewer="alice", at="2026-01-05T10:00:00Z",
                    residences=("KR",), completed_abroad=abroad)


@pytest.mark.parametrize(("in_japan", "abroad", "choice", "field", "enabled"), [
    (True, (), True, "", False),
    (True, ("US",), JOINT, "US", True),
    (True, ("US", "CN"), JOINT, "US, CN", True),
    (True, None, True, "", False),
    (False, ("US",), False, "US", True),
    (False, (), False, "", True),
    (False, None, False, "", True),
    (None, None, None, "", False),
    (None, (), None, "", False),
    (None, ("US",), None, "US", False),
])
def test_a_stored_decision_restores_its_choice(panel, in_japan, abroad, choice, field, enabled):
    panel.set_draft("a.txt", [_decision(in_japan, abroad)], key="db:7")
    assert panel.place.currentData() == choice and type(panel.place.currentData()) is type(choice)
    assert panel.completed_abroad.text() == field and panel.completed_abroad.isEnabled() == enabled
    if abroad is None:  # the empty field says what it stands for
        assert panel.completed_abroad.placeholderText() == "Abroad: not recorded"
    # the checklist uses what is stored: Japan when completed there, and every country abroad
    used = panel.filing_facts()[0]["completed_in"]
    assert used == (*(("JP",) if in_japan else ()), *(abroad or ()))


def test_the_history_says_partly_in_japan_and_abroad(panel):
    panel.set_draft("a.txt", [_decision(True, ()), _decision(True, ("US",))], key="db:8")
    texts = [panel.history.item(i).text() for i in range(panel.history.count())]
    assert "(in Japan; completed abroad: none given;" in texts[0]
    assert "(in Japan and abroad; completed abroad: US;" in texts[1]


def test_a_changed_choice_stores_the_new_answer_not_the_loaded_one(panel):
    panel.set_draft("a.txt", [_decision(True, None)], key="db:9")  # CLI, without --completed-abroad
    panel.rationale.setPlainText("checked: made in Japan only")
    assert saved_values(panel)["completed_abroad"] is None  # untouched: still not recorded
    panel.place.setCurrentIndex(panel.place.findData(False))
    assert panel.completed_abroad.placeholderText() != "Abroad: not recorded"
    assert saved_values(panel)["completed_abroad"] == ()  # the reviewer's new answer: outside, none given
    panel.place.setCurrentIndex(panel.place.findData(JOINT))
    panel.completed_abroad.setText("KR")
    v = saved_values(panel)
    assert (v["completed_in_japan"], v["completed_abroad"]) == (True, ("KR",))
    panel.set_draft("b.txt", [_decision(None, ("US",))], key="db:10")
    panel.rationale.setPlainText("r")
    panel.place.setCurrentIndex(panel.place.findData(True))  # now known: wholly in Japan
    v = saved_values(panel)
    assert (v["completed_in_japan"], v["completed_abroad"]) == (True, ())
    panel.place.setCurrentIndex(panel.place.findData(None))  # back as it was loaded: kept as stored
    v = saved_values(panel)
    assert (v["completed_in_japan"], v["completed_abroad"]) == (None, ("US",))


# -- through the real log: every combination round-trips load -> save unchanged ---------------------
COMBINATIONS = [(j, a) for j in (True, False, None) for a in (None, (), ("US",), ("US", "CN"))]


@pytest.fixture
def log_with_draft(tmp_path, example_drafts):
    from workbench.ingest import read_draft
    from workbench.store import TriageLog

    log = TriageLog.open(tmp_path / "rt.sqlite", reviewer="tester")
    draft_id = log.record_verdict(ui_fakes.fake_classify(read_draft(example_drafts[0])))
    yield log, draft_id
    log.close()


def test_every_combination_round_trips_load_save_unchanged(panel, log_with_draft):
    log, draft_id = log_with_draft
    for n, (in_japan, abroad) in enumerate(COMBINATIONS):
        log.decide(draft_id, "hold", f"as recorded {n}", completed_in_japan=in_japan, completed_abroad=abroad,
                   planned_countries=("US",), residences=("JP",))
        panel.set_draft("a.txt", log.draft(draft_id).decisions, key=f"db:{draft_id}:{n}")  # opened afresh
        panel.rationale.setPlainText(f"saved again {n}")
        values = saved_values(panel)
        assert values is not None, (in_japan, abroad, panel.error.text())
        d = log.decide(draft_id, **values)
        again = log.draft(draft_id).decision
        assert (again.completed_in_japan, again.completed_abroad) == (in_japan, abroad) == (d.completed_in_japan, d.completed_abroad)
        assert again.planned_countries == ("US",) and again.residences == ("JP",)
    assert len(log.draft(draft_id).decisions) == 2 * len(COMBINATIONS)
    assert log.verify().ok


def test_after_saving_the_panel_keeps_what_was_saved(panel, log_with_draft):
    log, draft_id = log_with_draft
    log.decide(draft_id, "hold", "old", completed_in_japan=False)  # outside, place abroad not recorded
    panel.set_draft("a.txt", log.draft(draft_id).decisions, key="db:x")
    panel.completed_abroad.setText("US")
    panel.rationale.setPlainText("US after all")
    panel.saved(log.decide(draft_id, **saved_values(panel)))
    panel.completed_abroad.clear()  # now empty means none given: the old 'not recorded' is gone
    panel.rationale.setPlainText("no country after all")
    assert saved_values(panel)["completed_abroad"] == ()


# -- Japanese ---------------------------------------------------------------------------------------
def test_the_joint_choice_reads_in_japanese(qtbot, japanese):
    p = DecisionPanel(language="ja")
    qtbot.addWidget(p)
    p.set_draft("a.txt", [_decision(True, ("US",)), _decision(False, None)], key="db:1")
    assert p.place.itemText(p.place.findData(JOINT)) == "日本国内と国外で発明を完成"
    assert "日本国内と国外;" in p.history.item(0).text()
    assert p.completed_abroad.placeholderText() == "国外の完成地: 記録なし"
    p.place.setCurrentIndex(p.place.findData(JOINT))
    p.completed_abroad.clear()
    p.rationale.setPlainText("理由")
    p.request_save()
    assert p.error.text().startswith("日本国内と国外で完成した発明")
