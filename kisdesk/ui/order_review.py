"""How an order reads to the user: the review dialog's content (rows, headline, the guard's
warnings) and the one-line description of a sent order. The panel decides when to review;
this module only words it. Strings keep the ``OrderPanel`` translation context they had there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kisdesk.config.settings import OrderSettings
from kisdesk.domain.format import fmt_int, fmt_krw, fmt_time
from kisdesk.domain.order_rules import OrderDraft, OrderFacts, estimated_amount, guard_reasons
from kisdesk.domain.order_state import OrderState, TrackedOrder
from kisdesk.domain.order_types import Side
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
        warnings.insert(
            0,
            translate(
                "OrderPanel",
                "The same order sent at {time} got no answer and was not found; it may "
                "still exist. Check open orders and executions: send again?",
            ).format(time=twin.sent_at.strftime("%H:%M:%S")),
        )
    return warnings


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
    draft: OrderDraft,
    facts: OrderFacts,
    symbol: Symbol,
    *,
    env: str,
    colour: str,
    warnings: list[str],
    guard_only: bool,
    parent: QWidget | None,
) -> ConfirmDialog:
    """The review of ``draft`` (not yet opened). ``guard_only``: confirmation is off and only
    the warnings ask for it."""
    return ConfirmDialog(
        title=translate("OrderPanel", "Review order"),
        headline=f"{side_text(draft.side)}  {symbol.name}",
        colour=colour,
        rows=review_rows(draft, facts, symbol),
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
