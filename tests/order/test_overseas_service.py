"""Overseas orders through the order service and the overseas ticket, against the simulator over
TCP: the ticket's facts (O6 quote, O8 buying power in the order currency and in won, sellable
from the holdings), local refusals (a Tokyo odd lot, a Shanghai modify), routing to the US
daytime TRs by the session, paper's US sell TR, and a lost answer reconciled against O9 with
exactly one order at the simulator."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QObject

from kisdesk.domain.order_state import OrderState
from kisdesk.domain.order_types import Side
from kisdesk.domain.overseas_hours import KST
from kisdesk.kis import Credentials, KisClient, OrderRejected
from kisdesk.kis.env import demo_environment
from kisdesk.kis.tokens import MemoryTokenStore
from kisdesk.services.orders import OrderService
from kisdesk.services.overseas_ticket import (
    OverseasSymbol,
    OverseasTicket,
    always_open,
    kis_hours,
)
from kisdesk.services.session import Session

P_ORDER = "/uapi/overseas-stock/v1/trading/order"


@pytest.fixture
def start_sim(run_async):
    """``start_sim(profile, hours=..., account=...)``: a simulator on the test loop (no ticker)
    and a session connected to it."""
    made: list[Session] = []

    def start(profile: str = "real", *, hours: str = "always", account: str = "demo") -> Session:
        from kisdesk.sim.server import SimServer

        async def go() -> Session:
            sim = SimServer(profile=profile, seed=4321, ticker_interval=None, market_hours=hours)
            await sim.start()
            env = demo_environment(sim.base_url, sim.ws_url, profile=profile)
            creds = Credentials(sim.appkey, sim.appsecret, sim.accounts[account])
            client = KisClient(env, creds, token_store=MemoryTokenStore())
            await client.ensure_token()
            return Session(env=env, account=creds.account, client=client, sim=sim)

        session = run_async(go())
        made.append(session)
        return session

    yield start
    for session in made:
        run_async(session.close())


@pytest.fixture
def desk(qtbot, qloop, start_sim):
    """``desk(session, router=..., clock=...)`` → (service, ticket), torn down after the test."""
    made: list[tuple[QObject, OrderService, OverseasTicket]] = []

    def make(session: Session, *, router: Any = always_open, clock: Any = None):
        owner = QObject()
        service = OrderService(
            session.client, reconcile_delays=(0.3, 0.6, 1.0, 2.0), clock=clock, parent=owner
        )
        ticket = OverseasTicket(owner, clock=clock, router=router)
        ticket.set_source(service)
        made.append((owner, service, ticket))
        return service, ticket

    yield make
    for _owner, service, ticket in made:
        ticket.cancel()
        service.stop()


def _settled(qtbot, ticket: OverseasTicket, *, account: bool = True) -> None:
    def ready() -> bool:
        if not ticket.idle or ticket.quote is None:
            return False
        if not account:
            return True
        if ticket.side is Side.SELL:
            return ticket.sellable is not None
        return ticket.buying_power is not None or ticket.paper

    qtbot.waitUntil(ready, timeout=10_000)


def test_ticket_facts_and_a_us_limit_buy_to_fill(qtbot, start_sim, desk) -> None:
    session = start_sim()
    sim = session.sim
    _service, ticket = desk(session)
    ticket.set_symbol(OverseasSymbol("NASD", "AAPL", "애플"))
    _settled(qtbot, ticket)
    q = sim.market.overseas("NASD", "AAPL")
    facts = ticket.facts()
    assert (facts.current, facts.tick, facts.lot, facts.decimals) == (q.price, q.tick(), 1, 4)
    usd = sim.orders.fx_buying_power(sim.account("demo"), "USD")
    bp = ticket.buying_power
    assert bp is not None and (bp.currency, bp.amount) == ("USD", usd)
    assert bp.krw == (usd * Decimal("1385.50")).quantize(Decimal(1))  # the won view
    assert ticket.max_quantity() == int(usd // q.price)
    assert [t.code for t in ticket.offered_types()] == ["00", "32", "34"]
    assert "no market orders" in ticket.types_note().render()

    price = q.price + Decimal("0.05")  # over the market: fills at once, at the market
    draft = ticket.draft(price, 2)
    assert ticket.validate(draft) == ()
    order = ticket.submit(draft)
    assert order is not None and order.exchange == "NASD"
    qtbot.waitUntil(lambda: order.state is OrderState.FILLED, timeout=10_000)
    assert sim.stats.by_tr_id["TTTT1002U"] == 1 and sim.stats.by_tr_id["TTTS3035R"] >= 1
    # The holdings say what may now be sold, fresh.
    held = sim.account("demo").ovs[("NASD", "AAPL")].qty
    ticket.set_side(Side.SELL)
    _settled(qtbot, ticket)
    assert ticket.sellable == held


def test_tokyo_lot_refused_locally_and_by_the_simulator(qtbot, start_sim, desk, run_async) -> None:
    session = start_sim(account="large")
    sim = session.sim
    _service, ticket = desk(session)
    ticket.set_symbol(OverseasSymbol("TKSE", "7203", "도요타자동차"))
    _settled(qtbot, ticket)
    draft = ticket.draft(ticket.quote.price, 150)
    problems = ticket.validate(draft)
    assert [p.code for p in problems] == ["ovs_qty_lot"]
    assert problems[0].render() == "This issue trades in lots of 100 shares (100 or 200)."
    assert ticket.submit(draft) is None and sim.stats.orders_received == 0
    # Sent anyway (bypassing the rules), the simulator refuses the lot too.
    with pytest.raises(OrderRejected) as info:
        run_async(session.client.overseas_order("buy", "TKSE", "7203", 150, ticket.quote.price))
    assert info.value.msg_cd == "SIM00004"


def test_shanghai_modify_refused_locally_and_cancel_accepted(qtbot, start_sim, desk, run_async):
    session = start_sim(account="large")
    sim = session.sim
    service, ticket = desk(session)
    ticket.set_symbol(OverseasSymbol("SHAA", "601318", "중국평안보험"))
    _settled(qtbot, ticket)
    price = ticket.step_price(ticket.quote.price, -3)
    order = ticket.submit(ticket.draft(price, 100))
    qtbot.waitUntil(lambda: order.state is OrderState.ACCEPTED, timeout=10_000)
    qtbot.waitUntil(lambda: any(o.overseas for o in service.open_orders), timeout=10_000)
    target = next(o for o in service.open_orders if o.order_no == order.order_no)
    assert (target.exchange, target.currency, target.open_qty) == ("SHAA", "CNY", 100)
    result = run_async(service.modify(target, price - Decimal("0.01"), 100))
    assert not result.ok and result.message == "상해 orders can be cancelled but not modified."
    assert sim.stats.by_tr_id["TTTS0302U"] == 0  # nothing was sent
    result = run_async(service.cancel(target))
    assert result.ok and sim.stats.by_tr_id["TTTS0302U"] == 1
    qtbot.waitUntil(lambda: order.state is OrderState.CANCELLED, timeout=10_000)
    assert sim.orders.orders[order.order_no].remaining == 0


async def _set_clock(session: Session, iso: str) -> None:
    """Through the simulator's admin route, as a tool would (KST when no offset is given)."""
    async with httpx.AsyncClient(base_url=session.sim.base_url) as http:
        r = await http.post("/__sim/clock", json={"set": iso})
    assert r.status_code == 200


def test_us_daytime_routed_inside_the_session_refused_outside(
    qtbot, start_sim, desk, run_async
) -> None:
    session = start_sim(hours="krx")
    sim = session.sim
    clock = sim.clock.now
    _service, ticket = desk(session, router=kis_hours, clock=clock)
    run_async(_set_clock(session, "2026-11-23T12:00"))  # Monday noon, KST
    ticket.set_symbol(OverseasSymbol("NASD", "AAPL", "애플"))
    _settled(qtbot, ticket)
    assert ticket.route().daytime and ticket.facts().daytime_tradable is True
    assert [t.code for t in ticket.offered_types()] == ["00"]
    price = ticket.step_price(ticket.quote.price, -2)
    order = ticket.submit(ticket.draft(price, 1))
    qtbot.waitUntil(lambda: order.state is OrderState.ACCEPTED, timeout=10_000)
    assert order.daytime and sim.stats.by_tr_id["TTTS6036U"] == 1
    assert "TTTT1002U" not in sim.stats.by_tr_id
    # An issue the daytime session does not trade is refused before anything is sent.
    ticket.set_symbol(OverseasSymbol("NASD", "AMD", "AMD"))
    _settled(qtbot, ticket)
    draft = ticket.draft(ticket.quote.price, 1)
    assert [p.code for p in ticket.validate(draft)] == ["ovs_daytime_symbol"]
    # Outside the session (08:00: no US session at all) the order is refused here, and the
    # simulator refuses the daytime TR too.
    run_async(_set_clock(session, "2026-11-23T08:00"))
    ticket.set_symbol(OverseasSymbol("NASD", "AAPL", "애플"))
    _settled(qtbot, ticket)
    problems = ticket.validate(ticket.draft(price, 1))
    assert [p.code for p in problems] == ["ovs_closed"]
    assert ticket.submit(ticket.draft(price, 1)) is None
    with pytest.raises(OrderRejected) as info:
        run_async(session.client.overseas_order("buy", "NASD", "AAPL", 1, price, daytime=True))
    assert info.value.msg_cd == "APBK1664"
    assert sim.stats.by_tr_id["TTTS6036U"] == 2  # the one accepted and the one sent by hand


