"""Events the client reports to its owner (status bar, log panel). Never carry secrets."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from kisdesk.config.masking import mask_text


class EventKind(StrEnum):
    TOKEN_ISSUED = "token_issued"
    TOKEN_REUSED = "token_reused"  # loaded from the keyring, no issuance
    TOKEN_REVOKED = "token_revoked"
    TOKEN_WAIT = "token_wait"  # waiting for the 1-issuance-per-minute rule (EGW00133)
    RETRYING = "retrying"  # a GET is retried (rate limit, network, 5xx)
    KEYRING_UNAVAILABLE = "keyring_unavailable"  # tokens kept in memory for this session
    REALTIME_TROUBLE = "realtime_trouble"  # the stream waits long: key in use, key refused


@dataclass(frozen=True)
class ClientEvent:
    kind: EventKind
    message: str
    wait_seconds: float | None = None
    attempt: int | None = None
    tr_id: str = ""


EventCallback = Callable[[ClientEvent], None]


class EventSink:
    """Calls the owner's callback; a failing callback is logged, never breaks a request."""

    def __init__(self, callback: EventCallback | None, logger: logging.Logger) -> None:
        self._callback = callback
        self._log = logger

    def emit(
        self,
        kind: EventKind,
        message: str,
        *,
        wait_seconds: float | None = None,
        attempt: int | None = None,
        tr_id: str = "",
    ) -> None:
        event = ClientEvent(kind, mask_text(message), wait_seconds, attempt, tr_id)
        self._log.info("%s: %s", kind.value, event.message)
        if self._callback is None:
            return
        try:
            self._callback(event)
        except Exception:
            self._log.exception("event callback failed for %s", kind.value)
