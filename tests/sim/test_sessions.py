"""Session windows with market_hours="krx" (errors-and-limits.md §7): paper takes orders only
in the regular session (40580000), real takes each ORD_DVSN in its own window (APBK0919)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from kisdesk.domain.ticks import step_price
from kisdesk.sim.clock import KST
from kisdesk.sim.server import SimServer
from kisdesk.sim.testing import SimThread
from tests.sim.conftest import RVSECNCL, Kis

SAMSUNG = "005930"
MONDAY = (2026, 11, 23)
SATURDAY = (2026, 11, 21)


class Clocked:
    """A Kis on a krx-hours simulator whose wall clock the test sets."""

    def __init__(self, sim: SimThread) -> None:
        self.sim = sim
        self.kis = Kis(sim, paced=True)
        self.tr = "TTTC0012U" if sim.server.profile == "real" else "VTTC0012U"

    def at(self, day: tuple[int, int, int], hh: int, mm: int) -> Clocked:
        self.sim.call(lambda s: s.clock.set(datetime(*day, hh, mm, tzinfo=KST)))
        self.sim.call("expire_tokens")  # the jump may cross the token's lifetime
        self.kis._token = None
        return self

    def order(self, ord_dvsn: str, venue: str = "KRX", price: str = "0") -> dict[str, Any]:
        if ord_dvsn in ("00", "07", "11", "12") and price == "0":
            price = str(self.sim.call(lambda s: s.market.domestic(SAMSUNG).price))
        body = {
            **self.kis.acct,
            "PDNO": SAMSUNG,
            "ORD_DVSN": ord_dvsn,
            "ORD_QTY": "1",
            "ORD_UNPR": price,
            "EXCG_ID_DVSN_CD": venue,
        }
        path = "/uapi/domestic-stock/v1/trading/order-cash"
        return self.kis.post(path, self.tr, body).json()

    def cancel(self, odno: str, ord_dvsn: str = "00") -> dict[str, Any]:
        body = {
            **self.kis.acct,
            "KRX_FWDG_ORD_ORGNO": "06010" if self.tr.startswith("T") else "00950",
            "ORGN_ODNO": odno,
            "ORD_DVSN": ord_dvsn,
            "RVSE_CNCL_DVSN_CD": "02",
            "ORD_QTY": "0",
            "ORD_UNPR": "0",
            "QTY_ALL_ORD_YN": "Y",
        }
        tr = "TTTC0013U" if self.tr.startswith("T") else "VTTC0013U"
        return self.kis.post(RVSECNCL, tr, body).json()


@pytest.fixture(params=["real", "paper"])
def clocked(request: pytest.FixtureRequest) -> Iterator[Clocked]:
    with SimThread(request.param, seed=3, market_hours="krx") as sim:
        c = Clocked(sim)
        yield c
        c.kis.close()


REAL_WINDOWS = [
    # (hh, mm, ORD_DVSN, venue, accepted?)
    (8, 29, "00", "KRX", False),
    (8, 30, "05", "KRX", True),  # 장전 시간외 08:30-08:40
    (8, 40, "05", "KRX", False),
    (8, 45, "00", "KRX", True),  # opening-auction book takes limit and market
    (8, 45, "01", "KRX", True),
    (8, 45, "03", "KRX", False),  # 최유리 / IOC need the continuous market
    (8, 45, "11", "KRX", False),
    (9, 0, "03", "KRX", True),
    (10, 0, "13", "KRX", True),
    (10, 0, "16", "KRX", True),
    (10, 0, "05", "KRX", False),
    (10, 0, "06", "KRX", False),
    (10, 0, "07", "KRX", False),
    (15, 29, "00", "KRX", True),
    (15, 30, "00", "KRX", False),
    (15, 40, "06", "KRX", True),  # 장후 시간외 15:40-16:00
    (15, 45, "00", "KRX", False),
    (16, 0, "06", "KRX", False),
    (16, 0, "07", "KRX", True),  # 시간외 단일가 16:00-18:00
    (17, 59, "07", "KRX", True),
    (18, 0, "07", "KRX", False),
    (8, 10, "00", "NXT", True),  # NXT pre-market 08:00-08:50
    (8, 55, "00", "NXT", False),  # NXT pauses around the KRX auctions
    (15, 25, "00", "NXT", False),
    (19, 0, "00", "NXT", True),  # NXT after-market to 20:00
    (20, 0, "00", "NXT", False),
    (19, 0, "00", "SOR", True),  # routed to NXT
    (19, 0, "01", "SOR", False),  # NXT takes no market order
    (8, 45, "01", "SOR", True),  # KRX opening-auction book
]


@pytest.fixture(scope="module")
def real_krx() -> Iterator[Clocked]:
    with SimThread("real", seed=3, market_hours="krx") as sim:
        c = Clocked(sim)
        yield c
        c.kis.close()


@pytest.mark.parametrize(("hh", "mm", "ord_dvsn", "venue", "ok"), REAL_WINDOWS)
def test_real_session_windows(
    real_krx: Clocked, hh: int, mm: int, ord_dvsn: str, venue: str, ok: bool
) -> None:
    r = real_krx.at(MONDAY, hh, mm).order(ord_dvsn, venue)
    assert r["msg_cd"] == ("APBK0013" if ok else "APBK0919"), r


def test_weekend_is_closed_for_every_type(clocked: Clocked) -> None:
    code = "APBK0919" if clocked.tr.startswith("T") else "40580000"
    clocked.at(SATURDAY, 10, 0)
    for ord_dvsn in ("00", "01"):
        assert clocked.order(ord_dvsn)["msg_cd"] == code


def test_paper_only_in_the_regular_session() -> None:
    with SimThread("paper", seed=3, market_hours="krx") as sim:
        c = Clocked(sim)
        for hh, mm in ((8, 30), (8, 45), (15, 30), (15, 45), (17, 0)):
            r = c.at(MONDAY, hh, mm).order("00")
            assert (r["rt_cd"], r["msg_cd"]) == ("1", "40580000")
            assert r["msg1"] == "모의투자 장종료 입니다."
        for hh, mm in ((9, 0), (15, 29)):
            assert c.at(MONDAY, hh, mm).order("01")["msg_cd"] == "40600000"
        low = str(sim.call(lambda s: s.market.domestic(SAMSUNG).lower))
        odno = c.at(MONDAY, 10, 0).order("00", price=low)["output"]["ODNO"]
        assert c.at(MONDAY, 15, 45).cancel(odno)["msg_cd"] == "40580000"
        assert c.at(MONDAY, 15, 0).cancel(odno)["msg_cd"] == "40600000"
        # Outside hours the session answer comes before the order-type one.
        assert c.at(MONDAY, 8, 35).order("05")["msg_cd"] == "40580000"
        assert c.at(MONDAY, 10, 0).order("05")["msg_cd"] == "SIM00007"
        c.kis.close()


def test_real_cancel_while_any_window_is_open() -> None:
    with SimThread("real", seed=3, market_hours="krx") as sim:
        c = Clocked(sim)
        low = str(sim.call(lambda s: s.market.domestic(SAMSUNG).lower))
        first = c.at(MONDAY, 16, 30).order("07", price=str(_after_hours_low(sim)))
        odno = first["output"]["ODNO"]
        assert sim.call(lambda s: s.orders.orders[odno].remaining) == 1  # rests after hours
        assert c.at(MONDAY, 17, 0).cancel(odno)["msg_cd"] == "APBK0013"
        second = c.at(MONDAY, 10, 0).order("00", price=low)["output"]["ODNO"]
        assert c.at(MONDAY, 18, 30).cancel(second)["msg_cd"] == "APBK0919"
        assert c.at(MONDAY, 19, 0).cancel(second, "00")["msg_cd"] == "APBK0919"  # KRX closed
        assert c.at(MONDAY, 15, 50).cancel(second)["msg_cd"] == "APBK0013"
        c.kis.close()


def _after_hours_low(sim: SimThread) -> int:
    """A buy price a few ticks under the close: inside the ±10 % band, not marketable."""
    return int(step_price(sim.call(lambda s: s.market.domestic(SAMSUNG).price), -3))


def test_prices_walk_only_in_the_regular_session() -> None:
    server = SimServer("real", seed=3, market_hours="krx")
    for hh, mm, walks in ((8, 45, False), (9, 0, True), (15, 29, True), (15, 45, False)):
        server.clock.set(datetime(*MONDAY, hh, mm, tzinfo=KST))
        assert server.market_open() is walks


def test_always_is_the_default_and_takes_every_type_at_any_hour() -> None:
    assert SimServer().market_hours == "always"
    with SimThread("real", seed=3) as sim:
        c = Clocked(sim).at(SATURDAY, 3, 0)
        for ord_dvsn in ("00", "01", "03", "04", "05", "06", "07", "11", "14"):
            assert c.order(ord_dvsn)["msg_cd"] == "APBK0013", ord_dvsn
        c.kis.close()
    with SimThread("paper", seed=3) as sim:
        c = Clocked(sim).at(SATURDAY, 3, 0)
        assert c.order("00")["msg_cd"] == "40600000"
        c.kis.close()
