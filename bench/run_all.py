"""Run every kisdesk benchmark and print one table (medians; ratios taken within each run).

    .venv/bin/python bench/run_all.py            # all benches, ~4 minutes on 2 cores
    .venv/bin/python bench/run_all.py --quick    # fewer runs, a smoke check (~1.5 minutes)
    .venv/bin/python bench/run_all.py --write    # ... and record the table in bench/RESULTS.md
    .venv/bin/python bench/run_all.py --soak 10  # ... plus the 10-minute soak

Each bench is its own process (start-up and memory need fresh ones) and prints a last line
``BENCH {json}``; order_latency.py and bundle_startup.py (other owners) are parsed from their
text. A bench that fails is reported as such and the others still run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "RESULTS.md"
START, END = "<!-- run_all:start -->", "<!-- run_all:end -->"
ORDER_LINE = re.compile(r"p50 ([\d.]+) ms, p99 ([\d.]+) ms")
BUNDLE_LINE = re.compile(r"^(bundle onedir|bundle onefile|source)\s+([\d.]+)", re.M)

Row = tuple[str, str, str, str]  # benchmark, measured, target, verdict


def run(script: str, args: list[str], timeout: float) -> tuple[dict[str, Any] | None, str]:
    """Run one bench; (its BENCH json or None, its stdout)."""
    cmd = [sys.executable, str(BENCH / script), *args]
    print(f"\n$ {' '.join(cmd[1:])}", flush=True)
    started = time.monotonic()
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=timeout, cwd=harness.ROOT
        )
    except subprocess.TimeoutExpired:
        print(f"  timed out after {timeout:.0f} s")
        return None, ""
    out = proc.stdout
    for line in out.splitlines():
        if not line.startswith(harness.BENCH_PREFIX):
            print("  " + line)
    print(f"  ({time.monotonic() - started:.0f} s, exit {proc.returncode})", flush=True)
    if proc.returncode != 0:
        print("  " + "\n  ".join(proc.stderr.strip().splitlines()[-8:]))
    found = [x for x in out.splitlines() if x.startswith(harness.BENCH_PREFIX)]
    return (json.loads(found[-1][len(harness.BENCH_PREFIX) :]) if found else None), out


def verdict(met: bool | None) -> str:
    return "n/a" if met is None else ("met" if met else "MISSED")


def startup(quick: bool) -> list[Row]:
    r, _ = run("startup.py", ["--runs", "3" if quick else "7"], 600)
    if r is None:
        return [("1. cold start (demo)", "failed", "-", "n/a")]
    return [
        (
            "1. cold start: first painted window",
            f"{r['window_painted_ms']:.0f} ms ({r['window_ratio_to_bare']}x a bare PySide6 "
            f"window, {r['bare_qt_window_ms']:.0f} ms)",
            "-",
            "n/a",
        ),
        (
            "1. cold start: holdings table painted",
            f"{r['table_painted_ms']:.0f} ms",
            "-",
            "n/a",
        ),
    ]


def refresh(quick: bool) -> list[Row]:
    r, _ = run("refresh.py", ["--runs", "3" if quick else "5"], 600)
    if r is None:
        return [("2. full refresh, large account", "failed", "<= 1.10x floor", "n/a")]
    return [
        (
            "2. full refresh, large account (cold)",
            f"{r['cold_wall_s']:.3f} s for {r['calls_per_refresh']} calls = "
            f"{r['cold_ratio']}x calls/20; EGW00201 {r['egw00201']}",
            "<= 1.10x, 0 errors",
            verdict(r["cold_ratio"] <= 1.10 and r["egw00201"] == 0),
        ),
        (
            f"2. full refresh x{r['burst']} back to back",
            f"{r['sustained_wall_s']:.2f} s for {r['sustained_calls']} calls = "
            f"{r['sustained_ratio']}x calls/20 ({r['sustained_steady_ratio']}x (calls-20)/20); "
            f"EGW00201 {r['egw00201']}",
            "<= 1.10x, 0 errors",
            verdict(r["sustained_ratio"] <= 1.10 and r["egw00201"] == 0),
        ),
    ]


def gui(quick: bool) -> list[Row]:
    args = ["--runs", "1", "--seconds", "5"] if quick else ["--runs", "3", "--seconds", "10"]
    r, _ = run("gui_updates.py", args, 600)
    if r is None:
        return [("3. GUI, 2,000 rows x 500 updates/s", "failed", "p99 <= 16 ms", "n/a")]
    return [
        (
            "3. GUI, 2,000 rows x 500 updates/s",
            f"lag p50 {r['lag_p50_ms']} ms, p99 {r['lag_p99_ms']} ms (idle p99 "
            f"{r['idle_p99_ms']}); {r['repaints_per_s']} repaints/s; CPU {r['cpu_percent']}%",
            "p99 <= 16 ms",
            verdict(r["lag_p99_ms"] <= 16.0),
        ),
        (
            "3. ... same, sorted by change %",
            f"lag p50 {r['sorted_lag_p50_ms']} ms, p99 {r['sorted_lag_p99_ms']} ms; "
            f"{r['sorted_repaints_per_s']} repaints/s",
            "(p99 <= 16 ms)",
            verdict(r["sorted_lag_p99_ms"] <= 16.0),
        ),
    ]


def realtime_gui(quick: bool) -> list[Row]:
    args = ["--runs", "1", "--seconds", "5"] if quick else ["--runs", "3", "--seconds", "10"]
    r, _ = run("realtime_gui.py", args, 900)
    name = "7. realtime: 41 registrations x 30 trades/s"
    if r is None:
        return [(name, "failed", "p99 <= 16 ms, CPU <= 25%", "n/a")]
    rows: list[Row] = []
    for mode, label in (("child", "simulator in a child process (demo)"), ("inproc", "in-process")):
        m = r.get(mode)
        if m is None:
            continue
        sim_cpu = f", simulator {m['sim_cpu_percent']}%" if m.get("sim_cpu_percent") else ""
        rows.append(
            (
                f"{name}, {label}",
                f"frame->painted p50 {m['latency_p50_ms']} ms, p99 {m['latency_p99_ms']} ms; "
                f"loop lag p99 {m['lag_p99_ms']} ms (idle {m['idle_lag_p99_ms']}); app CPU "
                f"{m['cpu_percent']}%{sim_cpu}; start-up {m['startup_ms']:.0f} ms",
                "p99 <= 16 ms, lag p99 <= 16 ms, CPU <= 25%",
                verdict(
                    m["latency_p99_ms"] <= 16 and m["lag_p99_ms"] <= 16 and m["cpu_percent"] <= 25
                ),
            )
        )
    return rows


def order_latency(quick: bool) -> list[Row]:
    if not (BENCH / "order_latency.py").is_file():
        return [("4. Enter -> order POST", "bench/order_latency.py missing", "p50 <= 20 ms", "n/a")]
    _, out = run("order_latency.py", ["--orders", "20" if quick else "50"], 600)
    m = ORDER_LINE.search(out)
    if m is None:
        return [("4. Enter -> order POST", "failed", "p50 <= 20 ms", "n/a")]
    p50, p99 = float(m.group(1)), float(m.group(2))
    return [
        (
            "4. Enter -> order POST",
            f"p50 {p50} ms, p99 {p99} ms",
            "p50 <= 20 ms",
            verdict(p50 <= 20),
        )
    ]


def memory(quick: bool) -> list[Row]:
    r, _ = run("memory.py", ["--runs", "1" if quick else "3"], 900)
    if r is None:
        return [("5. RSS, large account + 2,000 rows", "failed", "<= 200 MB", "n/a")]
    return [
        (
            "5. RSS, large account + 2,000 rows",
            f"{r['demo_rows_2000_mb']} MB demo (simulator inside); "
            f"{r['external_rows_2000_mb']} MB with the simulator outside",
            "<= 200 MB",
            verdict(r["demo_rows_2000_mb"] <= 200),
        )
    ]


def bundle(quick: bool) -> list[Row]:
    r, _ = run("bundle_size.py", [], 120)
    rows: list[Row] = []
    if r is None or r.get("built") is False:
        return [("6. bundle size", "no dist/ (run scripts/build-bundle)", "-", "n/a")]
    size = f"onedir {r.get('onedir_mb', '-')} MB ({r.get('onedir_files', '-')} files)"
    if "onefile_mb" in r:
        size += f"; onefile {r['onefile_mb']} MB"
    rows.append(("6. bundle size", size, "-", "n/a"))
    if (BENCH / "bundle_startup.py").is_file():
        _, out = run("bundle_startup.py", ["-n", "3" if quick else "5"], 900)
        found = {name: float(sec) for name, sec in BUNDLE_LINE.findall(out)}
        if found:
            text = ", ".join(f"{k} {v:.2f} s" for k, v in found.items())
            rows.append(("6. --smoke wall time (bundle_startup.py)", text, "-", "n/a"))
    return rows


def soak(minutes: float) -> list[Row]:
    r, _ = run("soak.py", ["--minutes", str(minutes)], minutes * 60 + 300)
    if r is None:
        return [(f"soak {minutes:g} min", "failed", "0 EGW00201, 1 token, 0 errors", "n/a")]
    return [
        (
            f"soak {minutes:g} min at the real limit",
            f"{r['calls']} calls ({r['calls_per_s']}/s of {r['limit_per_s']}), EGW00201 "
            f"{r['egw00201']}, tokens {r['tokens_issued_total']}, warnings/errors "
            f"{r['warnings_logged']}, orders {r['orders_sent']}/{r['orders_booked']} booked, "
            f"lag p99 {r['lag_p99_ms']} ms, RSS {r['rss_start_mb']}->{r['rss_end_mb']} MB",
            "0 EGW00201, 1 token, 0 errors",
            verdict(r["met"]),
        )
    ]


def table(rows: list[Row]) -> str:
    head = ("benchmark", "measured", "target", "result")
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def write_results(text: str) -> None:
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else f"{START}\n{END}\n"
    if START not in current or END not in current:
        current += f"\n{START}\n{END}\n"
    before, rest = current.split(START, 1)
    _, after = rest.split(END, 1)
    RESULTS.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")
    print(f"\nwritten to {RESULTS.relative_to(harness.ROOT)}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (a smoke check)")
    parser.add_argument("--write", action="store_true", help="record in bench/RESULTS.md")
    parser.add_argument("--soak", type=float, default=0, metavar="MIN", help="add a soak")
    parser.add_argument(
        "--only",
        nargs="*",
        default=None,
        help="startup refresh gui order memory bundle realtime",
    )
    args = parser.parse_args(argv)
    benches: dict[str, Callable[[bool], list[Row]]] = {
        "startup": startup,
        "refresh": refresh,
        "gui": gui,
        "order": order_latency,
        "memory": memory,
        "bundle": bundle,
        "realtime": realtime_gui,
    }
    rows: list[Row] = []
    for name, bench in benches.items():
        if args.only is None or name in args.only:
            rows.extend(bench(args.quick))
    if args.soak:
        rows.extend(soak(args.soak))
    m = harness.machine()
    header = (
        f"{dt.date.today().isoformat()}, {m['cores']} cores ({m.get('cpu', '?')}), "
        f"Python {m['python']}, PySide6 {m.get('pyside6', '?')}, {m['system']}"
        + (", --quick" if args.quick else "")
    )
    text = f"Run of {header}:\n\n{table(rows)}"
    print("\n" + text)
    if args.write:
        write_results(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
