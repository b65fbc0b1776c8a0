"""Where kisdesk keeps its files (platformdirs), with one override for tests and portable use.

KISDESK_HOME, when set, puts config, logs and crash files under that one folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from kisdesk import APP_NAME


def _base(kind: str) -> Path:
    home = os.environ.get("KISDESK_HOME")
    if home:
        return Path(home) / kind
    import platformdirs

    getter = {
        "config": platformdirs.user_config_dir,
        "logs": platformdirs.user_log_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return Path(getter(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return _ensure(_base("config"))


def log_dir() -> Path:
    return _ensure(_base("logs"))


def cache_dir() -> Path:
    return _ensure(_base("cache"))


def settings_file() -> Path:
    return config_dir() / "kisdesk.ini"


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
