"""Per-app-key sliding one-second window, as KIS's gateway enforces (EGW00201 past the limit)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable


class SlidingWindow:
    def __init__(self, limit: int, clock: Callable[[], float], window: float = 1.0) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        """Record a call for ``key`` if it fits in the window; refused calls are not counted."""
        now = self._clock()
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return False
        hits.append(now)
        return True

    def reset(self) -> None:
        self._hits.clear()
