"""The order panel: symbol, side, type, price, quantity and submit, driven from the keyboard.

Everything the panel shows about the symbol and the account comes from the order service
(``inquire-price``, ``inquire-psbl-order``, ``inquire-psbl-sell``); every rule comes from
kisdesk.domain.order_rules. The panel only asks the service to send a draft that validates, and
the service checks again.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kisdesk.config.settings import OrderSettings
from kisdesk.domain.direction import direction_from_sign
from kisdesk.domain.format import fmt_change, fmt_int, fmt_krw, fmt_rate
from kisdesk.domain.order_rules import (
    OrderDraft,
    OrderFacts,
    Problem,
    confirmation_required,
    estimated_amount,
    max_quantity,
    parse_amount,
    parse_quantity,
    quantity_for_percent,
    validate,
)
from kisdesk.domain.order_state import OrderState, TrackedOrder
from kisdesk.domain.order_types import (
    LIMIT,
    ORDER_TYPES,
    OrderType,
    Side,
    available_types,
    find_order_type,
)
from kisdesk.domain.symbols import Symbol, SymbolIndex, load_index
from kisdesk.domain.ticks import step_price
from kisdesk.kis.errors import KisError
from kisdesk.models.palette import KOREAN, Palette
from kisdesk.models.qtfix import emit
from kisdesk.services.refresher import user_message
from kisdesk.ui.confirm_dialog import ConfirmDialog
from kisdesk.ui.i18n import translate
from kisdesk.ui.keymap import Keymap
from kisdesk.ui.order_review import describe_order, review_dialog, review_warnings, side_text
from kisdesk.ui.symbol_edit import SymbolEdit

log = logging.getLogger(__name__)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# A second Enter this soon after a send is the same keystroke bouncing, not a new decision.
SEND_DEBOUNCE_S = 0.5
_REASON_STYLE = "color: #c62828;"  # why the order cannot go: red
_HINT_STYLE = "color: #757575;"  # a fresh panel's "enter a symbol": grey
_FIELD_ERROR_STYLE = "color: #c62828; font-size: 11px;"
_FIELD_HINT_STYLE = "color: #757575; font-size: 11px;"  # a step to take ("Enter picks …")


def _tr(text: str) -> str:
    """Runtime translation of text marked elsewhere (QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate("OrderPanel", text)


# -- the panel ----------------------------------------------------------------------------------


class OrderPanel(QFrame):
    """Fields, facts and the send path. ``service`` is an OrderService (or None: disconnected)."""

    order_sent = Signal(object)  # TrackedOrder
    status = Signal(str)

    FIELD_SCOPES: ClassVar[dict[str, tuple[str, ...]]] = {
        "symbol": (),
        "side": ("panel",),
        "type": ("panel",),
        "price": ("price", "panel"),
        "quantity": ("quantity", "panel"),
        "submit": ("panel",),
    }

    def __init__(
        self,
        keymap: Keymap,
        settings: QSettings | None = None,
        *,
        symbols: SymbolIndex | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderPanel")
        self.keymap = keymap
        self.qsettings = settings
        self.settings = OrderSettings.load(settings)
        self.symbols = symbols or load_index()
        self.service: Any = None
        self.env = "demo"
        self.palette = KOREAN
        self.side = Side.BUY
        self.symbol: Symbol | None = None
        self.quote: Any = None
        self._bp: tuple[str, Decimal | None, Any] | None = None  # (type, asked price, record)
        self._sellable: int | None = None
        self._gen = 0  # bumps on every symbol change; late answers for an old symbol are dropped
        self._tasks: set[asyncio.Task[Any]] = set()
        self._quote_busy = False
        self._last_send = 0.0
        self._attempted = False  # Enter pressed with problems: show every field's message
        self.dialog: ConfirmDialog | None = None
        self.last_problems: tuple[Problem, ...] = ()
        self._hinted: set[str] = set()
        self._build()
        self._apply_side_style()
        self.update_view()

        self._quote_timer = QTimer(self)
        self._quote_timer.setInterval(self.settings.quote_refresh_ms)
        self._quote_timer.timeout.connect(self._refresh_quote)
        self._bp_timer = QTimer(self)
        self._bp_timer.setSingleShot(True)
        self._bp_timer.setInterval(150)
        self._bp_timer.timeout.connect(self._fetch_account_facts)

    # -- construction --------------------------------------------------------------------------
    def _build(self) -> None:
        self.symbol_edit = SymbolEdit(self.symbols)
        self.symbol_edit.setObjectName("symbolEdit")
        self.symbol_edit.setPlaceholderText(
            translate("OrderPanel", "Code or name (삼성전자, 삼전, ㅅㅅㅈㅈ)")
        )
        self.symbol_edit.chosen.connect(self._on_symbol_chosen)
        self.symbol_edit.textEdited.connect(self._on_symbol_edited)
        self.symbol_edit.suggestions_changed.connect(self.update_view)

        self.name_label = QLabel("–")
        self.name_label.setObjectName("quoteName")
        self.name_label.setStyleSheet("font-weight: bold;")
        self.price_label = QLabel("")
        self.price_label.setObjectName("quotePrice")
        self.price_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.change_label = QLabel("")
        self.change_label.setObjectName("quoteChange")
        self.limits_label = QLabel("")
        self.limits_label.setObjectName("quoteLimits")
        self.limits_label.setStyleSheet("color: #666;")

        self.side_combo = QComboBox()
        self.side_combo.setObjectName("sideCombo")
        self.side_combo.addItem(side_text(Side.BUY), Side.BUY)
        self.side_combo.addItem(side_text(Side.SELL), Side.SELL)
        self.side_combo.currentIndexChanged.connect(self._on_side_combo)

        self.type_combo = QComboBox()
        self.type_combo.setObjectName("typeCombo")
        self._fill_types(ORDER_TYPES)
        self.type_combo.currentIndexChanged.connect(self._on_type_changed)

        digits = QRegularExpressionValidator(r"[0-9,]{0,14}")
        self.price_edit = QLineEdit()
        self.price_edit.setObjectName("priceEdit")
        self.price_edit.setValidator(digits)
        self.price_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.price_edit.textChanged.connect(self._on_price_changed)
        self.qty_edit = QLineEdit()
        self.qty_edit.setObjectName("qtyEdit")
        self.qty_edit.setValidator(QRegularExpressionValidator(r"[0-9,]{0,11}"))
        self.qty_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.qty_edit.textChanged.connect(lambda _t: self.update_view())

        self.errors: dict[str, QLabel] = {}
        for name in ("symbol", "type", "price", "quantity"):
            label = QLabel()
            label.setObjectName(f"{name}Error")
            label.setWordWrap(True)
            label.setStyleSheet(_FIELD_ERROR_STYLE)
            label.hide()
            self.errors[name] = label

        self.power_label = QLabel("–")
        self.power_label.setObjectName("powerLabel")
        self.max_label = QLabel("–")
        self.max_label.setObjectName("maxLabel")
        self.amount_label = QLabel("–")
        self.amount_label.setObjectName("amountLabel")
        self.amount_label.setStyleSheet("font-weight: bold;")
        for label in (self.power_label, self.max_label, self.amount_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.reason_label = QLabel()
        self.reason_label.setObjectName("submitReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet(_REASON_STYLE)
        self.reason_is_hint = False
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setAutoDefault(False)
        self.submit_button.clicked.connect(self.review)
        self.result_label = QLabel()
        self.result_label.setObjectName("orderResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        row = 0

        def add(label: str, widget: QWidget, error: str | None = None) -> None:
            nonlocal row
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(widget, row, 1)
            row += 1
            if error is not None:
                grid.addWidget(self.errors[error], row, 1)
                row += 1

        add(translate("OrderPanel", "Symbol"), self.symbol_edit, "symbol")
        quote_box = QWidget()
        qb = QGridLayout(quote_box)
        qb.setContentsMargins(0, 0, 0, 0)
        qb.addWidget(self.name_label, 0, 0, 1, 2)
        qb.addWidget(self.price_label, 1, 0)
        qb.addWidget(self.change_label, 1, 1, Qt.AlignmentFlag.AlignRight)
        qb.addWidget(self.limits_label, 2, 0, 1, 2)
        grid.addWidget(quote_box, row, 0, 1, 2)
        row += 1
        add(translate("OrderPanel", "Side"), self.side_combo)
        add(translate("OrderPanel", "Type"), self.type_combo, "type")
        add(translate("OrderPanel", "Price"), self.price_edit, "price")
        add(translate("OrderPanel", "Quantity"), self.qty_edit, "quantity")
        self.power_title = QLabel(translate("OrderPanel", "Buying power"))
        self.max_title = QLabel(translate("OrderPanel", "Max buyable"))
        grid.addWidget(self.power_title, row, 0)
        grid.addWidget(self.power_label, row, 1)
        row += 1
        grid.addWidget(self.max_title, row, 0)
        grid.addWidget(self.max_label, row, 1)
        row += 1
        grid.addWidget(QLabel(translate("OrderPanel", "Amount")), row, 0)
        grid.addWidget(self.amount_label, row, 1)

        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addLayout(grid)
        box.addWidget(self.reason_label)
        box.addWidget(self.submit_button)
        box.addWidget(self.result_label)
        box.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        order = [
            self.symbol_edit,
            self.side_combo,
            self.type_combo,
            self.price_edit,
            self.qty_edit,
            self.submit_button,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self._field_of: dict[QObject, str] = {
            self.symbol_edit: "symbol",
            self.side_combo: "side",
            self.type_combo: "type",
            self.price_edit: "price",
            self.qty_edit: "quantity",
            self.submit_button: "submit",
        }
        for widget in self._field_of:
            widget.installEventFilter(self)

    def _fill_types(self, types: tuple[OrderType, ...]) -> None:
        current = self.type_combo.currentData()
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        for t in types:
            self.type_combo.addItem(f"{t.korean} ({t.code})", t.code)
        index = self.type_combo.findData(current) if current else 0
        self.type_combo.setCurrentIndex(max(0, index))
        self.type_combo.blockSignals(False)

    # -- session -------------------------------------------------------------------------------
    def set_service(self, service: Any, env: str) -> None:
        """Attach to a session's order service (None: disconnected, everything cleared)."""
        if self.service is not None:
            for signal, slot in self._service_links():
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(slot)
        self.service = service
        self.env = env
        self._cancel_tasks()
        self.clear(keep_side=False)
        self.result_label.clear()
        if service is not None:
            self._fill_types(available_types(service.profile))
            for signal, slot in self._service_links():
                signal.connect(slot)
        self.update_view()

    def _service_links(self) -> list[tuple[Any, Any]]:
        s = self.service
        return [
            (s.busy_changed, self._on_busy),
            (s.order_updated, self._on_order_updated),
            (s.orders_changed, self._on_orders_changed),
        ]

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        self._apply_side_style()
        self._show_quote()

    def set_symbols(self, index: SymbolIndex) -> None:
        """Swap the symbol list (the KIS master files, when present, refresh the shipped one)."""
        self.symbols = index
        self.symbol_edit.index = index

    def reload_settings(self) -> None:
        self.settings = OrderSettings.load(self.qsettings)
        self._quote_timer.setInterval(self.settings.quote_refresh_ms)

    # -- reading the fields --------------------------------------------------------------------
    @property
    def order_type(self) -> OrderType:
        return find_order_type(str(self.type_combo.currentData() or "00")) or LIMIT

    def draft(self) -> OrderDraft:
        pick = self.symbol_edit.highlighted()
        return OrderDraft(
            side=self.side,
            symbol_text=self.symbol_edit.text(),
            code=self.symbol.code if self.symbol else "",
            order_type=self.order_type,
            price=parse_amount(self.price_edit.text()) if self.order_type.needs_price else None,
            quantity=parse_quantity(self.qty_edit.text()),
            matches=self.symbol_edit.match_count,
            pick=pick.display if pick is not None else "",
        )

    def facts(self) -> OrderFacts:
        q = self.quote
        cash = max_qty = max_price = None
        if self._bp is not None:
            bp_type, asked, record = self._bp
            cash = record.orderable_cash
            if bp_type == self.order_type.code:
                max_qty = int(record.no_receivable_qty)
                calc = getattr(record, "calc_price", None)
                if self.order_type.reserved_at_upper:
                    max_price = q.upper if q is not None else None
                else:
                    max_price = asked if asked is not None else (calc or None)
        allowed = None
        if self.service is not None:
            allowed = tuple(t.code for t in available_types(self.service.profile))
        return OrderFacts(
            kind=self.symbol.tick_kind if self.symbol else "stock",
            current=q.price if q is not None else None,
            upper=q.upper if q is not None else None,
            lower=q.lower if q is not None else None,
            halted=bool(getattr(q, "halted", False)) if q is not None else False,
            orderable_cash=cash,
            max_buy_qty=max_qty,
            max_buy_price=max_price,
            sellable_qty=self._sellable,
            allowed_types=allowed,
        )

    def max_orderable(self) -> int | None:
        draft = self.draft()
        return max_quantity(draft.side, draft.order_type, draft.price, self.facts())

    # -- actions (keys call these) -------------------------------------------------------------
    def set_side(self, side: Side) -> None:
        if side is self.side:
            return
        self.side = side
        self.side_combo.blockSignals(True)
        self.side_combo.setCurrentIndex(0 if side is Side.BUY else 1)
        self.side_combo.blockSignals(False)
        self._apply_side_style()
        self._schedule_account_facts(now=True)
        self.update_view()

    def set_order_type(self, code: str) -> None:
        index = self.type_combo.findData(code)
        if index >= 0:
            self.type_combo.setCurrentIndex(index)

    def next_order_type(self) -> None:
        n = self.type_combo.count()
        if n:
            self.type_combo.setCurrentIndex((self.type_combo.currentIndex() + 1) % n)

    def set_price(self, price: Decimal | None) -> None:
        self.price_edit.setText(fmt_krw(price) if price is not None else "")
        self.price_edit.setCursorPosition(len(self.price_edit.text()))

    def step_price(self, ticks: int) -> None:
        if not self.order_type.needs_price:
            return
        kind = self.symbol.tick_kind if self.symbol else "stock"
        price = parse_amount(self.price_edit.text())
        if price is None or price <= 0:
            price = self.quote.price if self.quote is not None else None
            if price is None:
                return
            self.set_price(price)
            return
        new = step_price(price, ticks, kind)
        if self.quote is not None:  # stepping stops at the daily limits
            new = min(max(new, self.quote.lower), self.quote.upper)
        self.set_price(new)

    def price_to(self, which: str) -> None:
        if self.quote is None or not self.order_type.needs_price:
            return
        value = {"current": self.quote.price, "upper": self.quote.upper, "lower": self.quote.lower}
        self.set_price(value[which])

    def set_quantity(self, qty: int | None) -> None:
        self.qty_edit.setText("" if qty is None else str(qty))
        self.qty_edit.setCursorPosition(len(self.qty_edit.text()))

    def step_quantity(self, delta: int) -> None:
        qty = parse_quantity(self.qty_edit.text()) or 0
        self.set_quantity(max(0, qty + delta))

    def quantity_percent(self, percent: int) -> None:
        qty = quantity_for_percent(self.max_orderable(), percent)
        if qty is not None:
            self.set_quantity(qty)

    def clear(self, *, keep_side: bool = True) -> None:
        """Esc: an empty panel (the side stays unless asked)."""
        self._gen += 1
        self.symbol = None
        self.quote = None
        self._bp = None
        self._sellable = None
        self._quote_timer_stop()
        self._attempted = False
        self.symbol_edit.hide_popup()
        self.symbol_edit.clear()
        self.price_edit.clear()
        self.qty_edit.clear()
        if not keep_side:
            self.set_side(Side.BUY)
        self._show_quote()
        self.update_view()

    def _quote_timer_stop(self) -> None:
        timer = getattr(self, "_quote_timer", None)
        if timer is not None:
            timer.stop()

    # -- symbol --------------------------------------------------------------------------------
    def load_symbol(self, code: str) -> bool:
        """Prefill from elsewhere (rankings, holdings): False for a code not in the list."""
        symbol = self.symbols.get(code)
        if symbol is None:
            return False
        self.symbol_edit.choose(symbol)
        return True

    def _on_symbol_edited(self, text: str) -> None:
        resolved = self.symbols.resolve(text)
        if resolved is not None and (self.symbol is None or resolved.code != self.symbol.code):
            self._set_symbol(resolved)
        elif resolved is None and self.symbol is not None:
            self._set_symbol(None)
        else:
            self.update_view()

    def _on_symbol_chosen(self, symbol: Symbol) -> None:
        if self.symbol is None or symbol.code != self.symbol.code:
            self._set_symbol(symbol)

    def _set_symbol(self, symbol: Symbol | None) -> None:
        self._gen += 1
        self.symbol = symbol
        self.quote = None
        self._bp = None
        self._sellable = None
        self.price_edit.clear()
        self._show_quote()
        self.update_view()
        if symbol is None:
            self._quote_timer_stop()
            return
        self._refresh_quote(first=True)
        self._schedule_account_facts(now=True)
        if self.service is not None:
            self._quote_timer.start()

    # -- server facts --------------------------------------------------------------------------
    def _spawn(self, coro: Any) -> None:
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError:
            coro.close()
            return
        task = loop.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _cancel_tasks(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def _refresh_quote(self, first: bool = False) -> None:
        if self.service is None or self.symbol is None:
            return
        if not first and (self._quote_busy or not self.isVisible()):
            return  # only while the panel shows it, one request at a time
        self._spawn(self._load_quote(self._gen, self.symbol.code, first))

    async def _load_quote(self, gen: int, code: str, first: bool) -> None:
        self._quote_busy = True
        try:
            quote = await self.service.quote(code)
        except KisError as exc:
            if gen == self._gen:
                emit(self.status, user_message(exc))
            return
        finally:
            self._quote_busy = False
        if gen != self._gen:
            return
        self.quote = quote
        if first and self.order_type.needs_price and not self.price_edit.text().strip():
            self.set_price(quote.price)
        self._show_quote()
        self.update_view()

    def _schedule_account_facts(self, *, now: bool = False) -> None:
        if self.service is None or self.symbol is None:
            return
        if now:
            self._bp_timer.stop()
            self._fetch_account_facts()
        else:
            self._bp_timer.start()

    def _fetch_account_facts(self) -> None:
        if self.service is None or self.symbol is None:
            return
        gen, code = self._gen, self.symbol.code
        if self.side is Side.BUY:
            otype = self.order_type
            price = parse_amount(self.price_edit.text()) if otype.needs_price else None
            if price is not None and price <= 0:
                price = None
            self._spawn(self._load_buying_power(gen, code, otype.code, price))
        else:
            self._spawn(self._load_sellable(gen, code))

    async def _load_buying_power(
        self, gen: int, code: str, otype: str, price: Decimal | None
    ) -> None:
        try:
            record = await self.service.buying_power(code, otype, price)
        except KisError as exc:
            if gen == self._gen:
                emit(self.status, user_message(exc))
            return
        if gen == self._gen:
            self._bp = (otype, price, record)
            self.update_view()

    async def _load_sellable(self, gen: int, code: str) -> None:
        try:
            qty = await self.service.sellable(code)
        except KisError as exc:
            log.info("sellable quantity of %s: %s", code, exc)
            qty = 0  # not held (or not offered): nothing may be sold
        if gen == self._gen:
            self._sellable = qty
            self.update_view()

    # -- reacting to fields --------------------------------------------------------------------
    def _on_side_combo(self, index: int) -> None:
        side = self.side_combo.itemData(index)
        if isinstance(side, Side):
            self.set_side(side)

    def _on_type_changed(self, _index: int) -> None:
        otype = self.order_type
        self.price_edit.setEnabled(otype.needs_price)
        if otype.needs_price and not self.price_edit.text().strip() and self.quote is not None:
            self.set_price(self.quote.price)
        self._schedule_account_facts(now=True)
        self.update_view()

    def _on_price_changed(self, _text: str) -> None:
        if self.side is Side.BUY and self.order_type.needs_price:
            self._schedule_account_facts()
        self.update_view()

    def _on_busy(self, _busy: bool) -> None:
        self.update_view()

    def _on_orders_changed(self) -> None:
        # Debounced: an order's ack, its fill and the refreshes they cause come in a burst;
        # one buying-power read after the burst is enough.
        self._schedule_account_facts()

    def _on_order_updated(self, order: TrackedOrder) -> None:
        self.result_label.setText(describe_order(order))
        colour = {
            OrderState.REJECTED: "#c62828",
            OrderState.UNKNOWN: "#e67e00",
            OrderState.NOT_FOUND: "#e67e00",
        }.get(order.state, "#2e7d32" if order.state is not OrderState.SENDING else "#555")
        self.result_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        if order.state.terminal or order.state in (OrderState.ACCEPTED, OrderState.NOT_FOUND):
            self._schedule_account_facts()
        self.update_view()  # "checking" holds the submit button until the look-up ends

    # -- view ----------------------------------------------------------------------------------
    def _side_colour(self, side: Side | None = None) -> str:
        side = side or self.side
        return self.palette.up if side is Side.BUY else self.palette.down

    def _apply_side_style(self) -> None:
        colour = self._side_colour()
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        self.setStyleSheet(
            f"QFrame#orderPanel {{ border: 3px solid {colour};"
            f" background: rgba({r}, {g}, {b}, 18); }}"
        )
        self.side_combo.setStyleSheet(f"QComboBox {{ color: {colour}; font-weight: bold; }}")
        self.submit_button.setStyleSheet(
            f"QPushButton {{ background: {colour}; color: white; font-weight: bold;"
            " padding: 6px; } QPushButton:disabled { background: #bbb; color: #eee; }"
        )
        self.submit_button.setText(
            translate("OrderPanel", "매수 주문 (Enter)")
            if self.side is Side.BUY
            else translate("OrderPanel", "매도 주문 (Enter)")
        )
        is_buy = self.side is Side.BUY
        self.power_title.setVisible(is_buy)
        self.power_label.setVisible(is_buy)
        self.max_title.setText(
            translate("OrderPanel", "Max buyable")
            if is_buy
            else translate("OrderPanel", "Sellable")
        )

    def _show_quote(self) -> None:
        q, sym = self.quote, self.symbol
        if sym is None:
            self.name_label.setText("–")
            for label in (self.price_label, self.change_label, self.limits_label):
                label.clear()
            return
        self.name_label.setText(f"{sym.name}  {sym.code}  {sym.market}")
        if q is None:
            self.price_label.setText(translate("OrderPanel", "loading…"))
            self.change_label.clear()
            self.limits_label.clear()
            return
        direction = direction_from_sign(q.sign)
        colour = self.palette.color(direction) or ""
        self.price_label.setText(fmt_krw(q.price))
        self.change_label.setText(
            f"{fmt_change(q.change, direction=direction)}  {fmt_rate(q.change_rate)}"
        )
        style = f"color: {colour};" if colour else ""
        self.price_label.setStyleSheet(f"font-size: 16px; font-weight: bold; {style}")
        self.change_label.setStyleSheet(style)
        self.limits_label.setText(
            translate("OrderPanel", "Upper {upper} · Lower {lower}").format(
                upper=fmt_krw(q.upper), lower=fmt_krw(q.lower)
            )
        )

    def update_view(self) -> None:
        draft, facts = self.draft(), self.facts()
        problems = validate(draft, facts)
        self.last_problems = problems
        shown: dict[str, str] = {}
        hinted: set[str] = set()  # fields whose message is a hint, not an error
        order_level: list[str] = []
        for p in problems:
            text = p.render(QCoreApplication.translate)
            if p.field in self.errors and p.field not in shown:
                shown[p.field] = text
                if p.hint:
                    hinted.add(p.field)
            elif p.field not in self.errors:
                order_level.append(text)
        # An untouched empty field stays quiet (no wall of red on a fresh panel); its message
        # shows once it has text or the user pressed Enter. Submit stays disabled either way.
        typed = {
            "symbol": self.symbol_edit.text(),
            "price": self.price_edit.text(),
            "quantity": self.qty_edit.text(),
        }
        quiet_fields: set[str] = set()
        for name, label in self.errors.items():
            quiet = not self._attempted and name in typed and not typed[name].strip()
            if quiet:
                quiet_fields.add(name)
            label.setText(shown.get(name, ""))
            label.setVisible(name in shown and not quiet)
            if (name in hinted) != (name in self._hinted):  # restyle only on a change
                label.setStyleSheet(_FIELD_HINT_STYLE if name in hinted else _FIELD_ERROR_STYLE)
        self._hinted = hinted

        busy = self.service is not None and self.service.busy
        checking = self.service is not None and self.service.checking
        # Only a quiet field in the way: the reason reads as a hint (grey), not an error (red).
        hint = (
            bool(problems)
            and not order_level
            and (problems[0].field in quiet_fields or problems[0].hint)
        )
        if problems and not order_level:
            first = problems[0].render(QCoreApplication.translate)
            order_level.append(
                translate("OrderPanel", "Cannot send: {reason}").format(reason=first)
            )
        if hint != self.reason_is_hint:  # restyling is not free; update_view runs on every tick
            self.reason_is_hint = hint
            self.reason_label.setStyleSheet(_HINT_STYLE if hint else _REASON_STYLE)
        if self.service is None:
            order_level.insert(0, translate("OrderPanel", "Not connected."))
        if busy:
            order_level.insert(0, translate("OrderPanel", "An order is being sent…"))
        elif checking:
            order_level.insert(
                0,
                translate(
                    "OrderPanel",
                    "The last order's answer was lost: checking whether it exists. "
                    "Wait before sending another.",
                ),
            )
        self.reason_label.setText("\n".join(order_level))
        self.reason_label.setVisible(bool(order_level))
        self.submit_button.setEnabled(
            not problems and not busy and not checking and self.service is not None
        )
        self.submit_button.setToolTip(
            "\n".join(p.render(QCoreApplication.translate) for p in problems)
        )

        # Account facts and the amount.
        if self.side is Side.BUY:
            cash = facts.orderable_cash
            self.power_label.setText(fmt_krw(cash) if cash is not None else "–")
            limit = max_quantity(draft.side, draft.order_type, draft.price, facts)
        else:
            limit = facts.sellable_qty
        self.max_label.setText(fmt_int(limit) if limit is not None else "–")
        amount = estimated_amount(draft, facts)
        if amount is None:
            self.amount_label.setText("–")
        elif draft.order_type.reserved_at_upper and draft.side is Side.BUY:
            self.amount_label.setText(
                translate("OrderPanel", "≈ {amount} (at the upper limit)").format(
                    amount=fmt_krw(amount)
                )
            )
        elif not draft.order_type.needs_price:  # a sell at market: about the current price
            self.amount_label.setText(f"≈ {fmt_krw(amount)}")
        else:
            self.amount_label.setText(fmt_krw(amount))

    # -- review and send -----------------------------------------------------------------------
    def review(self) -> None:
        """Enter: validate, then confirm (when on, or when the guard has reasons), then send."""
        if self.service is None or self.service.settling or self.dialog is not None:
            return
        if time.monotonic() - self._last_send < SEND_DEBOUNCE_S:
            return
        draft, facts = self.draft(), self.facts()
        problems = validate(draft, facts)
        self._attempted = bool(problems)
        self.update_view()
        if problems:
            self._focus_field(problems[0].field)
            return
        twin = self.service.unconfirmed_like(draft)
        warnings = review_warnings(draft, facts, self.settings, twin)
        confirm = confirmation_required(self.env, self.settings.confirm)
        if not confirm and not warnings:
            self._send(draft)
            return
        self._open_dialog(draft, facts, warnings, guard_only=not confirm)

    def _open_dialog(
        self, draft: OrderDraft, facts: OrderFacts, warnings: list[str], guard_only: bool
    ) -> None:
        assert self.symbol is not None
        dialog = review_dialog(
            draft,
            facts,
            self.symbol,
            env=self.env,
            colour=self._side_colour(draft.side),
            warnings=warnings,
            guard_only=guard_only,
            parent=self.window(),
        )
        self.dialog = dialog
        dialog.accepted.connect(lambda d=draft: self._send(d))
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        # Keys go back to the panel (the quantity, where the next order usually starts).
        self.window().activateWindow()
        self.qty_edit.setFocus()

    def _send(self, draft: OrderDraft) -> None:
        if self.service is None or self.symbol is None:
            return
        # Re-check against what is known now: the facts may have moved while the dialog was open.
        order = self.service.submit(draft, self.facts(), self.symbol.name)
        if order is None:
            # Refused: another order in flight, or the facts moved while the review was open.
            self.result_label.setText(
                translate("OrderPanel", "Not sent: check the order and press Enter again.")
            )
            self.result_label.setStyleSheet("color: #c62828; font-weight: bold;")
            self.update_view()
            return
        self._last_send = time.monotonic()
        emit(self.order_sent, order)
        self.update_view()

    def _focus_field(self, field: str) -> None:
        widget = {
            "symbol": self.symbol_edit,
            "type": self.type_combo,
            "price": self.price_edit,
            "quantity": self.qty_edit,
        }.get(field)
        if widget is not None and widget.isEnabled():
            widget.setFocus()

    # -- keyboard ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        field = self._field_of.get(watched)
        if field is None or event.type() not in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
        ):
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = event.key()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        popup = field == "symbol" and self.symbol_edit.popup_visible()
        if key in _ENTER and plain:
            if popup:
                return False  # the suggestion list takes Enter
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if not event.isAutoRepeat():
                self.review()
            return True
        if key == Qt.Key.Key_Escape and plain:
            if popup:
                return False
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            # A held Esc closes the review with its first press; the repeats must not also
            # wipe the order the user went back to.
            if not event.isAutoRepeat():
                self.clear()
                self.symbol_edit.setFocus()
            return True
        action = self.keymap.action_for(event, self.FIELD_SCOPES[field])
        if action is None:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # ours, not a window shortcut's
            return True
        self.run_action(action)
        return True

    def run_action(self, action: str) -> None:
        steps = {"price_up": 1, "price_down": -1, "price_up5": 5, "price_down5": -5}
        percents = {"qty_10": 10, "qty_25": 25, "qty_50": 50, "qty_100": 100}
        if action in ("panel_buy", "buy"):
            self.set_side(Side.BUY)
        elif action in ("panel_sell", "sell"):
            self.set_side(Side.SELL)
        elif action == "type_next":
            self.next_order_type()
        elif action in steps:
            self.step_price(steps[action])
        elif action.startswith("price_"):
            self.price_to(action.removeprefix("price_"))
        elif action == "qty_up":
            self.step_quantity(1)
        elif action == "qty_down":
            self.step_quantity(-1)
        elif action in percents:
            self.quantity_percent(percents[action])

    def focus_symbol(self) -> None:
        self.symbol_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.symbol_edit.selectAll()

    def focus_quantity(self) -> None:
        self.qty_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.qty_edit.selectAll()
