"""Demo's simulator in a child process (``python -m kisdesk.sim``), so its market, matching and
websocket feed run on another core instead of the GUI thread (bench/realtime_gui.py measured
the in-process simulator taking a quarter to a third of the GUI loop's time under a busy feed).

The child prints one JSON line (base_url, ws_url, keys, accounts, HTS ids) and serves until
SIGTERM. The line is read on a short-lived thread, never on the GUI loop. On Linux the child
also gets SIGTERM if the app dies without stopping it (PR_SET_PDEATHSIG); elsewhere an app
killed outright may leave it running until the user ends it.

A frozen app (PyInstaller) has no ``python -m``: it keeps the simulator in-process.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import subprocess
import sys
import threading
from typing import Any

log = logging.getLogger(__name__)

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 5.0


def available() -> bool:
    """Whether this Python can start ``python -m kisdesk.sim`` (not in a frozen bundle)."""
    return not getattr(sys, "frozen", False)


# Linux: the child asks for SIGTERM when its parent dies (prctl PR_SET_PDEATHSIG, kept across
# exec), then runs the simulator. Done in the child itself: a preexec_fn is unsafe in a
# process with threads (Qt has some).
_LINUX_BOOT = (
    "import ctypes, os, runpy, signal, sys\n"
    "parent = int(sys.argv[1])\n"
    "ctypes.CDLL(None).prctl(1, signal.SIGTERM)\n"
    "if os.getppid() != parent: sys.exit(0)\n"
    "sys.argv = ['kisdesk.sim', *sys.argv[2:]]\n"
    "runpy.run_module('kisdesk.sim', run_name='__main__', alter_sys=True)\n"
)


class SimProcess:
    """A running ``python -m kisdesk.sim``: what its start line said, and how to stop it."""

    def __init__(self, proc: subprocess.Popen[str], info: dict[str, Any]) -> None:
        self.proc = proc
        self.info = info
        self.base_url: str = info["base_url"]
        self.ws_url: str = info["ws_url"]
        self.appkey: str = info["appkey"]
        self.appsecret: str = info["appsecret"]
        self.accounts: dict[str, str] = info["accounts"]
        self.hts_ids: dict[str, str] = info["hts_ids"]

    @property
    def pid(self) -> int:
        return self.proc.pid

    async def stop(self) -> None:
        """SIGTERM (the simulator stops cleanly), then wait without blocking the loop."""
        proc = self.proc
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                proc.terminate()
            loop = asyncio.get_running_loop()
            end = loop.time() + STOP_TIMEOUT_S
            while proc.poll() is None and loop.time() < end:
                await asyncio.sleep(0.02)
            if proc.poll() is None:
                log.warning("demo simulator did not stop: killing it")
                proc.kill()
        if proc.stdout is not None:
            proc.stdout.close()


async def start_sim_process(
    *, seed: int, ticker_interval: float | None, profile: str = "real"
) -> SimProcess:
    """Start the child and wait (off the loop) for its start line."""
    options = ["--profile", profile, "--seed", str(seed)]
    options += ["--ticker", str(ticker_interval)] if ticker_interval else ["--frozen"]
    if sys.platform.startswith("linux"):
        args = [sys.executable, "-c", _LINUX_BOOT, str(os.getpid()), *options]
    else:
        args = [sys.executable, "-m", "kisdesk.sim", *options]
    proc = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True, encoding="utf-8"
    )
    loop = asyncio.get_running_loop()
    line: asyncio.Future[str] = loop.create_future()

    def read() -> None:
        assert proc.stdout is not None
        try:
            text = proc.stdout.readline()
        except Exception as exc:  # a closed pipe
            text = ""
            log.warning("demo simulator start line: %s", exc)
        loop.call_soon_threadsafe(lambda: line.done() or line.set_result(text))

    threading.Thread(target=read, name="kisdesk-demo-sim-start", daemon=True).start()
    try:
        text = await asyncio.wait_for(line, START_TIMEOUT_S)
        info = json.loads(text)
    except (TimeoutError, ValueError) as exc:
        proc.kill()
        raise RuntimeError(f"the demo simulator did not start ({exc or 'no start line'})") from None
    log.info("demo simulator started in process %d on %s", proc.pid, info.get("base_url"))
    return SimProcess(proc, info)
