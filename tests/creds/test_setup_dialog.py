"""The set-up dialog against the simulator: test, save, restart without a second token."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kisdesk.config.profiles import ProfileStore, normalize_account
from kisdesk.config.secrets import SERVICE, ensure_secure_keyring, load_secrets
from kisdesk.config.settings import open_settings
from kisdesk.kis.events import EventKind
from kisdesk.services.profile_session import start_profile_session
from kisdesk.ui.setup_dialog import SetupDialog


def make_dialog(qtbot, settings, server, env, **kwargs):
    dialog = SetupDialog(settings, env=env, base_urls={env: server.base_url}, **kwargs)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def fill(qtbot, dialog, server, *, name="Main", secret=None, account=None, hts="canaryhts01"):
    dialog.name_edit.setText(name)
    dialog.appkey_edit.setText(server.appkey)
    dialog.appsecret_edit.setText(secret if secret is not None else server.appsecret)
    dialog.account_edit.clear()
    qtbot.keyClicks(dialog.account_edit, account or server.accounts["demo"].replace("-", ""))
    dialog.hts_edit.setText(hts)


def press_test(qtbot, dialog):
    assert dialog.test_button.isEnabled()
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_op is not None and dialog.test_op.done(), timeout=15_000)
    return dialog.last_result


def tokens_issued(server) -> int:
    return server.stats.as_dict()["tokens_issued"]


@pytest.mark.parametrize("env", ["paper", "real"])
def test_set_up_then_restart_connects_without_a_second_token(
    env, qtbot, qloop, run_async, settings, paper_server, real_server, memory_keyring
):
    server = paper_server if env == "paper" else real_server
    dialog = make_dialog(qtbot, settings, server, env)
    assert not dialog.save_button.isEnabled()
    fill(qtbot, dialog, server)
    assert not dialog.save_button.isEnabled()  # not before a successful test
    assert memory_keyring.entries() == []
    result = press_test(qtbot, dialog)
    assert result.ok, result.message
    assert result.holdings > 0
    assert dialog.status_kind == "ok"
    assert dialog.save_button.isEnabled()
    assert memory_keyring.entries() == []  # the test saved nothing
    assert tokens_issued(server) == 1

    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    profile = saved.args[0]
    assert profile.env == env and profile.name == "Main"
    stored = {user for _, user in memory_keyring.entries()}
    assert f"profile/{profile.id}" in stored
    assert any(u.startswith(f"token/{env}/") for u in stored)
    ProfileStore(settings).set_last(profile)  # what the controller does once connected
    settings.sync()

    # Restart: new settings object on the same file, same keyring, no dialog.
    again = ProfileStore(open_settings())
    last = again.last_profile()
    assert last == profile
    events = []
    session = run_async(
        start_profile_session(last, on_event=events.append, base_url_override=server.base_url)
    )
    try:
        balance = run_async(session.client.domestic_balance())
    finally:
        run_async(session.close())
    assert len(balance.holdings) == result.holdings
    assert session.env.name == env
    assert [e.kind for e in events if e.kind.value.startswith("token")] == [EventKind.TOKEN_REUSED]
    assert tokens_issued(server) == 1


def test_wrong_secret_shows_kis_message_and_saves_nothing(
    qtbot, qloop, settings, settings_path, paper_server, memory_keyring
):
    dialog = make_dialog(qtbot, settings, paper_server, "paper")
    fill(qtbot, dialog, paper_server, secret="wrong-secret-" + "x" * 160)
    result = press_test(qtbot, dialog)
    assert not result.ok
    assert result.msg_cd == "EGW00105"
    assert "유효하지 않은 AppSecret입니다." in dialog.status_label.text()
    assert dialog.status_kind == "error"
    assert not dialog.save_button.isEnabled()
    dialog.save()  # even forced, nothing is written
    assert memory_keyring.entries() == []
    assert ProfileStore(open_settings()).profiles() == []
    dialog.reject()
    assert memory_keyring.entries() == []


def test_wrong_account_shows_kis_message_then_retest_reuses_the_token(
    qtbot, qloop, settings, paper_server, memory_keyring
):
    dialog = make_dialog(qtbot, settings, paper_server, "paper")
    fill(qtbot, dialog, paper_server, account="9999999901")
    result = press_test(qtbot, dialog)
    assert not result.ok and result.msg_cd
    assert result.message.split(" (")[0] in dialog.status_label.text()
    dialog.account_edit.clear()
    qtbot.keyClicks(dialog.account_edit, paper_server.accounts["demo"])
    assert press_test(qtbot, dialog).ok
    assert tokens_issued(paper_server) == 1  # the first test's token was reused
    assert memory_keyring.entries() == []


def test_cancel_after_a_good_test_leaves_nothing(
    qtbot, qloop, settings, paper_server, memory_keyring
):
    dialog = make_dialog(qtbot, settings, paper_server, "paper")
    fill(qtbot, dialog, paper_server)
    assert press_test(qtbot, dialog).ok
    dialog.reject()
    assert memory_keyring.entries() == []
    assert ProfileStore(settings).profiles() == []


def test_editing_after_the_test_disables_save(qtbot, qloop, settings, paper_server):
    dialog = make_dialog(qtbot, settings, paper_server, "paper")
    fill(qtbot, dialog, paper_server)
    assert press_test(qtbot, dialog).ok
    assert dialog.save_button.isEnabled()
    dialog.hts_edit.setText("another")
    assert not dialog.save_button.isEnabled()
    assert "test the connection again" in dialog.status_label.text()
    dialog.name_edit.setText("")
    dialog.hts_edit.setText("canaryhts01")  # back to what was tested...
    assert not dialog.save_button.isEnabled()  # ...but a test result is not resurrected


def test_fields_masking_and_account_validation(qtbot, qapp, settings):
    dialog = SetupDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.appsecret_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.data_appsecret_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.appkey_edit.echoMode() == QLineEdit.EchoMode.Normal

    qtbot.keyClicks(dialog.account_edit, "12ab345678x01")  # letters are refused as typed
    assert dialog.account_edit.text() == "12345678-01"  # the dash comes by itself
    assert dialog.account_edit.hasAcceptableInput()
    assert "valid" in dialog.account_hint.text()
    dialog.account_edit.clear()
    qtbot.keyClicks(dialog.account_edit, "1234567-")
    assert not dialog.account_edit.hasAcceptableInput()
    assert "8 digits" in dialog.account_hint.text()
    assert not dialog.test_button.isEnabled()

    assert normalize_account("1234567801") == "12345678-01"
    assert normalize_account(" 12345678-01 ") == "12345678-01"
    for bad in ("1234567-01", "123456789-01", "12345678-1", "abcdefgh-01", ""):
        assert normalize_account(bad) is None


def test_environment_badge_and_data_keys(qtbot, qapp, settings):
    dialog = SetupDialog(settings, env="paper")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.badge.env == "paper"
    assert dialog.data_group.isVisible()
    assert not dialog.real_warning.isVisible()
    dialog.env_combo.setCurrentIndex(dialog.env_combo.findData("real"))
    assert dialog.badge.env == "real"
    assert not dialog.data_group.isVisible()
    assert dialog.real_warning.isVisible()


def test_paper_with_market_data_keys(
    qtbot, qloop, run_async, settings, paper_server, real_server, memory_keyring
):
    dialog = SetupDialog(
        settings,
        env="paper",
        base_urls={"paper": paper_server.base_url, "real": real_server.base_url},
    )
    qtbot.addWidget(dialog)
    dialog.open()
    fill(qtbot, dialog, paper_server)
    dialog.data_appkey_edit.setText(real_server.appkey)
    assert not dialog.test_button.isEnabled()  # a key without its secret
    dialog.data_appsecret_edit.setText("bad-data-secret-" + "y" * 150)
    result = press_test(qtbot, dialog)
    assert not result.ok and result.failed_part == "market_data"
    assert "Market-data keys failed" in dialog.status_label.text()
    assert "EGW00105" in dialog.status_label.text()
    dialog.data_appsecret_edit.setText(real_server.appsecret)
    result = press_test(qtbot, dialog)
    assert result.ok and result.data_checked
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    profile = saved.args[0]
    assert load_secrets(profile.id).has_data_keys

    session = run_async(
        start_profile_session(
            profile,
            base_url_override=paper_server.base_url,
            data_base_url_override=real_server.base_url,
        )
    )
    try:
        quote = run_async(session.data_client.domestic_price("005930"))
        assert quote.price > 0
    finally:
        run_async(session.close())
    assert tokens_issued(paper_server) == 1
    assert tokens_issued(real_server) == 1


def test_session_only_mode_without_a_keyring(
    qtbot, qloop, run_async, settings, settings_path, paper_server
):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    check = ensure_secure_keyring()
    assert check.session_only
    dialog = make_dialog(qtbot, settings, paper_server, "paper")
    assert dialog.session_banner.isVisible()
    assert "session-only" in dialog.session_banner.text()
    fill(qtbot, dialog, paper_server)
    assert press_test(qtbot, dialog).ok
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    profile = saved.args[0]
    assert profile.session_only
    session = run_async(start_profile_session(profile, base_url_override=paper_server.base_url))
    try:
        run_async(session.client.domestic_balance())
    finally:
        run_async(session.close())
    assert tokens_issued(paper_server) == 1
    # Everything lives in the session keyring; the settings file knows nothing of it.
    held = {user for service, user in keyring.get_keyring().entries() if service == SERVICE}
    assert f"profile/{profile.id}" in held
    settings.sync()
    written = settings_path.read_text(encoding="utf-8") if settings_path.exists() else ""
    assert profile.id not in written and "Main" not in written
