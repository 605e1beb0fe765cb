"""The foreign-filing decision: decision, required rationale, place of completion,
planned countries, JP filing date with the computed 3- and 10-month dates, history."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.errors import WorkbenchError
from workbench.ui import backend, labels


class DecisionPanel(QWidget):
    save_requested = Signal(dict)  # the keyword arguments of TriageLog.decide (without draft_id)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.draft_name = QLabel()
        self.decision = QComboBox()
        for code, label in labels.decision_choices():
            self.decision.addItem(label, code)
        self.decision.setCurrentIndex(self.decision.findData("hold"))  # the safe default
        self.rationale = QPlainTextEdit()
        self.rationale.setPlaceholderText(self.tr("Required: why this decision was taken"))
        self.rationale.setMaximumHeight(110)
        self.place = QComboBox()
        self.place.addItem(self.tr("Completed in Japan"), True)
        self.place.addItem(self.tr("Completed outside Japan"), False)
        self.place.addItem(self.tr("Unknown"), None)
        self.place.setCurrentIndex(2)
        self.countries = QLineEdit()
        self.countries.setPlaceholderText(self.tr("e.g. US, EP, CN"))
        self.jp_filed = QCheckBox(self.tr("Filed in Japan on"))
        self.jp_date = QDateEdit(QDate.currentDate())
        self.jp_date.setCalendarPopup(True)
        self.jp_date.setDisplayFormat("yyyy-MM-dd")
        self.jp_date.setEnabled(False)
        self.jp_filed.toggled.connect(self.jp_date.setEnabled)
        self.jp_filed.toggled.connect(self._update_dates)
        self.jp_date.dateChanged.connect(self._update_dates)
        self.primary_due = QLabel("—")
        self.free_date = QLabel("—")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save decision"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.request_save)
        self.history = QListWidget()
        self.history.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Decision"), self.decision)
        form.addRow(self.tr("Rationale"), self.rationale)
        form.addRow(self.tr("Place of completion"), self.place)
        form.addRow(self.tr("Planned countries"), self.countries)
        row = QHBoxLayout()
        row.addWidget(self.jp_filed)
        row.addWidget(self.jp_date)
        row.addStretch(1)
        form.addRow(self.tr("JP filing"), row)
        form.addRow(self.tr("Primary review due (3 months)"), self.primary_due)
        form.addRow(self.tr("Free to file abroad (10 months)"), self.free_date)
        lay = QVBoxLayout(self)
        lay.addWidget(self.draft_name)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        lay.addWidget(QLabel(self.tr("Decision history of this draft")))
        lay.addWidget(self.history, 1)
        self.set_draft(None)

    def set_draft(self, name: str | None, decisions=()) -> None:
        self.setEnabled(name is not None)
        self.draft_name.setText(f"<b>{name}</b>" if name else self.tr("No draft selected."))
        self.error.clear()
        self.rationale.clear()
        self.history.clear()
        self.decision.setCurrentIndex(self.decision.findData("hold"))
        current = None
        for d in decisions:
            current = d
            self.history.addItem(self._describe(d))
        if current is not None:  # start from the current decision
            i = self.decision.findData(current.decision)
            if i >= 0:
                self.decision.setCurrentIndex(i)
            self.place.setCurrentIndex(self.place.findData(current.completed_in_japan))
            self.countries.setText(", ".join(current.planned_countries))
            if current.jp_filing_date:
                self.jp_filed.setChecked(True)
                self.jp_date.setDate(QDate.fromString(current.jp_filing_date[:10], "yyyy-MM-dd"))
            else:
                self.jp_filed.setChecked(False)
        self._update_dates()

    def _describe(self, d) -> str:
        where = {True: self.tr("in Japan"), False: self.tr("outside Japan"), None: self.tr("place unknown")}[d.completed_in_japan]
        dates = ""
        three, ten = self.tr("3 mo."), self.tr("10 mo.")
        if d.primary_review_due:
            dates = f" · {three} {d.primary_review_due} · {ten} {d.foreign_filing_free}"
        countries = ", ".join(d.planned_countries)
        return f"{d.at[:16].replace('T', ' ')} {d.reviewer}: {labels.decision_label(d.decision)} ({where}{'; ' + countries if countries else ''}){dates} — {d.rationale}"

    def jp_filing_date(self) -> str | None:
        return self.jp_date.date().toString("yyyy-MM-dd") if self.jp_filed.isChecked() else None

    def _update_dates(self) -> None:
        try:
            primary, free = backend.key_dates(self.jp_filing_date())
        except (WorkbenchError, ImportError) as exc:
            primary = free = None
            self.error.setText(str(exc))
        self.primary_due.setText(primary or "—")
        self.free_date.setText(free or "—")

    def values(self) -> dict:
        countries = tuple(c.strip().upper() for c in self.countries.text().replace(";", ",").split(",") if c.strip())
        return {
            "decision": self.decision.currentData(),
            "rationale": self.rationale.toPlainText().strip(),
            "completed_in_japan": self.place.currentData(),
            "planned_countries": countries,
            "jp_filing_date": self.jp_filing_date(),
        }

    def request_save(self) -> None:
        values = self.values()
        if not values["rationale"]:
            self.error.setText(self.tr("A decision needs a rationale: write why it was taken."))
            self.rationale.setFocus()
            return
        self.error.clear()
        self.save_requested.emit(values)

    def saved(self, decision) -> None:
        self.history.addItem(self._describe(decision))
        self.rationale.clear()
