"""Coalescing async refresh on the qasync loop.

A refresh asked for while one is running does not start a second request chain: it sets a flag,
and exactly one more run follows the current one. Timer ticks, F5 presses and post-order
refreshes can therefore arrive in any burst without multiplying API calls.

The timer asks through ``on_tick`` when one is given (a tab that checks its inputs or its
visibility first), else it requests directly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref
from collections.abc import Awaitable, Callable
from types import MethodType

from PySide6.QtCore import QObject, QTimer, Signal

from kisdesk.kis.errors import KisError
from kisdesk.services.errors import describe as describe_error

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (done, total): pages and rows, or queries
Fetch = Callable[[Progress], Awaitable[object]]  # fetch(progress) -> result, of any kind


class Refresher(QObject):
    started = Signal()
    progress = Signal(int, int)  # pages done, rows so far
    loaded = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        fetch: Fetch,
        parent: QObject | None = None,
        *,
        on_tick: Callable[[], None] | None = None,
        describe: Callable[[BaseException], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = _hold(fetch, parent)
        self._describe = describe or describe_error
        self._task: asyncio.Task[None] | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(on_tick or self.request)
        self.last_result: object = None

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def interval_s(self) -> float:
        return self._timer.interval() / 1000

    @property
    def auto_active(self) -> bool:
        return self._timer.isActive()

    def set_interval(self, seconds: int) -> None:
        self._timer.setInterval(max(1, seconds) * 1000)

    def start_auto(self, seconds: int | None = None) -> None:
        """Refresh on the timer, every ``seconds`` (None: the interval set before)."""
        if seconds is not None:
            self.set_interval(seconds)
        self._timer.start()

    def stop_auto(self) -> None:
        self._timer.stop()

    def request(self) -> None:
        """Ask for a refresh; coalesced with one already running."""
        if self.busy:
            self._again = True
            return
        self._task = asyncio.get_event_loop().create_task(self._run())

    def abandon(self) -> None:
        """Stop the timer and cancel a running refresh without waiting for it: the next
        request starts afresh instead of queueing behind an answer nobody wants."""
        self._timer.stop()
        self._again = False
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    async def cancel(self) -> None:
        self._timer.stop()
        self._again = False
        task = self._task
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def _run(self) -> None:
        while True:
            self._again = False
            fetch = self._fetch()
            if fetch is None:  # its owner is gone
                return
            self.started.emit()
            try:
                result = await fetch(self.progress.emit)
            except asyncio.CancelledError:
                raise
            except KisError as exc:
                log.warning("refresh failed: %s", exc)
                self.failed.emit(self._describe(exc))
            except Exception as exc:  # unexpected: logged with traceback, shown in the tab
                log.exception("refresh crashed")
                self.failed.emit(self._describe(exc))
            else:
                self.last_result = result
                self.loaded.emit(result)
            if not self._again:
                return


def _hold(fetch: Fetch, parent: QObject | None) -> Callable[[], Fetch | None]:
    """A method of the parent is held weakly: the parent owns the refresher, and a strong
    reference back would make the pair a cycle that only the garbage collector frees."""
    if parent is not None and isinstance(fetch, MethodType) and fetch.__self__ is parent:
        return weakref.WeakMethod(fetch)
    return lambda: fetch
