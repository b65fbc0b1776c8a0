"""The profile list and the last-used profile, in QSettings: names and environments only.

A profile is a named connection to paper or real; its secrets live in the keyring under its id
(see secrets.py). Ids are short random hex strings so a user's name (Korean, spaces, slashes)
never becomes a settings key or a keyring username.

In session-only mode (no secure keyring) new profiles are kept in memory, not in the settings
file: a profile name without its secrets would be a dead entry after a restart.

Also here: the local rules for what a profile's fields may hold, checked before anything is
sent. KIS reads the app key, secret, account number and HTS ID as ASCII; a full-width input mode
(０１２…, ＰＳ…) produces characters that Python's str.isdigit() and the regex \\d accept as
digits, so every rule below names its ASCII characters explicitly.
"""

from __future__ import annotations

import re
import secrets as _random
from dataclasses import dataclass, replace
from enum import Enum

from PySide6.QtCore import QSettings

from kisdesk.config import secrets as secret_store
from kisdesk.config.settings import int_value

ENVS = ("paper", "real")
DEMO = "demo"  # the value of "last profile" for demo mode
_GROUP = "profiles"
_LAST = "session/profile"

# Profiles created in session-only mode, by id (process lifetime only).
_session_profiles: dict[str, Profile] = {}

# [0-9], never \d: \d matches every Unicode digit, full-width ones included.
_ACCOUNT_FULL = re.compile(r"([0-9]{8})-?([0-9]{2})")
_ACCOUNT_PARTIAL = re.compile(r"[0-9]{0,8}(-[0-9]{0,2})?|[0-9]{0,10}")


class InputProblem(Enum):
    NOT_ASCII = "not_ascii"  # a full-width (or other non-ASCII) character
    SPACE = "space"  # a space, tab or other invisible character inside the value
    ACCOUNT_SHAPE = "account_shape"  # not 8 digits, a dash, 2 digits


def normalize_account(text: str) -> str | None:
    """'12345678-01' or '1234567801' (ASCII digits) → '12345678-01'; anything else → None."""
    match = _ACCOUNT_FULL.fullmatch(text.strip())
    return f"{match.group(1)}-{match.group(2)}" if match else None


def account_prefix(text: str) -> bool:
    """``text`` can still become an account number by typing more (ASCII digits, one dash)."""
    return _ACCOUNT_PARTIAL.fullmatch(text.strip()) is not None


def account_problem(text: str) -> InputProblem | None:
    text = text.strip()
    if not text.isascii():
        return InputProblem.NOT_ASCII
    return None if normalize_account(text) else InputProblem.ACCOUNT_SHAPE


def key_problem(text: str) -> InputProblem | None:
    """App key, app secret, HTS ID: printable ASCII without spaces (empty is no problem here)."""
    text = text.strip()
    if not text.isascii():
        return InputProblem.NOT_ASCII
    if any(c.isspace() or not c.isprintable() for c in text):
        return InputProblem.SPACE
    return None


def secrets_problems(secrets: secret_store.ProfileSecrets) -> dict[str, InputProblem]:
    """Field name → what is wrong with it, for every field KIS reads as ASCII."""
    found = {}
    if (problem := account_problem(secrets.account)) is not None:
        found["account"] = problem
    for name in ("appkey", "appsecret", "hts_id", "data_appkey", "data_appsecret"):
        if (problem := key_problem(getattr(secrets, name))) is not None:
            found[name] = problem
    return found


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    env: str  # "paper" | "real"
    session_only: bool = False

    def __post_init__(self) -> None:
        if self.env not in ENVS:
            raise ValueError(f"unknown environment {self.env!r}")


