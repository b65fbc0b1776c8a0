"""Non-secret preferences in an INI file (QSettings). Secrets never go here: see secrets.py."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from kisdesk.config.paths import settings_file

# Refresh interval bounds (seconds). A holdings refresh costs one call per 50 rows on real (20 on
# paper); 2 s leaves most of a 20/s budget free for quotes and orders, 10 s suits paper's 2/s.
MIN_REFRESH_S = 2
MAX_REFRESH_S = 600
DEFAULT_REFRESH_S = {"demo": 3, "real": 5, "paper": 10}


def open_settings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


@dataclass
class Preferences:
    refresh_seconds: int
    palette: str  # "korean" | "western"
    language: str  # "" = follow the system, "ko", "en"

    @classmethod
    def load(cls, settings: QSettings, env: str) -> Preferences:
        refresh = _int(settings.value(f"refresh/{env}"), DEFAULT_REFRESH_S.get(env, 5))
        palette = str(settings.value("view/palette", "korean"))
        return cls(
            refresh_seconds=min(max(refresh, MIN_REFRESH_S), MAX_REFRESH_S),
            palette=palette if palette in ("korean", "western") else "korean",
            language=str(settings.value("view/language", "")),
        )

    def save(self, settings: QSettings, env: str) -> None:
        settings.setValue(f"refresh/{env}", self.refresh_seconds)
        settings.setValue("view/palette", self.palette)
        settings.setValue("view/language", self.language)
        settings.sync()


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default
