"""The KIS websocket's text frames as the server writes them (websocket.md §3–§5, §9.3, §9.7).

- control replies: ``{"header": {tr_id, tr_key, encrypt}, "body": {rt_cd, msg_cd, msg1[, output]}}``
- the keep-alive ``{"header":{"tr_id":"PINGPONG","datetime":"YYYYMMDDHHMMSS"}}``
- data frames ``0|TR_ID|00N|r1^r2…`` (``1|…`` with an AES-256-CBC, base64 payload).

The simulator may not import kisdesk.kis, so it keeps its own few lines of AES (the client's
kisdesk.kis.realtime.crypto decrypts them in the tests).
"""

from __future__ import annotations

import base64
import json
import secrets
import string
from collections.abc import Sequence
from datetime import datetime

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PINGPONG = "PINGPONG"
NULL_TR = "(null)"  # the literal tr_id of replies that belong to no TR (the OPSP8996 frame)

# msg1 of each code, as the portal's table spells them (websocket.md §9.7).
MESSAGES = {
    "OPSP0000": "SUBSCRIBE SUCCESS",
    "OPSP0001": "UNSUBSCRIBE SUCCESS",
    "OPSP0002": "ALREADY IN SUBSCRIBE",
    "OPSP0003": "UNSUBSCRIBE ERROR(not found!)",
    "OPSP0008": "MAX SUBSCRIBE OVER",
    "OPSP0011": "invalid approval : NOT FOUND",
    "OPSP8991": "SUBSCRIBE ERROR : invalid tr_id",
    "OPSP8992": "SUBSCRIBE ERROR : invalid tr_key",
    "OPSP8996": "ALREADY IN USE appkey",
    "OPSP8997": "JSON PARSING ERROR : invalid tr_type",
    "OPSP8998": "JSON PARSING ERROR : invalid custtype",
    "OPSP9990": "JSON PARSING ERROR : tr_key not found",
    "OPSP9991": "JSON PARSING ERROR : input not found",
    "OPSP9992": "JSON PARSING ERROR : body not found",
    "OPSP9996": "JSON PARSING ERROR : appkey not found",
    "OPSP9998": "JSON PARSING ERROR : header not found",
    "OPSP9999": "JSON PARSING ERROR : invalid json format",
}
SUCCESS = frozenset({"OPSP0000", "OPSP0001", "OPSP0002"})
MAX_RECORDS = 30  # records per data frame at most (a field report saw 6; KIS's cap is unknown)

_KEY_ALPHABET = string.ascii_letters + string.digits


def _dumps(message: object) -> str:
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


def reply(
    msg_cd: str,
    tr_id: str,
    tr_key: str = "",
    *,
    encrypt: bool = False,
    key: str = "",
    iv: str = "",
) -> str:
    """A control reply. Successes carry rt_cd 0; refusals of a subscription (OPSP0003, OPSP0008,
    an approval key) rt_cd 1; the gateway's parse and session errors (OPSP8xxx/9xxx) rt_cd 9, as
    in the observed OPSP8996 frame. ``key``/``iv`` go into ``output`` (OPSP0000)."""
    if msg_cd in SUCCESS:
        rt_cd = "0"
    elif msg_cd.startswith(("OPSP8", "OPSP9")):
        rt_cd = "9"
    else:
        rt_cd = "1"
    body: dict[str, object] = {"rt_cd": rt_cd, "msg_cd": msg_cd, "msg1": MESSAGES[msg_cd]}
    if key:
        body["output"] = {"iv": iv, "key": key}
    header = {"tr_id": tr_id, "tr_key": tr_key, "encrypt": "Y" if encrypt else "N"}
    return _dumps({"header": header, "body": body})


def pingpong(now: datetime) -> str:
    return _dumps({"header": {"tr_id": PINGPONG, "datetime": now.strftime("%Y%m%d%H%M%S")}})


def data_frame(tr_id: str, records: Sequence[str], cipher: NoticeCipher | None = None) -> str:
    """``0|TR|00N|…`` of ``records`` (each one record's ``^``-joined values); encrypted (``1|…``)
    when a cipher is given."""
    payload = "^".join(records)
    if cipher is not None:
        return f"1|{tr_id}|{len(records):03d}|{cipher.encrypt(payload)}"
    return f"0|{tr_id}|{len(records):03d}|{payload}"


class NoticeCipher:
    """A session's AES-256-CBC key (32 ASCII characters) and iv (16), sent in OPSP0000."""

    __slots__ = ("iv", "key")

    def __init__(self, key: str | None = None, iv: str | None = None) -> None:
        self.key = key or "".join(secrets.choice(_KEY_ALPHABET) for _ in range(32))
        self.iv = iv or "".join(secrets.choice(_KEY_ALPHABET) for _ in range(16))

    def __repr__(self) -> str:
        return "NoticeCipher(key=***, iv=***)"

    def encrypt(self, text: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(text.encode("utf-8")) + padder.finalize()
        cipher = Cipher(algorithms.AES(self.key.encode()), modes.CBC(self.iv.encode()))
        enc = cipher.encryptor()
        return base64.b64encode(enc.update(data) + enc.finalize()).decode("ascii")
