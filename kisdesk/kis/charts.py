"""Chart bars: domestic minute bars of today (D13) and of a past day (D14, real-only), overseas
day/week/month bars (O6b) and overseas minute bars (O7, real-only); D9 is in domestic.py.

Each call returns typed rows (Decimal prices) newest first, as KIS sends them, plus ``bars()``
in one shape for every endpoint: :class:`ChartBar`, oldest first, timed on the exchange's clock.
None of these TRs continues with ``tr_cont``; paging moves a time or date cursor back, and the
``*_pages`` iterators do that (each stops on an empty page or one that is not older).
"""

# ruff: noqa: RUF009  (kis()/local() are dataclass field specifiers, evaluated once by design)
from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from decimal import Decimal

from kisdesk.kis.base import today_kst, ymd
from kisdesk.kis.domestic import DomesticApi
from kisdesk.kis.fields import kis, parse, parse_list
from kisdesk.kis.records import DailyBar

P_MINUTE = "/uapi/domestic-stock/v1/quotations/inquire-time-itemchartprice"
P_MINUTE_DAY = "/uapi/domestic-stock/v1/quotations/inquire-time-dailychartprice"
P_OVRS_DAILY = "/uapi/overseas-price/v1/quotations/dailyprice"
P_OVRS_MINUTE = "/uapi/overseas-price/v1/quotations/inquire-time-itemchartprice"

D13_ROWS = 30
D14_ROWS = 120
O7_ROWS = 120


@dataclass(frozen=True, slots=True)
class ChartBar:
    """One bar on the exchange's clock (``at``: naive local time; daily bars at midnight; a
    minute bar at the minute it opens, as KIS times them)."""

    at: dt.datetime
    open: Decimal
    high: Decimal
    low: Decimal
    close: Decimal
    volume: Decimal


# ---- records ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MinuteBarRow:
    """D13/D14 ``output2`` row (newest first)."""

    date: dt.date | None = kis("stck_bsop_date")
    hour: dt.time | None = kis("stck_cntg_hour")  # HHMM00
    close: Decimal = kis("stck_prpr")
    open: Decimal = kis("stck_oprc")
    high: Decimal = kis("stck_hgpr")
    low: Decimal = kis("stck_lwpr")
    volume: Decimal = kis("cntg_vol")
    value_to_date: Decimal | None = kis("acml_tr_pbmn", required=False)  # cumulative, not per bar

    @property
    def at(self) -> dt.datetime:
        assert self.date is not None and self.hour is not None
        return dt.datetime.combine(self.date, self.hour)

    def bar(self) -> ChartBar:
        return ChartBar(self.at, self.open, self.high, self.low, self.close, self.volume)


@dataclass(frozen=True, slots=True)
class MinuteChartHeader:
    """D13/D14 ``output1``: the day so far."""

    price: Decimal = kis("stck_prpr")
    change: Decimal = kis("prdy_vrss", required=False)
    sign: str = kis("prdy_vrss_sign", required=False)
    change_rate: Decimal = kis("prdy_ctrt", required=False)
    prev_close: Decimal = kis("stck_prdy_clpr", required=False)
    volume: Decimal = kis("acml_vol", required=False)
    trade_value: Decimal = kis("acml_tr_pbmn", required=False)
    name: str = kis("hts_kor_isnm", required=False)


@dataclass(frozen=True, slots=True)
class MinuteChart:
    header: MinuteChartHeader | None
    rows: list[MinuteBarRow]  # newest first

    def bars(self) -> list[ChartBar]:
        return [r.bar() for r in reversed(self.rows)]


@dataclass(frozen=True, slots=True)
class OverseasDailyRow:
    """O6b ``output2`` row (newest first)."""

    date: dt.date | None = kis("xymd")
    close: Decimal = kis("clos")
    sign: str = kis("sign", required=False)
    change: Decimal | None = kis("diff", required=False)  # unsigned: read with ``sign``
    change_rate: Decimal | None = kis("rate", required=False)
    open: Decimal = kis("open")
    high: Decimal = kis("high")
    low: Decimal = kis("low")
    volume: Decimal = kis("tvol")
    trade_value: Decimal | None = kis("tamt", required=False)

    def bar(self) -> ChartBar:
        assert self.date is not None
        at = dt.datetime.combine(self.date, dt.time())
        return ChartBar(at, self.open, self.high, self.low, self.close, self.volume)


@dataclass(frozen=True, slots=True)
class OverseasDailyChart:
    rows: list[OverseasDailyRow]  # newest first
    zdiv: int
    more: bool  # header tr_cont M/F: older bars exist

    def bars(self) -> list[ChartBar]:
        return [r.bar() for r in reversed(self.rows)]


