"""Issue 4: the main window and holdings tab against the embedded demo simulator."""

from __future__ import annotations

import csv
import re
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor

from kisdesk.app.controller import AppController
from kisdesk.config.settings import open_settings
from kisdesk.domain.ticks import step_price
from kisdesk.models.palette import KOREAN, WESTERN
from kisdesk.resources_path import data_file
from kisdesk.services.session_manager import initial_target
from kisdesk.ui.holdings_tab import HoldingsTab

HANGUL = re.compile(r"[가-힣]")


@pytest.fixture
def start_app(qtbot, run_async, kisdesk_home):
    started: list[AppController] = []

    def start(settings: QSettings | None = None) -> AppController:
        settings = settings or open_settings()
        controller = AppController(
            settings, initial_target(settings, None)[0], demo_options={"ticker_interval": None}
        )
        controller.start()
        qtbot.waitUntil(lambda: controller.window.holdings.has_data, timeout=15_000)
        started.append(controller)
        return controller

    yield start
    # Shut down before pytest-qt's widget clean-up would delete the windows under the session.
    for controller in started:
        run_async(controller.shutdown())
        controller.window.close()
        controller.window.deleteLater()


def _krx_names() -> dict[str, str]:
    with data_file("krx_symbols.csv").open(encoding="utf-8") as fh:
        return {row["code"]: row["name"] for row in csv.DictReader(fh)}


def _column(tab: HoldingsTab, key: str) -> int:
    return tab.table.model.column_of(key)


def test_first_launch_is_demo_with_rows_and_no_keyring(start_app, memory_keyring):
    app = start_app()
    tab = app.window.holdings
    records = tab.table.model.records()
    assert len(records) >= 20  # the demo portfolio spans several balance pages
    listed = _krx_names()
    assert all(listed[r.code] == r.name for r in records)  # real listings, real Korean names
    assert sum(bool(HANGUL.search(r.name)) for r in records) > len(records) // 2
    assert app.window.status.badge.env == "demo"
    assert "DEMO" in app.window.windowTitle()
    assert "50012345" not in app.window.windowTitle()  # account masked
    assert tab.summary.values["total_eval"].text() not in ("", "–")
    assert memory_keyring.entries() == []  # demo never writes to the keyring
    # The summary adds up: securities evaluation = sum of the rows' evaluation amounts.
    total = sum((r.eval_amount for r in records), Decimal(0))
    assert app.session.client is not None
    balance = app.holdings.last_result
    assert balance.summary.securities_eval == total


def test_numeric_sort_by_value_not_text(start_app):
    tab = start_app().window.holdings
    col = _column(tab, "price")
    prices = [r.price for r in tab.table.model.records()]
    # Precondition that makes a text sort wrong: prices of different digit counts.
    assert len({len(str(int(p))) for p in prices}) > 1
    tab.table.view.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    proxy = tab.table.proxy
    shown = [proxy.index(r, col).data(tab.table.model.RAW_ROLE) for r in range(proxy.rowCount())]
    assert shown == sorted(prices)
    texts = [proxy.index(r, col).data() for r in range(proxy.rowCount())]
    assert texts != sorted(texts) or len(set(texts)) == 1  # display order is not the text order


def test_rise_and_fall_have_colour_and_sign(start_app):
    app = start_app()
    tab = app.window.holdings
    model = tab.table.model
    col = _column(tab, "change")
    ups = downs = 0
    for row, record in enumerate(model.records()):
        index = model.index(row, col)
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        text = index.data()
        if record.change > 0:
            ups += 1
            assert text.startswith(("▲", "↑")) and QColor(colour).name() == QColor(KOREAN.up).name()
        elif record.change < 0:
            downs += 1
            assert text.startswith(("▼", "↓"))
            assert QColor(colour).name() == QColor(KOREAN.down).name()
    assert ups and downs
    tab.set_palette(WESTERN)
    row = next(i for i, r in enumerate(model.records()) if r.change > 0)
    colour = model.index(row, col).data(Qt.ItemDataRole.ForegroundRole)
    assert QColor(colour).name() == QColor(WESTERN.up).name()


