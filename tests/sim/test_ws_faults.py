"""Websocket faults (faults.WS_KINDS), from Python and over /__sim/faults: a refused upgrade, a
drop without a close frame, a stall with the socket open, a garbage frame, and a slow link
against which the session's bounded queue drops quote records but never a notice."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import httpx
import pytest
from websockets.exceptions import ConnectionClosedError, InvalidStatus
from websockets.protocol import State
from websockets.sync.client import ClientConnection, connect

from kisdesk.kis.realtime import (
    ControlReply,
    DataFrame,
    FrameError,
    parse_frame,
    subscribe_message,
)
from kisdesk.sim.testing import SimThread
from tests.sim.conftest import Kis
from tests.sim.ws_client import Ws, approval_key

CODE = "005930"


@pytest.fixture
def fsim() -> Iterator[SimThread]:
    with SimThread(seed=1234, ws_ping_interval=0.2, ws_ping_grace=0.3) as sim:
        yield sim


def _fault(sim: SimThread, **body: object) -> dict:
    r = httpx.post(sim.base_url + "/__sim/faults", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def test_refused_upgrade(fsim: SimThread) -> None:
    _fault(fsim, kind="ws_refuse", count=1, status=502)
    with pytest.raises(InvalidStatus) as info:
        Ws(fsim)
    assert info.value.response.status_code == 502
    with Ws(fsim) as ws:  # count=1: the next upgrade goes through
        assert ws.subscribe("H0STCNT0", CODE).ok
    assert fsim.stats.ws_refused == 1 and fsim.stats.faults_fired["ws_refuse"] == 1


def test_rest_faults_leave_the_socket_alone(fsim: SimThread) -> None:
    key = approval_key(fsim)
    fsim.faults.add("http_5xx")  # every REST path
    fsim.faults.add("ws_refuse", path_prefix="/uapi")  # a websocket kind never hits REST
    with Ws(fsim, key=key) as ws:
        assert ws.subscribe("H0STCNT0", CODE).ok
    r = httpx.get(fsim.base_url + "/uapi/domestic-stock/v1/quotations/inquire-price")
    assert r.status_code == 503


def test_drop_without_a_close_frame(fsim: SimThread) -> None:
    with Ws(fsim) as ws:
        assert ws.subscribe("H0STCNT0", CODE).ok
        _fault(fsim, kind="ws_drop", count=1, tr_id="H0STCNT0")
        fsim.call("step_market", 1)
        with pytest.raises(ConnectionClosedError) as info:
            while True:
                ws.recv(5)
        assert info.value.rcvd is None and info.value.sent is None
    # The server forgot the session and its registrations.
    deadline = time.monotonic() + 5
    while fsim.stats.ws_sessions and time.monotonic() < deadline:
        time.sleep(0.02)
    assert fsim.stats.ws_registrations == 0
    with Ws(fsim) as again:  # the app key is free for a new session at once
        assert again.subscribe("H0STCNT0", CODE).ok


def test_stall_keeps_the_socket_open_and_silent(fsim: SimThread) -> None:
    with Ws(fsim, echo=True) as ws:
        assert ws.subscribe("H0STCNT0", CODE).ok
        fsim.faults.add("ws_stall", count=1)  # delay 0: for good
        fsim.call("step_market", 1)
        with pytest.raises(TimeoutError):
            ws.recv(1.0)  # no tick, and no PINGPONG (interval 0.2 s) either
        assert ws.conn.state is State.OPEN
        ws.send('{"header":{}}')  # the server still reads (and answers nothing)
        with pytest.raises(TimeoutError):
            ws.recv(0.3)
        sessions = httpx.get(fsim.base_url + "/__sim/ws").json()["sessions"]
        assert sessions[0]["stalled"] is True
    assert fsim.stats.ws_closed_no_pong == 0


def test_a_timed_stall_ends(fsim: SimThread) -> None:
    with Ws(fsim) as ws:
        assert ws.subscribe("H0STCNT0", CODE).ok
        fsim.faults.add("ws_stall", count=1, delay=0.6)
        fsim.call("step_market", 1)
        t0 = time.monotonic()
        frame = ws.recv(3)
        assert time.monotonic() - t0 >= 0.4
        assert frame is not None
        fsim.call("step_market", 1)
        assert ws.data("H0STCNT0").records


def test_garbage_frame_then_the_real_one(fsim: SimThread) -> None:
    with Ws(fsim) as ws:
        assert ws.subscribe("H0STCNT0", CODE).ok
        fsim.faults.add("ws_garbage", count=1, tr_id="H0STCNT0")
        fsim.call("step_market", 1)
        texts = [ws.conn.recv(timeout=3) for _ in range(2)]
    with pytest.raises(FrameError):
        parse_frame(texts[0])
    frame = parse_frame(texts[1])
    assert isinstance(frame, DataFrame) and frame.records[0].code == CODE


def test_slow_link_drops_oldest_quotes_never_notices() -> None:
    with SimThread(seed=3, ws_ping_interval=30, ws_queue_limit=5) as sim, Ws(sim) as ws:
        kis = Kis(sim)
        assert ws.subscribe("H0STCNT0", CODE).ok
        assert ws.subscribe("H0STCNI0", "simdemo").ok
        sim.faults.add("ws_slow", delay=0.02)
        sim.call(lambda s: s.world.step_market(60))
        body = kis.order("TTTC0012U", CODE, 1, 0, ord_dvsn="01")  # market: ack + fill
        assert body["rt_cd"] == "0", body
        sim.call(lambda s: s.world.step_market(60))
        frames = [f for f in ws.drain(0.5) if isinstance(f, DataFrame)]
        kis.close()
        last = sim.call(lambda s: s.market.domestic(CODE))
    ticks = [r for f in frames if f.tr_id == "H0STCNT0" for r in f.records]
    notices = [r for f in frames if f.tr_id == "H0STCNI0" for r in f.records]
    assert [n.is_fill for n in notices] == [False, True]
    assert sim.stats.ws_records_dropped >= 100
    assert len(ticks) <= 20
    # What is left is the newest: the last tick is the quote's last state.
    assert ticks[-1].volume == last.volume


def _lazy_reader(sim: SimThread) -> ClientConnection:
    """A client that reads one frame ahead at most (when the test does not read, neither does
    it), over a socket with a small receive buffer."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect((sim.server.host, sim.server.port))
    return connect(
        sim.ws_url + "/tryitout",
        sock=sock,
        max_queue=1,
        ping_interval=None,
        close_timeout=1,  # its own queue is full: it would not see the server's close
        legacy=True,
    )


