"""The realtime tests are pure (no socket, no Qt): frames in, typed records out."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # rt_samples, for the tests of this folder
