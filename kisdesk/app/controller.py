"""The app shell: the main window, its menus and dialogs, following the session life cycle.

The widget-free half of connecting, switching, logging out and letting orders settle is
services/session_manager.py; here its signals become status text, message boxes and the set-up
dialog, and the window's widgets are given the session (``set_session``) or let go of it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QMessageBox

from kisdesk.config.profiles import Profile
from kisdesk.config.settings import OrderSettings, Preferences
from kisdesk.i18n import translate
from kisdesk.kis.events import ClientEvent, EventKind
from kisdesk.kis.records import DomesticBalance
from kisdesk.models.palette import KOREAN, WESTERN, Palette
from kisdesk.services.refresher import Refresher
from kisdesk.services.session import Session
from kisdesk.services.session_manager import DemoOptions, SessionFactory, SessionManager
from kisdesk.ui.data_tab import DataTab
from kisdesk.ui.main_window import MainWindow
from kisdesk.ui.preferences_dialog import PreferencesDialog
from kisdesk.ui.profiles_menu import ProfilesMenu

log = logging.getLogger(__name__)


class SessionView(Protocol):
    """A widget that follows the session (the data tabs, the order dock, the chart)."""

    def set_session(self, session: Session | None) -> None: ...
    def set_palette(self, palette: Palette) -> None: ...


class AppController(QObject):
    """Owns the window and the session manager (at most one session at a time).

    ``base_urls`` overrides the KIS host per environment (tests point paper/real profiles at the
    simulator); real users never set it. ``session_factory``: connect with this instead (tests
    and benches: a simulator they stop, restart, slow).
    """

    def __init__(
        self,
        settings: QSettings,
        env: str = "demo",
        *,
        profile: Profile | None = None,
        seed: int | None = None,
        demo_options: DemoOptions | None = None,
        base_urls: Mapping[str, str] | None = None,
        session_factory: SessionFactory | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.sessions = SessionManager(
            settings,
            env,
            profile=profile,
            seed=seed,
            demo_options=demo_options,
            base_urls=base_urls,
            session_factory=session_factory,
            detach=self._detach,
            parent=self,
        )
        self.prefs = Preferences.load(settings, self.env)
        self.window = MainWindow(self.env, settings)
        self._closed = asyncio.Event()
        self._first_load: asyncio.Future[tuple[bool, str]] = (
            asyncio.get_event_loop().create_future()
        )
        self._shut_down = False
        self._closing = False  # the close button was pressed while an order was in flight
        self.window.close_guard = self._close_guard

        sessions = self.sessions
        sessions.connecting.connect(self._on_connecting)
        sessions.connected.connect(self._on_connected)
        sessions.failed.connect(self._show_failure)
        sessions.needs_setup.connect(self._needs_setup)
        sessions.settling.connect(self._on_settling)
        sessions.settled.connect(self._on_settled)
        sessions.logged_out.connect(self._on_logged_out)
        sessions.client_event.connect(self._on_client_event)

        # The holdings refresh is the session's heartbeat: the status bar and the first load
        # follow it. Every data tab refreshes itself (DataTab).
        tab = self.window.holdings
        tab.loaded.connect(self._on_holdings_loaded)
        tab.failed.connect(self._on_holdings_failed)
        tab.retry_requested.connect(self._reconnect_if_disconnected)
        self.window.refresh_requested.connect(self.refresh_current)
        self.window.closed.connect(self._closed.set)
        self.window.preferences_requested.connect(self.open_preferences)
        self.window.rankings.market_data_key_requested.connect(self._edit_current_profile)
        self.preferences_dialog: PreferencesDialog | None = None
        self._apply_palette()
        self._apply_refresh_interval()

        self.profiles_menu = ProfilesMenu(
            self.window.env_menu,
            settings,
            on_switch=sessions.request_switch,
            on_logout=sessions.request_logout,
            on_saved=self._on_profile_saved,
            current=profile,
            window=self.window,
            base_urls=sessions.base_urls,
        )

        self._usage_timer = QTimer(self)
        self._usage_timer.setInterval(250)
        self._usage_timer.timeout.connect(self._update_usage)

    # -- the session manager's state, as tests and benches read it -----------------------------
    @property
    def session(self) -> Session | None:
        return self.sessions.session

    @property
    def env(self) -> str:
        return self.sessions.env

    @property
    def profile(self) -> Profile | None:
        return self.sessions.profile

    async def switch_to(self, profile: Profile | None) -> None:
        """Reconnect to ``profile`` (None: demo): every table is cleared and reloaded."""
        await self.sessions.switch_to(profile)

    async def logout(self) -> None:
        await self.sessions.logout()

    # -- life cycle ---------------------------------------------------------------------------
    def start(self) -> None:
        self.window.restore_layout()
        self.window.show()
        self.sessions.start()

    def _on_connecting(self, env: str) -> None:
        """A connection begins (at start-up or after a switch): the window takes the target's
        environment and preferences before anything of it loads."""
        self.window.set_account("")
        self.prefs = Preferences.load(self.settings, env)
        self._apply_refresh_interval()
        self.profiles_menu.set_current(self.profile)
        self.window.set_env(env)
        self.window.status.set_connection("connecting")

    def _on_connected(self, session: Session) -> None:
        self.window.set_account(session.account)
        self._start_quote_hub(session)  # before the views: they watch its symbols
        for view in self._session_views():
            view.set_session(session)
        self.window.rankings.set_market_data_client(session.data_client)
        if session.orders is not None:
            # An accepted order, modify, cancel or fill changes holdings and buying power.
            session.orders.orders_changed.connect(self.window.holdings.refresh)
        self._usage_timer.start()

    async def _detach(self) -> None:
        """Before a session ends: no refresh may outlive it (each tab's is stopped and waited
        for), and every widget lets go of it."""
        self._usage_timer.stop()
        for tab in self._data_tabs():
            await tab.shutdown()
        for view in self._session_views():
            view.set_session(None)
        self.window.status.set_realtime(None)

    def _needs_setup(self, detail: str, profile: Profile | None) -> None:
        """paper/real with nothing saved: say so in the tab and open the set-up dialog."""
        message = translate(
            "Controller",
            "No saved credentials for this environment. Fill in the set-up dialog, or "
            "switch to demo from the Environment menu.",
        )
        if detail:
            message = f"{message}\n({detail})"
        self._show_failure(message)
        self.profiles_menu.open_setup(profile, env=self.env if self.env != "demo" else "paper")

    def _show_failure(self, message: str) -> None:
        self.window.status.set_connection("error", message)
        self.window.holdings.show_failure(message)
        self._resolve_first(False, message)

    def _on_logged_out(self) -> None:
        message = translate("Controller", "Logged out. Press Retry to connect again.")
        self.window.status.set_connection("error", message)
        self.window.holdings.show_failure(message)

    async def wait_closed(self) -> None:
        await self._closed.wait()

    async def first_load(self) -> tuple[bool, str]:
        return await asyncio.shield(self._first_load)

    # -- an order in flight when the session ends ----------------------------------------------
    def _on_settling(self, closing: bool) -> None:
        self.window.status.showMessage(
            translate("Controller", "Waiting for the order in flight before closing…")
            if closing
            else translate("Controller", "Waiting for the order in flight before disconnecting…")
        )

    def _on_settled(self, known: bool, closing: bool) -> None:
        self.window.status.clearMessage()
        if known or closing:
            return
        QMessageBox(
            QMessageBox.Icon.Warning,
            "kisdesk",
            translate(
                "Controller",
                "An order's outcome was still unknown when the session ended. It may exist: "
                "check today's executions before sending it again.",
            ),
            parent=self.window,
        ).open()

    def _close_guard(self) -> bool:
        """The window's close button: with an order in flight, wait for it first (the window
        stays up and says so), then close."""
        if self._closing or not self.sessions.order_in_flight:
            return True
        self._closing = True
        asyncio.get_event_loop().create_task(self._close_when_settled())
        return False

    async def _close_when_settled(self) -> None:
        await self.sessions.settle_orders(closing=True)
        self.window.close()

    async def shutdown(self) -> None:
        if self._shut_down:
            return
        self._shut_down = True
        await self.sessions.shutdown()
        if shiboken6.isValid(self.window) and self.window.isVisible():
            self.window.save_layout()
            self.window.hide()

    # -- profiles -----------------------------------------------------------------------------
    def _reconnect_if_disconnected(self) -> None:
        """Retry on the holdings tab: with a session the tab refreshes itself; without one
        (logged out, or the connection never came up) it means connect again."""
        if self.session is None:
            self.sessions.request_switch(self.profile)

    def _edit_current_profile(self) -> None:
        if self.profile is not None:
            self.profiles_menu.open_setup(self.profile)

    def _on_profile_saved(self, profile: Profile, is_new: bool) -> None:
        # A first set-up (nothing connected yet) connects at once; an edit of the current
        # profile (e.g. a market-data key added) reconnects it; otherwise the user switches.
        current = self.profile
        if self.session is None or (current is not None and profile.id == current.id):
            self.sessions.request_switch(profile)

    # -- refresh ------------------------------------------------------------------------------
    @property
    def holdings(self) -> Refresher:
        """The holdings tab's refresher (tests and benches wait on it and drive it)."""
        return self.window.holdings.refresher

    def _data_tabs(self) -> list[DataTab]:
        return [self.window.holdings, self.window.overseas, self.window.rankings]

    def _session_views(self) -> list[SessionView]:
        """Widgets that follow the session (set_session on connect and disconnect)."""
        return [*self._data_tabs(), self.window.watchlist, self.window.orders, self.window.chart]

    def _apply_refresh_interval(self) -> None:
        """The preference's interval, to every tab that refreshes on a timer."""
        for tab in self._data_tabs():
            tab.set_auto_interval(self.prefs.refresh_seconds)

    def refresh_current(self) -> None:
        """F5: refresh what the user is looking at."""
        current = self.window.tabs.currentWidget()
        if isinstance(current, DataTab):
            current.refresh()

    def _on_holdings_loaded(self, balance: DomesticBalance) -> None:
        self.window.status.set_refreshed(datetime.now())
        self.window.status.set_connection("connected")
        self._resolve_first(True, f"holdings={len(balance.holdings)}")

    def _on_holdings_failed(self, message: str) -> None:
        self.window.status.set_connection("error", message)
        self._resolve_first(False, message)

    def _resolve_first(self, ok: bool, detail: str) -> None:
        if not self._first_load.done():
            self._first_load.set_result((ok, detail))

    # -- realtime -----------------------------------------------------------------------------
    def _start_quote_hub(self, session: Session) -> None:
        """The session's quote hub (closed with the session); its state in the status bar."""
        from kisdesk.services.quote_hub import open_quote_hub  # loads the realtime client

        session.hub = open_quote_hub(session)
        session.hub.status_changed.connect(self.window.status.set_realtime)
        session.hub.start()

    # -- misc ---------------------------------------------------------------------------------
    def show_session_only_notice(self) -> None:
        """No secure keyring: say so once, plainly, and keep a marker in the status bar."""
        from kisdesk.ui.setup_dialog import session_only_notice

        self.window.status.set_session_only(session_only_notice())
        if self.env != "demo":  # demo needs no keys; don't interrupt a first look
            box = QMessageBox(
                QMessageBox.Icon.Information, "kisdesk", session_only_notice(), parent=self.window
            )
            box.open()  # non-blocking: nested event loops and qasync do not mix

    def _update_usage(self) -> None:
        if self.session is not None:
            limiter = self.session.client.limiter
            self.window.status.set_api_usage(limiter.calls_in_last_second(), limiter.rate)

    def _on_client_event(self, event: ClientEvent) -> None:
        # The client logs every event itself; here only what the user must see.
        if event.kind is EventKind.TOKEN_WAIT:
            self.window.status.set_connection("waiting", event.message)
        elif event.kind is EventKind.KEYRING_UNAVAILABLE:
            self.window.status.showMessage(event.message, 10_000)

    def open_preferences(self) -> None:
        dialog = PreferencesDialog(
            self.prefs,
            self.env,
            parent=self.window,
            order_settings=OrderSettings.load(self.settings),
            keymap=self.window.orders.keymap,
        )
        dialog.accepted_preferences.connect(self.apply_preferences)
        dialog.finished.connect(dialog.deleteLater)
        self.preferences_dialog = dialog
        dialog.open()

    def apply_preferences(self, prefs: Preferences) -> None:
        self.prefs = prefs
        prefs.save(self.settings, self.env)
        dialog = self.preferences_dialog
        orders = dialog.edited_order_settings() if dialog is not None else None
        if orders is not None:
            orders.save(self.settings)
            self.window.orders.reload_settings()
            self.sessions.apply_order_settings(OrderSettings.load(self.settings))
        self._apply_palette()
        self._apply_refresh_interval()

    def _apply_palette(self) -> None:
        palette = WESTERN if self.prefs.palette == "western" else KOREAN
        for view in self._session_views():
            view.set_palette(palette)