def test_a_client_that_stops_reading_costs_a_bounded_queue() -> None:
    """A real slow reader: the client stops reading, the socket's buffers fill, the server's
    send waits, the session's queue stays bounded (oldest quotes dropped), the server answers
    REST as before, and the notice queued meanwhile arrives once the client reads again."""
    rates = {CODE: 200.0}
    with SimThread(seed=3, ws_ping_interval=30, ws_queue_limit=20, tick_rates=rates) as sim:
        key = approval_key(sim)
        conn = _lazy_reader(sim)
        kis = Kis(sim)
        try:
            conn.send(subscribe_message(key, "H0STCNT0", CODE))
            conn.send(subscribe_message(key, "H0STASP0", CODE))
            conn.send(subscribe_message(key, "H0STCNI0", "simdemo"))
            deadline = time.monotonic() + 20
            while sim.stats.ws_records_dropped < 100 and time.monotonic() < deadline:
                time.sleep(0.1)
            assert sim.stats.ws_records_dropped >= 100, sim.stats.as_dict()
            t0 = time.monotonic()
            assert kis.price(CODE)["stck_prpr"]
            assert time.monotonic() - t0 < 1.0
            body = kis.order("TTTC0012U", CODE, 1, 0, ord_dvsn="01")
            assert body["rt_cd"] == "0", body
            sessions = httpx.get(sim.base_url + "/__sim/ws").json()["sessions"]
            assert sessions[0]["queued"] <= 20
            sim.call(lambda s: s.tick_rates.set("KRX", CODE, 0))
            ciphers: dict = {}
            notices = []
            while len(notices) < 2:
                frame = parse_frame(conn.recv(timeout=10), ciphers)
                if isinstance(frame, ControlReply) and frame.cipher() is not None:
                    ciphers[frame.tr_id] = frame.cipher()
                if isinstance(frame, DataFrame) and frame.tr_id == "H0STCNI0":
                    notices += frame.records
            assert notices[0].order_no == body["output"]["ODNO"]
        finally:
            kis.close()
            conn.close()


@pytest.mark.slow
def test_a_client_that_reads_nothing_is_closed_by_pingpong() -> None:
    """The PINGPONG it never reads still counts: the session is closed (cut, when even the close
    frame cannot be written) and its registrations released."""
    rates = {CODE: 200.0}
    # The first PINGPONG is due after the sends block (about 2 s): it is never written.
    opts = {"ws_ping_interval": 3.0, "ws_ping_grace": 0.5, "tick_rates": rates}
    with SimThread(seed=3, **opts) as sim:
        key = approval_key(sim)
        conn = _lazy_reader(sim)
        try:
            conn.send(subscribe_message(key, "H0STCNT0", CODE))
            conn.send(subscribe_message(key, "H0STASP0", CODE))
            deadline = time.monotonic() + 20
            while not sim.stats.ws_closed_no_pong and time.monotonic() < deadline:
                time.sleep(0.1)
            assert sim.stats.ws_closed_no_pong == 1
            while sim.stats.ws_sessions and time.monotonic() < deadline:
                time.sleep(0.1)
            assert sim.stats.ws_sessions == 0 and sim.stats.ws_registrations == 0
        finally:
            conn.close()
