"""The main window: three tabs, a docked order area, menus, status bar and saved layout."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from kisdesk import APP_NAME
from kisdesk.config.masking import mask_account
from kisdesk.i18n import translate
from kisdesk.ui.allocation import AllocationView
from kisdesk.ui.chart.dock import ChartPanel
from kisdesk.ui.env_badge import env_label
from kisdesk.ui.holdings_tab import HoldingsTab
from kisdesk.ui.order_dock import OrderDock
from kisdesk.ui.overseas_tab import OverseasTab
from kisdesk.ui.rankings_tab import RankingsTab
from kisdesk.ui.status_bar import MainStatusBar
from kisdesk.ui.table_view import RecordTableView
from kisdesk.ui.watchlist import WatchlistTab

LAYOUT_VERSION = 1


class MainWindow(QMainWindow):
    refresh_requested = Signal()
    preferences_requested = Signal()
    closed = Signal()

    def __init__(self, env: str, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.env = env
        self.account = ""
        self.setObjectName("MainWindow")
        self._default_size()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.holdings = HoldingsTab()
        self.overseas = OverseasTab(settings)
        self.rankings = RankingsTab(settings)
        self.tabs.addTab(self.holdings, translate("MainWindow", "Domestic holdings"))
        self.tabs.addTab(self.overseas, translate("MainWindow", "Overseas holdings"))
        self.tabs.addTab(self.rankings, translate("MainWindow", "Rankings"))
        self.watchlist = WatchlistTab(settings)  # Ctrl+4: index 3
        self.tabs.addTab(self.watchlist, translate("MainWindow", "Watchlist"))
        self.allocation = AllocationView()
        self.tabs.addTab(self.allocation, translate("MainWindow", "Allocation"))
        self.setCentralWidget(self.tabs)

        self.order_dock = QDockWidget(translate("MainWindow", "Order"), self)
        self.order_dock.setObjectName("orderDock")
        self.order_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.orders = OrderDock(settings)
        self.close_guard: Callable[[], bool] | None = None  # False: not now (set by the app)
        self.order_dock.setWidget(self.orders)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.order_dock)

        # The chart: hidden until asked for (Ctrl+5), so start-up never loads pyqtgraph.
        self.chart_dock = QDockWidget(translate("MainWindow", "Chart"), self)
        self.chart_dock.setObjectName("chartDock")
        self.chart = ChartPanel(self.orders.keymap)
        self.chart_dock.setWidget(self.chart)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.chart_dock)
        self.chart_dock.hide()

        self.status = MainStatusBar(env)
        self.setStatusBar(self.status)
        self._build_menus()
        self.set_env(env)
        self._default_state = self.saveState(LAYOUT_VERSION)
        self._default_headers = [
            (view, view.view.horizontalHeader().saveState())
            for view in self.findChildren(RecordTableView)
        ]
        self.holdings.sell_requested.connect(self.orders.prefill_sell)
        self.overseas.table.activated_record.connect(self.orders.prefill_overseas)
        self._wire_chart()
        self.rankings.symbol_chosen.connect(self.orders.prefill_symbol)
        self.watchlist.symbol_chosen.connect(self.orders.prefill_symbol)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.orders.install_shortcuts(self)

    def _default_size(self) -> None:
        """Large enough for every holdings column beside the order dock, within the screen."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1480, 860
        if screen is not None and screen.width() > 800:
            width = min(width, int(screen.width() * 0.95))
            height = min(height, int(screen.height() * 0.9))
        self.resize(width, height)

    # -- menus and shortcuts -----------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.export_action = self._action(
            translate("MainWindow", "&Export CSV…"), "Ctrl+E", self.export_current
        )
        file_menu.addAction(self.export_action)
        file_menu.addAction(
            self._action(translate("MainWindow", "Export chart as &PNG…"), None, self._export_chart)
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit, self.close
            )
        )

        view = bar.addMenu(translate("MainWindow", "&View"))
        self.refresh_action = self._action(
            translate("MainWindow", "&Refresh"), "F5", self.refresh_requested.emit
        )
        view.addAction(self.refresh_action)
        view.addSeparator()
        for index, name in enumerate(
            (
                translate("MainWindow", "Domestic holdings"),
                translate("MainWindow", "Overseas holdings"),
                translate("MainWindow", "Rankings"),
                translate("MainWindow", "Watchlist"),
            ),
            start=1,
        ):
            # partial, not ``lambda i=…``: triggered passes ``checked`` (False) as the first
            # argument, which a defaulted lambda parameter takes in place of the index.
            view.addAction(
                self._action(name, f"Ctrl+{index}", partial(self.tabs.setCurrentIndex, index - 1))
            )
        view.addAction(self._action(translate("MainWindow", "&Chart"), "Ctrl+5", self.focus_chart))
        view.addSeparator()
        view.addAction(
            self._action(translate("MainWindow", "Reset &layout"), None, self.reset_layout)
        )

        # Filled by the controller's ProfilesMenu: demo, each saved profile, set-up, log out.
        self.env_menu = bar.addMenu(translate("MainWindow", "&Environment"))

        settings_menu = bar.addMenu(translate("MainWindow", "&Settings"))
        settings_menu.addAction(
            self._action(
                translate("MainWindow", "&Preferences…"), "Ctrl+,", self.preferences_requested.emit
            )
        )

        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(
            self._action(translate("MainWindow", "&Keyboard shortcuts"), "F1", self.show_shortcuts)
        )

    def _action(self, text: str, shortcut, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- state ------------------------------------------------------------------------------
    def set_env(self, env: str) -> None:
        self.env = env
        self.status.set_env(env)
        self.orders.set_env(env)  # the order panel's badge never disagrees with the title
        self._update_title()

    def set_account(self, account: str) -> None:
        self.account = account
        self.status.set_account(account)
        self._update_title()

    def _update_title(self) -> None:
        parts = [APP_NAME, f"[{env_label(self.env)}]"]
        if self.account:
            parts.append(mask_account(self.account))
        self.setWindowTitle(" ".join(parts))

    def export_current(self) -> None:
        view = getattr(self.tabs.currentWidget(), "table", None)
        if view is None:
            QMessageBox.information(
                self, APP_NAME, translate("MainWindow", "This tab has no table to export.")
            )
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("MainWindow", "Export CSV"),
            "kisdesk.csv",
            translate("MainWindow", "CSV files (*.csv)"),
        )
        if path:
            rows = view.export_csv(path)
            self.status.showMessage(
                self.tr("Exported %n row(s) to {path}", None, rows).format(path=path),
                5000,
            )

    def show_shortcuts(self) -> None:
        """F1: every key of the window and of the order panel (from its keymap), in one sheet."""
        where = translate("MainWindow", "Window")
        rows: list[tuple[str, str, str]] = [
            (where, "F1", translate("MainWindow", "Keyboard shortcuts")),
            (where, "F5", translate("MainWindow", "Refresh")),
            (
                where,
                "Ctrl+1 / 2 / 3 / 4",
                translate(
                    "MainWindow", "Domestic holdings / Overseas holdings / Rankings / Watchlist"
                ),
            ),
            (where, "Ctrl+5", translate("MainWindow", "Show the chart and give it the keyboard")),
            (where, "Ctrl+E", translate("MainWindow", "Export the current table as CSV")),
            (
                where,
                translate("MainWindow", "Enter, double-click"),
                translate("MainWindow", "Sell the selected holding (prefills the order panel)"),
            ),
            (
                translate("MainWindow", "Watchlist"),
                "Ins / F2 / Del, Ctrl+Up / Down, Enter",
                translate(
                    "MainWindow",
                    "Groups: new / rename / delete / move; table: add (Ins), remove, move, "
                    "send to the order panel",
                ),
            ),
            (where, "Ctrl+,", translate("MainWindow", "Preferences")),
            (where, "Ctrl+Q", translate("MainWindow", "Quit")),
            *self.orders.cheat_sheet_rows(),
        ]
        html = (
            "<table>"
            + "".join(
                f"<tr><td>{escape(w)}</td><td>&nbsp;<b>{escape(k)}</b>&nbsp;</td>"
                f"<td>{escape(v)}</td></tr>"
                for w, k, v in rows
            )
            + "</table>"
        )
        box = QMessageBox(self)
        box.setWindowTitle(translate("MainWindow", "Keyboard shortcuts"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(html)
        box.finished.connect(box.deleteLater)
        self.shortcuts_box = box
        box.open()

    # -- chart and allocation ----------------------------------------------------------------
    def _wire_chart(self) -> None:
        """The chart follows the order panel (its ticket's quotes also move the last bar) and
        the selected row of a holdings table that has the keyboard; the allocation view follows
        both holdings tables and selects a holding in its table."""
        ticket = self.orders.panel.ticket
        ticket.quote_changed.connect(
            lambda quote, first: self.chart.on_quote(ticket.symbol, quote, first)
        )
        for table in (self.holdings.table, self.overseas.table):
            table.view.selectionModel().currentRowChanged.connect(
                lambda _cur, _prev, t=table: self._row_to_chart(t)
            )
            for signal in (
                table.model.modelReset,
                table.model.dataChanged,
                table.model.rowsInserted,
            ):
                signal.connect(self._refresh_allocation)
        self.allocation.holding_chosen.connect(self.select_holding)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.watchlist:
            self.watchlist.focus_default()

    def _row_to_chart(self, table: RecordTableView) -> None:
        if table.view.hasFocus():
            self.chart.follow_record(table.current_record())

    def _refresh_allocation(self, *_args: object) -> None:
        self.allocation.set_holdings(
            list(self.holdings.table.model.records()), list(self.overseas.table.model.records())
        )

    def select_holding(self, record: object) -> None:
        """A holding chosen in the allocation view: its tab, its row, and the chart on it."""
        overseas = bool(getattr(record, "exchange", ""))
        tab = self.overseas if overseas else self.holdings
        self.tabs.setCurrentWidget(tab)
        table = tab.table
        for row in range(table.proxy.rowCount()):
            source = table.proxy.mapToSource(table.proxy.index(row, 0)).row()
            if table.model.record_at(source) is record:
                table.view.setFocus()
                table.view.setCurrentIndex(table.proxy.index(row, 0))
                break
        self.chart.follow_record(record)

    def focus_chart(self) -> None:
        """Ctrl+5: the chart dock shown, raised, and holding the keyboard."""
        self.chart_dock.show()
        if self.chart_dock.height() < self.height() // 3 and not self.chart_dock.isFloating():
            self.resizeDocks([self.chart_dock], [int(self.height() * 0.5)], Qt.Orientation.Vertical)
        self.chart_dock.raise_()
        self.chart.ensure_view()
        self.chart.focus_chart()

    def _export_chart(self) -> None:
        if self.chart.view is None:
            self.focus_chart()
        self.chart.export_png()

    # -- layout persistence ------------------------------------------------------------------
    def restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state, LAYOUT_VERSION)
        self.holdings.restore_state(self.settings)
        self.overseas.restore_state(self.settings)
        self.rankings.restore_state(self.settings)
        self.watchlist.restore_state(self.settings)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(LAYOUT_VERSION))
        self.holdings.save_state(self.settings)
        self.overseas.save_state(self.settings)
        self.rankings.save_state(self.settings)
        self.watchlist.save_state(self.settings)
        self.settings.sync()

    def reset_layout(self) -> None:
        """Back to the layout the window was built with: docks, column order and widths."""
        self.restoreState(self._default_state, LAYOUT_VERSION)
        self.order_dock.show()
        for view, state in self._default_headers:
            view.view.horizontalHeader().restoreState(state)
        for key in list(self.settings.allKeys()):
            if key.startswith(("window/state", "tables/")) or key.endswith("/header"):
                self.settings.remove(key)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The controller may hold the close until an order in flight is answered.
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        self.save_layout()
        super().closeEvent(event)
        self.closed.emit()
