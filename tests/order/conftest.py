"""Fixtures for the order panel: a qasync loop that considers itself running (the tests/ui
pattern), a demo session on it with a still market, and a main window holding the order dock.
Keyboard helpers live in order_helpers.py.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # order_helpers, for the tests of this folder

from order_helpers import Desk
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


@pytest.fixture
def order_home(tmp_path, monkeypatch):
    home = tmp_path / "kisdesk-home"
    monkeypatch.setenv("KISDESK_HOME", str(home))
    return home


@pytest.fixture
def make_session(run_async):
    """``make_session("demo")``: start a simulator on the test loop (no ticker: prices stay put
    unless a test steps the market) and connect a session to it."""
    made: list[Any] = []

    def make(
        env_name: str = "demo",
        seed: int = 4321,
        profile: str = "real",
        order_settings: QSettings | None = None,
    ) -> Any:
        """``order_settings``: start the session's order service with these preferences (as
        the app does on connecting); without, the session has none (a test makes its own)."""
        from kisdesk.config.settings import OrderSettings
        from kisdesk.services.session import connect_to_sim
        from kisdesk.sim.server import SimServer

        async def start() -> Any:
            sim = SimServer(profile=profile, seed=seed, ticker_interval=None)
            await sim.start()
            # Under the environment name ``env_name``: the real-mode tests need "real" while
            # still talking to the simulator on loopback.
            session = connect_to_sim(sim, env_name=env_name, profile=profile, own_sim=True)
            # Token first: no issuance task may outlive the simulator at teardown.
            await session.client.ensure_token()
            return session

        session = run_async(start())
        made.append(session)
        if order_settings is not None:
            session.start_orders(OrderSettings.load(order_settings))
        return session

    yield make
    for session in made:
        run_async(session.close())


@pytest.fixture
def make_desk(qtbot, qloop, make_session, order_home, tmp_path):
    """A main window with the order dock, shortcuts installed, connected to a fresh session."""
    from kisdesk.ui.order_dock import OrderDock

    def make(env_name: str = "demo", *, seed: int = 4321, **settings_values: Any) -> Desk:
        """``settings_values`` go to the ``orders/`` settings group (confirm, guard_ticks…)."""
        settings = QSettings(str(tmp_path / f"{env_name}.ini"), QSettings.Format.IniFormat)
        for key, value in settings_values.items():
            settings.setValue(f"orders/{key}", value)
        session = make_session(env_name, seed=seed, order_settings=settings)
        window = QMainWindow()
        qtbot.addWidget(window)
        window.setCentralWidget(QWidget())
        dock_widget = QDockWidget("Order", window)
        dock = OrderDock(settings)
        dock_widget.setWidget(dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock_widget)
        dock.install_shortcuts(window)
        window.resize(1000, 800)
        with qtbot.waitActive(window):  # key events and shortcuts need the active window
            window.show()
            window.activateWindow()
        dock.set_session(session)
        desk = Desk(window, dock, session, settings)
        yield_desks.append(desk)
        return desk

    yield_desks: list[Desk] = []
    yield make
    for desk in yield_desks:
        desk.dock.set_session(None)
