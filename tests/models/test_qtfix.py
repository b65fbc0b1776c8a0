"""The PySide6 emit() reference leak on True: the model's own emits must not drain it."""

from __future__ import annotations

import gc
import subprocess
import sys
from decimal import Decimal as D

from kisdesk.models.qtfix import emit_leaks_true


def test_many_model_updates_keep_true_alive(model, make_quote, bump):
    quotes = [make_quote(f"{i:06d}", f"종목{i}", str(1000 + i)) for i in range(50)]
    model.set_records(quotes)
    emit_leaks_true()  # the probe runs once; keep it out of the measurement
    # Garbage from earlier tests may hold references to True; collect it now, not mid-count.
    gc.collect()
    was_enabled = gc.isenabled()  # off for the whole test run (the GUI-thread collector)
    gc.disable()
    try:
        before = sys.getrefcount(True)
        # 3,000 dataChanged emits: more than True's whole refcount on CPython 3.11, so an
        # uncompensated leak would abort the interpreter here, not just fail the assertion.
        for n in range(3000):
            i = n % 50
            quotes[i] = bump(quotes[i], price=quotes[i].price + D(1))
            model.upsert([quotes[i]])
        after = sys.getrefcount(True)
    finally:
        if was_enabled:
            gc.enable()
    # A leak loses one reference per emit (3,000); a little noise from other objects is not it.
    assert after >= before - 50


def test_pin_bools_protects_raw_emits():
    code = (
        "from PySide6.QtCore import QObject, Signal\n"
        "from kisdesk.models.qtfix import pin_bools, emit_leaks_true\n"
        "class O(QObject):\n"
        "    s = Signal(int)\n"
        "pinned = pin_bools()\n"
        "assert pinned == emit_leaks_true()\n"
        "o = O()\n"
        "for i in range(20000):\n"
        "    o.s.emit(i)\n"
        "print('ok', pinned)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok")
