"""The chart dock and the allocation view in a real main window on a demo (or paper) simulator:
the chart follows the order panel's symbol and the focused holdings row, the ticket's quotes move
its last bar, paper says what it does not offer, the allocation adds up and selects holdings,
and start-up never imports pyqtgraph."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kisdesk.app.controller import AppController
from kisdesk.config.settings import open_settings
from kisdesk.services.charts import Period

SAMSUNG, HYNIX = "005930", "000660"


def _paper_session(seed: int = 99) -> Any:
    async def make(on_event: Any = None) -> Any:
        import dataclasses

        from kisdesk.kis import Credentials, KisClient
        from kisdesk.kis.env import demo_environment
        from kisdesk.kis.tokens import MemoryTokenStore
        from kisdesk.services.session import Session
        from kisdesk.sim.server import SimServer

        sim = SimServer(profile="paper", seed=seed, ticker_interval=None, rate_limit=50)
        await sim.start()
        env = dataclasses.replace(
            demo_environment(sim.base_url, sim.ws_url, profile="paper"), name="paper"
        )
        account = sim.accounts["demo"]
        creds = Credentials(appkey=sim.appkey, appsecret=sim.appsecret, account=account)
        client = KisClient(env, creds, on_event=on_event, token_store=MemoryTokenStore())
        return Session(env=env, account=account, client=client, sim=sim, profile_name="paper")

    return make


@pytest.fixture
def desk(qtbot, run_async, tmp_path, monkeypatch):
    monkeypatch.setenv("KISDESK_HOME", str(tmp_path / "home"))  # settings, logs: per test
    made: list[AppController] = []

    def open_desk(env: str = "demo") -> AppController:
        settings = open_settings()
        if env == "demo":
            controller = AppController(settings, "demo", demo_options={"ticker_interval": None})
        else:
            controller = AppController(settings, env, session_factory=_paper_session())
        made.append(controller)
        controller.start()
        window = controller.window
        qtbot.waitUntil(lambda: window.holdings.has_data, timeout=15_000)
        qtbot.waitUntil(lambda: window.orders.service is not None, timeout=5_000)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3_000)
        return controller

    yield open_desk
    for controller in made:
        run_async(controller.shutdown())
        controller.window.close()
        controller.window.deleteLater()


def shown(qtbot: Any, chart: Any, code: str, period: Period | None = None) -> None:
    def ok() -> bool:
        if chart.symbol is None or chart.symbol.code != code or chart.view is None:
            return False
        if period is not None and chart.period is not period:
            return False
        series = chart.service.cached(chart.symbol, chart.period)
        return series is not None and chart.view.bars == series.bars and bool(series.bars)

    qtbot.waitUntil(ok, timeout=10_000)


def test_the_chart_follows_the_order_panel_and_its_quotes(desk, qtbot):
    controller = desk()
    window, sim = controller.window, controller.session.sim
    window.focus_chart()
    chart = window.chart
    window.orders.prefill_symbol(SAMSUNG)
    shown(qtbot, chart, SAMSUNG)
    q = sim.market.domestic(SAMSUNG)
    assert chart.view.bars[-1].close == q.price
    assert chart.view.limits == (q.upper, q.lower)  # KRX price-limit lines
    assert chart.view.upper_line.isVisible() and chart.view.upper_line.value() == float(q.upper)
    # Another symbol in the panel: the chart moves with it, without a click.
    window.orders.prefill_symbol(HYNIX)
    shown(qtbot, chart, HYNIX)
    assert chart.view.bars[-1].close == sim.market.domestic(HYNIX).price
    # The ticket's next quote after a move: the last bar follows, the tag with it.
    bars_before = len(chart.view.bars)
    sim.set_price(HYNIX, sim.market.domestic(HYNIX).price + 500)
    moved = sim.market.domestic(HYNIX).price
    window.orders.panel.ticket._read_quote()
    qtbot.waitUntil(lambda: chart.view.bars[-1].close == moved, timeout=5000)
    assert len(chart.view.bars) == bars_before and chart.view.bars[-1].high >= moved
    assert chart.view.last_line.value() == float(moved)
    assert chart.view.last_tag.textItem.toPlainText() == f"{moved:,}"
    # The readout speaks Decimal: the last bar's figures, as the bars hold them.
    text = chart.readout.text()
    assert f"{moved:,}" in text and f"{chart.view.bars[-1].volume:,}" in text


def test_the_ticks_of_one_frame_are_shown_together(desk, qtbot):
    """A busy symbol trades hundreds of times a second: the series takes every tick, the plot
    shows the latest state once a frame, not once a tick."""
    import datetime as dt

    controller = desk()
    window = controller.window
    window.focus_chart()
    chart = window.chart
    window.orders.prefill_symbol(SAMSUNG)
    shown(qtbot, chart, SAMSUNG)
    view, service = chart.view, chart.service
    series = service.cached(chart.symbol, chart.period)
    shown_calls: list[int] = []
    set_last = view.set_last

    def counted(bars: Any, labels: Any) -> None:
        shown_calls.append(len(bars))
        set_last(bars, labels)

    view.set_last = counted
    base = series.bars[-1].close
    at = dt.datetime.combine(series.bars[-1].at.date(), dt.time(11, 0, 1))
    prices = [base + 100 * (i % 7) for i in range(200)]
    for price in prices:
        service.on_tick(chart.symbol, price, None, at)
    assert series.bars[-1].close == prices[-1] and series.bars[-1].high >= base + 600
    qtbot.waitUntil(lambda: view.bars[-1].close == prices[-1], timeout=3000)
    assert 1 <= len(shown_calls) <= 2, shown_calls
    assert view.candles.c[-1] == float(prices[-1]) and view.candles.h[-1] >= float(base + 600)
    assert f"<b>{prices[-1]:,}</b>" in chart.readout.text()


def test_the_chart_follows_the_focused_holdings_row(desk, qtbot):
    controller = desk()
    window = controller.window
    window.focus_chart()
    chart = window.chart
    table = window.holdings.table
    window.tabs.setCurrentIndex(0)
    table.view.setFocus()
    for row in (3, 1):
        table.view.setCurrentIndex(table.proxy.index(row, 0))
        code = table.current_record().code
        shown(qtbot, chart, code)
    # A row chosen while the table does not have the keyboard moves nothing.
    window.orders.panel.symbol_edit.setFocus()
    table.view.setCurrentIndex(table.proxy.index(0, 0))
    qtbot.wait(100)
    assert chart.symbol.code == code


def test_paper_says_what_it_does_not_offer(desk, qtbot):
    controller = desk("paper")
    window = controller.window
    window.focus_chart()
    chart = window.chart
    window.orders.prefill_symbol(SAMSUNG)
    shown(qtbot, chart, SAMSUNG)
    chart.focus_chart()
    QTest.keyClick(chart.view, Qt.Key.Key_1)  # one-minute bars: today's come from D13
    shown(qtbot, chart, SAMSUNG, Period.M1)
    series = chart.service.cached(chart.symbol, Period.M1)
    for _ in range(30):  # scroll back until KIS has nothing more for paper
        QTest.keyClick(chart.view, Qt.Key.Key_Left)
        chart.service.load_older(chart.symbol, Period.M1)
        qtbot.waitUntil(lambda: chart.service.idle, timeout=10_000)
        if series.complete:
            break
    assert series.complete
    qtbot.waitUntil(lambda: chart.status.isVisible(), timeout=3000)
    assert "모의투자" in chart.status.text() or "paper" in chart.status.text()
    sim = controller.session.sim
    assert not any("dailychartprice" in p for p in sim.stats.by_path)  # D14 never asked
    # Overseas minute bars (O7) are real-only: said at once, nothing asked.
    rows = window.overseas.table
    window.overseas.refresh()
    qtbot.waitUntil(lambda: rows.model.rowCount() > 0, timeout=15_000)
    chart.follow_record(rows.model.record_at(0))
    qtbot.waitUntil(
        lambda: chart.status.isVisible() and "모의투자" in chart.status.text(), timeout=5000
    )
    assert chart.view.bars == []
    assert not any(
        "inquire-time-itemchartprice" in p and "overseas" in p for p in sim.stats.by_path
    )


def test_allocation_adds_up_and_enter_selects_the_holding(desk, qtbot):
    controller = desk()
    window = controller.window
    window.overseas.refresh()
    qtbot.waitUntil(lambda: window.overseas.table.model.rowCount() > 0, timeout=15_000)
    view = window.allocation
    qtbot.waitUntil(lambda: bool(view.slices), timeout=5000)
    domestic = sum(h.eval_amount for h in window.holdings.table.model.records())
    overseas = sum(
        r.eval_krw for r in window.overseas.table.model.records() if r.eval_krw is not None
    )
    assert view.total == domestic + overseas and isinstance(view.total, Decimal)
    weights = [w for _, w in view.weights()]
    assert abs(sum(weights) - 100) <= Decimal("0.01") * len(weights)
    assert weights == sorted(weights[:-1], reverse=True) + weights[-1:]  # largest first, others
    window.tabs.setCurrentWidget(view)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    chosen = view.slices[view.current].record
    QTest.keyClick(view, Qt.Key.Key_Return)
    overseas_row = bool(getattr(chosen, "exchange", ""))
    tab = window.overseas if overseas_row else window.holdings
    assert window.tabs.currentWidget() is tab
    assert tab.table.current_record() is chosen
    assert window.chart.symbol is not None and window.chart.symbol.code == chosen.code
    # A click on the legend row of the first slice chooses it.
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(view.isVisible)
    view.repaint()
    row = view._legend_rows[0]
    QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=row.center().toPoint())
    assert view.current == 0
    first = view.slices[0].record
    assert window.tabs.currentWidget().table.current_record() is first


def test_start_up_does_not_import_pyqtgraph(tmp_path):
    """The window (chart dock included, hidden) is built and shown without pyqtgraph or numpy;
    Ctrl+5's path imports them."""
    code = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["KISDESK_HOME"] = sys.argv[1]
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kisdesk.config.settings import open_settings
from kisdesk.ui.main_window import MainWindow
import kisdesk.app.main, kisdesk.app.controller
w = MainWindow("demo", open_settings())
w.show()
app.processEvents()
assert not w.chart_dock.isVisible()
print("before", "pyqtgraph" in sys.modules, "numpy" in sys.modules)
w.focus_chart()
app.processEvents()
print("after", "pyqtgraph" in sys.modules, "numpy" in sys.modules)
# Widgets go before the QApplication: left to interpreter exit, pyqtgraph's items may be
# destroyed after it (a crash at exit unrelated to what this test checks).
w.close()
w.deleteLater()
app.processEvents()
del w
"""
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    lines = [line for line in out.stdout.splitlines() if line.startswith(("before", "after"))]
    assert lines == ["before False False", "after True True"]
