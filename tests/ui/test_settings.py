"""Settings: remembered with QSettings, mirrored to the core settings file, validated
with the core's coded errors; a language switch rebuilds the window in Japanese."""

from __future__ import annotations

from PySide6.QtCore import Qt

import json
import os
from pathlib import Path

import pytest

from workbench.domain import Thresholds
from workbench.errors import SettingsError
from workbench.settings import OperatingPoint, RecommendedThresholds
from workbench.settings import Settings
from workbench.ui.preferences import load_preferences, save_preferences, qsettings
from workbench.ui.settings_dialog import SettingsDialog
from dataclasses import replace


def test_preferences_round_trip_through_qsettings_and_the_core_file(tmp_path):
    prefs = Settings(reviewer="山田 太郎", db_path=str(tmp_path / "x.sqlite"), review_threshold=0.2,
                        likely_threshold=0.6, rules_dir=str(tmp_path / "rules"), language="ja")
    save_preferences(prefs)
    assert load_preferences() == prefs
    assert qsettings().value("reviewer") == "山田 太郎"
    core = json.loads((Path(os.environ["WORKBENCH_CONFIG_DIR"]) / "settings.json").read_text(encoding="utf-8"))
    assert core["reviewer"] == "山田 太郎" and core["likely_threshold"] == 0.6 and core["language"] == "ja"


def test_default_thresholds_are_none_in_qsettings_and_null_in_the_core_file():
    prefs = Settings(reviewer="x")
    assert prefs.thresholds is None and prefs.review_threshold is None and prefs.likely_threshold is None
    save_preferences(prefs)
    core = json.loads((Path(os.environ["WORKBENCH_CONFIG_DIR"]) / "settings.json").read_text(encoding="utf-8"))
    assert core["review_threshold"] is None and core["likely_threshold"] is None
    assert load_preferences() == prefs and load_preferences().thresholds is None


def test_numbers_saved_by_an_older_version_stay_the_users_choice():
    store = qsettings()
    store.setValue("review_threshold", 0.15)  # what every older version saved, touched or not
    store.setValue("likely_threshold", 0.5)
    store.sync()
    prefs = load_preferences()
    assert prefs.thresholds == Thresholds(review=0.15, likely=0.5) and prefs.review_threshold is not None


def test_a_half_saved_pair_in_qsettings_falls_back_to_the_core_file():
    from workbench.settings import Settings, save_settings

    save_settings(Settings(review_threshold=0.01, likely_threshold=0.4))
    store = qsettings()
    store.setValue("review_threshold", 0.2)
    store.setValue("likely_threshold", "")
    store.sync()
    assert load_preferences().thresholds == Thresholds(review=0.01, likely=0.4)


def test_invalid_thresholds_are_refused_with_a_coded_error_and_nothing_saved():
    with pytest.raises(SettingsError) as err:
        save_preferences(Settings(review_threshold=0.9, likely_threshold=0.5))
    assert err.value.code == "E901"
    with pytest.raises(SettingsError):
        save_preferences(Settings(review_threshold=0.2))  # both or neither
    assert load_preferences() == Settings()


CARD = RecommendedThresholds(
    thresholds=Thresholds(review=0.00063, likely=0.2722),
    recall=1.0,
    flag_rate=0.9939,
    chosen_on="calibration split",
    operating_points=(OperatingPoint(recall=0.9773, flag_rate=0.811, threshold=0.00226),
                      OperatingPoint(recall=0.8182, flag_rate=0.416, threshold=0.00598)),
)


def _row(table, r):
    return [table.item(r, c).text() for c in range(table.columnCount())]


def test_dialog_uses_the_model_thresholds_by_default_and_shows_them_read_only(qtbot):
    dlg = SettingsDialog(Settings(), recommended=CARD)
    qtbot.addWidget(dlg)
    assert dlg.use_model.isChecked()
    assert (dlg.review.value(), dlg.likely.value()) == (0.00063, 0.2722)  # 5 decimals: not rounded to 0.00
    assert dlg.review.isReadOnly() and dlg.likely.isReadOnly()
    assert dlg.preferences().thresholds is None and dlg.preferences().review_threshold is None
    # the card's operating points, the recommended default first, read-only
    t = dlg.points
    assert t.rowCount() == 3 and t.verticalHeaderItem(0).text() == "Recommended"
    assert _row(t, 0) == ["100.0 %", "99.4 %", "0.00063"]
    assert _row(t, 1) == ["97.7 %", "81.1 %", "0.00226"] and _row(t, 2) == ["81.8 %", "41.6 %", "0.00598"]
    assert t.editTriggers() == t.EditTrigger.NoEditTriggers
    assert "real full drafts" in dlg.points_note.text() and "out-of-fold" in dlg.points_note.text()


