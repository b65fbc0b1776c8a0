"""The quote hub's values, without Qt: which symbol, its latest quote and book, where they came
from (the stream or a REST poll) and when.

A symbol is a :class:`QuoteKey`: ``("KRX", "005930")`` for a KRX stock, ``("NASD", "AAPL")`` for
an overseas one (the trading exchange code of the overseas balance). This module also knows how a
key is asked for on each path: the realtime TR and ``tr_key`` (``005930``; ``DNASAAPL``) and the
3-letter exchange of the REST overseas price (``NAS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any, NamedTuple

from kisdesk.domain.currency import QUOTE_EXCHANGES

KRX = "KRX"
# The realtime TRs (kisdesk.kis.realtime.trs, not imported here: the tables import this module
# at start-up, the realtime client loads with the first session).
KRX_TICK, KRX_BOOK, OVERSEAS_TICK, OVERSEAS_BOOK = "H0STCNT0", "H0STASP0", "HDFSCNT0", "HDFSASP0"

_US_PARTS = frozenset({"NAS", "NYS", "AMS"})


class QuoteKey(NamedTuple):
    market: str  # "KRX", or an overseas trading exchange (NASD, NYSE, SEHK …)
    code: str

    @property
    def domestic(self) -> bool:
        return self.market == KRX

    @property
    def quote_exchange(self) -> str | None:
        """The 3-letter exchange of REST overseas quotes (NAS, HKS …); None for KRX/unknown."""
        return None if self.domestic else QUOTE_EXCHANGES.get(self.market)

    @property
    def tick_tr(self) -> tuple[str, str] | None:
        """(tr_id, tr_key) of this symbol's trade ticks; None where there is no feed."""
        if self.domestic:
            return KRX_TICK, self.code
        part = self.quote_exchange
        # The free feed: "D" keys (US realtime, Asia delayed; websocket.md §9.2).
        return (OVERSEAS_TICK, f"D{part}{self.code}") if part else None

    @property
    def book_tr(self) -> tuple[str, str] | None:
        """(tr_id, tr_key) of this symbol's 10-level book; US only overseas (Asia is paid)."""
        if self.domestic:
            return KRX_BOOK, self.code
        part = self.quote_exchange
        return (OVERSEAS_BOOK, f"D{part}{self.code}") if part in _US_PARTS else None


def domestic(code: str) -> QuoteKey:
    return QuoteKey(KRX, code)


class Source(Enum):
    STREAMED = "streamed"
    POLLED = "polled"


@dataclass(frozen=True, slots=True)
class LiveQuote:
    """A symbol's latest trade, from a tick (streamed) or a REST quote (polled)."""

    key: QuoteKey
    price: Decimal
    change: Decimal | None
    change_rate: Decimal | None
    sign: str
    volume: Decimal | None
    source: Source
    received: float  # time.monotonic() when it arrived
    time: str = ""  # the exchange's HHMMSS, when the source says
    open: Decimal | None = None
    high: Decimal | None = None
    low: Decimal | None = None
    ask: Decimal | None = None
    bid: Decimal | None = None
    trade_value: Decimal | None = None
    vwap: Decimal | None = None

    def age(self, now: float) -> float:
        return max(0.0, now - self.received)


@dataclass(frozen=True, slots=True)
class LiveBook:
    """A symbol's latest book, best level first on each side."""

    key: QuoteKey
    asks: tuple[Decimal, ...]
    bids: tuple[Decimal, ...]
    ask_sizes: tuple[Decimal, ...]
    bid_sizes: tuple[Decimal, ...]
    received: float
    time: str = ""


# What ticks (H0STCNT0, HDFSCNT0) and REST quotes (inquire-price, overseas price) both carry,
# under the same names; the rest differs per source.
_SHARED = ("price", "change", "change_rate", "sign", "volume", "open", "high", "low", "trade_value")


def _quote(key: QuoteKey, src: Any, source: Source, received: float, **rest: Any) -> LiveQuote:
    shared = {name: getattr(src, name, None) for name in _SHARED}
    return LiveQuote(key=key, source=source, received=received, **shared, **rest)


def quote_from_tick(key: QuoteKey, tick: Any, received: float) -> LiveQuote:
    """A DomesticTick (H0STCNT0) or an OverseasTick (HDFSCNT0)."""
    krx = key.domestic
    return _quote(
        key,
        tick,
        Source.STREAMED,
        received,
        time=tick.time if krx else tick.local_time,
        ask=tick.ask,
        bid=tick.bid,
        vwap=tick.vwap if krx else None,
    )


def quote_from_rest(key: QuoteKey, quote: Any, received: float) -> LiveQuote | None:
    """A DomesticQuote (inquire-price) or an OverseasQuote (overseas price); None when the
    answer carries no price (an overseas symbol the server does not know)."""
    if quote.price is None:
        return None
    return _quote(key, quote, Source.POLLED, received, vwap=getattr(quote, "vwap", None))


def book_from_record(key: QuoteKey, book: Any, received: float) -> LiveBook:
    """A DomesticBook (H0STASP0) or an OverseasBook (HDFSASP0)."""
    return LiveBook(
        key=key,
        asks=tuple(book.asks),
        bids=tuple(book.bids),
        ask_sizes=tuple(book.ask_sizes),
        bid_sizes=tuple(book.bid_sizes),
        received=received,
        time=book.time if key.domestic else book.local_time,
    )
