"""Where the shipped resources (symbol lists, translations, icons) live."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_dir() -> Path:
    """The resources/ folder, installed as the package ``kisdesk.resources``."""
    return Path(str(resources.files("kisdesk.resources")))


def data_file(name: str) -> Path:
    return resource_dir() / "data" / name
