"""Shared fixtures: headless Qt, an in-memory keyring, and simulators on loopback."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import keyring
import pytest

from kisdesk.config.memory_keyring import MemoryKeyring
from kisdesk.models.qtfix import pin_bools

pin_bools()  # PySide6 6.12 + CPython 3.11: emit() leaks a reference to True (see qtfix)


@pytest.fixture(autouse=True)
def memory_keyring():
    """Every test gets a fresh in-memory keyring; the OS keyring is never touched."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _sim_thread(profile: str):
    from kisdesk.sim.testing import SimThread

    return SimThread(profile=profile, seed=1234)


@pytest.fixture
def sim():
    """A real-profile simulator running in its own thread, reachable over TCP."""
    with _sim_thread("real") as s:
        yield s


@pytest.fixture
def paper_sim():
    """A paper-profile simulator (2 calls/s, paper TR IDs, real-only APIs refused)."""
    with _sim_thread("paper") as s:
        yield s
