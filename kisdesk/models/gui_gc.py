"""Python's cycle collector runs on the GUI thread only.

CPython starts a collection on whichever thread happens to allocate past the gen-0 threshold, and
the collection finalizes every unreachable object it finds, Qt wrappers included. A PySide
``QObject`` destroyed there while the GUI thread destroys another one can deadlock the process:
the collecting thread holds Qt's signal-slot mutex inside ``~QObject`` and waits for the GIL, the
GUI thread holds the GIL inside ``~QAbstractItemView`` and waits for the mutex (measured: a test
run stuck for good with the simulator thread collecting). Widgets are handed to the main thread by
Shiboken, but through a pending call that runs at an arbitrary moment; other QObjects are
destroyed on the spot.

So automatic collection is switched off and a timer on the GUI thread collects instead, when
CPython would have: every ``interval_ms`` it compares ``gc.get_count()`` with the thresholds and
collects the oldest generation that is due. With automatic collection off process-wide, no other
thread ever starts a collection; reference counting still frees everything that is not in a cycle
at once, on the thread that drops it. A ``gc.callbacks`` hook records any collection that still
starts elsewhere (an explicit ``gc.collect()`` in a worker), so tests can prove there is none.
"""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer

INTERVAL_MS = 100


class GuiGarbageCollector:
    """Owns the switch: ``start()`` disables automatic collection and starts the timer; ``stop()``
    stops it, collects everything on this thread and puts automatic collection back as found.

    A plain Python object holding one parentless QTimer: nothing here refers back to the collector,
    so it is never cyclic garbage itself and its last reference, dropped on the GUI thread, frees it
    there (the module keeps that reference while it is installed)."""

    def __init__(self, interval_ms: int = INTERVAL_MS) -> None:
        self.thresholds = gc.get_threshold()
        self.collections = [0, 0, 0]  # per generation, by this collector
        self.off_thread: list[str] = []  # names of threads that started a collection anyway
        self._old_after_full = 0  # objects in the oldest generation after the last full pass
        self._was_enabled = gc.isenabled()
        self._gui_thread = threading.get_ident()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        if self._watch not in gc.callbacks:
            gc.callbacks.append(self._watch)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()  # what is left goes now, here, before a thread could start a collection
        if self._watch in gc.callbacks:
            gc.callbacks.remove(self._watch)
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> int:
        """Collect the generations CPython would have collected by now; the number found."""
        if threading.get_ident() != self._gui_thread:
            raise RuntimeError("the cycle collector must run on the GUI thread")
        count0, count1, count2 = gc.get_count()
        limit0, limit1, limit2 = self.thresholds
        if count0 <= limit0:
            return 0
        # As CPython picks: the oldest generation whose own count passed its threshold, where a
        # full collection also waits until the old generation grew by a quarter since the last
        # one (a large heap of long-lived objects would otherwise be walked every few seconds).
        generation = 1 if count1 > limit1 else 0
        if count2 > limit2:
            old = len(gc.get_objects(generation=2))
            if old - self._old_after_full > self._old_after_full // 4:
                generation = 2
        self.collections[generation] += 1
        found = gc.collect(generation)
        if generation == 2:
            self._old_after_full = len(gc.get_objects(generation=2))
        return found

    def _watch(self, phase: str, info: dict[str, Any]) -> None:
        # Called by CPython at the start and end of every collection, on the collecting thread.
        off = phase == "start" and threading.get_ident() != self._gui_thread
        if off and len(self.off_thread) < 100:
            self.off_thread.append(threading.current_thread().name)


_installed: GuiGarbageCollector | None = None


def install_gui_gc(interval_ms: int = INTERVAL_MS) -> GuiGarbageCollector:
    """Start collecting on the GUI thread only (once per process; later calls return the same
    collector). Call on the GUI thread after the QCoreApplication exists."""
    global _installed
    app = QCoreApplication.instance()
    if app is None or not app.thread().isCurrentThread():
        raise RuntimeError("install_gui_gc() needs the QApplication, on its thread")
    if _installed is None:
        _installed = GuiGarbageCollector(interval_ms)
        _installed.start()
    return _installed


def uninstall_gui_gc() -> None:
    """Stop the timer, collect on this (GUI) thread, re-enable automatic collection if it was on.
    Call at exit, when no other thread can still make Qt garbage."""
    global _installed
    collector, _installed = _installed, None
    if collector is not None:
        collector.stop()


def installed_gui_gc() -> GuiGarbageCollector | None:
    return _installed
