"""Keyring calls of the set-up dialog and the Profiles menu run on the keyring thread.

A deliberately slow keyring (every call sleeps half a second, as an unlock prompt or a slow
D-Bus would) must not stall the GUI: opening the set-up dialog for a saved profile, saving it and
forgetting it all keep the Qt event loop (and the asyncio loop on it) turning, while the fields
or menu entries wait, disabled, for the keyring's answer. And the answers are right.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time

import keyring
from keyring.errors import KeyringError
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMenu, QMessageBox

from kisdesk.config.memory_keyring import MemoryKeyring
from kisdesk.config.profiles import ProfileStore
from kisdesk.config.secrets import (
    SERVICE,
    ProfileSecrets,
    SecretStorageError,
    profile_entry,
    token_entries,
)
from kisdesk.ui.profiles_menu import ProfilesMenu
from kisdesk.ui.setup_dialog import SetupDialog

DELAY = 0.5  # seconds each keyring call takes
MAX_GAP = 0.3  # the event loop never waits longer than this (a blocked call: >= DELAY)
KEYRING_THREAD = "kisdesk-keyring"


class SlowKeyring(MemoryKeyring):
    """Every call sleeps ``DELAY`` and records (method, username, thread name)."""

    def __init__(self, delay: float = DELAY) -> None:
        super().__init__()
        self.delay = delay
        self.calls: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()

    def _slow(self, method: str, username: str) -> None:
        with self._lock:
            self.calls.append((method, username, threading.current_thread().name))
        time.sleep(self.delay)

    def get_password(self, service: str, username: str) -> str | None:
        self._slow("get", username)
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._slow("set", username)
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._slow("delete", username)
        super().delete_password(service, username)

    def preload(self, username: str, value: str) -> None:
        """Set-up for a test: an entry stored without the delay (and not recorded)."""
        self._store[(SERVICE, username)] = value

    def usernames(self) -> set[str]:
        return {user for service, user in self.entries() if service == SERVICE}

    def threads(self) -> set[str]:
        with self._lock:
            return {thread for _, _, thread in self.calls}


class BrokenKeyring(MemoryKeyring):
    """A keyring that refuses reads, writes or deletions on demand."""

    fail_get = fail_set = fail_delete = False

    def get_password(self, service: str, username: str) -> str | None:
        if self.fail_get:
            raise KeyringError("locked")
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.fail_set:
            raise KeyringError(f"refused {password}")  # the text must not reach the screen
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        if self.fail_delete:
            raise KeyringError("refused")
        super().delete_password(service, username)


class Heartbeat:
    """Timestamps from a QTimer and from an asyncio task: both stop while the GUI thread blocks."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.qt: list[float] = []
        self.aio: list[float] = []
        self.since = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.qt.append(time.monotonic()))
        self.timer.start()
        self.task = loop.create_task(self._beat())

    async def _beat(self) -> None:
        while True:
            self.aio.append(time.monotonic())
            await asyncio.sleep(0.01)

    def reset(self) -> None:
        self.since = time.monotonic()

    def max_gap(self) -> float:
        """The longest time, since the last reset, in which either heartbeat did not beat."""
        now = time.monotonic()
        gaps = []
        for stamps in (self.qt, self.aio):
            points = [self.since, *(t for t in stamps if t > self.since), now]
            gaps.append(max(b - a for a, b in itertools.pairwise(points)))
        return max(gaps)

    def stop(self) -> None:
        self.timer.stop()
        self.task.cancel()


def make_menu(qtbot, settings, **kwargs):
    qmenu = QMenu()
    qtbot.addWidget(qmenu)
    switched: list[object] = []
    forgotten: list[object] = []
    menu = ProfilesMenu(
        qmenu, settings, on_switch=switched.append, on_forgotten=forgotten.append, **kwargs
    )
    return menu, switched, forgotten


def answer_yes(menu: ProfilesMenu) -> None:
    box = menu.pending
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()


def quickly(action) -> None:
    """Run ``action``: it must return at once (the keyring call it starts must not block)."""
    start = time.monotonic()
    action()
    assert time.monotonic() - start < MAX_GAP


