"""Secrets (app key, secret, token, account) never appear in a repr, str, event or log line."""

from __future__ import annotations

import logging

import pytest

from kisdesk.kis import (
    REAL,
    ApiError,
    Credentials,
    KisClient,
    MemoryTokenStore,
    ProtocolError,
    UnknownOrderOutcome,
)
from kisdesk.kis.tokens import AccessToken

APPKEY = "PSabcdefghijklmnopqrstuvwxyz01234567"
SECRET = "S" * 60 + "secretpart" + "s" * 110
ACCOUNT = "50061234-01"


def assert_clean(text: str, *secrets: str) -> None:
    for s in secrets:
        assert s not in text, f"secret leaked into {text!r}"


def test_credentials_repr_and_str_mask_everything() -> None:
    creds = Credentials(APPKEY, SECRET, ACCOUNT, hts_id="myhtsid1")
    for text in (repr(creds), str(creds), f"{creds}", f"{creds!r}", repr([creds])):
        assert_clean(text, APPKEY, SECRET, ACCOUNT, "50061234", "myhtsid1")
    assert (creds.cano, creds.acnt_prdt_cd) == ("50061234", "01")
    assert Credentials(APPKEY, SECRET, "5006123401").account == ACCOUNT


def test_bad_account_error_does_not_echo_it() -> None:
    with pytest.raises(ValueError) as info:
        Credentials(APPKEY, SECRET, "5006-1234")
    assert "5006" not in str(info.value)


@pytest.mark.asyncio
async def test_client_repr_is_masked() -> None:
    creds = Credentials(APPKEY, SECRET, ACCOUNT)
    client = KisClient(REAL, creds, token_store=MemoryTokenStore())
    try:
        assert_clean(repr(client) + str(client), APPKEY, SECRET, ACCOUNT, "50061234")
        assert "real" in repr(client)
    finally:
        await client.aclose()


def test_errors_mask_secrets_that_reach_their_text() -> None:
    Credentials(APPKEY, SECRET, ACCOUNT)  # registers the secrets with the masker
    token = AccessToken("eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJ0b2tlbiJ9.c2lnbmF0dXJlc2ln", 0, 0)
    errors = [
        ApiError(
            msg_cd="X", msg1=f"계좌 {ACCOUNT} 오류 for {APPKEY}   ", tr_id="TTTC0012U", status=200
        ),
        ProtocolError(f"body echoed appsecret={SECRET} and Bearer {token.value}"),
        UnknownOrderOutcome(f"lost answer for 50061234 {APPKEY}", tr_id="TTTC0012U"),
    ]
    for exc in errors:
        assert_clean(str(exc) + repr(exc), APPKEY, SECRET, ACCOUNT, "50061234", token.value)
    assert_clean(repr(token) + str(token), token.value)
    assert errors[0].msg1 == errors[0].msg1.strip()  # KIS pads msg1; we strip it


@pytest.mark.asyncio
async def test_a_whole_session_logs_no_secret(sim, kis_client, caplog, fake_clock) -> None:
    caplog.set_level(logging.DEBUG, logger="kisdesk.kis")
    events: list = []
    client = kis_client(sim, events=events, clock=fake_clock, sleep=fake_clock.sleep)
    await client.domestic_balance()
    sim.faults.add("malformed_json", "/uapi/domestic-stock/v1/quotations", count=1)
    await client.domestic_price("005930")
    sim.faults.add("drop_response", "/uapi/domestic-stock/v1/trading/order-cash", count=1)
    lower = sim.call(lambda server: server.market.domestic("005930").lower)
    with pytest.raises(UnknownOrderOutcome) as lost:
        await client.buy("005930", 1, lower)
    sim.call("expire_tokens")
    await client.domestic_price("005930")  # re-issue, with a wait event
    token = client.tokens.current.value
    await client.logout()
    await client.aclose()

    secrets = (sim.appkey, sim.appsecret, sim.accounts["demo"], sim.accounts["demo"][:8], token)
    kis_lines = [r.getMessage() for r in caplog.records if r.name.startswith("kisdesk.kis")]
    assert kis_lines  # the client did log
    for line in kis_lines:
        assert_clean(line, *secrets)
    assert events
    for e in events:
        assert_clean(e.message + repr(e), *secrets)
    assert_clean(str(lost.value) + repr(lost.value), *secrets)
    assert_clean(repr(client) + repr(client.creds) + repr(client.tokens.current), *secrets)


def test_full_width_account_digits_are_refused() -> None:
    # str.isdigit() takes "５００６１２３４－０１"'s digits; KIS reads ASCII only.
    with pytest.raises(ValueError):
        Credentials(APPKEY, SECRET, "５００６１２３４-０１")
