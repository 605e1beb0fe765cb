"""The one route for errors: headless manager, and the Qt handler in the window."""

from __future__ import annotations

import errno
import os

from PySide6.QtWidgets import QMessageBox

from workbench.errors import E104, E502, IngestError, StoreError
from workbench.ui.notifications import Failure, Notification, NotificationManager


def test_workbench_errors_keep_code_path_and_hint():
    mgr = NotificationManager()
    got = []
    mgr.connect(got.append)
    mgr.error(StoreError(E502, path="/tmp/log.sqlite"))
    n = got[0]
    assert n.code == "E502" and n.path == "/tmp/log.sqlite"
    assert n.render().startswith("[E502] /tmp/log.sqlite: The triage log is locked")
    assert "Close the other program" in n.render()


def test_unexpected_errors_carry_a_traceback_and_no_code():
    try:
        {}["x"]
    except KeyError as exc:
        n = Notification.from_exception(exc, context="Saving")
    assert n.code is None and "KeyError" in n.message and "Traceback" in n.detail


def test_batch_failures_are_one_notification_listing_each_file():
    mgr = NotificationManager()
    got = []
    mgr.connect(got.append)
    fails = [Failure.from_exception("a.pdf", IngestError(E104, path="a.pdf", detail="truncated")), Failure("b.txt", "", "odd")]
    mgr.batch_failures(fails, total=5)
    assert got[0].failures[0].code == "E104" and "2 of 5" in got[0].message
    assert mgr.batch_failures([], total=5) is None and len(got) == 1


def test_a_broken_handler_does_not_hide_the_message(capsys):
    mgr = NotificationManager()
    mgr.connect(lambda n: 1 / 0)
    mgr.info("hello")
    assert "hello" in capsys.readouterr().err


def test_qt_notifier_shows_errors_in_a_message_box_and_failures_in_a_list(qtbot):
    from PySide6.QtWidgets import QMainWindow

    from workbench.ui.dialogs import BatchFailuresDialog
    from workbench.ui.notify_qt import QtNotifier

    win = QMainWindow()
    qtbot.addWidget(win)
    mgr = NotificationManager()
    notifier = QtNotifier(mgr, win, win.statusBar())
    with qtbot.waitSignal(notifier.shown, timeout=2000):
        mgr.error(IngestError(E104, path="x.pdf", detail="truncated"))
    assert isinstance(notifier.last_dialog, QMessageBox)
    assert "[E104]" in notifier.last_dialog.text()
    notifier.last_dialog.close()
    with qtbot.waitSignal(notifier.shown, timeout=2000):
        mgr.batch_failures([Failure("x.pdf", "E104", "The PDF is damaged")], total=3)
    dlg = notifier.last_dialog
    assert isinstance(dlg, BatchFailuresDialog)
    assert dlg.table.item(0, 0).text() == "x.pdf" and dlg.table.item(0, 1).text() == "E104"
    dlg.close()
    with qtbot.waitSignal(notifier.shown, timeout=2000):
        mgr.info("Saved")
    assert win.statusBar().currentMessage() == "Saved"
    notifier.close()


def test_an_unexpected_error_reads_in_japanese_from_what_it_is():
    """The window's Japanese for an exception the core did not raise on purpose: the cause
    from its type / errno (workbench/messages/causes.py); the English keeps its own words."""
    from tests.i18n.test_cli_ja_output import english_words

    try:
        open("/nonexistent-folder/draft.txt", encoding="utf-8")
    except OSError as exc:
        n = Notification.from_exception(exc)
        f = Failure.from_exception("draft.txt", exc)
    for text in (n.render("ja"), f.render("ja")):
        assert "予期しないエラーが起きました：ファイルまたはフォルダーが存在しません（ENOENT）" in text, text
        assert not english_words(text), text
    assert n.render("en").startswith(f"FileNotFoundError: [Errno 2] {os.strerror(errno.ENOENT)}")  # the C library's words
    assert n.code is None and "Traceback" in n.detail