def test_unticking_lets_the_user_set_both_and_ticking_again_restores_the_model_values(qtbot):
    dlg = SettingsDialog(Settings(), recommended=CARD)
    qtbot.addWidget(dlg)
    dlg.use_model.click()
    assert not dlg.use_model.isChecked() and not dlg.review.isReadOnly() and not dlg.likely.isReadOnly()
    assert (dlg.review.value(), dlg.likely.value()) == (0.00063, 0.2722)  # starts from the card's values
    dlg.review.setValue(0.01)
    dlg.likely.setValue(0.4)
    assert dlg.preferences().thresholds == Thresholds(review=0.01, likely=0.4)
    dlg.use_model.click()
    assert dlg.review.isReadOnly() and (dlg.review.value(), dlg.likely.value()) == (0.00063, 0.2722)
    assert dlg.preferences().thresholds is None
    dlg.use_model.click()  # the user's own values come back
    assert (dlg.review.value(), dlg.likely.value()) == (0.01, 0.4)
    with qtbot.waitSignal(dlg.accepted, timeout=2000):
        dlg.accept()
    assert dlg.preferences().thresholds == Thresholds(review=0.01, likely=0.4)


def test_dialog_opens_unticked_on_the_users_own_thresholds(qtbot):
    dlg = SettingsDialog(Settings(review_threshold=0.15, likely_threshold=0.5), recommended=CARD)
    qtbot.addWidget(dlg)
    assert not dlg.use_model.isChecked() and not dlg.review.isReadOnly()
    assert (dlg.review.value(), dlg.likely.value()) == (0.15, 0.5)
    assert dlg.preferences().thresholds == Thresholds(review=0.15, likely=0.5)


def test_double_clicking_an_operating_point_takes_its_threshold(qtbot):
    dlg = SettingsDialog(Settings(), recommended=CARD)
    qtbot.addWidget(dlg)
    dlg.points.cellDoubleClicked.emit(2, 0)
    assert not dlg.use_model.isChecked()
    assert dlg.preferences().thresholds == Thresholds(review=0.00598, likely=0.2722)


def test_dialog_reads_the_real_model_card(qtbot):
    from workbench.settings import recommended_thresholds

    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    card = recommended_thresholds()
    from workbench.ui.settings_dialog import THRESHOLD_DECIMALS as D

    # the spin boxes show the card's values to their decimals (0.005481 reads 0.00548)
    assert (dlg.review.value(), dlg.likely.value()) == (round(card.thresholds.review, D), round(card.thresholds.likely, D))
    others = [p for p in card.operating_points if abs(p.threshold - card.thresholds.review) > 1e-9]
    assert dlg.points.rowCount() == 1 + len(others) and not dlg.card_error.text()
    shown = [dlg.points.item(r, 2).data(Qt.ItemDataRole.UserRole) for r in range(dlg.points.rowCount())]
    assert len(shown) == len(set(shown)), shown  # each operating point once


def test_the_recommended_point_is_listed_once_when_the_card_lists_it_too(qtbot):
    """The real card's recommended review threshold is one of its operating points: the table
    showed it as 'Recommended' and again five rows down."""
    from dataclasses import replace

    card = replace(CARD, operating_points=(*CARD.operating_points,
                                           OperatingPoint(recall=1.0, flag_rate=0.9939, threshold=0.00063)))
    dlg = SettingsDialog(Settings(), recommended=card)
    qtbot.addWidget(dlg)
    t = dlg.points
    assert t.rowCount() == 3 and t.verticalHeaderItem(0).text() == "Recommended"
    assert [_row(t, r)[2] for r in range(3)] == ["0.00063", "0.00226", "0.00598"]


