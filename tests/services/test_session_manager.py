"""services/session_manager.py with no window at all: the session life cycle as signals, the
session's order service started on connect (with the order preferences) and closed only after
the app let go of the session, an order in flight answered before a switch ends its session.
Against the simulator over TCP; sync tests on the shared qasync loop."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings

from kisdesk.domain.order_rules import OrderDraft, OrderFacts
from kisdesk.domain.order_state import OrderState
from kisdesk.domain.order_types import LIMIT, Side
from kisdesk.services.session import Session, connect_to_sim
from kisdesk.services.session_manager import SessionManager

ORDER_CASH = "/uapi/domestic-stock/v1/trading/order-cash"
CODE = "005930"
BOOKED = (OrderState.ACCEPTED, OrderState.PARTIAL, OrderState.FILLED)


class Recorder:
    """Every signal of a manager, in order, and what the app saw when asked to let go."""

    def __init__(self, manager: SessionManager) -> None:
        self.events: list[tuple[str, object]] = []
        self.at_detach: list[dict[str, object]] = []
        for name in ("connecting", "connected", "failed", "logged_out", "settling"):
            getattr(manager, name).connect(
                lambda *args, n=name: self.events.append((n, args[0] if args else None))
            )
        manager.needs_setup.connect(lambda d, p: self.events.append(("needs_setup", (d, p))))
        manager.settled.connect(lambda k, c: self.events.append(("settled", (k, c))))
        self.manager = manager
        manager.detach = self.detach

    async def detach(self) -> None:
        session = self.manager.session
        orders = session.orders if session is not None else None
        self.at_detach.append(
            {
                "session": session,
                "orders_open": orders is not None and not orders._closed,
                "tracked": [(t.state, t.order_no) for t in orders.tracked] if orders else [],
            }
        )

    def names(self) -> list[str]:
        return [name for name, _ in self.events]


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "kisdesk.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def manager(sim, settings, run_async):
    made: list[Session] = []

    async def factory(*, on_event=None) -> Session:
        session = connect_to_sim(sim, on_event=on_event, own_limiter=True)
        made.append(session)
        return session

    manager = SessionManager(settings, "demo", session_factory=factory)
    yield manager
    run_async(manager.shutdown())
    for session in made:  # already closed by the manager; closing again is harmless
        run_async(session.close())


def test_connect_starts_the_orders_and_ending_lets_go_before_closing(manager, settings, run_async):
    settings.setValue("orders/hashkey", True)
    seen = Recorder(manager)
    run_async(manager.connect())
    assert seen.names() == ["connecting", "connected"]
    session = manager.session
    assert session is not None and seen.events[1] == ("connected", session)
    orders = session.orders
    assert orders is not None and orders._poll.isActive()  # started: it follows the day
    assert session.client.use_hashkey is True  # the order preferences reached the wire

    run_async(manager.disconnect())
    # The app was asked to let go while the session and its orders were still open…
    assert seen.at_detach == [{"session": session, "orders_open": True, "tracked": []}]
    # …and only then was everything closed.
    assert manager.session is None and session.orders is None
    assert orders._closed  # and deleted later, on this thread
    assert session.client._closed


def test_a_switch_waits_for_the_answer_of_an_order_in_flight(manager, sim, run_async):
    seen = Recorder(manager)
    run_async(manager.connect())
    session = manager.session
    assert session is not None and session.orders is not None
    orders = session.orders
    quote = run_async(session.client.domestic_price(CODE))
    facts = OrderFacts(
        kind="stock",
        current=quote.price,
        upper=quote.upper,
        lower=quote.lower,
        orderable_cash=Decimal(10**9),
    )
    draft = OrderDraft(Side.BUY, CODE, CODE, LIMIT, quote.price, 1)
    sim.faults.add("latency", ORDER_CASH, count=1, delay=0.4)  # an answer on its way
    order = orders.submit(draft, facts)
    assert order is not None and manager.order_in_flight

    async def switch() -> None:
        await asyncio.sleep(0.05)  # the POST is out
        await manager.switch_to(None)

    run_async(switch(), timeout_ms=20_000)
    assert seen.names() == [
        "connecting",
        "connected",
        "settling",
        "settled",
        "connecting",
        "connected",
    ]
    assert ("settling", False) in seen.events and ("settled", (True, False)) in seen.events
    # When the app let go of the old session, the order already had its number.
    ((state, order_no),) = seen.at_detach[0]["tracked"]
    assert state in BOOKED and order_no == order.order_no
    assert orders._closed
    assert manager.session is not None and manager.session is not session


def test_logout_revokes_and_stays_disconnected(manager, sim, run_async):
    seen = Recorder(manager)
    run_async(manager.connect())
    session = manager.session
    assert session is not None
    run_async(session.client.ensure_token())
    revoked = sim.stats.by_path.get("/oauth2/revokeP", 0)
    run_async(manager.logout())
    assert seen.names() == ["connecting", "connected", "logged_out"]
    assert manager.session is None and len(seen.at_detach) == 1
    assert sim.stats.by_path.get("/oauth2/revokeP", 0) == revoked + 1
    assert session.client._closed


def test_nothing_saved_asks_for_setup_without_connecting(settings, run_async):
    manager = SessionManager(settings, "paper")
    seen = Recorder(manager)
    run_async(manager.connect())
    assert seen.events == [("connecting", "paper"), ("needs_setup", ("", None))]
    assert manager.session is None
