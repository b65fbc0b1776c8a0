"""Qt's own messages: one known, harmless warning of the offscreen platform is dropped; every
other message goes where it went before (the previous handler, else Qt's default format on
stderr)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler

# The offscreen platform (headless demo, --screenshot) has no window manager to pass size hints
# to and says so each time a window or dialog is shown: dozens of lines that mean nothing.
SILENCED = frozenset({"This plugin does not support propagateSizeHints()"})

_previous: Callable[[QtMsgType, QMessageLogContext, str], Any] | None = None
_installed = False


def _handle(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in SILENCED:
        return
    if _previous is not None:
        _previous(mode, context, message)
    else:
        print(qFormatLogMessage(mode, context, message), file=sys.stderr, flush=True)


def install_message_filter() -> None:
    """Install once, before the QApplication exists (its own start-up messages pass too)."""
    global _previous, _installed
    if _installed:
        return
    _previous = qInstallMessageHandler(_handle)
    _installed = True
