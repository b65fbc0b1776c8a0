"""The Profiles menu: switch (explicit, confirmed), new, edit, log out, forget (confirmed).

The menu owns no session. It asks its owner (the controller) through callbacks:

- ``on_switch(profile_or_none)``: connect to that profile (None = demo) after the user
  confirmed; the owner reconnects, clears every table and updates the badges.
- ``on_logout()``: revoke the current token (``profile_session.log_out``) and disconnect.
- ``on_saved(profile, is_new)`` (optional): a profile was created or edited.
- ``on_forgotten(profile)`` (optional): its keyring entries and its settings entry are gone.

Every confirmation is a non-blocking message box (``open()``), kept in ``pending`` so tests
can answer it. Forgetting deletes keyring entries, which can block for seconds (an unlock
prompt): it runs as ``forget_op`` (services/profile_keys.py on the keyring thread), the
profile's entries greyed out meanwhile, and the menu drops the profile once it is gone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import partial

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from kisdesk.config import secrets as secret_store
from kisdesk.config.profiles import Profile, ProfileStore
from kisdesk.i18n import translate
from kisdesk.services.ops import Op
from kisdesk.services.profile_keys import forget_profile
from kisdesk.ui.env_badge import env_label
from kisdesk.ui.setup_dialog import SetupDialog

log = logging.getLogger(__name__)


def profile_title(profile: Profile | None) -> str:
    """'My account [REAL]' / 'Demo [DEMO]' for menus and confirmations."""
    if profile is None:
        return translate("ProfilesMenu", "Demo") + f" [{env_label('demo')}]"
    return f"{profile.name} [{env_label(profile.env)}]"


class ProfilesMenu(QObject):
    def __init__(
        self,
        menu: QMenu,
        settings: QSettings,
        *,
        on_switch: Callable[[Profile | None], None],
        on_logout: Callable[[], None] | None = None,
        on_saved: Callable[[Profile, bool], None] | None = None,
        on_forgotten: Callable[[Profile], None] | None = None,
        current: Profile | None = None,
        window: QWidget | None = None,
        base_urls: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(menu)
        self.menu = menu
        self.settings = settings
        self.store = ProfileStore(settings)
        self.on_switch = on_switch
        self.on_logout = on_logout
        self.on_saved = on_saved
        self.on_forgotten = on_forgotten
        self.current = current
        self.window = window
        self.base_urls = dict(base_urls or {})
        self.pending: QMessageBox | None = None  # the open confirmation, if any
        self.dialog: SetupDialog | None = None  # the open set-up dialog, if any
        self.switch_actions: dict[str, QAction] = {}  # "demo" or profile id → action
        self._group: QActionGroup | None = None
        self.forget_op: Op[list[str]] | None = None  # the last forget started
        # profile id → the op deleting its keyring entries (the profile is greyed out meanwhile)
        self._forgetting: dict[str, Op[list[str]]] = {}
        self.rebuild()

    # -- building ---------------------------------------------------------------------------
    def set_current(self, profile: Profile | None) -> None:
        """The owner calls this once a switch has happened (or failed back to demo)."""
        self.current = profile
        self.rebuild()

    def rebuild(self) -> None:
        menu = self.menu
        menu.clear()
        self.switch_actions = {}
        self._group = QActionGroup(menu)
        current_id = self.current.id if self.current is not None else "demo"
        profiles = self.store.profiles()

        for key, profile in [("demo", None), *[(p.id, p) for p in profiles]]:
            action = QAction(profile_title(profile), menu, checkable=True)
            action.setChecked(key == current_id)
            action.setEnabled(key not in self._forgetting)
            action.triggered.connect(lambda _=False, p=profile: self.ask_switch(p))
            self._group.addAction(action)
            menu.addAction(action)
            self.switch_actions[key] = action

        menu.addSeparator()
        self.new_action = menu.addAction(translate("ProfilesMenu", "&New profile…"))
        self.new_action.triggered.connect(lambda: self.open_setup(None))
        self.edit_action = menu.addAction(translate("ProfilesMenu", "&Edit profile…"))
        self.edit_action.setEnabled(self.current is not None)
        self.edit_action.triggered.connect(lambda: self.open_setup(self.current))
        self.logout_action = menu.addAction(translate("ProfilesMenu", "&Log out (revoke token)"))
        self.logout_action.setEnabled(self.current is not None and self.on_logout is not None)
        self.logout_action.triggered.connect(self.ask_logout)

        self.forget_menu = menu.addMenu(translate("ProfilesMenu", "&Forget profile"))
        self.forget_actions: dict[str, QAction] = {}
        for profile in profiles:
            action = self.forget_menu.addAction(profile_title(profile) + "…")
            action.setEnabled(profile.id not in self._forgetting)
            action.triggered.connect(lambda _=False, p=profile: self.ask_forget(p))
            self.forget_actions[profile.id] = action
        self.forget_menu.setEnabled(bool(profiles))

        if secret_store.is_session_only():
            menu.addSeparator()
            note = menu.addAction(
                translate("ProfilesMenu", "Session only: nothing is saved (no secure keyring)")
            )
            note.setEnabled(False)

    # -- switching --------------------------------------------------------------------------
    def ask_switch(self, profile: Profile | None) -> None:
        same = (profile is None and self.current is None) or (
            profile is not None and self.current is not None and profile.id == self.current.id
        )
        if same:
            self._sync_checks()  # undo the checkmark toggle
            return
        text = translate(
            "ProfilesMenu",
            "Switch to {target}?\n\nThe current session ends and every table is cleared "
            "and reloaded.",
        ).format(target=profile_title(profile))
        if profile is not None and profile.env == "real":
            text += "\n\n" + translate(
                "ProfilesMenu", "This is a REAL account: orders use real money."
            )
        self._confirm(
            translate("ProfilesMenu", "Switch profile"), text, lambda: self.on_switch(profile)
        )
        self._sync_checks()  # the checkmark follows the actual session, not the click

    def _sync_checks(self) -> None:
        # Not rebuild(): this runs inside the triggered signal of an action rebuild() deletes.
        current_id = self.current.id if self.current is not None else "demo"
        for key, action in self.switch_actions.items():
            action.setChecked(key == current_id)

    # -- set-up -----------------------------------------------------------------------------
    def open_setup(self, profile: Profile | None, env: str = "paper") -> SetupDialog:
        dialog = SetupDialog(
            self.settings,
            profile=profile,
            env=env,
            base_urls=self.base_urls,
            parent=self.window,
        )
        is_new = profile is None
        dialog.saved.connect(lambda p: self._on_saved(p, is_new))
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: SetupDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _on_saved(self, profile: Profile, is_new: bool) -> None:
        if self.current is not None and self.current.id == profile.id:
            self.current = profile  # renamed
        self.rebuild()
        if self.on_saved is not None:
            self.on_saved(profile, is_new)

    # -- log out / forget -------------------------------------------------------------------
    def ask_logout(self) -> None:
        if self.current is None or self.on_logout is None:
            return
        on_logout = self.on_logout
        self._confirm(
            translate("ProfilesMenu", "Log out"),
            translate(
                "ProfilesMenu",
                "Log out of {target}?\n\nThe access token is revoked at KIS; connecting again "
                "issues a new one (KIS sends a notice for each).",
            ).format(target=profile_title(self.current)),
            on_logout,
        )

    def ask_forget(self, profile: Profile) -> None:
        text = translate(
            "ProfilesMenu",
            "Forget {target}?\n\nIts app key, secret, account number and cached tokens are "
            "deleted from the keyring. The account itself is not affected.",
        ).format(target=profile_title(profile))
        if self.current is not None and self.current.id == profile.id:
            text += "\n\n" + translate(
                "ProfilesMenu", "It is the current profile: kisdesk switches to demo first."
            )
        self._confirm(
            translate("ProfilesMenu", "Forget profile"),
            text,
            lambda: self.start_forget(profile),
            danger=True,
        )

    def start_forget(self, profile: Profile) -> Op[list[str]]:
        """Delete the profile (no confirmation; ``ask_forget`` asks first); the confirmation's Yes.

        Now: off the profile if it is the current one, its entries greyed out. Then, as
        ``forget_op``: its keyring entries and its name are deleted; once that is done the
        profile leaves the menu (the op's result: the keyring usernames deleted).
        """
        running = self._forgetting.get(profile.id)
        if running is not None and not running.done():
            return running  # its deletion is under way already
        if self.current is not None and self.current.id == profile.id:
            self.on_switch(None)
            self.current = None
        op = (
            Op(self, partial(forget_profile, self.store, profile), name="forget profile")
            .success(partial(self._forgotten, profile))
            .failure(partial(self._not_forgotten, profile))
            .run_in_background()
        )
        self._forgetting[profile.id] = op
        self.forget_op = op
        self.rebuild()
        return op

    def _forgotten(self, profile: Profile, _deleted: list[str]) -> None:
        self._forgetting.pop(profile.id, None)
        self.rebuild()
        if self.on_forgotten is not None:
            self.on_forgotten(profile)

    def _not_forgotten(self, profile: Profile, message: str) -> None:
        self._forgetting.pop(profile.id, None)
        self.rebuild()
        self._inform(
            translate("ProfilesMenu", "Forget profile"),
            translate("ProfilesMenu", "The profile was not forgotten: {msg}").format(msg=message),
        )

    # -- message boxes ----------------------------------------------------------------------
    def _confirm(
        self, title: str, text: str, on_yes: Callable[[], None], *, danger: bool = False
    ) -> QMessageBox:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(
            QMessageBox.StandardButton.No if danger else QMessageBox.StandardButton.Yes
        )

        def done(code: int) -> None:
            if self.pending is box:
                self.pending = None
            box.deleteLater()
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                on_yes()

        box.finished.connect(done)
        self.pending = box
        box.open()
        return box

    def _inform(self, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.finished.connect(lambda _c: box.deleteLater())
        self.pending = box
        box.open()
