"""Fault injection from Python (server.faults) and over the admin HTTP path (/__sim/…)."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from tests.sim.conftest import BALANCE, ORDER_CASH, PRICE, Kis

PARAMS = {"FID_COND_MRKT_DIV_CODE": "J", "FID_INPUT_ISCD": "005930"}


def _price(kis: Kis) -> httpx.Response:
    return kis.get(PRICE, "FHKST01010100", PARAMS)


def test_latency(kis: Kis) -> None:
    kis.token  # noqa: B018
    kis.sim.faults.add("latency", PRICE, count=1, delay=0.3)
    t0 = time.perf_counter()
    assert _price(kis).json()["rt_cd"] == "0"
    assert time.perf_counter() - t0 >= 0.3
    t0 = time.perf_counter()
    _price(kis)
    assert time.perf_counter() - t0 < 0.3  # count=1: only once


def test_error_envelope_and_count(kis: Kis) -> None:
    kis.token  # noqa: B018
    kis.sim.faults.add("error", PRICE, count=2)
    codes = [(r.status_code, r.json()["msg_cd"]) for r in (_price(kis) for _ in range(3))]
    assert codes == [(500, "EGW00201"), (500, "EGW00201"), (200, "MCA00000")]
    kis.sim.faults.add("error", PRICE, count=1, msg_cd="EGW00215", status=500)
    assert _price(kis).json()["msg_cd"] == "EGW00215"
    assert kis.sim.faults.active() == []


def test_error_rate_is_seeded_and_partial(kis: Kis) -> None:
    kis.token  # noqa: B018
    kis.sim.faults.add("error", PRICE, rate=0.5, msg_cd="EGW00002")
    results = [_price(kis).json()["msg_cd"] for _ in range(16)]
    assert 0 < results.count("EGW00002") < 16
    kis.sim.faults.clear()
    assert _price(kis).json()["msg_cd"] == "MCA00000"


def test_http_5xx_malformed_and_html(kis: Kis) -> None:
    kis.token  # noqa: B018
    kis.sim.faults.add("http_5xx", PRICE, count=1, status=502)
    r = _price(kis)
    assert r.status_code == 502
    kis.sim.faults.add("malformed_json", PRICE, count=1)
    r = _price(kis)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    with pytest.raises(json.JSONDecodeError):
        r.json()
    kis.sim.faults.add("html_error", PRICE, count=1)
    r = _price(kis)
    assert r.status_code == 502 and r.headers["content-type"].startswith("text/html")
    assert "<html>" in r.text


def test_connection_reset(kis: Kis) -> None:
    kis.token  # noqa: B018
    kis.sim.faults.add("connection_reset", PRICE, count=1)
    with pytest.raises(httpx.TransportError):
        _price(kis)
    assert _price(kis).json()["rt_cd"] == "0"
    assert kis.sim.stats.faults_fired["connection_reset"] == 1


def test_drop_response_books_the_order(kis: Kis) -> None:
    kis.token  # noqa: B018
    kis.sim.faults.add("drop_response", ORDER_CASH, count=1)
    with pytest.raises(httpx.TransportError):
        kis.order("TTTC0012U", "005930", 2, 0, "01")
    assert kis.sim.stats.orders_accepted == 1
    rows = kis.daily_ccld().json()["output1"]
    assert [(r["pdno"], r["ord_qty"], r["tot_ccld_qty"]) for r in rows] == [("005930", "2", "2")]


def test_expire_tokens_fault(kis: Kis) -> None:
    kis.token  # noqa: B018
    kis.sim.faults.add("expire_tokens", PRICE, count=1)
    assert _price(kis).json()["msg_cd"] == "EGW00123"


def test_path_prefix_and_tr_id_targeting(kis: Kis) -> None:
    kis.token  # noqa: B018
    kis.sim.faults.add("error", "/uapi/domestic-stock/v1/trading/", msg_cd="EGW00215")
    assert _price(kis).json()["rt_cd"] == "0"
    assert kis.get(BALANCE, "TTTC8434R", kis.balance_params()).json()["msg_cd"] == "EGW00215"
    kis.sim.faults.clear()
    kis.sim.faults.add("error", tr_id="TTTC8434R")
    assert _price(kis).json()["rt_cd"] == "0"
    assert kis.get(BALANCE, "TTTC8434R", kis.balance_params()).json()["msg_cd"] == "EGW00201"


def test_unknown_kind_rejected(kis: Kis) -> None:
    with pytest.raises(ValueError):
        kis.sim.faults.add("meteor_strike")


def test_admin_http_paths(kis: Kis) -> None:
    kis.token  # noqa: B018
    http = kis.http
    r = http.post("/__sim/faults", json={"kind": "error", "path_prefix": PRICE, "count": 1})
    assert r.status_code == 201
    fault_id = r.json()["fault_id"]
    assert [f["fault_id"] for f in http.get("/__sim/faults").json()] == [fault_id]
    assert _price(kis).json()["msg_cd"] == "EGW00201"
    assert http.get("/__sim/faults").json() == []
    r = http.post("/__sim/faults", json={"kind": "latency", "delay": 0.01})
    assert http.delete(f"/__sim/faults/{r.json()['fault_id']}").json() == {"removed": True}
    http.post("/__sim/faults", json={"kind": "html_error"})
    assert http.delete("/__sim/faults").status_code == 200
    assert http.post("/__sim/faults", json={"kind": "nope"}).status_code == 400
    assert http.post("/__sim/faults", json={"kind": "error", "bogus": 1}).status_code == 400
    stats = http.get("/__sim/stats").json()
    assert stats["by_tr_id"]["FHKST01010100"] >= 1 and stats["tokens_issued"] == 1
    assert stats["faults_fired"]["error"] == 1
    assert http.post("/__sim/expire-tokens", json={}).json() == {"expired": True}
    assert _price(kis).json()["msg_cd"] == "EGW00123"
    steps = http.post("/__sim/step", json={"n": 3}).json()["steps"]
    assert steps == 3
    assert "now" in http.post("/__sim/clock", json={"advance": 10}).json()
    info = http.get("/__sim/info").json()
    assert info["base_url"] == kis.sim.base_url and set(info["accounts"]) >= {"demo", "large"}
    assert http.post("/__sim/stats/reset").json() == {"reset": True}
    assert http.get("/__sim/stats").json()["requests"] == 0
