"""RealtimeStream over a real socket against the simulator's websocket (loopback TCP): what it
receives equals REST, the budget, OPSP8996, PINGPONG, dead and dropped sockets, restarts."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest

from kisdesk.kis import ClientEvent, EventKind, MemoryTokenStore
from kisdesk.kis.realtime import (
    BUDGET,
    KRX_BOOK,
    KRX_NOTICE,
    KRX_TICK,
    DomesticBook,
    DomesticNotice,
    DomesticTick,
    Priority,
    RealtimeStream,
    State,
    StreamState,
    StreamStatus,
    Trouble,
)
from kisdesk.kis.realtime.stream import OVER_BUDGET, SUSPECT_REASON
from kisdesk.sim.testing import SimThread

pytestmark = pytest.mark.asyncio

CODE = "005930"


@pytest.fixture
def sims() -> Iterator[Callable[..., SimThread]]:
    """``sims(**SimServer kwargs)`` → a started SimThread (seed 1234), stopped after the test."""
    started: list[SimThread] = []

    def make(port: int = 0, **kwargs: Any) -> SimThread:
        sim = SimThread(seed=1234, **kwargs).start(port=port)
        started.append(sim)
        return sim

    yield make
    for sim in started:
        sim.stop()


@pytest.fixture
def open_stream(rt_client):
    """``open_stream(sim, events=None, **RealtimeStream options)`` → (client, stream); the test
    closes the client (which stops its stream)."""

    def make(sim: SimThread, events: list[ClientEvent] | None = None, **options: Any):
        client = rt_client(
            sim,
            token_store=MemoryTokenStore(),
            on_event=events.append if events is not None else None,
        )
        return client, client.realtime(**options)

    return make


async def until(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.01)


async def streaming(stream: RealtimeStream, n: int, timeout: float = 5.0) -> StreamStatus:
    return await stream.until(lambda s: s.state is StreamState.LIVE and s.used == n, timeout)


def codes(sim: SimThread, n: int) -> list[str]:
    """``n`` listed KRX codes, 005930 first."""
    listed = sim.call(lambda s: sorted(s.world.market.listings))
    listed.remove(CODE)
    return [CODE, *listed[: n - 1]]


def other_tasks() -> set[asyncio.Task]:
    return {t for t in asyncio.all_tasks() if t is not asyncio.current_task()}


# -- what arrives ------------------------------------------------------------------------------


async def test_ticks_equal_rest_inquire_price(sims, open_stream):
    sim = sims()
    client, stream = open_stream(sim)
    ticks: list[DomesticTick] = []
    sub = stream.want(KRX_TICK, CODE, Priority.ORDER_PANEL, on_record=ticks.append)
    stream.start()
    await streaming(stream, 1)
    assert sub.state is State.STREAMED and sub.streamed
    for _ in range(4):
        seen = len(ticks)
        sim.call("step_market", 1)
        await until(lambda seen=seen: len(ticks) > seen)
        tick = ticks[-1]
        quote = await client.domestic_price(CODE)  # the market is frozen between steps
        assert isinstance(tick, DomesticTick) and tick.code == CODE
        assert tick.price == quote.price and isinstance(tick.price, Decimal)
        assert (tick.change, tick.sign, tick.change_rate) == (
            quote.change,
            quote.sign,
            quote.change_rate,
        )
        assert (tick.open, tick.high, tick.low) == (quote.open, quote.high, quote.low)
        assert (tick.volume, tick.vwap) == (quote.volume, quote.vwap)
        assert tick.prev_close == quote.base
    await client.aclose()
    assert not stream.running and stream.status.state is StreamState.STOPPED


async def test_book_records_and_the_async_iterator(sims, open_stream):
    sim = sims()
    client, stream = open_stream(sim)
    ticks: list[DomesticTick] = []
    stream.want(KRX_TICK, CODE, on_record=ticks.append)
    books = stream.want(KRX_BOOK, CODE).records()
    stream.start()
    await streaming(stream, 2)
    sim.call("step_market", 1)
    book = await asyncio.wait_for(anext(books), 5)
    await until(lambda: bool(ticks))
    assert isinstance(book, DomesticBook) and book.code == CODE
    assert len(book.asks) == len(book.bids) == 10 and book.asks[0] > book.bids[0]
    assert (book.asks[0], book.bids[0]) == (ticks[-1].ask, ticks[-1].bid)
    assert book.volume == ticks[-1].volume
    await client.aclose()
    # Stopping ends the iterator instead of leaving a reader waiting forever.
    assert [r async for r in books] == []


async def test_notices_decrypt_and_match_the_order_placed_over_rest(sims, open_stream):
    sim = sims()
    client, stream = open_stream(sim)
    notices: list[DomesticNotice] = []
    stream.want(KRX_NOTICE, sim.server.hts_ids["demo"], Priority.NOTICE, on_record=notices.append)
    stream.start()
    await streaming(stream, 1)
    ack = await client.buy(CODE, 3, 0, order_type="01")  # market: accepted, then filled
    await until(lambda: any(n.is_fill for n in notices))
    acks = [n for n in notices if n.is_ack]
    fills = [n for n in notices if n.is_fill]
    assert acks and acks[0].order_no == ack.order_no and acks[0].branch == ack.branch
    assert acks[0].code == CODE and acks[0].is_buy and acks[0].qty == 3
    executions = await client.daily_executions(code=CODE, order_no=ack.order_no)
    row = next(r for r in executions.rows if r.order_no == ack.order_no)
    assert sum(f.qty for f in fills) == row.filled_qty == 3
    assert sum(f.qty * f.price for f in fills) == row.filled_amount
    assert all(f.order_no == ack.order_no and not f.rejected for f in fills)
    assert stream.stats.skipped == 0
    await client.aclose()


# -- the budget --------------------------------------------------------------------------------


async def test_the_42nd_registration_is_polled_and_streams_when_room_is_made(sims, open_stream):
    sim = sims()
    client, stream = open_stream(sim)
    wanted = codes(sim, BUDGET + 1)
    subs = [stream.want(KRX_TICK, code) for code in wanted]
    stream.start()
    status = await streaming(stream, BUDGET)
    assert (status.wanted, status.polled, status.capacity) == (BUDGET + 1, 1, BUDGET)
    assert subs[-1].state is State.POLLED and subs[-1].reason == OVER_BUDGET
    assert sim.stats.ws_registrations == BUDGET
    assert sim.stats.ws_by_msg_cd["OPSP0008"] == 0  # never asked: the registry knew
    # The order panel's symbol outranks a holding: the newest holding makes way for it.
    panel = stream.want(KRX_TICK, wanted[-1], Priority.ORDER_PANEL)
    await until(lambda: panel.streamed and subs[-2].state is State.POLLED)
    subs[0].release()
    await until(lambda: subs[-2].streamed and stream.status.polled == 0)
    await until(lambda: sim.stats.ws_registrations == BUDGET)
    await client.aclose()


async def test_a_server_budget_smaller_than_ours_is_learnt_from_opsp0008(sims, open_stream):
    sim = sims()
    client, stream = open_stream(sim, capacity=BUDGET + 3)  # the client believes in 44
    subs = [stream.want(KRX_TICK, code) for code in codes(sim, BUDGET + 3)]
    stream.start()
    status = await stream.until(lambda s: s.used == BUDGET and s.capacity == BUDGET, 5)
    assert status.polled == 3 and sim.stats.ws_by_msg_cd["OPSP0008"] >= 1
    assert [s.state for s in subs[-3:]] == [State.POLLED] * 3
    await client.aclose()


async def test_a_refused_registration_is_reported_and_the_rest_streams(sims, open_stream):
    sim = sims()
    client, stream = open_stream(sim)
    good = stream.want(KRX_TICK, CODE)
    bad = stream.want(KRX_TICK, "999999")  # not listed: OPSP8992
    stream.start()
    await until(lambda: bad.state is State.REFUSED and good.streamed)
    assert "OPSP8992" in bad.reason
    assert (stream.status.refused, stream.status.used) == (1, 1)
    await client.aclose()


# -- one session per app key ---------------------------------------------------------------------


async def test_opsp8996_is_said_in_words_and_not_hammered(sims, open_stream):
    sim = sims()
    first_client, first = open_stream(sim)
    ticks: list[DomesticTick] = []
    first.want(KRX_TICK, CODE, on_record=ticks.append)
    first.start()
    await streaming(first, 1)

    events: list[ClientEvent] = []
    second_client, second = open_stream(sim, events=events)  # same app key, another "program"
    second.want(KRX_TICK, "000660")
    second.start()
    status = await second.until(lambda s: s.state is StreamState.FAILED, 5)
    assert status.trouble is Trouble.KEY_IN_USE
    assert "another program is using this app key's realtime connection" in status.message
    assert "OPSP8996" in status.detail and status.retry_at is not None
    assert [e.kind for e in events if e.kind is EventKind.REALTIME_TROUBLE]
    await asyncio.sleep(3)  # a tight loop would have retried many times by now
    assert second.status.attempts == 1 and sim.stats.ws_by_msg_cd["OPSP8996"] == 1
    assert second.status.state is StreamState.FAILED
    # The first session goes on streaming.
    seen = len(ticks)
    sim.call("step_market", 1)
    await until(lambda: len(ticks) > seen)
    assert first.status.state is StreamState.LIVE and first.status.attempts == 1
    # The other program is gone; the user says "retry now": the second stream takes over.
    await first_client.aclose()
    second.retry_now()
    await streaming(second, 1)
    assert second.status.attempts == 2
    await second_client.aclose()


# -- keep-alive, dead and dropped sockets, restarts ---------------------------------------------


async def test_pingpong_is_echoed_so_the_server_keeps_the_session(sims, open_stream):
    sim = sims(ws_ping_interval=0.25, ws_ping_grace=0.25)
    client, stream = open_stream(sim, ping_interval=0.25, idle_margin=1.0)
    stream.want(KRX_TICK, CODE)
    stream.start()
    await streaming(stream, 1)
    await asyncio.sleep(2.0)
    assert sim.stats.ws_pings_sent >= 5 and stream.stats.pings >= 5
    assert sim.stats.ws_closed_no_pong == 0
    assert stream.status.attempts == 1 and stream.status.state is StreamState.LIVE
    await client.aclose()


async def test_a_silent_socket_is_dead_and_every_registration_comes_back(sims, open_stream):
    sim = sims(ws_ping_interval=0.3)
    client, stream = open_stream(sim, ping_interval=0.3, idle_margin=0.5)
    subs = [stream.want(KRX_TICK, code) for code in codes(sim, 12)]
    subs.append(stream.want(KRX_NOTICE, sim.server.hts_ids["demo"], Priority.NOTICE))
    seen: list[StreamStatus] = []
    stream.add_listener(seen.append)
    stream.start()
    await streaming(stream, 13)
    sim.faults.add("ws_stall", count=1)  # nothing more is sent, the socket stays open
    started = time.monotonic()
    await stream.until(lambda s: s.trouble is Trouble.DEAD, 5)
    assert time.monotonic() - started < 0.8 + 1.0  # ping interval + margin, and a little
    assert all(not s.streamed for s in subs)  # down: every claim is polled meanwhile
    await streaming(stream, 13)
    assert all(s.streamed for s in subs) and stream.status.attempts == 2
    await until(lambda: sim.stats.ws_sessions == 1)  # the stalled session was cut
    assert registrations_held(sim) == [13]
    await client.aclose()


async def test_a_drop_without_close_frame_is_retried_within_a_second(sims, open_stream):
    sim = sims()
    client, stream = open_stream(sim)
    for code in codes(sim, 5):
        stream.want(KRX_TICK, code)
    log: list[tuple[float, StreamStatus]] = []
    stream.add_listener(lambda s: log.append((time.monotonic(), s)))
    stream.start()
    await streaming(stream, 5)
    sim.faults.add("ws_drop", tr_id="PINGPONG", count=1)
    sim.faults.add("ws_drop", count=1)
    sim.call("step_market", 1)  # the next frame out is cut instead
    await stream.until(lambda s: s.trouble is Trouble.DROPPED, 5)
    await streaming(stream, 5)
    dropped = next(t for t, s in log if s.trouble is Trouble.DROPPED)
    retried = next(t for t, s in log if t >= dropped and s.attempts == 2)
    assert retried - dropped <= 1.0
    assert sim.stats.ws_connections == 2
    await client.aclose()


async def test_reconnect_after_the_simulator_restarts_on_the_same_port(sims, open_stream):
    sim = sims()
    port = sim.server.port
    client, stream = open_stream(sim)
    for code in codes(sim, 8):
        stream.want(KRX_TICK, code)
    stream.start()
    await streaming(stream, 8)
    sim.stop()
    await stream.until(lambda s: s.state is StreamState.RECONNECTING, 5)
    await asyncio.sleep(1.0)  # a few attempts find nobody
    assert stream.status.trouble is Trouble.UNREACHABLE
    restarted = sims(port=port)
    # The old approval key means nothing to the new server (OPSP0011): the stream gets a new
    # one and registers everything again.
    await streaming(stream, 8, timeout=15)
    assert restarted.stats.ws_registrations == 8
    assert client.approvals.issued == 2
    await client.aclose()


async def test_an_expired_approval_key_is_replaced_on_reconnect(sims, open_stream):
    sim = sims()
    client, stream = open_stream(sim)
    stream.want(KRX_TICK, CODE)
    stream.start()
    await streaming(stream, 1)
    sim.call(lambda s: s.oauth.approvals.expire_all())
    sim.faults.add("ws_drop", count=1)
    sim.call("step_market", 1)
    await stream.until(lambda s: s.trouble is Trouble.APPROVAL_REFUSED, 5)
    await streaming(stream, 1)
    assert client.approvals.issued == 2 and sim.stats.ws_by_msg_cd["OPSP0011"] == 1
    assert stream.status.state is StreamState.LIVE
    await client.aclose()


async def test_a_wrong_hts_id_does_not_take_every_stream_down_with_it(sims, open_stream):
    sim = sims()
    client, stream = open_stream(sim)
    tick = stream.want(KRX_TICK, CODE)
    notice = stream.want(KRX_NOTICE, "nobody12", Priority.NOTICE)  # KIS cuts the socket
    stream.start()
    await until(lambda: notice.state is State.REFUSED and tick.streamed, 10)
    assert notice.reason == SUSPECT_REASON
    connections = sim.stats.ws_connections
    await asyncio.sleep(1.0)
    assert sim.stats.ws_connections == connections  # settled: no more cuts
    await client.aclose()


# -- frames it cannot read, clean stop ----------------------------------------------------------


async def test_a_garbage_frame_is_logged_and_skipped(sims, open_stream, caplog):
    caplog.set_level(logging.WARNING, logger="kisdesk.kis")
    sim = sims()
    client, stream = open_stream(sim)
    ticks: list[DomesticTick] = []
    stream.want(KRX_TICK, CODE, on_record=ticks.append)
    stream.start()
    await streaming(stream, 1)
    sim.faults.add("ws_garbage", count=1)
    sim.call("step_market", 1)
    await until(lambda: bool(ticks))
    assert stream.stats.skipped == 1 and stream.status.attempts == 1
    assert "realtime frame skipped" in caplog.text
    key = client.approvals.current.value
    assert key not in caplog.text and sim.appkey not in caplog.text
    await client.aclose()


async def test_stop_closes_the_socket_and_leaves_no_task(sims, open_stream):
    sim = sims()
    before = other_tasks()
    client, stream = open_stream(sim)
    stream.want(KRX_TICK, CODE)
    stream.start()
    await streaming(stream, 1)
    assert other_tasks() - before  # the runner and the sender
    await stream.stop()
    assert other_tasks() - before == set()
    assert stream.status.state is StreamState.STOPPED and stream.status.used == 0
    await until(lambda: sim.stats.ws_sessions == 0)  # the server saw the close
    stream.start()  # and it can start again, with its claims
    await streaming(stream, 1)
    await client.aclose()
    assert other_tasks() - before == set()


def registrations_held(sim: SimThread) -> list[int]:
    """Registrations of each open session, as the simulator counts them."""
    return [len(s["registrations"]) for s in sim.call(lambda srv: srv.ws.summary())]
