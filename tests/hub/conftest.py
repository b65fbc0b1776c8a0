"""Fixtures for the quote hub: the whole app (controller, window, order dock) on a demo
session whose simulator runs on the test's qasync loop with a still market (tests step it),
REST and websocket on one loopback port, and short keep-alive and backoff times so faults
show within seconds.

Pattern (TOOLCHAIN): sync tests on a qasync loop that believes it runs; ``qtbot.waitUntil``
spins Qt and the loop's tasks.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

sys.path.insert(0, str(Path(__file__).parent.parent / "order"))  # order_helpers: keys

# Settings that keep REST quiet, so what moves is the stream's doing: holdings refresh every
# 600 s (the most Preferences allow), open orders every 600 s; orders go without a dialog.
QUIET = {
    "refresh/demo": 600,
    "orders/poll_ms": 600_000,
    "orders/confirm": False,
    "orders/guard_ticks": 0,
    "orders/quote_refresh_ms": 200,
}
PING_S = 1.0  # the simulator's PINGPONG interval here; the client calls a socket dead after 2 s


@dataclasses.dataclass
class App:
    controller: Any
    settings: QSettings

    @property
    def window(self) -> Any:
        return self.controller.window

    @property
    def session(self) -> Any:
        return self.controller.session

    @property
    def sim(self) -> Any:
        return self.session.sim

    @property
    def hub(self) -> Any:
        return self.session.hub

    @property
    def holdings(self) -> Any:
        return self.window.holdings.table.model

    def calls(self, path: str) -> int:
        """REST requests to ``path`` the simulator has answered."""
        return self.sim.stats.by_path.get(path, 0)


def session_factory(
    *, seed: int = 4321, account: str = "demo", sim_options: dict[str, Any] | None = None
) -> Callable[..., Any]:
    """A factory the controller connects with: a simulator on the running loop and a demo
    session talking to it like to KIS, with the hub's stream options in ``extras``."""

    async def make(on_event: Any = None) -> Any:
        from kisdesk.kis import Credentials, KisClient
        from kisdesk.kis.env import demo_environment
        from kisdesk.kis.realtime import Backoff
        from kisdesk.kis.tokens import MemoryTokenStore
        from kisdesk.services.session import Session
        from kisdesk.sim.server import SimServer

        options = {"ws_ping_interval": PING_S, **(sim_options or {})}
        sim = SimServer(profile="real", seed=seed, ticker_interval=None, **options)
        await sim.start()
        env = demo_environment(sim.base_url, sim.ws_url)
        creds = Credentials(
            sim.appkey, sim.appsecret, sim.accounts[account], hts_id=sim.hts_ids[account]
        )
        client = KisClient(env, creds, on_event=on_event, token_store=MemoryTokenStore())
        realtime = {
            "ping_interval": PING_S,
            "idle_margin": 1.0,
            "backoff": Backoff(first=0.1, cap=0.5),
            "stable_after": 0.5,
        }
        return Session(
            env=env,
            account=creds.account,
            client=client,
            sim=sim,
            profile_name="demo",
            extras={"realtime": realtime},
        )

    return make


@pytest.fixture
def hub_home(tmp_path, monkeypatch):
    home = tmp_path / "kisdesk-home"
    monkeypatch.setenv("KISDESK_HOME", str(home))
    return home


@pytest.fixture
def start_app(qtbot, run_async, hub_home, tmp_path):
    """``start_app(before=None, **session_factory options)`` → App with its holdings loaded.
    ``before(sim)`` runs on the simulator before the app connects (faults, other sessions)."""
    from kisdesk.services.controller import AppController

    started: list[App] = []

    def start(before: Callable[[Any], Any] | None = None, **options: Any) -> App:
        settings = QSettings(str(tmp_path / "kisdesk.ini"), QSettings.Format.IniFormat)
        for key, value in QUIET.items():
            settings.setValue(key, value)
        make = session_factory(**options)

        async def factory(on_event: Any = None) -> Any:
            session = await make(on_event)
            if before is not None:
                result = before(session.sim)
                if hasattr(result, "__await__"):
                    await result
            return session

        controller = AppController(settings, "demo", session_factory=factory)
        app = App(controller, settings)
        started.append(app)
        controller.start()
        qtbot.waitUntil(lambda: controller.window.holdings.has_data, timeout=15_000)
        return app

    yield start
    for app in started:
        run_async(app.controller.shutdown())
        app.window.close()
        app.window.deleteLater()


def wait_for(qtbot: Any, predicate: Callable[[], Any], timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout)
