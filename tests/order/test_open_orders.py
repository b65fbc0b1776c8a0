"""Open orders: cancel with Del and modify with M, both confirmed; a second modify names the
new order number (and branch) KIS gave the first; executions by date range."""

from __future__ import annotations

import datetime as dt

from order_helpers import (
    ORDER_RVSECNCL,
    choose_symbol,
    press,
    replace_text,
    settle,
    to_field,
    wait_dialog,
    wait_for,
    wait_main,
)
from PySide6.QtCore import Qt

from kisdesk.domain.order_state import OrderState
from kisdesk.domain.ticks import step_price

K = Qt.Key
CODE = "005930"


def place_resting_buy(qtbot, desk, qty: int, ticks_above_lower: int = 2):
    """A limit buy a few ticks above the lower limit: it rests (the market stays still)."""
    p = desk.panel
    choose_symbol(qtbot, desk, CODE)
    to_field(qtbot, desk, p.price_edit)
    press(qtbot, desk.window, K.Key_L)
    for _ in range(ticks_above_lower):
        press(qtbot, desk.window, K.Key_Up)
    to_field(qtbot, desk, p.qty_edit)
    replace_text(qtbot, desk, str(qty))
    settle(qtbot, desk)
    service = desk.dock.service
    count = len(service.tracked)
    press(qtbot, desk.window, K.Key_Return)
    wait_for(qtbot, lambda: len(service.tracked) > count)
    order = service.tracked[-1]
    wait_for(qtbot, lambda: order.state is OrderState.ACCEPTED)
    return order


def current_open(desk):
    return desk.dock.open_orders.table.current_record()


def open_row_with(qtbot, desk, order_no: str):
    """F11 to the open orders; wait until the table lists ``order_no`` and it is current."""
    table = desk.dock.open_orders.table
    wait_for(qtbot, lambda: table.model.row_of(order_no) is not None)
    wait_main(qtbot, desk)
    press(qtbot, desk.window, K.Key_F11)
    assert table.view.hasFocus()
    for _ in range(table.proxy.rowCount()):
        if current_open(desk) is not None and current_open(desk).order_no == order_no:
            return current_open(desk)
        press(qtbot, desk.window, K.Key_Down)
    record = current_open(desk)
    assert record is not None and record.order_no == order_no
    return record


def modify_by_keys(qtbot, desk, ticks: int) -> None:
    view = desk.dock.open_orders
    press(qtbot, desk.window, K.Key_M)
    wait_for(qtbot, lambda: view.dialog is not None)
    wait_dialog(qtbot, view.dialog)
    for _ in range(ticks):
        press(qtbot, desk.window, K.Key_Up)
    press(qtbot, desk.window, K.Key_Return)  # leaves the edit dialog …
    wait_for(qtbot, lambda: view.dialog is not None)
    wait_dialog(qtbot, view.dialog)  # … for the confirmation
    press(qtbot, desk.window, K.Key_Return)


def test_modify_twice_then_cancel(qtbot, make_desk):
    desk = make_desk("demo", confirm=False, guard_ticks=0)
    sim = desk.sim
    order = place_resting_buy(qtbot, desk, 4)
    first_no = order.order_no
    row = open_row_with(qtbot, desk, first_no)
    old_price = row.price

    modify_by_keys(qtbot, desk, 1)
    wait_for(qtbot, lambda: order.order_no != first_no)
    second_no = order.order_no
    book = sim.orders.orders
    assert book[second_no].action == "modify" and book[second_no].orgn_odno == first_no
    assert book[second_no].price == step_price(old_price, 1)
    assert order.previous_order_nos == [first_no]
    assert order.branch == book[second_no].orgno

    # The table follows: the first number is gone, the new one is there; modify it again.
    row = open_row_with(qtbot, desk, second_no)
    assert desk.dock.open_orders.table.model.row_of(first_no) is None
    modify_by_keys(qtbot, desk, 2)
    wait_for(qtbot, lambda: order.order_no not in (first_no, second_no))
    third_no = order.order_no
    assert book[third_no].orgn_odno == second_no  # the second modify named the new ODNO
    assert book[third_no].price == step_price(old_price, 3)

    # Cancel with Del, confirmed with Enter.
    row = open_row_with(qtbot, desk, third_no)
    view = desk.dock.open_orders
    cancels = sim.stats.by_path.get(ORDER_RVSECNCL, 0)
    press(qtbot, desk.window, K.Key_Delete)
    assert view.dialog is not None
    wait_dialog(qtbot, view.dialog)
    assert sim.stats.by_path.get(ORDER_RVSECNCL, 0) == cancels  # nothing before Enter
    press(qtbot, desk.window, K.Key_Return)
    wait_for(qtbot, lambda: order.state is OrderState.CANCELLED)
    wait_for(qtbot, lambda: view.table.model.row_of(third_no) is None)
    assert not book[third_no].is_open
    assert sim.stats.by_path.get(ORDER_RVSECNCL, 0) == cancels + 1
    assert "ODNO" in view.message.text()


def test_cancel_can_be_called_off_with_esc(qtbot, make_desk):
    desk = make_desk("demo", confirm=False, guard_ticks=0)
    order = place_resting_buy(qtbot, desk, 1)
    open_row_with(qtbot, desk, order.order_no)
    view = desk.dock.open_orders
    press(qtbot, desk.window, K.Key_Delete)
    wait_dialog(qtbot, view.dialog)
    press(qtbot, desk.window, K.Key_Escape)
    settle(qtbot, desk)
    assert view.dialog is None and desk.sim.stats.by_path.get(ORDER_RVSECNCL, 0) == 0
    assert desk.sim.orders.orders[order.order_no].is_open


def test_modify_rejects_a_bad_quantity_locally(qtbot, make_desk):
    desk = make_desk("demo", confirm=False, guard_ticks=0)
    order = place_resting_buy(qtbot, desk, 2)
    open_row_with(qtbot, desk, order.order_no)
    view = desk.dock.open_orders
    press(qtbot, desk.window, K.Key_M)
    wait_for(qtbot, lambda: view.dialog is not None)
    dialog = view.dialog
    wait_dialog(qtbot, dialog)
    press(qtbot, desk.window, K.Key_Tab)  # to the quantity
    assert dialog.qty_edit.hasFocus()
    for _ in range(3):
        press(qtbot, desk.window, K.Key_Up)  # 5 > the 2 still open
    press(qtbot, desk.window, K.Key_Return)
    assert view.dialog is dialog and "2" in dialog.error.text()
    press(qtbot, desk.window, K.Key_Escape)
    assert desk.sim.stats.by_path.get(ORDER_RVSECNCL, 0) == 0


def test_executions_today_and_by_date_range(qtbot, make_desk):
    desk = make_desk("demo", confirm=False, guard_ticks=0)
    order = place_resting_buy(qtbot, desk, 1)
    executions = desk.dock.executions
    wait_for(qtbot, lambda: executions.table.model.row_of(order.order_no) is not None)
    # An earlier range holds nothing in a fresh simulator.
    yesterday = dt.date.today() - dt.timedelta(days=3)
    executions.start_edit.setDate(yesterday)
    executions.end_edit.setDate(yesterday)
    executions.load()
    wait_for(qtbot, lambda: executions.table.model.rowCount() == 0)
    assert executions._custom
