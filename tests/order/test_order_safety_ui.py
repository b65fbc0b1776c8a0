"""The order dock when an order's outcome is unknown or the session ends: submit held while an
order is checked, a warning before a twin of a lost order, dialogs closed on a switch, modify
only for types it can show, a held Esc, and the badge while disconnected."""

from __future__ import annotations

import dataclasses
import datetime as dt

from order_helpers import ORDER_CASH, press, settle, wait_dialog, wait_for
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from test_open_orders import open_row_with, place_resting_buy

from kisdesk.domain.order_state import OrderState
from kisdesk.kis.base import KST

K = Qt.Key
CODE = "005930"
DAILY = "/uapi/domestic-stock/v1/trading/inquire-daily-ccld"


def fill_buy(qtbot, desk, qty: int = 1) -> None:
    p = desk.panel
    assert p.load_symbol(CODE)
    settle(qtbot, desk)
    p.set_price(desk.sim.market.domestic(CODE).price)
    p.set_quantity(qty)
    settle(qtbot, desk)
    p.qty_edit.setFocus()


def test_checking_holds_submit_and_a_lost_twin_is_asked_about(qtbot, make_desk):
    desk = make_desk("demo", confirm=False, guard_ticks=0)
    p, service = desk.panel, desk.dock.service
    service.reconcile_delays = (0.3, 0.3)
    wait_for(qtbot, lambda: service._baseline)
    desk.sim.faults.add("drop_response", path_prefix=ORDER_CASH, count=1)
    desk.sim.faults.add("error", path_prefix=DAILY, count=1_000, msg_cd="OPSQ0002")
    fill_buy(qtbot, desk)
    press(qtbot, desk.window, K.Key_Return)  # confirmation off: sent at once
    wait_for(qtbot, lambda: service.tracked)
    order = service.tracked[-1]
    wait_for(qtbot, lambda: order.state is OrderState.UNKNOWN)
    # While it is checked: the button is held and the panel says why; Enter sends nothing.
    assert not p.submit_button.isEnabled()
    assert "checking" in p.reason_label.text()
    posts = desk.order_posts()
    p.qty_edit.setFocus()
    press(qtbot, desk.window, K.Key_Return)
    assert desk.order_posts() == posts and len(service.tracked) == 1

    wait_for(qtbot, lambda: order.state is OrderState.NOT_FOUND, timeout=10_000)
    assert p.submit_button.isEnabled()
    # The same order again: asked first, even with confirmation off, and Esc sends nothing.
    p.qty_edit.setFocus()
    press(qtbot, desk.window, K.Key_Return)
    dialog = p.dialog
    assert dialog is not None
    wait_dialog(qtbot, dialog)
    assert any("not found" in w for w in dialog.warnings)
    press(qtbot, desk.window, K.Key_Escape)
    wait_for(qtbot, lambda: p.dialog is None)
    assert desk.order_posts() == posts and len(service.tracked) == 1
    desk.sim.faults.clear()


def test_switch_closes_a_cancel_dialog_unanswered(qtbot, make_desk, make_session):
    desk = make_desk("demo", confirm=False, guard_ticks=0)
    order = place_resting_buy(qtbot, desk, 1)
    open_row_with(qtbot, desk, order.order_no)
    view = desk.dock.open_orders
    press(qtbot, desk.window, K.Key_Delete)
    dialog = view.dialog
    assert dialog is not None
    wait_dialog(qtbot, dialog)
    other = make_session("demo", seed=99, order_settings=desk.settings)  # another account
    desk.dock.set_session(other)
    assert view.dialog is None and not dialog.isVisible()
    settle(qtbot, desk)
    assert desk.sim.orders.orders[order.order_no].is_open  # nothing cancelled anywhere


def test_modify_only_for_limit_orders(qtbot, make_desk):
    desk = make_desk("demo", confirm=False, guard_ticks=0)
    order = place_resting_buy(qtbot, desk, 1)
    row = open_row_with(qtbot, desk, order.order_no)
    view = desk.dock.open_orders
    best = dataclasses.replace(row, order_type="03")  # 최유리, as if placed in the HTS
    view.table.set_records([best])
    view.table.view.setCurrentIndex(view.table.proxy.index(0, 0))
    press(qtbot, desk.window, K.Key_M)
    settle(qtbot, desk)
    assert view.dialog is None
    assert "03" in view.message.text() and "cancel" in view.message.text()


def test_held_esc_after_the_review_keeps_the_order(qtbot, make_desk):
    desk = make_desk("demo", confirm=True, guard_ticks=0)
    p = desk.panel
    fill_buy(qtbot, desk, 3)
    press(qtbot, desk.window, K.Key_Return)
    wait_dialog(qtbot, p.dialog)
    press(qtbot, desk.window, K.Key_Escape)  # closes the review
    wait_for(qtbot, lambda: p.dialog is None)
    repeat = QKeyEvent(
        QEvent.Type.KeyPress, K.Key_Escape, Qt.KeyboardModifier.NoModifier, "", True, 1
    )
    QApplication.sendEvent(p.qty_edit, repeat)  # the key still held: auto-repeat
    assert p.symbol is not None and p.qty_edit.text() == "3"


def test_badge_follows_the_environment_while_disconnected(qtbot, make_desk):
    desk = make_desk("demo")
    dock = desk.dock
    dock.set_env("real")  # the controller connecting to a real profile
    dock.set_session(None)  # no keys, or a failed connect
    assert dock.badge.env == "real" and dock.env == "real"
    assert not dock.confirm_box.isEnabled()  # real: confirmation cannot be turned off


def test_executions_default_to_korea_today(qtbot, make_desk):
    desk = make_desk("demo")
    view = desk.dock.executions
    today = dt.datetime.now(KST).date()
    assert view.start_edit.date().toPython() == today == view.end_edit.date().toPython()
