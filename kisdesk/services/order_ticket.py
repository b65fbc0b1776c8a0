"""The order ticket: what the order panel is about to send (symbol, side, type, price) and the
server's facts about it, kept fresh — the quote, the buying power at the ticket's own type and
price (``inquire-psbl-order``) and the sellable quantity (``inquire-psbl-sell``).

Widget-free: the panel pushes its fields in and listens to the signals. Every answer is for one
symbol; an answer that arrives after the ticket moved to another symbol is dropped. Quotes come
through :meth:`OrderTicket.offer_quote`, which the ticket's own poll calls and a realtime quote
source can call instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from kisdesk.domain.order_rules import OrderFacts
from kisdesk.domain.order_state import OrderState, TrackedOrder
from kisdesk.domain.order_types import LIMIT, OrderType, Side, available_types
from kisdesk.domain.symbols import Symbol
from kisdesk.kis.errors import KisError
from kisdesk.kis.records import BuyingPower, DomesticQuote
from kisdesk.models.qtfix import emit
from kisdesk.services.errors import describe
from kisdesk.services.orders import OrderService

log = logging.getLogger(__name__)

QUOTE_REFRESH_MS = 2000
# Typing a price asks for the buying power at that price once the typing pauses.
ACCOUNT_DEBOUNCE_MS = 150


class OrderTicket(QObject):
    quote_changed = Signal(object, bool)  # DomesticQuote, first for this symbol
    symbol_changed = Signal(object)  # the new Symbol (None: cleared)
    account_changed = Signal()  # buying power or sellable quantity arrived
    failed = Signal(str)  # a read failed: the sentence to show

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source: OrderService | None = None
        self.symbol: Symbol | None = None
        self.side = Side.BUY
        self.order_type: OrderType = LIMIT
        self.price: Decimal | None = None
        self.quote: DomesticQuote | None = None
        # The last buying power read: (order type, asked price, record). Its quantity is only
        # meaningful for that type and price.
        self.buying_power: tuple[str, Decimal | None, BuyingPower] | None = None
        self.sellable: int | None = None
        self._gen = 0  # bumps on every symbol change; late answers for an old symbol are dropped
        self._tasks: set[asyncio.Task[None]] = set()
        self._quote_busy = False
        self._watched = False  # someone looks at the quote: keep polling it
        # True while a realtime stream offers this symbol's quotes: the poll then rests.
        self.streamed: Callable[[], bool] | None = None

        self._quote_timer = QTimer(self)
        self._quote_timer.setInterval(QUOTE_REFRESH_MS)
        self._quote_timer.timeout.connect(self._poll_quote)
        self._account_timer = QTimer(self)
        self._account_timer.setSingleShot(True)
        self._account_timer.setInterval(ACCOUNT_DEBOUNCE_MS)
        self._account_timer.timeout.connect(self._fetch_account)

    # -- where the facts come from -------------------------------------------------------------
    def set_source(self, source: OrderService | None) -> None:
        """A session's order service (None: disconnected). Reads in flight are cancelled."""
        if self.source is not None:
            for signal, slot in self._source_links(self.source):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(slot)
        self.cancel()
        self.source = source
        if source is not None:
            for signal, slot in self._source_links(source):
                signal.connect(slot)

    def _source_links(
        self, source: OrderService
    ) -> list[tuple[SignalInstance, Callable[..., None]]]:
        return [
            (source.orders_changed, self._on_orders_changed),
            (source.order_updated, self._on_order_updated),
        ]

    def set_refresh_ms(self, ms: int) -> None:
        self._quote_timer.setInterval(ms)

    def set_watched(self, watched: bool) -> None:
        """Polling only while the quote is on screen (the first read of a symbol always runs)."""
        self._watched = watched

    @property
    def idle(self) -> bool:
        """No read in flight and none about to start."""
        return not self._tasks and not self._account_timer.isActive()

    def cancel(self) -> None:
        """Stop reading: timers stopped, reads in flight cancelled."""
        self._quote_timer.stop()
        self._account_timer.stop()
        for task in list(self._tasks):
            task.cancel()

    # -- the ticket ----------------------------------------------------------------------------
    def set_symbol(self, symbol: Symbol | None) -> None:
        """A new symbol: every fact is forgotten, then read again (None: nothing to read)."""
        self._gen += 1
        self.symbol = symbol
        self.quote = None
        self.buying_power = None
        self.sellable = None
        emit(self.symbol_changed, symbol)
        if symbol is None:
            self._quote_timer.stop()
            self._account_timer.stop()
            return
        self._read_quote()
        self.refresh_account(now=True)
        if self.source is not None:
            self._quote_timer.start()

    def set_side(self, side: Side) -> None:
        if side is not self.side:
            self.side = side
            self.refresh_account(now=True)

    def set_order_type(self, order_type: OrderType) -> None:
        """Buying power depends on the type (market orders are sized at the upper limit)."""
        if order_type is not self.order_type:
            self.order_type = order_type
            self.refresh_account(now=True)

    def set_price(self, price: Decimal | None) -> None:
        """The typed price: a buy's buying power is read again once the typing pauses."""
        self.price = price
        if self.side is Side.BUY and self.order_type.needs_price:
            self.refresh_account()

    def facts(self, order_type: OrderType) -> OrderFacts:
        """What is known, for an order of ``order_type``."""
        q = self.quote
        cash = max_qty = max_price = None
        if self.buying_power is not None:
            bp_type, asked, record = self.buying_power
            cash = record.orderable_cash
            if bp_type == order_type.code:
                max_qty = int(record.no_receivable_qty)
                calc = record.calc_price
                if order_type.reserved_at_upper:
                    max_price = q.upper if q is not None else None
                else:
                    max_price = asked if asked is not None else (calc or None)
        allowed = None
        if self.source is not None:
            allowed = tuple(t.code for t in available_types(self.source.profile))
        return OrderFacts(
            kind=self.symbol.tick_kind if self.symbol else "stock",
            current=q.price if q is not None else None,
            upper=q.upper if q is not None else None,
            lower=q.lower if q is not None else None,
            halted=bool(q.halted) if q is not None else False,
            orderable_cash=cash,
            max_buy_qty=max_qty,
            max_buy_price=max_price,
            sellable_qty=self.sellable,
            allowed_types=allowed,
        )

    # -- quotes --------------------------------------------------------------------------------
    def offer_quote(self, code: str, quote: DomesticQuote) -> bool:
        """A quote for ``code`` from anywhere (this ticket's poll, a realtime stream); taken
        only while the ticket is on that symbol."""
        if self.symbol is None or code != self.symbol.code:
            return False
        first = self.quote is None
        self.quote = quote
        emit(self.quote_changed, quote, first)
        return True

    def _poll_quote(self) -> None:
        if self.streamed is not None and self.streamed():
            return  # the stream moves the quote (offer_quote)
        if not self._quote_busy and self._watched:  # one request at a time, only when shown
            self._read_quote()

    def _read_quote(self) -> None:
        if self.source is not None and self.symbol is not None:
            self._spawn(self._load_quote(self.source, self._gen, self.symbol.code))

    async def _load_quote(self, source: OrderService, gen: int, code: str) -> None:
        self._quote_busy = True
        try:
            quote = await source.quote(code)
        except KisError as exc:
            if gen == self._gen:
                emit(self.failed, describe(exc))
            return
        finally:
            self._quote_busy = False
        if gen == self._gen:
            self.offer_quote(code, quote)

    # -- buying power and sellable quantity ----------------------------------------------------
    def refresh_account(self, *, now: bool = False) -> None:
        """Read the account facts again, at once or after a pause (bursts make one read)."""
        if self.source is None or self.symbol is None:
            return
        if now:
            self._account_timer.stop()
            self._fetch_account()
        else:
            self._account_timer.start()

    def _fetch_account(self) -> None:
        if self.source is None or self.symbol is None:
            return
        gen, code = self._gen, self.symbol.code
        if self.side is Side.BUY:
            otype = self.order_type
            price = self.price if otype.needs_price else None
            if price is not None and price <= 0:
                price = None
            self._spawn(self._load_buying_power(self.source, gen, code, otype.code, price))
        else:
            self._spawn(self._load_sellable(self.source, gen, code))

    async def _load_buying_power(
        self, source: OrderService, gen: int, code: str, otype: str, price: Decimal | None
    ) -> None:
        try:
            record = await source.buying_power(code, otype, price)
        except KisError as exc:
            if gen == self._gen:
                emit(self.failed, describe(exc))
            return
        if gen == self._gen:
            self.buying_power = (otype, price, record)
            emit(self.account_changed)

    async def _load_sellable(self, source: OrderService, gen: int, code: str) -> None:
        try:
            qty = await source.sellable(code)
        except KisError as exc:
            log.info("sellable quantity of %s: %s", code, exc)
            qty = 0  # not held (or not offered): nothing may be sold
        if gen == self._gen:
            self.sellable = qty
            emit(self.account_changed)

    def _on_orders_changed(self) -> None:
        # Debounced: an order's ack, its fill and the refreshes they cause come in a burst;
        # one buying-power read after the burst is enough.
        self.refresh_account()

    def _on_order_updated(self, order: TrackedOrder) -> None:
        if order.state.terminal or order.state in (OrderState.ACCEPTED, OrderState.NOT_FOUND):
            self.refresh_account()

    # -- tasks ---------------------------------------------------------------------------------
    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError:  # no loop (a widget test without one): nothing can be read
            coro.close()
            return
        task = loop.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
