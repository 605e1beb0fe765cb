"""Settings: remembered with QSettings, mirrored to the core settings file, validated
with the core's coded errors; a language switch rebuilds the window in Japanese."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from workbench.errors import SettingsError
from workbench.ui.preferences import Preferences, load_preferences, save_preferences, qsettings
from workbench.ui.settings_dialog import SettingsDialog


def test_preferences_round_trip_through_qsettings_and_the_core_file(tmp_path):
    prefs = Preferences(reviewer="山田 太郎", db_path=str(tmp_path / "x.sqlite"), review_threshold=0.2,
                        likely_threshold=0.6, rules_dir=str(tmp_path / "rules"), language="ja")
    save_preferences(prefs)
    assert load_preferences() == prefs
    assert qsettings().value("reviewer") == "山田 太郎"
    core = json.loads((Path(os.environ["WORKBENCH_CONFIG_DIR"]) / "settings.json").read_text(encoding="utf-8"))
    assert core["reviewer"] == "山田 太郎" and core["likely_threshold"] == 0.6 and core["language"] == "ja"


def test_invalid_thresholds_are_refused_with_a_coded_error_and_nothing_saved():
    with pytest.raises(SettingsError) as err:
        save_preferences(Preferences(review_threshold=0.9, likely_threshold=0.5))
    assert err.value.code == "E901"
    assert load_preferences() == Preferences()


def test_settings_dialog_edits_and_validates(qtbot):
    dlg = SettingsDialog(Preferences())
    qtbot.addWidget(dlg)
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

    session = Session.start(Preferences(), db_path=str(tmp_path / "log.sqlite"), notes=NotificationManager())
    ctl = Controller(qapp, session)
    win = ctl.build("en")  # the controller deletes it when it rebuilds
    with qtbot.waitSignal(win.batch_finished, timeout=30000):
        win.open_paths([str(example_drafts[0])], screen_files=fake_screen_files)
    try:
        win.apply_preferences(Preferences(language="ja"))
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
