"""A Japanese user sees the core's coded errors in Japanese: the batch failures dialog,
its headline, the message box and the status bar; an English user sees English. The
code [Exxx] is shown either way, and what is kept (the notification history) stays as
the core raised it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from workbench.errors import E502, StoreError
from workbench.ui import i18n
from workbench.ui.dialogs import BatchFailuresDialog
from workbench.ui.main_window import MainWindow
from workbench.ui.notifications import NotificationManager, ui_language
from workbench.ui.session import Session

from ui_fakes import fake_screen_files

JA_E102 = "ファイルが空です（0 バイト）。編集ソフトで草稿を保存し直してから、もう一度お試しください。"
EN_E102 = "The file is empty. Save the draft again from your editor and retry."


@pytest.fixture(params=["ja", "en"])
def window_in(request, qtbot, qapp, tmp_path):
    lang = i18n.install_translators(qapp, request.param)
    session = Session.start(db_path=str(tmp_path / "log.sqlite"), notes=NotificationManager())
    session.language = lang
    win = MainWindow(session)
    win.in_process = False  # the pipeline in a pool thread (fast); the child process is tested below
    qtbot.addWidget(win)
    win.show()
    yield lang, win
    win.close()
    session.close_log()
    i18n.install_translators(qapp, "en")


def _screen(win, qtbot, paths, **kw):
    with qtbot.waitSignal(win.batch_finished, timeout=120000) as sig:
        assert win.open_paths([str(p) for p in paths], **kw) is not None
    return sig.args


def test_a_failing_file_is_explained_in_the_ui_language(window_in, qtbot, tmp_path, example_drafts):
    lang, win = window_in
    assert ui_language() == lang
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    ok, failed = _screen(win, qtbot, [empty, example_drafts[0]], screen_files=fake_screen_files)
    assert (ok, failed) == (1, 1)
    dlg = win.notifier.last_dialog
    assert isinstance(dlg, BatchFailuresDialog)
    assert dlg.table.item(0, 1).text() == "E102"
    headline = dlg.findChildren(QLabel)[0].text()
    if lang == "ja":
        assert dlg.table.item(0, 2).text() == JA_E102
        assert headline == "2 件中 1 件のファイルを判定できませんでした。ほかのファイルは処理済みです"
        assert win.statusBar().currentMessage() == headline
    else:
        assert dlg.table.item(0, 2).text() == EN_E102
        assert headline == "1 of 2 file(s) could not be screened; the others were processed"
    # what is kept stays as the core raised it
    kept = win.session.notes.history[-1].failures[0]
    assert kept.message == "The file is empty" and kept.render() == f"[E102] {EN_E102}"
    dlg.close()


def test_a_coded_error_in_a_message_box_and_the_status_bar(window_in, qtbot):
    lang, win = window_in
    with qtbot.waitSignal(win.notifier.shown, timeout=5000):
        win.session.notes.error(StoreError(E502, path="/work/log.sqlite"))
    box = win.notifier.last_dialog
    assert isinstance(box, QMessageBox)
    if lang == "ja":
        expected = ("[E502] /work/log.sqlite: 判定記録が他のプログラムに使用されています（ロック中）。"
                    "他のプログラムを閉じてから（または少し待ってから）、もう一度お試しください。")
    else:
        expected = StoreError(E502, path="/work/log.sqlite").render()
    assert box.text() == expected
    assert win.statusBar().currentMessage() == expected
    box.close()


def test_the_real_screening_process_reports_in_japanese(qtbot, qapp, tmp_path):
    """The error crosses the process boundary as code + placeholders and is rendered here."""
    i18n.install_translators(qapp, "ja")
    session = Session.start(db_path=str(tmp_path / "log.sqlite"), notes=NotificationManager())
    session.language = "ja"
    win = MainWindow(session)  # in_process: the app's own child process
    qtbot.addWidget(win)
    try:
        from fpdf import FPDF
        from PIL import Image

        pdf = FPDF()
        for _ in range(2):
            pdf.add_page()
            pdf.image(Image.new("RGB", (300, 100), "white"), x=10, y=10, w=180)
        scan = tmp_path / "scan.pdf"
        pdf.output(str(scan))
        ok, failed = _screen(win, qtbot, [scan])
        assert (ok, failed) == (0, 1)
        dlg = win.notifier.last_dialog
        assert dlg.table.item(0, 1).text() == "E107"
        assert dlg.findChildren(QLabel)[0].text() == "ファイルを 1 件も判定できませんでした（全 1 件）"  # no "others" to speak of
        assert dlg.table.item(0, 2).text().startswith("PDF にテキスト層がありません（スキャン画像と思われます：テキストのないページ 2 ページ）。")
        dlg.close()
    finally:
        win.close()
        session.close_log()
        i18n.install_translators(qapp, "en")


def test_the_settings_dialog_refuses_in_japanese(qtbot, qapp):
    from workbench.settings import Settings
    from workbench.ui.settings_dialog import SettingsDialog

    i18n.install_translators(qapp, "ja")
    try:
        dlg = SettingsDialog(Settings(review_threshold=0.15, likely_threshold=0.5))
        qtbot.addWidget(dlg)
        dlg.review.setValue(0.6)  # above the likely threshold: the core refuses it (E901)
        dlg.accept()
        assert dlg.result() != dlg.DialogCode.Accepted
        assert dlg.error.text() == (
            "[E901] 設定値 review_threshold=0.6 が正しくありません：「送付の可能性大」のしきい値（0.5）以下にしてください。"
            "設定画面またはコマンドラインで値を修正してください。"
        )
    finally:
        i18n.install_translators(qapp, "en")


def test_a_claim_note_from_a_coded_error_is_shown_in_japanese():
    from workbench.claims.extract import split_claims
    from workbench.messages import claims as N
    from workbench.messages import render_all

    claims = split_claims("【請求項１】\n基板を備える受光素子。\n【請求項２】\n請求項３に記載の受光素子。\n【請求項３】\n請求項１に記載の受光素子を備える撮像装置。\n", "ja")
    note = next(n for n in claims.notes if getattr(n, "code", None) == "W201")  # E202, as a grouped coded note
    assert render_all([note], "ja") == ["[E202] 請求項2が、それより前にない請求項3を引用しています（この引用は無視しました）"]
    assert render_all([note], "en") == ["[E202] Claim 2 refers to claim 3, which does not precede it; the reference was ignored"]


def test_an_annotation_in_the_history_shows_its_verdict_in_japanese(qapp):
    """The stored keyword ('agree') stays in the record; the Japanese UI shows 同意."""
    from workbench.ui.backend import history_row
    from workbench.ui.models.history import HistoryModel

    event = {"id": 12, "at": "2026-11-25T10:00:00Z", "who": "tanaka", "kind": "annotation.added", "draft_id": 1,
             "payload": {"verdict": "agree", "note": "Passive sonar AUV: military use plausible"}}
    row = history_row(event, {1: "draft.txt"})
    assert row.annotation == "agree"
    i18n.install_translators(qapp, "ja")
    try:
        assert HistoryModel.details(row) == "同意 — Passive sonar AUV: military use plausible"
    finally:
        i18n.install_translators(qapp, "en")
    assert HistoryModel.details(row) == "Agree — Passive sonar AUV: military use plausible"
