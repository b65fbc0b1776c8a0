"""Order validation before anything is sent: pure rules, no Qt, no I/O.

The panel builds an :class:`OrderDraft` from its fields and an :class:`OrderFacts` from what the
server told it (quote, buying power, sellable quantity); :func:`validate` returns every problem,
each tied to the field it belongs next to. An empty result is the only way to a send.

Messages are English source text with ``{placeholders}``; the UI translates them in the
``OrderRules`` context and fills the placeholders (already formatted numbers) afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Literal

from kisdesk.domain.format import fmt_int, fmt_krw
from kisdesk.domain.order_types import QT_TRANSLATE_NOOP, OrderType, Side
from kisdesk.domain.ticks import is_on_tick, round_to_tick, step_price, tick_size

FieldName = Literal["symbol", "side", "type", "price", "quantity", "order"]
CTX = "OrderRules"

# A quantity no KRX order can reach; keeps a runaway keystroke from building a silly number.
MAX_QUANTITY = 99_999_999


# Every message the rules can produce, by code. Tests and the UI refer to the codes. Written
# out literally in QT_TRANSLATE_NOOP so pyside6-lupdate extracts them.
MESSAGES: dict[str, str] = {
    "symbol_empty": QT_TRANSLATE_NOOP("OrderRules", "Enter a symbol (code or name)."),
    "symbol_unknown": QT_TRANSLATE_NOOP("OrderRules", "No listed issue matches “{text}”."),
    "symbol_pick": QT_TRANSLATE_NOOP(
        "OrderRules", "Listed issues matching “{text}”: {count}. Enter picks {pick}."
    ),
    "symbol_choose": QT_TRANSLATE_NOOP(
        "OrderRules", "Listed issues matching “{text}”: {count}. Press Down to choose one."
    ),
    "quote_missing": QT_TRANSLATE_NOOP("OrderRules", "Waiting for the price of {code}…"),
    "halted": QT_TRANSLATE_NOOP("OrderRules", "Trading in {code} is suspended."),
    "price_empty": QT_TRANSLATE_NOOP("OrderRules", "Enter a price."),
    "price_not_positive": QT_TRANSLATE_NOOP("OrderRules", "The price must be more than 0."),
    "price_off_tick": QT_TRANSLATE_NOOP(
        "OrderRules", "Not on the tick grid: {tick} won at this price ({below} or {above})."
    ),
    "price_above_upper": QT_TRANSLATE_NOOP("OrderRules", "Above the upper limit {upper}."),
    "price_below_lower": QT_TRANSLATE_NOOP("OrderRules", "Below the lower limit {lower}."),
    "qty_empty": QT_TRANSLATE_NOOP("OrderRules", "Enter a quantity."),
    "qty_not_positive": QT_TRANSLATE_NOOP("OrderRules", "The quantity must be more than 0."),
    "qty_too_large": QT_TRANSLATE_NOOP("OrderRules", "The quantity is too large."),
    "qty_over_buyable": QT_TRANSLATE_NOOP(
        "OrderRules", "More than the maximum buyable quantity ({max})."
    ),
    "qty_over_buyable_market": QT_TRANSLATE_NOOP(
        "OrderRules",
        "More than the maximum buyable quantity ({max}): market orders are checked at the "
        "upper limit {upper}.",
    ),
    "qty_over_sellable": QT_TRANSLATE_NOOP(
        "OrderRules", "More than the sellable quantity ({max})."
    ),
    "buying_power_missing": QT_TRANSLATE_NOOP("OrderRules", "Waiting for buying power…"),
    "sellable_missing": QT_TRANSLATE_NOOP("OrderRules", "Waiting for the sellable quantity…"),
    "type_unavailable": QT_TRANSLATE_NOOP("OrderRules", "{type} orders are not offered here."),
    "qty_over_open": QT_TRANSLATE_NOOP("OrderRules", "More than the open quantity ({max})."),
    "modify_over_cash": QT_TRANSLATE_NOOP(
        "OrderRules", "The modified order needs {need} won; {cash} won is available for it."
    ),
    # Fat-finger guard: not errors, reasons to ask again.
    "guard_amount": QT_TRANSLATE_NOOP(
        "OrderRules", "The amount {amount} won is above your limit of {limit} won."
    ),
    "guard_ticks": QT_TRANSLATE_NOOP(
        "OrderRules", "The price is {ticks} ticks away from the current price {current}."
    ),
}


# Problems that are a step still to take rather than a mistake: shown as hints, not in red.
HINTS = frozenset({"symbol_pick", "symbol_choose"})


@dataclass(frozen=True)
class Problem:
    field: FieldName
    code: str
    args: Mapping[str, str] = field(default_factory=dict)

    @property
    def hint(self) -> bool:
        return self.code in HINTS

    @property
    def text(self) -> str:
        """The untranslated source text."""
        return MESSAGES[self.code]

    def render(self, translate: Callable[[str, str], str] | None = None) -> str:
        """The message in the user's language (``translate(context, text)``), filled in."""
        source = translate(CTX, self.text) if translate is not None else self.text
        try:
            return source.format(**self.args)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the rule
            return self.text.format(**self.args)


