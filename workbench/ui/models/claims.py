"""Claim tree (independent claims at the root, dependants below) and per-claim field table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from workbench.domain import ClaimSet, ClaimVerdict
from workbench.claims.extract import ranges
from workbench.ui import labels
from workbench.messages import msg, render_all
from workbench.messages import screening as S

CLAIM_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 10


def _snippet(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class ClaimTreeModel(QStandardItemModel):
    """Builds the tree from ``ClaimSet.children()``; a claim depending on several claims
    appears under each of them (the tree shows every path of dependency)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._set_headers()

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Claim"), self.tr("Category"), self.tr("Top")])

    def set_claims(self, claims: ClaimSet | None, verdicts: dict[int, ClaimVerdict] | None = None, language: str = "en") -> None:
        self.clear()
        self._set_headers()
        # the column's percentages are each claim's own, read alone (I437): a >99% draft showed '1% F4' here
        self.setHeaderData(2, Qt.Orientation.Horizontal, msg(S.I437).render(language), Qt.ItemDataRole.ToolTipRole)
        if claims is None:
            return
        kids = claims.children()
        verdicts = verdicts or {}
        roots = list(claims.roots())
        # claims that depend only on unknown claims would be lost: show them at the root
        known = {c.number for c in claims.claims}
        for c in claims.claims:
            if not c.independent and not any(p in known for p in c.depends_on) and c.number not in roots:
                roots.append(c.number)

        def make(number: int, seen: frozenset[int]) -> list[QStandardItem]:
            claim = claims.by_number(number)
            kind = self.tr("independent") if claim and claim.independent else self.tr("dependent")
            text = f"{number}  {_snippet(claim.text) if claim else ''}"
            if claim and len(claim.depends_on) > 1:  # a multiple dependent claim says so: "18 ← 1, 13-17"
                text = f"{number} ← {', '.join(ranges(claim.depends_on))}  {_snippet(claim.text)}"
            head = QStandardItem(text)
            head.setData(number, CLAIM_NUMBER_ROLE)
            head.setEditable(False)
            head.setToolTip(f"{kind}: {claim.text[:400] if claim else ''}")
            cat = QStandardItem(labels.category_label(claim.category) if claim else "")
            cat.setEditable(False)
            cv = verdicts.get(number)
            top = top_flagged(cv.fields) if cv else None
            topi = QStandardItem(f"{labels.percent(top.likelihood)} F{top.field_id}" if top else "")
            if top:
                topi.setToolTip(_field_short(top, language))
            topi.setEditable(False)
            if top:
                topi.setBackground(labels.field_colour(top.field_id))
            for child in kids.get(number, ()):
                if child not in seen:
                    head.appendRow(make(child, seen | {child}))
            return [head, cat, topi]

        for number in roots:
            self.appendRow(make(number, frozenset({number})))

    def claim_number(self, index: QModelIndex) -> int | None:
        if not index.isValid():
            return None
        return self.itemFromIndex(index.siblingAtColumn(0)).data(CLAIM_NUMBER_ROLE)


def _field_short(fv, language: str) -> str:
    name = (fv.name_ja if language == "ja" else fv.name_en) or fv.name_en or ""
    return f"{fv.field_id}. {_snippet(name, 28)}" if name else str(fv.field_id)


def _flagged_first(f) -> tuple:
    """The field table's order: the fields the screening flagged (hit, possible) first, then
    the others, each by likelihood - a 'Not hit' field at 2% headed a seeker claim's table
    above the 'Possible' guided-weapons field whose terms (シーカ) the claim's text highlights."""
    return (getattr(f, "status", "no") == "no", -f.likelihood)


def top_flagged(fields):
    """A claim's top field as its 'Top' column shows it: the likeliest field the screening
    flagged on it; none when it flagged none (a tyre-pressure claim showed '5% F5', the
    electromagnetic-launcher field, on a claim the screening had cleared)."""
    flagged = [f for f in fields or () if getattr(f, "status", "no") != "no"]
    return max(flagged, key=lambda f: f.likelihood) if flagged else None


COL_F_FIELD, COL_F_STATUS, COL_F_LIKELIHOOD, COL_F_VERIFIED = range(4)
FIELD_ID_ROLE = Qt.ItemDataRole.UserRole + 11


class FieldTableModel(QAbstractTableModel):
    """Field likelihoods of one claim (or of the whole draft): the flagged fields first, each
    part highest first (:func:`_flagged_first`)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self._language = "en"

    def set_fields(self, fields, language: str = "en") -> None:
        self.beginResetModel()
        self._rows = sorted(fields or (), key=_flagged_first)
        self._language = language
        self.endResetModel()

    def field_at(self, row: int):
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Field"), self.tr("Status"), self.tr("Likelihood"), self.tr("Rule")][section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        f = self._rows[index.row()]
        col = index.column()
        if role == FIELD_ID_ROLE:
            return f.field_id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_F_FIELD:
                return _field_short(f, self._language)
            if col == COL_F_STATUS:
                return labels.status_label(f.status)
            if col == COL_F_LIKELIHOOD:
                return labels.percent(f.likelihood)
            if col == COL_F_VERIFIED:
                return labels.verified_label(f.verified)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_F_FIELD:
            return labels.field_colour(f.field_id)
        if role == Qt.ItemDataRole.ToolTipRole:  # the field's whole name (the cell elides it), then why
            name = (f.name_ja if self._language == "ja" else f.name_en) or f.name_en or ""
            head = [f"{f.field_id}. {name}"] if name and col == COL_F_FIELD else []
            return "\n".join(head + list(render_all(f.reasons, self._language))) or None
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_F_VERIFIED and not f.verified:
            return labels.level_colour("review")
        return None
