"""Overseas order rules before anything is sent: markets, order types per TR, lots, ticks,
sessions, buying power — pure, no Qt, no I/O (endpoints.md O4, O6, O8, O10).

The overseas ticket builds an :class:`OverseasDraft` from the panel's fields and an
:class:`OverseasFacts` from what the server said (O6 tick ``e_hogau``, lot ``vnit`` and
decimals ``zdiv``; O8 buying power; O1 sellable quantity) and where the order would go now
(:func:`kisdesk.domain.overseas_hours.route`). :func:`validate_overseas` returns every problem,
each tied to its field, in the same :class:`~kisdesk.domain.order_rules.Problem` shape the
domestic rules use; an empty result is the only way to a send.

Order types are the ``ORD_DVSN`` codes each TR takes (endpoints.md O10): US buy 00/32/34, US
sell 00/31/32/33/34, Hong Kong sell 00/50, everything else 00; paper and the US daytime session
00 only. There is no plain market order on US shares: KIS has none (the panel offers limit, and
the auction types, and says why — :func:`types_note`). TWAP/VWAP (35/36) are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from kisdesk.domain.currency import fmt_fx_amount, fmt_fx_price
from kisdesk.domain.format import fmt_int, fmt_krw
from kisdesk.domain.order_rules import MAX_QUANTITY, MESSAGES, Problem
from kisdesk.domain.order_types import QT_TRANSLATE_NOOP, OrderType, Side
from kisdesk.domain.overseas_hours import Route, hours_text
from kisdesk.domain.overseas_ticks import on_tick, round_tick, tick_at, ticks_between


@dataclass(frozen=True)
class OrderMarket:
    """One trading exchange (``OVRS_EXCG_CD``) as the order TRs see it."""

    exchange: str  # 4-letter trading code
    group: str  # TR family: us, hk, sh, sz, jp, vn (endpoints.md O4 table)
    currency: str
    quote: str  # 3-letter quote code of O3/O6 (NAS, HKS …)
    daytime_quote: str  # US daytime quote code (BAQ/BAY/BAA), "" elsewhere
    name: str  # Korean market name, shown as is
    cancel_only: bool  # O10: Shanghai, Shenzhen and Vietnam orders cannot be modified
    lot: int | None  # the market's lot; None where it is per symbol (Hong Kong board lots)

    @property
    def is_us(self) -> bool:
        return self.group == "us"


MARKETS: dict[str, OrderMarket] = {
    m.exchange: m
    for m in (
        OrderMarket("NASD", "us", "USD", "NAS", "BAQ", "나스닥", False, 1),
        OrderMarket("NYSE", "us", "USD", "NYS", "BAY", "뉴욕", False, 1),
        OrderMarket("AMEX", "us", "USD", "AMS", "BAA", "아멕스", False, 1),
        OrderMarket("SEHK", "hk", "HKD", "HKS", "", "홍콩", False, None),
        OrderMarket("SHAA", "sh", "CNY", "SHS", "", "상해", True, 100),
        OrderMarket("SZAA", "sz", "CNY", "SZS", "", "심천", True, 100),
        OrderMarket("TKSE", "jp", "JPY", "TSE", "", "도쿄", False, 100),
        OrderMarket("HASE", "vn", "VND", "HNX", "", "하노이", True, 100),
        OrderMarket("VNSE", "vn", "VND", "HSX", "", "호치민", True, 100),
    )
}


def market(exchange: str) -> OrderMarket:
    """The market of a trading code; KeyError for one KIS does not trade."""
    return MARKETS[exchange.strip().upper()]


# ---- order types ------------------------------------------------------------------------------


def _ovs_type(code: str, korean: str, english: str, needs_price: bool) -> OrderType:
    # Nothing is reserved at an upper limit overseas (the priced types carry their price; the
    # price-less ones are sells), and paper takes limit only.
    return OrderType(code, korean, english, needs_price, False, code == "00")


OVS_LIMIT = _ovs_type("00", "지정가", QT_TRANSLATE_NOOP("OrderType", "Limit"), True)
MOO = _ovs_type("31", "장개시시장가", QT_TRANSLATE_NOOP("OrderType", "Market on open"), False)
LOO = _ovs_type("32", "장개시지정가", QT_TRANSLATE_NOOP("OrderType", "Limit on open"), True)
MOC = _ovs_type("33", "장마감시장가", QT_TRANSLATE_NOOP("OrderType", "Market on close"), False)
LOC = _ovs_type("34", "장마감지정가", QT_TRANSLATE_NOOP("OrderType", "Limit on close"), True)
ODD_LOT = _ovs_type("50", "단주지정가", QT_TRANSLATE_NOOP("OrderType", "Odd-lot limit"), True)
OVERSEAS_TYPES: tuple[OrderType, ...] = (OVS_LIMIT, MOO, LOO, MOC, LOC, ODD_LOT)
_BY_CODE = {t.code: t for t in OVERSEAS_TYPES}

# ORD_DVSN per (TR group, side) on real, regular session (endpoints.md O10).
_TR_TYPES: dict[tuple[str, Side], tuple[str, ...]] = {
    ("us", Side.BUY): ("00", "32", "34"),
    ("us", Side.SELL): ("00", "31", "32", "33", "34"),
    ("hk", Side.SELL): ("00", "50"),
}


def overseas_type(code: str) -> OrderType:
    """The row of an overseas ``ORD_DVSN``; KeyError for one the panel does not offer."""
    return _BY_CODE[code.strip()]


def offered_types(
    exchange: str, side: Side, *, paper: bool = False, daytime: bool = False
) -> tuple[OrderType, ...]:
    """The types the TR of this market, side, environment and session takes."""
    if paper or daytime:
        return (OVS_LIMIT,)
    codes = _TR_TYPES.get((market(exchange).group, side), ("00",))
    return tuple(_BY_CODE[c] for c in codes)


# ---- messages ---------------------------------------------------------------------------------

# Source texts in the OrderRules context (the domestic rules' context: the panel renders both
# with one translate call). Written out in QT_TRANSLATE_NOOP so pyside6-lupdate extracts them.
OVS_MESSAGES: dict[str, str] = {
    "ovs_closed": QT_TRANSLATE_NOOP(
        "OrderRules", "{market} is closed now: orders are taken {hours} KST on weekdays."
    ),
    "ovs_daytime_symbol": QT_TRANSLATE_NOOP(
        "OrderRules", "{code} is not traded in the US daytime session."
    ),
    "ovs_type_paper": QT_TRANSLATE_NOOP(
        "OrderRules", "{type} orders are not offered on paper trading: limit orders only."
    ),
    "ovs_type_daytime": QT_TRANSLATE_NOOP(
        "OrderRules", "The US daytime session takes limit orders only, not {type}."
    ),
    "ovs_type_market": QT_TRANSLATE_NOOP(
        "OrderRules", "{type} orders are not offered for this side on {market}."
    ),
    "ovs_no_market_order": QT_TRANSLATE_NOOP(
        "OrderRules",
        "KIS takes no market orders for US shares: use a limit price, or an opening or "
        "closing auction type.",
    ),
    "ovs_limit_only": QT_TRANSLATE_NOOP("OrderRules", "{market} takes limit orders only."),
    "ovs_note_paper": QT_TRANSLATE_NOOP("OrderRules", "Paper trading takes limit orders only."),
    "ovs_note_daytime": QT_TRANSLATE_NOOP(
        "OrderRules", "The US daytime session takes limit orders only."
    ),
    "ovs_price_off_tick": QT_TRANSLATE_NOOP(
        "OrderRules", "Not on the tick grid: {tick} {currency} at this price ({below} or {above})."
    ),
    "ovs_qty_lot": QT_TRANSLATE_NOOP(
        "OrderRules", "This issue trades in lots of {lot} shares ({below} or {above})."
    ),
    "ovs_qty_odd_lot": QT_TRANSLATE_NOOP(
        "OrderRules", "An odd-lot order is for fewer shares than one lot ({lot})."
    ),
    "ovs_cancel_only": QT_TRANSLATE_NOOP(
        "OrderRules", "{market} orders can be cancelled but not modified."
    ),
    "ovs_guard_amount": QT_TRANSLATE_NOOP(
        "OrderRules",
        "The amount {amount} {currency} (about {krw} won) is above your limit of {limit} won.",
    ),
}
# Notes that explain what is offered rather than point at a mistake.
OVS_HINTS = frozenset(
    {"ovs_no_market_order", "ovs_limit_only", "ovs_note_paper", "ovs_note_daytime"}
)


@dataclass(frozen=True)
class OverseasProblem(Problem):
    """A :class:`Problem` whose text may come from the overseas messages."""

    @property
    def hint(self) -> bool:
        return self.code in OVS_HINTS or super().hint

    @property
    def text(self) -> str:
        return OVS_MESSAGES.get(self.code) or MESSAGES[self.code]


def _p(where: str, message: str, /, **args: str) -> OverseasProblem:
    return OverseasProblem(where, message, args)  # type: ignore[arg-type]


def types_note(
    exchange: str, side: Side, *, paper: bool = False, daytime: bool = False
) -> OverseasProblem | None:
    """Why the offered types are what they are, for the panel to show next to the type (a hint,
    not an error): paper and the daytime session take limit only; US shares have no market order;
    the other markets (apart from a Hong Kong sell) take limit only."""
    m = market(exchange)
    if paper:
        return _p("type", "ovs_note_paper")
    if daytime:
        return _p("type", "ovs_note_daytime")
    if m.is_us:
        return _p("type", "ovs_no_market_order")
    if (m.group, side) not in _TR_TYPES:
        return _p("type", "ovs_limit_only", market=m.name)
    return None


def type_problem(
    exchange: str, side: Side, order_type: OrderType, *, paper: bool, daytime: bool
) -> OverseasProblem | None:
    """Why ``order_type`` cannot be sent on this market, side, environment and session."""
    if order_type in offered_types(exchange, side, paper=paper, daytime=daytime):
        return None
    label = order_type.korean
    if paper:
        return _p("type", "ovs_type_paper", type=label)
    if daytime:
        return _p("type", "ovs_type_daytime", type=label)
    return _p("type", "ovs_type_market", type=label, market=market(exchange).name)


# ---- the draft and the facts --------------------------------------------------------------------


@dataclass(frozen=True)
class OverseasDraft:
    """What the panel's fields say. ``price``/``quantity`` None when blank; ``code`` "" when the
    symbol text names nothing."""

    side: Side
    exchange: str  # trading code (NASD …)
    code: str
    order_type: OrderType
    price: Decimal | None
    quantity: int | None


@dataclass(frozen=True)
class OverseasFacts:
    """What the server said about the symbol and the account, and where an order goes now.

    ``tick``/``lot``/``decimals`` come from O6 (real); None where unknown (paper has no O6: the
    exchange's ladder gives the tick and the market its lot, except Hong Kong's board lots).
    ``buying_power`` is O8's ``ovrs_ord_psbl_amt`` in the order currency, with O8's
    ``max_ord_psbl_qty`` at ``max_buy_price``; ``buying_power_offered`` False where O8 is not
    offered (paper): the server then checks alone.
    """

    exchange: str
    route: Route
    paper: bool = False
    current: Decimal | None = None
    tick: Decimal | None = None  # e_hogau at the current price
    lot: int | None = None  # vnit
    decimals: int | None = None  # zdiv
    upper: Decimal | None = None  # uplp; None or 0: no limit
    lower: Decimal | None = None
    tradable: bool = True  # e_ordyn "매매 가능"
    daytime_tradable: bool | None = None  # e_ordyn of the daytime quote code (None: not known)
    buying_power: Decimal | None = None
    max_buy_qty: int | None = None
    max_buy_price: Decimal | None = None
    buying_power_offered: bool = True
    sellable_qty: int | None = None
    fx_rate: Decimal | None = None  # KRW per unit of the order currency

    @property
    def market(self) -> OrderMarket:
        return market(self.exchange)

    @property
    def currency(self) -> str:
        return self.market.currency

    @property
    def effective_lot(self) -> int | None:
        return self.lot or self.market.lot


# ---- arithmetic ---------------------------------------------------------------------------------


def price_tick(price: Decimal, facts: OverseasFacts) -> Decimal:
    return tick_at(facts.exchange, price, facts.tick, facts.current)


def max_buy_quantity(price: Decimal | None, facts: OverseasFacts) -> int | None:
    """Shares the buying power pays for at ``price``, in whole lots (O8's quantity is not
    rounded to the lot: endpoints.md O8); O8's own figure wins at the price it was asked at."""
    if price is None or price <= 0 or facts.buying_power is None:
        return None
    qty = max(0, int(facts.buying_power // price))
    if facts.max_buy_qty is not None and facts.max_buy_price == price:
        qty = min(qty, facts.max_buy_qty)
    lot = facts.effective_lot or 1
    return qty - qty % lot


def max_quantity(side: Side, price: Decimal | None, facts: OverseasFacts) -> int | None:
    if side is Side.SELL:
        return facts.sellable_qty
    return max_buy_quantity(price, facts)


def quantity_for_percent(max_qty: int | None, percent: int, lot: int | None) -> int | None:
    """``percent`` of the maximum in whole lots, at least one lot when one is orderable."""
    if max_qty is None:
        return None
    unit = lot or 1
    lots = max_qty // unit
    if lots <= 0:
        return 0
    return max(1, lots * percent // 100) * unit


def estimated_amount(draft: OverseasDraft, facts: OverseasFacts) -> Decimal | None:
    """The order's worth in its currency: at its price, or (price-less auction sells) at the
    current price."""
    ref = draft.price if draft.order_type.needs_price else facts.current
    if ref is None or draft.quantity is None or ref <= 0 or draft.quantity <= 0:
        return None
    return ref * draft.quantity


# ---- validation ---------------------------------------------------------------------------------


def _session_problems(facts: OverseasFacts, code: str) -> list[OverseasProblem]:
    m = facts.market
    if not facts.route.open:
        return [_p("order", "ovs_closed", market=m.name, hours=hours_text(m.exchange))]
    if facts.route.daytime and facts.daytime_tradable is False:
        return [_p("symbol", "ovs_daytime_symbol", code=code)]
    return []


def _price_problems(price: Decimal | None, facts: OverseasFacts) -> list[OverseasProblem]:
    if price is None:
        return [_p("price", "price_empty")]
    if price <= 0:
        return [_p("price", "price_not_positive")]
    ex, ccy = facts.exchange, facts.currency
    out: list[OverseasProblem] = []
    if not on_tick(ex, price, facts.tick, facts.current):
        below = round_tick(ex, price, facts.tick, facts.current)
        above = round_tick(ex, price, facts.tick, facts.current, up=True)
        out.append(
            _p(
                "price",
                "ovs_price_off_tick",
                tick=fmt_fx_price(price_tick(price, facts), ccy, ex),
                currency=ccy,
                below=fmt_fx_price(below, ccy, ex),
                above=fmt_fx_price(above, ccy, ex),
            )
        )
    if facts.upper and price > facts.upper:
        out.append(_p("price", "price_above_upper", upper=fmt_fx_price(facts.upper, ccy, ex)))
    if facts.lower and price < facts.lower:
        out.append(_p("price", "price_below_lower", lower=fmt_fx_price(facts.lower, ccy, ex)))
    return out


def _lot_problems(qty: int, order_type: OrderType, facts: OverseasFacts) -> list[OverseasProblem]:
    lot = facts.effective_lot
    if lot is None or lot <= 1:
        return []  # one share, or a Hong Kong board lot not known (paper): the server checks
    if order_type is ODD_LOT:
        if qty >= lot:
            return [_p("quantity", "ovs_qty_odd_lot", lot=fmt_int(lot))]
        return []
    if qty % lot:
        below = qty - qty % lot
        return [
            _p(
                "quantity",
                "ovs_qty_lot",
                lot=fmt_int(lot),
                below=fmt_int(below or lot),
                above=fmt_int(below + lot),
            )
        ]
    return []


def _quantity_problems(draft: OverseasDraft, facts: OverseasFacts) -> list[OverseasProblem]:
    qty = draft.quantity
    if qty is None:
        return [_p("quantity", "qty_empty")]
    if qty <= 0:
        return [_p("quantity", "qty_not_positive")]
    if qty > MAX_QUANTITY:
        return [_p("quantity", "qty_too_large")]
    out = _lot_problems(qty, draft.order_type, facts)
    if draft.side is Side.SELL:
        if facts.sellable_qty is None:
            out.append(_p("order", "sellable_missing"))
        elif qty > facts.sellable_qty:
            out.append(_p("quantity", "qty_over_sellable", max=fmt_int(facts.sellable_qty)))
        return out
    if not facts.buying_power_offered:
        return out
    if facts.buying_power is None:
        out.append(_p("order", "buying_power_missing"))
        return out
    limit = max_buy_quantity(draft.price, facts)
    if limit is not None and qty > limit:
        out.append(_p("quantity", "qty_over_buyable", max=fmt_int(limit)))
    return out


def validate_overseas(draft: OverseasDraft, facts: OverseasFacts) -> tuple[Problem, ...]:
    """Every reason the draft cannot be sent, symbol first; empty when it may be sent."""
    problems: list[Problem] = []
    if draft.exchange not in MARKETS:
        return (_p("symbol", "symbol_unknown", text=draft.exchange),)
    if not draft.code:
        problems.append(_p("symbol", "symbol_empty"))
    elif facts.current is None:
        problems.append(_p("symbol", "quote_missing", code=draft.code))
    elif not facts.tradable:
        problems.append(_p("symbol", "halted", code=draft.code))
    problems.extend(_session_problems(facts, draft.code))
    bad_type = type_problem(
        draft.exchange,
        draft.side,
        draft.order_type,
        paper=facts.paper,
        daytime=facts.route.daytime,
    )
    if bad_type is not None:
        problems.append(bad_type)
    if draft.order_type.needs_price:
        problems.extend(_price_problems(draft.price, facts))
    problems.extend(_quantity_problems(draft, facts))
    return tuple(problems)


def validate_overseas_modify(
    exchange: str,
    price: Decimal | None,
    quantity: int | None,
    open_qty: int,
    facts: OverseasFacts,
    *,
    daytime_order: bool = False,
) -> tuple[Problem, ...]:
    """A modify of a resting order: refused outright on the cancel-only markets (Shanghai,
    Shenzhen, Vietnam: endpoints.md O10); else the market open for the order's own session (a
    daytime order is modified in the daytime session, a regular one outside it), the new price
    on the grid and in the limits, and a quantity from 1 to what is still open, in lots."""
    m = market(exchange)
    if m.cancel_only:
        return (_p("order", "ovs_cancel_only", market=m.name),)
    problems: list[Problem] = list(_order_session(facts, daytime_order))
    problems.extend(_price_problems(price, facts))
    if quantity is None:
        problems.append(_p("quantity", "qty_empty"))
    elif quantity <= 0:
        problems.append(_p("quantity", "qty_not_positive"))
    elif quantity > open_qty:
        problems.append(_p("quantity", "qty_over_open", max=fmt_int(open_qty)))
    else:
        problems.extend(_lot_problems(quantity, OVS_LIMIT, facts))
    return tuple(problems)


def validate_overseas_cancel(
    facts: OverseasFacts, *, daytime_order: bool = False
) -> tuple[Problem, ...]:
    """A cancel goes while the order's session takes orders (every market allows a cancel)."""
    return tuple(_order_session(facts, daytime_order))


def _order_session(facts: OverseasFacts, daytime_order: bool) -> list[OverseasProblem]:
    m = facts.market
    if facts.route.open and facts.route.daytime == daytime_order:
        return []
    return [_p("order", "ovs_closed", market=m.name, hours=hours_text(m.exchange))]


def is_sendable(draft: OverseasDraft, facts: OverseasFacts) -> bool:
    return not validate_overseas(draft, facts)


# ---- fat-finger guard ---------------------------------------------------------------------------


def guard_reasons(
    draft: OverseasDraft,
    facts: OverseasFacts,
    *,
    max_amount: Decimal | None,
    max_ticks: int | None,
) -> tuple[Problem, ...]:
    """Reasons to ask a second time before sending a valid order; the amount limit is in won
    (the preference), compared at the order currency's rate when one is known."""
    out: list[Problem] = []
    ccy, ex = facts.currency, facts.exchange
    amount = estimated_amount(draft, facts)
    if max_amount and amount is not None and facts.fx_rate:
        krw = amount * facts.fx_rate
        if krw > max_amount:
            out.append(
                _p(
                    "order",
                    "ovs_guard_amount",
                    amount=fmt_fx_amount(amount, ccy),
                    currency=ccy,
                    krw=fmt_krw(krw),
                    limit=fmt_krw(max_amount),
                )
            )
    if (
        max_ticks
        and draft.order_type.needs_price
        and draft.price is not None
        and facts.current is not None
        and facts.current > 0
    ):
        distance = abs(ticks_between(ex, facts.current, draft.price, facts.tick, max_ticks + 1))
        if distance > max_ticks:
            shown = abs(ticks_between(ex, facts.current, draft.price, facts.tick))
            out.append(
                _p(
                    "order",
                    "guard_ticks",
                    ticks=fmt_int(shown),
                    current=fmt_fx_price(facts.current, ccy, ex),
                )
            )
    return tuple(out)


def review_lines(
    draft: OverseasDraft, facts: OverseasFacts, when: dt.datetime | None = None
) -> Mapping[str, str]:
    """Plain facts for the review step: market, session (daytime shown), amount in the order
    currency and in won when the rate is known."""
    ccy = facts.currency
    amount = estimated_amount(draft, facts)
    krw = amount * facts.fx_rate if amount is not None and facts.fx_rate else None
    return {
        "market": facts.market.name,
        "session": facts.route.session.value,
        "currency": ccy,
        "amount": fmt_fx_amount(amount, ccy) if amount is not None else "",
        "amount_krw": fmt_krw(krw) if krw is not None else "",
        "hours": hours_text(facts.exchange, when),
    }