def test_a_missing_model_card_is_explained_and_the_dialog_still_works(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_MODEL_DIR", str(tmp_path / "no-model"))
    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    assert "[E403]" in dlg.card_error.text() and dlg.points.rowCount() == 0
    assert dlg.use_model.isChecked() and dlg.preferences().thresholds is None
    dlg.use_model.click()
    dlg.review.setValue(0.1)
    dlg.likely.setValue(0.3)
    assert dlg.preferences().thresholds == Thresholds(review=0.1, likely=0.3)


def test_settings_dialog_edits_and_validates(qtbot):
    dlg = SettingsDialog(Settings(), recommended=CARD)
    qtbot.addWidget(dlg)
    dlg.use_model.click()
    dlg.reviewer.setText("Sato")
    dlg.review.setValue(0.8)
    dlg.likely.setValue(0.4)
    dlg.accept()  # review > likely: stays open with the coded message
    assert dlg.result() == 0 and "[E901]" in dlg.error.text()
    dlg.likely.setValue(0.9)
    dlg.language.setCurrentIndex(dlg.language.findData("ja"))
    with qtbot.waitSignal(dlg.accepted, timeout=2000):
        dlg.accept()
    p = dlg.preferences()
    assert (p.reviewer, p.review_threshold, p.likely_threshold, p.language) == ("Sato", 0.8, 0.9, "ja")


def test_language_switch_rebuilds_the_window_in_japanese_and_keeps_the_queue(qtbot, qapp, tmp_path, example_drafts):
    from ui_fakes import fake_screen_files

    from workbench.ui import i18n
    from workbench.ui.app import Controller
    from workbench.ui.notifications import NotificationManager
    from workbench.ui.session import Session

    session = Session.start(Settings(), db_path=str(tmp_path / "log.sqlite"), notes=NotificationManager())
    ctl = Controller(qapp, session)
    win = ctl.build("en")  # the controller deletes it when it rebuilds
    with qtbot.waitSignal(win.batch_finished, timeout=30000):
        win.open_paths([str(example_drafts[0])], screen_files=fake_screen_files)
    try:
        win.apply_preferences(Settings(language="ja"))
        qtbot.waitUntil(lambda: ctl.window is not win, timeout=5000)
        new = ctl.window
        qtbot.addWidget(new)
        assert new.menuBar().actions()[0].text() == "ファイル(&F)"
        assert new.queue_model.rowCount() == 1 and new.draft_view.verdict is not None
        assert load_preferences().language == "ja"
        new.close()
    finally:
        i18n.install_translators(qapp, "en")
        session.close_log()


def test_the_gui_uses_the_same_user_rules_folder_as_the_cli(tmp_path, monkeypatch):
    """An existing default rules folder applies in the GUI too, not only on the CLI."""
    import workbench.settings as core_settings
    from workbench.settings import Settings
    from workbench.ui.preferences import rules_dir

    monkeypatch.delenv("WORKBENCH_RULES_DIR", raising=False)
    monkeypatch.setattr(core_settings, "_data_dir", lambda: tmp_path / "data")
    assert rules_dir(Settings()) is None
    (tmp_path / "data" / "rules").mkdir(parents=True)
    assert rules_dir(Settings()) == str(tmp_path / "data" / "rules")
    assert rules_dir(Settings(rules_dir=str(tmp_path / "firm"))) == str(tmp_path / "firm")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_settings_operating_points_table_shows_every_column_without_scrolling(qtbot, qapp, lang):
    """In Japanese the table of the model's operating points was cut after two columns
    ('要検討となる割合', '要検討…') behind a horizontal scroll bar: the review threshold,
    the figure a user picks a row for, was out of sight."""
    from workbench.ui import i18n
    from workbench.settings import Settings
    from workbench.ui.settings_dialog import SettingsDialog

    i18n.install_translators(qapp, lang)
    try:
        dlg = SettingsDialog(Settings(reviewer="tanaka"))
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        t = dlg.points
        assert t.rowCount() > 1, "the model card's operating points are missing"
        qtbot.waitUntil(lambda: t.horizontalScrollBar().maximum() == 0, timeout=2000)  # laid out, no scroll bar
        assert sum(t.columnWidth(c) for c in range(t.columnCount())) <= t.viewport().width()
        assert t.columnViewportPosition(t.columnCount() - 1) >= 0  # the review threshold column is in sight
    finally:
        i18n.install_translators(qapp, "en")


def test_settings_refuses_a_rules_folder_that_cannot_be_loaded_and_names_the_file(qtbot, tmp_path):
    """A missing folder or a rule file with a YAML error was accepted ('Settings saved');
    the next screening then failed. The dialog now says which file and stays open."""
    from workbench.settings import Settings
    from workbench.ui.settings_dialog import SettingsDialog

    broken = tmp_path / "rules_bad"
    broken.mkdir()
    (broken / "my-fields.yaml").write_text("fields: [ {id: 1, \n", encoding="utf-8")
    good = tmp_path / "rules_empty"
    good.mkdir()
    for folder, code, named in ((tmp_path / "nowhere", "E307", "nowhere"), (broken, "E302", "my-fields.yaml")):
        dlg = SettingsDialog(Settings(reviewer="tanaka"))
        qtbot.addWidget(dlg)
        dlg.show()
        dlg.rules_dir.setText(str(folder))
        with qtbot.assertNotEmitted(dlg.accepted):
            dlg.accept()
        assert dlg.isVisible()
        assert code in dlg.error.text() and named in dlg.error.text()
    dlg = SettingsDialog(Settings(reviewer="tanaka"))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.rules_dir.setText(str(good))
    with qtbot.waitSignal(dlg.accepted, timeout=1000):
        dlg.accept()
    assert dlg.error.text() == ""


def test_changing_the_thresholds_says_the_queue_levels_were_set_with_the_old_ones(window, qtbot, example_drafts):
    """New thresholds only said 'Settings saved.' while every level in the queue stayed as
    the old thresholds set it: a manager could read them as re-judged."""
    from tests.ui.ui_fakes import fake_screen_files

    with qtbot.waitSignal(window.batch_finished, timeout=60000):
        window.open_paths([str(p) for p in example_drafts], screen_files=fake_screen_files)
    prefs = window.session.prefs
    window.apply_preferences(replace(prefs, reviewer="suzuki"))
    assert window.session.notes.history[-1].render("en") == "Settings saved."
    window.apply_preferences(replace(window.session.prefs, review_threshold=0.2, likely_threshold=0.6))
    text = window.session.notes.history[-1].render("en")
    assert "new thresholds apply to drafts screened from now on" in text and "old" in text
