"""Overseas orders (O4), modify/cancel and open orders (O5) against FX cash and holdings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kisdesk.sim.market import round_overseas
from kisdesk.sim.testing import SimThread
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


def _nccs_params(kis: Kis) -> dict[str, str]:
    return {
        **kis.acct,
        "OVRS_EXCG_CD": "NASD",
        "SORT_SQN": "",
        "CTX_AREA_FK200": "",
        "CTX_AREA_NK200": "",
    }


def test_paper_open_orders_use_vtts3018r(paper_kis: Kis) -> None:
    # Seed 004 lists 해외주식 미체결내역 as offered on paper (⭕): VTTS3018R.
    price = (_last(paper_kis, "NAS", "AAPL") * Decimal("0.9")).quantize(Decimal("0.01"))
    ack = _order(paper_kis, "VTTT1002U", "NASD", "AAPL", 2, str(price))
    assert ack["msg_cd"] == "40600000"
    r = paper_kis.get(NCCS, "VTTS3018R", _nccs_params(paper_kis))
    body = r.json()
    assert (r.status_code, body["rt_cd"], r.headers["tr_cont"]) == (200, "0", "D")
    assert [(o["odno"], o["nccs_qty"]) for o in body["output"]] == [(ack["output"]["ODNO"], "2")]
    assert len(body["ctx_area_fk200"]) == len(body["ctx_area_nk200"]) == 200
    # The real TR ID on the paper host is the usual gateway refusal.
    r = paper_kis.get(NCCS, "TTTS3018R", _nccs_params(paper_kis))
    assert (r.status_code, r.json()["msg_cd"]) == (500, "EGW00213")


def test_blank_overseas_price_is_an_input_error(kis: Kis) -> None:
    # O4: OVRS_ORD_UNPR is "0" for market-type orders, never blank.
    usd0 = _usd(kis)
    for blank in ("", "  "):
        r = _order(kis, "TTTT1002U", "NASD", "AAPL", 1, blank)
        assert (r["rt_cd"], r["msg_cd"]) == ("1", "OPSQ2001")
        assert r["msg1"] == "ERROR : INPUT_FIELD_NAME OVRS_ORD_UNPR"
    assert _usd(kis) == usd0
    price = (_last(kis, "NAS", "AAPL") * Decimal("0.9")).quantize(Decimal("0.01"))
    odno = _order(kis, "TTTT1002U", "NASD", "AAPL", 1, str(price))["output"]["ODNO"]
    body = {
        **kis.acct,
        "OVRS_EXCG_CD": "NASD",
        "PDNO": "AAPL",
        "ORGN_ODNO": odno,
        "RVSE_CNCL_DVSN_CD": "02",
        "ORD_QTY": "1",
        "OVRS_ORD_UNPR": "",
        "MGCO_APTM_ODNO": "",
        "ORD_SVR_DVSN_CD": "0",
    }
    r = kis.post(RVSE, "TTTT1004U", body).json()
    assert r["msg1"] == "ERROR : INPUT_FIELD_NAME OVRS_ORD_UNPR"
    body["OVRS_ORD_UNPR"] = "0"  # the documented cancel price
    assert kis.post(RVSE, "TTTT1004U", body).json()["rt_cd"] == "0"


PRICE = "/uapi/overseas-price/v1/quotations/price"
PRICE_DETAIL = "/uapi/overseas-price/v1/quotations/price-detail"


@pytest.mark.parametrize(
    ("daytime", "night", "symbol"),
    [("BAQ", "NAS", "AAPL"), ("BAY", "NYS", "JPM"), ("BAA", "AMS", "SPY")],
)
def test_us_daytime_quote_codes(
    kis: Kis, frozen: SimThread, daytime: str, night: str, symbol: str
) -> None:
    # endpoints.md O3/O6: EXCD also takes the US daytime codes BAQ/BAY/BAA.
    for path, tr in ((PRICE, "HHDFS00000300"), (PRICE_DETAIL, "HHDFS76200200")):
        day = kis.get(path, tr, {"AUTH": "", "EXCD": daytime, "SYMB": symbol}).json()
        assert (day["rt_cd"], day["msg_cd"]) == ("0", "MCA00000"), day
        assert day["output"]["rsym"] == f"D{daytime}{symbol}"  # "D" + exchange + symbol
        ref = kis.get(path, tr, {"AUTH": "", "EXCD": night, "SYMB": symbol}).json()["output"]
        assert day["output"]["last"] == ref["last"] != ""
        assert day["output"]["zdiv"] == ref["zdiv"] == "4"
    # A daytime code is still a quote code: the 4-letter trading code stays refused.
    r = kis.get(PRICE, "HHDFS00000300", {"AUTH": "", "EXCD": "NASD", "SYMB": "AAPL"}).json()
    assert r["msg_cd"] == "OPSQ2001"


def _hk_sell(kis: Kis, tr: str, qty: int, price: Decimal, ord_dvsn: str) -> dict:
    body = {
        **kis.acct,
        "OVRS_EXCG_CD": "SEHK",
        "PDNO": "00700",
        "ORD_QTY": str(qty),
        "OVRS_ORD_UNPR": str(price),
        "CTAC_TLNO": "",
        "MGCO_APTM_ODNO": "",
        "SLL_TYPE": "00" if tr.endswith("1U") else "",
        "ORD_SVR_DVSN_CD": "0",
        "ORD_DVSN": ord_dvsn,
    }
    return kis.post(ORDER, tr, body).json()


def test_hong_kong_odd_lot_sell(kis: Kis, paper_kis: Kis) -> None:
    # O4: HK sell takes 00 and 50 (odd-lot limit): a limit for less than one board lot.
    last = _last(kis, "HKS", "00700")
    held = kis.sim.call(lambda s: s.account("demo").ovs[("SEHK", "00700")].qty)
    assert held >= 100
    high = round_overseas("SEHK", last * Decimal("1.05"))
    ack = _hk_sell(kis, "TTTS1001U", 30, high, "50")
    assert ack["rt_cd"] == "0"
    odno = ack["output"]["ODNO"]
    resting = kis.sim.call(lambda s: s.orders.orders[odno])
    assert (resting.remaining, resting.price) == (30, high)
    sold = _hk_sell(kis, "TTTS1001U", 7, last, "50")  # marketable: fills at once
    assert kis.sim.call(lambda s: s.orders.orders[sold["output"]["ODNO"]].filled) == 7
    assert _hk_sell(kis, "TTTS1001U", 100, high, "50")["msg_cd"] == "SIM00004"  # a full lot
    assert _hk_sell(kis, "TTTS1001U", 30, high, "00")["msg_cd"] == "SIM00004"  # 00: lots only
    # A modify keeps it an odd-lot limit.
    body = {
        **kis.acct,
        "OVRS_EXCG_CD": "SEHK",
        "PDNO": "00700",
        "ORGN_ODNO": odno,
        "RVSE_CNCL_DVSN_CD": "01",
        "ORD_QTY": "30",
        "OVRS_ORD_UNPR": str(round_overseas("SEHK", last * Decimal("1.06"))),
        "MGCO_APTM_ODNO": "",
        "ORD_SVR_DVSN_CD": "0",
    }
    new = kis.post(RVSE, "TTTS1003U", body).json()["output"]["ODNO"]
    assert kis.sim.call(lambda s: s.orders.orders[new].ord_dvsn) == "50"
    # Not on a buy, and not on paper (O4: paper 00 only).
    body = {**kis.acct, "OVRS_EXCG_CD": "SEHK", "PDNO": "00700", "ORD_QTY": "30"}
    body.update({"OVRS_ORD_UNPR": str(last), "CTAC_TLNO": "", "MGCO_APTM_ODNO": ""})
    body.update({"SLL_TYPE": "", "ORD_SVR_DVSN_CD": "0", "ORD_DVSN": "50"})
    assert kis.post(ORDER, "TTTS1002U", body).json()["msg_cd"] == "SIM00007"
    assert _hk_sell(paper_kis, "VTTS1001U", 30, last, "50")["msg_cd"] == "SIM00007"
