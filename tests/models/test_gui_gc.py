"""Python's cycle collector runs on the GUI thread only (issue 13: a test run deadlocked when the
simulator thread's collection destroyed a PySide object while the GUI thread destroyed another)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import threading
import weakref
from pathlib import Path

import pytest

from kisdesk.models.gui_gc import GuiGarbageCollector, installed_gui_gc

SCRIPT = Path(__file__).with_name("gc_cycles.py")


def test_qt_cycles_dropped_while_another_thread_allocates():
    """500 views with models, Python-subclassed children and connections, each in a reference
    cycle, dropped on the GUI thread while a second thread allocates without pause. Without the
    guard this process crashes or deadlocks (every run of 6 by hand: 4 hangs, 2 segfaults), so it
    runs in a subprocess the suite can outlive."""
    try:
        done = subprocess.run(
            [sys.executable, str(SCRIPT), "100"],
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"hung with Qt objects in cycles: {exc.stderr!s:.4000}")
    assert done.returncode == 0, done.stdout + done.stderr[-4000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # Every cycle was collected (the views are gone) and every view was destroyed on this thread.
    assert result["made"] == 500
    assert result["destroyed"] == {"gui": 500, "other": 0}
    assert result["off_thread"] == []
    # Automatic collection was off while the guard ran and is back on after it.
    assert result["gc_enabled"] == {"during": False, "after": True}


def test_automatic_collection_is_off_and_the_gui_collector_runs(qtbot, gui_gc):
    assert not gc.isenabled()
    assert installed_gui_gc() is gui_gc
    assert gui_gc.running


def test_the_timer_collects_cycles_on_the_gui_thread(qtbot, gui_gc):
    """No explicit collect: cyclic garbage goes once enough allocations make gen 0 due, while Qt
    spins, on this thread."""
    threads: list[int] = []

    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    class Node:
        pass

    node = Node()
    node.me = node
    gone = weakref.ref(node)
    del node
    keep = [[i] for i in range(gui_gc.thresholds[0] * 2)]  # live objects: gen 0 becomes due
    gc.callbacks.append(watch)
    try:
        qtbot.waitUntil(lambda: gone() is None, timeout=3000)
    finally:
        gc.callbacks.remove(watch)
    assert keep and threads and set(threads) == {threading.get_ident()}


def test_collect_due_refuses_another_thread(gui_gc):
    errors: list[BaseException] = []

    def call() -> None:
        try:
            gui_gc.collect_due()
        except RuntimeError as exc:
            errors.append(exc)

    worker = threading.Thread(target=call)
    worker.start()
    worker.join(10)
    assert len(errors) == 1


def test_collect_due_picks_the_generation_cpython_would(gui_gc):
    collector = GuiGarbageCollector()
    live: list[object] = []

    def due(thresholds: tuple[int, int, int]) -> None:
        live.extend([] for _ in range(10))  # ten tracked allocations: gen 0 has a count
        collector.thresholds = thresholds
        collector.collect_due()

    gc.collect()  # every count starts at zero
    due((5, 10**9, 10**9))  # gen 0 due, gen 1 has seen no gen-0 collection yet
    due((5, 0, 10**9))  # one gen-0 collection since: gen 1 is due
    due((5, 0, 0))  # one gen-1 collection since: gen 2 is due
    assert collector.collections == [1, 1, 1]
    # Due by count, but the old generation has not grown by a quarter since: gen 1 instead.
    due((5, -1, -1))
    assert collector.collections == [1, 2, 1]
    due((50, 0, 0))  # gen 0 itself not due: nothing at all
    assert collector.collections == [1, 2, 1]


def test_the_collector_is_freed_by_reference_counting(qtbot, gui_gc):
    """It is no cycle itself: its last reference, dropped here, frees it here (automatic
    collection being off, a cycle would linger until some collection, on some thread)."""
    collector = GuiGarbageCollector(interval_ms=10)
    collector.start()
    qtbot.wait(30)
    collector.stop()
    assert not gc.isenabled()  # it was off when this one started: it stays off
    gone = weakref.ref(collector)
    del collector
    assert gone() is None
