"""The review queue's table view: every column it shows is whole, none needs scrolling.

The queue pane is about a third of the window (455 px at 1366 x 768, 640 px at 1920 x
1080). What a reviewer reads first must be on screen without a horizontal scroll bar: the
draft, its triage level and likelihood, its decision (sign-off state included) and the two
key dates. The columns are placed in :data:`PRIORITY` order at their content width (the
draft name between NAME_MIN and NAME_MAX, the decision at most DECISION_MAX, elided with
"…" and whole in their tooltips); a column that no longer fits is hidden rather than pushed
behind a scroll bar, the top field first (the draft view heads with it, and its tooltip on
the level says it), then the status. Spare width goes to the top field, else to the name.
The manager's columns (View menu; on by default for a team log's manager) show and give
room in :data:`MANAGER_ORDER` instead: the decision and the two dates right after the
level, and the decision takes the spare width. Once the reviewer drags a column border,
their widths are kept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QStyledItemDelegate, QTableView

from workbench.ui.models.queue import (
    COL_DECISION,
    COL_DUE_3M,
    COL_FIELD,
    COL_FREE_10M,
    COL_LEVEL,
    COL_LIKELIHOOD,
    COL_NAME,
    COL_STATUS,
    ROW_ROLE,
)

NAME_MIN, NAME_MAX = 90, 220
DECISION_MIN, DECISION_MAX = 90, 190
FIELD_MIN = 120
FLOOR = 80  # a column narrower than this is not worth showing
FIT_ROWS = 200  # rows measured beyond the visible ones when fitting (Qt's default: 1000)
FIRST = (COL_NAME, COL_LEVEL, COL_LIKELIHOOD, COL_FIELD)  # kept for callers: the columns read first
# the order columns are given room in; any other column (a later one) comes after these
PRIORITY = (COL_NAME, COL_LEVEL, COL_LIKELIHOOD, COL_DECISION, COL_DUE_3M, COL_FREE_10M, COL_FIELD, COL_STATUS)
# The manager's columns (View ▸ Manager's columns; on by default for a team log's manager):
# draft, level, the decision (with its override status) and the 3- and 10-month dates first
# (as shown and in the order they get room), the decision taking the room that is left
# (elided, whole in its tooltip) as the field does in the reviewer's order.
MANAGER_ORDER = (COL_NAME, COL_LEVEL, COL_DECISION, COL_DUE_3M, COL_FREE_10M, COL_LIKELIHOOD, COL_STATUS, COL_FIELD)


ELLIPSIS = "\u2026"


def _shared_ends(names: list[str]) -> dict[str, tuple[int, int]]:
    """name -> (the longest beginning, the longest ending) it shares with another name of
    the list (neighbours in sorted order share the longest ones)."""
    out = {n: [0, 0] for n in names}
    for which, key in ((0, lambda n: n), (1, lambda n: n[::-1])):
        ordered = sorted({key(n) for n in names})
        for a, b in zip(ordered, ordered[1:]):
            k = 0
            while k < min(len(a), len(b)) and a[k] == b[k]:
                k += 1
            for n in (a, b):
                name = key(n)  # (a reversal is its own inverse)
                out[name][which] = max(out[name][which], k)
    return {n: (p, s) for n, (p, s) in out.items()}


def distinct_elide(text: str, width: int, advance, elide_middle, shared: tuple[int, int] = (0, 0)) -> str:
    """``text`` shortened to ``width`` so that it still differs from the names it shares its
    ends with: ``shared`` = (the longest beginning, the longest ending) another name has in
    common with it. Qt's middle elision keeps both ends - 'draft_j…ker.txt' for both
    draft_ja_ir_seeker.txt and draft_ja_rice_cooker.txt - so where the kept ends lie inside
    the shared ones, the part that tells them apart is kept instead: the end ('…seeker.txt'),
    else the text from where it starts to differ ('…ir_se…txt'). ``advance(str)`` is the
    width of a text, ``elide_middle(str, width)`` Qt's middle elision."""
    if advance(text) <= width:
        return text
    prefix, suffix = shared

    def tells_apart(shown: str) -> bool:
        if ELLIPSIS not in shown:
            return True
        head, _, rest = shown.partition(ELLIPSIS)
        tail = rest.rpartition(ELLIPSIS)[2]
        return len(head) > prefix or len(tail) > suffix

    middle = elide_middle(text, width)
    if tells_apart(middle):
        return middle
    # 1. the end: as much of it as fits after '…'
    k = 0
    while k < len(text) and advance(ELLIPSIS + text[len(text) - k - 1:]) <= width:
        k += 1
    if k > suffix:
        return ELLIPSIS + text[len(text) - k:]
    # 2. from just before the first character no other name shares at the start, middle-elided
    start = max(0, prefix - 1)
    rest = elide_middle(text[start:], max(0, width - advance(ELLIPSIS)))
    if len(rest.partition(ELLIPSIS)[0]) >= (2 if start else 1):  # it shows where this name starts to differ
        return ELLIPSIS + rest if start else rest
    return middle


