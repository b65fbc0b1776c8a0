"""Fixtures for tests of the window and the services (the qasync loop is in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def kisdesk_home(tmp_path, monkeypatch):
    """All files the app writes (settings, logs, crash files) go under one temp folder."""
    home = tmp_path / "kisdesk-home"
    monkeypatch.setenv("KISDESK_HOME", str(home))
    return home
