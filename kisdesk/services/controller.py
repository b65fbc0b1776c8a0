"""The glue between the main window and a session: connect, refresh, switch, log out, shut down."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QMessageBox

from kisdesk.config.profiles import Profile, ProfileStore
from kisdesk.config.settings import OrderSettings, Preferences
from kisdesk.kis.events import ClientEvent, EventKind
from kisdesk.models.palette import KOREAN, WESTERN
from kisdesk.services.refresher import Refresher
from kisdesk.services.session import Session, start_demo_session
from kisdesk.ui.data_tab import DataTab
from kisdesk.ui.i18n import translate
from kisdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# How long a switch, log-out or quit waits for an order to settle: the client's read timeout
# (10 s) plus the look-ups after a lost answer (about 10 s when KIS answers them). Look-ups that
# also time out can take longer; then the session ends anyway and the user is told.
ORDER_SETTLE_TIMEOUT_S = 30.0


def initial_target(settings: QSettings, requested_env: str | None) -> tuple[str, Profile | None]:
    """What to open: ``--env`` wins; else the last profile; a first launch is demo."""
    return ProfileStore(settings).initial(requested_env)


class AppController(QObject):
    """Owns the window and at most one session at a time.

    ``base_urls`` overrides the KIS host per environment (tests point paper/real profiles at the
    simulator); real users never set it.
    """

    def __init__(
        self,
        settings: QSettings,
        env: str = "demo",
        *,
        profile: Profile | None = None,
        seed: int | None = None,
        demo_options: dict[str, Any] | None = None,
        base_urls: Mapping[str, str] | None = None,
        session_factory: Callable[..., Awaitable[Session]] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.env = profile.env if profile is not None else env
        self.profile = profile
        self.seed = seed
        self.demo_options = dict(demo_options or {})  # e.g. ticker_interval=None in tests
        self.base_urls = dict(base_urls or {})
        # Connect with this instead (tests and benches: a simulator they stop, restart, slow).
        self.session_factory = session_factory
        self.prefs = Preferences.load(settings, self.env)
        self.session: Session | None = None
        self.window = MainWindow(self.env, settings)
        self._closed = asyncio.Event()
        self._first_load: asyncio.Future[tuple[bool, str]] = (
            asyncio.get_event_loop().create_future()
        )
        self._connect_task: asyncio.Task[None] | None = None
        self._switch_lock = asyncio.Lock()
        self._shut_down = False
        self._closing = False  # the close button was pressed while an order was in flight
        self.window.close_guard = self._close_guard

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
        # An accepted order, modify, cancel or fill changes holdings and buying power.
        self.window.orders.orders_changed.connect(tab.refresh)
        self.preferences_dialog: Any = None
        self._apply_palette()
        self._apply_refresh_interval()

        from kisdesk.ui.profiles_menu import ProfilesMenu

        self.profiles_menu = ProfilesMenu(
            self.window.env_menu,
            settings,
            on_switch=self.request_switch,
            on_logout=self.request_logout,
            on_saved=self._on_profile_saved,
            current=profile,
            window=self.window,
            base_urls=self.base_urls,
        )

        self._usage_timer = QTimer(self)
        self._usage_timer.setInterval(250)
        self._usage_timer.timeout.connect(self._update_usage)

    # -- life cycle ---------------------------------------------------------------------------
    def start(self) -> None:
        self.window.restore_layout()
        self.window.show()
        self._connect_task = asyncio.get_event_loop().create_task(self._connect())

    async def _connect(self) -> None:
        self.window.set_env(self.env)
        self.window.status.set_connection("connecting")
        try:
            if self.session_factory is not None:
                self.session = await self.session_factory(on_event=self._on_client_event)
            elif self.env == "demo":
                kwargs: dict[str, Any] = {"on_event": self._on_client_event, **self.demo_options}
                if self.seed is not None:
                    kwargs["seed"] = self.seed
                self.session = await start_demo_session(**kwargs)
            elif self.profile is not None:
                from kisdesk.services.profile_session import MissingSecrets, start_profile_session

                try:
                    self.session = await start_profile_session(
                        self.profile,
                        on_event=self._on_client_event,
                        base_url_override=self.base_urls.get(self.profile.env),
                        data_base_url_override=self.base_urls.get("real"),
                    )
                except MissingSecrets as exc:
                    self._needs_setup(str(exc), self.profile)
                    return
            else:
                self._needs_setup("", None)
                return
        except Exception as exc:
            log.exception("could not start the session")
            self._show_failure(str(exc))
            return
        ProfileStore(self.settings).set_last(self.profile)
        self.window.set_account(self.session.account)
        self._start_quote_hub(self.session)  # before the tabs: they watch its symbols
        for tab in self._session_tabs():
            tab.set_session(self.session)
        self.window.rankings.set_market_data_client(getattr(self.session, "data_client", None))
        self._usage_timer.start()

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

    async def wait_closed(self) -> None:
        await self._closed.wait()

    async def first_load(self) -> tuple[bool, str]:
        return await asyncio.shield(self._first_load)

    async def _let_orders_settle(self, closing: bool = False) -> None:
        """An order on its way (or being looked up after a lost answer) keeps the session until
        its outcome is known: cutting it off would leave an order that may exist unaccounted.
        Nothing new may be sent meanwhile."""
        service = self.window.orders.service
        if service is None:
            return
        service.hold()
        if not service.settling:
            return
        self.window.status.showMessage(
            translate("Controller", "Waiting for the order in flight before closing…")
            if closing
            else translate("Controller", "Waiting for the order in flight before disconnecting…")
        )
        settled = await service.settle(ORDER_SETTLE_TIMEOUT_S)
        self.window.status.clearMessage()
        if settled:
            return
        log.warning("session ended with an order whose outcome is not known yet")
        if not closing:
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
        service = self.window.orders.service
        if self._closing or service is None or not service.settling:
            return True
        self._closing = True
        asyncio.get_event_loop().create_task(self._close_when_settled())
        return False

    async def _close_when_settled(self) -> None:
        await self._let_orders_settle(closing=True)
        self.window.close()

    async def _disconnect(self) -> None:
        """End the current session (if any) and empty every table."""
        await self._let_orders_settle()
        self._usage_timer.stop()
        await self._stop_refreshing()
        if self._connect_task is not None and not self._connect_task.done():
            self._connect_task.cancel()
        for tab in self._session_tabs():
            tab.set_session(None)
        self.window.status.set_realtime(None)
        if self.session is not None:
            session, self.session = self.session, None
            await session.close()

    async def shutdown(self) -> None:
        if self._shut_down:
            return
        self._shut_down = True
        await self._disconnect()
        if shiboken6.isValid(self.window) and self.window.isVisible():
            self.window.save_layout()
            self.window.hide()

    # -- switching and logging out --------------------------------------------------------------
    def request_switch(self, profile: Profile | None) -> None:
        """From the Environment menu (already confirmed there)."""
        asyncio.get_event_loop().create_task(self.switch_to(profile))

    async def switch_to(self, profile: Profile | None) -> None:
        """Reconnect to ``profile`` (None: demo): every table is cleared and reloaded."""
        async with self._switch_lock:
            await self._disconnect()
            self.window.set_account("")
            self.profile = profile
            self.env = profile.env if profile is not None else "demo"
            self.prefs = Preferences.load(self.settings, self.env)
            self._apply_refresh_interval()
            self.profiles_menu.set_current(profile)
            await self._connect()

    def request_logout(self) -> None:
        asyncio.get_event_loop().create_task(self.logout())

    async def logout(self) -> None:
        """Revoke the token at KIS and stay disconnected until the user reconnects."""
        from kisdesk.services.profile_session import log_out

        async with self._switch_lock:
            await self._let_orders_settle()
            session = self.session
            self.session = None
            self._usage_timer.stop()
            await self._stop_refreshing()  # a refresh now would issue a fresh token at once
            for tab in self._session_tabs():
                tab.set_session(None)
            self.window.status.set_realtime(None)
            if session is not None:
                await log_out(session)
            message = translate("Controller", "Logged out. Press Retry to connect again.")
            self.window.status.set_connection("error", message)
            self.window.holdings.show_failure(message)

    def _reconnect_if_disconnected(self) -> None:
        """Retry on the holdings tab: with a session the tab refreshes itself; without one
        (logged out, or the connection never came up) it means connect again."""
        if self.session is None:
            asyncio.get_event_loop().create_task(self.switch_to(self.profile))

    def _edit_current_profile(self) -> None:
        if self.profile is not None:
            self.profiles_menu.open_setup(self.profile)

    def _on_profile_saved(self, profile: Profile, is_new: bool) -> None:
        # A first set-up (nothing connected yet) connects at once; an edit of the current
        # profile (e.g. a market-data key added) reconnects it; otherwise the user switches.
        if self.session is None or (self.profile is not None and profile.id == self.profile.id):
            self.request_switch(profile)

    # -- refresh ------------------------------------------------------------------------------
    @property
    def holdings(self) -> Refresher:
        """The holdings tab's refresher (tests and benches wait on it and drive it)."""
        return self.window.holdings.refresher

    def _data_tabs(self) -> list[DataTab]:
        return [self.window.holdings, self.window.overseas, self.window.rankings]

    def _session_tabs(self) -> list[Any]:
        """Widgets that follow the session (set_session on connect and disconnect)."""
        return [*self._data_tabs(), self.window.watchlist, self.window.orders, self.window.chart]

    async def _stop_refreshing(self) -> None:
        """No refresh may outlive its session: stop every tab's and wait for them to end."""
        for tab in self._data_tabs():
            await tab.shutdown()

    def _apply_refresh_interval(self) -> None:
        """The preference's interval, to every tab that refreshes on a timer."""
        for tab in self._data_tabs():
            tab.set_auto_interval(self.prefs.refresh_seconds)

    def refresh_current(self) -> None:
        """F5: refresh what the user is looking at."""
        current = self.window.tabs.currentWidget()
        if hasattr(current, "refresh"):
            current.refresh()

    def _on_holdings_loaded(self, balance: Any) -> None:
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
        from kisdesk.ui.preferences_dialog import PreferencesDialog

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
        self._apply_palette()
        self._apply_refresh_interval()

    def _apply_palette(self) -> None:
        palette = WESTERN if self.prefs.palette == "western" else KOREAN
        for tab in self._session_tabs():
            tab.set_palette(palette)
