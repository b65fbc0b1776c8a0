"""The stream on the app's loop: qasync over a QApplication, the simulator in its own thread."""

from __future__ import annotations

import asyncio

from kisdesk.kis import MemoryTokenStore
from kisdesk.kis.realtime import KRX_TICK, StreamState, Trouble
from kisdesk.sim.testing import SimThread


def test_streams_reconnects_and_stops_on_the_qasync_loop(qloop, run_async, rt_client):
    with SimThread(seed=1234) as sim:
        client = rt_client(sim, token_store=MemoryTokenStore())
        stream = client.realtime()
        ticks: list = []
        stream.want(KRX_TICK, "005930", on_record=ticks.append)
        stream.want(KRX_TICK, "000660")
        before = {t for t in asyncio.all_tasks(qloop) if not t.done()}

        async def scenario() -> None:
            stream.start()
            await stream.until(lambda s: s.used == 2, 5)
            sim.call("step_market", 1)
            while not ticks:
                await asyncio.sleep(0.01)
            sim.faults.add("ws_drop", count=1)
            sim.call("step_market", 1)
            await stream.until(lambda s: s.trouble is Trouble.DROPPED, 5)
            await stream.until(lambda s: s.state is StreamState.LIVE and s.used == 2, 5)
            await client.aclose()

        run_async(scenario())
        assert ticks[0].code == "005930"
        assert stream.status.attempts == 2 and stream.status.state is StreamState.STOPPED
        left = {t for t in asyncio.all_tasks(qloop) if not t.done()} - before
        assert left == set()
