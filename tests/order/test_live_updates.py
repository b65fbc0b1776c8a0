"""What changes by itself: the shown quote refreshes while the panel shows it, and a resting
order that fills later is noticed (tracked state, orders_changed for the holdings)."""

from __future__ import annotations

from order_helpers import choose_symbol, press, replace_text, settle, to_field, wait_for
from PySide6.QtCore import Qt

from kisdesk.domain.format import fmt_krw
from kisdesk.domain.order_state import OrderState
from kisdesk.domain.ticks import step_price

K = Qt.Key
CODE = "005930"


def test_quote_refreshes_while_shown(qtbot, make_desk):
    desk = make_desk("demo", quote_refresh_ms=200)
    choose_symbol(qtbot, desk, CODE)
    market = desk.sim.market
    before = market.domestic(CODE).price
    for _ in range(200):  # walk the simulated market until the price moves
        desk.sim.step_market(1)
        if market.domestic(CODE).price != before:  # a quote catches up when looked at
            break
    now = market.domestic(CODE).price
    assert now != before
    wait_for(qtbot, lambda: desk.panel.price_label.text() == fmt_krw(now), timeout=3000)
    # Hidden: no more refreshes.
    desk.panel.hide()
    calls = desk.sim.stats.by_path.get("/uapi/domestic-stock/v1/quotations/inquire-price", 0)
    qtbot.wait(600)
    assert (
        desk.sim.stats.by_path.get("/uapi/domestic-stock/v1/quotations/inquire-price", 0) == calls
    )


def test_later_fill_is_noticed(qtbot, make_desk):
    desk = make_desk("demo", confirm=False, guard_ticks=0, poll_ms=300)
    sim, panel = desk.sim, desk.panel
    choose_symbol(qtbot, desk, CODE)
    q = sim.market.domestic(CODE)
    to_field(qtbot, desk, panel.price_edit)
    replace_text(qtbot, desk, str(step_price(q.price, -1)))  # one tick under: it rests
    to_field(qtbot, desk, panel.qty_edit)
    replace_text(qtbot, desk, "2")
    settle(qtbot, desk)
    press(qtbot, desk.window, K.Key_Return)
    service = desk.dock.service
    wait_for(qtbot, lambda: service.tracked and service.tracked[0].state is OrderState.ACCEPTED)
    order = service.tracked[0]
    changed: list[bool] = []
    desk.session.orders.orders_changed.connect(lambda: changed.append(True))
    book = sim.orders.orders[order.order_no]
    for _ in range(500):
        if not book.is_open:
            break
        sim.step_market(1)
    assert not book.is_open, "the walk never reached the order's price"
    wait_for(qtbot, lambda: order.state is OrderState.FILLED, timeout=5000)
    assert changed  # the app is told to refresh holdings
    wait_for(qtbot, lambda: desk.dock.open_orders.table.model.row_of(order.order_no) is None)
