"""Invented price history behind each symbol, seeded: daily bars ending at the previous close,
and minute bars (today's, and a past day's) that agree with the daily bars and with the quote.

Daily bars (domestic and overseas) are made once per symbol. Today's minute bars are a tape: the
minutes before the first look are filled by a seeded bridge from the day's open to the price of
that moment, touching the day's high and low; later looks extend it the same way over the
minutes that passed, so finished bars never change and the last bar always closes at the
current price. A past day's minute bars bridge that day's open to its close through its high and
low, with its volume, so they add up to the daily bar.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from kisdesk.domain.ticks import round_to_tick

from .market import DomesticQuote, OverseasQuote, overseas_tick, round_overseas

Quote = DomesticQuote | OverseasQuote
Rounder = Callable[[Decimal, bool], Decimal]  # (price, up) → a price on the symbol's tick grid

HISTORY_DAYS = 1000  # business days of invented history behind each symbol


def _traded_value(bar: Bar | MinuteBar) -> Decimal:
    """Volume at the bar's typical price (O+H+L+C)/4, whole units: the sim's traded value."""
    typical = (bar.open + bar.high + bar.low + bar.close) / 4
    return (typical * bar.volume).quantize(Decimal(1))


@dataclass(frozen=True)
class Bar:
    day: date
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: int

    @property
    def value(self) -> Decimal:
        return _traded_value(self)


def rounder(q: Quote) -> Rounder:
    """Snap a price onto ``q``'s tick grid (down, or up when asked)."""
    if isinstance(q, DomesticQuote):
        kind = q.tkind
        return lambda p, up=False: round_to_tick(p, kind, up=up)
    trade = q.exchange.trade
    return lambda p, up=False: round_overseas(trade, p, up=up)


def history_key(q: Quote) -> str:
    """The name a symbol's history is seeded and cached under (domestic: the bare code, as
    before overseas symbols had a history)."""
    return q.code if isinstance(q, DomesticQuote) else f"{q.exchange.trade}:{q.code}"


def _floor_price(q: Quote) -> Decimal:
    if isinstance(q, DomesticQuote):
        return Decimal(1)
    return overseas_tick(q.exchange.trade, Decimal("0.0001"))


