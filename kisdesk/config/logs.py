"""Logging set-up: a rotating file in the platform log folder, secrets masked before any handler."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path
from typing import Any

from kisdesk.config.masking import MaskingFilter
from kisdesk.config.paths import log_dir

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def _mask_at_creation(masker: MaskingFilter) -> None:
    """Mask every record as it is made, so handlers added by anyone, in any order, never see a
    secret (a filter on our own handler alone protects only our file)."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "kisdesk_masking", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        masker.filter(record)
        return record

    factory.kisdesk_masking = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


def setup_logging(level: int = logging.INFO, *, to_stderr: bool = False) -> Path:
    """Install the masking filter on every handler of the root logger; returns the log file."""
    path = log_dir() / "kisdesk.log"
    root = logging.getLogger()
    root.setLevel(level)
    masker = MaskingFilter()
    _mask_at_creation(masker)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handlers: list[logging.Handler] = [handler]
    if to_stderr:
        handlers.append(logging.StreamHandler())
    for h in handlers:
        h.setFormatter(logging.Formatter(_FORMAT))
        h.addFilter(masker)
        root.addHandler(h)
    # httpx logs full request lines at INFO; keep them out (URLs can carry account numbers).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return path
