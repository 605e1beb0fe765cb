"""English and Japanese UI: the .ts is complete and current, the .qm loads, the window
switches language, and a CJK font is found for Japanese text."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QLocale

from workbench.ui import i18n

TS = i18n.TRANSLATIONS_DIR / "workbench_ja.ts"
QM = i18n.TRANSLATIONS_DIR / "workbench_ja.qm"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
NOT_WORDS = {"#", "CSV (*.csv)"}


def _messages(path):
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            text = (tr.text or "").strip() or "".join(n.text or "" for n in tr.iter("numerusform"))
            yield name, msg.findtext("source"), text, tr.get("type")


def test_every_string_has_a_finished_japanese_translation():
    msgs = list(_messages(TS))
    assert len(msgs) > 150
    for ctx, src, ja, kind in msgs:
        assert kind is None, f"{ctx}: {src!r} is {kind}"
        assert ja, f"{ctx}: {src!r} has no translation"
        if src not in NOT_WORDS:
            assert JAPANESE.search(ja), f"{ctx}: {src!r} -> {ja!r} is not Japanese"
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 1 and QM.stat().st_size > 5000


def test_the_ts_file_covers_every_string_in_the_source(tmp_path):
    from workbench.ui.translations.make_translations import UI, tool

    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py") if "translations" not in p.parts)
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c, s) for c, s, _, _ in _messages(fresh)}
    have = {(c, s) for c, s, _, _ in _messages(TS)}
    assert wanted - have == set(), "run workbench/ui/translations/make_translations.py"


def test_japanese_translator_translates_and_english_restores(qapp):
    assert i18n.install_translators(qapp, "ja") == "ja"
    assert QCoreApplication.translate("MainWindow", "&File") == "ファイル(&F)"
    assert QCoreApplication.translate("Labels", "File in Japan first (Art. 78)") == "日本で第一国出願（第78条）"
    assert i18n.install_translators(qapp, "en") == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_auto_follows_the_system_locale():
    assert i18n.resolve_language("auto", QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)) == "ja"
    assert i18n.resolve_language("auto", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == "en"
    assert i18n.resolve_language("ja", QLocale(QLocale.Language.English)) == "ja"


def test_a_cjk_font_is_available_for_japanese(qapp):
    from PySide6.QtGui import QFontMetrics

    fam = i18n.apply_font_fallback(qapp)
    assert fam, "no CJK font: install fonts-ipafont-gothic"
    assert fam in qapp.font().families()
    from PySide6.QtGui import QFont

    assert QFontMetrics(QFont(fam)).inFontUcs4(ord("請"))


def test_window_in_japanese_shows_japanese_menus(qtbot, qapp, tmp_path):
    from workbench.ui.main_window import MainWindow
    from workbench.ui.notifications import NotificationManager
    from workbench.ui.session import Session

    i18n.install_translators(qapp, "ja")
    try:
        session = Session.start(db_path=str(tmp_path / "log.sqlite"), notes=NotificationManager())
        session.language = "ja"
        win = MainWindow(session)
        qtbot.addWidget(win)
        titles = [a.text() for a in win.menuBar().actions()]
        assert titles[0] == "ファイル(&F)" and "審査(&R)" in titles
        assert win.tabs.tabText(0) == "草稿" and win.decision_panel.save_button.text() == "方針を保存"
        from PySide6.QtCore import Qt

        from workbench.ui.models.queue import COL_LEVEL

        assert win.queue_model.headerData(COL_LEVEL, Qt.Orientation.Horizontal) == "判定"
        win.close()
        session.close_log()
    finally:
        i18n.install_translators(qapp, "en")


def test_coded_errors_reach_a_japanese_user_in_japanese(qapp):
    """Installing the Japanese translators also switches the core's coded errors
    (workbench/errors_ja.py); a caller passing a translate function gets the UI language."""
    from workbench.errors import E107, IngestError
    from workbench.ui.notifications import Failure, Notification

    exc = IngestError(E107, path="/drafts/scan.pdf", pages=3)
    i18n.install_translators(qapp, "ja")
    try:
        text = Notification.from_exception(exc).render(QCoreApplication.translate)
        assert text.startswith("[E107] /drafts/scan.pdf: PDF にテキスト層がありません")
        assert "3 ページ" in text and "OCR" in text
        assert "テキスト層" in Failure.from_exception("/drafts/scan.pdf", exc).render(QCoreApplication.translate)
        assert Notification.from_exception(exc).render("en") == exc.render()  # an explicit language wins
    finally:
        i18n.install_translators(qapp, "en")
    assert Notification.from_exception(exc).render(QCoreApplication.translate) == exc.render()


def test_the_error_catalogue_is_not_duplicated_in_the_translation_file():
    """One Japanese catalogue for the CLI and the GUI: the core's, not a copy in the .ts."""
    assert not [src for ctx, src, _, _ in _messages(TS) if ctx == "Errors"]
