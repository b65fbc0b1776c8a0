"""Invented daily bars behind each domestic symbol: seeded, ending at its previous close."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from kisdesk.domain.ticks import round_to_tick

from .market import DomesticQuote

HISTORY_DAYS = 1000  # business days of invented history behind each symbol


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
        return ((self.open + self.high + self.low + self.close) / 4 * self.volume).quantize(
            Decimal(1)
        )


class DailyHistory:
    """Each symbol's bars, made on first use and kept for the simulated day."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._bars: dict[str, list[Bar]] = {}

    def bars(self, q: DomesticQuote, today: date) -> list[Bar]:
        """Business days before ``today``, oldest first, the last closing at ``q.base``."""
        bars = self._bars.get(q.code)
        if bars is None:
            bars = self._bars[q.code] = self._make(q, today)
        return bars

    def _make(self, q: DomesticQuote, today: date) -> list[Bar]:
        rng = random.Random(f"kisdesk-sim:{self.seed}:hist:{q.code}")
        day = today
        close = q.base
        out: list[Bar] = []
        while len(out) < HISTORY_DAYS:
            day -= timedelta(days=1)
            if day.weekday() >= 5:
                continue
            move = Decimal(str(round(rng.gauss(0, 0.018), 4)))
            prev_close = max(Decimal(1), round_to_tick(close / (1 + move), q.tkind))
            gap = Decimal(str(round(rng.gauss(0, 0.005), 4)))
            open_ = max(Decimal(1), round_to_tick(prev_close * (1 + gap), q.tkind))
            wick_hi = Decimal(str(round(1 + abs(rng.gauss(0, 0.006)), 4)))
            wick_lo = Decimal(str(round(1 - abs(rng.gauss(0, 0.006)), 4)))
            high = max(open_, close, round_to_tick(max(open_, close) * wick_hi, q.tkind))
            low = min(open_, close, round_to_tick(min(open_, close) * wick_lo, q.tkind, up=True))
            volume = int(q.prev_volume * rng.uniform(0.4, 1.8))
            out.append(Bar(day, open_, high, max(Decimal(1), low), close, volume))
            close = prev_close
        out.reverse()
        return out
