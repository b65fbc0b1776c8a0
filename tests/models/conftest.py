"""Records and column specs shared by the model/view tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

import pytest

from kisdesk.domain.format import direction_from_sign, fmt_change, fmt_krw
from kisdesk.models.columns import Column, by_sign, int_column, rate_column, text_column


@dataclass(frozen=True)
class Quote:
    code: str
    name: str
    price: Decimal | None
    change: Decimal
    rate: Decimal
    sign: str
    volume: int | None = None


def _make_quote(code: str, name: str, price: str | None, change: str = "0", **kw) -> Quote:
    change_d = Decimal(change)
    sign = "2" if change_d > 0 else "5" if change_d < 0 else "3"
    kw.setdefault("sign", sign)
    kw.setdefault("rate", Decimal("0"))
    return Quote(code, name, None if price is None else Decimal(price), change_d, **kw)


@pytest.fixture
def make_quote():
    return _make_quote


@pytest.fixture
def bump():
    """A copy of a quote with some fields replaced (records are immutable, like the API's)."""
    return replace


COLUMNS = (
    text_column("code", "Code"),
    text_column("name", "Name"),
    # The price is coloured by the day's direction (KIS sign code), like an HTS board.
    Column("price", "Price", fmt=fmt_krw, direction=by_sign("sign")),
    Column(
        "change",
        "Change",
        display=lambda q: fmt_change(q.change, direction=direction_from_sign(q.sign)),
        direction=by_sign("sign"),
        tooltip=lambda q: f"sign code {q.sign}",
    ),
    rate_column("rate", "Rate"),
    int_column("volume", "Volume"),
    Column("sign", "Sign", export=False),
)


@pytest.fixture
def columns():
    return COLUMNS


@pytest.fixture
def model(qapp, columns):
    from kisdesk.models.table import RecordTableModel

    m = RecordTableModel(columns, row_key=lambda q: q.code)
    yield m
    m.deleteLater()
