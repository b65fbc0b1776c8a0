"""Overseas execution notices over the socket (websocket.md §7.3, §9.1): H0GSCNI0, AES-256-CBC
with the OPSP0000 key/iv, 25 values, prices with the market's implied decimals; an
acknowledgement per accepted order/modify/cancel and a notice per fill, agreeing with the REST
open orders (O5) and order history (O9). Paper has no overseas notice TR (seed 004)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from kisdesk.kis.realtime import DataFrame, OverseasNotice
from kisdesk.sim.server import SimServer
from kisdesk.sim.testing import SimThread
from tests.sim.conftest import Kis
from tests.sim.overseas_helpers import (
    ORDER,
    RVSE,
    below_market,
    ccnl,
    last,
    ok,
    open_orders,
    order_body,
    revise_body,
)
from tests.sim.ws_client import Ws


@pytest.fixture
def nsim() -> Iterator[SimThread]:
    with SimThread(seed=1234, ws_ping_interval=30) as sim:
        yield sim


def _notices(ws: Ws, quiet: float = 0.3) -> list[OverseasNotice]:
    return [
        r
        for f in ws.drain(quiet)
        if isinstance(f, DataFrame) and f.tr_id == "H0GSCNI0"
        for r in f.records
    ]


def _ccnl_rows(kis: Kis) -> dict[str, dict[str, str]]:
    return {row["odno"]: row for row in ok(ccnl(kis).json())["output"]}


def test_us_limit_that_fills_raw_values_and_rest(nsim: SimThread) -> None:
    kis = Kis(nsim)
    with Ws(nsim) as ws:
        reply = ws.subscribe("H0GSCNI0", "simdemo")
        assert reply.ok and reply.encrypt
        price = last(kis, "NAS", "AAPL") + Decimal("1.01")  # marketable: fills at the last
        body = ok(kis.post(ORDER, "TTTT1002U", order_body(kis, "NASD", "AAPL", 3, price)).json())
        odno = body["output"]["ODNO"]
        frames = [f for f in ws.drain(0.3) if isinstance(f, DataFrame)]
    rows = _ccnl_rows(kis)
    kis.close()
    assert [f.tr_id for f in frames] == ["H0GSCNI0", "H0GSCNI0"]
    assert all(f.encrypted and len(f.records) == 1 for f in frames)
    ack, fill = (f.records[0] for f in frames)
    assert isinstance(ack, OverseasNotice) and isinstance(fill, OverseasNotice)
    # The raw digits: 10-wide quantity, 9-wide price with 4 implied decimals on NASDAQ.
    assert ack.qty == 3 and ack.raw_price == int(price * 10_000)
    assert ack.price == price and ack.market_code == "6"
    assert ack.order_qty is None  # ODER_QTY empty on acknowledgements (§9.1)
    assert ack.is_ack and not ack.rejected and ack.accept_code == "1"
    assert (ack.order_no, ack.original_order_no, ack.revision) == (odno, "", "0")
    assert (ack.side, ack.is_buy, ack.order_kind) == ("02", True, "2")
    assert ack.code == "AAPL" and ack.time == body["output"]["ORD_TMD"]
    assert ack.branch == body["output"]["KRX_FWDG_ORD_ORGNO"]
    assert ack.customer_id == "simdemo" and ack.account == kis.cano + kis.prdt
    assert ack.name and ack.account_name and ack.debt_kind == "10"
    assert ack.raw_price12 == ack.raw_price
    row = rows[odno]
    assert fill.is_fill and fill.order_no == odno and fill.accept_code == "2"
    assert fill.qty == int(row["ft_ccld_qty"]) == 3 and fill.order_qty == 3
    assert fill.price == Decimal(row["ft_ccld_unpr3"]) < price
    assert ack.price == Decimal(row["ft_ord_unpr3"]) and ack.name == row["prdt_name"]


def test_hong_kong_fills_in_parts_and_a_cancel(nsim: SimThread) -> None:
    kis = Kis(nsim)
    with Ws(nsim) as ws:
        assert ws.subscribe("H0GSCNI0", "simdemo").ok
        # Ten board lots (what can fill in parts) cost more than the seeded HKD cash.
        nsim.call(_deposit, "HKD", Decimal(1_000_000))
        limit = below_market(kis, "SEHK", "HKS", "00005")
        qty = 10 * nsim.call(lambda s: s.world.market.overseas("SEHK", "00005").lot)
        sent = order_body(kis, "SEHK", "00005", qty, limit)
        body = ok(kis.post(ORDER, "TTTS1002U", sent).json())
        odno = body["output"]["ODNO"]
        (ack,) = _notices(ws)
        (resting,) = [r for r in open_orders(kis, "SEHK") if r["odno"] == odno]
        assert ack.market_code == "4" and ack.raw_price == int(limit * 1000)  # 3 decimals
        assert ack.price == Decimal(resting["ft_ord_unpr3"]) == limit
        assert ack.qty == int(resting["ft_ord_qty"]) == qty and ack.order_kind == "2"
        # The price crosses the limit step by step: the resting order fills, in seeded parts.
        fills: list[OverseasNotice] = []
        for _ in range(20):
            nsim.call(_cross, "SEHK", "00005", limit)
            fills += [n for n in _notices(ws, 0.1) if n.is_fill]
            if sum(f.qty for f in fills) == qty:
                break
        rows = _ccnl_rows(kis)
        # A second order, under the price the first filled at (it rests), cancelled over REST.
        low = below_market(kis, "SEHK", "HKS", "00005")
        sent = order_body(kis, "SEHK", "00005", qty, low)
        second = ok(kis.post(ORDER, "TTTS1002U", sent).json())["output"]["ODNO"]
        (_,) = _notices(ws)
        cancel_body = revise_body(kis, "SEHK", "00005", second, "02", 0, 0)
        gone = ok(kis.post(RVSE, "TTTS1003U", cancel_body).json())
        (cancel,) = _notices(ws)
        after = _ccnl_rows(kis)
    kis.close()
    assert len(fills) > 1  # seed 1234 splits it
    assert all(f.order_no == odno and f.price == limit and f.order_qty == qty for f in fills)
    assert sum(f.qty for f in fills) == int(rows[odno]["ft_ccld_qty"]) == qty
    assert Decimal(rows[odno]["ft_ccld_unpr3"]) == limit
    assert cancel.is_ack and (cancel.revision, cancel.accept_code) == ("2", "2")
    assert (cancel.order_no, cancel.original_order_no) == (gone["output"]["ODNO"], second)
    assert cancel.qty == int(after[cancel.order_no]["ft_ord_qty"]) == qty and cancel.price == low
    assert after[cancel.order_no]["rvse_cncl_dvsn"] == "02"


def _deposit(server: SimServer, ccy: str, amount: Decimal) -> None:
    server.world.account("demo").fx_deposit[ccy] = amount


def _cross(server: SimServer, exchange: str, code: str, limit: Decimal) -> None:
    """Put the quote a tick under ``limit`` and let resting orders match on it."""
    q = server.world.market.overseas(exchange, code)
    assert q is not None
    q.price = limit - Decimal("0.05")
    server.world.orders.on_step(q)


def test_paper_has_no_overseas_notice_tr() -> None:
    with SimThread("paper", seed=1) as sim, Ws(sim) as ws:
        hts_id = sim.server.hts_ids["demo"]
        assert ws.subscribe("H0GSCNI9", hts_id).msg_cd == "OPSP8991"
        assert ws.subscribe("H0STCNI9", hts_id).ok
