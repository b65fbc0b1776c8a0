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


@pytest.fixture
def qloop(qapp):
    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    asyncio.events._set_running_loop(None)
    loop.stop()
    loop.close()
    asyncio.set_event_loop(None)


def run_async(qtbot, loop, coro, timeout_ms: int = 10_000):
    """Run a coroutine to completion on the already-running qasync loop, spinning Qt meanwhile."""
    task = loop.create_task(coro)
    qtbot.waitUntil(task.done, timeout=timeout_ms)
    return task.result()
