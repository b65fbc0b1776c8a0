"""How an order reads to the user: the review dialog's content (rows, headline, the guard's
warnings) and the one-line description of a sent order. The panel decides when to review;
this module only words it. Strings keep the ``OrderPanel`` translation context they had there.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kisdesk.config.settings import OrderSettings
from kisdesk.domain.currency import fmt_exchange_rate, fmt_fx_amount, fmt_fx_price
from kisdesk.domain.format import fmt_int, fmt_krw, fmt_time
from kisdesk.domain.order_rules import (
    OrderDraft,
    OrderFacts,
    Problem,
    estimated_amount,
    guard_reasons,
)
from kisdesk.domain.order_state import OrderState, TrackedOrder
from kisdesk.domain.order_types import Side
from kisdesk.domain.overseas_hours import Session
from kisdesk.domain.overseas_orders import OverseasDraft, OverseasFacts
from kisdesk.domain.overseas_orders import estimated_amount as ovs_estimated_amount
from kisdesk.domain.overseas_orders import review_lines as ovs_review_lines
from kisdesk.domain.symbols import Symbol
from kisdesk.i18n import translate
from kisdesk.ui.confirm_dialog import ConfirmDialog


def side_text(side: Side) -> str:
    if side is Side.BUY:
        return translate("OrderPanel", "매수 (buy)")
    return translate("OrderPanel", "매도 (sell)")


def review_warnings(
    draft: OrderDraft,
    facts: OrderFacts,
    settings: OrderSettings,
    twin: TrackedOrder | None,
) -> list[str]:
    """Why the order deserves a second look: the fat-finger guard's reasons and, first, an
    earlier identical order whose answer was lost and that was not found (``twin``)."""
    reasons = guard_reasons(
        draft,
        facts,
        max_amount=settings.guard_amount or None,
        max_ticks=settings.guard_ticks or None,
    )
    warnings = [p.render(QCoreApplication.translate) for p in reasons]
    if twin is not None:  # asked even with confirmation off: this could make it two
        warnings.insert(0, _twin_text(twin))
    return warnings


def _twin_text(twin: TrackedOrder) -> str:
    return translate(
        "OrderPanel",
        "The same order sent at {time} got no answer and was not found; it may "
        "still exist. Check open orders and executions: send again?",
    ).format(time=twin.sent_at.strftime("%H:%M:%S"))


def _price_text(draft: OrderDraft, facts: OrderFacts) -> str:
    if draft.order_type.needs_price:
        return fmt_krw(draft.price)
    if draft.side is Side.SELL:  # nothing is reserved for a sell
        return translate("OrderPanel", "{type} (about {current})").format(
            type=draft.order_type.korean, current=fmt_krw(facts.current)
        )
    if draft.order_type.at_market:
        return translate("OrderPanel", "market (reserved at {upper})").format(
            upper=fmt_krw(facts.upper)
        )
    return translate("OrderPanel", "best price (reserved at {upper})").format(
        upper=fmt_krw(facts.upper)
    )


def review_rows(draft: OrderDraft, facts: OrderFacts, symbol: Symbol) -> list[tuple[str, str]]:
    """The (label, value) rows of the review, already formatted."""
    assert draft.quantity is not None
    amount = estimated_amount(draft, facts)
    return [
        (translate("OrderPanel", "Side"), side_text(draft.side)),
        (translate("OrderPanel", "Name"), symbol.name),
        (translate("OrderPanel", "Code"), symbol.code),
        (
            translate("OrderPanel", "Type"),
            f"{draft.order_type.korean} ({draft.order_type.code})",
        ),
        (translate("OrderPanel", "Price"), _price_text(draft, facts)),
        (translate("OrderPanel", "Quantity"), fmt_int(draft.quantity)),
        (translate("OrderPanel", "Amount"), fmt_krw(amount) if amount is not None else "–"),
    ]


def review_dialog(
    draft: OrderDraft | OverseasDraft,
    facts: OrderFacts | OverseasFacts,
    symbol: Symbol,
    *,
    env: str,
    colour: str,
    warnings: list[str],
    guard_only: bool,
    parent: QWidget | None,
    rows: list[tuple[str, str]] | None = None,
    headline: str = "",
) -> ConfirmDialog:
    """The review of ``draft`` (not yet opened). ``guard_only``: confirmation is off and only
    the warnings ask for it. ``rows``/``headline``: another market's wording (overseas)."""
    return ConfirmDialog(
        title=translate("OrderPanel", "Review order"),
        headline=headline or f"{side_text(draft.side)}  {symbol.name}",
        colour=colour,
        rows=rows if rows is not None else review_rows(draft, facts, symbol),
        env=env,
        warnings=warnings,
        guard_only=guard_only,
        parent=parent,
    )


