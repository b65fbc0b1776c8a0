"""The PySide6 emit() reference leak on True: once pinned, plain .emit() calls cannot drain it
(kisdesk emits every signal that way)."""

from __future__ import annotations

import subprocess
import sys


def test_pin_bools_protects_raw_emits():
    code = (
        "from PySide6.QtCore import QObject, Signal\n"
        "from kisdesk.qtcompat import pin_bools, emit_leaks_true\n"
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
