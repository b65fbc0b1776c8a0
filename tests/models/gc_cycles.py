"""Qt objects in reference cycles, dropped on the GUI thread while another thread allocates hard.

    python gc_cycles.py [ITERATIONS] [--no-guard]

Run in a subprocess by test_gui_gc.py, because without the guard it crashes or hangs for good
(the deadlock of issue 13: the allocating thread's cycle collector destroys a QObject there,
holding Qt's signal-slot mutex while it waits for the GIL, and the GUI thread holds the GIL
while it waits for the mutex). ``--no-guard`` is there to show that, by hand.

Prints one JSON line: cycles made, views destroyed and on which threads, collections started
off the GUI thread, whether automatic collection was on during and after. Exits 0 when no
collection started off the GUI thread and every view was destroyed on it.
"""

from __future__ import annotations

import faulthandler
import gc
import json
import os
import sys
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QTableView

GUI_THREAD = threading.get_ident()
destroyed_on: dict[str, int] = {"gui": 0, "other": 0}
collected_on: set[str] = set()  # threads other than the GUI thread that started a collection


class Model(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 3

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return None


class Listener(QObject):
    """A Python subclass: destroying it calls back into Python (and needs the GIL)."""

    poke = Signal(int)

    def hit(self, *args: object) -> None:
        pass


class Cycle:
    """Holds a view and a QObject tree and itself: only the cycle collector can free them."""

    def __init__(self) -> None:
        self.view = QTableView()
        model = Model(self.view)
        self.view.setModel(model)
        self.owner = QObject()  # not a widget: Shiboken destroys it on the collecting thread
        for _ in range(6):
            listener = Listener(self.owner)
            self.view.clicked.connect(listener.hit)
            model.dataChanged.connect(listener.hit)
            listener.poke.connect(self.view.update)
        self.view.destroyed.connect(_count_destroyed)
        self.me = self


def _count_destroyed(*_: object) -> None:
    destroyed_on["gui" if threading.get_ident() == GUI_THREAD else "other"] += 1


def _note_collection(phase: str, info: dict[str, int]) -> None:
    # Every collection, by whichever thread starts it: the evidence, independent of the guard.
    if phase == "start" and threading.get_ident() != GUI_THREAD:
        collected_on.add(threading.current_thread().name)


def main(argv: list[str]) -> int:
    iterations = int(next((a for a in argv if a.isdigit()), "100"))
    guard = "--no-guard" not in argv
    faulthandler.enable()  # a crash prints every thread
    faulthandler.dump_traceback_later(40, exit=True)  # and so does a hang, then it exits
    app = QApplication(sys.argv[:1])
    gc.callbacks.append(_note_collection)
    if guard:
        from kisdesk.models.gui_gc import install_gui_gc, uninstall_gui_gc

        install_gui_gc()
    enabled = {"during": gc.isenabled()}

    stop = threading.Event()

    def allocate() -> None:  # like the simulator thread: lots of short-lived containers
        while not stop.is_set():
            junk = [[i] for i in range(2000)]
            del junk

    worker = threading.Thread(target=allocate, name="allocator", daemon=True)
    worker.start()
    made = 0
    for _ in range(iterations):
        for _ in range(5):
            Cycle()
            made += 1
        # A view with a model destroyed right here by reference counting: ~QAbstractItemView
        # disconnects on the GUI thread while the cycles above wait for a collector.
        view = QTableView()
        view.setModel(Model(view))
        del view
        app.processEvents()  # the GUI-thread collector's timer fires in here
    stop.set()
    worker.join()
    if guard:
        uninstall_gui_gc()  # the last cycles go now, on this thread
    enabled["after"] = gc.isenabled()
    gc.collect()
    app.processEvents()
    faulthandler.cancel_dump_traceback_later()
    off_thread = sorted(collected_on)
    result = {"made": made, "destroyed": destroyed_on, "off_thread": off_thread}
    print(json.dumps({**result, "gc_enabled": enabled}))
    return 0 if destroyed_on["other"] == 0 and not off_thread else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