def test_open_save_and_forget_keep_the_event_loop_turning(qtbot, qloop, settings, paper_server):
    slow = SlowKeyring()
    keyring.set_keyring(slow)  # the autouse fixture puts its in-memory keyring back after
    store = ProfileStore(settings)
    profile = store.add("Paper", "paper")
    secrets = ProfileSecrets(
        paper_server.appkey, paper_server.appsecret, paper_server.accounts["demo"], "htsid001"
    )
    slow.preload(profile_entry(profile.id), secrets.to_json())
    menu, switched, forgotten = make_menu(
        qtbot, settings, current=profile, base_urls={"paper": paper_server.base_url}
    )
    beat = Heartbeat(qloop)
    try:
        # -- open the set-up dialog: the keys arrive after it is shown ----------------------
        quickly(menu.edit_action.trigger)
        dialog = menu.dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.loading
        assert "keyring" in dialog.status_label.text()
        assert dialog.name_edit.text() == "Paper"
        assert not any(edit.isEnabled() for edit in dialog._connection_edits())
        assert not dialog.test_button.isEnabled() and not dialog.save_button.isEnabled()
        qtbot.waitUntil(lambda: not dialog.loading, timeout=5_000)
        assert all(edit.isEnabled() for edit in dialog._connection_edits())
        assert dialog.appkey_edit.text() == paper_server.appkey
        assert dialog.appsecret_edit.text() == paper_server.appsecret
        assert dialog.account_edit.text() == paper_server.accounts["demo"]
        assert dialog.hts_edit.text() == "htsid001"
        assert dialog.test_button.isEnabled()
        assert dialog.status_label.text() == ""
        assert [c[:2] for c in slow.calls] == [("get", profile_entry(profile.id))]
        assert slow.threads() == {slow.calls[0][2]}
        assert slow.calls[0][2].startswith(KEYRING_THREAD)
        assert beat.max_gap() < MAX_GAP

        # -- test the connection: the staged token store reads the keyring off the loop too --
        slow.calls.clear()
        beat.reset()
        dialog.name_edit.setText("Paper (main)")
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: dialog.test_op is not None and dialog.test_op.done(), timeout=15_000
        )
        assert dialog.last_result.ok, dialog.last_result.message
        token_user = token_entries([paper_server.appkey])[0]  # token/paper/<hash>
        assert [c[:2] for c in slow.calls] == [("get", token_user)]
        assert all(c[2].startswith(KEYRING_THREAD) for c in slow.calls)
        assert beat.max_gap() < MAX_GAP
        assert token_user not in slow.usernames()  # staged until Save

        # -- save: buttons disabled until the keyring has it, then the dialog closes --------
        slow.calls.clear()
        beat.reset()
        saved: list[object] = []
        dialog.saved.connect(saved.append)
        quickly(lambda: qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton))
        assert dialog.saving and dialog.isVisible()
        assert "keyring" in dialog.status_label.text()
        assert not dialog.save_button.isEnabled()
        assert not dialog.cancel_button.isEnabled()
        assert not dialog.test_button.isEnabled()
        assert dialog.name_edit.isReadOnly() and dialog.appkey_edit.isReadOnly()
        dialog.reject()  # Esc / the window's close button: ignored while the write runs
        assert dialog.isVisible() and saved == []
        qtbot.waitUntil(lambda: dialog.save_op.done(), timeout=10_000)
        assert dialog.save_op.exception() is None
        assert menu.dialog is None  # closed (and deleted)
        assert [p.name for p in saved] == ["Paper (main)"]
        assert store.get(profile.id).name == "Paper (main)"
        assert menu.switch_actions[profile.id].text().startswith("Paper (main)")
        assert [c[:2] for c in slow.calls] == [
            ("set", profile_entry(profile.id)),
            ("set", token_user),
        ]
        assert all(c[2].startswith(KEYRING_THREAD) for c in slow.calls)
        assert beat.max_gap() < MAX_GAP
        assert slow.usernames() == {profile_entry(profile.id), token_user}
        blob = json.loads(slow._store[(SERVICE, profile_entry(profile.id))])
        assert blob["appkey"] == paper_server.appkey
        assert blob["account"] == paper_server.accounts["demo"]

        # -- forget: greyed out while the entries are deleted, gone after -------------------
        slow.calls.clear()
        beat.reset()
        profile = store.get(profile.id)
        menu.forget_actions[profile.id].trigger()
        quickly(lambda: answer_yes(menu))
        assert switched == [None]  # off the profile first
        op = menu.forget_op
        assert op is not None and not op.done()
        assert not menu.switch_actions[profile.id].isEnabled()
        assert not menu.forget_actions[profile.id].isEnabled()
        assert store.get(profile.id) is not None  # until the keyring is done
        qtbot.waitUntil(op.done, timeout=15_000)
        assert set(op.result()) == {profile_entry(profile.id), token_user}
        assert slow.usernames() == set()
        assert store.get(profile.id) is None
        assert list(menu.switch_actions) == ["demo"]
        assert forgotten == [profile]
        methods = [c[0] for c in slow.calls]
        assert methods[0] == "get" and set(methods[1:]) == {"delete"}
        assert all(c[2].startswith(KEYRING_THREAD) for c in slow.calls)
        assert beat.max_gap() < MAX_GAP
    finally:
        beat.stop()


