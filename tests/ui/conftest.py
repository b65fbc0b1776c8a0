"""Qt + qasync fixtures for tests of the window and the services.

Pattern: a qasync loop that considers itself running, so tasks created by the app run while
qtbot.waitUntil spins Qt's event loop (TOOLCHAIN: sync tests + already_running loop).
"""

from __future__ import annotations

import asyncio

import pytest


@pytest.fixture
def kisdesk_home(tmp_path, monkeypatch):
    """All files the app writes (settings, logs, crash files) go under one temp folder."""
    home = tmp_path / "kisdesk-home"
    monkeypatch.setenv("KISDESK_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def _session_qloop(qapp):
    # One loop for the whole run: a qasync loop closed and replaced between tests leaves the
    # next one unable to finish executor work (getaddrinfo) under pytest-qt's nested waits.
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    yield loop
    # Not closed: qasync refuses to close a loop that believes it runs; the process ends next.


@pytest.fixture
def qloop(_session_qloop):
    loop = _session_qloop
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    yield loop
    for task in [t for t in asyncio.all_tasks(loop) if not t.done()]:
        task.cancel()
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture
def run_async(qtbot, qloop):
    """Run a coroutine to completion on the already-running qasync loop, spinning Qt meanwhile."""

    def run(coro, timeout_ms: int = 10_000):
        task = qloop.create_task(coro)
        qtbot.waitUntil(task.done, timeout=timeout_ms)
        return task.result()

    return run
