"""Telling a proxy model its filter changed (Qt >= 6.9 API, older fallback)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel


def begin_filter_change(proxy: QSortFilterProxyModel) -> None:
    """Call before changing what a proxy's filterAcceptsRow depends on."""
    if hasattr(proxy, "beginFilterChange"):  # Qt >= 6.9
        proxy.beginFilterChange()


def end_filter_change(proxy: QSortFilterProxyModel) -> None:
    if hasattr(proxy, "endFilterChange"):
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # pragma: no cover - older Qt
        proxy.invalidateFilter()
