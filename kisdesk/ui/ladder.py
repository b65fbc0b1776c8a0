"""The order book ladder (호가창) beside the order ticket: 10 asks above 10 bids with their sizes,
depth bars proportional to the largest size shown, the last trade marked, and the side totals.

It follows the ticket's symbol through services/ladder_book.py (the hub's book at the order
panel's priority, D12 over REST when the stream does not serve it, the old symbol released) and
repaints at most once a frame (the hub coalesces, Qt folds updates). Picking a level (Enter or
a click) only offers that price to the ticket through ``picked``; the ladder never sends an order.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kisdesk.domain.direction import direction_of
from kisdesk.domain.format import fmt_int, fmt_krw
from kisdesk.i18n import translate
from kisdesk.models.palette import KOREAN, Palette
from kisdesk.services.ladder_book import LadderBook
from kisdesk.services.live_quotes import QuoteKey

LEVELS = 10
ROW_H = 18
ASK_BAR = QColor(31, 95, 191, 48)
BID_BAR = QColor(208, 49, 45, 48)


class OrderLadder(QWidget):
    picked = Signal(object)  # Decimal: the level's price, for the ticket's price field
    escaped = Signal()  # Esc: back to the ticket

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderLadder")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(translate("OrderLadder", "Order book"))
        self.palette_: Palette = KOREAN
        self.ticket: Any = None
        self.model = LadderBook(self)
        self.model.changed.connect(self._on_model)
        self.current = LEVELS - 1  # the best ask; Down from here is the best bid
        self.paints = 0  # repaints (tests: coalesced to the frame)

    # -- wiring ---------------------------------------------------------------------------------
    def attach(self, hub: Any, ticket: Any) -> None:
        """Follow ``ticket``'s symbol with ``hub``'s books; None detaches (no session)."""
        self.ticket = ticket
        self.model.attach(hub, ticket)

    def detach(self) -> None:
        self.model.detach()

    def set_palette(self, palette: Palette) -> None:
        self.palette_ = palette
        self.update()

    @property
    def key(self) -> QuoteKey | None:
        return self.model.key

    @property
    def last(self) -> Decimal | None:
        return self.model.last

    def _on_model(self) -> None:
        if self.model.snapshot is None:
            self.current = LEVELS - 1
        self.update()  # Qt folds the updates of a frame into one paint

    # -- what it shows --------------------------------------------------------------------------
    def levels(self) -> list[tuple[str, Decimal, Decimal]]:
        """Top to bottom: ("ask", price, size) from the 10th ask down to the best, then ("bid",
        …) from the best bid down. Empty levels (price 0) are left out."""
        book = self.model.snapshot
        if book is None:
            return []
        asks = [("ask", p, s) for p, s in zip(book.asks, book.ask_sizes, strict=False) if p]
        bids = [("bid", p, s) for p, s in zip(book.bids, book.bid_sizes, strict=False) if p]
        return asks[:LEVELS][::-1] + bids[:LEVELS]

    def totals(self) -> tuple[Decimal, Decimal]:
        book = self.model.snapshot
        if book is None:
            return Decimal(0), Decimal(0)
        return book.total_ask, book.total_bid

    def expected(self) -> tuple[Decimal, Decimal | None] | None:
        """The call auction's expected price and quantity, when one is on."""
        book = self.model.snapshot
        if book is None or not book.expected_price:
            return None
        return book.expected_price, book.expected_volume

    def current_price(self) -> Decimal | None:
        rows = self.levels()
        if not rows:
            return None
        return rows[min(self.current, len(rows) - 1)][1]

    def prev_close(self) -> Decimal | None:
        quote = getattr(self.ticket, "quote", None)
        if quote is None:
            return None
        return getattr(quote, "prev_close", None) or quote.price - quote.change

    # -- keys and mouse ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        n = len(self.levels())
        if key == Qt.Key.Key_Up and n:
            self.current = max(0, min(self.current, n - 1) - 1)
            self.update()
        elif key == Qt.Key.Key_Down and n:
            self.current = min(n - 1, self.current + 1)
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._pick()
        elif key == Qt.Key.Key_Escape:
            self.escaped.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = int((event.position().y() - ROW_H) // ROW_H)  # the first row is the header
        if 0 <= row < len(self.levels()):
            self.current = row
            self.update()
            self._pick()

    def _pick(self) -> None:
        price = self.current_price()
        if price is not None:
            self.picked.emit(price)

    # -- painting -------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(280, ROW_H * (2 * LEVELS + 3) + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, ROW_H * (2 * LEVELS + 3) + 2)

    def _price_colour(self, price: Decimal) -> QColor:
        base = self.prev_close()
        colour = self.palette_.color(direction_of(price - base)) if base else None
        return QColor(colour) if colour else self.palette().text().color()

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        p = QPainter(self)
        w = self.width()
        text = self.palette().text().color()
        p.fillRect(self.rect(), self.palette().base())
        third = w / 3
        p.setPen(self.palette().mid().color())
        p.drawText(
            QRectF(0, 0, third, ROW_H),
            Qt.AlignmentFlag.AlignCenter,
            translate("OrderLadder", "Ask"),
        )
        p.drawText(
            QRectF(third, 0, third, ROW_H),
            Qt.AlignmentFlag.AlignCenter,
            translate("OrderLadder", "Price"),
        )
        p.drawText(
            QRectF(2 * third, 0, third, ROW_H),
            Qt.AlignmentFlag.AlignCenter,
            translate("OrderLadder", "Bid"),
        )
        rows = self.levels()
        if not rows:
            p.setPen(text)
            p.drawText(
                QRectF(0, ROW_H, w, ROW_H * 3),
                Qt.AlignmentFlag.AlignCenter,
                translate("OrderLadder", "No order book"),
            )
            p.end()
            return
        biggest = max((s for _, _, s in rows), default=Decimal(0)) or Decimal(1)
        bold = QFont(self.font())
        bold.setBold(True)
        focused = self.hasFocus()
        for i, (side, price, size) in enumerate(rows):
            y = ROW_H * (i + 1)
            bar = float(size / biggest) * (third - 4)
            if side == "ask":
                p.fillRect(QRectF(third - 2 - bar, y + 2, bar, ROW_H - 4), ASK_BAR)
                size_rect = QRectF(2, y, third - 6, ROW_H)
            else:
                p.fillRect(QRectF(2 * third + 2, y + 2, bar, ROW_H - 4), BID_BAR)
                size_rect = QRectF(2 * third + 6, y, third - 8, ROW_H)
            p.setPen(text)
            p.setFont(self.font())
            align = Qt.AlignmentFlag.AlignVCenter
            p.drawText(
                size_rect,
                align
                | (Qt.AlignmentFlag.AlignRight if side == "ask" else Qt.AlignmentFlag.AlignLeft),
                fmt_int(size),
            )
            price_rect = QRectF(third, y, third, ROW_H)
            if price == self.last:  # the last trade: framed and bold
                p.setPen(text)
                p.drawRect(price_rect.adjusted(1, 1, -2, -2))
                p.setFont(bold)
            p.setPen(self._price_colour(price))
            p.drawText(price_rect, Qt.AlignmentFlag.AlignCenter, fmt_krw(price))
            if i == min(self.current, len(rows) - 1):
                pen = self.palette().highlight().color()
                pen.setAlpha(255 if focused else 110)
                p.setPen(pen)
                p.drawRect(QRectF(1, y, w - 3, ROW_H - 1))
        asks, bids = self.totals()
        y = ROW_H * (len(rows) + 1)
        p.setFont(self.font())
        p.setPen(text)
        p.drawText(
            QRectF(2, y, third - 6, ROW_H),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            fmt_int(asks),
        )
        p.drawText(
            QRectF(third, y, third, ROW_H),
            Qt.AlignmentFlag.AlignCenter,
            translate("OrderLadder", "Total"),
        )
        p.drawText(
            QRectF(2 * third + 6, y, third - 8, ROW_H),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            fmt_int(bids),
        )
        expected = self.expected()
        if expected is not None:  # pre-open / closing auction
            price, qty = expected
            words = translate("OrderLadder", "Expected {price} × {qty}").format(
                price=fmt_krw(price), qty=fmt_int(qty) if qty is not None else "–"
            )
            p.setPen(self._price_colour(price))
            p.drawText(QRectF(0, y + ROW_H, w, ROW_H), Qt.AlignmentFlag.AlignCenter, words)
        p.end()
