"""Profile set-up: keys, account and HTS ID; "Test connection" must pass before Save.

Non-blocking (``open()``): the test runs as an op (services/ops.py) on the qasync loop while
the dialog stays responsive, and tests drive it like a user. Nothing reaches the keyring or the
settings file until Save, and Save is enabled only by a successful test of exactly what is on
screen.

The dialog only collects input and shows outcomes: reading, saving (with its rollback) and the
connection check are services (services/profile_keys.py, services/connection_check.py), run as
ops whose results are dropped if the dialog is gone. The keyring can block for seconds, so an
existing profile's keys arrive after the dialog opens (its fields stay disabled until then), and
Save waits with its buttons disabled, then closes, or says in the dialog why nothing was saved.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Mapping
from functools import partial

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kisdesk.config import secrets as secret_store
from kisdesk.config.profiles import (
    InputProblem,
    Profile,
    ProfileStore,
    account_prefix,
    account_problem,
    key_problem,
    normalize_account,
)
from kisdesk.config.secrets import ProfileSecrets
from kisdesk.i18n import translate
from kisdesk.kis.events import ClientEvent, EventKind
from kisdesk.services.connection_check import ConnectionResult, StagedTokenStore, check_connection
from kisdesk.services.ops import Op
from kisdesk.services.profile_keys import read_profile_secrets, save_profile
from kisdesk.ui.env_badge import ENV_COLOURS, EnvBadge

log = logging.getLogger(__name__)


def session_only_notice() -> str:
    """The message for session-only mode (also for the main window's start-up notice)."""
    return translate(
        "SetupDialog",
        "No secure keyring is available on this system (for example no Secret Service). "
        "kisdesk runs in session-only mode: profiles and keys are kept in memory until you "
        "quit, and nothing is saved to disk.",
    )


class AccountValidator(QValidator):
    """8 digits, a dash, 2 digits. Typing the 9th digit inserts the dash.

    Letters are refused as typed. Full-width digits (a full-width input mode) are let in but
    never acceptable: refused silently, the user would not know why the keys do nothing; shown,
    the hint under the field says what to type instead.
    """

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        stripped = text.strip()
        if normalize_account(stripped) is not None:
            return QValidator.State.Acceptable, text, pos
        if account_prefix(stripped) or account_prefix(unicodedata.normalize("NFKC", stripped)):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        return normalize_account(text) or text


class SetupDialog(QDialog):
    saved = Signal(object)  # the Profile, after its secrets reached the keyring
    tested = Signal(object)  # the ConnectionResult of each test

    def __init__(
        self,
        settings: QSettings,
        *,
        profile: Profile | None = None,
        env: str = "paper",
        base_urls: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SetupDialog")
        self.store = ProfileStore(settings)
        self.profile = profile
        self.base_urls = dict(base_urls or {})
        self.tokens = StagedTokenStore()
        self.test_op: Op[ConnectionResult] | None = None  # the last Test connection
        self.last_result: ConnectionResult | None = None
        self._tested: tuple[str, ...] | None = None
        self._busy = False  # a test is running (set before its op starts, cleared at its end)
        self.load_op: Op[ProfileSecrets | None] | None = None  # reading a profile's keys
        self._loading = False
        self.save_op: Op[Profile] | None = None  # writing to the keyring (Save)
        self._saving = False
        self._old_secrets: ProfileSecrets | None = None
        self.setWindowTitle(
            translate("SetupDialog", "Edit profile")
            if profile
            else translate("SetupDialog", "New profile")
        )
        self.setMinimumWidth(520)
        self._build(profile.env if profile else env)
        if profile is not None:
            self.name_edit.setText(profile.name)
            self._start_loading(profile)
        self._update_env()
        self._on_changed()

    # -- layout -----------------------------------------------------------------------------
    def _build(self, env: str) -> None:
        outer = QVBoxLayout(self)

        self.session_banner = QLabel(session_only_notice())
        self.session_banner.setWordWrap(True)
        # Keep the banner at its text's height when the dialog changes size (real hides rows).
        self.session_banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.session_banner.setStyleSheet(
            "background: #fff4e5; border: 1px solid #e6a23c; padding: 6px;"
        )
        self.session_banner.setVisible(secret_store.is_session_only())
        outer.addWidget(self.session_banner)

        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(translate("SetupDialog", "e.g. My paper account"))
        form.addRow(translate("SetupDialog", "Profile name"), self.name_edit)

        env_row = QHBoxLayout()
        self.env_combo = QComboBox()
        self.env_combo.addItem(translate("SetupDialog", "Paper trading (모의투자)"), "paper")
        self.env_combo.addItem(translate("SetupDialog", "Real trading (실전투자)"), "real")
        self.env_combo.setCurrentIndex(max(0, self.env_combo.findData(env)))
        self.env_combo.setEnabled(self.profile is None)  # tokens are per environment
        self.badge = EnvBadge(env)
        env_row.addWidget(self.env_combo, 1)
        env_row.addWidget(self.badge)
        form.addRow(translate("SetupDialog", "Environment"), env_row)
        self.real_warning = QLabel(
            translate("SetupDialog", "Orders in this profile use real money.")
        )
        self.real_warning.setStyleSheet(f"color: {ENV_COLOURS['real']}; font-weight: bold;")
        form.addRow("", self.real_warning)

        # edit → the red line under it that says what KIS would not accept (hidden when fine)
        self.field_hints: dict[QLineEdit, QLabel] = {}
        self.appkey_edit = QLineEdit()
        self.appkey_edit.setPlaceholderText(
            translate("SetupDialog", "36 characters, from the KIS developer portal")
        )
        form.addRow(translate("SetupDialog", "App key"), self._with_hint(self.appkey_edit))
        self.appsecret_edit = _secret_edit()
        form.addRow(translate("SetupDialog", "App secret"), self._with_hint(self.appsecret_edit))

        self.account_edit = QLineEdit()
        self.account_edit.setPlaceholderText("12345678-01")
        self.account_edit.setValidator(AccountValidator(self.account_edit))
        self.account_hint = QLabel()
        account_box = QVBoxLayout()
        account_box.setSpacing(1)
        account_box.addWidget(self.account_edit)
        account_box.addWidget(self.account_hint)
        form.addRow(translate("SetupDialog", "Account number"), account_box)

        self.hts_edit = QLineEdit()
        self.hts_edit.setPlaceholderText(translate("SetupDialog", "Needed for execution notices"))
        form.addRow(translate("SetupDialog", "HTS ID"), self._with_hint(self.hts_edit))
        outer.addLayout(form)

        self.data_group = QGroupBox(translate("SetupDialog", "Market data keys (optional)"))
        data_form = QFormLayout(self.data_group)
        note = QLabel(
            translate(
                "SetupDialog",
                "Paper trading does not offer rankings and some quotes. A real app key pair, "
                "used only for market data, fills them in. No orders are sent with it.",
            )
        )
        note.setWordWrap(True)
        data_form.addRow(note)
        self.data_appkey_edit = QLineEdit()
        data_form.addRow(
            translate("SetupDialog", "Real app key"), self._with_hint(self.data_appkey_edit)
        )
        self.data_appsecret_edit = _secret_edit()
        data_form.addRow(
            translate("SetupDialog", "Real app secret"), self._with_hint(self.data_appsecret_edit)
        )
        outer.addWidget(self.data_group)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(translate("SetupDialog", "&Test connection"))
        self.test_button.setToolTip(
            translate(
                "SetupDialog",
                "Issues an access token (KIS allows one a minute) and reads the balance",
            )
        )
        self.status_label = QLabel()
        self.status_label.setObjectName("setupStatus")
        self.status_label.setWordWrap(True)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.status_label, 1)
        outer.addLayout(test_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        outer.addWidget(self.buttons)

        self.test_button.clicked.connect(self.start_test)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.env_combo.currentIndexChanged.connect(self._update_env)
        self.account_edit.textEdited.connect(self._insert_dash)
        for edit in self._connection_edits():
            edit.textChanged.connect(self._on_changed)
        self.name_edit.textChanged.connect(self._on_changed)

    def _with_hint(self, edit: QLineEdit) -> QVBoxLayout:
        hint = QLabel()
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {ENV_COLOURS['real']};")
        hint.hide()
        self.field_hints[edit] = hint
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(edit)
        box.addWidget(hint)
        return box

    def _connection_edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.appkey_edit,
            self.appsecret_edit,
            self.account_edit,
            self.hts_edit,
            self.data_appkey_edit,
            self.data_appsecret_edit,
        )

    # -- loading an existing profile's keys -------------------------------------------------
    def _start_loading(self, profile: Profile) -> None:
        """Read the stored keys on the keyring thread; the fields wait, disabled, meanwhile."""
        self._loading = True
        for edit in self._connection_edits():
            edit.setEnabled(False)
        self._set_status(
            translate(
                "SetupDialog",
                "Reading the saved keys from the keyring… (it may ask you to unlock it)",
            ),
            "busy",
        )
        self.load_op = (
            Op(self, partial(read_profile_secrets, profile.id), name="read profile keys")
            .success(self._loaded)
            .failure(self._load_failed)
            .run_in_background()
        )

    def _loaded(self, stored: ProfileSecrets | None) -> None:
        self._end_loading()
        if stored is None:
            self._set_status(
                translate(
                    "SetupDialog", "No keys for this profile in the keyring: enter them again."
                ),
                "info",
            )
        else:
            self._set_status("", "")
            self._old_secrets = stored
            self.appkey_edit.setText(stored.appkey)
            self.appsecret_edit.setText(stored.appsecret)
            self.account_edit.setText(stored.account)
            self.hts_edit.setText(stored.hts_id)
            self.data_appkey_edit.setText(stored.data_appkey)
            self.data_appsecret_edit.setText(stored.data_appsecret)
        self._on_changed()

    def _load_failed(self, message: str) -> None:
        self._end_loading()
        self._set_status(
            translate("SetupDialog", "Could not read the saved keys: {msg}").format(msg=message),
            "error",
        )
        self._on_changed()

    def _end_loading(self) -> None:
        self._loading = False
        for edit in self._connection_edits():
            edit.setEnabled(True)

    @property
    def loading(self) -> bool:
        """The stored keys are being read (the fields are disabled until they arrive)."""
        return self._loading

    # -- state ------------------------------------------------------------------------------
    @property
    def env(self) -> str:
        return str(self.env_combo.currentData())

    def _update_env(self) -> None:
        env = self.env
        self.badge.set_env(env)
        self.real_warning.setVisible(env == "real")
        self.data_group.setVisible(env == "paper")
        if self.isVisible():  # shrink to what is shown (real hides the market-data group)
            self.adjustSize()
        self._on_changed()

    def _insert_dash(self, text: str) -> None:
        if "-" not in text and len(text) > 8 and text.isascii() and text.isdigit():
            self.account_edit.setText(f"{text[:8]}-{text[8:]}")

    def _snapshot(self) -> tuple[str, ...]:
        values = [self.env] + [e.text().strip() for e in self._connection_edits()]
        if self.env != "paper":
            values[-2:] = ["", ""]
        return tuple(values)

    def secrets(self) -> ProfileSecrets | None:
        """What is on screen, or None while it is incomplete or KIS would not accept it."""
        account = normalize_account(self.account_edit.text())
        appkey = self.appkey_edit.text().strip()
        appsecret = self.appsecret_edit.text().strip()
        if not (account and appkey and appsecret) or self._key_problems():
            return None
        paper = self.env == "paper"
        return ProfileSecrets(
            appkey=appkey,
            appsecret=appsecret,
            account=account,
            hts_id=self.hts_edit.text().strip(),
            data_appkey=self.data_appkey_edit.text().strip() if paper else "",
            data_appsecret=self.data_appsecret_edit.text().strip() if paper else "",
        )

    def _data_pair_problem(self) -> str:
        if self.env != "paper":
            return ""
        key = bool(self.data_appkey_edit.text().strip())
        secret = bool(self.data_appsecret_edit.text().strip())
        return (
            translate("SetupDialog", "Enter both the real app key and its secret, or neither.")
            if key != secret
            else ""
        )

    def _key_problems(self) -> dict[QLineEdit, InputProblem]:
        """The fields (other than the account) KIS would not accept, with why; hidden ones
        (the market-data pair outside paper) do not count."""
        found = {}
        for edit in self.field_hints:
            if edit in (self.data_appkey_edit, self.data_appsecret_edit) and self.env != "paper":
                continue
            problem = key_problem(edit.text())
            if problem is not None:
                found[edit] = problem
        return found

    def _show_field_hints(self) -> None:
        problems = self._key_problems()
        for edit, hint in self.field_hints.items():
            problem = problems.get(edit)
            if problem is InputProblem.NOT_ASCII:
                hint.setText(
                    translate(
                        "SetupDialog",
                        "ASCII only: full-width or other non-ASCII characters (such as ０-９ "
                        "or Ａ-Ｚ) are not accepted here.",
                    )
                )
            elif problem is InputProblem.SPACE:
                hint.setText(
                    translate(
                        "SetupDialog",
                        "No spaces or invisible characters (ASCII letters, digits and symbols "
                        "only): check what was pasted.",
                    )
                )
            hint.setVisible(problem is not None)

    def _on_changed(self) -> None:
        text = self.account_edit.text().strip()
        problem = account_problem(text) if text else None
        if not text:
            self.account_hint.setText(translate("SetupDialog", "8 digits, a dash, 2 digits"))
            self.account_hint.setStyleSheet("color: #777;")
        elif problem is None:
            self.account_hint.setText("✓ " + translate("SetupDialog", "valid account number"))
            self.account_hint.setStyleSheet("color: #2e7d32;")
        else:
            self.account_hint.setText(
                translate(
                    "SetupDialog",
                    "Account number: ASCII digits 0-9 only, not full-width digits (０-９).",
                )
                if problem is InputProblem.NOT_ASCII
                else translate("SetupDialog", "Account number: 8 digits, a dash, 2 digits")
            )
            self.account_hint.setStyleSheet(f"color: {ENV_COLOURS['real']};")
        self._show_field_hints()
        busy = self.busy
        complete = self.secrets() is not None and not self._data_pair_problem()
        self.test_button.setEnabled(complete and not busy)
        passed = self._tested is not None and self._tested == self._snapshot()
        if self._tested is not None and not passed and not busy:
            self._tested = None
            self._set_status(
                translate("SetupDialog", "Changed since the test: test the connection again."),
                "info",
            )
        self.save_button.setEnabled(passed and bool(self.name_edit.text().strip()) and not busy)

    @property
    def testing(self) -> bool:
        return self._busy

    @property
    def saving(self) -> bool:
        """Save is writing to the keyring (the buttons are disabled until it is done)."""
        return self._saving

    @property
    def busy(self) -> bool:
        return self._busy or self._loading or self._saving

    def _set_status(self, text: str, kind: str) -> None:
        colour = {"ok": "#2e7d32", "error": ENV_COLOURS["real"], "busy": "#777"}.get(kind, "")
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {colour};" if colour else "")
        self.status_kind = kind

    # -- test -------------------------------------------------------------------------------
    def start_test(self) -> None:
        secrets = self.secrets()
        problem = self._data_pair_problem()
        if secrets is None or problem:
            marked = bool(self._key_problems()) or (
                account_problem(self.account_edit.text()) is InputProblem.NOT_ASCII
            )
            if marked:
                problem = translate(
                    "SetupDialog", "Correct the marked fields first: KIS accepts only ASCII there."
                )
            self._set_status(
                problem or translate("SetupDialog", "Fill in the app key, secret and account."),
                "error",
            )
            return
        if self.busy:
            return
        self._tested = None
        self._set_status(translate("SetupDialog", "Testing: access token, then balance…"), "busy")
        snapshot = self._snapshot()
        self._busy = True
        env, tokens = self.env, self.tokens  # the work never reads a widget: it may outlive it
        base_url, data_base_url = self.base_urls.get(env), self.base_urls.get("real")
        op: Op[ConnectionResult] = Op(
            self,
            lambda: check_connection(
                env,
                secrets,
                token_store=tokens,
                base_url_override=base_url,
                data_base_url_override=data_base_url,
                on_event=op.report,
            ),
            name="connection test",
        )
        self.test_op = (
            op.progress(self._on_client_event)
            .success(partial(self._show_result, snapshot))
            .failure(partial(self._test_crashed, snapshot))
            .run_in_background()
        )
        self._set_inputs_enabled(False)
        self._on_changed()

    def _test_crashed(self, snapshot: tuple[str, ...], message: str) -> None:
        # check_connection answers every KIS or network failure itself: this is a bug, logged
        # by the op; still say something useful.
        self._show_result(snapshot, ConnectionResult(False, message, failed_part="account"))

    def _show_result(self, snapshot: tuple[str, ...], result: ConnectionResult) -> None:
        self._busy = False
        self._set_inputs_enabled(True)
        self.last_result = result
        if result.ok:
            self._tested = snapshot
            # self.tr: lupdate extracts plurals only from .tr calls (context = the class).
            text = self.tr("Connected: balance read, %n holding(s).", None, result.holdings)
            if result.data_checked:
                text += " " + translate("SetupDialog", "Market-data keys work.")
            self._set_status(
                text + " " + translate("SetupDialog", "You can save the profile."), "ok"
            )
        elif result.failed_part == "market_data":
            self._set_status(
                translate("SetupDialog", "Market-data keys failed: {msg}").format(
                    msg=result.message
                ),
                "error",
            )
        else:
            self._set_status(
                translate("SetupDialog", "Connection failed: {msg}").format(msg=result.message),
                "error",
            )
        self._on_changed()
        self.tested.emit(result)

    def _on_client_event(self, event: ClientEvent) -> None:
        if event.kind is EventKind.TOKEN_WAIT:
            wait = event.wait_seconds or 0
            self._set_status(
                translate(
                    "SetupDialog", "KIS issues one access token a minute: waiting {s} s…"
                ).format(s=round(wait)),
                "busy",
            )

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for edit in self._connection_edits():
            edit.setReadOnly(not enabled)
        self.env_combo.setEnabled(enabled and self.profile is None)

    # -- save / cancel ----------------------------------------------------------------------
    def save(self) -> None:
        """Check what is on screen, then save it as ``save_op`` (services/profile_keys.py); the
        dialog closes once the keyring has it, or stays open and says why not."""
        if self._saving:
            return
        secrets = self.secrets()
        if secrets is None or self._tested != self._snapshot():
            self._set_status(
                translate("SetupDialog", "Test the connection before saving."), "error"
            )
            return
        name = self.name_edit.text().strip()
        if not self.store.name_available(name, self.profile):
            self._set_status(
                translate("SetupDialog", "Choose a profile name that is not used yet."), "error"
            )
            self.name_edit.setFocus()
            return
        self._saving = True
        self._set_saving_view(True)
        self._set_status(
            translate("SetupDialog", "Saving to the keyring… (it may ask you to unlock it)"),
            "busy",
        )
        self._on_changed()
        work = partial(
            save_profile,
            self.store,
            name=name,
            env=self.env,
            secrets=secrets,
            tokens=self.tokens,
            profile=self.profile,
            old_secrets=self._old_secrets,
        )
        self.save_op = (
            Op(self, work, name="save profile")
            .success(self._saved)
            .failure(self._save_failed)
            .run_in_background()
        )

    def _saved(self, profile: Profile) -> None:
        self._saving = False
        self._set_saving_view(False)
        self.profile = profile
        self.saved.emit(profile)
        self.accept()

    def _save_failed(self, message: str) -> None:
        self._saving = False
        self._set_saving_view(False)
        self._set_status(
            translate("SetupDialog", "Could not save: {msg}").format(msg=message), "error"
        )
        self._on_changed()

    def _set_saving_view(self, saving: bool) -> None:
        for edit in (*self._connection_edits(), self.name_edit):
            edit.setReadOnly(saving)
        self.cancel_button.setEnabled(not saving)
        self.env_combo.setEnabled(not saving and self.profile is None)

    def reject(self) -> None:
        if self._saving:
            return  # the keyring write is under way: Save closes the dialog, or says why not
        for op in (self.load_op, self.test_op):
            if op is not None:
                op.cancel()
        self.tokens.discard()  # a token from a cancelled set-up is not kept
        super().reject()


def _secret_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit
