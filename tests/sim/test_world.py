"""The simulated day lives in a SimWorld (issue 14): the server holds no state of it, handlers
leave no attributes behind, and a listener (the coming websocket feed) hears ticks and orders."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kisdesk.domain.ticks import step_price
from kisdesk.sim.matching import OrderEvent
from kisdesk.sim.testing import SimThread
from kisdesk.sim.world import SimWorld, TickEvent
from tests.sim.conftest import Kis

SAMSUNG = "005930"


def _attributes(s: Any) -> tuple[set[str], set[str]]:
    return set(vars(s)), set(vars(s.world))


def test_handlers_leave_no_attributes_on_the_server_or_the_world(kis: Kis) -> None:
    before = kis.sim.call(_attributes)
    chart = {
        "FID_COND_MRKT_DIV_CODE": "J",
        "FID_INPUT_ISCD": SAMSUNG,
        "FID_INPUT_DATE_1": "20000101",
        "FID_INPUT_DATE_2": "29991231",
        "FID_PERIOD_DIV_CODE": "D",
        "FID_ORG_ADJ_PRC": "0",
    }
    path = "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice"
    first = kis.get(path, "FHKST03010100", chart).json()["output2"]
    cap = {
        "fid_input_price_2": "",
        "fid_cond_mrkt_div_code": "J",
        "fid_cond_scr_div_code": "20174",
        "fid_div_cls_code": "0",
        "fid_input_iscd": "2001",  # KOSPI200: the constituents are worked out once
        "fid_trgt_cls_code": "0",
        "fid_trgt_exls_cls_code": "0",
        "fid_input_price_1": "",
        "fid_vol_cnt": "",
    }
    rows = kis.get("/uapi/domestic-stock/v1/ranking/market-cap", "FHPST01740000", cap).json()
    assert len(rows["output"]) == 30
    assert kis.sim.call(_attributes) == before
    # The caches still work: the same bars on a second call, the same index members.
    assert kis.get(path, "FHKST03010100", chart).json()["output2"] == first
    members = kis.sim.call(lambda s: s.world.market.kospi200())
    assert len(members) == 200 and {r["mksc_shrn_iscd"] for r in rows["output"]} <= members


def test_the_server_delegates_to_its_world() -> None:
    with SimThread("paper", seed=9) as sim:
        same = sim.call(
            lambda s: (
                s.market is s.world.market,
                s.orders is s.world.orders,
                s.stats is s.world.stats,
                s.clock is s.world.clock,
                s.accounts is s.world.accounts,
                s.account("demo") is s.world.account("demo"),
                s.profile,
            )
        )
    assert same == (True, True, True, True, True, True, "paper")


def test_listeners_hear_orders_and_ticks(kis: Kis) -> None:
    events: list[Any] = []
    ticks: list[tuple[str, int]] = []  # the quote moves on: note its step when told

    def listen(event: Any) -> None:
        events.append(event)
        if isinstance(event, TickEvent):
            ticks.append((event.quote.code, event.quote.steps))

    kis.sim.call(lambda s: s.world.add_listener(listen))
    price = Decimal(kis.price(SAMSUNG)["stck_prpr"])
    limit = step_price(price, -2)
    ack = kis.order("TTTC0012U", SAMSUNG, 3, int(limit))
    odno = ack["output"]["ODNO"]
    accepted = [e for e in events if isinstance(e, OrderEvent) and e.order.odno == odno]
    assert [e.kind for e in accepted] == ["accepted"]
    kis.sim.call("set_price", SAMSUNG, limit)  # the walk reaches the limit: it fills
    fills = [e for e in events if isinstance(e, OrderEvent) and e.kind == "filled"]
    assert [(e.order.odno, e.qty, e.price) for e in fills] == [(odno, 3, limit)]
    assert [code for code, _ in ticks] == [SAMSUNG]

    # A watched symbol moves on every step and is told; unwatched, it is quiet again.
    ticks.clear()
    kis.sim.call(lambda s: s.world.watch("NASD", "AAPL"))
    kis.sim.call("step_market", 3)
    assert ticks == [("AAPL", 1), ("AAPL", 2), ("AAPL", 3)]
    kis.sim.call(lambda s: s.world.unwatch("NASD", "AAPL"))
    events.clear()
    kis.sim.call("step_market", 2)
    assert events == []


def test_an_ioc_rest_is_heard_as_cancelled() -> None:
    world = SimWorld("real", seed=4)
    heard: list[OrderEvent] = []
    world.add_listener(lambda e: heard.append(e) if isinstance(e, OrderEvent) else None)
    q = world.market.domestic(SAMSUNG)
    assert q is not None
    below = step_price(q.price, -5)  # an IOC buy under the market trades nothing
    order = world.orders.place_domestic(world.account("demo"), q, "buy", "11", 4, below)
    assert [(e.kind, e.qty) for e in heard] == [("accepted", 0), ("cancelled", 4)]
    assert order.remaining == 0


def test_a_failing_listener_does_not_stop_matching(kis: Kis) -> None:
    def broken(_event: object) -> None:
        raise RuntimeError("listener bug")

    kis.sim.call(lambda s: s.world.add_listener(broken))
    ack = kis.order("TTTC0012U", SAMSUNG, 1, 0, "01")
    assert ack["msg_cd"] == "APBK0013"
    assert kis.sim.call(lambda s: s.orders.orders[ack["output"]["ODNO"]].filled) == 1
