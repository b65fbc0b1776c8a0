"""Broken answers become typed errors; GETs are retried within bounds, counted at the server."""

from __future__ import annotations

import contextlib

import pytest

from kisdesk.kis import (
    ApiError,
    EventKind,
    GatewayError,
    KisError,
    NetworkError,
    ProtocolError,
    RateLimited,
    ServerError,
)

pytestmark = pytest.mark.asyncio

P_PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price"
P_BALANCE = "/uapi/domestic-stock/v1/trading/inquire-balance"

# fault kind → the error a GET ends with when the fault never stops
PERSISTENT = {
    "malformed_json": ProtocolError,
    "html_error": ServerError,  # a 502 HTML page from a proxy
    "http_5xx": ServerError,
    "connection_reset": NetworkError,
}


@pytest.mark.parametrize("kind", sorted(PERSISTENT))
async def test_one_bad_answer_is_retried_transparently(sim, kis_client, fake_clock, kind):
    events: list = []
    client = kis_client(sim, events=events, sleep=fake_clock.sleep)
    await client.ensure_token()
    sim.faults.add(kind, P_PRICE, count=1)
    quote = await client.domestic_price("005930")
    await client.aclose()
    assert quote.price > 0
    # A reset connection never reaches the request log; the retry does.
    assert sim.stats.by_path[P_PRICE] == (1 if kind == "connection_reset" else 2)
    assert sim.stats.faults_fired[kind] == 1
    retries = [e for e in events if e.kind is EventKind.RETRYING]
    assert len(retries) == 1 and retries[0].tr_id == "FHKST01010100"


@pytest.mark.parametrize("kind", sorted(PERSISTENT))
async def test_persistent_fault_is_a_typed_error_after_three_tries(
    sim, kis_client, fake_clock, kind
):
    client = kis_client(sim, sleep=fake_clock.sleep)
    await client.ensure_token()
    sim.faults.add(kind, P_PRICE)
    with pytest.raises(PERSISTENT[kind]) as info:
        await client.domestic_price("005930")
    assert isinstance(info.value, KisError)
    assert sim.stats.faults_fired[kind] == 3  # at most 3 tries for a GET
    assert len(fake_clock.sleeps) == 2  # two jittered backoffs between them
    assert all(0.1 <= s <= 1.5 for s in fake_clock.sleeps)
    sim.faults.clear()
    assert (await client.domestic_price("005930")).price > 0  # the client is still fine
    await client.aclose()


@pytest.mark.parametrize("code", ["EGW00201", "EGW00215"])
async def test_rate_limit_answers_are_retried_with_bounded_backoff(
    sim, kis_client, fake_clock, code
):
    client = kis_client(sim, sleep=fake_clock.sleep)
    await client.ensure_token()
    sim.faults.add("error", P_PRICE, count=2, msg_cd=code, status=500)
    assert (await client.domestic_price("005930")).price > 0
    assert sim.stats.by_path[P_PRICE] == 3
    sim.faults.add("error", P_PRICE, msg_cd=code, status=500)
    with pytest.raises(RateLimited) as info:
        await client.domestic_price("005930")
    await client.aclose()
    assert info.value.msg_cd == code and info.value.status == 500
    assert sim.stats.by_path[P_PRICE] == 3 + 5  # one try and four retries
    assert max(fake_clock.sleeps) <= 2.0


async def test_business_error_is_not_retried(sim, kis_client):
    client = kis_client(sim)
    await client.ensure_token()
    sim.faults.add("error", P_PRICE, count=1, msg_cd="OPSQ2001", status=200)
    with pytest.raises(ApiError) as info:
        await client.domestic_price("005930")
    await client.aclose()
    assert info.value.msg_cd == "OPSQ2001" and info.value.tr_id == "FHKST01010100"
    assert info.value.msg1 == info.value.msg1.strip()
    assert sim.stats.by_path[P_PRICE] == 1


async def test_fault_in_the_middle_of_paging_resumes_at_the_same_page(sim, kis_client, fake_clock):
    client = kis_client(sim, "large", sleep=fake_clock.sleep)
    await client.ensure_token()
    async with contextlib.aclosing(client.domestic_balance_pages()) as pages:
        first_page = await anext(pages)
    sim.faults.add("malformed_json", P_BALANCE, count=1)
    balance = await client.domestic_balance()
    await client.aclose()
    assert len(first_page[0]) == 50
    assert len(balance.holdings) == 300 and len({h.code for h in balance.holdings}) == 300
    assert sim.stats.by_path[P_BALANCE] == 1 + 6 + 1  # the garbled page was asked again


async def test_temporary_gateway_error_is_retried_and_keeps_kis_words(sim, kis_client, fake_clock):
    client = kis_client(sim, sleep=fake_clock.sleep)
    await client.ensure_token()
    sim.faults.add("error", P_PRICE, count=1, msg_cd="EGW00001", status=500)
    assert (await client.domestic_price("005930")).price > 0
    sim.faults.add("error", P_PRICE, msg_cd="EGW00001", status=500)
    with pytest.raises(GatewayError) as info:
        await client.domestic_price("005930")
    await client.aclose()
    assert info.value.msg_cd == "EGW00001" and info.value.msg1  # the UI can show msg1
    assert sim.stats.by_path[P_PRICE] == 2 + 3
