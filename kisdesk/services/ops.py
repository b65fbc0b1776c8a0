"""Async work started by a widget, as one small builder object (the shape of Anki's QueryOp):

    Op(self, partial(read_profile_secrets, profile.id))
        .success(self._fill)
        .failure(self._say_not_read)
        .run_in_background()

Why one object instead of a task per widget:

- The op keeps itself alive until its work ends (the event loop holds tasks only weakly), so a
  caller need not store it; a widget that wants to cancel or await it keeps the returned op.
- Its handlers run on the loop, after the work, and only while its parent QObject exists: a
  dialog closed and deleted meanwhile never sees a late result. The work itself goes on (a
  keyring write half done must finish or roll back); :meth:`Op.cancel` stops it.
- A failure reaches its handler as one sentence from :func:`describe`, the words the main
  window uses for the same cause. A failure kisdesk did not expect (a bug) is also logged with
  its traceback.
- When the work is over, the op lets go of its work, handlers and parent: a widget holding its
  op and the op holding the widget's bound methods is no cycle left to the garbage collector.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Generator
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject

from kisdesk.services.errors import describe, expected

log = logging.getLogger(__name__)

T = TypeVar("T")

# Ops whose work is under way: the strong references that keep them (and their tasks) alive.
_running: set[Op[Any]] = set()


class Op(Generic[T]):
    """``work()`` on the event loop; ``success(result)`` or ``failure(sentence)`` after it."""

    def __init__(
        self, parent: QObject | None, work: Callable[[], Awaitable[T]], *, name: str = ""
    ) -> None:
        self.name = name or getattr(work, "__name__", "op")
        self._parent = parent
        self._work: Callable[[], Awaitable[T]] | None = work
        self._on_success: Callable[[T], object] | None = None
        self._on_failure: Callable[[str], object] | None = None
        self._on_progress: Callable[[Any], object] | None = None
        self._on_finished: Callable[[], object] | None = None
        self._still_after = 0.0
        self._on_still: Callable[[], object] | None = None
        self._still_timer: asyncio.TimerHandle | None = None
        self._task: asyncio.Task[None] | None = None
        self._result: T | None = None
        self._error: BaseException | None = None

    # -- building ---------------------------------------------------------------------------
    def success(self, fn: Callable[[T], object]) -> Op[T]:
        """``fn(result)`` once the work returned."""
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[str], object]) -> Op[T]:
        """``fn(sentence)`` once the work raised; the exception is :meth:`exception`."""
        self._on_failure = fn
        return self

    def finished(self, fn: Callable[[], object]) -> Op[T]:
        """``fn()`` after the success or failure handler (not after a cancellation)."""
        self._on_finished = fn
        return self

    def progress(self, fn: Callable[[Any], object]) -> Op[T]:
        """``fn(value)`` for each :meth:`report` the work makes while it runs."""
        self._on_progress = fn
        return self

    def still_working(self, after_seconds: float, fn: Callable[[], object]) -> Op[T]:
        """``fn()`` once, if the work has not ended ``after_seconds`` after it started."""
        self._still_after = after_seconds
        self._on_still = fn
        return self

    def run_in_background(self) -> Op[T]:
        if self._task is not None:
            raise RuntimeError("an op runs once")
        loop = asyncio.get_event_loop()
        self._task = loop.create_task(self._run(), name=f"op:{self.name}")
        _running.add(self)
        # A done callback, not a finally: a task cancelled before its first step never runs
        # its coroutine's code, and must still be released.
        self._task.add_done_callback(self._release)
        if self._on_still is not None:
            self._still_timer = loop.call_later(self._still_after, self._still)
        return self

    # -- while it runs ----------------------------------------------------------------------
    def report(self, value: Any = None) -> None:
        """Called by the work: hands ``value`` to the progress handler, parent permitting."""
        if self._on_progress is not None and not self.done() and self._parent_alive():
            self._on_progress(value)

    def cancel(self) -> bool:
        """Stop the work; no handler runs after it. False when it had ended already."""
        if self._task is None or self._task.done():
            return False
        return self._task.cancel()

    # -- the outcome (Future-like, for callers and tests) ----------------------------------
    def done(self) -> bool:
        return self._task is not None and self._task.done()

    def cancelled(self) -> bool:
        return self._task is not None and self._task.cancelled()

    def exception(self) -> BaseException | None:
        return self._error

    def result(self) -> T:
        """The work's result; raises its exception (or CancelledError, or InvalidStateError)."""
        if self._task is None or not self._task.done():
            raise asyncio.InvalidStateError(f"op {self.name} is not done")
        if self._task.cancelled():
            raise asyncio.CancelledError()
        if self._error is not None:
            raise self._error
        return self._result  # type: ignore[return-value]

    def __await__(self) -> Generator[Any, None, T]:
        if self._task is None:
            raise RuntimeError("run_in_background() first")
        yield from asyncio.shield(self._task).__await__()
        return self.result()

    # -- inside -----------------------------------------------------------------------------
    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _still(self) -> None:
        self._still_timer = None
        if self._on_still is not None and not self.done() and self._parent_alive():
            self._on_still()

    async def _run(self) -> None:
        try:
            await self._run_work()
        finally:
            self._release()  # before the task counts as done (the callback comes later)

    async def _run_work(self) -> None:
        assert self._work is not None
        try:
            self._result = await self._work()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self._error = exc
            if expected(exc):
                log.info("%s failed: %s", self.name, describe(exc))
            else:
                log.exception("%s crashed", self.name)
        if self._still_timer is not None:
            self._still_timer.cancel()
            self._still_timer = None
        if not self._parent_alive():
            log.debug("%s: its widget is gone, the outcome is dropped", self.name)
            return
        self._call_handlers()

    def _call_handlers(self) -> None:
        try:
            if self._error is None:
                if self._on_success is not None:
                    self._on_success(self._result)  # type: ignore[arg-type]
            elif self._on_failure is not None:
                self._on_failure(describe(self._error))
            if self._on_finished is not None:
                self._on_finished()
        except Exception:  # a handler's bug must not vanish inside the task
            log.exception("a handler of %s failed", self.name)

    def _release(self, _task: object = None) -> None:
        if self._still_timer is not None:
            self._still_timer.cancel()
            self._still_timer = None
        self._work = None
        self._on_success = self._on_failure = self._on_finished = None
        self._on_progress = None
        self._on_still = None
        self._parent = None
        _running.discard(self)


def running_ops() -> int:
    """How many ops are under way (tests, and a quit that waits for them)."""
    return len(_running)
