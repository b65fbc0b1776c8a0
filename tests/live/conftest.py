"""The whole app on a demo session with a still simulated market (tests/hub's fixtures, loaded
from there so both folders start the app the same way)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_HUB = Path(__file__).parent.parent / "hub" / "conftest.py"
_spec = importlib.util.spec_from_file_location("hub_fixtures", _HUB)
assert _spec is not None and _spec.loader is not None
hub_fixtures = importlib.util.module_from_spec(_spec)
sys.modules["hub_fixtures"] = hub_fixtures
_spec.loader.exec_module(hub_fixtures)

start_app = hub_fixtures.start_app
hub_home = hub_fixtures.hub_home
