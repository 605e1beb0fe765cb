"""The foreign-filing decision: decision, required rationale, place of completion (in
Japan, partly in Japan and partly abroad, outside Japan, unknown; and where abroad), planned countries, the inventors' / applicant's residences, JP filing date with the
computed 3- and 10-month dates (all stored with the decision), the foreign-filing
checklist (what may be filed where, computed live by ``workbench.filing`` from the place
of completion, the residences, the planned countries, the draft's triage level and its
defence answer), history."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbench.errors import WorkbenchError
from workbench.filing.checklist import FILING, parse_codes
from workbench.filing.codes import HOME
from workbench.ui import backend, labels

CHECK_ROLE = Qt.ItemDataRole.UserRole + 1  # the FilingCheck behind a checklist row
COL_COUNTRY, COL_APPLIES, COL_TODO, COL_WAIT, COL_RULE = range(5)
_FILING = FILING  # country codes typed by the user: the core's one reading (parse_codes)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# The place-of-completion choice "Partly in Japan, partly abroad" (a joint JP/US invention,
# say): stored as completed_in_japan=yes with the countries abroad. The other three choices
# keep their stored answer as data (True: wholly in Japan, False: outside Japan, None: unknown).
JOINT = "joint"


def ui_language() -> str:
    """The language the panel's own strings are shown in: 'ja' when the installed
    translators (``i18n.install_translators``) make them Japanese, else 'en'. The checklist's
    rule texts follow it, so a Japanese header never sits over English rows."""
    title = QCoreApplication.translate("DecisionPanel", "Foreign-filing checklist")
    return "ja" if _JAPANESE.search(title) else "en"


def _say(code: str, **args) -> str:
    """A coded message (workbench.messages) in the UI's language."""
    from workbench.messages import msg
    from workbench.ui.notifications import ui_language as shown_language

    return msg(code, **args).render(shown_language())


