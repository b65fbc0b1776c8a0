"""Gateway behaviour: per-key rate limit, TR ID vs profile, bad requests, response headers."""

from __future__ import annotations

import httpx
import pytest

from kisdesk.sim.testing import SimThread
from tests.sim.conftest import BALANCE, ORDER_CASH, PRICE, Kis

PARAMS = {"FID_COND_MRKT_DIV_CODE": "J", "FID_INPUT_ISCD": "005930"}


def _burst(kis: Kis, n: int) -> list[httpx.Response]:
    headers = kis.headers("FHKST01010100")
    return [kis.http.get(PRICE, params=PARAMS, headers=headers) for _ in range(n)]


def test_real_rate_limit_20_per_second(kis: Kis, frozen: SimThread) -> None:
    kis.token  # noqa: B018 - token endpoints do not count
    results = _burst(kis, 30)
    ok = [r for r in results if r.status_code == 200]
    limited = [r for r in results if r.status_code == 500]
    assert len(ok) == 20 and len(limited) == 10
    assert all(r.json()["msg_cd"] == "EGW00201" and r.json()["rt_cd"] == "1" for r in limited)
    assert limited[0].json()["msg1"] == "초당 거래건수를 초과하였습니다."
    assert frozen.stats.rate_limited == 10
    frozen.call("advance_clock", 1.0)
    assert _burst(kis, 1)[0].status_code == 200


def test_paper_rate_limit_2_per_second(paper_sim: SimThread) -> None:
    paper_sim.call(lambda s: s.clock.freeze())
    kis = Kis(paper_sim)
    kis.token  # noqa: B018
    for _ in range(3):  # more token calls (403 EGW00133) never count against the limit
        assert kis.token_request().status_code == 403
    codes = [r.json()["msg_cd"] for r in _burst(kis, 5)]
    assert codes == ["MCA00000", "MCA00000", "EGW00201", "EGW00201", "EGW00201"]
    assert paper_sim.stats.rate_limited == 3
    paper_sim.call("advance_clock", 0.5)
    assert _burst(kis, 1)[0].json()["msg_cd"] == "EGW00201"  # window is one full second
    paper_sim.call("advance_clock", 0.51)
    assert _burst(kis, 1)[0].json()["msg_cd"] == "MCA00000"


def test_rate_limit_is_configurable_and_per_key() -> None:
    with SimThread("real", seed=5, rate_limit=3) as sim:
        sim.call(lambda s: s.clock.freeze())
        kis = Kis(sim)
        assert [r.status_code for r in _burst(kis, 4)] == [200, 200, 200, 500]
        other_key, other_secret = "PS" + "q" * 34, "z" * 180
        sim.call("add_credentials", other_key, other_secret)
        r = kis.token_request(appkey=other_key, appsecret=other_secret)
        h = {
            **kis.headers("FHKST01010100"),
            "appkey": other_key,
            "appsecret": other_secret,
            "authorization": "Bearer " + r.json()["access_token"],
        }
        assert kis.http.get(PRICE, params=PARAMS, headers=h).status_code == 200
        kis.close()


@pytest.mark.slow
def test_rate_limit_in_real_time(kis: Kis) -> None:
    """Without a frozen clock: a burst is cut at 20, and a second later calls pass again."""
    import time

    kis.token  # noqa: B018
    codes = [r.json()["msg_cd"] for r in _burst(kis, 25)]
    assert codes.count("EGW00201") >= 5
    time.sleep(1.05)
    assert _burst(kis, 1)[0].status_code == 200


def test_real_tr_on_paper_and_paper_tr_on_real(kis: Kis, paper_kis: Kis) -> None:
    r = paper_kis.get(BALANCE, "TTTC8434R", paper_kis.balance_params())
    assert (r.status_code, r.json()["msg_cd"]) == (500, "EGW00213")
    r = kis.get(BALANCE, "VTTC8434R", kis.balance_params())
    assert (r.status_code, r.json()["msg_cd"], r.json()["rt_cd"]) == (200, "OPSQ0002", "1")
    # A TR of another function on this path.
    assert kis.get(BALANCE, "TTTC8908R", kis.balance_params()).json()["msg_cd"] == "OPSQ0002"
    assert kis.get(BALANCE, "", kis.balance_params()).json()["msg_cd"] == "OPSQ0002"


