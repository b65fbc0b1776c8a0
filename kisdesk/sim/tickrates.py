"""Per-symbol trade rates: a busy symbol trades many times a second between the market's
steps (a KRX blue chip does tens of trades a second in session).

``TickRates.set("KRX", "005930", 30)`` walks 005930 thirty times a second while the market is
open, each step a trade that matching and the websocket see (SimWorld.trade); 0 stops it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

log = logging.getLogger("kisdesk.sim")

MAX_RATE = 200.0  # trades per second per symbol; beyond this the loop would only thrash


class TickRates:
    def __init__(self, world: Any) -> None:  # a SimWorld
        self.world = world
        self.rates: dict[tuple[str, str], float] = {}
        self._tasks: dict[tuple[str, str], asyncio.Task[None]] = {}
        self._running = False

    def set(self, exchange: str, code: str, rate: float) -> None:
        """Trades per second of one symbol (0 = only the market's own steps)."""
        if not 0 <= rate <= MAX_RATE:
            raise ValueError(f"rate must be between 0 and {MAX_RATE:g} trades a second")
        if self.world.quote(exchange, code) is None:
            raise KeyError(f"unknown symbol {exchange}:{code}")
        key = (exchange, code)
        old = self._tasks.pop(key, None)
        if old is not None:
            old.cancel()
        if rate == 0:
            self.rates.pop(key, None)
            return
        self.rates[key] = rate
        if self._running:
            self._tasks[key] = asyncio.get_running_loop().create_task(self._run(key))

    def as_dict(self) -> dict[str, float]:
        return {f"{ex}:{code}": rate for (ex, code), rate in self.rates.items()}

    def start(self) -> None:
        self._running = True
        loop = asyncio.get_running_loop()
        for key in self.rates:
            if key not in self._tasks:
                self._tasks[key] = loop.create_task(self._run(key))

    async def stop(self) -> None:
        self._running = False
        tasks = list(self._tasks.values())
        self._tasks.clear()
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self, key: tuple[str, str]) -> None:
        loop = asyncio.get_running_loop()
        due = loop.time()
        while True:
            rate = self.rates.get(key)
            if not rate:
                return
            # Keep the average rate even when the loop is late: catch up a few trades at most.
            due += 1.0 / rate
            await asyncio.sleep(max(0.0, due - loop.time()))
            if loop.time() - due > 1.0:
                due = loop.time()
            if not self.world.market_open():
                continue
            try:
                self.world.trade(*key)
            except Exception:  # keep trading; a bug here must not kill demo mode
                log.exception("trade of %s:%s failed", *key)
