"""Fixtures for the credentials tests: a temp KISDESK_HOME, a settings file in it and simulators
with chosen credentials (the qasync loop and run_async are in tests/conftest.py)."""

from __future__ import annotations

import logging

import pytest


@pytest.fixture
def kisdesk_home(tmp_path, monkeypatch):
    """Every file the app writes (settings, logs, crash files) goes under one temp folder."""
    home = tmp_path / "kisdesk-home"
    monkeypatch.setenv("KISDESK_HOME", str(home))
    return home


@pytest.fixture
def settings_path(kisdesk_home):
    from kisdesk.config.paths import settings_file

    return settings_file()


@pytest.fixture
def settings(qapp, settings_path):
    """The app's settings file; ``reopen_settings`` gives a fresh object on the same file."""
    from kisdesk.config.settings import open_settings

    s = open_settings()
    yield s
    s.sync()


@pytest.fixture(autouse=True)
def _clean_session_state():
    yield
    from kisdesk.config.profiles import forget_session_profiles

    forget_session_profiles()


@pytest.fixture
def paper_server():
    from kisdesk.sim.testing import SimThread

    with SimThread(profile="paper", seed=4321) as s:
        yield s


@pytest.fixture
def real_server():
    from kisdesk.sim.testing import SimThread

    with SimThread(profile="real", seed=8765) as s:
        yield s


@pytest.fixture
def logging_home(kisdesk_home):
    """setup_logging() into the temp home; handlers and the record factory restored after."""
    from kisdesk.config.logs import setup_logging

    root = logging.getLogger()
    handlers = list(root.handlers)
    level = root.level
    factory = logging.getLogRecordFactory()
    path = setup_logging(logging.DEBUG)
    yield path
    for h in list(root.handlers):
        if h not in handlers:
            h.close()
            root.removeHandler(h)
    root.setLevel(level)
    logging.setLogRecordFactory(factory)
