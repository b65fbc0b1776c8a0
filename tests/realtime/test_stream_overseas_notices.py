"""RealtimeStream subscribed to H0GSCNI0 against the simulator's websocket (loopback TCP): typed
OverseasNotice records for an overseas order placed through the KisClient, equal to its REST
order history (O9)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kisdesk.kis import MemoryTokenStore
from kisdesk.kis.realtime import OVERSEAS_NOTICE, OverseasNotice, Priority, StreamState
from kisdesk.sim.testing import SimThread
from tests.realtime.test_stream_sim import until

pytestmark = pytest.mark.asyncio


async def test_overseas_notices_are_typed_and_match_the_order_history(rt_client):
    sim = SimThread(seed=1234).start()
    try:
        client = rt_client(sim, token_store=MemoryTokenStore())
        stream = client.realtime()
        notices: list[OverseasNotice] = []
        hts_id = sim.server.hts_ids["demo"]
        stream.want(OVERSEAS_NOTICE, hts_id, Priority.NOTICE, on_record=notices.append)
        stream.start()
        await stream.until(lambda s: s.state is StreamState.LIVE and s.used == 1, 5)
        last = sim.call(lambda s: s.world.market.overseas("NASD", "AAPL").price)
        limit = last + Decimal("1.01")  # marketable: accepted, then filled at the last
        ack = await client.overseas_order("buy", "NASD", "AAPL", 2, limit)
        await until(lambda: any(n.is_fill for n in notices))
        history = await client.overseas_order_history(exchange="NASD")
        await client.aclose()
    finally:
        sim.stop()
    assert all(isinstance(n, OverseasNotice) for n in notices)
    acks = [n for n in notices if n.is_ack]
    fills = [n for n in notices if n.is_fill]
    assert len(acks) == 1 and acks[0].order_no == ack.order_no and acks[0].branch == ack.branch
    assert (acks[0].code, acks[0].is_buy, acks[0].qty, acks[0].price) == ("AAPL", True, 2, limit)
    row = next(r for r in history if r.order_no == ack.order_no)
    assert acks[0].price == row.price and acks[0].name == row.name
    assert sum(f.qty for f in fills) == row.filled_qty == 2
    assert all(f.price == row.fill_price == last and f.order_qty == 2 for f in fills)
    assert all(isinstance(f.price, Decimal) and not f.rejected for f in fills)
