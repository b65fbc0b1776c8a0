"""The life of one order the panel sent, as a small state machine (no Qt, no I/O).

    SENDING ──ack──▶ ACCEPTED ──fills──▶ PARTIAL ──▶ FILLED
       │                 └──────────────────┴──────▶ CANCELLED
       ├──rejection──▶ REJECTED
       └──lost answer──▶ UNKNOWN ("unknown — checking")
                            ├──found in the day's orders──▶ ACCEPTED / PARTIAL / FILLED / CANCELLED
                            └──not found after the checks──▶ NOT_FOUND (can still turn up later)

UNKNOWN is the state of an order whose POST went out but whose answer never came back: it may
exist. It is never re-sent; the order service looks it up in the day's orders instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal
from enum import Enum

from kisdesk.domain.order_types import QT_TRANSLATE_NOOP, OrderType, Side


class OrderState(Enum):
    SENDING = "sending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    UNKNOWN = "unknown"
    NOT_FOUND = "not_found"
    PARTIAL = "partial"
    FILLED = "filled"
    CANCELLED = "cancelled"

    @property
    def terminal(self) -> bool:
        return self in (OrderState.REJECTED, OrderState.FILLED, OrderState.CANCELLED)

    @property
    def open(self) -> bool:
        """Resting at the exchange (can still fill, be modified or cancelled)."""
        return self in (OrderState.ACCEPTED, OrderState.PARTIAL)

    @property
    def label(self) -> str:
        """Source text for tr() in the ``OrderState`` context."""
        return _LABELS[self]


_LABELS = {
    OrderState.SENDING: QT_TRANSLATE_NOOP("OrderState", "sending…"),
    OrderState.ACCEPTED: QT_TRANSLATE_NOOP("OrderState", "accepted"),
    OrderState.REJECTED: QT_TRANSLATE_NOOP("OrderState", "rejected"),
    OrderState.UNKNOWN: QT_TRANSLATE_NOOP("OrderState", "unknown — checking"),
    OrderState.NOT_FOUND: QT_TRANSLATE_NOOP("OrderState", "not found — check open orders"),
    OrderState.PARTIAL: QT_TRANSLATE_NOOP("OrderState", "partially filled"),
    OrderState.FILLED: QT_TRANSLATE_NOOP("OrderState", "filled"),
    OrderState.CANCELLED: QT_TRANSLATE_NOOP("OrderState", "cancelled"),
}

_S = OrderState
_FROM_EXCHANGE = frozenset({_S.ACCEPTED, _S.PARTIAL, _S.FILLED, _S.CANCELLED})
TRANSITIONS: dict[OrderState, frozenset[OrderState]] = {
    _S.SENDING: frozenset({_S.ACCEPTED, _S.REJECTED, _S.UNKNOWN}),
    _S.UNKNOWN: _FROM_EXCHANGE | {_S.NOT_FOUND},
    _S.NOT_FOUND: _FROM_EXCHANGE,
    _S.ACCEPTED: frozenset({_S.PARTIAL, _S.FILLED, _S.CANCELLED}),
    _S.PARTIAL: frozenset({_S.FILLED, _S.CANCELLED}),
    _S.REJECTED: frozenset(),
    _S.FILLED: frozenset(),
    _S.CANCELLED: frozenset(),
}


class InvalidTransition(RuntimeError):
    pass


def state_from_fills(
    ordered: int, filled: int, remaining: int | None, cancelled: bool
) -> OrderState:
    """What a row of the day's orders says: all filled, cancelled (possibly after partial
    fills), partly filled, or resting."""
    if ordered > 0 and filled >= ordered:
        return OrderState.FILLED
    if cancelled or (remaining is not None and remaining <= 0 and filled < ordered):
        return OrderState.CANCELLED
    if filled > 0:
        return OrderState.PARTIAL
    return OrderState.ACCEPTED


@dataclass
class TrackedOrder:
    """One order as the panel knows it. ``order_no``/``branch`` follow modifies: KIS gives a
    modified order a new number, and later modifies or cancels must name the new one."""

    local_id: int
    side: Side
    code: str
    name: str
    order_type: OrderType
    price: Decimal  # 0 for market-type orders
    quantity: int
    sent_at: datetime
    state: OrderState = OrderState.SENDING
    order_no: str = ""
    branch: str = ""
    order_time: time | None = None  # from the ack (ORD_TMD), KST
    message: str = ""  # msg1 verbatim (acceptance or rejection), or what the checks found
    filled_qty: int = 0
    exchange: str = ""  # overseas trading code (NASD, SEHK …); "" for a domestic order
    daytime: bool = False  # sent to the US daytime session (its own modify/cancel TR)
    previous_order_nos: list[str] = field(default_factory=list)
    history: list[tuple[datetime, OrderState, str]] = field(default_factory=list)

    def move(self, new: OrderState, message: str = "", *, when: datetime | None = None) -> bool:
        """Go to ``new``; False (and nothing changes) when already there."""
        if new is self.state:
            if message:
                self.message = message
            return False
        if new not in TRANSITIONS[self.state]:
            raise InvalidTransition(f"{self.state.value} -> {new.value}")
        self.state = new
        if message:
            self.message = message
        self.history.append((when or datetime.now(), new, message))
        return True

    # -- events ------------------------------------------------------------------------------
    def accepted(
        self, order_no: str, branch: str, order_time: time | None, message: str = ""
    ) -> None:
        self.order_no, self.branch, self.order_time = order_no, branch, order_time
        self.move(OrderState.ACCEPTED, message)

    def rejected(self, message: str) -> None:
        self.move(OrderState.REJECTED, message)

    def unknown(self, detail: str = "") -> None:
        self.move(OrderState.UNKNOWN, detail)

    def not_found(self, detail: str = "") -> None:
        self.move(OrderState.NOT_FOUND, detail)

    def found(
        self,
        *,
        order_no: str,
        branch: str,
        order_time: time | None,
        ordered: int,
        filled: int,
        remaining: int | None,
        cancelled: bool,
        message: str = "",
    ) -> None:
        """The order was found in the day's orders (after an unknown outcome, or on refresh)."""
        if not self.order_no:
            self.order_no, self.branch, self.order_time = order_no, branch, order_time
        self.update_fills(
            ordered=ordered,
            filled=filled,
            remaining=remaining,
            cancelled=cancelled,
            message=message,
        )

    def update_fills(
        self,
        *,
        ordered: int,
        filled: int,
        remaining: int | None,
        cancelled: bool,
        message: str = "",
    ) -> bool:
        """Apply a row of the day's orders; True when the state changed. A row never moves an
        order backwards (a lagging inquiry may still show fewer fills than we know of)."""
        target = state_from_fills(ordered, filled, remaining, cancelled)
        if self.state.terminal:
            return False
        if target is self.state or target not in TRANSITIONS[self.state]:
            if target is OrderState.PARTIAL and filled > self.filled_qty:
                self.filled_qty = filled
                return True
            return False
        self.filled_qty = max(self.filled_qty, filled)
        return self.move(target, message)

    def rebind(
        self,
        order_no: str,
        branch: str,
        *,
        price: Decimal | None = None,
        quantity: int | None = None,
    ) -> None:
        """After an accepted modify: the order now answers to the new number (and branch)."""
        if self.order_no and self.order_no != order_no:
            self.previous_order_nos.append(self.order_no)
        self.order_no, self.branch = order_no, branch or self.branch
        if price is not None:
            self.price = price
        if quantity is not None:
            self.quantity = quantity

    def knows(self, order_no: str) -> bool:
        return order_no == self.order_no or order_no in self.previous_order_nos