@dataclass(frozen=True, slots=True)
class OverseasMinuteRow:
    """O7 ``output2`` row (newest first); x = exchange-local, k = KST."""

    local_date: dt.date | None = kis("xymd")
    local_time: dt.time | None = kis("xhms")
    kst_date: dt.date | None = kis("kymd", required=False)
    kst_time: dt.time | None = kis("khms", required=False)
    open: Decimal = kis("open")
    high: Decimal = kis("high")
    low: Decimal = kis("low")
    close: Decimal = kis("last")
    volume: Decimal = kis("evol")
    value: Decimal | None = kis("eamt", required=False)

    @property
    def at(self) -> dt.datetime:
        assert self.local_date is not None and self.local_time is not None
        return dt.datetime.combine(self.local_date, self.local_time)

    def bar(self) -> ChartBar:
        return ChartBar(self.at, self.open, self.high, self.low, self.close, self.volume)


@dataclass(frozen=True, slots=True)
class OverseasMinuteHeader:
    """O7 ``output1``."""

    zdiv: int = kis("zdiv", required=False)
    session_start: dt.time | None = kis("stim", required=False)  # exchange-local
    session_end: dt.time | None = kis("etim", required=False)
    next: str = kis("next", required=False)  # "1": a continuation call is possible
    count: int = kis("nrec", required=False)


@dataclass(frozen=True, slots=True)
class OverseasMinuteChart:
    header: OverseasMinuteHeader
    rows: list[OverseasMinuteRow]  # newest first

    @property
    def more(self) -> bool:
        return self.header.next.strip() == "1"

    def bars(self) -> list[ChartBar]:
        return [r.bar() for r in reversed(self.rows)]


def daily_bar(row: DailyBar) -> ChartBar:
    """A D9 row in the common shape."""
    assert row.date is not None
    at = dt.datetime.combine(row.date, dt.time())
    return ChartBar(at, row.open, row.high, row.low, row.close, row.volume)


# ---- calls --------------------------------------------------------------------------------------


