"""Bars for the chart: loaded per (symbol, period), cached for the session, paged back in time
on demand, and moved by ticks.

Minute periods (1/3/5/10/30/60) are made from one-minute bars: domestic from D13 (today) and,
going further back, D14 (past days, real-only); overseas from O7 with NMIN = the period (real
only). Day/week/month come from D9 and O6b. What a profile does not offer is said once, in the
series' ``note``, and the series is marked complete instead of failing on every scroll.

``on_tick(price, day_volume, at)`` is the live entry: the last bar follows the price, and a tick
past the last bar's span opens a new bar (a new minute, day, week or month on the exchange's
clock). ``day_volume`` is the day's cumulative volume, as quotes carry it, so a missed tick
loses no volume.

Bar times: KIS times a minute bar by the minute it opens (D13/D14 ``stck_cntg_hour`` 110000 is
11:00:00-11:00:59, still open at 11:00:40; O7 ``xhms`` 103500 the five minutes from 10:35), and
so do the simulator, the client and the chart. The digest's O7 example (a five-minute bar 160000
after a session ending at 160000) reads like an end time, but that bar holds 5,695 TSLA shares,
a trickle after the close, not the busiest five minutes of the day; KIS's own index-minute
example (2-minute bars) has 151800 with 8,328 then 152000 with 1,000 and nothing until the
closing auction's 153000, which only start times explain; and the field report of 381 bars in
a day for 005930 is 09:00-15:19 plus the 15:30 auction.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator, Coroutine
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, Signal

from kisdesk.i18n import translate
from kisdesk.kis import KisClient
from kisdesk.kis.charts import ChartBar
from kisdesk.kis.errors import KisError, NotOfferedInPaper
from kisdesk.services.errors import describe

log = logging.getLogger(__name__)

KRX = "KRX"
FIRST_BARS = 120  # bars wanted on screen after the first load of a minute period
MAX_PAGES_PER_LOAD = 14  # a day of one-minute D13 pages is 13


class Period(Enum):
    M1 = "1"
    M3 = "3"
    M5 = "5"
    M10 = "10"
    M30 = "30"
    M60 = "60"
    DAY = "D"
    WEEK = "W"
    MONTH = "M"

    @property
    def minutes(self) -> int | None:
        return int(self.value) if self.value.isdigit() else None

    @property
    def label(self) -> str:
        if self.minutes is not None:
            return translate("Chart", "{n} min").format(n=self.minutes)
        return {
            "D": translate("Chart", "Day"),
            "W": translate("Chart", "Week"),
            "M": translate("Chart", "Month"),
        }[self.value]


PERIODS = tuple(Period)


@dataclass(frozen=True)
class ChartSymbol:
    """A symbol to chart: ``market`` is KRX, or the overseas quotation code (NAS, NYS, HKS …)."""

    market: str
    code: str
    name: str = ""

    @property
    def domestic(self) -> bool:
        return self.market == KRX

    @property
    def key(self) -> tuple[str, str]:
        return (self.market, self.code)


SeriesKey = tuple[str, str, Period]  # (market, code, period): one cached series


# ---- pure series logic ---------------------------------------------------------------------------


def bucket_start(at: dt.datetime, period: Period, anchor: dt.datetime | None = None) -> dt.datetime:
    """The start of the bar ``at`` falls in. Minute bars count from ``anchor`` (the first bar
    of that day), so N-minute bars line up with the server's."""
    if period is Period.DAY:
        return dt.datetime.combine(at.date(), dt.time())
    if period is Period.WEEK:
        monday = at.date() - dt.timedelta(days=at.weekday())
        return dt.datetime.combine(monday, dt.time())
    if period is Period.MONTH:
        return dt.datetime(at.year, at.month, 1)
    n = period.minutes or 1
    minute = at.replace(second=0, microsecond=0)
    if anchor is None or anchor.date() != at.date():
        anchor = dt.datetime.combine(at.date(), dt.time())
    steps = int((minute - anchor).total_seconds() // 60) // n
    return anchor + dt.timedelta(minutes=steps * n)


def aggregate(bars: list[ChartBar], period: Period) -> list[ChartBar]:
    """One-minute bars (oldest first) as N-minute bars, counted from each day's first bar."""
    n = period.minutes or 1
    if n == 1 or not bars:
        return list(bars)
    out: list[ChartBar] = []
    first_of_day: dt.datetime | None = None
    for b in bars:
        if first_of_day is None or first_of_day.date() != b.at.date():
            first_of_day = b.at
        start = bucket_start(b.at, period, first_of_day)
        if out and out[-1].at == start:
            last = out[-1]
            out[-1] = ChartBar(
                start,
                last.open,
                max(last.high, b.high),
                min(last.low, b.low),
                b.close,
                last.volume + b.volume,
            )
        else:
            out.append(ChartBar(start, b.open, b.high, b.low, b.close, b.volume))
    return out


def merge_older(bars: list[ChartBar], older: list[ChartBar]) -> list[ChartBar]:
    """``older`` (oldest first) in front of ``bars``, without repeating a bar already held."""
    if not bars:
        return list(older)
    first = bars[0].at
    return [b for b in older if b.at < first] + bars


@dataclass
class Series:
    """The bars of one (symbol, period), oldest first, and how to get older ones."""

    symbol: ChartSymbol
    period: Period
    bars: list[ChartBar] = field(default_factory=list)
    complete: bool = False  # nothing older to load
    note: str = ""  # why older bars stop here (e.g. not offered on paper)
    day_volume: Decimal | None = None  # the day's cumulative volume at the last tick
    upper: Decimal | None = None  # KRX daily price limits
    lower: Decimal | None = None
    base: list[ChartBar] = field(default_factory=list)  # domestic minutes: the 1-minute bars
    today_done: bool = False  # domestic minutes: every D13 bar of today is in ``base``
    _day_anchor: dt.datetime | None = None

    @property
    def last_price(self) -> Decimal | None:
        return self.bars[-1].close if self.bars else None

    def on_tick(self, price: Decimal, day_volume: Decimal | None, at: dt.datetime) -> bool:
        """Move the last bar to ``price`` (or open a new one); True when a bar was added."""
        added = day_volume - self.day_volume if (day_volume and self.day_volume) else Decimal(0)
        added = max(Decimal(0), added)
        if day_volume is not None:
            self.day_volume = max(day_volume, self.day_volume or Decimal(0))
        if not self.bars:
            return False
        last = self.bars[-1]
        anchor = self._anchor(at)
        start = bucket_start(at, self.period, anchor)
        if start < last.at:
            return False  # a late tick for a bar already closed: keep the bar as the server had it
        if start == last.at:
            self.bars[-1] = replace(
                last,
                high=max(last.high, price),
                low=min(last.low, price),
                close=price,
                volume=last.volume + added,
            )
            return False
        self.bars.append(ChartBar(start, price, price, price, price, added))
        return True

    def _anchor(self, at: dt.datetime) -> dt.datetime | None:
        """The first minute bar of ``at``'s day (N-minute bars count from it)."""
        if self.period.minutes is None:
            return None
        if self._day_anchor is None or self._day_anchor.date() != at.date():
            same_day = [b.at for b in (self.base or self.bars) if b.at.date() == at.date()]
            self._day_anchor = min(same_day) if same_day else None
        return self._day_anchor


# ---- the service ---------------------------------------------------------------------------


class ChartService(QObject):
    """Loads and caches series for the chart dock (one per session)."""

    changed = Signal(object)  # Series: bars arrived (first load, older page, or a tick)
    failed = Signal(object, str)  # (symbol, period) key, the sentence to show

    def __init__(self, client: KisClient, *, paper: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.paper = paper
        self._series: dict[SeriesKey, Series] = {}
        self._tasks: dict[SeriesKey, asyncio.Task[None]] = {}

    # -- reading ----------------------------------------------------------------------------------
    def cached(self, symbol: ChartSymbol, period: Period) -> Series | None:
        return self._series.get((*symbol.key, period))

    def busy(self, symbol: ChartSymbol | None = None, period: Period | None = None) -> bool:
        if symbol is None:
            return any(not t.done() for t in self._tasks.values())
        task = self._tasks.get((*symbol.key, period)) if period is not None else None
        return task is not None and not task.done()

    @property
    def idle(self) -> bool:
        return not self.busy()

    # -- loading ----------------------------------------------------------------------------------
    def load(self, symbol: ChartSymbol, period: Period) -> Series | None:
        """The cached series, or None while its first load runs (``changed`` tells the end)."""
        series = self.cached(symbol, period)
        if series is not None:
            return series
        key = (*symbol.key, period)
        if key not in self._tasks or self._tasks[key].done():
            self._spawn(key, self._first(symbol, period))
        return None

    def load_older(self, symbol: ChartSymbol, period: Period) -> bool:
        """Fetch the page before the oldest bar held; False when none is left (or one runs)."""
        series = self.cached(symbol, period)
        key = (*symbol.key, period)
        if series is None or series.complete or self.busy(symbol, period):
            return False
        self._spawn(key, self._older(series))
        return True

    async def load_now(self, symbol: ChartSymbol, period: Period) -> Series:
        """Load (or take from the cache) and wait: for tools, benches and tests."""
        series = self.cached(symbol, period)
        if series is None:
            await self._first(symbol, period)
            series = self._series[(*symbol.key, period)]
        return series

    async def older_now(self, series: Series) -> None:
        await self._older(series)

    def on_tick(
        self, symbol: ChartSymbol, price: Decimal, day_volume: Decimal | None, at: dt.datetime
    ) -> None:
        """A trade (or a polled quote) of ``symbol`` at ``at`` on the exchange's clock: every
        cached period of it follows."""
        for (market, code, _), series in self._series.items():
            if (market, code) == symbol.key:
                series.on_tick(price, day_volume, at)
                self.changed.emit(series)

    def set_limits(self, symbol: ChartSymbol, upper: Decimal | None, lower: Decimal | None) -> None:
        for (market, code, _), series in self._series.items():
            if (market, code) == symbol.key:
                series.upper, series.lower = upper, lower

    def close(self) -> None:
        for task in self._tasks.values():
            task.cancel()
        self._tasks.clear()

    # -- internals --------------------------------------------------------------------------------
    def _spawn(self, key: SeriesKey, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_event_loop().create_task(self._guard(key, coro))
        self._tasks[key] = task

    async def _guard(self, key: SeriesKey, coro: Coroutine[Any, Any, None]) -> None:
        try:
            await coro
        except asyncio.CancelledError:
            raise
        except KisError as exc:
            self.failed.emit(key, describe(exc))
        except Exception as exc:  # a bug must reach the user as a sentence, not kill the loop
            log.exception("chart load failed")
            self.failed.emit(key, f"{type(exc).__name__}: {exc}")

    async def _first(self, symbol: ChartSymbol, period: Period) -> None:
        series = Series(symbol, period)
        if symbol.domestic:
            await self._first_domestic(series)
        else:
            await self._first_overseas(series)
        self._series[(*symbol.key, period)] = series
        self.changed.emit(series)

    async def _first_domestic(self, series: Series) -> None:
        client, code = self.client, series.symbol.code
        quote = await client.domestic_price(code)
        series.upper, series.lower = quote.upper or None, quote.lower or None
        series.day_volume = quote.volume
        if series.period.minutes is None:
            pages = client.daily_chart_pages(code, series.period.value)
            await self._take_pages(series, pages, 1)
            return
        # Today's one-minute bars (D13, 30 a page): enough for a screen of N-minute bars.
        await self._today_minutes(series, None, FIRST_BARS * (series.period.minutes or 1))

    async def _today_minutes(self, series: Series, until: dt.time | None, want: int) -> None:
        """Today's one-minute bars (D13, 30 a page) back from ``until`` until ``want`` are in;
        when today runs out the rest is D14 (real-only): on paper, say so and stop."""
        pages = self.client.minute_chart_pages(series.symbol.code, until)
        got, exhausted = await _collect(pages, want)
        if exhausted:
            series.today_done = True
            if self.paper:
                series.complete = True
                series.note = not_on_paper_note()
        series.base = merge_older(series.base, got)
        series.bars = aggregate(series.base, series.period)

    async def _first_overseas(self, series: Series) -> None:
        client, sym = self.client, series.symbol
        if series.period.minutes is None:
            pages = client.overseas_daily_pages(sym.market, sym.code, series.period.value)
            await self._take_pages(series, pages, 1)
            return
        if self.paper:
            series.complete = True
            series.note = not_on_paper_note(overseas=True)
            return
        pages = client.overseas_minute_pages(sym.market, sym.code, series.period.minutes)
        await self._take_pages(series, pages, 1)

    async def _take_pages(
        self, series: Series, pages: AsyncIterator[list[ChartBar]], count: int
    ) -> None:
        got, exhausted = await _collect(pages, 1, pages_wanted=count)
        series.bars = merge_older(series.bars, got)
        series.complete = series.complete or exhausted

    async def _older(self, series: Series) -> None:
        try:
            await self._older_pages(series)
        except NotOfferedInPaper:
            series.complete = True
            series.note = not_on_paper_note()
        self.changed.emit(series)

    async def _older_pages(self, series: Series) -> None:
        client, sym, period = self.client, series.symbol, series.period
        if not series.bars:
            series.complete = True
            return
        oldest = series.bars[0].at
        if period.minutes is None:
            end = oldest.date() - dt.timedelta(days=1)
            if sym.domestic:
                pages = client.daily_chart_pages(sym.code, period.value, end)
            else:
                pages = client.overseas_daily_pages(sym.market, sym.code, period.value, end)
            await self._take_pages(series, pages, 1)
            return
        if not sym.domestic:
            before = oldest - dt.timedelta(minutes=period.minutes)
            pages = client.overseas_minute_pages(sym.market, sym.code, period.minutes, before)
            await self._take_pages(series, pages, 1)
            return
        first_base = series.base[0].at if series.base else oldest
        cursor = first_base - dt.timedelta(minutes=1)
        want = max(120, 60 * (period.minutes or 1))
        if not series.today_done:
            await self._today_minutes(series, cursor.time(), want)
            return
        # Past days: D14 pages of 120 one-minute bars (real-only).
        pages = client.minute_chart_day_pages(sym.code, cursor.date(), cursor.time())
        got, exhausted = await _collect(pages, want)
        series.complete = series.complete or exhausted
        series.base = merge_older(series.base, got)
        series.bars = aggregate(series.base, period)


async def _collect(
    pages: AsyncIterator[list[ChartBar]], want: int, *, pages_wanted: int | None = None
) -> tuple[list[ChartBar], bool]:
    """Older pages in front of each other until ``want`` bars (or ``pages_wanted`` pages) are
    in: (the bars oldest first, whether the pages ran out)."""
    got: list[ChartBar] = []
    taken = 0
    exhausted = True
    async for page in pages:
        got = merge_older(got, page)
        taken += 1
        if len(got) >= want and (pages_wanted is None or taken >= pages_wanted):
            exhausted = False
            break
    aclose = getattr(pages, "aclose", None)
    if aclose is not None:
        await aclose()
    return got, exhausted


def not_on_paper_note(*, overseas: bool = False) -> str:
    if overseas:
        return translate(
            "Chart", "Overseas minute bars are not offered on paper trading (모의투자 미지원)."
        )
    return translate(
        "Chart", "Minute bars of past days are not offered on paper trading (모의투자 미지원)."
    )
