"""The quote hub in the whole app, over a real socket to the simulator: holdings and the order
panel move from the stream with no REST price call; what does not fit the 41 is polled and
marked so; socket faults fall back to polling and come back to streaming, with the state in the
status bar; an order placed by keys moves open orders, executions and holdings from its
notices before any REST refresh answers."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from order_helpers import Desk, choose_symbol, replace_text, settle, to_field
from PySide6.QtCore import Qt

from kisdesk.domain.format import fmt_krw
from kisdesk.domain.order_state import OrderState
from kisdesk.domain.ticks import step_price
from kisdesk.kis.realtime import KRX_TICK, Priority, StreamState, Trouble
from kisdesk.services.live_quotes import QuoteKey, Source, domestic

PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price"
OVERSEAS_PRICE = "/uapi/overseas-price/v1/quotations/price"
BALANCE = "/uapi/domestic-stock/v1/trading/inquire-balance"
OPEN_ORDERS = "/uapi/domestic-stock/v1/trading/inquire-psbl-rvsecncl"
TODAY = "/uapi/domestic-stock/v1/trading/inquire-daily-ccld"
CODE = "005930"
K = Qt.Key


def wait_for(qtbot: Any, predicate: Callable[[], Any], timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout)


def codes_of(app: Any) -> list[str]:
    return [r.code for r in app.holdings.records()]


def row(app: Any, code: str) -> Any:
    index = app.holdings.row_of(code)
    return None if index is None else app.holdings.record_at(index)


def world(app: Any, code: str) -> Decimal:
    return app.sim.market.domestic(code).price


def streaming(app: Any, codes: list[str]) -> bool:
    hub = app.hub
    return hub.status.live and all(hub.served(domestic(c)) is Source.STREAMED for c in codes)


def walk(qtbot: Any, app: Any, codes: list[str], moved: int, steps: int = 80) -> list[str]:
    """Step the simulated market until at least ``moved`` of ``codes`` have a new price."""
    before = {c: world(app, c) for c in codes}
    for _ in range(steps):
        app.sim.step_market(1)
        qtbot.wait(20)
        changed = [c for c in codes if world(app, c) != before[c]]
        if len(changed) >= moved:
            return changed
    raise AssertionError("the walk did not move enough prices")


def shows_world(app: Any, codes: list[str]) -> bool:
    return all(row(app, c).price == world(app, c) for c in codes)


def tooltip(app: Any, code: str) -> str:
    model = app.holdings
    index = model.index(model.row_of(code), model.column_of("price"))
    return index.data(Qt.ItemDataRole.ToolTipRole) or ""


def test_holdings_prices_move_from_the_stream_without_rest_price_calls(qtbot, start_app):
    app = start_app()
    codes = codes_of(app)
    assert len(codes) >= 20
    wait_for(qtbot, lambda: streaming(app, codes))
    prices, balances = app.calls(PRICE), app.calls(BALANCE)
    sent = app.sim.stats.ws_records_sent
    moved = walk(qtbot, app, codes, moved=5)
    wait_for(qtbot, lambda: shows_world(app, codes))
    for code in codes:  # valuation and P&L follow the price, in Decimal
        r = row(app, code)
        assert r.eval_amount == r.quantity * r.price
        assert r.pnl == r.eval_amount - r.purchase_amount
        assert isinstance(r.pnl_rate, Decimal)
    tab = app.window.holdings
    total = sum(r.eval_amount for r in app.holdings.records())
    assert tab.summary.values["securities_eval"].text() == fmt_krw(total)
    assert app.calls(PRICE) == prices == 0  # no REST price read at all
    assert app.calls(BALANCE) == balances  # nor a balance refresh
    assert app.sim.stats.ws_records_sent > sent
    assert tooltip(app, moved[0]).startswith("Live")
    status = app.window.status
    assert status.realtime_state == "live"
    assert f"{app.hub.status.used}/41" in status.realtime.text()
    assert app.hub.status.used == len(codes) + 1  # every holding, and the execution notices


def test_order_panel_quote_and_book_stream_and_its_poll_rests(qtbot, start_app):
    app = start_app()
    desk = Desk(app.window, app.window.orders, app.session, app.settings)
    choose_symbol(qtbot, desk, CODE)
    key = domestic(CODE)
    wait_for(qtbot, lambda: app.hub.served(key) is Source.STREAMED)
    upper = desk.panel.quote.upper
    reads = app.calls(PRICE)  # the ticket's first read (limits, tick size)
    walk(qtbot, app, [CODE], moved=1)
    wait_for(qtbot, lambda: desk.panel.price_label.text() == fmt_krw(world(app, CODE)))
    wait_for(qtbot, lambda: app.hub.book(key) is not None)
    book = app.hub.book(key)
    assert list(book.asks) == sorted(book.asks) and list(book.bids) == sorted(book.bids)[::-1]
    assert book.asks[0] > book.bids[0]
    qtbot.wait(700)  # the ticket would poll every 200 ms here
    assert app.calls(PRICE) == reads
    assert desk.panel.quote.upper == upper  # limits stay the REST quote's
    assert app.window.orders.ticket_quotes.offered >= 1


def test_symbols_over_the_budget_are_polled_and_marked_so(qtbot, start_app):
    app = start_app()
    codes = codes_of(app)
    hub = app.hub
    wait_for(qtbot, lambda: streaming(app, codes))
    listed = sorted(set(app.sim.market.listings) - set(codes))
    extra = listed[:20]  # a watchlist on screen outranks holdings
    for code in extra:
        hub.watch("watchlist", domestic(code), Priority.WATCHLIST)
    over = len(codes) + len(extra) + 1 - 41
    wait_for(qtbot, lambda: hub.status.used == 41 and hub.status.polled == over)
    polled = [c for c in codes if hub.served(domestic(c)) is Source.POLLED]
    assert len(polled) == over
    assert all(hub.served(domestic(c)) is Source.STREAMED for c in extra)
    reads = app.calls(PRICE)
    walk(qtbot, app, polled, moved=1)
    wait_for(qtbot, lambda: shows_world(app, polled), timeout=8000)
    assert app.calls(PRICE) > reads
    assert tooltip(app, polled[0]).startswith("Polled")
    assert f"polling {over}" in app.window.status.realtime.text()
    hub.release_owner("watchlist")  # the watchlist closes: everything streams, polling stops
    wait_for(qtbot, lambda: streaming(app, codes) and hub.poller.polling() == 0)
    reads = app.calls(PRICE)
    qtbot.wait(1500)
    assert app.calls(PRICE) == reads


@pytest.mark.parametrize("fault", ["ws_drop", "ws_stall", "ws_refuse"])
def test_socket_fault_falls_back_to_polling_then_streams_again(qtbot, start_app, fault):
    if fault == "ws_refuse":  # the upgrade is refused from the start
        app = start_app(before=lambda sim: sim.faults.add("ws_refuse"))
    else:  # the live socket dies (no close frame / silent), and reconnects are refused
        app = start_app()
        wait_for(qtbot, lambda: streaming(app, codes_of(app)))
        app.sim.faults.add("ws_refuse")
        app.sim.faults.add(fault, count=1)
        app.sim.step_market(1)  # a frame to send: the fault acts on it
    codes = codes_of(app)
    hub, status = app.hub, app.window.status
    wait_for(qtbot, lambda: f"polling {len(codes)}" in status.realtime.text(), timeout=8000)
    assert status.realtime_state == "polling"
    assert hub.status.state in (StreamState.RECONNECTING, StreamState.CONNECTING)
    assert "connecting" in status.realtime.text()  # "reconnecting", or "connecting" at first
    reads = app.calls(PRICE)
    moved = walk(qtbot, app, codes, moved=3)
    wait_for(qtbot, lambda: shows_world(app, moved[:3]), timeout=10_000)  # prices still move
    assert app.calls(PRICE) > reads
    assert tooltip(app, moved[0]).startswith("Polled")
    app.sim.faults.clear()
    wait_for(qtbot, lambda: streaming(app, codes), timeout=8000)
    wait_for(qtbot, lambda: status.realtime_state == "live" and hub.poller.polling() == 0)
    reads = app.calls(PRICE)
    walk(qtbot, app, codes, moved=3)
    wait_for(qtbot, lambda: shows_world(app, codes))
    qtbot.wait(1200)
    assert app.calls(PRICE) == reads  # streamed again: no more polling
    assert tooltip(app, codes[0]).startswith("Live")


def test_app_key_in_use_is_said_in_words_and_prices_are_polled(qtbot, start_app, run_async):
    from kisdesk.kis import Credentials, KisClient
    from kisdesk.kis.env import demo_environment
    from kisdesk.kis.tokens import MemoryTokenStore

    other: list[Any] = []

    async def another_program(sim: Any) -> None:
        # Another program holds the app key's realtime session before the app connects.
        env = demo_environment(sim.base_url, sim.ws_url)
        client = KisClient(
            env,
            Credentials(sim.appkey, sim.appsecret, sim.accounts["demo"]),
            token_store=MemoryTokenStore(),
        )
        other.append(client)
        stream = client.realtime()
        stream.want(KRX_TICK, CODE)
        stream.start()
        await stream.until(lambda s: s.state is StreamState.LIVE and s.used == 1, 5)

    try:
        app = start_app(before=another_program)
        status, hub = app.window.status, app.hub
        wait_for(qtbot, lambda: status.realtime_state == "failed", timeout=8000)
        assert hub.status.trouble is Trouble.KEY_IN_USE
        assert "another program is using this app key" in status.realtime.text()
        assert "OPSP8996" in status.realtime.toolTip()
        reads = app.calls(PRICE)
        wait_for(qtbot, lambda: app.calls(PRICE) > reads + 3, timeout=8000)  # polled instead
        run_async(other.pop().aclose())  # the other program quits; the user retries
        hub.stream.retry_now()
        wait_for(qtbot, lambda: streaming(app, codes_of(app)), timeout=8000)
        assert status.realtime_state == "live"
    finally:
        for client in other:
            run_async(client.aclose())


def test_order_by_keys_moves_open_orders_executions_and_holdings_before_rest(qtbot, start_app):
    app = start_app()
    dock = app.window.orders
    desk = Desk(app.window, dock, app.session, app.settings)
    panel, hub = desk.panel, app.hub
    wait_for(qtbot, lambda: hub.notices_streamed)
    choose_symbol(qtbot, desk, CODE)
    held = row(app, CODE)
    qty0 = held.quantity if held is not None else Decimal(0)
    quote = app.sim.market.domestic(CODE)
    # The REST reads that confirm an order answer 3 s late: what the tables show before that
    # comes from the execution notices.
    slow = (OPEN_ORDERS, TODAY, BALANCE)
    for path in slow:
        app.sim.faults.add("latency", path_prefix=path, delay=3.0)
    answered = {path: app.calls(path) for path in slow}

    def rest_silent() -> bool:
        return all(app.calls(path) == answered[path] for path in slow)

    def send(price: Decimal, qty: int) -> None:
        to_field(qtbot, desk, panel.price_edit)
        replace_text(qtbot, desk, str(price))
        to_field(qtbot, desk, panel.qty_edit)
        replace_text(qtbot, desk, str(qty))
        settle(qtbot, desk)
        qtbot.keyClick(app.window.focusWidget() or app.window, K.Key_Return)

    service = dock.service
    # 1. A buy one tick under the price rests: its acknowledgement opens an order.
    send(step_price(quote.price, -1), 2)
    wait_for(qtbot, lambda: service.tracked and service.tracked[0].state is OrderState.ACCEPTED)
    first = service.tracked[0].order_no
    open_model = dock.open_orders.table.model
    wait_for(qtbot, lambda: open_model.row_of(first) is not None, timeout=1500)
    resting = open_model.record_at(open_model.row_of(first))
    assert (resting.open_qty, resting.price) == (2, step_price(quote.price, -1))
    executions = dock.executions.table.model
    assert executions.row_of(first) is not None
    assert rest_silent()
    # 2. A buy at the upper limit fills at once: acknowledgement and fill.
    qtbot.wait(600)  # the panel takes one Enter per half second
    send(quote.upper, 3)
    wait_for(qtbot, lambda: len(service.tracked) == 2 and service.tracked[1].order_no)
    second = service.tracked[1].order_no
    wait_for(qtbot, lambda: row(app, CODE) is not None and row(app, CODE).quantity == qty0 + 3)
    wait_for(qtbot, lambda: executions.row_of(second) is not None)
    filled = executions.record_at(executions.row_of(second))
    assert filled.filled_qty == 3 and filled.remaining_qty == 0
    assert open_model.row_of(second) is None  # filled: not open
    assert rest_silent()
    assert dock.notices_applied >= 3  # two acknowledgements and at least one fill
    # Then REST confirms: the late reads land and agree with what the notices showed.
    app.sim.faults.clear()
    wait_for(qtbot, lambda: not rest_silent(), timeout=8000)
    wait_for(qtbot, lambda: app.calls(BALANCE) > answered[BALANCE], timeout=8000)
    assert row(app, CODE).quantity == qty0 + 3
    assert open_model.row_of(first) is not None


def test_overseas_tab_streams_us_rows_and_polls_the_others(qtbot, start_app):
    app = start_app()
    tab = app.window.overseas
    app.window.tabs.setCurrentWidget(tab)
    wait_for(qtbot, lambda: tab.has_data, timeout=10_000)
    rows = tab.snapshot.rows
    us = [r for r in rows if r.exchange in ("NASD", "NYSE", "AMEX")]
    others = [r for r in rows if r not in us]
    assert us and others
    hub = app.hub
    us_keys = [QuoteKey(r.exchange, r.code) for r in us]
    wait_for(qtbot, lambda: all(hub.served(k) is Source.STREAMED for k in us_keys))
    for r in others:  # the simulator carries no Asian feed: refused, so polled
        assert hub.served(QuoteKey(r.exchange, r.code)) is Source.POLLED
    wait_for(qtbot, lambda: app.calls(OVERSEAS_PRICE) >= len(others), timeout=8000)

    def world_of(r: Any) -> Decimal:
        return app.sim.market.overseas(r.exchange, r.code).price

    def shown(r: Any) -> Decimal:
        model = tab.table.model
        return model.record_at(model.row_of(r.key)).price

    before = {r.key: world_of(r) for r in us}
    for _ in range(80):
        app.sim.step_market(1)
        qtbot.wait(20)
        if sum(world_of(r) != before[r.key] for r in us) >= 2:
            break
    wait_for(qtbot, lambda: all(shown(r) == world_of(r) for r in us))
    model = tab.table.model
    for r in us:
        shown_row = model.record_at(model.row_of(r.key))
        assert shown_row.eval_amount == shown_row.quantity * shown_row.price


def test_rows_on_screen_win_the_budget_over_rows_scrolled_away(qtbot, start_app):
    app = start_app()
    hub, tab = app.hub, app.window.holdings
    codes = codes_of(app)
    wait_for(qtbot, lambda: streaming(app, codes))
    tab.table.view.setFixedHeight(180)  # a handful of rows on screen
    tab.table.view.scrollToBottom()  # the rows loaded last: the registry's last choice

    def showing(code: str) -> bool:
        keys = tab.visible.keys
        return 0 < len(keys) < len(codes) - 5 and code in {k.code for k in keys}

    wait_for(qtbot, lambda: showing(codes[-1]))
    on_screen = list(tab.visible.keys)
    listed = sorted(set(app.sim.market.listings) - set(codes))
    for code in listed[:32]:  # open orders elsewhere outrank both
        hub.watch("orders", domestic(code), Priority.OPEN_ORDER)
    wait_for(qtbot, lambda: hub.status.used == 41)
    streamed = [c for c in codes if hub.served(domestic(c)) is Source.STREAMED]
    assert len(streamed) == 41 - 1 - 32
    assert all(hub.served(k) is Source.STREAMED for k in on_screen)
    tab.table.view.scrollToTop()
    wait_for(qtbot, lambda: showing(codes[0]))
    wait_for(qtbot, lambda: all(hub.served(k) is Source.STREAMED for k in tab.visible.keys))
    assert hub.served(on_screen[-1]) is Source.POLLED  # scrolled away: polled now


def test_a_busy_feed_reaches_the_table_once_per_frame_newest_value_winning(qtbot, start_app):
    app = start_app()
    hub, model = app.hub, app.holdings
    codes = codes_of(app)
    wait_for(qtbot, lambda: streaming(app, codes))
    frames: list[float] = []
    updates: list[int] = []  # model updates made during each frame
    outside: list[int] = []  # price changes shown outside a frame (none expected)
    in_frame = [False]
    original = model.upsert

    def upsert(records: Any) -> None:
        if in_frame[0]:
            updates[-1] += 1
        original(records)

    def on_changed(_keys: Any) -> None:  # connected after the tab: runs once it has updated
        in_frame[0] = False

    def before(_keys: Any) -> None:
        frames.append(time.monotonic())
        updates.append(0)
        in_frame[0] = True

    price_col = model.column_of("price")
    model.dataChanged.connect(
        lambda a, b, _r=None: (
            outside.append(1) if not in_frame[0] and a.column() <= price_col <= b.column() else None
        )
    )
    hub.changed.disconnect(app.window.holdings._on_quotes)
    hub.changed.connect(before)
    hub.changed.connect(app.window.holdings._on_quotes)
    hub.changed.connect(on_changed)
    model.upsert = upsert
    busy = codes[:10]
    records = hub.records
    for code in busy:  # 10 symbols x 60 trades a second
        app.sim.tick_rates.set("KRX", code, 60)
    qtbot.wait(1500)
    for code in busy:
        app.sim.tick_rates.set("KRX", code, 0)
    wait_for(qtbot, lambda: shows_world(app, codes))
    model.upsert = original
    received = hub.records - records
    assert received > 2 * len(frames)  # many records, few frames: coalesced
    gaps = [b - a for a, b in itertools.pairwise(frames)]
    assert min(gaps) >= 0.014  # at most one frame per 16 ms (timer slack of 2 ms)
    assert max(updates) == 1  # one model update per frame
    assert not outside
