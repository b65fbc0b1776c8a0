"""Token rules (auth.md): reuse within 6 h, one issuance per minute, expiry, revoke, key errors."""

from __future__ import annotations

import base64
import json
import re

from kisdesk.sim.auth import REUSE_WINDOW, TOKEN_LIFETIME
from tests.sim.conftest import PRICE, Kis

PARAMS = {"FID_COND_MRKT_DIV_CODE": "J", "FID_INPUT_ISCD": "005930"}


def _jwt_payload(token: str) -> dict:
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def test_token_shape(kis: Kis) -> None:
    r = kis.token_request()
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"access_token", "access_token_token_expired", "token_type", "expires_in"}
    assert body["token_type"] == "Bearer"
    assert isinstance(body["expires_in"], int) and 86_000 < body["expires_in"] <= TOKEN_LIFETIME
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", body["access_token_token_expired"])
    assert len(body["access_token"]) <= 350
    payload = _jwt_payload(body["access_token"])
    assert payload["jti"] == kis.sim.appkey and payload["iss"] == "unogw"
    assert len(kis.sim.appkey) == 36 and len(kis.sim.appsecret) == 180


def test_second_issue_within_a_minute_is_refused(kis: Kis, frozen) -> None:
    assert kis.token_request().status_code == 200
    kis.sim.call("advance_clock", 30)
    r = kis.token_request()
    assert r.status_code == 403
    assert r.json() == {
        "error_code": "EGW00133",
        "error_description": "접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)",
    }
    assert kis.sim.stats.token_refused == 1


def test_same_token_within_six_hours_then_new(kis: Kis, frozen) -> None:
    first = kis.token_request().json()
    kis.sim.call("advance_clock", 61)
    again = kis.token_request().json()
    assert again["access_token"] == first["access_token"]
    assert again["access_token_token_expired"] == first["access_token_token_expired"]
    kis.sim.call("advance_clock", REUSE_WINDOW)
    fresh = kis.token_request().json()
    assert fresh["access_token"] != first["access_token"]
    assert kis.sim.stats.tokens_issued == 2
    assert kis.sim.stats.token_requests == 3


def test_token_expires_after_a_day(kis: Kis, frozen) -> None:
    assert kis.get(PRICE, "FHKST01010100", PARAMS).json()["rt_cd"] == "0"
    kis.sim.call("advance_clock", TOKEN_LIFETIME + 1)
    r = kis.get(PRICE, "FHKST01010100", PARAMS)
    assert r.status_code == 500
    assert r.json()["msg_cd"] == "EGW00123"
    assert r.json()["rt_cd"] == "1"


def test_expire_tokens_then_reissue(kis: Kis) -> None:
    old = kis.token
    kis.sim.call("expire_tokens")
    r = kis.get(PRICE, "FHKST01010100", PARAMS)
    assert (r.status_code, r.json()["msg_cd"]) == (500, "EGW00123")
    # expire_tokens forgets the 1/minute window by default so a client can recover at once.
    new = kis.token_request().json()["access_token"]
    assert new != old
    kis._token = new
    assert kis.get(PRICE, "FHKST01010100", PARAMS).json()["rt_cd"] == "0"


def test_expire_tokens_can_keep_issue_limit(kis: Kis) -> None:
    kis.token  # noqa: B018 - issues the token
    kis.sim.call("expire_tokens", keep_issue_limit=True)
    assert kis.token_request().status_code == 403


def test_invalid_and_malformed_tokens(kis: Kis) -> None:
    h = kis.headers("FHKST01010100")
    cases = {
        "Bearer not-a-token": "EGW00121",
        kis.token: "EGW00205",  # no "Bearer " prefix
        "": "EGW00121",
    }
    for auth, code in cases.items():
        r = kis.http.get(PRICE, params=PARAMS, headers={**h, "authorization": auth})
        assert r.status_code == 500, auth
        assert r.json() == {"rt_cd": "1", "msg_cd": code, "msg1": r.json()["msg1"]}


def test_key_errors(kis: Kis) -> None:
    h = kis.headers("FHKST01010100")
    r = kis.http.get(PRICE, params=PARAMS, headers={**h, "appkey": "PS" + "x" * 34})
    assert r.json()["msg_cd"] == "EGW00103"
    r = kis.http.get(PRICE, params=PARAMS, headers={**h, "appsecret": "wrong"})
    assert r.json()["msg_cd"] == "EGW00105"
    no_key = {k: v for k, v in h.items() if k != "appkey"}
    assert kis.http.get(PRICE, params=PARAMS, headers=no_key).json()["msg_cd"] == "EGW00102"
    r = kis.token_request(appkey="PS" + "y" * 34)
    assert r.status_code == 403 and r.json()["error_code"] == "EGW00103"
    r = kis.token_request(appsecret="nope")
    assert r.status_code == 403 and r.json()["error_code"] == "EGW00105"
    r = kis.http.post("/oauth2/tokenP", content=b"{not json")
    assert r.status_code == 403 and set(r.json()) == {"error_code", "error_description"}


def test_token_of_another_key_is_invalid(kis: Kis) -> None:
    other_key, other_secret = "PS" + "k" * 34, "s" * 180
    kis.sim.call("add_credentials", other_key, other_secret)
    foreign = kis.token_request(appkey=other_key, appsecret=other_secret).json()["access_token"]
    r = kis.http.get(
        PRICE,
        params=PARAMS,
        headers={**kis.headers("FHKST01010100"), "authorization": f"Bearer {foreign}"},
    )
    assert r.json()["msg_cd"] == "EGW00121"


def test_revoke(kis: Kis, frozen) -> None:
    tok = kis.token
    body = {"appkey": kis.sim.appkey, "appsecret": kis.sim.appsecret, "token": tok}
    r = kis.http.post("/oauth2/revokeP", json=body)
    assert r.status_code == 200
    assert r.json() == {"code": 200, "message": "접근토큰 폐기에 성공하였습니다"}
    assert kis.get(PRICE, "FHKST01010100", PARAMS).json()["msg_cd"] == "EGW00121"
    kis.sim.call("advance_clock", 61)
    assert kis.token_request().json()["access_token"] != tok


def test_approval_and_hashkey(kis: Kis) -> None:
    r = kis.http.post(
        "/oauth2/Approval",
        json={
            "grant_type": "client_credentials",
            "appkey": kis.sim.appkey,
            "secretkey": kis.sim.appsecret,
        },
    )
    assert r.status_code == 200
    assert re.fullmatch(r"[0-9a-f-]{36}", r.json()["approval_key"])
    order = {"CANO": kis.cano, "ACNT_PRDT_CD": "01", "PDNO": "005930", "ORD_QTY": "1"}
    r = kis.http.post(
        "/uapi/hashkey",
        json=order,
        headers={"appkey": kis.sim.appkey, "appsecret": kis.sim.appsecret},
    )
    assert r.status_code == 200
    assert r.json()["JsonBody"] == order
    assert re.fullmatch(r"[0-9a-f]{64}", r.json()["HASH"])
    # A hashkey header on an API call is accepted and ignored.
    h = kis.headers("FHKST01010100", hashkey=r.json()["HASH"])
    assert kis.http.get(PRICE, params=PARAMS, headers=h).json()["rt_cd"] == "0"
