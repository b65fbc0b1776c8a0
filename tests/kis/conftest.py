"""Fixtures of the KIS client tests: clients wired to a SimThread, a controllable clock.

(The suite runs with --import-mode=importlib, so helpers are fixtures, not imports.)
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pytest

from kisdesk.kis import ClientEvent, KisClient, RateLimiter


class FakeClock:
    """Wall clock with an offset the test can move (the token rules use the client's clock)."""

    def __init__(self) -> None:
        self.offset = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return time.time() + self.offset

    async def sleep(self, seconds: float) -> None:
        # Jump instead of waiting; yield so other tasks run.
        self.sleeps.append(seconds)
        self.offset += seconds
        await asyncio.sleep(0)


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


def make_client(
    sim: Any,
    account: str = "demo",
    *,
    events: list[ClientEvent] | None = None,
    fresh_limiter: bool = True,
    **kwargs: Any,
) -> KisClient:
    """A KisClient for the simulator running in ``sim`` (a SimThread). Tokens go to the keyring
    (the test's in-memory one) unless ``token_store`` says otherwise, as for a real profile."""
    from kisdesk.services.session import connect_to_sim

    kwargs.setdefault("token_store", None)
    own_limiter = False
    if fresh_limiter and "limiter" not in kwargs:
        # A new limiter per test: the sim's window starts empty too.
        rate = kwargs.pop("rate_per_sec", None)
        if rate:
            kwargs["limiter"] = RateLimiter(rate)
        else:
            own_limiter = True  # at the environment's rate
    on_event: Callable[[ClientEvent], None] | None = events.append if events is not None else None
    session = connect_to_sim(
        sim,
        account,
        profile=sim.server.profile,
        own_limiter=own_limiter,
        on_event=on_event,
        **kwargs,
    )
    return session.client


@pytest.fixture
def kis_client() -> Callable[..., KisClient]:
    """``kis_client(sim, account="demo", events=None, **KisClient kwargs)``."""
    return make_client
