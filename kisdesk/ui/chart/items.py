"""The chart's own graphics items (pyqtgraph): candles, volume bars and a time axis.

Bars sit at x = 0 … n-1 (one per bar, no gaps for nights and weekends). Each item keeps one
QRectF/QLineF per bar and paints only the bars in view with two batched calls per colour, so a
frame costs the same for 50 or 5,000 bars in the series; a tick rebuilds only the last bar.
Prices are drawn as floats (the screen needs coordinates); every number shown as text comes
from the Decimal bars.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

BODY = 0.7  # a body's width in bar slots


def directions(o: np.ndarray, c: np.ndarray) -> np.ndarray:
    """True where a bar rose: closed above its open, or (a doji) not below the close before."""
    prev = np.concatenate(([c[0]] if len(c) else [], c[:-1]))
    return np.where(c != o, c > o, c >= prev)


class BarsItem(pg.GraphicsObject):
    """Candles (``volume=False``) or volume bars coloured like their candle."""

    def __init__(self, *, volume: bool = False) -> None:
        super().__init__()
        self.volume = volume
        self.o = self.h = self.l = self.c = self.v = np.zeros(0)
        self.up = np.zeros(0, dtype=bool)
        self._rects: list[QRectF] = []
        self._wicks: list[QLineF] = []
        self._bounds = QRectF()
        self._pens = (QPen(), QPen())
        self._brushes = (QBrush(), QBrush())
        self.set_colors("#d0312d", "#1f5fbf")

    def set_colors(self, up: str, down: str) -> None:
        pens, brushes = [], []
        for name in (down, up):  # indexed by the rose flag: 0 fell, 1 rose
            pen = QPen(QColor(name))
            pen.setCosmetic(True)
            pens.append(pen)
            brushes.append(QBrush(QColor(name)))
        self._pens = (pens[0], pens[1])
        self._brushes = (brushes[0], brushes[1])
        self.update()

    # -- data -------------------------------------------------------------------------------------
    def set_data(self, o: Any, h: Any, low: Any, c: Any, v: Any) -> None:
        self.prepareGeometryChange()
        self.o, self.h, self.l, self.c, self.v = (
            np.asarray(a, dtype=float) for a in (o, h, low, c, v)
        )
        self.up = directions(self.o, self.c)
        self._rects = [self._rect(i) for i in range(len(self.o))]
        self._wicks = [] if self.volume else [self._wick(i) for i in range(len(self.o))]
        self._bounds = self._measure()
        self.update()

    def set_last(self, o: float, h: float, low: float, c: float, v: float) -> None:
        """The last bar moved (a tick): only it is rebuilt."""
        if not len(self.o):
            return
        i = len(self.o) - 1
        self.o[i], self.h[i], self.l[i], self.c[i], self.v[i] = o, h, low, c, v
        prev = self.c[i - 1] if i else c
        self.up[i] = c > o if c != o else c >= prev
        self._rects[i] = self._rect(i)
        if not self.volume:
            self._wicks[i] = self._wick(i)
        bounds = self._measure_last()
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.update()

    def _rect(self, i: int) -> QRectF:
        if self.volume:
            return QRectF(i - BODY / 2, 0.0, BODY, float(self.v[i]))
        top, bottom = max(self.o[i], self.c[i]), min(self.o[i], self.c[i])
        return QRectF(i - BODY / 2, bottom, BODY, top - bottom)

    def _wick(self, i: int) -> QLineF:
        return QLineF(QPointF(i, self.l[i]), QPointF(i, self.h[i]))

    def _measure(self) -> QRectF:
        n = len(self.o)
        if not n:
            return QRectF()
        lo, hi = (
            (0.0, float(self.v.max()))
            if self.volume
            else (float(self.l.min()), float(self.h.max()))
        )
        return QRectF(-0.5, lo, n, max(hi - lo, 1e-9))

    def _measure_last(self) -> QRectF:
        b = QRectF(self._bounds)
        i = len(self.o) - 1
        lo, hi = (0.0, self.v[i]) if self.volume else (self.l[i], self.h[i])
        if lo < b.top():
            b.setTop(lo)
        if hi > b.bottom():
            b.setBottom(hi)
        return b

    # -- painting ---------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def visible_slice(self) -> tuple[int, int]:
        vb = self.getViewBox()
        n = len(self.o)
        if vb is None:
            return 0, n
        (x0, x1), _ = vb.viewRange()
        return max(0, math.floor(x0)), min(n, math.ceil(x1) + 1)

    def paint(self, p: QPainter, *args: Any) -> None:
        i0, i1 = self.visible_slice()
        if i1 <= i0:
            return
        up = self.up[i0:i1]
        for rose in (0, 1):
            idx = np.flatnonzero(up == bool(rose)) + i0
            if not len(idx):
                continue
            p.setPen(self._pens[rose])
            p.setBrush(self._brushes[rose])
            if not self.volume:
                p.drawLines([self._wicks[i] for i in idx])
            p.drawRects([self._rects[i] for i in idx])


class TimeAxis(pg.AxisItem):
    """Bar indices labelled with their bar's time (HH:MM for minutes, dates otherwise)."""

    def __init__(self, orientation: str = "bottom") -> None:
        super().__init__(orientation)
        self.labels: Sequence[str] = ()

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        out = []
        for v in values:
            i = round(v)
            out.append(self.labels[i] if 0 <= i < len(self.labels) else "")
        return out


class PriceAxis(pg.AxisItem):
    """Prices with thousands separators (no SI prefixes: 75,000 not 75k); volumes compact."""

    def __init__(self, orientation: str = "right", *, volume: bool = False) -> None:
        super().__init__(orientation)
        self.volume = volume
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.volume:
            return [_compact(v) for v in values]
        places = 0 if spacing >= 1 else min(4, max(0, -math.floor(math.log10(spacing))))
        return [f"{v:,.{places}f}" for v in values]


def _compact(v: float) -> str:
    if abs(v) >= 1e9:
        return f"{v / 1e9:.1f}B"
    if abs(v) >= 1e6:
        return f"{v / 1e6:.1f}M"
    if abs(v) >= 1e3:
        return f"{v / 1e3:.0f}K"
    return f"{v:.0f}"


def moving_average(close: np.ndarray, n: int) -> np.ndarray:
    """Simple n-bar average of the closes; NaN until n bars exist (the line starts there)."""
    out = np.full(len(close), np.nan)
    if len(close) >= n:
        sums = np.cumsum(np.concatenate(([0.0], close)))
        out[n - 1 :] = (sums[n:] - sums[:-n]) / n
    return out
