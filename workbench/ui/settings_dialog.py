"""Settings: reviewer name, database location, thresholds, user rules folder, language.

Thresholds: "Use the model's recommended thresholds" (ticked unless the user set their own)
shows the model card's values read-only and saves ``None``, so screening follows the card
even when a new model brings new defaults. Unticked, the user sets both. Beside them, the
card's operating points (recall and flag rate at each review threshold on the held-out
calibration split) let the user choose knowingly; double-clicking one takes its threshold.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.errors import WorkbenchError
from workbench.settings import RecommendedThresholds, recommended_thresholds
from workbench.ui.notifications import ui_language
from workbench.settings import Settings

THRESHOLD_DECIMALS = 5  # the card's recall-first review threshold is of the order of 0.001


class SettingsDialog(QDialog):
    def __init__(self, prefs: Settings, parent=None, *, recommended: RecommendedThresholds | None = None) -> None:
        """``recommended``: the model card's thresholds (read from the card when None)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._prefs = prefs
        self.reviewer = QLineEdit(prefs.reviewer)
        self.reviewer.setPlaceholderText(self.tr("Default: your login name"))
        self.db_path = QLineEdit(prefs.db_path)
        self.db_path.setPlaceholderText(self.tr("Default: the per-user data folder"))
        self.rules_dir = QLineEdit(prefs.rules_dir)
        self.rules_dir.setPlaceholderText(self.tr("Optional folder with your own rule files"))
        self.card_error = QLabel()
        self.card_error.setStyleSheet("color: #c62828")
        self.card_error.setWordWrap(True)
        self.recommended = recommended if recommended is not None else self._read_card()
        self.review = QDoubleSpinBox()
        self.likely = QDoubleSpinBox()
        for box in (self.review, self.likely):
            box.setRange(0.0, 1.0)
            box.setSingleStep(0.001)
            box.setDecimals(THRESHOLD_DECIMALS)
        own = prefs.thresholds
        start = own or (self.recommended.thresholds if self.recommended else None)
        if start is not None:
            self.review.setValue(start.review)
            self.likely.setValue(start.likely)
        self._own = (self.review.value(), self.likely.value())  # what unticking restores
        self.use_model = QCheckBox(self.tr("Use the model's recommended thresholds"))
        self.use_model.setChecked(own is None)
        self.use_model.toggled.connect(self._use_model_toggled)
        self.points = self._points_table()
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
        form.addRow(self.tr("User rules folder"), self._with_browse(self.rules_dir, self._browse_rules))
        form.addRow(self.tr("Language"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self._thresholds_box())
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self._use_model_toggled(self.use_model.isChecked())

    # -- thresholds ----------------------------------------------------------------------------
    def _read_card(self) -> RecommendedThresholds | None:
        try:
            return recommended_thresholds()
        except WorkbenchError as exc:
            self.card_error.setText(
                self.tr("The model's recommended thresholds are not available: %1").replace("%1", exc.render_in(ui_language()))
            )
            return None

    def _thresholds_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Thresholds"))
        left = QVBoxLayout()
        left.addWidget(self.use_model)
        form = QFormLayout()
        form.addRow(self.tr("Review threshold"), self.review)
        form.addRow(self.tr("Likely-referral threshold"), self.likely)
        left.addLayout(form)
        hint = QLabel(self.tr("Thresholds apply to the highest field likelihood of a draft."))
        hint.setWordWrap(True)
        left.addWidget(hint)
        left.addWidget(self.card_error)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("The model's operating points")))
        right.addWidget(self.points)
        self.points_note = QLabel(self.tr("These figures come from real full drafts, each scored by a model that had not learnt from it (out-of-fold scores; the flag rate at 1 % prevalence)."))
        self.points_note.setWordWrap(True)
        right.addWidget(self.points_note)
        row = QHBoxLayout(box)
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        return box

    def _points_table(self) -> QTableWidget:
        """Recall / flag rate / review threshold on the calibration split; the recommended
        default first. Read-only; double-click a row to take its threshold."""
        rec = self.recommended
        rows: list[tuple[str, float | None, float | None, float]] = []
        if rec is not None:
            rows.append((self.tr("Recommended"), rec.recall, rec.flag_rate, rec.thresholds.review))
            # the recommended point is most often one of the card's points too: listed once (the
            # real card's table showed it twice, first and again among the others)
            rows += [("", p.recall, p.flag_rate, p.threshold) for p in rec.operating_points
                     if abs(p.threshold - rec.thresholds.review) > 1e-9]
        t = QTableWidget(len(rows), 3)
        t.setHorizontalHeaderLabels([self.tr("Recall"), self.tr("Flag rate"), self.tr("Review threshold")])
        t.setVerticalHeaderLabels([r[0] for r in rows])
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setStretchLastSection(True)
        t.setAccessibleName(self.tr("The model's operating points"))
        t.setToolTip(self.tr("Share of sensitive drafts flagged (recall) and of all drafts flagged at 1 % prevalence (flag rate) at each review threshold, from out-of-fold scores of real full drafts. Double-click a row to use its threshold."))
        for r, (_, recall, flag_rate, threshold) in enumerate(rows):
            for c, text in enumerate((_pct(recall), _pct(flag_rate), f"{threshold:.{THRESHOLD_DECIMALS}f}")):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 2:
                    item.setData(Qt.ItemDataRole.UserRole, threshold)  # the exact value
                t.setItem(r, c, item)
        t.cellDoubleClicked.connect(self._take_point)
        return t

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_points()

    def _fit_points(self) -> None:
        """Every column of the operating points in sight (the review threshold is what a
        row is picked for): the table as wide as its headers and figures in the UI's
        language, measured once the dialog's font and style apply (at show time)."""
        t = self.points
        head = t.horizontalHeader()
        columns = sum(max(t.sizeHintForColumn(c), head.sectionSizeHint(c)) for c in range(t.columnCount() - 1))
        last = t.columnCount() - 1  # it stretches, and never below the header's default size
        columns += max(t.sizeHintForColumn(last), head.sectionSizeHint(last), head.defaultSectionSize())
        t.setMinimumWidth(
            t.verticalHeader().sizeHint().width() + columns + 2 * t.frameWidth() + t.verticalScrollBar().sizeHint().width()
        )

    def _use_model_toggled(self, checked: bool) -> None:
        rec = self.recommended
        if checked:
            if not self.review.isReadOnly():
                self._own = (self.review.value(), self.likely.value())
            if rec is not None:
                self.review.setValue(rec.thresholds.review)
                self.likely.setValue(rec.thresholds.likely)
        else:
            self.review.setValue(self._own[0])
            self.likely.setValue(self._own[1])
        for box in (self.review, self.likely):
            box.setReadOnly(checked)
            box.setButtonSymbols(
                QDoubleSpinBox.ButtonSymbols.NoButtons if checked else QDoubleSpinBox.ButtonSymbols.UpDownArrows
            )
            box.setToolTip(self.tr("The model's recommended value (untick the box above to set your own)") if checked else "")

    def _take_point(self, row: int, _col: int) -> None:
        """Double-click: use this operating point's threshold as the review threshold."""
        item = self.points.item(row, 2)
        if item is None:
            return
        if self.use_model.isChecked():
            self.use_model.setChecked(False)
        self.review.setValue(float(item.data(Qt.ItemDataRole.UserRole)))

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

    def preferences(self) -> Settings:
        """The settings as the dialog shows them (E901 when the model refuses them)."""
        return replace(
            self._prefs,
            reviewer=self.reviewer.text().strip(),
            db_path=self.db_path.text().strip(),
            review_threshold=None if self.use_model.isChecked() else round(self.review.value(), THRESHOLD_DECIMALS),
            likely_threshold=None if self.use_model.isChecked() else round(self.likely.value(), THRESHOLD_DECIMALS),
            rules_dir=self.rules_dir.text().strip(),
            language=self.language.currentData(),
        )

    def accept(self) -> None:
        try:
            prefs = self.preferences()  # validated by the core's Settings (E901)
            if prefs.rules_dir:  # the folder is read at the next screening: say now what is wrong with it
                from workbench.rules.loader import load_ruleset

                load_ruleset(user_dir=prefs.rules_dir)
        except WorkbenchError as exc:
            self.error.setText(exc.render_in(ui_language()))
            return
        super().accept()


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x * 100:.1f} %"
