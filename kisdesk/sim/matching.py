"""Orders and matching: market orders fill at once, limit orders rest and fill when the walk
crosses their price, partially when the seeded walk says so.

Books stay consistent by construction: every fill moves ``qty × price`` between cash and the
holding's cost in one place (``_fill``), buy orders reserve ``remaining × price`` of buying
power while they rest, and sell orders hold back their remaining quantity from ``sellable``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from .accounts import Account, Holding, OverseasHolding


@dataclass
class Execution:
    odno: str
    code: str
    side: str  # "buy" | "sell"
    qty: int
    price: Decimal
    time: str  # HHMMSS


@dataclass
class Order:
    """One order line of the day (new, modify or cancel), as inquire-daily-ccld lists it."""

    account: str  # account number (CANO-PRDT)
    odno: str
    orgno: str  # KRX_FWDG_ORD_ORGNO
    code: str
    side: str  # "buy" | "sell"
    ord_dvsn: str
    qty: int
    price: Decimal  # limit price; 0 for market
    time: str
    date: str
    action: str = "new"  # "new" | "modify" | "cancel"
    orgn_odno: str = ""
    filled: int = 0
    filled_amt: Decimal = Decimal(0)
    cancelled: int = 0  # quantity taken off this order by cancels/modifies
    rejected: int = 0
    exchange: str = "KRX"  # KRX, or an overseas trading code (NASD, SEHK…)
    executions: list[Execution] = field(default_factory=list)

    @property
    def remaining(self) -> int:
        if self.action == "cancel":
            return 0
        return self.qty - self.filled - self.cancelled - self.rejected

    @property
    def is_open(self) -> bool:
        return self.remaining > 0

    @property
    def overseas(self) -> bool:
        return self.exchange != "KRX"

    def avg_price(self) -> Decimal:
        return self.filled_amt / self.filled if self.filled else Decimal(0)


class OrderBook:
    """Every order of every account for the simulated day."""

    def __init__(self, seed: int) -> None:
        self.orders: dict[str, Order] = {}
        self._seq = 0
        self._rng = random.Random(f"kisdesk-sim:{seed}:fills")

    def next_odno(self) -> str:
        self._seq += 1
        return f"{self._seq:010d}"

    def for_account(self, acct: Account) -> list[Order]:
        return [o for o in self.orders.values() if o.account == acct.number]

    def open_orders(self, acct: Account | None = None) -> list[Order]:
        return [
            o
            for o in self.orders.values()
            if o.is_open and (acct is None or o.account == acct.number)
        ]

    def sellable(self, acct: Account, code: str) -> int:
        h = acct.holdings.get(code)
        held = h.qty if h else 0
        pending = sum(
            o.remaining
            for o in self.open_orders(acct)
            if o.code == code and o.side == "sell" and not o.overseas
        )
        return max(0, held - pending)

    def reserved_cash(self, acct: Account) -> Decimal:
        return sum(
            (
                o.price * o.remaining
                for o in self.open_orders(acct)
                if o.side == "buy" and not o.overseas
            ),
            Decimal(0),
        )

    def buying_power(self, acct: Account) -> Decimal:
        return acct.d2_cash - self.reserved_cash(acct)


def hhmmss(now: datetime) -> str:
    return now.strftime("%H%M%S")


__all__ = ["Execution", "Holding", "Order", "OrderBook", "OverseasHolding"]
