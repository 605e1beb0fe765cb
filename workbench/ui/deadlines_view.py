"""The manager's deadlines view: the key dates of the current decisions - due in the next
days (the same drafts and dates as ``workbench log due``), overdue while still on hold, and
this month's - read from the log by ``TriageLog.deadlines`` (the core's one rule)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from workbench.ui import labels

BUCKETS = ("due", "overdue", "this_month")


def _say(code: str, **args) -> str:
    from workbench.messages import msg
    from workbench.ui.notifications import ui_language

    return msg(code, **args).render(ui_language())


class DeadlinesView(QWidget):
    draft_activated = Signal(int)  # a draft id: show it in the queue

    def __init__(self, days: int = 30, parent=None) -> None:
        super().__init__(parent)
        from workbench.messages import M

        self.days = days
        self.bucket = QComboBox()
        for code, key in ((M.I561, "due"), (M.I562, "overdue"), (M.I563, "this_month")):
            self.bucket.addItem(_say(code, days=days), key)
        self.count = QLabel()
        self.empty = QLabel()  # why the list is empty and where the dates come from
        self.empty.setObjectName("deadlinesEmpty")
        self.empty.setWordWrap(True)
        self.empty.setVisible(False)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([_say(c) for c in (M.I567, M.I568, M.I569, M.I570, M.I571)])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._activated)
        self._data: dict[str, list] = {b: [] for b in BUCKETS}
        self._today = date.today()
        self._ticket = 0  # which load the table shows: a later one wins over an earlier one still reading
        top = QHBoxLayout()
        top.addWidget(self.bucket)
        top.addStretch(1)
        top.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.empty)
        lay.addWidget(self.table)
        self.bucket.currentIndexChanged.connect(self._fill)

    def load(self, log, today: date | str | None = None) -> None:
        """Read the deadlines from ``log`` (a TriageLog) as of ``today``."""
        from workbench.store.dates import parse_date

        day = parse_date(today) or date.today()
        self.show_loaded(self.begin_load(), log.deadlines(self.days, day), day)

    def begin_load(self) -> int:
        """A new load begins (read elsewhere, e.g. in a worker): its ticket for show_loaded."""
        self._ticket += 1
        return self._ticket

    def show_loaded(self, ticket: int, data: dict, today: date) -> None:
        """Show what the load with ``ticket`` read, unless a later load began meanwhile."""
        if ticket != self._ticket:
            return
        self._today, self._data = today, data
        self._fill()

    def set_bucket(self, key: str) -> None:
        self.bucket.setCurrentIndex(self.bucket.findData(key))

    def rows(self) -> list[tuple[str, ...]]:
        """What the table shows, row by row (tests, screen readers)."""
        t = self.table
        return [tuple(t.item(r, c).text() for c in range(t.columnCount())) for r in range(t.rowCount())]

    def _fill(self) -> None:
        from workbench.messages import M

        items = self._data.get(self.bucket.currentData() or "due", [])
        t = self.table
        t.setRowCount(len(items))
        for r, (day, which, s) in enumerate(items):
            decision = labels.decision_label(s.decision) if s.decision else ""
            if s.override:
                decision += f" ({_say(M.N552 if s.override == 'pending' else M.N553)})"
            left = (date.fromisoformat(day) - self._today).days
            cells = [f"{s.id}: {s.title or s.name}", decision,
                     _say(M.I564 if which == "primary_review" else M.I565), day, str(left)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(256, s.id)
                t.setItem(r, c, item)
        self.count.setText(_say(M.I566, n=len(items)))
        from workbench.messages.cli import I904

        self.empty.setText(_say(I904) if not items else "")
        self.empty.setVisible(not items)

    def _activated(self, row: int, _col: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.draft_activated.emit(int(item.data(256)))
