"""Cold start of demo mode: process start to the first painted window, and to the holdings table
painted with its rows.

    python bench/startup.py [--runs 7]

Each run is a new process with an empty KISDESK_HOME (a first launch: no settings, no saved
layout), offscreen. The child runs the app's own entry point (``kisdesk.app.run(["--smoke"])``:
arguments, logging, QApplication, translator, controller, the in-process simulator) with two
event filters added from outside: the main window's first paint, and the holdings view's first
paint with rows in the model. A stamp is taken once the paint's frame is done. Times are
CLOCK_MONOTONIC, shared by parent and child, from just before the parent spawns the child.

In the same run and interleaved, a bare Qt process (PySide6 imports, an empty QMainWindow, first
paint) gives the floor any PySide6 app pays on this machine; the ratio kisdesk / bare is the
machine-independent figure. The OS file cache is not dropped (that needs root): "cold" means a
fresh process, not a cold disk.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # sets the offscreen platform before Qt loads

STAMP = "STAMP "


def _stamp(name: str) -> None:
    print(f"{STAMP}{name} {time.monotonic():.6f}", flush=True)


def _after_frame(name: str) -> None:
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, lambda: _stamp(name))


def child_app(extra: tuple[str, ...] = ()) -> int:
    """The app as ``python -m kisdesk --smoke`` runs it, with paint hooks."""
    from PySide6.QtCore import QEvent, QObject

    import kisdesk.app as app_mod
    from kisdesk.services.controller import AppController

    class FirstPaint(QObject):
        def __init__(self, name: str, ready: Any = None) -> None:
            super().__init__()
            self.name = name
            self.ready = ready or (lambda: True)
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint and self.ready():
                self.done = True
                _after_frame(self.name)
            return False

    filters: list[Any] = []
    table_painted: list[bool] = []
    original_start = AppController.start

    def start(self: AppController) -> None:
        window_paint = FirstPaint("window_painted")
        view = self.window.holdings.table.view

        class TablePaint(FirstPaint):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if not self.done and event.type() == QEvent.Type.Paint and self.ready():
                    self.done = True
                    _after_frame(self.name)
                    from PySide6.QtCore import QTimer

                    QTimer.singleShot(0, lambda: table_painted.append(True))
                return False

        table_paint = TablePaint("table_painted", lambda: view.model().rowCount() > 0)
        self.window.installEventFilter(window_paint)
        view.viewport().installEventFilter(table_paint)
        filters.extend((window_paint, table_paint))
        _stamp("controller_start")
        original_start(self)

    async def smoke(controller: Any) -> int:
        import asyncio

        ok, detail = await app_mod._first_load(controller)
        _stamp("holdings_loaded")
        end = time.monotonic() + 10
        while not table_painted and time.monotonic() < end:
            await asyncio.sleep(0.002)
        await controller.shutdown()
        print(f"child: {detail}", flush=True)
        return 0 if ok and table_painted else 1

    AppController.start = start  # type: ignore[method-assign]
    app_mod._smoke = smoke
    _stamp("imported")
    return app_mod.run(["--smoke", *extra])


def child_bare() -> int:
    """The floor: PySide6 imported, an empty main window, its first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1280, 760)

    class Filter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                _after_frame("window_painted")
                QTimer.singleShot(0, app.quit)
            return False

    f = Filter()
    window.installEventFilter(f)
    window.show()
    return app.exec()


def run_child(kind: str, timeout: float = 60.0) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="kisdesk-bench-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KISDESK_HOME": home}
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, __file__, "--child", kind],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=harness.ROOT,
        )
        exited = time.monotonic()
    if proc.returncode != 0:
        raise SystemExit(f"startup bench: {kind} child failed:\n{proc.stdout}\n{proc.stderr}")
    stamps = {"exit": exited - started}
    for line in proc.stdout.splitlines():
        if line.startswith(STAMP):
            name, value = line[len(STAMP) :].split()
            stamps[name] = float(value) - started
    return stamps


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=("app", "app-inproc", "bare"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--sim-in-process",
        action="store_true",
        help="demo's simulator on the app's loop (as before it moved to a child process)",
    )
    args = parser.parse_args(argv)
    if args.child == "app":
        return child_app()
    if args.child == "app-inproc":
        return child_app(("--sim-in-process",))
    if args.child == "bare":
        return child_bare()

    app_runs: list[dict[str, float]] = []
    bare_runs: list[dict[str, float]] = []
    kind = "app-inproc" if args.sim_in_process else "app"
    run_child(kind)  # warm the OS file cache once; not counted
    for i in range(args.runs):
        bare_runs.append(run_child("bare"))
        app_runs.append(run_child(kind))
        a, b = app_runs[-1], bare_runs[-1]
        print(
            f"run {i + 1}: window {a['window_painted'] * 1000:.0f} ms, table "
            f"{a['table_painted'] * 1000:.0f} ms (bare Qt window {b['window_painted'] * 1000:.0f}"
            " ms)",
            flush=True,
        )

    def med(runs: list[dict[str, float]], key: str) -> float:
        return round(harness.median([r[key] * 1000 for r in runs]), 1)

    ratios = [
        a["window_painted"] / b["window_painted"] for a, b in zip(app_runs, bare_runs, strict=True)
    ]
    result = {
        "runs": args.runs,
        "simulator": "in-process" if args.sim_in_process else "child process",
        "window_painted_ms": med(app_runs, "window_painted"),
        "table_painted_ms": med(app_runs, "table_painted"),
        "holdings_loaded_ms": med(app_runs, "holdings_loaded"),
        "imported_ms": med(app_runs, "imported"),
        "controller_start_ms": med(app_runs, "controller_start"),
        "process_exit_ms": med(app_runs, "exit"),
        "bare_qt_window_ms": med(bare_runs, "window_painted"),
        "window_ratio_to_bare": round(harness.median(ratios), 2),
    }
    print(
        f"cold start (demo), median of {args.runs}: first painted window "
        f"{result['window_painted_ms']} ms, holdings table painted {result['table_painted_ms']} "
        f"ms (bare PySide6 window {result['bare_qt_window_ms']} ms; ratio "
        f"{result['window_ratio_to_bare']})"
    )
    harness.report("startup", {"machine": harness.machine(), **result})
    print(json.dumps({"app_runs": app_runs, "bare_runs": bare_runs}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
