"""Realtime parser throughput: H0STCNT0 records per second on one core, frame text → typed records.

    python bench/realtime_parse.py [--runs 7] [--records 60000]

Frames are built like the live server's (47 fields per tick record, 63 per book record),
for 40 symbols with moving prices and volumes, then read with ``parse_frame`` exactly as the
websocket reader will: unbatched (``001``) and batched (``003`` and ``006``; a field report saw up
to 6 records a frame). A book (H0STASP0) and an encrypted notice (H0STCNI0) line are given for
scale. The figure is CPU time of this process (``time.process_time``), so that other programs on
a shared machine do not count against the parser; wall-clock figures are printed beside it.
Target: >= 50,000 H0STCNT0 records/s (median of the runs).
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness

from kisdesk.kis.realtime import NoticeCipher, parse_frame

TARGET = 50_000
SYMBOLS = [f"{i:06d}" for i in range(5930, 5930 + 40)]


def tick_record(rng: random.Random, code: str, n: int) -> list[str]:
    price = 50_000 + 100 * rng.randint(-50, 50)
    change = price - 50_000
    volume = 1_000_000 + 37 * n
    return [
        code, f"09{n // 60 % 60:02d}{n % 60:02d}", str(price), "2" if change >= 0 else "5",
        str(change), f"{change / 500:.2f}", f"{price + 23.83:.2f}", "50000", str(price + 500),
        str(price - 500), str(price + 100), str(price), str(rng.randint(1, 500)), str(volume),
        str(volume * price), "5105", "6937", "1832", f"{rng.uniform(50, 150):.2f}", "1366314",
        "1159996", rng.choice("15"), "0.39", "20.28", "090020", "5", "-200", "090820", "5",
        "-500", "092619", "2", "200", "20261206", "20", "N", "65945", "216924", "1118750",
        "2199206", "0.05", "2424142", "125.92", "0", "", "51000", "2",
    ]  # fmt: skip


def book_record(rng: random.Random, code: str) -> list[str]:
    best = 50_000 + 100 * rng.randint(-50, 50)
    values = [code, "093354", "0"]
    values += [str(best + 100 * i) for i in range(10)] + [
        str(best - 100 * (i + 1)) for i in range(10)
    ]
    values += [str(rng.randint(1, 9999)) for _ in range(20)]
    values += ["55000", "110000", "0", "0", "0", "0", "0", "0", "", "0.00", "3052507", "-300",
               "450", "0", "0", "", str(best - 50), "777", "1", "2"]  # fmt: skip
    return values


def frames_of(records: list[list[str]], per_frame: int, tr_id: str) -> list[str]:
    out = []
    for i in range(0, len(records) - per_frame + 1, per_frame):
        chunk = records[i : i + per_frame]
        out.append(f"0|{tr_id}|{len(chunk):03d}|" + "^".join("^".join(r) for r in chunk))
    return out


def measure(frames: list[str], ciphers: dict | None, runs: int) -> dict[str, Any]:
    """Median records/s over ``runs`` passes (CPU and wall time)."""
    records = sum(len(parse_frame(f, ciphers).records) for f in frames)  # also warms up
    cpu_rates, wall_rates = [], []
    for _ in range(runs):
        gc.collect()
        gc.disable()  # one pass must not pay for another's garbage
        try:
            c0, w0 = time.process_time(), time.perf_counter()
            for text in frames:
                parse_frame(text, ciphers)
            cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        finally:
            gc.enable()
        cpu_rates.append(records / cpu)
        wall_rates.append(records / wall)
    return {
        "records": records,
        "frames": len(frames),
        "cpu_rps": round(harness.median(cpu_rates)),
        "wall_rps": round(harness.median(wall_rates)),
        "cpu_min_rps": round(min(cpu_rates)),
        "cpu_max_rps": round(max(cpu_rates)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="passes per case (median reported)")
    parser.add_argument("--records", type=int, default=60_000, help="tick records per pass")
    args = parser.parse_args()

    rng = random.Random(1234)
    ticks = [tick_record(rng, SYMBOLS[n % len(SYMBOLS)], n) for n in range(args.records)]
    cases: dict[str, tuple[list[str], dict | None]] = {
        f"H0STCNT0 x1 ({len(ticks[0])} fields)": (frames_of(ticks, 1, "H0STCNT0"), None),
        "H0STCNT0 x3 (003 batches)": (frames_of(ticks, 3, "H0STCNT0"), None),
        "H0STCNT0 x6 (006 batches)": (frames_of(ticks, 6, "H0STCNT0"), None),
    }
    books = [book_record(rng, SYMBOLS[n % len(SYMBOLS)]) for n in range(args.records // 4)]
    cases[f"H0STASP0 x1 ({len(books[0])} fields)"] = (frames_of(books, 1, "H0STASP0"), None)
    cipher = NoticeCipher("k" * 32, "i" * 16)
    notice = "hts0001^5012345601^0000012345^^02^0^00^0^005930^7^71800^093355^0^2^2^06010^10^홍길동"
    notice += "^^1^Y^^^^삼성전자^71900"
    notices = [f"1|H0STCNI0|001|{cipher.encrypt(notice)}"] * (args.records // 20)
    cases["H0STCNI0 x1 (AES, 26 fields)"] = (notices, {"H0STCNI0": cipher})

    info = harness.machine()
    print(f"{info.get('cpu', '?')}, {info['cores']} cores, Python {info['python']}")
    print(
        f"{'case':32s} {'records':>8s} {'CPU rec/s':>11s} {'(min..max)':>19s} {'wall rec/s':>11s}"
    )
    results = {}
    for name, (frames, ciphers) in cases.items():
        r = measure(frames, ciphers, args.runs)
        results[name] = r
        span = f"{r['cpu_min_rps']:,}..{r['cpu_max_rps']:,}"
        print(f"{name:32s} {r['records']:8,d} {r['cpu_rps']:11,d} {span:>19s} {r['wall_rps']:11,d}")
    tick_rates = [r["cpu_rps"] for name, r in results.items() if name.startswith("H0STCNT0")]
    worst = min(tick_rates)
    verdict = "met" if worst >= TARGET else "NOT met"
    print(f"H0STCNT0: {worst:,} records/s on one core at worst of x1/x3/x6 (target >= "
          f"{TARGET:,}): {verdict}")  # fmt: skip
    harness.report(
        "realtime_parse",
        {
            "target_rps": TARGET,
            "h0stcnt0_worst_cpu_rps": worst,
            "met": worst >= TARGET,
            "cases": results,
            "runs": args.runs,
        },
    )


if __name__ == "__main__":
    main()
