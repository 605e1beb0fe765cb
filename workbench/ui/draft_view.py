"""The draft view: claim tree beside the claim text with evidence highlighted per field;
per claim the field likelihoods and top IPC codes; the additional-requirement answers
and the IPC codes the user already knows for the draft; and the annotation panel
(agree / disagree / note / corrected IPC)."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFrame,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain import AdditionalAnswers, ClaimVerdict, DraftVerdict
from workbench.classify.suggest_floor import CONFIDENCE_FLOOR, confident
from workbench.messages import screening as S
from workbench.messages import code_of, msg, render_all
from workbench.messages.rules import KNOWN_CODE_CODES
from workbench.text import reader_text, reader_words
from workbench.ui import labels
from workbench.ui.models.claims import ClaimTreeModel, FieldTableModel


class ElidingComboBox(QComboBox):
    """A combo box whose current text ends in "…" where it is too long for the box (Qt
    cuts it mid-word: "12. Submarines and sub"); the whole text is in its tooltip."""

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox, QStylePainter

        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, self)
        room = field.width() - (opt.iconSize.width() + 4 if not opt.currentIcon.isNull() else 0)
        opt.currentText = self.fontMetrics().elidedText(opt.currentText, Qt.TextElideMode.ElideRight, max(0, room))
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)

    def shown_text(self) -> str:
        """The text as painted (for tests)."""
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, self)
        room = field.width() - (opt.iconSize.width() + 4 if not opt.currentIcon.isNull() else 0)
        return self.fontMetrics().elidedText(opt.currentText, Qt.TextElideMode.ElideRight, max(0, room))


class AnswerBox(QWidget):
    """Yes / No / Unanswered for one additional-requirement question."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self._silent = True
        self.group = QButtonGroup(self)
        self.buttons = {}
        for value in (True, False, None):
            b = QRadioButton(labels.answer_label(value))
            self.group.addButton(b)
            lay.addWidget(b)
            self.buttons[value] = b
            b.toggled.connect(self._toggled)
        self.buttons[None].setChecked(True)
        self._silent = False

    def _toggled(self, on: bool) -> None:
        if on and not self._silent:
            self.changed.emit()

    def value(self) -> bool | None:
        for v, b in self.buttons.items():
            if b.isChecked():
                return v
        return None

    def set_value(self, value: bool | None, *, silent: bool = True) -> None:
        self._silent = silent
        try:
            self.buttons[value].setChecked(True)
        finally:
            self._silent = False


# "F41H 3/00, H04K3/00" / "F41H 3/00；H04K 3/00" / "F41H 3/00、H04K 3/00": a space stays inside a code
_CODE_SEPARATORS = re.compile(r"[,;，；、]")
MIN_FIELD_ROWS = 5  # the field table keeps this many rows visible however crowded the side panel


def split_ipc_codes(text: str) -> list[str]:
    """The codes typed in the "IPC codes known for this draft" box, as typed (the core's
    ``parse_ipc`` judges them): separated by commas, semicolons or Japanese commas."""
    return [c.strip() for c in _CODE_SEPARATORS.split(text or "") if c.strip()]


