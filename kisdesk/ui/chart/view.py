"""The plot (pyqtgraph): candles over volume on one x axis, moving averages, a crosshair, the
current-price tag and the KRX price limits. Imported only when the chart dock is first shown
(pyqtgraph and numpy cost ~300 ms of imports).

The view is kept as (end, count): the bar after the last one in view and how many bars are in
view; keys and the mouse both move it, and the y axes fit the bars in view (numpy over the
visible slice, once per view change). The fitted range is widened to round steps, so a pan that
does not reach a new high or low leaves the y axes (and their text) as they were.

The price limits are always on screen: a limit near the bars in view is taken into the y range
and drawn as its line; one further away is a tag pinned to the top (upper) or bottom (lower)
edge, with an arrow pointing out of the view.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from kisdesk.i18n import translate
from kisdesk.kis.charts import ChartBar
from kisdesk.ui.chart.items import (
    BarsItem,
    LineItem,
    PriceAxis,
    TimeAxis,
    merge_factor,
    moving_average,
)
from kisdesk.ui.chart.style import MA_COLORS, MA_PERIODS

MIN_BARS, DEFAULT_BARS, MAX_BARS = 20, 120, 20_000
RIGHT_ROOM = 3.0  # empty slots right of the last bar, where the price tag sits
PAD = 0.05  # room above and below the bars in view, as a share of their span
LIMIT_NEAR = 0.35  # a limit within this share of the span beyond the bars is drawn in range
MOUSE_RATE = 60  # crosshair updates a second at most


def snapped(lo: float, hi: float) -> tuple[float, float]:
    """(lo, hi) widened to multiples of a round step (a fifth of the span's power of ten)."""
    span = max(hi - lo, abs(hi) * 1e-6, 1e-9)
    step = 10 ** math.floor(math.log10(span)) / 5
    return math.floor(lo / step) * step, math.ceil(hi / step) * step


def limit_marks(
    lo: float, hi: float, upper: float | None, lower: float | None
) -> tuple[float, float, str, str]:
    """The y range for bars spanning [lo, hi] and where each limit shows: "line" (in range,
    which takes it in when it is near), "edge" (pinned to its edge of the view) or "" (none)."""
    span = max(hi - lo, hi * 0.002, 1e-9)
    states = []
    for value, near in ((upper, hi + span * LIMIT_NEAR), (lower, lo - span * LIMIT_NEAR)):
        if value is None:
            states.append("")
        elif lo <= value <= hi or (value > hi and value <= near) or (value < lo and value >= near):
            states.append("line")
            lo, hi = min(lo, value), max(hi, value)
        else:
            states.append("edge")
    span = max(hi - lo, hi * 0.002, 1e-9)
    y0, y1 = snapped(lo - span * PAD, hi + span * PAD)
    return y0, y1, states[0], states[1]


class ChartView(pg.GraphicsLayoutWidget):
    hovered = Signal(int)  # bar index under the mouse, -1 when none
    reached_start = Signal()  # the view shows the oldest bar: time to load older ones

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.bars: list[ChartBar] = []
        self.end = 0.0
        self.count = float(DEFAULT_BARS)
        self._fitting = False
        self.ci.setContentsMargins(2, 2, 2, 2)
        self.ci.setSpacing(0)

        self.time_axis = TimeAxis("bottom")
        self.price = self.addPlot(row=0, col=0, axisItems={"right": PriceAxis()})
        self.volume = self.addPlot(
            row=1, col=0, axisItems={"bottom": self.time_axis, "right": PriceAxis(volume=True)}
        )
        self.ci.layout.setRowStretchFactor(0, 4)
        self.ci.layout.setRowStretchFactor(1, 1)
        for plot in (self.price, self.volume):
            plot.hideAxis("left")
            plot.showAxis("right")
            plot.getAxis("right").setWidth(72)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            vb = plot.getViewBox()
            vb.setMouseEnabled(x=True, y=False)
            vb.enableAutoRange(x=False, y=False)
        self.price.hideAxis("bottom")
        # Hidden axes need not follow the view (each re-lays out its label on every change).
        for plot, names in (
            (self.price, ("left", "top", "bottom")),
            (self.volume, ("left", "top")),
        ):
            for name in names:
                plot.getAxis(name).unlinkFromView()
        self.volume.setXLink(self.price)
        self.price.getViewBox().sigXRangeChanged.connect(self._on_x_range)

        self.candles = BarsItem()
        self.vol_bars = BarsItem(volume=True)
        self.price.addItem(self.candles)
        self.volume.addItem(self.vol_bars)
        self.ma_lines: dict[int, LineItem] = {}
        for n in MA_PERIODS:
            line = LineItem(MA_COLORS[n])
            line.setZValue(5)
            self.price.addItem(line, ignoreBounds=True)
            self.ma_lines[n] = line

        dash = Qt.PenStyle.DashLine
        self.last_line = pg.InfiniteLine(angle=0, movable=False, pen=pg.mkPen("#555", style=dash))
        self.last_tag = pg.TextItem(anchor=(1, 0.5), fill=pg.mkBrush("#555"), color="w")
        self.upper_line = pg.InfiniteLine(
            angle=0, movable=False, pen=pg.mkPen("#d0312d", style=dash)
        )
        self.lower_line = pg.InfiniteLine(
            angle=0, movable=False, pen=pg.mkPen("#1f5fbf", style=dash)
        )
        self.limit_tags = (pg.TextItem(anchor=(0, 1)), pg.TextItem(anchor=(0, 0)))
        for item in (self.last_line, self.upper_line, self.lower_line):
            item.setZValue(8)
            self.price.addItem(item, ignoreBounds=True)
        for item in (self.last_tag, *self.limit_tags):
            item.setZValue(9)
            self.price.addItem(item, ignoreBounds=True)
        self.limits: tuple[Decimal | None, Decimal | None] = (None, None)
        self.limit_states = ("", "")  # (upper, lower): "line", "edge" or "" (no limit)
        self.y_range = self.volume_range = (0.0, 1.0)
        self.decimals = 0
        self._shown: dict[int, Any] = {}  # what each tag shows now: set again only on change

        cross = pg.mkPen("#888", width=1, style=Qt.PenStyle.DotLine)
        self.cross_v = pg.InfiniteLine(angle=90, movable=False, pen=cross)
        self.cross_h = pg.InfiniteLine(angle=0, movable=False, pen=cross)
        self.cross_v2 = pg.InfiniteLine(angle=90, movable=False, pen=cross)
        self.price.addItem(self.cross_v, ignoreBounds=True)
        self.price.addItem(self.cross_h, ignoreBounds=True)
        self.volume.addItem(self.cross_v2, ignoreBounds=True)
        self.show_cross(False)
        # The crosshair and its readout follow the mouse at most MOUSE_RATE times a second.
        self._mouse_proxy = pg.SignalProxy(
            self.scene().sigMouseMoved, rateLimit=MOUSE_RATE, slot=self._on_mouse_moved
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- data -------------------------------------------------------------------------------------
    def set_colors(self, up: str, down: str) -> None:
        self.candles.set_colors(up, down)
        self.vol_bars.set_colors(up, down)
        self.upper_line.setPen(pg.mkPen(up, style=Qt.PenStyle.DashLine))
        self.lower_line.setPen(pg.mkPen(down, style=Qt.PenStyle.DashLine))
        self._shown.clear()
        self._place_tags()

    def set_bars(self, bars: list[ChartBar], labels: list[str], *, added_before: int = 0) -> None:
        """All bars anew. ``added_before``: that many older bars came in front of those shown,
        so the view stays on the same bars; a new series (0) shows its latest bars."""
        keep = bool(self.bars) and added_before > 0
        self.bars = list(bars)
        self.time_axis.labels = labels
        n = len(bars)
        cols = np.array(
            [(b.open, b.high, b.low, b.close, b.volume) for b in bars], dtype=float
        ).reshape(-1, 5)
        self.candles.set_data(*cols.T)
        self.vol_bars.set_data(*cols.T)
        for p, line in self.ma_lines.items():
            line.set_data(moving_average(cols[:, 3], p))
        if keep:
            self.end += added_before
        else:
            self.end, self.count = float(n), float(DEFAULT_BARS)
        self.apply_view()

    def set_last(self, bars: list[ChartBar], labels: list[str]) -> None:
        """The last bar moved, or a bar was added at the end (a tick): a view on the latest
        bar keeps following it; a view further back stays where it is."""
        if not self.bars or len(bars) != len(self.bars):
            had = bool(self.bars)
            following = self.end >= len(self.bars) - 0.5
            end, count = self.end, self.count
            self.set_bars(bars, labels)
            if had:
                self.count = count
                self.end = float(len(bars)) if following else end
                self.apply_view()
            return
        self.bars = list(bars)
        b = bars[-1]
        last = tuple(float(x) for x in (b.open, b.high, b.low, b.close, b.volume))
        self.candles.set_last(*last)
        self.vol_bars.set_last(*last)
        closes = self.candles.c
        for p, line in self.ma_lines.items():
            if len(closes) >= p:
                line.set_last(float(closes[-p:].mean()))
        self._fit_y()

    def set_limits(self, upper: Decimal | None, lower: Decimal | None, decimals: int) -> None:
        if (upper, lower, decimals) == (*self.limits, self.decimals):
            return
        self.limits = (upper, lower)
        self.decimals = decimals
        self._fit_y()

    def set_ma_visible(self, n: int, on: bool) -> None:
        self.ma_lines[n].setVisible(on)

    # -- the view ---------------------------------------------------------------------------------
    def apply_view(self) -> None:
        n = len(self.bars)
        # More bars than are loaded may be asked for (zooming out): the left stays empty until
        # the older page arrives.
        self.count = min(max(self.count, float(MIN_BARS)), float(MAX_BARS))
        self.end = min(max(self.end, min(self.count, float(n))), float(n))
        self._fitting = True
        try:
            self.price.setXRange(
                self.end - self.count - 0.5, self.end - 0.5 + RIGHT_ROOM, padding=0
            )
        finally:
            self._fitting = False
        self._fit_y()

    def view_range(self) -> tuple[float, float]:
        """(first, last) bar index in view."""
        return self.end - self.count, self.end - 1

    def zoom(self, factor: float) -> None:
        """factor < 1 shows fewer bars (zoom in), keeping the right edge."""
        self.count *= factor
        self.apply_view()
        if self.end - self.count <= 0.5:
            self.reached_start.emit()

    def pan(self, bars: float) -> None:
        self.end += bars
        self.apply_view()
        if self.end - self.count <= 0.5:
            self.reached_start.emit()

    def home(self) -> None:
        self.end = float(len(self.bars))
        self.apply_view()

    def _on_x_range(self, _vb: object, rng: tuple[float, float]) -> None:
        if self._fitting:
            return
        x0, x1 = rng
        self.end = x1 + 0.5 - RIGHT_ROOM
        self.count = max(float(MIN_BARS), x1 - x0 - RIGHT_ROOM)
        self._fit_y()
        if x0 <= 0:
            self.reached_start.emit()

    def _fit_y(self) -> None:
        """Both y axes to the bars in view (numpy on the slice); set only when they change."""
        n = len(self.bars)
        if not n:
            self._place_tags()
            return
        i0 = max(0, int(self.end - self.count))
        i1 = max(i0 + 1, min(n, int(np.ceil(self.end))))
        lo, hi = float(self.candles.l[i0:i1].min()), float(self.candles.h[i0:i1].max())
        upper, lower = (None if v is None else float(v) for v in self.limits)
        y0, y1, *states = limit_marks(lo, hi, upper, lower)
        self.limit_states = (states[0], states[1])
        if (y0, y1) != self.y_range:
            self.y_range = (y0, y1)
            self.price.setYRange(y0, y1, padding=0)
        # Volume: the bars as drawn at this zoom (zoomed out, averages of k bars).
        vb = self.price.getViewBox()
        x0, x1 = vb.viewRange()[0]
        level = self.vol_bars.level(merge_factor(vb.width() / max(x1 - x0, 1e-9)))
        k = level.k
        top = float(level.v[i0 // k : max(i0 // k + 1, -(-i1 // k))].max()) * 1.08 or 1.0
        volume_range = snapped(0.0, top)
        if volume_range != self.volume_range:
            self.volume_range = volume_range
            self.volume.setYRange(*volume_range, padding=0)
        self._place_tags()

    # -- tags and crosshair -----------------------------------------------------------------------
    def _fmt(self, value: Decimal | None) -> str:
        if value is None:
            return ""
        return f"{value:,.{self.decimals}f}"

    def _set_tag(
        self,
        tag: pg.TextItem,
        text: str,
        colour: QColor,
        anchor: tuple[float, float],
        fill: QColor | None = None,
    ) -> None:
        """Text, colours and anchor of a tag, touched only when they change (a change costs a
        text layout)."""
        state = (text, colour.name(), anchor, None if fill is None else fill.name(QColor.HexArgb))
        if self._shown.get(id(tag)) == state:
            return
        self._shown[id(tag)] = state
        tag.fill = pg.mkBrush(fill) if fill is not None else pg.mkBrush(None)
        tag.setColor(colour)
        tag.setAnchor(anchor)
        tag.setText(text)

    def _place_tags(self) -> None:
        if not self.bars:
            for item in (
                self.last_line,
                self.last_tag,
                self.upper_line,
                self.lower_line,
                *self.limit_tags,
            ):
                item.hide()
            return
        last = self.bars[-1].close
        self.last_line.setPos(float(last))
        self.last_line.show()
        x_tag = self.end - 0.5 + RIGHT_ROOM  # the right edge: the tag never leaves the view
        rose = bool(self.candles.up[-1]) if len(self.candles.up) else True
        fill = self.candles.colour(rose)
        self._set_tag(self.last_tag, self._fmt(last), QColor("white"), (1, 0.5), fill)
        self.last_tag.setPos(x_tag, float(last))
        self.last_tag.show()
        upper, lower = self.limits
        left = max(0.0, self.end - self.count) - 0.5
        y0, y1 = self.y_range
        for line, tag, value, rose, state, edge in (
            (self.upper_line, self.limit_tags[0], upper, True, self.limit_states[0], y1),
            (self.lower_line, self.limit_tags[1], lower, False, self.limit_states[1], y0),
        ):
            if value is None:
                line.hide()
                tag.hide()
                continue
            colour = self.candles.colour(rose)
            name = translate("Chart", "Upper limit" if rose else "Lower limit")
            line.setPos(float(value))
            line.show()
            if state == "line":
                anchor = (0.0, 1.0) if rose else (0.0, 0.0)  # over / under its line
                self._set_tag(tag, f"{name} {self._fmt(value)}", colour, anchor)
                tag.setPos(left, float(value))
            else:  # out of view: pinned inside the edge it lies beyond, pointing at it
                arrow = "▲" if rose else "▼"
                anchor = (0.0, 0.0) if rose else (0.0, 1.0)
                text = f"{arrow} {name} {self._fmt(value)}"
                self._set_tag(tag, text, colour, anchor, QColor(255, 255, 255, 225))
                tag.setPos(left, edge)
            tag.show()

    def show_cross(self, on: bool) -> None:
        for item in (self.cross_v, self.cross_h, self.cross_v2):
            item.setVisible(on)

    def _on_mouse_moved(self, args: tuple[QPointF]) -> None:
        self._on_mouse(args[0])

    def _on_mouse(self, pos: QPointF) -> None:
        vb = self.price.getViewBox()
        inside = self.price.sceneBoundingRect().contains(
            pos
        ) or self.volume.sceneBoundingRect().contains(pos)
        if not inside or not self.bars:
            self.show_cross(False)
            self.hovered.emit(-1)
            return
        point = vb.mapSceneToView(pos)
        i = round(point.x())
        if not 0 <= i < len(self.bars):
            self.show_cross(False)
            self.hovered.emit(-1)
            return
        self.show_cross(True)
        self.cross_v.setPos(i)
        self.cross_v2.setPos(i)
        if self.price.sceneBoundingRect().contains(pos):
            self.cross_h.setPos(point.y())
            self.cross_h.show()
        else:
            self.cross_h.hide()
        self.hovered.emit(i)

    def set_font(self, font: QFont) -> None:
        for plot in (self.price, self.volume):
            for name in ("right", "bottom"):
                plot.getAxis(name).setTickFont(font)
        for tag in (self.last_tag, *self.limit_tags):
            tag.setFont(font)
