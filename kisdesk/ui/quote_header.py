"""The order panel's quote header: the symbol's name, its price and change coloured by
direction (with sign and arrow, never colour alone), and the day's price limits; overseas, the
price in its currency and the tick, lot and session under it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kisdesk.domain.currency import fmt_fx_price, price_decimals
from kisdesk.domain.direction import direction_from_sign, direction_of
from kisdesk.domain.format import fmt_change, fmt_krw, fmt_rate
from kisdesk.domain.symbols import Symbol
from kisdesk.i18n import translate
from kisdesk.kis.records import DomesticQuote
from kisdesk.models.palette import Palette

if TYPE_CHECKING:
    from kisdesk.services.overseas_ticket import OverseasQuoteView

_PRICE_STYLE = "font-size: 16px; font-weight: bold;"


class QuoteHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_label = QLabel("–")
        self.name_label.setObjectName("quoteName")
        self.name_label.setStyleSheet("font-weight: bold;")
        self.price_label = QLabel("")
        self.price_label.setObjectName("quotePrice")
        self.price_label.setStyleSheet(_PRICE_STYLE)
        self.change_label = QLabel("")
        self.change_label.setObjectName("quoteChange")
        self.limits_label = QLabel("")
        self.limits_label.setObjectName("quoteLimits")
        self.limits_label.setStyleSheet("color: #666;")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.name_label, 0, 0, 1, 2)
        grid.addWidget(self.price_label, 1, 0)
        grid.addWidget(self.change_label, 1, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.limits_label, 2, 0, 1, 2)

    def set_quote(
        self, symbol: Symbol | None, quote: DomesticQuote | None, palette: Palette
    ) -> None:
        """``symbol`` None: an empty header; ``quote`` None: the symbol, its price loading."""
        if symbol is None:
            self.name_label.setText("–")
            for label in (self.price_label, self.change_label, self.limits_label):
                label.clear()
            return
        self.name_label.setText(f"{symbol.name}  {symbol.code}  {symbol.market}")
        if quote is None:
            self.price_label.setText(translate("OrderPanel", "loading…"))
            self.change_label.clear()
            self.limits_label.clear()
            return
        direction = direction_from_sign(quote.sign)
        colour = palette.color(direction) or ""
        self.price_label.setText(fmt_krw(quote.price))
        self.change_label.setText(
            f"{fmt_change(quote.change, direction=direction)}  {fmt_rate(quote.change_rate)}"
        )
        style = f"color: {colour};" if colour else ""
        self.price_label.setStyleSheet(f"{_PRICE_STYLE} {style}")
        self.change_label.setStyleSheet(style)
        self.limits_label.setText(
            translate("OrderPanel", "Upper {upper} · Lower {lower}").format(
                upper=fmt_krw(quote.upper), lower=fmt_krw(quote.lower)
            )
        )

    def set_overseas_quote(
        self,
        symbol: Symbol | None,
        quote: OverseasQuoteView | None,
        palette: Palette,
        *,
        facts_line: str = "",
    ) -> None:
        """An overseas symbol: price in its currency (decimals by the market), the change with
        sign and arrow, and ``facts_line`` (tick, lot, session) under it."""
        if symbol is None:
            self.set_quote(None, None, palette)
            return
        ccy = market_currency(symbol.exchange)
        self.name_label.setText(f"{symbol.name}  {symbol.code}  {symbol.exchange}")
        if quote is None or quote.price is None:
            self.price_label.setText(translate("OrderPanel", "loading…"))
            self.change_label.clear()
            self.limits_label.setText(facts_line)
            return
        change = quote.change
        direction = direction_of(change) if change is not None else None
        colour = (palette.color(direction) or "") if direction is not None else ""
        self.price_label.setText(f"{fmt_fx_price(quote.price, ccy, symbol.exchange)} {ccy}")
        if change is not None and quote.base:
            rate = change / quote.base * 100
            places = price_decimals(abs(change), ccy, symbol.exchange)
            moved = fmt_change(change, places, direction=direction)
            self.change_label.setText(f"{moved}  {fmt_rate(rate)}")
        else:
            self.change_label.clear()
        style = f"color: {colour};" if colour else ""
        self.price_label.setStyleSheet(f"{_PRICE_STYLE} {style}")
        self.change_label.setStyleSheet(style)
        lines = [facts_line] if facts_line else []
        if quote.upper and quote.lower:
            lines.insert(
                0,
                translate("OrderPanel", "Upper {upper} · Lower {lower}").format(
                    upper=fmt_fx_price(quote.upper, ccy, symbol.exchange),
                    lower=fmt_fx_price(quote.lower, ccy, symbol.exchange),
                ),
            )
        self.limits_label.setText("\n".join(lines))


def market_currency(exchange: str) -> str:
    from kisdesk.domain.overseas_orders import MARKETS

    m = MARKETS.get(exchange)
    return m.currency if m is not None else ""
