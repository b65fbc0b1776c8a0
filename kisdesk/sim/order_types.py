"""Domestic ORD_DVSN codes: which venue takes which (endpoints.md D5 table) and how the
simulator prices and matches the ones it models.

The simulated market has one price per symbol and no order book, so the best bid, the best
ask and "today's close" are all the current price.
"""

from __future__ import annotations

from dataclasses import dataclass

LIMIT, MARKET = "00", "01"


@dataclass(frozen=True)
class OrdType:
    name: str  # ord_dvsn_name in the inquiries
    # How the order gets its price: "limit" its own ORD_UNPR; "market" none (fills at the trade
    # price, recorded as 0); "best" the current price (최유리: best opposite, 최우선: best same
    # side); "prev_close" yesterday's close (stck_sdpr); "close" today's close (current price).
    pricing: str
    tif: str = "day"  # "day" rests until filled or cancelled; "ioc" / "fok" never rest
    passive: bool = False  # joins its own side of the book: never trades on arrival (04)

    @property
    def fixed_price(self) -> bool:
        """A closing-price session (05, 06): everything trades at that one price."""
        return self.pricing in ("prev_close", "close")


ORD_TYPES: dict[str, OrdType] = {
    "00": OrdType("지정가", "limit"),
    "01": OrdType("시장가", "market"),
    "03": OrdType("최유리지정가", "best"),
    "04": OrdType("최우선지정가", "best", passive=True),
    "05": OrdType("장전 시간외", "prev_close"),
    "06": OrdType("장후 시간외", "close"),
    "07": OrdType("시간외단일가", "limit"),
    "11": OrdType("IOC지정가", "limit", "ioc"),
    "12": OrdType("FOK지정가", "limit", "fok"),
    "13": OrdType("IOC시장가", "market", "ioc"),
    "14": OrdType("FOK시장가", "market", "fok"),
    "15": OrdType("IOC최유리", "best", "ioc"),
    "16": OrdType("FOK최유리", "best", "fok"),
}
# D5: paper "in practice supports plain 00/01"; other codes are refused there (SIM00007).
PAPER_ORD_DVSN = frozenset((LIMIT, MARKET))
# Codes whose price the order does not carry: ORD_UNPR is "0" (a blank reads as 0) and a buy is
# checked against buying power at the upper limit, as D5 says for an order without a price.
PRICELESS_ORD_DVSN = frozenset(c for c, t in ORD_TYPES.items() if t.pricing != "limit")
MARKET_ORD_DVSN = frozenset(c for c, t in ORD_TYPES.items() if t.pricing == "market")
AFTER_HOURS_SINGLE = "07"  # ±10 % of the day's close (errors-and-limits.md §6)

# ORD_DVSN codes each venue takes (endpoints.md D5 table; blank EXCG_ID_DVSN_CD = KRX).
_BOTH = ("00", "03", "04", "11", "12", "13", "14", "15", "16")
VENUE_ORD_DVSN: dict[str, frozenset[str]] = {
    "KRX": frozenset((*_BOTH, "01", "02", "05", "06", "07", "21", "22", "23", "24")),
    "NXT": frozenset((*_BOTH, "21", "22", "23", "24")),  # no 01 market, 02, 05-07
    "SOR": frozenset((*_BOTH, "01")),
}


def ord_dvsn_name(code: str) -> str:
    t = ORD_TYPES.get(code)
    return t.name if t else code
