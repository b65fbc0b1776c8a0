"""The built-in limiter against the simulator's gateway limit: zero EGW00201, near-full speed.

Throughput is measured in steady state: the first ``rate`` calls go at once (the window starts
empty), so the rate is (calls − rate) / time from the first send to the last answer.
"""

from __future__ import annotations

import asyncio
import time

import pytest

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

CODES = ("005930", "000660", "035420", "005380", "035720")


async def burst(sim, kis_client, calls: int) -> tuple[float, object]:
    client = kis_client(sim)
    await client.ensure_token()
    sim.stats.reset()
    started = time.monotonic()
    quotes = await asyncio.gather(
        *(client.domestic_price(CODES[i % len(CODES)]) for i in range(calls))
    )
    elapsed = time.monotonic() - started
    await client.aclose()
    assert len(quotes) == calls and all(q.price > 0 for q in quotes)
    return elapsed, client


async def test_real_profile_200_concurrent_calls(sim, kis_client) -> None:
    elapsed, client = await burst(sim, kis_client, 200)
    rate = client.limiter.rate
    throughput = (200 - rate) / elapsed
    print(f"real: 200 calls in {elapsed:.2f} s, {throughput:.2f} calls/s of {rate}")
    assert sim.stats.rate_limited == 0 and "EGW00201" not in sim.stats.by_msg_cd
    assert sim.stats.requests == 200  # nothing had to be retried
    assert 0.85 * rate <= throughput <= rate


# 40 calls at 2/s: about 20 s of steady state (200, as on the real profile, would be 100 s of CI).
async def test_paper_profile_40_concurrent_calls(paper_sim, kis_client) -> None:
    elapsed, client = await burst(paper_sim, kis_client, 40)
    rate = client.limiter.rate
    throughput = (40 - rate) / elapsed
    print(f"paper: 40 calls in {elapsed:.2f} s, {throughput:.2f} calls/s of {rate}")
    assert rate == 2
    assert paper_sim.stats.rate_limited == 0 and paper_sim.stats.requests == 40
    assert 0.85 * rate <= throughput <= rate
