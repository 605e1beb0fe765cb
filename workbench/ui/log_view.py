"""The manager's log view: decision history with filters, a chart of drafts per triage
level or per field over time, and Export (CSV / XLSX / PDF)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain import LEVELS
from workbench.ui import labels
from workbench.ui.bar_chart import BarChart, ChartData, count_by
from workbench.ui.models.history import HistoryFilterProxy, HistoryModel
from workbench.ui.rows import HistoryRow, QueueRow

EXPORT_FORMATS = ("csv", "xlsx", "pdf")


def chart_by_level(rows: list[QueueRow]) -> ChartData:
    data = count_by(((r.ingested_at or "")[:7] or "?", r.level or "none") for r in rows)
    data.series = [s for s in (*LEVELS, "none") if s in data.series]
    data.colours = {lv: labels.level_colour(lv) for lv in (*LEVELS, "none")}
    data.labels = {lv: labels.level_short(lv) if lv != "none" else "—" for lv in data.series}
    return data


def chart_by_field(rows: list[QueueRow]) -> ChartData:
    pairs = [((r.ingested_at or "")[:7] or "?", str(r.top_field_id)) for r in rows if r.top_field_id is not None and r.level != "clear"]
    data = count_by(pairs)
    names = {str(r.top_field_id): r.top_field for r in rows if r.top_field_id is not None}
    data.series.sort(key=lambda s: int(s) if s.isdigit() else 999)
    data.colours = {s: labels.field_colour(int(s)) for s in data.series if s.isdigit()}
    data.labels = {s: names.get(s, s) for s in data.series}
    return data


class LogView(QWidget):
    refresh_requested = Signal()
    export_requested = Signal(str)  # format

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = HistoryModel(parent=self)
        self.proxy = HistoryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab moves on to the chart; arrow keys move between rows
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.kind = QComboBox()
        self.kind.addItem(self.tr("All events"), "")
        self.who = QLineEdit()
        self.who.setPlaceholderText(self.tr("Reviewer"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search history"))
        for w in (self.who, self.search):
            w.textChanged.connect(self._filter)
        self.kind.currentIndexChanged.connect(self._filter)
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.clicked.connect(self.refresh_requested)
        # what an export contains (the store filters the decisions)
        self.exp_decision = QComboBox()
        self.exp_decision.addItem(self.tr("All decisions"), None)
        for code, label in labels.decision_choices():
            self.exp_decision.addItem(label, code)
        self.exp_level = QComboBox()
        self.exp_level.addItem(self.tr("All levels"), None)
        for lv in LEVELS:
            self.exp_level.addItem(labels.level_short(lv), lv)
        self.exp_since_on = QCheckBox(self.tr("From"))
        self.exp_since = QDateEdit(QDate.currentDate().addMonths(-3))
        self.exp_until_on = QCheckBox(self.tr("to"))
        self.exp_until = QDateEdit(QDate.currentDate())
        for box, edit in ((self.exp_since_on, self.exp_since), (self.exp_until_on, self.exp_until)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
        self.export_format = QComboBox()
        for fmt in EXPORT_FORMATS:
            self.export_format.addItem(fmt.upper(), fmt)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.export_format.currentData()))

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show")))
        filters.addWidget(self.kind)
        filters.addWidget(self.who)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.refresh)
        # the export filters on two lines: on one, the log tab alone was ~940 px wide (in
        # Japanese) and squeezed the queue beside it to ~330 px in a 1280 px window
        export_row = QHBoxLayout()
        export_row.addWidget(QLabel(self.tr("Export decisions:")))
        export_row.addWidget(self.exp_decision)
        export_row.addWidget(self.exp_level)
        export_row.addStretch(1)
        dates_row = QHBoxLayout()
        dates_row.addWidget(self.exp_since_on)
        dates_row.addWidget(self.exp_since)
        dates_row.addWidget(self.exp_until_on)
        dates_row.addWidget(self.exp_until)
        dates_row.addStretch(1)
        dates_row.addWidget(self.export_format)
        dates_row.addWidget(self.export_button)

        self.chart_mode = QComboBox()
        self.chart_mode.addItem(self.tr("Drafts per triage level, by month"), "level")
        self.chart_mode.addItem(self.tr("Flagged drafts per top field, by month"), "field")
        self.chart_mode.currentIndexChanged.connect(self._redraw_chart)
        self.chart = BarChart()
        chart_box = QWidget()
        cl = QVBoxLayout(chart_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.chart_mode)
        cl.addWidget(self.chart, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(chart_box)
        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addLayout(export_row)
        lay.addLayout(dates_row)
        lay.addWidget(split, 1)
        self._queue_rows: list[QueueRow] = []
        for col, width in enumerate((48, 150, 90, 110, 230)):
            self.table.setColumnWidth(col, width)

    def export_filters(self) -> dict:
        """Keyword filters for workbench.store.export.export_log (reviewer from the filter box)."""
        out = {
            "decision": self.exp_decision.currentData(),
            "level": self.exp_level.currentData(),
            "since": self.exp_since.date().toString("yyyy-MM-dd") if self.exp_since_on.isChecked() else None,
            "until": self.exp_until.date().toString("yyyy-MM-dd") if self.exp_until_on.isChecked() else None,
            "reviewer": self.who.text().strip() or None,
        }
        return {k: v for k, v in out.items() if v is not None}

    def set_history(self, rows: list[HistoryRow]) -> None:
        self.model.set_rows(rows)
        self._list_kinds({r.kind for r in rows}, replace=True)
        self._filter()

    def _list_kinds(self, kinds: set[str], replace: bool = False) -> None:
        """The event kinds the 'Show' filter offers (sorted), the choice kept."""
        current = self.kind.currentData()
        if not replace:
            kinds = kinds | {self.kind.itemData(i) for i in range(1, self.kind.count())}
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("All events"), "")
        for k in sorted(kinds):
            self.kind.addItem(labels.event_label(k), k)
        i = self.kind.findData(current)
        self.kind.setCurrentIndex(max(i, 0))
        self.kind.blockSignals(False)

    def append_history(self, rows: list[HistoryRow]) -> None:
        """The events recorded since the last refresh, added at the end (a team log of 10,000
        drafts holds 20,000+ events: showing them all again took seconds)."""
        if not rows:
            return
        known = {self.kind.itemData(i) for i in range(self.kind.count())}
        new_kinds = {r.kind for r in rows} - known
        if new_kinds:  # a new kind of event: the filter lists it (the events shown stay as they are)
            self._list_kinds(new_kinds)
        # the proxy filters and places the inserted rows itself: filtering every event again
        # here (20,000+ in Python) was most of a refresh and of each 'Save decision', and a
        # new kind of event showed them all again (4.6 s)
        self.model.append_rows(rows)

    def set_drafts(self, rows: list[QueueRow]) -> None:
        """The drafts the chart counts; counted when the tab is on screen (10,000 drafts
        counted again after each decision saved on the Decision tab: ~0.1 s of it)."""
        self._queue_rows = list(rows)
        self._chart_stale = True
        if self.isVisible():
            self._redraw_chart()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if getattr(self, "_chart_stale", False):
            self._redraw_chart()

    def _redraw_chart(self) -> None:
        self._chart_stale = False
        if self.chart_mode.currentData() == "field":
            self.chart.set_data(chart_by_field(self._queue_rows))
        else:
            self.chart.set_data(chart_by_level(self._queue_rows))

    def _filter(self) -> None:
        self.proxy.set_filters(kind=self.kind.currentData() or "", who=self.who.text(), text=self.search.text())
