"""Fault tolerance: the simulator misbehaves on purpose while the app runs.

For every fault: the app keeps running (no error logged, no exception escapes), the user sees a
clear message where they are looking (the holdings banner, or the error page before any data,
and the status bar's connection state), the app recovers by itself once the fault clears (the
auto refresh, no key pressed), and nothing is lost: an order sent during the fault exists at the
simulator exactly as often as the app says (zero or once), and after recovery the holdings on
screen are the simulator's.
"""

from __future__ import annotations

import re

import pytest
from fault_helpers import (
    API,
    BALANCE,
    BOOKED,
    assert_ledger_matches,
    buy_at_market_price,
    order_service,
    settled,
)

from kisdesk.domain.order_state import OrderState

CODE = "005930"


def fail_refresh(qtbot, app) -> str:
    """F5 on the holdings and wait for the refresh to fail; the message it failed with."""
    with qtbot.waitSignal(app.controller.holdings.failed, timeout=15_000) as failed:
        app.controller.holdings.request()
    return str(failed.args[0])


def wait_recovered(qtbot, app, timeout: int = 10_000) -> None:
    """The auto refresh (no request from the test) brings the data back."""
    with qtbot.waitSignal(app.controller.holdings.loaded, timeout=timeout):
        pass
    assert not app.tab.error_visible
    assert app.connection == "connected"


def assert_shows_error(app, message: str, pattern: str, rows_before: dict) -> None:
    assert app.tab.error_visible
    assert app.tab.banner.isVisibleTo(app.tab), "data on screen: the error is a banner above it"
    assert message in app.tab.banner_text.text()
    assert re.search(pattern, message), message
    assert app.connection == "error"
    assert message in app.connection_detail  # the status bar's tooltip says why
    assert app.on_screen() == rows_before  # the stale rows stay, unchanged


# kind, fault arguments, what the message must say (a plain sentence first, the technical
# detail after it), the state of an order sent meanwhile
SERVER = r"^The KIS server is not answering properly \(server error\)\. \(.*"
UNREADABLE = r"^KIS sent an answer kisdesk could not read\. \(.*"
UNREACHABLE = r"^Cannot reach the KIS server\. Check the network connection\. \(.*"
BAD_ANSWERS = [
    pytest.param(
        "http_5xx",
        {},
        SERVER + r"HTTP 503 with a text/plain body",
        OrderState.NOT_FOUND,
        id="http-5xx",
    ),
    pytest.param(
        "malformed_json", {}, UNREADABLE + "malformed JSON", OrderState.NOT_FOUND, id="bad-json"
    ),
    pytest.param(
        "html_error", {}, SERVER + r"HTTP 502 with an HTML page", OrderState.NOT_FOUND, id="html"
    ),
    pytest.param(
        "connection_reset",
        {},
        UNREACHABLE + r"(Read|RemoteProtocol)Error",
        OrderState.NOT_FOUND,
        id="reset",
    ),
    # Slower than the client's 0.5 s read timeout. The simulator, like a slow real server, has
    # the whole request before it stalls, so an order the client stopped waiting for is booked;
    # the app may only claim what the server has (the ledger check below).
    pytest.param("latency", {"delay": 1.2}, UNREACHABLE + "ReadTimeout", BOOKED, id="slow"),
    pytest.param(
        "error", {"msg_cd": "EGW00201"}, r"EGW00201", OrderState.REJECTED, id="egw00201-storm"
    ),
]


