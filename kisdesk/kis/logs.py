"""Loggers of the KIS client: all under "kisdesk.kis", each with the secret-masking filter.

A logger's filters do not apply to records of its children, so every module's logger gets its
own filter rather than relying on one on "kisdesk.kis". Never log headers or full URLs (the
query string carries the account number): log method, path, TR ID, status and msg_cd only.
"""

from __future__ import annotations

import logging

from kisdesk.config.masking import MaskingFilter

_FILTER = MaskingFilter()


def get_logger(name: str) -> logging.Logger:
    if not name.startswith("kisdesk.kis"):
        name = f"kisdesk.kis.{name}"
    logger = logging.getLogger(name)
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
    return logger
