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
        self._frozen_at: float | None = None
        if start is not None:
            self.set(start)

    def freeze(self) -> None:
        """Stop real time from passing (only ``advance`` moves the clock): deterministic tests."""
        if self._frozen_at is None:
            self._frozen_at = time.monotonic()
            self._wall_at_freeze = datetime.now(KST)

    def unfreeze(self) -> None:
        if self._frozen_at is not None:
            self._frozen_at = None

    def _mono(self) -> float:
        return self._frozen_at if self._frozen_at is not None else time.monotonic()

    def advance(self, seconds: float) -> None:
        self._offset += seconds

    def set(self, when: datetime) -> None:
        """Pin the wall clock to ``when`` (aware datetime); it keeps running from there."""
        if when.tzinfo is None:
            when = when.replace(tzinfo=KST)
        # Only the wall clock jumps; the monotonic clock (rate-limit windows) never goes back.
        self._pin = (when, self.monotonic())

    def monotonic(self) -> float:
        return self._mono() + self._offset

    def now(self) -> datetime:
        """Current time in KST."""
        if self._pin is not None:
            base, mono = self._pin
            return (base + timedelta(seconds=self.monotonic() - mono)).astimezone(KST)
        if self._frozen_at is not None:
            # Wall time frozen too: the moment of freezing, plus any advance since.
            return self._wall_at_freeze + timedelta(seconds=self._offset)
        return datetime.now(KST) + timedelta(seconds=self._offset)

    def timestamp(self) -> float:
        return self.now().timestamp()


def hhmmss(when: datetime) -> str:
    """A KIS time field (ORD_TMD, execution times): ``HHMMSS``."""
    return when.strftime("%H%M%S")
