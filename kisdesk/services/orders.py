"""The order workflow on the qasync loop: send exactly once, reconcile lost answers, follow fills.

One lane for mutations (a new order, a modify or a cancel): while one is in flight every other
request to mutate is refused, so a double Enter can never become two orders. Reads (quotes,
buying power, open orders, executions) run concurrently behind the client's rate limiter.

An order whose answer was lost (``UnknownOrderOutcome``) is never sent again. It becomes
"unknown — checking" and is looked up in the day's orders (``inquire-daily-ccld``) a few times
with growing pauses: found, it takes the state the exchange reports; not found, it is marked so
and still matched if it turns up in a later refresh.

Overseas orders (``submit_overseas``) go through the same lane and the same states. Their lost
answers are looked up in the overseas order history (O9 ``inquire-ccnl``, offered on real and
paper, and listing filled orders too, which the open orders of O5 no longer show); with
``set_overseas(True)`` the open orders include the overseas ones (O5) and the day's reads follow
overseas fills (O9).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import itertools
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from kisdesk.config.settings import OrderSettings
from kisdesk.domain.order_rules import OrderDraft, OrderFacts, validate
from kisdesk.domain.order_state import OrderState, TrackedOrder
from kisdesk.domain.order_types import Side, find_order_type
from kisdesk.domain.overseas_hours import route
from kisdesk.domain.overseas_orders import (
    MARKETS,
    OverseasDraft,
    OverseasFacts,
    OverseasProblem,
    validate_overseas,
)
from kisdesk.i18n import translate
from kisdesk.kis import KisClient
from kisdesk.kis.base import KST, today_kst
from kisdesk.kis.errors import KisError, OrderRejected, PageLimitExceeded, UnknownOrderOutcome
from kisdesk.kis.records import (
    BuyingPower,
    CancellableOrder,
    DailyExecution,
    DomesticQuote,
    OrderAck,
    OverseasBuyingPower,
    OverseasOpenOrder,
    OverseasOrderRow,
    OverseasPriceDetail,
    OverseasQuote,
)
from kisdesk.services.errors import describe

log = logging.getLogger(__name__)

T = TypeVar("T")

# Pauses before each look-up of an order whose answer was lost. KIS warns that today's orders
# may show up late in inquire-daily-ccld, so the checks stretch over about ten seconds.
RECONCILE_DELAYS: tuple[float, ...] = (0.3, 0.7, 1.5, 3.0, 5.0)
# Without a snapshot of the day's orders taken before the send, only rows stamped this close to
# the send (allowing for clock skew between this machine and KIS) can be the lost order.
RECONCILE_WINDOW_S = 120
# How long an order not found by those look-ups is still looked for in later reads.
LOST_ORDER_WATCH = dt.timedelta(minutes=10)
# O5 with a blank exchange lists every market in one page; past that, one query per market
# (NASD = all of the US there).
OVERSEAS_OPEN_QUERIES = ("NASD", "SEHK", "SHAA", "SZAA", "TKSE", "HASE", "VNSE")


@dataclass(frozen=True)
class OpenOrder:
    """A resting order, from ``inquire-psbl-rvsecncl`` (real) or the unfilled rows of
    ``inquire-daily-ccld`` (paper, where the former is not offered)."""

    branch: str
    order_no: str
    original_order_no: str
    code: str
    name: str
    side: Side
    order_type: str
    quantity: int
    price: Decimal
    filled_qty: int
    open_qty: int
    order_time: dt.time | None
    exchange: str = ""  # overseas trading code; "" for a domestic order
    currency: str = ""

    @property
    def overseas(self) -> bool:
        return bool(self.exchange)

    @classmethod
    def from_overseas(cls, row: OverseasOpenOrder) -> OpenOrder:
        """An O5 row (no ORD_DVSN there: shown as a limit)."""
        return cls(
            branch=row.branch,
            order_no=row.order_no,
            original_order_no=row.original_order_no,
            code=row.code,
            name=row.name,
            side=Side.from_code(row.side_code),
            order_type="00",
            quantity=int(row.quantity),
            price=row.price,
            filled_qty=int(row.filled_qty),
            open_qty=int(row.open_qty),
            order_time=row.order_time,
            exchange=row.exchange,
            currency=row.currency or getattr(MARKETS.get(row.exchange), "currency", ""),
        )

    @classmethod
    def from_cancellable(cls, row: CancellableOrder) -> OpenOrder:
        return cls(
            branch=row.branch,
            order_no=row.order_no,
            original_order_no=row.original_order_no,
            code=row.code,
            name=row.name,
            side=Side.from_code(row.side_code),
            order_type=row.order_type or "00",
            quantity=int(row.quantity),
            price=row.price,
            filled_qty=int(row.filled_qty),
            open_qty=int(row.cancellable_qty),
            order_time=row.order_time,
        )

    @classmethod
    def from_daily(cls, row: DailyExecution) -> OpenOrder:
        return cls(
            branch=row.branch,
            order_no=row.order_no,
            original_order_no=row.original_order_no,
            code=row.code,
            name=row.name,
            side=Side.from_code(row.side_code),
            order_type=row.order_type or "00",
            quantity=int(row.quantity),
            price=row.price,
            filled_qty=int(row.filled_qty),
            open_qty=int(row.remaining_qty),
            order_time=row.order_time,
        )


@dataclass(frozen=True)
class MutationResult:
    """The answer to a modify or cancel: the ack, or the message to show."""

    ok: bool
    message: str
    ack: OrderAck | None = None
    unknown: bool = False


def _lost_answer_text() -> str:
    return translate(
        "OrderService",
        "No answer from KIS: the order may exist. Checking today's orders; do not send it again.",
    )


@dataclass(frozen=True)
class _OverseasRow:
    """An O9 row as the day's-orders matching reads a domestic one: Korean date and time (O9's
    own ``ord_dt``/``ord_tmd`` are the exchange's), no order type, cancel lines flagged."""

    row: OverseasOrderRow
    overseas: bool = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)

    @property
    def order_date(self) -> dt.date | None:
        return self.row.kst_date or self.row.order_date

    @property
    def order_time(self) -> dt.time | None:
        return self.row.kst_time or self.row.order_time


