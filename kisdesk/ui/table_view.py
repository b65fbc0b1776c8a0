"""The table widget every kisdesk table uses: a filter box over a sorted, filtered record table."""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QModelIndex, QObject, QSettings, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kisdesk.models.columns import Column
from kisdesk.models.csv_export import export_csv
from kisdesk.models.palette import KOREAN, Palette
from kisdesk.models.proxy import RecordSortFilterProxy
from kisdesk.models.table import RecordTableModel

_PLAIN_KEY = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class RecordTableView(QWidget):
    """Filter box + QTableView over ``RecordSortFilterProxy`` over ``RecordTableModel``.

    Build it from a model, or from columns and a row key. Double-click or Enter/Return on a row
    emits ``activated_record(record)``. Ctrl+C copies the selected rows as tab-separated text.
    """

    activated_record = QtSignal(object)

    def __init__(
        self,
        model_or_columns: RecordTableModel | Sequence[Column],
        row_key: Callable[[Any], Hashable] | None = None,
        parent: QWidget | None = None,
        *,
        palette: Palette = KOREAN,
    ) -> None:
        super().__init__(parent)
        if isinstance(model_or_columns, RecordTableModel):
            model = model_or_columns
        else:
            if row_key is None:
                raise ValueError("row_key is required when building from columns")
            model = RecordTableModel(model_or_columns, row_key, palette=palette)
        if model.parent() is None:
            model.setParent(self)
        self._model = model
        self._proxy = RecordSortFilterProxy(self)
        self._proxy.setSourceModel(model)

        self._filter = QLineEdit(self)
        self._filter.setPlaceholderText(QCoreApplication.translate("RecordTableView", "Filter…"))
        self._filter.setClearButtonEnabled(True)
        self._filter.textChanged.connect(self._proxy.set_filter_text)
        self._filter.returnPressed.connect(self._focus_table)

        view = QTableView(self)
        view.setModel(self._proxy)
        view.setSortingEnabled(True)
        # setSortingEnabled sorts by column 0 at once; start unsorted (model order) instead.
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._proxy.sort(-1)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
        header = view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.doubleClicked.connect(self._on_activated)
        view.installEventFilter(self)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._view = view

        copy = QAction(QCoreApplication.translate("RecordTableView", "Copy"), self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        export = QAction(QCoreApplication.translate("RecordTableView", "Export to CSV…"), self)
        export.triggered.connect(self._export_interactive)
        view.addAction(copy)
        view.addAction(export)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self._filter)
        layout.addWidget(view)

    # -- properties -------------------------------------------------------------------------

    @property
    def model(self) -> RecordTableModel:
        return self._model

    @property
    def proxy(self) -> RecordSortFilterProxy:
        return self._proxy

    @property
    def view(self) -> QTableView:
        return self._view

    @property
    def filter_edit(self) -> QLineEdit:
        return self._filter

    # -- records ----------------------------------------------------------------------------

    # Records are whatever the columns read (holdings, orders, rankings): genuinely any type.
    def set_records(self, records: Iterable[Any]) -> None:
        self._model.set_records(records)

    def current_record(self) -> Any:
        index = self._view.currentIndex()
        if not index.isValid():
            return None
        return self._model.record_at(self._proxy.mapToSource(index).row())

    def selected_records(self) -> list[Any]:
        rows = self._view.selectionModel().selectedRows()
        rows.sort(key=lambda i: i.row())
        return [self._model.record_at(self._proxy.mapToSource(i).row()) for i in rows]

    def visual_columns(self) -> list[int]:
        """Logical column numbers of the visible columns, in on-screen order."""
        header = self._view.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [c for c in logical if not header.isSectionHidden(c)]

    # -- export / copy ----------------------------------------------------------------------

    def export_csv(self, path: str | os.PathLike[str]) -> int:
        """Write what the view shows (its order, its filter, its column order) with exact values."""
        return export_csv(self._proxy, path, columns=self.visual_columns())

    def copy_selection(self) -> None:
        rows = sorted({i.row() for i in self._view.selectionModel().selectedIndexes()})
        cols = self.visual_columns()
        lines = ["\t".join(str(self._proxy.index(r, c).data() or "") for c in cols) for r in rows]
        if lines:
            QApplication.clipboard().setText("\n".join(lines))

    def _export_interactive(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("RecordTableView", "Export to CSV"),
            "",
            QCoreApplication.translate("RecordTableView", "CSV files (*.csv)"),
        )
        if path:
            self.export_csv(path)

    # -- header state -----------------------------------------------------------------------

    def _signature(self) -> str:
        return ",".join(c.key for c in self._model.columns)

    def _titles(self) -> str:
        return "\x1f".join(c.title for c in self._model.columns)

    def save_state(self, settings: QSettings, key: str) -> None:
        """Persist column order, widths and sort under ``key`` (plus the column keys, so a
        changed column set ignores a stale layout instead of scrambling it, and the titles)."""
        settings.setValue(f"{key}/header", self._view.horizontalHeader().saveState())
        settings.setValue(f"{key}/columns", self._signature())
        settings.setValue(f"{key}/titles", self._titles())

    def restore_state(self, settings: QSettings, key: str) -> bool:
        """Restore what ``save_state`` kept. True when the widths still fit: False when nothing
        was restored, and also when the titles changed since (another language: widths fitted
        to 등락률 clip "Change %"), so the caller fits the widths to the data again while the
        order and the sort stay restored."""
        if settings.value(f"{key}/columns") != self._signature():
            return False
        state = settings.value(f"{key}/header")
        if isinstance(state, bytes | bytearray):
            state = QByteArray(bytes(state))
        if not isinstance(state, QByteArray) or state.isEmpty():
            return False
        header = self._view.horizontalHeader()
        if not header.restoreState(state):
            return False
        self._proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        return settings.value(f"{key}/titles") == self._titles()

    def _focus_table(self) -> None:
        """Return in the filter box jumps to the table (first row if nothing is current)."""
        self._view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self._view.currentIndex().isValid() and self._proxy.rowCount():
            self._view.setCurrentIndex(self._proxy.index(0, 0))

    # -- activation -------------------------------------------------------------------------

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated_record.emit(self._model.record_at(self._proxy.mapToSource(index).row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            self._on_activated(self._view.currentIndex())
            return True
        return super().eventFilter(watched, event)
