"""Overseas orders (O4), modify/cancel and open orders (O5) against FX cash and holdings."""

from __future__ import annotations

from decimal import Decimal

from tests.sim.conftest import Kis

ORDER = "/uapi/overseas-stock/v1/trading/order"
RVSE = "/uapi/overseas-stock/v1/trading/order-rvsecncl"
NCCS = "/uapi/overseas-stock/v1/trading/inquire-nccs"
PRESENT = "/uapi/overseas-stock/v1/trading/inquire-present-balance"


def _order(kis: Kis, tr: str, excg: str, code: str, qty: int, price: str) -> dict:
    body = {
        **kis.acct,
        "OVRS_EXCG_CD": excg,
        "PDNO": code,
        "ORD_QTY": str(qty),
        "OVRS_ORD_UNPR": price,
        "CTAC_TLNO": "",
        "MGCO_APTM_ODNO": "",
        "SLL_TYPE": "" if tr.endswith("2U") else "00",
        "ORD_SVR_DVSN_CD": "0",
        "ORD_DVSN": "00",
    }
    return kis.post(ORDER, tr, body).json()


def _usd(kis: Kis) -> Decimal:
    params = {
        **kis.acct,
        "WCRC_FRCR_DVSN_CD": "02",
        "NATN_CD": "840",
        "TR_MKET_CD": "00",
        "INQR_DVSN_CD": "00",
    }
    rows = kis.get(PRESENT, "CTRP6504R", params).json()["output2"]
    return Decimal(next(r for r in rows if r["crcy_cd"] == "USD")["frcr_drwg_psbl_amt_1"])


def _last(kis: Kis, excd: str, symb: str) -> Decimal:
    out = kis.get(
        "/uapi/overseas-price/v1/quotations/price",
        "HHDFS00000300",
        {"AUTH": "", "EXCD": excd, "SYMB": symb},
    ).json()["output"]
    return Decimal(out["last"])


def test_us_limit_buy_rests_reserves_and_cancels(kis: Kis) -> None:
    usd0 = _usd(kis)
    price = (_last(kis, "NAS", "AAPL") * Decimal("0.9")).quantize(Decimal("0.01"))
    ack = _order(kis, "TTTT1002U", "NASD", "AAPL", 3, str(price))
    assert ack["rt_cd"] == "0" and ack["msg_cd"] == "APBK0013"
    assert _usd(kis) == usd0 - 3 * price
    nccs = kis.get(
        NCCS,
        "TTTS3018R",
        {
            **kis.acct,
            "OVRS_EXCG_CD": "NASD",
            "SORT_SQN": "",
            "CTX_AREA_FK200": "",
            "CTX_AREA_NK200": "",
        },
    ).json()
    assert [(r["odno"], r["nccs_qty"]) for r in nccs["output"]] == [(ack["output"]["ODNO"], "3")]
    body = {
        **kis.acct,
        "OVRS_EXCG_CD": "NASD",
        "PDNO": "AAPL",
        "ORGN_ODNO": ack["output"]["ODNO"],
        "RVSE_CNCL_DVSN_CD": "02",
        "ORD_QTY": "3",
        "OVRS_ORD_UNPR": "0",
        "MGCO_APTM_ODNO": "",
        "ORD_SVR_DVSN_CD": "0",
    }
    assert kis.post(RVSE, "TTTT1004U", body).json()["rt_cd"] == "0"
    assert _usd(kis) == usd0


def test_marketable_buy_fills_and_sell_checks(kis: Kis) -> None:
    last = _last(kis, "NAS", "NVDA")
    ack = _order(kis, "TTTT1002U", "NASD", "NVDA", 2, str(last + Decimal("1.00")))
    assert ack["rt_cd"] == "0"
    assert kis.sim.call(lambda s: s.orders.orders[ack["output"]["ODNO"]].filled) == 2
    held = kis.sim.call(lambda s: s.account("demo").ovs[("NASD", "NVDA")].qty)
    r = _order(kis, "TTTT1006U", "NASD", "NVDA", held + 1, str(last))
    assert r["msg_cd"] == "SIM00003"
    assert _order(kis, "TTTT1002U", "NASD", "NVDA", 1, "100.001")["msg_cd"] == "SIM00001"
    big = _order(kis, "TTTT1002U", "NASD", "NVDA", 100_000, str(last))
    assert (big["rt_cd"], big["msg_cd"]) == ("7", "APBK0952")


def test_lots_and_tr_exchange_pairs(kis: Kis) -> None:
    last = _last(kis, "TSE", "7203")
    assert _order(kis, "TTTS0308U", "TKSE", "7203", 50, str(last))["msg_cd"] == "SIM00004"
    assert _order(kis, "TTTS0308U", "TKSE", "7203", 100, str(last))["rt_cd"] == "0"
    # A Hong Kong TR with a Tokyo exchange code is refused.
    assert _order(kis, "TTTS1002U", "TKSE", "7203", 100, str(last))["msg_cd"] == "OPSQ2001"


def test_paper_us_sell_tr_is_vttt1001u(paper_kis: Kis) -> None:
    last = _last(paper_kis, "NAS", "AAPL")
    r = _order(paper_kis, "VTTT1001U", "NASD", "AAPL", 1, str(last))
    assert (r["rt_cd"], r["msg_cd"]) == ("0", "40600000")
    assert r["msg1"] == "모의투자 매도주문이 완료 되었습니다."
    assert _order(paper_kis, "VTTT1006U", "NASD", "AAPL", 1, str(last))["msg_cd"] == "OPSQ0002"
