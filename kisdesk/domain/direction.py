"""Which way a price moved: the rule behind the red/blue (or green/red) colouring and the arrows."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum


class Direction(Enum):
    """A move against the reference price (normally the previous close).

    The limit members come only from KIS sign codes; ``direction_of`` never returns them because a
    bare number cannot tell a limit move from an ordinary one.
    """

    UP = "up"
    DOWN = "down"
    FLAT = "flat"
    UPPER_LIMIT = "upper_limit"
    LOWER_LIMIT = "lower_limit"

    @property
    def rising(self) -> bool:
        return self in (Direction.UP, Direction.UPPER_LIMIT)

    @property
    def falling(self) -> bool:
        return self in (Direction.DOWN, Direction.LOWER_LIMIT)

    @property
    def base(self) -> Direction:
        """UP, DOWN or FLAT: the limit members folded into their plain direction."""
        if self.rising:
            return Direction.UP
        if self.falling:
            return Direction.DOWN
        return Direction.FLAT

    @property
    def arrow(self) -> str:
        """The HTS glyph: ▲/▼ for a move, ↑/↓ for a limit move, nothing when flat."""
        return _ARROWS[self]


_ARROWS = {
    Direction.UP: "▲",
    Direction.DOWN: "▼",
    Direction.FLAT: "",
    Direction.UPPER_LIMIT: "↑",
    Direction.LOWER_LIMIT: "↓",
}

# KIS prdy_vrss_sign (and the same 1-5 set in sign / t_xsgn / antc_cntg_vrss_sign).
_SIGN_CODES = {
    "1": Direction.UPPER_LIMIT,
    "2": Direction.UP,
    "3": Direction.FLAT,
    "4": Direction.LOWER_LIMIT,
    "5": Direction.DOWN,
}


def direction_of(value: Decimal | int | None) -> Direction:
    """UP for a positive change, DOWN for a negative one, FLAT for zero or no value."""
    if value is None or (isinstance(value, Decimal) and value.is_nan()):
        return Direction.FLAT
    if value > 0:
        return Direction.UP
    if value < 0:
        return Direction.DOWN
    return Direction.FLAT


def direction_from_sign(sign: str | None) -> Direction:
    """Map a KIS sign code (1 upper limit, 2 up, 3 flat, 4 lower limit, 5 down); unknown -> FLAT."""
    if sign is None:
        return Direction.FLAT
    return _SIGN_CODES.get(str(sign).strip(), Direction.FLAT)
