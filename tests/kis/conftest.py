"""Fixtures of the KIS client tests: clients wired to a SimThread, a controllable clock.

(The suite runs with --import-mode=importlib, so helpers are fixtures, not imports.)
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pytest

from kisdesk.kis import ClientEvent, Credentials, KisClient, RateLimiter, demo_environment


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
    """A KisClient for the simulator running in ``sim`` (a SimThread)."""
    profile = sim.server.profile
    env = demo_environment(sim.base_url, sim.ws_url, profile=profile)
    creds = Credentials(sim.appkey, sim.appsecret, sim.accounts[account])
    if fresh_limiter and "limiter" not in kwargs:
        # A new limiter per test: the sim's window starts empty too.
        kwargs["limiter"] = RateLimiter(kwargs.pop("rate_per_sec", None) or env.rate_per_sec)
    on_event: Callable[[ClientEvent], None] | None = events.append if events is not None else None
    return KisClient(env, creds, on_event=on_event, **kwargs)


@pytest.fixture
def kis_client() -> Callable[..., KisClient]:
    """``kis_client(sim, account="demo", events=None, **KisClient kwargs)``."""
    return make_client
