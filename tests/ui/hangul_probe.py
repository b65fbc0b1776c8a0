"""Run in a child process by test_hangul_font.py (a fresh Qt, a fontconfig of the test's
choosing): start kisdesk as ``python -m kisdesk`` does, with ``--screenshot``, then report on
one line of JSON whether the window's font draws Hangul. ``bare`` reports on a plain
QApplication instead (what the machine offers without kisdesk's start-up)."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication

SAMPLE = "국내잔고해외순위매수도한글"
NO_GLYPH = "\U0010fffd"  # a private-use code point no font draws: what a missing glyph looks like


def render(font: QFont, text: str) -> bytes:
    image = QImage(48 * len(text), 48, QImage.Format.Format_Grayscale8)
    image.fill(255)
    painter = QPainter(image)
    painter.setFont(font)
    painter.drawText(QRect(0, 0, image.width(), 48), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return bytes(image.constBits())


def report(font: QFont) -> dict[str, object]:
    metrics = QFontMetrics(font)
    blank = render(font, " ")
    tofu = render(font, NO_GLYPH)
    glyphs = {ch: render(font, ch) for ch in SAMPLE}
    return {
        "families": font.families() or [font.family()],
        "covered": [ch for ch in SAMPLE if metrics.inFontUcs4(ord(ch))],
        "inked": [ch for ch, g in glyphs.items() if g != blank],
        "not_tofu": [ch for ch, g in glyphs.items() if g != tofu],
        "distinct": len(set(glyphs.values())),
    }


def main(mode: str, shot: str) -> int:
    if mode == "bare":
        app = QApplication([])
        print(json.dumps(report(app.font())))
        return 0
    from kisdesk.app.main import run

    rc = run(["--env", "demo", "--lang", "ko", "--screenshot", shot])
    app = QApplication.instance()
    windows = [w for w in app.topLevelWidgets() if w.objectName() == "MainWindow"]
    out = report(windows[0].font() if windows else app.font())
    out.update(rc=rc, window=bool(windows))
    if windows:
        out["tabs"] = [windows[0].tabs.tabText(i) for i in range(3)]
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""))