class MiddleElideDelegate(QStyledItemDelegate):
    """Elides in the middle: draft file names share their beginnings (draft_en_…,
    PatentPublicData_pap_US…), so 'draft_…detector.txt' tells them apart where
    'draft_ja_q…' does not; where two names would still shorten alike (their ends are
    shared too) the part that tells them apart is kept (:func:`distinct_elide`). A matter's
    version (' · v2') is never elided; the tooltip has the whole path."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._shared: dict[str, tuple[int, int]] | None = None

    def names_changed(self, *_) -> None:
        self._shared = None

    def _shared_for(self, index, name: str) -> tuple[int, int]:
        if self._shared is None:
            model = index.model()
            source = model.sourceModel() if hasattr(model, "sourceModel") else model
            rows = getattr(source, "rows", ())  # (QueueModel.rows: a property)
            self._shared = _shared_ends([r.name for r in rows])
        return self._shared.get(name, (0, 0))

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle
        row = index.data(ROW_ROLE)
        text = option.text or ""
        if row is None or not text.startswith(row.name) or option.rect.width() <= 0:
            return
        name, version = row.name, text[len(row.name):]  # ' · v2' stays whole
        fm = option.fontMetrics
        style = option.widget.style() if option.widget is not None else None
        margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1) if style else 3
        width = option.rect.width() - 2 * margin - 2 - fm.horizontalAdvance(version)
        if fm.horizontalAdvance(text) <= option.rect.width() - 2 * margin:
            return
        shown = distinct_elide(name, width, fm.horizontalAdvance,
                               lambda t, w: fm.elidedText(t, Qt.TextElideMode.ElideMiddle, w),
                               self._shared_for(index, name))
        option.text = shown + version


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
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # nothing hides behind a scroll
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
        self._fit_timer.timeout.connect(self._fit_after_changes)
        # what the last fit measured per column, and the rows changed since: a change to a
        # few rows (a decision saved, another client's draft) measures those rows only and
        # fits again only when one of them is wider; measuring the queue again took ~0.9 s
        # of each 'Save decision' on a 10,000-draft team log (benchmarks/team_log.py)
        self._want: dict[int, int] | None = None
        self._changed_rows: set[int] = set()
        self._refit_all = False
        self._from_cache = False

    # -- sizing ----------------------------------------------------------------------
    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        old = self.model()
        if old is not None:
            for sig, slot in self._watch(old):
                try:
                    sig.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass
        super().setModel(model)
        if model is not None:
            for sig, slot in self._watch(model):
                sig.connect(slot)
            for sig in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved, model.dataChanged):
                sig.connect(self._name_delegate.names_changed)  # the names told apart from each other
        self._name_delegate.names_changed()
        self._want = None
        self.fit_columns()

    def _watch(self, model) -> tuple:
        # (rows removed, e.g. a matter's earlier version giving its row to the newest, can
        # only narrow a column: the widths stay until the next full fit)
        return ((model.modelReset, self._content_changed), (model.layoutChanged, self._content_changed),
                (model.rowsInserted, self._rows_inserted), (model.dataChanged, self._data_changed))

    def _content_changed(self, *_) -> None:
        """Coalesced: fitted once the burst of changes is over (a reset, a new order: every
        column measured again)."""
        self._refit_all = True
        self._fit_timer.start()

    def _rows_inserted(self, _parent, first: int, last: int) -> None:
        self._some_rows_changed(range(first, last + 1))

    def _data_changed(self, top_left, bottom_right, *_roles) -> None:
        self._some_rows_changed(range(top_left.row(), bottom_right.row() + 1))

    def _some_rows_changed(self, rows: range) -> None:
        if len(self._changed_rows) + len(rows) > FIT_ROWS:
            self._refit_all = True  # a burst as long as a fit measures: fit all
        elif not self._refit_all:
            self._changed_rows.update(rows)
        self._fit_timer.start()

    def _fit_after_changes(self) -> None:
        rows, self._changed_rows = self._changed_rows, set()
        refit_all, self._refit_all = self._refit_all, False
        model, cells = self.model(), self._want
        if refit_all or cells is None or model is None:
            self.fit_columns()
            return
        grid = 1 if self.showGrid() else 0
        wider = False
        for col in range(model.columnCount()):  # only the rows that changed: is one wider?
            widest = max((self.sizeHintForIndex(model.index(r, col)).width() + grid
                          for r in rows if r < model.rowCount()), default=0)
            if widest > cells.get(col, 0):
                cells[col] = widest
                wider = True
        if wider:
            self._fit_cached()

    def _fit_cached(self) -> None:
        """Fit with the cells' widths measured before (and widened since), not measured again."""
        self._from_cache = True
        try:
            self.fit_columns()
        finally:
            self._from_cache = False

    def _section_resized(self, *_) -> None:
        if not self._fitting:
            self.auto_fit = False

    def content_width(self, col: int) -> int:
        """What a column needs to show its header and its widest cell (measured from the
        header's text too: Qt gives no size hint for a hidden section)."""
        header = self.horizontalHeader()
        if not self.isColumnHidden(col):
            return max(self.sizeHintForColumn(col), header.sectionSizeHint(col))
        text = str(self.model().headerData(col, Qt.Orientation.Horizontal) or "")
        widest = max((header.fontMetrics().horizontalAdvance(line) for line in text.split("\n")), default=0)
        head = widest + 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 4
        if header.sortIndicatorSection() == col:
            head += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize)
        return max(self.sizeHintForColumn(col), head)

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
        if n <= COL_NAME:
            return
        flex = COL_DECISION if self.manager_columns else COL_FIELD  # the column that takes what is left
        avail = self.viewport().width()
        if not self._from_cache or self._want is None or len(self._want) != n:
            self._want = {c: self.sizeHintForColumn(c) for c in range(n)}  # the cells (visible + FIT_ROWS rows)
        header_hint = self.horizontalHeader().sectionSizeHint
        want = {c: max(self._want[c], header_hint(c)) for c in range(n)}  # as content_width(c)
        priority = MANAGER_ORDER if self.manager_columns else PRIORITY
        order = [c for c in priority if c < n] + [c for c in range(n) if c not in priority]
        cap = {COL_NAME: NAME_MAX, COL_DECISION: DECISION_MAX}
        full = {c: min(want[c], cap.get(c, want[c])) for c in order}
        least = dict(full)
        least[COL_NAME] = min(full[COL_NAME], NAME_MIN)
        if COL_DECISION in least:
            least[COL_DECISION] = min(full[COL_DECISION], DECISION_MIN)
        if COL_FIELD in least:
            least[COL_FIELD] = min(full[COL_FIELD], FIELD_MIN)
        # 1. in priority order, every column that fits at its least width is shown
        shown: list[int] = []
        used = 0
        for c in order:  # strictly in order: a column is shown only when every one before it is
            if used + least[c] <= avail or c == COL_NAME:
                shown.append(c)
                used += least[c]
            else:
                break
        widths = {c: least[c] for c in shown}
        # 2. the room left lets the shrunk columns grow back, in priority order ...
        spare = avail - used
        for c in (COL_NAME, COL_DECISION, COL_FIELD):
            if c in shown and spare > 0:
                grow = min(spare, full[c] - widths[c])
                widths[c] += grow
                spare -= grow
        # 3. ... and what is still left goes to the flexible column (else the name): the columns end at the edge
        if spare > 0:
            widths[flex if flex in shown else COL_NAME] += spare
        elif spare < 0:  # a pane narrower than the name's least: the name takes what there is
            widths[COL_NAME] = max(40, widths[COL_NAME] + spare)
        self._fitting = True
        try:
            for c in range(n):
                hide = c not in shown
                if self.isColumnHidden(c) != hide:
                    self.setColumnHidden(c, hide)
                if not hide and self.columnWidth(c) != widths[c]:
                    self.setColumnWidth(c, widths[c])
        finally:
            self._fitting = False

    def shown_columns(self) -> list[int]:
        """The columns on screen (for tests and screen readers)."""
        model = self.model()
        return [c for c in range(model.columnCount() if model else 0) if not self.isColumnHidden(c)]

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name; also called when the viewport resizes
        super().resizeEvent(event)
        self._fit_cached()  # the same cells in another width: not measured again

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.fit_columns()