def test_paper_us_sell_uses_vttt1001u(qtbot, start_sim, desk) -> None:
    session = start_sim("paper")
    sim = session.sim
    _service, ticket = desk(session)
    ticket.set_symbol(OverseasSymbol("NASD", "AAPL", "애플"))
    ticket.set_side(Side.SELL)
    _settled(qtbot, ticket)
    facts = ticket.facts()
    assert not facts.buying_power_offered and facts.tick is None  # no O6, no O8 on paper
    assert [t.code for t in ticket.offered_types()] == ["00"]
    assert ticket.types_note().render() == "Paper trading takes limit orders only."
    held = sim.account("demo").ovs[("NASD", "AAPL")].qty
    assert ticket.sellable == held
    order = ticket.submit(ticket.draft(ticket.quote.price, 1))
    qtbot.waitUntil(lambda: order.state is OrderState.FILLED, timeout=15_000)
    assert sim.stats.by_tr_id["VTTT1001U"] == 1 and "VTTT1006U" not in sim.stats.by_tr_id


@pytest.mark.parametrize("profile", ["real", "paper"])
def test_a_dropped_answer_is_reconciled_with_exactly_one_order(
    qtbot, start_sim, desk, profile
) -> None:
    session = start_sim(profile)
    sim = session.sim
    service, ticket = desk(session)
    ticket.set_symbol(OverseasSymbol("TKSE", "6758", "소니그룹"))
    _settled(qtbot, ticket)
    qtbot.waitUntil(lambda: service._ovs_baseline, timeout=10_000)
    price = ticket.step_price(ticket.quote.price, -5)
    sim.faults.add("drop_response", path_prefix=P_ORDER, count=1)
    order = ticket.submit(ticket.draft(price, 100))
    qtbot.waitUntil(lambda: order.state is OrderState.UNKNOWN, timeout=10_000)
    assert ticket.submit(ticket.draft(price, 100)) is None  # held while it is checked
    qtbot.waitUntil(lambda: order.state is not OrderState.UNKNOWN, timeout=20_000)
    assert order.state is OrderState.ACCEPTED, order.message
    booked = [o for o in sim.orders.orders.values() if o.code == "6758"]
    assert [o.odno for o in booked] == [order.order_no]
    assert sim.stats.orders_received == 1
    history_tr = "TTTS3035R" if profile == "real" else "VTTS3035R"
    assert sim.stats.by_tr_id[history_tr] >= 1


def test_ticket_steps_prices_on_the_grid(qtbot, start_sim, desk) -> None:
    session = start_sim(account="large")
    _service, ticket = desk(session)
    ticket.set_symbol(OverseasSymbol("SEHK", "00005", "HSBC홀딩스"))
    _settled(qtbot, ticket)
    assert ticket.facts().lot == 400  # the board lot, from O6
    assert ticket.step_price(Decimal("20.00"), 1) == Decimal("20.05")
    assert ticket.step_price(Decimal("20.00"), -1) == Decimal("19.98")
    assert ticket.quantity_for_percent(100) % 400 == 0
    now = dt.datetime.now(KST)
    assert ticket.route().open and ticket.clock().tzinfo is not None and now.tzinfo is not None


def test_the_ticket_follows_the_session_as_the_clock_moves(qtbot, start_sim, desk) -> None:
    session = start_sim()
    now = [dt.datetime(2026, 11, 23, 17, 59, tzinfo=KST)]  # Monday: the daytime session
    _service, ticket = desk(session, router=kis_hours, clock=lambda: now[0])
    routes: list[Any] = []
    ticket.route_changed.connect(routes.append)
    ticket.set_symbol(OverseasSymbol("NASD", "AMD", "AMD"))
    _settled(qtbot, ticket)
    assert ticket.route().daytime and ticket.quote.daytime_tradable is False
    now[0] += dt.timedelta(minutes=1)  # 18:00: the pre-market, on the regular TRs
    ticket.check_route()
    assert [r.session.value for r in routes] == ["pre"]
    # The quote is read again under the regular quote code: no daytime verdict any more.
    qtbot.waitUntil(lambda: ticket.idle and ticket.quote.daytime_tradable is None, timeout=5000)
    draft = ticket.draft(ticket.quote.price, 1)
    assert ticket.validate(draft) == ()
    assert [t.code for t in ticket.offered_types()] == ["00", "32", "34"]
