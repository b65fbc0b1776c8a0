"""The account by value: a donut of the holdings (domestic and overseas, in KRW) with a legend of
names, weights and values. Click a slice or a legend row, or move with ↑/↓ and press Enter, to
select that holding in its table.

Sums and weights are Decimal; only the angles are floats. Overseas rows without a won value
(no exchange rate posted yet) are left out and the view says how many.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kisdesk.domain.format import fmt_krw
from kisdesk.i18n import translate
from kisdesk.kis.records import DomesticHolding
from kisdesk.services.overseas import OverseasRow

MAX_SLICES = 12  # the rest are one "others" slice
COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#b07aa1",
    "#edc948",
    "#76b7b2",
    "#ff9da7",
    "#9c755f",
    "#af7aa1",
    "#86bcb6",
    "#d4a6c8",
    "#8cd17d",
)
OTHERS_COLOUR = "#bab0ac"


@dataclass(frozen=True)
class Slice:
    name: str
    code: str
    value: Decimal  # KRW
    record: DomesticHolding | OverseasRow | None = None  # the holding; None for "others"

    @property
    def overseas(self) -> bool:
        return self.record is not None and bool(getattr(self.record, "exchange", ""))


def slices_of(
    domestic: list[DomesticHolding], overseas: list[OverseasRow]
) -> tuple[list[Slice], int]:
    """(slices largest first, overseas rows left out for want of a won value)."""
    out = [Slice(h.name, h.code, Decimal(h.eval_amount), h) for h in domestic if h.eval_amount > 0]
    missing = 0
    for r in overseas:
        value = getattr(r, "eval_krw", None)
        if value is None:
            missing += 1
        elif value > 0:
            out.append(Slice(r.name, r.code, Decimal(value), r))
    out.sort(key=lambda s: s.value, reverse=True)
    if len(out) > MAX_SLICES:
        rest = out[MAX_SLICES - 1 :]
        name = translate("Allocation", "Others ({n})").format(n=len(rest))
        out = [*out[: MAX_SLICES - 1], Slice(name, "", sum((s.value for s in rest), Decimal(0)))]
    return out, missing


def weight(value: Decimal, total: Decimal) -> Decimal:
    """Percent with two decimals (half-up, as every rate on screen)."""
    if not total:
        return Decimal("0.00")
    return (value * 100 / total).quantize(Decimal("0.01"))


class AllocationView(QWidget):
    holding_chosen = Signal(object)  # the record of the chosen slice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allocationView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(360, 240)
        self.slices: list[Slice] = []
        self.total = Decimal(0)
        self.missing = 0
        self.current = 0
        self._legend_rows: list[QRectF] = []
        self._donut = QRectF()

    def set_holdings(self, domestic: list[DomesticHolding], overseas: list[OverseasRow]) -> None:
        chosen = self.slices[self.current].code if self.slices else None
        self.slices, self.missing = slices_of(domestic, overseas)
        self.total = sum((s.value for s in self.slices), Decimal(0))
        codes = [s.code for s in self.slices]
        self.current = codes.index(chosen) if chosen in codes else 0
        self.update()

    def weights(self) -> list[tuple[str, Decimal]]:
        return [(s.name, weight(s.value, self.total)) for s in self.slices]

    # -- choosing -------------------------------------------------------------------------------
    def choose(self, index: int) -> None:
        if 0 <= index < len(self.slices):
            self.current = index
            self.update()
            record = self.slices[index].record
            if record is not None:
                self.holding_chosen.emit(record)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Right) and self.slices:
            self.current = (self.current + 1) % len(self.slices)
            self.update()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left) and self.slices:
            self.current = (self.current - 1) % len(self.slices)
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.choose(self.current)
        else:
            super().keyPressEvent(event)

    def slice_at(self, pos: QPointF) -> int:
        for i, row in enumerate(self._legend_rows):
            if row.contains(pos):
                return i
        c = self._donut.center()
        dx, dy = pos.x() - c.x(), pos.y() - c.y()
        r = math.hypot(dx, dy)
        outer = self._donut.width() / 2
        if not self.slices or not (outer * 0.55 <= r <= outer) or not self.total:
            return -1
        # Qt angles: 0 at three o'clock, counter-clockwise; slices start at twelve, clockwise.
        angle = (math.degrees(math.atan2(-dy, dx)) - 90) % 360
        clockwise = (360 - angle) % 360
        start = 0.0
        for i, s in enumerate(self.slices):
            span = float(s.value / self.total) * 360
            if start <= clockwise < start + span:
                return i
            start += span
        return len(self.slices) - 1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.slice_at(event.position())
        if index >= 0:
            self.choose(index)
        super().mousePressEvent(event)

    # -- painting -------------------------------------------------------------------------------
    def colour(self, index: int) -> QColor:
        s = self.slices[index]
        return QColor(OTHERS_COLOUR if s.record is None else COLOURS[index % len(COLOURS)])

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        text_colour = self.palette().text().color()
        if not self.slices:
            p.setPen(text_colour)
            p.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, translate("Allocation", "No holdings")
            )
            return
        margin = 16
        side = min(self.height() - 2 * margin, int(self.width() * 0.45))
        self._donut = QRectF(margin, (self.height() - side) / 2, side, side)
        start = 90 * 16
        for i, s in enumerate(self.slices):
            span = -round(float(s.value / self.total) * 360 * 16)
            p.setPen(QPen(self.palette().base().color(), 2))
            p.setBrush(self.colour(i))
            rect = self._donut
            if i == self.current:
                rect = self._donut.adjusted(-6, -6, 6, 6)
            p.drawPie(rect, start, span)
            start += span
        hole = self._donut.adjusted(side * 0.225, side * 0.225, -side * 0.225, -side * 0.225)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.palette().base())
        p.drawEllipse(hole)
        p.setPen(text_colour)
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(
            hole,
            Qt.AlignmentFlag.AlignCenter,
            translate("Allocation", "Total\n{krw} KRW").format(krw=fmt_krw(self.total)),
        )
        p.setFont(self.font())
        self._paint_legend(p, self._donut.right() + 2 * margin, text_colour)

    def _paint_legend(self, p: QPainter, left: float, text_colour: QColor) -> None:
        fm = self.fontMetrics()
        line = fm.height() + 6
        top = max(8.0, (self.height() - line * (len(self.slices) + 1)) / 2)
        width = self.width() - left - 8
        self._legend_rows = []
        for i, s in enumerate(self.slices):
            row = QRectF(left, top + i * line, width, line)
            self._legend_rows.append(row)
            if i == self.current:
                p.fillRect(row, self.palette().highlight())
                p.setPen(self.palette().highlightedText().color())
            else:
                p.setPen(text_colour)
            p.fillRect(QRectF(row.left() + 4, row.top() + 5, line - 10, line - 10), self.colour(i))
            name = s.name + (f" ({s.code})" if s.code else "")
            text_rect = row.adjusted(line + 2, 0, -4, 0)
            figures = f"{weight(s.value, self.total)}%   {fmt_krw(s.value)}"
            fig_w = fm.horizontalAdvance(figures)
            name = fm.elidedText(
                name, Qt.TextElideMode.ElideRight, int(text_rect.width() - fig_w - 12)
            )
            p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
            p.drawText(
                text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, figures
            )
        if self.missing:
            p.setPen(text_colour)
            note = translate("Allocation", "{n} overseas holding(s) without a won value left out")
            p.drawText(
                QRectF(left, top + len(self.slices) * line, width, line),
                Qt.AlignmentFlag.AlignVCenter,
                note.format(n=self.missing),
            )
