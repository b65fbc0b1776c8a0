"""Soak at the real profile's limit: the whole app kept busy against a simulator for minutes.

    python bench/soak.py [--minutes 10] [--account large]

The app (AppController: window, holdings auto refresh every second, the overseas and rankings
tabs refreshed every few seconds) runs against a real-profile simulator (20 calls/s per app key)
in its own thread, while quote readers keep the rate limiter saturated and the app's order
service sends a one-share buy every few seconds. At the end: calls per second, EGW00201 answers,
tokens issued, warnings and errors logged, orders booked against orders the app holds, event-loop
lag and memory growth. ``drive()`` is the load itself; tests/faults/test_soak.py runs it for 30 s.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # sets the offscreen platform before Qt loads

QUOTE_CODES = ("005930", "000660", "035420", "005380", "035720", "051910", "006400", "068270")
ORDER_CODE = "005930"
RECONCILE_DELAYS = (0.2, 0.5, 1.0, 2.0)


class LogCounter(logging.Handler):
    """Keeps every record at WARNING or above (the app's and, apart, the simulator's)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.app: list[str] = []
        self.sim: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        line = f"{record.levelname} {record.name}: {record.getMessage()}"
        (self.sim if record.name.startswith("kisdesk.sim") else self.app).append(line)


async def _quotes(client: Any, rng: random.Random, counter: list[int]) -> None:
    while True:
        await client.domestic_price(rng.choice(QUOTE_CODES))
        counter[0] += 1


async def _orders(service: Any, client: Any, every: float, sent: list[Any]) -> None:
    from kisdesk.domain.order_rules import OrderDraft, OrderFacts
    from kisdesk.domain.order_types import LIMIT, Side

    while True:
        await asyncio.sleep(every)
        if service.busy:
            continue
        quote = await client.domestic_price(ORDER_CODE)
        power = await client.buying_power(ORDER_CODE, int(quote.price), order_type=LIMIT.code)
        facts = OrderFacts(
            current=quote.price,
            upper=quote.upper,
            lower=quote.lower,
            orderable_cash=power.orderable_cash,
            max_buy_qty=int(power.no_receivable_qty),
            max_buy_price=quote.price,
        )
        draft = OrderDraft(Side.BUY, ORDER_CODE, ORDER_CODE, LIMIT, quote.price, 1)
        order = service.submit(draft, facts)
        if order is not None:
            sent.append(order)


async def _tabs(window: Any, every: float) -> None:
    """F5 on the overseas and rankings tabs, as someone flicking through them would."""
    while True:
        await asyncio.sleep(every)
        window.overseas.refresh()
        window.rankings.refresh()


