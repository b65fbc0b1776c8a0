"""The order ticket on its own (no panel): it reads the quote and the account facts of its
symbol from the simulator, drops answers for a symbol it has left, takes quotes offered from
outside (a realtime source) only for its symbol, polls only while watched, and cancels its
reads when the session goes."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtCore import QObject

from kisdesk.domain.order_types import LIMIT, MARKET, Side
from kisdesk.domain.symbols import load_index

PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price"
A, B = "005930", "000660"


@pytest.fixture
def ticket_on(qtbot, qloop, make_session):
    from kisdesk.services.order_ticket import OrderTicket
    from kisdesk.services.orders import OrderService

    owner = QObject()
    session = make_session("demo")
    service = OrderService(session.client, env_name="demo", parent=owner)
    ticket = OrderTicket(owner)
    ticket.set_source(service)
    quotes: list[tuple[str, bool]] = []
    ticket.quote_changed.connect(lambda q, first: quotes.append((q.code, first)))
    yield ticket, session.sim, quotes, service
    ticket.cancel()
    service.stop()


def _symbols():
    index = load_index()
    return index.get(A), index.get(B)


def test_facts_of_the_last_symbol_only(qtbot, ticket_on):
    ticket, sim, quotes, _ = ticket_on
    a, b = _symbols()
    ticket.set_symbol(a)
    ticket.set_symbol(b)  # before A's reads are answered: their answers must be dropped
    qtbot.waitUntil(lambda: ticket.idle and ticket.quote is not None, timeout=5000)
    assert quotes == [(B, True)]
    assert ticket.quote.price == sim.market.domestic(B).price
    assert ticket.buying_power is not None
    facts = ticket.facts(LIMIT)
    assert facts.current == ticket.quote.price and facts.orderable_cash is not None
    assert facts.max_buy_qty is not None and facts.max_buy_qty > 0
    # Buying power read for another type says nothing about this one's quantity.
    assert ticket.facts(MARKET).max_buy_qty is None

    ticket.set_side(Side.SELL)
    qtbot.waitUntil(lambda: ticket.idle and ticket.sellable is not None, timeout=5000)


def test_offered_quotes_are_taken_for_the_ticket_symbol_only(qtbot, ticket_on):
    ticket, _sim, quotes, _ = ticket_on
    a, _b = _symbols()
    ticket.set_symbol(a)
    qtbot.waitUntil(lambda: ticket.idle and ticket.quote is not None, timeout=5000)
    first = ticket.quote
    pushed = dataclasses.replace(first, price=Decimal(1))
    assert not ticket.offer_quote(B, pushed)
    assert ticket.quote is first
    assert ticket.offer_quote(A, pushed)
    assert ticket.quote is pushed
    assert quotes == [(A, True), (A, False)]


def test_polls_only_while_watched_and_stops_with_the_session(qtbot, ticket_on):
    ticket, sim, _quotes, _ = ticket_on
    a, _b = _symbols()
    ticket.set_refresh_ms(100)
    ticket.set_symbol(a)
    qtbot.waitUntil(lambda: ticket.idle and ticket.quote is not None, timeout=5000)
    calls = sim.stats.by_path.get(PRICE, 0)
    qtbot.wait(400)
    assert sim.stats.by_path.get(PRICE, 0) == calls  # not watched: no polling
    ticket.set_watched(True)
    qtbot.waitUntil(lambda: sim.stats.by_path.get(PRICE, 0) >= calls + 2, timeout=3000)

    ticket.set_symbol(a)  # fresh reads in flight …
    assert not ticket.idle
    ticket.set_source(None)  # … the session goes: cancelled, and nothing more is read
    qtbot.waitUntil(lambda: ticket.idle, timeout=3000)
    calls = sim.stats.by_path.get(PRICE, 0)
    qtbot.wait(300)
    assert sim.stats.by_path.get(PRICE, 0) == calls