@pytest.mark.parametrize(("kind", "fault", "pattern", "order_state"), BAD_ANSWERS)
def test_bad_answers_banner_order_exactly_once_recovery(
    qtbot, start_app, run_async, app_errors, kind, fault, pattern, order_state
):
    app = start_app()
    sim = app.sim
    service = order_service(app.client)
    qtbot.waitUntil(lambda: service._baseline, timeout=5_000)
    draft, facts = run_async(buy_at_market_price(app.client, CODE))
    before_orders = sim.new_orders()
    rows_before = app.on_screen()

    sim.faults.add(kind, API, **fault)
    message = fail_refresh(qtbot, app)
    assert_shows_error(app, message, pattern, rows_before)

    order = service.submit(draft, facts)
    assert order is not None
    qtbot.waitUntil(lambda: order.state is not OrderState.SENDING, timeout=10_000)
    if order_state is OrderState.REJECTED:
        assert order.state is OrderState.REJECTED
        assert re.search(pattern.removeprefix("^"), order.message), order.message
    else:
        assert order.state is OrderState.UNKNOWN  # never re-sent; looked up instead
    sim.faults.clear()
    wait_recovered(qtbot, app)
    qtbot.waitUntil(settled(service), timeout=15_000)
    if order_state is BOOKED:
        assert order.state in BOOKED, order.state
    else:
        assert order.state is order_state, order.state
    assert_ledger_matches(service, sim, before_orders)
    # The tables follow the books: wait for one more auto refresh after the order settled.
    with qtbot.waitSignal(app.controller.holdings.loaded, timeout=5_000):
        pass
    assert app.on_screen() == sim.holdings()
    assert app.states[-2:] == ["error", "connected"]
    assert app_errors() == []
    run_async(service.close())


def test_first_load_fails_error_page_then_recovers_when_server_appears(
    qtbot, start_app, fault_sim, app_errors
):
    """Nothing on screen yet: the error takes the whole tab (not a banner over nothing), the
    status bar says so, and the app connects by itself once the server is there."""
    fault_sim.stop()
    app = start_app(wait=False)
    with qtbot.waitSignal(app.controller.holdings.failed, timeout=15_000) as failed:
        pass
    message = str(failed.args[0])
    assert "ConnectError" in message
    assert app.tab.stack.currentIndex() == app.tab.PAGE_ERROR
    assert message in app.tab.error_page.message.text()
    assert not app.tab.banner.isVisibleTo(app.tab)
    assert app.connection == "error"

    fault_sim.start()
    wait_recovered(qtbot, app)
    assert app.tab.stack.currentIndex() == app.tab.PAGE_TABLE
    assert app.on_screen() == fault_sim.holdings()
    assert app_errors() == []


def test_simulator_stopped_and_restarted_on_the_same_port(qtbot, start_app, run_async, app_errors):
    app = start_app()
    sim = app.sim
    service = order_service(app.client)
    qtbot.waitUntil(lambda: service._baseline, timeout=5_000)
    draft, facts = run_async(buy_at_market_price(app.client, CODE))
    before_orders = sim.new_orders()
    rows_before = app.on_screen()

    sim.stop()
    message = fail_refresh(qtbot, app)
    assert_shows_error(app, message, r"ConnectError", rows_before)
    # An order while the server is gone: refused before anything left, so it does not exist.
    down = service.submit(draft, facts)
    assert down is not None
    qtbot.waitUntil(lambda: down.state is not OrderState.SENDING, timeout=5_000)
    assert down.state is OrderState.REJECTED
    assert "not sent" in down.message

    sim.start()  # same port, same books
    wait_recovered(qtbot, app)
    # The first order after the restart goes through the client's pool of old connections.
    up = service.submit(draft, facts)
    assert up is not None
    qtbot.waitUntil(settled(service), timeout=10_000)
    assert up.state in BOOKED, (up.state, up.message)
    assert_ledger_matches(service, sim, before_orders)
    assert len(sim.new_orders()) == len(before_orders) + 1
    with qtbot.waitSignal(app.controller.holdings.loaded, timeout=5_000):
        pass
    assert app.on_screen() == sim.holdings()
    assert app_errors() == []
    run_async(service.close())


