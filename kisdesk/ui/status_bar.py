"""Status bar: environment badge, masked account, connection, realtime stream, last refresh,
API calls vs limit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from kisdesk.config.masking import mask_account
from kisdesk.ui.env_badge import EnvBadge
from kisdesk.ui.i18n import translate

# The stream's troubles in words (kisdesk.kis.realtime.status.Trouble values), translated here.
TROUBLE_WORDS = {
    "unreachable": QT_TRANSLATE_NOOP("StatusBar", "cannot reach the realtime server"),
    "dropped": QT_TRANSLATE_NOOP("StatusBar", "the realtime connection was closed"),
    "dead": QT_TRANSLATE_NOOP("StatusBar", "the realtime connection went silent"),
    "key in use": QT_TRANSLATE_NOOP(
        "StatusBar", "another program is using this app key's realtime connection"
    ),
    "approval refused": QT_TRANSLATE_NOOP(
        "StatusBar", "the realtime server refused the approval key"
    ),
}


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
        self.realtime = QLabel()
        self.realtime.setObjectName("realtimeState")
        self.realtime_state = ""  # live, connecting, reconnecting, polling, failed ("": none)
        self.addWidget(self.realtime)
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

    def set_realtime(self, status: Any) -> None:
        """The quote hub's HubStatus: the stream's state, registrations used of the budget, and
        what is polled instead; ``None`` hides it (no session)."""
        if status is None:
            self.realtime.clear()
            self.realtime.setToolTip("")
            self.realtime_state = ""
            return
        state = status.state.value if status.state is not None else "polling"
        trouble = status.trouble.value if status.trouble is not None else ""
        words = translate("StatusBar", TROUBLE_WORDS[trouble]) if trouble in TROUBLE_WORDS else ""
        used = translate("StatusBar", "{used}/{capacity}").format(
            used=status.used, capacity=status.capacity
        )
        polled = (
            translate("StatusBar", " · polling {n}").format(n=status.polled)
            if status.polled
            else ""
        )
        if state == "live":
            text, colour = translate("StatusBar", "Realtime {used}").format(used=used), "#2e7d32"
        elif state in ("connecting", "idle"):
            text, colour = translate("StatusBar", "Realtime connecting…"), "#777"
        elif state == "reconnecting":
            text, colour = translate("StatusBar", "Realtime reconnecting"), "#e67e00"
        elif state == "failed":
            text = translate("StatusBar", "Realtime failed: {why}").format(why=words or trouble)
            colour = "#c62828"
        elif state == "stopped":
            text, colour = translate("StatusBar", "Realtime off"), "#777"
        else:  # no stream in this session: everything is polled
            text, colour = translate("StatusBar", "Realtime unavailable"), "#777"
            state = "polling"
        if state in ("reconnecting", "connecting", "idle") and status.polled:
            state = "polling"  # what the user sees move is polled meanwhile
        self.realtime.setText(f"● {text}{polled}")
        self.realtime.setStyleSheet(f"color: {colour};")
        tip = translate(
            "StatusBar",
            "Realtime stream: registrations used / allowed per session; symbols it cannot "
            "carry are polled over REST.",
        )
        if words:
            tip += "\n" + words + (f" ({status.detail})" if status.detail else "")
        self.realtime.setToolTip(tip)
        self.realtime_state = state
