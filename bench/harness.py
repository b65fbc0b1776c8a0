"""Shared pieces of the kisdesk benchmarks: statistics, machine facts, Qt/qasync set-up, a
loop-lag probe, a paint counter, RSS, and a session on a simulator in its own thread.

Every bench script prints human lines and, last, one ``BENCH {json}`` line that run_all.py reads.
Benchmarks render offscreen (QT_QPA_PLATFORM=offscreen) so figures compare across machines
with and without a display.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # a fresh clone without `pip install -e .` still runs
    sys.path.insert(0, str(ROOT))

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_API", "pyside6")

BENCH_PREFIX = "BENCH "


# -- statistics ------------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile, ``q`` in 0..1."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


# -- machine and process ---------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        import PySide6

        info["pyside6"] = PySide6.__version__
    except ImportError:
        pass
    return info


def rss_mb() -> float:
    """Resident set size of this process in MiB (Linux /proc; elsewhere the peak)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def report(name: str, result: dict[str, Any]) -> None:
    """The machine-readable last line of a bench script."""
    print(BENCH_PREFIX + json.dumps({"bench": name, **result}, default=str), flush=True)


# -- Qt and the qasync loop ------------------------------------------------------------------------


def qt_app() -> Any:
    """The QApplication, with cycles collected on its thread only, as the app does."""
    from PySide6.QtWidgets import QApplication

    from kisdesk.models.gui_gc import install_gui_gc
    from kisdesk.qtcompat import pin_bools

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    pin_bools()  # PySide6 6.12 on CPython 3.11 leaks a reference to True per emit()
    install_gui_gc()  # a SimThread allocates hard; its collections must not free Qt objects
    return app


def run_qasync(main: Callable[[], Awaitable[Any]]) -> Any:
    """Run ``main()`` on a qasync loop over the QApplication, as the app does."""
    qt_app()
    import qasync

    from kisdesk.models.gui_gc import uninstall_gui_gc

    try:
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            return runner.run(main())
    finally:
        uninstall_gui_gc()


async def until(predicate: Callable[[], Any], timeout: float = 30.0, step: float = 0.005) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError("bench: condition not reached in time")
        await asyncio.sleep(step)


class LagProbe:
    """Event-loop lag: a precise Qt timer asks to fire every ``interval_ms``; its lateness
    (actual minus due time) is what any input event or paint would have waited."""

    def __init__(self, interval_ms: int = 5) -> None:
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.interval_ms = interval_ms
        self.samples: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._due = 0.0

    def start(self) -> None:
        self.samples.clear()
        self._clock.start()
        self._due = self.interval_ms
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed() / 1e6
        self.samples.append(max(0.0, now - self._due))
        self._due = now + self.interval_ms

    def summary(self) -> dict[str, float]:
        s = self.samples
        return {
            "lag_p50_ms": round(percentile(s, 0.50), 2),
            "lag_p99_ms": round(percentile(s, 0.99), 2),
            "lag_max_ms": round(max(s), 2) if s else float("nan"),
            "lag_samples": len(s),
        }


def paint_counter(widget: Any) -> Any:
    """An event filter on ``widget`` counting its Paint events (``.count``)."""
    from PySide6.QtCore import QEvent, QObject

    class Counter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    counter = Counter()
    widget.installEventFilter(counter)
    return counter


# -- sessions on a simulator -----------------------------------------------------------------------


def session_on(
    sim: Any,
    account: str = "demo",
    *,
    on_event: Callable[[Any], None] | None = None,
    timeout: float = 10.0,
) -> Any:
    """A Session whose client talks to ``sim`` (SimServer, SimThread or SimProcess, started)
    like to KIS, with its own rate limiter at the environment's rate (20/s on the real profile)."""
    from kisdesk.services.session import connect_to_sim

    return connect_to_sim(sim, account, on_event=on_event, timeout=timeout, own_limiter=True)


def session_factory(make: Callable[..., Any]) -> Callable[..., Any]:
    """An ``AppController(session_factory=...)`` that uses ``make(**kwargs)`` (a Session, or a
    coroutine of one) instead of starting the app's own simulator."""

    async def factory(**kwargs: Any) -> Any:
        made = make(**kwargs)
        if asyncio.iscoroutine(made):
            made = await made
        return made

    return factory


class SimProcess:
    """``python -m kisdesk.sim`` in its own process, like a remote server (no shared GIL):
    ``base_url``, ``appkey``, ``accounts``… from its first stdout line, ``stats()`` over HTTP."""

    def __init__(self, profile: str = "real", seed: int = 0, *extra: str) -> None:
        import subprocess

        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kisdesk.sim",
                "--profile",
                profile,
                "--seed",
                str(seed),
                *extra,
            ],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert self.proc.stdout is not None
        info = json.loads(self.proc.stdout.readline())
        self.base_url: str = info["base_url"]
        self.ws_url: str = info["ws_url"]
        self.appkey: str = info["appkey"]
        self.appsecret: str = info["appsecret"]
        self.accounts: dict[str, str] = info["accounts"]
        self.hts_ids: dict[str, str] = info["hts_ids"]

    def stats(self) -> dict[str, Any]:
        import httpx

        return httpx.get(self.base_url + "/__sim/stats", timeout=10).json()

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)
