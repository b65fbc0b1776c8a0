"""The chart's own graphics items (pyqtgraph): candles, volume bars and the axes.

Bars sit at x = 0 … n-1 (one per bar, no gaps for nights and weekends). A frame must not cost
a Python loop over the bars, so the bar items draw from shapes made ahead:

- the bars are cut into chunks of ``CHUNK`` slots, each made once (when it first comes into
  view) into ready lists of body rectangles and wick lines per colour, drawn in one call each;
  a frame draws only the chunks the exposed rectangle touches. (Measured here: replaying the
  same chunk from a QPicture costs twice the direct calls, and filling one path of bodies per
  colour, fast for short candles, takes tens of milliseconds once many tall bars share the
  same scanlines, as volume bars do);
- zoomed out below ``MIN_SLOT_PX`` pixels a bar, a slot stands for k bars (k a power of two):
  the first open, the last close, the highest high, the lowest low (so the price extremes on
  screen are the real ones), and the k bars' average volume (the axis still reads per bar).
  A frame then draws at most a couple of primitives per pixel column, for 50 bars or 20,000;
- the last slot is made afresh each frame, so a tick never invalidates a chunk.

Prices are drawn as floats (the screen needs coordinates); every number shown as text comes
from the Decimal bars.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPen,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem

BODY = 0.7  # a body's width in bar slots
CHUNK = 256  # slots recorded per picture
MIN_SLOT_PX = 3.0  # narrower than this, neighbouring bars are merged into one slot


def directions(o: np.ndarray, c: np.ndarray) -> np.ndarray:
    """True where a bar rose: closed above its open, or (a doji) not below the close before."""
    prev = np.concatenate(([c[0]] if len(c) else [], c[:-1]))
    return np.where(c != o, c > o, c >= prev)


def merge_factor(px_per_bar: float) -> int:
    """Bars per slot at this zoom: 1, or the smallest power of two giving slots of at least
    MIN_SLOT_PX pixels."""
    if px_per_bar >= MIN_SLOT_PX or px_per_bar <= 0:
        return 1
    return 1 << math.ceil(math.log2(MIN_SLOT_PX / px_per_bar))


@dataclass
class Chunk:
    """CHUNK slots of one level, ready to draw: per colour (0 fell, 1 rose) the bodies (or
    volume bars) and the wicks."""

    bodies: tuple[list[QRectF], list[QRectF]]
    wicks: tuple[list[QLineF], list[QLineF]]


@dataclass
class Level:
    """The bars merged k to a slot (k = 1: the bars themselves) and their chunks made so far."""

    k: int
    o: np.ndarray
    h: np.ndarray
    l: np.ndarray  # noqa: E741 (o, h, l, c)
    c: np.ndarray
    v: np.ndarray
    up: np.ndarray
    chunks: dict[int, Chunk] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.o)


class DataItem(pg.GraphicsObject):
    """A chart item with a bounding rectangle kept by its data (never measured in a frame)."""

    def __init__(self) -> None:
        super().__init__()
        # The exposed rectangle in paint(): only the chunks in view are drawn.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self._bounds = QRectF()

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def _moved(self, bounds: QRectF) -> None:
        """The data changed within or beyond ``bounds`` (the new bounding rectangle)."""
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.update()


class BarsItem(DataItem):
    """Candles (``volume=False``) or volume bars coloured like their candle."""

    def __init__(self, *, volume: bool = False) -> None:
        super().__init__()
        self.volume = volume
        self.o = self.h = self.l = self.c = self.v = np.zeros(0)
        self.up = np.zeros(0, dtype=bool)
        self._levels: dict[int, Level] = {}
        self._pens = (QPen(), QPen())
        self._brushes = (QBrush(), QBrush())
        self.drawn_factor = 1  # bars per slot in the last frame (for tests and benches)
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

    def colour(self, rose: bool) -> QColor:
        return self._brushes[1 if rose else 0].color()

    # -- data -------------------------------------------------------------------------------------
    def set_data(self, o: Any, h: Any, low: Any, c: Any, v: Any) -> None:
        self.o, self.h, self.l, self.c, self.v = (
            np.array(a, dtype=float) for a in (o, h, low, c, v)
        )
        self.up = directions(self.o, self.c)
        self._levels = {}
        self._moved(self._measure())

    def set_last(self, o: float, h: float, low: float, c: float, v: float) -> None:
        """The last bar moved (a tick): only the last slot of each level changes, and no chunk
        holds it."""
        n = len(self.o)
        if not n:
            return
        i = n - 1
        self.o[i], self.h[i], self.l[i], self.c[i], self.v[i] = o, h, low, c, v
        prev = self.c[i - 1] if i else c
        self.up[i] = c > o if c != o else c >= prev
        for level in self._levels.values():
            if level.k > 1:
                self._merge_last(level)
        self._moved(self._measure_last())

    def level(self, k: int) -> Level:
        """The bars merged ``k`` to a slot, made on first use (numpy, no Python loop)."""
        found = self._levels.get(k)
        if found is not None:
            return found
        if k == 1:
            made = Level(1, self.o, self.h, self.l, self.c, self.v, self.up)
        else:
            n = len(self.o)
            starts = np.arange(0, n, k)
            ends = np.minimum(starts + k, n) - 1
            o, c = self.o[starts], self.c[ends]
            made = Level(
                k,
                o,
                np.maximum.reduceat(self.h, starts) if n else np.zeros(0),
                np.minimum.reduceat(self.l, starts) if n else np.zeros(0),
                c,
                np.add.reduceat(self.v, starts) / (ends - starts + 1) if n else np.zeros(0),
                directions(o, c),
            )
        self._levels[k] = made
        return made

    def _merge_last(self, level: Level) -> None:
        g = len(level) - 1
        lo = g * level.k
        level.h[g] = self.h[lo:].max()
        level.l[g] = self.l[lo:].min()
        level.c[g] = self.c[-1]
        level.v[g] = self.v[lo:].mean()
        o, c = level.o[g], level.c[g]
        prev = level.c[g - 1] if g else c
        level.up[g] = c > o if c != o else c >= prev

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
    def paint(self, p: QPainter, option: Any, *args: Any) -> None:
        n = len(self.o)
        if not n:
            return
        exposed = option.exposedRect if option is not None else self._bounds
        level = self.level(merge_factor(abs(p.worldTransform().m11())))
        self.drawn_factor = level.k
        k, m = level.k, len(level)
        s0 = max(0, math.floor((exposed.left() + 0.5) / k))
        s1 = min(m, math.ceil((exposed.right() + 0.5) / k) + 1)  # slots [s0, s1)
        if s1 <= s0:
            return
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        kept = m - 1  # the last slot moves with ticks: never kept in a chunk, drawn as it is
        for index in range(s0 // CHUNK, (min(s1, kept) - 1) // CHUNK + 1):
            if index * CHUNK >= kept:
                break
            chunk = level.chunks.get(index)
            if chunk is None:
                start = index * CHUNK
                chunk = level.chunks[index] = self._chunk(level, start, min(start + CHUNK, kept))
            self._draw(p, chunk)
        if s1 == m:
            self._draw(p, self._chunk(level, m - 1, m))
        p.restore()

    def _draw(self, p: QPainter, chunk: Chunk) -> None:
        for rose in (0, 1):
            p.setPen(self._pens[rose])
            p.setBrush(self._brushes[rose])
            if chunk.wicks[rose]:
                p.drawLines(chunk.wicks[rose])
            if chunk.bodies[rose]:
                p.drawRects(chunk.bodies[rose])

    def _chunk(self, level: Level, s0: int, s1: int) -> Chunk:
        """Slots [s0, s1) of ``level`` as rectangles and lines (made once per chunk). A body
        with no height is drawn by its outline: the flat tick across the wick."""
        half = level.k * BODY / 2
        bodies: tuple[list[QRectF], list[QRectF]] = ([], [])
        wicks: tuple[list[QLineF], list[QLineF]] = ([], [])
        up = level.up[s0:s1]
        for rose in (0, 1):
            idx = np.flatnonzero(up == bool(rose)) + s0
            if not len(idx):
                continue
            xs = (idx * level.k + (level.k - 1) / 2).tolist()
            if self.volume:
                volumes = level.v[idx].tolist()
                bodies[rose].extend(
                    QRectF(x - half, 0.0, 2 * half, v) for x, v in zip(xs, volumes, strict=True)
                )
                continue
            tops = np.maximum(level.o[idx], level.c[idx]).tolist()
            bottoms = np.minimum(level.o[idx], level.c[idx]).tolist()
            bodies[rose].extend(
                QRectF(x - half, b, 2 * half, t - b)
                for x, b, t in zip(xs, bottoms, tops, strict=True)
            )
            lows, highs = level.l[idx].tolist(), level.h[idx].tolist()
            wicks[rose].extend(
                QLineF(x, lo, x, hi) for x, lo, hi in zip(xs, lows, highs, strict=True)
            )
        return Chunk(bodies, wicks)


class LineItem(DataItem):
    """A line through one value per bar (a moving average; NaN where it has no value yet),
    drawn like the bars: a path per chunk of CHUNK points, made once and drawn only when in
    view; zoomed out, through every k-th bar (and the last)."""

    def __init__(self, colour: str) -> None:
        super().__init__()
        self.pen = QPen(QColor(colour))
        self.pen.setCosmetic(True)
        self.y = np.zeros(0)
        self._paths: dict[tuple[int, int], QPainterPath] = {}  # (k, chunk) → path

    def set_data(self, y: np.ndarray) -> None:
        self.y = np.array(y, dtype=float)
        self._paths = {}
        self._moved(self._measure())

    def set_last(self, value: float) -> None:
        """The last value moved: only the paths through it are made again."""
        n = len(self.y)
        if not n:
            return
        self.y[-1] = value
        for key in [key for key in self._paths if (key[1] + 1) * CHUNK >= self._count(key[0]) - 1]:
            del self._paths[key]
        self._moved(self._measure())

    def _count(self, k: int) -> int:
        """Points of the line at k bars a point."""
        n = len(self.y)
        return (n + k - 1) // k + (1 if k > 1 and (n - 1) % k else 0)

    def _xs(self, k: int) -> np.ndarray:
        n = len(self.y)
        xs = np.arange(0, n, k)
        if k > 1 and xs[-1] != n - 1:
            xs = np.append(xs, n - 1)
        return xs

    def _measure(self) -> QRectF:
        finite = self.y[np.isfinite(self.y)]
        if not len(finite):
            return QRectF()
        lo, hi = float(finite.min()), float(finite.max())
        return QRectF(0.0, lo, float(len(self.y) - 1), max(hi - lo, 1e-9))

    def paint(self, p: QPainter, option: Any, *args: Any) -> None:
        if self._bounds.isNull():
            return
        exposed = option.exposedRect if option is not None else self._bounds
        k = merge_factor(abs(p.worldTransform().m11()))
        count = self._count(k)
        j0 = max(0, math.floor(exposed.left() / k) - 1)
        j1 = min(count, math.ceil(exposed.right() / k) + 2)
        if j1 <= j0:
            return
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(self.pen)
        xs: np.ndarray | None = None
        for chunk in range(j0 // CHUNK, (j1 - 1) // CHUNK + 1):
            path = self._paths.get((k, chunk))
            if path is None:
                if xs is None:
                    xs = self._xs(k)
                path = self._paths[(k, chunk)] = self._path(xs, chunk)
            p.drawPath(path)
        p.restore()

    def _path(self, xs: np.ndarray, chunk: int) -> QPainterPath:
        """Points chunk·CHUNK … (chunk+1)·CHUNK (one shared with the next chunk), finite ones."""
        part = xs[chunk * CHUNK : (chunk + 1) * CHUNK + 1]
        y = self.y[part]
        keep = np.isfinite(y)
        if keep.sum() < 2:
            return QPainterPath()
        return pg.arrayToQPath(part[keep].astype(float), y[keep], connect="all")


class LeanAxis(pg.AxisItem):
    """pyqtgraph's axis, drawn lean: it moves on every pan, and pyqtgraph's own drawing (three
    tick levels, every label measured and recorded into a picture each time) was half of a
    frame. Here: one level of ticks from ``ticks()``, each label laid out once (QStaticText,
    kept per text) and drawn straight to the screen."""

    GAP_PX = 40.0  # least room between two labels along the axis

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)
        self._texts: dict[str, QStaticText] = {}
        self._font_key = ""

    def ticks(self, lo: float, hi: float, pixels: float) -> list[tuple[float, str]]:
        """(value, label) pairs for the range ``lo`` … ``hi`` spread over ``pixels``."""
        raise NotImplementedError

    def _static(self, text: str, font: QFont) -> QStaticText:
        key = font.key()
        if key != self._font_key or len(self._texts) > 4000:
            self._texts.clear()
            self._font_key = key
        found = self._texts.get(text)
        if found is None:
            found = self._texts[text] = QStaticText(text)
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.prepare(QTransform(), font)
        return found

    def paint(self, p: QPainter, *args: Any) -> None:
        lo, hi = self.range
        bounds = self.mapRectFromParent(self.geometry())
        vertical = self.orientation in ("left", "right")
        length = bounds.height() if vertical else bounds.width()
        if not hi > lo or length <= 0:
            return
        font = self.style["tickFont"] or p.font()
        p.setFont(font)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(self.pen())
        if vertical:
            x = bounds.left() if self.orientation == "right" else bounds.right()
            p.drawLine(QPointF(x, bounds.top()), QPointF(x, bounds.bottom()))
        else:
            y = bounds.top() if self.orientation == "bottom" else bounds.bottom()
            p.drawLine(QPointF(bounds.left(), y), QPointF(bounds.right(), y))
        tick = 5.0
        scale = length / (hi - lo)
        text_pen = self.textPen()
        for value, label in self.ticks(lo, hi, length):
            static = self._static(label, font)
            size = static.size()
            p.setPen(self.pen())
            if vertical:
                at = bounds.bottom() - (value - lo) * scale
                if (
                    at - size.height() / 2 < bounds.top()
                    or at + size.height() / 2 > bounds.bottom()
                ):
                    continue
                sign = 1.0 if self.orientation == "right" else -1.0
                p.drawLine(QPointF(x, at), QPointF(x + sign * tick, at))
                left = x + tick + 3 if sign > 0 else x - tick - 3 - size.width()
                p.setPen(text_pen)
                p.drawStaticText(QPointF(left, at - size.height() / 2), static)
            else:
                at = bounds.left() + (value - lo) * scale
                if at - size.width() / 2 < bounds.left() or at + size.width() / 2 > bounds.right():
                    continue
                p.drawLine(QPointF(at, y), QPointF(at, y + tick))
                p.setPen(text_pen)
                p.drawStaticText(QPointF(at - size.width() / 2, y + tick + 1), static)


def nice_step(span: float, count: float, *, nearest: bool = False) -> float:
    """The 1-2-5 step for about ``count`` intervals over ``span``: the smallest giving at most
    ``count`` of them, or (``nearest``) the one closest to span / count."""
    raw = span / max(count, 1.0)
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    steps = [f * power for f in (1, 2, 5, 10)]
    if nearest:
        return min(steps, key=lambda step: abs(math.log(step / raw)))
    return next(step for step in steps if step >= raw)


class TimeAxis(LeanAxis):
    """Bar indices labelled with their bar's time (HH:MM for minutes, dates otherwise), at a
    whole number of bars apart."""

    GAP_PX = 110.0

    def __init__(self, orientation: str = "bottom") -> None:
        super().__init__(orientation)
        self.labels: Sequence[str] = ()

    def ticks(self, lo: float, hi: float, pixels: float) -> list[tuple[float, str]]:
        step = max(1, round(nice_step(hi - lo, pixels / self.GAP_PX)))
        first = max(0, math.ceil(lo / step) * step)
        last = min(len(self.labels) - 1, math.floor(hi))
        return [(float(i), self.labels[i]) for i in range(first, last + 1, step)]


class PriceAxis(LeanAxis):
    """Prices with thousands separators (no SI prefixes: 75,000 not 75k); volumes compact."""

    def __init__(self, orientation: str = "right", *, volume: bool = False) -> None:
        super().__init__(orientation)
        self.volume = volume

    GAP_PX = 30.0

    def ticks(self, lo: float, hi: float, pixels: float) -> list[tuple[float, str]]:
        step = nice_step(hi - lo, pixels / self.GAP_PX, nearest=True)
        first = math.ceil(lo / step)
        values = [k * step for k in range(first, math.floor(hi / step) + 1)]
        if self.volume:
            return [(v, _compact(v)) for v in values if v > 0]
        places = 0 if step >= 1 else min(4, max(0, -math.floor(math.log10(step))))
        return [(v, f"{v:,.{places}f}") for v in values]


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
