"""Small dialogs: Help ▸ Shortcuts, About, the batch-failure list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from workbench import __version__
from workbench.ui.notifications import Failure, ui_language


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    t = QTableWidget(len(rows), len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().hide()
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            t.setItem(r, c, item)
    t.resizeColumnsToContents()
    t.horizontalHeader().setStretchLastSection(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return t


class ShortcutsDialog(QDialog):
    """Lists the actions that have shortcuts, read from the actions themselves."""

    def __init__(self, actions: list[QAction], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [
            [a.text().replace("&", ""), a.shortcut().toString(a.shortcut().SequenceFormat.NativeText)]
            for a in actions
            if not a.shortcut().isEmpty()
        ]
        self.table = _table([self.tr("Action"), self.tr("Shortcut")], rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        self.resize(460, 380)


PASSWORD_CODES = ("E105", "E106")  # encrypted PDF / wrong password


class BatchFailuresDialog(QDialog):
    """The files of a batch that failed, each with its error code and what to do; an
    encrypted PDF can be opened again with its password."""

    password_given = Signal(str, str)  # path, password

    def __init__(self, failures: tuple[Failure, ...], message: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Files that could not be screened"))
        self.failures = failures
        self.table = _table(
            [self.tr("File"), self.tr("Code"), self.tr("Reason")],
            [[f.path, f.code, f.render(ui_language(), with_code=False)] for f in failures],
        )
        # the reason (message and what to do) wraps inside the dialog instead of running off it
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(False)  # else the sized-to-contents width stays
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.locked = [f for f in failures if f.code in PASSWORD_CODES]
        self.password_button = None
        if self.locked:
            self.password_button = buttons.addButton(self.tr("Enter password…"), QDialogButtonBox.ButtonRole.ActionRole)
            self.password_button.clicked.connect(self.ask_password)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(message))
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        self.resize(760, 320)

    def _ask(self, path: str) -> tuple[str, bool]:
        return QInputDialog.getText(
            self, self.tr("PDF password"), self.tr("Password for %1:").replace("%1", path), QLineEdit.EchoMode.Password
        )

    def ask_password(self, *, asker=None) -> int:
        """Ask for the password of each encrypted PDF of the batch (emits password_given
        for each one given); returns how many were given."""
        asker = asker or self._ask
        n = 0
        for f in self.locked:
            pw, ok = asker(f.path)
            if ok and pw:
                self.password_given.emit(f.path, pw)
                n += 1
        return n


def about_text(cjk_font: str | None) -> str:
    title = QCoreApplication.translate("About", "Patent Non-Disclosure Triage Workbench")
    what = QCoreApplication.translate("About", "Screens draft patent applications for the specified technology fields of the Economic Security Promotion Act before filing abroad.")
    aid = QCoreApplication.translate("About", "A screening aid, not legal advice.")
    evidence = QCoreApplication.translate("About", "Every verdict shows its evidence and whether the rule behind it is verified.")
    offline = QCoreApplication.translate("About", "Drafts never leave this computer: the workbench uses no network.")
    font_need = QCoreApplication.translate("About", "Japanese text needs a CJK font: the setup installs IPA Gothic (fonts-ipafont-gothic).")
    font_used = QCoreApplication.translate("About", "Font in use for Japanese:")
    font = cjk_font or QCoreApplication.translate("About", "none found – install fonts-ipafont-gothic")
    return (
        f"<h3>{title} {__version__}</h3><p>{what}</p><p><b>{aid}</b> {evidence}</p>"
        f"<p>{offline}</p><p>{font_need}<br>{font_used} {font}</p>"
    )
