"""When each overseas market takes orders through the Open API (pure calendar rules, no I/O).

Hours are KIS's, in KST (endpoints.md O10, errors-and-limits.md §7): the US order TRs take the
pre-market 18:00–23:30, the regular session 23:30–06:00 and the after-market 06:00–07:00 (in US
summer time 17:00–22:30, 22:30–05:00, 05:00–07:00); the US daytime session (주간거래) runs
10:00–18:00 KST the year round on its own TRs; Tokyo 09:00–11:30 and 12:30–15:00; Shanghai and
Shenzhen 10:30–16:00; Hong Kong 10:30–13:00 and 14:00–17:00. Vietnam is not in the digest: its
exchanges trade 09:00–11:30 and 13:00–15:00 local (UTC+7), i.e. 11:00–13:30 and 15:00–17:00 KST.

A US session belongs to the US trading day (New York's weekday), the daytime session to the
Korean weekday it runs on (it is the night before New York's day), the Asian ones to their local
weekday. Holidays are not modelled: an order on a holiday is the server's to refuse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

KST = dt.timezone(dt.timedelta(hours=9), "KST")
UTC = dt.UTC
US_EXCHANGES = frozenset({"NASD", "NYSE", "AMEX"})

# Fixed offsets of the Asian markets (none of them keeps summer time).
_ASIA_OFFSET_H = {"SEHK": 8, "SHAA": 8, "SZAA": 8, "TKSE": 9, "HASE": 7, "VNSE": 7}


class Session(Enum):
    CLOSED = "closed"
    PRE = "pre"  # US pre-market (regular order TRs)
    REGULAR = "regular"
    AFTER = "after"  # US after-market (regular order TRs)
    DAYTIME = "daytime"  # US daytime session (daytime order TRs, real only)

    @property
    def open(self) -> bool:
        return self is not Session.CLOSED


def _t(hh: int, mm: int = 0) -> dt.time:
    return dt.time(hh, mm)


# KST windows of the Asian markets: (start, end) half-open.
ASIA_WINDOWS: dict[str, tuple[tuple[dt.time, dt.time], ...]] = {
    "TKSE": ((_t(9), _t(11, 30)), (_t(12, 30), _t(15))),
    "SHAA": ((_t(10, 30), _t(16)),),
    "SZAA": ((_t(10, 30), _t(16)),),
    "SEHK": ((_t(10, 30), _t(13)), (_t(14), _t(17))),
    "HASE": ((_t(11), _t(13, 30)), (_t(15), _t(17))),
    "VNSE": ((_t(11), _t(13, 30)), (_t(15), _t(17))),
}
DAYTIME_WINDOW = (_t(10), _t(18))
# New York local time of the US windows: the KST hours above are these, moved by 14 h in
# standard time and 13 h in summer time; only the after-market end (07:00 KST) is fixed in KST.
US_PRE_START, US_OPEN, US_CLOSE = _t(4), _t(9, 30), _t(16)


def _nth_sunday(year: int, month: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    first_sunday = first + dt.timedelta(days=(6 - first.weekday()) % 7)
    return first_sunday + dt.timedelta(weeks=n - 1)


def us_summer_time(when: dt.datetime) -> bool:
    """US daylight saving time at the instant ``when`` (aware): from 02:00 EST on the second
    Sunday of March (07:00 UTC) to 02:00 EDT on the first Sunday of November (06:00 UTC)."""
    utc = when.astimezone(UTC)
    start = dt.datetime.combine(_nth_sunday(utc.year, 3, 2), _t(7), UTC)
    end = dt.datetime.combine(_nth_sunday(utc.year, 11, 1), _t(6), UTC)
    return start <= utc < end


def exchange_offset(exchange: str, when: dt.datetime) -> dt.timedelta:
    """UTC offset of the exchange's local time at ``when``."""
    if exchange in US_EXCHANGES:
        return dt.timedelta(hours=-4 if us_summer_time(when) else -5)
    return dt.timedelta(hours=_ASIA_OFFSET_H.get(exchange, 9))


def local_time(exchange: str, when: dt.datetime) -> dt.datetime:
    """``when`` on the exchange's clock (O9 takes dates in local exchange time)."""
    return when.astimezone(dt.timezone(exchange_offset(exchange, when)))


def local_date(exchange: str, when: dt.datetime) -> dt.date:
    return local_time(exchange, when).date()


def _in(windows: tuple[tuple[dt.time, dt.time], ...], t: dt.time) -> bool:
    return any(start <= t < end for start, end in windows)


def us_session(when: dt.datetime) -> Session:
    """The session the US regular order TRs are in (PRE/REGULAR/AFTER), or CLOSED."""
    ny = local_time("NASD", when)
    if ny.weekday() >= 5:
        return Session.CLOSED
    t = ny.time()
    if US_PRE_START <= t < US_OPEN:
        return Session.PRE
    if US_OPEN <= t < US_CLOSE:
        return Session.REGULAR
    # The after-market runs from the close until 07:00 KST (16:00-17:00 New York time in
    # winter, 16:00-18:00 in summer).
    kst = when.astimezone(KST)
    after_end = dt.datetime.combine(kst.date(), _t(7), KST)
    if t >= US_CLOSE and kst < after_end:
        return Session.AFTER
    return Session.CLOSED


def daytime_open(when: dt.datetime) -> bool:
    """The US daytime session (10:00–18:00 KST, Korean weekdays)."""
    kst = when.astimezone(KST)
    return kst.weekday() < 5 and DAYTIME_WINDOW[0] <= kst.time() < DAYTIME_WINDOW[1]


def session_at(exchange: str, when: dt.datetime) -> Session:
    """The session the exchange's regular order TRs are in at ``when`` (CLOSED when they
    refuse orders). The US daytime session is asked separately (:func:`daytime_open`)."""
    if exchange in US_EXCHANGES:
        return us_session(when)
    windows = ASIA_WINDOWS.get(exchange)
    if windows is None:
        raise ValueError(f"unknown overseas exchange {exchange!r}")
    if local_time(exchange, when).weekday() >= 5:
        return Session.CLOSED
    return Session.REGULAR if _in(windows, when.astimezone(KST).time()) else Session.CLOSED


@dataclass(frozen=True)
class Route:
    """Where an order for one exchange goes at one moment: its session, and whether that is the
    US daytime session (its own TRs: daytime-order TTTS6036U/TTTS6037U, modify TTTS6038U)."""

    exchange: str
    session: Session

    @property
    def open(self) -> bool:
        return self.session.open

    @property
    def daytime(self) -> bool:
        return self.session is Session.DAYTIME


def route(exchange: str, when: dt.datetime, *, paper: bool = False) -> Route:
    """The session an order placed at ``when`` is routed to. The regular TRs win where both
    take orders (17:00–18:00 KST in US summer time: pre-market and daytime overlap); the
    daytime session is real-only (endpoints.md O10)."""
    session = session_at(exchange, when)
    if not session.open and exchange in US_EXCHANGES and not paper and daytime_open(when):
        session = Session.DAYTIME
    return Route(exchange, session)


def hours_text(exchange: str, when: dt.datetime | None = None) -> str:
    """The KST hours the exchange takes orders, for a message (``10:30–13:00, 14:00–17:00``);
    for the US, those of the season of ``when`` (now when None)."""
    if exchange in US_EXCHANGES:
        summer = us_summer_time(when or dt.datetime.now(KST))
        return "17:00–07:00" if summer else "18:00–07:00"
    windows = ASIA_WINDOWS.get(exchange, ())
    return ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in windows)
