"""The chart with 5,000 daily bars: first paint after the data is in, pan/zoom frame times, RSS.

    python bench/chart_paint.py [--bars 5000] [--frames 300]

The bars are the simulator's own daily history of 005930 (made 5,000 business days long here),
as ChartBars with Decimal prices, the shape the chart service hands the dock. The main window
is built at 1480x980 and the chart dock shown (Ctrl+5's path) before the clock starts.

- first paint: ``set_bars`` of all the bars and a synchronous repaint of the plot, each run on a
  fresh series (median and max of 5);
- frame: one key's worth of view change (pan ±10 %, zoom ×0.8 / ×1.25, Home) and the synchronous
  repaint it causes; p50 / p99 over ``--frames`` frames, at the default view (120 bars) and
  zoomed out to all 5,000 bars;
- RSS of the process with the window and the chart open.
Goals (issue 17): first paint ≤ 100 ms, frame p99 ≤ 16 ms, RSS within the app's 200 MB.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # sets the offscreen platform before Qt loads

FIRST_PAINT_GOAL_MS = 100.0
FRAME_GOAL_MS = 16.0


def daily_bars(count: int) -> list[Any]:
    from kisdesk.kis.charts import ChartBar
    from kisdesk.sim import history
    from kisdesk.sim.market import Market

    history.HISTORY_DAYS = count - 1
    market = Market(20260801, datetime(2026, 12, 2, 11, 0))
    q = market.domestic("005930")
    assert q is not None
    made = history.DailyHistory(20260801).bars(q, date(2026, 12, 2))
    bars = [
        ChartBar(
            datetime.combine(b.day, datetime.min.time()), b.open, b.high, b.low, b.close, b.volume
        )
        for b in made
    ]
    bars.append(ChartBar(datetime(2026, 12, 2), q.open, q.high, q.low, q.price, q.volume))
    return bars


def repaint_ms(view: Any, change: Any) -> float:
    start = time.perf_counter()
    change()
    view.viewport().repaint()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bars", type=int, default=5000)
    parser.add_argument("--frames", type=int, default=300)
    args = parser.parse_args()

    app = harness.qt_app()
    import os
    import tempfile

    os.environ.setdefault("KISDESK_HOME", tempfile.mkdtemp(prefix="kisdesk-bench-"))
    from kisdesk.config.settings import open_settings
    from kisdesk.services.charts import Period
    from kisdesk.ui.chart.dock import bar_label
    from kisdesk.ui.main_window import MainWindow

    rss_start = harness.rss_mb()
    window = MainWindow("demo", open_settings())
    window.resize(1480, 980)
    window.show()
    app.processEvents()
    window.focus_chart()
    app.processEvents()
    view = window.chart.ensure_view()
    bars = daily_bars(args.bars)
    labels = [bar_label(b, Period.DAY) for b in bars]
    app.processEvents()

    firsts = []
    for run in range(5):
        series = bars if run % 2 == 0 else list(bars)  # a fresh list each time
        view.set_bars([], [])
        app.processEvents()
        firsts.append(repaint_ms(view, lambda s=series: view.set_bars(s, labels)))
        app.processEvents()

    def frames(n: int) -> list[float]:
        steps = [
            lambda: view.pan(-view.count * 0.1),
            lambda: view.pan(view.count * 0.1),
            lambda: view.zoom(0.8),
            lambda: view.zoom(1.25),
            lambda: view.pan(-view.count * 0.1),
            view.home,
        ]
        out = []
        for i in range(n):
            out.append(repaint_ms(view, steps[i % len(steps)]))
            app.processEvents()
        return out

    default_view = frames(args.frames)
    view.count = float(len(bars))
    view.home()
    app.processEvents()
    all_view = frames(args.frames)
    rss = harness.rss_mb()

    result = {
        "bars": len(bars),
        "plot_px": [view.width(), view.height()],
        "first_paint_ms_median": round(harness.median(firsts), 1),
        "first_paint_ms_max": round(max(firsts), 1),
        "frame_ms_p50_120": round(harness.percentile(default_view, 0.5), 2),
        "frame_ms_p99_120": round(harness.percentile(default_view, 0.99), 2),
        "frame_ms_p50_all": round(harness.percentile(all_view, 0.5), 2),
        "frame_ms_p99_all": round(harness.percentile(all_view, 0.99), 2),
        "rss_mb_start": round(rss_start, 1),
        "rss_mb_chart_open": round(rss, 1),
        "goals": {"first_paint_ms": FIRST_PAINT_GOAL_MS, "frame_p99_ms": FRAME_GOAL_MS},
        "machine": harness.machine(),
    }
    print(
        f"{len(bars)} daily bars, plot {view.width()}x{view.height()}: first paint median "
        f"{result['first_paint_ms_median']} ms (max {result['first_paint_ms_max']}), goal ≤ "
        f"{FIRST_PAINT_GOAL_MS:.0f}"
    )
    print(
        f"pan/zoom frame at 120 bars: p50 {result['frame_ms_p50_120']} ms, p99 "
        f"{result['frame_ms_p99_120']} ms; all {len(bars)} in view: p50 "
        f"{result['frame_ms_p50_all']} ms, p99 {result['frame_ms_p99_all']} ms (goal ≤ 16)"
    )
    print(f"RSS: {result['rss_mb_start']} MB with Qt loaded, {rss:.1f} MB with the chart open")
    harness.report("chart_paint", result)
    window.close()


if __name__ == "__main__":
    main()