def test_refresh_after_price_move_changes_only_that_row(qtbot, start_app):
    app = start_app()
    tab = app.window.holdings
    model = tab.table.model
    records = model.records()
    moved = records[3]
    kept = records[7]
    # Select another row; the selection must survive the refresh.
    tab.table.view.selectRow(tab.table.proxy.mapFromSource(model.index(7, 0)).row())
    sim = app.session.sim
    quote = sim.market.domestic(moved.code)
    new_price = min(step_price(quote.price, 3), quote.upper)
    assert new_price != quote.price
    sim.set_price(moved.code, new_price)

    changed: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda *_: resets.append(True))
    model.rowsRemoved.connect(lambda *_: resets.append(True))
    with qtbot.waitSignal(app.holdings.loaded, timeout=10_000):
        app.holdings.request()
    row = model.row_of(moved.code)
    assert changed, "the moved price must repaint its cells"
    assert all(top == bottom == row for top, bottom in changed)
    assert not resets
    assert model.record_at(row).price == new_price
    assert tab.table.current_record().code == kept.code


def test_error_state_on_fault_clears_on_retry(qtbot, start_app):
    app = start_app()
    tab = app.window.holdings
    sim = app.session.sim
    sim.faults.add(
        "error",
        "/uapi/domestic-stock/v1/trading/inquire-balance",
        msg_cd="EGW00001",
        msg1="일시적인 오류가 발생했습니다.",
        status=500,
    )
    with qtbot.waitSignal(app.holdings.failed, timeout=15_000):
        app.holdings.request()
    assert tab.error_visible
    assert "일시적인 오류" in tab.banner_text.text()
    assert app.window.status.connection_state == "error"
    sim.faults.clear()
    with qtbot.waitSignal(app.holdings.loaded, timeout=10_000):
        tab.retry_requested.emit()
    assert not tab.error_visible
    assert app.window.status.connection_state == "connected"


def test_csv_round_trips_exact_values_and_korean_names(start_app, tmp_path):
    tab = start_app().window.holdings
    path = tmp_path / "holdings.csv"
    written = tab.table.export_csv(str(path))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM so Excel reads UTF-8 Korean
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    assert written == len(body) == tab.table.model.rowCount()
    by_code = {r.code: r for r in tab.table.model.records()}
    code_col = header.index("Code") if "Code" in header else header.index("종목코드")
    for line in body:
        record = by_code[line[code_col]]
        assert record.name in line
        for value in (record.pnl, record.eval_amount, record.avg_price, record.pnl_rate):
            assert str(value) in line  # exact, no separators, no rounding
            assert Decimal(str(value)) == value


def test_layout_persists_across_restarts(start_app, run_async):
    first = start_app()
    header = first.window.holdings.table.view.horizontalHeader()
    header.moveSection(header.visualIndex(0), 5)
    header.resizeSection(2, 171)
    first.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.window.order_dock)
    first.window.close()  # closeEvent saves the layout
    run_async(first.shutdown())

    second = start_app()
    header2 = second.window.holdings.table.view.horizontalHeader()
    assert header2.visualIndex(0) == 5
    assert header2.sectionSize(2) == 171
    # Dock placement is part of the saved window state (geometry is clamped to the screen
    # offscreen, so it is not compared here).
    assert (
        second.window.dockWidgetArea(second.window.order_dock)
        == Qt.DockWidgetArea.LeftDockWidgetArea
    )


def test_preferences_switch_palette_and_interval_and_persist(qtbot, start_app):
    app = start_app()
    tab = app.window.holdings
    model = tab.table.model
    col = _column(tab, "change")
    row = next(i for i, r in enumerate(model.records()) if r.change > 0)
    app.window.preferences_requested.emit()
    dialog = app.preferences_dialog
    assert dialog.isVisible()
    dialog.palette.setCurrentIndex(dialog.palette.findData("western"))
    dialog.refresh.setValue(17)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK is the default button
    colour = model.index(row, col).data(Qt.ItemDataRole.ForegroundRole)
    assert QColor(colour).name() == QColor(WESTERN.up).name()
    assert app.holdings._timer.interval() == 17_000
    reread = open_settings()
    assert reread.value("view/palette") == "western"
    assert int(reread.value("refresh/demo")) == 17


def test_preferences_order_safety_saved_and_applied(qtbot, start_app):
    app = start_app()
    app.window.preferences_requested.emit()
    dialog = app.preferences_dialog
    dialog.guard_amount.setText("abc")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.guard_error.text()  # bad amount: told, not saved
    dialog.guard_amount.setText("5,000,000")
    dialog.confirm.setChecked(False)
    dialog.hashkey.setChecked(True)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    panel = app.window.orders.panel
    assert panel.settings.guard_amount == Decimal(5_000_000)
    assert panel.settings.confirm is False and panel.settings.use_hashkey is True
    assert app.session.client.use_hashkey is True
    assert not app.window.orders.confirm_box.isChecked()
