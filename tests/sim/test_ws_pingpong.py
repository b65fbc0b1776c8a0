"""PINGPONG (websocket.md §4): the server's keep-alive every ``ws_ping_interval`` seconds; a
session answering with the same JSON (re-serialised) or a websocket pong lives on, a session
answering neither is closed after the grace period."""

from __future__ import annotations

import json
import re
import time

import pytest
from websockets.exceptions import ConnectionClosed

from kisdesk.kis.realtime import PingPong
from kisdesk.sim.testing import SimThread
from tests.sim.ws_client import Ws

INTERVAL = 0.25


@pytest.fixture
def psim():
    with SimThread(seed=1, ws_ping_interval=INTERVAL, ws_ping_grace=0.5) as sim:
        yield sim


def _pings(ws: Ws, seconds: float) -> list[PingPong]:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            ws.recv(max(0.01, end - time.monotonic()))
        except TimeoutError:
            break
    return ws.pings


def test_pingpong_frame_and_interval(psim: SimThread) -> None:
    with Ws(psim) as ws:
        pings = _pings(ws, 1.4)
    assert 3 <= len(pings) <= 7
    first = json.loads(pings[0].text)
    assert set(first) == {"header"} and set(first["header"]) == {"tr_id", "datetime"}
    assert first["header"]["tr_id"] == "PINGPONG"
    assert re.fullmatch(r"20\d{12}", pings[0].datetime)
    assert psim.stats.ws_pings_sent >= 3


@pytest.mark.parametrize("answer", ["echo", "pong"])
def test_an_answer_keeps_the_session(psim: SimThread, answer: str) -> None:
    with Ws(psim, echo=False) as ws:
        end = time.monotonic() + 1.6
        while time.monotonic() < end:
            frame = ws.recv(1.0)
            if not isinstance(frame, PingPong):
                continue
            if answer == "pong":
                ws.conn.pong(frame.text)  # what the official samples do
            else:  # python-kis: the text back; here with another key order and spacing
                header = json.loads(frame.text)["header"]
                ws.send(json.dumps({"header": dict(reversed(header.items()))}, indent=1))
        assert ws.subscribe("H0STCNT0", "005930").ok  # still open
    assert psim.stats.ws_closed_no_pong == 0


def test_a_session_that_does_not_answer_is_closed(psim: SimThread) -> None:
    with Ws(psim, echo=False) as ws:
        assert ws.subscribe("H0STCNT0", "005930").ok
        t0 = time.monotonic()
        with pytest.raises(ConnectionClosed) as info:
            while True:
                ws.recv(5)
        waited = time.monotonic() - t0
    assert info.value.rcvd is not None  # a close frame
    assert 0.5 <= waited < 3.0  # the grace, counted from the first unanswered PINGPONG
    assert len(ws.pings) >= 1
    assert psim.stats.ws_closed_no_pong == 1


def test_a_wrong_echo_is_no_answer(psim: SimThread) -> None:
    with Ws(psim, echo=False) as ws, pytest.raises(ConnectionClosed):
        while True:
            frame = ws.recv(5)
            if isinstance(frame, PingPong):
                ws.send('{"header":{"tr_id":"PINGPONG","datetime":"19990101000000"}}')
    assert psim.stats.ws_closed_no_pong == 1


def test_client_pings_are_answered() -> None:
    with SimThread(seed=1, ws_ping_interval=60) as sim, Ws(sim) as ws:
        latency = ws.conn.ping().wait(2)
        assert latency
