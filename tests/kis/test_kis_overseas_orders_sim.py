"""The overseas order client over TCP: the TR of each call from the one table (market × side ×
environment × session), one POST never retried, O8 and O9 as typed Decimal records."""

from __future__ import annotations

import dataclasses
import typing
from decimal import Decimal

import pytest

from kisdesk.kis import NotOfferedInPaper, Side, UnknownOrderOutcome
from kisdesk.kis.overseas_trs import ORDER_TRS, order_tr
from kisdesk.kis.records import OverseasBuyingPower, OverseasOrderRow

pytestmark = pytest.mark.asyncio

P_ORDER = "/uapi/overseas-stock/v1/trading/order"

# (exchange, quote code, issue)
ISSUES = [
    ("NASD", "NAS", "AAPL"),
    ("NYSE", "NYS", "KO"),
    ("AMEX", "AMS", "GLD"),
    ("SEHK", "HKS", "01299"),
    ("TKSE", "TSE", "6758"),
    ("SHAA", "SHS", "601318"),
    ("SZAA", "SZS", "000333"),
    ("HASE", "HNX", "CEO"),
    ("VNSE", "HSX", "HPG"),
]


def test_the_table_is_complete_and_written_out() -> None:
    groups = {"us", "hk", "sh", "sz", "jp", "vn"}
    for action in ("buy", "sell", "revise"):
        assert {r.group for r in ORDER_TRS if r.action == action and r.session == "regular"} == (
            groups
        )
    assert order_tr("SZAA", "revise").real == "TTTS0306U"  # not Shanghai's TTTS0302U
    assert order_tr("NASD", "sell").paper == "VTTT1001U"  # not VTTT1006U
    assert [r.real for r in ORDER_TRS if r.session == "daytime"] == [
        "TTTS6036U",
        "TTTS6037U",
        "TTTS6038U",
    ]
    assert all(r.paper is None for r in ORDER_TRS if r.session == "daytime")
    assert {r.group for r in ORDER_TRS if r.action == "revise" and not r.modify} == {
        "sh",
        "sz",
        "vn",
    }
    with pytest.raises(ValueError):
        order_tr("TKSE", "buy", daytime=True)


@pytest.mark.parametrize(("excg", "excd", "code"), ISSUES)
async def test_order_modify_cancel_on_every_market(sim, kis_client, excg, excd, code):
    client = kis_client(sim, "large")
    detail = await client.overseas_price_detail(excd, code)
    lot, tick = int(detail.lot_size), detail.tick
    price = detail.price - 3 * tick
    ack = await client.overseas_order(Side.BUY, excg, code, 2 * lot, price)
    row = order_tr(excg, "revise")
    opened = {o.order_no: o for o in await client.overseas_open_orders(excg)}
    assert opened[ack.order_no].open_qty == 2 * lot and opened[ack.order_no].price == price
    if row.modify:
        moved = await client.overseas_modify_order(excg, code, ack.order_no, lot, price - tick)
        opened = {o.order_no: o for o in await client.overseas_open_orders(excg)}
        assert opened[moved.order_no].price == price - tick
        await client.overseas_cancel_order(excg, code, moved.order_no)
    else:
        with pytest.raises(ValueError):  # cancel-only: refused here, nothing sent
            await client.overseas_modify_order(excg, code, ack.order_no, lot, price - tick)
    await client.overseas_cancel_order(excg, code, ack.order_no)
    assert await client.overseas_open_orders(excg) == []
    await client.aclose()
    buy = order_tr(excg, "buy").real
    assert sim.stats.by_tr_id[buy] >= 1 and sim.stats.by_tr_id[row.real] == (3 if row.modify else 1)


async def test_daytime_orders_use_their_own_trs(sim, kis_client):
    client = kis_client(sim)
    quote = await client.overseas_price("NAS", "AAPL")
    price = quote.price - Decimal("0.50")
    ack = await client.overseas_order(Side.BUY, "NASD", "AAPL", 2, price, daytime=True)
    moved = await client.overseas_modify_order(
        "NASD", "AAPL", ack.order_no, 1, price - Decimal("0.01"), daytime=True
    )
    await client.overseas_cancel_order("NASD", "AAPL", moved.order_no, 1, daytime=True)
    with pytest.raises(ValueError):
        await client.overseas_order(
            Side.BUY, "NASD", "AAPL", 1, price, order_type="32", daytime=True
        )
    await client.aclose()
    assert sim.stats.by_tr_id["TTTS6036U"] == 1 and sim.stats.by_tr_id["TTTS6038U"] == 2
    assert "TTTT1002U" not in sim.stats.by_tr_id
    assert sim.call(lambda s: s.orders.orders[ack.order_no].session) == "daytime"


