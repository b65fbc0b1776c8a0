"""Issue 13 §5: on a machine with no Korean font, kisdesk brings its own (NanumGothic) and every
Hangul label is drawn; where a Korean font is installed, that one is used. Each case runs the
app's real start-up (``--screenshot``) in a child process whose fontconfig sees only the fonts
the test chooses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("hangul_probe.py")
SHIPPED = ROOT / "resources" / "fonts" / "NanumGothic.ttf"
SAMPLE = list("국내잔고해외순위매수도한글")  # hangul_probe.SAMPLE


def probe(tmp_path: Path, mode: str, font_dirs: tuple[Path, ...] = ()) -> dict:
    """Run hangul_probe.py under a fontconfig that knows only ``font_dirs``."""
    dirs = "".join(f"<dir>{d}</dir>" for d in font_dirs)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig>{dirs}<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(conf),
        "QT_QPA_PLATFORM": "offscreen",
        "KISDESK_HOME": str(tmp_path / "home"),
    }
    env.pop("FONTCONFIG_PATH", None)
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, str(PROBE), mode, str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if mode == "app":
        assert result["rc"] == 0, proc.stderr[-3000:]
        assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    return result


def test_without_a_korean_font_the_shipped_one_draws_every_label(tmp_path):
    bare = probe(tmp_path, "bare")
    # The premise: this fontconfig offers nothing that draws Hangul (boxes or nothing at all).
    assert bare["covered"] == [] and bare["not_tofu"] == []

    app = probe(tmp_path, "app")
    assert app["window"] and app["tabs"] == ["국내잔고", "해외잔고", "순위"]
    assert app["covered"] == SAMPLE  # QFontMetrics.inFontUcs4 on the window's font
    assert app["inked"] == SAMPLE  # something is drawn …
    assert app["not_tofu"] == SAMPLE  # … and it is not the missing-glyph box
    assert app["distinct"] == len(SAMPLE)  # every syllable its own glyph
    assert "NanumGothic" in app["families"]


def test_an_installed_korean_font_is_preferred(tmp_path):
    installed = tmp_path / "installed-fonts"
    installed.mkdir()
    shutil.copy(SHIPPED, installed / "SomeKoreanFont.ttf")
    app = probe(tmp_path, "app", (installed,))
    assert len(app["families"]) == 1  # nothing added behind the desktop's font
    assert app["covered"] == app["not_tofu"] == SAMPLE
