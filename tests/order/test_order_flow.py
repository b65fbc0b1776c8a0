"""The order panel against the simulator, driven by key events only."""

from __future__ import annotations

from order_helpers import press, settle, type_ascii, wait_dialog, wait_for
from PySide6.QtCore import Qt

from kisdesk.domain.order_state import OrderState
from kisdesk.ui.order_panel import SEND_DEBOUNCE_S

K = Qt.Key


def test_full_buy_from_empty_panel_to_fill(qtbot, make_desk):
    desk = make_desk("demo")
    panel, sim, window = desk.panel, desk.sim, desk.window
    acct = sim.account("demo")
    changed = []
    desk.session.orders.orders_changed.connect(lambda: changed.append(True))
    code = "005930"
    held_before = acct.holdings[code].qty if code in acct.holdings else 0

    press(qtbot, window, K.Key_F2)
    assert panel.symbol_edit.hasFocus()
    type_ascii(qtbot, window, code)
    assert panel.symbol_edit.popup_visible()
    press(qtbot, window, K.Key_Tab)  # takes the highlighted suggestion, moves to the side
    assert panel.symbol is not None and panel.symbol.code == code
    assert panel.side_combo.hasFocus()
    settle(qtbot, desk)
    quote = sim.market.domestic(code)
    assert panel.price_edit.text() == f"{quote.price:,}"  # prefilled with the current price
    press(qtbot, window, K.Key_Tab)  # type
    press(qtbot, window, K.Key_Tab)  # price
    assert panel.price_edit.hasFocus()
    press(qtbot, window, K.Key_C)  # current price
    press(qtbot, window, K.Key_Tab)  # quantity
    type_ascii(qtbot, window, "10")
    settle(qtbot, desk)
    assert panel.submit_button.isEnabled(), panel.reason_label.text()

    posts = desk.order_posts()
    press(qtbot, window, K.Key_Return)  # review
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    wait_dialog(qtbot, dialog)
    assert desk.order_posts() == posts  # nothing sent before the confirmation
    assert dialog.values["Code"].text() == code
    press(qtbot, window, K.Key_Return)  # confirm
    wait_for(qtbot, lambda: desk.dock.service.tracked)
    order = desk.dock.service.tracked[0]
    wait_for(qtbot, lambda: order.state is OrderState.FILLED, timeout=10_000)
    assert desk.order_posts() == posts + 1
    assert order.order_no and order.order_no in sim.orders.orders
    assert acct.holdings[code].qty == held_before + 10
    assert order.order_no in panel.result_label.text()
    wait_for(qtbot, lambda: changed)


def _pick_type(qtbot, desk, code: str) -> None:
    panel = desk.panel
    for _ in range(panel.type_combo.count()):
        if panel.order_type.code == code:
            return
        press(qtbot, desk.window, K.Key_T)
    assert panel.order_type.code == code


def test_best_price_and_ioc_orders_by_keys(qtbot, make_desk):
    """최유리 (03) fills at once at the best price; an IOC limit (11) below the market cancels
    instead of resting. Keys only, confirmation off."""
    desk = make_desk("demo", confirm=False, guard_ticks=0)
    panel, sim, window = desk.panel, desk.sim, desk.window
    code = "005930"
    press(qtbot, window, K.Key_F2)
    type_ascii(qtbot, window, code)
    press(qtbot, window, K.Key_Tab)
    settle(qtbot, desk)
    press(qtbot, window, K.Key_F9)  # 매수, focus on the quantity
    _pick_type(qtbot, desk, "03")
    assert not panel.price_edit.isEnabled()  # the exchange chooses the price
    type_ascii(qtbot, window, "2")
    settle(qtbot, desk)
    press(qtbot, window, K.Key_Return)
    service = desk.dock.service
    wait_for(qtbot, lambda: service.tracked)
    best = service.tracked[-1]
    wait_for(qtbot, lambda: best.state is OrderState.FILLED, timeout=10_000)
    booked = sim.orders.orders[best.order_no]
    assert booked.ord_dvsn == "03" and booked.qty == 2
    assert booked.executions[0].price == sim.market.domestic(code).price

    _pick_type(qtbot, desk, "11")
    assert panel.price_edit.isEnabled()
    panel.price_edit.setFocus()
    press(qtbot, window, K.Key_L)  # the lower limit: far below the market, nothing crosses
    panel.qty_edit.setFocus()
    panel.qty_edit.selectAll()
    type_ascii(qtbot, window, "1")
    settle(qtbot, desk)
    assert panel.submit_button.isEnabled(), panel.reason_label.text()
    qtbot.wait(int(SEND_DEBOUNCE_S * 1000) + 100)  # a second Enter this soon is taken as a bounce
    press(qtbot, window, K.Key_Return)
    wait_for(qtbot, lambda: len(service.tracked) == 2)
    ioc = service.tracked[-1]
    wait_for(qtbot, lambda: ioc.state is OrderState.CANCELLED, timeout=10_000)
    assert ioc.filled_qty == 0 and not sim.orders.orders[ioc.order_no].is_open
