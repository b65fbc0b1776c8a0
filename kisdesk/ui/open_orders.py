"""Open orders (cancel with Del, modify with M — both confirmed), today's executions with a date
range for earlier days, and the orders sent from this panel with their states."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kisdesk.domain.direction import Direction
from kisdesk.domain.format import fmt_int, fmt_krw
from kisdesk.domain.order_rules import OrderFacts, parse_amount, parse_quantity, validate_modify
from kisdesk.domain.order_state import OrderState, TrackedOrder
from kisdesk.domain.order_types import LIMIT, Side, find_order_type
from kisdesk.domain.ticks import step_price
from kisdesk.kis.base import today_kst
from kisdesk.kis.errors import KisError
from kisdesk.models.columns import Column
from kisdesk.models.palette import KOREAN, Palette
from kisdesk.models.qtfix import emit
from kisdesk.services.errors import describe
from kisdesk.services.orders import MutationResult, OpenOrder
from kisdesk.ui.confirm_dialog import ConfirmDialog
from kisdesk.ui.i18n import TrContext, translate
from kisdesk.ui.keymap import Keymap
from kisdesk.ui.table_view import RecordTableView

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_RED = "#c62828"  # error text


def _side_dir(side: Side) -> Direction:
    # Colour a side like a move: 매수 in the rise colour, 매도 in the fall colour (HTS habit).
    return Direction.UP if side is Side.BUY else Direction.DOWN


def _type_name(code: str) -> str:
    t = find_order_type(code or "")
    return t.korean if t else code


def _time(text: str) -> str:
    t = (text or "").strip()
    return f"{t[0:2]}:{t[2:4]}:{t[4:6]}" if len(t) >= 6 and t[:6].isdigit() else t


def open_order_columns() -> list[Column]:
    return [
        Column("order_time", translate("OpenOrders", "Time"), fmt=_time, align="center"),
        Column("name", translate("OpenOrders", "Name"), align="left"),
        Column("code", translate("OpenOrders", "Code"), align="center"),
        Column(
            "side",
            translate("OpenOrders", "Side"),
            fmt=lambda s: s.korean,
            align="center",
            direction=lambda r: _side_dir(r.side),
            sort_value=lambda r: r.side.value,
        ),
        Column("order_type", translate("OpenOrders", "Type"), fmt=_type_name, align="center"),
        Column("price", translate("OpenOrders", "Price"), fmt=fmt_krw),
        Column("quantity", translate("OpenOrders", "Qty"), fmt=fmt_int),
        Column("filled_qty", translate("OpenOrders", "Filled"), fmt=fmt_int),
        Column("open_qty", translate("OpenOrders", "Open"), fmt=fmt_int),
        Column("order_no", translate("OpenOrders", "Order no."), align="center"),
        Column("original_order_no", translate("OpenOrders", "Original"), align="center"),
    ]


def execution_columns() -> list[Column]:
    def side_of(r: Any) -> Side:
        return Side.from_code(r.side_code)

    return [
        Column("order_date", translate("OpenOrders", "Date"), fmt=lambda d: str(d or "")),
        Column("order_time", translate("OpenOrders", "Time"), fmt=_time, align="center"),
        Column("name", translate("OpenOrders", "Name"), align="left"),
        Column("code", translate("OpenOrders", "Code"), align="center"),
        Column(
            "side_code",
            translate("OpenOrders", "Side"),
            display=lambda r: r.side_name or side_of(r).korean,
            align="center",
            direction=lambda r: _side_dir(side_of(r)),
        ),
        Column("order_type", translate("OpenOrders", "Type"), fmt=_type_name, align="center"),
        Column("price", translate("OpenOrders", "Price"), fmt=fmt_krw),
        Column("quantity", translate("OpenOrders", "Qty"), fmt=fmt_int),
        Column("filled_qty", translate("OpenOrders", "Filled"), fmt=fmt_int),
        Column("avg_fill_price", translate("OpenOrders", "Avg price"), fmt=fmt_krw),
        Column("filled_amount", translate("OpenOrders", "Filled amt"), fmt=fmt_krw),
        Column("remaining_qty", translate("OpenOrders", "Open"), fmt=fmt_int),
        Column("order_no", translate("OpenOrders", "Order no."), align="center"),
        Column("original_order_no", translate("OpenOrders", "Original"), align="center"),
    ]


def sent_columns() -> list[Column]:
    return [
        Column(
            "sent_at",
            translate("OpenOrders", "Sent"),
            fmt=lambda t: t.strftime("%H:%M:%S") if t else "",
            align="center",
        ),
        Column(
            "side",
            translate("OpenOrders", "Side"),
            fmt=lambda s: s.korean,
            align="center",
            direction=lambda r: _side_dir(r.side),
            sort_value=lambda r: r.side.value,
        ),
        Column("name", translate("OpenOrders", "Name"), align="left"),
        Column("order_type", translate("OpenOrders", "Type"), fmt=lambda t: t.korean),
        Column("price", translate("OpenOrders", "Price"), fmt=fmt_krw),
        Column("quantity", translate("OpenOrders", "Qty"), fmt=fmt_int),
        Column(
            "state",
            translate("OpenOrders", "State"),
            fmt=lambda s: QCoreApplication.translate("OrderState", s.label),
            sort_value=lambda r: r.state.value,
        ),
        Column("filled_qty", translate("OpenOrders", "Filled"), fmt=fmt_int),
        Column("order_no", translate("OpenOrders", "Order no."), align="center"),
        Column("message", translate("OpenOrders", "Message"), align="left"),
    ]


OpenOrders = TrContext("OpenOrders")  # plural messages (see TrContext)
# Order types whose modify this view can show and send faithfully (price and quantity).
MODIFIABLE_TYPES = frozenset({LIMIT.code})


class _AsyncMixin:
    _tasks: set[asyncio.Task[Any]]

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_event_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _cancel_tasks(self) -> None:
        """A session ends: nothing started for it may land on (or act for) the next one."""
        for task in list(self._tasks):
            task.cancel()


class ModifyDialog(QDialog):
    """New price and quantity for a resting order. Up/Down step the price by ticks (or the
    quantity by one), Enter accepts when the rules pass, Esc goes back."""

    def __init__(self, order: OpenOrder, facts: OrderFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modifyDialog")
        self.setWindowTitle(translate("OpenOrders", "Modify order"))
        self.order = order
        self.facts = facts
        self.order_type = find_order_type(order.order_type) or LIMIT
        digits = QRegularExpressionValidator(r"[0-9,]{0,14}")
        self.price_edit = QLineEdit(fmt_krw(order.price) if order.price else "")
        self.price_edit.setObjectName("modifyPrice")
        self.price_edit.setValidator(digits)
        self.price_edit.setEnabled(self.order_type.needs_price)
        self.qty_edit = QLineEdit(str(order.open_qty))
        self.qty_edit.setObjectName("modifyQty")
        self.qty_edit.setValidator(QRegularExpressionValidator(r"[0-9,]{0,11}"))
        self.error = QLabel()
        self.error.setObjectName("modifyError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        grid = QGridLayout()
        head = f"{order.side.korean} {order.name} ({order.code}) · {order.order_no}"
        grid.addWidget(QLabel(head), 0, 0, 1, 2)
        grid.addWidget(QLabel(translate("OpenOrders", "New price")), 1, 0)
        grid.addWidget(self.price_edit, 1, 1)
        grid.addWidget(
            QLabel(
                translate("OpenOrders", "Quantity (open {n})").format(n=fmt_int(order.open_qty))
            ),
            2,
            0,
        )
        grid.addWidget(self.qty_edit, 2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(
            QLabel(translate("OpenOrders", "Up/Down: ±1 tick or ±1 · Enter: review · Esc: back"))
        )
        for w in (self.price_edit, self.qty_edit):
            w.installEventFilter(self)
        (self.price_edit if self.price_edit.isEnabled() else self.qty_edit).setFocus()
        self.price_edit.textChanged.connect(lambda _t: self.check())
        self.qty_edit.textChanged.connect(lambda _t: self.check())

    def values(self) -> tuple[Decimal | None, int | None]:
        price = parse_amount(self.price_edit.text()) if self.order_type.needs_price else Decimal(0)
        return price, parse_quantity(self.qty_edit.text())

    def problems(self) -> tuple[Any, ...]:
        price, qty = self.values()
        return validate_modify(
            self.order_type,
            price,
            qty,
            self.order.open_qty,
            self.facts,
            side=self.order.side,
            old_price=self.order.price,
        )

    def check(self) -> bool:
        problems = self.problems()
        self.error.setText("\n".join(p.render(QCoreApplication.translate) for p in problems))
        return not problems

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            sign = 1 if key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp) else -1
            n = 5 if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) else 1
            if watched is self.price_edit:
                price = parse_amount(self.price_edit.text()) or self.order.price
                new = step_price(price, sign * n, self.facts.kind)
                if self.facts.upper is not None and self.facts.lower is not None:
                    new = min(max(new, self.facts.lower), self.facts.upper)
                self.price_edit.setText(fmt_krw(new))
            else:
                qty = parse_quantity(self.qty_edit.text()) or 0
                self.qty_edit.setText(str(max(0, qty + sign * n)))
            return True
        if key in _ENTER:
            if self.check():
                self.accept()
            return True
        return super().eventFilter(watched, event)


class OpenOrdersView(QWidget, _AsyncMixin):
    """The open-orders table. Del cancels, M (or F3) modifies the current row; both ask first."""

    status = Signal(str)

    def __init__(self, keymap: Keymap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keymap = keymap
        self.service: Any = None
        self.env = "demo"
        self.palette = KOREAN
        self._tasks: set[asyncio.Task[Any]] = set()
        self.dialog: QDialog | None = None
        self._load_error = False  # the message says the table could not be read
        self.table = RecordTableView(open_order_columns(), row_key=lambda o: o.order_no)
        self.table.setObjectName("openOrdersTable")
        self.table.view.installEventFilter(self)
        self.message = QLabel()
        self.message.setObjectName("openOrdersMessage")
        self.message.setWordWrap(True)
        refresh = QPushButton(translate("OpenOrders", "Refresh"))
        refresh.clicked.connect(self.refresh)
        hint = QLabel(translate("OpenOrders", "Del: cancel · M: modify"))
        hint.setStyleSheet("color: #666;")
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)

    def set_service(self, service: Any, env: str) -> None:
        # A cancel or modify dialog (or a quote read for one) belongs to the old session: close
        # it unanswered, so its order is never acted on through the next session's account.
        self._cancel_tasks()
        if self.dialog is not None:
            self.dialog.reject()
        self.service = service
        self.env = env
        self.table.model.clear()
        self.message.clear()
        self._load_error = False
        if service is not None:
            service.open_orders_loaded.connect(self._on_loaded)
            service.open_orders_failed.connect(self._show_error)

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        self.table.model.set_palette(palette)

    def refresh(self) -> None:
        if self.service is not None:
            self.service.refresh_open_orders()

    def focus_table(self) -> None:
        view = self.table.view
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not view.currentIndex().isValid() and self.table.proxy.rowCount() > 0:
            view.setCurrentIndex(self.table.proxy.index(0, 0))

    def _on_loaded(self, orders: list[OpenOrder]) -> None:
        self.table.set_records(orders)
        if self._load_error:  # the table is fresh again: the error it had is gone
            self._load_error = False
            self.message.clear()

    def _show_error(self, message: str) -> None:
        self._say(message, _RED, load_error=True)

    def _say(self, text: str, colour: str, *, load_error: bool = False) -> None:
        """One message under the table. Only a load error is cleared by the next good load;
        the outcome of a cancel or modify stays until something else is said."""
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(text)
        self._load_error = load_error

    def _show(self, result: MutationResult, what: str) -> None:
        colour = "#2e7d32" if result.ok else ("#e67e00" if result.unknown else _RED)
        if result.ok and result.ack is not None:
            text = translate("OpenOrders", "{what} accepted: ODNO {odno} · {time} · {msg}").format(
                what=what, odno=result.ack.order_no, time=_time(result.ack.time), msg=result.message
            )
        else:
            text = translate("OpenOrders", "{what}: {msg}").format(what=what, msg=result.message)
        self._say(text, colour)
        emit(self.status, text)

    # -- keys ----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.view and event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
        ):
            assert isinstance(event, QKeyEvent)
            action = self.keymap.action_for(event, ("orders",))
            if action is not None:
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()
                    return True
                if action == "order_cancel":
                    self.cancel_current()
                elif action == "order_modify":
                    self.modify_current()
                return True
        return super().eventFilter(watched, event)

    # -- cancel --------------------------------------------------------------------------------
    def cancel_current(self) -> None:
        order = self.table.current_record()
        if order is None or self.service is None or self.dialog is not None:
            return
        colour = self.palette.up if order.side is Side.BUY else self.palette.down
        rows = [
            (translate("OpenOrders", "Order no."), order.order_no),
            (translate("OpenOrders", "Name"), f"{order.name} ({order.code})"),
            (translate("OpenOrders", "Price"), fmt_krw(order.price)),
            (translate("OpenOrders", "Open quantity"), fmt_int(order.open_qty)),
        ]
        dialog = ConfirmDialog(
            title=translate("OpenOrders", "Cancel order"),
            headline=translate("OpenOrders", "{side} 취소 (cancel)").format(side=order.side.korean),
            colour=colour,
            rows=rows,
            env=self.env,
            confirm_text=translate("OpenOrders", "Cancel the order (Enter)"),
            parent=self.window(),
        )
        service = self.service
        self._open(dialog, lambda: self._spawn(self._cancel(service, order)))

    async def _cancel(self, service: Any, order: OpenOrder) -> None:
        if service is not self.service:  # the session changed meanwhile
            return
        result = await service.cancel(order)
        self._show(result, translate("OpenOrders", "Cancel"))

    # -- modify --------------------------------------------------------------------------------
    def modify_current(self) -> None:
        order = self.table.current_record()
        if order is None or self.service is None or self.dialog is not None:
            return
        if order.order_type not in MODIFIABLE_TYPES:
            # Another type (최유리, 조건부지정가… placed elsewhere): the dialog would show one
            # price and KIS would re-price it by that type's own rule. Cancel it instead.
            self._say(
                translate(
                    "OpenOrders",
                    "Only limit orders can be modified here (this one is type {code}); "
                    "cancel it and place a new order instead.",
                ).format(code=order.order_type),
                _RED,
            )
            return
        self._spawn(self._modify_flow(self.service, order))

    async def _modify_flow(self, service: Any, order: OpenOrder) -> None:
        try:
            quote = await service.quote(order.code)
            cash = None
            if order.side is Side.BUY:  # a higher buy price needs cash for the difference
                power = await service.buying_power(order.code, "00", order.price)
                cash = power.orderable_cash
        except KisError as exc:
            self._say(describe(exc), _RED)
            return
        if service is not self.service:  # switched while the quote was read
            return
        from kisdesk.domain.symbols import load_index

        sym = load_index().get(order.code)
        facts = OrderFacts(
            kind=sym.tick_kind if sym else "stock",
            current=quote.price,
            upper=quote.upper,
            lower=quote.lower,
            orderable_cash=cash,
        )
        if self.dialog is not None:
            return
        dialog = ModifyDialog(order, facts, parent=self.window())
        self._open(dialog, lambda: self._confirm_modify(service, order, dialog))

    def _confirm_modify(self, service: Any, order: OpenOrder, edit: ModifyDialog) -> None:
        price, qty = edit.values()
        assert qty is not None
        colour = self.palette.up if order.side is Side.BUY else self.palette.down
        rows = [
            (translate("OpenOrders", "Order no."), order.order_no),
            (translate("OpenOrders", "Name"), f"{order.name} ({order.code})"),
            (translate("OpenOrders", "Price"), f"{fmt_krw(order.price)} → {fmt_krw(price)}"),
            (translate("OpenOrders", "Quantity"), f"{fmt_int(order.open_qty)} → {fmt_int(qty)}"),
        ]
        dialog = ConfirmDialog(
            title=translate("OpenOrders", "Modify order"),
            headline=translate("OpenOrders", "{side} 정정 (modify)").format(side=order.side.korean),
            colour=colour,
            rows=rows,
            env=self.env,
            confirm_text=translate("OpenOrders", "Modify the order (Enter)"),
            parent=self.window(),
        )
        self._open(
            dialog, lambda: self._spawn(self._modify(service, order, price or Decimal(0), qty))
        )

    async def _modify(self, service: Any, order: OpenOrder, price: Decimal, qty: int) -> None:
        if service is not self.service:
            return
        result = await service.modify(order, price, qty)
        self._show(result, translate("OpenOrders", "Modify"))

    # -- dialogs -------------------------------------------------------------------------------
    def _open(self, dialog: QDialog, on_accept: Any) -> None:
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            # Back to the table either way, so the next key (Del, M, arrows) lands there.
            self.window().activateWindow()
            self.table.view.setFocus()
            if result == int(QDialog.DialogCode.Accepted):
                on_accept()

        dialog.finished.connect(finished)
        dialog.open()


class ExecutionsView(QWidget, _AsyncMixin):
    """Today's orders and fills (all pages); a date range reads earlier days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: Any = None
        self._tasks: set[asyncio.Task[Any]] = set()
        today = QDate(today_kst())
        self.start_edit = QDateEdit(today)
        self.end_edit = QDateEdit(today)
        for e in (self.start_edit, self.end_edit):
            e.setCalendarPopup(True)
            e.setDisplayFormat("yyyy-MM-dd")
        self.load_button = QPushButton(translate("OpenOrders", "Load"))
        self.load_button.clicked.connect(self.load)
        self.table = RecordTableView(execution_columns(), row_key=lambda r: r.order_no)
        self.table.setObjectName("executionsTable")
        self.message = QLabel()
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("OpenOrders", "From")))
        row.addWidget(self.start_edit)
        row.addWidget(QLabel(translate("OpenOrders", "to")))
        row.addWidget(self.end_edit)
        row.addWidget(self.load_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self._custom = False  # showing a chosen range: today's automatic updates stay out

    def set_service(self, service: Any) -> None:
        self._cancel_tasks()
        self.service = service
        self.table.model.clear()
        self._custom = False
        today = QDate(today_kst())  # a new session starts on today's orders
        self.start_edit.setDate(today)
        self.end_edit.setDate(today)
        if service is not None:
            service.executions_loaded.connect(self._on_today)

    def set_palette(self, palette: Palette) -> None:
        self.table.model.set_palette(palette)

    @property
    def showing_range(self) -> bool:
        """A chosen date range is on screen (today's live updates stay out of it)."""
        return self._custom

    def _on_today(self, rows: list[Any]) -> None:
        if not self._custom:
            self.table.set_records(rows)
            self.message.setText(OpenOrders.tr("%n order(s) today", None, len(rows)))

    def load(self) -> None:
        if self.service is None:
            return
        start = self.start_edit.date().toPython()
        end = self.end_edit.date().toPython()
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        today = today_kst()
        self._custom = start != today or end != today
        self._spawn(self._load(self.service, start, end))

    async def _load(self, service: Any, start: dt.date, end: dt.date) -> None:
        self.message.setText(translate("OpenOrders", "Loading…"))
        try:
            rows = await service.fetch_executions(start, end)
        except KisError as exc:
            self.message.setText(describe(exc))
            return
        if service is not self.service:
            return
        self.table.set_records(rows)
        self.message.setText(OpenOrders.tr("%n order(s)", None, len(rows)))


class SentOrdersView(QWidget):
    """Orders sent from this panel in this session, with their live state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = RecordTableView(sent_columns(), row_key=lambda o: o.local_id)
        self.table.setObjectName("sentOrdersTable")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def set_service(self, service: Any) -> None:
        self.table.model.clear()
        if service is not None:
            service.order_updated.connect(self.update_order)

    def set_palette(self, palette: Palette) -> None:
        self.table.model.set_palette(palette)

    def update_order(self, order: TrackedOrder) -> None:
        self.table.model.upsert([order])

    def states(self) -> dict[int, OrderState]:
        return {o.local_id: o.state for o in self.table.model.records()}
