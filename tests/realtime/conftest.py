"""Realtime tests: pure ones (frames in, typed records out; the registry), and the stream and
the approval key against the simulator over loopback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kisdesk.kis import Credentials, KisClient, RateLimiter, demo_environment

sys.path.insert(0, str(Path(__file__).parent))  # rt_samples, for the tests of this folder


def make_client(sim: Any, account: str = "demo", **kwargs: Any) -> KisClient:
    """A KisClient for the simulator running in ``sim`` (a SimThread), with its own limiter."""
    env = demo_environment(sim.base_url, sim.ws_url, profile=sim.server.profile)
    creds = Credentials(sim.appkey, sim.appsecret, sim.accounts[account])
    kwargs.setdefault("limiter", RateLimiter(env.rate_per_sec))
    return KisClient(env, creds, **kwargs)


@pytest.fixture
def rt_client() -> Callable[..., KisClient]:
    """``rt_client(sim, account="demo", **KisClient kwargs)``."""
    return make_client
