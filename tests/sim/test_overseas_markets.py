"""Every overseas market's order, modify and cancel TR over TCP (endpoints.md O4/O10): a resting
limit buy reserves foreign cash, shows in the open orders (O5), is modified where the market
allows it (Shanghai, Shenzhen and Vietnam are cancel-only) and cancelled with ORD_QTY "0";
marketable orders fill in the issue's currency and lot, and the fills move the balances
(O1/O2); the world hears every overseas acceptance and fill (for H0GSCNI0/9 notices)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kisdesk.sim.market import round_overseas
from kisdesk.sim.matching import OrderEvent
from kisdesk.sim.universe import EXCHANGES
from tests.sim.conftest import Kis
from tests.sim.overseas_helpers import (
    BALANCE,
    MARKETS,
    ORDER,
    RVSE,
    detail,
    last,
    ok,
    open_orders,
    order_body,
    revise_body,
)


def _fx(kis: Kis, ccy: str) -> Decimal:
    return kis.sim.call(lambda s: s.orders.fx_buying_power(s.account("large"), ccy))


@pytest.mark.parametrize(
    ("excg", "excd", "code", "buy_tr", "_sell_tr", "rvse_tr", "cancel_only"), MARKETS
)
def test_order_modify_cancel_round_trip(
    kis: Kis,
    excg: str,
    excd: str,
    code: str,
    buy_tr: str,
    _sell_tr: str,
    rvse_tr: str,
    cancel_only: bool,
) -> None:
    kis.use("large")
    info = detail(kis, excd, code)
    lot, tick = int(info["vnit"]), Decimal(info["e_hogau"])
    ccy = EXCHANGES[excg].currency
    assert info["curr"] == ccy
    # Three ticks under the market: it rests, inside any daily band (Vietnam's is ±7 %).
    price = Decimal(info["last"]) - 3 * tick
    lots = 1 if cancel_only else 2  # a modify moves one lot of two
    fx0 = _fx(kis, ccy)
    ack = ok(kis.post(ORDER, buy_tr, order_body(kis, excg, code, lots * lot, price)).json())
    odno = ack["output"]["ODNO"]
    assert ack["msg_cd"] == "APBK0013"
    assert _fx(kis, ccy) == fx0 - lots * lot * price  # reserved in the issue's currency
    assert [(r["odno"], r["nccs_qty"]) for r in open_orders(kis, excg)] == [(odno, str(lots * lot))]

    lower = price - tick
    modify = kis.post(RVSE, rvse_tr, revise_body(kis, excg, code, odno, "01", lot, lower)).json()
    if cancel_only:
        assert (modify["rt_cd"], modify["msg_cd"]) == ("1", "SIM00011"), modify
        target, left = odno, lot
    else:
        new = ok(modify)["output"]["ODNO"]
        rows = {r["odno"]: r for r in open_orders(kis, excg)}
        assert (rows[odno]["nccs_qty"], rows[new]["nccs_qty"]) == (str(lot), str(lot))
        assert Decimal(rows[new]["ft_ord_unpr3"]) == lower
        ok(kis.post(RVSE, rvse_tr, revise_body(kis, excg, code, odno, "02", "0", "0")).json())
        target, left = new, lot
    assert sum(int(r["nccs_qty"]) for r in open_orders(kis, excg)) == left
    cancel = kis.post(RVSE, rvse_tr, revise_body(kis, excg, code, target, "02", "0", "0")).json()
    assert ok(cancel)["msg_cd"] == "APBK0013"
    assert open_orders(kis, excg) == []
    assert _fx(kis, ccy) == fx0


def test_a_modify_off_the_lot_or_the_grid_is_refused(kis: Kis) -> None:
    kis.use("large")
    price = round_overseas("TKSE", last(kis, "TSE", "7203") * Decimal("0.95"))
    odno = ok(kis.post(ORDER, "TTTS0308U", order_body(kis, "TKSE", "7203", 200, price)).json())[
        "output"
    ]["ODNO"]
    body = revise_body(kis, "TKSE", "7203", odno, "01", 150, price)
    assert kis.post(RVSE, "TTTS0309U", body).json()["msg_cd"] == "SIM00004"
    body = revise_body(kis, "TKSE", "7203", odno, "01", 100, price + Decimal("0.5"))
    assert kis.post(RVSE, "TTTS0309U", body).json()["msg_cd"] == "SIM00001"


def test_hong_kong_board_lots_differ_by_issue(kis: Kis) -> None:
    # HSBC (00005) trades in 400s, Tencent (00700) in 100s: O6 vnit and the order check agree.
    kis.use("large")
    assert detail(kis, "HKS", "00005")["vnit"] == "400"
    assert detail(kis, "HKS", "00700")["vnit"] == "100"
    price = round_overseas("SEHK", last(kis, "HKS", "00005") * Decimal("0.95"))
    r = kis.post(ORDER, "TTTS1002U", order_body(kis, "SEHK", "00005", 100, price)).json()
    assert r["msg_cd"] == "SIM00004"
    ok(kis.post(ORDER, "TTTS1002U", order_body(kis, "SEHK", "00005", 400, price)).json())


def _balance_row(kis: Kis, excg: str, code: str) -> dict[str, str] | None:
    """The issue's O1 row, through every page (the large account holds 150 US issues)."""
    params = {
        **kis.acct,
        "OVRS_EXCG_CD": excg,
        "TR_CRCY_CD": EXCHANGES[excg].currency,
        "CTX_AREA_FK200": "",
        "CTX_AREA_NK200": "",
    }
    cont = ""
    while True:
        r = kis.get(BALANCE, "TTTS3012R", params, tr_cont=cont)
        body = ok(r.json())
        for row in body["output1"]:
            if row["ovrs_pdno"] == code and row["ovrs_excg_cd"] == excg:
                return row
        if r.headers["tr_cont"] in ("D", "E"):
            return None
        params["CTX_AREA_FK200"] = body["ctx_area_fk200"]
        params["CTX_AREA_NK200"] = body["ctx_area_nk200"]
        cont = "N"


