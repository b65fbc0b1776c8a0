"""What the window says while the server is gone or slow, and after it is back (issue 13 §7).

- A success clears every error it supersedes, in every view: after the server came back, no
  banner, error page or red message is left anywhere in the window.
- A server that answers slowly: after a few seconds without an answer the tab says it is still
  waiting; the final error stays on screen until a success replaces it (the next slow try does
  not hide it).
"""

from __future__ import annotations

import re
import time

from fault_helpers import BALANCE
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from kisdesk.ui.tab_states import StatePage

# The colour of error text in every view (the env badge's red is a background, not text).
ERROR_TEXT = re.compile(r"(^|[\s;{])color:\s*#c62828", re.IGNORECASE)


def errors_in_view(window: QWidget) -> list[str]:
    """Every error a user can see in the window as it is shown now."""
    found: list[str] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if widget.objectName() == "errorBanner":
            texts = " ".join(label.text() for label in widget.findChildren(QLabel))
            found.append(f"banner: {texts}")
        elif isinstance(widget, StatePage) and widget.button is not None:  # the error page
            found.append(f"error page: {widget.message.text()}")
        elif (
            isinstance(widget, QLabel)
            and widget.text().strip()
            and ERROR_TEXT.search(widget.styleSheet())
        ):
            found.append(f"{widget.objectName() or type(widget).__name__}: {widget.text()}")
    return found


def errors_anywhere(window: QWidget) -> list[str]:
    """The errors of every page of every tab widget (the main tabs, the order dock's tables)."""
    found: set[str] = set()
    tab_widgets = [w for w in window.findChildren(QTabWidget) if w.isVisible()]
    saved = [t.currentIndex() for t in tab_widgets]
    for tabs in tab_widgets:
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            found.update(errors_in_view(window))
    for tabs, index in zip(tab_widgets, saved, strict=True):
        tabs.setCurrentIndex(index)
    return sorted(found)


def waiting_note(tab: QWidget) -> str | None:
    """The text of a visible note on ``tab`` that says it is still waiting, if any."""
    for label in tab.findChildren(QLabel):
        if label.isVisible() and "waiting" in label.text().lower():
            return label.text()
    return None


def test_recovery_leaves_no_stale_error_anywhere_in_the_window(
    qtbot, start_app, fault_sim, app_errors
):
    app = start_app()
    window = app.window
    service = window.orders.service
    data_tabs = (window.overseas, window.rankings)
    for tab in data_tabs:  # every view has data before the server goes away
        with qtbot.waitSignal(tab.loaded, timeout=15_000):
            window.tabs.setCurrentWidget(tab)
    window.tabs.setCurrentWidget(window.holdings)
    assert errors_anywhere(window) == []

    fault_sim.stop()
    with qtbot.waitSignal(service.open_orders_failed, timeout=15_000):
        service.refresh_open_orders()
    qtbot.waitUntil(lambda: window.holdings.error_visible, timeout=15_000)
    for tab in data_tabs:
        window.tabs.setCurrentWidget(tab)
        tab.refresh()
        qtbot.waitUntil(lambda tab=tab: errors_in_view(tab) != [], timeout=15_000)
    window.tabs.setCurrentWidget(window.holdings)
    shown = errors_anywhere(window)
    unreachable = [e for e in shown if "Cannot reach the KIS server" in e]
    # holdings, overseas and rankings, open orders: each view says it (and the walk sees it)
    assert len(unreachable) >= 4, shown

    fault_sim.start()  # same port, same books
    with qtbot.waitSignal(app.controller.holdings.loaded, timeout=15_000):
        pass  # the automatic refresh
    with qtbot.waitSignal(service.open_orders_loaded, timeout=15_000):
        pass  # the open orders' own poll
    for tab in data_tabs:  # F5 on each
        window.tabs.setCurrentWidget(tab)
        with qtbot.waitSignal(tab.loaded, timeout=15_000):
            tab.refresh()
    window.tabs.setCurrentWidget(window.holdings)
    assert errors_anywhere(window) == []
    assert app.connection == "connected"
    assert app_errors() == []


def test_slow_server_says_it_is_waiting_and_the_error_stays_until_a_success(
    qtbot, start_app, fault_sim, app_errors
):
    # Slower than the client's read timeout: three tries of 1.5 s each, then the error (the app
    # waits 10 s a try: half a minute with nothing said).
    fault_sim.faults.add("latency", BALANCE, delay=2.0)
    app = start_app(timeout=1.5, wait=False)
    tab = app.tab
    failed: list[str] = []
    app.controller.holdings.failed.connect(failed.append)

    # First load, no answer: after a few seconds the tab says it is still waiting.
    qtbot.waitUntil(lambda: waiting_note(tab) is not None, timeout=6_000)
    assert not failed, "the note comes while the tries go on, before the error"
    assert tab.stack.currentIndex() == tab.PAGE_LOADING
    qtbot.waitUntil(lambda: bool(failed), timeout=15_000)
    assert failed[0] in tab.error_page.message.text()
    assert waiting_note(tab) is None

    # The automatic refresh tries again (and is slow again): the error stays on screen all the
    # while, and the note comes back under it.
    seen_note = False
    until = time.monotonic() + 5.0
    while time.monotonic() < until:
        qtbot.wait(50)
        assert tab.stack.currentIndex() == tab.PAGE_ERROR, "the error went before a success"
        seen_note = seen_note or waiting_note(tab) is not None
    assert seen_note

    fault_sim.faults.clear()
    qtbot.waitUntil(lambda: tab.has_data, timeout=15_000)
    assert tab.stack.currentIndex() == tab.PAGE_TABLE
    assert not tab.error_visible and waiting_note(tab) is None

    # With rows on screen: the note above them, then the banner, which stays until a success.
    fault_sim.faults.add("latency", BALANCE, delay=2.0)
    failed.clear()
    qtbot.waitUntil(lambda: waiting_note(tab) is not None, timeout=8_000)
    assert tab.stack.currentIndex() == tab.PAGE_TABLE and not tab.error_visible
    qtbot.waitUntil(lambda: bool(failed), timeout=15_000)
    assert tab.banner.isVisibleTo(tab) and failed[0] in tab.banner_text.text()
    until = time.monotonic() + 2.0
    while time.monotonic() < until:
        qtbot.wait(50)
        assert tab.banner.isVisibleTo(tab)
    fault_sim.faults.clear()
    with qtbot.waitSignal(app.controller.holdings.loaded, timeout=15_000):
        pass
    assert not tab.error_visible and waiting_note(tab) is None
    assert app_errors() == []