def test_keyring_failures_are_shown_in_the_dialog_and_the_menu(
    qtbot, qloop, settings, settings_path, paper_server
):
    broken = BrokenKeyring()
    keyring.set_keyring(broken)
    store = ProfileStore(settings)

    # A new profile whose write is refused: the dialog stays open and says so.
    dialog = SetupDialog(settings, env="paper", base_urls={"paper": paper_server.base_url})
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.name_edit.setText("Refused")
    dialog.appkey_edit.setText(paper_server.appkey)
    dialog.appsecret_edit.setText(paper_server.appsecret)
    dialog.account_edit.setText(paper_server.accounts["demo"])
    dialog.start_test()
    qtbot.waitUntil(lambda: dialog.test_op.done(), timeout=15_000)
    assert dialog.last_result.ok
    broken.fail_set = True
    dialog.save()
    qtbot.waitUntil(lambda: dialog.save_op.done(), timeout=5_000)
    assert isinstance(dialog.save_op.exception(), SecretStorageError)
    assert dialog.isVisible() and not dialog.saving
    assert dialog.status_kind == "error"
    assert "Could not save" in dialog.status_label.text()
    assert "KeyringError" in dialog.status_label.text()
    assert paper_server.appsecret not in dialog.status_label.text()
    assert dialog.save_button.isEnabled() and dialog.cancel_button.isEnabled()  # try again
    assert not dialog.appkey_edit.isReadOnly()
    assert store.profiles() == []  # no name without its secrets
    assert broken.entries() == []
    settings.sync()
    written = settings_path.read_text(encoding="utf-8") if settings_path.exists() else ""
    assert paper_server.appsecret not in written  # and no plain-text fallback
    broken.fail_set = False
    with qtbot.waitSignal(dialog.saved, timeout=5_000) as saved:
        dialog.save()
    profile = saved.args[0]
    assert profile_entry(profile.id) in {user for _, user in broken.entries()}

    # An unreadable keyring when editing: the dialog says so, the fields are usable (empty).
    broken.fail_get = True
    edit = SetupDialog(settings, profile=profile, base_urls={"paper": paper_server.base_url})
    qtbot.addWidget(edit)
    edit.open()
    qtbot.waitUntil(lambda: not edit.loading, timeout=5_000)
    assert edit.status_kind == "error"
    assert "Could not read the saved keys" in edit.status_label.text()
    assert edit.appkey_edit.isEnabled() and edit.appkey_edit.text() == ""
    edit.reject()
    broken.fail_get = False

    # Forget refused: the profile stays, usable, and a message box says why.
    menu, _, forgotten = make_menu(qtbot, settings)
    broken.fail_delete = True
    menu.forget_actions[profile.id].trigger()
    answer_yes(menu)
    qtbot.waitUntil(menu.forget_op.done, timeout=5_000)
    assert isinstance(menu.forget_op.exception(), SecretStorageError)
    assert forgotten == []
    assert store.get(profile.id) is not None
    assert menu.switch_actions[profile.id].isEnabled()
    assert menu.forget_actions[profile.id].isEnabled()
    assert menu.pending is not None and "not forgotten" in menu.pending.text()
    menu.pending.button(QMessageBox.StandardButton.Ok).click()


def test_cancel_while_the_keys_are_read(qtbot, qloop, settings):
    slow = SlowKeyring(delay=0.3)
    keyring.set_keyring(slow)
    profile = ProfileStore(settings).add("Paper", "paper")
    slow.preload(
        profile_entry(profile.id), ProfileSecrets("k" * 36, "s" * 180, "12345678-01").to_json()
    )
    dialog = SetupDialog(settings, profile=profile)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.loading
    dialog.reject()  # closes at once; the late answer is dropped
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.load_op.done(), timeout=5_000)
    assert dialog.load_op.cancelled()
    qtbot.wait(400)  # the keyring call finishes on its thread meanwhile: nothing is filled in
    assert dialog.appkey_edit.text() == ""
