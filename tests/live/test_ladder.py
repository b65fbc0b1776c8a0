"""The order book ladder (호가창) in the whole app over a real socket to the simulator: its levels
are the simulator's book, it follows the ticket's symbol (the old book released), and a price
picked by keys goes through the ticket to exactly one order at that price."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from order_helpers import Desk, choose_symbol, press, settle, wait_dialog
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kisdesk.domain.format import fmt_krw
from kisdesk.domain.order_types import Side
from kisdesk.kis.base import KST
from kisdesk.services.live_quotes import Source, domestic
from kisdesk.sim.endpoints_watch import current_book
from kisdesk.ui.ladder import ROW_H

ORDER = "/uapi/domestic-stock/v1/trading/order-cash"
BOOK = "/uapi/domestic-stock/v1/quotations/inquire-asking-price-exp-ccn"
CODE, OTHER = "005930", "000660"
K = Qt.Key


def wait_for(qtbot: Any, predicate: Any, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout)


def sim_levels(app: Any, code: str) -> list[tuple[str, Decimal, Decimal]]:
    book = current_book(app.sim.world, app.sim.market.domestic(code))
    asks = [("ask", p, Decimal(s)) for p, s in zip(book.asks, book.ask_sizes, strict=True) if p]
    bids = [("bid", p, Decimal(s)) for p, s in zip(book.bids, book.bid_sizes, strict=True) if p]
    return asks[::-1] + bids


def book_arrives(qtbot: Any, app: Any, ladder: Any) -> None:
    """The feed sends a book with a trade: step the still market until the ladder has one."""
    for _ in range(100):
        if ladder.levels():
            return
        app.sim.step_market(1)
        qtbot.wait(30)
    raise AssertionError("no book reached the ladder")


def owners(app: Any, code: str) -> set[Any]:
    watch = app.hub._watches.get(domestic(code))
    return set(watch.owners) if watch is not None else set()


def test_ladder_levels_are_the_simulators_book_and_follow_the_ticket(qtbot, start_app):
    app = start_app()
    dock = app.window.orders
    desk = Desk(app.window, dock, app.session, app.settings)
    ladder = dock.ladder
    choose_symbol(qtbot, desk, CODE)
    book_arrives(qtbot, app, ladder)
    assert ladder.key == domestic(CODE) and ladder.model in owners(app, CODE)
    assert ladder.levels() == sim_levels(app, CODE)
    asks, bids = ladder.totals()
    book = current_book(app.sim.world, app.sim.market.domestic(CODE))
    assert (asks, bids) == (book.total_ask, book.total_bid)
    assert ladder.last == app.sim.market.domestic(CODE).price
    # A click on a level puts its price into the ticket, and nothing more.
    rows = ladder.levels()
    row = len(rows) - 2  # the second-worst bid
    QTest.mouseClick(ladder, Qt.MouseButton.LeftButton, pos=QPoint(40, ROW_H * (row + 1) + 5))
    assert desk.panel.price_edit.text() == fmt_krw(rows[row][1])
    assert not dock.service.tracked
    # The ticket moves to another symbol: the ladder follows and lets the first book go.
    choose_symbol(qtbot, desk, OTHER)
    assert ladder.key == domestic(OTHER)
    book_arrives(qtbot, app, ladder)
    assert ladder.model not in owners(app, CODE)
    assert ladder.model in owners(app, OTHER)
    assert ladder.levels() == sim_levels(app, OTHER)


def test_a_price_picked_by_keys_is_sent_through_the_review_as_one_order(qtbot, start_app):
    app = start_app()
    app.settings.setValue("orders/confirm", True)  # the review step stays
    dock = app.window.orders
    dock.reload_settings()
    desk = Desk(app.window, dock, app.session, app.settings)
    panel, ladder = desk.panel, dock.ladder
    press(qtbot, app.window, K.Key_F9)  # buy
    choose_symbol(qtbot, desk, CODE)
    book_arrives(qtbot, app, ladder)
    panel.focus_quantity()
    qtbot.keyClicks(panel.qty_edit, "3")
    press(qtbot, app.window, K.Key_F12)
    assert ladder.hasFocus()
    rows = ladder.levels()
    start = ladder.current
    assert rows[start][0] == "ask"  # starts at the best ask
    for _ in range(3):  # down to the third bid: a buy below the market rests
        press(qtbot, app.window, K.Key_Down)
    target = rows[start + 3][1]
    assert rows[start + 3][0] == "bid"
    sent_before = app.sim.stats.by_path.get(ORDER, 0)
    press(qtbot, app.window, K.Key_Return)
    assert panel.price_edit.hasFocus()
    assert panel.ticket.side is Side.BUY  # the side stays
    assert app.sim.stats.by_path.get(ORDER, 0) == sent_before  # picking sends nothing
    qtbot.wait(300)
    assert app.sim.stats.by_path.get(ORDER, 0) == sent_before
    # Esc from the ladder goes back to the ticket without a pick.
    press(qtbot, app.window, K.Key_F12)
    press(qtbot, app.window, K.Key_Up)
    press(qtbot, app.window, K.Key_Escape)
    assert panel.price_edit.hasFocus()
    settle(qtbot, desk)
    press(qtbot, app.window, K.Key_Return)  # the review
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    wait_dialog(qtbot, dialog)
    assert dialog.values["Price"].text() == fmt_krw(target)
    press(qtbot, dialog, K.Key_Return)  # send
    service = dock.service
    wait_for(qtbot, lambda: service.tracked and service.tracked[0].order_no)
    wait_for(qtbot, lambda: app.sim.stats.by_path.get(ORDER, 0) == sent_before + 1)
    qtbot.wait(500)
    assert app.sim.stats.by_path.get(ORDER, 0) == sent_before + 1  # exactly one order
    booked = [o for o in app.sim.world.orders.open_orders() if o.code == CODE]
    assert [(o.price, o.qty) for o in booked] == [(target, 3)]


def test_a_quiet_symbols_book_comes_from_d12_then_from_the_stream(qtbot, start_app):
    app = start_app()
    dock = app.window.orders
    desk = Desk(app.window, dock, app.session, app.settings)
    ladder = dock.ladder
    reads = app.calls(BOOK)
    choose_symbol(qtbot, desk, CODE)  # the still market sends no book before a trade
    wait_for(qtbot, lambda: ladder.levels())
    assert ladder.model.snapshot.source == "rest" and app.calls(BOOK) == reads + 1
    assert ladder.levels() == sim_levels(app, CODE)
    assert ladder.expected() is None  # no auction now (the test's clock is not in one)
    wait_for(qtbot, lambda: app.hub.served(domestic(CODE)) is Source.STREAMED)
    qtbot.wait(1500)  # streamed and out of the auctions: D12 rests
    assert app.calls(BOOK) == reads + 1
    app.sim.step_market(1)
    wait_for(qtbot, lambda: ladder.model.snapshot.source == "stream")
    assert ladder.levels() == sim_levels(app, CODE)


def test_during_an_auction_the_ladder_shows_d12s_expected_price(qtbot, start_app):
    app = start_app()
    dock = app.window.orders
    desk = Desk(app.window, dock, app.session, app.settings)
    ladder = dock.ladder
    ladder.model.clock = lambda: dt.datetime(2026, 12, 4, 8, 45, tzinfo=KST)  # a Friday
    choose_symbol(qtbot, desk, CODE)
    wait_for(qtbot, lambda: ladder.expected() is not None)
    price = app.sim.market.domestic(CODE).price
    assert ladder.expected() == (price, Decimal(0))  # the simulator's antc_cnpr / antc_vol
    reads = app.calls(BOOK)
    wait_for(qtbot, lambda: app.calls(BOOK) >= reads + 2, timeout=4000)  # once a second
    ladder.model.clock = lambda: dt.datetime(2026, 12, 4, 10, 0, tzinfo=KST)
    wait_for(qtbot, lambda: ladder.expected() is None, timeout=3000)


def test_book_updates_repaint_the_ladder_at_most_once_a_frame(qtbot, start_app):
    app = start_app()
    dock = app.window.orders
    desk = Desk(app.window, dock, app.session, app.settings)
    ladder, hub = dock.ladder, app.hub
    choose_symbol(qtbot, desk, CODE)
    wait_for(qtbot, lambda: hub.served(domestic(CODE)) is Source.STREAMED)
    for _ in range(100):  # a trade brings the stream's book
        app.sim.step_market(1)
        qtbot.wait(30)
        if ladder.model.snapshot is not None and ladder.model.snapshot.source == "stream":
            break
    assert ladder.model.snapshot.source == "stream"
    qtbot.wait(100)
    paints, frames, records = ladder.paints, hub.frames, hub.records
    for _ in range(30):  # bursts of trades, each with its book
        for _ in range(10):
            app.sim.step_market(1)
        qtbot.wait(5)
    qtbot.wait(300)
    assert hub.records - records >= 300  # the feed was busy
    assert 1 <= ladder.paints - paints <= hub.frames - frames + 1
    book = hub.book(domestic(CODE))  # and it shows the hub's newest book
    assert [p for _, p, _ in ladder.levels()] == [p for p in book.asks if p][::-1] + [
        p for p in book.bids if p
    ]
