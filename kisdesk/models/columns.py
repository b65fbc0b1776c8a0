"""Declarative column specs: one ``Column`` per table column, read by the generic table model.

A column reads a raw value from a record (``value(record)`` or the attribute/mapping key
``key``), shows it through ``fmt`` (or ``display(record)`` when the text needs more than the one
value, e.g. per-row currency decimals), colours it by ``direction(record)`` and sorts by
``sort_value(record)`` (default: the raw value, so numbers sort as numbers).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

from kisdesk.domain.format import (
    Direction,
    direction_from_sign,
    direction_of,
    fmt_change,
    fmt_int,
    fmt_plain,
    fmt_price,
    fmt_rate,
)

Align = Literal["left", "right", "center"]


def default_fmt(value: Any) -> str:
    """``None`` -> ``""``; Decimal as plain digits; enums by value; anything else via ``str``."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return fmt_plain(value)
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    fmt: Callable[[Any], str] = default_fmt
    align: Align = "right"
    direction: Callable[[Any], Direction | None] | None = None
    sort_value: Callable[[Any], Any] | None = None
    value: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str | None] | None = None
    export: bool = True
    # record -> text; overrides ``fmt`` when the text depends on more than this column's value.
    display: Callable[[Any], str] | None = None
    # Shown on the header; plain text, already translated by whoever builds the column list.
    header_tooltip: str | None = None

    def raw(self, record: Any) -> Any:
        if self.value is not None:
            return self.value(record)
        if isinstance(record, Mapping):
            return record.get(self.key)
        return getattr(record, self.key, None)

    def text(self, record: Any) -> str:
        if self.display is not None:
            return self.display(record)
        return self.fmt(self.raw(record))

    def sort_key(self, record: Any) -> Any:
        if self.sort_value is not None:
            return self.sort_value(record)
        return self.raw(record)

    def direction_for(self, record: Any) -> Direction | None:
        return self.direction(record) if self.direction is not None else None


def _read(record: Any, key: str) -> Any:
    if isinstance(record, Mapping):
        return record.get(key)
    return getattr(record, key, None)


# Colour rules -------------------------------------------------------------------------------


def by_value(key: str) -> Callable[[Any], Direction]:
    """Colour by the sign of a numeric field (a change, a P&L, a rate)."""
    return lambda record: direction_of(_read(record, key))


def by_sign(key: str) -> Callable[[Any], Direction]:
    """Colour by a KIS 1-5 sign-code field (``prdy_vrss_sign``)."""
    return lambda record: direction_from_sign(_read(record, key))


# Common column shapes ------------------------------------------------------------------------


def text_column(key: str, title: str, **kw: Any) -> Column:
    kw.setdefault("align", "left")
    return Column(key, title, **kw)


def int_column(key: str, title: str, **kw: Any) -> Column:
    """Quantities and KRW amounts: ``1,234,567``."""
    return Column(key, title, fmt=fmt_int, **kw)


def price_column(key: str, title: str, decimals: int = 0, **kw: Any) -> Column:
    return Column(key, title, fmt=lambda v: fmt_price(v, decimals), **kw)


def rate_column(key: str, title: str, **kw: Any) -> Column:
    """A percentage coloured by its own sign unless another rule is given: ``+1.23%``."""
    kw.setdefault("direction", by_value(key))
    return Column(key, title, fmt=fmt_rate, **kw)


def change_column(key: str, title: str, decimals: int = 0, **kw: Any) -> Column:
    """A change with ▲/▼ coloured by its own sign unless another rule is given."""
    kw.setdefault("direction", by_value(key))
    return Column(key, title, fmt=lambda v: fmt_change(v, decimals), **kw)
