"""Fields KIS reads as ASCII are checked as ASCII before anything is sent (issue 13 §7).

Full-width digits (０１２…) are digits to Python's str.isdigit() and to the regex \\d: an account
typed in a full-width input mode looked valid, and Test connection issued a token (one a minute,
and KIS notifies the holder) before KIS refused the account.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from kisdesk.config.profiles import (
    InputProblem,
    account_problem,
    key_problem,
    normalize_account,
)
from kisdesk.config.secrets import ProfileSecrets
from kisdesk.services.connection_check import StagedTokenStore, check_connection
from kisdesk.ui.setup_dialog import SetupDialog

FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def type_keys(edit: QLineEdit, text: str) -> None:
    """One key press and release per character, as a keyboard (or an IME in full-width mode)
    delivers it; QTest.keyClicks cannot send characters outside Latin-1."""
    edit.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def tokens_issued(server) -> int:
    return server.stats.as_dict()["tokens_issued"]


@pytest.fixture
def dialog(qtbot, settings, paper_server):
    dialog = SetupDialog(settings, env="paper", base_urls={"paper": paper_server.base_url})
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.name_edit.setText("Main")
    type_keys(dialog.appkey_edit, paper_server.appkey)
    type_keys(dialog.appsecret_edit, paper_server.appsecret)
    return dialog


def test_full_width_account_digits_are_refused_before_any_request(
    qtbot, qloop, dialog, paper_server
):
    account = paper_server.accounts["demo"].replace("-", "")
    type_keys(dialog.account_edit, account.translate(FULL_WIDTH))
    assert dialog.account_edit.text() != ""  # shown as typed, so the message makes sense
    assert "✓" not in dialog.account_hint.text()
    assert "ASCII" in dialog.account_hint.text()
    assert not dialog.test_button.isEnabled()
    assert not dialog.save_button.isEnabled()
    dialog.start_test()  # forced (an accelerator, a stale click): still nothing is sent
    qtbot.wait(200)
    assert dialog.test_op is None and dialog.status_kind == "error"
    assert tokens_issued(paper_server) == 0

    # Retyped in ASCII: valid, and the test goes through.
    dialog.account_edit.clear()
    type_keys(dialog.account_edit, account)
    assert dialog.account_edit.text() == paper_server.accounts["demo"]
    assert "✓" in dialog.account_hint.text()
    assert dialog.test_button.isEnabled()


@pytest.mark.parametrize("field", ["appkey_edit", "appsecret_edit", "hts_edit", "data_appkey_edit"])
def test_full_width_keys_are_marked_next_to_the_field(qtbot, qloop, dialog, paper_server, field):
    type_keys(dialog.account_edit, paper_server.accounts["demo"])
    assert dialog.test_button.isEnabled()
    edit: QLineEdit = getattr(dialog, field)
    hint = dialog.field_hints[edit]
    assert hint.isHidden()
    edit.clear()
    type_keys(edit, "ＰＳａｂｃ１２３")  # a full-width input mode
    assert not hint.isHidden() and "ASCII" in hint.text()
    assert not dialog.test_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.start_test()
    qtbot.wait(200)
    assert tokens_issued(paper_server) == 0
    edit.clear()
    assert hint.isHidden()


def test_the_connection_check_itself_sends_nothing_for_non_ascii(
    qtbot, qloop, run_async, paper_server
):
    """The service checks too, whoever calls it."""
    account = paper_server.accounts["demo"]
    for secrets in (
        ProfileSecrets(paper_server.appkey, paper_server.appsecret, account.translate(FULL_WIDTH)),
        ProfileSecrets("ＰＳ" + paper_server.appkey[2:], paper_server.appsecret, account),
        ProfileSecrets(paper_server.appkey, paper_server.appsecret, account, "홍길동"),
    ):
        result = run_async(
            check_connection(
                "paper",
                secrets,
                token_store=StagedTokenStore(),
                base_url_override=paper_server.base_url,
            )
        )
        assert not result.ok and "ASCII" in result.message
    assert tokens_issued(paper_server) == 0


def test_rules():
    assert normalize_account("５００１２３４５－０１") is None
    assert normalize_account("5001234501") == "50012345-01"
    assert account_problem("５００１２３４５０１") is InputProblem.NOT_ASCII
    assert account_problem("5001234") is InputProblem.ACCOUNT_SHAPE
    assert account_problem("50012345-01") is None
    assert key_problem("PSabc123+/=") is None
    assert key_problem("ＰＳabc") is InputProblem.NOT_ASCII
    assert key_problem("PS abc") is InputProblem.SPACE
    assert key_problem("PS\tabc") is InputProblem.SPACE
    assert key_problem("") is None  # empty: "required" is another rule
