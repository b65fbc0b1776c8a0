"""Coalescing async refresh on the qasync loop.

A refresh asked for while one is running does not start a second request chain: it sets a flag,
and exactly one more run follows the current one. Timer ticks, F5 presses and post-order
refreshes can therefore arrive in any burst without multiplying API calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kisdesk.kis.errors import KisError
from kisdesk.services.errors import describe

log = logging.getLogger(__name__)

# The old name, still imported by the order panel, the open orders and the order service.
user_message = describe


class Refresher(QObject):
    started = Signal()
    progress = Signal(int, int)  # pages done, rows so far
    loaded = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        fetch: Callable[[Callable[[int, int], None]], Awaitable[Any]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._task: asyncio.Task[None] | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.request)
        self.last_result: Any = None

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def set_interval(self, seconds: int) -> None:
        self._timer.setInterval(max(1, seconds) * 1000)

    def start_auto(self, seconds: int) -> None:
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
            self.started.emit()
            try:
                result = await self._fetch(self.progress.emit)
            except asyncio.CancelledError:
                raise
            except KisError as exc:
                log.warning("refresh failed: %s", exc)
                self.failed.emit(describe(exc))
            except Exception as exc:  # unexpected: logged with traceback, shown in the tab
                log.exception("refresh crashed")
                self.failed.emit(describe(exc))
            else:
                self.last_result = result
                self.loaded.emit(result)
            if not self._again:
                return
