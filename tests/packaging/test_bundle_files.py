"""Packaging metadata that CI's Linux bundle run cannot exercise: the desktop entry and the
Windows version resource template."""

from __future__ import annotations

import configparser
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def test_desktop_entry_names_the_shipped_executable_and_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive, e.g. Comment[ko]
    parser.read(PACKAGING / "linux" / "kisdesk.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "kisdesk"  # install.sh rewrites it to the installed path
    assert entry["Terminal"] == "false"
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.svg").is_file()
    assert entry["StartupWMClass"] == "kisdesk"
    assert entry["Categories"].endswith(";")
    assert "Comment[ko]" in entry


class _Recorder:
    """Stands in for PyInstaller's versioninfo classes (which need pefile, Windows only)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, *args: object, **kwargs: object) -> tuple:
        return (self.name, args, kwargs)


def test_windows_version_template_fills_and_evaluates() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    text = (PACKAGING / "windows" / "version_info.txt.in").read_text(encoding="utf-8")
    # The same substitution packaging/kisdesk.spec does.
    filled = (
        text.replace("@VERSION_TUPLE@", repr((0, 1, 0, 0)))
        .replace("@VERSION@", project["version"])
        .replace("@DESCRIPTION@", project["description"].replace("'", ""))
    )
    assert "@" not in filled.replace("'", "")
    names = [
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ]
    tree = eval(filled, {name: _Recorder(name) for name in names})
    strings = {s[1][0]: s[1][1] for s in tree[2]["kids"][0][1][0][0][1][1]}
    assert strings["ProductVersion"] == project["version"]
    assert strings["OriginalFilename"] == "kisdesk.exe"
