"""The profile list and the last-used profile in QSettings (never a secret)."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import pytest

from kisdesk.config.profiles import DEMO, ProfileStore
from kisdesk.config.secrets import ensure_secure_keyring
from kisdesk.config.settings import open_settings


def test_add_list_rename_remove(settings):
    profiles = ProfileStore(settings)
    assert profiles.profiles() == []
    real = profiles.add("실전 계좌", "real")
    paper = profiles.add("My paper/test", "paper")
    assert [p.name for p in profiles.profiles()] == ["실전 계좌", "My paper/test"]
    with pytest.raises(ValueError):
        profiles.add("my PAPER/test", "paper")  # names are unique, case-insensitively
    with pytest.raises(ValueError):
        profiles.add("x", "demo")
    renamed = profiles.rename(paper, "Paper")
    assert profiles.get(paper.id) == renamed
    profiles.remove(real.id)
    assert [p.name for p in ProfileStore(open_settings()).profiles()] == ["Paper"]


def test_last_profile_survives_a_restart(settings):
    profiles = ProfileStore(settings)
    assert profiles.last() == DEMO
    paper = profiles.add("Paper", "paper")
    profiles.set_last(paper)
    settings.sync()
    again = ProfileStore(open_settings())  # a new settings object on the same file
    assert again.last_profile() == paper
    again.remove(paper.id)
    assert ProfileStore(open_settings()).last() == DEMO


def test_settings_file_holds_names_and_envs_only(settings, settings_path):
    profiles = ProfileStore(settings)
    p = profiles.add("Paper", "paper")
    profiles.set_last(p)
    settings.sync()
    text = settings_path.read_text(encoding="utf-8")
    assert "name=Paper" in text and "env=paper" in text
    keys = {line.split("=", 1)[0] for line in text.splitlines() if "=" in line}
    assert keys <= {f"{p.id}\\name", f"{p.id}\\env", f"{p.id}\\order", "profile"}


def test_session_only_profiles_are_not_written(settings, settings_path):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    assert ensure_secure_keyring().session_only
    profiles = ProfileStore(settings)
    p = profiles.add("Temp", "paper")
    assert p.session_only
    assert ProfileStore(settings).get(p.id) == p  # visible in this process
    profiles.set_last(p)  # not remembered: it will not exist after a restart
    settings.sync()
    written = settings_path.read_text(encoding="utf-8") if settings_path.exists() else ""
    assert "Temp" not in written
    assert ProfileStore(settings).last() == DEMO


def test_initial_profile_for_start_up(settings):
    profiles = ProfileStore(settings)
    assert profiles.initial() == (DEMO, None)
    assert profiles.initial("paper") == ("paper", None)  # first run of paper: set-up dialog
    real = profiles.add("Real", "real")
    paper1 = profiles.add("Paper 1", "paper")
    paper2 = profiles.add("Paper 2", "paper")
    assert profiles.initial("paper") == ("paper", paper1)
    profiles.set_last(paper2)
    assert profiles.initial() == ("paper", paper2)
    assert profiles.initial("paper") == ("paper", paper2)
    assert profiles.initial("real") == ("real", real)
    assert profiles.initial("demo") == (DEMO, None)
