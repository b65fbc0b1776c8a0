"""Requests shaped as public clients that work in production send them (issue 13 §3, issue 18).

The digest's "Y" column says what KIS documents, not what it enforces: python-kis 2.1.6 leaves
ORD_SVR_DVSN_CD out of overseas modify/cancel, cancels with ORD_QTY "0", asks for open orders
and (on paper) the overseas balance with a blank exchange and currency, and for a whole daily
history from 00000101; mojito sells overseas without SLL_TYPE; the doc itself says to leave
ORD_DVSN out of most overseas order TRs and that a price-less domestic order may omit ORD_UNPR.
What KIS refuses stays refused.
"""

from __future__ import annotations

from decimal import Decimal

from kisdesk.sim.market import round_overseas
from tests.sim.conftest import ORDER_CASH, Kis

ORDER = "/uapi/overseas-stock/v1/trading/order"
RVSE = "/uapi/overseas-stock/v1/trading/order-rvsecncl"
NCCS = "/uapi/overseas-stock/v1/trading/inquire-nccs"
OVS_BALANCE = "/uapi/overseas-stock/v1/trading/inquire-balance"


def _last(kis: Kis, excd: str, symb: str) -> Decimal:
    params = {"AUTH": "", "EXCD": excd, "SYMB": symb}
    r = kis.get("/uapi/overseas-price/v1/quotations/price", "HHDFS00000300", params)
    return Decimal(r.json()["output"]["last"])


def _resting_buy(kis: Kis, tr: str, excg: str, excd: str, code: str, qty: int) -> str:
    """A limit buy 10 % under the market (it rests); its ODNO."""
    price = round_overseas(excg, _last(kis, excd, code) * Decimal("0.9"))
    body = {
        **kis.acct,
        "OVRS_EXCG_CD": excg,
        "PDNO": code,
        "ORD_QTY": str(qty),
        "OVRS_ORD_UNPR": str(price),
        "SLL_TYPE": "",
        "ORD_SVR_DVSN_CD": "0",
        "ORD_DVSN": "00",
    }
    ack = kis.post(ORDER, tr, body).json()
    assert ack["rt_cd"] == "0", ack
    return ack["output"]["ODNO"]


def _remaining(kis: Kis, odno: str) -> int:
    return kis.sim.call(lambda s: s.orders.orders[odno].remaining)


def test_overseas_modify_and_cancel_as_python_kis_sends_them(kis: Kis) -> None:
    odno = _resting_buy(kis, "TTTT1002U", "NASD", "NAS", "AAPL", 5)
    price = round_overseas("NASD", _last(kis, "NAS", "AAPL") * Decimal("0.8"))
    # python-kis modify: no ORD_SVR_DVSN_CD, no MGCO_APTM_ODNO, no CTAC_TLNO.
    modify = {
        **kis.acct,
        "OVRS_EXCG_CD": "NASD",
        "PDNO": "AAPL",
        "ORGN_ODNO": odno,
        "RVSE_CNCL_DVSN_CD": "01",
        "ORD_QTY": "3",
        "OVRS_ORD_UNPR": str(price),
    }
    ack = kis.post(RVSE, "TTTT1004U", modify).json()
    assert ack["msg_cd"] == "APBK0013", ack
    moved = ack["output"]["ODNO"]
    assert (_remaining(kis, odno), _remaining(kis, moved)) == (2, 3)
    # A modify of 0 shares is still no modify.
    zero = kis.post(RVSE, "TTTT1004U", {**modify, "ORGN_ODNO": moved, "ORD_QTY": "0"}).json()
    assert zero["msg_cd"] == "SIM00004"
    # python-kis cancel: ORD_QTY "0" cancels what is left of the order.
    cancel = {**modify, "RVSE_CNCL_DVSN_CD": "02", "ORD_QTY": "0", "OVRS_ORD_UNPR": "0"}
    for target in (odno, moved):
        ack = kis.post(RVSE, "TTTT1004U", {**cancel, "ORGN_ODNO": target}).json()
        assert ack["msg_cd"] == "APBK0013", ack
        assert _remaining(kis, target) == 0
    again = kis.post(RVSE, "TTTT1004U", {**cancel, "ORGN_ODNO": odno}).json()
    assert again["msg_cd"] == "SIM00006"  # nothing left to cancel


def test_overseas_order_type_may_be_left_out_where_the_doc_says_so(kis: Kis) -> None:
    price = round_overseas("TKSE", _last(kis, "TSE", "7203") * Decimal("0.9"))
    body = {
        **kis.acct,
        "OVRS_EXCG_CD": "TKSE",
        "PDNO": "7203",
        "ORD_QTY": "100",
        "OVRS_ORD_UNPR": str(price),
        "SLL_TYPE": "",
        "ORD_SVR_DVSN_CD": "0",
    }
    ack = kis.post(ORDER, "TTTS0308U", body).json()  # O10: ORD_DVSN "제거" on the Tokyo TR
    assert ack["msg_cd"] == "APBK0013", ack
    assert kis.sim.call(lambda s: s.orders.orders[ack["output"]["ODNO"]].ord_dvsn) == "00"
    us = {**body, "OVRS_EXCG_CD": "NASD", "PDNO": "AAPL", "ORD_QTY": "1"}
    r = kis.post(ORDER, "TTTT1002U", us).json()  # required on the US TRs
    assert (r["msg_cd"], r["msg1"]) == ("OPSQ2001", "ERROR : INPUT_FIELD_NAME ORD_DVSN")


