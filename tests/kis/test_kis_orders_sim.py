"""Orders over TCP: sent once, never retried, uncertain sends are UnknownOrderOutcome."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kisdesk.kis import (
    EventKind,
    NetworkError,
    OrderRejected,
    RateLimited,
    Side,
    TokenError,
    UnknownOrderOutcome,
)

pytestmark = pytest.mark.asyncio

P_ORDER = "/uapi/domestic-stock/v1/trading/order-cash"


def resting_buy_price(sim, code: str):
    """The lower price limit: a valid tick, inside the band, below the market — it rests."""
    return sim.call(lambda server: server.market.domestic(code).lower)


def server_orders(sim, account: str = "demo") -> list:
    return sim.call(lambda server: list(server.orders.for_account(server.account(account))))


async def test_order_life_cycle(sim, kis_client):
    client = kis_client(sim)
    price = resting_buy_price(sim, "005930")
    ack = await client.order_cash(Side.BUY, "005930", 3, price)
    assert ack.order_no and ack.branch and ack.time is not None and ack.msg_cd == "APBK0013"
    open_orders = await client.cancellable_orders()
    mine = [o for o in open_orders if o.order_no == ack.order_no]
    assert len(mine) == 1 and mine[0].cancellable_qty == 3 and mine[0].price == price
    modified = await client.modify_order(ack.branch, ack.order_no, price, 2)  # 2 of the 3
    assert modified.order_no != ack.order_no  # a modify answers with a new order number
    left = {o.order_no: o.cancellable_qty for o in await client.cancellable_orders()}
    assert left[ack.order_no] == 1 and left[modified.order_no] == 2
    cancelled = await client.cancel_order(modified.branch, modified.order_no)  # all of it
    rest = await client.cancel_order(ack.branch, ack.order_no, 1)
    executions = await client.daily_executions(code="005930")
    await client.aclose()
    numbers = {r.order_no for r in executions.rows}
    assert {ack.order_no, modified.order_no, cancelled.order_no, rest.order_no} <= numbers
    assert sim.stats.orders_received == 4 and sim.stats.orders_accepted == 4
    assert not [o for o in server_orders(sim) if o.is_open]


async def test_dropped_answer_is_unknown_and_the_order_was_sent_once(sim, kis_client):
    events: list = []
    client = kis_client(sim, events=events)
    price = resting_buy_price(sim, "000660")
    await client.ensure_token()
    sim.faults.add("drop_response", P_ORDER, count=1)
    with pytest.raises(UnknownOrderOutcome) as info:
        await client.buy("000660", 1, price)
    assert "check today's executions" in str(info.value)
    assert sim.stats.orders_received == 1  # booked once at the server, never re-sent
    assert not [e for e in events if e.kind is EventKind.RETRYING]
    # Reconciliation: the order is found in the day's executions.
    executions = await client.daily_executions(code="000660", side="02")
    await client.aclose()
    booked = [o.odno for o in server_orders(sim) if o.code == "000660"]
    assert len(booked) == 1
    assert [r.order_no for r in executions.rows] == booked


@pytest.mark.parametrize("kind", ["malformed_json", "html_error", "http_5xx", "connection_reset"])
async def test_garbled_or_lost_order_answers_are_unknown_never_retried(sim, kis_client, kind):
    client = kis_client(sim)
    price = resting_buy_price(sim, "005930")
    await client.ensure_token()
    sim.faults.add(kind, P_ORDER)
    with pytest.raises(UnknownOrderOutcome):
        await client.buy("005930", 1, price)
    await client.aclose()
    assert sim.stats.faults_fired[kind] == 1  # exactly one attempt


async def test_rejection_is_typed_and_not_retried(sim, kis_client):
    client = kis_client(sim)
    price = resting_buy_price(sim, "005930")
    with pytest.raises(OrderRejected) as info:
        await client.buy("005930", 10_000_000, price)  # far beyond the cash
    await client.aclose()
    assert info.value.msg_cd == "APBK0952" and info.value.rt_cd == "7"
    assert info.value.tr_id == "TTTC0012U"
    assert sim.stats.orders_received == 1


async def test_rate_limited_order_is_not_retried(sim, kis_client):
    client = kis_client(sim)
    await client.ensure_token()
    sim.faults.add("error", P_ORDER, count=1, msg_cd="EGW00201", status=500)
    with pytest.raises(RateLimited):
        await client.buy("005930", 1, resting_buy_price(sim, "005930"))
    await client.aclose()
    assert sim.stats.by_path[P_ORDER] == 1 and sim.stats.orders_received == 0


async def test_token_expired_on_an_order_is_not_resent(sim, kis_client, fake_clock):
    client = kis_client(sim, clock=fake_clock, sleep=fake_clock.sleep)
    price = resting_buy_price(sim, "005930")
    await client.ensure_token()
    sim.faults.add("expire_tokens", P_ORDER, count=1)
    with pytest.raises(TokenError) as info:
        await client.buy("005930", 1, price)
    assert info.value.msg_cd == "EGW00123"
    assert sim.stats.by_path[P_ORDER] == 1 and sim.stats.orders_received == 0
    # The user sends again: a fresh token, one more order.
    ack = await client.buy("005930", 1, price)
    await client.aclose()
    assert ack.order_no and sim.stats.orders_received == 1 and sim.stats.tokens_issued == 2


async def test_connection_refused_means_not_sent(kis_client, sim):
    client = kis_client(sim)
    await client.ensure_token()
    port = sim.server.port
    client._http._base_url = client._http._base_url.copy_with(port=1)  # nothing listens there
    with pytest.raises(NetworkError, match="not sent"):
        await client.buy("005930", 1, 50000)
    await client.aclose()
    assert port and sim.stats.orders_received == 0


async def test_hashkey_setting_adds_one_call_per_order(sim, kis_client):
    client = kis_client(sim, use_hashkey=True)
    ack = await client.buy("005930", 1, resting_buy_price(sim, "005930"))
    client.use_hashkey = False
    await client.buy("005930", 1, resting_buy_price(sim, "005930"))
    await client.aclose()
    assert ack.order_no
    assert sim.stats.by_path["/uapi/hashkey"] == 1 and sim.stats.orders_accepted == 2


async def test_sell_and_paper_order_ids(paper_sim, kis_client):
    client = kis_client(paper_sim)
    holding = (await client.domestic_balance()).holdings[0]
    ack = await client.sell(holding.code, 1, 0, order_type="01")  # market sell
    await client.aclose()
    assert ack.order_no and ack.msg_cd == "40600000"
    assert paper_sim.stats.by_tr_id["VTTC0011U"] == 1


async def test_temporary_gateway_error_on_an_order_is_unknown(sim, kis_client):
    client = kis_client(sim)
    await client.ensure_token()
    sim.faults.add("error", P_ORDER, count=1, msg_cd="EGW00001", status=500)
    with pytest.raises(UnknownOrderOutcome):
        await client.buy("005930", 1, resting_buy_price(sim, "005930"))
    await client.aclose()
    assert sim.stats.by_path[P_ORDER] == 1


async def test_overseas_order_life_cycle(sim, kis_client):
    client = kis_client(sim)
    detail = await client.overseas_price_detail("NAS", "AAPL")
    price = (detail.price * Decimal("0.9") / detail.tick).to_integral_value() * detail.tick
    ack = await client.overseas_order(Side.BUY, "NASD", "AAPL", 2, price)
    open_orders = await client.overseas_open_orders("NASD")
    mine = [o for o in open_orders if o.order_no == ack.order_no]
    assert len(mine) == 1 and mine[0].open_qty == 2 and mine[0].price == price
    lower = price - detail.tick
    modified = await client.overseas_modify_order("NASD", "AAPL", ack.order_no, 2, lower)
    after = {o.order_no: o for o in await client.overseas_open_orders("NASD")}
    assert ack.order_no not in after and after[modified.order_no].price == lower
    await client.overseas_cancel_order("NASD", "AAPL", modified.order_no, 2)
    assert not [o for o in await client.overseas_open_orders("NASD") if o.code == "AAPL"]
    await client.aclose()
    assert sim.stats.by_tr_id["TTTT1002U"] == 1 and sim.stats.by_tr_id["TTTT1004U"] == 2
    with pytest.raises(ValueError):
        await client.overseas_modify_order("SHAA", "600519", "1", 1, 1)  # cancel-only market


async def test_paper_us_sell_uses_the_listed_tr_id(paper_sim, kis_client):
    client = kis_client(paper_sim)
    balance = await client.overseas_balance("NASD")
    holding = balance.holdings[0]
    quote = await client.overseas_price("NAS", holding.code)
    ack = await client.overseas_order(Side.SELL, "NASD", holding.code, 1, quote.price)
    await client.aclose()
    assert ack.order_no
    assert paper_sim.stats.by_tr_id["VTTT1001U"] == 1  # not the mechanical VTTT1006U
    assert "VTTT1006U" not in paper_sim.stats.by_tr_id


async def test_paper_overseas_open_orders(paper_sim, kis_client):
    # Seed 004: 해외주식 미체결내역 is offered on paper (VTTS3018R).
    client = kis_client(paper_sim)
    quote = await client.overseas_price("NAS", "AAPL")
    price = (quote.price * Decimal("0.9")).quantize(Decimal("0.01"))
    ack = await client.overseas_order(Side.BUY, "NASD", "AAPL", 2, price)
    open_orders = await client.overseas_open_orders("NASD")
    await client.aclose()
    mine = [o for o in open_orders if o.order_no == ack.order_no]
    assert len(mine) == 1 and mine[0].open_qty == 2 and mine[0].price == price
    assert paper_sim.stats.by_tr_id["VTTS3018R"] == 1
    assert "TTTS3018R" not in paper_sim.stats.by_tr_id


@pytest.mark.parametrize("blank", ["", " "])
async def test_a_blank_price_is_never_sent(sim, kis_client, blank):
    # The simulator refuses a blank price (endpoints.md D3/D5/D6/O4); the client must not
    # produce one: a blank price fails locally, before any request.
    client = kis_client(sim)
    for call in (
        client.order_cash(Side.BUY, "005930", 1, blank),
        client.modify_order("06010", "0000000001", blank),
        client.overseas_order(Side.BUY, "NASD", "AAPL", 1, blank),
        client.overseas_modify_order("NASD", "AAPL", "0000000001", 1, blank),
    ):
        with pytest.raises((ValueError, ArithmeticError)):
            await call
    # Market orders and cancels send "0", which the simulator takes.
    ack = await client.order_cash(Side.BUY, "005930", 1, order_type="01")
    cancel_price = resting_buy_price(sim, "005930")
    rest = await client.buy("005930", 1, cancel_price)
    await client.cancel_order(rest.branch, rest.order_no)
    await client.aclose()
    assert ack.order_no
    assert sim.stats.orders_received == sim.stats.orders_accepted == 3
