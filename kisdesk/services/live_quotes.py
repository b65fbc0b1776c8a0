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

KRX = "KRX"
# The realtime TRs (kisdesk.kis.realtime.trs, not imported here: the tables import this module
# at start-up, the realtime client loads with the first session).
KRX_TICK, KRX_BOOK, OVERSEAS_TICK, OVERSEAS_BOOK = "H0STCNT0", "H0STASP0", "HDFSCNT0", "HDFSASP0"

# Trading exchange (balance, orders) → the market part of realtime keys and REST quotes
# (websocket.md §7; endpoints.md O3). US codes also come as the quote code itself (NAS).
_QUOTE_CODES = {
    "NASD": "NAS",
    "NAS": "NAS",
    "NYSE": "NYS",
    "AMEX": "AMS",
    "SEHK": "HKS",
    "SHAA": "SHS",
    "SZAA": "SZS",
    "TKSE": "TSE",
    "HASE": "HNX",
    "VNSE": "HSX",
}
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
        return None if self.domestic else _QUOTE_CODES.get(self.market)

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


def quote_from_tick(key: QuoteKey, tick: Any, received: float) -> LiveQuote:
    """A DomesticTick (H0STCNT0) or an OverseasTick (HDFSCNT0)."""
    domestic_tick = key.domestic
    return LiveQuote(
        key=key,
        price=tick.price,
        change=tick.change,
        change_rate=tick.change_rate,
        sign=tick.sign,
        volume=tick.volume,
        source=Source.STREAMED,
        received=received,
        time=tick.time if domestic_tick else tick.local_time,
        open=tick.open,
        high=tick.high,
        low=tick.low,
        ask=tick.ask,
        bid=tick.bid,
        trade_value=tick.trade_value,
        vwap=tick.vwap if domestic_tick else None,
    )


def quote_from_rest(key: QuoteKey, quote: Any, received: float) -> LiveQuote | None:
    """A DomesticQuote (inquire-price) or an OverseasQuote (overseas price); None when the
    answer carries no price (an overseas symbol the server does not know)."""
    if quote.price is None:
        return None
    return LiveQuote(
        key=key,
        price=quote.price,
        change=quote.change,
        change_rate=quote.change_rate,
        sign=quote.sign,
        volume=quote.volume,
        source=Source.POLLED,
        received=received,
        open=getattr(quote, "open", None),
        high=getattr(quote, "high", None),
        low=getattr(quote, "low", None),
        trade_value=quote.trade_value,
        vwap=getattr(quote, "vwap", None),
    )


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
