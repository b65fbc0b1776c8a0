"""Keyring storage of profile secrets, backend checks and session-only mode."""

from __future__ import annotations

from typing import ClassVar

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

from kisdesk.config import secrets as store
from kisdesk.config.memory_keyring import MemoryKeyring
from kisdesk.config.secrets import (
    SERVICE,
    ProfileSecrets,
    SecretStorageError,
    SessionOnlyKeyring,
    ensure_secure_keyring,
    forget_secrets,
    keyring_problem,
    load_secrets,
    save_secrets,
    token_entries,
)

SECRETS = ProfileSecrets(
    appkey="PSunitTestAppKey0000000000000000001",
    appsecret="unit-test-secret-" + "s" * 160,
    account="12345678-01",
    hts_id="unittesthts",
    data_appkey="PSunitTestDataKey000000000000000002",
    data_appsecret="unit-test-data-secret-" + "d" * 150,
)


class FakePlaintextKeyring(KeyringBackend):
    """Stands in for keyrings.alt.file.PlaintextKeyring (not installed here): same module
    name, records writes instead of making a file."""

    priority = 1
    writes: ClassVar[list[tuple[str, str]]] = []

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        self.writes.append((service, username))

    def delete_password(self, service, username):
        pass


FakePlaintextKeyring.__module__ = "keyrings.alt.file"


class EmptyChainer(ChainerBackend):
    backends: ClassVar[list] = []  # what the chainer holds when no backend is viable


class PlaintextFirstChainer(ChainerBackend):
    backends: ClassVar[list] = [FakePlaintextKeyring()]


class MemoryFirstChainer(ChainerBackend):
    backends: ClassVar[list] = [MemoryKeyring(), FakePlaintextKeyring()]


@pytest.mark.parametrize(
    ("backend", "bad"),
    [
        (MemoryKeyring(), False),
        (SessionOnlyKeyring(), False),
        (keyring.backends.fail.Keyring(), True),
        (keyring.backends.null.Keyring(), True),
        (FakePlaintextKeyring(), True),
        (EmptyChainer(), True),
        (PlaintextFirstChainer(), True),
        (MemoryFirstChainer(), False),
    ],
)
def test_keyring_problem_names_insecure_backends(backend, bad):
    assert bool(keyring_problem(backend)) is bad


def test_round_trip_and_layout(memory_keyring):
    save_secrets("p1", SECRETS)
    assert memory_keyring.entries() == [(SERVICE, "profile/p1")]
    loaded = load_secrets("p1")
    assert loaded is not None
    assert loaded.values() == SECRETS.values()
    assert loaded.has_data_keys
    assert load_secrets("nope") is None


def test_repr_never_shows_a_value():
    for text in (repr(SECRETS), str(SECRETS), f"{SECRETS}"):
        for value in SECRETS.values():
            assert value not in text
    assert "5678" not in repr(SECRETS)  # the account is masked too


def test_token_entries_match_the_client_keys():
    from kisdesk.kis.credentials import Credentials
    from kisdesk.kis.env import PAPER, REAL
    from kisdesk.kis.tokens import token_key

    creds = Credentials(SECRETS.appkey, SECRETS.appsecret, SECRETS.account)
    names = token_entries([SECRETS.appkey])
    assert token_key(PAPER, creds) in names
    assert token_key(REAL, creds) in names


def test_forget_deletes_blob_and_every_token(memory_keyring):
    save_secrets("p1", SECRETS)
    other = ProfileSecrets("PSotherKey00000000000000000000000003", "other-secret-xx", "87654321-01")
    save_secrets("p2", other)
    for name in token_entries(SECRETS.appkeys()) + token_entries(other.appkeys()):
        memory_keyring.set_password(SERVICE, name, "token-json")
    deleted = forget_secrets("p1")
    assert "profile/p1" in deleted
    left = {user for _, user in memory_keyring.entries()}
    assert left == {"profile/p2", *token_entries(other.appkeys())}


def test_forget_keeps_tokens_of_a_key_another_profile_uses(memory_keyring):
    save_secrets("p1", SECRETS)
    shared = token_entries([SECRETS.appkey])[0]
    memory_keyring.set_password(SERVICE, shared, "token-json")
    forget_secrets("p1", keep_appkeys={SECRETS.appkey})
    assert {user for _, user in memory_keyring.entries()} == {shared}


def test_unreadable_blob_is_an_error_without_content(memory_keyring):
    memory_keyring.set_password(SERVICE, "profile/p1", "not json " + SECRETS.appsecret)
    with pytest.raises(SecretStorageError) as info:
        load_secrets("p1")
    assert SECRETS.appsecret not in str(info.value)
    forget_secrets("p1")  # still removable
    assert memory_keyring.entries() == []


def test_no_silent_plaintext_write():
    FakePlaintextKeyring.writes.clear()
    keyring.set_keyring(FakePlaintextKeyring())
    with pytest.raises(SecretStorageError, match="file"):
        save_secrets("p1", SECRETS)
    assert FakePlaintextKeyring.writes == []


def test_fail_backend_refuses_then_session_only_mode_works():
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(SecretStorageError):
        save_secrets("p1", SECRETS)
    assert not store.is_session_only()
    check = ensure_secure_keyring()
    assert check.session_only
    assert "no keyring" in check.reason
    assert isinstance(keyring.get_keyring(), SessionOnlyKeyring)
    assert store.is_session_only()
    save_secrets("p1", SECRETS)
    assert load_secrets("p1").values() == SECRETS.values()
    assert ensure_secure_keyring().session_only  # idempotent


def test_secure_backend_is_kept(memory_keyring):
    check = ensure_secure_keyring()
    assert not check.session_only
    assert keyring.get_keyring() is memory_keyring
