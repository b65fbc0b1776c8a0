"""Market model: deterministic per seed, on the tick grid, inside the band, plausible names."""

from __future__ import annotations

import time
from decimal import Decimal

from kisdesk.domain.ticks import is_on_tick, price_limits
from kisdesk.sim.market import overseas_tick
from kisdesk.sim.server import SimServer
from kisdesk.sim.testing import SimThread
from tests.sim.conftest import Kis

CODES = ("005930", "000660", "035420", "069500", "Q500020", "247540")


def _prices(server: SimServer) -> dict[str, Decimal]:
    return {c: server.market.domestic(c).price for c in CODES}  # type: ignore[union-attr]


def test_walk_is_deterministic_per_seed() -> None:
    a, b, c = SimServer(seed=7), SimServer(seed=7), SimServer(seed=8)
    for s in (a, b, c):
        s.step_market(25)
    assert _prices(a) == _prices(b)
    assert _prices(a) != _prices(c)
    # Looking at a symbol early does not change where it ends up.
    d = SimServer(seed=7)
    d.market.domestic("005930")
    d.step_market(10)
    d.market.domestic("005930")
    d.step_market(15)
    assert _prices(d) == _prices(a)


def test_prices_on_grid_and_inside_band() -> None:
    s = SimServer(seed=3)
    s.step_market(200)
    for code in list(s.market.listings)[::37]:
        q = s.market.domestic(code)
        assert q is not None
        kind = q.tkind
        for p in (q.price, q.open, q.high, q.low, q.base):
            assert is_on_tick(p, kind), (code, p)
        assert (q.upper, q.lower) == price_limits(q.base, kind)
        assert q.lower <= q.low <= q.price <= q.high <= q.upper
    etf = s.market.domestic("069500")
    assert etf is not None and etf.price % 5 == 0


def test_famous_names_are_plausible() -> None:
    for seed in (0, 1, 1234):
        s = SimServer(seed=seed)
        samsung = s.market.domestic("005930")
        hynix = s.market.domestic("000660")
        assert samsung is not None and hynix is not None
        assert 70_000 <= samsung.base <= 80_000
        assert 170_000 <= hynix.base <= 200_000
        assert samsung.listing.name == "삼성전자"
        aapl = s.market.overseas("NASD", "AAPL")
        assert aapl is not None and Decimal(200) < aapl.base < Decimal(250)


def test_overseas_quotes_on_their_grids() -> None:
    s = SimServer(seed=5)
    s.step_market(50)
    pairs = [("SEHK", "00700"), ("TKSE", "7203"), ("SHAA", "600519"), ("SZAA", "300750")]
    pairs += [("HASE", "SHS"), ("VNSE", "VNM"), ("NYSE", "KO")]
    for exch, code in pairs:
        q = s.market.overseas(exch, code)
        assert q is not None, code
        assert q.price % overseas_tick(exch, q.price) == 0
        if q.upper is not None:
            assert q.lower <= q.price <= q.upper


def test_demo_portfolio_shape() -> None:
    s = SimServer(seed=1234)
    demo = s.account("demo")
    assert 20 <= len(demo.holdings) <= 30
    assert demo.deposit == 30_000_000
    assert {h.exch for h in demo.ovs.values()} >= {"NASD", "NYSE", "AMEX", "SEHK", "TKSE"}
    large = s.account("large")
    assert len(large.holdings) == 300
    assert {h.exch for h in large.ovs.values()} == {
        "NASD", "NYSE", "AMEX", "SEHK", "SHAA", "SZAA", "TKSE", "HASE", "VNSE",
    }  # fmt: skip
    assert s.accounts["demo"] == "50012345-01"


def test_step_market_moves_prices(kis: Kis) -> None:
    before = {c: kis.price(c)["stck_prpr"] for c in CODES}
    kis.sim.call("step_market", 50)
    after = {c: kis.price(c)["stck_prpr"] for c in CODES}
    assert before != after
    assert kis.sim.call(lambda s: s.market.steps) == 50


def test_background_ticker() -> None:
    with SimThread("real", seed=2, ticker_interval=0.02) as sim:
        deadline = time.monotonic() + 5
        while sim.call(lambda s: s.market.steps) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert sim.call(lambda s: s.market.steps) >= 3


def test_warm_up_builds_the_universe_in_slices() -> None:
    with SimThread("real", seed=2, warm_up=True) as sim:
        total = len(sim.server.market.listings)
        deadline = time.monotonic() + 20
        while sim.call(lambda s: len(s.market._krx)) < total and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sim.call(lambda s: len(s.market._krx)) == total
