"""The KIS websocket's text frames (websocket.md §2–§5, §9.3, §9.7), without a socket.

Server → client, decided by the first character:

- ``{`` a JSON control frame: a reply to a subscribe/unsubscribe (:class:`ControlReply`) or the
  keep-alive ``PINGPONG`` (:class:`PingPong`, to be echoed as it came);
- ``0`` / ``1`` a data frame ``0|TR_ID|00N|payload`` (``1``: payload AES-encrypted), ``N``
  records of the TR's width, ``^``-separated and simply concatenated (:class:`DataFrame`).

Anything else raises :class:`FrameError`; the reader logs it and goes on with the next frame.
Client → server: :func:`subscribe_message` / :func:`unsubscribe_message`. They carry the
approval key, a credential: never log them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from kisdesk.kis.realtime.crypto import NoticeCipher
from kisdesk.kis.realtime.errors import (
    AppKeyInUse,
    ApprovalKeyRefused,
    DecryptError,
    FrameError,
    RegistrationBudgetFull,
    SubscriptionRefused,
)
from kisdesk.kis.realtime.trs import PINGPONG, SPECS

# -- client → server ----------------------------------------------------------------------------

REGISTER = "1"
RELEASE = "2"  # the workbook, kis_auth.py and python-kis; not the "0" of newer docstrings (§2)


def _request(approval_key: str, tr_type: str, tr_id: str, tr_key: str, custtype: str) -> str:
    if not approval_key:
        raise ValueError("a subscribe message needs the approval key")
    if not tr_id or not tr_id.isascii() or not tr_id.isalnum():
        raise ValueError(f"not a realtime TR id: {tr_id!r}")
    if not tr_key or not tr_key.strip():
        raise ValueError(f"{tr_id} needs a tr_key (a code, a realtime symbol or the HTS id)")
    message = {
        "header": {
            "approval_key": approval_key,
            "custtype": custtype,
            "tr_type": tr_type,
            "content-type": "utf-8",
        },
        "body": {"input": {"tr_id": tr_id, "tr_key": tr_key}},
    }
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


def subscribe_message(approval_key: str, tr_id: str, tr_key: str, *, custtype: str = "P") -> str:
    """The JSON text that registers ``tr_id``/``tr_key`` (tr_type 1)."""
    return _request(approval_key, REGISTER, tr_id, tr_key, custtype)


def unsubscribe_message(approval_key: str, tr_id: str, tr_key: str, *, custtype: str = "P") -> str:
    """The JSON text that releases ``tr_id``/``tr_key`` (tr_type 2)."""
    return _request(approval_key, RELEASE, tr_id, tr_key, custtype)


# -- server → client: control frames ------------------------------------------------------------


class ReplyKind(Enum):
    SUBSCRIBED = "subscribed"  # OPSP0000, with the AES key/iv
    UNSUBSCRIBED = "unsubscribed"  # OPSP0001
    ALREADY_SUBSCRIBED = "already subscribed"  # OPSP0002: a success
    NOT_SUBSCRIBED = "not subscribed"  # OPSP0003: releasing what is not registered
    BUDGET_FULL = "budget full"  # OPSP0008: the 42nd registration
    KEY_IN_USE = "app key in use"  # OPSP8996: another session holds the app key
    APPROVAL_REFUSED = "approval key refused"
    TEMPORARY = "temporary error"  # the server's own trouble: try again later
    INVALID = "invalid request"  # our message was wrong (tr_id, tr_key, JSON, custtype …)
    OTHER = "other"


_KIND_BY_CODE = {
    "OPSP0000": ReplyKind.SUBSCRIBED,
    "OPSP0001": ReplyKind.UNSUBSCRIBED,
    "OPSP0002": ReplyKind.ALREADY_SUBSCRIBED,
    "OPSP0003": ReplyKind.NOT_SUBSCRIBED,
    "OPSP0007": ReplyKind.TEMPORARY,
    "OPSP0008": ReplyKind.BUDGET_FULL,
    "OPSP0009": ReplyKind.TEMPORARY,
    "OPSP0010": ReplyKind.APPROVAL_REFUSED,
    "OPSP0011": ReplyKind.APPROVAL_REFUSED,
    "OPSP8991": ReplyKind.INVALID,
    "OPSP8992": ReplyKind.INVALID,
    "OPSP8993": ReplyKind.INVALID,
    "OPSP8994": ReplyKind.APPROVAL_REFUSED,  # personalseckey not found
    "OPSP8995": ReplyKind.APPROVAL_REFUSED,  # appsecret not found
    "OPSP8996": ReplyKind.KEY_IN_USE,
    "OPSP8997": ReplyKind.INVALID,
    "OPSP8998": ReplyKind.INVALID,
    "OPSP8999": ReplyKind.TEMPORARY,
    "OPSP9990": ReplyKind.INVALID,
    "OPSP9991": ReplyKind.INVALID,
    "OPSP9992": ReplyKind.INVALID,
    "OPSP9993": ReplyKind.TEMPORARY,
    "OPSP9994": ReplyKind.APPROVAL_REFUSED,
    "OPSP9995": ReplyKind.TEMPORARY,
    "OPSP9996": ReplyKind.APPROVAL_REFUSED,
    "OPSP9997": ReplyKind.INVALID,
    "OPSP9998": ReplyKind.INVALID,
    "OPSP9999": ReplyKind.INVALID,
}

_SUCCESS = frozenset({ReplyKind.SUBSCRIBED, ReplyKind.UNSUBSCRIBED, ReplyKind.ALREADY_SUBSCRIBED})


def _kind(rt_cd: str, msg_cd: str, msg1: str) -> ReplyKind:
    kind = _KIND_BY_CODE.get(msg_cd)
    text = msg1.upper()
    if kind is ReplyKind.SUBSCRIBED and text.startswith("UNSUB"):
        # The official helper tells an unsubscribe reply by msg1 alone: accept both codes.
        return ReplyKind.UNSUBSCRIBED
    if kind is not None:
        return kind
    if "APPROVAL" in text or "APPKEY" in text:
        return ReplyKind.APPROVAL_REFUSED
    if rt_cd == "0":
        return ReplyKind.UNSUBSCRIBED if text.startswith("UNSUB") else ReplyKind.OTHER
    return ReplyKind.OTHER


@dataclass(frozen=True, slots=True)
class ControlReply:
    """The server's answer to a subscribe or unsubscribe message."""

    tr_id: str  # "(null)" on the OPSP8996 refusal
    tr_key: str
    rt_cd: str
    msg_cd: str
    msg1: str
    kind: ReplyKind
    encrypt: bool = False  # header.encrypt; disputed (§9.6): decide by the data frame instead
    key: str = field(default="", repr=False)  # output.key / output.iv: AES for notice TRs
    iv: str = field(default="", repr=False)

    @property
    def ok(self) -> bool:
        """Registered, released, or already registered (OPSP0002 counts as success)."""
        return self.kind in _SUCCESS

    def cipher(self) -> NoticeCipher | None:
        """The AES key/iv this reply delivered, if it delivered a usable pair."""
        if not self.key or not self.iv:
            return None
        try:
            return NoticeCipher(self.key, self.iv)
        except ValueError:
            return None

    def error(self) -> SubscriptionRefused | None:
        """The typed error of a refusal; None for a success or a NOT_SUBSCRIBED release."""
        if self.ok or self.kind is ReplyKind.NOT_SUBSCRIBED:
            return None
        cls = {
            ReplyKind.BUDGET_FULL: RegistrationBudgetFull,
            ReplyKind.KEY_IN_USE: AppKeyInUse,
            ReplyKind.APPROVAL_REFUSED: ApprovalKeyRefused,
        }.get(self.kind, SubscriptionRefused)
        return cls(
            rt_cd=self.rt_cd,
            msg_cd=self.msg_cd,
            msg1=self.msg1,
            tr_id=self.tr_id,
            tr_key=self.tr_key,
        )


