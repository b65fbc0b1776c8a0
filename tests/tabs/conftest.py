"""Fixtures for the overseas and rankings tabs: a real-profile demo session and a paper session,
both talking to the simulator over TCP.

Pattern (TOOLCHAIN: sync tests + a loop that considers itself running, tests/conftest.py's qloop
and run_async): tasks created by the tabs run while ``qtbot.waitUntil`` spins Qt's event loop.
Never call ``qtbot.waitUntil`` from an ``async def`` test.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "kisdesk-test.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo_session(run_async):
    """The embedded demo session (real profile, simulator on this loop), on the "large"
    account: every overseas exchange, and more US holdings than one 100-row page."""
    from kisdesk.services.session import start_demo_session

    session = run_async(start_demo_session(seed=1234, account="large", ticker_interval=None))
    yield session
    run_async(session.close())


@pytest.fixture
def paper_sim_thread():
    """A paper-profile simulator in its own thread, at the paper rate (2 calls/s)."""
    from kisdesk.sim.testing import SimThread

    with SimThread(profile="paper", seed=1234) as s:
        yield s


@pytest.fixture
def paper_session(run_async, paper_sim_thread):
    """A paper session as the app builds it: paper TR IDs and limits, pointed at the sim."""
    from kisdesk.services.session import connect_to_sim

    session = connect_to_sim(
        paper_sim_thread, "large", env_name="paper", profile="paper", profile_name="paper-test"
    )
    yield session
    run_async(session.close())
