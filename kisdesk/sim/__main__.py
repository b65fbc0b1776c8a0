"""Standalone simulator: ``python -m kisdesk.sim --port 8080 --profile real --seed 1``.

The first line on stdout is one JSON object (base_url, ws_url, appkey, appsecret, accounts…)
that scripts read to find the server; then it runs until interrupted.
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
    p.add_argument("--ticker", type=float, default=None, help="walk the market every N seconds")
    p.add_argument("-v", "--verbose", action="store_true")
    return p.parse_args(argv)


async def _serve(args: argparse.Namespace) -> None:
    server = SimServer(
        profile=args.profile,
        seed=args.seed,
        appkey=args.appkey,
        appsecret=args.appsecret,
        rate_limit=args.rate_limit,
        market_hours=args.market_hours,
        ticker_interval=args.ticker,
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
