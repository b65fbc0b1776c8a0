"""The chart's plot with the simulator's own daily history of 005930 (5,000 bars): what it draws
zoomed out (a slot per k bars with the bars' real extremes, every part of the history on
screen), what a tick changes, and the KRX price limits, which stay on screen wherever the view
is (in range when near the bars, pinned to the edge with an arrow when far)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtGui import QColor

from kisdesk.kis.charts import ChartBar

UP, DOWN = "#d0312d", "#1f5fbf"


@pytest.fixture
def view(qtbot: Any) -> Any:
    from kisdesk.ui.chart.view import ChartView

    made = ChartView()
    qtbot.addWidget(made)
    made.resize(1200, 420)
    made.show()
    qtbot.waitExposed(made)
    return made


def labels_of(bars: list[ChartBar]) -> list[str]:
    return [b.at.strftime("%Y-%m-%d") for b in bars]


def merged(bars: list[ChartBar], k: int) -> list[tuple[float, float, float, float, float]]:
    """The bars k to a slot from the first, written out: first open, highest high, lowest low,
    last close, average volume."""
    out = []
    for i in range(0, len(bars), k):
        group = bars[i : i + k]
        out.append(
            (
                float(group[0].open),
                float(max(b.high for b in group)),
                float(min(b.low for b in group)),
                float(group[-1].close),
                float(sum(b.volume for b in group)) / len(group),
            )
        )
    return out


def painted(qtbot: Any, view: Any) -> None:
    view.repaint()
    qtbot.wait(10)


def test_zoomed_out_a_slot_stands_for_k_bars_with_their_real_extremes(qtbot, view, daily_history):
    bars = daily_history(5000)
    view.set_bars(bars, labels_of(bars))
    painted(qtbot, view)
    assert view.candles.drawn_factor == 1  # 120 bars in view: every bar its own candle
    view.count = float(len(bars))
    view.home()
    painted(qtbot, view)
    k = view.candles.drawn_factor
    assert k > 1 and view.vol_bars.drawn_factor == k
    level, volume = view.candles.level(k), view.vol_bars.level(k)
    drawn = list(
        zip(level.o.tolist(), level.h.tolist(), level.l.tolist(), level.c.tolist(), strict=True)
    )
    want = merged(bars, k)
    assert drawn == [w[:4] for w in want]
    assert volume.v.tolist() == pytest.approx([w[4] for w in want])
    # What a chunk holds is what the levels say: wicks from low to high at each slot's centre.
    chunk = view.candles._chunk(level, 0, 8)
    wicks = sorted((line.x1(), line.y1(), line.y2()) for side in chunk.wicks for line in side)
    assert wicks == [(s * k + (k - 1) / 2, want[s][2], want[s][1]) for s in range(8)]
    # Every part of the history is on screen: candle colours in each tenth of the plot.
    image = view.grab().toImage()
    area = view.price.getViewBox().sceneBoundingRect().toRect()
    colours = {QColor(UP).rgb(), QColor(DOWN).rgb()}
    step = area.width() // 10
    for tenth in range(10):
        x0 = area.left() + tenth * step
        found = any(
            image.pixel(x, y) in colours
            for x in range(x0, x0 + step, 2)
            for y in range(area.top(), area.bottom(), 2)
        )
        assert found, f"no candle drawn in tenth {tenth} of the plot"


def test_a_tick_moves_the_last_slot_of_every_level(qtbot, view, daily_history):
    bars = daily_history(3000)
    view.set_bars(bars, labels_of(bars))
    view.count = float(len(bars))
    view.home()
    painted(qtbot, view)
    k = view.candles.drawn_factor
    assert k > 1
    last = bars[-1]
    high = last.high + 5000
    moved = [*bars[:-1], ChartBar(last.at, last.open, high, last.low, high, last.volume + 10)]
    view.set_last(moved, labels_of(moved))
    painted(qtbot, view)
    assert view.candles.level(k).h[-1] == float(high) == view.candles.level(k).c[-1]
    assert view.candles.level(1).h[-1] == float(high)
    assert view.vol_bars.level(k).v[-1] == pytest.approx(merged(moved, k)[-1][4])
    assert view.last_line.value() == float(high)
    assert view.y_range[1] >= float(high)


def limits_far_and_near(bars: list[ChartBar]) -> tuple[float, float]:
    shown = bars[-120:]
    return float(min(b.low for b in shown)), float(max(b.high for b in shown))


def tag_on_screen(view: Any, tag: Any) -> bool:
    """Shown, and wholly inside the price plot (half a pixel of rounding allowed)."""
    box = tag.sceneBoundingRect()
    return tag.isVisible() and view.price.getViewBox().sceneBoundingRect().adjusted(
        -0.5, -0.5, 0.5, 0.5
    ).contains(box)


def test_far_limits_are_pinned_to_the_edges_with_an_arrow(qtbot, view, daily_history):
    from kisdesk.i18n import translate

    bars = daily_history(400)
    lo, hi = limits_far_and_near(bars)
    upper, lower = Decimal(round(hi * 1.6, -2)), Decimal(round(lo * 0.4, -2))
    view.set_bars(bars, labels_of(bars))
    view.set_limits(upper, lower, 0)
    painted(qtbot, view)
    up_tag, down_tag = view.limit_tags
    assert tag_on_screen(view, up_tag) and tag_on_screen(view, down_tag)
    assert view.limit_states == ("edge", "edge")
    y0, y1 = view.y_range
    assert y1 < float(upper) and y0 > float(lower)  # the bars fill the plot, not the limits
    assert up_tag.textItem.toPlainText() == f"▲ {translate('Chart', 'Upper limit')} {upper:,}"
    assert down_tag.textItem.toPlainText() == f"▼ {translate('Chart', 'Lower limit')} {lower:,}"
    assert up_tag.pos().y() == y1 and down_tag.pos().y() == y0
    # Wherever the view goes, they stay on screen.
    for step in (-60, -60, 200):
        view.pan(step)
        painted(qtbot, view)
        assert tag_on_screen(view, up_tag) and tag_on_screen(view, down_tag)
    view.zoom(3)
    painted(qtbot, view)
    assert tag_on_screen(view, up_tag) and tag_on_screen(view, down_tag)


def test_a_near_limit_is_taken_into_the_range_and_drawn_as_its_line(qtbot, view, daily_history):
    from kisdesk.i18n import translate

    bars = daily_history(400)
    lo, hi = limits_far_and_near(bars)
    upper = Decimal(round(hi + (hi - lo) * 0.2, -2))  # just above the highest bar in view
    lower = Decimal(round(lo * 0.3, -2))
    view.set_bars(bars, labels_of(bars))
    view.set_limits(upper, lower, 0)
    painted(qtbot, view)
    assert view.limit_states == ("line", "edge")
    y0, y1 = view.y_range
    assert y0 < float(upper) < y1
    assert view.upper_line.isVisible() and view.upper_line.value() == float(upper)
    up_tag = view.limit_tags[0]
    assert up_tag.textItem.toPlainText() == f"{translate('Chart', 'Upper limit')} {upper:,}"
    assert up_tag.pos().y() == float(upper) and tag_on_screen(view, up_tag)


def test_the_crosshair_follows_the_mouse_to_where_it_stops(qtbot, view, daily_history):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtTest import QTest

    bars = daily_history(400)
    view.set_bars(bars, labels_of(bars))
    painted(qtbot, view)
    hovered: list[int] = []
    view.hovered.connect(hovered.append)
    vb = view.price.getViewBox()

    def at(i: int) -> QPoint:
        return view.mapFromScene(vb.mapViewToScene(QPointF(i, float(bars[i].close))))

    for i in (len(bars) - 10, len(bars) - 40, len(bars) - 80):
        QTest.mouseMove(view.viewport(), at(i))
        qtbot.waitUntil(lambda i=i: bool(hovered) and hovered[-1] == i, timeout=2000)
        assert view.cross_v.isVisible() and view.cross_v.value() == i
    # A burst of moves (rate-limited on the way), then the mouse rests: the crosshair is there.
    for dx in range(0, 200, 2):
        QTest.mouseMove(view.viewport(), at(len(bars) - 100) + QPoint(dx, 0))
    qtbot.wait(30)
    QTest.mouseMove(view.viewport(), at(len(bars) - 60))
    qtbot.waitUntil(lambda: hovered[-1] == len(bars) - 60, timeout=2000)
    assert view.cross_v.value() == len(bars) - 60
