"""Unexpected errors: logged and written to a crash file (both masked), shown, and survived."""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kisdesk.config.masking import mask_text
from kisdesk.config.paths import log_dir

log = logging.getLogger("kisdesk.crash")


def write_crash_file(text: str) -> Path:
    path = log_dir() / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
    path.write_text(mask_text(text), encoding="utf-8")
    return path


def report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error\n%s", mask_text(text))
    path = write_crash_file(text)
    # Show the dialog from the event loop, never re-entrantly from inside the hook.
    summary = mask_text(f"{exc_type.__name__}: {exc}")
    QTimer.singleShot(0, lambda: _show_dialog(summary, path))


last_dialog: QMessageBox | None = None  # the newest crash dialog (tests look at it)


def _show_dialog(summary: str, path: Path) -> None:
    global last_dialog
    if QApplication.instance() is None:
        return  # no GUI (a bare script): the log and the crash file have it
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Crash", "Unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "Crash", "Something went wrong, but kisdesk keeps running.\n\n{summary}"
        ).format(summary=summary)
    )
    box.setInformativeText(
        QCoreApplication.translate("Crash", "Details were saved to {path}").format(path=path)
    )
    box.finished.connect(box.deleteLater)
    last_dialog = box
    box.open()  # non-modal to the event loop: the app keeps running


def install_exception_hooks(loop: asyncio.AbstractEventLoop | None = None) -> None:
    sys.excepthook = report

    if loop is not None:

        def loop_handler(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
            exc = context.get("exception")
            if isinstance(exc, BaseException):
                report(type(exc), exc, exc.__traceback__)
            else:
                log.error("event loop: %s", mask_text(str(context.get("message"))))

        loop.set_exception_handler(loop_handler)
