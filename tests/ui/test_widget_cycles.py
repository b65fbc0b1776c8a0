"""Widgets dropped by their last owner are freed at once, by reference counting, on the thread
that drops them: no reference cycle leaves them to the garbage collector (issue 13). Automatic
collection is off during the tests, so an object in a cycle would still be alive here."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "cycles.ini"), QSettings.Format.IniFormat)


def test_data_tabs_are_freed_when_dropped(qtbot, qloop, settings):
    """Each tab owns a Refresher that calls the tab's own fetch method."""
    from kisdesk.ui.overseas_tab import OverseasTab
    from kisdesk.ui.rankings_tab import RankingsTab

    assert not gc.isenabled()
    for cls in (OverseasTab, RankingsTab):
        tab = cls(settings)
        gone = weakref.ref(tab)
        del tab
        assert gone() is None, f"{cls.__name__} is in a reference cycle"


def test_window_with_the_order_dock_is_freed_when_dropped(qtbot, qloop, settings):
    """The dock installs its shortcuts on the window that holds it."""
    from kisdesk.ui.order_dock import OrderDock

    window = QMainWindow()
    dock = OrderDock(settings)
    holder = QDockWidget("Order", window)
    holder.setWidget(dock)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, holder)
    window.orders = dock  # as MainWindow keeps it
    dock.install_shortcuts(window)
    assert dock._shortcuts  # F2, F9, F10… on the window
    gone = weakref.ref(window)
    del window, dock, holder
    assert gone() is None
