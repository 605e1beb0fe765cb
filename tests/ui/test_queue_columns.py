"""The review queue's columns: at 1366 px (a laptop) the decision and both key dates are
on screen without a horizontal scroll bar, every column shown is whole, a column that does
not fit is hidden (the top field first, its name in the level's tooltip) rather than cut;
a wide pane shows every column whole; a column the reviewer sized by hand keeps its width."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter

from workbench.ui.models.queue import COL_DECISION, COL_DUE_3M, COL_FIELD, COL_FREE_10M, COL_LEVEL, COL_NAME, N_COLUMNS
from workbench.ui.queue_view import FLOOR
from workbench.ui.rows import QueueRow

LONG_FIELD = "12. Submarines and submersibles (pressure hulls, hydrophone arrays, propulsion)"
ROWS = [
    QueueRow(key="k1", name="draft_en_underwater_vehicle_with_passive_sonar.txt", level="likely",
             top_field=LONG_FIELD, likelihood=0.98, decision="file_jp_first", primary_review_due="2026-04-30",
             foreign_filing_free="2026-11-30"),
    QueueRow(key="k2", name="draft_ja_quantum_dot_detector.txt", level="likely",
             top_field="23. 量子ドット・超格子構造を用いた赤外線検出器", likelihood=0.46),
    QueueRow(key="k3", name="coffee.txt", level="review", top_field="", likelihood=0.004),
]


def _settled(win, qtbot) -> None:
    """Wait for what a change set going, not for a fixed time: the posted resize and layout
    events delivered, then the queue's coalesced column fit (a zero-interval timer) run."""
    QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: not win.queue._fit_timer.isActive(), timeout=2000)
    QCoreApplication.processEvents()


def _show(win, qtbot, width: int) -> None:
    win.resize(width, 820)
    win.show()
    qtbot.waitExposed(win)
    for r in ROWS:
        win.queue_model.upsert(r)
    _settled(win, qtbot)


def _right_edge(view, col: int) -> int:
    return view.columnViewportPosition(col) + view.columnWidth(col)


def _fully_visible(view) -> list[int]:
    w = view.viewport().width()
    return [c for c in range(N_COLUMNS) if not view.isColumnHidden(c) and view.columnViewportPosition(c) >= 0 and _right_edge(view, c) <= w]


def test_at_1366_px_the_decision_and_dates_show_without_scrolling(window, qtbot):
    _show(window, qtbot, 1366)
    q = window.queue
    width = q.viewport().width()
    shown = q.shown_columns()
    assert {COL_NAME, COL_LEVEL, COL_DECISION, COL_DUE_3M, COL_FREE_10M} <= set(shown)
    assert q.horizontalScrollBar().maximum() == 0
    assert all(_right_edge(q, c) <= width for c in shown)  # every column shown is whole
    assert set(_fully_visible(q)) == set(shown)
    hidden = [c for c in range(N_COLUMNS) if c not in shown]
    assert all(q.isColumnHidden(c) for c in hidden)  # hidden, never half behind the edge
    proxy = q.model()
    row = next(i for i in range(proxy.rowCount()) if proxy.index(i, COL_NAME).data() == ROWS[0].name)
    if COL_FIELD in hidden:  # the top field is still one hover away
        assert LONG_FIELD in proxy.index(row, COL_LEVEL).data(Qt.ItemDataRole.ToolTipRole)
    else:
        assert proxy.index(row, COL_FIELD).data(Qt.ItemDataRole.ToolTipRole) == LONG_FIELD
    assert proxy.index(row, COL_DUE_3M).data() == "2026-04-30" and proxy.index(row, COL_FREE_10M).data() == "2026-11-30"


def test_a_wide_window_shows_whole_columns_and_gives_the_field_its_full_width(window, qtbot):
    _show(window, qtbot, 2600)
    split = window.queue.parentWidget().parentWidget()  # queue pane | tabs
    assert isinstance(split, QSplitter)
    split.setSizes([1300, 1300])
    _settled(window, qtbot)
    q = window.queue
    width = q.viewport().width()
    visible = _fully_visible(q)
    assert COL_FIELD in visible and COL_DECISION in visible
    assert q.columnWidth(COL_FIELD) >= q.fontMetrics().horizontalAdvance(LONG_FIELD)  # nothing elided
    assert set(visible) == set(range(N_COLUMNS))  # a wide pane shows them all, whole
    assert max(_right_edge(q, c) for c in visible) == width  # filling the pane exactly, no gap, no cut


def test_a_column_sized_by_hand_keeps_its_width(window, qtbot):
    _show(window, qtbot, 1366)
    q = window.queue
    q.horizontalHeader().resizeSection(COL_NAME, 260)  # as a drag on the header border does
    assert not q.auto_fit
    window.resize(1500, 820)
    _settled(window, qtbot)
    assert q.columnWidth(COL_NAME) == 260


def test_the_managers_columns_show_decision_status_and_both_dates_at_1366_x_768(window, qtbot):
    """View ▸ Manager's columns (on by default for a team log's manager): at 1366 x 768 the
    decision (with its override status, whole in the tooltip) and the 3- and 10-month dates
    come right after the level, inside the narrow queue pane with the likelihood, not reached
    by scrolling; off again, the reviewer's order comes back (still with decision and dates)."""
    from dataclasses import replace

    from workbench.ui.models.queue import COL_LIKELIHOOD
    from workbench.ui.queue_view import MANAGER_ORDER

    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    for r in ROWS:
        window.queue_model.upsert(r)
    window.queue_model.upsert(replace(ROWS[0], override="pending", decision="clear_abroad"))
    q = window.queue
    header = q.horizontalHeader()
    assert [header.logicalIndex(v) for v in range(N_COLUMNS)] == list(range(N_COLUMNS))  # the reviewer's order
    window.act_manager_columns.setChecked(True)
    _settled(window, qtbot)
    assert [header.logicalIndex(v) for v in range(N_COLUMNS)] == list(MANAGER_ORDER)
    width = q.viewport().width()
    assert width < 600 and q.horizontalScrollBar().maximum() == 0
    for col in (COL_NAME, COL_LEVEL, COL_DECISION, COL_DUE_3M, COL_FREE_10M, COL_LIKELIHOOD):
        assert not q.isColumnHidden(col) and q.columnViewportPosition(col) >= 0 and _right_edge(q, col) <= width, col
    assert all(_right_edge(q, c) <= width for c in q.shown_columns())  # every column shown is whole
    proxy = q.model()
    row = next(i for i in range(proxy.rowCount()) if proxy.index(i, COL_NAME).data() == ROWS[0].name)
    assert proxy.index(row, COL_DUE_3M).data() == "2026-04-30" and proxy.index(row, COL_FREE_10M).data() == "2026-11-30"
    assert "pending" in proxy.index(row, COL_DECISION).data(Qt.ItemDataRole.ToolTipRole)
    window.act_manager_columns.setChecked(False)  # back to the reviewer's order
    _settled(window, qtbot)
    assert [header.logicalIndex(v) for v in range(N_COLUMNS)] == list(range(N_COLUMNS))
    assert {COL_LEVEL, COL_LIKELIHOOD, COL_DECISION, COL_DUE_3M, COL_FREE_10M} <= set(_fully_visible(q))
