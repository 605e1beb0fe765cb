"""The foreign-filing checklist in the decision panel: it follows the place of completion,
the planned countries, the residences, the draft's triage level and its defence answer,
live; unverified rules are marked; the core's coded errors are shown, not raised."""

from __future__ import annotations

import dataclasses
import html

import pytest

from workbench.errors import E303, RulesError
from workbench.filing import load_jurisdictions
from workbench.ui import labels
from workbench.ui.decision_panel import COL_APPLIES, COL_COUNTRY, COL_RULE, COL_TODO, COL_WAIT, _FILING, DecisionPanel, parse_codes
from workbench.ui.main_window import MainWindow
from workbench.ui.notifications import NotificationManager
from workbench.ui.session import Session

import ui_fakes

RULES = {j.code: j for j in load_jurisdictions()}


def rows_by_code(panel) -> dict[str, tuple[str, ...]]:
    out = {}
    for r in panel.checklist_rows():
        code = r[COL_COUNTRY].rsplit("(", 1)[1].rstrip(")")
        out[code] = r
    return out


@pytest.fixture
def panel(qtbot):
    p = DecisionPanel()
    qtbot.addWidget(p)
    p.set_draft("uuv.txt", level="likely")
    return p


def test_completed_in_japan_with_a_likely_draft_gives_a_japan_yes_row_marked_unverified(panel):
    assert "JP" not in rows_by_code(panel)  # place unknown: Japan's place rule is not checked
    assert "unknown" in panel.checklist_info.text()
    panel.place.setCurrentIndex(panel.place.findData(True))
    panel.countries.setText("US, EP")
    jp = rows_by_code(panel)["JP"]
    assert jp[COL_APPLIES] == "Yes"
    assert jp[COL_TODO] == RULES["JP"].requirement and jp[COL_WAIT] == RULES["JP"].wait
    assert RULES["JP"].verified is False and jp[COL_RULE] == "⚠ " + labels.verified_label(False)
    row = panel.checklist_rows().index(jp)
    tip = panel.checklist.item(row, COL_TODO).toolTip()
    assert "Economic Security Promotion Act" in tip and RULES["JP"].sources[0] in tip and "likely" in tip
    assert not panel.checklist.isHidden()
    panel.place.setCurrentIndex(panel.place.findData(None))  # back to unknown: the row goes
    assert "JP" not in rows_by_code(panel)


def test_residence_in_india_adds_a_verified_india_row_and_removing_it_drops_it(panel):
    panel.place.setCurrentIndex(panel.place.findData(True))
    panel.countries.setText("US")
    assert "IN" not in rows_by_code(panel)
    panel.residences.setText("jp, in")
    india = rows_by_code(panel)["IN"]
    assert india[COL_APPLIES] == "Yes" and RULES["IN"].verified
    assert india[COL_RULE] == labels.verified_label(True) and "⚠" not in india[COL_RULE]
    assert set(rows_by_code(panel)) == {"IN", "JP"}
    panel.residences.setText("JP")
    assert set(rows_by_code(panel)) == {"JP"}


def test_triage_level_decides_whether_japan_applies(panel):
    panel.place.setCurrentIndex(panel.place.findData(True))
    panel.countries.setText("US")
    panel.set_draft("coffee.txt", level="clear")
    assert "JP" not in rows_by_code(panel)
    assert labels.level_short("clear") in panel.checklist_basis.text()
    panel.set_draft("unscreened.txt", level=None)
    panel.place.setCurrentIndex(panel.place.findData(True))
    panel.countries.setText("US")
    assert rows_by_code(panel)["JP"][COL_APPLIES] == "Possible"


def test_completed_outside_japan_uses_the_country_typed_there(panel):
    assert not panel.completed_abroad.isEnabled()
    panel.countries.setText("EP")
    panel.place.setCurrentIndex(panel.place.findData(False))
    assert panel.completed_abroad.isEnabled()
    panel.completed_abroad.setText("US CN")
    got = rows_by_code(panel)
    assert got["US"][COL_APPLIES] == "Yes" and got["CN"][COL_APPLIES] == "Yes" and "JP" not in got
    assert got["CN"][COL_RULE].startswith("⚠") and not got["US"][COL_RULE].startswith("⚠")
    panel.place.setCurrentIndex(panel.place.findData(True))  # wholly in Japan: the field is ignored (it counts for "outside" and "partly abroad")
    assert set(rows_by_code(panel)) == {"JP"} and not panel.completed_abroad.isEnabled()


def test_defence_answer_turns_a_possible_uk_rule_into_yes(panel):
    panel.set_draft("uuv.txt", level="review")
    panel.countries.setText("US")
    panel.residences.setText("UK")  # alias of GB
    assert rows_by_code(panel)["GB"][COL_APPLIES] == "Possible"
    panel.set_defence_related(True)
    assert rows_by_code(panel)["GB"][COL_APPLIES] == "Yes"
    assert labels.answer_label(True) in panel.checklist_basis.text()


