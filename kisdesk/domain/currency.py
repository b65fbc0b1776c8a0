"""Overseas markets and how many decimals their prices and amounts are shown with (no Qt).

Exchange codes are the 4-letter *trading* codes of the overseas balance (seed 000:
``OVRS_EXCG_CD`` / ``ovrs_excg_cd``), not the 3-letter quotation codes of the price API.

Prices are shown with as many decimals as the value needs, clamped to the range its market uses:
US shares tick in cents above $1 and in 1/100 cent below it (2–4), Hong Kong's spread table goes
down to HK$0.001 (2–3), A-shares tick in fen (2), Tokyo and Vietnam quote whole yen and dong (0).
Amounts (purchase, valuation, P&L) use the currency's minor unit: 2 for USD/HKD/CNY, 0 for JPY,
VND and KRW.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kisdesk.domain.format import fmt_price, fmt_signed, to_decimal


@dataclass(frozen=True)
class OverseasMarket:
    """One ``OVRS_EXCG_CD`` / ``TR_CRCY_CD`` pair the overseas balance can be asked for."""

    exchange: str  # trading code (NASD, SEHK, …)
    currency: str  # TR_CRCY_CD
    country: str  # NATN_CD of the present-balance API
    name: str  # Korean exchange name as KIS prints it

    @property
    def is_us(self) -> bool:
        return self.currency == "USD" and self.exchange in US_EXCHANGES


US_EXCHANGES = ("NASD", "NAS", "NYSE", "AMEX")

MARKETS: dict[str, OverseasMarket] = {
    m.exchange: m
    for m in (
        OverseasMarket("NASD", "USD", "840", "나스닥"),
        OverseasMarket("NAS", "USD", "840", "나스닥"),
        OverseasMarket("NYSE", "USD", "840", "뉴욕"),
        OverseasMarket("AMEX", "USD", "840", "아멕스"),
        OverseasMarket("SEHK", "HKD", "344", "홍콩"),
        OverseasMarket("SHAA", "CNY", "156", "중국상해"),
        OverseasMarket("SZAA", "CNY", "156", "중국심천"),
        OverseasMarket("TKSE", "JPY", "392", "일본"),
        OverseasMarket("HASE", "VND", "704", "베트남 하노이"),
        OverseasMarket("VNSE", "VND", "704", "베트남 호치민"),
    )
}

# Trading exchange → the 3-letter market code of overseas quotes: the EXCD of the REST price
# (endpoints.md O3) and the market part of realtime keys (websocket.md §7, ``DNASAAPL``).
QUOTE_EXCHANGES: dict[str, str] = {
    "NASD": "NAS",
    "NAS": "NAS",
    "NYSE": "NYS",
    "AMEX": "AMS",
    "SEHK": "HKS",
    "SHAA": "SHS",
    "SZAA": "SZS",
    "TKSE": "TSE",
    "HASE": "HNX",
    "VNSE": "HSX",
}

_NON_US = ("SEHK", "SHAA", "SZAA", "TKSE", "HASE", "VNSE")

# Seed 000: on real, NASD means "all of the US" (NAS/NYSE/AMEX would only repeat its rows); on
# paper NASD is Nasdaq alone, so NYSE and AMEX are asked separately.
BALANCE_QUERIES: dict[str, tuple[OverseasMarket, ...]] = {
    "real": tuple(MARKETS[e] for e in ("NASD", *_NON_US)),
    "paper": tuple(MARKETS[e] for e in ("NASD", "NYSE", "AMEX", *_NON_US)),
}


def balance_queries(profile: str) -> tuple[OverseasMarket, ...]:
    """The exchange/currency pairs that together cover an account in ``profile``."""
    return BALANCE_QUERIES["paper" if profile == "paper" else "real"]


@dataclass(frozen=True)
class DecimalRange:
    low: int
    high: int

    def fit(self, value: Decimal | None) -> int:
        """Decimals ``value`` needs (trailing zeros dropped), clamped to ``low..high``."""
        if value is None or not value.is_finite():
            return self.low
        exponent = value.normalize().as_tuple().exponent
        needed = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return max(self.low, min(self.high, needed))


# Price decimals per currency, then per (exchange, currency) where a market differs from the
# currency's usual rule (a USD counter in Hong Kong ticks like Hong Kong).
_PRICE_BY_CURRENCY: dict[str, DecimalRange] = {
    "USD": DecimalRange(2, 4),
    "HKD": DecimalRange(2, 3),
    "CNY": DecimalRange(2, 2),
    "JPY": DecimalRange(0, 0),
    "VND": DecimalRange(0, 0),
    "KRW": DecimalRange(0, 0),
}
_PRICE_BY_MARKET: dict[tuple[str, str], DecimalRange] = {
    ("SEHK", "USD"): DecimalRange(2, 3),
    ("SEHK", "CNY"): DecimalRange(2, 3),
}
_DEFAULT_PRICE = DecimalRange(2, 4)

# Minor units (ISO 4217; VND's is 0 in practice and in KIS screens).
AMOUNT_DECIMALS: dict[str, int] = {
    "USD": 2,
    "HKD": 2,
    "CNY": 2,
    "JPY": 0,
    "VND": 0,
    "KRW": 0,
}


def price_range(currency: str, exchange: str = "") -> DecimalRange:
    return _PRICE_BY_MARKET.get((exchange, currency)) or _PRICE_BY_CURRENCY.get(
        currency, _DEFAULT_PRICE
    )


def price_decimals(value: Decimal | None, currency: str, exchange: str = "") -> int:
    return price_range(currency, exchange).fit(value)


def amount_decimals(currency: str) -> int:
    return AMOUNT_DECIMALS.get(currency, 2)


def fmt_fx_price(value: Decimal | int | str | None, currency: str, exchange: str = "") -> str:
    """An overseas price: ``245.0100`` USD -> ``245.01``; ``0.12345`` USD -> ``0.1235``;
    ``2735`` JPY -> ``2,735``."""
    d = to_decimal(value)
    if d is None:
        return ""
    return fmt_price(d, price_decimals(d, currency, exchange))


def fmt_fx_amount(value: Decimal | int | str | None, currency: str) -> str:
    return fmt_price(value, amount_decimals(currency))


def fmt_fx_signed(value: Decimal | int | str | None, currency: str) -> str:
    """An amount with a sign (P&L): ``+1,234.50`` USD, ``-12,000`` JPY."""
    return fmt_signed(value, amount_decimals(currency))


def fmt_exchange_rate(value: Decimal | int | str | None) -> str:
    """KRW per unit of currency, as KIS posts it (``1,385.50``; JPY/VND need four places)."""
    d = to_decimal(value)
    if d is None:
        return ""
    return fmt_price(d, max(2, min(4, DecimalRange(2, 4).fit(d))))


def to_krw(amount: Decimal | None, rate: Decimal | None) -> Decimal | None:
    """A foreign amount in won at ``rate`` (KRW per unit), rounded half-up to whole won."""
    if amount is None or rate is None:
        return None
    return (amount * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP)
