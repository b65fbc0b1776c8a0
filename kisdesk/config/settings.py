"""Non-secret preferences in an INI file (QSettings). Secrets never go here: see secrets.py."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QSettings

from kisdesk.config.paths import settings_file
from kisdesk.domain.order_rules import parse_amount

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
    toasts: bool = True  # a pop-up for each order notice (the notices log keeps them anyway)

    @classmethod
    def load(cls, settings: QSettings, env: str) -> Preferences:
        refresh = int_value(settings.value(f"refresh/{env}"), DEFAULT_REFRESH_S.get(env, 5))
        palette = str(settings.value("view/palette", "korean"))
        return cls(
            refresh_seconds=min(max(refresh, MIN_REFRESH_S), MAX_REFRESH_S),
            palette=palette if palette in ("korean", "western") else "korean",
            language=str(settings.value("view/language", "")),
            toasts=bool_value(settings.value("view/toasts"), True),
        )

    def save(self, settings: QSettings, env: str) -> None:
        settings.setValue(f"refresh/{env}", self.refresh_seconds)
        settings.setValue("view/palette", self.palette)
        settings.setValue("view/language", self.language)
        settings.setValue("view/toasts", self.toasts)
        settings.sync()


def toasts_enabled(settings: QSettings) -> bool:
    """Preferences' order-notice pop-ups (on unless turned off)."""
    return bool_value(settings.value("view/toasts"), True)


@dataclass
class OrderSettings:
    """Order preferences (group ``orders``)."""

    confirm: bool = True  # ignored in real mode: confirmation is always on there
    guard_amount: Decimal = Decimal(20_000_000)  # 0 = off
    guard_ticks: int = 10  # 0 = off
    use_hashkey: bool = False
    quote_refresh_ms: int = 2000  # the shown symbol's price, while the panel is visible
    poll_seconds: float = 3.0  # open orders, to notice fills

    @classmethod
    def load(cls, settings: QSettings | None) -> OrderSettings:
        s = cls()
        if settings is None:
            return s
        s.confirm = bool_value(settings.value("orders/confirm"), True)
        if settings.contains("orders/guard_amount"):  # stored "0" (or junk) switches it off
            s.guard_amount = parse_amount(str(settings.value("orders/guard_amount"))) or Decimal(0)
        s.guard_ticks = int_value(settings.value("orders/guard_ticks"), s.guard_ticks)
        s.use_hashkey = bool_value(settings.value("orders/hashkey"), False)
        s.quote_refresh_ms = max(200, int_value(settings.value("orders/quote_refresh_ms"), 2000))
        s.poll_seconds = max(0.2, float(int_value(settings.value("orders/poll_ms"), 3000)) / 1000)
        return s

    def save(self, settings: QSettings) -> None:
        settings.setValue("orders/confirm", self.confirm)
        settings.setValue("orders/guard_amount", str(self.guard_amount))
        settings.setValue("orders/guard_ticks", self.guard_ticks)
        settings.setValue("orders/hashkey", self.use_hashkey)


def bool_value(value: object, default: bool) -> bool:
    """A QSettings value as a bool (INI files store text)."""
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def int_value(value: object, default: int) -> int:
    """A QSettings value as an int; ``default`` when absent or not a number."""
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default
