"""The session life cycle without widgets: connect, switch, log out and end, one at a time.

The manager holds the current :class:`Session` and says what happens to it with signals; the app
shell (app/controller.py) turns them into windows, status text and dialogs. Before a session ends
the manager lets an order in flight settle (never cutting off an order that may exist), then
calls ``detach`` — the shell's widgets let go of the session and stop their refreshes — and only
then closes it::

    connecting(env) ─▶ connected(session)          a session is up, its order service started
                   ├─▶ failed(message)              the connection could not be made
                   └─▶ needs_setup(detail, profile) nothing saved to connect with
    settling(closing) ─▶ settled(known, closing)    an order in flight held the session's end
    logged_out()                                    the token was revoked; stays disconnected
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import TypedDict

from PySide6.QtCore import QObject, QSettings, Signal

from kisdesk.config.profiles import Profile, ProfileStore
from kisdesk.config.settings import OrderSettings
from kisdesk.kis.events import ClientEvent, EventCallback
from kisdesk.services.orders import OrderService
from kisdesk.services.session import Session, start_demo_session

log = logging.getLogger(__name__)

# How long a switch, log-out or quit waits for an order to settle: the client's read timeout
# (10 s) plus the look-ups after a lost answer (about 10 s when KIS answers them). Look-ups that
# also time out can take longer; then the session ends anyway and the user is told.
ORDER_SETTLE_TIMEOUT_S = 30.0

# ``factory(on_event=...)``: a Session of the caller's making (tests and benches: a simulator they
# stop, restart or slow down).
SessionFactory = Callable[..., Awaitable[Session]]
# What the app does before a session closes: widgets let go of it, refreshes stop.
Detach = Callable[[], Awaitable[None]]


class DemoOptions(TypedDict, total=False):
    """How the demo simulator runs (start_demo_session): tests stop its ticker."""

    account: str
    ticker_interval: float | None
    sim_process: bool  # the simulator in a child process (the app; tests keep it in-process)


def initial_target(settings: QSettings, requested_env: str | None) -> tuple[str, Profile | None]:
    """What to open: ``--env`` wins; else the last profile; a first launch is demo."""
    return ProfileStore(settings).initial(requested_env)


async def _nothing_to_detach() -> None:
    return None


class SessionManager(QObject):
    """At most one session at a time, for ``profile`` (None: demo).

    ``base_urls`` overrides the KIS host per environment (tests point paper/real profiles at the
    simulator); real users never set it. ``demo_options`` go to the demo simulator (e.g.
    ``ticker_interval=None`` in tests), ``seed`` seeds its market.
    """

    connecting = Signal(str)  # the environment being connected to
    connected = Signal(object)  # Session
    failed = Signal(str)  # why there is no session
    needs_setup = Signal(str, object)  # detail ("" or the keyring's word), Profile | None
    settling = Signal(bool)  # an order in flight holds the end; True: the app is closing
    settled = Signal(bool, bool)  # (the order's outcome is known, the app is closing)
    logged_out = Signal()
    client_event = Signal(object)  # ClientEvent of the session's client

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
        detach: Detach = _nothing_to_detach,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.profile = profile
        self.env = profile.env if profile is not None else env
        self.seed = seed
        self.demo_options: DemoOptions = demo_options or {}
        self.base_urls = dict(base_urls or {})
        self.session_factory = session_factory
        self.detach = detach
        self.session: Session | None = None
        self._connect_task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()  # one switch or log-out at a time
        self._shut_down = False

    # -- state ---------------------------------------------------------------------------------
    @property
    def orders(self) -> OrderService | None:
        return self.session.orders if self.session is not None else None

    @property
    def order_in_flight(self) -> bool:
        """An order is on its way or being looked up: its outcome is not known yet."""
        orders = self.orders
        return orders is not None and orders.settling

    def apply_order_settings(self, settings: OrderSettings) -> None:
        """Preferences changed: what reaches the wire (the hashkey) applies at once."""
        if self.orders is not None:
            self.orders.apply_settings(settings)

    # -- connecting ----------------------------------------------------------------------------
    def start(self) -> None:
        """Connect to the initial target in the background."""
        self._connect_task = asyncio.get_event_loop().create_task(self.connect())

    async def connect(self) -> None:
        """Connect to the current target; the outcome is a signal (connected, failed or
        needs_setup), never an exception."""
        self.connecting.emit(self.env)
        try:
            session = await self._open()
        except Exception as exc:
            log.exception("could not start the session")
            self.failed.emit(str(exc))
            return
        if session is None:
            return
        ProfileStore(self.settings).set_last(self.profile)
        session.start_orders(OrderSettings.load(self.settings))
        self.session = session
        self.connected.emit(session)

    async def _open(self) -> Session | None:
        on_event: EventCallback = self._on_client_event
        if self.session_factory is not None:
            return await self.session_factory(on_event=on_event)
        if self.env == "demo":
            seed = {"seed": self.seed} if self.seed is not None else {}
            return await start_demo_session(on_event=on_event, **self.demo_options, **seed)
        if self.profile is None:
            self.needs_setup.emit("", None)
            return None
        from kisdesk.services.profile_session import MissingSecrets, start_profile_session

        try:
            return await start_profile_session(
                self.profile,
                on_event=on_event,
                base_url_override=self.base_urls.get(self.profile.env),
                data_base_url_override=self.base_urls.get("real"),
            )
        except MissingSecrets as exc:
            self.needs_setup.emit(str(exc), self.profile)
            return None

    def _on_client_event(self, event: ClientEvent) -> None:
        self.client_event.emit(event)

    # -- ending --------------------------------------------------------------------------------
    async def settle_orders(self, *, closing: bool = False) -> bool:
        """An order on its way (or being looked up after a lost answer) keeps the session until
        its outcome is known: cutting it off would leave an order that may exist unaccounted.
        Nothing new may be sent from now on. True when no order's outcome is unknown."""
        orders = self.orders
        if orders is None:
            return True
        orders.hold()
        if not orders.settling:
            return True
        self.settling.emit(closing)
        known = await orders.settle(ORDER_SETTLE_TIMEOUT_S)
        if not known:
            log.warning("session ended with an order whose outcome is not known yet")
        self.settled.emit(known, closing)
        return known

    async def _end(self) -> Session | None:
        """Settle, stop a connection under way, let the widgets go; the session is returned
        for the caller to close (or log out)."""
        await self.settle_orders()
        if self._connect_task is not None and not self._connect_task.done():
            self._connect_task.cancel()
        await self.detach()
        session, self.session = self.session, None
        return session

    async def disconnect(self) -> None:
        """End the current session (if any)."""
        session = await self._end()
        if session is not None:
            await session.close()

    async def shutdown(self) -> None:
        """The app quits: end the session once."""
        if self._shut_down:
            return
        self._shut_down = True
        await self.disconnect()

    # -- switching and logging out -------------------------------------------------------------
    def request_switch(self, profile: Profile | None) -> None:
        asyncio.get_event_loop().create_task(self.switch_to(profile))

    async def switch_to(self, profile: Profile | None) -> None:
        """Reconnect to ``profile`` (None: demo)."""
        async with self._lock:
            await self.disconnect()
            self.profile = profile
            self.env = profile.env if profile is not None else "demo"
            await self.connect()

    def request_logout(self) -> None:
        asyncio.get_event_loop().create_task(self.logout())

    async def logout(self) -> None:
        """Revoke the token at KIS and stay disconnected until asked to connect again."""
        from kisdesk.services.profile_session import log_out

        async with self._lock:
            session = await self._end()
            if session is not None:
                await log_out(session)
            self.logged_out.emit()
