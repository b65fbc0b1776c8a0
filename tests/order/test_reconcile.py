"""Reconciliation of a lost answer, at the service level: a read of today's orders between the
send and the look-up (a poll) must not hide the order from the look-up."""

from __future__ import annotations

from decimal import Decimal

from order_helpers import ORDER_CASH

from kisdesk.domain.order_rules import OrderDraft, OrderFacts
from kisdesk.domain.order_state import OrderState
from kisdesk.domain.order_types import LIMIT, Side
from kisdesk.services.orders import OrderService


def _draft(sim, code: str, qty: int) -> tuple[OrderDraft, OrderFacts]:
    q = sim.market.domestic(code)
    facts = OrderFacts(
        current=q.price,
        upper=q.upper,
        lower=q.lower,
        orderable_cash=Decimal(30_000_000),
        sellable_qty=0,
    )
    return OrderDraft(Side.BUY, code, code, LIMIT, q.lower, qty), facts


def test_poll_between_send_and_lookup(qtbot, make_session, run_async):
    session = make_session("demo")
    sim = session.sim
    service = OrderService(session.client, reconcile_delays=(0.6, 0.6))
    run_async(service._load_baseline())  # the day's orders read once, as at connect
    assert service._baseline
    # An identical order placed earlier must not be taken for the lost one.
    earlier = service.submit(*_draft(sim, "005930", 3), "삼성전자")
    qtbot.waitUntil(lambda: earlier.state is OrderState.ACCEPTED, timeout=5000)

    sim.faults.add("drop_response", path_prefix=ORDER_CASH, count=1)
    order = service.submit(*_draft(sim, "005930", 3), "삼성전자")
    qtbot.waitUntil(lambda: order.state is OrderState.UNKNOWN, timeout=5000)
    service.refresh_today()  # a poll learns the new number before the look-up runs
    qtbot.waitUntil(lambda: order.state is not OrderState.UNKNOWN, timeout=10_000)
    assert order.state is OrderState.ACCEPTED
    assert order.order_no and order.order_no != earlier.order_no
    assert sim.orders.orders[order.order_no].qty == 3
    service.stop()


def test_nothing_booked_is_not_found(qtbot, make_session, run_async):
    session = make_session("demo")
    sim = session.sim
    service = OrderService(session.client, reconcile_delays=(0.05, 0.05))
    run_async(service._load_baseline())
    # The connection is reset before the simulator books anything: nothing exists.
    sim.faults.add("connection_reset", path_prefix=ORDER_CASH, count=1)
    order = service.submit(*_draft(sim, "005930", 2), "삼성전자")
    qtbot.waitUntil(
        lambda: order.state.terminal or order.state is OrderState.NOT_FOUND, timeout=10_000
    )
    assert not sim.orders.orders
    # Either the client knew it was not sent (rejected) or the look-up found nothing.
    assert order.state in (OrderState.REJECTED, OrderState.NOT_FOUND)
    service.stop()
