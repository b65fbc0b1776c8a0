"""Simulated accounts: cash, domestic and overseas holdings, and the two seeded portfolios.

Cash model (no fees or taxes, so the books balance exactly): ``deposit`` is the start-of-day
예수금 (dnca_tot_amt); today's fills move the D+2 cash (prvs_rcdl_excc_amt) =
deposit − today's buys + today's sells. Resting buy orders reserve price × remaining quantity,
which is what buying power (ord_psbl_cash) subtracts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from kisdesk.domain.ticks import round_to_tick

from .market import Market, round_overseas, tick_kind
from .universe import EXCHANGES, US_EXCHANGES, lot_of


@dataclass
class Holding:
    code: str
    qty: int
    cost: Decimal  # pchs_amt, exact (average cost × qty)
    bfdy_buy_qty: int = 0
    bfdy_sll_qty: int = 0
    today_buy_qty: int = 0
    today_sell_qty: int = 0


@dataclass
class OverseasHolding:
    exch: str
    code: str
    qty: int
    cost: Decimal  # in the trading currency
    today_buy_qty: int = 0
    today_sell_qty: int = 0
    today_buy_amt: Decimal = Decimal(0)
    today_sell_amt: Decimal = Decimal(0)


@dataclass
class Account:
    name: str
    cano: str
    prdt: str
    deposit: Decimal
    prev_total: Decimal = Decimal(0)
    today_buy_amt: Decimal = Decimal(0)
    today_sell_amt: Decimal = Decimal(0)
    holdings: dict[str, Holding] = field(default_factory=dict)
    fx_deposit: dict[str, Decimal] = field(default_factory=dict)
    fx_buy_amt: dict[str, Decimal] = field(default_factory=dict)
    fx_sell_amt: dict[str, Decimal] = field(default_factory=dict)
    ovs: dict[tuple[str, str], OverseasHolding] = field(default_factory=dict)

    @property
    def number(self) -> str:
        return f"{self.cano}-{self.prdt}"

    @property
    def d2_cash(self) -> Decimal:
        return self.deposit - self.today_buy_amt + self.today_sell_amt

    def fx_cash(self, ccy: str) -> Decimal:
        return (
            self.fx_deposit.get(ccy, Decimal(0))
            - self.fx_buy_amt.get(ccy, Decimal(0))
            + self.fx_sell_amt.get(ccy, Decimal(0))
        )

    def ovs_for(self, exchanges: tuple[str, ...], ccy: str | None = None) -> list[OverseasHolding]:
        return [
            h
            for h in self.ovs.values()
            if h.exch in exchanges and (ccy is None or EXCHANGES[h.exch].currency == ccy)
        ]


# Demo portfolio: well-known names first, so the first screen looks familiar.
DEMO_DOMESTIC = (
    "005930", "000660", "035420", "005380", "035720", "373220", "207940", "005490",
    "051910", "068270", "000270", "105560", "055550", "012330", "086520", "247540",
    "028300", "196170", "069500", "003550", "017670", "066570", "034730", "015760",
    "033780",
)  # fmt: skip
DEMO_OVERSEAS = (
    ("NASD", "AAPL"), ("NASD", "NVDA"), ("NASD", "TSLA"), ("NASD", "MSFT"),
    ("NASD", "GOOGL"), ("NASD", "AMZN"), ("NYSE", "JPM"), ("NYSE", "KO"),
    ("NYSE", "DIS"), ("AMEX", "SPY"), ("AMEX", "GLD"), ("SEHK", "00700"),
    ("SEHK", "09988"), ("TKSE", "7203"), ("TKSE", "6758"),
)  # fmt: skip


def _cost_from(rng: random.Random, price: Decimal, i: int) -> Decimal:
    """A purchase price a few percent away from ``price``: alternate gains and losses so the
    P&L column shows both colours."""
    pct = rng.uniform(0.02, 0.22)
    return price * Decimal(str(round(1 + pct if i % 2 == 0 else 1 - pct, 4)))


def _add_domestic(acct: Account, market: Market, rng: random.Random, codes, budget: tuple) -> None:
    for i, code in enumerate(codes):
        q = market.domestic(code)
        if q is None:
            continue
        avg = round_to_tick(_cost_from(rng, q.base, i), tick_kind(q.listing.kind))
        qty = max(1, int(Decimal(int(rng.uniform(*budget))) / avg))
        acct.holdings[code] = Holding(code=code, qty=qty, cost=avg * qty)


def _add_overseas(acct: Account, market: Market, rng: random.Random, pairs, budget: tuple) -> None:
    for i, (exch, code) in enumerate(pairs):
        q = market.overseas(exch, code)
        if q is None:
            continue
        ex = EXCHANGES[exch]
        avg = round_overseas(exch, _cost_from(rng, q.base, i))
        # Budget is in KRW; convert to lots of the local currency.
        from .universe import FX_RATES

        local = Decimal(int(rng.uniform(*budget))) / FX_RATES[ex.currency]
        lot = lot_of(exch, code)
        lots = max(1, int(local / (avg * lot)))
        qty = lots * lot
        acct.ovs[(exch, code)] = OverseasHolding(exch=exch, code=code, qty=qty, cost=avg * qty)


def demo_account(market: Market, seed: int, cano: str = "50012345") -> Account:
    rng = random.Random(f"kisdesk-sim:{seed}:acct:demo")
    acct = Account(
        name="demo",
        cano=cano,
        prdt="01",
        deposit=Decimal(30_000_000),
        fx_deposit={
            "USD": Decimal("12500.00"),
            "HKD": Decimal("20000.00"),
            "JPY": Decimal(500_000),
        },
    )
    _add_domestic(acct, market, rng, DEMO_DOMESTIC, (600_000, 9_000_000))
    _add_overseas(acct, market, rng, DEMO_OVERSEAS, (800_000, 6_000_000))
    return acct


def large_account(market: Market, seed: int, cano: str = "50098765") -> Account:
    rng = random.Random(f"kisdesk-sim:{seed}:acct:large")
    acct = Account(
        name="large",
        cano=cano,
        prdt="01",
        deposit=Decimal(500_000_000),
        fx_deposit={
            c: Decimal(v)
            for c, v in (
                ("USD", "250000.00"),
                ("HKD", "400000.00"),
                ("CNY", "300000.00"),
                ("JPY", "20000000"),
                ("VND", "900000000"),
            )
        },
    )
    stocks = sorted(c for c, li in market.listings.items() if li.kind in ("stock", "etf"))
    codes = rng.sample(stocks, 300)
    _add_domestic(acct, market, rng, codes, (300_000, 20_000_000))
    us = sorted(k for k in market.overseas_listings if k[0] in US_EXCHANGES)
    pairs = rng.sample(us, 150)
    pairs += [k for k in sorted(market.overseas_listings) if k[0] not in US_EXCHANGES]
    _add_overseas(acct, market, rng, pairs, (500_000, 15_000_000))
    return acct


def set_prev_totals(acct: Account, market: Market) -> None:
    """Previous-day total assets: holdings at the previous close plus cash."""
    total = acct.d2_cash
    for h in acct.holdings.values():
        q = market.domestic(h.code)
        if q is not None:
            total += q.base * h.qty
    acct.prev_total = total