class DailyHistory:
    """Each symbol's bars, made on first use and kept for the simulated day."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._bars: dict[str, list[Bar]] = {}

    def bars(self, q: Quote, today: date) -> list[Bar]:
        """Business days before ``today`` (the exchange's date), oldest first, the last closing
        at ``q.base``."""
        key = history_key(q)
        bars = self._bars.get(key)
        if bars is None:
            bars = self._bars[key] = self._make(q, today)
        return bars

    def _make(self, q: Quote, today: date) -> list[Bar]:
        rng = random.Random(f"kisdesk-sim:{self.seed}:hist:{history_key(q)}")
        snap = rounder(q)
        floor = _floor_price(q)
        day = today
        close = q.base
        out: list[Bar] = []
        while len(out) < HISTORY_DAYS:
            day -= timedelta(days=1)
            if day.weekday() >= 5:
                continue
            move = Decimal(str(round(rng.gauss(0, 0.018), 4)))
            prev_close = max(floor, snap(close / (1 + move), False))
            gap = Decimal(str(round(rng.gauss(0, 0.005), 4)))
            open_ = max(floor, snap(prev_close * (1 + gap), False))
            wick_hi = Decimal(str(round(1 + abs(rng.gauss(0, 0.006)), 4)))
            wick_lo = Decimal(str(round(1 - abs(rng.gauss(0, 0.006)), 4)))
            high = max(open_, close, snap(max(open_, close) * wick_hi, False))
            low = min(open_, close, snap(min(open_, close) * wick_lo, True))
            volume = int(q.prev_volume * rng.uniform(0.4, 1.8))
            out.append(Bar(day, open_, high, max(floor, low), close, volume))
            close = prev_close
        out.reverse()
        return out


# ---- minute bars ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MinuteBar:
    at: datetime  # the minute the bar opens (aware; KST for domestic, any zone for overseas)
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: int

    @property
    def value(self) -> Decimal:
        return _traded_value(self)


def bridge(
    rng: random.Random,
    snap: Rounder,
    start: Decimal,
    end: Decimal,
    n: int,
    *,
    top: Decimal,
    bottom: Decimal,
    touch_high: bool,
    touch_low: bool,
    volume: int,
) -> list[tuple[Decimal, Decimal, Decimal, Decimal, int]]:
    """``n`` bars (open, high, low, close, volume) walking from ``start`` to ``end`` inside
    [bottom, top]: the first opens at ``start``, the last closes at ``end``, each opens where the
    one before closed, one bar reaches ``top`` / ``bottom`` when asked, volumes add up to
    ``volume``."""
    if n <= 0:
        return []
    lo_f, hi_f = float(bottom), float(top)
    span = max(hi_f - lo_f, 1e-9)
    walk = [0.0]
    for _ in range(n):
        walk.append(walk[-1] + rng.gauss(0, 1))
    size = max(1e-9, max(abs(w - walk[-1] * i / n) for i, w in enumerate(walk)))
    scale = span * 0.35 / size
    s, e = float(start), float(end)

    def clamp(p: Decimal) -> Decimal:
        return min(top, max(bottom, p))

    path = [start]
    for i in range(1, n):
        x = s + (e - s) * i / n + scale * (walk[i] - walk[-1] * i / n)
        path.append(clamp(snap(Decimal(str(round(min(hi_f, max(lo_f, x)), 6))), False)))
    path.append(end)
    high_at = rng.randrange(n) if touch_high else -1
    low_at = rng.randrange(n) if touch_low else -1
    weights = [0.2 + rng.random() ** 2 for _ in range(n)]
    total_w = sum(weights)
    vols = [int(volume * w / total_w) for w in weights]
    vols[-1] += volume - sum(vols)
    out = []
    for i in range(n):
        o, c = path[i], path[i + 1]
        body_hi, body_lo = max(o, c), min(o, c)
        wick = Decimal(str(round(abs(rng.gauss(0, span * 0.04)), 6)))
        h = clamp(max(body_hi, snap(body_hi + wick, True)))
        wick = Decimal(str(round(abs(rng.gauss(0, span * 0.04)), 6)))
        lo = clamp(min(body_lo, snap(body_lo - wick, False)))
        if i == high_at:
            h = top
        if i == low_at:
            lo = bottom
        out.append((o, h, lo, c, vols[i]))
    return out


def _minutes(start: datetime, end: datetime) -> int:
    return int((end - start).total_seconds() // 60)


class MinuteTape:
    """Today's minute bars of one symbol, extended as the quote is looked at."""

    def __init__(self, seed: str) -> None:
        self.seed = seed
        self.bars: list[MinuteBar] = []
        self._volume = 0  # the quote's day volume when last seen

    def sync(self, q: Quote, first: datetime, minute: datetime) -> list[MinuteBar]:
        """Bring the tape up to ``minute`` (the bar now open), the session's first minute being
        ``first``; the last bar closes at ``q.price``."""
        if minute < first:
            return self.bars
        snap = rounder(q)
        if not self.bars:
            n = _minutes(first, minute) + 1
            rng = random.Random(f"{self.seed}:{first.isoformat()}:{minute.isoformat()}")
            rows = bridge(
                rng,
                snap,
                q.open,
                q.price,
                n,
                top=max(q.high, q.open, q.price),
                bottom=min(q.low, q.open, q.price),
                touch_high=True,
                touch_low=True,
                volume=q.volume,
            )
            self.bars = [
                MinuteBar(first + timedelta(minutes=i), *row) for i, row in enumerate(rows)
            ]
            self._volume = q.volume
            return self.bars
        last = self.bars[-1]
        seen_high = max(b.high for b in self.bars)
        seen_low = min(b.low for b in self.bars)
        added = max(0, q.volume - self._volume)
        self._volume = max(self._volume, q.volume)
        if minute <= last.at:  # the same minute: the open bar follows the price
            self.bars[-1] = replace(
                last,
                high=max(last.high, q.price, q.high if q.high > seen_high else last.high),
                low=min(last.low, q.price, q.low if q.low < seen_low else last.low),
                close=q.price,
                volume=last.volume + added,
            )
            return self.bars
        n = _minutes(last.at, minute)
        rng = random.Random(f"{self.seed}:{last.at.isoformat()}:{minute.isoformat()}")
        rows = bridge(
            rng,
            snap,
            last.close,
            q.price,
            n,
            top=max(q.high, seen_high, q.price),
            bottom=min(q.low, seen_low, q.price),
            touch_high=q.high > seen_high,
            touch_low=q.low < seen_low,
            volume=added,
        )
        self.bars += [
            MinuteBar(last.at + timedelta(minutes=i + 1), *row) for i, row in enumerate(rows)
        ]
        return self.bars


class MinuteHistory:
    """Minute bars: today's tapes, and past days' bars made from the daily history."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._tapes: dict[tuple[str, date], MinuteTape] = {}
        self._days: dict[tuple[str, date], list[MinuteBar]] = {}

    def today(self, q: Quote, first: datetime, minute: datetime) -> list[MinuteBar]:
        """Today's bars from ``first`` up to ``minute`` (the current one still open)."""
        key = (history_key(q), first.date())
        tape = self._tapes.get(key)
        if tape is None:
            tape = self._tapes[key] = MinuteTape(f"kisdesk-sim:{self.seed}:min:{key[0]}")
        return tape.sync(q, first, minute)

    def past_day(self, q: Quote, bar: Bar, first: datetime, last: datetime) -> list[MinuteBar]:
        """The minutes ``first`` … ``last`` of the day of ``bar``, adding up to it."""
        key = (history_key(q), bar.day)
        bars = self._days.get(key)
        if bars is None:
            n = _minutes(first, last) + 1
            rng = random.Random(f"kisdesk-sim:{self.seed}:min:{key[0]}:{bar.day.isoformat()}")
            rows = bridge(
                rng,
                rounder(q),
                bar.open,
                bar.close,
                n,
                top=bar.high,
                bottom=bar.low,
                touch_high=True,
                touch_low=True,
                volume=bar.volume,
            )
            bars = [MinuteBar(first + timedelta(minutes=i), *row) for i, row in enumerate(rows)]
            self._days[key] = bars
        return bars
