"""KRX tick sizes (호가가격단위) and the daily price band.

The stock table is the one in force since 2023-01-25 (KOSPI, KOSDAQ and KONEX unified); ETFs,
ETNs and ELWs keep a flat 5-won tick. The band for a price is chosen by that price itself.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

# (lower bound of the band, tick) from the top down, so the first match wins.
_STOCK_BANDS: tuple[tuple[Decimal, Decimal], ...] = (
    (Decimal(500_000), Decimal(1_000)),
    (Decimal(200_000), Decimal(500)),
    (Decimal(50_000), Decimal(100)),
    (Decimal(20_000), Decimal(50)),
    (Decimal(5_000), Decimal(10)),
    (Decimal(2_000), Decimal(5)),
    (Decimal(0), Decimal(1)),
)
FLAT_TICK_KINDS = frozenset({"etf", "etn", "elw"})
_FLAT_TICK = Decimal(5)
LIMIT_RATE = Decimal("0.30")


def tick_size(price: Decimal, kind: str = "stock") -> Decimal:
    """The tick that applies to an order at ``price``."""
    if kind in FLAT_TICK_KINDS:
        return _FLAT_TICK
    for floor, tick in _STOCK_BANDS:
        if price >= floor:
            return tick
    return Decimal(1)


def is_on_tick(price: Decimal, kind: str = "stock") -> bool:
    return price > 0 and price % tick_size(price, kind) == 0


def round_to_tick(price: Decimal, kind: str = "stock", *, up: bool = False) -> Decimal:
    """Round onto the grid (down by default, up when ``up``)."""
    tick = tick_size(price, kind)
    q = (price / tick).to_integral_value(rounding=ROUND_CEILING if up else ROUND_FLOOR)
    result = q * tick
    # Rounding up across a band edge can land on a price whose own tick is coarser.
    if up and not is_on_tick(result, kind):
        return round_to_tick(result, kind, up=True)
    return result


def step_price(price: Decimal, steps: int, kind: str = "stock") -> Decimal:
    """Move ``steps`` ticks up (positive) or down, crossing band edges one tick at a time.

    1,999 +1 → 2,000 +1 → 2,005; 5,000 -1 → 4,995 (the 2023 table: below 2,000 the tick is 1).
    An off-grid price first snaps to the grid in the direction of travel, which counts as the
    first step.
    """
    p = price
    if steps > 0:
        for _ in range(steps):
            if not is_on_tick(p, kind):
                p = round_to_tick(p, kind, up=True)
                continue
            p = p + tick_size(p, kind)
    else:
        for _ in range(-steps):
            if not is_on_tick(p, kind):
                p = round_to_tick(p, kind)
                continue
            # The tick below a band edge is the lower band's tick (5,000 - 5 = 4,995).
            below = p - Decimal(1)
            p = p - tick_size(below if below > 0 else p, kind)
            if p <= 0:
                return tick_size(Decimal(1), kind)
    return p


def price_limits(base: Decimal, kind: str = "stock") -> tuple[Decimal, Decimal]:
    """(upper, lower) daily limits: base ±30%, upper rounded down and lower rounded up to ticks."""
    upper = round_to_tick(base * (1 + LIMIT_RATE), kind)
    lower = round_to_tick(base * (1 - LIMIT_RATE), kind, up=True)
    return upper, max(lower, tick_size(Decimal(1), kind))
