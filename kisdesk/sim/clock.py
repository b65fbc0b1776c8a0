"""Injectable clock: real time plus an offset that tests move forward without sleeping."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

KST = timezone(timedelta(hours=9), "KST")


class SimClock:
    """Wall clock (KST) and a monotonic clock that share one adjustable offset.

    Token expiry, the token-issue window and the rate-limit window all read this clock, so
    ``advance(seconds)`` ages every one of them at once.
    """

    def __init__(self, start: datetime | None = None) -> None:
        self._offset = 0.0
        # A fixed start pins the wall clock (e.g. a Monday 10:00 KST for session tests).
        self._pin: tuple[datetime, float] | None = None
        if start is not None:
            self.set(start)

    def advance(self, seconds: float) -> None:
        self._offset += seconds

    def set(self, when: datetime) -> None:
        """Pin the wall clock to ``when`` (aware datetime); it keeps running from there."""
        if when.tzinfo is None:
            when = when.replace(tzinfo=KST)
        self._pin = (when, time.monotonic())
        self._offset = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self._offset

    def now(self) -> datetime:
        """Current time in KST."""
        if self._pin is not None:
            base, mono = self._pin
            return (base + timedelta(seconds=time.monotonic() - mono + self._offset)).astimezone(
                KST
            )
        return datetime.now(KST) + timedelta(seconds=self._offset)

    def timestamp(self) -> float:
        return self.now().timestamp()
