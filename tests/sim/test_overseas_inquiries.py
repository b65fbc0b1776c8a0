"""O8 buying power (inquire-psamount) and O9 order history (inquire-ccnl) over TCP: the fields the
digest lists, every value a string, amounts that follow resting buys and fills, local exchange
dates, paper's limits (no O8; O9 with "all" filters only) and the no-data answer."""

from __future__ import annotations

from decimal import Decimal

from kisdesk.sim.universe import FX_RATES
from tests.sim.conftest import Kis, all_strings
from tests.sim.overseas_helpers import (
    ORDER,
    RVSE,
    ccnl,
    last,
    ok,
    order_body,
    psamount,
    revise_body,
    set_clock,
)

O8_KEYS = {
    "tr_crcy_cd",
    "ord_psbl_frcr_amt",
    "sll_ruse_psbl_amt",
    "ovrs_ord_psbl_amt",
    "max_ord_psbl_qty",
    "echm_af_ord_psbl_amt",
    "echm_af_ord_psbl_qty",
    "ord_psbl_qty",
    "exrt",
    "frcr_ord_psbl_amt1",
    "ovrs_max_ord_psbl_qty",
}


def test_buying_power_shape_and_what_moves_it(kis: Kis) -> None:
    kis.use("large")
    price = last(kis, "HKS", "00700")
    r = psamount(kis, "SEHK", "00700", price)
    body = ok(r.json())
    out = body["output"]
    assert set(out) == O8_KEYS and all_strings(body)
    assert (out["tr_crcy_cd"], out["exrt"]) == ("HKD", f"{FX_RATES['HKD']:.10f}")
    amount = Decimal(out["ovrs_ord_psbl_amt"])
    assert amount == kis.sim.call(lambda s: s.orders.fx_buying_power(s.account("large"), "HKD"))
    # Not rounded to the board lot (the doc: round down before ordering).
    assert int(out["max_ord_psbl_qty"]) == int(amount // price)
    assert Decimal(out["frcr_ord_psbl_amt1"]) > amount  # won cash at the day's rate on top
    # A resting buy is reserved; the answer follows it.
    low = price - Decimal("1.00")
    ok(kis.post(ORDER, "TTTS1002U", order_body(kis, "SEHK", "00700", 100, low)).json())
    after = ok(psamount(kis, "SEHK", "00700", price).json())["output"]
    assert Decimal(after["ovrs_ord_psbl_amt"]) == amount - 100 * low
    # An unknown issue is "not found" (rt_cd 7); a blank price an input error.
    missing = psamount(kis, "SEHK", "99999", price).json()
    assert (missing["rt_cd"], missing["msg_cd"]) == ("7", "APBK0656")
    blank = psamount(kis, "SEHK", "00700", "").json()
    assert blank["msg1"] == "ERROR : INPUT_FIELD_NAME OVRS_ORD_UNPR"


def test_buying_power_is_not_offered_on_paper(paper_kis: Kis) -> None:
    # Seed 004: 해외주식 매수가능금액조회 is not in paper's list.
    r = psamount(paper_kis, "NASD", "AAPL", "200", tr="VTTS3007R")
    assert r.json()["msg_cd"] == "90000000"


def test_order_history_rows_and_lines(kis: Kis) -> None:
    set_clock(kis, "2026-11-24T02:00")  # Tuesday in Seoul, Monday's session in New York
    price = last(kis, "NAS", "AAPL") - Decimal("1.00")
    odno = ok(kis.post(ORDER, "TTTT1002U", order_body(kis, "NASD", "AAPL", 3, price)).json())[
        "output"
    ]["ODNO"]
    lower = price - Decimal("0.01")
    moved = ok(
        kis.post(RVSE, "TTTT1004U", revise_body(kis, "NASD", "AAPL", odno, "01", 1, lower)).json()
    )["output"]["ODNO"]
    cancel = revise_body(kis, "NASD", "AAPL", odno, "02", "0", "0")
    cancelled = ok(kis.post(RVSE, "TTTT1004U", cancel).json())["output"]["ODNO"]
    r = ccnl(kis, ORD_STRT_DT="20261123", ORD_END_DT="20261123")
    body = ok(r.json())
    assert all_strings(body) and r.headers["tr_cont"] == "D"
    rows = {row["odno"]: row for row in body["output"]}
    assert list(rows) == [odno, moved, cancelled]  # DS: oldest first
    new, mod, can = rows[odno], rows[moved], rows[cancelled]
    assert (new["ord_dt"], new["dmst_ord_dt"]) == ("20261123", "20261124")  # local vs Korean
    assert (new["ord_tmd"], new["thco_ord_tmd"]) == ("120000", "020000")  # New York, Seoul
    assert (new["ft_ord_qty"], new["nccs_qty"], new["rvse_cncl_dvsn"]) == ("3", "0", "00")
    assert new["ft_ord_unpr3"] == f"{price:.8f}" and new["ft_ccld_amt3"] == "0.00000"
    assert (mod["rvse_cncl_dvsn"], mod["rvse_cncl_dvsn_name"], mod["orgn_odno"]) == (
        "01",
        "정정",
        odno,
    )
    assert (mod["ft_ord_qty"], mod["nccs_qty"]) == ("1", "1")
    assert (can["rvse_cncl_dvsn"], can["ft_ord_qty"], can["nccs_qty"]) == ("02", "2", "0")
    assert {row["ovrs_excg_cd"] for row in rows.values()} == {"NASD"}
    assert {row["tr_crcy_cd"] for row in rows.values()} == {"USD"}
    # The Korean date is not the range's date: nothing on the 24th in New York.
    empty = ccnl(kis, ORD_STRT_DT="20261124", ORD_END_DT="20261124").json()
    assert (empty["rt_cd"], empty["msg_cd"]) == ("0", "KIOK0560")
    assert isinstance(empty["output"], dict) and empty["output"]["odno"] == ""
    assert empty["output"]["ft_ord_qty"] == "0" and len(empty["ctx_area_fk200"]) == 200
    # Filters: reversed order, unfilled only, one issue, one side.
    newest = [r["odno"] for r in ok(ccnl(kis, SORT_SQN="AS").json())["output"]]
    assert newest == [cancelled, moved, odno]
    unfilled = ok(ccnl(kis, CCLD_NCCS_DVSN="02").json())["output"]
    assert [r["odno"] for r in unfilled] == [moved]
    sells = ccnl(kis, SLL_BUY_DVSN="01").json()
    assert sells["msg_cd"] == "KIOK0560"
    other = ccnl(kis, PDNO="MSFT").json()
    assert other["msg_cd"] == "KIOK0560"


def test_order_history_pages_and_paper_filters(paper_kis: Kis) -> None:
    kis = paper_kis
    price = last(kis, "NAS", "AAPL") - Decimal("1.00")
    for _ in range(16):  # one more than a paper page
        ok(kis.post(ORDER, "VTTT1002U", order_body(kis, "NASD", "AAPL", 1, price)).json())
    paper_all = {"PDNO": "", "OVRS_EXCG_CD": "", "SORT_SQN": ""}
    first = ccnl(kis, "VTTS3035R", **paper_all)
    body = ok(first.json())
    assert first.headers["tr_cont"] == "M" and len(body["output"]) == 15
    cursors = {"CTX_AREA_FK200": body["ctx_area_fk200"], "CTX_AREA_NK200": body["ctx_area_nk200"]}
    second = ccnl(kis, "VTTS3035R", tr_cont="N", **paper_all, **cursors)
    assert second.headers["tr_cont"] == "D" and len(ok(second.json())["output"]) == 1
    # Paper takes only the "all" filters (endpoints.md O9).
    for name, value in (
        ("PDNO", "%"),
        ("OVRS_EXCG_CD", "NASD"),
        ("SLL_BUY_DVSN", "02"),
        ("CCLD_NCCS_DVSN", "01"),
    ):
        r = ccnl(kis, "VTTS3035R", **{**paper_all, name: value}).json()
        assert (r["msg_cd"], r["msg1"]) == ("OPSQ2001", f"ERROR : INPUT_FIELD_NAME {name}")