def test_open_orders_with_a_blank_exchange_list_every_market(kis: Kis) -> None:
    us = _resting_buy(kis, "TTTT1002U", "NASD", "NAS", "AAPL", 1)
    hk = _resting_buy(kis, "TTTS1002U", "SEHK", "HKS", "09988", 100)
    params = {
        **kis.acct,
        "OVRS_EXCG_CD": "",
        "SORT_SQN": "",
        "CTX_AREA_FK200": "",
        "CTX_AREA_NK200": "",
    }
    body = kis.get(NCCS, "TTTS3018R", params).json()
    assert body["rt_cd"] == "0", body
    assert {r["odno"] for r in body["output"]} == {us, hk}
    # "공백 입력 시 다음조회가 불가능": a next page asked with the exchange blank is refused.
    cursors = {"CTX_AREA_FK200": body["ctx_area_fk200"], "CTX_AREA_NK200": body["ctx_area_nk200"]}
    r = kis.get(NCCS, "TTTS3018R", {**params, **cursors}, tr_cont="N").json()
    assert (r["msg_cd"], r["msg1"]) == ("OPSQ2001", "ERROR : INPUT_FIELD_NAME OVRS_EXCG_CD")


def test_overseas_balance_with_blank_exchange_and_currency(paper_kis: Kis) -> None:
    held = paper_kis.sim.call(
        lambda s: {key for key, h in s.account("demo").ovs.items() if h.qty > 0}
    )
    params = {
        **paper_kis.acct,
        "OVRS_EXCG_CD": "",
        "TR_CRCY_CD": "",
        "CTX_AREA_FK200": "",
        "CTX_AREA_NK200": "",
    }
    body = paper_kis.get(OVS_BALANCE, "VTTS3012R", params).json()
    assert body["rt_cd"] == "0", body
    rows = {(r["ovrs_excg_cd"], r["ovrs_pdno"]) for r in body["output1"]}
    assert rows == held and len({e for e, _ in rows}) > 1
    bad = paper_kis.get(OVS_BALANCE, "VTTS3012R", {**params, "TR_CRCY_CD": "EUR"}).json()
    assert (bad["msg_cd"], bad["msg1"]) == ("OPSQ2001", "ERROR : INPUT_FIELD_NAME TR_CRCY_CD")


def test_a_price_less_domestic_order_may_omit_its_price(kis: Kis) -> None:
    body = {**kis.acct, "PDNO": "005930", "ORD_DVSN": "01", "ORD_QTY": "1"}
    ack = kis.post(ORDER_CASH, "TTTC0012U", body).json()  # D5: "If omitted, …"
    assert ack["msg_cd"] == "APBK0013", ack
    limit = kis.post(ORDER_CASH, "TTTC0012U", {**body, "ORD_DVSN": "00"}).json()
    assert (limit["msg_cd"], limit["msg1"]) == ("OPSQ2001", "ERROR : INPUT_FIELD_NAME ORD_UNPR")


def test_daily_chart_from_year_zero_as_python_kis_asks(kis: Kis) -> None:
    params = {
        "FID_COND_MRKT_DIV_CODE": "J",
        "FID_INPUT_ISCD": "005930",
        "FID_INPUT_DATE_1": "00000101",  # python-kis: no start date given
        "FID_INPUT_DATE_2": "29991231",
        "FID_PERIOD_DIV_CODE": "D",
        "FID_ORG_ADJ_PRC": "0",
    }
    path = "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice"
    body = kis.get(path, "FHKST03010100", params).json()
    assert body["rt_cd"] == "0", body
    assert len(body["output2"]) == 100  # the newest 100 bars of the whole history
    bad = kis.get(path, "FHKST03010100", {**params, "FID_INPUT_DATE_1": "20241399"}).json()
    assert bad["msg1"] == "ERROR : INPUT_FIELD_NAME FID_INPUT_DATE_1"


def test_overseas_sell_without_sll_type_as_mojito_sends_it(kis: Kis) -> None:
    price = round_overseas("TKSE", _last(kis, "TSE", "7203") * Decimal("1.1"))
    body = {
        **kis.acct,
        "OVRS_EXCG_CD": "TKSE",
        "PDNO": "7203",
        "ORD_QTY": "100",
        "OVRS_ORD_UNPR": str(price),
        "ORD_SVR_DVSN_CD": "0",
        "ORD_DVSN": "00",
    }
    ack = kis.post(ORDER, "TTTS0307U", body).json()
    assert ack["msg_cd"] == "APBK0013", ack
    bad = kis.post(ORDER, "TTTS0307U", {**body, "SLL_TYPE": "05"}).json()
    assert bad["msg1"] == "ERROR : INPUT_FIELD_NAME SLL_TYPE"
