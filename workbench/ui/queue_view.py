"""The review queue's table view: columns sized for a narrow pane.

The queue pane is narrow (about a third of a 1360 px window), so the columns a reviewer
reads first - draft, triage level, likelihood, top field - are fitted into it: the level
and likelihood at their content width, the draft name between NAME_MIN and NAME_MAX, and
the top field gets the room that is left (at least FIELD_MIN; in a pane too narrow for
that, name and field share what is left, down to FLOOR each). Longer texts are elided
with "…" and shown whole in their tooltips. The decision, status and key-date columns
follow at their content width, reached by scrolling right; when the pane is wide enough
for every column, the top field takes the spare width so nothing is cut at the edge.
Once the reviewer drags a column border, their widths are kept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableView

from workbench.ui.models.queue import (
    COL_DECISION,
    COL_DUE_3M,
    COL_FIELD,
    COL_FREE_10M,
    COL_LEVEL,
    COL_LIKELIHOOD,
    COL_NAME,
    COL_STATUS,
)

NAME_MIN, NAME_MAX = 120, 200
FIELD_MIN = 120
FLOOR = 80  # below this a column is useless: the pane scrolls instead
FIT_ROWS = 200  # rows measured beyond the visible ones when fitting (Qt's default: 1000)
FIRST = (COL_NAME, COL_LEVEL, COL_LIKELIHOOD, COL_FIELD)  # fitted into the visible width
# The manager's columns (View ▸ Manager's columns; on by default for a team log's manager):
# draft, level, the decision (with its override status) and the 3- and 10-month dates first,
# the decision taking the room that is left (elided, whole in its tooltip) as the field does.
MANAGER_ORDER = (COL_NAME, COL_LEVEL, COL_DECISION, COL_DUE_3M, COL_FREE_10M, COL_STATUS, COL_LIKELIHOOD, COL_FIELD)


class MiddleElideDelegate(QStyledItemDelegate):
    """Elides in the middle: draft file names share their beginnings (draft_en_…,
    PatentPublicData_pap_US…), so 'draft_…detector.txt' tells them apart where
    'draft_ja_q…' does not."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class QueueView(QTableView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._name_delegate = MiddleElideDelegate(self)
        self.setItemDelegateForColumn(COL_NAME, self._name_delegate)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the queue (arrow keys move between rows)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)  # fit_columns fills the width itself
        header.setMinimumSectionSize(40)
        # fitting measures the rows on screen and up to this many more, not every row of a
        # year's log (1,000 drafts: 0.34 s on every refresh, e.g. after each decision saved)
        header.setResizeContentsPrecision(FIT_ROWS)
        header.sectionResized.connect(self._section_resized)
        self._fitting = False
        self.manager_columns = False
        self.auto_fit = True  # False once the reviewer has sized a column by hand
        # content changes come in bursts (a batch's rows, refresh_log's upserts): fitting
        # measures every cell, so one fit per burst, not one per row (50 rows at the end
        # of a batch stalled the window ~600 ms, measured by benchmarks/gui.py)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)

    # -- sizing ----------------------------------------------------------------------
    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        old = self.model()
        if old is not None:
            for sig in (old.modelReset, old.layoutChanged, old.rowsInserted, old.rowsRemoved, old.dataChanged):
                try:
                    sig.disconnect(self._content_changed)
                except (RuntimeError, TypeError):
                    pass
        super().setModel(model)
        if model is not None:
            for sig in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved, model.dataChanged):
                sig.connect(self._content_changed)
        self.fit_columns()

    def _content_changed(self, *_) -> None:
        self._fit_timer.start()  # coalesced: fitted once the burst of changes is over

    def _section_resized(self, *_) -> None:
        if not self._fitting:
            self.auto_fit = False

    def content_width(self, col: int) -> int:
        """What a column needs to show its header and its widest cell."""
        return max(self.sizeHintForColumn(col), self.horizontalHeader().sectionSizeHint(col))

    def set_manager_columns(self, on: bool) -> None:
        """The manager's order (MANAGER_ORDER): decision status and the key dates visible in
        the narrow pane; off: the reviewer's (model) order."""
        self.manager_columns = bool(on)
        header = self.horizontalHeader()
        order = MANAGER_ORDER if on else tuple(range(self.model().columnCount() if self.model() else len(MANAGER_ORDER)))
        self._fitting = True
        try:
            for pos, col in enumerate(order):
                header.moveSection(header.visualIndex(col), pos)
        finally:
            self._fitting = False
        self.fit_columns()

    def fit_columns(self) -> None:
        model = self.model()
        if not self.auto_fit or model is None or self._fitting:
            return
        n = model.columnCount()
        if n <= max(FIRST):
            return
        manager = self.manager_columns
        flex = COL_DECISION if manager else COL_FIELD  # the column that takes what is left
        fixed = (COL_LEVEL, COL_DUE_3M, COL_FREE_10M) if manager else (COL_LEVEL, COL_LIKELIHOOD)
        first = (COL_NAME, *fixed, flex)
        avail = self.viewport().width()
        want = {c: self.content_width(c) for c in range(n)}
        if manager:  # the dates at their cells' width: the long headers elide (whole in their tooltips)
            for c in (COL_DUE_3M, COL_FREE_10M):
                want[c] = max(FLOOR, self.sizeHintForColumn(c))
        widths = dict(want)
        widths[COL_NAME] = min(NAME_MAX, max(NAME_MIN, want[COL_NAME]))
        rest = avail - sum(widths[c] for c in fixed)
        if rest - widths[COL_NAME] < FIELD_MIN:  # a narrow pane: name and the flexible column share the rest
            widths[COL_NAME] = max(FLOOR, min(widths[COL_NAME], rest // 2))
            widths[flex] = max(FLOOR, rest - widths[COL_NAME])
        else:
            room = rest - widths[COL_NAME]
            field = min(max(FIELD_MIN, want[flex]), room)
            spare = room - field
            header = self.horizontalHeader()
            for vis in range(n):  # the later columns (as shown) that fit whole are shown whole ...
                col = header.logicalIndex(vis)
                if col in first:
                    continue
                if widths[col] > spare:
                    break
                spare -= widths[col]
            widths[flex] = field + spare  # ... and the flexible column takes what is left: none is cut at the edge
        self._fitting = True
        try:
            for col, width in widths.items():
                if self.columnWidth(col) != width:
                    self.setColumnWidth(col, width)
        finally:
            self._fitting = False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name; also called when the viewport resizes
        super().resizeEvent(event)
        self.fit_columns()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.fit_columns()