@dataclass(frozen=True, slots=True)
class PingPong:
    """The server's keep-alive. Answer with ``text`` as it came (a text frame)."""

    text: str
    datetime: str  # YYYYMMDDHHMMSS as the server sent it ("" if absent)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _control(text: str) -> ControlReply | PingPong:
    try:
        message = json.loads(text)
    except ValueError:
        raise FrameError(f"control frame of {len(text)} characters is not JSON") from None
    header = message.get("header") if isinstance(message, dict) else None
    if not isinstance(header, dict):
        raise FrameError("control frame without a header object")
    tr_id = _text(header.get("tr_id"))
    if tr_id == PINGPONG:
        return PingPong(text, _text(header.get("datetime")))
    body = message.get("body")
    if not isinstance(body, dict):
        raise FrameError(f"control frame for {tr_id or '?'} without a body object", tr_id=tr_id)
    output = body.get("output")
    output = output if isinstance(output, dict) else {}
    rt_cd, msg_cd, msg1 = (
        _text(body.get("rt_cd")),
        _text(body.get("msg_cd")),
        _text(body.get("msg1")),
    )
    return ControlReply(
        tr_id=tr_id,
        tr_key=_text(header.get("tr_key")),
        rt_cd=rt_cd,
        msg_cd=msg_cd,
        msg1=msg1,
        kind=_kind(rt_cd, msg_cd, msg1),
        encrypt=_text(header.get("encrypt")).upper() == "Y",
        key=_text(output.get("key")),
        iv=_text(output.get("iv")),
    )


