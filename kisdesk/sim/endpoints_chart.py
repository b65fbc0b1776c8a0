"""Chart endpoints from the simulator's own price history: domestic minute bars of today (D13)
and of a past day (D14, real-only), overseas daily/weekly/monthly bars (O6b) and overseas minute
bars (O7, real-only). D9 (domestic daily) lives in endpoints_info.py.

Every series ends at the current price: today's daily bar is the quote's day, and today's minute
bars are the tape in history.py, whose last bar closes at the price of this moment. A minute bar
is timed by the minute it opens, as KIS times them (the evidence: kisdesk/services/charts.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import TYPE_CHECKING

from .api import ApiRequest, ApiSpec
from .clock import KST
from .endpoints_domestic import quote_or_error
from .endpoints_info import _group, price_snapshot
from .envelope import Reply, field_error, s_dec, s_int, s_rate
from .history import Bar, MinuteBar
from .market import DomesticQuote, OverseasQuote
from .universe import QUOTE_TO_TRADE

if TYPE_CHECKING:
    from .world import SimWorld

D13_ROWS = 30  # "한 번의 호출에 최대 30건"
D14_ROWS = 120  # "한 번의 호출에 최대 120건"
D14_KEPT_DAYS = 250  # "최대 1년 분봉 보관" (about 250 trading days)
O6B_ROWS = 100
O7_ROWS = 120
O7_KEPT = timedelta(days=31)  # continuation reaches "about one month"
KRX_OPEN, KRX_CLOSE = time(9, 0), time(15, 30)
DAYTIME_TO_TRADE = {"BAQ": "NASD", "BAY": "NYSE", "BAA": "AMEX"}


# ---- exchange clocks -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Venue:
    utc_hours: int  # standard time
    us_dst: bool  # US daylight saving (second Sunday of March to first Sunday of November)
    open: time
    close: time


VENUES = {
    **dict.fromkeys(("NASD", "NYSE", "AMEX"), Venue(-5, True, time(9, 30), time(16, 0))),
    "SEHK": Venue(8, False, time(9, 30), time(16, 0)),
    **dict.fromkeys(("SHAA", "SZAA"), Venue(8, False, time(9, 30), time(15, 0))),
    "TKSE": Venue(9, False, time(9, 0), time(15, 30)),
    **dict.fromkeys(("HASE", "VNSE"), Venue(7, False, time(9, 0), time(15, 0))),
}


def _nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def venue_zone(venue: Venue, day: date) -> timezone:
    hours = venue.utc_hours
    if venue.us_dst and _nth_sunday(day.year, 3, 2) <= day < _nth_sunday(day.year, 11, 1):
        hours += 1
    return timezone(timedelta(hours=hours))


def local_now(world: SimWorld, venue: Venue) -> datetime:
    now = world.now()
    return now.astimezone(venue_zone(venue, now.astimezone(UTC).date()))


def _at(day: date, t: time, zone: timezone) -> datetime:
    return datetime.combine(day, t, zone)


def today_window(
    world: SimWorld, now: datetime, open_: time, close: time
) -> tuple[datetime, datetime] | None:
    """(first, current) minute of today's bars on an exchange whose clock ``now`` reads, or None
    before the open. Where prices walk round the clock (market_hours "always") the bars do too:
    from the open, or from midnight before it, up to now."""
    zone = now.tzinfo
    assert isinstance(zone, timezone)
    minute = now.replace(second=0, microsecond=0)
    first = _at(now.date(), open_, zone)
    if world.market_hours == "always":
        if now < first:
            first = _at(now.date(), time(0), zone)
        return first, minute
    if now < first:
        return None
    return first, min(minute, _at(now.date(), close, zone) - timedelta(minutes=1))


def _hhmmss(text: str, name: str) -> time | None:
    """``HHMMSS`` → a time; ``000000`` (python-kis: "no time given") → None (as of now)."""
    text = text.strip()
    if len(text) != 6 or not text.isdigit():
        raise field_error(name)
    h, m, s = int(text[:2]), int(text[2:4]), int(text[4:])
    if h > 23 or m > 59 or s > 59:
        raise field_error(name)
    return None if text == "000000" else time(h, m)


def _yn(req: ApiRequest, name: str, *, required: bool = True) -> None:
    value = req.get(name, required=required).strip().upper()
    if value not in ("Y", "N", ""):
        raise field_error(name)


# ---- D13 / D14: domestic minute bars -------------------------------------------------------------


def _krx_today(world: SimWorld, q: DomesticQuote) -> list[MinuteBar]:
    window = today_window(world, world.now(), KRX_OPEN, KRX_CLOSE)
    if window is None:
        return []
    return world.minutes.today(q, *window)


def _minute_rows(bars: list[MinuteBar], day_bars: list[MinuteBar]) -> list[dict[str, str]]:
    """Rows newest first; ``acml_tr_pbmn`` is the day's traded value up to that minute."""
    value: dict[datetime, Decimal] = {}
    running = Decimal(0)
    for b in day_bars:
        running += b.value
        value[b.at] = running
    rows = []
    for b in reversed(bars):
        rows.append(
            {
                "stck_bsop_date": b.at.strftime("%Y%m%d"),
                "stck_cntg_hour": b.at.strftime("%H%M00"),
                "stck_prpr": s_int(b.close),
                "stck_oprc": s_int(b.open),
                "stck_hgpr": s_int(b.high),
                "stck_lwpr": s_int(b.low),
                "cntg_vol": str(b.volume),
                "acml_tr_pbmn": s_int(value[b.at]),
            }
        )
    return rows


