"""REST polling for the quotes the stream does not serve (the socket is down, the registration
did not fit the 41, the server refused it, or the environment has no feed for it).

One request at a time, paced: at most ``rate`` requests a second and each symbol at most once
every ``min_interval`` seconds, most important symbols first, then the longest unread. Every
request goes through the client, so the app key's rate limiter sees it like any other read.
No Qt here: the hub hands in the symbols to poll and takes the answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any

from kisdesk.kis.errors import KisError
from kisdesk.services.live_quotes import LiveQuote, QuoteKey, quote_from_rest

log = logging.getLogger(__name__)

# A symbol whose read failed waits this many intervals before the next try.
FAILURE_BACKOFF = 5


class QuotePoller:
    def __init__(
        self,
        client: Any,
        deliver: Callable[[LiveQuote, float], None],
        *,
        rate: float,
        min_interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``deliver(quote, asked_at)`` takes each answer (``asked_at``: when it was asked)."""
        if rate <= 0:
            raise ValueError("rate must be positive")
        self._client = client
        self._deliver = deliver
        self.rate = rate
        self.min_interval = min_interval
        self._clock = clock
        self._wanted: dict[QuoteKey, tuple[int, float]] = {}  # key → (priority, not before)
        self._due: dict[QuoteKey, float] = {}  # key → earliest next read
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.requests = 0  # reads sent (tests and benches)
        self.failures = 0

    @property
    def wanted(self) -> dict[QuoteKey, tuple[int, float]]:
        return dict(self._wanted)

    def polling(self, now: float | None = None) -> int:
        """How many symbols are polled now (wanted and past their start time)."""
        now = self._clock() if now is None else now
        return sum(1 for _, start in self._wanted.values() if start <= now)

    def set_wanted(self, wanted: dict[QuoteKey, tuple[int, float]]) -> None:
        """The symbols to poll: priority (lower first) and the time before which a symbol is
        not read (a grace while the stream may still serve it); empty stops polling."""
        if wanted == self._wanted:
            return
        self._wanted = dict(wanted)
        for key in list(self._due):
            if key not in wanted:
                del self._due[key]
        self._wake.set()

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(
                self._run(), name="kisdesk-quote-poller"
            )

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def _next(self, now: float) -> tuple[QuoteKey | None, float]:
        """The key to read now, or (None, seconds until one is due)."""
        best: tuple[int, float] | None = None
        chosen: QuoteKey | None = None
        soonest = 1.0
        for key, (priority, start) in self._wanted.items():
            due = max(self._due.get(key, 0.0), start)
            if due > now:
                soonest = min(soonest, due - now)
                continue
            rank = (priority, due)
            if best is None or rank < best:
                best, chosen = rank, key
        return chosen, soonest

    async def _run(self) -> None:
        pace = 1.0 / self.rate
        while True:
            now = self._clock()
            key, wait = self._next(now)
            if key is None:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(wait):
                        await self._wake.wait()
                continue
            self._due[key] = now + self.min_interval
            await self._read(key, now)
            spent = self._clock() - now
            if spent < pace:
                await asyncio.sleep(pace - spent)

    async def _read(self, key: QuoteKey, asked_at: float) -> None:
        self.requests += 1
        try:
            if key.domestic:
                answer = await self._client.domestic_price(key.code)
            else:
                exchange = key.quote_exchange
                if exchange is None:  # no REST quote for this market: never ask again
                    self._due[key] = float("inf")
                    return
                answer = await self._client.overseas_price(exchange, key.code)
        except KisError as exc:
            self.failures += 1
            self._due[key] = asked_at + self.min_interval * FAILURE_BACKOFF
            log.info("quote poll of %s:%s failed: %s", key.market, key.code, exc)
            return
        except Exception:  # a bug must not end polling for every symbol
            self.failures += 1
            self._due[key] = asked_at + self.min_interval * FAILURE_BACKOFF
            log.exception("quote poll of %s:%s crashed", key.market, key.code)
            return
        quote = quote_from_rest(key, answer, self._clock())
        if quote is not None and key in self._wanted:
            self._deliver(quote, asked_at)