@dataclass(frozen=True)
class OrderDraft:
    """What the panel's fields say. ``price``/``quantity`` are None when the field is blank."""

    side: Side
    symbol_text: str
    code: str  # the resolved code, "" when the text matches no listed issue
    order_type: OrderType
    price: Decimal | None
    quantity: int | None
    # When the text names no issue exactly: how many listed issues it partly matches, and the
    # suggestion Enter would take ("" while the suggestion list is closed).
    matches: int = 0
    pick: str = ""


@dataclass(frozen=True)
class OrderFacts:
    """What the server said about the symbol and the account (None = not known yet)."""

    kind: str = "stock"  # tick table kind: stock / etf / etn
    current: Decimal | None = None
    upper: Decimal | None = None
    lower: Decimal | None = None
    halted: bool = False
    orderable_cash: Decimal | None = None  # ord_psbl_cash
    # nrcvb_buy_qty and the price KIS computed it at (psbl_qty_calc_unpr / the asked ORD_UNPR)
    max_buy_qty: int | None = None
    max_buy_price: Decimal | None = None
    sellable_qty: int | None = None
    allowed_types: tuple[str, ...] | None = None  # ORD_DVSN codes offered; None = all

    @property
    def has_quote(self) -> bool:
        return self.upper is not None and self.lower is not None


# -- parsing ------------------------------------------------------------------------------------


