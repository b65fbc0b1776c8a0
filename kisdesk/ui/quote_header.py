"""The order panel's quote header: the symbol's name, its price and change coloured by
direction (with sign and arrow, never colour alone), and the day's price limits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kisdesk.domain.direction import direction_from_sign
from kisdesk.domain.format import fmt_change, fmt_krw, fmt_rate
from kisdesk.domain.symbols import Symbol
from kisdesk.i18n import translate
from kisdesk.kis.records import DomesticQuote
from kisdesk.models.palette import Palette

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
