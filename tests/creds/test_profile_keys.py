"""Profile save and forget as services: all or nothing, whether or not a widget still waits."""

from __future__ import annotations

import keyring
import pytest
import shiboken6
from keyring.errors import KeyringError
from PySide6.QtWidgets import QMenu, QMessageBox

from kisdesk.config.memory_keyring import MemoryKeyring
from kisdesk.config.profiles import ProfileStore
from kisdesk.config.secrets import (
    SERVICE,
    ProfileSecrets,
    SecretStorageError,
    profile_entry,
    save_secrets,
    save_token_entry,
    token_entries,
)
from kisdesk.services.connection_check import StagedTokenStore
from kisdesk.services.profile_keys import forget_profile, read_profile_secrets, save_profile
from kisdesk.ui.profiles_menu import ProfilesMenu

SECRETS = ProfileSecrets("A" * 36, "b" * 180, "50012345-01", "htsid001")


class RefusingKeyring(MemoryKeyring):
    refuse_set = False

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.refuse_set and username.startswith("token/"):
            raise KeyringError("refused")
        super().set_password(service, username, password)


def usernames(backend: MemoryKeyring) -> set[str]:
    return {user for service, user in backend.entries() if service == SERVICE}


def test_new_profile_whose_token_cannot_be_stored_leaves_nothing(qtbot, qloop, run_async, settings):
    backend = RefusingKeyring()
    keyring.set_keyring(backend)
    store = ProfileStore(settings)
    tokens = StagedTokenStore()
    tokens.save(token_entries([SECRETS.appkey])[0], "tested-token")
    backend.refuse_set = True
    with pytest.raises(SecretStorageError):
        run_async(save_profile(store, name="Main", env="paper", secrets=SECRETS, tokens=tokens))
    assert store.profiles() == []  # the name went with its secrets
    assert usernames(backend) == set()

    backend.refuse_set = False  # the staged token was kept for a second try
    profile = run_async(
        save_profile(store, name="Main", env="paper", secrets=SECRETS, tokens=tokens)
    )
    assert store.get(profile.id) == profile
    assert run_async(read_profile_secrets(profile.id)).appkey == SECRETS.appkey
    assert usernames(backend) == {profile_entry(profile.id), token_entries([SECRETS.appkey])[0]}


def test_edit_with_a_new_key_drops_the_old_keys_tokens(
    qtbot, qloop, run_async, settings, memory_keyring
):
    store = ProfileStore(settings)
    profile = store.add("Main", "real")
    save_secrets(profile.id, SECRETS)
    old_token = token_entries([SECRETS.appkey])[0]
    save_token_entry(old_token, "old-token")
    new = ProfileSecrets("C" * 36, "d" * 180, SECRETS.account)
    saved = run_async(
        save_profile(
            store,
            name="Renamed",
            env="real",
            secrets=new,
            tokens=StagedTokenStore(),
            profile=profile,
            old_secrets=SECRETS,
        )
    )
    assert saved.id == profile.id and store.get(profile.id).name == "Renamed"
    assert run_async(read_profile_secrets(profile.id)).appkey == new.appkey
    assert old_token not in usernames(memory_keyring)


def test_forget_completes_after_the_menu_is_gone(qtbot, qloop, run_async, settings, memory_keyring):
    """The menu may be deleted (the window closed) while the keyring works: the profile still
    goes from the keyring *and* the settings, and nothing touches the deleted menu."""
    store = ProfileStore(settings)
    profile = store.add("Main", "paper")
    save_secrets(profile.id, SECRETS)
    other = store.add("Other", "paper")
    save_secrets(other.id, SECRETS)  # the same app key: its tokens stay
    save_token_entry(token_entries([SECRETS.appkey])[0], "shared-token")

    qmenu = QMenu()
    forgotten: list[object] = []
    menu = ProfilesMenu(qmenu, settings, on_switch=lambda p: None, on_forgotten=forgotten.append)
    menu.forget_actions[profile.id].trigger()
    menu.pending.button(QMessageBox.StandardButton.Yes).click()
    op = menu.forget_op
    shiboken6.delete(qmenu)  # takes the ProfilesMenu (its child) with it
    assert not shiboken6.isValid(menu)
    qtbot.waitUntil(op.done, timeout=5_000)
    assert op.result() == [profile_entry(profile.id)]
    assert forgotten == []  # no handler ran on the deleted menu
    assert [p.id for p in ProfileStore(settings).profiles()] == [other.id]
    assert usernames(memory_keyring) == {
        profile_entry(other.id),
        token_entries([SECRETS.appkey])[0],
    }
    assert run_async(forget_profile(store, other)) == [
        profile_entry(other.id),
        token_entries([SECRETS.appkey])[0],
    ]
    assert usernames(memory_keyring) == set() and store.profiles() == []
