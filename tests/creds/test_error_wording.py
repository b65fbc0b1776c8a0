"""One wording for one cause: a KIS server that cannot be reached reads the same in the set-up
dialog's Test connection as in the main window (issue 13 §7)."""

from __future__ import annotations

import socket

import pytest

from kisdesk.app.controller import AppController
from kisdesk.config.profiles import ProfileStore
from kisdesk.config.secrets import ProfileSecrets, save_secrets
from kisdesk.config.settings import open_settings
from kisdesk.ui.setup_dialog import SetupDialog

UNREACHABLE = "Cannot reach the KIS server. Check the network connection."


@pytest.fixture
def closed_url() -> str:
    """A loopback address nothing listens on: a connection is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_unreachable_server_reads_the_same_in_the_dialog_and_the_window(
    qtbot, qloop, run_async, kisdesk_home, closed_url
):
    secrets = ProfileSecrets("P" * 36, "s" * 180, "50012345-01", "htsid001")

    # The main window, connecting a saved paper profile to the closed port.
    store = ProfileStore(open_settings())
    profile = store.add("Paper", "paper")
    save_secrets(profile.id, secrets)
    app = AppController(open_settings(), "paper", profile=profile, base_urls={"paper": closed_url})
    app.start()
    try:
        qtbot.waitUntil(lambda: app.window.holdings.error_visible, timeout=15_000)
        window_says = app.window.status.connection.toolTip()  # the refresh's message, as it is
        assert window_says.startswith(UNREACHABLE), window_says
        assert window_says in app.window.holdings.error_page.message.text()
    finally:
        run_async(app.shutdown())
        app.window.close()
        app.window.deleteLater()

    # The set-up dialog's Test connection against the same closed port.
    dialog = SetupDialog(open_settings(), env="paper", base_urls={"paper": closed_url})
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.name_edit.setText("Other")
    dialog.appkey_edit.setText(secrets.appkey)
    dialog.appsecret_edit.setText(secrets.appsecret)
    dialog.account_edit.setText(secrets.account)
    dialog.start_test()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=15_000)
    assert not dialog.last_result.ok
    assert dialog.status_kind == "error"
    assert dialog.last_result.message == window_says
    assert window_says in dialog.status_label.text()


def test_describe_keeps_secrets_and_backend_text_out():
    from keyring.errors import KeyringError

    from kisdesk.kis.errors import ApiError, NetworkError, ServerError
    from kisdesk.services.errors import describe

    secrets = ProfileSecrets("Q" * 36, "t" * 180, "50099999-01")  # registers them for masking
    refused = describe(KeyringError(f"refused {secrets.to_json()}"))
    assert refused == "KeyringError"
    assert describe(ApiError(msg_cd="EGW00105", msg1="유효하지 않은 AppSecret입니다.")) == (
        "유효하지 않은 AppSecret입니다. (EGW00105)"
    )
    assert describe(ServerError("HTTP 503", status=503)).endswith("(HTTP 503)")
    crashed = describe(RuntimeError(f"bad state for {secrets.appsecret}"))
    assert crashed.startswith("RuntimeError: bad state for ")
    assert secrets.appsecret not in crashed
    assert describe(NetworkError("")) == f"{UNREACHABLE} (NetworkError)"