def _day_seconds(t: dt.time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


class OrderService(QObject):
    """Owns the tracked orders of one session; the dock and panel listen to its signals."""

    order_updated = Signal(object)  # TrackedOrder (any state change)
    busy_changed = Signal(bool)  # a mutation is in flight
    orders_changed = Signal()  # accepted order/modify/cancel or a fill: balances are stale
    open_orders_loaded = Signal(list)  # list[OpenOrder]
    open_orders_failed = Signal(str)
    executions_loaded = Signal(list)  # list[DailyExecution] of the last executions query
    executions_failed = Signal(str)
    overseas_executions_loaded = Signal(list)  # list[OverseasOrderRow] of the last O9 read

    def __init__(
        self,
        client: KisClient,
        *,
        env_name: str = "demo",
        poll_seconds: float = 3.0,
        reconcile_delays: Iterable[float] = RECONCILE_DELAYS,
        clock: Callable[[], dt.datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``clock``: the time overseas sessions are judged at (KST; default the wall clock)."""
        super().__init__(parent)
        self.clock: Callable[[], dt.datetime] = clock or (lambda: dt.datetime.now(KST))
        self._overseas = False  # overseas open orders and fills are followed
        self._ovs_baseline = False  # the day's overseas orders were read before a send
        self.client = client
        self.env_name = env_name
        self.reconcile_delays = tuple(reconcile_delays)
        self.tracked: list[TrackedOrder] = []
        self.open_orders: list[OpenOrder] = []
        self._ids = itertools.count(1)
        self._busy = False
        self._tasks: set[asyncio.Task[Any]] = set()
        self._known_odnos: set[str] = set()
        self._known_ovs: set[str] = set()  # overseas numbers (a sequence of their own at KIS)
        self._known_before: dict[int, tuple[frozenset[str], bool]] = {}
        self._baseline = False  # the day's orders were read at least once before a send
        self._open_sig: dict[str, tuple[int, int]] | None = None
        self._open_task: asyncio.Task[Any] | None = None
        self._open_again = False
        self._today_task: asyncio.Task[Any] | None = None
        self._today_again = False
        self._today_notify = False
        self._closed = False
        self._held = False  # the session is ending: nothing new may be sent
        self._poll = QTimer(self)
        self._poll.setInterval(int(poll_seconds * 1000))
        self._poll.timeout.connect(self.refresh_open_orders)

    # -- state ---------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def checking(self) -> bool:
        """An order's answer was lost and it is being looked up: until that ends, nobody can
        tell whether sending the same order again would make it two."""
        return any(t.state is OrderState.UNKNOWN for t in self.tracked)

    @property
    def settling(self) -> bool:
        """An order is on its way or being looked up: its outcome is not known yet."""
        return self._busy or self.checking

    def hold(self) -> None:
        """The session is about to end: refuse every new order, modify and cancel from now on
        (one already on its way is answered and looked up as usual)."""
        self._held = True

    async def settle(self, timeout: float) -> bool:
        """Wait (at most ``timeout`` seconds) until no order is settling; True when none is.
        Used before a session ends, so an order in flight is neither cut off nor forgotten."""
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while self.settling and loop.time() < end:
            await asyncio.sleep(0.05)
        return not self.settling

    def unconfirmed_like(self, draft: OrderDraft | OverseasDraft) -> TrackedOrder | None:
        """An earlier order of this session, the same as ``draft`` (code, side, type, quantity,
        price), whose answer was lost and that was not found: it may still exist."""
        for t in reversed(self.tracked):
            if (
                t.state is OrderState.NOT_FOUND
                and t.exchange == getattr(draft, "exchange", "")
                and t.code == draft.code
                and t.side is draft.side
                and t.order_type is draft.order_type
                and t.quantity == draft.quantity
                and (not draft.order_type.needs_price or t.price == draft.price)
            ):
                return t
        return None

    @property
    def profile(self) -> str:
        return getattr(getattr(self.client, "env", None), "profile", "real")

    def offers(self, function: str) -> bool:
        """Whether the environment offers the KIS function (kis/env.py names; False: 모의투자
        미지원)."""
        return self._offers(function)

    def _offers(self, function: str) -> bool:
        env = getattr(self.client, "env", None)
        return env is None or env.tr_id(function) is not None

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _spawn(self, coro: Awaitable[T]) -> asyncio.Task[T]:
        task = asyncio.get_event_loop().create_task(coro)  # type: ignore[arg-type]
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def apply_settings(self, settings: OrderSettings) -> None:
        """The order preferences that reach the wire: the hashkey header on order requests."""
        self.client.use_hashkey = settings.use_hashkey

    def start(self) -> None:
        """Read today's orders once (the reconciliation baseline) and start following them."""
        self.refresh_open_orders()
        self._spawn(self._load_baseline())
        self._poll.start()

    async def close(self) -> None:
        self._closed = True
        self._poll.stop()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    def stop(self) -> None:
        """Synchronous variant of close() for widget teardown: cancel, do not wait."""
        self._closed = True
        self._poll.stop()
        for task in list(self._tasks):
            task.cancel()

    # -- reads ---------------------------------------------------------------------------------
    async def quote(self, code: str) -> DomesticQuote:
        return await self.client.domestic_price(code)

    async def buying_power(self, code: str, order_type: str, price: Decimal | None) -> BuyingPower:
        """D3 at the order's own type and price (market: price 0, sized at the upper limit)."""
        typed = find_order_type(order_type)
        unit = int(price) if typed is not None and typed.needs_price and price is not None else 0
        return await self.client.buying_power(code, unit, order_type=order_type)

    async def sellable(self, code: str) -> int:
        """D4 where offered (real); on paper the balance's ord_psbl_qty (endpoints.md D4)."""
        if self._offers("sellable_quantity"):
            return int((await self.client.sellable_quantity(code)).orderable_qty)
        balance = await self.client.domestic_balance()
        for h in balance.holdings:
            if h.code == code:
                return int(h.orderable_qty)
        return 0

    async def fetch_open_orders(self) -> list[OpenOrder]:
        if self._offers("cancellable_orders"):
            rows = await self.client.cancellable_orders()
            orders = [OpenOrder.from_cancellable(r) for r in rows]
        else:
            result = await self.client.daily_executions(filled="02")
            orders = [OpenOrder.from_daily(r) for r in result.rows if not r.cancelled]
        orders = [o for o in orders if o.open_qty > 0]
        if self._overseas:
            orders += await self.fetch_overseas_open_orders()
        return orders

    async def fetch_overseas_open_orders(self) -> list[OpenOrder]:
        """Open overseas orders (O5; paper VTTS3018R per seed 004): every market in one page,
        or market by market when more than a page is open."""
        try:
            rows = await self.client.overseas_open_orders("")
        except PageLimitExceeded:
            rows = []
            for exchange in OVERSEAS_OPEN_QUERIES:
                rows += await self.client.overseas_open_orders(exchange)
        return [OpenOrder.from_overseas(r) for r in rows if r.open_qty > 0]

    # -- overseas reads (the overseas ticket's facts) ------------------------------------------
    def set_overseas(self, enabled: bool = True) -> None:
        """Follow overseas orders too: open orders from O5, the day's overseas lines from O9
        (read once now as the baseline lost answers are reconciled against)."""
        if enabled == self._overseas or self._closed:
            return
        self._overseas = enabled
        if enabled:
            self._spawn(self._load_overseas_baseline())
            self.refresh_open_orders()

    @property
    def overseas(self) -> bool:
        return self._overseas

    async def overseas_quote(
        self, exchange: str, code: str, *, daytime: bool = False
    ) -> OverseasPriceDetail | OverseasQuote:
        """The price detail (O6: tick, lot, decimals, limits, tradability, rate) where offered,
        else the price (O3, paper). ``daytime``: asked with the US daytime quote code, whose
        ``e_ordyn`` says whether the issue trades in that session."""
        m = MARKETS[exchange]
        excd = m.daytime_quote if daytime and m.daytime_quote else m.quote
        if self._offers("overseas_price_detail"):
            return await self.client.overseas_price_detail(excd, code)
        return await self.client.overseas_price(excd, code)

    async def overseas_buying_power(
        self, exchange: str, code: str, price: Decimal
    ) -> OverseasBuyingPower | None:
        """O8 at ``price``; None where it is not offered (paper, seed 004)."""
        if not self._offers("overseas_buying_power"):
            return None
        return await self.client.overseas_buying_power(exchange, code, price)

    async def overseas_sellable(self, exchange: str, code: str) -> int:
        """What the holdings (O1 ``ord_psbl_qty``) let one sell of ``code`` on ``exchange``."""
        balance = await self.client.overseas_balance(exchange)
        return sum(
            int(h.orderable_qty)
            for h in balance.holdings
            if h.code == code and h.exchange in ("", exchange)
        )

    async def overseas_rows(
        self, *, code: str = "", exchange: str = "", side: str = "00"
    ) -> list[OverseasOrderRow]:
        """Today's overseas order lines (O9, yesterday and today in Korea: the US trading day
        of a Korean morning is yesterday's date in New York)."""
        rows = await self.client.overseas_order_history(symbol=code, exchange=exchange, side=side)
        self._learn((r.order_no for r in rows), overseas=True)
        return rows

    async def _load_overseas_baseline(self) -> None:
        try:
            rows = await self.overseas_rows()
        except KisError as exc:
            log.warning("could not read today's overseas orders: %s", exc)
            return
        self._ovs_baseline = True
        self.overseas_executions_loaded.emit(list(rows))

    async def fetch_executions(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[DailyExecution]:
        result = await self.client.daily_executions(start, end, progress=progress)
        self._learn(r.order_no for r in result.rows)
        if start is None or start == today_kst():
            self._apply_rows(result.rows)
        return list(result.rows)

    def load_executions(self, start: dt.date | None = None, end: dt.date | None = None) -> None:
        self._spawn(self._load_executions(start, end))

    async def _load_executions(self, start: dt.date | None, end: dt.date | None) -> None:
        try:
            rows = await self.fetch_executions(start, end)
        except KisError as exc:
            self.executions_failed.emit(describe(exc))
        else:
            self.executions_loaded.emit(rows)

    def refresh_open_orders(self) -> None:
        """Coalesced: one read at a time, one more if asked meanwhile."""
        if self._closed:
            return
        if self._open_task is not None and not self._open_task.done():
            self._open_again = True
            return
        self._open_task = self._spawn(self._refresh_open_loop())

    async def _refresh_open_loop(self) -> None:
        while True:
            self._open_again = False
            try:
                orders = await self.fetch_open_orders()
            except KisError as exc:
                self.open_orders_failed.emit(describe(exc))
            else:
                self._on_open_orders(orders)
            if not self._open_again:
                return

    def _on_open_orders(self, orders: list[OpenOrder]) -> None:
        self._learn(o.order_no for o in orders if not o.overseas)
        self._learn((o.order_no for o in orders if o.overseas), overseas=True)
        sig = {(o.exchange, o.order_no): (o.filled_qty, o.open_qty) for o in orders}
        previous, self._open_sig = self._open_sig, sig
        self.open_orders = orders
        self.open_orders_loaded.emit(orders)
        # Something filled or left the book since the last look (or a tracked order is no longer
        # open): read today's rows to learn what, and tell the app its balances are stale.
        moved = previous is not None and (
            any(k not in sig or sig[k] != v for k, v in previous.items())
        )
        waiting = any(t.state.open and (t.exchange, t.order_no) not in sig for t in self.tracked)
        # An order not found after its look-ups may still turn up (KIS lists today's orders
        # late at times): keep reading today's orders for a while to match it.
        now = dt.datetime.now(KST)
        lost = any(
            t.state is OrderState.NOT_FOUND and now - t.sent_at < LOST_ORDER_WATCH
            for t in self.tracked
        )
        if moved or waiting or lost:
            self.refresh_today(notify=moved)

    def refresh_today(self, *, notify: bool = False) -> None:
        """Re-read today's orders (tracked states, the executions table); coalesced like the
        open orders, so the burst of reasons after one order costs one or two calls."""
        if self._closed:
            return
        self._today_notify = self._today_notify or notify
        if self._today_task is not None and not self._today_task.done():
            self._today_again = True
            return
        self._today_task = self._spawn(self._refresh_today_loop())

    async def _refresh_today_loop(self) -> None:
        while True:
            self._today_again = False
            notify, self._today_notify = self._today_notify, False
            try:
                result = await self.client.daily_executions()
            except KisError as exc:
                log.warning("today's orders: %s", exc)
                result = None
            if result is not None:
                self._learn(r.order_no for r in result.rows)
                changed = self._apply_rows(result.rows)
                self.executions_loaded.emit(list(result.rows))
                notify = notify or changed
            if self._overseas or any(t.exchange for t in self.tracked):
                try:
                    ovs = await self.overseas_rows()
                except KisError as exc:
                    log.warning("today's overseas orders: %s", exc)
                else:
                    notify = self._apply_rows([_OverseasRow(r) for r in ovs]) or notify
                    self.overseas_executions_loaded.emit(list(ovs))
            if notify:
                self.orders_changed.emit()
            if not self._today_again:
                return

    async def _load_baseline(self) -> None:
        try:
            result = await self.client.daily_executions()
        except KisError as exc:
            log.warning("could not read today's orders: %s", exc)
            return
        self._learn(r.order_no for r in result.rows)
        self._baseline = True
        self.executions_loaded.emit(list(result.rows))

    def _learn(self, order_nos: Iterable[str], *, overseas: bool = False) -> None:
        (self._known_ovs if overseas else self._known_odnos).update(order_nos)

    def _apply_rows(self, rows: Iterable[DailyExecution]) -> bool:
        """Update tracked orders from rows of the day's orders; True when any state changed."""
        rows = list(rows)
        by_no = {r.order_no: r for r in rows}
        changed = False
        for t in self.tracked:
            if t.state is OrderState.NOT_FOUND and not t.order_no:
                # Not while another order is on its way or looked up: its row, not yet claimed
                # by a number, would look just like this one's (a twin sent after a warning).
                found = None if self.settling else self._match(t, rows, near_send=True)
                if found is not None:
                    self._adopt(t, found)
                    changed = True
                continue
            row = by_no.get(t.order_no) if t.order_no else None
            if row is None or t.state in (OrderState.SENDING, OrderState.REJECTED):
                continue
            if bool(t.exchange) != getattr(row, "overseas", False):
                continue  # domestic and overseas order numbers are separate sequences
            before = (t.state, t.filled_qty)
            t.update_fills(
                ordered=int(row.quantity),
                filled=int(row.filled_qty),
                remaining=int(row.remaining_qty),
                cancelled=bool(row.cancelled),
            )
            if (t.state, t.filled_qty) != before:
                changed = True
                self.order_updated.emit(t)
        return changed

    # -- sending -------------------------------------------------------------------------------
    def submit(self, draft: OrderDraft, facts: OrderFacts, name: str = "") -> TrackedOrder | None:
        """Send ``draft`` once. Returns the tracked order (state SENDING), or None when refused:
        another mutation is in flight, or the draft breaks a rule (checked again here, so no
        caller can send what the panel would not)."""
        if self._busy or self._closed or self._held or self.checking:
            log.info("order refused: another order is in flight or being checked")
            return None
        if validate(draft, facts):
            log.warning("order refused: the draft does not validate")
            return None
        return self._start(self._tracked(draft, name))

    def submit_overseas(
        self, draft: OverseasDraft, facts: OverseasFacts, name: str = ""
    ) -> TrackedOrder | None:
        """Send an overseas ``draft`` once, through the same lane as domestic orders, to the
        session ``facts.route`` names (the US daytime TRs when it is the daytime session).
        None when refused: another mutation in flight, or the draft breaks a rule."""
        if self._busy or self._closed or self._held or self.checking:
            log.info("overseas order refused: another order is in flight or being checked")
            return None
        if validate_overseas(draft, facts):
            log.warning("overseas order refused: the draft does not validate")
            return None
        order = self._tracked(draft, name, exchange=draft.exchange, daytime=facts.route.daytime)
        return self._start(order)

    def _tracked(self, draft: OrderDraft | OverseasDraft, name: str, **where: Any) -> TrackedOrder:
        assert draft.quantity is not None
        return TrackedOrder(
            local_id=next(self._ids),
            side=draft.side,
            code=draft.code,
            name=name,
            order_type=draft.order_type,
            price=draft.price if draft.order_type.needs_price and draft.price else Decimal(0),
            quantity=draft.quantity,
            sent_at=dt.datetime.now(KST),
            **where,
        )

    def _start(self, order: TrackedOrder) -> TrackedOrder:
        self.tracked.append(order)
        # Numbers seen before this send cannot be this order; later reads (a poll while the
        # answer is lost) may well show it, so reconciliation uses this snapshot.
        if order.exchange:
            known, baseline = frozenset(self._known_ovs), self._ovs_baseline
        else:
            known, baseline = frozenset(self._known_odnos), self._baseline
        self._known_before[order.local_id] = (known, baseline)
        self._set_busy(True)
        self.order_updated.emit(order)
        self._spawn(self._send(order))
        return order

    def _send_call(self, order: TrackedOrder) -> Awaitable[OrderAck]:
        if order.exchange:
            return self.client.overseas_order(
                order.side,
                order.exchange,
                order.code,
                order.quantity,
                order.price,
                order_type=order.order_type.code,
                daytime=order.daytime,
            )
        return self.client.order_cash(
            order.side,
            order.code,
            order.quantity,
            order.price,
            order_type=order.order_type.code,
        )

    async def _send(self, order: TrackedOrder) -> None:
        reconcile = False
        try:
            ack = await self._send_call(order)
        except OrderRejected as exc:
            order.rejected(exc.msg1 or str(exc))
        except UnknownOrderOutcome as exc:
            order.unknown(f"{_lost_answer_text()} ({exc})")
            reconcile = True
        except KisError as exc:
            # Stopped before the exchange (not sent, rate limit, token): the order does not exist.
            order.rejected(describe(exc))
        except asyncio.CancelledError:
            order.unknown(translate("OrderService", "Interrupted while sending"))
            raise
        except Exception as exc:  # a bug somewhere after the send may have started: assume sent
            log.exception("order send crashed")
            order.unknown(f"{type(exc).__name__}: {exc}")
            reconcile = True
        else:
            self._learn([ack.order_no], overseas=bool(order.exchange))
            order.accepted(ack.order_no, ack.branch, ack.time, ack.message)
        finally:
            self._set_busy(False)
            self.order_updated.emit(order)
        if order.state is OrderState.ACCEPTED:
            self.orders_changed.emit()
            self.refresh_open_orders()
            self.refresh_today()
        if reconcile:
            await self._reconcile(order)

    async def _reconcile(self, order: TrackedOrder) -> None:
        for delay in self.reconcile_delays:
            await asyncio.sleep(delay)
            try:
                rows = await self._lookup(order)
            except KisError as exc:
                log.warning("reconcile look-up failed: %s", exc)
                continue
            row = self._match(order, rows)
            if row is not None:
                self._adopt(order, row)
                self.orders_changed.emit()
                self.refresh_open_orders()
                return
        order.not_found(
            translate(
                "OrderService",
                "Not found in today's orders after the checks. It may still appear: look at "
                "open orders and executions before sending it again.",
            )
        )
        self.order_updated.emit(order)

    async def _lookup(self, order: TrackedOrder) -> list[Any]:  # DailyExecution | _OverseasRow
        """The day's rows that may be ``order``: D8 for a domestic one, O9 for an overseas one
        (its filters on real; paper takes "all" and the client filters)."""
        side = order.side.code
        if order.exchange:
            rows = await self.overseas_rows(code=order.code, exchange=order.exchange, side=side)
            return [_OverseasRow(r) for r in rows]
        return list((await self.client.daily_executions(code=order.code, side=side)).rows)

    def _adopt(self, order: TrackedOrder, row: DailyExecution | _OverseasRow) -> None:
        """The day's ``row`` is ``order`` (whose answer was lost): take its number and state."""
        self._learn([row.order_no], overseas=bool(order.exchange))
        order.found(
            order_no=row.order_no,
            branch=row.branch,
            order_time=row.order_time,
            ordered=int(row.quantity),
            filled=int(row.filled_qty),
            remaining=int(row.remaining_qty),
            cancelled=bool(row.cancelled),
            message=row.order_no,
        )
        self.order_updated.emit(order)

    def _match(
        self, order: TrackedOrder, rows: Iterable[DailyExecution], *, near_send: bool = False
    ) -> DailyExecution | None:
        """The day's row that is this order: same code, side, type, quantity and price, a new
        order (not a modify/cancel line), and a number no other tracked order or earlier read
        has claimed. Newest first."""
        claimed = {
            t.order_no
            for t in self.tracked
            if t is not order and t.order_no and bool(t.exchange) == bool(order.exchange)
        }
        known, baseline = self._known_before.get(order.local_id, (frozenset(), False))
        sent = order.sent_at.astimezone(KST)
        sent_s = _day_seconds(sent.time())
        today = sent.date()
        candidates = []
        for r in rows:
            if bool(order.exchange) != getattr(r, "overseas", False):
                continue
            if order.exchange and r.exchange and r.exchange != order.exchange:
                continue
            if r.order_no in claimed or r.original_order_no.strip():
                continue
            if baseline and r.order_no in known:
                continue
            if r.code != order.code or Side.from_code(r.side_code) is not order.side:
                continue
            if int(r.quantity) != order.quantity:
                continue
            if r.order_type and r.order_type != order.order_type.code:
                continue
            if order.order_type.needs_price and r.price != order.price:
                continue
            if r.order_date is not None and r.order_date != today:
                continue
            if near_send or not baseline:  # stamped close to the send, or it is another order
                t = r.order_time
                if t is None or abs(_day_seconds(t) - sent_s) > RECONCILE_WINDOW_S:
                    continue
            candidates.append(r)
        if not candidates:
            return None
        return max(candidates, key=lambda r: (r.order_time or dt.time.min, r.order_no))

    # -- modify / cancel -----------------------------------------------------------------------
    def _daytime_for(self, target: OpenOrder) -> bool:
        """Whether an overseas order is modified/cancelled on the US daytime TR: known for the
        orders sent here; else by the session now (a regular order cannot be touched then)."""
        for t in self.tracked:
            if t.exchange == target.exchange and t.knows(target.order_no):
                return t.daytime
        return route(target.exchange, self.clock(), paper=self.profile == "paper").daytime

    async def cancel(self, target: OpenOrder) -> MutationResult:
        if target.overseas:
            daytime = self._daytime_for(target)
            return await self._mutate(
                target,
                lambda: self.client.overseas_cancel_order(
                    target.exchange, target.code, target.order_no, target.open_qty, daytime=daytime
                ),
                kind="cancel",
            )
        return await self._mutate(
            target,
            lambda: self.client.cancel_order(
                target.branch, target.order_no, None, order_type=target.order_type
            ),
            kind="cancel",
        )

    async def modify(
        self, target: OpenOrder, price: Decimal, quantity: int, order_type: str | None = None
    ) -> MutationResult:
        """Modify price and/or quantity; the order answers to the new ODNO and branch after.
        Overseas: refused here on the cancel-only markets (Shanghai, Shenzhen, Vietnam)."""
        if target.overseas:
            return await self._modify_overseas(target, price, quantity)
        qty_arg = None if quantity == target.open_qty else quantity
        kind_type = order_type or target.order_type
        send_price = price if kind_type == "00" else Decimal(0)
        result = await self._mutate(
            target,
            lambda: self.client.modify_order(
                target.branch, target.order_no, send_price, qty_arg, order_type=kind_type
            ),
            kind="modify",
        )
        if result.ok and result.ack is not None:
            for t in self.tracked:
                if t.knows(target.order_no):
                    # The tracked order now follows the modify line: new number, branch, price
                    # and quantity, nothing filled on it yet.
                    t.rebind(
                        result.ack.order_no, result.ack.branch, price=send_price, quantity=quantity
                    )
                    t.filled_qty = 0
                    self.order_updated.emit(t)
        return result

    async def _modify_overseas(
        self, target: OpenOrder, price: Decimal, quantity: int
    ) -> MutationResult:
        market = MARKETS[target.exchange]
        if market.cancel_only:
            problem = OverseasProblem("order", "ovs_cancel_only", {"market": market.name})
            return MutationResult(False, problem.render(translate))
        daytime = self._daytime_for(target)
        result = await self._mutate(
            target,
            lambda: self.client.overseas_modify_order(
                target.exchange, target.code, target.order_no, quantity, price, daytime=daytime
            ),
            kind="modify",
        )
        if result.ok and result.ack is not None:
            for t in self.tracked:
                if t.exchange == target.exchange and t.knows(target.order_no):
                    t.rebind(result.ack.order_no, result.ack.branch, price=price, quantity=quantity)
                    t.filled_qty = 0
                    self.order_updated.emit(t)
        return result

    async def _mutate(
        self, target: OpenOrder, call: Callable[[], Awaitable[OrderAck]], *, kind: str
    ) -> MutationResult:
        if self._busy or self._closed or self._held:
            return MutationResult(
                False,
                translate(
                    "OrderService",
                    "Not sent: another order is on its way. Try again in a moment.",
                ),
            )
        self._set_busy(True)
        try:
            ack = await call()
        except OrderRejected as exc:
            return MutationResult(False, exc.msg1 or str(exc))
        except UnknownOrderOutcome as exc:
            # Not re-sent: the refreshed open orders will show what happened.
            self.refresh_open_orders()
            return MutationResult(False, f"{_lost_answer_text()} ({exc})", unknown=True)
        except KisError as exc:
            return MutationResult(False, describe(exc))
        finally:
            self._set_busy(False)
        self._learn([ack.order_no], overseas=target.overseas)
        log.info("%s of %s accepted as %s", kind, target.order_no, ack.order_no)
        if kind == "cancel":
            for t in self.tracked:
                if t.exchange == target.exchange and t.order_no == target.order_no and t.state.open:
                    t.move(OrderState.CANCELLED, ack.message)
                    self.order_updated.emit(t)
        self.orders_changed.emit()
        self.refresh_open_orders()
        self.refresh_today()
        return MutationResult(True, ack.message, ack)


def open_order_service(
    client: KisClient, env_name: str, settings: OrderSettings, *, parent: QObject | None = None
) -> OrderService:
    """The order service of a session's client, configured from the order preferences (not
    started: ``start()`` reads the day's orders and begins following them)."""
    service = OrderService(
        client, env_name=env_name, poll_seconds=settings.poll_seconds, parent=parent
    )
    service.apply_settings(settings)
    return service