def parse_amount(text: str) -> Decimal | None:
    """``"74,300"`` -> 74300. Blank or not a plain number -> None (the UI allows digits only)."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_quantity(text: str) -> int | None:
    value = parse_amount(text)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


# -- arithmetic ---------------------------------------------------------------------------------


def reference_price(
    order_type: OrderType, price: Decimal | None, facts: OrderFacts
) -> Decimal | None:
    """The price buying power is checked at: the upper limit for market-type orders (KIS reserves
    a market buy there, errors-and-limits.md §6), otherwise the order price."""
    if order_type.reserved_at_upper:
        return facts.upper
    return price


def estimated_amount(draft: OrderDraft, facts: OrderFacts) -> Decimal | None:
    """What the order is worth: a buy at the price its cash is reserved at; a sell without a
    price of its own (market, best price) at the current price, as nothing is reserved for it."""
    if draft.side is Side.SELL and not draft.order_type.needs_price:
        ref = facts.current
    else:
        ref = reference_price(draft.order_type, draft.price, facts)
    if ref is None or draft.quantity is None or ref <= 0 or draft.quantity <= 0:
        return None
    return ref * draft.quantity


def max_buy_quantity(order_type: OrderType, price: Decimal | None, facts: OrderFacts) -> int | None:
    """Shares the orderable cash pays for at the reference price.

    KIS's own figure (``nrcvb_buy_qty``) wins when it was computed at the same price, because it
    includes fees and the stock's margin rate; at any other price the cash gives the bound.
    """
    ref = reference_price(order_type, price, facts)
    if ref is None or ref <= 0 or facts.orderable_cash is None:
        return None
    by_cash = max(0, int(facts.orderable_cash // ref))
    if facts.max_buy_qty is not None and facts.max_buy_price == ref:
        return min(by_cash, facts.max_buy_qty)
    return by_cash


def max_quantity(
    side: Side, order_type: OrderType, price: Decimal | None, facts: OrderFacts
) -> int | None:
    if side is Side.SELL:
        return facts.sellable_qty
    return max_buy_quantity(order_type, price, facts)


def quantity_for_percent(max_qty: int | None, percent: int) -> int | None:
    """``percent`` of the maximum, rounded down, but at least 1 when anything is orderable."""
    if max_qty is None:
        return None
    if max_qty <= 0:
        return 0
    return max(1, max_qty * percent // 100)


def ticks_between(start: Decimal, end: Decimal, kind: str = "stock", cap: int = 10_000) -> int:
    """Signed number of ticks from ``start`` to ``end`` across band edges (stops counting at
    ``cap``, which is all a guard needs)."""
    if start == end or start <= 0 or end <= 0:
        return 0
    sign = 1 if end > start else -1
    p, n = start, 0
    while (p < end if sign > 0 else p > end) and n < cap:
        p = step_price(p, sign, kind)
        n += 1
    return sign * n


# -- validation ---------------------------------------------------------------------------------


def _price_problems(draft: OrderDraft, facts: OrderFacts) -> list[Problem]:
    price = draft.price
    if price is None:
        return [Problem("price", "price_empty")]
    if price <= 0:
        return [Problem("price", "price_not_positive")]
    out: list[Problem] = []
    if price != price.to_integral_value() or not is_on_tick(price, facts.kind):
        below = round_to_tick(price, facts.kind)
        above = round_to_tick(price, facts.kind, up=True)
        if below <= 0:
            below = above
        out.append(
            Problem(
                "price",
                "price_off_tick",
                {
                    "tick": fmt_krw(tick_size(price, facts.kind)),
                    "below": fmt_krw(below),
                    "above": fmt_krw(above),
                },
            )
        )
    if facts.upper is not None and price > facts.upper:
        out.append(Problem("price", "price_above_upper", {"upper": fmt_krw(facts.upper)}))
    if facts.lower is not None and price < facts.lower:
        out.append(Problem("price", "price_below_lower", {"lower": fmt_krw(facts.lower)}))
    return out


def _quantity_problems(draft: OrderDraft, facts: OrderFacts) -> list[Problem]:
    qty = draft.quantity
    if qty is None:
        return [Problem("quantity", "qty_empty")]
    if qty <= 0:
        return [Problem("quantity", "qty_not_positive")]
    if qty > MAX_QUANTITY:
        return [Problem("quantity", "qty_too_large")]
    if draft.side is Side.SELL:
        if facts.sellable_qty is None:
            return [Problem("order", "sellable_missing")]
        if qty > facts.sellable_qty:
            return [Problem("quantity", "qty_over_sellable", {"max": fmt_int(facts.sellable_qty)})]
        return []
    if facts.orderable_cash is None:
        return [Problem("order", "buying_power_missing")]
    limit = max_buy_quantity(draft.order_type, draft.price, facts)
    if limit is None:  # no price yet: the price field already says so
        return []
    if qty > limit:
        if draft.order_type.reserved_at_upper and facts.upper is not None:
            return [
                Problem(
                    "quantity",
                    "qty_over_buyable_market",
                    {"max": fmt_int(limit), "upper": fmt_krw(facts.upper)},
                )
            ]
        return [Problem("quantity", "qty_over_buyable", {"max": fmt_int(limit)})]
    return []


def confirmation_required(env: str, confirm: bool) -> bool:
    """Whether an order is reviewed before it is sent: real money always is; elsewhere the
    user's ``confirm`` setting decides (on by default)."""
    return env == "real" or confirm


