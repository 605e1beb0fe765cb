"""A small stacked bar chart drawn with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass
class ChartData:
    """``values[category][series] = count``; categories are the x axis (e.g. months)."""

    categories: list[str] = field(default_factory=list)
    series: list[str] = field(default_factory=list)
    values: dict[str, dict[str, float]] = field(default_factory=dict)
    colours: dict[str, QColor] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # series code -> display name

    def total(self, category: str) -> float:
        return sum(self.values.get(category, {}).values())

    @property
    def maximum(self) -> float:
        return max((self.total(c) for c in self.categories), default=0.0)


def count_by(items: Iterable[tuple[str, str]], series_order: Iterable[str] = ()) -> ChartData:
    """Build ChartData from (category, series) pairs: one count per pair."""
    values: dict[str, Counter] = defaultdict(Counter)
    seen_series: list[str] = list(series_order)
    for cat, ser in items:
        values[cat][ser] += 1
        if ser not in seen_series:
            seen_series.append(ser)
    cats = sorted(values)
    used = [s for s in seen_series if any(values[c][s] for c in cats)]
    return ChartData(cats, used, {c: dict(values[c]) for c in cats})


class BarChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._data = ChartData()
        self._title = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)

    def sizeHint(self) -> QSize:
        return QSize(520, 260)

    @property
    def data(self) -> ChartData:
        return self._data

    def set_data(self, data: ChartData, title: str = "") -> None:
        self._data = data
        self._title = title
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        fm = p.fontMetrics()
        d = self._data
        w, h = self.width(), self.height()
        top = fm.height() * 1.6 if self._title else 8
        if self._title:
            p.drawText(QRectF(0, 2, w, fm.height() * 1.4), Qt.AlignmentFlag.AlignCenter, self._title)
        if not d.categories or d.maximum <= 0:
            p.setPen(pal.color(pal.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No drafts in the log yet"))
            p.end()
            return
        # legend on the right
        legend_w = min(w * 0.38, max(fm.horizontalAdvance(d.labels.get(s, s)) for s in d.series) + 28)
        left, bottom = fm.horizontalAdvance("0000") + 10, fm.height() + 10
        plot = QRectF(left, top, max(10, w - left - legend_w - 16), max(10, h - top - bottom))
        top_count = math.ceil(d.maximum)
        steps = top_count if top_count <= 5 else 4
        maxv = math.ceil(top_count / steps) * steps  # whole-number gridlines
        # axis + gridlines
        p.setPen(QPen(pal.color(pal.ColorRole.Mid), 1))
        for i in range(steps + 1):
            y = plot.bottom() - plot.height() * i / steps
            p.drawLine(QLineF(plot.left(), y, plot.right(), y))
            p.drawText(QRectF(0, y - fm.height() / 2, left - 4, fm.height()), Qt.AlignmentFlag.AlignRight, f"{maxv * i / steps:.0f}")
        n = len(d.categories)
        slot = plot.width() / n
        bar_w = max(4.0, min(slot * 0.6, 64.0))
        for i, cat in enumerate(d.categories):
            x = plot.left() + slot * i + (slot - bar_w) / 2
            y = plot.bottom()
            for ser in d.series:
                v = d.values.get(cat, {}).get(ser, 0)
                if not v:
                    continue
                bh = plot.height() * v / maxv
                p.fillRect(QRectF(x, y - bh, bar_w, bh), d.colours.get(ser, QColor("#90a4ae")))
                y -= bh
            p.setPen(pal.color(pal.ColorRole.Text))
            label = cat if fm.horizontalAdvance(cat) < slot or n < 8 or i % max(1, n // 6) == 0 else ""
            p.drawText(QRectF(plot.left() + slot * i - 10, plot.bottom() + 4, slot + 20, fm.height()), Qt.AlignmentFlag.AlignHCenter, label)
        # legend
        lx, ly = plot.right() + 12, plot.top()
        for ser in d.series:
            p.fillRect(QRectF(lx, ly + 2, 12, fm.height() - 4), d.colours.get(ser, QColor("#90a4ae")))
            p.setPen(pal.color(pal.ColorRole.Text))
            p.drawText(QRectF(lx + 16, ly, legend_w - 16, fm.height()), Qt.AlignmentFlag.AlignLeft, fm.elidedText(d.labels.get(ser, ser), Qt.TextElideMode.ElideRight, int(legend_w - 16)))
            ly += fm.height() + 2
        p.end()
