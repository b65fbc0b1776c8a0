"""Profile secrets in the OS keyring, and what to do when there is no secure keyring.

Layout under the keyring service "kisdesk" (the same service the client caches tokens in):

- ``profile/<id>``: one JSON blob per profile: app key, app secret, account, HTS ID and the
  optional real market-data key pair. One entry means one keyring prompt, one atomic write.
- ``token/<env>/<appkey hash>``: access tokens, written by ``kisdesk.kis.tokens``.

No secure backend (``fail.Keyring`` on a headless Linux, a keyrings.alt file backend, a chainer
with nothing viable): :func:`ensure_secure_keyring` installs a process-wide in-memory keyring
instead, so secrets *and* the client's tokens live for this session only. It never falls back to
a file, and every write re-checks the backend in case something swapped it since.

Every function here that reads or writes an entry calls the keyring directly and may block for
seconds (an unlock prompt, a slow D-Bus): code on the event loop calls them through
``kisdesk.kis.offthread.run_blocking``, never directly.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from kisdesk.config.masking import mask_account, register_secret
from kisdesk.config.memory_keyring import MemoryKeyring

log = logging.getLogger(__name__)

SERVICE = "kisdesk"
# Environments a token can be cached under (kisdesk.kis.tokens.token_key uses env.name).
TOKEN_ENVS = ("paper", "real", "demo")


class SecretStorageError(Exception):
    """The keyring refused a read or write. The text never contains a secret."""


class SessionOnlyKeyring(MemoryKeyring):
    """The in-memory keyring used when the OS offers no secure one (nothing is persisted)."""


# -- backend checks ---------------------------------------------------------------------------


def keyring_problem(backend: KeyringBackend | None = None) -> str:
    """Why ``backend`` (default: the active one) must not hold secrets; "" when it may.

    An in-memory backend is acceptable (nothing reaches the disk); a plain-text or
    "encrypted file" backend is not, and neither is a backend that cannot store anything.
    """
    backend = backend if backend is not None else keyring.get_keyring()
    if isinstance(backend, MemoryKeyring):
        return ""
    module = type(backend).__module__
    name = f"{module}.{type(backend).__name__}"
    if module.startswith("keyrings.alt"):
        return f"{name} keeps secrets in a file, which kisdesk does not accept"
    if module in ("keyring.backends.fail", "keyring.backends.null"):
        return "no keyring service is available (for example no Secret Service on D-Bus)"
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        chained = list(backend.backends)
        if not chained:
            return "no keyring service is available (empty keyring chain)"
        # A chainer writes to the first backend that accepts: that one decides.
        return keyring_problem(chained[0])
    return ""


@dataclass(frozen=True)
class KeyringCheck:
    session_only: bool
    backend: str  # class name of the backend in use, for the About/diagnostics text
    reason: str  # why session-only ("" when the OS keyring is used)


def ensure_secure_keyring() -> KeyringCheck:
    """Call once at start-up: keep a secure keyring, or switch the process to session-only mode.

    Session-only mode replaces the global keyring with :class:`SessionOnlyKeyring`, so the
    client's token cache follows without knowing about it.
    """
    backend = keyring.get_keyring()
    if isinstance(backend, SessionOnlyKeyring):
        return KeyringCheck(True, type(backend).__name__, "session-only mode already active")
    reason = keyring_problem(backend)
    if reason:
        log.warning("no secure keyring (%s): secrets are kept for this session only", reason)
        keyring.set_keyring(SessionOnlyKeyring())
        return KeyringCheck(True, type(backend).__name__, reason)
    return KeyringCheck(False, type(backend).__name__, "")


def is_session_only() -> bool:
    return isinstance(keyring.get_keyring(), SessionOnlyKeyring)


# -- profile secrets --------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class ProfileSecrets:
    """What a profile needs to connect. Repr and str never show a value."""

    appkey: str
    appsecret: str
    account: str  # "50012345-01"
    hts_id: str = ""
    # Paper only: a real app key pair for what paper does not offer (rankings, some quotes).
    data_appkey: str = ""
    data_appsecret: str = ""

    def __post_init__(self) -> None:
        for value in self.values():
            register_secret(value)

    @property
    def has_data_keys(self) -> bool:
        return bool(self.data_appkey and self.data_appsecret)

    def values(self) -> tuple[str, ...]:
        """Every secret value held (for masking and for canary checks)."""
        fields = (
            self.appkey,
            self.appsecret,
            self.account,
            self.hts_id,
            self.data_appkey,
            self.data_appsecret,
        )
        return tuple(v for v in fields if v)

    def appkeys(self) -> tuple[str, ...]:
        return tuple(k for k in (self.appkey, self.data_appkey) if k)

    def to_json(self) -> str:
        return json.dumps(
            {
                "v": 1,
                "appkey": self.appkey,
                "appsecret": self.appsecret,
                "account": self.account,
                "hts_id": self.hts_id,
                "data_appkey": self.data_appkey,
                "data_appsecret": self.data_appsecret,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> ProfileSecrets:
        try:
            data = json.loads(text)
            return cls(
                appkey=str(data["appkey"]),
                appsecret=str(data["appsecret"]),
                account=str(data["account"]),
                hts_id=str(data.get("hts_id") or ""),
                data_appkey=str(data.get("data_appkey") or ""),
                data_appsecret=str(data.get("data_appsecret") or ""),
            )
        except (ValueError, KeyError, TypeError):
            # Never include the text: it is the secret blob.
            raise SecretStorageError("the stored profile secrets are unreadable") from None

    def __repr__(self) -> str:
        return (
            f"ProfileSecrets(appkey=***, appsecret=***, account={mask_account(self.account)!r},"
            f" data_keys={self.has_data_keys})"
        )

    __str__ = __repr__


def profile_entry(profile_id: str) -> str:
    return f"profile/{profile_id}"


def appkey_id(appkey: str) -> str:
    """The hash the client uses to name token entries (same as Credentials.appkey_id)."""
    import hashlib

    return hashlib.sha256(appkey.encode()).hexdigest()[:16]


def token_entries(appkeys: Iterable[str]) -> list[str]:
    """Keyring usernames of every token the client may have cached for these app keys."""
    return [f"token/{env}/{appkey_id(key)}" for key in appkeys for env in TOKEN_ENVS]


def load_secrets(profile_id: str) -> ProfileSecrets | None:
    try:
        text = keyring.get_password(SERVICE, profile_entry(profile_id))
    except KeyringError as exc:
        raise SecretStorageError(_keyring_failed("read", exc)) from None
    return ProfileSecrets.from_json(text) if text else None


def save_secrets(profile_id: str, secrets: ProfileSecrets) -> None:
    _check_writable()
    try:
        keyring.set_password(SERVICE, profile_entry(profile_id), secrets.to_json())
    except KeyringError as exc:
        raise SecretStorageError(_keyring_failed("write", exc)) from None


def save_token_entry(username: str, value: str) -> None:
    """Store a token that was issued before the profile existed (the connection test)."""
    if not username.startswith("token/"):
        raise ValueError("not a token entry")
    _check_writable()
    try:
        keyring.set_password(SERVICE, username, value)
    except KeyringError as exc:
        raise SecretStorageError(_keyring_failed("write", exc)) from None


def forget_secrets(profile_id: str, *, keep_appkeys: Iterable[str] = ()) -> list[str]:
    """Delete the profile's blob and every token cached for its app keys.

    Tokens of an app key listed in ``keep_appkeys`` (another profile uses the same key) stay.
    Returns the usernames that were deleted.
    """
    secrets = None
    with contextlib.suppress(SecretStorageError):  # unreadable: still delete the blob
        secrets = load_secrets(profile_id)
    keep = set(keep_appkeys)
    usernames = [profile_entry(profile_id)]
    if secrets is not None:
        usernames += token_entries(k for k in secrets.appkeys() if k not in keep)
    deleted = []
    for username in usernames:
        try:
            keyring.delete_password(SERVICE, username)
        except PasswordDeleteError:
            continue  # not there: nothing to do
        except KeyringError as exc:
            raise SecretStorageError(_keyring_failed("delete", exc)) from None
        deleted.append(username)
    log.info("forgot profile %s (%d keyring entries)", profile_id, len(deleted))
    return deleted


def forget_profile(profile_id: str, other_profile_ids: Iterable[str] = ()) -> list[str]:
    """:func:`forget_secrets`, keeping the tokens of app keys the other profiles still use.

    Every keyring call (the other profiles' reads, the deletions) happens here, so the caller
    runs the whole of it on the keyring thread in one go (``run_blocking``).
    """
    keep: set[str] = set()
    for other in other_profile_ids:
        if other == profile_id:
            continue
        try:
            stored = load_secrets(other)
        except SecretStorageError:
            continue  # unreadable: its tokens are only a cache
        if stored is not None:
            keep.update(stored.appkeys())
    return forget_secrets(profile_id, keep_appkeys=keep)


def drop_tokens(appkeys: Iterable[str]) -> None:
    """Delete cached tokens of app keys no longer used (a profile's key was replaced)."""
    for username in token_entries(appkeys):
        with contextlib.suppress(PasswordDeleteError, KeyringError):
            keyring.delete_password(SERVICE, username)


def _check_writable() -> None:
    reason = keyring_problem()
    if reason:
        # Refuse rather than let a file backend receive the secret.
        raise SecretStorageError(f"secrets were not saved: {reason}")


def _keyring_failed(what: str, exc: BaseException) -> str:
    # Backend messages can quote what was being stored; keep only the type.
    return f"the keyring could not {what} the entry ({type(exc).__name__})"