REAL_ONLY = [
    ("/uapi/domestic-stock/v1/trading/inquire-psbl-sell", "TTTC8408R"),
    ("/uapi/domestic-stock/v1/trading/inquire-psbl-rvsecncl", "TTTC0084R"),
    ("/uapi/domestic-stock/v1/quotations/search-info", "CTPF1604R"),
    ("/uapi/domestic-stock/v1/quotations/search-stock-info", "CTPF1002R"),
    ("/uapi/domestic-stock/v1/ranking/credit-balance", "FHKST17010000"),
    ("/uapi/domestic-stock/v1/quotations/volume-rank", "FHPST01710000"),
    ("/uapi/domestic-stock/v1/ranking/fluctuation", "FHPST01700000"),
    ("/uapi/domestic-stock/v1/ranking/market-cap", "FHPST01740000"),
    ("/uapi/overseas-price/v1/quotations/price-detail", "HHDFS76200200"),
]  # inquire-nccs is not here: seed 004 offers it on paper (VTTS3018R)


@pytest.mark.parametrize(("path", "tr_id"), REAL_ONLY)
def test_real_only_apis_refused_on_paper(paper_kis: Kis, path: str, tr_id: str) -> None:
    r = paper_kis.get(path, tr_id, {})
    assert r.status_code == 200
    assert r.json() == {
        "rt_cd": "1",
        "msg_cd": "90000000",
        "msg1": "모의투자에서는 해당업무가 제공되지 않습니다.",
    }
    v_tr = "V" + tr_id[1:]
    assert paper_kis.get(path, v_tr, {}).json()["msg_cd"] == "90000000"


def test_old_tr_ids_still_work(kis: Kis) -> None:
    assert kis.order("TTTC0802U", "005930", 1, 0, "01")["msg_cd"] == "APBK0013"
    assert kis.order("TTTC0801U", "005930", 1, 0, "01")["msg_cd"] == "APBK0013"
    for tr in ("TTTC8001R", "CTSC9115R", "CTSC9215R"):
        body = kis.daily_ccld(tr).json()
        assert body["rt_cd"] == "0" and len(body["output1"]) == 2


def test_response_headers_are_lowercase(kis: Kis) -> None:
    r = kis.get(PRICE, "FHKST01010100", PARAMS)
    names = [name for name, _ in r.headers.raw]
    assert b"tr_id" in names and b"tr_cont" in names and b"content-type" in names
    assert r.headers["tr_id"] == "FHKST01010100"
    assert r.headers["content-type"] == "application/json; charset=utf-8"


def test_lower_case_query_names_accepted(kis: Kis) -> None:
    lower = {k.lower(): v for k, v in PARAMS.items()}
    assert kis.get(PRICE, "FHKST01010100", lower).json()["rt_cd"] == "0"


def test_bad_requests_get_kis_envelopes(kis: Kis) -> None:
    r = kis.get(PRICE, "FHKST01010100", {"FID_INPUT_ISCD": "005930"})
    assert r.json() == {
        "rt_cd": "1",
        "msg_cd": "OPSQ2001",
        "msg1": "ERROR : INPUT_FIELD_NAME FID_COND_MRKT_DIV_CODE",
    }
    r = kis.http.post(ORDER_CASH, content=b"{oops", headers=kis.headers("TTTC0012U"))
    assert r.json()["msg_cd"] == "OPSQ9995" and r.json()["rt_cd"] == "1"
    # POST keys must be upper case: a lower-case body misses its fields.
    body = {"cano": kis.cano, "acnt_prdt_cd": "01", "pdno": "005930"}
    r = kis.post(ORDER_CASH, "TTTC0012U", body)
    assert r.json()["msg_cd"] == "OPSQ2001" and "CANO" in r.json()["msg1"]
    bad_acct = {**kis.balance_params(), "CANO": "99999999"}
    assert kis.get(BALANCE, "TTTC8434R", bad_acct).json()["msg_cd"] == "OPSQ2000"
    r = kis.get("/uapi/domestic-stock/v1/quotations/no-such-api", "FHKST01010100", {})
    assert r.status_code == 404 and r.json()["rt_cd"] == "1"
    r = kis.http.get(ORDER_CASH, headers=kis.headers("TTTC0012U"))  # GET on a POST API
    assert r.json()["rt_cd"] == "1"
    r = kis.get(PRICE, "FHKST01010100", {**PARAMS, "FID_INPUT_ISCD": "999999"})
    assert r.json()["msg_cd"] == "OPSQ2001"


