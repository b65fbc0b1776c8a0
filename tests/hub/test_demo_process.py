"""Demo's simulator in a child process (what ``kisdesk`` starts): the session talks to it over
loopback like to KIS, the hub streams from its websocket, and closing the session ends it."""

from __future__ import annotations

import os
import time

import httpx

from kisdesk.kis.realtime import KRX_NOTICE, Priority
from kisdesk.services.demo_sim import SimProcess
from kisdesk.services.live_quotes import Source, domestic
from kisdesk.services.quote_hub import open_quote_hub
from kisdesk.services.session import start_demo_session

CODE = "005930"


def test_demo_session_with_the_simulator_in_a_child_process(qtbot, run_async):
    session = run_async(start_demo_session(ticker_interval=None, sim_process=True))
    sim = session.sim
    try:
        assert isinstance(sim, SimProcess) and sim.pid != os.getpid()
        assert sim.proc.poll() is None
        assert session.client.creds.hts_id == sim.hts_ids["demo"]
        hub = open_quote_hub(session)
        session.hub = hub
        hub.start()
        key = domestic(CODE)
        hub.watch("test", key, Priority.ORDER_PANEL)
        qtbot.waitUntil(lambda: hub.served(key) is Source.STREAMED and hub.notices_streamed)
        assert hub.stream.state_of(KRX_NOTICE, sim.hts_ids["demo"]) is not None
        for _ in range(50):  # the frozen market moves only when told (POST /__sim/step)
            httpx.post(sim.base_url + "/__sim/step", json={"n": 1}, timeout=5)
            qtbot.wait(30)
            if hub.quote(key) is not None:
                break
        price = run_async(session.client.domestic_price(CODE)).price
        qtbot.waitUntil(lambda: hub.quote(key) is not None and hub.quote(key).price == price)
        assert hub.quote(key).source is Source.STREAMED
    finally:
        run_async(session.close())
    deadline = time.monotonic() + 5
    while sim.proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sim.proc.poll() is not None  # closing the session ended the child
