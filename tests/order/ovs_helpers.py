"""Helpers for the overseas panel tests: a desk (main window + order dock) on a simulator of a
chosen profile and hours mode, and keyboard steps that reach the overseas panel the way a user
does (the symbol search, F8, F9/F10, Tab)."""

from __future__ import annotations

from typing import Any

import pytest
from order_helpers import Desk, press, settle, type_ascii, wait_dialog, wait_for, wait_main
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

K = Qt.Key
OVS_ORDER = "/uapi/overseas-stock/v1/trading/order"


@pytest.fixture
def ovs_desk(qtbot, qloop, run_async, order_home, tmp_path):
    """``ovs_desk(env_name, profile=..., hours=..., account=..., **orders_settings)``: a main
    window with the order dock on a fresh simulator (no ticker: prices stay put)."""
    made: list[Desk] = []

    def make(
        env_name: str = "demo",
        *,
        profile: str = "real",
        hours: str = "always",
        account: str = "demo",
        **settings_values: Any,
    ) -> Desk:
        import dataclasses

        from kisdesk.config.settings import OrderSettings
        from kisdesk.kis import Credentials, KisClient
        from kisdesk.kis.env import demo_environment
        from kisdesk.kis.tokens import MemoryTokenStore
        from kisdesk.services.session import Session
        from kisdesk.sim.server import SimServer
        from kisdesk.ui.order_dock import OrderDock

        async def start() -> Session:
            sim = SimServer(profile=profile, seed=4321, ticker_interval=None, market_hours=hours)
            await sim.start()
            env = dataclasses.replace(
                demo_environment(sim.base_url, sim.ws_url, profile=profile), name=env_name
            )
            creds = Credentials(sim.appkey, sim.appsecret, sim.accounts[account])
            client = KisClient(env, creds, token_store=MemoryTokenStore())
            await client.ensure_token()
            return Session(env=env, account=creds.account, client=client, sim=sim)

        session = run_async(start())
        settings = QSettings(
            str(tmp_path / f"{env_name}-{len(made)}.ini"), QSettings.Format.IniFormat
        )
        for key, value in settings_values.items():
            settings.setValue(f"orders/{key}", value)
        window = QMainWindow()
        qtbot.addWidget(window)
        window.setCentralWidget(QWidget())
        dock_widget = QDockWidget("Order", window)
        dock = OrderDock(settings)
        dock_widget.setWidget(dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock_widget)
        dock.install_shortcuts(window)
        window.resize(1100, 900)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        session.start_orders(OrderSettings.load(settings))  # the session owns its order service
        dock.set_session(session)
        desk = Desk(window, dock, session, settings)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.dock.set_session(None)
        run_async(desk.session.close())


def ovs_settle(qtbot: Any, desk: Desk, timeout: int = 8000) -> None:
    panel = desk.dock.ovs_panel

    def idle() -> bool:
        busy = desk.dock.service is not None and desk.dock.service.busy
        return panel.ticket.idle and not busy

    qtbot.waitUntil(idle, timeout=timeout)


def search_overseas(qtbot: Any, desk: Desk, text: str, code: str) -> Any:
    """F2, type ``text`` into the symbol search, Down until ``code`` is highlighted, Enter: the
    dock switches to the overseas panel with it. Waits for its quote."""
    press(qtbot, desk.window, K.Key_F2)
    type_ascii(qtbot, desk.window, text)
    edit = desk.dock.active_panel.symbol_edit
    for _ in range(12):
        pick = edit.highlighted()
        if pick is not None and pick.code == code:
            break
        press(qtbot, desk.window, K.Key_Down)
    press(qtbot, desk.window, K.Key_Return)
    panel = desk.dock.ovs_panel
    assert desk.dock.overseas, "picking an overseas symbol did not switch the panel"
    assert panel.symbol is not None and panel.symbol.code == code
    wait_for(qtbot, lambda: panel.quote is not None, 8000)
    ovs_settle(qtbot, desk)
    return panel


def review_and_send(qtbot: Any, desk: Desk) -> Any:
    """Enter (the review opens), Enter (send); returns the texts the review showed."""
    panel = desk.dock.ovs_panel
    press(qtbot, desk.window, K.Key_Return)
    wait_for(qtbot, lambda: panel.dialog is not None, 3000)
    dialog = panel.dialog
    wait_dialog(qtbot, dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    press(qtbot, desk.window, K.Key_Return)
    wait_for(qtbot, lambda: panel.dialog is None, 3000)
    wait_main(qtbot, desk)
    settle(qtbot, desk)
    return texts


def ovs_posts(desk: Desk) -> int:
    stats = desk.sim.stats
    return stats.by_path.get(OVS_ORDER, 0)
