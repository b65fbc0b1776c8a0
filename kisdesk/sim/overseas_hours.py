"""When the simulator takes overseas orders with market_hours="krx" (KST; weekdays; holidays not
modelled). The digest's hours (endpoints.md O10, errors-and-limits.md §7):

- US regular order TRs: pre-market, regular and after-market, 18:00 to 07:00 the next morning
  (US summer time 17:00 to 07:00), on US weekdays: a window belongs to the New York date it
  starts on, so Saturday 06:30 KST is still Friday's after-market.
- US daytime session TRs: 10:00–18:00 on Korean weekdays, the same in summer.
- Tokyo 09:00–11:30 / 12:30–15:00, Shanghai and Shenzhen 10:30–16:00, Hong Kong 10:30–13:00 /
  14:00–17:00; Vietnam (not in the digest; local 09:00–11:30 / 13:00–15:00, UTC+7)
  11:00–13:30 / 15:00–17:00.

Outside them KIS answers an error whose code the doc does not give; python-kis reads APBK1664
as "overseas market not open", so that is the answer here, on paper too.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from kisdesk.domain.overseas_hours import us_summer_time

from .envelope import KisError
from .universe import US_EXCHANGES

ASIA: dict[str, tuple[tuple[time, time], ...]] = {
    "TKSE": ((time(9), time(11, 30)), (time(12, 30), time(15))),
    "SHAA": ((time(10, 30), time(16)),),
    "SZAA": ((time(10, 30), time(16)),),
    "SEHK": ((time(10, 30), time(13)), (time(14), time(17))),
    "HASE": ((time(11), time(13, 30)), (time(15), time(17))),
    "VNSE": ((time(11), time(13, 30)), (time(15), time(17))),
}
US_END = time(7)  # the after-market ends 07:00 KST in both seasons
DAYTIME = (time(10), time(18))


def us_regular_open(now: datetime) -> bool:
    start = time(17) if us_summer_time(now) else time(18)
    t = now.time()
    if t >= start:
        trading_day = now.date()
    elif t < US_END:
        trading_day = now.date() - timedelta(days=1)
    else:
        return False
    return trading_day.weekday() < 5


def daytime_open(now: datetime) -> bool:
    return now.weekday() < 5 and DAYTIME[0] <= now.time() < DAYTIME[1]


def takes_orders(exchange: str, now: datetime, *, daytime: bool = False) -> bool:
    """Whether ``exchange``'s order TRs (or the US daytime ones) take an order at ``now`` (KST)."""
    if daytime:
        return exchange in US_EXCHANGES and daytime_open(now)
    if exchange in US_EXCHANGES:
        return us_regular_open(now)
    if now.weekday() >= 5:
        return False
    return any(a <= now.time() < b for a, b in ASIA.get(exchange, ()))


def check_open(world_hours: str, exchange: str, now: datetime, *, daytime: bool = False) -> None:
    """APBK1664 outside the hours (only in the KRX-clock mode: "always" takes orders any time)."""
    if world_hours != "always" and not takes_orders(exchange, now, daytime=daytime):
        raise KisError("APBK1664")
