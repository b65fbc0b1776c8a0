"""On paper (모의투자) the real-only inquiries are replaced: open orders come from the unfilled
rows of inquire-daily-ccld, the sellable quantity from the balance; only 지정가/시장가."""

from __future__ import annotations

from decimal import Decimal

from kisdesk.domain.order_rules import OrderDraft, OrderFacts
from kisdesk.domain.order_state import OrderState
from kisdesk.domain.order_types import LIMIT, Side, available_types
from kisdesk.services.orders import OrderService

CCLD = "/uapi/domestic-stock/v1/trading/inquire-daily-ccld"
RVSECNCL = "/uapi/domestic-stock/v1/trading/inquire-psbl-rvsecncl"
SELL = "/uapi/domestic-stock/v1/trading/inquire-psbl-sell"


def test_paper_substitutes(qtbot, make_session, run_async):
    session = make_session("paper", profile="paper")
    sim = session.sim
    service = OrderService(session.client, env_name="paper", reconcile_delays=())
    assert service.profile == "paper"
    assert [t.code for t in available_types(service.profile)] == ["00", "01"]

    acct = sim.account("demo")
    code = "005930"
    assert run_async(service.sellable(code)) == sim.orders.sellable(acct, code)
    q = sim.market.domestic(code)
    draft = OrderDraft(Side.BUY, code, code, LIMIT, q.lower, 1)
    facts = OrderFacts(
        current=q.price,
        upper=q.upper,
        lower=q.lower,
        orderable_cash=Decimal(10_000_000),
        sellable_qty=0,
    )
    order = service.submit(draft, facts, "삼성전자")
    qtbot.waitUntil(lambda: order.state is not OrderState.SENDING, timeout=10_000)
    assert order.state is OrderState.ACCEPTED, order.message
    assert order.branch == sim.orders.orders[order.order_no].orgno  # 00950 on paper

    open_orders = run_async(service.fetch_open_orders(), timeout_ms=15_000)
    assert [o.order_no for o in open_orders] == [order.order_no]
    assert open_orders[0].open_qty == 1 and open_orders[0].side is Side.BUY
    by_path = sim.stats.by_path
    assert by_path.get(RVSECNCL, 0) == 0 and by_path.get(SELL, 0) == 0  # never asked on paper
    assert by_path.get(CCLD, 0) >= 1
    service.stop()