def test_token_expiry_mid_session_is_renewed_without_a_message(
    qtbot, start_app, run_async, app_errors
):
    app = start_app()
    sim = app.sim
    service = order_service(app.client)
    qtbot.waitUntil(lambda: service._baseline, timeout=5_000)
    draft, facts = run_async(buy_at_market_price(app.client, CODE))
    before_orders = sim.new_orders()
    failures: list[str] = []
    app.controller.holdings.failed.connect(failures.append)
    assert sim.stats.tokens_issued == 1

    app.warp.jump(2 * 3600)  # two hours into the session, then KIS expires the token
    sim.call("expire_tokens")
    # An order is the first request to meet the expired token: the gateway refuses it before the
    # ledger, so it does not exist and is not re-sent; the app says why.
    refused = service.submit(draft, facts)
    assert refused is not None
    qtbot.waitUntil(lambda: refused.state is not OrderState.SENDING, timeout=5_000)
    assert refused.state is OrderState.REJECTED
    assert "EGW0012" in refused.message  # EGW00123 expired / EGW00121 invalid
    # The next refresh gets a new token by itself; the user sees no error.
    with qtbot.waitSignal(app.controller.holdings.loaded, timeout=5_000):
        pass
    assert sim.stats.tokens_issued == 2
    again = service.submit(draft, facts)
    qtbot.waitUntil(settled(service), timeout=10_000)
    assert again is not None and again.state in BOOKED
    assert_ledger_matches(service, sim, before_orders)
    assert failures == []
    assert "error" not in app.states
    assert not app.tab.error_visible
    assert sim.stats.tokens_issued == 2
    assert app_errors() == []
    run_async(service.close())


def expire_within_the_issue_minute(qtbot, app) -> list[str]:
    """Expire the token less than a minute after it was issued, press F5, wait for the data."""
    failures: list[str] = []
    app.controller.holdings.failed.connect(failures.append)
    app.sim.call("expire_tokens", keep_issue_limit=True)
    with qtbot.waitSignal(app.controller.holdings.loaded, timeout=10_000):
        app.controller.holdings.request()
    return failures


def test_token_expiry_inside_the_issue_minute_waits_and_says_so(qtbot, start_app, app_errors):
    """Expired within a minute of the last issuance: KIS refuses a new token for the rest of
    the minute (EGW00133). The client waits instead of hammering, the status bar says so, and
    the data comes back after the wait (the test's clock jumps the minute on both sides)."""
    app = start_app()
    failures = expire_within_the_issue_minute(qtbot, app)
    waits = [e for e in app.events if getattr(e, "kind", "") == "token_wait"]
    assert waits and "one token per minute" in waits[0].message
    assert app.states[-2:] == ["waiting", "connected"]  # said while waiting, cleared after
    assert app.warp.jumps and all(0 < j <= 60 for j in app.warp.jumps)
    assert app.sim.stats.tokens_issued == 2
    assert app.sim.stats.token_refused <= 1
    assert failures == []
    assert app_errors() == []


def test_token_wait_is_long_enough_for_the_server(qtbot, start_app):
    app = start_app()
    expire_within_the_issue_minute(qtbot, app)
    assert app.sim.stats.token_refused == 0
    assert len(app.warp.jumps) == 1  # one minute's wait, not two


def test_egw00201_burst_is_absorbed_without_a_message(qtbot, start_app, app_errors):
    """A short burst of EGW00201 (another program on the same app key, say): the queries back
    off and retry; the user sees nothing but the data."""
    app = start_app()
    sim = app.sim
    failures: list[str] = []
    app.controller.holdings.failed.connect(failures.append)
    sim.faults.add("error", BALANCE, count=3, msg_cd="EGW00201")
    with qtbot.waitSignal(app.controller.holdings.loaded, timeout=10_000):
        app.controller.holdings.request()
    assert sim.stats.faults_fired["error"] == 3
    retries = [e for e in app.events if getattr(e, "kind", "") == "retrying"]
    assert len(retries) == 3 and all("EGW00201" in e.message for e in retries)
    assert failures == []
    assert not app.tab.error_visible
    assert app.connection == "connected"
    assert app.on_screen() == sim.holdings()
    assert app_errors() == []
