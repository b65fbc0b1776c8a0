"""The glue between the main window and a session: connect, refresh, switch, shut down."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QSettings, QTimer

from kisdesk.config.settings import Preferences
from kisdesk.models.palette import KOREAN, WESTERN
from kisdesk.services.refresher import Refresher
from kisdesk.services.session import Session, start_demo_session
from kisdesk.ui.i18n import translate
from kisdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def initial_env(settings: QSettings, requested: str | None) -> str:
    """--env wins; else the environment used last; a first launch (nothing saved) is demo."""
    env = requested or str(settings.value("session/env", "demo"))
    return env if env in ("demo", "paper", "real") else "demo"


class AppController(QObject):
    def __init__(
        self,
        settings: QSettings,
        env: str,
        *,
        seed: int | None = None,
        demo_options: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.env = env
        self.seed = seed
        self.demo_options = dict(demo_options or {})  # e.g. ticker_interval=None in tests
        self.prefs = Preferences.load(settings, env)
        self.session: Session | None = None
        self.window = MainWindow(env, settings)
        self.holdings = Refresher(self._fetch_holdings, self)
        self._closed = asyncio.Event()
        self._first_load: asyncio.Future[tuple[bool, str]] = (
            asyncio.get_event_loop().create_future()
        )
        self._connect_task: asyncio.Task[None] | None = None
        self._shut_down = False

        tab = self.window.holdings
        self.holdings.started.connect(tab.on_started)
        self.holdings.progress.connect(tab.on_progress)
        self.holdings.loaded.connect(self._on_holdings_loaded)
        self.holdings.failed.connect(self._on_holdings_failed)
        tab.retry_requested.connect(self.holdings.request)
        self.window.refresh_requested.connect(self.refresh_current)
        self.window.closed.connect(self._closed.set)
        self.window.env_switch_requested.connect(self._on_env_switch)
        self._apply_palette()

        self._usage_timer = QTimer(self)
        self._usage_timer.setInterval(250)
        self._usage_timer.timeout.connect(self._update_usage)

    # -- life cycle ---------------------------------------------------------------------------
    def start(self) -> None:
        self.window.restore_layout()
        self.window.show()
        self._connect_task = asyncio.get_event_loop().create_task(self._connect())

    async def _connect(self) -> None:
        self.window.status.set_connection("connecting")
        try:
            if self.env == "demo":
                kwargs: dict[str, Any] = {"on_event": self._on_client_event, **self.demo_options}
                if self.seed is not None:
                    kwargs["seed"] = self.seed
                self.session = await start_demo_session(**kwargs)
            else:
                self._no_credentials()
                return
        except Exception as exc:
            log.exception("could not start the session")
            self.window.status.set_connection("error", str(exc))
            self.window.holdings.on_failed(str(exc))
            self._resolve_first(False, str(exc))
            return
        self.settings.setValue("session/env", self.env)
        self.window.set_account(self.session.account)
        for tab in self._session_tabs():
            tab.set_session(self.session)
        self._usage_timer.start()
        self.holdings.request()
        self.holdings.start_auto(self.prefs.refresh_seconds)

    def _no_credentials(self) -> None:
        message = translate(
            "Controller",
            "No saved credentials for this environment. Set up a profile to connect, or "
            "switch to demo from the Environment menu.",
        )
        self.window.status.set_connection("error", message)
        self.window.holdings.on_failed(message)
        self._resolve_first(False, message)

    async def wait_closed(self) -> None:
        await self._closed.wait()

    async def first_load(self) -> tuple[bool, str]:
        return await asyncio.shield(self._first_load)

    async def shutdown(self) -> None:
        if self._shut_down:
            return
        self._shut_down = True
        self._usage_timer.stop()
        await self.holdings.cancel()
        for tab in self._session_tabs():
            await tab.shutdown()
        if self._connect_task is not None and not self._connect_task.done():
            self._connect_task.cancel()
        if self.session is not None:
            session, self.session = self.session, None
            await session.close()
        if shiboken6.isValid(self.window) and self.window.isVisible():
            self.window.save_layout()
            self.window.hide()

    # -- refresh ------------------------------------------------------------------------------
    def _session_tabs(self) -> list[Any]:
        """Widgets that follow the session (set_session on connect, shutdown at exit)."""
        return [self.window.overseas, self.window.rankings]

    def refresh_current(self) -> None:
        """F5: refresh what the user is looking at."""
        current = self.window.tabs.currentWidget()
        if current is self.window.holdings:
            self.holdings.request()
        elif hasattr(current, "refresh"):
            current.refresh()

    async def _fetch_holdings(self, progress: Any) -> Any:
        if self.session is None:
            raise RuntimeError("not connected")
        return await self.session.client.domestic_balance(progress=progress)

    def _on_holdings_loaded(self, balance: Any) -> None:
        self.window.holdings.on_loaded(balance)
        self.window.status.set_refreshed(datetime.now())
        self.window.status.set_connection("connected")
        self._resolve_first(True, f"holdings={len(balance.holdings)}")

    def _on_holdings_failed(self, message: str) -> None:
        self.window.holdings.on_failed(message)
        self.window.status.set_connection("error", message)
        self._resolve_first(False, message)

    def _resolve_first(self, ok: bool, detail: str) -> None:
        if not self._first_load.done():
            self._first_load.set_result((ok, detail))

    # -- misc ---------------------------------------------------------------------------------
    def _update_usage(self) -> None:
        if self.session is not None:
            limiter = self.session.client.limiter
            self.window.status.set_api_usage(limiter.calls_in_last_second(), limiter.rate)

    def _on_client_event(self, event: Any) -> None:
        kind = getattr(event, "kind", "")
        if kind == "token_wait":
            self.window.status.set_connection("waiting", str(getattr(event, "message", "")))
        log.info("client event: %s", event)

    def _on_env_switch(self, env: str) -> None:
        if env == self.env:
            return
        # Credentials and profiles arrive with the credentials issue; until then say so plainly.
        self.window.set_env(self.env)
        self.window.status.showMessage(
            translate(
                "Controller", "Switching to {env} needs a saved profile (not set up yet)."
            ).format(env=env),
            6000,
        )

    def _apply_palette(self) -> None:
        palette = WESTERN if self.prefs.palette == "western" else KOREAN
        self.window.holdings.set_palette(palette)
        for tab in self._session_tabs():
            tab.set_palette(palette)
