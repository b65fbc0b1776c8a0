"""Fixtures for the overseas and rankings tabs: a qasync loop, a real-profile demo session and a
paper session, both talking to the simulator over TCP.

Pattern (TOOLCHAIN: sync tests + a loop that considers itself running): tasks created by the
tabs run while ``qtbot.waitUntil`` spins Qt's event loop. Never call ``qtbot.waitUntil`` from an
``async def`` test.
"""

from __future__ import annotations

import pytest


def run_async(qtbot, loop, coro, timeout_ms: int = 15_000):
    """Run a coroutine to completion on the already-running qasync loop, spinning Qt meanwhile."""
    task = loop.create_task(coro)
    qtbot.waitUntil(task.done, timeout=timeout_ms)
    return task.result()


@pytest.fixture
def run(qtbot, qloop):
    """``run(coro)``: await a coroutine from a sync test on the qasync loop."""
    return lambda coro, timeout_ms=15_000: run_async(qtbot, qloop, coro, timeout_ms)


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "kisdesk-test.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo_session(qtbot, qloop):
    """The embedded demo session (real profile, simulator on this loop), on the "large"
    account: every overseas exchange, and more US holdings than one 100-row page."""
    from kisdesk.services.session import start_demo_session

    session = run_async(
        qtbot, qloop, start_demo_session(seed=1234, account="large", ticker_interval=None)
    )
    yield session
    run_async(qtbot, qloop, session.close())


@pytest.fixture
def paper_sim_thread():
    """A paper-profile simulator in its own thread, at the paper rate (2 calls/s)."""
    from kisdesk.sim.testing import SimThread

    with SimThread(profile="paper", seed=1234) as s:
        yield s


@pytest.fixture
def paper_session(qtbot, qloop, paper_sim_thread):
    """A paper session as the app builds it: paper TR IDs and limits, pointed at the sim."""
    from kisdesk.kis import Credentials, KisClient
    from kisdesk.kis.env import PAPER_RATE_PER_SEC, Environment
    from kisdesk.kis.tokens import MemoryTokenStore
    from kisdesk.services.session import Session

    sim = paper_sim_thread
    env = Environment(
        name="paper",
        base_url=sim.base_url,
        ws_url=sim.ws_url,
        profile="paper",
        rate_per_sec=PAPER_RATE_PER_SEC,
    )
    creds = Credentials(appkey=sim.appkey, appsecret=sim.appsecret, account=sim.accounts["large"])
    client = KisClient(env, creds, token_store=MemoryTokenStore())
    session = Session(env=env, account=creds.account, client=client, profile_name="paper-test")
    yield session
    run_async(qtbot, qloop, client.aclose())
