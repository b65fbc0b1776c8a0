"""The order area docked beside the tabs: environment badge, the order panel, and tables of open
orders, executions and the orders sent from here. The integration surface for the main window:

    dock = OrderDock(settings)
    main_window.order_dock.setWidget(dock)
    dock.install_shortcuts(main_window)
    dock.set_session(session)          # a Session with its orders started, None when disconnected

The session owns its order service (``session.orders``: made, started and closed with it); the
dock and its views only listen to it and send through it.
"""

from __future__ import annotations

import logging
import weakref
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kisdesk.config.settings import OrderSettings
from kisdesk.domain.order_rules import confirmation_required
from kisdesk.domain.order_types import Side
from kisdesk.domain.symbols import Symbol, SymbolIndex, load_trading_index
from kisdesk.i18n import translate
from kisdesk.kis.base import today_kst
from kisdesk.kis.records import DomesticHolding
from kisdesk.models.palette import Palette
from kisdesk.services.live_apply import execution_after, open_orders_after
from kisdesk.services.live_quotes import domestic
from kisdesk.services.orders import OrderService
from kisdesk.services.session import Session
from kisdesk.ui.env_badge import EnvBadge
from kisdesk.ui.keymap import CheatSheet, Keymap
from kisdesk.ui.ladder import OrderLadder
from kisdesk.ui.notices import NoticeCentre, NoticesLog
from kisdesk.ui.open_orders import ExecutionsView, OpenOrdersView, SentOrdersView
from kisdesk.ui.order_panel import OrderPanel
from kisdesk.ui.overseas_form import OverseasPanel

log = logging.getLogger(__name__)

GLOBAL_ACTIONS = (
    "focus_symbol",
    "buy",
    "sell",
    "open_orders",
    "cheat_sheet",
    "order_market",
    "focus_ladder",
)
# After an execution notice, the REST reads that confirm it wait this long, so an order's
# acknowledgement and its fill (milliseconds apart) cost one reconcile.
NOTICE_RECONCILE_MS = 250
MASTER_FILES_DIR = "master"  # under the cache folder: kospi_code.mst, kosdaq_code.mst, …


def master_dir() -> Path:
    """Where KIS's domestic master files are looked for (master-files.md); nothing downloads
    them here — whatever puts them there refreshes the symbol list on the next connect."""
    from kisdesk.config.paths import cache_dir

    return cache_dir() / MASTER_FILES_DIR


def symbol_index_for(env: str) -> SymbolIndex:
    """Demo uses the shipped list (it is the simulator's universe); paper and real take the
    master files on disk when there are any. Overseas issues (shipped lists) are searched too."""
    if env in ("paper", "real"):
        folder = master_dir()
        if any(folder.glob("*.mst")):
            return load_trading_index(str(folder))
    return load_trading_index()


