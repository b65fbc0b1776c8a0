"""Fixtures for the fault-tolerance tests: the app (AppController, its window and refreshers)
connected to a simulator in its own thread on a fixed port, so a test can break the simulator,
stop it and start it again on the same address while the app keeps running.

The seam: the controller starts demo mode through ``start_demo_session``; the fixture replaces it
with a factory that returns a Session whose client talks to the test's simulator (a short read
timeout, its own rate limiter, and a clock that can jump a minute at once). Nothing else of the
app is replaced.

Loop pattern of tests/conftest.py (qloop, run_async): sync tests, one qasync loop that believes
it runs, so tasks run while qtbot.waitUntil spins Qt.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import socket
import sys
import time
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

sys.path.insert(0, str(Path(__file__).parent))  # fault_helpers, for the tests of this folder

SEED = 20261


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TimeWarp:
    """The client's wall clock and sleep. A sleep longer than ``jump_over`` seconds (the
    one-token-a-minute wait) moves this clock *and* the simulator's clock forward instead of
    waiting, so a minute passes at once on both sides; short sleeps (backoffs) are real."""

    def __init__(self, sim: Any, jump_over: float = 5.0) -> None:
        self.sim = sim
        self.offset = 0.0
        self.jump_over = jump_over
        self.jumps: list[float] = []

    def clock(self) -> float:
        return time.time() + self.offset

    def jump(self, seconds: float) -> None:
        self.offset += seconds
        self.jumps.append(seconds)
        self.sim.call("advance_clock", seconds)

    async def sleep(self, delay: float) -> None:
        if delay > self.jump_over:
            self.jump(delay)
            await asyncio.sleep(0)
        else:
            await asyncio.sleep(delay)


class FaultSim:
    """A SimThread on a fixed port that can be stopped and started again (same server object:
    accounts, orders and tokens survive, as they do at KIS when a gateway restarts)."""

    def __init__(self, port: int, **kwargs: Any) -> None:
        from kisdesk.sim.testing import SimThread

        self.port = port
        self.thread = SimThread(profile="real", seed=SEED, ticker_interval=None, **kwargs)
        self.running = False
        # As whom to connect: the server keeps its keys and accounts over restarts.
        server = self.thread.server
        self.appkey, self.appsecret = server.appkey, server.appsecret
        self.accounts: dict[str, str] = server.accounts
        self.hts_ids: dict[str, str] = server.hts_ids

    def start(self) -> FaultSim:
        self.thread.start(port=self.port)
        self.running = True
        return self

    def stop(self) -> None:
        if self.running:
            self.running = False
            self.thread.stop()

    @property
    def server(self) -> Any:
        return self.thread.server

    # Where to connect (services.session.connect_to_sim), known while stopped too.
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """``SimThread.call`` while running; stopped, no request can be in flight, so the
        server's state is touched directly."""
        if self.running:
            return self.thread.call(fn, *args, **kwargs)
        target = getattr(self.server, fn) if isinstance(fn, str) else partial(fn, self.server)
        return target(*args, **kwargs)

    @property
    def faults(self) -> Any:
        return self.server.faults

    @property
    def stats(self) -> Any:
        return self.server.stats

    # -- the books, read on the simulator's loop ----------------------------------------------
    def holdings(self, account: str = "demo") -> dict[str, Decimal]:
        def read(s: Any) -> dict[str, Decimal]:
            acct = s.account(account)
            return {c: Decimal(h.qty) for c, h in acct.holdings.items() if h.qty > 0}

        return self.call(read)

    def new_orders(self, account: str = "demo") -> list[str]:
        """Order numbers of the day's new domestic orders of ``account`` (no modify/cancel)."""

        def read(s: Any) -> list[str]:
            acct = s.account(account)
            return [
                o.odno for o in s.orders.for_account(acct) if o.action == "new" and not o.overseas
            ]

        return self.call(read)


@pytest.fixture
def fault_sim():
    sim = FaultSim(free_port()).start()
    yield sim
    sim.stop()


@dataclasses.dataclass
class App:
    controller: Any
    sim: FaultSim
    warp: TimeWarp
    states: list[str]  # every status-bar connection state shown, in order
    events: list[Any]  # client events (token waits, retries)

    @property
    def window(self) -> Any:
        return self.controller.window

    @property
    def tab(self) -> Any:
        return self.controller.window.holdings

    @property
    def client(self) -> Any:
        return self.controller.session.client

    @property
    def connection(self) -> str:
        return self.window.status.connection_state

    @property
    def connection_detail(self) -> str:
        return self.window.status.connection.toolTip()

    def on_screen(self) -> dict[str, Decimal]:
        return {r.code: r.quantity for r in self.tab.table.model.records() if r.quantity > 0}


@pytest.fixture
def start_app(qtbot, run_async, tmp_path, monkeypatch, fault_sim):
    """``start_app()``: the app in demo mode, connected to ``fault_sim``; returns once the
    holdings are on screen (``wait=False``: at once) with the auto refresh every second."""
    from kisdesk.app.controller import AppController
    from kisdesk.services.session import Session, connect_to_sim

    monkeypatch.setenv("KISDESK_HOME", str(tmp_path / "kisdesk-home"))
    started: list[App] = []

    def start(*, timeout: float = 0.5, wait: bool = True, account: str = "demo") -> App:
        warp = TimeWarp(fault_sim)
        events: list[Any] = []

        async def session_factory(**kwargs: Any) -> Session:
            on_event = kwargs.get("on_event")

            def record(event: Any) -> None:
                events.append(event)
                if on_event is not None:
                    on_event(event)

            return connect_to_sim(
                fault_sim,
                account,
                on_event=record,
                timeout=timeout,
                own_limiter=True,
                clock=warp.clock,
                sleep=warp.sleep,
            )

        settings = QSettings(str(tmp_path / f"app{len(started)}.ini"), QSettings.Format.IniFormat)
        controller = AppController(settings, "demo", session_factory=session_factory)
        states: list[str] = []
        status = controller.window.status
        original = status.set_connection

        def set_connection(state: str, detail: str = "") -> None:
            if not states or states[-1] != state:
                states.append(state)
            original(state, detail)

        status.set_connection = set_connection  # record what the user was shown, in order
        app = App(controller, fault_sim, warp, states, events)
        started.append(app)
        controller.start()
        qtbot.waitUntil(lambda: controller.session is not None, timeout=5_000)
        # The auto refresh, faster than any setting allows, so recovery is seen within seconds.
        controller.holdings.set_interval(1)
        if wait:
            qtbot.waitUntil(lambda: controller.window.holdings.has_data, timeout=10_000)
        return app

    yield start
    for app in started:
        run_async(app.controller.shutdown())
        app.window.close()
        app.window.deleteLater()


@pytest.fixture
def app_errors(caplog):
    """Log records at ERROR or above from the app (a crashed refresh, an exception no one
    retrieved, a failing slot): it must keep running without any. The simulator shares the
    process; its own records (kisdesk.sim) are the server's business, not the app's."""
    caplog.set_level(logging.INFO)

    def errors() -> list[str]:
        return [
            f"{r.name}: {r.getMessage()}"
            for r in caplog.records
            if r.levelno >= logging.ERROR and not r.name.startswith("kisdesk.sim")
        ]

    return errors
