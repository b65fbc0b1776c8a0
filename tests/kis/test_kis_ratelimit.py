"""Rate limiter unit tests with an injected clock: window bound, completions, FIFO, orders first."""

from __future__ import annotations

import asyncio

import pytest

from kisdesk.kis.ratelimit import Priority, RateLimiter, SlidingWindow

pytestmark = pytest.mark.asyncio


class ManualClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        await asyncio.sleep(0)


class RecordingLimiter(RateLimiter):
    """Notes the clock at each grant (a woken task may resume after the fake clock moved on)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.grants: list[float] = []

    def _grant(self):
        self.grants.append(self._clock())
        return super()._grant()


def max_in_any_window(times: list[float], window: float) -> int:
    return max(sum(1 for u in times if t - window < u <= t) for t in times)


async def test_sliding_window_counts_in_flight_and_completions() -> None:
    w = SlidingWindow(3, 1.0)
    for _ in range(3):
        assert w.wait_time(0.0) == 0
        w.start()
    assert w.wait_time(0.0) is None  # all three in flight: only an answer frees a slot
    w.complete(0.2)
    assert w.wait_time(0.5) == pytest.approx(0.7)  # counts from its completion, 0.2 + 1.0
    w.complete(0.3)
    w.complete(0.4)
    assert w.wait_time(1.2) == 0  # 0.2 left the window
    w.start()
    assert w.wait_time(1.2) == pytest.approx(0.1)  # now 0.3 must leave first


async def test_never_more_than_rate_in_any_window() -> None:
    clock = ManualClock()
    limiter = RecordingLimiter(5, window=1.1, clock=clock, sleep=clock.sleep)

    async def call() -> None:
        async with limiter.slot():
            await asyncio.sleep(0)  # an instant answer

    await asyncio.gather(*(call() for _ in range(23)))
    granted = limiter.grants
    assert len(granted) == 23 == limiter.granted
    assert max_in_any_window(granted, 1.1) == 5
    # Work-conserving: 5 at once, then 5 per 1.1 s → the 23rd goes at 4 × 1.1 s.
    assert granted[-1] - granted[0] == pytest.approx(4.4)
    assert limiter.in_flight == 0


async def test_slow_answers_hold_their_slot_until_they_arrive() -> None:
    clock = ManualClock()
    limiter = RecordingLimiter(2, window=1.0, clock=clock, sleep=clock.sleep)
    first = await limiter.acquire()
    second = await limiter.acquire()
    third = asyncio.create_task(limiter.acquire())
    await asyncio.sleep(0)
    clock.now += 5  # long after the window, but both answers are still outstanding
    await asyncio.sleep(0)
    assert not third.done()
    first.release()  # answered at 105.0: the slot reopens at 106.0, not at once
    permit = await third
    assert limiter.grants[-1] == pytest.approx(106.0)
    permit.release()
    second.release()
    second.release()  # idempotent
    assert limiter.in_flight == 0


async def test_orders_jump_the_queue_of_waiting_queries() -> None:
    clock = ManualClock()
    limiter = RateLimiter(2, window=1.0, clock=clock, sleep=clock.sleep)
    order_log: list[str] = []

    async def call(name: str, priority: Priority) -> None:
        async with limiter.slot(priority):
            order_log.append(name)

    # Fill the window, then queue six queries, then an order.
    await call("q0", Priority.QUERY)
    await call("q1", Priority.QUERY)
    queries = [asyncio.create_task(call(f"q{i}", Priority.QUERY)) for i in range(2, 8)]
    await asyncio.sleep(0)
    order = asyncio.create_task(call("ORDER", Priority.ORDER))
    await asyncio.gather(order, *queries)
    assert order_log[:2] == ["q0", "q1"]
    assert order_log[2] == "ORDER"  # first slot that opens goes to the order
    assert order_log[3:] == [f"q{i}" for i in range(2, 8)]  # queries stay first-come first-served


async def test_cancelled_waiter_does_not_block_others() -> None:
    clock = ManualClock()
    limiter = RateLimiter(1, window=1.0, clock=clock, sleep=clock.sleep)
    async with limiter.slot():
        pass
    gone = asyncio.create_task(limiter.acquire())
    kept = asyncio.create_task(limiter.acquire())
    await asyncio.sleep(0)
    gone.cancel()
    (await kept).release()
    assert gone.cancelled()
    assert limiter.waiting() == 0 and limiter.in_flight == 0


async def test_calls_in_last_second_and_rate() -> None:
    clock = ManualClock()
    limiter = RateLimiter(20, clock=clock, sleep=clock.sleep)
    assert limiter.rate == 20
    for _ in range(7):
        async with limiter.slot():
            pass
    assert limiter.calls_in_last_second() == 7
    clock.now += 0.999
    assert limiter.calls_in_last_second() == 7
    clock.now += 0.002
    assert limiter.calls_in_last_second() == 0


async def test_no_wait_when_under_the_limit() -> None:
    clock = ManualClock()
    limiter = RateLimiter(3, clock=clock, sleep=clock.sleep)
    start = clock()
    for _ in range(3):
        async with limiter.slot():
            pass
    assert clock() == start  # nothing slept
    async with limiter.slot():
        pass
    assert clock() - start == pytest.approx(limiter.window)
