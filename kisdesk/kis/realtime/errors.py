"""Typed errors of the realtime layer, part of the client's one hierarchy (kisdesk.kis.errors).

A frame that cannot be read raises :class:`FrameError`: the reader logs it and reads the next
frame, it never stops. Messages name the TR and the shape of the frame, never its payload (an
execution notice carries the account number and the customer id).
"""

from __future__ import annotations

from kisdesk.kis.errors import ApiError, ProtocolError


class FrameError(ProtocolError):
    """A websocket text frame that is not what KIS sends (bad shape, count, width or number)."""

    def __init__(self, message: str, *, tr_id: str = "") -> None:
        super().__init__(message, tr_id=tr_id)


class DecryptError(FrameError):
    """An encrypted frame that could not be decrypted (no key for its TR, bad base64 or padding)."""


class SubscriptionRefused(ApiError):
    """The server refused a subscribe or unsubscribe message (a control reply with rt_cd != 0)."""

    def __init__(self, *, rt_cd: str, msg_cd: str, msg1: str, tr_id: str, tr_key: str) -> None:
        self.tr_key = tr_key
        super().__init__(rt_cd=rt_cd, msg_cd=msg_cd, msg1=msg1, tr_id=tr_id)


class RegistrationBudgetFull(SubscriptionRefused):
    """OPSP0008 MAX SUBSCRIBE OVER: the session already holds its 41 registrations."""


class AppKeyInUse(SubscriptionRefused):
    """OPSP8996 ALREADY IN USE appkey: another program holds this app key's realtime session.

    Not to be retried in a loop: the other session goes on until it closes (websocket.md §9.3).
    """


class ApprovalKeyRefused(SubscriptionRefused):
    """The approval key was refused (invalid, expired or unknown): issue a new one."""
