"""CSV export of any table: exact values, UTF-8 with a BOM so Excel reads Hangul correctly."""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Sequence
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QModelIndex, Qt

from kisdesk.domain.format import fmt_plain
from kisdesk.models.table import RecordTableModel

_NO_EXACT = object()


def exact_text(value: Any) -> Any:
    """The exact text of a raw value, or ``_NO_EXACT`` when the display text should be used."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return fmt_plain(value)
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, str | int):  # bool is an int; "True"/"False" is exact enough
        return str(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return _NO_EXACT


def _source_of(model: QAbstractItemModel) -> tuple[RecordTableModel | None, list[Any]]:
    """The RecordTableModel under a chain of proxies, and the chain (outermost first)."""
    chain: list[Any] = []
    m: Any = model
    while isinstance(m, QAbstractProxyModel):
        chain.append(m)
        m = m.sourceModel()
    return (m if isinstance(m, RecordTableModel) else None), chain


def export_csv(
    model: QAbstractItemModel,
    path: str | os.PathLike[str],
    *,
    columns: Sequence[int] | None = None,
) -> int:
    """Write the rows of ``model`` (a RecordTableModel or a proxy over one, in that proxy's
    current order and filter) to ``path``. Returns the number of data rows written.

    ``columns`` are the model's column numbers in output order (e.g. the header's visual order);
    default all. Columns marked ``export=False`` are skipped. Over a RecordTableModel the values
    are the raw ones (``Decimal("-1.23")`` -> ``-1.23``, no separators); over any other model the
    display text is written.
    """
    source, chain = _source_of(model)
    cols = list(range(model.columnCount())) if columns is None else list(columns)
    if source is not None:
        cols = [c for c in cols if source.columns[c].export]
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([model.headerData(c, Qt.Orientation.Horizontal) or "" for c in cols])
        rows = model.rowCount()
        for r in range(rows):
            if source is None:
                writer.writerow([str(model.index(r, c).data() or "") for c in cols])
                continue
            idx: QModelIndex = model.index(r, 0)
            for proxy in chain:
                idx = proxy.mapToSource(idx)
            record = source.record_at(idx.row())
            out = []
            for c in cols:
                text = exact_text(source.columns[c].raw(record))
                out.append(source.texts_at(idx.row())[c] if text is _NO_EXACT else text)
            writer.writerow(out)
    return rows
