"""Shared fixtures: headless Qt, Python's cycle collector on the GUI thread only, an in-memory
keyring, simulators on loopback, and the qasync loop."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import asyncio
import time

import keyring
import pytest

from kisdesk.config.memory_keyring import MemoryKeyring
from kisdesk.models.gui_gc import install_gui_gc, uninstall_gui_gc
from kisdesk.qtcompat import pin_bools

pin_bools()  # PySide6 6.12 + CPython 3.11: emit() leaks a reference to True (see kisdesk.qtcompat)


# -- the cycle collector runs on the GUI thread only (issue 13) -------------------------------
# The simulators of the tests run in threads of this process (SimThread) and allocate hard; with
# automatic collection on, one of them started a collection that destroyed a PySide object there
# and deadlocked the run against the GUI thread. Automatic collection is off for the whole
# session, so no thread but this one starts a collection (the collector's gc.callbacks hook
# records any that does, and the test during which it happened fails). That leaves reference
# counting: a simulator thread frees only what it last held, and it never holds a Qt object (sim/
# imports no Qt; SimThread.call runs the test's callables on plain server state). So the thread
# stays, rather than a process: tests read and change the server's state through SimThread.call.


@pytest.fixture(scope="session", autouse=True)
def gui_gc(qapp):
    """The GUI-thread collector of the session (kisdesk.models.gui_gc), as the app installs it."""
    collector = install_gui_gc()
    yield collector
    uninstall_gui_gc()


@pytest.fixture(autouse=True)
def _collect_after_each_test(gui_gc):
    yield
    # A test that never spins Qt never lets the timer fire: collect what is due here, on the
    # GUI thread, so garbage cannot pile up over a run of such tests.
    gui_gc.collect_due()
    off_thread, gui_gc.off_thread[:] = list(gui_gc.off_thread), []
    assert not off_thread, f"a garbage collection started off the GUI thread: {off_thread}"


@pytest.fixture(autouse=True)
def memory_keyring():
    """Every test gets a fresh in-memory keyring; the OS keyring is never touched."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _sim_thread(profile: str):
    from kisdesk.sim.testing import SimThread

    return SimThread(profile=profile, seed=1234)


@pytest.fixture
def sim():
    """A real-profile simulator running in its own thread, reachable over TCP."""
    with _sim_thread("real") as s:
        yield s


@pytest.fixture
def paper_sim():
    """A paper-profile simulator (2 calls/s, paper TR IDs, real-only APIs refused)."""
    with _sim_thread("paper") as s:
        yield s


# -- one qasync loop for the whole run --------------------------------------------------------
# Pattern (TOOLCHAIN): sync tests and a qasync loop that believes it is running, so tasks the app
# creates run while qtbot.waitUntil spins Qt. One loop for the session: loops created and closed
# per test left Qt timers behind that later fired on freed objects (a segfault in
# QTimerInfoList::activateTimers, seen in full runs). Never loop.stop() it: on an already_running
# loop that calls QCoreApplication.exit(), after which every qtbot wait returns at once.


@pytest.fixture(scope="session")
def _session_qloop(qapp):
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    yield loop
    # Not closed: qasync refuses to close a loop that believes it runs; the process ends next.


@pytest.fixture
def qloop(qapp, _session_qloop):
    loop = _session_qloop
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    deadline = time.monotonic() + 2.0  # let cancellations unwind (sockets close), bounded
    while any(not t.done() for t in pending) and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.002)
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture
def run_async(qtbot, qloop):
    """run_async(coro) → its result, spinning Qt (and the loop's tasks) meanwhile."""

    def run(coro, timeout_ms: int = 15_000):
        task = qloop.create_task(coro)
        qtbot.waitUntil(task.done, timeout=timeout_ms)
        return task.result()

    return run
