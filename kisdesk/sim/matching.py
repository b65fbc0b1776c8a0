"""Orders and matching: market orders fill at once, limit orders rest and fill when the walk
crosses their price (partially when the seeded walk says so). The other domestic ORD_DVSN codes
follow order_types.ORD_TYPES: 03/15/16 take the current price, 04 rests at it, 05/06 trade at
once at yesterday's / today's close; IOC/FOK trade what the touch holds on arrival and cancel
the rest.

The books stay consistent by construction: every fill moves ``qty × price`` between cash and the
holding in one place (``_fill``); resting buy orders reserve ``remaining × price`` of buying
power; resting sell orders hold back their remaining quantity from the sellable quantity.
No fees or taxes are charged.

The book is given what it works with when it is made (accounts, stats, clock) and tells
its ``emit`` callback about every order it accepts, fills or cancels (the world passes them on
to its listeners, e.g. a realtime notice feed).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kisdesk.domain.ticks import is_on_tick

from .accounts import Account, Holding, OverseasHolding
from .clock import SimClock, hhmmss
from .envelope import KisError
from .market import DomesticQuote, OverseasQuote, overseas_tick
from .order_types import (
    AFTER_HOURS_SINGLE,
    MARKET_ORD_DVSN,
    ORD_TYPES,
    PRICELESS_ORD_DVSN,
)
from .stats import SimStats
from .universe import EXCHANGES

# Overseas auction types (MOO/LOO/MOC/LOC) are accepted on real and treated as limit/market;
# Hong Kong 50 (odd-lot limit, sell only) is a limit for a quantity under one board lot.
OVS_MARKET_TYPES = frozenset({"31", "33"})
OVS_ODD_LOT = "50"
OVS_LIMIT_TYPES = frozenset({"00", "32", "34", OVS_ODD_LOT})


@dataclass
class Execution:
    qty: int
    price: Decimal
    time: str  # HHMMSS


@dataclass
class Order:
    """One order line of the day (new, modify or cancel), as the daily-execution lists show."""

    account: str  # CANO-PRDT
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
    exchange: str = "KRX"  # KRX or an overseas trading code (NASD, SEHK …)
    session: str = ""  # "daytime": a US daytime-session order (modified/cancelled on its TR)
    filled: int = 0
    filled_amt: Decimal = Decimal(0)
    cancelled: int = 0  # taken off by cancel orders, or by the exchange (IOC/FOK rest)
    moved: int = 0  # taken off by modify orders (it lives on in the modify order)
    executions: list[Execution] = field(default_factory=list)

    @property
    def remaining(self) -> int:
        if self.action == "cancel":
            return 0
        return self.qty - self.filled - self.cancelled - self.moved

    @property
    def is_open(self) -> bool:
        return self.remaining > 0

    @property
    def overseas(self) -> bool:
        return self.exchange != "KRX"

    @property
    def is_market(self) -> bool:
        return self.ord_dvsn in (OVS_MARKET_TYPES if self.overseas else MARKET_ORD_DVSN)

    def avg_price(self) -> Decimal:
        return self.filled_amt / self.filled if self.filled else Decimal(0)


@dataclass(frozen=True)
class OrderEvent:
    """Something happened to an order: ``accepted`` (new, modify or cancel order booked),
    ``filled`` (``qty`` traded at ``price``) or ``cancelled`` (``qty`` taken off by the exchange,
    the rest of an IOC/FOK order)."""

    kind: str
    order: Order
    qty: int = 0
    price: Decimal = Decimal(0)


class OrderBook:
    """Every order of every account for the simulated day, and the matching rules."""

    def __init__(
        self,
        seed: int,
        *,
        accounts: Mapping[str, Account],
        stats: SimStats,
        clock: SimClock,
        paper: bool,
        emit: Callable[[OrderEvent], None] = lambda _event: None,
    ) -> None:
        self.orders: dict[str, Order] = {}
        self._accounts = accounts  # CANO-PRDT → account
        self._stats = stats
        self._clock = clock
        self._orgno = "00950" if paper else "06010"
        self._emit = emit
        self._rng = random.Random(f"kisdesk-sim:{seed}:fills")
        self._seq = self._rng.randint(1_000_000, 1_900_000)

    # ---- queries ---------------------------------------------------------------------------

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
        pending = sum(
            o.remaining
            for o in self.open_orders(acct)
            if not o.overseas and o.code == code and o.side == "sell"
        )
        return max(0, (h.qty if h else 0) - pending)

    def ovs_sellable(self, acct: Account, h: OverseasHolding) -> int:
        pending = sum(
            o.remaining
            for o in self.open_orders(acct)
            if o.exchange == h.exch and o.code == h.code and o.side == "sell"
        )
        return max(0, h.qty - pending)

    def reserved_cash(self, acct: Account) -> Decimal:
        return sum(
            (
                o.price * o.remaining
                for o in self.open_orders(acct)
                if o.side == "buy" and not o.overseas
            ),
            Decimal(0),
        )

    def reserved_fx(self, acct: Account, ccy: str) -> Decimal:
        return sum(
            (
                o.price * o.remaining
                for o in self.open_orders(acct)
                if o.side == "buy" and o.overseas and EXCHANGES[o.exchange].currency == ccy
            ),
            Decimal(0),
        )

    def buying_power(self, acct: Account) -> Decimal:
        return acct.d2_cash - self.reserved_cash(acct)

    def fx_buying_power(self, acct: Account, ccy: str) -> Decimal:
        return acct.fx_cash(ccy) - self.reserved_fx(acct, ccy)

    def resting_symbols(self) -> list[tuple[str, str]]:
        """(exchange, code) of every symbol with a resting order, in order of the oldest: those
        move on every step so matching sees each price on the path (the order keeps the seeded
        partial fills the same from run to run)."""
        return list(dict.fromkeys((o.exchange, o.code) for o in self.open_orders()))

    # ---- placing -----------------------------------------------------------------------------

    def _new_order(self, acct: Account, **kw: object) -> Order:
        now = self._clock.now()
        order = Order(
            account=acct.number,
            odno=self.next_odno(),
            orgno=self._orgno,
            time=hhmmss(now),
            date=now.strftime("%Y%m%d"),
            **kw,  # type: ignore[arg-type]
        )
        self.orders[order.odno] = order
        self._emit(OrderEvent("accepted", order))
        return order

    def check_domestic_price(self, q: DomesticQuote, price: Decimal) -> None:
        if not is_on_tick(price, q.tkind):
            raise KisError("SIM00001")
        if price > q.upper or price < q.lower:
            raise KisError("SIM00002")

    def domestic_price(self, q: DomesticQuote, ord_dvsn: str, price: Decimal) -> Decimal:
        """The price an order of this type carries: its own ORD_UNPR (checked), 0 for market
        types, or the one the exchange gives it (order_types.OrdType.pricing)."""
        pricing = ORD_TYPES[ord_dvsn].pricing
        if pricing == "limit":
            self.check_domestic_price(q, price)
            # 시간외 단일가 trades within ±10 % of the day's close (errors-and-limits.md §6).
            if ord_dvsn == AFTER_HOURS_SINGLE and abs(price - q.price) * 10 > q.price:
                raise KisError("SIM00002")
            return price
        if pricing == "market":
            return Decimal(0)
        return q.base if pricing == "prev_close" else q.price

    @staticmethod
    def cash_unit(q: DomesticQuote, ord_dvsn: str, price: Decimal) -> Decimal:
        """Per-share amount a buy is checked at: the upper limit for an order that carries no
        price of its own (D5 ORD_UNPR; errors-and-limits.md §6), else its price."""
        return q.upper if ord_dvsn in PRICELESS_ORD_DVSN else price

    def place_domestic(
        self,
        acct: Account,
        q: DomesticQuote,
        side: str,
        ord_dvsn: str,
        qty: int,
        price: Decimal,
    ) -> Order:
        price = self.domestic_price(q, ord_dvsn, price)
        if side == "buy":
            # A market buy is reserved at the upper limit (errors-and-limits.md §6, D3).
            need = qty * self.cash_unit(q, ord_dvsn, price)
            if need > self.buying_power(acct):
                raise KisError("APBK0952", rt_cd="7")
        elif qty > self.sellable(acct, q.code):
            raise KisError("SIM00003")
        order = self._new_order(
            acct, code=q.code, side=side, ord_dvsn=ord_dvsn, qty=qty, price=price
        )
        self._match_incoming(acct, order, q)
        return order

    def place_overseas(
        self,
        acct: Account,
        q: OverseasQuote,
        side: str,
        ord_dvsn: str,
        qty: int,
        price: Decimal,
        *,
        session: str = "",
    ) -> Order:
        exch = q.exchange
        # A board-lot multiple, or for an odd-lot order (HK 50) less than one lot.
        if (qty >= q.lot) if ord_dvsn == OVS_ODD_LOT else (qty % q.lot):
            raise KisError("SIM00004")
        is_market = ord_dvsn in OVS_MARKET_TYPES
        if not is_market:
            if price <= 0 or price % overseas_tick(exch.trade, price) != 0:
                raise KisError("SIM00001")
            if (q.upper is not None and price > q.upper) or (
                q.lower is not None and price < q.lower
            ):
                raise KisError("SIM00002")
        else:
            price = Decimal(0)
        if side == "buy":
            if qty * price > self.fx_buying_power(acct, exch.currency):
                raise KisError("APBK0952", rt_cd="7")
        else:
            h = acct.ovs.get((exch.trade, q.code))
            if h is None or qty > self.ovs_sellable(acct, h):
                raise KisError("SIM00003")
        order = self._new_order(
            acct,
            code=q.code,
            side=side,
            ord_dvsn=ord_dvsn,
            qty=qty,
            price=price,
            exchange=exch.trade,
            session=session,
        )
        self._match_incoming(acct, order, q)
        return order

    def find(self, acct: Account, odno: str) -> Order | None:
        odno = odno.strip()
        o = self.orders.get(odno) or self.orders.get(odno.zfill(10))
        if o is None or o.account != acct.number:
            return None
        return o

    def cancel(self, acct: Account, orig: Order, qty: int) -> Order:
        orig.cancelled += qty
        return self._new_order(
            acct,
            code=orig.code,
            side=orig.side,
            ord_dvsn=orig.ord_dvsn,
            qty=qty,
            price=orig.price,
            action="cancel",
            orgn_odno=orig.odno,
            exchange=orig.exchange,
            session=orig.session,
        )

    def modify(
        self,
        acct: Account,
        orig: Order,
        qty: int,
        ord_dvsn: str,
        price: Decimal,
        q: DomesticQuote | OverseasQuote,
    ) -> Order:
        """Move ``qty`` of ``orig`` into a new order at ``price`` (a modify gets a new ODNO)."""
        if orig.side == "buy":
            if isinstance(q, DomesticQuote):
                unit = self.cash_unit(q, ord_dvsn, price)
                free = self.buying_power(acct) + orig.price * qty
            else:
                unit = price
                free = self.fx_buying_power(acct, q.exchange.currency) + orig.price * qty
            if qty * unit > free:
                raise KisError("APBK0952", rt_cd="7")
        orig.moved += qty
        order = self._new_order(
            acct,
            code=orig.code,
            side=orig.side,
            ord_dvsn=ord_dvsn,
            qty=qty,
            price=price,
            action="modify",
            orgn_odno=orig.odno,
            exchange=orig.exchange,
            session=orig.session,
        )
        self._match_incoming(acct, order, q)
        return order

    # ---- matching ----------------------------------------------------------------------------

    def _match_incoming(
        self, acct: Account, order: Order, q: DomesticQuote | OverseasQuote
    ) -> None:
        """An arriving order trades at the current price when it is marketable; an IOC/FOK
        one trades only what the touch holds and the exchange cancels the rest."""
        kind = None if order.overseas else ORD_TYPES[order.ord_dvsn]
        if kind is not None and kind.passive:
            return  # 최우선지정가 joins its side of the book; the walk fills it
        if kind is not None and kind.fixed_price:
            self._fill(acct, order, order.remaining, order.price)
            return
        marketable = (
            order.is_market
            or (order.side == "buy" and order.price >= q.price)
            or (order.side == "sell" and order.price <= q.price)
        )
        if kind is None or kind.tif == "day":
            if marketable:
                self._fill(acct, order, order.remaining, q.price)
            return
        qty = self._depth(order.remaining) if marketable else 0
        if kind.tif == "fok" and qty < order.remaining:
            qty = 0
        self._fill(acct, order, qty, q.price)
        rest = order.remaining
        order.cancelled += rest
        if rest:
            self._emit(OrderEvent("cancelled", order, rest))

    def _depth(self, qty: int) -> int:
        """What the touch holds for an order of ``qty``: all of a small one; for a larger one
        the seeded share on_step uses for partial fills."""
        if qty >= 10 and self._rng.random() < 0.5:
            return self._rng.randint(max(1, qty // 3), qty)
        return qty

    def on_step(self, q: DomesticQuote | OverseasQuote) -> None:
        """After one walk step of ``q``: resting orders the price crossed trade at their own
        limit price, all of it or (for larger orders) a seeded part."""
        exch = q.exchange.trade if isinstance(q, OverseasQuote) else "KRX"
        for o in self.open_orders():
            if o.exchange != exch or o.code != q.code:
                continue
            crossed = (o.side == "buy" and q.price <= o.price) or (
                o.side == "sell" and q.price >= o.price
            )
            if not crossed:
                continue
            rem = o.remaining
            lot = q.lot if isinstance(q, OverseasQuote) else 1
            qty = rem
            if rem >= 10 * lot and self._rng.random() < 0.5:
                lots = rem // lot
                qty = self._rng.randint(max(1, lots // 3), lots) * lot
            self._fill(self._accounts[o.account], o, qty, o.price)

    def _fill(self, acct: Account, order: Order, qty: int, price: Decimal) -> None:
        if qty <= 0:
            return
        amount = price * qty
        if order.overseas:
            self._fill_overseas(acct, order, qty, price, amount)
        elif order.side == "buy":
            h = acct.holdings.get(order.code)
            if h is None:
                h = acct.holdings[order.code] = Holding(order.code, 0, Decimal(0))
            h.qty += qty
            h.cost += amount
            h.today_buy_qty += qty
            acct.today_buy_amt += amount
        else:
            h = acct.holdings[order.code]
            out = h.cost if qty == h.qty else h.cost * qty / h.qty
            h.qty -= qty
            h.cost -= out
            h.today_sell_qty += qty
            acct.today_sell_amt += amount
        order.filled += qty
        order.filled_amt += amount
        order.executions.append(Execution(qty, price, hhmmss(self._clock.now())))
        self._stats.fills += 1
        self._emit(OrderEvent("filled", order, qty, price))

    @staticmethod
    def _fill_overseas(
        acct: Account, order: Order, qty: int, price: Decimal, amount: Decimal
    ) -> None:
        ccy = EXCHANGES[order.exchange].currency
        key = (order.exchange, order.code)
        if order.side == "buy":
            h = acct.ovs.get(key)
            if h is None:
                h = acct.ovs[key] = OverseasHolding(order.exchange, order.code, 0, Decimal(0))
            h.qty += qty
            h.cost += amount
            h.today_buy_qty += qty
            h.today_buy_amt += amount
            acct.fx_buy_amt[ccy] = acct.fx_buy_amt.get(ccy, Decimal(0)) + amount
        else:
            h = acct.ovs[key]
            out = h.cost if qty == h.qty else h.cost * qty / h.qty
            h.qty -= qty
            h.cost -= out
            h.today_sell_qty += qty
            h.today_sell_amt += amount
            acct.fx_sell_amt[ccy] = acct.fx_sell_amt.get(ccy, Decimal(0)) + amount