def _domestic_code(req: ApiRequest, world: SimWorld) -> DomesticQuote:
    mrkt = req.get("FID_COND_MRKT_DIV_CODE").strip().upper()
    if mrkt not in ("J", "NX", "UN"):
        raise field_error("FID_COND_MRKT_DIV_CODE")
    code = req.get("FID_INPUT_ISCD").strip()
    if code.startswith("Q") and len(code) == 7:  # ETN: Q + 6 digits
        code = code[1:]
    return quote_or_error(world, code)


def minute_chart(world: SimWorld, req: ApiRequest) -> Reply:
    """D13: up to 30 bars of today at and before FID_INPUT_HOUR_1 (a future time: as of now)."""
    q = _domestic_code(req, world)
    until = _hhmmss(req.get("FID_INPUT_HOUR_1"), "FID_INPUT_HOUR_1")
    _yn(req, "FID_PW_DATA_INCU_YN")
    req.get("FID_ETC_CLS_CODE")
    day = _krx_today(world, q)
    chosen = day
    if until is not None:
        cut = datetime.combine(world.now().date(), until, KST)
        chosen = [b for b in day if b.at <= cut]
    rows = _minute_rows(chosen[-D13_ROWS:], day)
    return Reply({"output1": price_snapshot(q), "output2": rows}, msg_cd="MCA00000")


def _krx_day_minutes(world: SimWorld, q: DomesticQuote, bar: Bar) -> list[MinuteBar]:
    first = _at(bar.day, KRX_OPEN, KST)
    last = _at(bar.day, KRX_CLOSE, KST) - timedelta(minutes=1)
    return world.minutes.past_day(q, bar, first, last)


def minute_chart_day(world: SimWorld, req: ApiRequest) -> Reply:
    """D14 (real-only): up to 120 bars at and before FID_INPUT_DATE_1 + FID_INPUT_HOUR_1, newest
    first; early hours reach into the previous trading day (filter on stck_bsop_date); a date
    outside the kept year gives no rows."""
    q = _domestic_code(req, world)
    hour = _hhmmss(req.get("FID_INPUT_HOUR_1"), "FID_INPUT_HOUR_1")
    text = req.get("FID_INPUT_DATE_1").strip()
    try:
        day = datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        raise field_error("FID_INPUT_DATE_1") from None
    _yn(req, "FID_PW_DATA_INCU_YN")
    _yn(req, "FID_FAKE_TICK_INCU_YN", required=False)
    today = world.now().date()
    kept = world.history.bars(q, today)[-D14_KEPT_DAYS:]
    rows: list[dict[str, str]] = []
    if kept[0].day <= day <= today:
        cut = datetime.combine(day, hour or time(23, 59), KST)
        picked: list[MinuteBar] = []
        if day == today:
            picked = [b for b in _krx_today(world, q) if b.at <= cut]
        for bar in reversed(kept):
            if len(picked) >= D14_ROWS:
                break
            if bar.day > day:
                continue
            minutes = _krx_day_minutes(world, q, bar)
            rows_of_day = [b for b in minutes if b.at <= cut]
            picked = rows_of_day + picked
        chosen = picked[-D14_ROWS:]
        for d in sorted({b.at.date() for b in chosen}, reverse=True):
            whole = (
                _krx_today(world, q)
                if d == today
                else _krx_day_minutes(world, q, next(b for b in kept if b.day == d))
            )
            rows += _minute_rows([b for b in chosen if b.at.date() == d], whole)
    return Reply({"output1": price_snapshot(q), "output2": rows}, msg_cd="MCA00000")


