"""Memory: RSS after loading the large account and a 2,000-row holdings table.

    python bench/memory.py [--runs 3]

Each run is a fresh process: the app in demo mode as a user runs it (the simulator inside the
app, as ``kisdesk`` starts it) on the simulator's large account: 300 domestic holdings, every
overseas exchange on the overseas tab, a ranking; then the holdings table is given 2,000 rows.
RSS (VmRSS) is read at each step after a garbage collection. A second variant talks to a
simulator in another process (as paper/real talk to KIS), so the app's own share shows.
Target: <= 200 MB after the 2,000 rows.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # sets the offscreen platform before Qt loads

TARGET_MB = 200.0


def rss() -> float:
    gc.collect()
    return round(harness.rss_mb(), 1)


async def child(variant: str) -> dict[str, Any]:
    import gui_updates
    from PySide6.QtCore import QSettings

    from kisdesk.app.controller import AppController

    steps: dict[str, float] = {"qt_app": rss()}
    sim = None
    factory = None
    if variant == "external":
        sim = harness.SimProcess("real", 7)
        factory = harness.session_factory(lambda **kw: harness.session_on(sim, "large"))
    home = Path(os.environ["KISDESK_HOME"])
    settings = QSettings(str(home / "memory.ini"), QSettings.Format.IniFormat)
    controller = AppController(
        settings,
        "demo",
        demo_options={"account": "large", "ticker_interval": 1.0},
        session_factory=factory,
    )
    controller.start()
    ok, detail = await asyncio.wait_for(controller.first_load(), 60)
    assert ok, detail
    steps["holdings_300"] = rss()
    window = controller.window
    window.tabs.setCurrentWidget(window.overseas)
    await harness.until(lambda: window.overseas.snapshot is not None, 60)
    window.tabs.setCurrentWidget(window.rankings)
    window.rankings.refresh()
    await harness.until(lambda: window.rankings.result is not None, 60)
    window.tabs.setCurrentWidget(window.holdings)
    await asyncio.sleep(0.5)
    steps["large_account"] = rss()
    controller.holdings.stop_auto()  # the 2,000 rows stay on screen
    window.holdings.table.model.set_records(gui_updates.holdings(2000))
    await asyncio.sleep(0.5)
    assert window.holdings.table.model.rowCount() == 2000
    steps["rows_2000"] = rss()
    overseas_rows = window.overseas.table.model.rowCount()
    await controller.shutdown()
    if sim is not None:
        sim.close()
    return {"steps": steps, "overseas_rows": overseas_rows}


def run_child(variant: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="kisdesk-bench-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KISDESK_HOME": home}
        proc = subprocess.run(
            [sys.executable, __file__, "--child", variant],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            cwd=harness.ROOT,
        )
    line = [x for x in proc.stdout.splitlines() if x.startswith("CHILD ")]
    if proc.returncode != 0 or not line:
        raise SystemExit(f"memory bench: {variant} failed:\n{proc.stdout}\n{proc.stderr}")
    return json.loads(line[-1][len("CHILD ") :])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=("demo", "external"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        result = harness.run_qasync(lambda: child(args.child))
        print("CHILD " + json.dumps(result), flush=True)
        return 0

    demo, external = [], []
    for i in range(args.runs):
        demo.append(run_child("demo"))
        external.append(run_child("external"))
        print(f"run {i + 1}: demo {demo[-1]['steps']}, external {external[-1]['steps']}")

    def med(runs: list[dict[str, Any]], key: str) -> float:
        return round(harness.median([r["steps"][key] for r in runs]), 1)

    keys = ("qt_app", "holdings_300", "large_account", "rows_2000")
    result = {
        "runs": args.runs,
        **{f"demo_{k}_mb": med(demo, k) for k in keys},
        **{f"external_{k}_mb": med(external, k) for k in keys},
        "overseas_rows": demo[0]["overseas_rows"],
        "target_mb": TARGET_MB,
        "met": med(demo, "rows_2000") <= TARGET_MB,
    }
    print(
        f"RSS after the large account and 2,000 rows, median of {args.runs}: demo (simulator "
        f"inside) {result['demo_rows_2000_mb']} MB, simulator outside "
        f"{result['external_rows_2000_mb']} MB (target <= {TARGET_MB:g})"
    )
    harness.report("memory", {"machine": harness.machine(), **result})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
