"""Token lifecycle against the simulator: keyring cache, sharing, re-issue, 1/minute, logout."""

from __future__ import annotations

import asyncio

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from kisdesk.kis import EventKind, MemoryTokenStore, TokenError
from kisdesk.kis.tokens import KEYRING_SERVICE

pytestmark = pytest.mark.asyncio


def kinds(events) -> list[EventKind]:
    return [e.kind for e in events]


async def test_two_clients_in_sequence_issue_exactly_one_token(sim, kis_client, memory_keyring):
    first_events: list = []
    first = kis_client(sim, events=first_events)
    await first.domestic_price("005930")
    await first.aclose()
    stored = [user for service, user in memory_keyring.entries() if service == KEYRING_SERVICE]
    assert len(stored) == 1 and stored[0].startswith("token/demo/")
    assert sim.appkey not in stored[0]  # the username carries a hash, not the key

    second_events: list = []
    second = kis_client(sim, events=second_events)  # a restart: new client, same keyring
    await second.domestic_price("000660")
    await second.domestic_balance()
    await second.aclose()

    assert sim.stats.tokens_issued == 1 and sim.stats.token_requests == 1
    assert kinds(first_events) == [EventKind.TOKEN_ISSUED]
    assert kinds(second_events) == [EventKind.TOKEN_REUSED]


async def test_concurrent_callers_share_one_issuance(sim, kis_client):
    client = kis_client(sim)
    quotes = await asyncio.gather(*(client.domestic_price("005930") for _ in range(15)))
    await client.aclose()
    assert len(quotes) == 15
    assert sim.stats.token_requests == 1 and sim.stats.tokens_issued == 1


async def test_expired_mid_session_reissued_once(sim, kis_client, fake_clock):
    events: list = []
    client = kis_client(sim, events=events, clock=fake_clock, sleep=fake_clock.sleep)
    await client.domestic_price("005930")
    # KIS expires the token; a minute passes on both clocks (the 1/minute rule is honoured).
    sim.call("expire_tokens", keep_issue_limit=True)
    sim.call("advance_clock", 61)
    fake_clock.offset += 61
    quote = await client.domestic_price("005930")
    balance = await client.domestic_balance()
    await client.aclose()
    assert quote.price > 0 and balance.holdings
    assert sim.stats.tokens_issued == 2 and sim.stats.token_requests == 2
    assert sim.stats.by_msg_cd["EGW00123"] == 1  # one refused call, then it just works
    assert kinds(events) == [EventKind.TOKEN_ISSUED, EventKind.TOKEN_ISSUED]
    assert fake_clock.sleeps == []  # no wait was needed


async def test_expired_within_the_minute_waits_and_says_so(sim, kis_client, fake_clock):
    events: list = []
    client = kis_client(sim, events=events, clock=fake_clock, sleep=fake_clock.sleep)
    await client.domestic_price("005930")
    sim.call("expire_tokens")  # the simulator forgets its 1/minute window; we do not
    await client.domestic_price("005930")
    await client.aclose()
    waits = [e for e in events if e.kind is EventKind.TOKEN_WAIT]
    assert len(waits) == 1 and 55 < waits[0].wait_seconds <= 60
    assert len(fake_clock.sleeps) == 1 and fake_clock.sleeps[0] == waits[0].wait_seconds
    assert sim.stats.tokens_issued == 2 and sim.stats.token_refused == 0


async def test_egw00133_from_the_server_waits_a_minute_and_retries(sim, kis_client, fake_clock):
    first = kis_client(sim)
    await first.domestic_price("005930")  # the server now remembers an issuance this minute
    await first.aclose()

    async def sleep_both(seconds: float) -> None:
        sim.call("advance_clock", seconds)
        await fake_clock.sleep(seconds)

    events: list = []
    # A second process with no shared cache (memory store) asks within the minute.
    second = kis_client(
        sim, events=events, token_store=MemoryTokenStore(), clock=fake_clock, sleep=sleep_both
    )
    quote = await second.domestic_price("005930")
    await second.aclose()
    assert quote.price > 0
    assert sim.stats.token_refused == 1  # one 403 EGW00133, then success
    assert kinds(events) == [EventKind.TOKEN_WAIT, EventKind.TOKEN_ISSUED]
    assert fake_clock.sleeps == [pytest.approx(60, abs=1)]
    # The 6-hour rule: KIS hands back the same token, so nothing new was minted.
    assert sim.stats.tokens_issued == 1


async def test_keyring_failure_falls_back_to_memory_and_reports_it(sim, kis_client):
    keyring.set_keyring(FailKeyring())  # the autouse fixture restores the memory keyring
    events: list = []
    client = kis_client(sim, events=events)
    await client.domestic_price("005930")
    await client.domestic_price("000660")
    await client.aclose()
    assert kinds(events).count(EventKind.KEYRING_UNAVAILABLE) == 1
    assert kinds(events).count(EventKind.TOKEN_ISSUED) == 1
    assert sim.stats.tokens_issued == 1


async def test_logout_revokes_and_forgets(sim, kis_client, memory_keyring, fake_clock):
    events: list = []
    client = kis_client(sim, events=events, clock=fake_clock, sleep=fake_clock.sleep)
    await client.domestic_price("005930")
    old = client.tokens.current.value
    await client.logout()
    assert not [u for s, u in memory_keyring.entries() if s == KEYRING_SERVICE]
    assert EventKind.TOKEN_REVOKED in kinds(events)
    assert sim.stats.by_path["/oauth2/revokeP"] == 1
    # The revoked token is refused by the server; the next call issues a new one.
    sim.call("advance_clock", 61)
    fake_clock.offset += 61
    await client.domestic_price("005930")
    await client.aclose()
    assert client.tokens.current.value != old
    assert sim.stats.tokens_issued == 2


async def test_bad_secret_is_a_token_error(sim, kis_client):
    from dataclasses import replace

    client = kis_client(sim)
    client.tokens._creds = replace(client.creds, appsecret="x" * 180)
    with pytest.raises(TokenError) as info:
        await client.domestic_price("005930")
    await client.aclose()
    assert info.value.msg_cd == "EGW00105" and info.value.status == 403
    assert "x" * 20 not in str(info.value)


async def test_approval_key(sim, kis_client):
    client = kis_client(sim)
    key = await client.approval_key()
    again = await client.approval_key()
    await client.aclose()
    assert key and key == again
    assert sim.stats.by_path["/oauth2/Approval"] == 1  # cached for the session
