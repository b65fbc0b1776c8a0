"""The watchlist's rows and their REST fallback, without widgets.

A row is a symbol of the group with the hub's latest quote (streamed or polled) and the D19
answer's extras. What the stream does not serve is read with D19, 30 symbols a call, paced so
the watchlist never takes more than its share of the app key's rate; on paper (no D19) the
hub's own D1 poller reads it instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from kisdesk.kis.errors import KisError
from kisdesk.kis.watch import MULTI_MAX, MultiQuote
from kisdesk.services.live_quotes import LiveQuote, Source

log = logging.getLogger(__name__)

POLL_INTERVAL_S = 2.0  # each polled symbol is read about this often
STALE_S = 10.0  # a polled value older than this is greyed


@dataclass(frozen=True, slots=True)
class WatchRow:
    code: str
    name: str
    price: Decimal | None = None
    change: Decimal | None = None
    change_rate: Decimal | None = None
    sign: str = ""
    volume: Decimal | None = None
    strength: Decimal | None = None
    bid: Decimal | None = None
    ask: Decimal | None = None
    source: Source | None = None
    received: float = 0.0  # time.monotonic() of the value shown

    def age(self, now: float | None = None) -> float | None:
        if self.price is None or self.source is Source.STREAMED:
            return None
        return max(0.0, (time.monotonic() if now is None else now) - self.received)

    def stale(self, now: float | None = None) -> bool:
        age = self.age(now)
        return age is not None and age > STALE_S


def row_with_quote(row: WatchRow, quote: LiveQuote, served: Source | None) -> WatchRow:
    """The row moved to a hub quote; a polled D1 quote carries no bid/ask: keep the last."""
    return replace(
        row,
        price=quote.price,
        change=quote.change,
        change_rate=quote.change_rate,
        sign=quote.sign,
        volume=quote.volume,
        bid=quote.bid if quote.bid is not None else row.bid,
        ask=quote.ask if quote.ask is not None else row.ask,
        source=served or quote.source,
        received=quote.received,
    )


def row_with_multi(row: WatchRow, q: MultiQuote, received: float) -> WatchRow:
    return replace(
        row,
        name=q.name or row.name,
        price=q.price,
        change=q.change,
        change_rate=q.change_rate,
        sign=q.sign,
        volume=q.volume,
        bid=q.bid or row.bid,
        ask=q.ask or row.ask,
        source=Source.POLLED,
        received=received,
    )


class MultiPricePoller:
    """Reads the symbols it is given with D19, 30 a call, one call at a time, every
    ``interval`` seconds for each symbol. ``deliver(rows, received)`` takes each answer."""

    def __init__(
        self,
        client: Any,
        deliver: Callable[[list[MultiQuote], float], None],
        *,
        interval: float = POLL_INTERVAL_S,
    ) -> None:
        self._client = client
        self._deliver = deliver
        self.interval = interval
        self._codes: list[str] = []
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self.calls = 0
        self.failures = 0

    @property
    def codes(self) -> list[str]:
        return list(self._codes)

    def set_codes(self, codes: Sequence[str]) -> None:
        fresh = list(dict.fromkeys(codes))
        if fresh == self._codes:
            return
        self._codes = fresh
        self._wake.set()
        if fresh and self._task is None:
            self._task = asyncio.get_event_loop().create_task(self._run())

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            codes = list(self._codes)
            if not codes:
                await self._wake.wait()
                continue
            started = time.monotonic()
            for first in range(0, len(codes), MULTI_MAX):
                chunk = codes[first : first + MULTI_MAX]
                asked = time.monotonic()
                try:
                    rows = await self._client.multi_price(chunk)
                except KisError as exc:
                    self.failures += 1
                    log.info("watchlist poll failed: %s", exc)
                    continue
                self.calls += 1
                self._deliver(rows, asked)
            rest = self.interval - (time.monotonic() - started)
            if rest > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), rest)
