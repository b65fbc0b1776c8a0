"""Order notices in the whole app over a real socket to the simulator: a fill notice shows a
toast and a log line before any REST refresh answers, without taking the focus; with toasts
turned off the log is still written; an order KIS refuses shows its msg1 word for word."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from order_helpers import Desk, choose_symbol, replace_text, settle, to_field
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox

from kisdesk.domain.format import fmt_krw
from kisdesk.domain.order_state import OrderState
from kisdesk.domain.ticks import step_price
from kisdesk.ui.notices import Toast

CODE = "005930"
ORDER = "/uapi/domestic-stock/v1/trading/order-cash"
SLOW = (
    "/uapi/domestic-stock/v1/trading/inquire-psbl-rvsecncl",
    "/uapi/domestic-stock/v1/trading/inquire-daily-ccld",
    "/uapi/domestic-stock/v1/trading/inquire-balance",
)
K = Qt.Key


def wait_for(qtbot: Any, predicate: Any, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout)


def toasts() -> list[Toast]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, Toast) and w.isVisible()]


def send(qtbot: Any, desk: Desk, price: Decimal, qty: int) -> None:
    panel = desk.panel
    to_field(qtbot, desk, panel.price_edit)
    replace_text(qtbot, desk, str(price))
    to_field(qtbot, desk, panel.qty_edit)
    replace_text(qtbot, desk, str(qty))
    settle(qtbot, desk)
    qtbot.keyClick(desk.window.focusWidget() or desk.window, K.Key_Return)


def ready(qtbot: Any, start_app: Any) -> tuple[Any, Desk]:
    app = start_app()
    desk = Desk(app.window, app.window.orders, app.session, app.settings)
    wait_for(qtbot, lambda: app.hub.notices_streamed)
    choose_symbol(qtbot, desk, CODE)
    return app, desk


def slow_rest(app: Any) -> Any:
    """The REST reads that confirm an order answer 3 s late; returns 'nothing answered yet'."""
    for path in SLOW:
        app.sim.faults.add("latency", path_prefix=path, delay=3.0)
    answered = {path: app.calls(path) for path in SLOW}
    return lambda: all(app.calls(path) == answered[path] for path in SLOW)


def test_a_fill_shows_a_toast_and_a_log_line_before_rest_without_taking_focus(qtbot, start_app):
    app, desk = ready(qtbot, start_app)
    dock = app.window.orders
    rest_silent = slow_rest(app)
    quote = app.sim.market.domestic(CODE)
    name = desk.panel.symbol.name
    send(qtbot, desk, quote.upper, 3)  # a buy at the upper limit fills at once
    focus = QApplication.focusWidget()
    wait_for(qtbot, lambda: any(line.kind == "fill" for line in dock.notices_log.lines()))
    assert rest_silent()
    fills = [line for line in dock.notices_log.lines() if line.kind == "fill"]
    acks = [line for line in dock.notices_log.lines() if line.kind == "ack"]
    order_no = dock.service.tracked[0].order_no
    assert acks and acks[0].text == f"Buy accepted {name} 3 sh @{fmt_krw(quote.upper)}"
    (booked,) = [o for o in app.sim.world.orders.orders.values() if o.odno == order_no]
    price = booked.executions[0].price  # the simulator's fill
    assert fills[0].text == f"Buy filled {name} {booked.executions[0].qty} sh @{fmt_krw(price)}"
    shown = dock.notices.toasts  # stacked oldest first
    assert sorted(toasts(), key=shown.index) == shown
    assert [t.line.kind for t in shown] == ["ack", "fill"]
    assert shown[-1].label.text() == fills[0].text
    assert "#d0312d" in shown[-1].styleSheet()  # a buy: the rise colour (Korean palette)
    assert QApplication.activeWindow() is app.window  # the toasts took neither the window
    assert QApplication.focusWidget() is focus and focus is not None  # nor the keyboard
    assert focus.window() is app.window
    for toast in shown:
        assert toast.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        assert toast.windowType() == Qt.WindowType.ToolTip  # never activated on show
        assert toast.windowFlags() & Qt.WindowType.FramelessWindowHint
    wait_for(qtbot, lambda: not toasts(), timeout=6000)  # they hide themselves
    assert len(dock.notices_log.lines()) == 2  # the log stays


def test_toasts_off_still_writes_the_log(qtbot, start_app):
    app, desk = ready(qtbot, start_app)
    dock = app.window.orders
    # Preferences, by keys: the toast box unticked with Space, Enter accepts.
    app.controller.open_preferences()
    dialog = app.controller.preferences_dialog
    wait_for(qtbot, dialog.isVisible)
    box = dialog.findChild(QCheckBox, "toastsBox")
    assert box.isChecked()  # on by default
    box.setFocus()
    qtbot.keyClick(box, K.Key_Space)
    qtbot.keyClick(box, K.Key_Return)
    wait_for(qtbot, lambda: not dialog.isVisible())
    assert app.controller.prefs.toasts is False
    rest_silent = slow_rest(app)
    quote = app.sim.market.domestic(CODE)
    send(qtbot, desk, step_price(quote.price, -2), 2)  # rests: an acknowledgement only
    wait_for(qtbot, lambda: dock.notices_log.lines())
    assert rest_silent()
    assert [line.kind for line in dock.notices_log.lines()] == ["ack"]
    qtbot.wait(200)
    assert toasts() == []


def test_a_refused_order_shows_kis_msg1_verbatim(qtbot, start_app):
    app, desk = ready(qtbot, start_app)
    dock = app.window.orders
    msg1 = "주문가능금액을 초과 했습니다"
    faults = app.sim.faults
    faults.add("error", path_prefix=ORDER, count=1, msg_cd="APBK0952", status=200, msg1=msg1)
    send(qtbot, desk, app.sim.market.domestic(CODE).price, 1)
    wait_for(qtbot, lambda: dock.service.tracked)
    wait_for(qtbot, lambda: dock.service.tracked[0].state is OrderState.REJECTED)
    wait_for(qtbot, lambda: dock.notices_log.lines())
    (line,) = dock.notices_log.lines()
    assert line.kind == "reject" and line.text.endswith(f": {msg1}")
    assert line.text.startswith(f"Buy rejected {desk.panel.symbol.name} 1 sh")
    assert [t.label.text() for t in toasts()] == [line.text]
