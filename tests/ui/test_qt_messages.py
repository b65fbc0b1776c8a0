"""Issue 13 §6: the offscreen platform's "does not support propagateSizeHints()" warning, printed
each time a window is shown, is silenced; every other Qt message still reaches stderr."""

from __future__ import annotations

import os
import subprocess
import sys


def test_screenshot_run_drops_only_the_size_hints_warning(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KISDESK_HOME": str(tmp_path / "home"),
        # Another Qt warning, from QApplication's own start-up: it must still be printed.
        "QT_STYLE_OVERRIDE": "no-such-style",
    }
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, "-m", "kisdesk", "--env", "demo", "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert shot.is_file()
    assert "propagateSizeHints" not in proc.stderr
    assert "invalid style override 'no-such-style'" in proc.stderr