async def drive(
    controller: Any,
    sim: Any,
    seconds: float,
    *,
    quote_workers: int = 3,
    order_every: float = 4.0,
    tabs_every: float = 3.0,
    progress_every: float = 0.0,
) -> dict[str, Any]:
    """Keep ``controller`` (connected to ``sim``, a SimThread) busy for ``seconds``; report."""
    from kisdesk.domain.order_state import OrderState
    from kisdesk.services.orders import OrderService

    client = controller.session.client
    account = controller.session.account
    stats = sim.stats
    logs = LogCounter()
    root = logging.getLogger()
    root.addHandler(logs)
    old_level = root.level
    root.setLevel(min(old_level or logging.WARNING, logging.INFO))
    service = OrderService(client, env_name="demo", reconcile_delays=RECONCILE_DELAYS)
    service.start()

    def booked() -> list[str]:
        def read(server: Any) -> list[str]:
            acct = server.account(account)
            return [o.odno for o in server.orders.for_account(acct) if o.action == "new"]

        return sim.call(read)

    before_orders = set(booked())
    tokens_before = stats.tokens_issued
    egw_before = stats.by_msg_cd.get("EGW00201", 0) + stats.rate_limited
    # Calls already granted (a tab's refresh) may reach the server after this snapshot: the
    # server can count up to that many more than the limiter grants from here on.
    in_flight_before = client.limiter.in_flight
    requests_before = stats.requests
    granted_before = client.limiter.granted
    rss_start = harness.rss_mb()
    probe = harness.LagProbe(5)
    quotes = [0]
    sent: list[Any] = []
    rng = random.Random(5)
    loop = asyncio.get_running_loop()
    tasks = [loop.create_task(_quotes(client, rng, quotes)) for _ in range(quote_workers)]
    tasks.append(loop.create_task(_orders(service, client, order_every, sent)))
    tasks.append(loop.create_task(_tabs(controller.window, tabs_every)))
    probe.start()
    started = time.perf_counter()
    next_note = started + progress_every if progress_every else float("inf")
    try:
        while (now := time.perf_counter()) - started < seconds:
            await asyncio.sleep(0.25)
            for task in tasks:
                if task.done():  # a load task died: that is a failure of the run
                    task.result()
            if now >= next_note:
                next_note += progress_every
                print(
                    f"  {now - started:6.0f} s: {client.limiter.granted - granted_before} calls, "
                    f"{len(sent)} orders, EGW00201 "
                    f"{stats.by_msg_cd.get('EGW00201', 0) + stats.rate_limited - egw_before}, "
                    f"RSS {harness.rss_mb():.0f} MB",
                    flush=True,
                )
    finally:
        elapsed = time.perf_counter() - started
        probe.stop()
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
    # Let the last order settle (sent, or looked up after a lost answer).
    end = time.monotonic() + 15
    while time.monotonic() < end and (
        service.busy
        or any(o.state in (OrderState.SENDING, OrderState.UNKNOWN) for o in service.tracked)
    ):
        await asyncio.sleep(0.05)
    await service.close()
    # Both counts at one moment. Calls granted but cancelled before they were sent (the load
    # tasks above) or still on their way reach the server's count late or never; a retry would
    # be a request the limiter never granted, so the server can only count fewer.
    granted = client.limiter.granted - granted_before
    server_requests = sim.call(lambda server: server.stats.requests) - requests_before
    in_flight = client.limiter.in_flight
    root.removeHandler(logs)
    root.setLevel(old_level)

    new_orders = sorted(set(booked()) - before_orders)
    held = sorted(o.order_no for o in service.tracked if o.order_no)
    return {
        "seconds": round(elapsed, 1),
        "calls": granted,
        "calls_per_s": round(granted / elapsed, 2),
        "limit_per_s": client.limiter.rate,
        "server_requests": server_requests,
        "in_flight_at_end": in_flight,
        "in_flight_at_start": in_flight_before,
        "quotes": quotes[0],
        "egw00201": stats.by_msg_cd.get("EGW00201", 0) + stats.rate_limited - egw_before,
        "tokens_issued": stats.tokens_issued - tokens_before,
        "tokens_issued_total": stats.tokens_issued,
        "orders_sent": len(sent),
        "orders_booked": len(new_orders),
        "orders_ledger_ok": new_orders == held,
        "order_states": sorted({o.state.value for o in service.tracked}),
        "warnings_logged": len(logs.app),
        "first_warnings": logs.app[:5],
        "sim_warnings": len(logs.sim),
        **probe.summary(),
        "rss_start_mb": round(rss_start, 1),
        "rss_end_mb": round(harness.rss_mb(), 1),
    }


async def _main(args: argparse.Namespace) -> dict[str, Any]:
    from PySide6.QtCore import QSettings

    from kisdesk.app.controller import AppController
    from kisdesk.sim.testing import SimThread

    sim = SimThread(profile="real", seed=args.seed, ticker_interval=1.0).start()
    factory = harness.session_factory(
        lambda **kw: harness.session_on(sim, args.account, on_event=kw.get("on_event"))
    )
    home = Path(os.environ["KISDESK_HOME"])
    settings = QSettings(str(home / "soak.ini"), QSettings.Format.IniFormat)
    controller = AppController(settings, "demo", session_factory=factory)
    controller.start()
    ok, detail = await asyncio.wait_for(controller.first_load(), 30)
    if not ok:
        raise SystemExit(f"soak: the app did not load: {detail}")
    controller.holdings.set_interval(1)
    controller.window.tabs.setCurrentWidget(controller.window.overseas)
    print(f"soak: {args.minutes:g} min on the {args.account!r} account ({detail})", flush=True)
    try:
        return await drive(controller, sim, args.minutes * 60, progress_every=60)
    finally:
        await controller.shutdown()
        controller.window.close()
        sim.stop()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--account", default="large", choices=("demo", "large"))
    parser.add_argument("--seed", type=int, default=99)
    args = parser.parse_args(argv)
    os.environ["KISDESK_HOME"] = tempfile.mkdtemp(prefix="kisdesk-soak-")
    result = harness.run_qasync(lambda: _main(args))
    ok = (
        result["egw00201"] == 0
        and result["tokens_issued_total"] == 1
        and result["warnings_logged"] == 0
        and result["orders_ledger_ok"]
    )
    print(
        f"soak {result['seconds']:.0f} s: {result['calls']} calls ({result['calls_per_s']}/s of "
        f"{result['limit_per_s']}), EGW00201 {result['egw00201']}, tokens "
        f"{result['tokens_issued_total']}, warnings/errors logged {result['warnings_logged']}, "
        f"orders {result['orders_sent']} sent / {result['orders_booked']} booked "
        f"(ledger {'ok' if result['orders_ledger_ok'] else 'MISMATCH'}), lag p99 "
        f"{result['lag_p99_ms']} ms, RSS {result['rss_start_mb']} -> {result['rss_end_mb']} MB: "
        f"{'PASS' if ok else 'FAIL'}"
    )
    harness.report("soak", {"machine": harness.machine(), "met": ok, **result})
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