@pytest.mark.parametrize(
    ("field", "value"),
    [("ORD_QTY", 1), ("ORD_UNPR", 0), ("ORD_UNPR", 70000.5), ("ORD_QTY", None), ("PDNO", True)],
)
def test_post_values_must_be_strings(kis: Kis, field: str, value: object) -> None:
    # README: every value in a POST body is a string, quantities and prices included.
    body = {
        **kis.acct,
        "PDNO": "005930",
        "ORD_DVSN": "01",
        "ORD_QTY": "1",
        "ORD_UNPR": "0",
        "EXCG_ID_DVSN_CD": "KRX",
    }
    body[field] = value
    r = kis.post(ORDER_CASH, "TTTC0012U", body)
    assert r.status_code == 200
    assert r.json() == {
        "rt_cd": "1",
        "msg_cd": "OPSQ2001",
        "msg1": f"ERROR : INPUT_FIELD_NAME {field}",
    }
    assert kis.sim.stats.orders_received == 0  # refused before the order handler


def test_non_string_values_refused_on_every_post(kis: Kis) -> None:
    body = {
        **kis.acct,
        "OVRS_EXCG_CD": "NASD",
        "PDNO": "AAPL",
        "ORD_QTY": "1",
        "OVRS_ORD_UNPR": 150.25,
        "CTAC_TLNO": "",
        "MGCO_APTM_ODNO": "",
        "SLL_TYPE": "",
        "ORD_SVR_DVSN_CD": "0",
        "ORD_DVSN": "00",
    }
    r = kis.post("/uapi/overseas-stock/v1/trading/order", "TTTT1002U", body).json()
    assert r["msg1"] == "ERROR : INPUT_FIELD_NAME OVRS_ORD_UNPR"
    body = {**kis.acct, "KRX_FWDG_ORD_ORGNO": "06010", "ORGN_ODNO": ["1"]}
    r = kis.post("/uapi/domestic-stock/v1/trading/order-rvsecncl", "TTTC0013U", body).json()
    assert r["msg1"] == "ERROR : INPUT_FIELD_NAME ORGN_ODNO"
    # The same body with string values goes through.
    assert kis.order("TTTC0012U", "005930", 1, 0, "01")["rt_cd"] == "0"


CUSTTYPE_DOCUMENTED_Y = [
    # endpoints.md D5 (order-cash), D10 (search-info), R / seed 002 (rankings): the doc marks
    # custtype Y, yet KIS serves clients that leave it out (issue 13 §3).
    ("POST", ORDER_CASH, "TTTC0012U"),
    ("GET", "/uapi/domestic-stock/v1/quotations/search-info", "CTPF1604R"),
    ("GET", "/uapi/domestic-stock/v1/ranking/credit-balance", "FHKST17010000"),
    ("GET", "/uapi/domestic-stock/v1/quotations/volume-rank", "FHPST01710000"),
    ("GET", "/uapi/domestic-stock/v1/ranking/fluctuation", "FHPST01700000"),
    ("GET", "/uapi/domestic-stock/v1/ranking/market-cap", "FHPST01740000"),
]


@pytest.mark.parametrize(("method", "path", "tr_id"), CUSTTYPE_DOCUMENTED_Y)
def test_custtype_missing_means_individual_invalid_refused(
    kis: Kis, method: str, path: str, tr_id: str
) -> None:
    headers = kis.headers(tr_id)
    del headers["custtype"]
    content = b"{}" if method == "POST" else None
    for hdr in (headers, {**headers, "custtype": ""}, kis.headers(tr_id)):
        r = kis.http.request(method, path, headers=hdr, content=content)
        assert r.json()["msg_cd"] == "OPSQ2001"  # reached the handler, which wants its fields
    for bad in ("X", "PB"):
        r = kis.http.request(method, path, headers={**headers, "custtype": bad}, content=content)
        assert r.status_code == 500  # EGW codes come back as HTTP 500 (simulator default)
        assert (r.json()["rt_cd"], r.json()["msg_cd"]) == ("1", "EGW00208")
        assert r.headers["tr_id"] == tr_id
    received = 3 if path == ORDER_CASH else 0
    assert kis.sim.stats.orders_received == received  # the refused ones never reached it


def test_custtype_optional_elsewhere(kis: Kis) -> None:
    # Seeds 000/001/003 mark custtype N: price, balances, modify/cancel answer without it.
    headers = kis.headers("FHKST01010100")
    del headers["custtype"]
    assert kis.http.get(PRICE, params=PARAMS, headers=headers).json()["rt_cd"] == "0"
    headers["tr_id"] = "TTTC8434R"
    r = kis.http.get(BALANCE, params=kis.balance_params(), headers=headers)
    assert r.json()["rt_cd"] == "0"
    headers["tr_id"] = "TTTC0013U"
    r = kis.http.post(
        "/uapi/domestic-stock/v1/trading/order-rvsecncl", content=b"{}", headers=headers
    )
    assert r.json()["msg_cd"] == "OPSQ2001"  # reached the handler
