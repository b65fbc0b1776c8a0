"""What a data tab shows besides its table: a centred state page (loading, empty, error) and the
error banner that sits above stale rows when a refresh fails."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kisdesk.i18n import translate


class StatePage(QWidget):
    """A centred message with an optional button: the empty, loading and error states."""

    def __init__(self, with_button: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.addStretch(1)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 14px;")
        box.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(320)
        self.progress.hide()
        box.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button: QPushButton | None = None
        if with_button:
            self.button = QPushButton(translate("Holdings", "Retry"))
            box.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)


class ErrorBanner(QFrame):
    """A pink strip with the message and a Retry button; hidden until ``show_message``."""

    retry = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setStyleSheet("QFrame#errorBanner { background: #fdecea; border: 1px solid #e0a0a0; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        self.text = QLabel()
        self.text.setWordWrap(True)
        button = QPushButton(translate("Holdings", "Retry"))
        button.clicked.connect(self.retry)
        row.addWidget(self.text, 1)
        row.addWidget(button)
        self.hide()