async def test_paper_refuses_the_daytime_session_and_o8_locally(paper_sim, kis_client):
    client = kis_client(paper_sim)
    with pytest.raises(NotOfferedInPaper):
        await client.overseas_order(Side.BUY, "NASD", "AAPL", 1, "200.00", daytime=True)
    with pytest.raises(NotOfferedInPaper):
        await client.overseas_buying_power("NASD", "AAPL", "200.00")
    await client.aclose()
    assert paper_sim.stats.requests == 0  # nothing reached the server, not even a token


async def test_buying_power_record(sim, kis_client):
    client = kis_client(sim)
    quote = await client.overseas_price("NAS", "AAPL")
    bp = await client.overseas_buying_power("NASD", "AAPL", quote.price)
    await client.aclose()
    hints = typing.get_type_hints(OverseasBuyingPower)
    for f in dataclasses.fields(bp):
        value = getattr(bp, f.name)
        if hints[f.name] in (Decimal, Decimal | None) and value is not None:
            assert isinstance(value, Decimal), f.name
    usd = sim.call(lambda s: s.orders.fx_buying_power(s.account("demo"), "USD"))
    assert (bp.currency, bp.amount, bp.price, bp.code) == ("USD", usd, quote.price, "AAPL")
    assert bp.max_qty == int(usd // quote.price) and bp.fx_rate == Decimal("1385.5")


async def test_order_history_records(sim, kis_client):
    client = kis_client(sim)
    assert await client.overseas_order_history() == []  # KIOK0560's blank object: no row
    quote = await client.overseas_price("TSE", "7203")
    ack = await client.overseas_order(Side.BUY, "TKSE", "7203", 100, quote.price - 5)
    cancel = await client.overseas_cancel_order("TKSE", "7203", ack.order_no)
    rows = await client.overseas_order_history(symbol="7203", exchange="TKSE")
    await client.aclose()
    assert [r.order_no for r in rows] == [ack.order_no, cancel.order_no]
    new, line = rows
    assert isinstance(new, OverseasOrderRow) and isinstance(new.price, Decimal)
    assert (new.quantity, new.remaining_qty, new.cancelled) == (100, 0, False)
    assert (line.cancelled, line.original_order_no, line.quantity) == (True, ack.order_no, 100)
    assert new.exchange == "TKSE" and new.currency == "JPY" and new.kst_date is not None


async def test_paper_history_filters_locally(paper_sim, kis_client):
    client = kis_client(paper_sim)
    quote = await client.overseas_price("NAS", "AAPL")
    ack = await client.overseas_order(Side.BUY, "NASD", "AAPL", 1, quote.price - 1)
    jp = await client.overseas_price("TSE", "7203")
    await client.overseas_order(Side.BUY, "TKSE", "7203", 100, jp.price - 5)
    rows = await client.overseas_order_history(symbol="AAPL", exchange="NASD", filled="02")
    await client.aclose()
    assert [r.order_no for r in rows] == [ack.order_no]
    assert paper_sim.stats.by_tr_id["VTTS3035R"] == 1


async def test_a_lost_answer_is_unknown_and_never_resent(sim, kis_client):
    client = kis_client(sim)
    await client.ensure_token()
    quote = await client.overseas_price("NAS", "AAPL")
    sim.faults.add("drop_response", P_ORDER, count=1)
    with pytest.raises(UnknownOrderOutcome):
        await client.overseas_order(Side.BUY, "NASD", "AAPL", 1, quote.price - 1)
    await client.aclose()
    assert sim.stats.orders_received == 1  # one POST reached the handler; no second one
    booked = sim.call(lambda s: [o for o in s.orders.orders.values() if o.code == "AAPL"])
    assert len(booked) == 1
