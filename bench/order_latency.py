"""Time from Enter in the order panel to the order POST arriving at the simulator.

Demo mode as a user runs it: the simulator on 127.0.0.1 on the app's own qasync loop, the real
order panel and order service, confirmation off. Each order is a 1-share limit buy at the current
price (it fills at once). "Arriving" is the moment the simulator's order-cash handler starts,
after aiohttp has read the request.

    python bench/order_latency.py [--orders 50] [--gap 0.3]

The gap between orders lets the reads that follow an order (open orders, executions, buying
power) finish, as they would while a person types the next one; without it the rate limiter's
window, not the send path, would be measured. The panel's double-Enter debounce (0.5 s) is
switched off for the run: it only ever drops a second Enter.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # sets the offscreen platform before Qt loads

ORDER_CASH = "/uapi/domestic-stock/v1/trading/order-cash"


async def run(orders: int, gap: float, code: str) -> list[float]:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

    from kisdesk.config.settings import OrderSettings
    from kisdesk.services.session import DEMO_SEED, connect_to_sim
    from kisdesk.sim.server import SimServer
    from kisdesk.ui import order_panel
    from kisdesk.ui.order_dock import OrderDock

    arrivals: list[float] = []
    sim = SimServer(profile="real", seed=DEMO_SEED, ticker_interval=None)
    spec = sim.specs[ORDER_CASH]

    def timed(server, req):  # type: ignore[no-untyped-def]
        arrivals.append(time.perf_counter())
        return spec.handler(server, req)

    sim.specs[ORDER_CASH] = dataclasses.replace(spec, handler=timed)
    await sim.start()
    session = connect_to_sim(sim, own_sim=True)
    await session.client.ensure_token()

    tmp = tempfile.mkdtemp(prefix="kisdesk-bench-")
    settings = QSettings(str(Path(tmp) / "bench.ini"), QSettings.Format.IniFormat)
    settings.setValue("orders/confirm", False)
    settings.setValue("orders/guard_ticks", 0)
    settings.setValue("orders/guard_amount", "0")
    order_panel.SEND_DEBOUNCE_S = 0.0

    window = QMainWindow()
    window.setCentralWidget(QWidget())
    dock_widget = QDockWidget("Order", window)
    dock = OrderDock(settings)
    dock_widget.setWidget(dock)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock_widget)
    dock.install_shortcuts(window)
    window.show()
    session.start_orders(OrderSettings.load(settings))  # as the app does on connecting
    dock.set_session(session)
    panel = dock.panel

    async def until(predicate, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > end:
                raise TimeoutError("bench: condition not reached")
            await asyncio.sleep(0.002)

    assert panel.load_symbol(code)
    await until(lambda: panel.quote is not None and panel.ticket.buying_power is not None)
    panel.set_quantity(1)
    panel.focus_quantity()
    await until(lambda: panel.submit_button.isEnabled())

    latencies: list[float] = []
    service = dock.service
    assert service is not None
    for i in range(orders):
        await until(lambda: panel.submit_button.isEnabled() and panel.ticket.idle)
        await asyncio.sleep(gap)
        before = len(arrivals)
        pressed = time.perf_counter()
        QTest.keyClick(panel.qty_edit, Qt.Key.Key_Return)
        await until(lambda b=before: len(arrivals) > b)
        latencies.append((arrivals[before] - pressed) * 1000)
        await until(lambda n=i + 1: len(service.tracked) == n and not service.busy)

    dock.set_session(None)
    window.close()
    await session.close()
    QApplication.processEvents()
    return latencies


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=50)
    parser.add_argument("--gap", type=float, default=0.3, help="seconds between orders")
    parser.add_argument("--code", default="005930")
    args = parser.parse_args(argv)

    # The app's set-up: QApplication that outlives its windows, GUI-thread garbage collection.
    latencies = harness.run_qasync(lambda: run(args.orders, args.gap, args.code))
    p99 = harness.percentile(latencies, 0.99)
    print(
        f"order latency, Enter -> POST at the simulator, {len(latencies)} orders: "
        f"p50 {statistics.median(latencies):.2f} ms, p99 {p99:.2f} ms, "
        f"min {min(latencies):.2f} ms, max {max(latencies):.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
