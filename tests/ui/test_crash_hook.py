"""Issue 4: an unexpected error is logged and written to a crash file (both masked), shown in a
dialog, and the app keeps running."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import QTimer

from kisdesk.config.masking import register_secret
from kisdesk.ui import crash


@pytest.mark.qt_no_exception_capture  # the app's own hook is under test, not pytest-qt's
def test_slot_exception_is_reported_masked_and_survived(qtbot, qloop, kisdesk_home, caplog):
    secret = "PSzzTestAppKey1234567890abcdefghijkl"
    register_secret(secret)
    previous = sys.excepthook
    crash.last_dialog = None
    crash.install_exception_hooks(qloop)
    try:

        def boom() -> None:
            raise RuntimeError(f"token refused for appkey {secret}")

        with caplog.at_level(logging.ERROR, logger="kisdesk.crash"):
            QTimer.singleShot(0, boom)  # PySide hands slot exceptions to sys.excepthook
            qtbot.waitUntil(lambda: crash.last_dialog is not None, timeout=5_000)
    finally:
        sys.excepthook = previous
    dialog = crash.last_dialog
    assert dialog.isVisible()
    assert "RuntimeError" in dialog.text() and secret not in dialog.text()
    files = list((kisdesk_home / "logs").glob("crash-*.txt"))
    assert len(files) == 1
    text = files[0].read_text(encoding="utf-8")
    assert "RuntimeError" in text and "boom" in text and secret not in text
    assert any("unexpected error" in r.getMessage() for r in caplog.records)
    assert all(secret not in r.getMessage() for r in caplog.records)
    # Still alive: the event loop runs the next callback.
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(True))
    qtbot.waitUntil(lambda: bool(ran), timeout=2_000)
    dialog.close()
