"""The review queue: a table model over a list of :class:`~workbench.ui.rows.QueueRow`."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from workbench.domain import LEVELS
from workbench.ui import labels
from workbench.ui.models.filtering import begin_filter_change, end_filter_change
from workbench.ui.rows import QueueRow

# the columns a reviewer needs first come first (the queue pane is narrow)
COL_NAME, COL_LEVEL, COL_LIKELIHOOD, COL_FIELD, COL_DECISION, COL_STATUS, COL_DUE_3M, COL_FREE_10M = range(8)
N_COLUMNS = 8

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the QueueRow itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts correctly (numbers, level rank)
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 3  # the level code ("clear" | "review" | "likely")
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4  # text the search box matches

_Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractTableModel):
    def __init__(self, rows: Iterable[QueueRow] = (), parent=None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._index: dict[str, int] = {}  # key -> row (a 10,000-draft team log: no scans)
        self._by_path: dict[str, int] = {}  # source path -> row (a screened row the log's row replaces)
        self._reindex(list(rows))

    def _reindex(self, rows: list[QueueRow]) -> None:
        self._rows = rows
        self._index = {r.key: i for i, r in enumerate(rows)}
        self._by_path = {}
        for i, r in enumerate(rows):
            if r.path:
                self._by_path.setdefault(r.path, i)

    # -- the list ------------------------------------------------------------------
    @property
    def rows(self) -> tuple[QueueRow, ...]:
        return tuple(self._rows)

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def find(self, key: str) -> int:
        """The row of ``key``, or -1 (a dictionary look-up: finding a key that is not there
        scanned all rows, so loading a 10,000-draft log one upsert at a time was quadratic,
        ~50 s of the first load measured by benchmarks/team_log.py)."""
        return self._index.get(key, -1)

    def _find_replaceable(self, row: QueueRow) -> int:
        i = self._index.get(row.key, -1)
        if i < 0 and row.path:  # the same file, screened before it was in the log (key = its path)
            i = self._by_path.get(row.path, -1)
            if i < 0:
                i = self._index.get(row.path, -1)
        return i

    def set_rows(self, rows: Iterable[QueueRow]) -> None:
        self.beginResetModel()
        self._reindex(list(rows))
        self.endResetModel()

    def remove(self, key: str) -> bool:
        """Drop the row with this key (an earlier version of a matter whose newer one came in)."""
        i = self.find(key)
        if i < 0:
            return False
        self.beginRemoveRows(QModelIndex(), i, i)
        gone = self._rows.pop(i)
        self._index.pop(key, None)
        if gone.path and self._by_path.get(gone.path) == i:
            del self._by_path[gone.path]
        seen: set[str] = set()
        for n in range(i, len(self._rows)):  # the rows after it moved up one (those before keep theirs)
            r = self._rows[n]
            self._index[r.key] = n
            if r.path and r.path not in seen:
                seen.add(r.path)
                was = self._by_path.get(r.path)
                if was is None or was >= i:  # the first row of that path is at or after the removed one
                    self._by_path[r.path] = n
        self.endRemoveRows()
        return True

    def _replace(self, i: int, row: QueueRow) -> None:
        old = self._rows[i]
        self._rows[i] = row
        if old.key != row.key:
            if self._index.get(old.key) == i:
                del self._index[old.key]
            self._index[row.key] = i
        if old.path != row.path:
            if old.path and self._by_path.get(old.path) == i:
                del self._by_path[old.path]
            if row.path:
                self._by_path.setdefault(row.path, i)

    def upsert(self, row: QueueRow) -> int:
        """Replace the row with the same key (or the same source path), else append."""
        i = self._find_replaceable(row)
        if i >= 0:
            self._replace(i, row)
            self.dataChanged.emit(self.index(i, 0), self.index(i, N_COLUMNS - 1))
            return i
        self._append([row])
        return len(self._rows) - 1

    def upsert_many(self, rows: Iterable[QueueRow]) -> None:
        """Several upserts at once: rows that changed are replaced (one dataChanged each),
        rows that are new are appended in one insertion (a refresh after another client
        recorded 100 drafts: one insert, not 100 passes of the sorted proxy and the view);
        rows equal to the shown ones change nothing."""
        new: list[QueueRow] = []  # appended at the end, with their own look-ups (as upsert() one by one would)
        new_key: dict[str, int] = {}
        new_path: dict[str, int] = {}
        for row in rows:
            i = self._find_replaceable(row)
            if i >= 0:
                if self._rows[i] != row:
                    self._replace(i, row)
                    self.dataChanged.emit(self.index(i, 0), self.index(i, N_COLUMNS - 1))
                continue
            j = new_key.get(row.key, -1)
            if j < 0 and row.path:
                j = new_path.get(row.path, new_key.get(row.path, -1))
            if j >= 0:
                old = new[j]
                if new_key.get(old.key) == j:
                    del new_key[old.key]
                if old.path and new_path.get(old.path) == j:
                    del new_path[old.path]
            else:
                j = len(new)
                new.append(row)
            new[j] = row
            new_key[row.key] = j
            if row.path:
                new_path.setdefault(row.path, j)
        if new:
            self._append(new)

    def _append(self, rows: list[QueueRow]) -> None:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n + len(rows) - 1)
        for k, r in enumerate(rows):
            self._rows.append(r)
            self._index[r.key] = n + k
            if r.path:
                self._by_path.setdefault(r.path, n + k)
        self.endInsertRows()

    # -- Qt API --------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else N_COLUMNS

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section in (COL_DUE_3M, COL_FREE_10M):
            return {  # the short heads say what their date is on hover
                COL_DUE_3M: self.tr("Primary review (3 mo.)"),
                COL_FREE_10M: self.tr("10 mo. without designation"),
            }[section]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None  # (the tooltip: the whole header where a narrow column elides it)
        return {
            COL_NAME: self.tr("Draft"),
            COL_STATUS: self.tr("Status"),
            COL_LEVEL: self.tr("Level"),  # short heads: the queue pane is a third of a laptop screen
            COL_FIELD: self.tr("Top field"),
            COL_LIKELIHOOD: self.tr("Likelihood"),
            COL_DECISION: self.tr("Decision"),
            COL_DUE_3M: self.tr("Review\ndue"),  # short two-line heads: the dates fit a laptop's queue pane
            COL_FREE_10M: self.tr("If not\ndesignated"),
        }[section]

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return r
        if role == LEVEL_ROLE:
            return r.level
        if role == SEARCH_ROLE:
            return " ".join(
                x for x in (r.name, r.title, r.top_field, r.path, labels.level_label(r.level), labels.decision_label(r.decision)) if x
            )
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == SORT_ROLE:
            if col == COL_LEVEL:
                return LEVELS.index(r.level) if r.level in LEVELS else -1
            if col == COL_LIKELIHOOD:
                return r.likelihood if r.likelihood is not None else -1.0
            v = self._display(r, col)
            return v.casefold() if isinstance(v, str) else v
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_LEVEL and r.level:
            return labels.level_colour(r.level)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text where a narrow column elides it
            if col == COL_FIELD and r.top_field:
                return r.top_field
            if col == COL_DECISION and r.decision:
                return self._display(r, col)  # whole, with the override status, where the column elides it
            if col in (COL_LEVEL, COL_LIKELIHOOD) and r.top_field:  # the top field, when its column is hidden
                return f"{r.top_field}\n{r.path or r.name}"
            where = r.path or r.name
            # the name column: the title first - at 1366 x 768 'US068…l.pdf' and 'US069…d.pdf' tell
            # the files apart but not what they are
            return f"{r.title}\n{where}" if col == COL_NAME and r.title else where
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_LIKELIHOOD:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(r: QueueRow, col: int):
        if col == COL_NAME:
            return f"{r.name} · {labels.version_short(r.version)}" if r.versions > 1 else r.name
        if col == COL_STATUS:
            return labels.queue_status_label(r.status)
        if col == COL_LEVEL:
            return labels.level_short(r.level)
        if col == COL_FIELD:
            return r.top_field
        if col == COL_LIKELIHOOD:
            return labels.percent(r.likelihood)
        if col == COL_DECISION:
            if not r.decision:
                return ""
            text = labels.decision_label(r.decision)
            if r.override:  # sign-off: a risky decision pending / approved
                from workbench.messages import M, msg
                from workbench.ui.notifications import ui_language

                state = msg(M.N552 if r.override == "pending" else M.N553).render(ui_language())
                text = f"{'⚠' if r.override == 'pending' else '✓'} {text} ({state})"
            return text
        if col == COL_DUE_3M:
            return r.primary_review_due or ""
        if col == COL_FREE_10M:
            return r.foreign_filing_free or ""
        return None


class QueueFilterProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`; filters by search text and by triage level."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._levels: frozenset[str] | None = None
        self._search = ""
        self._undecided_only = False
        self._due_by: str | None = None  # ISO date: keep drafts with a key date on or before it

    def set_search(self, text: str) -> None:
        begin_filter_change(self)
        self._search = text.strip().casefold()
        end_filter_change(self)

    def set_levels(self, levels: Iterable[str] | None) -> None:
        begin_filter_change(self)
        self._levels = frozenset(levels) if levels is not None else None
        end_filter_change(self)

    def set_undecided_only(self, on: bool) -> None:
        begin_filter_change(self)
        self._undecided_only = bool(on)
        end_filter_change(self)

    def set_due_by(self, iso_date: str | None) -> None:
        begin_filter_change(self)
        self._due_by = iso_date
        end_filter_change(self)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        idx = model.index(source_row, 0, source_parent)
        row: QueueRow = model.data(idx, ROW_ROLE)
        if row is None:
            return False
        if self._levels is not None and row.level not in self._levels:
            return False
        if self._undecided_only and row.decision:
            return False
        if self._due_by is not None:
            dates = [d for d in (row.primary_review_due, row.foreign_filing_free) if d]
            if not any(d[:10] <= self._due_by for d in dates):
                return False
        if self._search:
            hay = (model.data(idx, SEARCH_ROLE) or "").casefold()
            return all(word in hay for word in self._search.split())
        return True
