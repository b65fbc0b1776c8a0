"""Raw-HTTP helpers for the overseas order tests: bodies shaped as endpoints.md O4/O10 gives them,
sent through tests.sim.conftest.Kis over TCP."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx

from kisdesk.sim.market import round_overseas
from tests.sim.conftest import Kis

ORDER = "/uapi/overseas-stock/v1/trading/order"
RVSE = "/uapi/overseas-stock/v1/trading/order-rvsecncl"
DAYTIME = "/uapi/overseas-stock/v1/trading/daytime-order"
DAYTIME_RVSE = "/uapi/overseas-stock/v1/trading/daytime-order-rvsecncl"
NCCS = "/uapi/overseas-stock/v1/trading/inquire-nccs"
PSAMOUNT = "/uapi/overseas-stock/v1/trading/inquire-psamount"
CCNL = "/uapi/overseas-stock/v1/trading/inquire-ccnl"
BALANCE = "/uapi/overseas-stock/v1/trading/inquire-balance"
PRICE = "/uapi/overseas-price/v1/quotations/price"
DETAIL = "/uapi/overseas-price/v1/quotations/price-detail"

# (trading code, quote code, issue, real buy, real sell, real modify/cancel, cancel only)
MARKETS = (
    ("NASD", "NAS", "AAPL", "TTTT1002U", "TTTT1006U", "TTTT1004U", False),
    ("NYSE", "NYS", "JPM", "TTTT1002U", "TTTT1006U", "TTTT1004U", False),
    ("AMEX", "AMS", "SPY", "TTTT1002U", "TTTT1006U", "TTTT1004U", False),
    ("SEHK", "HKS", "00005", "TTTS1002U", "TTTS1001U", "TTTS1003U", False),
    ("TKSE", "TSE", "7203", "TTTS0308U", "TTTS0307U", "TTTS0309U", False),
    ("SHAA", "SHS", "600519", "TTTS0202U", "TTTS1005U", "TTTS0302U", True),
    ("SZAA", "SZS", "000858", "TTTS0305U", "TTTS0304U", "TTTS0306U", True),
    ("HASE", "HNX", "PVS", "TTTS0311U", "TTTS0310U", "TTTS0312U", True),
    ("VNSE", "HSX", "VNM", "TTTS0311U", "TTTS0310U", "TTTS0312U", True),
)


def ok(body: dict[str, Any]) -> dict[str, Any]:
    assert body["rt_cd"] == "0", body
    return body


def order_body(
    kis: Kis,
    excg: str,
    code: str,
    qty: int,
    price: Decimal | str,
    *,
    sell: bool = False,
    ord_dvsn: str = "00",
) -> dict[str, str]:
    return {
        **kis.acct,
        "OVRS_EXCG_CD": excg,
        "PDNO": code,
        "ORD_QTY": str(qty),
        "OVRS_ORD_UNPR": str(price),
        "CTAC_TLNO": "",
        "MGCO_APTM_ODNO": "",
        "SLL_TYPE": "00" if sell else "",
        "ORD_SVR_DVSN_CD": "0",
        "ORD_DVSN": ord_dvsn,
    }


def revise_body(
    kis: Kis, excg: str, code: str, odno: str, kind: str, qty: int | str, price: Decimal | str
) -> dict[str, str]:
    return {
        **kis.acct,
        "OVRS_EXCG_CD": excg,
        "PDNO": code,
        "ORGN_ODNO": odno,
        "RVSE_CNCL_DVSN_CD": kind,
        "ORD_QTY": str(qty),
        "OVRS_ORD_UNPR": str(price),
        "CTAC_TLNO": "",
        "MGCO_APTM_ODNO": "",
        "ORD_SVR_DVSN_CD": "0",
    }


def detail(kis: Kis, excd: str, symb: str) -> dict[str, str]:
    r = kis.get(DETAIL, "HHDFS76200200", {"AUTH": "", "EXCD": excd, "SYMB": symb})
    return ok(r.json())["output"]


def last(kis: Kis, excd: str, symb: str) -> Decimal:
    r = kis.get(PRICE, "HHDFS00000300", {"AUTH": "", "EXCD": excd, "SYMB": symb})
    return Decimal(ok(r.json())["output"]["last"])


def below_market(kis: Kis, excg: str, excd: str, code: str, pct: str = "0.95") -> Decimal:
    """A limit price under the market (it rests), on the grid and inside any daily band."""
    return round_overseas(excg, last(kis, excd, code) * Decimal(pct))


def open_orders(kis: Kis, excg: str, tr: str = "TTTS3018R") -> list[dict[str, str]]:
    params = {
        **kis.acct,
        "OVRS_EXCG_CD": excg,
        "SORT_SQN": "",
        "CTX_AREA_FK200": "",
        "CTX_AREA_NK200": "",
    }
    return ok(kis.get(NCCS, tr, params).json())["output"]


def ccnl(kis: Kis, tr: str = "TTTS3035R", tr_cont: str = "", **over: str) -> httpx.Response:
    params = {
        **kis.acct,
        "PDNO": "%",
        "ORD_STRT_DT": "20000101",
        "ORD_END_DT": "29991231",
        "SLL_BUY_DVSN": "00",
        "CCLD_NCCS_DVSN": "00",
        "OVRS_EXCG_CD": "%",
        "SORT_SQN": "DS",
        "ORD_DT": "",
        "ORD_GNO_BRNO": "",
        "ODNO": "",
        "CTX_AREA_NK200": "",
        "CTX_AREA_FK200": "",
    }
    params.update(over)
    return kis.get(CCNL, tr, params, tr_cont=tr_cont)


def psamount(kis: Kis, excg: str, code: str, price: Decimal | str, tr: str = "TTTS3007R"):
    params = {**kis.acct, "OVRS_EXCG_CD": excg, "OVRS_ORD_UNPR": str(price), "ITEM_CD": code}
    return kis.get(PSAMOUNT, tr, params)


def set_clock(kis: Kis, iso: str) -> None:
    """Pin the simulator's wall clock through its admin route (KST when no offset is given);
    a fresh token, as the jump may cross the old one's lifetime."""
    r = kis.http.post("/__sim/clock", json={"set": iso})
    assert r.status_code == 200, r.text
    kis.sim.call("expire_tokens")
    kis._token = None
