"""Size of the PyInstaller bundle, if one was built.

    python bench/bundle_size.py    # after scripts/build-bundle (KISDESK_ONEFILE=1: onefile)

Reports the onedir folder (dist/kisdesk: bytes on disk, files, the biggest parts) and the
onefile executable (dist/onefile/kisdesk) when present; says how to build them otherwise.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness

MB = 1024 * 1024


# Parts of the onedir bundle, first match wins (paths relative to dist/kisdesk).
PARTS = (
    ("Qt ICU (libicu*)", "_internal/PySide6/Qt/lib/libicu"),
    ("Qt libraries", "_internal/PySide6/Qt/lib/"),
    ("Qt plugins", "_internal/PySide6/Qt/plugins/"),
    ("Qt translations", "_internal/PySide6/Qt/translations/"),
    ("PySide6 bindings", "_internal/PySide6/"),
    ("numpy OpenBLAS (numpy.libs)", "_internal/numpy.libs/"),
    ("numpy", "_internal/numpy"),
    ("pyqtgraph", "_internal/pyqtgraph/"),
    ("cryptography", "_internal/cryptography"),
    ("kisdesk resources", "_internal/kisdesk/"),
    ("Python stdlib + libpython", "_internal/python3"),
    ("Python stdlib + libpython", "_internal/libpython3"),
    ("Python stdlib + libpython", "_internal/base_library.zip"),
    ("executable (bootloader + PYZ)", "kisdesk"),
)


def _group(rel: str) -> str:
    return next((name for name, prefix in PARTS if rel.startswith(prefix)), "other")


def main() -> int:
    onedir = harness.ROOT / "dist" / "kisdesk"
    onefile = harness.ROOT / "dist" / "onefile" / "kisdesk"
    result: dict[str, object] = {}
    if onedir.is_dir():
        files = [p for p in onedir.rglob("*") if p.is_file() and not p.is_symlink()]
        total = sum(p.stat().st_size for p in files)
        parts: Counter[str] = Counter()
        for p in files:
            rel = p.relative_to(onedir).parts
            key = "/".join(rel[:3]) if rel[0] == "_internal" and len(rel) > 3 else "/".join(rel)
            parts[key] += p.stat().st_size
        groups: Counter[str] = Counter()
        for p in files:
            groups[_group(p.relative_to(onedir).as_posix())] += p.stat().st_size
        result.update(
            onedir_mb=round(total / MB, 1),
            onedir_parts={k: round(v / MB, 1) for k, v in groups.most_common()},
            onedir_files=len(files),
            onedir_biggest={k: round(v / MB, 1) for k, v in parts.most_common(6)},
        )
        print(f"dist/kisdesk (onedir): {total / MB:.1f} MB in {len(files)} files; biggest:")
        for name, size in parts.most_common(6):
            print(f"  {size / MB:7.1f} MB  {name}")
        print("by part:")
        for name, size in groups.most_common():
            print(f"  {size / MB:7.1f} MB  {name}")
    if onefile.is_file():
        result["onefile_mb"] = round(onefile.stat().st_size / MB, 1)
        print(f"dist/onefile/kisdesk (onefile): {result['onefile_mb']} MB")
    if not result:
        print("bundle size: no dist/ here; build it with scripts/build-bundle (onedir) and")
        print("KISDESK_ONEFILE=1 scripts/build-bundle (onefile), then run this again")
        result["built"] = False
    harness.report("bundle_size", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
