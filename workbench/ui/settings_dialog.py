"""Settings: reviewer name, database location, thresholds, user rules folder, language."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.errors import WorkbenchError
from workbench.ui.preferences import Preferences


class SettingsDialog(QDialog):
    def __init__(self, prefs: Preferences, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._prefs = prefs
        self.reviewer = QLineEdit(prefs.reviewer)
        self.reviewer.setPlaceholderText(self.tr("Default: your login name"))
        self.db_path = QLineEdit(prefs.db_path)
        self.db_path.setPlaceholderText(self.tr("Default: the per-user data folder"))
        self.rules_dir = QLineEdit(prefs.rules_dir)
        self.rules_dir.setPlaceholderText(self.tr("Optional folder with your own rule files"))
        self.review = QDoubleSpinBox()
        self.likely = QDoubleSpinBox()
        for box, value in ((self.review, prefs.review_threshold), (self.likely, prefs.likely_threshold)):
            box.setRange(0.0, 1.0)
            box.setSingleStep(0.01)
            box.setDecimals(2)
            box.setValue(value)
        self.language = QComboBox()
        self.language.addItem(self.tr("Automatic (system language)"), "auto")
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Reviewer name"), self.reviewer)
        form.addRow(self.tr("Triage log database"), self._with_browse(self.db_path, self._browse_db))
        form.addRow(self.tr("Review threshold"), self.review)
        form.addRow(self.tr("Likely-referral threshold"), self.likely)
        form.addRow(self.tr("User rules folder"), self._with_browse(self.rules_dir, self._browse_rules))
        form.addRow(self.tr("Language"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Thresholds apply to the highest field likelihood of a draft.")))
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def _with_browse(self, edit: QLineEdit, slot) -> QWidget:
        w = QWidget()
        row = QHBoxLayout(w)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        b = QPushButton(self.tr("Browse…"))
        b.clicked.connect(slot)
        row.addWidget(b)
        return w

    def _browse_db(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Triage log database"), self.db_path.text(), self.tr("SQLite database (*.sqlite *.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.db_path.setText(path)

    def _browse_rules(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("User rules folder"), self.rules_dir.text())
        if path:
            self.rules_dir.setText(path)

    def preferences(self) -> Preferences:
        return replace(
            self._prefs,
            reviewer=self.reviewer.text().strip(),
            db_path=self.db_path.text().strip(),
            review_threshold=round(self.review.value(), 4),
            likely_threshold=round(self.likely.value(), 4),
            rules_dir=self.rules_dir.text().strip(),
            language=self.language.currentData(),
        )

    def accept(self) -> None:
        try:
            self.preferences().core()  # validate with the core's rules (E901)
        except WorkbenchError as exc:
            self.error.setText(f"[{exc.code}] {exc.message}. {exc.hint}")
            return
        super().accept()
