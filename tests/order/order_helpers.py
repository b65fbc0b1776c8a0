"""Keyboard helpers for the order tests: key events go to whatever has focus, like a keyboard
does. Hangul arrives the way an input method delivers it (a committed QInputMethodEvent), since
QTest.keyClicks can only type Latin-1."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

ORDER_CASH = "/uapi/domestic-stock/v1/trading/order-cash"
ORDER_RVSECNCL = "/uapi/domestic-stock/v1/trading/order-rvsecncl"


@dataclasses.dataclass
class Desk:
    window: QMainWindow
    dock: Any  # OrderDock
    session: Any
    settings: QSettings

    @property
    def panel(self) -> Any:
        return self.dock.panel

    @property
    def sim(self) -> Any:
        return self.session.sim

    def order_posts(self) -> int:
        """order-cash requests that reached the simulator: answered ones (the stats note them
        after answering) plus those whose answer a drop_response fault swallowed (only ever
        injected on order-cash in these tests)."""
        stats = self.sim.stats
        return stats.by_path.get(ORDER_CASH, 0) + stats.faults_fired.get("drop_response", 0)


# -- keyboard ------------------------------------------------------------------------------------


def focused(window: QWidget) -> QWidget:
    return QApplication.focusWidget() or window


def press(qtbot: Any, window: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    """One key press on whatever has focus (an open dialog has it while shown)."""
    qtbot.keyClick(focused(window), key, modifier)


def type_ascii(qtbot: Any, window: QWidget, text: str) -> None:
    qtbot.keyClicks(focused(window), text)


def type_hangul(window: QWidget, text: str) -> None:
    """Commit ``text`` one character at a time, as a Korean input method does."""
    for ch in text:
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QApplication.sendEvent(focused(window), event)


def settle(qtbot: Any, desk: Desk, timeout: int = 5000) -> None:
    """Wait until the panel's reads and the service's send have finished."""

    def idle() -> bool:
        panel = desk.panel
        busy = desk.dock.service is not None and desk.dock.service.busy
        return panel.ticket.idle and not busy

    qtbot.waitUntil(idle, timeout=timeout)


def wait_for(qtbot: Any, predicate: Callable[[], Any], timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout)


def wait_dialog(qtbot: Any, dialog: QWidget, timeout: int = 3000) -> None:
    """A dialog opened with open() is active (and has the keyboard) once the window system says
    so; a person would not type into it before either."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=timeout)


def choose_symbol(qtbot: Any, desk: Desk, code: str) -> None:
    """F2, type the code, Enter on the highlighted suggestion; then wait for its facts."""
    press(qtbot, desk.window, Qt.Key.Key_F2)
    type_ascii(qtbot, desk.window, code)
    press(qtbot, desk.window, Qt.Key.Key_Return)
    assert desk.panel.symbol is not None and desk.panel.symbol.code == code
    settle(qtbot, desk)
    qtbot.waitUntil(lambda: desk.panel.quote is not None, timeout=5000)


def to_field(qtbot: Any, desk: Desk, widget: QWidget, limit: int = 8) -> None:
    """F2 then Tab until ``widget`` has the focus (the Tab order is part of what is tested)."""
    if widget.hasFocus():
        return
    press(qtbot, desk.window, Qt.Key.Key_F2)
    for _ in range(limit):
        if widget.hasFocus():
            return
        press(qtbot, desk.window, Qt.Key.Key_Tab)
    assert widget.hasFocus(), f"Tab never reached {widget.objectName()}"


def replace_text(qtbot: Any, desk: Desk, text: str) -> None:
    """Ctrl+A then type: what a user does to overwrite a field."""
    press(qtbot, desk.window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_ascii(qtbot, desk.window, text)
    else:
        press(qtbot, desk.window, Qt.Key.Key_Delete)


def wait_main(qtbot: Any, desk: Desk, timeout: int = 3000) -> None:
    """After a dialog closes, the main window is active again before the next key."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window, timeout=timeout)
