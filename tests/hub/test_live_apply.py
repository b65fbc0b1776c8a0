"""What live data does to records, in Decimal, checked against the simulator's own formulas:
a holding at a new price, the totals after it, and an execution notice's effect on open orders,
today's executions and holdings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from kisdesk.domain.order_types import Side
from kisdesk.kis.fields import parse
from kisdesk.kis.realtime import trs
from kisdesk.kis.realtime.records import DomesticNotice
from kisdesk.kis.realtime.trs import SPECS
from kisdesk.kis.records import DomesticBalanceSummary, DomesticHolding
from kisdesk.services import live_quotes
from kisdesk.services.live_apply import (
    execution_after,
    holding_after,
    holding_at,
    open_orders_after,
    overseas_row_at,
    summary_after,
    totals_after,
)
from kisdesk.services.live_quotes import LiveQuote, QuoteKey, Source, domestic
from kisdesk.services.orders import OpenOrder
from kisdesk.services.overseas import CurrencyTotals, OverseasRow

D = Decimal


def holding(code="005930", qty="10", cost="700000", price="71000", orderable=None) -> Any:
    q, c, p = D(qty), D(cost), D(price)
    return parse(
        DomesticHolding,
        {
            "pdno": code,
            "prdt_name": "삼성전자",
            "hldg_qty": qty,
            "ord_psbl_qty": orderable or qty,
            "pchs_avg_pric": str(c / q) if q else "0",
            "pchs_amt": cost,
            "prpr": price,
            "bfdy_cprs_icdc": "500",
            "fltt_rt": "0.71",
            "evlu_amt": str(q * p),
            "evlu_pfls_amt": str(q * p - c),
            "evlu_pfls_rt": "1.43",
        },
    )


def live(price: str, key=None, change="-300", rate="-0.42") -> LiveQuote:
    return LiveQuote(
        key=key or domestic("005930"),
        price=D(price),
        change=D(change),
        change_rate=D(rate),
        sign="5",
        volume=D(1000),
        source=Source.STREAMED,
        received=1.0,
    )


def notice(**fields: str) -> DomesticNotice:
    """A parsed 26-value H0STCNI0 record (sim/notices.py order of values)."""
    values = {
        "hts": "simdemo",
        "account": "5001234501",
        "order_no": "0000012345",
        "original": "",
        "side": "02",
        "revision": "0",
        "kind": "00",
        "cond": "0",
        "code": "005930",
        "qty": "3",
        "price": "70000",
        "time": "093000",
        "refused": "0",
        "notice_kind": "1",
        "accept": "1",
        "branch": "01790",
        "order_qty": "3",
        "name_acct": "홍길동",
        "trigger": "",
        "exg": "1",
        "popup": "Y",
        "filler": "",
        "credit": "",
        "loan": "",
        "name": "삼성전자",
        "order_price": "70000",
    }
    values.update(fields)
    return SPECS[trs.KRX_NOTICE].layout_for(26).build(list(values.values()))


def test_realtime_tr_names_match_the_client():
    assert live_quotes.KRX_TICK == trs.KRX_TICK and live_quotes.KRX_BOOK == trs.KRX_BOOK
    assert live_quotes.OVERSEAS_TICK == trs.OVERSEAS_TICK
    assert live_quotes.OVERSEAS_BOOK == trs.OVERSEAS_BOOK


@pytest.mark.parametrize(
    ("key", "tick", "book", "rest"),
    [
        (QuoteKey("KRX", "005930"), ("H0STCNT0", "005930"), ("H0STASP0", "005930"), None),
        (QuoteKey("NASD", "AAPL"), ("HDFSCNT0", "DNASAAPL"), ("HDFSASP0", "DNASAAPL"), "NAS"),
        (QuoteKey("NYSE", "KO"), ("HDFSCNT0", "DNYSKO"), ("HDFSASP0", "DNYSKO"), "NYS"),
        (QuoteKey("SEHK", "00700"), ("HDFSCNT0", "DHKS00700"), None, "HKS"),  # Asia: no book
        (QuoteKey("TKSE", "7203"), ("HDFSCNT0", "DTSE7203"), None, "TSE"),
    ],
)
def test_keys_on_each_path(key, tick, book, rest):
    assert key.tick_tr == tick and key.book_tr == book and key.quote_exchange == rest


def test_holding_at_a_new_price_is_what_the_simulator_computes():
    h = holding(qty="7", cost="491234", price="71000")
    moved = holding_at(h, live("70300"))
    # sim/endpoints_domestic.holding_row: evlu = price × qty, pfls = evlu − pchs, rate 2 places
    assert moved.eval_amount == D(492100) and moved.pnl == D(866)
    assert moved.pnl_rate == D("0.18")  # 866 / 491234 = 0.1763 %
    assert (moved.price, moved.change, moved.change_rate) == (D(70300), D(-300), D("-0.42"))
    assert all(isinstance(v, Decimal) for v in (moved.eval_amount, moved.pnl, moved.pnl_rate))
    assert holding_at(holding(cost="0"), live("70000")).pnl_rate == D("0.00")  # no cost: no rate


def test_summary_moves_by_the_rows_change():
    before = [holding(), holding(code="000660", qty="2", cost="300000", price="150000")]
    after = [holding_at(before[0], live("72000")), before[1]]
    summary = parse(
        DomesticBalanceSummary,
        {
            "dnca_tot_amt": "1000000",
            "nxdy_excc_amt": "1000000",
            "prvs_rcdl_excc_amt": "1000000",
            "scts_evlu_amt": "1010000",
            "tot_evlu_amt": "2010000",
            "nass_amt": "2010000",
            "pchs_amt_smtl_amt": "1000000",
            "evlu_amt_smtl_amt": "1010000",
            "evlu_pfls_smtl_amt": "10000",
            "asst_icdc_amt": "5000",
        },
    )
    moved = summary_after(summary, before, after)
    assert moved.securities_eval == D(1020000) and moved.total_eval == D(2020000)
    assert moved.pnl_total == D(20000) and moved.asset_change == D(15000)
    assert moved.deposit == summary.deposit and moved.purchase_total == summary.purchase_total
    assert summary_after(summary, before, before) is summary


def test_overseas_row_and_totals_in_its_currency():
    row = OverseasRow(
        code="AAPL",
        name="애플",
        exchange="NASD",
        currency="USD",
        quantity=D(3),
        orderable_qty=D(3),
        avg_price=D("150.1234"),
        price=D("180.5"),
        purchase_amount=D("450.3702"),
        eval_amount=D("541.5"),
        pnl=D("91.1298"),
        pnl_rate=D("20.23"),
        fx_rate=D("1380.5"),
        eval_krw=D(747541),
    )
    moved = overseas_row_at(row, live("181.2345", key=QuoteKey("NASD", "AAPL")))
    assert moved.eval_amount == D("543.7035") and moved.pnl == D("93.3333")
    assert moved.pnl_rate == D("20.72")  # 93.3333 / 450.3702
    assert moved.eval_krw == D(750583)  # 543.7035 × 1380.5 = 750,582.68… → whole won, half up
    totals = [
        CurrencyTotals(
            currency="USD",
            exchanges=("NASD",),
            count=1,
            purchase=row.purchase_amount,
            evaluation=row.eval_amount,
            pnl=row.pnl,
            pnl_rate=D("20.23"),
            realized_pnl=D(0),
            fx_rate=D("1380.5"),
            eval_krw=D(747541),
        )
    ]
    (usd,) = totals_after(totals, [row], [moved])
    assert (usd.evaluation, usd.pnl, usd.pnl_rate) == (moved.eval_amount, moved.pnl, D("20.72"))


def open_order(no="0000012345", qty=3, filled=0) -> OpenOrder:
    return OpenOrder(
        branch="01790",
        order_no=no,
        original_order_no="",
        code="005930",
        name="삼성전자",
        side=Side.BUY,
        order_type="00",
        quantity=qty,
        price=D(70000),
        filled_qty=filled,
        open_qty=qty - filled,
        order_time="093000",
    )


def test_acknowledgement_adds_the_open_order_and_fills_take_it_away():
    ack = notice()
    (added,) = open_orders_after({}, ack).values()
    assert added == open_order()
    partial = notice(notice_kind="2", accept="2", qty="1", price="70000")
    rows = {added.order_no: added}
    (after,) = open_orders_after(rows, partial).values()
    assert (after.filled_qty, after.open_qty) == (1, 2)
    rest = notice(notice_kind="2", accept="2", qty="2")
    assert open_orders_after({after.order_no: after}, rest) == {added.order_no: None}


def test_cancel_and_modify_acknowledgements():
    rows = {"0000012345": open_order()}
    cancel = notice(order_no="0000012399", original="0000012345", revision="2", accept="2")
    assert open_orders_after(rows, cancel) == {"0000012345": None}
    part = notice(order_no="0000012399", original="0000012345", revision="2", qty="1")
    assert open_orders_after(rows, part)["0000012345"].open_qty == 2
    modify = notice(
        order_no="0000012400", original="0000012345", revision="1", price="69900", accept="2"
    )
    changes = open_orders_after(rows, modify)
    assert changes["0000012345"] is None
    assert changes["0000012400"].price == D(69900) and changes["0000012400"].open_qty == 3
    ioc = notice(accept="3", qty="3")  # an IOC remainder taken off by the exchange
    assert open_orders_after(rows, ioc) == {"0000012345": None}


def test_executions_row_from_acknowledgement_then_fills():
    ack = notice()
    (row,) = execution_after({}, ack, "20260105").values()
    assert (row.order_no, row.quantity, row.price, row.remaining_qty) == (
        "0000012345",
        D(3),
        D(70000),
        D(3),
    )
    assert str(row.order_date) == "2026-01-05" and row.filled_qty == 0
    rows = {row.order_no: row}
    first = execution_after(rows, notice(notice_kind="2", qty="1", price="70000"), "20260105")
    rows.update(first)
    second = execution_after(rows, notice(notice_kind="2", qty="2", price="70100"), "20260105")
    done = second["0000012345"]
    assert (done.filled_qty, done.filled_amount, done.remaining_qty) == (D(3), D(210200), D(0))
    assert done.avg_fill_price == D("70066.67")


def test_buy_fill_adds_to_the_holding_and_a_sell_takes_from_it():
    h = holding(qty="10", cost="700000", price="71000")
    bought = holding_after(h, notice(notice_kind="2", qty="3", price="70000"))
    assert (bought.quantity, bought.orderable_qty, bought.purchase_amount) == (
        D(13),
        D(13),
        D(910000),
    )
    assert bought.avg_price == D(70000) and bought.eval_amount == D(13 * 71000)
    assert bought.today_buy_qty == D(3)
    sell_ack = notice(side="01", qty="4")
    held_back = holding_after(bought, sell_ack)
    assert held_back.orderable_qty == D(9) and held_back.quantity == D(13)
    sold = holding_after(held_back, notice(side="01", notice_kind="2", qty="4", price="71000"))
    assert (sold.quantity, sold.orderable_qty, sold.purchase_amount) == (D(9), D(9), D(630000))
    cancel = notice(side="01", revision="2", qty="2", order_no="9", original="0000012345")
    assert holding_after(held_back, cancel).orderable_qty == D(11)


def test_first_buy_makes_a_new_row_and_rejections_change_nothing():
    new = holding_after(None, notice(notice_kind="2", qty="2", price="70000"))
    assert (new.code, new.name, new.quantity, new.purchase_amount) == (
        "005930",
        "삼성전자",
        D(2),
        D(140000),
    )
    assert new.eval_amount == D(140000) and new.pnl == 0
    assert holding_after(None, notice(side="01", notice_kind="2")) is None
    h = holding()
    assert holding_after(h, notice(refused="1", notice_kind="2")) is h
    assert open_orders_after({}, notice(refused="1")) == {"0000012345": None}
