"""Keep secrets out of every text the app writes: logs, dialogs, crash files.

Two layers: exact values registered at run time (the app key, secret, token and account number
the session uses), and patterns for secret-shaped text that was never registered (a JWT, a
``Bearer`` header, an ``appsecret`` field in a dumped request).
"""

from __future__ import annotations

import logging
import re
import threading

_lock = threading.Lock()
_secrets: set[str] = set()

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._\-+/=]{8,}"), r"\1***"),
    (re.compile(r"eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"), "***jwt***"),
    (
        re.compile(
            r"(?i)([\"']?(?:appkey|appsecret|secretkey|access_token|approval_key|authorization"
            r"|hashkey|cano)[\"']?\s*[:=]\s*[\"']?)([^\"',\s}&]+)"
        ),
        r"\1***",
    ),
)


def register_secret(value: str | None) -> None:
    """Mask ``value`` wherever it appears from now on (values shorter than 6 chars are ignored)."""
    if value and len(value) >= 6:
        with _lock:
            _secrets.add(value)
            # An account number also travels split (CANO + product code) and without the dash.
            if "-" in value:
                _secrets.add(value.replace("-", ""))
                head = value.split("-", 1)[0]
                if len(head) >= 6:
                    _secrets.add(head)


def forget_secrets() -> None:
    with _lock:
        _secrets.clear()


def mask_text(text: str) -> str:
    if not text:
        return text
    with _lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, mask_value(secret))
    for pattern, repl in _PATTERNS:
        text = pattern.sub(repl, text)
    return text


def mask_value(value: str) -> str:
    """A recognisable but useless stand-in: first two characters and the length."""
    return f"{value[:2]}***({len(value)})" if value else ""


def mask_account(account: str) -> str:
    """'50012345-01' → '500****5-01': enough to tell accounts apart, not enough to use."""
    if not account:
        return ""
    head, _, tail = account.partition("-")
    if len(head) <= 4:
        return "****" + (f"-{tail}" if tail else "")
    masked = head[:3] + "*" * (len(head) - 4) + head[-1]
    return masked + (f"-{tail}" if tail else "")


class MaskingFilter(logging.Filter):
    """Rewrites each record's message (and exception text) through mask_text before any handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not take logging down
            message = str(record.msg)
        record.msg = mask_text(message)
        record.args = None
        if record.exc_info:
            import traceback

            record.exc_text = mask_text("".join(traceback.format_exception(*record.exc_info)))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        return True