def amount_text(draft: OrderDraft, facts: OrderFacts) -> str:
    """What the order is worth, and at what price it is reckoned when it has none of its own."""
    amount = estimated_amount(draft, facts)
    if amount is None:
        return "–"
    if draft.order_type.reserved_at_upper and draft.side is Side.BUY:
        return translate("OrderPanel", "≈ {amount} (at the upper limit)").format(
            amount=fmt_krw(amount)
        )
    if not draft.order_type.needs_price:  # a sell at market: about the current price
        return f"≈ {fmt_krw(amount)}"
    return fmt_krw(amount)


def state_colour(state: OrderState) -> str:
    """The colour of a sent order's line: rejected red, in doubt amber, in progress grey."""
    return {
        OrderState.REJECTED: "#c62828",
        OrderState.UNKNOWN: "#e67e00",
        OrderState.NOT_FOUND: "#e67e00",
    }.get(state, "#2e7d32" if state is not OrderState.SENDING else "#555")


def describe_order(order: TrackedOrder) -> str:
    """One line for the result label and the sent-orders table."""
    state = QCoreApplication.translate("OrderState", order.state.label)
    side = order.side.korean
    head = f"{side} {order.name or order.code} {fmt_int(order.quantity)}"
    if order.state is OrderState.REJECTED:
        return translate("OrderPanel", "{head}: rejected — {msg}").format(
            head=head, msg=order.message
        )
    if order.order_no:
        return translate("OrderPanel", "{head}: {state} · ODNO {odno} · {time}").format(
            head=head, state=state, odno=order.order_no, time=fmt_time(order.order_time)
        )
    return f"{head}: {state}"


# -- overseas -----------------------------------------------------------------------------------


def session_text(session: Session) -> str:
    """A session's name as the panel and the review show it."""
    return {
        Session.CLOSED: translate("OrderPanel", "closed"),
        Session.PRE: translate("OrderPanel", "pre-market"),
        Session.REGULAR: translate("OrderPanel", "regular session"),
        Session.AFTER: translate("OrderPanel", "after-market"),
        Session.DAYTIME: translate("OrderPanel", "US daytime session (주간거래)"),
    }[session]


def fx_price_text(price: Decimal | None, currency: str, exchange: str) -> str:
    """``245.01 USD``; "–" without a price."""
    if price is None:
        return "–"
    return f"{fmt_fx_price(price, currency, exchange)} {currency}"


def krw_text(krw: Decimal | str | None) -> str:
    if krw is None or krw == "":
        return "–"
    return translate("OrderPanel", "≈ {krw} KRW").format(
        krw=krw if isinstance(krw, str) else fmt_krw(krw)
    )


def overseas_amount_text(draft: OverseasDraft, facts: OverseasFacts) -> str:
    """The order's worth in its currency (at the current price for a price-less type)."""
    amount = ovs_estimated_amount(draft, facts)
    if amount is None:
        return "–"
    text = f"{fmt_fx_amount(amount, facts.currency)} {facts.currency}"
    return text if draft.order_type.needs_price else f"≈ {text}"


def overseas_review_rows(
    draft: OverseasDraft, facts: OverseasFacts, symbol: Symbol
) -> list[tuple[str, str]]:
    """The (label, value) rows of an overseas review: market and session (the US daytime
    session named), prices and amounts in the order currency, the amount in won."""
    assert draft.quantity is not None
    lines = ovs_review_lines(draft, facts)
    ccy = facts.currency
    if draft.order_type.needs_price:
        price = fx_price_text(draft.price, ccy, facts.exchange)
    else:
        price = translate("OrderPanel", "{type} (about {current})").format(
            type=draft.order_type.korean,
            current=fx_price_text(facts.current, ccy, facts.exchange),
        )
    rate = ""
    if facts.fx_rate:
        rate = f" @ {fmt_exchange_rate(facts.fx_rate)}"
    return [
        (translate("OrderPanel", "Side"), side_text(draft.side)),
        (translate("OrderPanel", "Name"), symbol.name),
        (translate("OrderPanel", "Code"), symbol.code),
        (translate("OrderPanel", "Market"), f"{lines['market']} ({facts.exchange})"),
        (translate("OrderPanel", "Session"), session_text(facts.route.session)),
        (
            translate("OrderPanel", "Type"),
            f"{draft.order_type.korean} ({draft.order_type.code})",
        ),
        (translate("OrderPanel", "Price"), price),
        (translate("OrderPanel", "Quantity"), fmt_int(draft.quantity)),
        (translate("OrderPanel", "Amount"), overseas_amount_text(draft, facts)),
        (translate("OrderPanel", "In won"), krw_text(lines["amount_krw"]) + rate),
    ]


def overseas_review_warnings(reasons: tuple[Problem, ...], twin: TrackedOrder | None) -> list[str]:
    """The guard's reasons (already computed by the ticket) and, first, a lost twin."""
    warnings = [p.render(QCoreApplication.translate) for p in reasons]
    if twin is not None:
        warnings.insert(0, _twin_text(twin))
    return warnings


def overseas_headline(draft: OverseasDraft, facts: OverseasFacts, symbol: Symbol) -> str:
    return f"{side_text(draft.side)}  {symbol.name}  ({facts.market.name})"
