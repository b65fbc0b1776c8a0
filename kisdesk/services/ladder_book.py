"""The book the order ladder shows: the ticket's symbol's ten levels a side from the quote hub
(H0STASP0, coalesced to one update a frame), read over REST with D12 when the stream has not
served one yet (a quiet symbol's feed sends its book with the next trade), while the stream does
not serve the symbol at all, and while a call auction is on (the hub's book carries no expected
price; D12's ``antc_cnpr``/``antc_vol`` do). D12 is read at most once a second, one read at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kisdesk.kis.base import KST
from kisdesk.services.live_quotes import QuoteKey, Source, domestic

log = logging.getLogger(__name__)

REST_EVERY_MS = 1000
# KRX's call auctions (errors-and-limits.md §7): only then is D12's expected price news; after
# the close it still holds the closing auction's values, and its market-operation codes are not
# documented well enough to build on.
AUCTIONS = ((dt.time(8, 30), dt.time(9, 0)), (dt.time(15, 20), dt.time(15, 30)))


def in_auction(now: dt.datetime) -> bool:
    t = now.astimezone(KST).time()
    return now.astimezone(KST).weekday() < 5 and any(a <= t < b for a, b in AUCTIONS)


@dataclass(frozen=True, slots=True)
class LadderSnapshot:
    """Best level first on each side; an empty level (beyond the price limit) has price 0."""

    asks: tuple[Decimal, ...]
    bids: tuple[Decimal, ...]
    ask_sizes: tuple[Decimal, ...]
    bid_sizes: tuple[Decimal, ...]
    total_ask: Decimal
    total_bid: Decimal
    source: str  # "stream" or "rest"
    expected_price: Decimal | None = None  # during call auctions (pre-open, close)
    expected_volume: Decimal | None = None


class LadderBook(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub: Any = None
        self.ticket: Any = None
        self.key: QuoteKey | None = None
        self.snapshot: LadderSnapshot | None = None
        self.last: Decimal | None = None
        self.clock = lambda: dt.datetime.now(KST)  # tests put it in an auction
        self.rest_reads = 0  # D12 reads answered (tests)
        self._stream_books = 0  # stream books taken since the symbol was chosen
        self._task: asyncio.Task[Any] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(REST_EVERY_MS)
        self._timer.timeout.connect(self._maybe_read)

    def attach(self, hub: Any, ticket: Any) -> None:
        """Follow ``ticket``'s symbol with ``hub``; None for either detaches."""
        self.detach()
        if hub is None or ticket is None:
            return
        self.hub, self.ticket = hub, ticket
        hub.changed.connect(self._on_changed)
        ticket.symbol_changed.connect(self._on_symbol)
        self._on_symbol(ticket.symbol)

    def detach(self) -> None:
        self._timer.stop()
        self._cancel()
        if self.hub is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.hub.changed.disconnect(self._on_changed)
            self.hub.release_owner(self)
        if self.ticket is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.ticket.symbol_changed.disconnect(self._on_symbol)
        self.hub = self.ticket = None
        self._set_key(None)

    def _set_key(self, key: QuoteKey | None) -> None:
        self.key, self.snapshot, self.last = key, None, None
        self._stream_books = 0
        self.changed.emit()

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def _on_symbol(self, symbol: Any) -> None:
        key = domestic(symbol.code) if symbol is not None else None
        if key == self.key or self.hub is None:
            return
        from kisdesk.kis.realtime import Priority  # with the session's stream

        self.hub.release_owner(self)
        self._cancel()
        self._set_key(key)
        if key is None:
            self._timer.stop()
            return
        self.hub.watch(self, key, Priority.ORDER_PANEL, book=True, poll=True)
        self._take_stream()
        self._read()
        self._timer.start()

    def _on_changed(self, keys: frozenset[QuoteKey]) -> None:
        if self.key is not None and self.key in keys and self._take_stream():
            self.changed.emit()

    def _take_stream(self) -> bool:
        assert self.key is not None
        changed = False
        quote = self.hub.quote(self.key)
        if quote is not None and quote.price != self.last:
            self.last, changed = quote.price, True
        book = self.hub.book(self.key)
        if book is not None:
            old = self.snapshot
            expected = (old.expected_price, old.expected_volume) if old else (None, None)
            self.snapshot = LadderSnapshot(
                asks=tuple(book.asks),
                bids=tuple(book.bids),
                ask_sizes=tuple(book.ask_sizes),
                bid_sizes=tuple(book.bid_sizes),
                total_ask=sum(book.ask_sizes, Decimal(0)),
                total_bid=sum(book.bid_sizes, Decimal(0)),
                source="stream",
                expected_price=expected[0],
                expected_volume=expected[1],
            )
            self._stream_books += 1
            changed = True
        return changed

    def _wants_rest(self) -> bool:
        if self.key is None or self.hub is None:
            return False
        snap = self.snapshot
        if snap is None or self.hub.served(self.key) is not Source.STREAMED:
            return True
        return in_auction(self.clock())  # an auction: its expectation moves

    def _maybe_read(self) -> None:
        snap = self.snapshot
        if snap is not None and snap.expected_price and not in_auction(self.clock()):
            self.snapshot = _with_expected(snap, None, None)  # the auction is over
            self.changed.emit()
        if self._wants_rest():
            self._read()

    def _read(self) -> None:
        if self._task is not None or self.key is None or self.hub is None:
            return
        with contextlib.suppress(RuntimeError):  # no running loop: the next tick tries again
            loop = asyncio.get_event_loop()
            self._task = loop.create_task(self._read_d12(self.key, self._stream_books))

    async def _read_d12(self, key: QuoteKey, stream_books: int) -> None:
        try:
            book = await self.hub.client.order_book(key.code)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the ladder waits for the stream; the ticket shows errors
            log.info("D12 order book for the ladder failed: %s", type(exc).__name__)
            return
        finally:
            if self.key == key:
                self._task = None
        if self.key != key:
            return
        self.rest_reads += 1
        auction = in_auction(self.clock())
        expected = book.expected_price if auction and book.expected_price else None
        volume = book.expected_volume if expected else None
        if self._stream_books != stream_books and self.snapshot is not None:
            # The stream's levels are newer than this answer: keep them, take the expectation.
            self.snapshot = _with_expected(self.snapshot, expected, volume)
        else:
            self.snapshot = LadderSnapshot(
                asks=book.asks,
                bids=book.bids,
                ask_sizes=book.ask_sizes,
                bid_sizes=book.bid_sizes,
                total_ask=book.total_ask,
                total_bid=book.total_bid,
                source="rest",
                expected_price=expected,
                expected_volume=volume,
            )
            if self.last is None and book.price:
                self.last = book.price
        self.changed.emit()


def _with_expected(
    snap: LadderSnapshot, price: Decimal | None, volume: Decimal | None
) -> LadderSnapshot:
    from dataclasses import replace

    return replace(snap, expected_price=price, expected_volume=volume)