def validate(draft: OrderDraft, facts: OrderFacts) -> tuple[Problem, ...]:
    """Every reason the draft cannot be sent, symbol first; empty when it may be sent."""
    problems: list[Problem] = []
    if not draft.symbol_text.strip() and not draft.code:
        problems.append(Problem("symbol", "symbol_empty"))
    elif not draft.code:
        text = draft.symbol_text.strip()
        count = fmt_int(draft.matches)
        if draft.pick:
            problems.append(
                Problem("symbol", "symbol_pick", {"text": text, "count": count, "pick": draft.pick})
            )
        elif draft.matches:
            problems.append(Problem("symbol", "symbol_choose", {"text": text, "count": count}))
        else:
            problems.append(Problem("symbol", "symbol_unknown", {"text": text}))
    elif not facts.has_quote:
        problems.append(Problem("symbol", "quote_missing", {"code": draft.code}))
    elif facts.halted:
        problems.append(Problem("symbol", "halted", {"code": draft.code}))

    if facts.allowed_types is not None and draft.order_type.code not in facts.allowed_types:
        problems.append(Problem("type", "type_unavailable", {"type": draft.order_type.korean}))

    if draft.order_type.needs_price:
        problems.extend(_price_problems(draft, facts))
    problems.extend(_quantity_problems(draft, facts))
    return tuple(problems)


def validate_modify(
    order_type: OrderType,
    price: Decimal | None,
    quantity: int | None,
    open_qty: int,
    facts: OrderFacts,
    *,
    side: Side = Side.SELL,
    old_price: Decimal | None = None,
) -> tuple[Problem, ...]:
    """A modify of a resting order: the new price on the grid and inside the limits, a quantity
    from 1 to what is still open (filled quantity cannot be modified, endpoints.md D6), and for
    a buy, cash for the difference: the modified part frees ``old_price × qty`` and takes
    ``new × qty`` (the upper limit for market-type orders)."""
    problems: list[Problem] = []
    if order_type.needs_price:
        probe = OrderDraft(Side.BUY, "", "", order_type, price, quantity)
        problems.extend(_price_problems(probe, facts))
    if quantity is None:
        problems.append(Problem("quantity", "qty_empty"))
    elif quantity <= 0:
        problems.append(Problem("quantity", "qty_not_positive"))
    elif quantity > open_qty:
        problems.append(Problem("quantity", "qty_over_open", {"max": fmt_int(open_qty)}))
    elif side is Side.BUY and facts.orderable_cash is not None and old_price is not None:
        ref = reference_price(order_type, price, facts)
        if ref is not None and ref > 0:
            need = ref * quantity
            free = facts.orderable_cash + old_price * quantity
            if need > free:
                problems.append(
                    Problem(
                        "price",
                        "modify_over_cash",
                        {"need": fmt_krw(need), "cash": fmt_krw(free)},
                    )
                )
    return tuple(problems)


def is_sendable(draft: OrderDraft, facts: OrderFacts) -> bool:
    return not validate(draft, facts)


# -- fat-finger guard ---------------------------------------------------------------------------


def guard_reasons(
    draft: OrderDraft,
    facts: OrderFacts,
    *,
    max_amount: Decimal | None,
    max_ticks: int | None,
) -> tuple[Problem, ...]:
    """Reasons to ask a second time before sending a valid order (None/0 switches a check off)."""
    out: list[Problem] = []
    amount = estimated_amount(draft, facts)
    if max_amount and amount is not None and amount > max_amount:
        out.append(
            Problem(
                "order", "guard_amount", {"amount": fmt_krw(amount), "limit": fmt_krw(max_amount)}
            )
        )
    if (
        max_ticks
        and draft.order_type.needs_price
        and draft.price is not None
        and facts.current is not None
        and facts.current > 0
    ):
        distance = abs(ticks_between(facts.current, draft.price, facts.kind, cap=max_ticks + 1))
        if distance > max_ticks:
            # Count the whole distance only now that it is going to be shown.
            shown = abs(ticks_between(facts.current, draft.price, facts.kind))
            out.append(
                Problem(
                    "order",
                    "guard_ticks",
                    {"ticks": fmt_int(shown), "current": fmt_krw(facts.current)},
                )
            )
    return tuple(out)
