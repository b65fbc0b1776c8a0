"""Orders whose outcome is not known yet: never a second copy by accident, never cut off by a
session switch, and matched when they turn up late. Against the simulator, through the app."""

from __future__ import annotations

import asyncio

from fault_helpers import BOOKED, ORDER_CASH, buy_at_market_price, order_service, settled

from kisdesk.domain.order_state import OrderState

CODE = "005930"
DAILY = "/uapi/domestic-stock/v1/trading/inquire-daily-ccld"


def test_no_second_order_while_the_first_is_checked(qtbot, start_app, run_async):
    app = start_app()
    service = order_service(app.client)
    qtbot.waitUntil(lambda: service._baseline, timeout=5_000)
    draft, facts = run_async(buy_at_market_price(app.client, CODE))
    before = app.sim.new_orders()
    app.sim.faults.add("drop_response", ORDER_CASH, count=1)
    first = service.submit(draft, facts)
    assert first is not None
    qtbot.waitUntil(lambda: first.state is OrderState.UNKNOWN, timeout=5_000)
    # The same order again while the first is looked up: refused, nothing sent.
    assert service.checking and service.settling
    assert service.submit(draft, facts) is None
    qtbot.waitUntil(settled(service), timeout=15_000)
    assert first.state in BOOKED
    assert len(app.sim.new_orders()) == len(before) + 1
    assert service.submit(draft, facts) is not None  # resolved: the next order may go
    qtbot.waitUntil(settled(service), timeout=10_000)
    run_async(service.close())


def test_not_found_order_is_matched_when_it_turns_up(qtbot, start_app, run_async):
    """The answer is lost and every look-up fails: "not found". When today's orders can be
    read again, the order is recognised and takes its number and state."""
    app = start_app()
    service = order_service(app.client)
    qtbot.waitUntil(lambda: service._baseline, timeout=5_000)
    draft, facts = run_async(buy_at_market_price(app.client, CODE))
    app.sim.faults.add("drop_response", ORDER_CASH, count=1)
    app.sim.faults.add("error", DAILY, count=1_000, msg_cd="OPSQ0002")
    order = service.submit(draft, facts)
    qtbot.waitUntil(lambda: order.state is OrderState.NOT_FOUND, timeout=15_000)
    assert not order.order_no and "open orders" in order.message
    assert service.unconfirmed_like(draft) is order  # the panel warns before a twin goes
    app.sim.faults.clear()
    # The open-orders poll keeps reading today's orders while an order is lost.
    service.refresh_open_orders()
    qtbot.waitUntil(lambda: order.state in BOOKED, timeout=10_000)
    assert order.order_no in app.sim.new_orders()
    assert service.unconfirmed_like(draft) is None
    run_async(service.close())


def test_switching_waits_for_the_order_in_flight(qtbot, start_app, run_async, app_errors):
    """A switch (or log-out, or quit) while an order is on its way waits for its answer: the
    order is booked and the app knew its number before the session ended."""
    app = start_app()
    dock = app.controller.window.orders
    service = dock.service
    qtbot.waitUntil(lambda: service._baseline, timeout=5_000)
    draft, facts = run_async(buy_at_market_price(app.client, CODE))
    before = app.sim.new_orders()
    app.sim.faults.add("latency", ORDER_CASH, count=1, delay=0.35)  # under the 0.5 s timeout
    order = service.submit(draft, facts)
    assert order is not None and service.busy

    async def switch() -> None:
        await asyncio.sleep(0.05)  # the POST is out
        await app.controller.switch_to(None)

    run_async(switch(), timeout_ms=20_000)
    assert order.state in BOOKED, (order.state, order.message)
    assert order.order_no in app.sim.new_orders()
    assert len(app.sim.new_orders()) == len(before) + 1
    assert dock.service is not service and app.controller.session is not None
    assert app_errors() == []


def test_a_lost_order_does_not_take_its_twins_row(qtbot, start_app, run_async):
    """A was never booked and is "not found"; the user sends the same order B, whose answer is
    lost too. A read of today's orders while B is looked up shows B's row: it is B's, not A's."""
    app = start_app()
    service = order_service(app.client)
    qtbot.waitUntil(lambda: service._baseline, timeout=5_000)
    draft, facts = run_async(buy_at_market_price(app.client, CODE))
    app.sim.faults.add("connection_reset", ORDER_CASH, count=1)  # A: nothing booked
    a = service.submit(draft, facts)
    qtbot.waitUntil(lambda: a.state in (OrderState.NOT_FOUND, OrderState.REJECTED), timeout=15_000)
    if a.state is OrderState.REJECTED:  # the client knew it was not sent: nothing to steal
        run_async(service.close())
        return
    app.sim.faults.add("drop_response", ORDER_CASH, count=1)  # B: booked, answer lost
    b = service.submit(draft, facts)
    qtbot.waitUntil(lambda: b.state is OrderState.UNKNOWN, timeout=5_000)
    service.refresh_today()  # a poll while B is looked up
    qtbot.waitUntil(settled(service), timeout=15_000)
    assert b.state in BOOKED and b.order_no in app.sim.new_orders()
    assert a.state is OrderState.NOT_FOUND and not a.order_no
    run_async(service.close())


def test_closing_the_window_waits_for_the_order_in_flight(qtbot, start_app, run_async):
    app = start_app()
    window, service = app.controller.window, app.controller.window.orders.service
    qtbot.waitUntil(lambda: service._baseline, timeout=5_000)
    draft, facts = run_async(buy_at_market_price(app.client, CODE))
    app.sim.faults.add("latency", ORDER_CASH, count=1, delay=0.35)
    order = service.submit(draft, facts)
    assert order is not None
    window.close()  # the close button, with the order on its way
    assert window.isVisible()  # held: the window stays up and says why
    assert service.submit(draft, facts) is None  # nothing new goes out meanwhile
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert order.state in BOOKED and order.order_no in app.sim.new_orders()
