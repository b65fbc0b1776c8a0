"""The stream's bookkeeping that needs no socket: backoff, claims, states, record iterators.
(Everything that talks to a server is in test_stream_sim.py, against the simulator.)"""

from __future__ import annotations

import asyncio

import pytest

from kisdesk.kis.realtime import (
    BUDGET,
    KRX_TICK,
    Backoff,
    Priority,
    RealtimeStream,
    State,
    StreamState,
)
from kisdesk.kis.realtime.stream import LONG_BACKOFF, OVER_BUDGET


class NoKeys:
    async def get(self) -> str:
        raise AssertionError("no connection in these tests")

    async def invalidate(self, rejected: str) -> None:
        raise AssertionError("no connection in these tests")


def stream(**kwargs) -> RealtimeStream:
    return RealtimeStream("ws://127.0.0.1:9/tryitout", NoKeys(), **kwargs)


@pytest.mark.parametrize("rand", [0.0, 0.5, 0.999])
def test_first_retry_within_a_second_then_growing_to_the_cap(rand):
    b = Backoff()
    delays = [b.delay(n, rand) for n in range(12)]
    assert 0 < delays[0] <= 1.0
    assert delays == sorted(delays)
    assert max(delays) <= b.cap and delays[-1] >= b.cap * (1 - b.jitter)


def test_jitter_spreads_clients_apart():
    b = Backoff()
    assert b.delay(3, 0.0) != b.delay(3, 0.9)
    assert b.delay(3, 0.9) >= b.delay(3, 0.0) * (1 - b.jitter)


def test_the_long_wait_is_long():
    assert LONG_BACKOFF.delay(0, 1.0) >= 30.0  # OPSP8996 is never retried within seconds


def test_before_start_everything_wanted_is_polled_and_counted():
    s = stream()
    subs = [s.want(KRX_TICK, f"{i:06d}") for i in range(BUDGET + 2)]
    assert s.status.state is StreamState.IDLE
    assert s.status.wanted == BUDGET + 2 and s.status.polled == BUDGET + 2
    assert s.status.used == 0 and s.status.capacity == BUDGET
    assert all(sub.state is State.POLLED for sub in subs)
    assert [sub.reason for sub in subs[-2:]] == [OVER_BUDGET, OVER_BUDGET]
    assert subs[0].reason != OVER_BUDGET


def test_priority_decides_who_is_over_budget_and_callbacks_hear_it():
    s = stream(capacity=2)
    heard: list[tuple[str, str]] = []

    def on_state(sub):
        heard.append((sub.tr_key, sub.reason))

    a = s.want(KRX_TICK, "000001", Priority.HOLDING, on_state=on_state)
    s.want(KRX_TICK, "000002", Priority.HOLDING, on_state=on_state)
    assert a.reason != OVER_BUDGET
    s.want(KRX_TICK, "000003", Priority.ORDER_PANEL, on_state=on_state)
    assert ("000002", OVER_BUDGET) in heard  # the newest holding made way
    a.set_priority(Priority.WATCHLIST)
    assert a.reason != OVER_BUDGET


def test_claims_of_one_registration_are_counted_once_and_released_one_by_one():
    s = stream()
    one = s.want(KRX_TICK, "005930", owner="panel")
    two = s.want(KRX_TICK, "005930", owner="watchlist")
    assert s.status.wanted == 1
    one.release()
    one.release()  # idempotent
    assert s.status.wanted == 1 and s.state_of(KRX_TICK, "005930") is State.POLLED
    assert s.release_owner("watchlist") == 1
    assert s.status.wanted == 0 and s.state_of(KRX_TICK, "005930") is None
    assert not two.active


def test_an_empty_key_is_refused_at_once():
    with pytest.raises(ValueError):
        stream().want(KRX_TICK, "")


def test_record_iterators_keep_the_newest_and_end_on_release():
    async def scenario():
        s = stream()
        sub = s.want(KRX_TICK, "005930")
        latest = sub.records(maxlen=2)
        every = sub.records()
        for n in range(5):
            sub._deliver(n)
        sub.release()
        return [n async for n in latest], latest.dropped, [n async for n in every]

    kept, dropped, every = asyncio.run(scenario())
    assert kept == [3, 4] and dropped == 3
    assert every == [0, 1, 2, 3, 4]


def test_a_failing_consumer_does_not_stop_the_others(caplog):
    s = stream()
    got: list[int] = []

    def bad(record):
        raise RuntimeError("consumer bug")

    s.want(KRX_TICK, "005930", on_record=bad)
    s.want(KRX_TICK, "005930", on_record=got.append)
    for sub in s.subscriptions():
        sub._deliver(7)
    assert got == [7]
    assert "consumer bug" in caplog.text