class ChartsApi(DomesticApi):
    async def minute_chart(
        self, code: str, until: dt.time | None = None, *, market: str = "J"
    ) -> MinuteChart:
        """Up to 30 one-minute bars of today at and before ``until`` (None: now), newest first
        (FHKST03010200; paper too)."""
        tr = self._t.tr_id("minute_chart")
        reply = await self._t.get(
            P_MINUTE,
            tr,
            {
                "FID_COND_MRKT_DIV_CODE": market,
                "FID_INPUT_ISCD": code,
                "FID_INPUT_HOUR_1": until.strftime("%H%M%S") if until else "000000",
                "FID_PW_DATA_INCU_YN": "N",
                "FID_ETC_CLS_CODE": "",
            },
        )
        return _minute_chart(reply.body, tr)

    async def minute_chart_day(
        self, code: str, day: dt.date, until: dt.time | None = None, *, market: str = "J"
    ) -> MinuteChart:
        """Up to 120 one-minute bars at and before ``day`` ``until`` (None: the day's end),
        newest first; early hours reach into the day before (FHKST03010230, real-only)."""
        tr = self._t.tr_id("minute_chart_day")
        reply = await self._t.get(
            P_MINUTE_DAY,
            tr,
            {
                "FID_COND_MRKT_DIV_CODE": market,
                "FID_INPUT_ISCD": code,
                "FID_INPUT_HOUR_1": (until or dt.time(23, 59, 59)).strftime("%H%M%S"),
                "FID_INPUT_DATE_1": ymd(day),
                "FID_PW_DATA_INCU_YN": "N",
                "FID_FAKE_TICK_INCU_YN": "",
            },
        )
        return _minute_chart(reply.body, tr)

    async def overseas_daily_chart(
        self,
        exchange: str,
        symbol: str,
        *,
        period: str = "D",
        until: dt.date | None = None,
        adjusted: bool = True,
    ) -> OverseasDailyChart:
        """Up to 100 bars from ``until`` (None: today) back, newest first (HHDFS76240000).
        ``exchange``: the quotation code (NAS, NYS, AMS, HKS, TSE, SHS, SZS, HSX, HNX);
        ``period``: D, W or M."""
        tr = self._t.tr_id("overseas_daily_chart")
        reply = await self._t.get(
            P_OVRS_DAILY,
            tr,
            {
                "AUTH": "",
                "EXCD": exchange,
                "SYMB": symbol,
                "GUBN": {"D": "0", "W": "1", "M": "2"}[period],
                "BYMD": ymd(until) if until else "",
                "MODP": "1" if adjusted else "0",
                "KEYB": "",
            },
        )
        head = reply.body.get("output1")
        zdiv = parse(OverseasMinuteHeader, head, tr_id=tr).zdiv if isinstance(head, dict) else 0
        rows = parse_list(
            OverseasDailyRow, reply.body.get("output2"), tr_id=tr, skip_blank_key="xymd"
        )
        return OverseasDailyChart(rows=rows, zdiv=zdiv, more=reply.tr_cont in ("M", "F"))

    async def overseas_minute_chart(
        self,
        exchange: str,
        symbol: str,
        *,
        minutes: int = 1,
        before: dt.datetime | None = None,
        include_past: bool = True,
        count: int = O7_ROWS,
    ) -> OverseasMinuteChart:
        """``count`` (≤120) bars of ``minutes`` minutes, newest first (HHDFS76950200,
        real-only). ``before`` (exchange-local): a continuation call for bars at and before
        that time (NEXT 1, KEYB; PINC must then be 1)."""
        tr = self._t.tr_id("overseas_minute_chart")
        reply = await self._t.get(
            P_OVRS_MINUTE,
            tr,
            {
                "AUTH": "",
                "EXCD": exchange,
                "SYMB": symbol,
                "NMIN": str(minutes),
                "PINC": "1" if include_past or before is not None else "0",
                "NEXT": "1" if before is not None else "",
                "NREC": str(min(count, O7_ROWS)),
                "FILL": "",
                "KEYB": before.strftime("%Y%m%d%H%M%S") if before is not None else "",
            },
        )
        head_raw = reply.body.get("output1")
        head = parse(OverseasMinuteHeader, head_raw if isinstance(head_raw, dict) else {}, tr_id=tr)
        rows = parse_list(
            OverseasMinuteRow, reply.body.get("output2"), tr_id=tr, skip_blank_key="xymd"
        )
        return OverseasMinuteChart(header=head, rows=rows)

    # ---- paging ---------------------------------------------------------------------------------

    async def minute_chart_pages(
        self, code: str, until: dt.time | None = None, *, market: str = "J"
    ) -> AsyncIterator[list[ChartBar]]:
        """Today's one-minute bars, a page (≤30, oldest first) at a time going back: the next
        cursor is the oldest bar minus a minute."""
        cursor = until
        while True:
            page = (await self.minute_chart(code, cursor, market=market)).bars()
            if cursor is not None:
                page = [b for b in page if b.at.time() <= cursor]
            if not page:
                return
            yield page
            oldest = page[0].at
            if oldest.time() == dt.time(0, 0):
                return
            cursor = (oldest - dt.timedelta(minutes=1)).time()

    async def minute_chart_day_pages(
        self, code: str, day: dt.date, until: dt.time | None = None, *, market: str = "J"
    ) -> AsyncIterator[list[ChartBar]]:
        """Past days' one-minute bars from ``day`` ``until`` back, ≤120 a page, oldest first."""
        cursor = dt.datetime.combine(day, until or dt.time(23, 59, 59))
        while True:
            page = [
                b
                for b in (
                    await self.minute_chart_day(code, cursor.date(), cursor.time(), market=market)
                ).bars()
                if b.at <= cursor
            ]
            if not page:
                return
            yield page
            cursor = page[0].at - dt.timedelta(minutes=1)

    async def daily_chart_pages(
        self, code: str, period: str = "D", until: dt.date | None = None, *, market: str = "J"
    ) -> AsyncIterator[list[ChartBar]]:
        """D9 bars (D, W, M or Y) from ``until`` (None: today) back, ≤100 a page, oldest
        first: the next window ends the day before the oldest bar's date."""
        end = until or today_kst()
        start = dt.date(1, 1, 1)
        while True:
            chart = await self.daily_chart(code, _ymd_min(start), end, period=period, market=market)
            page = [daily_bar(r) for r in reversed(chart.bars) if r.date is not None]
            page = [b for b in page if b.at.date() <= end]
            if not page:
                return
            yield page
            end = page[0].at.date() - dt.timedelta(days=1)

    async def overseas_daily_pages(
        self, exchange: str, symbol: str, period: str = "D", until: dt.date | None = None
    ) -> AsyncIterator[list[ChartBar]]:
        """O6b bars from ``until`` back, ≤100 a page, oldest first, while KIS says more."""
        end = until
        while True:
            chart = await self.overseas_daily_chart(exchange, symbol, period=period, until=end)
            page = chart.bars()
            if end is not None:
                page = [b for b in page if b.at.date() <= end]
            if not page:
                return
            yield page
            if not chart.more:
                return
            end = page[0].at.date() - dt.timedelta(days=1)

    async def overseas_minute_pages(
        self, exchange: str, symbol: str, minutes: int = 1, before: dt.datetime | None = None
    ) -> AsyncIterator[list[ChartBar]]:
        """O7 bars going back by continuation (the official recipe: KEYB = the oldest bar's
        local time minus ``minutes``), ≤120 a page, oldest first."""
        cursor = before
        while True:
            chart = await self.overseas_minute_chart(
                exchange, symbol, minutes=minutes, before=cursor
            )
            page = chart.bars()
            if cursor is not None:
                page = [b for b in page if b.at <= cursor]
            if not page:
                return
            yield page
            if not chart.more:
                return
            cursor = page[0].at - dt.timedelta(minutes=minutes)


def _ymd_min(start: dt.date) -> str:
    """D9's start date: python-kis asks for the whole history with 00000101 and KIS serves it."""
    return "00000101" if start.year == 1 else ymd(start)


def _minute_chart(body: dict, tr: str) -> MinuteChart:
    head_raw = body.get("output1")
    header = parse(MinuteChartHeader, head_raw, tr_id=tr) if isinstance(head_raw, dict) else None
    rows = parse_list(MinuteBarRow, body.get("output2"), tr_id=tr, skip_blank_key="stck_bsop_date")
    return MinuteChart(header=header, rows=rows)
