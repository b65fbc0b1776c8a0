"""Helpers of the fault tests: orders through the app's own order service, and waits."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from kisdesk.domain.order_rules import OrderDraft, OrderFacts
from kisdesk.domain.order_state import OrderState
from kisdesk.domain.order_types import LIMIT, Side

BALANCE = "/uapi/domestic-stock/v1/trading/inquire-balance"
ORDER_CASH = "/uapi/domestic-stock/v1/trading/order-cash"
API = "/uapi/"
# Short pauses between the look-ups of an order whose answer was lost (the app's are ~10 s).
RECONCILE_DELAYS = (0.1, 0.3, 0.6, 1.0)
# States in which the app holds an order number the exchange gave.
BOOKED = (OrderState.ACCEPTED, OrderState.PARTIAL, OrderState.FILLED, OrderState.CANCELLED)


def order_service(client: Any) -> Any:
    from kisdesk.services.orders import OrderService

    service = OrderService(client, env_name="demo", reconcile_delays=RECONCILE_DELAYS)
    service.start()
    return service


async def buy_at_market_price(client: Any, code: str) -> tuple[OrderDraft, OrderFacts]:
    """A one-share limit buy at the current price (the simulator fills it at once), with the
    facts the order panel would have read before a send."""
    quote = await client.domestic_price(code)
    power = await client.buying_power(code, int(quote.price), order_type=LIMIT.code)
    facts = OrderFacts(
        kind="stock",
        current=quote.price,
        upper=quote.upper,
        lower=quote.lower,
        halted=bool(quote.halted),
        orderable_cash=power.orderable_cash,
        max_buy_qty=int(power.no_receivable_qty),
        max_buy_price=quote.price,
    )
    draft = OrderDraft(Side.BUY, code, code, LIMIT, quote.price, 1)
    return draft, facts


def settled(service: Any) -> Callable[[], bool]:
    """No order in flight or being looked up."""

    def check() -> bool:
        return not service.busy and all(
            t.state not in (OrderState.SENDING, OrderState.UNKNOWN) for t in service.tracked
        )

    return check


def assert_ledger_matches(service: Any, sim: Any, before: list[str]) -> None:
    """No lost and no duplicate order: every order the simulator booked since ``before`` is held
    by exactly one tracked order, and every tracked order with a number was booked."""
    booked = [n for n in sim.new_orders() if n not in before]
    held = [t.order_no for t in service.tracked if t.order_no]
    states = [(t.state, t.order_no) for t in service.tracked]
    assert sorted(booked) == sorted(held), (booked, states)
    assert len(set(held)) == len(held)
    for t in service.tracked:
        if not t.order_no:
            assert t.state in (OrderState.REJECTED, OrderState.NOT_FOUND), t.state
        else:
            assert t.state in BOOKED, t.state


def decimal_map(values: dict[str, Any]) -> dict[str, Decimal]:
    return {k: Decimal(v) for k, v in values.items()}
