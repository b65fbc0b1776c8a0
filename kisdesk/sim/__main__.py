"""Standalone simulator: ``python -m kisdesk.sim --port 8080 --profile real --seed 1``.

The first line on stdout is one JSON object (base_url, ws_url, appkey, appsecret, accounts,
hts_ids…) that scripts read to find the server; then it runs until interrupted. Like KIS in
session, the market moves (a step a second) and the websocket streams; --frozen keeps prices
still until POST /__sim/step moves them (deterministic tests).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import signal
import sys

from .server import SimServer


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m kisdesk.sim", description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 = pick a free port")
    p.add_argument("--profile", choices=("real", "paper"), default="real")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--appkey", help="app key to accept (default: derived from the seed)")
    p.add_argument("--appsecret", help="app secret to accept (default: derived from the seed)")
    p.add_argument("--rate-limit", type=int, help="calls per second per app key")
    p.add_argument("--market-hours", choices=("always", "krx"), default="always")
    p.add_argument(
        "--ticker", type=float, default=1.0, help="walk the market every N seconds (default 1)"
    )
    p.add_argument(
        "--frozen",
        action="store_true",
        help="no ticker and no trade rates: prices move only on POST /__sim/step",
    )
    p.add_argument(
        "--tick-rate",
        action="append",
        default=[],
        metavar="SYMBOL=RATE",
        help="trades per second of one symbol, e.g. 005930=30 or NASD:AAPL=5 (repeatable)",
    )
    p.add_argument(
        "--ws-ping-interval",
        type=float,
        default=100.0,
        metavar="SECONDS",
        help="websocket PINGPONG interval (default 100, as KIS)",
    )
    p.add_argument(
        "--ws-ping-grace",
        type=float,
        default=None,
        metavar="SECONDS",
        help="close a session that has not answered PINGPONG after this long (default: the"
        " ping interval)",
    )
    p.add_argument(
        "--ws-key-in-use",
        choices=("close", "drop", "keep"),
        default="close",
        help="after OPSP8996 (a second session of one app key): close the newcomer with a close"
        " frame, drop it without one, or keep it open (default close)",
    )
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args(argv)
    rates: dict[str, float] = {}
    for item in args.tick_rate:
        symbol, sep, rate = item.partition("=")
        try:
            rates[symbol.strip()] = float(rate)
        except ValueError:
            sep = ""
        if not sep or not symbol.strip():
            p.error(f"--tick-rate wants SYMBOL=RATE, not {item!r}")
    args.tick_rates = rates
    return args


async def _serve(args: argparse.Namespace) -> None:
    server = SimServer(
        profile=args.profile,
        seed=args.seed,
        appkey=args.appkey,
        appsecret=args.appsecret,
        rate_limit=args.rate_limit,
        market_hours=args.market_hours,
        ticker_interval=None if args.frozen else args.ticker,
        ws_ping_interval=args.ws_ping_interval,
        ws_ping_grace=args.ws_ping_grace,
        ws_key_in_use=args.ws_key_in_use,
        tick_rates=None if args.frozen else args.tick_rates,
    )
    await server.start(args.host, args.port)
    sys.stdout.write(json.dumps(server.info(), ensure_ascii=False) + "\n")
    sys.stdout.flush()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, stream=sys.stderr)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
