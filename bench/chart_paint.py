"""The chart with 5,000 daily bars: first paint after the data is in, pan/zoom frame times, RSS.

    python bench/chart_paint.py [--bars 5000] [--frames 300] [--repeat 5]

The bars are the simulator's own daily history of 005930 (made 5,000 business days long here),
as ChartBars with Decimal prices, the shape the chart service hands the dock. The main window
is built at 1480x980 and the chart dock shown (Ctrl+5's path) before the clock starts.

- first paint: ``set_bars`` of all the bars and the paint it causes, each run on a fresh
  series (median and max of 5);
- frame: one key's worth of view change (pan ±10 %, zoom ×0.8 / ×1.25, Home) and the event
  processing it causes, paint included, as a key press gets it (one paint a frame, counted);
  p50 / p99 over ``--frames`` frames, at the default view (120 bars) and zoomed out to all
  5,000 bars (there: zoom to 90 % and back, pan ±5 %). Wall time and the GUI thread's CPU time
  per frame: on a shared machine the wall time waits for other processes, the CPU time not;
- RSS of the process with the window and the chart open.

``--repeat N`` runs the bench N times, each in a fresh process, and prints the median of each
figure over the runs (and every run's figures).
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


class Frames:
    """Times one change and the events it causes (its paint included): wall and CPU ms."""

    def __init__(self, app: Any, view: Any) -> None:
        self.app = app
        self.paints = harness.paint_counter(view.viewport())
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self.unpainted = 0

    def run(self, change: Any) -> None:
        before = self.paints.count
        wall, cpu = time.perf_counter(), time.thread_time()
        change()
        for _ in range(20):  # the scene's update is queued: until it has painted
            self.app.processEvents()
            if self.paints.count > before:
                break
        self.wall.append((time.perf_counter() - wall) * 1000)
        self.cpu.append((time.thread_time() - cpu) * 1000)
        self.unpainted += self.paints.count == before

    def figures(self, name: str) -> dict[str, float]:
        return {
            f"{name}_p50": round(harness.percentile(self.wall, 0.5), 2),
            f"{name}_p99": round(harness.percentile(self.wall, 0.99), 2),
            f"{name}_cpu_p50": round(harness.percentile(self.cpu, 0.5), 2),
            f"{name}_cpu_p99": round(harness.percentile(self.cpu, 0.99), 2),
        }


def measure(bar_count: int, frame_count: int) -> dict[str, Any]:
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
    bars = daily_bars(bar_count)
    labels = [bar_label(b, Period.DAY) for b in bars]
    app.processEvents()

    first = Frames(app, view)
    for run in range(5):
        series = bars if run % 2 == 0 else list(bars)  # a fresh list each time
        view.set_bars([], [])
        app.processEvents()
        first.run(lambda s=series: view.set_bars(s, labels))

    def frames(n: int, steps: list[Any]) -> Frames:
        out = Frames(app, view)
        for i in range(n):
            out.run(steps[i % len(steps)])
        return out

    # Every step moves the view (a step that changes nothing would paint nothing).
    around_default = [
        lambda: view.pan(-view.count * 0.1),
        lambda: view.pan(view.count * 0.1),
        lambda: view.zoom(0.8),
        lambda: view.zoom(1.25),
        lambda: view.pan(-view.count * 0.1),
        view.home,
    ]
    default_view = frames(frame_count, around_default)
    view.count = float(len(bars))
    view.home()
    app.processEvents()
    around_all = [  # between 90 % and all of the bars in view
        lambda: view.zoom(0.9),
        lambda: view.pan(-view.count * 0.05),
        lambda: view.pan(view.count * 0.05),
        lambda: view.zoom(1 / 0.9),
    ]
    all_view = frames(frame_count, around_all)
    rss = harness.rss_mb()
    window.close()
    return {
        "bars": len(bars),
        "plot_px": [view.width(), view.height()],
        "first_paint_ms_median": round(harness.median(first.wall), 1),
        "first_paint_ms_max": round(max(first.wall), 1),
        "first_paint_cpu_ms_median": round(harness.median(first.cpu), 1),
        **default_view.figures("frame_ms_120"),
        **all_view.figures("frame_ms_all"),
        "frames_without_paint": default_view.unpainted + all_view.unpainted,
        "rss_mb_start": round(rss_start, 1),
        "rss_mb_chart_open": round(rss, 1),
    }


def summary(r: dict[str, Any]) -> str:
    return (
        f"{r['bars']} daily bars, plot {r['plot_px'][0]}x{r['plot_px'][1]}: first paint "
        f"{r['first_paint_ms_median']} ms (max {r['first_paint_ms_max']}, CPU "
        f"{r['first_paint_cpu_ms_median']}), goal ≤ {FIRST_PAINT_GOAL_MS:.0f}\n"
        f"frame at 120 bars: p50 {r['frame_ms_120_p50']} ms, p99 {r['frame_ms_120_p99']} ms "
        f"(CPU p50 {r['frame_ms_120_cpu_p50']}, p99 {r['frame_ms_120_cpu_p99']}); all "
        f"{r['bars']} in view: p50 {r['frame_ms_all_p50']} ms, p99 {r['frame_ms_all_p99']} ms "
        f"(CPU p50 {r['frame_ms_all_cpu_p50']}, p99 {r['frame_ms_all_cpu_p99']}); "
        f"goal p99 ≤ {FRAME_GOAL_MS:.0f}\n"
        f"RSS: {r['rss_mb_start']} MB with Qt loaded, {r['rss_mb_chart_open']} MB with the "
        "chart open"
    )


def repeated(args: argparse.Namespace) -> dict[str, Any]:
    """``--repeat`` fresh processes; the median of each figure."""
    import json
    import subprocess

    runs = []
    for _ in range(args.repeat):
        cmd = [sys.executable, __file__, "--bars", str(args.bars), "--frames", str(args.frames)]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=True)
        line = next(x for x in out.stdout.splitlines() if x.startswith(harness.BENCH_PREFIX))
        runs.append(json.loads(line[len(harness.BENCH_PREFIX) :]))
        print(summary(runs[-1]), flush=True)
    result: dict[str, Any] = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            result[key] = round(harness.median([r[key] for r in runs]), 2)
    result["runs"] = len(runs)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bars", type=int, default=5000)
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if args.repeat > 1:
        result = repeated(args)
        print(f"median of {args.repeat} runs:")
    else:
        result = measure(args.bars, args.frames)
    print(summary(result))
    result["goals"] = {"first_paint_ms": FIRST_PAINT_GOAL_MS, "frame_p99_ms": FRAME_GOAL_MS}
    result["machine"] = harness.machine()
    harness.report("chart_paint", result)


if __name__ == "__main__":
    main()
