"""The client against the simulator's other ORD_DVSN codes (endpoints.md D5): the order types
travel as sent, and the inquiries show what the exchange did with them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kisdesk.kis import OrderRejected, Side

pytestmark = pytest.mark.asyncio

SAMSUNG = "005930"


def current(sim) -> Decimal:
    return sim.call(lambda server: server.market.domestic(SAMSUNG).price)


async def test_best_limit_and_market_fok_fill_with_their_type(sim, kis_client):
    client = kis_client(sim)
    price = current(sim)
    best = await client.order_cash(Side.BUY, SAMSUNG, 2, 0, order_type="03")
    fok = await client.order_cash(Side.SELL, SAMSUNG, 1, 0, order_type="14")
    rows = {r.order_no: r for r in (await client.daily_executions(code=SAMSUNG)).rows}
    await client.aclose()
    b, f = rows[best.order_no], rows[fok.order_no]
    assert (b.order_type, b.order_type_name, b.filled_qty) == ("03", "최유리지정가", 2)
    assert (f.order_type, f.order_type_name, f.filled_qty) == ("14", "FOK시장가", 1)
    assert (b.price, f.price) == (price, 0)  # 최유리 takes the current price; market has none
    assert b.avg_fill_price == f.avg_fill_price == price


async def test_top_of_book_rests_and_cancels(sim, kis_client):
    client = kis_client(sim)
    ack = await client.order_cash(Side.BUY, SAMSUNG, 3, 0, order_type="04")
    (row,) = [o for o in await client.cancellable_orders() if o.order_no == ack.order_no]
    assert (row.order_type, row.price, row.cancellable_qty) == ("04", current(sim), 3)
    await client.cancel_order(ack.branch, ack.order_no, order_type="04")
    assert [o for o in await client.cancellable_orders() if o.order_no == ack.order_no] == []
    await client.aclose()


async def test_unmarketable_ioc_is_cancelled_by_the_exchange(sim, kis_client):
    client = kis_client(sim)
    low = sim.call(lambda server: server.market.domestic(SAMSUNG).lower)
    ack = await client.order_cash(Side.BUY, SAMSUNG, 4, low, order_type="11")
    (row,) = [r for r in (await client.daily_executions()).rows if r.order_no == ack.order_no]
    open_orders = await client.cancellable_orders()
    await client.aclose()
    assert (row.order_type_name, row.filled_qty, row.remaining_qty) == ("IOC지정가", 0, 0)
    assert row.cancel_confirmed_qty == 4
    assert ack.order_no not in {o.order_no for o in open_orders}


async def test_paper_refuses_the_other_types(paper_sim, kis_client):
    client = kis_client(paper_sim)
    with pytest.raises(OrderRejected) as info:
        await client.order_cash(Side.BUY, SAMSUNG, 1, 0, order_type="03")
    await client.aclose()
    assert info.value.msg_cd == "SIM00007" and info.value.tr_id == "VTTC0012U"