@pytest.mark.parametrize(("excg", "excd", "code", "buy_tr", "sell_tr"), [m[:5] for m in MARKETS])
def test_fills_move_the_balance_in_currency_and_lots(
    kis: Kis, excg: str, excd: str, code: str, buy_tr: str, sell_tr: str
) -> None:
    kis.use("large")
    events: list[OrderEvent] = []
    kis.sim.call(lambda s: s.world.add_listener(events.append))  # ticks too: filtered below
    lot = int(detail(kis, excd, code)["vnit"])
    held0 = int((_balance_row(kis, excg, code) or {"ovrs_cblc_qty": "0"})["ovrs_cblc_qty"])
    ccy = EXCHANGES[excg].currency
    fx0 = _fx(kis, ccy)
    price = last(kis, excd, code)  # at the market: fills at once
    buy = ok(kis.post(ORDER, buy_tr, order_body(kis, excg, code, lot, price)).json())
    row = _balance_row(kis, excg, code)
    assert row is not None and int(row["ovrs_cblc_qty"]) == held0 + lot
    assert row["tr_crcy_cd"] == ccy and _fx(kis, ccy) == fx0 - lot * price
    sell = ok(kis.post(ORDER, sell_tr, order_body(kis, excg, code, lot, price, sell=True)).json())
    row = _balance_row(kis, excg, code)
    assert row is not None and int(row["ovrs_cblc_qty"]) == held0
    assert _fx(kis, ccy) == fx0
    events = [e for e in events if isinstance(e, OrderEvent)]
    kinds = [(e.kind, e.order.odno, e.qty) for e in events]
    b, s = buy["output"]["ODNO"], sell["output"]["ODNO"]
    assert kinds == [("accepted", b, 0), ("filled", b, lot), ("accepted", s, 0), ("filled", s, lot)]
    assert all(e.order.exchange == excg and e.order.overseas for e in events)


def test_hong_kong_spread_table_bands_include_their_top() -> None:
    # HKEX: "from 0.50 to 10.00: 0.010; over 10.00 to 20.00: 0.020" — 10.00 ticks in cents.
    from kisdesk.sim.market import overseas_tick

    assert overseas_tick("SEHK", Decimal("10.00")) == Decimal("0.01")
    assert overseas_tick("SEHK", Decimal("10.02")) == Decimal("0.02")
    assert overseas_tick("SEHK", Decimal("20.00")) == Decimal("0.02")
    assert overseas_tick("SEHK", Decimal("0.25")) == Decimal("0.001")