def test_nothing_entered_or_nothing_applies_says_so_and_bad_codes_are_named(panel):
    panel.place.setCurrentIndex(panel.place.findData(False))
    assert panel.checklist.rowCount() == 0 and panel.checklist.isHidden()
    assert "Enter where" in panel.checklist_info.text()
    assert "BR" not in RULES
    panel.completed_abroad.setText("BR")  # no rule for Brazil in the data
    panel.countries.setText("US")
    assert panel.checklist.rowCount() == 0 and "No rule" in panel.checklist_info.text()
    panel.residences.setText("India, IN")
    assert "INDIA" in panel.checklist_info.text() and "IN" in rows_by_code(panel)


def test_parse_codes_splits_on_commas_spaces_and_japanese_commas():
    assert parse_codes("us, in；JP、cn ，de\u3000ＦＲ") == (("US", "IN", "JP", "CN", "DE", "FR"), ())
    assert parse_codes("US, USA, 1, us, XX") == (("US",), ("1", "XX"))  # USA is alpha-3 for US (issue 15); XX no ISO code
    assert parse_codes("PCT, EP", _FILING)[0] == ("PCT", "EP")


def test_a_broken_jurisdiction_file_is_reported_with_its_code_not_raised(panel, monkeypatch):
    from workbench.ui import backend

    def broken(**_):
        raise RulesError(E303, path="jurisdictions.yaml", line=3, detail="expected a 'jurisdictions' list")

    monkeypatch.setattr(backend, "filing_checklist", broken)
    panel.residences.setText("IN")
    assert "[E303]" in panel.checklist_info.text() and panel.checklist.rowCount() == 0


def test_residences_are_saved_with_the_decision_and_do_not_carry_to_another_draft(panel):
    panel.residences.setText("IN")
    panel.rationale.setPlainText("why")
    values = panel.values()
    assert set(values) == {"decision", "rationale", "completed_in_japan", "planned_countries", "jp_filing_date", "residences",
                           "completed_abroad", "override_reason"}
    assert values["residences"] == ("IN",)
    panel.set_draft("other.txt")  # another draft: its residences are not this one's
    assert panel.residences.text() == "" and "IN" not in rows_by_code(panel)


def test_window_feeds_the_level_and_the_defence_answer_and_keeps_residences_across_a_rescreen(window, qtbot, open_example):
    key = open_example().key
    panel = window.decision_panel
    panel.place.setCurrentIndex(panel.place.findData(True))
    panel.countries.setText("US")
    panel.residences.setText("GB")
    got = rows_by_code(panel)
    assert got["JP"][COL_APPLIES] == "Yes"  # the fake screens every draft 'review'
    assert got["GB"][COL_APPLIES] == "Possible"

    seen = []

    def screen(paths, *, answers=None, **kw):  # the real engine records the answers in the verdict
        seen.append(answers)
        for path, verdict in ui_fakes.fake_screen_files(paths, **kw):
            yield path, dataclasses.replace(verdict, answers=answers)

    window.draft_view.answers_changed.disconnect(window.rescreen_current)
    window.draft_view.answers_changed.connect(lambda a: window.rescreen_current(a, screen_files=screen))
    with qtbot.waitSignal(window.batch_finished, timeout=60000):
        window.draft_view.defence.set_value(True, silent=False)
        assert rows_by_code(panel)["GB"][COL_APPLIES] == "Yes"  # at once, before the re-screen ends
    assert seen and seen[0].defence_use is True
    assert window.current_key == key and panel.residences.text() == "GB"  # the same draft, shown again
    assert rows_by_code(panel)["GB"][COL_APPLIES] == "Yes"


def test_checklist_in_japanese(qtbot, qapp):
    from workbench.ui import i18n

    i18n.install_translators(qapp, "ja")
    try:
        p = DecisionPanel()
        qtbot.addWidget(p)
        p.set_draft("uuv.txt", level="likely")
        p.place.setCurrentIndex(p.place.findData(True))
        p.countries.setText("US")
        heads = [p.checklist.horizontalHeaderItem(c).text() for c in range(p.checklist.columnCount())]
        assert heads[COL_APPLIES] == "適用" and heads[COL_WAIT] == "待機期間"
        assert "法的助言ではありません" in p.checklist_note.text()
        jp = rows_by_code(p)["JP"]
        assert jp[COL_APPLIES] == "はい" and jp[COL_RULE] == "⚠ 未確認"
    finally:
        i18n.install_translators(qapp, "en")


