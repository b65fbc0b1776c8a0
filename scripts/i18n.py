#!/usr/bin/env python3
"""Translations: extract tr()/translate() strings into resources/i18n/*.ts and compile .qm files.

    python scripts/i18n.py update    # lupdate: add new source strings, keep existing translations
    python scripts/i18n.py release   # lrelease: .ts -> .qm (shipped in resources/i18n)

Edit resources/i18n/kisdesk_ko.ts with Qt Linguist (pyside6-linguist) or any text editor.
English is the source language; kisdesk_en.ts exists so English has a catalogue of its own
(plural forms, and a place for wording fixes without touching code).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("ko", "en")


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(exe) if exe.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found (install PySide6-Essentials)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "kisdesk").rglob("*.py"))


def update(target_dir: Path = I18N) -> list[Path]:
    target_dir.mkdir(parents=True, exist_ok=True)
    out = []
    for lang in LANGUAGES:
        ts = target_dir / f"kisdesk_{lang}.ts"
        cmd = [
            _tool("lupdate"),
            *sources(),
            "-source-language",
            "en",
            "-target-language",
            lang,
            "-no-obsolete",
            "-ts",
            str(ts),
        ]
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        out.append(ts)
    return out


def release() -> None:
    for lang in LANGUAGES:
        ts = I18N / f"kisdesk_{lang}.ts"
        subprocess.run(
            [_tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
            capture_output=True,
        )


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "release":
        release()
    else:
        raise SystemExit(__doc__)
