"""Market model: invented but plausible prices on the right tick grid, moved by a seeded walk.

Each symbol owns a ``random.Random`` seeded from (seed, code) and a count of walk steps taken.
The market keeps one global step counter; a symbol catches up when it is looked at. The price of
a symbol after N steps therefore depends only on (seed, code, N), never on which requests came
first, and a step costs nothing for the thousands of symbols nobody is watching.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from kisdesk.domain.ticks import price_limits, round_to_tick, step_price, tick_size

from .universe import (
    EXCHANGES,
    KRX_ANCHORS,
    KRX_LISTED,
    Exchange,
    Listing,
    krx_listings,
    lot_of,
    overseas_anchor,
    overseas_listings,
)

SECTORS = ("전기·전자", "화학", "서비스업", "금융업", "운수장비", "의약품", "철강·금속", "유통업")
# Sectors of the famous names (KRX 업종), so the demo's first screen reads right.
KNOWN_SECTORS = {
    **dict.fromkeys(("005930", "000660", "066570", "009150", "006400", "373220"), "전기·전자"),
    **dict.fromkeys(("005380", "000270", "012330"), "운수장비"),
    **dict.fromkeys(("035420", "035720", "036570", "259960", "352820", "018260"), "서비스업"),
    **dict.fromkeys(("105560", "055550", "316140", "323410", "032830", "000810"), "금융업"),
    **dict.fromkeys(("068270", "207940", "196170", "028300"), "의약품"),
    **dict.fromkeys(("051910", "096770", "086520", "247540"), "화학"),
    "005490": "철강·금속",
}


def tick_kind(kind: str) -> str:
    """Map a listing kind to the tick-table kind of kisdesk.domain.ticks."""
    return kind if kind in ("etf", "etn") else "stock"


def _rng(seed: int, key: str) -> random.Random:
    # String seeds hash with SHA-512 inside random, so this is stable across processes.
    return random.Random(f"kisdesk-sim:{seed}:{key}")


def _tick_int(price: int, kind: str) -> int:
    """Integer twin of kisdesk.domain.ticks.tick_size for the hot walk loop (KRW are whole)."""
    if kind != "stock":
        return 5
    if price >= 500_000:
        return 1000
    if price >= 200_000:
        return 500
    if price >= 50_000:
        return 100
    if price >= 20_000:
        return 50
    if price >= 5_000:
        return 10
    if price >= 2_000:
        return 5
    return 1


def step_int(price: int, steps: int, kind: str) -> int:
    """Move an on-grid integer price ``steps`` ticks (same result as ticks.step_price)."""
    for _ in range(abs(steps)):
        if steps > 0:
            price += _tick_int(price, kind)
        else:
            price -= _tick_int(max(price - 1, 1), kind)
    return price


class DomesticQuote:
    """One KRX symbol's day. Prices are whole won, kept as ints so the walk is cheap; the
    public attributes are Decimals."""

    def __init__(
        self,
        listing: Listing,
        rng: random.Random,
        *,
        base: Decimal,
        open_: Decimal,
        high: Decimal,
        low: Decimal,
        price: Decimal,
        volume: int,
        value: Decimal,
        prev_volume: int,
        listed: int,
        extras: dict[str, Decimal | int | str],
    ) -> None:
        self.listing = listing
        self.rng = rng
        self.tkind = tick_kind(listing.kind)
        self.base = base
        self.upper, self.lower = price_limits(base, self.tkind)
        self.open = open_
        self._p, self._h, self._l = int(price), int(high), int(low)
        self._up, self._dn, self._b = int(self.upper), int(self.lower), int(base)
        self.volume = volume
        self._v = int(value)
        self.prev_volume = prev_volume
        self.listed = listed
        self.extras = extras
        self.steps = 0
        self._vol_unit = max(1, prev_volume // 2000)

    @property
    def code(self) -> str:
        return self.listing.code

    @property
    def price(self) -> Decimal:
        return Decimal(self._p)

    @price.setter
    def price(self, value: Decimal) -> None:
        """Force a price (tests, scripted demos): kept inside the band; high/low follow."""
        p = min(self._up, max(self._dn, int(value)))
        self._p = p
        self._h = max(self._h, p)
        self._l = min(self._l, p)

    @property
    def high(self) -> Decimal:
        return Decimal(self._h)

    @property
    def low(self) -> Decimal:
        return Decimal(self._l)

    @property
    def value(self) -> Decimal:
        return Decimal(self._v)

    @property
    def change(self) -> Decimal:
        return Decimal(self._p - self._b)

    def sign(self) -> str:
        if self._p >= self._up:
            return "1"
        if self._p <= self._dn:
            return "4"
        if self._p > self._b:
            return "2"
        if self._p < self._b:
            return "5"
        return "3"

    def walk(self) -> None:
        rng = self.rng
        drift = (self._p - self._b) / self._b
        up = min(0.55, max(0.05, 0.3 - drift * 2))
        down = min(0.55, max(0.05, 0.3 + drift * 2))
        u = rng.random()
        ticks = 0
        if u < up:
            ticks = 2 if rng.random() < 0.15 else 1
        elif u < up + down:
            ticks = -2 if rng.random() < 0.15 else -1
        p = self._p
        if ticks:
            p = min(self._up, max(self._dn, step_int(p, ticks, self.tkind)))
            self._p = p
            if p > self._h:
                self._h = p
            elif p < self._l:
                self._l = p
        vol = rng.randint(0, self._vol_unit)
        self.volume += vol
        self._v += p * vol
        self.steps += 1


def is_preferred(q: DomesticQuote) -> bool:
    """A preferred share, by the KRX naming convention (삼성전자우, …우B)."""
    name = q.listing.name
    return q.listing.kind == "stock" and (name.endswith("우") or name[-2:] in ("우B", "우C"))


def _sign(price: Decimal, base: Decimal) -> str:
    if price > base:
        return "2"
    if price < base:
        return "5"
    return "3"


def overseas_tick(exch: str, price: Decimal) -> Decimal:
    """Tick of an overseas price (US cent, HK spread table, TSE, CN cent, VN bands)."""
    if exch in ("NASD", "NYSE", "AMEX"):
        return Decimal("0.01") if price >= 1 else Decimal("0.0001")
    if exch == "SEHK":
        for top, tick in (
            (Decimal("0.25"), "0.001"),
            (Decimal("0.5"), "0.005"),
            (Decimal(10), "0.01"),
            (Decimal(20), "0.02"),
            (Decimal(100), "0.05"),
            (Decimal(200), "0.1"),
            (Decimal(500), "0.2"),
            (Decimal(1000), "0.5"),
        ):
            if price <= top:  # HKEX: "from 0.50 to 10.00: 0.010; over 10.00 to 20.00: …"
                return Decimal(tick)
        return Decimal(1)
    if exch == "TKSE":
        for top, tick in ((3000, 1), (5000, 5), (30000, 10), (50000, 50)):
            if price <= top:
                return Decimal(tick)
        return Decimal(100)
    if exch in ("SHAA", "SZAA"):
        return Decimal("0.01")
    if exch == "VNSE":
        if price < 10000:
            return Decimal(10)
        return Decimal(50) if price < 50000 else Decimal(100)
    return Decimal(100)  # HASE


def round_overseas(exch: str, price: Decimal, *, up: bool = False) -> Decimal:
    tick = overseas_tick(exch, price)
    n = (price / tick).to_integral_value(rounding=ROUND_CEILING if up else ROUND_FLOOR)
    return max(tick, n * tick)


@dataclass
class OverseasQuote:
    listing: Listing
    exchange: Exchange
    rng: random.Random
    base: Decimal
    open: Decimal
    high: Decimal
    low: Decimal
    price: Decimal
    volume: int
    prev_volume: int
    shares: int
    upper: Decimal | None
    lower: Decimal | None
    steps: int = 0

    @property
    def code(self) -> str:
        return self.listing.code

    @property
    def change(self) -> Decimal:
        return self.price - self.base

    def sign(self) -> str:
        if self.upper is not None and self.price >= self.upper:
            return "1"
        if self.lower is not None and self.price <= self.lower:
            return "4"
        return _sign(self.price, self.base)

    def tick(self) -> Decimal:
        return overseas_tick(self.exchange.trade, self.price)

    @property
    def lot(self) -> int:
        """The issue's trading unit (Hong Kong board lots differ by issue)."""
        return lot_of(self.exchange.trade, self.code)

    def walk(self) -> None:
        rng = self.rng
        drift = float((self.price - self.base) / self.base)
        move = rng.gauss(-drift * 0.05, 0.0012)
        p = self.price * Decimal(str(round(1 + move, 6)))
        p = round_overseas(self.exchange.trade, p)
        if self.upper is not None and self.lower is not None:
            p = min(self.upper, max(self.lower, p))
        self.price = p
        self.volume += rng.randint(0, max(1, self.prev_volume // 3000))
        self.high = max(self.high, p)
        self.low = min(self.low, p)
        self.steps += 1


class Market:
    """All quotes of one simulated trading day."""

    def __init__(self, seed: int, today: datetime) -> None:
        self.seed = seed
        self.steps = 0
        self.today = today
        self._krx: dict[str, DomesticQuote] = {}
        self._ovs: dict[tuple[str, str], OverseasQuote] = {}
        self._date_cache: dict[int, str] = {}
        self.listings = krx_listings()
        self.overseas_listings = overseas_listings()
        self._kospi200: frozenset[str] | None = None

    # ---- lookup ------------------------------------------------------------------------------

    def domestic(self, code: str) -> DomesticQuote | None:
        q = self._krx.get(code)
        if q is None:
            listing = self.listings.get(code)
            if listing is None:
                return None
            q = self._make_domestic(listing)
            self._krx[code] = q
        self._catch_up(q)
        return q

    def overseas(self, exch: str, code: str) -> OverseasQuote | None:
        key = (exch, code)
        q = self._ovs.get(key)
        if q is None:
            listing = self.overseas_listings.get(key)
            if listing is None:
                return None
            q = self._make_overseas(listing)
            self._ovs[key] = q
        self._catch_up(q)
        return q

    def find_overseas(self, code: str) -> OverseasQuote | None:
        """A ticker on whichever exchange lists it (US first)."""
        for exch in EXCHANGES:
            if (exch, code) in self.overseas_listings:
                return self.overseas(exch, code)
        return None

    def all_domestic(self) -> Iterable[DomesticQuote]:
        for code in self.listings:
            q = self.domestic(code)
            if q is not None:
                yield q

    def kospi200(self) -> frozenset[str]:
        """The 200 largest KOSPI common stocks by market cap at the previous close (fixed for
        the day, so computed once)."""
        if self._kospi200 is None:
            stocks = [
                q
                for q in self.all_domestic()
                if q.listing.market == "KOSPI" and q.listing.kind == "stock" and not is_preferred(q)
            ]
            stocks.sort(key=lambda q: q.base * q.listed, reverse=True)
            self._kospi200 = frozenset(q.code for q in stocks[:200])
        return self._kospi200

    # ---- walk --------------------------------------------------------------------------------

    def step(
        self,
        n: int,
        hot: Iterable[DomesticQuote | OverseasQuote] = (),
        on_step: Callable[[DomesticQuote | OverseasQuote], None] | None = None,
    ) -> None:
        """Advance the global clock of the walk; ``hot`` symbols move now, one step at a time,
        calling ``on_step`` after each so resting orders see every price on the path."""
        hot = list(hot)
        for _ in range(n):
            self.steps += 1
            for q in hot:
                while q.steps < self.steps:
                    q.walk()
                if on_step is not None:
                    on_step(q)

    def _catch_up(self, q: DomesticQuote | OverseasQuote) -> None:
        while q.steps < self.steps:
            q.walk()

    # ---- construction ------------------------------------------------------------------------

    def _days_ago(self, days: int) -> str:
        text = self._date_cache.get(days)
        if text is None:
            text = self._date_cache[days] = (self.today - timedelta(days=days)).strftime("%Y%m%d")
        return text

    def warm_up_chunk(self, n: int = 250) -> bool:
        """Build up to ``n`` not-yet-built KRX quotes; False once every listing exists."""
        built = 0
        for code in self.listings:
            if code not in self._krx:
                self.domestic(code)
                built += 1
                if built >= n:
                    return True
        return False

    def _make_domestic(self, listing: Listing) -> DomesticQuote:
        rng = _rng(self.seed, "KRX:" + listing.code)
        kind = tick_kind(listing.kind)
        anchor = KRX_ANCHORS.get(listing.code)
        if anchor is not None:
            raw = rng.uniform(*anchor)
        else:
            lo, hi = {"etf": (5_000, 45_000), "etn": (5_000, 20_000)}.get(
                listing.kind, (1_000, 150_000)
            )
            raw = math.exp(rng.uniform(math.log(lo), math.log(hi)))
        base = round_to_tick(Decimal(int(raw)), kind)
        upper, lower = price_limits(base, kind)
        open_ = min(upper, max(lower, step_price(base, rng.randint(-4, 4), kind)))
        move = Decimal(str(round(rng.gauss(0, 0.018), 4)))
        price = round_to_tick(base * (1 + move), kind)
        price = min(upper, max(lower, price))
        high = max(open_, price, step_price(max(open_, price), rng.randint(0, 3), kind))
        low = min(open_, price, step_price(min(open_, price), -rng.randint(0, 3), kind))
        high, low = min(high, upper), max(low, lower)
        listed = KRX_LISTED.get(listing.code)
        if listed is None:
            # Pick a market cap first (200억–3조; famous names 5조–30조) so caps look real.
            lo_cap, hi_cap = (5e12, 3e13) if anchor is not None else (2e10, 3e12)
            cap = math.exp(rng.uniform(math.log(lo_cap), math.log(hi_cap)))
            listed = max(1_000_000, int(cap / float(base)))
        prev_volume = int(listed * rng.uniform(0.0008, 0.012))
        volume = int(prev_volume * rng.uniform(0.3, 1.3))
        vwap = (open_ + price + high + low) / 4
        eps = Decimal(int(float(base) / rng.uniform(6, 40)))
        w52_hi = round_to_tick(base * Decimal(str(round(rng.uniform(1.05, 1.6), 3))), kind)
        w52_lo = round_to_tick(base * Decimal(str(round(rng.uniform(0.55, 0.95), 3))), kind)
        loan_rate = Decimal(str(round(rng.uniform(0.05, 10), 2)))
        stln_rate = Decimal(str(round(rng.uniform(0, 0.2), 2)))
        extras: dict[str, Decimal | int | str] = {
            "eps": eps,
            "bps": Decimal(int(float(base) / rng.uniform(0.4, 3.0))),
            "frgn_ehrt": Decimal(str(round(rng.uniform(0.5, 55), 2))),
            "w52_hgpr": w52_hi,
            "w52_lwpr": w52_lo,
            "w52_hgpr_date": self._days_ago(rng.randint(20, 360)),
            "w52_lwpr_date": self._days_ago(rng.randint(20, 360)),
            "sector": KNOWN_SECTORS.get(listing.code) or SECTORS[rng.randrange(len(SECTORS))],
            "loan_rate": loan_rate,
            "stln_rate": stln_rate,
            "loan_inrt": Decimal(str(round(rng.uniform(-8, 12), 2))),
            "stln_inrt": Decimal(str(round(rng.uniform(-20, 20), 2))),
            "frgn_ntby": rng.randint(-2_000_000, 2_000_000),
            "pgtr_ntby": rng.randint(-1_000_000, 1_000_000),
            "par": 100 if listing.code == "005930" else rng.choice((100, 500, 1000, 5000)),
        }
        return DomesticQuote(
            listing,
            rng,
            base=base,
            open_=open_,
            high=high,
            low=low,
            price=price,
            volume=volume,
            value=(vwap * volume).to_integral_value(),
            prev_volume=prev_volume,
            listed=listed,
            extras=extras,
        )

    def _make_overseas(self, listing: Listing) -> OverseasQuote:
        exch = EXCHANGES[listing.market]
        rng = _rng(self.seed, f"{exch.trade}:{listing.code}")
        anchor = overseas_anchor(exch.trade, listing.code)
        if anchor is not None:
            raw = Decimal(str(round(rng.uniform(float(anchor[0]), float(anchor[1])), 4)))
        else:
            raw = Decimal(str(round(math.exp(rng.uniform(math.log(2), math.log(300))), 4)))
        base = round_overseas(exch.trade, raw)
        upper = lower = None
        if exch.limit_rate is not None:
            upper = round_overseas(exch.trade, base * (1 + exch.limit_rate))
            lower = round_overseas(exch.trade, base * (1 - exch.limit_rate), up=True)
        move = Decimal(str(round(rng.gauss(0, 0.015), 4)))
        price = round_overseas(exch.trade, base * (1 + move))
        if upper is not None and lower is not None:
            price = min(upper, max(lower, price))
        open_ = round_overseas(exch.trade, base * Decimal(str(round(1 + rng.gauss(0, 0.006), 4))))
        prev_volume = rng.randint(200_000, 40_000_000)
        return OverseasQuote(
            listing=listing,
            exchange=exch,
            rng=rng,
            base=base,
            open=open_,
            high=max(open_, price),
            low=min(open_, price),
            price=price,
            volume=int(prev_volume * rng.uniform(0.2, 1.1)),
            prev_volume=prev_volume,
            shares=rng.randint(50_000_000, 5_000_000_000),
            upper=upper,
            lower=lower,
        )


def domestic_tick(q: DomesticQuote) -> Decimal:
    return tick_size(q.price, q.tkind)
