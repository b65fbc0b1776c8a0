"""Realtime quote records from the simulator's own market (websocket.md §6.1, §6.2, §7, §9.5).

Every record is built from the quote as it stands when the walk moved it, so the price a tick
reports is the price inquire-price answers at that moment. What REST does not know (the split of
the day's volume into buyer- and seller-initiated trades, when the high and low were made, the
book's sizes) lives in a :class:`Tape` per symbol, shared by every session.

Widths are the current server's: 47 values per H0STCNT0 record, 63 per H0STASP0 record (§9.5),
26 per HDFSCNT0, 71 per HDFSASP0 (US, 10 levels).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from .envelope import s_dec, s_int, s_rate
from .market import DomesticQuote, OverseasQuote, overseas_tick, step_int

try:
    from zoneinfo import ZoneInfo

    NEW_YORK: timezone | ZoneInfo = ZoneInfo("America/New_York")
except Exception:  # no tz database (a bare Windows): EDT, close enough for a simulator
    NEW_YORK = timezone(timedelta(hours=-4))

LEVELS = 10
TICK_WIDTH = 47
BOOK_WIDTH = 63
OVS_TICK_WIDTH = 26
OVS_BOOK_WIDTH = 11 + 6 * LEVELS


def _sign(diff: Decimal | int) -> str:
    return "2" if diff > 0 else "5" if diff < 0 else "3"


@dataclass
class Book:
    """Ten levels a side, best first: asks ascend, bids descend. A level beyond the day's price
    limit is empty (price and size 0), as at the upper or lower limit on KRX."""

    asks: list[Decimal]
    bids: list[Decimal]
    ask_sizes: list[int]
    bid_sizes: list[int]

    @property
    def total_ask(self) -> int:
        return sum(self.ask_sizes)

    @property
    def total_bid(self) -> int:
        return sum(self.bid_sizes)


@dataclass
class Tape:
    """The feed's memory of one symbol: the last state it reported and the day's trade split."""

    seed: int
    key: str  # "KRX:005930", "NASD:AAPL"
    state: tuple[int, Decimal, int] | None = None  # (walk steps, price, volume) last reported
    side: str = "1"  # CCLD_DVSN of the last trade: 1 buy-initiated, 5 sell-initiated
    trade_qty: int = 0
    buy_count: int = 0
    sell_count: int = 0
    buy_volume: int = 0
    sell_volume: int = 0
    high: Decimal = Decimal(0)
    low: Decimal = Decimal(0)
    high_time: str = "090000"
    low_time: str = "090000"
    last_totals: tuple[int, int] = (0, 0)  # the previous book's totals (for the _ICDC fields)
    book: Book | None = field(default=None, repr=False)

    def advance(self, steps: int, price: Decimal, volume: int, high: Decimal, low: Decimal,
                time: str) -> bool:  # fmt: skip
        """Take the quote's new state; False when nothing traded since the last report."""
        state = (steps, price, volume)
        if state == self.state:
            return False
        if self.state is None:
            # First look at the symbol: split the day so far about evenly between the sides.
            self.buy_volume = volume // 2 + volume % 2
            self.sell_volume = volume // 2
            self.buy_count = max(1, self.buy_volume // 120)
            self.sell_count = max(1, self.sell_volume // 130)
            self.high, self.low = high, low
            self.trade_qty = 1
        else:
            _, last_price, last_volume = self.state
            if price != last_price:
                self.side = "1" if price > last_price else "5"
            # A trade always has a size; ACML_VOL stays the quote's own (REST's) volume.
            self.trade_qty = max(1, volume - last_volume)
            if self.side == "1":
                self.buy_volume += self.trade_qty
                self.buy_count += 1
            else:
                self.sell_volume += self.trade_qty
                self.sell_count += 1
            if high > self.high:
                self.high, self.high_time = high, time
            if low < self.low:
                self.low, self.low_time = low, time
        self.state = state
        self.book = None
        return True

    def rng(self, steps: int) -> random.Random:
        return random.Random(f"kisdesk-sim:{self.seed}:{self.key}:{steps}:book")


# ---- KRX -------------------------------------------------------------------------------------


def domestic_book(q: DomesticQuote, tape: Tape, resting: dict[Decimal, int]) -> Book:
    """The book around the last trade: a buyer-initiated trade took the best ask (it is the
    price), a seller-initiated one hit the best bid. Sizes are seeded by the walk step, plus the
    simulator's own resting orders at their price (``resting``: price → quantity)."""
    if tape.book is not None:
        return tape.book
    p, kind = int(q.price), q.tkind
    up, dn = int(q.upper), int(q.lower)
    if tape.side == "1":
        best_ask, best_bid = p, step_int(p, -1, kind)
    else:
        best_ask, best_bid = step_int(p, 1, kind), p
    rng = tape.rng(q.steps)
    unit = max(1, q.prev_volume // 4000)

    def side(start: int, direction: int) -> tuple[list[Decimal], list[int]]:
        prices: list[Decimal] = []
        sizes: list[int] = []
        p = start
        for _ in range(LEVELS):
            inside = dn <= p <= up
            prices.append(Decimal(p) if inside else Decimal(0))
            sizes.append(rng.randint(1, 6 * unit) + resting.get(Decimal(p), 0) if inside else 0)
            p = step_int(max(p, 1), direction, kind)
        return prices, sizes

    asks, ask_sizes = side(best_ask, 1)
    bids, bid_sizes = side(best_bid, -1)
    tape.book = Book(asks, bids, ask_sizes, bid_sizes)
    return tape.book


def domestic_tick(q: DomesticQuote, tape: Tape, book: Book, now: datetime) -> list[str]:
    """H0STCNT0, 47 values (§6.1 + MARKET_CLS_CODE)."""
    price, base = q.price, q.base
    vwap = q.value / q.volume if q.volume else price
    total = tape.buy_volume + tape.sell_volume
    strength = s_rate(Decimal(tape.buy_volume), Decimal(tape.sell_volume))
    return [
        q.code,
        now.strftime("%H%M%S"),
        s_int(price),
        q.sign(),
        s_int(q.change),
        s_rate(q.change, base),
        s_dec(vwap, 2),
        s_int(q.open),
        s_int(q.high),
        s_int(q.low),
        s_int(book.asks[0]),
        s_int(book.bids[0]),
        str(tape.trade_qty),
        str(q.volume),
        s_int(q.value),
        str(tape.sell_count),
        str(tape.buy_count),
        str(tape.buy_count - tape.sell_count),
        strength,
        str(tape.sell_volume),
        str(tape.buy_volume),
        tape.side,
        s_rate(Decimal(tape.buy_volume), Decimal(total)),
        s_rate(Decimal(q.volume), Decimal(q.prev_volume)),
        "090000",
        _sign(price - q.open),
        s_int(price - q.open),
        tape.high_time,
        _sign(price - q.high),
        s_int(price - q.high),
        tape.low_time,
        _sign(price - q.low),
        s_int(price - q.low),
        now.strftime("%Y%m%d"),
        "20",  # NEW_MKOP_CLS_CODE: in session, normal
        "N",  # TRHT_YN
        str(book.ask_sizes[0]),
        str(book.bid_sizes[0]),
        str(book.total_ask),
        str(book.total_bid),
        s_rate(Decimal(q.volume), Decimal(q.listed)),
        str(q.prev_volume * 6 // 10),  # the previous day's volume at this time (about 60 %)
        s_rate(Decimal(q.volume), Decimal(q.prev_volume * 6 // 10)),
        "0",  # HOUR_CLS_CODE: continuous trading
        "",  # MRKT_TRTM_CLS_CODE
        s_int(base),  # VI_STND_PRC: the static VI reference (yesterday's close here)
        "2",  # MARKET_CLS_CODE: regular session
    ]


def domestic_book_record(q: DomesticQuote, tape: Tape, book: Book, now: datetime) -> list[str]:
    """H0STASP0, 63 values (§6.2 + MID_PRC, MIDP_TOTAL_RSQN, MIDP_CLS_CODE, MARKET_CLS_CODE)."""
    total_ask, total_bid = book.total_ask, book.total_bid
    last_ask, last_bid = tape.last_totals
    if last_ask == 0 and last_bid == 0:
        last_ask, last_bid = total_ask, total_bid
    tape.last_totals = (total_ask, total_bid)
    best_ask, best_bid = book.asks[0], book.bids[0]
    mid = (best_ask + best_bid) / 2 if best_ask and best_bid else Decimal(0)
    values = [q.code, now.strftime("%H%M%S"), "0"]
    values += [s_int(p) for p in book.asks]
    values += [s_int(p) for p in book.bids]
    values += [str(n) for n in book.ask_sizes]
    values += [str(n) for n in book.bid_sizes]
    values += [str(total_ask), str(total_bid), "0", "0"]
    values += ["0", "0", "0", "0", "3", "0.00"]  # no expected price in continuous trading
    values += [str(q.volume), str(total_ask - last_ask), str(total_bid - last_bid), "0", "0"]
    values += [""]  # STCK_DEAL_CLS_CODE: no longer used (§9.5)
    values += [f"{mid.normalize():f}" if mid else "0", "0", "0", "2"]
    return values


# ---- US (HDFSCNT0 / HDFSASP0) -----------------------------------------------------------------


def overseas_book(q: OverseasQuote, tape: Tape) -> Book:
    if tape.book is not None:
        return tape.book
    tick = overseas_tick(q.exchange.trade, q.price)
    p = q.price
    best_ask, best_bid = (p, p - tick) if tape.side == "1" else (p + tick, p)
    rng = tape.rng(q.steps)
    unit = max(1, q.prev_volume // 200_000)
    asks = [best_ask + tick * i for i in range(LEVELS)]
    bids = [max(best_bid - tick * i, Decimal(0)) for i in range(LEVELS)]
    ask_sizes = [rng.randint(1, 8 * unit) for _ in range(LEVELS)]
    bid_sizes = [rng.randint(1, 8 * unit) if bids[i] else 0 for i in range(LEVELS)]
    tape.book = Book(asks, bids, ask_sizes, bid_sizes)
    return tape.book


def _us_times(now: datetime) -> tuple[str, str, str, str]:
    local = now.astimezone(NEW_YORK)
    return (
        local.strftime("%Y%m%d"),
        local.strftime("%H%M%S"),
        now.strftime("%Y%m%d"),
        now.strftime("%H%M%S"),
    )


def overseas_tick_record(
    q: OverseasQuote, key: str, tape: Tape, book: Book, now: datetime
) -> list[str]:
    """HDFSCNT0, 26 values (§7.1); ``key`` is the realtime key subscribed (DNASAAPL …)."""
    z = q.exchange.zdiv
    xymd, xhms, kymd, khms = _us_times(now)
    return [
        key,
        q.code,
        str(z),
        xymd,
        xymd,
        xhms,
        kymd,
        khms,
        s_dec(q.open, z),
        s_dec(q.high, z),
        s_dec(q.low, z),
        s_dec(q.price, z),
        q.sign(),
        s_dec(q.change, z),
        s_rate(q.change, q.base),
        s_dec(book.bids[0], z),
        s_dec(book.asks[0], z),
        str(book.bid_sizes[0]),
        str(book.ask_sizes[0]),
        str(tape.trade_qty),
        str(q.volume),
        s_int(q.price * q.volume),  # as overseas-price's tamt
        str(tape.sell_volume),
        str(tape.buy_volume),
        s_rate(Decimal(tape.buy_volume), Decimal(tape.sell_volume)),
        "1",  # MTYP: regular session
    ]


def overseas_book_record(
    q: OverseasQuote, key: str, tape: Tape, book: Book, now: datetime
) -> list[str]:
    """HDFSASP0, 71 values (§7.2): 11 head values, then bid, ask, bid size, ask size and their
    changes per level."""
    z = q.exchange.zdiv
    xymd, xhms, kymd, khms = _us_times(now)
    total_ask, total_bid = book.total_ask, book.total_bid
    last_ask, last_bid = tape.last_totals
    if last_ask == 0 and last_bid == 0:
        last_ask, last_bid = total_ask, total_bid
    tape.last_totals = (total_ask, total_bid)
    values = [key, q.code, str(z), xymd, xhms, kymd, khms]
    values += [str(total_bid), str(total_ask), str(total_bid - last_bid), str(total_ask - last_ask)]
    for i in range(LEVELS):
        values += [
            s_dec(book.bids[i], z),
            s_dec(book.asks[i], z),
            str(book.bid_sizes[i]),
            str(book.ask_sizes[i]),
            "0",
            "0",
        ]
    return values
