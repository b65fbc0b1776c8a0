"""Overseas tick sizes: KIS's ``e_hogau`` where it applies, the exchange's ladder elsewhere.

The price detail (O6) gives a symbol's tick as ``e_hogau``; the digest cannot say whether it is
the tick at the current price or a fixed one (endpoints.md O6). It is read as the tick of the
band the current price is in, so it decides for any price in that band; a price in another band
of a market whose tick depends on the price takes that band's tick from the exchange's own
ladder below (US: a cent from $1, 1/100 cent below; Hong Kong: the HKEX spread table; Tokyo:
the TSE standard table; Ho Chi Minh: 10/50/100 dong; Hanoi: 100 dong; China: a fen). On paper
there is no O6, and the ladder decides alone.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

D = Decimal

# (upper bound of the band, inclusive; tick), bottom up. None: no upper bound.
Ladder = tuple[tuple[Decimal | None, Decimal], ...]
_US: Ladder = ((D("0.9999"), D("0.0001")), (None, D("0.01")))
_HK: Ladder = (
    (D("0.25"), D("0.001")),
    (D("0.5"), D("0.005")),
    (D(10), D("0.01")),
    (D(20), D("0.02")),
    (D(100), D("0.05")),
    (D(200), D("0.1")),
    (D(500), D("0.2")),
    (D(1000), D("0.5")),
    (D(2000), D(1)),
    (D(5000), D(2)),
    (None, D(5)),
)
_TSE: Ladder = (
    (D(3000), D(1)),
    (D(5000), D(5)),
    (D(30000), D(10)),
    (D(50000), D(50)),
    (D(300000), D(100)),
    (D(500000), D(500)),
    (D(3000000), D(1000)),
    (None, D(5000)),
)
_CN: Ladder = ((None, D("0.01")),)
_HOSE: Ladder = ((D("9999"), D(10)), (D("49999"), D(50)), (None, D(100)))
_HNX: Ladder = ((None, D(100)),)

LADDERS: dict[str, Ladder] = {
    "NASD": _US,
    "NYSE": _US,
    "AMEX": _US,
    "SEHK": _HK,
    "TKSE": _TSE,
    "SHAA": _CN,
    "SZAA": _CN,
    "VNSE": _HOSE,
    "HASE": _HNX,
}


def _band(exchange: str, price: Decimal) -> int:
    ladder = LADDERS[exchange]
    for i, (top, _tick) in enumerate(ladder):
        if top is None or price <= top:
            return i
    return len(ladder) - 1


def ladder_tick(exchange: str, price: Decimal) -> Decimal:
    """The exchange's tick for an order at ``price``."""
    return LADDERS[exchange][_band(exchange, price)][1]


def tick_at(
    exchange: str,
    price: Decimal,
    quoted: Decimal | None = None,
    current: Decimal | None = None,
) -> Decimal:
    """The tick an order at ``price`` must respect: ``quoted`` (O6 ``e_hogau``) when ``price`` is
    in the band of the ``current`` price it was quoted at, else the ladder's."""
    known = quoted is not None and quoted > 0 and current is not None and current > 0
    if known and _band(exchange, price) == _band(exchange, current):  # type: ignore[arg-type]
        return quoted  # type: ignore[return-value]
    return ladder_tick(exchange, price)


def on_tick(
    exchange: str, price: Decimal, quoted: Decimal | None = None, current: Decimal | None = None
) -> bool:
    return price > 0 and price % tick_at(exchange, price, quoted, current) == 0


def round_tick(
    exchange: str,
    price: Decimal,
    quoted: Decimal | None = None,
    current: Decimal | None = None,
    *,
    up: bool = False,
) -> Decimal:
    """``price`` rounded down (or up) onto the grid; never below one tick."""
    tick = tick_at(exchange, price, quoted, current)
    n = (price / tick).to_integral_value(rounding=ROUND_CEILING if up else ROUND_FLOOR)
    on = n * tick
    if up and _band(exchange, on) != _band(exchange, price):
        return on  # rounding up crossed into the next band: still a valid price there
    return max(tick, on)


def step_tick(
    exchange: str,
    price: Decimal,
    steps: int,
    quoted: Decimal | None = None,
    current: Decimal | None = None,
) -> Decimal:
    """``price`` moved ``steps`` ticks (a price off the grid first snaps in the direction of
    travel), across band edges; never below one tick."""
    if steps == 0:
        return price
    up = steps > 0
    p, left = price, abs(steps)
    if not on_tick(exchange, p, quoted, current):
        p, left = round_tick(exchange, p, quoted, current, up=up), left - 1
    for _ in range(left):
        # Leaving a band at its edge takes the tick of the band entered: probe half a tick out.
        half = tick_at(exchange, p, quoted, current) / 2
        tick = tick_at(exchange, p + half if up else p - half, quoted, current)
        # The next grid price of that band (its grid is anchored at multiples of its tick).
        if up:
            p = ((p / tick).to_integral_value(rounding=ROUND_FLOOR) + 1) * tick
        else:
            lower = ((p / tick).to_integral_value(rounding=ROUND_CEILING) - 1) * tick
            if lower <= 0:
                break
            p = lower
    return p


def ticks_between(
    exchange: str,
    start: Decimal,
    end: Decimal,
    quoted: Decimal | None = None,
    cap: int = 10_000,
) -> int:
    """Signed number of ticks from ``start`` to ``end`` (the fat-finger guard), counting at most
    ``cap``; ``quoted`` is the tick at ``start``."""
    if start == end or start <= 0 or end <= 0:
        return 0
    sign = 1 if end > start else -1
    p, n = start, 0
    while (p < end if sign > 0 else p > end) and n < cap:
        nxt = step_tick(exchange, p, sign, quoted, start)
        if nxt == p:
            break
        p, n = nxt, n + 1
    return sign * n