# ---- O6b / O7: overseas bars ---------------------------------------------------------------------


def _overseas(world: SimWorld, req: ApiRequest, *, daytime: bool) -> tuple[str, str, OverseasQuote]:
    req.get("AUTH")
    excd = req.get("EXCD").strip().upper()
    symb = req.get("SYMB").strip().upper()
    trade = QUOTE_TO_TRADE.get(excd) or (DAYTIME_TO_TRADE.get(excd) if daytime else None)
    if trade is None or trade not in VENUES:
        raise field_error("EXCD")
    q = world.market.overseas(trade, symb)
    if q is None:
        raise field_error("SYMB")
    return excd, symb, q


def overseas_daily(world: SimWorld, req: ApiRequest) -> Reply:
    """O6b: up to 100 day/week/month bars from BYMD backwards (blank: today), newest first.
    Header tr_cont says whether older bars exist; the next call moves BYMD back."""
    excd, symb, q = _overseas(world, req, daytime=False)
    gubn = req.get("GUBN").strip()
    period = {"0": "D", "1": "W", "2": "M"}.get(gubn)
    if period is None:
        raise field_error("GUBN")
    if req.get("MODP").strip() not in ("0", "1"):
        raise field_error("MODP")
    req.get("KEYB", required=False)
    venue = VENUES[q.exchange.trade]
    today = local_now(world, venue).date()
    text = req.get("BYMD").strip()
    try:
        until = datetime.strptime(text, "%Y%m%d").date() if text else today
    except ValueError:
        raise field_error("BYMD") from None
    today_bar = Bar(today, q.open, q.high, q.low, q.price, q.volume)
    grouped = _group([*world.history.bars(q, today), today_bar], period)
    upto = [b for b in grouped if b.day <= until]
    chosen = upto[-O6B_ROWS:]
    more = len(upto) > len(chosen)
    z = q.exchange.zdiv
    tick = q.tick()
    index = {id(b): i for i, b in enumerate(grouped)}
    rows = []
    for b in reversed(chosen):
        i = index[id(b)]
        prev = grouped[i - 1].close if i else b.open
        diff = b.close - prev
        latest = b is grouped[-1]
        sign = q.sign() if latest and period == "D" else "2" if diff > 0 else "5" if diff else "3"
        rows.append(
            {
                "xymd": b.day.strftime("%Y%m%d"),
                "clos": s_dec(b.close, z),
                "sign": sign,
                "diff": s_dec(abs(diff), z),
                "rate": s_rate(diff, prev, 2),
                "open": s_dec(b.open, z),
                "high": s_dec(b.high, z),
                "low": s_dec(b.low, z),
                "tvol": str(b.volume),
                "tamt": s_int(b.value),
                "pbid": s_dec(b.close, z),
                "vbid": str(max(1, b.volume // 5000)),
                "pask": s_dec(b.close + tick, z),
                "vask": str(max(1, b.volume // 4000)),
            }
        )
    out1 = {"rsym": f"D{excd}{symb}", "zdiv": str(z), "nrec": str(len(rows))}
    return Reply(
        {"output1": out1, "output2": rows}, msg_cd="MCA00000", tr_cont="M" if more else "D"
    )


def _overseas_today(world: SimWorld, q: OverseasQuote) -> list[MinuteBar]:
    venue = VENUES[q.exchange.trade]
    window = today_window(world, local_now(world, venue), venue.open, venue.close)
    if window is None:
        return []
    return world.minutes.today(q, *window)


def _overseas_past(world: SimWorld, q: OverseasQuote, today: date) -> list[list[MinuteBar]]:
    """Regular-session minutes of the kept past days, newest day first."""
    venue = VENUES[q.exchange.trade]
    out = []
    for bar in reversed(world.history.bars(q, today)):
        if bar.day < today - O7_KEPT:
            break
        zone = venue_zone(venue, bar.day)
        first = _at(bar.day, venue.open, zone)
        last = _at(bar.day, venue.close, zone) - timedelta(minutes=1)
        out.append(world.minutes.past_day(q, bar, first, last))
    return out


def _aggregate(day: list[MinuteBar], n: int) -> list[MinuteBar]:
    """N-minute bars of one day, counted from its first minute."""
    if n == 1 or not day:
        return day
    start = day[0].at
    groups: dict[int, list[MinuteBar]] = {}
    for b in day:
        groups.setdefault(int((b.at - start).total_seconds() // 60) // n, []).append(b)
    return [
        MinuteBar(
            start + timedelta(minutes=k * n),
            g[0].open,
            max(b.high for b in g),
            min(b.low for b in g),
            g[-1].close,
            sum(b.volume for b in g),
        )
        for k, g in groups.items()
    ]


def _positive_int(req: ApiRequest, name: str, top: int | None = None) -> int:
    text = req.get(name).strip()
    if not text.isdigit() or int(text) < 1 or (top is not None and int(text) > top):
        raise field_error(name)
    return int(text)


def overseas_minutes(world: SimWorld, req: ApiRequest) -> Reply:
    """O7 (real-only): NREC (≤120) NMIN-minute bars newest first; continuation with NEXT "1" and
    KEYB = local YYYYMMDDHHMMSS (bars at and before it), reaching back about a month of regular
    sessions; PINC 0 keeps to today; US daytime codes give today only."""
    excd, symb, q = _overseas(world, req, daytime=True)
    nmin = _positive_int(req, "NMIN")
    nrec = _positive_int(req, "NREC", O7_ROWS)
    pinc = req.get("PINC").strip()
    nxt = req.get("NEXT").strip()
    if pinc not in ("0", "1"):
        raise field_error("PINC")
    if nxt not in ("", "1"):
        raise field_error("NEXT")
    req.get("FILL")
    keyb = req.get("KEYB").strip()
    venue = VENUES[q.exchange.trade]
    now = local_now(world, venue)
    zone = now.tzinfo
    assert isinstance(zone, timezone)
    days = [_overseas_today(world, q)]
    if pinc == "1" and excd not in DAYTIME_TO_TRADE:
        days += _overseas_past(world, q, now.date())
    series = [b for day in reversed(days) for b in _aggregate(day, nmin)]
    if nxt == "1" and keyb:
        try:
            cut = datetime.strptime(keyb, "%Y%m%d%H%M%S")
        except ValueError:
            raise field_error("KEYB") from None
        series = [b for b in series if b.at.replace(tzinfo=None) <= cut]
    chosen = series[-nrec:]
    more = len(series) > len(chosen)
    z = q.exchange.zdiv
    rows = []
    for b in reversed(chosen):
        kst = b.at.astimezone(KST)
        rows.append(
            {
                "tymd": b.at.strftime("%Y%m%d"),
                "xymd": b.at.strftime("%Y%m%d"),
                "xhms": b.at.strftime("%H%M%S"),
                "kymd": kst.strftime("%Y%m%d"),
                "khms": kst.strftime("%H%M%S"),
                "open": s_dec(b.open, z),
                "high": s_dec(b.high, z),
                "low": s_dec(b.low, z),
                "last": s_dec(b.close, z),
                "evol": str(b.volume),
                "eamt": s_int(b.value),
            }
        )
    open_at = _at(now.date(), venue.open, zone)
    close_at = _at(now.date(), venue.close, zone)
    out1 = {
        "rsym": f"D{excd}{symb}",
        "zdiv": str(z),
        "stim": open_at.strftime("%H%M%S"),
        "etim": close_at.strftime("%H%M%S"),
        "sktm": open_at.astimezone(KST).strftime("%H%M%S"),
        "ektm": close_at.astimezone(KST).strftime("%H%M%S"),
        "next": "1" if more else "0",
        "more": "0",
        "nrec": str(len(rows)),
    }
    return Reply({"output1": out1, "output2": rows}, msg_cd="MCA00000")


SPECS: list[ApiSpec] = [
    ApiSpec(
        "inquire-time-itemchartprice",
        "GET",
        "/uapi/domestic-stock/v1/quotations/inquire-time-itemchartprice",
        {"FHKST03010200": ""},
        {"FHKST03010200": ""},
        minute_chart,
    ),
    ApiSpec(
        "inquire-time-dailychartprice",
        "GET",
        "/uapi/domestic-stock/v1/quotations/inquire-time-dailychartprice",
        {"FHKST03010230": ""},
        {},
        minute_chart_day,
    ),
    ApiSpec(
        "overseas-dailyprice",
        "GET",
        "/uapi/overseas-price/v1/quotations/dailyprice",
        {"HHDFS76240000": ""},
        {"HHDFS76240000": ""},
        overseas_daily,
    ),
    ApiSpec(
        "overseas-inquire-time-itemchartprice",
        "GET",
        "/uapi/overseas-price/v1/quotations/inquire-time-itemchartprice",
        {"HHDFS76950200": ""},
        {},
        overseas_minutes,
    ),
]
