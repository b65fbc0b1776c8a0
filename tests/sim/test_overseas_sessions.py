"""Overseas hours in the KRX-clock mode (endpoints.md O10, errors-and-limits.md §7), with the wall
clock set through the simulator's admin route: each exchange takes orders in its own KST
windows and answers APBK1664 outside them; the US regular TRs follow US summer time; the US
daytime session has its own TRs (real-only, 10:00-18:00 KST, flagged issues only), and a
daytime order is modified on its own TR (APBK0918 on the regular one)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from kisdesk.sim.market import overseas_tick
from kisdesk.sim.testing import SimThread
from kisdesk.sim.universe import US_ANCHORS
from tests.sim.conftest import Kis
from tests.sim.overseas_helpers import (
    DAYTIME,
    DAYTIME_RVSE,
    ORDER,
    RVSE,
    last,
    ok,
    order_body,
    revise_body,
    set_clock,
)

MONDAY = "2026-11-23"  # US standard time
SUMMER_MONDAY = "2026-07-06"  # US summer time


@pytest.fixture
def krx_kis() -> Iterator[Kis]:
    with SimThread("real", seed=5, market_hours="krx") as sim:
        k = Kis(sim, paced=True).use("large")
        yield k
        k.close()


@pytest.fixture
def krx_paper() -> Iterator[Kis]:
    with SimThread("paper", seed=5, market_hours="krx") as sim:
        k = Kis(sim, paced=True)
        yield k
        k.close()


def _resting(kis: Kis, excd: str, code: str, excg: str) -> Decimal:
    """Three ticks under the market (the simulator's tick of that price)."""
    p = last(kis, excd, code)
    return p - 3 * overseas_tick(excg, p)


def _not_flagged(kis: Kis) -> str:
    """A Nasdaq issue outside the well-known names: no daytime session, not on paper."""
    return kis.sim.call(
        lambda s: next(
            c
            for (e, c) in sorted(s.market.overseas_listings)
            if e == "NASD" and c not in US_ANCHORS
        )
    )


# (exchange, quote code, issue, buy TR, lot): one issue per market for the hour checks.
ISSUES = {
    "NASD": ("NAS", "AAPL", "TTTT1002U", 1),
    "TKSE": ("TSE", "7203", "TTTS0308U", 100),
    "SEHK": ("HKS", "00700", "TTTS1002U", 100),
    "SHAA": ("SHS", "601318", "TTTS0202U", 100),
    "VNSE": ("HSX", "VIC", "TTTS0311U", 100),
}

HOURS = [
    # (local KST time, exchange, accepted?)
    (f"{MONDAY}T08:59", "TKSE", False),
    (f"{MONDAY}T09:00", "TKSE", True),
    (f"{MONDAY}T11:45", "TKSE", False),  # Tokyo's lunch break
    (f"{MONDAY}T12:30", "TKSE", True),
    (f"{MONDAY}T15:00", "TKSE", False),
    (f"{MONDAY}T10:29", "SEHK", False),
    (f"{MONDAY}T12:59", "SEHK", True),
    (f"{MONDAY}T13:30", "SEHK", False),  # Hong Kong's lunch break
    (f"{MONDAY}T16:59", "SEHK", True),
    (f"{MONDAY}T10:30", "SHAA", True),
    (f"{MONDAY}T16:00", "SHAA", False),
    (f"{MONDAY}T11:00", "VNSE", True),
    (f"{MONDAY}T14:00", "VNSE", False),
    (f"{MONDAY}T17:59", "NASD", False),  # winter: pre-market from 18:00
    (f"{MONDAY}T18:00", "NASD", True),
    ("2026-11-24T02:00", "NASD", True),  # Monday's regular session, Tuesday morning in Seoul
    ("2026-11-24T06:59", "NASD", True),  # after-market
    ("2026-11-24T07:00", "NASD", False),
    ("2026-11-28T06:30", "NASD", True),  # Saturday morning: Friday's after-market
    ("2026-11-28T18:30", "NASD", False),  # Saturday evening: no US Saturday
    (f"{SUMMER_MONDAY}T17:00", "NASD", True),  # summer: pre-market from 17:00
    (f"{SUMMER_MONDAY}T16:59", "NASD", False),
    ("2026-11-21T10:30", "TKSE", False),  # Saturday
]


@pytest.mark.parametrize(("when", "excg", "accepted"), HOURS)
def test_each_exchange_takes_orders_in_its_hours(
    krx_kis: Kis, when: str, excg: str, accepted: bool
) -> None:
    kis = krx_kis
    excd, code, tr, lot = ISSUES[excg]
    set_clock(kis, when)
    body = kis.post(ORDER, tr, order_body(kis, excg, code, lot, _resting(kis, excd, code, excg)))
    r = body.json()
    if accepted:
        assert r["rt_cd"] == "0", (when, r)
    else:
        assert (r["rt_cd"], r["msg_cd"], r["msg1"]) == (
            "1",
            "APBK1664",
            "해외주식 장운영시간이 아닙니다.",
        ), when


def _daytime_body(kis: Kis, code: str, qty: int, price: Decimal, **over: str) -> dict[str, str]:
    body = order_body(kis, "NASD", code, qty, price)
    del body["SLL_TYPE"]  # O10: the daytime body has no SLL_TYPE
    body.update(over)
    return body


def test_daytime_session_orders_modify_and_cancel(krx_kis: Kis) -> None:
    kis = krx_kis
    set_clock(kis, f"{MONDAY}T12:00")
    price = _resting(kis, "NAS", "AAPL", "NASD")
    # The regular TRs are closed at noon; the daytime TR takes it.
    r = kis.post(ORDER, "TTTT1002U", order_body(kis, "NASD", "AAPL", 2, price)).json()
    assert r["msg_cd"] == "APBK1664"
    ack = ok(kis.post(DAYTIME, "TTTS6036U", _daytime_body(kis, "AAPL", 2, price)).json())
    odno = ack["output"]["ODNO"]
    assert kis.sim.call(lambda s: s.orders.orders[odno].session) == "daytime"
    # Limit only; and only the flagged issues (here the well-known names).
    loo = _daytime_body(kis, "AAPL", 1, price, ORD_DVSN="32")
    assert kis.post(DAYTIME, "TTTS6036U", loo).json()["msg_cd"] == "SIM00007"
    other = _not_flagged(kis)
    odd = _daytime_body(kis, other, 1, last(kis, "NAS", other))
    assert kis.post(DAYTIME, "TTTS6036U", odd).json()["msg_cd"] == "SIM00009"
    # A daytime order is modified on the daytime TR: the regular one says APBK0918.
    lower = price - Decimal("0.01")
    body = revise_body(kis, "NASD", "AAPL", odno, "01", 1, lower)
    assert kis.post(RVSE, "TTTT1004U", body).json()["msg_cd"] == "APBK0918"
    new = ok(kis.post(DAYTIME_RVSE, "TTTS6038U", body).json())["output"]["ODNO"]
    assert kis.sim.call(lambda s: (s.orders.orders[new].price, s.orders.orders[new].session)) == (
        lower,
        "daytime",
    )
    for target in (odno, new):
        cancel = revise_body(kis, "NASD", "AAPL", target, "02", "0", "0")
        ok(kis.post(DAYTIME_RVSE, "TTTS6038U", cancel).json())
    left = kis.sim.call(lambda s: [s.orders.orders[o].remaining for o in (odno, new)])
    assert left == [0, 0]


def test_daytime_session_hours_and_regular_orders_on_its_tr(krx_kis: Kis) -> None:
    kis = krx_kis
    set_clock(kis, f"{MONDAY}T18:30")  # pre-market: the regular TR, not the daytime one
    price = _resting(kis, "NAS", "AAPL", "NASD")
    r = kis.post(DAYTIME, "TTTS6036U", _daytime_body(kis, "AAPL", 1, price)).json()
    assert r["msg_cd"] == "APBK1664"
    regular = ok(kis.post(ORDER, "TTTT1002U", order_body(kis, "NASD", "AAPL", 1, price)).json())
    # The daytime modify TR knows only daytime orders.
    set_clock(kis, f"{MONDAY}T12:00")
    body = revise_body(kis, "NASD", "AAPL", regular["output"]["ODNO"], "02", "0", "0")
    assert kis.post(DAYTIME_RVSE, "TTTS6038U", body).json()["msg_cd"] == "SIM00005"
    # Saturday noon: no daytime session.
    set_clock(kis, "2026-11-28T12:00")
    r = kis.post(DAYTIME, "TTTS6036U", _daytime_body(kis, "AAPL", 1, price)).json()
    assert r["msg_cd"] == "APBK1664"


def test_a_cancel_also_waits_for_the_market(krx_kis: Kis) -> None:
    kis = krx_kis
    set_clock(kis, f"{MONDAY}T10:00")
    price = _resting(kis, "TSE", "7203", "TKSE")
    odno = ok(kis.post(ORDER, "TTTS0308U", order_body(kis, "TKSE", "7203", 100, price)).json())[
        "output"
    ]["ODNO"]
    set_clock(kis, f"{MONDAY}T16:00")
    body = revise_body(kis, "TKSE", "7203", odno, "02", "0", "0")
    assert kis.post(RVSE, "TTTS0309U", body).json()["msg_cd"] == "APBK1664"
    set_clock(kis, "2026-11-24T09:30")
    ok(kis.post(RVSE, "TTTS0309U", body).json())


def test_paper_has_no_daytime_session_and_trades_some_issues(krx_paper: Kis) -> None:
    kis = krx_paper
    set_clock(kis, f"{MONDAY}T12:00")
    price = _resting(kis, "NAS", "AAPL", "NASD")
    r = kis.post(DAYTIME, "VTTS6036U", _daytime_body(kis, "AAPL", 1, price))
    assert r.json()["msg_cd"] == "90000000"  # 모의투자 미지원
    set_clock(kis, f"{MONDAY}T19:00")
    ack = ok(kis.post(ORDER, "VTTT1002U", order_body(kis, "NASD", "AAPL", 1, price)).json())
    assert ack["msg_cd"] == "40600000"
    other = _not_flagged(kis)
    body = order_body(kis, "NASD", other, 1, last(kis, "NAS", other))
    assert kis.post(ORDER, "VTTT1002U", body).json()["msg_cd"] == "SIM00010"
    # Outside the hours paper refuses too.
    set_clock(kis, f"{MONDAY}T08:00")
    body = order_body(kis, "NASD", "AAPL", 1, price)
    assert kis.post(ORDER, "VTTT1002U", body).json()["msg_cd"] == "APBK1664"