class ProfileStore:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    # -- reading ----------------------------------------------------------------------------
    def profiles(self) -> list[Profile]:
        """Stored profiles first (in creation order), then session-only ones."""
        s = self.settings
        s.beginGroup(_GROUP)
        try:
            ids = [i for i in s.childGroups() if i]
            found = []
            for pid in ids:
                name = str(s.value(f"{pid}/name", "") or "")
                env = str(s.value(f"{pid}/env", "") or "")
                order = int_value(s.value(f"{pid}/order", 0), 0)
                if name and env in ENVS:
                    found.append((order, Profile(pid, name, env)))
        finally:
            s.endGroup()
        found.sort(key=lambda item: (item[0], item[1].name))
        return [p for _, p in found] + list(_session_profiles.values())

    def get(self, profile_id: str) -> Profile | None:
        return next((p for p in self.profiles() if p.id == profile_id), None)

    def find_by_name(self, name: str) -> Profile | None:
        key = name.strip().casefold()
        return next((p for p in self.profiles() if p.name.casefold() == key), None)

    def name_available(self, name: str, profile: Profile | None = None) -> bool:
        """A non-empty name no other profile uses (``profile`` may keep its own)."""
        other = self.find_by_name(name)
        return bool(name.strip()) and (
            other is None or (profile is not None and other.id == profile.id)
        )

    # -- writing ----------------------------------------------------------------------------
    def add(self, name: str, env: str) -> Profile:
        name = name.strip()
        if not name:
            raise ValueError("a profile needs a name")
        if self.find_by_name(name) is not None:
            raise ValueError("a profile with this name exists")
        profile = Profile(_new_id(self), name, env, session_only=secret_store.is_session_only())
        self._write(profile, order=len(self.profiles()))
        return profile

    def rename(self, profile: Profile, name: str) -> Profile:
        name = name.strip()
        other = self.find_by_name(name)
        if not name or (other is not None and other.id != profile.id):
            raise ValueError("a profile with this name exists" if name else "empty name")
        renamed = replace(profile, name=name)
        self._write(renamed)
        return renamed

    def remove(self, profile_id: str) -> None:
        _session_profiles.pop(profile_id, None)
        self.settings.remove(f"{_GROUP}/{profile_id}")
        if self.last() == profile_id:
            self.settings.remove(_LAST)
        self.settings.sync()

    def _write(self, profile: Profile, *, order: int | None = None) -> None:
        if profile.session_only:
            _session_profiles[profile.id] = profile
            return
        base = f"{_GROUP}/{profile.id}"
        self.settings.setValue(f"{base}/name", profile.name)
        self.settings.setValue(f"{base}/env", profile.env)
        if order is not None:
            self.settings.setValue(f"{base}/order", order)
        self.settings.sync()

    # -- last used --------------------------------------------------------------------------
    def last(self) -> str:
        """Id of the profile to open at start-up, or "demo"."""
        value = str(self.settings.value(_LAST, DEMO) or DEMO)
        if value != DEMO and self.get(value) is None:
            return DEMO
        return value

    def last_profile(self) -> Profile | None:
        last = self.last()
        return None if last == DEMO else self.get(last)

    def initial(self, requested_env: str | None = None) -> tuple[str, Profile | None]:
        """What to open at start-up: (environment, profile or None).

        No ``--env``: the last profile (or demo). ``--env paper|real``: the last profile if it
        is of that environment, else the first one that is; ``(env, None)`` when there is none
        (first run of that environment: open the set-up dialog).
        """
        if requested_env is None:
            last = self.last_profile()
            return (last.env, last) if last is not None else (DEMO, None)
        if requested_env not in ENVS:
            return DEMO, None
        last = self.last_profile()
        if last is not None and last.env == requested_env:
            return requested_env, last
        match = next((p for p in self.profiles() if p.env == requested_env), None)
        return requested_env, match

    def set_last(self, profile: Profile | None) -> None:
        """Remember what to open next time (None: demo). A session-only profile is not
        remembered: it will not exist after a restart."""
        if profile is not None and profile.session_only:
            return
        self.settings.setValue(_LAST, DEMO if profile is None else profile.id)
        self.settings.sync()


def forget_session_profiles() -> None:
    """Drop the in-memory profiles (tests; the process end does the same for the app)."""
    _session_profiles.clear()


def _new_id(store: ProfileStore) -> str:
    taken = {p.id for p in store.profiles()}
    while True:
        pid = "p" + _random.token_hex(4)
        if pid not in taken:
            return pid
