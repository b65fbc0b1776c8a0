"""The environment badge (demo / 모의투자 / 실전투자), each in its own colour."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

# Real money gets the loudest colour; paper is amber; demo a calm teal that reads as "practice".
ENV_COLOURS = {"demo": "#00796b", "paper": "#e67e00", "real": "#c62828"}


def env_label(env: str) -> str:
    labels = {
        "demo": QCoreApplication.translate("Env", "DEMO"),
        "paper": QCoreApplication.translate("Env", "PAPER"),
        "real": QCoreApplication.translate("Env", "REAL"),
    }
    return labels.get(env, env.upper())


class EnvBadge(QLabel):
    def __init__(self, env: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setObjectName("envBadge")
        self.set_env(env)

    def set_env(self, env: str) -> None:
        self.env = env
        self.setText(f" {env_label(env)} ")
        colour = ENV_COLOURS.get(env, "#555555")
        self.setStyleSheet(
            f"QLabel#envBadge {{ background: {colour}; color: white; font-weight: bold;"
            " border-radius: 3px; padding: 1px 8px; }"
        )
        self.setToolTip(
            QCoreApplication.translate("Env", "Orders in this environment use real money")
            if env == "real"
            else ""
        )
