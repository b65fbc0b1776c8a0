"""Helpers for the simulator tests: a thin KIS-speaking httpx client over TCP (no mocks)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from kisdesk.sim.testing import SimThread

# A copy of /work/shared/kis-api/samples (invented fixtures of the KIS digest).
SAMPLES = Path(__file__).parent / "samples"

BALANCE = "/uapi/domestic-stock/v1/trading/inquire-balance"
OVS_BALANCE = "/uapi/overseas-stock/v1/trading/inquire-balance"
PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price"
ORDER_CASH = "/uapi/domestic-stock/v1/trading/order-cash"
RVSECNCL = "/uapi/domestic-stock/v1/trading/order-rvsecncl"
DAILY_CCLD = "/uapi/domestic-stock/v1/trading/inquire-daily-ccld"
PSBL_ORDER = "/uapi/domestic-stock/v1/trading/inquire-psbl-order"


def load_sample(name: str) -> dict[str, Any]:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def all_strings(value: Any) -> bool:
    """Every leaf of a KIS body is a string (lists and objects are walked)."""
    if isinstance(value, dict):
        return all(all_strings(v) for v in value.values())
    if isinstance(value, list):
        return all(all_strings(v) for v in value)
    return isinstance(value, str)


class Kis:
    """Talks to a SimThread the way a client talks to KIS.

    ``paced`` moves the simulator clock forward by one rate-limit slot before each call, so
    functional tests on the 2-calls/s paper profile neither sleep nor trip EGW00201.
    """

    def __init__(self, sim: SimThread, *, paced: bool = False) -> None:
        self.sim = sim
        self.http = httpx.Client(base_url=sim.base_url, timeout=10)
        self.paced = paced
        self._token: str | None = None
        self.cano, self.prdt = sim.accounts["demo"].split("-")

    def close(self) -> None:
        self.http.close()

    def use(self, account: str) -> Kis:
        self.cano, self.prdt = self.sim.accounts[account].split("-")
        return self

    @property
    def acct(self) -> dict[str, str]:
        return {"CANO": self.cano, "ACNT_PRDT_CD": self.prdt}

    def token_request(self, **overrides: Any) -> httpx.Response:
        body = {
            "grant_type": "client_credentials",
            "appkey": self.sim.appkey,
            "appsecret": self.sim.appsecret,
        }
        body.update(overrides)
        return self.http.post("/oauth2/tokenP", json=body)

    @property
    def token(self) -> str:
        if self._token is None:
            r = self.token_request()
            assert r.status_code == 200, r.text
            self._token = r.json()["access_token"]
        return self._token

    def headers(self, tr_id: str, tr_cont: str = "", **extra: str) -> dict[str, str]:
        h = {
            "content-type": "application/json; charset=utf-8",
            "authorization": f"Bearer {self.token}",
            "appkey": self.sim.appkey,
            "appsecret": self.sim.appsecret,
            "tr_id": tr_id,
            "tr_cont": tr_cont,
            "custtype": "P",
        }
        h.update(extra)
        return h

    def _pace(self) -> None:
        if self.paced:
            self.sim.call("advance_clock", 1.0 / self.sim.server.rate_limit + 0.001)

    def get(
        self, path: str, tr_id: str, params: dict[str, str], tr_cont: str = "", **hdr: str
    ) -> httpx.Response:
        headers = self.headers(tr_id, tr_cont, **hdr)
        self._pace()
        return self.http.get(path, params=params, headers=headers)

    def post(self, path: str, tr_id: str, body: Any, **hdr: str) -> httpx.Response:
        headers = self.headers(tr_id, **hdr)
        self._pace()
        return self.http.post(path, content=json.dumps(body), headers=headers)

    # ---- common calls ------------------------------------------------------------------------

    def price(self, code: str) -> dict[str, str]:
        r = self.get(
            PRICE, "FHKST01010100", {"FID_COND_MRKT_DIV_CODE": "J", "FID_INPUT_ISCD": code}
        )
        assert r.json()["rt_cd"] == "0", r.text
        return r.json()["output"]

    def balance_params(self, fk: str = "", nk: str = "") -> dict[str, str]:
        return {
            **self.acct,
            "AFHR_FLPR_YN": "N",
            "OFL_YN": "",
            "INQR_DVSN": "02",
            "UNPR_DVSN": "01",
            "FUND_STTL_ICLD_YN": "N",
            "FNCG_AMT_AUTO_RDPT_YN": "N",
            "PRCS_DVSN": "00",
            "CTX_AREA_FK100": fk,
            "CTX_AREA_NK100": nk,
        }

    def balance_pages(self, tr_id: str) -> list[dict[str, Any]]:
        pages: list[dict[str, Any]] = []
        fk = nk = ""
        cont = ""
        while True:
            r = self.get(BALANCE, tr_id, self.balance_params(fk, nk), tr_cont=cont)
            body = r.json()
            assert body["rt_cd"] == "0", body
            pages.append({"body": body, "tr_cont": r.headers["tr_cont"]})
            if r.headers["tr_cont"] in ("D", "E"):
                return pages
            fk, nk, cont = body["ctx_area_fk100"], body["ctx_area_nk100"], "N"
            assert len(pages) < 50

    def order(
        self, tr_id: str, code: str, qty: int, price: int | str = 0, ord_dvsn: str = "00"
    ) -> dict[str, Any]:
        body = {
            **self.acct,
            "PDNO": code,
            "ORD_DVSN": ord_dvsn,
            "ORD_QTY": str(qty),
            "ORD_UNPR": str(price),
            "EXCG_ID_DVSN_CD": "KRX",
        }
        return self.post(ORDER_CASH, tr_id, body).json()

    def open_orders(self) -> list[dict[str, str]]:
        """inquire-psbl-rvsecncl (real): the account's cancellable orders."""
        params = {
            **self.acct,
            "INQR_DVSN_1": "0",
            "INQR_DVSN_2": "0",
            "CTX_AREA_FK100": "",
            "CTX_AREA_NK100": "",
        }
        path = "/uapi/domestic-stock/v1/trading/inquire-psbl-rvsecncl"
        return self.get(path, "TTTC0084R", params).json()["output"]

    def daily_ccld(self, tr_id: str = "TTTC0081R", **over: str) -> httpx.Response:
        tr_cont = over.pop("tr_cont", "")
        params = {
            **self.acct,
            "INQR_STRT_DT": "20000101",
            "INQR_END_DT": "29991231",
            "SLL_BUY_DVSN_CD": "00",
            "INQR_DVSN": "01",
            "PDNO": "",
            "CCLD_DVSN": "00",
            "ORD_GNO_BRNO": "",
            "ODNO": "",
            "INQR_DVSN_3": "00",
            "INQR_DVSN_1": "",
            "CTX_AREA_FK100": "",
            "CTX_AREA_NK100": "",
        }
        params.update(over)
        return self.get(DAILY_CCLD, tr_id, params, tr_cont=tr_cont)


@pytest.fixture
def kis(sim: SimThread) -> Iterator[Kis]:
    k = Kis(sim)
    yield k
    k.close()


@pytest.fixture
def paper_kis(paper_sim: SimThread) -> Iterator[Kis]:
    k = Kis(paper_sim, paced=True)
    yield k
    k.close()


@pytest.fixture
def frozen(sim: SimThread) -> SimThread:
    """The real-profile simulator with its clock frozen: only advance_clock moves time."""
    sim.call(lambda s: s.clock.freeze())
    return sim
