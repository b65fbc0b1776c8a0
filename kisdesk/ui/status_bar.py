"""Status bar: environment badge, masked account, connection, last refresh, API calls vs limit."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from kisdesk.config.masking import mask_account
from kisdesk.i18n import translate
from kisdesk.ui.env_badge import EnvBadge


class MainStatusBar(QStatusBar):
    def __init__(self, env: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.badge = EnvBadge(env)
        self.account = QLabel()
        self.connection = QLabel()
        self.last_refresh = QLabel()
        self.api_calls = QLabel()
        self.api_calls.setToolTip(
            translate("StatusBar", "API calls in the last second / limit per second")
        )
        self.addWidget(self.badge)
        self.addWidget(self.account)
        self.addWidget(self.connection)
        self.addPermanentWidget(self.last_refresh)
        self.addPermanentWidget(self.api_calls)
        self.set_connection("connecting")

    def set_env(self, env: str) -> None:
        self.badge.set_env(env)

    def set_account(self, account: str) -> None:
        self.account.setText(
            translate("StatusBar", "Account {acct}").format(acct=mask_account(account))
        )

    def set_connection(self, state: str, detail: str = "") -> None:
        texts = {
            "connecting": (translate("StatusBar", "Connecting…"), "#777"),
            "connected": (translate("StatusBar", "Connected"), "#2e7d32"),
            "error": (translate("StatusBar", "Connection problem"), "#c62828"),
            "waiting": (translate("StatusBar", "Waiting for token limit"), "#e67e00"),
        }
        text, colour = texts.get(state, (state, "#777"))
        self.connection.setText(f"● {text}")
        self.connection.setStyleSheet(f"color: {colour};")
        self.connection.setToolTip(detail)
        self.connection_state = state

    def set_refreshed(self, when: datetime) -> None:
        self.last_refresh.setText(
            translate("StatusBar", "Updated {time}").format(time=when.strftime("%H:%M:%S"))
        )

    def set_session_only(self, explanation: str) -> None:
        label = QLabel(translate("StatusBar", "Session only: keys are not saved"))
        label.setStyleSheet("color: #e67e00; font-weight: bold;")
        label.setToolTip(explanation)
        self.addPermanentWidget(label)

    def set_api_usage(self, used: int, limit: int) -> None:
        self.api_calls.setText(f"API {used}/{limit}")
