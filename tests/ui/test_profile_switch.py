"""Issue 7 in the window: switching profiles clears and reloads the tables, changes the badge, and
the last profile opens next time without a second token (paper and real simulators on TCP)."""

from __future__ import annotations

import pytest

from kisdesk.app.controller import AppController
from kisdesk.config.profiles import ProfileStore
from kisdesk.config.secrets import ProfileSecrets, save_secrets
from kisdesk.config.settings import open_settings
from kisdesk.services.session_manager import initial_target
from kisdesk.sim.testing import SimThread


@pytest.fixture
def sims():
    with SimThread(profile="paper", seed=11) as paper, SimThread(profile="real", seed=22) as real:
        yield {"paper": paper, "real": real}


@pytest.fixture
def profiles(sims, kisdesk_home):
    store = ProfileStore(open_settings())
    made = {}
    for env, sim in sims.items():
        profile = store.add(f"my {env}", env)
        save_secrets(
            profile.id,
            ProfileSecrets(
                appkey=sim.appkey, appsecret=sim.appsecret, account=sim.accounts["demo"]
            ),
        )
        made[env] = profile
    return made


@pytest.fixture
def controllers(run_async):
    made: list[AppController] = []
    yield made
    for controller in made:
        run_async(controller.shutdown())
        controller.window.close()
        controller.window.deleteLater()


def _start(controllers, sims, env, profile) -> AppController:
    controller = AppController(
        open_settings(),
        env,
        profile=profile,
        demo_options={"ticker_interval": None},
        base_urls={name: sim.base_url for name, sim in sims.items()},
    )
    controllers.append(controller)
    controller.start()
    return controller


def _codes(controller: AppController) -> set[str]:
    return {r.code for r in controller.window.holdings.table.model.records()}


def test_switch_clears_reloads_and_changes_badge(qtbot, run_async, sims, profiles, controllers):
    app = _start(controllers, sims, "demo", None)
    qtbot.waitUntil(lambda: app.window.holdings.has_data, timeout=15_000)
    demo_codes = _codes(app)
    assert app.window.status.badge.env == "demo"

    cleared: list[int] = []
    app.window.holdings.table.model.modelReset.connect(lambda: cleared.append(1))
    app.window.holdings.table.model.rowsRemoved.connect(lambda *_: cleared.append(1))
    run_async(app.switch_to(profiles["real"]), timeout_ms=20_000)
    assert cleared, "switching must empty the table before loading the new account"
    qtbot.waitUntil(lambda: app.window.holdings.has_data, timeout=15_000)
    assert app.window.status.badge.env == "real"
    assert "REAL" in app.window.windowTitle()
    real_server = sims["real"].server
    real_account = real_server.account("demo")
    assert _codes(app) == set(real_account.holdings)
    for record in app.window.holdings.table.model.records():  # the real simulator's prices
        assert record.price == real_server.market.domestic(record.code).price
    assert ProfileStore(open_settings()).last() == profiles["real"].id

    run_async(app.switch_to(profiles["paper"]), timeout_ms=20_000)
    qtbot.waitUntil(lambda: app.window.holdings.has_data, timeout=15_000)
    assert app.window.status.badge.env == "paper"
    assert "PAPER" in app.window.windowTitle()
    assert sims["paper"].stats.as_dict()["tokens_issued"] == 1

    run_async(app.switch_to(None), timeout_ms=20_000)
    qtbot.waitUntil(lambda: app.window.holdings.has_data, timeout=15_000)
    assert app.window.status.badge.env == "demo"
    assert _codes(app) == demo_codes


def test_last_profile_reopens_without_a_second_token(qtbot, run_async, sims, profiles, controllers):
    first = _start(controllers, sims, "paper", profiles["paper"])
    qtbot.waitUntil(lambda: first.window.holdings.has_data, timeout=15_000)
    run_async(first.shutdown())
    assert sims["paper"].stats.as_dict()["tokens_issued"] == 1

    env, profile = initial_target(open_settings(), None)
    assert (env, profile) == ("paper", profiles["paper"])
    second = _start(controllers, sims, env, profile)
    qtbot.waitUntil(lambda: second.window.holdings.has_data, timeout=15_000)
    assert second.profiles_menu.dialog is None  # no set-up dialog
    assert sims["paper"].stats.as_dict()["tokens_issued"] == 1  # token reused from the keyring


def test_paper_without_a_profile_opens_setup_in_the_window(qtbot, sims, kisdesk_home, controllers):
    app = _start(controllers, sims, "paper", None)
    qtbot.waitUntil(lambda: app.window.holdings.error_visible, timeout=5_000)
    assert app.profiles_menu.dialog is not None and app.profiles_menu.dialog.isVisible()
    assert app.window.status.badge.env == "paper"
    assert sims["paper"].stats.as_dict()["tokens_issued"] == 0  # nothing sent without keys


def test_paper_rankings_button_opens_the_profile_setup(qtbot, sims, profiles, controllers):
    app = _start(controllers, sims, "paper", profiles["paper"])
    qtbot.waitUntil(lambda: app.window.holdings.has_data, timeout=15_000)
    app.window.tabs.setCurrentWidget(app.window.rankings)
    app.window.rankings.market_data_button.click()
    dialog = app.profiles_menu.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.profile == profiles["paper"]  # editing this profile, where the key goes
    dialog.reject()
