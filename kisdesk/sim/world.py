"""SimWorld: everything the simulated day holds, apart from any protocol that serves it.

The clock, the market, the accounts, the order book, the day's bar history and the counters
live here; REST handlers and matching read and change them through the world, and the HTTP
server (server.py) only routes, checks and wraps. Anything else that needs to see the day move
(a realtime feed) registers a listener: it is told of every price step of the symbols it
watches and of every order the book accepts, fills or cancels.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from .accounts import Account, demo_account, large_account, set_prev_totals
from .clock import SimClock
from .history import DailyHistory, MinuteHistory
from .market import DomesticQuote, Market, OverseasQuote
from .matching import OrderBook, OrderEvent
from .sessions import regular_open
from .stats import SimStats

log = logging.getLogger("kisdesk.sim")

PROFILES = ("real", "paper")
MARKET_HOURS = ("always", "krx")
KRX = "KRX"  # the exchange key of domestic symbols (overseas ones use their trading code)


@dataclass(frozen=True)
class TickEvent:
    """A watched (or order-holding) symbol took one step of the walk."""

    quote: DomesticQuote | OverseasQuote


WorldEvent = TickEvent | OrderEvent
Listener = Callable[[WorldEvent], None]


class SimWorld:
    """One simulated trading day for one profile (real or paper) and one seed."""

    def __init__(
        self,
        profile: str = "real",
        seed: int = 0,
        *,
        market_hours: str = "always",
        clock: SimClock | None = None,
    ) -> None:
        if profile not in PROFILES:
            raise ValueError(f"profile must be one of {PROFILES}, not {profile!r}")
        if market_hours not in MARKET_HOURS:
            raise ValueError("market_hours must be 'always' or 'krx'")
        self.profile = profile
        self.seed = seed
        self.market_hours = market_hours
        self.clock = clock or SimClock()
        self.stats = SimStats()
        self.market = Market(seed, self.clock.now())
        self.history = DailyHistory(seed)
        self.minutes = MinuteHistory(seed)  # today's minute tapes and past days' minutes
        self._accounts: dict[str, Account] = {}  # CANO-PRDT → account
        self.accounts: dict[str, str] = {}  # name → CANO-PRDT
        for acct in (demo_account(self.market, seed), large_account(self.market, seed)):
            set_prev_totals(acct, self.market)
            self._accounts[acct.number] = acct
            self.accounts[acct.name] = acct.number
        # The HTS user id of each account's holder: the tr_key of execution notices and the
        # user_id of condition search and the HTS watchlist (D15–D18).
        self.hts_ids: dict[str, str] = {name: f"sim{name}"[:8] for name in self.accounts}
        self.orders = OrderBook(
            seed,
            accounts=self._accounts,
            stats=self.stats,
            clock=self.clock,
            paper=self.paper,
            emit=self._emit,
        )
        self._listeners: list[Listener] = []
        self._watched: dict[tuple[str, str], int] = {}  # (exchange, code) → watcher count

    # ---- reading ---------------------------------------------------------------------------

    @property
    def paper(self) -> bool:
        return self.profile == "paper"

    def now(self) -> datetime:
        return self.clock.now()

    def market_open(self) -> bool:
        """Whether prices walk: always, or in the KRX regular session (orders have their own
        per-type windows, sessions.py)."""
        return self.market_hours == "always" or regular_open(self.clock.now())

    def account(self, name_or_number: str) -> Account:
        number = self.accounts.get(name_or_number, name_or_number)
        return self._accounts[number]

    def account_by_number(self, cano: str, prdt: str) -> Account | None:
        return self._accounts.get(f"{cano.strip()}-{prdt.strip()}")

    def quote(self, exchange: str, code: str) -> DomesticQuote | OverseasQuote | None:
        """A symbol by exchange: ``KRX`` for domestic, else the overseas trading code."""
        if exchange == KRX:
            return self.market.domestic(code)
        return self.market.overseas(exchange, code)

    # ---- moving the day --------------------------------------------------------------------

    def advance_clock(self, seconds: float) -> None:
        self.clock.advance(seconds)

    def step_market(self, n: int = 1) -> None:
        """Advance the random walk ``n`` steps. Symbols with resting orders or watchers move
        one step at a time, and after each step resting orders match and listeners hear."""
        keys = dict.fromkeys([*self.orders.resting_symbols(), *self._watched])
        hot = [q for q in (self.quote(*key) for key in keys) if q is not None]
        self.market.step(n, hot, self._after_step)

    def trade(self, exchange: str, code: str) -> None:
        """One walk step of one symbol now: a busy symbol trades between the market's steps
        (tickrates.py). It runs ahead of the market's step count, so the market's own steps
        leave it alone until they catch up; orders match and listeners hear as on any step."""
        q = self.quote(exchange, code)
        if q is None:
            raise KeyError(f"{exchange}:{code}")
        q.walk()
        self._after_step(q)

    def set_price(self, code: str, price: Decimal) -> None:
        """Force a domestic price (snapped into the band) and match resting orders on it."""
        q = self.market.domestic(code)
        if q is None:
            raise KeyError(code)
        q.price = price
        self._after_step(q)

    def _after_step(self, q: DomesticQuote | OverseasQuote) -> None:
        self.orders.on_step(q)
        if self._listeners:
            self._emit(TickEvent(q))

    async def run_ticker(self, interval: float) -> None:
        """Walk the market every ``interval`` seconds while it is open, until cancelled."""
        while True:
            await asyncio.sleep(interval)
            if self.market_open():
                try:
                    self.step_market(1)
                except Exception:  # keep ticking; a bug here must not kill demo mode
                    log.exception("market step failed")

    async def warm_up(self) -> None:
        """Build every KRX quote in small slices, so the first ranking call does not stall the
        (GUI) loop it shares."""
        while self.market.warm_up_chunk(100):
            await asyncio.sleep(0.005)

    # ---- listeners -------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def watch(self, exchange: str, code: str) -> None:
        """Move ``code`` on every step (and tell listeners) until as many ``unwatch`` calls."""
        key = (exchange, code)
        self._watched[key] = self._watched.get(key, 0) + 1

    def unwatch(self, exchange: str, code: str) -> None:
        key = (exchange, code)
        left = self._watched.get(key, 0) - 1
        if left > 0:
            self._watched[key] = left
        else:
            self._watched.pop(key, None)

    def _emit(self, event: WorldEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # one broken listener must not stop matching or the others
                log.exception("simulator listener failed")
