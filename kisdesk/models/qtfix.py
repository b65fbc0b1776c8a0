"""Work around a PySide6 reference bug: ``SignalInstance.emit()`` returns ``True`` without
owning a reference to it.

Measured on PySide6 6.12.0 with CPython 3.11: every Python-side ``.emit()`` lowers
``sys.getrefcount(True)`` by one, and after a few hundred emits CPython aborts with "Fatal Python
error: bool_dealloc: deallocating True or False". Signals emitted by Qt itself (C++) are not
affected, nor is CPython >= 3.12, where ``True`` is immortal.

The bug is probed once, at first use, so a fixed PySide6 (or a newer Python) needs no change
here: ``emit()`` then compensates nothing.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

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


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, repaying the reference a buggy PySide6 takes from ``True``."""
    result = signal.emit(*args)
    if result is True and emit_leaks_true():
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def pin_bools(extra: int = 1 << 40) -> bool:
    """Process-wide guard for code that calls ``.emit()`` directly: give ``True`` so many spare
    references that the leak can never reach zero. A no-op (returns False) where there is no
    leak. Call once at start-up (the app's main and the test conftest)."""
    if not emit_leaks_true():
        return False
    # One C call instead of 2**40 Py_IncRef calls: ob_refcnt is the first field of PyObject.
    refcnt = ctypes.c_ssize_t.from_address(id(True))
    refcnt.value += extra
    return True
