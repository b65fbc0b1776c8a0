"""Display formatting for money, quantities and rates (Korean HTS conventions, no Qt).

Every formatter takes ``Decimal`` (``int`` and numeric ``str`` are accepted and converted) and
returns ``""`` for ``None``. Floats are refused: a float here means a binary rounding error has
already crept into a money path upstream, and it should fail loudly in tests, not render quietly.
Rounding is half-up (away from zero), the way people round money by hand.
"""

from __future__ import annotations

from datetime import time
from decimal import ROUND_HALF_UP, Context, Decimal

from kisdesk.domain.direction import Direction, direction_from_sign, direction_of

__all__ = [
    "Direction",
    "direction_from_sign",
    "direction_of",
    "fmt_change",
    "fmt_int",
    "fmt_krw",
    "fmt_plain",
    "fmt_price",
    "fmt_rate",
    "fmt_signed",
    "fmt_time",
    "to_decimal",
]

Number = Decimal | int | str


def to_decimal(value: Number | None) -> Decimal | None:
    """None or blank -> None; Decimal, int or a numeric str (commas allowed) -> Decimal."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool | float):
        raise TypeError(f"expected Decimal, int or str, got {type(value).__name__}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        return Decimal(text) if text else None
    raise TypeError(f"expected Decimal, int or str, got {type(value).__name__}")


def _round(value: Decimal, decimals: int) -> Decimal:
    """Half-up to ``decimals`` places, with enough precision for any size; never ``-0``."""
    exp = Decimal(1).scaleb(-decimals)
    # Decimal's default 28-digit context would raise on very large numbers; size it to fit.
    prec = max(28, value.adjusted() + decimals + 3)
    q = value.quantize(exp, rounding=ROUND_HALF_UP, context=Context(prec=prec))
    return abs(q) if q.is_zero() else q


def _grouped(value: Decimal, decimals: int) -> str | None:
    """Rounded, with thousands separators and exactly ``decimals`` places; None if not finite."""
    if not value.is_finite():
        return None
    return f"{_round(value, decimals):,.{decimals}f}"


def fmt_price(value: Number | None, decimals: int) -> str:
    """``1234.56`` with 4 decimals -> ``"1,234.5600"``; 0 decimals -> integer."""
    d = to_decimal(value)
    if d is None:
        return ""
    return _grouped(d, decimals) or ""


def fmt_int(value: Number | None) -> str:
    """``1234567`` -> ``"1,234,567"``; fractions are rounded half-up."""
    return fmt_price(value, 0)


def fmt_krw(value: Number | None) -> str:
    """KRW is shown as whole won with thousands separators (same as ``fmt_int``)."""
    return fmt_price(value, 0)


def fmt_signed(value: Number | None, decimals: int = 0) -> str:
    """``"+1,234"`` / ``"-1,234"`` / ``"0"``: a sign on anything that rounds to non-zero."""
    d = to_decimal(value)
    if d is None:
        return ""
    text = _grouped(d, decimals)
    if text is None:
        return ""
    return "+" + text if _round(d, decimals) > 0 else text


def fmt_rate(value: Number | None, decimals: int = 2) -> str:
    """A rate already in percent: ``1.234`` -> ``"+1.23%"``, ``-0.5`` -> ``"-0.50%"``, 0 ->
    ``"0.00%"``."""
    text = fmt_signed(value, decimals)
    return text + "%" if text else ""


def fmt_change(
    value: Number | None, decimals: int = 0, *, direction: Direction | None = None
) -> str:
    """A change with an arrow instead of a sign: ``"▲ 1,200"`` / ``"▼ 300"`` / ``"0"``.

    ``direction`` (e.g. from a KIS sign code) overrides the arrow, so an upper-limit move shows
    ``"↑ 30,000"``. The magnitude comes from ``value``; KIS sends domestic changes already signed.
    """
    d = to_decimal(value)
    if d is None or not d.is_finite():
        return ""
    rounded = _round(d, decimals)
    arrow = (direction if direction is not None else direction_of(rounded)).arrow
    if not arrow:
        return _grouped(d, decimals) or ""
    return f"{arrow} {_grouped(abs(d), decimals)}"


def fmt_plain(value: Number | None) -> str:
    """The exact value as plain text: no separators, no exponent (``7E+4`` -> ``70000``)."""
    d = to_decimal(value)
    if d is None:
        return ""
    if not d.is_finite():
        return str(d)
    if d.is_zero():
        d = abs(d)
    return format(d, "f")


def fmt_time(value: time | None) -> str:
    """An order's or a fill's time of day, ``09:30:15``; ``""`` when the server gave none."""
    return "" if value is None else value.strftime("%H:%M:%S")
