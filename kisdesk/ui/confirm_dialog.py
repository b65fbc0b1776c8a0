"""The review step before anything is sent: the order in large type, the environment badge, and
Enter to send / Esc to go back. Opened with ``open()`` (window-modal, non-blocking), so the event
loop keeps running and tests drive it with key events.

When the fat-finger guard has reasons (amount over the user's limit, price far from the market)
the dialog asks a second time: Enter then only shows the warning, and sending takes a different
key (Y) — a second Enter hammered out of habit cannot send.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kisdesk.i18n import translate
from kisdesk.ui.env_badge import EnvBadge

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ConfirmDialog(QDialog):
    """``rows`` are (label, value) pairs already formatted; ``warnings`` are the guard's reasons.
    ``guard_only``: confirmation is off, so start at the guard's question directly."""

    STAGE_REVIEW, STAGE_GUARD = 1, 2

    def __init__(
        self,
        *,
        title: str,
        headline: str,
        colour: str,
        rows: Sequence[tuple[str, str]],
        env: str,
        warnings: Sequence[str] = (),
        confirm_text: str | None = None,
        guard_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderConfirmDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.warnings = list(warnings)
        self._confirm_text = confirm_text or translate("ConfirmDialog", "Send (Enter)")

        top = QHBoxLayout()
        self.headline = QLabel(headline)
        self.headline.setObjectName("confirmHeadline")
        self.headline.setStyleSheet(f"color: {colour}; font-size: 20px; font-weight: bold;")
        top.addWidget(self.headline, 1)
        self.badge = EnvBadge(env)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)

        frame = QFrame()
        frame.setObjectName("confirmFrame")
        frame.setStyleSheet(f"QFrame#confirmFrame {{ border: 2px solid {colour}; }}")
        grid = QGridLayout(frame)
        self.values: dict[str, QLabel] = {}
        for r, (label, value) in enumerate(rows):
            name = QLabel(label)
            name.setStyleSheet("color: #666;")
            shown = QLabel(value)
            shown.setStyleSheet("font-size: 15px; font-weight: bold;")
            shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, r, 0)
            grid.addWidget(shown, r, 1)
            self.values[label] = shown

        self.warning = QLabel()
        self.warning.setObjectName("guardWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "QLabel#guardWarning { background: #fff3cd; color: #7a4b00; border: 1px solid #e0b000;"
            " padding: 6px; font-weight: bold; }"
        )
        self.warning.hide()

        self.hint = QLabel()
        self.hint.setStyleSheet("color: #555;")

        self.send_button = QPushButton(self._confirm_text)
        self.send_button.setObjectName("confirmSend")
        self.cancel_button = QPushButton(translate("ConfirmDialog", "Cancel (Esc)"))
        for b in (self.send_button, self.cancel_button):
            b.setAutoDefault(False)  # Enter is handled here, stage by stage
            b.setDefault(False)
        self.send_button.clicked.connect(self._on_send_clicked)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.send_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(frame)
        layout.addWidget(self.warning)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

        self.stage = self.STAGE_REVIEW
        self.hint.setText(translate("ConfirmDialog", "Enter: send · Esc: back to the order"))
        if guard_only and self.warnings:
            self._to_guard_stage()

    # -- stages --------------------------------------------------------------------------------
    def _to_guard_stage(self) -> None:
        self.stage = self.STAGE_GUARD
        self.warning.setText("\n".join(self.warnings))
        self.warning.show()
        self.send_button.setText(translate("ConfirmDialog", "Send anyway (Y)"))
        self.hint.setText(
            translate("ConfirmDialog", "Please check again. Y: send anyway · Esc: back")
        )
        self.cancel_button.setFocus()

    def _advance(self) -> None:
        if self.stage == self.STAGE_REVIEW and self.warnings:
            self._to_guard_stage()
            return
        self.accept()

    def _on_send_clicked(self) -> None:
        self._advance()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Keys must land here at once, not in the panel behind.
        self.activateWindow()
        (self.cancel_button if self.stage == self.STAGE_GUARD else self.send_button).setFocus()

    # -- keys ----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _ENTER:
            event.accept()
            if event.isAutoRepeat():
                return  # a held Enter is not a decision
            if self.stage == self.STAGE_REVIEW:
                self._advance()
            return
        if key == Qt.Key.Key_Y and self.stage == self.STAGE_GUARD and not event.isAutoRepeat():
            event.accept()
            self.accept()
            return
        super().keyPressEvent(event)  # Esc -> reject
