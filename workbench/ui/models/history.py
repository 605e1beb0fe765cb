"""The triage-log history (decisions, annotations, verdicts) for the manager's log view."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from workbench.ui import labels
from workbench.ui.models.filtering import begin_filter_change, end_filter_change
from workbench.ui.rows import HistoryRow

COL_H_ID, COL_H_AT, COL_H_WHO, COL_H_KIND, COL_H_DRAFT, COL_H_SUMMARY = range(6)
HISTORY_ROW_ROLE = Qt.ItemDataRole.UserRole + 20


class HistoryModel(QAbstractTableModel):
    def __init__(self, rows: Iterable[HistoryRow] = (), parent=None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def set_rows(self, rows: Iterable[HistoryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Iterable[HistoryRow]) -> None:
        """Add the events recorded since (the log is append-only: nothing shown changes)."""
        rows = list(rows)
        if not rows:
            return
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    @property
    def rows(self) -> tuple[HistoryRow, ...]:
        return tuple(self._rows)

    @staticmethod
    def details(r: HistoryRow) -> str:
        head = (
            labels.decision_label(r.decision) if r.decision
            else labels.level_label(r.level) if r.level
            else labels.annotation_label(r.annotation)
        )
        version = labels.version_label(r.version) if r.version is not None else ""
        return " — ".join(x for x in (head, r.summary, version) if x)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("#"), self.tr("When (UTC)"), self.tr("Who"), self.tr("What"), self.tr("Draft"), self.tr("Details")][section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == HISTORY_ROW_ROLE:
            return r
        if role == Qt.ItemDataRole.DisplayRole:  # only the cell asked for: sorting a year's log asks thousands
            col = index.column()
            if col == COL_H_ID:
                return r.event_id
            if col == COL_H_AT:
                return r.at.replace("T", " ")[:19]
            if col == COL_H_WHO:
                return r.who
            if col == COL_H_KIND:
                return labels.event_label(r.kind)
            if col == COL_H_DRAFT:
                return r.draft_name or (str(r.draft_id) if r.draft_id is not None else "")
            return self.details(r)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (COL_H_SUMMARY, COL_H_DRAFT):
            return self.details(r) if index.column() == COL_H_SUMMARY else r.draft_name
        return None


class HistoryFilterProxy(QSortFilterProxyModel):
    """Filters by event kind, reviewer and free text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.who = ""
        self.text = ""

    def set_filters(self, *, kind: str = "", who: str = "", text: str = "") -> None:
        if (kind, who.casefold(), text.casefold()) == (self.kind, self.who, self.text):
            return  # nothing to filter again
        begin_filter_change(self)
        self.kind, self.who, self.text = kind, who.casefold(), text.casefold()
        end_filter_change(self)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        r: HistoryRow = self.sourceModel().data(self.sourceModel().index(source_row, 0, source_parent), HISTORY_ROW_ROLE)
        if self.kind and r.kind != self.kind:
            return False
        if self.who and self.who not in r.who.casefold():
            return False
        if self.text and self.text not in f"{r.draft_name} {HistoryModel.details(r)} {r.kind}".casefold():
            return False
        return True
