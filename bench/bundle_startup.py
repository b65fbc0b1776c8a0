"""Start-up time of the PyInstaller bundle against the source checkout, with `kisdesk --smoke`.

    python bench/bundle_startup.py [-n 5]      # after scripts/build-bundle (and the onefile build)

Each run is a new process (interpreter or bootloader start, imports, Qt, the demo simulator,
the first holdings load, clean shutdown), offscreen, with its own empty KISDESK_HOME. Variants
are interleaved so background load hits them alike. The OS file cache is not dropped (that
needs root and disturbs the machine), so "cold" means a fresh process, not a cold disk.
Prints the median, min and max wall time per variant, and the app's own time to first data.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOADED = re.compile(r"kisdesk smoke: ok .* in (\d+\.\d+)s")


def variants(python: str) -> dict[str, list[str]]:
    found = {"source": [python, "-m", "kisdesk", "--smoke"]}
    onedir = ROOT / "dist" / "kisdesk" / "kisdesk"
    onefile = ROOT / "dist" / "onefile" / "kisdesk"
    if onedir.is_file():
        found["bundle onedir"] = [str(onedir), "--smoke"]
    if onefile.is_file():
        found["bundle onefile"] = [str(onefile), "--smoke"]
    return found


def run_once(cmd: list[str], timeout: float) -> tuple[float, float | None]:
    with tempfile.TemporaryDirectory(prefix="kisdesk-bench-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KISDESK_HOME": home}
        started = time.perf_counter()
        proc = subprocess.run(
            cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT
        )
        wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    match = LOADED.search(proc.stdout)
    return wall, float(match.group(1)) if match else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5, help="runs per variant (default 5)")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the source run")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()

    cmds = variants(args.python)
    if len(cmds) == 1:
        print("bench: no bundle in dist/; run scripts/build-bundle first", file=sys.stderr)
    walls: dict[str, list[float]] = {name: [] for name in cmds}
    loads: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(args.n):
        for name, cmd in cmds.items():
            wall, load = run_once(cmd, args.timeout)
            walls[name].append(wall)
            if load is not None:
                loads[name].append(load)

    print(f"kisdesk --smoke, {args.n} runs each, wall time of the whole process (seconds)")
    print(f"{'variant':<16} {'median':>7} {'min':>7} {'max':>7}  first data (app's own)")
    for name in cmds:
        w = walls[name]
        first = f"{statistics.median(loads[name]):.2f}" if loads[name] else "-"
        print(f"{name:<16} {statistics.median(w):7.2f} {min(w):7.2f} {max(w):7.2f}  {first}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
