"""Session windows for market_hours="krx" (errors-and-limits.md §7, KST, weekdays; holidays
are not modelled).

Each window names the ORD_DVSN codes it takes; ``None`` means every code except the
session-only 05/06/07 (which codes a venue takes at all is check_venue's business). The
opening-auction book (08:30–09:00, "normal types") is read as plain limit and market orders:
최유리/최우선 and IOC/FOK need a continuous market. Where the sources disagree (05 from 08:20 or
08:30; NXT main from 09:00 or 09:00:30, after-market from 15:30 or 15:40) the narrower window is
used. SOR takes an order when either venue would. Prices walk only in the KRX regular session,
so an order accepted outside it matches against the last price or rests.
"""

from __future__ import annotations

from datetime import datetime, time

from .order_types import VENUE_ORD_DVSN

KRX_OPEN, KRX_CLOSE = time(9, 0), time(15, 30)
SESSION_ONLY = frozenset(("05", "06", "07"))

Window = tuple[time, time, frozenset[str] | None]
WINDOWS: dict[str, tuple[Window, ...]] = {
    "KRX": (
        (time(8, 30), time(8, 40), frozenset(("05",))),  # 장전 시간외 at yesterday's close
        (time(8, 30), KRX_OPEN, frozenset(("00", "01"))),  # opening auction book
        (KRX_OPEN, KRX_CLOSE, None),  # regular: continuous, closing auction from 15:20
        (time(15, 40), time(16, 0), frozenset(("06",))),  # 장후 시간외 at today's close
        (time(16, 0), time(18, 0), frozenset(("07",))),  # 시간외 단일가
    ),
    "NXT": (
        (time(8, 0), time(8, 50), None),  # pre-market
        (time(9, 0, 30), time(15, 20), None),  # main market
        (time(15, 40), time(20, 0), None),  # after-market
    ),
}


def regular_open(now: datetime) -> bool:
    """The KRX regular session: prices walk, and paper takes orders (40580000 outside)."""
    return now.weekday() < 5 and KRX_OPEN <= now.time() < KRX_CLOSE


def accepts(now: datetime, venue: str, ord_dvsn: str | None) -> bool:
    """Whether ``venue`` takes ``ord_dvsn`` now; ``None`` (a cancel) asks whether any of its
    windows is open."""
    if venue == "SOR":
        return any(
            accepts(now, v, ord_dvsn)
            for v in ("KRX", "NXT")
            if ord_dvsn is None or ord_dvsn in VENUE_ORD_DVSN[v]
        )
    if now.weekday() >= 5:
        return False
    t = now.time()
    for start, end, codes in WINDOWS[venue]:
        if start <= t < end and (
            ord_dvsn is None
            or (ord_dvsn in codes if codes is not None else ord_dvsn not in SESSION_ONLY)
        ):
            return True
    return False
