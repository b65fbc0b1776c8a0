"""One typed error hierarchy for everything the KIS client can raise.

Every message goes through the secret masker, so an error text can be shown in a dialog or
written to a log as it is. Nothing here ever holds a header, an app key or a token.
"""

from __future__ import annotations

from kisdesk.config.masking import mask_text


class KisError(Exception):
    """Base of every error raised by kisdesk.kis."""

    def __init__(self, message: str) -> None:
        self.message = mask_text(message)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class ApiError(KisError):
    """KIS answered with a failure envelope (``rt_cd != "0"``) or a gateway/token error body."""

    def __init__(
        self,
        *,
        rt_cd: str = "",
        msg_cd: str = "",
        msg1: str = "",
        tr_id: str = "",
        status: int | None = None,
    ) -> None:
        self.rt_cd = rt_cd
        self.msg_cd = msg_cd
        self.msg1 = mask_text((msg1 or "").strip())  # KIS pads msg1 with spaces to 80 bytes
        self.tr_id = tr_id
        self.status = status
        where = f"tr_id={tr_id or '-'}, HTTP {status if status is not None else '-'}"
        super().__init__(f"[{msg_cd or '?'}] {self.msg1} ({where})")

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(rt_cd={self.rt_cd!r}, msg_cd={self.msg_cd!r}, "
            f"msg1={self.msg1!r}, tr_id={self.tr_id!r}, status={self.status!r})"
        )


class RateLimited(ApiError):
    """EGW00201 / EGW00215 that survived the bounded retries (or hit an order, never retried)."""


class GatewayError(ApiError):
    """A temporary gateway failure (EGW00001/EGW00002/EGW002xx): retried on GETs like a 5xx."""


class TokenError(ApiError):
    """The access token could not be issued, was refused twice, or was revoked."""


class OrderRejected(ApiError):
    """The order (or modify/cancel) was refused by KIS; it does not exist."""


class NotOfferedInPaper(ApiError):
    """The function is real-only ("모의투자 미지원"); raised before any call when known locally."""


class NetworkError(KisError):
    """The request could not be completed (connect failure, reset, timeout) after the retries."""


class ServerError(KisError):
    """HTTP 5xx without a KIS envelope (a proxy or gateway failure)."""

    def __init__(self, message: str, *, status: int, tr_id: str = "") -> None:
        self.status = status
        self.tr_id = tr_id
        super().__init__(message)


class ProtocolError(KisError):
    """The answer was not what KIS sends: malformed JSON, an HTML page, a wrong shape."""

    def __init__(self, message: str, *, status: int | None = None, tr_id: str = "") -> None:
        self.status = status
        self.tr_id = tr_id
        super().__init__(message)


class RecordError(ProtocolError):
    """A record could not be built from a response row (missing required field, bad number)."""

    def __init__(self, message: str, *, record: str, key: str, tr_id: str = "") -> None:
        self.record = record
        self.key = key
        super().__init__(message, tr_id=tr_id)


class PageLimitExceeded(KisError):
    """A paged inquiry still had more pages after the cap: raised instead of truncating."""

    def __init__(self, *, tr_id: str, pages: int, rows: int) -> None:
        self.tr_id = tr_id
        self.pages = pages
        self.rows = rows
        super().__init__(
            f"{tr_id}: more data after {pages} pages ({rows} rows); raise max_pages to fetch it all"
        )


class UnknownOrderOutcome(KisError):
    """An order POST was sent but its answer was lost, timed out or garbled.

    The order may or may not exist. It is never re-sent: reconcile it against the day's
    executions (``daily_executions``) or the open orders instead.
    """

    def __init__(self, message: str, *, tr_id: str, status: int | None = None) -> None:
        self.tr_id = tr_id
        self.status = status
        super().__init__(message)


# msg_cd values that decide what the client does (errors-and-limits.md §2).
TOKEN_CODES = frozenset({"EGW00121", "EGW00123"})
TOKEN_TOO_OFTEN = "EGW00133"
RATE_CODES = frozenset({"EGW00201", "EGW00215"})
# Gateway-internal codes documented as "temporary, retry" (third-party summaries).
TRANSIENT_CODES = frozenset(
    {"EGW00001", "EGW00002", "EGW00202", "EGW00203", "EGW00204", "EGW00300"}
)
PAPER_UNSUPPORTED_CODES = frozenset({"90000000"})
