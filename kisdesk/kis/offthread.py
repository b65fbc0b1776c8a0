"""Blocking calls that must not stall the event loop run here: the OS keyring (D-Bus to the
Secret Service, the Keychain, the Credential Manager) answers in microseconds when unlocked and
in seconds when it asks the user to unlock it.

One worker thread, so keyring calls stay in the order they were made. It is a daemon thread: a
call stuck on an unanswered unlock prompt must not keep a closed app alive (a
ThreadPoolExecutor's worker is joined at interpreter exit)."""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_Job = tuple[Callable[..., Any], tuple[Any, ...], asyncio.AbstractEventLoop, asyncio.Future[Any]]
_jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
_worker: threading.Thread | None = None
_start_lock = threading.Lock()
THREAD_NAME = "kisdesk-keyring"


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.cancelled():  # the caller gave up; the call itself has run
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


def _run() -> None:
    while True:
        job = _jobs.get()
        _do(*job)
        # Drop every reference here, now: held until the next job, the last reference to a
        # loop, a future or a Qt-backed object would be released on this thread.
        del job


def _do(
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    loop: asyncio.AbstractEventLoop,
    future: asyncio.Future[Any],
) -> None:
    try:
        result, error = fn(*args), None
    except BaseException as exc:  # handed to the caller, raised there
        result, error = None, exc
    if not loop.is_closed():
        loop.call_soon_threadsafe(_settle, future, result, error)


def _ensure_worker() -> None:
    global _worker
    with _start_lock:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_run, name=THREAD_NAME, daemon=True)
            _worker.start()


async def run_blocking(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` on the keyring thread; exceptions are raised here, in the caller."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()
    _ensure_worker()
    _jobs.put((fn, args, loop, future))
    return await future