class DraftView(QWidget):
    answers_changed = Signal(object)  # AdditionalAnswers
    ipc_codes_applied = Signal(list)  # the codes typed for this draft (raw text; may be empty)
    annotation_requested = Signal(dict)  # claim_number, field_id, verdict, note, corrected_ipc
    annotation_staged = Signal(object)  # the pending keyboard annotation (dict) or None when undone/saved

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.verdict: DraftVerdict | None = None
        self.language = "en"
        self._claim_verdicts: dict[int, ClaimVerdict] = {}
        self.current_claim: int | None = None
        self._annotating = False  # an annotation is being written to the log (in a worker)
        # an annotation made by keyboard (Ctrl+1 / Ctrl+2) waits here, named, until it is
        # saved (Ctrl+S or Save) or undone (Ctrl+Z or Undo): a stray key records nothing
        self.pending: dict | None = None

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setObjectName("draftHeader")

        self.claim_model = ClaimTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.claim_model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(12)  # deep dependent-claim chains keep room for their text
        self.tree.selectionModel().currentChanged.connect(self._claim_selected)

        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        # the claim shown's own annotations, under its text (the draft's list is at the bottom of the side panel)
        self.claim_annotations = QLabel()
        self.claim_annotations.setObjectName("claimAnnotations")
        self.claim_annotations.setWordWrap(True)
        self.claim_annotations.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claim_annotations.setVisible(False)
        self._annotation_lines: list[tuple[int, str]] = []  # (claim number, the line the list shows)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)

        self.field_model = FieldTableModel(self)
        self.fields = QTableView()
        self.fields.setModel(self.field_model)
        self.fields.verticalHeader().hide()
        self.fields.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.fields.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fields.selectionModel().currentRowChanged.connect(self._field_selected)
        self.fields.setTabKeyNavigation(False)  # Tab moves on; arrow keys pick a field
        self.fields.setWordWrap(False)  # one line a field (elided); the full name heads the explanation
        self.fields.setMinimumHeight(self.fields_height(MIN_FIELD_ROWS))
        self.why = QTextBrowser()  # the selected field's reasons and evidence outside the claims
        self.why.setObjectName("fieldReasons")
        self.why.setMaximumHeight(110)
        self.ipc = QLabel()
        self.ipc.setWordWrap(True)
        self.ipc.setTextFormat(Qt.TextFormat.RichText)

        # additional-requirement questions
        self.defence = AnswerBox()
        self.state = AnswerBox()
        self.defence.changed.connect(self._answers_changed)
        self.state.changed.connect(self._answers_changed)
        qbox = QGroupBox(self.tr("Additional requirements"))
        qform = QFormLayout(qbox)
        qform.addRow(_wrapped(QLabel(self.tr("For defence use (Japan's or a foreign military's)?"))))
        qform.addRow(self.defence)
        qform.addRow(_wrapped(QLabel(self.tr("From State-commissioned or State-funded R&D?"))))
        qform.addRow(self.state)
        # codes the user already knows (e.g. from a search report): screened as facts
        self.known_ipc = QLineEdit()
        self.known_ipc.setObjectName("knownIpcCodes")
        self.known_ipc.setPlaceholderText(self.tr("e.g. F41H 3/00, H04K 3/00"))
        self.known_ipc.setToolTip(
            self.tr("Separate codes with commas, semicolons or 、. A field these codes fall in is taken as a fact "
                    "(likelihood 100%), for every claim. Apply (or Enter) screens the draft again.")
        )
        self.known_ipc.returnPressed.connect(self.apply_ipc_codes)
        self.apply_ipc_button = QPushButton(self.tr("Apply"))
        self.apply_ipc_button.clicked.connect(self.apply_ipc_codes)
        ipc_row = QHBoxLayout()
        ipc_row.addWidget(self.known_ipc, 1)
        ipc_row.addWidget(self.apply_ipc_button)
        qform.addRow(QLabel(self.tr("IPC codes known for this draft")))
        qform.addRow(ipc_row)

        # annotation panel: one row under the claim text and the fields, always on screen
        # (in the side panel's scroll area Agree / Disagree fell below a laptop's screen)
        abox = QGroupBox(self.tr("Annotation for this claim"))
        abox.setObjectName("annotationBox")
        self.ann_field = ElidingComboBox()
        self.ann_field.currentTextChanged.connect(self.ann_field.setToolTip)  # the whole field name on hover
        self.ann_note = QLineEdit()
        self.ann_note.setPlaceholderText(self.tr("Why (optional)"))
        self.ann_ipc = QLineEdit()
        self.ann_ipc.setPlaceholderText(self.tr("e.g. F41H 3/00"))
        self.agree_button = QPushButton(self.tr("Agree"))
        self.disagree_button = QPushButton(self.tr("Disagree"))
        self.agree_button.clicked.connect(lambda: self.request_annotation("agree"))
        self.disagree_button.clicked.connect(lambda: self.request_annotation("disagree"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.agree_button)
        buttons.addWidget(self.disagree_button)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pendingAnnotation")
        self.pending_label.setWordWrap(True)
        self.pending_save = QPushButton(self.tr("Save"))
        self.pending_undo = QPushButton(self.tr("Undo"))
        self.pending_save.clicked.connect(self.save_pending)
        self.pending_undo.clicked.connect(self.undo_pending)
        self.pending_box = QFrame()
        self.pending_box.setObjectName("pendingAnnotationBox")
        self.pending_box.setFrameShape(QFrame.Shape.StyledPanel)
        pl = QHBoxLayout(self.pending_box)
        pl.setContentsMargins(4, 2, 4, 2)
        pl.addWidget(self.pending_label, 1)
        pl.addWidget(self.pending_save)
        pl.addWidget(self.pending_undo)
        self.pending_box.setVisible(False)
        arow = QHBoxLayout()
        arow.addWidget(QLabel(self.tr("Field")))
        arow.addWidget(self.ann_field, 4)
        arow.addWidget(QLabel(self.tr("Note")))
        arow.addWidget(self.ann_note, 3)
        arow.addWidget(QLabel(self.tr("Corrected IPC")))
        arow.addWidget(self.ann_ipc, 1)
        arow.addLayout(buttons)
        self.ann_field.setMinimumContentsLength(12)
        self.ann_field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ann_ipc.setMinimumWidth(90)
        alay = QVBoxLayout(abox)
        alay.setContentsMargins(6, 4, 6, 4)
        alay.addLayout(arow)
        alay.addWidget(self.pending_box)
        self.annotations = QListWidget()
        self.annotations.setMaximumHeight(90)
        self.annotations.setWordWrap(True)  # a reviewer's reason is read whole, not behind a scroll bar
        self.annotations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.annotations.setResizeMode(QListWidget.ResizeMode.Adjust)

        # the side panel: the field table and its explanation on top; below a splitter
        # handle, the top IPC codes, the answers, the known codes and the annotation in a
        # scroll area, so the field table keeps its rows in a small (Japanese) window
        # what changed since the previous version of the matter (shown for a version 2 on)
        self.changes = QTextBrowser()
        self.changes.setObjectName("versionChanges")
        self.changes.setOpenLinks(False)
        self.changes.setVisible(False)  # under the header, the pane's whole width: read without scrolling
        self.record = None  # the log's DraftRecord of the draft shown (versions, changes, flags)
        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        # whose likelihoods the table shows: the claim's own (read alone) or the whole draft's (I435/I436)
        self.fields_label = QLabel(self.tr("Field likelihoods"))
        self.fields_label.setObjectName("fieldLikelihoodsLabel")
        self.fields_label.setWordWrap(True)
        ul.addWidget(self.fields_label)
        ul.addWidget(self.fields, 1)
        ul.addWidget(self.why)
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 4, 0)
        self.ipc_label = QLabel(self.tr("Top IPC codes"))  # whose codes: the claim's (read alone) or the draft's (I430/I439)
        self.ipc_label.setObjectName("topIpcLabel")
        self.ipc_label.setWordWrap(True)
        ll.addWidget(self.ipc_label)
        ll.addWidget(self.ipc)
        ll.addWidget(qbox)
        ll.addWidget(QLabel(self.tr("Annotations of this draft")))
        ll.addWidget(self.annotations)
        ll.addStretch(1)
        self.side_scroll = QScrollArea()
        self.side_scroll.setObjectName("draftSideScroll")
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(lower)
        self.side_scroll.setMinimumHeight(120)
        # never narrower than its content: the horizontal bar is off, so it would be cut
        self.side_scroll.setMinimumWidth(lower.minimumSizeHint().width() + self.side_scroll.verticalScrollBar().sizeHint().width())
        side = QSplitter(Qt.Orientation.Vertical)
        side.setObjectName("draftSideSplitter")
        side.setChildrenCollapsible(False)
        side.addWidget(upper)
        side.addWidget(self.side_scroll)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 1)
        self.side_splitter = side

        middle = QWidget()
        ml = QVBoxLayout(middle)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.text, 1)
        ml.addWidget(self.claim_annotations)
        ml.addWidget(self.legend)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(middle)
        split.addWidget(side)
        # the claim tree as wide as the claim text: its preambles are read there
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 1)
        split.setSizes([300, 300, 300])
        self.splitter = split
        self._split_by_hand = False  # once the reviewer drags a handle, their sizes are kept
        split.splitterMoved.connect(lambda *_: setattr(self, "_split_by_hand", True))

        lay = QVBoxLayout(self)
        lay.addWidget(self.header)
        lay.addWidget(self.changes)
        lay.addWidget(split, 1)
        lay.addWidget(abox)
        self.annotation_box = abox
        self.set_verdict(None)

    def fields_height(self, rows: int) -> int:
        """The field table's height showing ``rows`` rows under its header."""
        t = self.fields
        return t.horizontalHeader().sizeHint().height() + rows * t.verticalHeader().defaultSectionSize() + 2 * t.frameWidth()

    def visible_field_rows(self) -> int:
        """How many whole rows of the field table are on screen now."""
        t = self.fields
        return t.viewport().height() // max(1, t.verticalHeader().defaultSectionSize())

    # -- content -------------------------------------------------------------------
    def set_verdict(self, verdict: DraftVerdict | None, language: str | None = None, annotations=()) -> None:
        same_draft = verdict is not None and self.verdict is not None and verdict.draft.sha256 == self.verdict.draft.sha256
        if self.pending is not None and not same_draft:
            self.undo_pending()  # it named a claim of the draft shown before; the window says so
        self.verdict = verdict
        if language:
            self.language = language
        self._claim_verdicts = {cv.claim_number: cv for cv in (verdict.claim_verdicts if verdict else ())}
        # the tree's 'Top' column shows what the field table shows: a known code's field for every claim
        shown = {n: replace(cv, fields=self._with_known_code_fields(cv.fields)) for n, cv in self._claim_verdicts.items()}
        self.claim_model.set_claims(verdict.claims if verdict else None, shown, self.language)
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnHidden(1, True)  # the category is in the claim's heading: the preamble gets the room
        self._mark_changed_claims()
        enabled = verdict is not None
        for w in (self.defence, self.state, self.known_ipc, self.apply_ipc_button,
                  self.agree_button, self.disagree_button, self.ann_field, self.ann_note, self.ann_ipc):
            w.setEnabled(enabled)
        if verdict is None:
            self.known_ipc.clear()
            self.header.setText(self.tr("No draft selected. Open a draft (File ▸ Open) or drop files here."))
            self.text.clear()
            self.legend.clear()
            self.field_model.set_fields(())
            self.ipc.clear()
            self.current_claim = None
            self.set_annotations(())
            self._sync_annotate_buttons()
            return
        self.defence.set_value(verdict.answers.defence_use)
        self.state.set_value(verdict.answers.state_commissioned)
        self._render_header()
        self.set_annotations(annotations)
        roots = verdict.claims.roots() or tuple(c.number for c in verdict.claims.claims[:1])
        if roots:
            self.select_claim(roots[0])
        else:
            self._show_claim(None)

    def _render_header(self) -> None:
        v = self.verdict
        top = v.top_field
        colour = labels.level_colour(v.level).name()
        parts = [
            f"<b>{html.escape(v.draft.title or v.draft.name)}</b> — {html.escape(v.draft.name)}",
            f"<span style='color:{colour}; font-weight:bold'>{html.escape(labels.level_label(v.level))}</span>",
        ]
        if top is not None:
            name = html.escape(_fname(top, self.language))
            # the likelihood escaped too: a raw "<1%" opened an HTML tag that swallowed the text up to the next
            # ">" - the header read "(the rule behind this field is not verified", its ")" and the percent gone
            if v.level == "clear":  # a cleared draft's top field is the nearest one, not a finding (as the CLI's I496)
                parts.append(html.escape(msg(S.I438, field=_fname(top, self.language), likelihood=float(top.likelihood))
                                         .render(self.language)))
            else:
                parts.append(html.escape(self.tr("top field: %1 (%2)")).replace("%1", name)
                             .replace("%2", html.escape(labels.percent(top.likelihood))))
            if not top.verified:
                parts.append("<i>" + html.escape(self.tr("the rule behind this field is not verified")) + "</i>")
        rec = self.record
        if rec is not None and len(rec.versions) > 1 and rec.summary.sha256 == v.draft.sha256:
            parts.append(html.escape(self.tr("version %1 of %2").replace("%1", str(rec.version)).replace("%2", str(len(rec.versions)))))
        meta = self.tr("rules %1, model %2").replace("%1", v.ruleset_version or "?").replace("%2", v.model_version or "?")
        notes = "; ".join(render_all(dict.fromkeys(v.notes or v.draft.notes), self.language))  # the pipeline already merged the reader's notes
        line2 = html.escape(meta) + (" · " + html.escape(notes) if notes else "")
        disclaimer = html.escape(self.tr("A screening aid, not legal advice."))
        self.header.setText(" · ".join(parts) + f"<br><small>{line2} · {disclaimer}</small>")

    def set_annotations(self, annotations) -> None:
        self.annotations.clear()
        self._annotation_lines = []
        rec = self.record
        for a in annotations:
            fid = f" F{a.field_id}" if a.field_id is not None else ""
            ipc = f" IPC {a.corrected_ipc}" if a.corrected_ipc else ""
            note = f" — {a.note}" if a.note else ""
            carried = ""
            if getattr(a, "carried_from", None) is not None and rec is not None:
                carried = " · " + self.tr("from version %1").replace("%1", str(rec.version_of(a.carried_from) or "?"))
            line = f"#{a.claim_number}{fid}: {labels.annotation_label(a.verdict)}{ipc}{note} ({a.reviewer}){carried}"
            self.annotations.addItem(line)
            self._annotation_lines.append((a.claim_number, line))
        for f in (rec.review_flags if rec is not None else ()):
            if f.open:
                where = (self.tr("claim %1").replace("%1", str(f.claim_number)) if f.claim_number is not None
                         else self.tr("claim %1 of version %2 (removed)").replace("%1", str(f.from_claim_number))
                         .replace("%2", str(rec.version_of(f.from_draft_id) or "?")))
                fid = f" F{f.field_id}" if f.field_id is not None else ""
                self.annotations.addItem(
                    "⚠ " + self.tr("Re-review %1%2: was '%3' (%4) before the claim changed")
                    .replace("%1", where).replace("%2", fid).replace("%3", labels.annotation_label(f.verdict))
                    .replace("%4", f.reviewer or "-"))
        self._show_claim_annotations()

    def _show_claim_annotations(self) -> None:
        """The annotations of the claim shown, under its text (hidden when it has none)."""
        from workbench.messages.cli import I997

        lines = [line for number, line in self._annotation_lines if number == self.current_claim and number is not None]
        if lines:
            self.claim_annotations.setText(msg(I997).render(self.language) + "\n" + "\n".join(lines))
        else:
            self.claim_annotations.clear()
        self.claim_annotations.setVisible(bool(lines))

    def set_record(self, record) -> None:
        """The log's record of the draft shown: its versions, what changed since the
        previous one (claims added / removed / amended, the verdict before and after) and
        the annotations to look at again. None: not in the log (or no versions)."""
        self.record = record
        self._render_changes()
        self._mark_changed_claims()
        if self.verdict is not None:
            self._render_header()
        if record is not None:
            self.set_annotations(record.current_annotations or record.annotations)

    def _mark_changed_claims(self) -> None:
        """In the claim tree: ✎ before an amended claim, ＋ before an added one (since the
        previous version), with the reason in its tooltip."""
        rec = self.record
        marks = {}
        if rec is not None and rec.previous is not None and self.verdict is not None \
                and rec.summary.sha256 == self.verdict.draft.sha256:
            for c in rec.changes:
                if c.kind == "amended":
                    marks[c.new_number] = ("✎ ", self.tr("amended since version %1").replace("%1", str(rec.previous.version)))
                elif c.kind == "added":
                    marks[c.new_number] = ("＋ ", self.tr("added since version %1").replace("%1", str(rec.previous.version)))
        model = self.claim_model

        def walk(parent):
            for r in range(model.rowCount(parent)):
                idx = model.index(r, 0, parent)
                item = model.itemFromIndex(idx)
                number = model.claim_number(idx)
                text = item.text().removeprefix("✎ ").removeprefix("＋ ")
                mark = marks.get(number)
                item.setText((mark[0] if mark else "") + text)
                if mark and mark[1] not in item.toolTip():
                    item.setToolTip(f"{mark[1]} — {item.toolTip()}")
                walk(idx)

        walk(QModelIndex())

    def _render_changes(self) -> None:
        rec = self.record
        prev = rec.previous if rec is not None else None
        if prev is None:
            self.changes.clear()
            self.changes.setVisible(False)
            return
        from workbench.store.versions import summary_counts

        counts = summary_counts(rec.changes)
        e = html.escape
        head = (self.tr("Changes since version %1: %2 unchanged, %3 amended, %4 added, %5 removed")
                .replace("%1", str(prev.version)).replace("%2", str(counts["unchanged"]))
                .replace("%3", str(counts["amended"])).replace("%4", str(counts["added"])).replace("%5", str(counts["removed"])))
        lines = [f"<b>{e(head)}</b>"]

        def top(fv) -> str:
            return self.tr("no field") if fv is None else f"{fv.field_id} ({labels.percent(fv.likelihood)})"

        for f in rec.review_flags:  # first: what the attorney has to look at again
            if f.open:
                where = (self.tr("claim %1").replace("%1", str(f.claim_number)) if f.claim_number is not None
                         else self.tr("claim %1 of version %2 (removed)").replace("%1", str(f.from_claim_number))
                         .replace("%2", str(rec.version_of(f.from_draft_id) or "?")))
                fid = f" F{f.field_id}" if f.field_id is not None else ""
                lines.append("⚠ " + e(self.tr("Re-review %1%2: was '%3' (%4) before the claim changed")
                                      .replace("%1", where).replace("%2", fid).replace("%3", labels.annotation_label(f.verdict))
                                      .replace("%4", f.reviewer or "-")))
        for c in rec.changes:
            if c.kind == "amended" and c.before is None and c.after is None:
                lines.append(e(self.tr("Claim %1 amended; no field found in it before or after").replace("%1", str(c.new_number))))
            elif c.kind == "amended":
                lines.append(e(self.tr("Claim %1 amended: top field %2 → %3").replace("%1", str(c.new_number))
                               .replace("%2", top(c.before)).replace("%3", top(c.after))))
            elif c.kind == "added":
                lines.append(e(self.tr("Claim %1 added: top field %2").replace("%1", str(c.new_number)).replace("%2", top(c.after))))
            elif c.kind == "removed":
                lines.append(e(self.tr("Claim %1 of version %2 removed (top field was %3)").replace("%1", str(c.old_number))
                               .replace("%2", str(prev.version)).replace("%3", top(c.before))))
            elif c.renumbered:
                lines.append(e(self.tr("Claim %1 unchanged, now claim %2").replace("%1", str(c.old_number)).replace("%2", str(c.new_number))))
        self.changes.setHtml("<small>" + "<br>".join(lines) + "</small>")
        self.changes.setVisible(True)
        self._fit_changes()

    CHANGES_MAX_LINES = 6  # beyond this the box scrolls: the claims below keep their room at 768 px

    def _fit_changes(self) -> None:
        """The changes box as tall as its text (up to CHANGES_MAX_LINES lines) at its width."""
        box = self.changes
        doc = box.document()
        doc.setTextWidth(max(200, box.viewport().width()))
        line = box.fontMetrics().lineSpacing()
        cap = self.CHANGES_MAX_LINES * line + 2 * box.frameWidth() + int(doc.documentMargin() * 2)
        box.setFixedHeight(min(cap, int(doc.size().height()) + 2 * box.frameWidth() + 2))

    # the claim tree | claim text | side panel splitter below NARROW px: at 1366 x 768 the
    # three equal panes (~260 px) left the field table's names at '12. …' beside its status,
    # likelihood and rule; the side panel gets SIDE_SHARE_NARROW, the tree a little more
    # than the text (its preambles need ~200 px beside the 'Top' column; the claim's text wraps)
    NARROW = 1000
    SIDE_SHARE_NARROW = 0.40
    TREE_SHARE_NARROW = 0.55  # of what the side panel leaves

    def _fit_splitter(self) -> None:
        if self._split_by_hand:
            return
        w = self.splitter.width() - self.splitter.handleWidth() * 2
        if w <= 0:
            return
        if w < self.NARROW:
            side = int(w * self.SIDE_SHARE_NARROW)
            tree = int((w - side) * self.TREE_SHARE_NARROW)
        else:
            side = tree = w // 3
        self.splitter.setSizes([tree, w - side - tree, side])

    def _fit_field_columns(self) -> None:
        """Status, likelihood and rule as wide as their words; the field's name takes the rest
        (elided at its end, whole in its tooltip and above the explanation)."""
        header = self.fields.horizontalHeader()
        for col in range(1, self.field_model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_splitter()
        if self.changes.isVisible():
            self._fit_changes()

    # -- claims --------------------------------------------------------------------
    def select_claim(self, number: int) -> bool:
        def walk(parent):
            for r in range(self.claim_model.rowCount(parent)):
                idx = self.claim_model.index(r, 0, parent)
                if self.claim_model.claim_number(idx) == number:
                    return idx
                found = walk(idx)
                if found is not None:
                    return found
            return None

        from PySide6.QtCore import QModelIndex

        idx = walk(QModelIndex())
        if idx is None:
            return False
        self.tree.setCurrentIndex(idx)
        self._show_claim(number)
        return True

    def _claim_selected(self, current, _previous) -> None:
        number = self.claim_model.claim_number(current)
        if number is not None and number != self.current_claim:
            self._show_claim(number)

    def _show_claim(self, number: int | None) -> None:
        self.current_claim = number
        v = self.verdict
        claim = v.claims.by_number(number) if (v and number is not None) else None
        cv = self._claim_verdicts.get(number) if number is not None else None
        fields = cv.fields if cv and cv.fields else (v.fields if v else ())
        if v is not None:  # a claim's likelihoods read it alone; the level is the whole draft's (a >99% draft showed 3%)
            top = v.top_field
            self.fields_label.setText(
                msg(S.I436, number=number, likelihood=float(top.likelihood if top else 0.0)).render(self.language)
                if cv and cv.fields else msg(S.I435).render(self.language))
        fields = self._with_known_code_fields(fields)
        self.field_model.set_fields(fields, self.language)
        self._fit_field_columns()
        self._fill_field_choices(fields)
        if self.field_model.rowCount():
            self.fields.selectRow(0)
        else:
            self.why.clear()
        ipc = cv.ipc if cv and cv.ipc else (v.ipc if v else ())
        if v is not None:
            self.ipc_label.setText((msg(S.I439, number=number) if cv and cv.ipc else msg(S.I430)).render(self.language))
        # the suggestions that reach the floor (classify/suggest_floor.py); none: say so, never list noise
        listed = confident(ipc)
        self.ipc.setText(
            "<br>".join(
                f"<b>{html.escape(s.code)}</b> {html.escape(labels.percent(s.score))} <small>{html.escape(_clip(s.title, 90))}</small>"
                for s in listed
            )
            or html.escape(msg(S.I432, floor=CONFIDENCE_FLOOR).render(self.language) if ipc else self.tr("(no IPC prediction)"))
        )
        ipc = listed
        # the whole WIPO titles (a long one is clipped above, with "…")
        self.ipc.setToolTip("\n".join(f"{s.code}: {s.title}" for s in ipc[:5] if len(s.title) > 90))
        self._render_text(claim, cv)
        self._show_claim_annotations()
        self._sync_annotate_buttons()

    def _sync_annotate_buttons(self) -> None:
        # an annotation is about a claim: without one the buttons say why they do nothing;
        # while one is being saved they wait for it (one write at a time, never twice)
        v = self.verdict
        can = v is not None and self.current_claim is not None
        for b in (self.agree_button, self.disagree_button):
            b.setEnabled(can and not self._annotating)
            b.setToolTip("" if can or v is None else self.no_claim_message())

    def set_annotating(self, busy: bool) -> None:
        """An annotation is (no longer) being written to the log: Agree/Disagree wait."""
        self._annotating = bool(busy)
        self._sync_annotate_buttons()

    @property
    def annotating(self) -> bool:
        return self._annotating

    def no_claim_message(self) -> str:
        return self.tr("No claims to annotate in this draft: record your view in the decision's rationale.")

    def _with_known_code_fields(self, fields) -> tuple:
        """A known IPC code is a fact about the whole draft, so a field it decides shows
        its draft-level verdict (likelihood 100%, with the code's reason) for every claim."""
        known = {f.field_id: f for f in (self.verdict.fields if self.verdict else ())
                 if any(code_of(r) in KNOWN_CODE_CODES for r in f.reasons)}
        if not known:
            return tuple(fields)
        return tuple(known.get(f.field_id, f) for f in fields) + tuple(
            f for fid, f in known.items() if fid not in {x.field_id for x in fields}
        )

    def _fill_field_choices(self, fields) -> None:
        self.ann_field.clear()
        self.ann_field.addItem(self.tr("(whole claim)"), None)
        for f in sorted(fields, key=lambda f: f.likelihood, reverse=True):
            self.ann_field.addItem(f"{_fname(f, self.language)} ({labels.percent(f.likelihood)})", f.field_id)
        # a claim with no field of its own starts at "(whole claim)": never at the draft's top field
        if self.ann_field.count() > 1 and self.claim_fields(self.current_claim):
            self.ann_field.setCurrentIndex(1)

    def claim_fields(self, number: int | None) -> tuple:
        """The fields screened for claim ``number`` itself (with a known code's field), not the
        draft's: empty for a claim no field was found in."""
        cv = self._claim_verdicts.get(number) if number is not None else None
        return self._with_known_code_fields(cv.fields) if cv and cv.fields else ()

    def _draft_words(self):
        """The words of the current draft (cached), to tell a hyphenated word from a PDF's
        end-of-line hyphen."""
        draft = self.verdict.draft if self.verdict else None
        if draft is None:
            return None
        key = (draft.sha256, len(draft.text))
        if getattr(self, "_words_key", None) != key:
            self._words_key, self._words = key, reader_words(draft.text)
        return self._words

    def _render_text(self, claim, cv) -> None:
        self.text.clear()
        if claim is None:
            self.legend.clear()
            self.highlighted = []
            if self.verdict is not None:  # the text it was screened on, under why there is no claim
                cursor = QTextCursor(self.text.document())
                bold = QTextCharFormat()
                bold.setFontWeight(700)
                cursor.insertText(self.tr("This draft has no claims section; it was screened as a whole text.") + "\n\n", bold)
                base = cursor.position()
                cursor.insertText(self.verdict.draft.text, QTextCharFormat())
                self._mark_whole_text(base)
                self.text.moveCursor(QTextCursor.MoveOperation.Start)
            return
        kind = self.tr("Independent claim") if claim.independent else self.tr("Dependent claim")
        if claim.category and claim.category != "other":
            kind += f" ({labels.category_label(claim.category)})"
        deps = ", ".join(str(d) for d in claim.depends_on)
        head = self.tr("Claim %1").replace("%1", str(claim.number)) + f" — {kind}"
        if deps:
            head += " (" + self.tr("refers to claim(s) %1").replace("%1", deps) + ")"
        cursor = QTextCursor(self.text.document())
        bold = QTextCharFormat()
        bold.setFontWeight(700)
        cursor.insertText(head + "\n\n", bold)
        base = cursor.position()
        # the claim as a reader sees it (PDF line breaks and end-of-line hyphens joined);
        # evidence offsets index the stored text and are mapped onto what is shown
        shown, where = reader_text(claim.text, self._draft_words())
        cursor.insertText(shown, QTextCharFormat())
        spans = [e for e in (cv.evidence if cv else ()) if e.source == "claim" and 0 <= e.start < e.end <= len(claim.text)]
        names = {}
        for f in (cv.fields if cv else ()):
            names[f.field_id] = _fname(f, self.language)
        for e in spans:
            c = QTextCursor(self.text.document())
            c.setPosition(base + where[e.start])
            c.setPosition(base + where[e.end], QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(labels.field_colour(e.field_id))
            fmt.setToolTip(f"{names.get(e.field_id, e.field_id)}: {e.term}")
            c.mergeCharFormat(fmt)
            names.setdefault(e.field_id, str(e.field_id))
        self.highlighted = [(e.field_id, claim.text[e.start : e.end]) for e in spans]
        used = sorted({e.field_id for e in spans})
        if used:
            chips = " ".join(
                f"<span style='background:{labels.field_colour(fid).name()}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> {html.escape(names[fid])}"
                for fid in used
            )
            evidence = html.escape(self.tr("Evidence:"))
            self.legend.setText(f"<small>{evidence} {chips}</small>")
        else:
            nothing = html.escape(self.tr("No evidence terms found in this claim."))
            self.legend.setText(f"<small>{nothing}</small>")
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def _mark_whole_text(self, base: int) -> None:
        """The evidence terms of a draft screened as a whole text, marked where they stand in
        it (the verdict named them, the text showed nothing). A span is marked only where the
        draft's text there is the term itself: some sources give offsets into their section."""
        v = self.verdict
        text = v.draft.text
        names, spans = {}, []
        for f in v.fields:
            for e in f.evidence:
                if 0 <= e.start < e.end <= len(text) and text[e.start:e.end].casefold() == e.term.casefold():
                    spans.append((e.start, e.end, f.field_id))
                    names[f.field_id] = _fname(f, self.language)
        spans = sorted(set(spans))
        last, qpos = 0, 0  # Qt counts UTF-16 units: a character beyond the BMP takes two
        for start, end, fid in spans:
            qpos += len(text[last:start].encode("utf-16-le")) // 2
            qend = qpos + len(text[start:end].encode("utf-16-le")) // 2
            c = QTextCursor(self.text.document())
            c.setPosition(base + qpos)
            c.setPosition(base + qend, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(labels.field_colour(fid))
            fmt.setToolTip(f"{names[fid]}: {text[start:end]}")
            c.mergeCharFormat(fmt)
            last = start
        self.highlighted = [(fid, text[start:end]) for start, end, fid in spans]
        if spans:
            chips = " ".join(
                f"<span style='background:{labels.field_colour(fid).name()}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> {html.escape(names[fid])}"
                for fid in sorted(names)
            )
            self.legend.setText(f"<small>{html.escape(self.tr('Evidence:'))} {chips}</small>")

    def _field_selected(self, current, _prev) -> None:
        if current.isValid():
            fv = self.field_model.field_at(current.row())
            i = self.ann_field.findData(fv.field_id)
            if i >= 0 and self.claim_fields(self.current_claim):  # a claim without a field stays "(whole claim)"
                self.ann_field.setCurrentIndex(i)
            self.why.setHtml(self._explain(fv))

    def _explain(self, fv) -> str:
        """Why a field scored: the engine's reasons, the evidence found outside the claims
        (title, abstract, technical field, predicted IPC codes), whether its rule is verified."""
        draft_level = next((f for f in (self.verdict.fields if self.verdict else ()) if f.field_id == fv.field_id), None)
        # the claim's own reasons, then the whole draft's under their own heading (listed one after the
        # other they gave one field two likelihoods, with nothing saying which was the claim's)
        reasons = list(dict.fromkeys(fv.reasons))[:4]
        whole = [] if draft_level is None or draft_level == fv else \
            [r for r in dict.fromkeys(draft_level.reasons) if r not in reasons][:4]
        outside = []
        for e in (draft_level.evidence if draft_level else ()):
            if e.source != "claim":
                item = f"{self._source_label(e.source)}: {e.term}"
                if item not in outside:
                    outside.append(item)
        parts = [f"<b>{html.escape(_fname(fv, self.language))}</b> — {html.escape(labels.verified_label(fv.verified))}"]
        parts += [f"• {html.escape(r)}" for r in render_all(reasons, self.language)]
        if whole:
            from workbench.messages.cli import I998

            parts.append(html.escape(msg(I998).render(self.language)))
            parts += [f"• {html.escape(r)}" for r in render_all(whole, self.language)]
        if outside:
            parts.append(html.escape(self.tr("Also found in: %1").replace("%1", "; ".join(outside[:8]))))
        return "<small>" + "<br>".join(parts) + "</small>"

    def _source_label(self, source: str) -> str:
        """Where outside the claims an evidence item was found (Evidence.source)."""
        return {
            "title": self.tr("title"),
            "abstract": self.tr("abstract"),
            "technical_field": self.tr("technical field"),
            "description": self.tr("description"),
            "ipc": self.tr("predicted IPC"),
        }.get(source, source)

    # -- user actions --------------------------------------------------------------
    def answers(self) -> AdditionalAnswers:
        return AdditionalAnswers(defence_use=self.defence.value(), state_commissioned=self.state.value())

    def _answers_changed(self) -> None:
        if self.verdict is not None and self.answers() != self.verdict.answers:
            self.answers_changed.emit(self.answers())

    def ipc_codes(self) -> list[str]:
        return split_ipc_codes(self.known_ipc.text())

    def set_ipc_codes(self, codes) -> None:
        """Show the codes in use for the draft on screen (they travel with the draft)."""
        self.known_ipc.setText(", ".join(codes or ()))

    def apply_ipc_codes(self) -> None:
        if self.verdict is not None:
            self.ipc_codes_applied.emit(self.ipc_codes())

    def request_annotation(self, verdict: str) -> None:
        if self.verdict is None or self.current_claim is None or self._annotating:
            return
        self.annotation_requested.emit(
            {
                "claim_number": self.current_claim,
                "field_id": self.ann_field.currentData(),
                "verdict": verdict,
                "note": self.ann_note.text().strip(),
                "corrected_ipc": self.ann_ipc.text().strip() or None,
            }
        )

    def stage_annotation(self, verdict: str) -> str | None:
        """Ctrl+1 / Ctrl+2: hold an annotation of the claim shown against the field chosen,
        named on screen, until it is saved or undone. Returns why not (a message) when there
        is nothing to annotate: no claim, a claim without a field, no field chosen."""
        if self.verdict is None or self.current_claim is None:
            return self.no_claim_message()
        own = self.claim_fields(self.current_claim)
        if not own:
            return self.tr("Claim %1 has no field flagged: there is no flag to agree or disagree with.").replace(
                "%1", str(self.current_claim))
        fid = self.ann_field.currentData()
        field = next((f for f in own if f.field_id == fid), None)
        if field is None:
            return self.tr("Choose the field of claim %1 to annotate first (Field, in the annotation panel).").replace(
                "%1", str(self.current_claim))
        self.pending = {
            "claim_number": self.current_claim, "field_id": fid, "verdict": verdict,
            "note": self.ann_note.text().strip(), "corrected_ipc": self.ann_ipc.text().strip() or None,
        }
        self.pending_label.setText(self.pending_text())
        self.pending_box.setVisible(True)
        self.annotation_staged.emit(dict(self.pending))
        return None

    def pending_text(self) -> str:
        """What the pending annotation is, in words: its verdict, claim and field."""
        p = self.pending
        if p is None:
            return ""
        fv = next((f for f in self.claim_fields(p["claim_number"]) if f.field_id == p["field_id"]), None)
        name = _fname(fv, self.language) if fv is not None else str(p["field_id"])
        text = (self.tr("Agree with field %1 on claim %2") if p["verdict"] == "agree"
                else self.tr("Disagree with field %1 on claim %2"))
        return text.replace("%1", name).replace("%2", str(p["claim_number"])) + " — " + self.tr(
            "not saved yet: Save (Ctrl+S) or Undo (Ctrl+Z)")

    def save_pending(self) -> bool:
        """Record the pending annotation (once: it waits while another write is saved)."""
        if self.pending is None or self._annotating:
            return False
        values = dict(self.pending)
        self.pending = None
        self.pending_box.setVisible(False)
        self.annotation_staged.emit(None)
        self.annotation_requested.emit(values)
        return True

    def undo_pending(self) -> dict | None:
        """Drop the pending annotation (nothing was recorded); returns what it was."""
        was, self.pending = self.pending, None
        self.pending_box.setVisible(False)
        if was is not None:
            self.annotation_staged.emit(None)
        return was

    def annotation_saved(self, values: dict | None = None) -> None:
        """The annotation is stored: clear its note and IPC - unless ``values`` (what was
        stored) no longer matches what is typed (typed while it was being saved: kept)."""
        if values is None or self.ann_note.text().strip() == (values.get("note") or ""):
            self.ann_note.clear()
        if values is None or (self.ann_ipc.text().strip() or None) == values.get("corrected_ipc"):
            self.ann_ipc.clear()


def _clip(text: str, n: int) -> str:
    """``text`` cut to at most ``n`` characters at a word boundary, marked with "…"."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[: n - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > n // 2 else cut).rstrip(" ,;") + "…"


def _wrapped(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    return label


def _fname(fv, language: str) -> str:
    name = (fv.name_ja if language == "ja" else fv.name_en) or fv.name_en or fv.name_ja
    return f"{fv.field_id}. {name}" if name else str(fv.field_id)