class DecisionPanel(QWidget):
    save_requested = Signal(dict)  # the keyword arguments of TriageLog.decide (without draft_id)
    approve_requested = Signal(str)  # a manager approves the current decision's override (the note)

    def __init__(self, parent=None, language: str | None = None) -> None:
        super().__init__(parent)
        self.language = language  # of the checklist's rule texts; None: the UI's (ui_language)
        self.versions: dict[int, int] = {}  # draft id -> version, for a matter with several versions
        self.draft_name = QLabel()
        self.current_decision = QLabel()  # what is decided now, by whom, why (the history is at the bottom)
        self.current_decision.setObjectName("currentDecision")
        self.current_decision.setWordWrap(True)
        self.current_decision.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.decision = QComboBox()
        for code, label in labels.decision_choices():
            self.decision.addItem(label, code)
        self.decision.setCurrentIndex(self.decision.findData("hold"))  # the safe default
        self.rationale = QPlainTextEdit()
        self.rationale.setPlaceholderText(self.tr("Required: why this decision was taken"))
        self.rationale.setMaximumHeight(80)
        self.rationale.setTabChangesFocus(True)  # keyboard-only use: Tab goes on to the place of completion
        self.place = QComboBox()
        self.place.addItem(self.tr("Completed in Japan"), True)
        self.place.addItem(self.tr("Partly in Japan, partly abroad"), JOINT)
        self.place.addItem(self.tr("Completed outside Japan"), False)
        self.place.addItem(self.tr("Unknown"), None)
        self.place.setCurrentIndex(self.place.findData(None))
        # The stored decision the inputs started from: (place choice, the field as read, its
        # completed_abroad). While the reviewer leaves both as they were, saving again stores
        # that completed_abroad unchanged ('not recorded' stays so; see _abroad).
        self._loaded: tuple | None = None
        self.completed_abroad = QLineEdit()  # where abroad, wholly or partly (stored: decide completed_abroad=)
        self._abroad_example = self.tr("Completed in, e.g. US")
        self.completed_abroad.setPlaceholderText(self._abroad_example)
        self.completed_abroad.setEnabled(False)
        self.countries = QLineEdit()
        self.countries.setPlaceholderText(self.tr("e.g. US, EP, CN"))
        self.residences = QLineEdit()  # stored with the decision (TriageLog.decide residences=)
        self.residences.setPlaceholderText(self.tr("e.g. JP, IN"))
        self.jp_filed = QCheckBox(self.tr("Filed in Japan on"))
        self.jp_date = QDateEdit(QDate.currentDate())
        self.jp_date.setCalendarPopup(True)
        self.jp_date.setDisplayFormat("yyyy-MM-dd")
        self.jp_date.setEnabled(False)
        self.jp_filed.toggled.connect(self.jp_date.setEnabled)
        self.jp_filed.toggled.connect(self._update_dates)
        self.jp_date.dateChanged.connect(self._update_dates)
        self.primary_due = QLabel("—")
        self.primary_due.setToolTip(self.tr(
            "By then the JPO has referred the application for security review or not; it tells "
            "you it will not refer it only on your request (申出)."))
        self.free_date = QLabel("—")
        self.free_date.setToolTip(self.tr(
            "Foreign filing from this date only if no security designation was made by then "
            "(not an unconditional release; the exact release events are unconfirmed)."))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save decision"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.request_save)
        # filing facts (stored as their own event with the decision) and the clearance plan
        self._facts_loaded: dict | None = None  # the draft's stored filing facts (the log's)
        self.facts_title = QLabel("<b>" + html.escape(self.tr("Filing facts and clearance plan")) + "</b>")
        self.inventors = self._facts_edit(self.tr("One per line: name: residence: nationality: where made, e.g. Yamada: JP: JP: JP"))
        self.applicants = self._facts_edit(self.tr("One per line: name: seat, e.g. Acme KK: JP"))
        self.filings = self._facts_edit(self.tr("One per line: office[@receiving office][: date], e.g. PCT@JP: 2027-01-15 (date!: filed)"))
        self.permits = self._facts_edit(self.tr("One per line: rule: asked on[: granted on], e.g. US: 2026-12-01"))
        self.facts_error = QLabel()
        self.facts_error.setStyleSheet("color: #c62828")
        self.facts_error.setWordWrap(True)
        self.plan_view = QPlainTextEdit()
        self.plan_view.setReadOnly(True)
        self.plan_view.setAccessibleName(self.tr("Clearance plan"))
        self.plan_view.setTabChangesFocus(True)
        self.plan_view.setMinimumHeight(120)
        self.plan_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.history = QListWidget()
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(48)
        # sign-off on risky decisions (workbench.store.signoff): shown when the decision as
        # typed goes against the verdict or the checklist
        self.override_warning = QLabel()
        self.override_warning.setWordWrap(True)
        self.override_warning.setStyleSheet("color: #b71c1c; font-weight: bold")
        self.override_reason = QPlainTextEdit()
        self.override_reason.setMaximumHeight(60)
        self.override_reason.setTabChangesFocus(True)
        self.override_label = QLabel()
        self._risks: tuple[str, ...] = ()
        self.override_status = QLabel()  # the current decision's override: pending / approved
        self.override_status.setWordWrap(True)
        self.approve_button = QPushButton()
        self.approve_button.clicked.connect(self._request_approve)
        self.approve_note = QLineEdit()  # the approver's note, as 'log approve --note' records it
        self.approve_note.setObjectName("approveNote")
        self._current = None  # the current (latest) stored decision of the draft shown

        # the foreign-filing checklist
        self._level: str | None = None
        self._defence: bool | None = None
        self._key: str | None = None
        self._saving = False  # a decision is being written to the log (in a worker)
        self.checklist_title = QLabel("<b>" + html.escape(self.tr("Foreign-filing checklist")) + "</b>")
        self.checklist_basis = QLabel()
        self.checklist_basis.setWordWrap(True)
        self.checklist_info = QLabel()
        self.checklist_info.setWordWrap(True)
        self.checklist = QTableWidget(0, 5)
        self.checklist.setHorizontalHeaderLabels(
            [self.tr("Country"), self.tr("Applies"), self.tr("What to do"), self.tr("Waiting period"), self.tr("Rule")]
        )
        self.checklist.verticalHeader().setVisible(False)
        self.checklist.setAccessibleName(self.tr("Foreign-filing checklist"))
        self.checklist.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checklist.setTabKeyNavigation(False)  # Tab moves on to 'Save decision'
        self.checklist.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklist.setWordWrap(True)
        self.checklist.setAlternatingRowColors(True)
        head = self.checklist.horizontalHeader()
        for col in (COL_COUNTRY, COL_APPLIES, COL_RULE):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(COL_TODO, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(COL_WAIT, QHeaderView.ResizeMode.Stretch)
        head.sectionResized.connect(lambda *_: self._fit_checklist())
        self.checklist_note = QLabel(
            "<i>" + html.escape(self.tr("Screening aid, not legal advice.")) + "</i> "
            + html.escape(self.tr("Hover over a row for why it applies and the law; its sources are listed below as links."))
        )
        self.checklist_note.setWordWrap(True)
        # the selected row's sources as links that open in the browser or can be selected and
        # copied (a tooltip's URL can be neither)
        # (a text browser, not a label: a long URL wraps anywhere instead of widening the window)
        self.checklist_sources = QTextBrowser()
        self.checklist_sources.setObjectName("checklistSources")
        self.checklist_sources.setOpenExternalLinks(True)
        self.checklist_sources.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.checklist_sources.setFrameShape(QFrame.Shape.NoFrame)
        self.checklist_sources.setMaximumHeight(3 * self.fontMetrics().lineSpacing() + 8)
        self.checklist_sources.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._sources_html = ""
        self.checklist.currentCellChanged.connect(lambda row, *_: self._show_sources(row))
        self.place.currentIndexChanged.connect(self._place_changed)
        self.completed_abroad.textChanged.connect(self._abroad_edited)
        for edit in (self.countries, self.residences):
            edit.textChanged.connect(self.update_checklist)
        # a refused save's message is about what was typed then: editing the form clears it
        for edit in (self.rationale, self.completed_abroad, self.countries, self.residences):
            edit.textChanged.connect(self.error.clear)
        for combo in (self.decision, self.place):
            combo.currentIndexChanged.connect(self.error.clear)
        self.decision.currentIndexChanged.connect(self._update_override)
        self.override_reason.textChanged.connect(self.error.clear)

        form = QFormLayout()
        form.addRow(self.tr("Decision"), self.decision)
        form.addRow(self.tr("Rationale"), self.rationale)
        place_row = QHBoxLayout()
        place_row.addWidget(self.place, 1)
        place_row.addWidget(self.completed_abroad, 1)
        form.addRow(self.tr("Place of completion"), place_row)
        form.addRow(self.tr("Planned countries"), self.countries)
        form.addRow(self.tr("Inventors / applicant reside in"), self.residences)
        row = QHBoxLayout()
        row.addWidget(self.jp_filed)
        row.addWidget(self.jp_date)
        row.addStretch(1)
        form.addRow(self.tr("JP filing"), row)
        form.addRow(self.tr("Primary review due (3 months)"), self.primary_due)
        form.addRow(self.tr("10 months without designation"), self.free_date)
        form.addRow(self.override_warning)
        form.addRow(self.override_label, self.override_reason)
        status_row = QHBoxLayout()
        status_row.addWidget(self.override_status, 1)
        status_row.addWidget(self.approve_note, 1)
        status_row.addWidget(self.approve_button, 0, Qt.AlignmentFlag.AlignRight)
        # everything but the save row scrolls: on a 1366 x 768 laptop the panel (checklist, facts,
        # plan, history) is taller than the screen, and Save decision must stay on it
        content = QWidget()
        content.setObjectName("decisionContent")
        lay = QVBoxLayout(content)
        lay.setContentsMargins(0, 0, 4, 0)
        lay.addWidget(self.draft_name)
        lay.addWidget(self.current_decision)
        lay.addLayout(form)
        lay.addLayout(status_row)
        lay.addSpacing(6)
        lay.addWidget(self.checklist_title)
        lay.addWidget(self.checklist_basis)
        lay.addWidget(self.checklist_info)
        lay.addWidget(self.checklist, 3)
        lay.addWidget(self.checklist_note)
        lay.addWidget(self.checklist_sources)
        lay.addSpacing(6)
        lay.addWidget(self.facts_title)
        facts_form = QFormLayout()
        facts_form.addRow(self.tr("Inventors"), self.inventors)
        facts_form.addRow(self.tr("Applicants"), self.applicants)
        facts_form.addRow(self.tr("Planned filings"), self.filings)
        facts_form.addRow(self.tr("Clearances asked for"), self.permits)
        lay.addLayout(facts_form)
        lay.addWidget(self.facts_error)
        lay.addWidget(self.plan_view, 2)
        save_row = QHBoxLayout()  # the error next to the button: no empty line when there is none
        save_row.addWidget(self.error, 1)
        save_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        lay.addWidget(QLabel(self.tr("Decision history of this draft")))
        lay.addWidget(self.history, 1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("decisionScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll, 1)
        outer.addLayout(save_row)
        self.plan = None  # the clearance plan shown (workbench.filing.plan.Plan)
        # typing must stay fluid: the plan (which tries every way to clear the rules) is
        # computed once the reviewer pauses, not on every keystroke
        self._plan_timer = QTimer(self)
        self._plan_timer.setSingleShot(True)
        self._plan_timer.setInterval(250)
        self._plan_timer.timeout.connect(self.update_plan)
        self.set_draft(None)

    def set_draft(self, name: str | None, decisions=(), *, key: str | None = None,
                  level: str | None = None, defence_related: bool | None = None, facts: dict | None = None) -> None:
        """Show a draft's decisions; ``level`` and ``defence_related`` (the draft's triage
        level and its defence answer) feed the checklist. Another draft starts from its
        current decision (or blank: nothing carries over from the previous draft); the same
        draft shown again (after a re-screen) keeps what the reviewer has typed so far."""
        key = key if key is not None else name
        same = key is not None and key == self._key
        self._key = key
        self._level, self._defence = level, defence_related
        self.setEnabled(name is not None)
        self.draft_name.setText(f"<b>{html.escape(name)}</b>" if name else self.tr("No draft selected."))
        self.history.clear()
        current = None
        for d in decisions:
            current = d
            self.history.addItem(self._describe(d))
        self._current = current
        self._show_current(current if name is not None else None, name is not None)
        if not same:
            self._reset_inputs(current)
            self._set_facts(facts)
        self._update_dates()
        self.update_checklist()
        self.update_plan()  # a newly shown draft gets its plan at once
        self._show_override_status()

    def _show_current(self, d, shown: bool = True) -> None:
        from workbench.messages.cli import I995, I996

        if not shown:
            self.current_decision.clear()
        elif d is None:
            self.current_decision.setText(_say(I996))
        else:
            self.current_decision.setText(_say(I995, decision=labels.decision_label(d.decision), who=d.reviewer or "-",
                                               at=(d.at or "")[:16].replace("T", " "), rationale=d.rationale))

    def _reset_inputs(self, current) -> None:
        """The inputs for a newly shown draft: its current decision, else blank."""
        widgets = (self.decision, self.place, self.countries, self.residences, self.completed_abroad, self.jp_filed, self.jp_date)
        for w in widgets:  # one checklist update at the end, not one per field
            w.blockSignals(True)
        try:
            self.error.clear()
            self.rationale.clear()
            self.override_reason.clear()
            self.residences.clear()
            self.completed_abroad.clear()
            self.decision.setCurrentIndex(self.decision.findData("hold"))
            self.place.setCurrentIndex(self.place.findData(None))
            self.countries.clear()
            self.jp_filed.setChecked(False)
            # today, not the date of the draft shown before: ticking 'Filed in Japan' would have
            # recorded another draft's JP filing date for this one
            self.jp_date.setDate(QDate.currentDate())
            self._loaded = None
            if current is not None:  # start from the current decision
                i = self.decision.findData(current.decision)
                if i >= 0:
                    self.decision.setCurrentIndex(i)
                self.place.setCurrentIndex(self.place.findData(place_choice(current)))
                self.countries.setText(", ".join(current.planned_countries))
                self.residences.setText(", ".join(getattr(current, "residences", None) or ()))
                self.completed_abroad.setText(", ".join(getattr(current, "completed_abroad", None) or ()))
                self._remember(current)
                if current.jp_filing_date:
                    self.jp_filed.setChecked(True)
                    self.jp_date.setDate(QDate.fromString(current.jp_filing_date[:10], "yyyy-MM-dd"))
        finally:
            for w in widgets:
                w.blockSignals(False)
        self.jp_date.setEnabled(self.jp_filed.isChecked())
        self._sync_abroad_field()

    def _remember(self, decision) -> None:
        """The stored decision the inputs now show (see ``_abroad``)."""
        self._loaded = (place_choice(decision), parse_codes(self.completed_abroad.text()),
                        getattr(decision, "completed_abroad", None))

    def _abroad(self) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
        """The places abroad as they will be stored, and the typed tokens that are no code.

        From the choice: the countries typed in the field for "Partly in Japan, partly
        abroad" and "Completed outside Japan" (empty: none given); none for "Completed in
        Japan" (wholly); not recorded for "Unknown". But while the choice and the field are
        as a stored decision left them, that decision's value is kept exactly: a decision
        whose place abroad was not recorded stays so, and one recorded (by the CLI) with an
        unknown place in Japan keeps its countries abroad. Saving again never drops a fact."""
        place = self.place.currentData()
        typed = parse_codes(self.completed_abroad.text())
        if self._loaded is not None:
            choice, was_typed, stored = self._loaded
            if type(choice) is type(place) and choice == place and typed == was_typed:
                return stored, ()
        if place is True:
            return (), ()
        if place is None:
            return None, ()
        return typed

    def _place_wants_countries(self) -> bool:
        place = self.place.currentData()
        return place is False or place == JOINT

    def _sync_abroad_field(self) -> None:
        """The field is for the choices that name countries abroad; empty, it says whether
        that is stored as 'not recorded' or is waiting for the countries."""
        self.completed_abroad.setEnabled(self._place_wants_countries())
        unrecorded = self._abroad()[0] is None
        self.completed_abroad.setPlaceholderText(self.tr("Abroad: not recorded") if unrecorded else self._abroad_example)

    def set_defence_related(self, value: bool | None) -> None:
        """The draft view's defence answer changed (before any re-screening finishes)."""
        self._defence = value
        self.update_checklist()

    # -- the checklist -----------------------------------------------------------------------
    def _place_changed(self) -> None:
        self._sync_abroad_field()
        self.update_checklist()

    def _abroad_edited(self) -> None:
        self._sync_abroad_field()
        self.update_checklist()

    def filing_facts(self) -> tuple[dict, tuple[str, ...]]:
        """The checklist's inputs as ``backend.filing_checklist`` keyword arguments, and the
        tokens that are not country codes (ignored, and said so)."""
        abroad, bad_abroad = self._abroad()
        completed = (*((HOME,) if completed_in_japan(self.place.currentData()) else ()), *(abroad or ()))
        residences, bad_res = parse_codes(self.residences.text())
        planned, bad_plan = parse_codes(self.countries.text(), _FILING)
        facts = {
            "completed_in": completed, "residences": residences, "planned": planned,
            "jp_level": self._level, "defence_related": self._defence,
        }
        seats = self._typed_seats()
        if seats:  # the applicants' seats typed below (Italy's duty lies with the applicants)
            facts["applicants"] = seats
        return facts, (*bad_abroad, *bad_plan, *bad_res)

    def update_checklist(self) -> None:
        facts, ignored = self.filing_facts()
        level = labels.level_short(facts["jp_level"]) or self.tr("not screened")
        self.checklist_basis.setText(
            self.tr("From the draft: triage level %1 · for defence use: %2")
            .replace("%1", level).replace("%2", labels.answer_label(facts["defence_related"]))
        )
        info = []
        try:
            checks = backend.filing_checklist(**facts)
        except (WorkbenchError, ImportError) as exc:
            checks = []
            info.append(_render_error(exc))
        if self.place.currentData() is None:
            info.append(self.tr("Place of completion unknown: rules that depend on where the invention was made (e.g. Japan's) are not checked."))
        if ignored:
            info.append(self.tr("Not a country code (ignored): %1").replace("%1", ", ".join(ignored)))
        if not checks and not info:
            if any(facts[k] for k in ("completed_in", "residences", "planned")):
                info.append(self.tr("No rule in the checklist applies to these facts."))
            else:
                info.append(self.tr("Enter where the invention was completed, where the inventors and the applicant reside, and the planned countries."))
        self.schedule_plan()
        self.checklist_info.setText("\n".join(info))
        self.checklist_info.setVisible(bool(info))
        self._fill_checklist(checks)
        self._update_override()

    # -- sign-off on risky decisions ----------------------------------------------------------
    def override_risks(self) -> tuple[str, ...]:
        """The risks of the decision as typed (workbench.store.signoff; the store checks
        again when it is saved): empty when no override is needed."""
        facts, _ignored = self.filing_facts()
        abroad = self._abroad()[0] or ()
        try:
            return backend.override_risks(
                self.decision.currentData(), facts["jp_level"],
                completed_in_japan=completed_in_japan(self.place.currentData()), completed_abroad=abroad,
                residences=facts["residences"], planned=facts["planned"], defence_related=facts["defence_related"],
            )
        except (WorkbenchError, ImportError):
            return ()

    def _update_override(self) -> None:
        from workbench.messages import M

        self._risks = self.override_risks()
        risky = bool(self._risks)
        if risky:
            from workbench.store.signoff import risks_message

            d = self._current  # the form pre-filled with a stored decision that has its own override
            again = (d is not None and getattr(d, "override_status", None) in ("pending", "approved")
                     and d.decision == self.decision.currentData())
            self.override_warning.setText("⚠ " + _say(M.W557 if again else M.W550, risks=risks_message(self._risks, self._level)))
        self.override_label.setText(_say(M.I553))
        self.override_reason.setPlaceholderText(_say(M.I555))
        for w in (self.override_warning, self.override_label, self.override_reason):
            w.setVisible(risky)

    def _show_override_status(self) -> None:
        """The current decision's override: pending (with 'Approve override') or approved."""
        from workbench.messages import M

        d = self._current
        status = getattr(d, "override_status", None) if d is not None else None
        if status == "approved":
            text = "✓ " + _say(M.I550, who=d.approved_by, at=(d.approved_at or "")[:16].replace("T", " "))
            if getattr(d, "approval_note", None):  # stored with the approval: shown as the exports show it
                text += " — " + _say(M.I646, note=d.approval_note)
            self.override_status.setText(text)
        elif status == "pending":
            self.override_status.setText("⚠ " + _say(M.W551, reason=d.override_reason))
        self.override_status.setVisible(status is not None)
        self.approve_button.setText(_say(M.I554))
        self.approve_button.setVisible(status == "pending")
        self.approve_note.setPlaceholderText(_say(M.I559))
        self.approve_note.setVisible(status == "pending")
        if status != "pending":
            self.approve_note.clear()
        self.approve_button.setEnabled(status == "pending" and not self._saving)

    def _request_approve(self) -> None:
        if self._current is None or getattr(self._current, "override_status", None) != "pending" or self._saving:
            return
        self.approve_requested.emit(self.approve_note.text().strip())

    def approved(self, decision) -> None:
        """The override of the current decision was approved (stored)."""
        self._current = decision
        self.history.addItem(self._describe(decision))
        self._show_current(decision)
        self._show_override_status()
        self._update_override()

    def _fill_checklist(self, checks) -> None:
        t = self.checklist
        t.setRowCount(len(checks))
        bold = QFont(t.font())
        bold.setBold(True)
        lang = self.checklist_language()
        for r, check in enumerate(checks):
            j = check.jurisdiction
            yes = check.applies == "yes"
            cells = [
                f"{check.text('name', lang)} ({j.code})",
                self.tr("Yes") if yes else self.tr("Possible"),
                check.text("requirement", lang),
                check.text("wait", lang),
                labels.verified_label(True) if j.verified else "⚠ " + labels.verified_label(False),
            ]
            tip = self._tooltip(check, lang)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                item.setData(CHECK_ROLE, check)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                t.setItem(r, c, item)
            applies = t.item(r, COL_APPLIES)
            applies.setForeground(QColor("#c62828" if yes else "#e65100"))
            if yes:
                applies.setFont(bold)
            t.item(r, COL_RULE).setForeground(QColor("#2e7d32" if j.verified else "#e65100"))
        t.setVisible(bool(checks))
        self._show_sources(t.currentRow() if 0 <= t.currentRow() < len(checks) else 0)
        self._fit_checklist()

    def _show_sources(self, row: int) -> None:
        """The sources of checklist row ``row`` as links (http(s) ones clickable)."""
        item = self.checklist.item(row, 0) if row >= 0 else None
        check = item.data(CHECK_ROLE) if item is not None else None
        if check is None:
            self.checklist_sources.clear()
            self._sources_html = ""
            self.checklist_sources.setVisible(False)
            return
        j = check.jurisdiction
        links = []
        for src in j.sources:
            for part in re.split(r"(https?://\S+)", src):
                if re.fullmatch(r"https?://\S+", part):
                    url = part.rstrip(").,;")
                    links.append(f"<a href='{html.escape(url, quote=True)}'>{html.escape(url)}</a>{html.escape(part[len(url):])}")
                elif part:
                    links.append(html.escape(part))
        head = html.escape(self.tr("Sources for %1:").replace("%1", f"{check.text('name', self.checklist_language())} ({j.code})"))
        self._sources_html = f"<small><b>{head}</b> " + " ".join(links) + "</small>"
        self.checklist_sources.setHtml(self._sources_html)
        self.checklist_sources.setVisible(True)

    def source_links(self) -> list[str]:
        """The URLs the sources line links to (for tests)."""
        return re.findall(r"href='([^']+)'", self._sources_html)

    def sources_text(self) -> str:
        """The sources line as shown (for tests)."""
        return self.checklist_sources.toPlainText()

    def _fit_checklist(self) -> None:
        """As tall as its rows (so the history below gets the rest), scrolling beyond that."""
        t = self.checklist
        t.resizeRowsToContents()
        rows = sum(t.rowHeight(r) for r in range(t.rowCount()))
        t.setMaximumHeight(t.horizontalHeader().height() + rows + 2 * t.frameWidth() + 4)

    def checklist_language(self) -> str:
        """'ja' or 'en': the language of the rule texts in the checklist."""
        return self.language or ui_language()

    def _tooltip(self, check, lang: str = "en") -> str:
        j = check.jurisdiction
        e = html.escape
        # Labels outside the f-strings: lupdate does not see a tr() inside one (they showed in English).
        why, law, penalty, note, sources = self.tr("Why"), self.tr("Law"), self.tr("Penalty"), self.tr("Note"), self.tr("Sources")
        # an unverified jurisdiction whose note confirms some of its parts is "partly
        # verified" (its note says which): a bare "unverified" over "... are confirmed" contradicts it
        status = labels.verified_label(True) if j.verified else (
            self.tr("partly verified (see the note)") if j.note else labels.verified_label(False))
        rows = [
            f"<b>{e(check.text('name', lang))} ({e(j.code)})</b> — {e(status)}",
            f"<b>{e(why)}:</b> {e(check.text('why', lang))}",
            f"<b>{e(law)}:</b> {e(check.text('law', lang))}",  # as cited (Japanese keeps the original citation)
            f"<b>{e(penalty)}:</b> {e(check.text('penalty', lang))}",
        ]
        if j.note:
            rows.append(f"<b>{e(note)}:</b> {e(check.text('note', lang))}")
        rows.append(f"<b>{e(sources)}:</b> " + "<br>".join(e(s) for s in j.sources))
        return "<p>" + "<br>".join(rows) + "</p>"

    def checklist_rows(self) -> list[tuple[str, ...]]:
        """What the checklist table shows, row by row (for tests and screen readers)."""
        t = self.checklist
        return [tuple(t.item(r, c).text() for c in range(t.columnCount())) for r in range(t.rowCount())]

    def _describe(self, d) -> str:
        where = {True: self.tr("in Japan"), JOINT: self.tr("in Japan and abroad"), False: self.tr("outside Japan"),
                 None: self.tr("place unknown")}[place_choice(d)]
        dates = ""
        three, ten = self.tr("3 mo."), self.tr("10 mo.")
        if d.primary_review_due:
            dates = f" · {three} {d.primary_review_due} · {ten} {d.foreign_filing_free}"
        countries = ", ".join(d.planned_countries)
        resid = self.tr("residences: %1").replace("%1", self.residences_label(getattr(d, "residences", None)))
        abroad = self.tr("completed abroad: %1").replace("%1", self.residences_label(getattr(d, "completed_abroad", None)))
        override = ""
        status = getattr(d, "override_status", None)
        if status:
            from workbench.messages import M

            state = _say(M.N552 if status == "pending" else M.N553)
            override = f" · {_say(M.I552, status=state)}: {d.override_reason}"
            if d.approved_by:
                override += f" ({d.approved_by})"
        made_on = ""
        if self.versions.get(d.draft_id) is not None:
            made_on = " [" + self.tr("on version %1").replace("%1", str(self.versions[d.draft_id])) + "]"
        return (f"{d.at[:16].replace('T', ' ')} {d.reviewer}: {labels.decision_label(d.decision)}{made_on} "
                f"({where}; {abroad}{'; ' + countries if countries else ''}; {resid}){dates} — {d.rationale}{override}")

    def residences_label(self, residences) -> str:
        """A stored decision's residences (or places of completion abroad): the codes,
        'none given' (saved with the field empty) or 'not recorded' (decided before the
        log stored them)."""
        if residences is None:
            return self.tr("not recorded")
        return ", ".join(residences) if residences else self.tr("none given")

    # -- filing facts and the clearance plan ----------------------------------------------------
    def _facts_edit(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setMaximumHeight(56)
        edit.setTabChangesFocus(True)
        edit.textChanged.connect(self.update_checklist)
        edit.textChanged.connect(self.error.clear)
        return edit

    def _typed_seats(self) -> tuple[str, ...]:
        """The applicants' seats as typed in the facts (unreadable lines are left out here;
        the facts error names them)."""
        from workbench.filing.facts import parse_applicant
        from workbench.filing.codes import read_code

        seats = []
        edit = getattr(self, "applicants", None)
        for line in (edit.toPlainText().splitlines() if edit is not None else ()):
            if not line.strip():
                continue
            try:
                seat = parse_applicant(line).get("seat")
            except WorkbenchError:
                continue
            code = read_code(seat.upper()).code if seat else None
            if code:
                seats.append(code)
        return tuple(dict.fromkeys(seats))

    def _set_facts(self, facts: dict | None) -> None:
        """Show a draft's stored facts in the typed forms the CLI takes (one per line)."""
        from workbench.filing.facts import applicant_text, filing_text, inventor_text, permit_text

        self._facts_loaded = _comparable(facts)
        f = facts or {}
        for edit, key, fn in ((self.inventors, "inventors", inventor_text), (self.applicants, "applicants", applicant_text),
                              (self.filings, "filings", filing_text), (self.permits, "permits", permit_text)):
            edit.blockSignals(True)
            edit.setPlainText("\n".join(fn(x) for x in f.get(key, [])))
            edit.blockSignals(False)

    def facts_values(self) -> tuple[dict | None, str]:
        """The typed facts as the log stores them (``facts_payload``), or (None, the coded
        error in the panel's language) when a line is not understood. All empty and none
        stored: (None, "")."""
        from workbench.filing.facts import facts_payload, parse_applicant, parse_filing, parse_inventor, parse_permit

        def lines(edit):
            return [ln.strip() for ln in edit.toPlainText().splitlines() if ln.strip()]

        typed = [lines(e) for e in (self.inventors, self.applicants, self.filings, self.permits)]
        if not any(typed) and self._facts_loaded is None:
            return None, ""
        try:
            return facts_payload(
                [parse_inventor(t) for t in typed[0]], [parse_applicant(t) for t in typed[1]],
                [parse_filing(t) for t in typed[2]], [parse_permit(t) for t in typed[3]],
            ), ""
        except WorkbenchError as exc:
            return None, _render_error(exc)

    def plan_facts(self):
        """The plan's facts: the typed filing facts with the decision fields above them."""
        from workbench.domain import Decision
        from workbench.filing.facts import plan_facts

        facts, _ = self.facts_values()
        v = self.values()
        planned, _ = parse_codes(self.countries.text(), _FILING)
        residences, _ = parse_codes(self.residences.text())
        abroad, _ = self._abroad()
        d = Decision(0, v["decision"] or "hold", "", v["completed_in_japan"], planned, v["jp_filing_date"],
                     residences=residences, completed_abroad=abroad)
        return plan_facts(facts, decision=d, level=self._level, defence_related=self._defence)

    def schedule_plan(self) -> None:
        """Compute the plan shortly (after the reviewer stops typing); the timer exists once
        the panel is built (the first checklist update runs before it)."""
        timer = getattr(self, "_plan_timer", None)
        if timer is None:
            return
        timer.start()

    def update_plan(self) -> None:
        """The clearance plan, computed live from what the panel shows (core: filing.plan)."""
        lang = self.checklist_language()
        _, error = self.facts_values()
        self.facts_error.setText(error)
        self.facts_error.setVisible(bool(error))
        try:
            plan = backend.clearance_plan(self.plan_facts())
        except (WorkbenchError, ImportError, ValueError) as exc:
            self.plan_view.setPlainText(_render_error(exc))
            return
        self.plan = plan
        self.plan_view.setPlainText("\n".join(plan.lines(lang, law=False, dates_first=True)))

    def jp_filing_date(self) -> str | None:
        return self.jp_date.date().toString("yyyy-MM-dd") if self.jp_filed.isChecked() else None

    def _update_dates(self) -> None:
        try:
            primary, free = backend.key_dates(self.jp_filing_date())
        except (WorkbenchError, ImportError) as exc:
            primary = free = None
            self.error.setText(_render_error(exc))
        self.primary_due.setText(primary or "—")
        self.free_date.setText(free or "—")
        self.schedule_plan()  # the plan counts from the JP filing date

    def values(self) -> dict:
        """The keyword arguments of ``TriageLog.decide``. Countries are read as the checklist
        reads them (``parse_codes``); a token that is no code is passed on, so the log refuses
        it by name (E508) instead of the decision being saved without it.

        ``completed_in_japan`` is yes for "Completed in Japan" and for "Partly in Japan,
        partly abroad". ``completed_abroad`` is what the checklist used (``_abroad``): the
        countries typed beside "Partly in Japan, partly abroad" or "Completed outside
        Japan" (empty: none given); none for "Completed in Japan"; not recorded (None) when
        the place is unknown - or, unchanged, what the decision shown was stored with."""
        planned, bad_plan = parse_codes(self.countries.text(), _FILING)
        residences, bad_res = parse_codes(self.residences.text())
        codes, bad_abroad = self._abroad()
        abroad = None if codes is None else (*codes, *bad_abroad)
        reason = self.override_reason.toPlainText().strip()
        out = {
            "decision": self.decision.currentData(),
            "rationale": self.rationale.toPlainText().strip(),
            "override_reason": reason if self._risks and reason else None,
            "completed_in_japan": completed_in_japan(self.place.currentData()),
            "planned_countries": (*planned, *bad_plan),
            "jp_filing_date": self.jp_filing_date(),
            "residences": (*residences, *bad_res),
            "completed_abroad": abroad,
        }
        facts, _ = self.facts_values()
        if facts is not None and facts != _comparable(self._facts_loaded):
            out["facts"] = facts  # recorded (facts.recorded) just before the decision: backend.decide
        return out

    @property
    def key(self) -> str | None:
        """The queue key of the draft shown."""
        return self._key

    @property
    def saving(self) -> bool:
        return self._saving

    def set_saving(self, busy: bool) -> None:
        """A decision is (no longer) being written to the log: Save waits for it, so one
        press stores it once; what is typed stays (a failed save is retried as it is)."""
        self._saving = bool(busy)
        self.save_button.setEnabled(not busy)
        self.approve_button.setEnabled(not busy and getattr(self._current, "override_status", None) == "pending")
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save decision"))

    def request_save(self) -> None:
        if self._saving:
            return
        from workbench.messages import M, msg

        values = self.values()
        # the use case's checks (the log refuses the same decision): a rationale, the override
        # reason of a risky decision, Japan not abroad
        problem = backend.decision_problem(
            rationale=values["rationale"], completed_abroad=values["completed_abroad"], risks=self._risks,
            override_reason=values["override_reason"], level=self._level,
            abroad_instead=msg(M.W792, choice=self.place.itemText(self.place.findData(True))),
        )
        if problem is not None:
            from workbench.ui.notifications import ui_language as shown_language

            self.error.setText(problem.render(shown_language()))
            focus = {M.N595: self.rationale, M.W550: self.override_reason}.get(problem.code, self.completed_abroad)
            focus.setFocus()
            return
        if self.place.currentData() == JOINT and not values["completed_abroad"]:
            # saved as yes + none abroad it would read back as wholly in Japan: the fact lost
            self.error.setText(
                self.tr("Partly abroad: list the countries other than Japan where it was completed, or choose 'Completed in Japan'.")
            )
            self.completed_abroad.setFocus()
            return
        _, facts_error = self.facts_values()
        if facts_error:
            self.error.setText(facts_error)
            self.inventors.setFocus()
            return
        if not self._future_date_confirmed(values["jp_filing_date"]):
            self.jp_date.setFocus()
            return
        self.error.clear()
        self.save_requested.emit(values)

    def _future_date_confirmed(self, jp_filing_date: str | None) -> bool:
        """A JP filing date after today is most often a typo, and every key date is counted
        from it: ask (``confirm_future_date``, a dialog) before it is saved."""
        try:
            warning = backend.future_filing_date(jp_filing_date)
        except (WorkbenchError, ImportError):
            return True  # the log refuses a malformed date with its own coded error
        if warning is None:
            return True
        return bool(self.confirm_future_date(warning.render(self.checklist_language())))

    def confirm_future_date(self, text: str) -> bool:
        """The dialog (replaceable in tests): Save anyway, or go back to the date."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("JP filing date in the future"), text,
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Save

    def saved(self, decision) -> None:
        self._current = decision
        self._show_current(decision)
        self.override_reason.clear()
        self._show_override_status()
        self._update_override()  # the form's warning now speaks of saving it again (W557)
        self.history.addItem(self._describe(decision))
        if self.rationale.toPlainText().strip() == (decision.rationale or "").strip():
            self.rationale.clear()  # (a rationale typed again while it was saving is kept)
        self._remember(decision)  # what is shown is now the stored decision
        facts, _ = self.facts_values()
        if facts is not None:
            self._facts_loaded = facts
        self._sync_abroad_field()


def _comparable(facts: dict | None) -> dict | None:
    """A stored facts record as ``facts_values`` gives it (without reviewer/at/event id)."""
    if facts is None:
        return None
    return {k: facts.get(k, []) for k in ("inventors", "applicants", "filings", "permits")}


def place_choice(decision):
    """The place-of-completion choice that shows a stored decision: "Partly in Japan, partly
    abroad" (JOINT) for completed in Japan with countries abroad, else its yes/no/unknown."""
    in_japan = decision.completed_in_japan
    return JOINT if in_japan is True and getattr(decision, "completed_abroad", None) else in_japan


def completed_in_japan(choice) -> bool | None:
    """The stored yes/no/unknown answer of a place-of-completion choice."""
    return True if choice == JOINT else choice


def _render_error(exc: BaseException) -> str:
    try:
        from workbench.ui.notifications import Notification

        return Notification.from_exception(exc).render(QCoreApplication.translate)
    except Exception:  # noqa: BLE001 - the message itself must never fail
        return str(exc)