# -- server → client: data frames ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DataFrame:
    """One data frame: ``records`` are typed records of the TR (see trs.SPECS), or tuples of
    text for a TR this client has no record for."""

    tr_id: str
    encrypted: bool
    records: tuple[Any, ...]


def _data(text: str, ciphers: Mapping[str, NoticeCipher] | None) -> DataFrame:
    parts = text.split("|", 3)
    if len(parts) != 4:
        raise FrameError(f"data frame with {len(parts)} parts, not 4")
    flag, tr_id, count_text, payload = parts
    if flag not in ("0", "1"):
        raise FrameError(f"data frame flag {flag[:8]!r} is neither 0 nor 1", tr_id=tr_id)
    if not count_text.isdigit() or not count_text.isascii() or int(count_text) < 1:
        raise FrameError(f"data frame count {count_text[:8]!r} is not a number ≥ 1", tr_id=tr_id)
    count = int(count_text)
    encrypted = flag == "1"
    if encrypted:
        cipher = ciphers.get(tr_id) if ciphers is not None else None
        if cipher is None:
            raise DecryptError(
                f"encrypted {tr_id} frame but no key from its subscribe reply", tr_id=tr_id
            )
        payload = cipher.decrypt(payload, tr_id=tr_id)
    values = payload.split("^")
    total = len(values)
    if total % count == 1 and values[-1] == "":
        values.pop()  # a trailing separator after the last record
        total -= 1
    if total % count:
        raise FrameError(
            f"{tr_id} frame: {total} values do not split into {count} records", tr_id=tr_id
        )
    width = total // count
    spec = SPECS.get(tr_id)
    if spec is None:
        rows = tuple(tuple(values[i * width : (i + 1) * width]) for i in range(count))
        return DataFrame(tr_id, encrypted, rows)
    layout = spec.layout_for(width)
    if layout is None:
        raise FrameError(
            f"{tr_id} frame: records of {width} values, fewer than the {spec.min_width} it has",
            tr_id=tr_id,
        )
    used = spec.usable(width) if spec.usable is not None else width
    build = layout.build
    try:
        if count == 1:
            records: tuple[Any, ...] = (build(values, 0, used),)
        else:
            records = tuple([build(values, i * width, used) for i in range(count)])
    except FrameError as exc:
        raise FrameError(f"{tr_id} frame: {exc.message}", tr_id=tr_id) from None
    return DataFrame(tr_id, encrypted, records)


def parse_frame(
    text: str, ciphers: Mapping[str, NoticeCipher] | None = None
) -> ControlReply | PingPong | DataFrame:
    """Read one text frame. ``ciphers`` maps a notice TR id to the key/iv of its subscribe reply.

    Raises :class:`FrameError` (:class:`DecryptError` for an undecryptable notice) for anything
    KIS does not send.
    """
    if not isinstance(text, str):
        raise FrameError(f"expected a text frame, got {type(text).__name__}")
    first = text[:1]
    if first == "{":
        return _control(text)
    if first in ("0", "1") and first:
        return _data(text, ciphers)
    raise FrameError("empty frame" if not text else f"frame starts with {first!r}, not 0, 1 or {{")
