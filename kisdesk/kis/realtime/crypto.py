"""AES-256-CBC of execution notices (websocket.md §5): base64 text, PKCS#7 padding.

The subscribe reply (OPSP0000) of a notice TR carries ``output.key`` (32 ASCII characters, the
key bytes) and ``output.iv`` (16 ASCII characters); every notice frame of that TR is encrypted
with them. ``encrypt`` is the inverse, for tests (the simulator, which may not import kis/, keeps
its own few lines).
"""

from __future__ import annotations

import base64
import binascii

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from kisdesk.kis.realtime.errors import DecryptError

KEY_CHARS = 32
IV_CHARS = 16


class NoticeCipher:
    """The key and iv one subscription reply gave, for one notice TR."""

    __slots__ = ("_iv", "_key")

    def __init__(self, key: str, iv: str) -> None:
        try:
            key_bytes = key.encode("ascii")
            iv_bytes = iv.encode("ascii")
        except (UnicodeEncodeError, AttributeError):
            raise ValueError("the AES key and iv must be ASCII text") from None
        if len(key_bytes) != KEY_CHARS or len(iv_bytes) != IV_CHARS:
            raise ValueError(
                f"AES-256-CBC needs a {KEY_CHARS}-character key and a {IV_CHARS}-character iv,"
                f" got {len(key_bytes)} and {len(iv_bytes)}"
            )
        self._key = key_bytes
        self._iv = iv_bytes

    def __repr__(self) -> str:  # the key decrypts account data: never print it
        return "NoticeCipher(key=***, iv=***)"

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self._key), modes.CBC(self._iv))

    def decrypt(self, payload: str, *, tr_id: str = "") -> str:
        """The notice text of a base64 payload; :class:`DecryptError` when it is not one."""
        try:
            data = base64.b64decode(payload, validate=True)
        except (binascii.Error, ValueError):
            raise DecryptError("encrypted payload is not base64", tr_id=tr_id) from None
        if not data or len(data) % 16:
            raise DecryptError(
                f"encrypted payload of {len(data)} bytes is not whole AES blocks", tr_id=tr_id
            )
        decryptor = self._cipher().decryptor()
        padded = decryptor.update(data) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        try:
            plain = unpadder.update(padded) + unpadder.finalize()
            return plain.decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            # Wrong key/iv for this TR (a stale key after a re-subscribe) ends up here.
            raise DecryptError(
                "encrypted payload did not decrypt (wrong key or iv?)", tr_id=tr_id
            ) from None

    def encrypt(self, text: str) -> str:
        """Base64 of the AES-256-CBC encryption of ``text`` (what the server sends)."""
        padder = padding.PKCS7(128).padder()
        padded = padder.update(text.encode("utf-8")) + padder.finalize()
        encryptor = self._cipher().encryptor()
        return base64.b64encode(encryptor.update(padded) + encryptor.finalize()).decode("ascii")