def test_another_draft_starts_from_its_own_decision_and_the_same_draft_keeps_what_was_typed(qtbot):
    from workbench.domain import Decision

    decided = Decision(1, "file_jp_first", "field 13", True, ("US", "EP"), "2026-01-31", "2026-04-30", "2026-11-30", "tanaka", "2026-02-01T09:00:00Z")
    p = DecisionPanel()
    qtbot.addWidget(p)
    p.set_draft("uuv.txt", (decided,), key="db:1", level="likely")
    assert p.place.currentData() is True and p.countries.text() == "US, EP" and p.jp_filed.isChecked()
    assert rows_by_code(p)["JP"][COL_APPLIES] == "Yes"
    p.residences.setText("IN")
    p.rationale.setPlainText("half-written")
    p.set_draft("uuv.txt", (decided,), key="db:1", level="likely", defence_related=True)  # re-screened
    assert p.residences.text() == "IN" and p.rationale.toPlainText() == "half-written"
    assert set(rows_by_code(p)) == {"IN", "JP"}
    p.set_draft("coffee.txt", (), key="db:2", level="clear")  # undecided: nothing carries over
    assert p.place.currentData() is None and p.countries.text() == "" and not p.jp_filed.isChecked()
    assert p.residences.text() == "" and p.rationale.toPlainText() == "" and p.checklist.rowCount() == 0
    assert p.decision.currentData() == "hold" and p.primary_due.text() == "—"


def test_checklist_rule_texts_in_japanese_when_the_ui_is_japanese(qtbot, japanese):
    jp_rule, in_rule = RULES["JP"], RULES["IN"]
    p = DecisionPanel()
    qtbot.addWidget(p)
    assert p.checklist_language() == "ja"
    p.set_draft("uuv.txt", level="likely")
    p.place.setCurrentIndex(p.place.findData(True))
    p.countries.setText("US")
    p.residences.setText("IN")
    rows = rows_by_code(p)
    jp, india = rows["JP"], rows["IN"]
    assert jp[COL_COUNTRY] == "日本 (JP)" and india[COL_COUNTRY] == "インド (IN)"
    assert jp[COL_TODO] == jp_rule.requirement_ja and "第一国出願" in jp[COL_TODO] and jp[COL_WAIT] == jp_rule.wait_ja
    assert india[COL_TODO] == in_rule.requirement_ja and jp_rule.requirement not in jp
    tip = p.checklist.item(p.checklist_rows().index(jp), COL_TODO).toolTip()
    assert "日本で完成" in tip and "「送付の可能性大」" in tip  # why, in Japanese, with the UI's level name
    assert html.escape(jp_rule.penalty_ja) in tip and html.escape(jp_rule.note_ja) in tip
    assert html.escape(jp_rule.law_ja) in tip and "経済安全保障推進法" in tip and jp_rule.sources[0] in tip  # the law as cited in Japan, the sources
    assert "Economic Security Promotion Act" not in tip and "completed" not in tip and jp_rule.penalty not in tip


def test_checklist_language_can_be_given_and_english_stays_english(qtbot):
    english = DecisionPanel()
    qtbot.addWidget(english)
    assert english.checklist_language() == "en"
    ja = DecisionPanel(language="ja")
    qtbot.addWidget(ja)
    for p in (english, ja):
        p.set_draft("uuv.txt", level="likely")
        p.place.setCurrentIndex(p.place.findData(True))
        p.countries.setText("US")
    assert rows_by_code(english)["JP"][COL_TODO] == RULES["JP"].requirement
    assert rows_by_code(ja)["JP"][COL_TODO] == RULES["JP"].requirement_ja


def test_japanese_window_decision_tab_shows_japanese_rules_for_a_screened_draft(qtbot, tmp_path, japanese, example_drafts):
    session = Session.start(db_path=str(tmp_path / "log.sqlite"), notes=NotificationManager())
    session.language = "ja"  # as the app's controller sets it when it installs the Japanese translators
    win = MainWindow(session)
    win.in_process = False
    qtbot.addWidget(win)
    win.show()
    try:
        with qtbot.waitSignal(win.batch_finished, timeout=60000):
            win.open_paths([str(example_drafts[0])], screen_files=ui_fakes.fake_screen_files)
        assert win.select_key(win.queue_model.row_at(0).key)
        win.tabs.setCurrentWidget(win.decision_panel)
        panel = win.decision_panel
        panel.place.setCurrentIndex(panel.place.findData(True))
        panel.countries.setText("US, EP")
        jp = rows_by_code(panel)["JP"]  # the fake screens every draft 'review'
        assert jp[COL_APPLIES] == "はい" and jp[COL_TODO] == RULES["JP"].requirement_ja
        assert "要検討" in panel.checklist.item(panel.checklist_rows().index(jp), COL_TODO).toolTip()
    finally:
        win.close()
        session.close_log()
