"""The order vocabulary: sides and the one table of order types the panel offers.

Adding a type means adding a row here; the panel, the validation and the confirmation read
everything they need from the row. Paper trading offers 지정가 and 시장가 only (endpoints.md D5);
the real server also takes the best-price and IOC/FOK types of the regular session. Off-hours
types (05-07) and conditional/stop types are left out: they need session logic of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` without importing Qt (domain/ is Qt-free)."""
    return text


class Side(StrEnum):
    """Buy or sell: the panel's, the order state's and the client's (``Side("buy")``)."""

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
    english: str  # source text (context "OrderType"); the panel shows the Korean name
    needs_price: bool  # the price field is used (and sent); otherwise ORD_UNPR "0"
    reserved_at_upper: bool  # KIS checks buying power at the upper limit (market-type orders)
    on_paper: bool  # offered by the paper (모의투자) server

    @property
    def at_market(self) -> bool:
        """Filled at market (시장가 kinds); the others without a price take the best price."""
        return self.code in ("01", "13", "14")

    @property
    def label(self) -> str:
        return f"{self.korean} ({self.code})"


# code, Korean, English, needs a price, reserved at the upper limit, on paper (endpoints.md D5:
# the paper server takes 00 and 01 only). The regular-session types of the real server.
ORDER_TYPES: tuple[OrderType, ...] = (
    OrderType("00", "지정가", QT_TRANSLATE_NOOP("OrderType", "Limit"), True, False, True),
    OrderType("01", "시장가", QT_TRANSLATE_NOOP("OrderType", "Market"), False, True, True),
    OrderType(
        "03", "최유리지정가", QT_TRANSLATE_NOOP("OrderType", "Best price"), False, True, False
    ),
    OrderType(
        "04", "최우선지정가", QT_TRANSLATE_NOOP("OrderType", "Top of book"), False, True, False
    ),
    OrderType("11", "IOC지정가", QT_TRANSLATE_NOOP("OrderType", "Limit IOC"), True, False, False),
    OrderType("12", "FOK지정가", QT_TRANSLATE_NOOP("OrderType", "Limit FOK"), True, False, False),
    OrderType("13", "IOC시장가", QT_TRANSLATE_NOOP("OrderType", "Market IOC"), False, True, False),
    OrderType("14", "FOK시장가", QT_TRANSLATE_NOOP("OrderType", "Market FOK"), False, True, False),
    OrderType(
        "15", "IOC최유리", QT_TRANSLATE_NOOP("OrderType", "Best price IOC"), False, True, False
    ),
    OrderType(
        "16", "FOK최유리", QT_TRANSLATE_NOOP("OrderType", "Best price FOK"), False, True, False
    ),
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
