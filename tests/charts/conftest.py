"""Chart tests: simulators with a pinned KRX-hours clock (a Wednesday, 11:00 KST), a raw KIS
speaker for the chart endpoints, and clients of the app's own KisClient.

(The suite runs with --import-mode=importlib, so helpers are fixtures, not imports.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from kisdesk.kis import Credentials, KisClient, MemoryTokenStore, RateLimiter, demo_environment
from kisdesk.sim.clock import KST, SimClock
from kisdesk.sim.testing import SimThread

WEDNESDAY_11 = dt.datetime(2026, 12, 2, 11, 0, 0, tzinfo=KST)


def chart_sim(profile: str, when: dt.datetime = WEDNESDAY_11) -> SimThread:
    clock = SimClock(start=when)
    clock.freeze()
    # Paper's 2 calls/s would make the paging tests slow; its rules on TRs stay the same.
    return SimThread(profile=profile, seed=77, market_hours="krx", clock=clock, rate_limit=1000)


@pytest.fixture
def real_sim() -> Iterator[SimThread]:
    with chart_sim("real") as s:
        yield s


@pytest.fixture
def paper_chart_sim() -> Iterator[SimThread]:
    with chart_sim("paper") as s:
        yield s


class RawKis:
    """GETs with KIS headers over TCP: what any client sends."""

    def __init__(self, sim: SimThread) -> None:
        self.sim = sim
        self.http = httpx.Client(base_url=sim.base_url, timeout=10)
        body = {
            "grant_type": "client_credentials",
            "appkey": sim.appkey,
            "appsecret": sim.appsecret,
        }
        answer = self.http.post("/oauth2/tokenP", json=body).json()
        if "access_token" not in answer:  # one token a minute: share the app client's (EGW00133)
            assert answer.get("error_code") == "EGW00133", answer
            answer["access_token"] = sim.call(lambda s: s.tokens._current[sim.appkey].value)
        self.token = answer["access_token"]

    def get(self, path: str, tr_id: str, params: dict[str, str]) -> httpx.Response:
        headers = {
            "authorization": f"Bearer {self.token}",
            "appkey": self.sim.appkey,
            "appsecret": self.sim.appsecret,
            "tr_id": tr_id,
            "custtype": "P",
        }
        return self.http.get(path, params=params, headers=headers)

    def body(self, path: str, tr_id: str, params: dict[str, str]) -> dict[str, Any]:
        r = self.get(path, tr_id, params)
        body = r.json()
        assert r.status_code == 200 and body["rt_cd"] == "0", body
        return body


@pytest.fixture
def raw() -> Iterator[Any]:
    made: list[RawKis] = []

    def make(sim: SimThread) -> RawKis:
        made.append(RawKis(sim))
        return made[-1]

    yield make
    for r in made:
        r.http.close()


@pytest.fixture
def chart_client() -> Any:
    """chart_client(sim) → a KisClient on that simulator's profile (close it with aclose), its
    tokens its own (two simulators of one seed share an app key, not their tokens)."""

    def make(sim: SimThread) -> KisClient:
        env = demo_environment(sim.base_url, sim.ws_url, profile=sim.server.profile)
        creds = Credentials(sim.appkey, sim.appsecret, sim.accounts["demo"])
        return KisClient(env, creds, limiter=RateLimiter(1000), token_store=MemoryTokenStore())

    return make


@pytest.fixture
def daily_history(monkeypatch: pytest.MonkeyPatch) -> Any:
    """daily_history(count) → the simulator's own daily bars of 005930 (``count`` business days
    ending on Wednesday 2026-12-02, the last one that day's quote) as the chart's ChartBars."""
    from kisdesk.kis.charts import ChartBar
    from kisdesk.sim import history
    from kisdesk.sim.market import Market

    def make(count: int) -> list[ChartBar]:
        monkeypatch.setattr(history, "HISTORY_DAYS", count - 1)
        market = Market(20260801, dt.datetime(2026, 12, 2, 11, 0))
        q = market.domestic("005930")
        assert q is not None
        made = history.DailyHistory(20260801).bars(q, dt.date(2026, 12, 2))
        bars = [
            ChartBar(
                dt.datetime.combine(b.day, dt.time()), b.open, b.high, b.low, b.close, b.volume
            )
            for b in made
        ]
        return [*bars, ChartBar(dt.datetime(2026, 12, 2), q.open, q.high, q.low, q.price, q.volume)]

    return make


@pytest.fixture
def sim_at() -> Iterator[Any]:
    """sim_at(when) → a started real-profile chart simulator whose clock stands at ``when``."""
    made: list[SimThread] = []

    def make(when: dt.datetime) -> SimThread:
        made.append(chart_sim("real", when))
        made[-1].__enter__()
        return made[-1]

    yield make
    for s in made:
        s.__exit__(None, None, None)
