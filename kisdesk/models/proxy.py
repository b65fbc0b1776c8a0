"""Sorting by value (never by display text) and a case-insensitive text filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from kisdesk.models.table import RecordTableModel

_ANY_INDEX = QModelIndex | QPersistentModelIndex


def value_less(a: Any, b: Any) -> bool:
    """Order two sort values: numbers as numbers (Decimal stays Decimal), text case-insensitively.

    Values that cannot be compared (a str against a Decimal, say) fall back to a fixed order by
    type name so the sort stays total instead of raising. ``None`` is handled by the caller.
    """
    if isinstance(a, str) and isinstance(b, str):
        fa, fb = a.casefold(), b.casefold()
        return fa < fb if fa != fb else a < b
    try:
        return bool(a < b)
    except TypeError:
        ta, tb = type(a).__name__, type(b).__name__
        return ta < tb if ta != tb else str(a) < str(b)


class RecordSortFilterProxy(QSortFilterProxyModel):
    """Sorts by ``RecordTableModel.SORT_ROLE`` with ``None`` last in either direction; filters
    rows whose displayed text contains every whitespace-separated term of the filter text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(RecordTableModel.SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._terms: tuple[str, ...] = ()
        self._filter_text = ""

    def filter_text(self) -> str:
        return self._filter_text

    def set_filter_text(self, text: str) -> None:
        terms = tuple(text.casefold().split())
        self._filter_text = text
        if terms == self._terms:
            return
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            self._terms = terms
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._terms = terms
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _ANY_INDEX) -> bool:
        if not self._terms:
            return True
        source = self.sourceModel()
        if isinstance(source, RecordTableModel):
            texts = source.texts_at(source_row)
        else:
            texts = tuple(
                str(source.index(source_row, c, source_parent).data() or "")
                for c in range(source.columnCount(source_parent))
            )
        haystack = "\x1f".join(texts).casefold()
        return all(term in haystack for term in self._terms)

    def lessThan(self, left: _ANY_INDEX, right: _ANY_INDEX) -> bool:
        source = self.sourceModel()
        if isinstance(source, RecordTableModel):
            a = source.sort_value_at(left.row(), left.column())
            b = source.sort_value_at(right.row(), right.column())
        else:
            a = left.data(self.sortRole())
            b = right.data(self.sortRole())
        if a is None or b is None:
            # Qt sorts descending by swapping the arguments, so "None is smallest" there keeps
            # None at the bottom in both directions.
            if a is None and b is None:
                return False
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return descending if a is None else not descending
        return value_less(a, b)

    def multiData(self, index: _ANY_INDEX, span: Any) -> None:
        # QSortFilterProxyModel answers multiData role by role through data(); hand the whole
        # span to the source model instead (a full repaint asks this for every visible cell).
        source = self.sourceModel()
        if isinstance(source, RecordTableModel) and index.isValid():
            src = self.mapToSource(index)
            source.fill_roles(src.row(), src.column(), span)
        else:
            super().multiData(index, span)

    def record_at(self, proxy_row: int) -> Any:
        """The record shown at a proxy row (needs a RecordTableModel source)."""
        source = self.sourceModel()
        assert isinstance(source, RecordTableModel)
        return source.record_at(self.mapToSource(self.index(proxy_row, 0)).row())
