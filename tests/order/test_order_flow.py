"""The order panel against the simulator, driven by key events only."""

from __future__ import annotations

from order_helpers import press, settle, type_ascii, wait_dialog, wait_for
from PySide6.QtCore import Qt

from kisdesk.domain.order_state import OrderState

K = Qt.Key


def test_full_buy_from_empty_panel_to_fill(qtbot, make_desk):
    desk = make_desk("demo")
    panel, sim, window = desk.panel, desk.sim, desk.window
    acct = sim.account("demo")
    changed = []
    desk.dock.orders_changed.connect(lambda: changed.append(True))
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
