"""The order vocabulary: sides and the one table of order types the panel offers.

Adding a type (최유리 03, IOC 11, …) means adding a row here; the panel, the validation and the
confirmation read everything they need from the row. Only 지정가 and 시장가 are offered: paper
trading supports those two in practice (endpoints.md D5), and they cover the keyboard workflow.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` without importing Qt (domain/ is Qt-free)."""
    return text


class Side(Enum):
    BUY = "buy"
    SELL = "sell"

    @property
    def code(self) -> str:
        """``sll_buy_dvsn_cd`` in KIS inquiries: 01 sell, 02 buy."""
        return "02" if self is Side.BUY else "01"

    @property
    def korean(self) -> str:
        """The product's own word, shown as-is in every language (매수/매도)."""
        return "매수" if self is Side.BUY else "매도"

    @classmethod
    def from_code(cls, code: str) -> Side:
        return cls.BUY if code.strip() == "02" else cls.SELL

    @property
    def other(self) -> Side:
        return Side.SELL if self is Side.BUY else Side.BUY


@dataclass(frozen=True)
class OrderType:
    code: str  # ORD_DVSN
    korean: str  # 지정가, the product's word
    english: str  # source text for tr()
    needs_price: bool  # the price field is used (and sent); otherwise ORD_UNPR "0"
    reserved_at_upper: bool  # KIS checks buying power at the upper limit (market-type orders)
    on_paper: bool  # offered by the paper (모의투자) server

    @property
    def label(self) -> str:
        return f"{self.korean} ({self.code})"


ORDER_TYPES: tuple[OrderType, ...] = (
    OrderType("00", "지정가", QT_TRANSLATE_NOOP("OrderType", "Limit"), True, False, True),
    OrderType("01", "시장가", QT_TRANSLATE_NOOP("OrderType", "Market"), False, True, True),
)

LIMIT = ORDER_TYPES[0]
MARKET = ORDER_TYPES[1]

_BY_CODE = {t.code: t for t in ORDER_TYPES}


def order_type(code: str) -> OrderType:
    """The row for ``ORD_DVSN`` ``code``; KeyError for a type the panel does not offer."""
    return _BY_CODE[code.strip()]


def find_order_type(code: str) -> OrderType | None:
    return _BY_CODE.get(code.strip())


def available_types(profile: str) -> tuple[OrderType, ...]:
    """Types offered in an environment profile (``"real"`` or ``"paper"``)."""
    if profile == "paper":
        return tuple(t for t in ORDER_TYPES if t.on_paper)
    return ORDER_TYPES
