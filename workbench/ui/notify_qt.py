"""Shows notifications in the main window: errors in a (non-blocking) message box,
information in the status bar, batch failures in a list dialog."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from workbench.ui.dialogs import BatchFailuresDialog
from workbench.ui.notifications import Notification, NotificationManager, ui_language


class QtNotifier(QObject):
    """Subscribes to a NotificationManager; safe to call from any thread (the signal
    hops to the GUI thread)."""

    shown = Signal(object)  # the Notification, after it was displayed
    password_given = Signal(str, str)  # path, password: screen an encrypted PDF again
    _incoming = Signal(object)

    def __init__(self, manager: NotificationManager, window: QWidget, status: QStatusBar) -> None:
        super().__init__(window)
        self.window = window
        self.status = status
        self.last_dialog = None
        self._incoming.connect(self._show)
        self._disconnect = manager.connect(self._incoming.emit)

    def close(self) -> None:
        self._disconnect()

    def _show(self, n: Notification) -> None:
        if n.failures:
            dlg = BatchFailuresDialog(n.failures, n.message, self.window)
            dlg.password_given.connect(self.password_given)
            dlg.open()
            self.last_dialog = dlg
            self.status.showMessage(n.message, 10000)
        elif n.severity == "info":
            self.status.showMessage(n.message, 6000)
        else:
            box = QMessageBox(
                QMessageBox.Icon.Critical if n.severity == "error" else QMessageBox.Icon.Warning,
                self.tr("Patent Triage Workbench"),
                n.render(ui_language()),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            if n.detail:
                box.setDetailedText(n.detail)
            box.open()  # non-blocking: the event loop (and any batch) keeps running
            self.last_dialog = box
            self.status.showMessage(n.render(ui_language()), 10000)
        self.shown.emit(n)
