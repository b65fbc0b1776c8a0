"""The order panel: symbol, side, type, price, quantity and submit, driven from the keyboard.

The panel holds the form, maps validation to the view and routes the keys. What it shows about
the symbol and the account comes from its :class:`~kisdesk.services.order_ticket.OrderTicket`
(quote, buying power, sellable quantity); every rule comes from kisdesk.domain.order_rules; the
review's wording from ui/order_review.py. The panel only asks the order service to send a draft
that validates, and the service checks again.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, Signal, SignalInstance
from PySide6.QtGui import QHideEvent, QKeyEvent, QRegularExpressionValidator, QShowEvent
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
from kisdesk.domain.format import fmt_int, fmt_krw
from kisdesk.domain.order_rules import (
    OrderDraft,
    OrderFacts,
    Problem,
    confirmation_required,
    max_quantity,
    parse_amount,
    parse_quantity,
    quantity_for_percent,
    validate,
)
from kisdesk.domain.order_state import TrackedOrder
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
from kisdesk.i18n import translate
from kisdesk.kis.records import DomesticQuote
from kisdesk.models.palette import KOREAN, Palette
from kisdesk.services.order_ticket import OrderTicket
from kisdesk.services.orders import OrderService
from kisdesk.ui.confirm_dialog import ConfirmDialog
from kisdesk.ui.keymap import Keymap
from kisdesk.ui.order_review import (
    amount_text,
    describe_order,
    review_dialog,
    review_warnings,
    side_text,
    state_colour,
)
from kisdesk.ui.quote_header import QuoteHeader
from kisdesk.ui.symbol_edit import SymbolEdit

log = logging.getLogger(__name__)

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# A second Enter this soon after a send is the same keystroke bouncing, not a new decision.
SEND_DEBOUNCE_S = 0.5
_REASON_STYLE = "color: #c62828;"  # why the order cannot go: red
_HINT_STYLE = "color: #757575;"  # a fresh panel's "enter a symbol": grey
_FIELD_ERROR_STYLE = "color: #c62828; font-size: 11px;"
_FIELD_HINT_STYLE = "color: #757575; font-size: 11px;"  # a step to take ("Enter picks …")


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str, style: str = "") -> W:
    widget.setObjectName(name)
    if style:
        widget.setStyleSheet(style)
    return widget


# -- the panel ----------------------------------------------------------------------------------


class OrderPanel(QFrame):
    """Fields, the view of their problems and facts, the keys, and the send path."""

    order_sent = Signal(object)  # TrackedOrder
    status = Signal(str)
    # A symbol of the other side of the desk was picked (an overseas one here): the dock switches.
    switch_requested = Signal(object)  # Symbol
    OVERSEAS = False  # which symbols this panel trades

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
        self.service: OrderService | None = None
        self.env = "demo"
        self.palette = KOREAN
        self.side = Side.BUY
        self.symbol: Symbol | None = None
        # The quote, buying power and sellable quantity of what is being typed, kept fresh.
        self.ticket = self._make_ticket()
        self.ticket.set_refresh_ms(self.settings.quote_refresh_ms)
        self.ticket.quote_changed.connect(self._on_quote)
        self.ticket.account_changed.connect(self.update_view)
        self.ticket.failed.connect(self.status)
        self._last_send = 0.0
        self._attempted = False  # Enter pressed with problems: show every field's message
        self.dialog: ConfirmDialog | None = None
        self.last_problems: tuple[Problem, ...] = ()
        self._hinted: set[str] = set()
        self._build()
        self._apply_side_style()
        self.update_view()

    # -- construction --------------------------------------------------------------------------
    def _make_ticket(self) -> OrderTicket:
        return OrderTicket(self)

    def _build(self) -> None:
        self.symbol_edit = _named(SymbolEdit(self.symbols), "symbolEdit")
        self.symbol_edit.setPlaceholderText(self._symbol_placeholder())
        self.symbol_edit.chosen.connect(self._on_symbol_chosen)
        self.symbol_edit.textEdited.connect(self._on_symbol_edited)
        self.symbol_edit.suggestions_changed.connect(self.update_view)
        self.quote_header = QuoteHeader()
        self.price_label = self.quote_header.price_label  # the shown price, live

        self.side_combo = _named(QComboBox(), "sideCombo")
        self.side_combo.addItem(side_text(Side.BUY), Side.BUY)
        self.side_combo.addItem(side_text(Side.SELL), Side.SELL)
        self.side_combo.currentIndexChanged.connect(self._on_side_combo)
        self.type_combo = _named(QComboBox(), "typeCombo")
        self._fill_types(ORDER_TYPES)
        self.type_combo.currentIndexChanged.connect(self._on_type_changed)
        self.price_edit = _named(QLineEdit(), "priceEdit")
        self.price_edit.setValidator(QRegularExpressionValidator(self.PRICE_PATTERN))
        self.price_edit.textChanged.connect(self._on_price_changed)
        self.qty_edit = _named(QLineEdit(), "qtyEdit")
        self.qty_edit.setValidator(QRegularExpressionValidator(r"[0-9,]{0,11}"))
        self.qty_edit.textChanged.connect(lambda _t: self.update_view())
        for edit in (self.price_edit, self.qty_edit):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.errors: dict[str, QLabel] = {}
        for name in ("symbol", "type", "price", "quantity"):
            label = _named(QLabel(), f"{name}Error", _FIELD_ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
            self.errors[name] = label
        self.power_label = _named(QLabel("–"), "powerLabel")
        self.max_label = _named(QLabel("–"), "maxLabel")
        self.amount_label = _named(QLabel("–"), "amountLabel", "font-weight: bold;")
        for label in (self.power_label, self.max_label, self.amount_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.reason_label = _named(QLabel(), "submitReason", _REASON_STYLE)
        self.reason_label.setWordWrap(True)
        self.reason_is_hint = False
        self.submit_button = _named(QPushButton(), "submitButton")
        self.submit_button.setAutoDefault(False)
        self.submit_button.clicked.connect(self.review)
        self.result_label = _named(QLabel(), "orderResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        row = 0

        def add(label: QLabel | str, widget: QWidget, error: str | None = None) -> QLabel:
            nonlocal row
            title = label if isinstance(label, QLabel) else QLabel(label)
            grid.addWidget(title, row, 0)
            grid.addWidget(widget, row, 1)
            row += 1
            if error is not None:
                grid.addWidget(self.errors[error], row, 1)
                row += 1
            return title

        add(translate("OrderPanel", "Symbol"), self.symbol_edit, "symbol")
        for title, widget in self._extra_rows("symbol"):
            add(title, widget)
        grid.addWidget(self.quote_header, row, 0, 1, 2)
        row += 1
        add(translate("OrderPanel", "Side"), self.side_combo)
        add(translate("OrderPanel", "Type"), self.type_combo, "type")
        for _title, widget in self._extra_rows("type"):
            grid.addWidget(widget, row, 1)
            row += 1
        self.price_title = add(translate("OrderPanel", "Price"), self.price_edit, "price")
        add(translate("OrderPanel", "Quantity"), self.qty_edit, "quantity")
        self.power_title = add(translate("OrderPanel", "Buying power"), self.power_label)
        self.max_title = add(translate("OrderPanel", "Max buyable"), self.max_label)
        add(translate("OrderPanel", "Amount"), self.amount_label)
        for title, widget in self._extra_rows("amount"):
            add(title, widget)

        box = QVBoxLayout(self)
        box.setContentsMargins(8, 8, 8, 8)
        box.addLayout(grid)
        for widget in (self.reason_label, self.submit_button, self.result_label):
            box.addWidget(widget)
        box.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self._field_of: dict[QObject, str] = {  # also the Tab order
            self.symbol_edit: "symbol",
            **self._extra_fields(),
            self.side_combo: "side",
            self.type_combo: "type",
            self.price_edit: "price",
            self.qty_edit: "quantity",
            self.submit_button: "submit",
        }
        for a, b in itertools.pairwise(self._field_of):
            QWidget.setTabOrder(a, b)
        for widget in self._field_of:
            widget.installEventFilter(self)

    PRICE_PATTERN = r"[0-9,]{0,14}"

    def _symbol_placeholder(self) -> str:
        return translate("OrderPanel", "Code or name (삼성전자, 삼전, ㅅㅅㅈㅈ)")

    def _extra_rows(self, after: str) -> list[tuple[str, QWidget]]:
        """Rows a subclass adds after the symbol, the type or the amount: (title, widget)."""
        return []

    def _extra_fields(self) -> dict[QObject, str]:
        """Focusable widgets a subclass adds after the symbol field (field name per widget)."""
        return {}

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
    def set_service(self, service: OrderService | None, env: str) -> None:
        """Attach to a session's order service (None: disconnected, everything cleared)."""
        if self.service is not None:
            for signal, slot in self._service_links(self.service):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(slot)
        self.service = service
        self.env = env
        self.ticket.set_source(service)
        self.clear(keep_side=False)
        self.result_label.clear()
        if service is not None:
            self._fill_types(self._types_for(service))
            self.ticket.set_order_type(self.order_type)
            for signal, slot in self._service_links(service):
                signal.connect(slot)
        self.update_view()

    def _types_for(self, service: OrderService) -> tuple[OrderType, ...]:
        return available_types(service.profile)

    def _service_links(
        self, service: OrderService
    ) -> list[tuple[SignalInstance, Callable[..., None]]]:
        return [
            (service.busy_changed, self._on_busy),
            (service.order_updated, self._on_order_updated),
        ]

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        self._apply_side_style()
        self._show_quote()

    def set_symbols(self, index: SymbolIndex) -> None:
        """Swap the symbol list (the KIS master files, when present, refresh the shipped one)."""
        self.symbols = index
        self.symbol_edit.index = index

    def _accepts(self, symbol: Symbol) -> bool:
        """Whether this panel trades ``symbol`` (the other kind goes to the other panel)."""
        return symbol.overseas == self.OVERSEAS

    def reload_settings(self) -> None:
        self.settings = OrderSettings.load(self.qsettings)
        self.ticket.set_refresh_ms(self.settings.quote_refresh_ms)

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
        return self.ticket.facts(self.order_type)

    @property
    def quote(self) -> DomesticQuote | None:
        return self.ticket.quote

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
        self.ticket.set_side(side)
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
        self.symbol = None
        self.ticket.set_symbol(None)
        self._attempted = False
        self.symbol_edit.hide_popup()
        self.symbol_edit.clear()
        self.price_edit.clear()
        self.qty_edit.clear()
        if not keep_side:
            self.set_side(Side.BUY)
        self._show_quote()
        self.update_view()

    # -- symbol --------------------------------------------------------------------------------
    def load_symbol(self, code: str) -> bool:
        """Prefill from elsewhere (rankings, holdings): False for a code not in the list."""
        symbol = self.symbols.get(code)
        if symbol is None or not self._accepts(symbol):
            return False
        self.symbol_edit.choose(symbol)
        return True

    def _on_symbol_edited(self, text: str) -> None:
        resolved = self.symbols.resolve(text)
        if resolved is not None and not self._accepts(resolved):
            resolved = None  # typed text never switches panels; picking a suggestion does
        if resolved is not None and (self.symbol is None or resolved != self.symbol):
            self._set_symbol(resolved)
        elif resolved is None and self.symbol is not None:
            self._set_symbol(None)
        else:
            self.update_view()

    def _on_symbol_chosen(self, symbol: Symbol) -> None:
        if not self._accepts(symbol):
            self._set_symbol(None)
            self.symbol_edit.clear()
            self.switch_requested.emit(symbol)
            return
        if self.symbol is None or symbol != self.symbol:
            self._set_symbol(symbol)

    def _set_symbol(self, symbol: Symbol | None) -> None:
        self.symbol = symbol
        self.price_edit.clear()  # before the ticket moves on: its read at once replaces the
        self.ticket.set_symbol(symbol)  # one the cleared price would ask for later
        self._show_quote()
        self.update_view()

    def _on_quote(self, quote: DomesticQuote, first: bool) -> None:
        if first and self.order_type.needs_price and not self.price_edit.text().strip():
            self.set_price(quote.price)
        self._show_quote()
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
        self.ticket.set_order_type(otype)
        self.update_view()

    def _on_price_changed(self, text: str) -> None:
        self.ticket.set_price(parse_amount(text))
        self.update_view()

    def _on_busy(self, _busy: bool) -> None:
        self.update_view()

    def _on_order_updated(self, order: TrackedOrder) -> None:
        self.result_label.setText(describe_order(order))
        self.result_label.setStyleSheet(f"color: {state_colour(order.state)}; font-weight: bold;")
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
        self.quote_header.set_quote(self.symbol, self.quote, self.palette)

    def _validate(self, draft: OrderDraft, facts: OrderFacts) -> tuple[Problem, ...]:
        return validate(draft, facts)

    def update_view(self) -> None:
        draft, facts = self.draft(), self.facts()
        problems = self._validate(draft, facts)
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

        self._show_account(draft, facts)

    def _show_account(self, draft: OrderDraft, facts: OrderFacts) -> None:
        """Account facts and the amount."""
        if self.side is Side.BUY:
            cash = facts.orderable_cash
            self.power_label.setText(fmt_krw(cash) if cash is not None else "–")
            limit = max_quantity(draft.side, draft.order_type, draft.price, facts)
        else:
            limit = facts.sellable_qty
        self.max_label.setText(fmt_int(limit) if limit is not None else "–")
        self.amount_label.setText(amount_text(draft, facts))

    # -- review and send -----------------------------------------------------------------------
    def review(self) -> None:
        """Enter: validate, then confirm (when on, or when the guard has reasons), then send."""
        if self.service is None or self.service.settling or self.dialog is not None:
            return
        if time.monotonic() - self._last_send < SEND_DEBOUNCE_S:
            return
        draft, facts = self.draft(), self.facts()
        problems = self._validate(draft, facts)
        self._attempted = bool(problems)
        self.update_view()
        if problems:
            self._focus_field(problems[0].field)
            return
        twin = self.service.unconfirmed_like(draft)
        warnings = self._warnings(draft, facts, twin)
        confirm = confirmation_required(self.env, self.settings.confirm)
        if not confirm and not warnings:
            self._send(draft)
            return
        self._open_dialog(draft, facts, warnings, guard_only=not confirm)

    def _warnings(
        self, draft: OrderDraft, facts: OrderFacts, twin: TrackedOrder | None
    ) -> list[str]:
        return review_warnings(draft, facts, self.settings, twin)

    def _open_dialog(
        self, draft: OrderDraft, facts: OrderFacts, warnings: list[str], guard_only: bool
    ) -> None:
        dialog = self._review_dialog(draft, facts, warnings, guard_only)
        self.dialog = dialog
        dialog.accepted.connect(lambda d=draft: self._send(d))
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _review_dialog(
        self, draft: OrderDraft, facts: OrderFacts, warnings: list[str], guard_only: bool
    ) -> ConfirmDialog:
        assert self.symbol is not None
        return review_dialog(
            draft,
            facts,
            self.symbol,
            env=self.env,
            colour=self._side_colour(draft.side),
            warnings=warnings,
            guard_only=guard_only,
            parent=self.window(),
            **self._review_wording(draft, facts),
        )

    def _review_wording(self, draft: OrderDraft, facts: OrderFacts) -> dict[str, Any]:
        """Rows and headline of another market's review (overseas); {}: the domestic ones."""
        return {}

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
        order = self._submit(draft)
        if order is None:
            # Refused: another order in flight, or the facts moved while the review was open.
            self.result_label.setText(
                translate("OrderPanel", "Not sent: check the order and press Enter again.")
            )
            self.result_label.setStyleSheet("color: #c62828; font-weight: bold;")
            self.update_view()
            return
        self._last_send = time.monotonic()
        self.order_sent.emit(order)
        self.update_view()

    def _submit(self, draft: OrderDraft) -> TrackedOrder | None:
        assert self.service is not None and self.symbol is not None
        return self.service.submit(draft, self.facts(), self.symbol.name)

    def _focus_field(self, field: str) -> None:
        widget = {
            "symbol": self.symbol_edit,
            "type": self.type_combo,
            "price": self.price_edit,
            "quantity": self.qty_edit,
        }.get(field)
        if widget is not None and widget.isEnabled():
            widget.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ticket.set_watched(self.isVisible())

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.ticket.set_watched(self.isVisible())  # still visible when only minimised

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