class OrderDock(QWidget):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderDockWidget")
        self.settings = settings
        self.keymap = Keymap(settings, self)
        self.session: Session | None = None
        self.env = "demo"
        self._shortcuts: list[QShortcut] = []
        # Weak: the window holds this dock (window.orders), a strong reference back is a cycle.
        self._window: weakref.ref[QMainWindow] | None = None
        self.cheat_sheet: CheatSheet | None = None
        self.hub: Any = None  # the session's QuoteHub (live quotes, execution notices)
        self._watched_service: OrderService | None = None  # open orders tell the hub their codes
        self.ticket_quotes: Any = None
        self.notices_applied = 0
        self._reconcile = QTimer(self)
        self._reconcile.setSingleShot(True)
        self._reconcile.setInterval(NOTICE_RECONCILE_MS)
        self._reconcile.timeout.connect(self._reconcile_now)

        self.badge = EnvBadge("demo")
        self.confirm_box = QCheckBox(translate("OrderDock", "Confirm before sending"))
        self.confirm_box.setObjectName("confirmBox")
        self.confirm_box.toggled.connect(self._on_confirm_toggled)
        help_button = QPushButton(translate("OrderDock", "Keys…"))
        help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        help_button.clicked.connect(self.show_cheat_sheet)
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addWidget(self.confirm_box, 1)
        top.addWidget(help_button)

        self.panel = OrderPanel(self.keymap, settings)
        self._build_overseas(settings)
        self.ladder = OrderLadder()
        self.ladder.picked.connect(self._on_ladder_pick)
        self.ladder.escaped.connect(self.panel.price_edit.setFocus)
        self.open_orders = OpenOrdersView(self.keymap)
        self.executions = ExecutionsView()
        self.sent = SentOrdersView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("orderTabs")
        self.tabs.addTab(self.open_orders, translate("OrderDock", "Open orders"))
        self.tabs.addTab(self.executions, translate("OrderDock", "Executions"))
        self.tabs.addTab(self.sent, translate("OrderDock", "Sent"))
        self.notices_log = NoticesLog()
        self.tabs.addTab(self.notices_log, translate("OrderDock", "Notices"))
        self.notices = NoticeCentre(settings, self.notices_log, self.panel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.market_bar)
        layout.addWidget(self.panels)
        layout.addWidget(self.ladder)
        layout.addWidget(self.tabs, 1)
        self.setMinimumWidth(320)
        self.keymap.changed.connect(self._rebuild_shortcuts)
        self._sync_confirm_box()

    # -- integration contract ------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        """Attach to a connected session and its order service; None clears everything
        (disconnected). The session started its service; closing the session stops it."""
        self._set_hub(session.hub if session is not None else None)
        self.session = session
        if session is not None:
            self.env = session.env.name
        # Disconnected: keep the environment being connected to (set_env), never "demo".
        self.badge.set_env(self.env)
        service = self.service
        if session is not None:
            self.panel.set_symbols(symbol_index_for(self.env))
            self.ovs_panel.set_symbols(self.panel.symbols)
            self.panel.reload_settings()
        self.panel.set_service(service, self.env)
        self._attach_overseas(session, service)
        self.open_orders.set_service(service, self.env)
        self.executions.set_service(service)
        self.sent.set_service(service)
        self._sync_confirm_box()
        if service is not None and service is not self._watched_service:
            service.open_orders_loaded.connect(self._watch_open_orders)
            service.order_updated.connect(self.notices.on_order)
        self._watched_service = service
        self.notices.service = service

    @property
    def service(self) -> OrderService | None:
        """The session's order service (None: disconnected, or the session has none yet)."""
        return self.session.orders if self.session is not None else None

    def set_env(self, env: str) -> None:
        """The environment the app is on (or connecting to), also while disconnected."""
        self.env = env
        self.badge.set_env(env)
        self._sync_confirm_box()

    def prefill_sell(self, holding: DomesticHolding) -> None:
        """From the holdings table: sell side, the symbol, its orderable quantity; focus qty."""
        self._raise_dock()
        self.show_market(overseas=False)
        self.panel.set_side(Side.SELL)
        if not self.panel.load_symbol(str(holding.code)):
            return
        qty = int(holding.orderable_qty or 0)
        self.panel.set_quantity(qty if qty > 0 else None)
        if self.panel.order_type.needs_price:
            self.panel.set_price(holding.price)
        self.panel.focus_quantity()

    def prefill_symbol(self, code: str) -> None:
        self._raise_dock()
        self.show_market(overseas=False)
        if self.panel.load_symbol(code):
            self.panel.focus_quantity()
        else:
            self.panel.focus_symbol()

    def focus_symbol(self) -> None:
        self._raise_dock()
        self.active_panel.focus_symbol()

    def install_shortcuts(self, window: QMainWindow) -> None:
        """Window-wide keys from the keymap (F2 symbol, F9 buy, F10 sell, F11 open orders,
        Shift+F1 cheat sheet); rebuilt when the keymap changes."""
        self._window = weakref.ref(window)
        self._rebuild_shortcuts()

    def set_palette(self, palette: Palette) -> None:
        self.panel.set_palette(palette)
        self.ovs_panel.set_palette(palette)
        self.ladder.set_palette(palette)
        self.notices.palette = palette
        self.open_orders.set_palette(palette)
        self.executions.set_palette(palette)
        self.sent.set_palette(palette)

    # -- keys ----------------------------------------------------------------------------------
    def _rebuild_shortcuts(self) -> None:
        for sc in self._shortcuts:
            sc.setEnabled(False)
            sc.deleteLater()
        self._shortcuts = []
        window = self._window() if self._window is not None else None
        if window is None:
            return
        handlers = {
            "focus_symbol": self.focus_symbol,
            "buy": lambda: self._side_key(Side.BUY),
            "sell": lambda: self._side_key(Side.SELL),
            "open_orders": self.focus_open_orders,
            "cheat_sheet": self.show_cheat_sheet,
            "order_market": self.toggle_market,
            "focus_ladder": self.focus_ladder,
        }
        for action_id in GLOBAL_ACTIONS:
            for seq in self.keymap.sequences(action_id):
                sc = QShortcut(QKeySequence(seq), window)
                sc.setContext(Qt.ShortcutContext.WindowShortcut)
                sc.activated.connect(handlers[action_id])
                self._shortcuts.append(sc)

    def _side_key(self, side: Side) -> None:
        self._raise_dock()
        panel = self.active_panel
        panel.set_side(side)
        if panel.symbol is None:
            panel.focus_symbol()
        else:
            panel.focus_quantity()

    def focus_open_orders(self) -> None:
        self._raise_dock()
        self.tabs.setCurrentWidget(self.open_orders)
        self.open_orders.focus_table()

    def focus_ladder(self) -> None:
        self._raise_dock()
        self.ladder.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_ladder_pick(self, price: Any) -> None:
        """The ladder's level into the ticket's price field; the side and the rest stay."""
        self.panel.set_price(price)
        self.panel.price_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_cheat_sheet(self) -> None:
        sheet = CheatSheet(self.keymap, self.window())
        self.cheat_sheet = sheet
        sheet.finished.connect(sheet.deleteLater)
        sheet.open()

    def cheat_sheet_rows(self) -> list[tuple[str, str, str]]:
        """For the main window's F1 list: (where, keys, what)."""
        return self.keymap.cheat_sheet_rows()

    def _raise_dock(self) -> None:
        w: QWidget | None = self.parentWidget()
        while w is not None and not isinstance(w, QDockWidget):
            w = w.parentWidget()
        if isinstance(w, QDockWidget):
            w.show()
            w.raise_()

    def reload_settings(self) -> None:
        """After Preferences: confirmation and the fat-finger guard take effect at once (the
        app gives the session's order service its part, the hashkey)."""
        self.panel.reload_settings()
        self.ovs_panel.reload_settings()
        self._sync_confirm_box()

    # -- confirmation setting ------------------------------------------------------------------
    def _sync_confirm_box(self) -> None:
        prefs = OrderSettings.load(self.settings)
        real = self.env == "real"
        self.confirm_box.blockSignals(True)
        self.confirm_box.setChecked(confirmation_required(self.env, prefs.confirm))
        self.confirm_box.setEnabled(not real)
        self.confirm_box.setToolTip(
            translate("OrderDock", "Orders with real money are always confirmed.") if real else ""
        )
        self.confirm_box.blockSignals(False)

    def _on_confirm_toggled(self, on: bool) -> None:
        if self.env == "real" and not on:  # cannot happen through the UI; keep it that way
            self._sync_confirm_box()
            return
        self.settings.setValue("orders/confirm", on)
        self.panel.reload_settings()
        self.ovs_panel.reload_settings()

    # -- overseas: the second panel and switching between the two ------------------------------
    def _build_overseas(self, settings: QSettings) -> None:
        """The overseas panel beside the domestic one (a stack), and a bar that names the side
        in use. Picking a symbol of the other kind in either panel switches (F8 too)."""
        self.ovs_panel = OverseasPanel(self.keymap, settings, symbols=self.panel.symbols)
        self.panels = QStackedWidget()
        self.panels.addWidget(self.panel)
        self.panels.addWidget(self.ovs_panel)
        self.market_bar = QTabBar()
        self.market_bar.setObjectName("marketBar")
        self.market_bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.market_bar.addTab(translate("OrderDock", "Domestic"))
        self.market_bar.addTab(translate("OrderDock", "Overseas (F8)"))
        self.market_bar.currentChanged.connect(lambda i: self.show_market(overseas=i == 1))
        self.panel.switch_requested.connect(self._take_symbol)
        self.ovs_panel.switch_requested.connect(self._take_symbol)
        self._ovs_session: Session | None = None  # attached to the overseas panel lazily on paper

    @property
    def overseas(self) -> bool:
        return self.panels.currentWidget() is self.ovs_panel

    @property
    def active_panel(self) -> OrderPanel:
        return self.ovs_panel if self.overseas else self.panel

    def show_market(self, *, overseas: bool) -> None:
        """Show the domestic or the overseas panel (the other keeps what was typed)."""
        if overseas:
            self._ensure_overseas_service()
        self.panels.setCurrentWidget(self.ovs_panel if overseas else self.panel)
        self.market_bar.blockSignals(True)
        self.market_bar.setCurrentIndex(1 if overseas else 0)
        self.market_bar.blockSignals(False)

    def toggle_market(self) -> None:
        """F8: the other panel, keys on its symbol field."""
        self._raise_dock()
        self.show_market(overseas=not self.overseas)
        self.active_panel.focus_symbol()

    def _take_symbol(self, symbol: Symbol) -> None:
        """A symbol of the other kind was picked in a panel's search: switch and take it."""
        self.show_market(overseas=symbol.overseas)
        panel = self.active_panel
        panel.symbol_edit.choose(symbol)
        panel.focus_symbol()

    def prefill_overseas(self, row: object) -> None:
        """From the overseas holdings table: sell side, the listing, its orderable quantity at
        its price; focus the quantity."""
        exchange, code = str(getattr(row, "exchange", "")), str(getattr(row, "code", ""))
        if not exchange or not code:
            return
        self._raise_dock()
        self.show_market(overseas=True)
        panel = self.ovs_panel
        panel.set_side(Side.SELL)
        if not panel.load_listing(exchange, code, str(getattr(row, "name", ""))):
            return
        qty = int(getattr(row, "orderable_qty", 0) or 0)
        panel.set_quantity(qty if qty > 0 else None)
        price = getattr(row, "price", None)
        if price:
            panel.set_price(price)
        panel.focus_quantity()

    def _attach_overseas(self, session: Session | None, service: OrderService | None) -> None:
        """The overseas panel follows the session from the first time the overseas side is used:
        only then does the service follow overseas orders (O5, O9) too, so a desk that trades at
        home only makes no overseas calls (paper allows 2 a second) and keeps its timing."""
        from kisdesk.services.overseas_ticket import always_open, kis_hours

        self._ovs_session = session
        sim = getattr(session, "sim", None) if session is not None else None
        if sim is not None and getattr(sim, "market_hours", "always") == "always":
            self.ovs_panel.set_hours(always_open)
        elif sim is not None:
            self.ovs_panel.set_hours(kis_hours, sim.now)  # the simulator's clock
        else:
            self.ovs_panel.set_hours(kis_hours)
        ticket = self.ovs_panel.ovs_ticket
        paper = service is not None and service.profile == "paper"
        # Modify and cancel of an overseas order look at the same sessions as the panel.
        self.open_orders.route_for = lambda ex: ticket.router(ex, ticket.clock(), paper)
        self.ovs_panel.reload_settings()
        lazy = service is not None and not self.overseas
        self.ovs_panel.set_service(None if lazy else service, self.env)

    def _ensure_overseas_service(self) -> None:
        if self.service is not None and self.ovs_panel.service is not self.service:
            self.ovs_panel.set_service(self.service, self.env)

    # -- live quotes and execution notices -----------------------------------------------------
    def _set_hub(self, hub: Any) -> None:
        """The session's QuoteHub: the ticket's quote streams, notices move the tables."""
        self._reconcile.stop()
        old, self.hub = self.hub, None
        if self.ticket_quotes is not None:
            self.ticket_quotes.close()
            self.ticket_quotes.deleteLater()
            self.ticket_quotes = None
        if old is not None:
            old.notice.disconnect(self._on_notice)
            old.notice.disconnect(self.notices.on_notice)
            old.release_owner(self)
        if hub is not None:
            from kisdesk.services.ticket_quotes import TicketQuotes

            hub.notice.connect(self.notices.on_notice)  # the toast and log line first
            hub.notice.connect(self._on_notice)
            self.ticket_quotes = TicketQuotes(hub, self.panel.ticket, parent=self)
        self.ladder.attach(hub, self.panel.ticket)
        self.hub = hub

    def _watch_open_orders(self, orders: list[Any]) -> None:
        if self.hub is not None:
            from kisdesk.kis.realtime import Priority  # loaded with the session's stream

            self.hub.watch_only(self, [domestic(o.code) for o in orders], Priority.OPEN_ORDER)

    def _on_notice(self, notice: Any) -> None:
        """An acknowledgement or a fill: the open orders and today's executions move now (the
        holdings tab moves its row on the same notice); REST confirms shortly after."""
        if not hasattr(notice, "revision") or self.service is None:
            return
        model = self.open_orders.table.model
        current = {o.order_no: o for o in model.records()}
        changes = open_orders_after(current, notice)
        model.remove([no for no, o in changes.items() if o is None and no in current])
        model.upsert([o for o in changes.values() if o is not None])
        if not self.executions.showing_range:
            ex_model = self.executions.table.model
            rows = {r.order_no: r for r in ex_model.records()}
            ex_model.upsert(execution_after(rows, notice, today_kst().strftime("%Y%m%d")).values())
        self.notices_applied += 1
        self._reconcile.start()

    def _reconcile_now(self) -> None:
        service = self.service
        if service is not None:
            service.refresh_open_orders()
            service.refresh_today(notify=True)  # orders_changed: holdings and buying power
