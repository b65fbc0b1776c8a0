#!/usr/bin/env python3
"""Demo prices move from the stream: the app as ``./scripts/demo`` starts it (offscreen, the
simulator in its child process), two screenshots ``--gap`` seconds apart, and what changed
between them: rows whose price moved, the stream's records, and the REST price reads (none
expected: the stream moves the prices).

    .venv/bin/python scripts/demo_live_shots.py [--out shots] [--gap 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
os.environ.setdefault("KISDESK_HOME", tempfile.mkdtemp(prefix="kisdesk-shots-"))

PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price"


async def shots(out: Path, gap: float) -> int:
    import httpx

    from kisdesk.config.settings import open_settings
    from kisdesk.services.controller import AppController

    controller = AppController(open_settings(), "demo", demo_options={"sim_process": True})
    controller.start()
    ok, detail = await asyncio.wait_for(controller.first_load(), 60)
    if not ok:
        print(f"demo did not load: {detail}", file=sys.stderr)
        return 1
    hub = controller.session.hub
    while not (hub.status.live and hub.status.used == hub.status.watched + 1):
        await asyncio.sleep(0.05)
    model = controller.window.holdings.table.model
    sim_url = controller.session.sim.base_url
    out.mkdir(parents=True, exist_ok=True)

    def snapshot(name: str) -> tuple[dict[str, object], int]:
        controller.window.grab().save(str(out / name))
        reads = httpx.get(sim_url + "/__sim/stats", timeout=5).json()["by_path"].get(PRICE, 0)
        return {r.code: (r.price, r.eval_amount) for r in model.records()}, reads

    await asyncio.sleep(0.3)
    first, reads0 = snapshot("demo-live-1.png")
    records0 = hub.records
    await asyncio.sleep(gap)
    second, reads1 = snapshot("demo-live-2.png")
    moved = sorted(code for code in first if first[code] != second.get(code))
    print(
        f"{len(moved)} of {len(first)} rows moved in {gap:g} s ({', '.join(moved[:6])}…); "
        f"{hub.records - records0} stream records; REST price reads {reads1 - reads0}; "
        f"status bar: {controller.window.status.realtime.text()}; shots in {out}/"
    )
    await controller.shutdown()
    return 0 if moved and reads1 == reads0 else 1


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=Path("shots"))
    p.add_argument("--gap", type=float, default=2.0)
    args = p.parse_args()
    import qasync
    from PySide6.QtWidgets import QApplication

    from kisdesk.models.qtfix import pin_bools

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    pin_bools()
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        return runner.run(shots(args.out, args.gap))


if __name__ == "__main__":
    raise SystemExit(main())
