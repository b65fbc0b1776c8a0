"""Issue 13 §3: requests without the ``custtype`` header quote, look up and buy.

python-kis 2.1.6 sends ``custtype`` only on the websocket and KIS serves its REST calls; a missing
(or blank) header is an individual customer (``P``). Only a present value other than P/B is
refused (EGW00208). Driven over raw HTTP against ``python -m kisdesk.sim`` in its own process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price"
SEARCH_INFO = "/uapi/domestic-stock/v1/quotations/search-info"
ORDER_CASH = "/uapi/domestic-stock/v1/trading/order-cash"


class Raw:
    """A bare KIS caller: token, then the headers python-kis sends (no custtype)."""

    def __init__(self, info: dict[str, Any]) -> None:
        self.info = info
        self.http = httpx.Client(base_url=info["base_url"], timeout=10)
        self.cano, self.prdt = info["accounts"]["demo"].split("-")
        r = self.http.post(
            "/oauth2/tokenP",
            json={
                "grant_type": "client_credentials",
                "appkey": info["appkey"],
                "appsecret": info["appsecret"],
            },
        )
        assert r.status_code == 200, r.text
        self.token = r.json()["access_token"]

    def headers(self, tr_id: str, **extra: str) -> dict[str, str]:
        return {
            "authorization": f"Bearer {self.token}",
            "appkey": self.info["appkey"],
            "appsecret": self.info["appsecret"],
            "tr_id": tr_id,
            **extra,
        }

    def quote(self, **extra: str) -> httpx.Response:
        params = {"FID_COND_MRKT_DIV_CODE": "J", "FID_INPUT_ISCD": "005930"}
        return self.http.get(PRICE, params=params, headers=self.headers("FHKST01010100", **extra))

    def look_up(self, **extra: str) -> httpx.Response:
        params = {"PDNO": "005930", "PRDT_TYPE_CD": "300"}
        return self.http.get(SEARCH_INFO, params=params, headers=self.headers("CTPF1604R", **extra))

    def buy(self, **extra: str) -> httpx.Response:
        body = {
            "CANO": self.cano,
            "ACNT_PRDT_CD": self.prdt,
            "PDNO": "005930",
            "ORD_DVSN": "01",
            "ORD_QTY": "1",
            "ORD_UNPR": "0",
        }
        return self.http.post(ORDER_CASH, json=body, headers=self.headers("TTTC0012U", **extra))

    def orders_received(self) -> int:
        return int(self.http.get("/__sim/stats").json()["orders_received"])


@pytest.fixture(scope="module")
def raw() -> Iterator[Raw]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kisdesk.sim",
            "--port",
            "0",
            "--seed",
            "13",
            "--rate-limit",
            "1000",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        client = Raw(json.loads(proc.stdout.readline()))
        yield client
        client.http.close()
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.mark.parametrize("custtype", [None, "", "P", "B"])
def test_quote_look_up_and_buy_without_a_valid_looking_custtype(
    raw: Raw, custtype: str | None
) -> None:
    extra = {} if custtype is None else {"custtype": custtype}
    quote = raw.quote(**extra)
    assert (quote.status_code, quote.json()["rt_cd"]) == (200, "0"), quote.text
    assert int(quote.json()["output"]["stck_prpr"]) > 0
    info = raw.look_up(**extra)
    assert (info.status_code, info.json()["rt_cd"]) == (200, "0"), info.text
    assert info.json()["output"]["prdt_abrv_name"] == "삼성전자"
    bought = raw.buy(**extra)
    assert (bought.status_code, bought.json()["msg_cd"]) == (200, "APBK0013"), bought.text
    assert len(bought.json()["output"]["ODNO"]) == 10


@pytest.mark.parametrize("custtype", ["X", "PB", "1"])
def test_a_present_invalid_custtype_is_still_refused(raw: Raw, custtype: str) -> None:
    before = raw.orders_received()
    for response in (raw.quote(custtype=custtype), raw.look_up(custtype=custtype)):
        assert response.status_code == 500
        assert (response.json()["rt_cd"], response.json()["msg_cd"]) == ("1", "EGW00208")
    bought = raw.buy(custtype=custtype)
    assert (bought.status_code, bought.json()["msg_cd"]) == (500, "EGW00208")
    assert raw.orders_received() == before  # refused at the gateway, nothing booked
