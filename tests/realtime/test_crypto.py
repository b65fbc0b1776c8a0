"""AES-256-CBC of execution notices: a vector from openssl, round trips, refusals."""

from __future__ import annotations

import pytest
import rt_samples as s

from kisdesk.kis.realtime import DecryptError, NoticeCipher


def test_decrypts_what_openssl_encrypted():
    cipher = NoticeCipher(s.SAMPLE_KEY, s.SAMPLE_IV)
    assert cipher.decrypt(s.OVERSEAS_ACK_24_OPENSSL) == "^".join(s.OVERSEAS_ACK_24)


def test_encrypts_what_openssl_encrypts():
    # The simulator's encryption must be byte-identical to KIS's (and openssl's).
    cipher = NoticeCipher(s.SAMPLE_KEY, s.SAMPLE_IV)
    assert cipher.encrypt("^".join(s.OVERSEAS_ACK_24)) == s.OVERSEAS_ACK_24_OPENSSL


@pytest.mark.parametrize("text", ["", "a", "x" * 15, "x" * 16, "x" * 17, "체결^" * 40])
def test_round_trip_over_block_boundaries(text):
    cipher = NoticeCipher("k" * 32, "i" * 16)
    assert cipher.decrypt(cipher.encrypt(text)) == text


def test_key_and_iv_are_not_interchangeable():
    a = NoticeCipher("k" * 32, "i" * 16)
    b = NoticeCipher("k" * 32, "j" * 16)
    assert a.encrypt("same text") != b.encrypt("same text")


@pytest.mark.parametrize(
    ("key", "iv"), [("k" * 31, "i" * 16), ("k" * 32, "i" * 15), ("키" * 32, "i" * 16)]
)
def test_key_and_iv_must_have_the_documented_sizes(key, iv):
    with pytest.raises(ValueError):
        NoticeCipher(key, iv)


def test_a_payload_of_partial_blocks_is_refused():
    with pytest.raises(DecryptError, match="whole AES blocks"):
        NoticeCipher("k" * 32, "i" * 16).decrypt("YWJjZA==")
