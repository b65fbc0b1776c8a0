"""The Profiles menu: confirmed switching, log out (revokes the token), forget (keyring emptied)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMessageBox

from kisdesk.config.profiles import ProfileStore
from kisdesk.config.secrets import ProfileSecrets, save_secrets, token_entries
from kisdesk.kis.events import EventKind
from kisdesk.services.profile_session import log_out, start_profile_session
from kisdesk.ui.profiles_menu import ProfilesMenu


def answer(menu: ProfilesMenu, button: QMessageBox.StandardButton) -> str:
    box = menu.pending
    assert box is not None and box.isVisible()
    text = box.text()
    box.button(button).click()
    assert menu.pending is None
    return text


def add_profile(settings, server, name, env):
    profile = ProfileStore(settings).add(name, env)
    save_secrets(
        profile.id,
        ProfileSecrets(server.appkey, server.appsecret, server.accounts["demo"], "htsid001"),
    )
    return profile


def make_menu(qtbot, settings, **kwargs):
    qmenu = QMenu()
    qtbot.addWidget(qmenu)
    calls = {"switch": [], "logout": 0, "forgotten": []}
    kwargs.setdefault("on_logout", lambda: calls.__setitem__("logout", calls["logout"] + 1))
    menu = ProfilesMenu(
        qmenu,
        settings,
        on_switch=calls["switch"].append,
        on_forgotten=calls["forgotten"].append,
        **kwargs,
    )
    return menu, calls


def test_switch_is_listed_and_confirmed(qtbot, settings, paper_server, real_server):
    paper = add_profile(settings, paper_server, "Paper", "paper")
    real = add_profile(settings, real_server, "Real", "real")
    menu, calls = make_menu(qtbot, settings)
    assert list(menu.switch_actions) == ["demo", paper.id, real.id]
    assert menu.switch_actions["demo"].isChecked()
    assert not menu.edit_action.isEnabled() and not menu.logout_action.isEnabled()

    menu.switch_actions[real.id].trigger()
    text = answer(menu, QMessageBox.StandardButton.No)
    assert "REAL" in text and "real money" in text
    assert calls["switch"] == []
    assert menu.switch_actions["demo"].isChecked()  # no switch, no checkmark

    menu.switch_actions[paper.id].trigger()
    answer(menu, QMessageBox.StandardButton.Yes)
    assert calls["switch"] == [paper]
    menu.set_current(paper)  # the owner confirms the switch happened
    assert menu.switch_actions[paper.id].isChecked()
    assert menu.edit_action.isEnabled() and menu.logout_action.isEnabled()

    menu.switch_actions["demo"].trigger()
    answer(menu, QMessageBox.StandardButton.Yes)
    assert calls["switch"] == [paper, None]


def test_forget_removes_every_keyring_entry(
    qtbot, qloop, run_async, settings, paper_server, memory_keyring
):
    paper = add_profile(settings, paper_server, "Paper", "paper")
    session = run_async(start_profile_session(paper, base_url_override=paper_server.base_url))
    run_async(session.client.domestic_balance())  # issues and caches a token
    run_async(session.close())
    held = {user for _, user in memory_keyring.entries()}
    assert held == {f"profile/{paper.id}", token_entries([paper_server.appkey])[0]}

    menu, calls = make_menu(qtbot, settings, current=paper)
    menu.forget_actions[paper.id].trigger()
    text = answer(menu, QMessageBox.StandardButton.Yes)
    assert "switches to demo" in text
    assert calls["switch"] == [None]  # off the profile before it goes
    qtbot.waitUntil(menu.forget_op.done, timeout=5_000)
    assert menu.forget_op.result()
    assert calls["forgotten"] == [paper]
    assert memory_keyring.entries() == []
    assert ProfileStore(settings).profiles() == []
    assert list(menu.switch_actions) == ["demo"]


def test_forget_can_be_declined(qtbot, settings, paper_server, memory_keyring):
    paper = add_profile(settings, paper_server, "Paper", "paper")
    menu, calls = make_menu(qtbot, settings)
    menu.forget_actions[paper.id].trigger()
    answer(menu, QMessageBox.StandardButton.No)
    assert calls["forgotten"] == [] and len(memory_keyring.entries()) == 1


def test_log_out_revokes_the_token(qtbot, qloop, run_async, settings, paper_server, memory_keyring):
    paper = add_profile(settings, paper_server, "Paper", "paper")
    events = []
    session = run_async(
        start_profile_session(
            paper, on_event=events.append, base_url_override=paper_server.base_url
        )
    )
    run_async(session.client.domestic_balance())
    token_entry = token_entries([paper_server.appkey])[0]
    assert token_entry in {user for _, user in memory_keyring.entries()}

    menu, calls = make_menu(qtbot, settings, current=paper)
    menu.logout_action.trigger()
    answer(menu, QMessageBox.StandardButton.Yes)
    assert calls["logout"] == 1
    run_async(log_out(session))  # what the controller's on_logout runs
    assert EventKind.TOKEN_REVOKED in [e.kind for e in events]
    assert paper_server.stats.as_dict()["by_path"].get("/oauth2/revokeP") == 1
    assert token_entry not in {user for _, user in memory_keyring.entries()}
    assert f"profile/{paper.id}" in {user for _, user in memory_keyring.entries()}


def test_new_profile_from_the_menu(qtbot, qloop, settings, paper_server):
    saved = []
    menu, _ = make_menu(
        qtbot,
        settings,
        on_saved=lambda p, new: saved.append((p, new)),
        base_urls={"paper": paper_server.base_url},
    )
    menu.new_action.trigger()
    dialog = menu.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name_edit.setText("Fresh")
    dialog.appkey_edit.setText(paper_server.appkey)
    dialog.appsecret_edit.setText(paper_server.appsecret)
    dialog.account_edit.setText(paper_server.accounts["demo"])
    dialog.start_test()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=15_000)
    assert dialog.last_result.ok
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert [(p.name, new) for p, new in saved] == [("Fresh", True)]
    assert [a.text() for a in menu.switch_actions.values()][1].startswith("Fresh")


def test_edit_profile_prefills_and_needs_a_new_test(qtbot, qloop, settings, paper_server):
    paper = add_profile(settings, paper_server, "Paper", "paper")
    menu, _ = make_menu(qtbot, settings, current=paper, base_urls={"paper": paper_server.base_url})
    menu.edit_action.trigger()
    dialog = menu.dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=5_000)
    assert dialog.appkey_edit.text() == paper_server.appkey
    assert dialog.account_edit.text() == paper_server.accounts["demo"]
    assert not dialog.env_combo.isEnabled()  # tokens belong to an environment
    assert not dialog.save_button.isEnabled()
    dialog.name_edit.setText("Paper (main)")
    dialog.start_test()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=15_000)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    renamed = ProfileStore(settings).get(paper.id)
    assert renamed.name == "Paper (main)"
    assert menu.current == renamed
    assert menu.switch_actions[paper.id].text().startswith("Paper (main)")
