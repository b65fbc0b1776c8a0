"""The app collects reference cycles on its GUI thread only, from start-up to exit (issue 13)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Every collection of `kisdesk --smoke` (demo mode: simulator, load, shutdown), with the thread
# that started it and whether automatic collection was on at that moment.
SMOKE = """
import gc, json, sys, threading
seen = []
def watch(phase, info):
    if phase == "start":
        seen.append((threading.current_thread().name, gc.isenabled()))
gc.callbacks.append(watch)
from kisdesk.app.main import run
code = run(["--smoke"])
gc.callbacks.remove(watch)
print(json.dumps({"code": code, "seen": seen, "enabled_after": gc.isenabled()}))
"""


def test_smoke_run_collects_on_the_gui_thread_only(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KISDESK_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", SMOKE], capture_output=True, text=True, env=env, timeout=90
    )
    assert done.returncode == 0, done.stderr[-4000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    threads = {name for name, _ in result["seen"]}
    assert threads == {"MainThread"}, result["seen"]
    # While the app ran, automatic collection was off and the GUI thread's timer collected.
    assert any(not enabled for _, enabled in result["seen"]), result["seen"]
    assert result["enabled_after"] is True
