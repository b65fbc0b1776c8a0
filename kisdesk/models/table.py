"""The one table model every kisdesk table uses: records in, cells out.

Rows are keyed (``row_key(record)``). Updates upsert by key and emit ``dataChanged`` only for
the cells whose text, colour or sort value actually changed -- never a model reset -- so the
selection, the scroll position and the proxy's sort survive a refresh. Per-row display text,
direction and sort value are computed once per update and cached: painting and sorting then
read plain tuples instead of calling formatters.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont

from kisdesk.domain.direction import Direction
from kisdesk.models.columns import Column
from kisdesk.models.palette import KOREAN, Palette

_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    "right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    "center": Qt.AlignmentFlag.AlignCenter,
}
_LIMITS = (Direction.UPPER_LIMIT, Direction.LOWER_LIMIT)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ANY_INDEX = QModelIndex | QPersistentModelIndex

Span = tuple[int, int]  # first and last changed column, inclusive
# A changed row waiting to be stored: row, record, texts, directions, sort values, column runs.
_Change = tuple[int, Any, tuple, tuple, tuple, tuple[Span, ...]]


def _spans(old: tuple, new: tuple, into: list[bool]) -> None:
    """Mark in ``into`` the columns where ``old`` and ``new`` differ."""
    for i, (a, b) in enumerate(zip(old, new, strict=True)):
        if a is not b and a != b:
            into[i] = True


def _runs(changed: list[bool]) -> tuple[Span, ...]:
    runs: list[Span] = []
    start = -1
    for i, flag in enumerate(changed):
        if flag and start < 0:
            start = i
        elif not flag and start >= 0:
            runs.append((start, i - 1))
            start = -1
    if start >= 0:
        runs.append((start, len(changed) - 1))
    return tuple(runs)


class RecordTableModel(QAbstractTableModel):
    SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
    RAW_ROLE = int(Qt.ItemDataRole.UserRole) + 2
    DIRECTION_ROLE = int(Qt.ItemDataRole.UserRole) + 3
    RECORD_ROLE = int(Qt.ItemDataRole.UserRole) + 4
    _OWN_ROLES = frozenset({SORT_ROLE, RAW_ROLE, DIRECTION_ROLE, RECORD_ROLE})

    def __init__(
        self,
        columns: Sequence[Column],
        row_key: Callable[[Any], Hashable],
        parent: QObject | None = None,
        palette: Palette = KOREAN,
        *,
        coalesce_ms: int = 100,
    ) -> None:
        super().__init__(parent)
        self._columns: tuple[Column, ...] = tuple(columns)
        self._row_key = row_key
        self._records: list[Any] = []
        self._keys: list[Hashable] = []
        self._rows: dict[Hashable, int] = {}
        # Per row caches, parallel to _records: display texts, directions, sort values.
        self._texts: list[tuple[str, ...]] = []
        self._dirs: list[tuple[Direction | None, ...]] = []
        self._sorts: list[tuple[Any, ...]] = []
        self._aligns = tuple(_ALIGN[c.align] for c in self._columns)
        self._palette = palette
        self._brushes: dict[Direction, QColor | None] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._set_brushes()
        # Coalescing for bursty feeds: queue_upsert() collects, the timer applies at most once
        # per interval (the electrum "rate-limited refresh" idea, at the model level).
        self._pending: dict[Hashable, Any] = {}
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(coalesce_ms)
        self._flush_timer.timeout.connect(self.flush)

    # -- public API -------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def palette(self) -> Palette:
        return self._palette

    def column_of(self, key: str) -> int | None:
        for i, c in enumerate(self._columns):
            if c.key == key:
                return i
        return None

    def record_at(self, row: int) -> Any:
        return self._records[row]

    def key_at(self, row: int) -> Hashable:
        return self._keys[row]

    def row_of(self, key: Hashable) -> int | None:
        return self._rows.get(key)

    def records(self) -> list[Any]:
        return list(self._records)

    def sort_value_at(self, row: int, column: int) -> Any:
        return self._sorts[row][column]

    def texts_at(self, row: int) -> tuple[str, ...]:
        return self._texts[row]

    def set_records(self, records: Iterable[Any]) -> None:
        """Replace the contents with a full snapshot, incrementally.

        Rows whose key vanished are removed, rows with a new key are appended, the rest are
        updated in place with ``dataChanged`` on the changed cells only. Pending queued updates
        are dropped: the snapshot is the truth as of now.
        """
        self._pending.clear()
        self._flush_timer.stop()
        fresh: dict[Hashable, Any] = {}
        for record in records:
            fresh[self._row_key(record)] = record
        self._remove_rows([r for r, k in enumerate(self._keys) if k not in fresh])
        self._apply(fresh)

    def upsert(self, records: Iterable[Any]) -> None:
        """Update rows that exist and append the others; nothing is removed."""
        fresh: dict[Hashable, Any] = {}
        for record in records:
            key = self._row_key(record)
            fresh[key] = record
            self._pending.pop(key, None)
        self._apply(fresh)

    def queue_upsert(self, records: Iterable[Any]) -> None:
        """Like ``upsert`` but coalesced: applied at most once per ``coalesce_ms`` (last wins)."""
        for record in records:
            self._pending[self._row_key(record)] = record
        if self._pending and not self._flush_timer.isActive():
            self._flush_timer.start()

    def flush(self) -> None:
        """Apply queued updates now."""
        self._flush_timer.stop()
        if self._pending:
            pending, self._pending = self._pending, {}
            self._apply(pending)

    def remove(self, keys: Iterable[Hashable]) -> None:
        self._remove_rows(sorted({r for k in keys if (r := self._rows.get(k)) is not None}))

    def clear(self) -> None:
        self._pending.clear()
        self._flush_timer.stop()
        self._remove_rows(list(range(len(self._records))))

    def set_palette(self, palette: Palette) -> None:
        if palette == self._palette:
            return
        self._palette = palette
        self._set_brushes()
        if self._records and self._columns:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._records) - 1, len(self._columns) - 1),
                [Qt.ItemDataRole.ForegroundRole],
            )

    # -- Qt model interface -----------------------------------------------------------------

    def rowCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _ANY_INDEX, role: int = _DISPLAY) -> Any:
        # Called for every role of every painted cell (a full repaint of a 1280x760 table asks
        # ~3,000 times): plain int comparisons, the roles a delegate asks for first.
        if not index.isValid():
            return None
        role = int(role)
        if role == _DISPLAY:
            return self._texts[index.row()][index.column()]
        if role == _FOREGROUND:
            d = self._dirs[index.row()][index.column()]
            return None if d is None else self._brushes.get(d)
        if role == _ALIGNMENT:
            return self._aligns[index.column()]
        if role == _FONT:
            return self._bold if self._dirs[index.row()][index.column()] in _LIMITS else None
        row, col = index.row(), index.column()
        if role == _TOOLTIP:
            tip = self._columns[col].tooltip
            return tip(self._records[row]) if tip is not None else None
        if role == self.SORT_ROLE:
            return self._sorts[row][col]
        if role == self.DIRECTION_ROLE:
            return self._dirs[row][col]
        if role == self.RAW_ROLE:
            return self._columns[col].raw(self._records[row])
        if role == self.RECORD_ROLE:
            return self._records[row]
        return None

    def multiData(self, index: _ANY_INDEX, span: Any) -> None:
        """Every role a delegate asks for to paint one cell, in one Python call (Qt's default
        calls data() once per role: seven crossings per cell)."""
        if index.isValid():
            self.fill_roles(index.row(), index.column(), span)

    def fill_roles(self, row: int, col: int, span: Any) -> None:
        """Fill a QModelRoleDataSpan for (row, col); also used by the sort proxy, which would
        otherwise ask data() role by role."""
        text, d = self._texts[row][col], self._dirs[row][col]
        for slot in span:
            role = slot.role()
            if role == _DISPLAY:
                slot.setData(text)
            elif role == _FOREGROUND:
                slot.setData(None if d is None else self._brushes.get(d))
            elif role == _ALIGNMENT:
                slot.setData(self._aligns[col])
            elif role == _FONT:
                slot.setData(self._bold if d in _LIMITS else None)
            elif role == _TOOLTIP:
                tip = self._columns[col].tooltip
                slot.setData(tip(self._records[row]) if tip is not None else None)
            elif role in self._OWN_ROLES:
                slot.setData(self.data(self.index(row, col), role))
            else:
                slot.setData(None)  # decoration, background, check state: none here

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.header_tooltip or column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._aligns[section]
        return None

    # -- internals --------------------------------------------------------------------------

    def _set_brushes(self) -> None:
        self._brushes = {}
        for d in Direction:
            color = self._palette.color(d)
            self._brushes[d] = QColor(color) if color else None

    def _compute(self, record: Any) -> tuple[tuple, tuple, tuple]:
        cols = self._columns
        return (
            tuple(c.text(record) for c in cols),
            tuple(c.direction_for(record) for c in cols),
            tuple(c.sort_key(record) for c in cols),
        )

    def _apply(self, fresh: dict[Hashable, Any]) -> None:
        """Update existing keys in place, then append new keys.

        Changed rows are written block by block (adjacent rows whose changed columns are the
        same form one block: one dataChanged per column run), and each block's signal goes out
        before the next block is written. A sort proxy repositions a block's rows by binary
        search among the other rows, so those must still hold the values it sorted them by;
        writing every row first and signalling afterwards leaves rows out of order.
        """
        changed: list[_Change] = []
        new: list[tuple[Hashable, Any]] = []
        ncols = len(self._columns)
        for key, record in fresh.items():
            row = self._rows.get(key)
            if row is None:
                new.append((key, record))
                continue
            texts, dirs, sorts = self._compute(record)
            old_t, old_d, old_s = self._texts[row], self._dirs[row], self._sorts[row]
            if texts == old_t and dirs == old_d and sorts == old_s:
                self._records[row] = record
                continue
            flags = [False] * ncols
            _spans(old_t, texts, flags)
            _spans(old_d, dirs, flags)
            _spans(old_s, sorts, flags)
            changed.append((row, record, texts, dirs, sorts, _runs(flags)))
        changed.sort(key=lambda item: item[0])
        block: list[_Change] = []
        for item in changed:
            if block and (item[0] != block[-1][0] + 1 or item[5] != block[-1][5]):
                self._write_block(block)
                block = []
            block.append(item)
        if block:
            self._write_block(block)
        if new:
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for offset, (key, record) in enumerate(new):
                texts, dirs, sorts = self._compute(record)
                self._records.append(record)
                self._keys.append(key)
                self._texts.append(texts)
                self._dirs.append(dirs)
                self._sorts.append(sorts)
                self._rows[key] = first + offset
            self.endInsertRows()

    def _write_block(self, block: list[_Change]) -> None:
        """Store a block of adjacent changed rows, then tell the views (see ``_apply``)."""
        for row, record, texts, dirs, sorts, _ in block:
            self._records[row] = record
            self._texts[row], self._dirs[row], self._sorts[row] = texts, dirs, sorts
        self._emit_block(block[0][0], block[-1][0], block[0][5])

    def _emit_block(self, first: int, last: int, runs: tuple[Span, ...]) -> None:
        for c0, c1 in runs:
            self.dataChanged.emit(self.index(first, c0), self.index(last, c1), [])

    def _remove_rows(self, rows: list[int]) -> None:
        """Remove the given (ascending) rows in contiguous blocks, bottom-up."""
        if not rows:
            return
        blocks: list[Span] = []
        for r in rows:
            if blocks and r == blocks[-1][1] + 1:
                blocks[-1] = (blocks[-1][0], r)
            else:
                blocks.append((r, r))
        for first, last in reversed(blocks):
            self.beginRemoveRows(QModelIndex(), first, last)
            for key in self._keys[first : last + 1]:
                del self._rows[key]
            for rows_list in (self._records, self._keys, self._texts, self._dirs, self._sorts):
                del rows_list[first : last + 1]
            # Rows below the block moved up; keep the key index right before anyone is told.
            for i in range(first, len(self._keys)):
                self._rows[self._keys[i]] = i
            self.endRemoveRows()
