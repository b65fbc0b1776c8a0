"""The overseas order ticket: what the order panel in overseas mode is about to send and the
server's facts about it, kept fresh — the quote (O6 price detail on real: tick ``e_hogau``, lot
``vnit``, decimals, limits, tradability, the day's rate; O3 on paper), the buying power at the
ticket's price in the order currency and in won (O8, real only), and the sellable quantity from
the holdings (O1) — plus where an order would go now (the session, the US daytime TRs).

Widget-free: the panel pushes its fields in, reads :meth:`OverseasTicket.facts`, asks
:meth:`validate` / :meth:`guard` for the reasons not to send, and sends with :meth:`submit`
(the order service's one lane). Answers for a symbol the ticket has left are dropped.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QObject, QTimer, Signal

from kisdesk.domain.currency import to_krw
from kisdesk.domain.order_rules import Problem
from kisdesk.domain.order_state import TrackedOrder
from kisdesk.domain.order_types import OrderType, Side
from kisdesk.domain.overseas_hours import KST, Route, Session, route
from kisdesk.domain.overseas_orders import (
    OVS_LIMIT,
    OrderMarket,
    OverseasDraft,
    OverseasFacts,
    guard_reasons,
    market,
    max_quantity,
    offered_types,
    quantity_for_percent,
    types_note,
    validate_overseas,
)
from kisdesk.domain.overseas_ticks import step_tick
from kisdesk.kis.errors import KisError
from kisdesk.kis.records import OverseasBuyingPower, OverseasPriceDetail, OverseasQuote
from kisdesk.services.errors import describe
from kisdesk.services.order_ticket import OrderTicket
from kisdesk.services.orders import OrderService

log = logging.getLogger(__name__)

ROUTE_CHECK_MS = 15_000  # sessions change on the minute: look again now and then

Router = Callable[[str, dt.datetime, bool], Route]  # (exchange, now, paper) -> Route
TRADABLE = "매매 가능"  # O6 e_ordyn of a tradable issue (endpoints.md O6)


def kis_hours(exchange: str, when: dt.datetime, paper: bool) -> Route:
    """KIS's hours (the default): each market's sessions, the US daytime session on real."""
    return route(exchange, when, paper=paper)


def always_open(exchange: str, when: dt.datetime, paper: bool) -> Route:
    """For a simulator in its "always" mode (demo): every market in its regular session."""
    return Route(exchange, Session.REGULAR)


@dataclass(frozen=True)
class OverseasSymbol:
    exchange: str  # 4-letter trading code
    code: str
    name: str = ""

    @property
    def market(self) -> OrderMarket:
        return market(self.exchange)


@dataclass(frozen=True)
class OverseasQuoteView:
    """What the quote reads said (O6 on real, O3 on paper); None where that read has no field."""

    price: Decimal | None
    base: Decimal | None
    change: Decimal | None
    decimals: int | None
    tick: Decimal | None = None
    lot: int | None = None
    upper: Decimal | None = None  # None: no daily limit (O6 sends 0 there)
    lower: Decimal | None = None
    tradable: bool = True
    daytime_tradable: bool | None = None
    fx_rate: Decimal | None = None

    @classmethod
    def from_detail(cls, d: OverseasPriceDetail, *, daytime: bool) -> OverseasQuoteView:
        ok = d.tradable_text.replace(" ", "") == TRADABLE.replace(" ", "")
        return cls(
            price=d.price,
            base=d.base,
            change=(d.price - d.base) if d.price is not None and d.base is not None else None,
            decimals=d.decimals,
            tick=d.tick or None,
            lot=int(d.lot_size) if d.lot_size else None,
            upper=d.upper or None,
            lower=d.lower or None,
            # Asked with a daytime code, e_ordyn speaks of the daytime session only.
            tradable=ok or daytime,
            daytime_tradable=ok if daytime else None,
            fx_rate=d.fx_rate or None,
        )

    @classmethod
    def from_price(cls, q: OverseasQuote) -> OverseasQuoteView:
        return cls(price=q.price, base=q.base, change=q.change, decimals=q.decimals)


@dataclass(frozen=True)
class BuyingPowerView:
    """O8 at one price: the foreign-currency amount and quantity, and the amount in won."""

    currency: str
    amount: Decimal
    max_qty: int
    price: Decimal | None
    fx_rate: Decimal | None
    integrated_amount: Decimal

    @property
    def krw(self) -> Decimal | None:
        return to_krw(self.amount, self.fx_rate)

    @classmethod
    def from_record(cls, r: OverseasBuyingPower) -> BuyingPowerView:
        return cls(r.currency, r.amount, int(r.max_qty), r.price, r.fx_rate, r.integrated_amount)


class OverseasTicket(OrderTicket):
    """The overseas order ticket; see the module docstring. It keeps the domestic ticket's
    machinery (timers, one read at a time, answers for a left symbol dropped, polling only while
    watched) and reads overseas facts instead. ``clock``: KST now (tests pass the simulator's);
    ``router``: the sessions in force (:func:`kis_hours`, or :func:`always_open` against a
    simulator that takes orders at any hour)."""

    route_changed = Signal(object)  # Route: the session changed (e.g. the daytime session)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], dt.datetime] | None = None,
        router: Router = kis_hours,
    ) -> None:
        super().__init__(parent)
        self.clock: Callable[[], dt.datetime] = clock or (lambda: dt.datetime.now(KST))
        self.router = router
        self.symbol: OverseasSymbol | None = None  # type: ignore[assignment]
        self.order_type = OVS_LIMIT
        self.quote: OverseasQuoteView | None = None  # type: ignore[assignment]
        self.buying_power: BuyingPowerView | None = None  # type: ignore[assignment]
        self._route: Route | None = None
        self._route_timer = QTimer(self)
        self._route_timer.setInterval(ROUTE_CHECK_MS)
        self._route_timer.timeout.connect(self.check_route)

    # -- where the facts come from -------------------------------------------------------------
    def set_source(self, source: OrderService | None) -> None:
        """A session's order service (None: disconnected); it starts following overseas
        orders. Reads in flight are cancelled."""
        super().set_source(source)
        if source is not None:
            source.set_overseas(True)

    @property
    def paper(self) -> bool:
        return self.source is not None and self.source.profile == "paper"

    def cancel(self) -> None:
        super().cancel()
        self._route_timer.stop()

    # -- the ticket ----------------------------------------------------------------------------
    def set_symbol(self, symbol: OverseasSymbol | None) -> None:  # type: ignore[override]
        """A new symbol (exchange and code): every fact forgotten, then read again."""
        self._route = None
        super().set_symbol(symbol)  # type: ignore[arg-type]
        if symbol is None:
            self._route_timer.stop()
            return
        self._route = self.route()
        if self.source is not None:
            self._route_timer.start()

    def set_side(self, side: Side) -> None:
        if side is not self.side and self.symbol is not None:
            offered = offered_types(
                self.symbol.exchange, side, paper=self.paper, daytime=self.route().daytime
            )
            if self.order_type not in offered:
                self.order_type = OVS_LIMIT
        super().set_side(side)

    def set_order_type(self, order_type: OrderType) -> None:
        """Overseas buying power does not depend on the type: nothing to read again."""
        self.order_type = order_type

    def route(self) -> Route:
        """Where an order for the ticket's exchange goes now (CLOSED route without a symbol)."""
        if self.symbol is None:
            return Route("", Session.CLOSED)
        return self.router(self.symbol.exchange, self.clock(), self.paper)

    def check_route(self) -> None:
        """Look at the clock again; tell the panel (and re-read the quote under the other
        quote code) when the session changed."""
        if self.symbol is None:
            return
        now = self.route()
        if self._route is not None and now != self._route:
            daytime_changed = now.daytime != self._route.daytime
            self._route = now
            self.route_changed.emit(now)
            if daytime_changed:
                self._read_quote()
        self._route = now

    def offered_types(self) -> tuple[OrderType, ...]:
        if self.symbol is None:
            return (OVS_LIMIT,)
        r = self.route()
        return offered_types(self.symbol.exchange, self.side, paper=self.paper, daytime=r.daytime)

    def types_note(self) -> Problem | None:
        """Why the types offered are what they are (US: no market orders; paper and daytime:
        limit only), for the panel to show by the type."""
        if self.symbol is None:
            return None
        daytime = self.route().daytime
        return types_note(self.symbol.exchange, self.side, paper=self.paper, daytime=daytime)

    def facts(self, order_type: OrderType | None = None) -> OverseasFacts:  # type: ignore[override]
        """Everything known now, for validation, the guard and the review (every overseas type
        shares the facts: ``order_type`` is not needed)."""
        if self.symbol is None:
            raise ValueError("no symbol on the ticket")
        q = self.quote
        bp = self.buying_power
        offered = self.source is None or self.source.offers("overseas_buying_power")
        return OverseasFacts(
            exchange=self.symbol.exchange,
            route=self.route(),
            paper=self.paper,
            current=q.price if q is not None else None,
            tick=q.tick if q is not None else None,
            lot=q.lot if q is not None else None,
            decimals=q.decimals if q is not None else None,
            upper=q.upper if q is not None else None,
            lower=q.lower if q is not None else None,
            tradable=q.tradable if q is not None else True,
            daytime_tradable=q.daytime_tradable if q is not None else None,
            buying_power=bp.amount if bp is not None else None,
            max_buy_qty=bp.max_qty if bp is not None else None,
            max_buy_price=bp.price if bp is not None else None,
            buying_power_offered=offered,
            sellable_qty=self.sellable,
            fx_rate=(q.fx_rate if q is not None and q.fx_rate else None)
            or (bp.fx_rate if bp is not None else None),
        )

    def draft(self, price: Decimal | None, quantity: int | None) -> OverseasDraft:
        assert self.symbol is not None
        return OverseasDraft(
            self.side, self.symbol.exchange, self.symbol.code, self.order_type, price, quantity
        )

    def validate(self, draft: OverseasDraft) -> tuple[Problem, ...]:
        return validate_overseas(draft, self.facts())

    def guard(
        self, draft: OverseasDraft, *, max_amount: Decimal | None, max_ticks: int | None
    ) -> tuple[Problem, ...]:
        return guard_reasons(draft, self.facts(), max_amount=max_amount, max_ticks=max_ticks)

    def max_quantity(self, price: Decimal | None = None) -> int | None:
        """The most one may order: the sellable quantity, or what the buying power pays for at
        ``price`` (else the ticket's price, else the current one), in whole lots."""
        if price is None:
            price = self.price
        if price is None and self.quote is not None:
            price = self.quote.price
        return max_quantity(self.side, price, self.facts())

    def quantity_for_percent(self, percent: int, price: Decimal | None = None) -> int | None:
        facts = self.facts()
        return quantity_for_percent(self.max_quantity(price), percent, facts.effective_lot)

    def step_price(self, price: Decimal | None, steps: int) -> Decimal | None:
        """``price`` (the current price when None) moved ``steps`` ticks on the grid."""
        q = self.quote
        base = price if price is not None else (q.price if q is not None else None)
        if base is None or base <= 0 or self.symbol is None:
            return None
        tick, current = (q.tick, q.price) if q is not None else (None, None)
        return step_tick(self.symbol.exchange, base, steps, tick, current)

    def krw(self, amount: Decimal | None) -> Decimal | None:
        """A foreign amount in won at the day's rate, when one is known."""
        return to_krw(amount, self.facts().fx_rate) if self.symbol is not None else None

    def submit(self, draft: OverseasDraft) -> TrackedOrder | None:
        """Send through the order service's one lane (None: refused, see OrderService)."""
        if self.source is None or self.symbol is None:
            return None
        return self.source.submit_overseas(draft, self.facts(), self.symbol.name)

    # -- quotes --------------------------------------------------------------------------------
    def offer_quote(self, code: str, quote: OverseasQuoteView) -> bool:  # type: ignore[override]
        """A quote for ``code`` from anywhere (this ticket's reads, a realtime stream); taken
        only while the ticket is on that symbol."""
        if self.symbol is None or code != self.symbol.code:
            return False
        first = self.quote is None
        self.quote = quote
        self.quote_changed.emit(quote, first)
        if first and self.side is Side.BUY and self.price is None:
            self.refresh_account(now=True)  # buying power at the current price
        return True

    def _read_quote(self) -> None:
        if self.source is not None and self.symbol is not None:
            daytime = self.route().daytime
            self._spawn(self._load_overseas_quote(self.source, self._gen, self.symbol, daytime))

    async def _load_overseas_quote(
        self, source: OrderService, gen: int, symbol: OverseasSymbol, daytime: bool
    ) -> None:
        self._quote_busy = True
        try:
            record = await source.overseas_quote(symbol.exchange, symbol.code, daytime=daytime)
        except KisError as exc:
            if gen == self._gen:
                self.failed.emit(describe(exc))
            return
        finally:
            self._quote_busy = False
        if gen != self._gen:
            return
        if isinstance(record, OverseasPriceDetail):
            self.offer_quote(symbol.code, OverseasQuoteView.from_detail(record, daytime=daytime))
        else:
            self.offer_quote(symbol.code, OverseasQuoteView.from_price(record))

    # -- buying power and sellable quantity ----------------------------------------------------
    def _fetch_account(self) -> None:
        if self.source is None or self.symbol is None:
            return
        gen, symbol = self._gen, self.symbol
        if self.side is Side.SELL:
            self._spawn(self._load_ovs_sellable(self.source, gen, symbol))
            return
        price = self.price if self.price is not None and self.price > 0 else None
        if price is None and self.quote is not None:
            price = self.quote.price
        if price is not None:
            self._spawn(self._load_fx_power(self.source, gen, symbol, price))

    async def _load_fx_power(
        self, source: OrderService, gen: int, symbol: OverseasSymbol, price: Decimal
    ) -> None:
        try:
            record = await source.overseas_buying_power(symbol.exchange, symbol.code, price)
        except KisError as exc:
            if gen == self._gen:
                self.failed.emit(describe(exc))
            return
        if gen == self._gen and record is not None:
            self.buying_power = BuyingPowerView.from_record(record)
            self.account_changed.emit()

    async def _load_ovs_sellable(
        self, source: OrderService, gen: int, symbol: OverseasSymbol
    ) -> None:
        try:
            qty = await source.overseas_sellable(symbol.exchange, symbol.code)
        except KisError as exc:
            log.info("sellable quantity of %s: %s", symbol.code, exc)
            qty = 0
        if gen == self._gen:
            self.sellable = qty
            self.account_changed.emit()
