"""Realtime reconnect: socket dropped → all 41 registrations streaming again (median of 10).

    python bench/realtime_reconnect.py [--runs 10]

The stream runs on a qasync loop as in the app; the simulator runs in its own thread (as KIS is
another machine), its market moving, 005930 trading 20 times a second. The stream holds the
full budget: the execution notices, 20 tick and 20 book registrations. Each run injects
``ws_drop`` (the server cuts the TCP connection without a close frame instead of its next
frame) and measures until the server has confirmed all 41 registrations again on the new
socket, and until the first new tick of 005930 arrives. Runs are spaced by the stream's
``stable_after`` so each starts from a reset backoff, as a drop after a quiet spell does.
Target: <= 2 s (median).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness

from kisdesk.kis import Credentials, KisClient, MemoryTokenStore, demo_environment
from kisdesk.kis.realtime import (
    BUDGET,
    KRX_BOOK,
    KRX_NOTICE,
    KRX_TICK,
    Priority,
    StreamState,
    Trouble,
)
from kisdesk.sim.testing import SimThread

TARGET_S = 2.0
BUSY = "005930"


async def measure(sim: SimThread, runs: int) -> dict[str, Any]:
    env = demo_environment(sim.base_url, sim.ws_url)
    creds = Credentials(sim.appkey, sim.appsecret, sim.accounts["demo"])
    client = KisClient(env, creds, token_store=MemoryTokenStore())
    stream = client.realtime()
    codes = sorted(sim.call(lambda s: list(s.world.market.listings)))
    codes.remove(BUSY)
    codes = [BUSY, *codes[:19]]
    ticks: list[float] = []
    stream.want(KRX_NOTICE, sim.server.hts_ids["demo"], Priority.NOTICE)
    for code in codes:
        on_record = (lambda _r: ticks.append(time.monotonic())) if code == BUSY else None
        stream.want(KRX_TICK, code, Priority.WATCHLIST, on_record=on_record)
        stream.want(KRX_BOOK, code, Priority.HOLDING)
    assert stream.status.wanted == BUDGET

    def all_streaming(s: Any) -> bool:
        return s.state is StreamState.LIVE and s.used == BUDGET and s.polled == 0

    stream.start()
    await stream.until(all_streaming, 30)
    from_fault: list[float] = []
    from_detection: list[float] = []
    to_tick: list[float] = []
    for n in range(runs):
        await asyncio.sleep(3.2)  # > stable_after: the backoff starts over
        dropped_at: list[float] = []

        def on_status(s: Any, dropped_at: list[float] = dropped_at) -> None:
            if s.trouble is Trouble.DROPPED and not dropped_at:
                dropped_at.append(time.monotonic())

        stream.add_listener(on_status)
        connects = stream.stats.connects
        started = time.monotonic()
        sim.faults.add("ws_drop", count=1)
        await stream.until(lambda s, c=connects: stream.stats.connects > c, 30)
        await stream.until(all_streaming, 30)
        done = time.monotonic()
        stream.remove_listener(on_status)
        await harness.until(lambda started=started: any(t > started for t in ticks), 30)
        first_tick = next(t for t in ticks if t > started)
        from_fault.append(done - started)
        from_detection.append(done - dropped_at[0])
        to_tick.append(first_tick - started)
        print(
            f"run {n + 1:2d}: all {BUDGET} streaming {from_fault[-1] * 1000:6.0f} ms after the"
            f" drop ({from_detection[-1] * 1000:4.0f} ms after it was seen); first new tick of"
            f" {BUSY} after {to_tick[-1] * 1000:4.0f} ms",
            flush=True,
        )
    await client.aclose()
    return {
        "median_s": round(harness.median(from_fault), 3),
        "p90_s": round(harness.percentile(from_fault, 0.9), 3),
        "max_s": round(max(from_fault), 3),
        "median_from_detection_s": round(harness.median(from_detection), 3),
        "median_first_tick_s": round(harness.median(to_tick), 3),
        "attempts": stream.status.attempts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    info = harness.machine()
    print(f"{info.get('cpu', '?')}, {info['cores']} cores, Python {info['python']}")
    with SimThread(seed=1234, ticker_interval=0.2, tick_rates={BUSY: 20.0}) as sim:
        result = harness.run_qasync(lambda: measure(sim, args.runs))
    met = result["median_s"] <= TARGET_S
    print(
        f"socket dropped -> {BUDGET} registrations streaming: median {result['median_s']:.2f} s,"
        f" p90 {result['p90_s']:.2f} s, max {result['max_s']:.2f} s over {args.runs} runs"
        f" (target <= {TARGET_S:.0f} s): {'met' if met else 'NOT met'}"
    )
    harness.report(
        "realtime_reconnect", {**result, "runs": args.runs, "target_s": TARGET_S, "met": met}
    )


if __name__ == "__main__":
    main()
