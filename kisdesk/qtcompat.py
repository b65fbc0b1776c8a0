"""PySide compatibility shims, in one place: what kisdesk needs from Qt that a PySide release gets
wrong. Call :func:`pin_bools` once per process before the first signal fires (the app's start-up,
the test conftest, the bench harness and every script that makes its own QApplication do); after
that every signal is emitted the one ordinary way, ``signal.emit(...)``.

The bug it covers: ``SignalInstance.emit()`` returns ``True`` without owning a reference to it.
Measured on PySide6 6.12.0 with CPython 3.11: every Python-side ``.emit()`` lowers
``sys.getrefcount(True)`` by one, and after a few hundred emits CPython aborts with "Fatal Python
error: bool_dealloc: deallocating True or False". Signals emitted by Qt itself (C++) are not
affected, nor is CPython >= 3.12, where ``True`` is immortal. pyproject excludes 6.12.0, but a
user's environment may still carry it, and third-party code (pyqtgraph) emits from Python too: a
process-wide guard covers both, where a per-call helper could only cover kisdesk's own emits.

The bug is probed once, at first use, so a fixed PySide6 (or a newer Python) changes nothing.

(The GUI-thread garbage collector, the other Qt/CPython guard, is ``models/gui_gc.py``: a
policy with a timer and state of its own rather than a shim.)
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBES = 16
_leaks: bool | None = None


class _Probe(QObject):
    ping = Signal()


def emit_leaks_true() -> bool:
    """Whether ``.emit()`` drops a reference to ``True`` on this PySide6/Python."""
    global _leaks
    if _leaks is None:
        probe = _Probe()
        before = sys.getrefcount(True)
        for _ in range(_PROBES):
            probe.ping.emit()
        lost = before - sys.getrefcount(True)
        probe.deleteLater()
        if lost >= _PROBES:
            _give_back(lost)  # repay what the probe itself took
        _leaks = lost >= _PROBES
    return _leaks


def _give_back(count: int) -> None:
    for _ in range(count):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def pin_bools(extra: int = 1 << 40) -> bool:
    """Give ``True`` so many spare references that the leak can never reach zero. A no-op
    (returns False) where there is no leak; calling it again adds nothing harmful."""
    if not emit_leaks_true():
        return False
    # One C call instead of 2**40 Py_IncRef calls: ob_refcnt is the first field of PyObject.
    refcnt = ctypes.c_ssize_t.from_address(id(True))
    refcnt.value += extra
    return True
