"""The order panel in overseas mode: the domestic panel's keys, review and send path over an
:class:`~kisdesk.services.overseas_ticket.OverseasTicket` (US, Hong Kong, Shanghai, Shenzhen,
Tokyo, Vietnam).

What differs from the domestic form, and why: the exchange is a field (inferred from the symbol
list, changeable: a ticker can be listed on several); the order types are those the market's TR
takes, with the reason shown next to them (no US market order, limit only on paper and in the
US daytime session); the price steps on the O6 tick grid (``e_hogau``) and the quantity in lots;
every price and amount carries its currency, and the amount and buying power their won value;
the session an order would go to (the US daytime session routed automatically) is shown and
reviewed. Every rule is the domain's (kisdesk.domain.overseas_orders).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from kisdesk.domain.currency import fmt_exchange_rate, fmt_fx_amount, fmt_fx_price
from kisdesk.domain.format import fmt_int
from kisdesk.domain.order_rules import Problem, parse_amount, parse_quantity
from kisdesk.domain.order_state import TrackedOrder
from kisdesk.domain.order_types import OrderType, Side
from kisdesk.domain.overseas_hours import Route, Session
from kisdesk.domain.overseas_orders import (
    MARKETS,
    OVS_LIMIT,
    OverseasDraft,
    OverseasFacts,
    OverseasProblem,
    overseas_type,
)
from kisdesk.domain.symbols import Symbol, SymbolIndex
from kisdesk.i18n import translate
from kisdesk.services.order_ticket import OrderTicket
from kisdesk.services.orders import OrderService
from kisdesk.services.overseas_ticket import (
    OverseasQuoteView,
    OverseasSymbol,
    OverseasTicket,
    Router,
    kis_hours,
)
from kisdesk.ui.keymap import Keymap
from kisdesk.ui.order_panel import OrderPanel, _named
from kisdesk.ui.order_review import (
    fx_price_text,
    krw_text,
    overseas_amount_text,
    overseas_headline,
    overseas_review_rows,
    overseas_review_warnings,
    session_text,
)

_NOTE_STYLE = "color: #757575; font-size: 11px;"


def _currency(exchange: str) -> str:
    m = MARKETS.get(exchange)
    return m.currency if m is not None else ""


class OverseasPanel(OrderPanel):
    """The overseas form; see the module docstring."""

    OVERSEAS = True
    PRICE_PATTERN = r"[0-9,]{0,12}(\.[0-9]{0,4})?"
    FIELD_SCOPES: ClassVar[dict[str, tuple[str, ...]]] = {
        **OrderPanel.FIELD_SCOPES,
        "exchange": ("panel",),
    }

    def __init__(
        self,
        keymap: Keymap,
        settings: QSettings | None = None,
        *,
        symbols: SymbolIndex | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(keymap, settings, symbols=symbols, parent=parent)
        self.setObjectName("overseasPanel")
        self._apply_side_style()  # the style sheet names the object
        self.ticket.route_changed.connect(self._on_route)

    # -- construction (hooks of OrderPanel) ----------------------------------------------------
    def _make_ticket(self) -> OrderTicket:
        return OverseasTicket(self)

    @property
    def ovs_ticket(self) -> OverseasTicket:
        assert isinstance(self.ticket, OverseasTicket)
        return self.ticket

    def _symbol_placeholder(self) -> str:
        return translate("OrderPanel", "Ticker or name (AAPL, 애플, 7203, 텐센트)")

    def _extra_rows(self, after: str) -> list[tuple[str, QWidget]]:
        if after == "symbol":
            self.exchange_combo = _named(QComboBox(), "exchangeCombo")
            for m in MARKETS.values():
                self.exchange_combo.addItem(f"{m.name}  {m.exchange} · {m.currency}", m.exchange)
            self.exchange_combo.currentIndexChanged.connect(self._on_exchange_changed)
            return [(translate("OrderPanel", "Exchange"), self.exchange_combo)]
        if after == "type":
            self.types_note = _named(QLabel(), "typesNote", _NOTE_STYLE)
            self.types_note.setWordWrap(True)
            self.types_note.hide()
            return [("", self.types_note)]
        if after == "amount":
            self.krw_label = _named(QLabel("–"), "krwLabel")
            self.krw_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.session_label = _named(QLabel("–"), "sessionLabel")
            self.session_label.setAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            return [
                (translate("OrderPanel", "In won"), self.krw_label),
                (translate("OrderPanel", "Session"), self.session_label),
            ]
        return []

    def _extra_fields(self) -> dict[QObject, str]:
        return {self.exchange_combo: "exchange"}

    def _types_for(self, service: OrderService) -> tuple[OrderType, ...]:
        return self.ovs_ticket.offered_types()

    def set_hours(self, router: Router = kis_hours, clock: Callable[[], Any] | None = None) -> None:
        """Which sessions are in force: KIS's hours by the wall clock, or a simulator's."""
        self.ovs_ticket.router = router
        if clock is not None:
            self.ovs_ticket.clock = clock
        self._refill_types()

    # -- reading the fields --------------------------------------------------------------------
    @property
    def exchange(self) -> str:
        return str(self.exchange_combo.currentData() or "NASD")

    @property
    def currency(self) -> str:
        return _currency(self.exchange)

    @property
    def order_type(self) -> OrderType:
        try:
            return overseas_type(str(self.type_combo.currentData() or "00"))
        except KeyError:
            return OVS_LIMIT

    def draft(self) -> OverseasDraft:  # type: ignore[override]
        price = parse_amount(self.price_edit.text()) if self.order_type.needs_price else None
        qty = parse_quantity(self.qty_edit.text())
        if self.symbol is None:
            return OverseasDraft(self.side, self.exchange, "", self.order_type, price, qty)
        return self.ovs_ticket.draft(price, qty)

    def facts(self) -> OverseasFacts:  # type: ignore[override]
        if self.symbol is None:
            return OverseasFacts(self.exchange, Route(self.exchange, Session.CLOSED))
        return self.ovs_ticket.facts()

    def _validate(self, draft: Any, facts: Any) -> tuple[Problem, ...]:
        if self.symbol is None:
            return (OverseasProblem("symbol", "symbol_empty", {}),)
        return self.ovs_ticket.validate(draft)

    def max_orderable(self) -> int | None:
        if self.symbol is None:
            return None
        return self.ovs_ticket.max_quantity(parse_amount(self.price_edit.text()))

    # -- actions -------------------------------------------------------------------------------
    def set_side(self, side: Side) -> None:
        super().set_side(side)
        self._refill_types()

    def set_price(self, price: Decimal | None) -> None:
        text = fmt_fx_price(price, self.currency, self.exchange) if price is not None else ""
        self.price_edit.setText(text)
        self.price_edit.setCursorPosition(len(text))

    def step_price(self, ticks: int) -> None:
        if not self.order_type.needs_price or self.symbol is None:
            return
        price = parse_amount(self.price_edit.text())
        if price is None or price <= 0:
            if self.quote is not None and self.quote.price is not None:
                self.set_price(self.quote.price)
            return
        new = self.ovs_ticket.step_price(price, ticks)
        if new is None:
            return
        q = self.quote
        if q is not None and q.upper and q.lower:  # stepping stops at the daily limits
            new = min(max(new, q.lower), q.upper)
        self.set_price(new)

    def price_to(self, which: str) -> None:
        q = self.quote
        if q is None or not self.order_type.needs_price:
            return
        value = {"current": q.price, "upper": q.upper, "lower": q.lower}[which]
        if value:  # no daily limit on most overseas markets: the key does nothing there
            self.set_price(value)

    def _lot(self) -> int:
        if self.symbol is None:
            return 1
        return self.facts().effective_lot or 1

    def step_quantity(self, delta: int) -> None:
        """Up/Down step a whole lot; a quantity between lots snaps to the next lot first."""
        lot = self._lot()
        qty = parse_quantity(self.qty_edit.text()) or 0
        if qty % lot:
            qty = qty - qty % lot + (lot if delta > 0 else 0)
        else:
            qty += delta * lot
        self.set_quantity(max(0, qty))

    def quantity_percent(self, percent: int) -> None:
        if self.symbol is None:
            return
        qty = self.ovs_ticket.quantity_for_percent(percent, parse_amount(self.price_edit.text()))
        if qty is not None:
            self.set_quantity(qty)

    # -- symbol and exchange -------------------------------------------------------------------
    def load_listing(self, exchange: str, code: str, name: str = "") -> bool:
        """Prefill from the overseas holdings: the listing, even one not in the shipped list."""
        symbol = self.symbols.get_overseas(exchange, code)
        if symbol is None:
            if exchange not in MARKETS:
                return False
            symbol = Symbol(code, name or code, exchange, "stock", exchange)
        self.symbol_edit.choose(symbol)
        return True

    def _set_symbol(self, symbol: Symbol | None) -> None:
        if symbol is not None and symbol.exchange != self.exchange:
            self.exchange_combo.blockSignals(True)
            self.exchange_combo.setCurrentIndex(
                max(0, self.exchange_combo.findData(symbol.exchange))
            )
            self.exchange_combo.blockSignals(False)
        self.symbol = symbol
        self.price_edit.clear()
        ovs = OverseasSymbol(symbol.exchange, symbol.code, symbol.name) if symbol else None
        self.ovs_ticket.set_symbol(ovs)
        self._refill_types()
        self._show_quote()
        self.update_view()

    def _on_exchange_changed(self, _index: int) -> None:
        """The same ticker on another exchange (the list guessed wrong, or it is cross-listed)."""
        if self.symbol is not None and self.symbol.exchange != self.exchange:
            ex = self.exchange
            self._set_symbol(dataclasses.replace(self.symbol, exchange=ex, market=ex))
        else:
            self._refill_types()
            self.update_view()

    def _on_route(self, _route: Route) -> None:
        self._refill_types()
        self._show_quote()
        self.update_view()

    def _refill_types(self) -> None:
        types = self.ovs_ticket.offered_types() if self.symbol is not None else (OVS_LIMIT,)
        self._fill_types(types)
        self.ovs_ticket.set_order_type(self.order_type)
        self.price_edit.setEnabled(self.order_type.needs_price)
        note = self.ovs_ticket.types_note() if self.symbol is not None else None
        self.types_note.setText(note.render(QCoreApplication.translate) if note else "")
        self.types_note.setVisible(note is not None)

    # -- view ----------------------------------------------------------------------------------
    def _apply_side_style(self) -> None:
        super()._apply_side_style()
        colour = self._side_colour()
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        self.setStyleSheet(
            f"QFrame#overseasPanel {{ border: 3px solid {colour};"
            f" background: rgba({r}, {g}, {b}, 18); }}"
        )

    def _show_quote(self) -> None:
        facts_line = ""
        if self.symbol is not None:
            f = self.facts()
            parts = []
            if f.tick is not None:
                tick = fmt_fx_price(f.tick, f.currency, f.exchange)
                parts.append(translate("OrderPanel", "Tick {tick}").format(tick=tick))
            if f.effective_lot:
                lot = fmt_int(f.effective_lot)
                parts.append(translate("OrderPanel", "Lot {lot}").format(lot=lot))
            if f.fx_rate:
                rate = fmt_exchange_rate(f.fx_rate)
                parts.append(f"{f.currency} {rate}")
            facts_line = " · ".join(parts)
        quote = self.quote if isinstance(self.quote, OverseasQuoteView) else None
        self.quote_header.set_overseas_quote(
            self.symbol, quote, self.palette, facts_line=facts_line
        )

    def _show_account(self, draft: Any, facts: Any) -> None:
        ccy = facts.currency
        if self.price_title is not None:
            self.price_title.setText(translate("OrderPanel", "Price ({ccy})").format(ccy=ccy))
        if self.symbol is None:
            for label in (self.power_label, self.max_label, self.amount_label, self.krw_label):
                label.setText("–")
            self.session_label.setText("–")
            return
        self.session_label.setText(session_text(facts.route.session))
        ticket = self.ovs_ticket
        if self.side is Side.BUY:
            if not facts.buying_power_offered:
                self.power_label.setText(translate("OrderPanel", "not offered on paper"))
            elif ticket.buying_power is not None:
                bp = ticket.buying_power
                amount = f"{fmt_fx_amount(bp.amount, bp.currency)} {bp.currency}"
                # Two lines: side by side the won figure pushed the amount out of a narrow dock.
                self.power_label.setText(f"{amount}\n{krw_text(ticket.krw(bp.amount))}")
            else:
                self.power_label.setText("–")
        limit = ticket.max_quantity(draft.price)
        self.max_label.setText(fmt_int(limit) if limit is not None else "–")
        self.amount_label.setText(overseas_amount_text(draft, facts))
        amount = None
        if draft.quantity and draft.quantity > 0:
            ref = draft.price if draft.order_type.needs_price else facts.current
            amount = ref * draft.quantity if ref else None
        if amount is None:
            self.krw_label.setText("–")
        elif facts.fx_rate:
            self.krw_label.setText(krw_text(ticket.krw(amount)))
        else:
            self.krw_label.setText(translate("OrderPanel", "no exchange rate yet"))

    # -- review and send -----------------------------------------------------------------------
    def _warnings(self, draft: Any, facts: Any, twin: TrackedOrder | None) -> list[str]:
        reasons = self.ovs_ticket.guard(
            draft,
            max_amount=self.settings.guard_amount or None,
            max_ticks=self.settings.guard_ticks or None,
        )
        return overseas_review_warnings(reasons, twin)

    def _review_wording(self, draft: Any, facts: Any) -> dict[str, Any]:
        assert self.symbol is not None
        return {
            "rows": overseas_review_rows(draft, facts, self.symbol),
            "headline": overseas_headline(draft, facts, self.symbol),
        }

    def _submit(self, draft: Any) -> TrackedOrder | None:
        return self.ovs_ticket.submit(draft)

    def price_text(self, price: Decimal | None) -> str:
        """A price of this panel's market with its currency (the tests read it)."""
        return fx_price_text(price, self.currency, self.exchange)
