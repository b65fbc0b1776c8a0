"""A Korean font for machines that have none.

A Linux desktop (or the bundle on one) may have only Latin fonts: every Korean label would then
be drawn as empty boxes. kisdesk ships NanumGothic (SIL OFL 1.1, resources/fonts/OFL.txt) and
registers it at start-up only when nothing installed renders Hangul, so an installed Korean
font is always preferred.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from kisdesk.resources_path import resource_dir

log = logging.getLogger(__name__)

FONT_FILES = ("NanumGothic.ttf",)  # regular only: Qt emboldens it where a style asks for bold
# Syllables from the labels the window shows at once (tabs, side, order types).
HANGUL_SAMPLE = "한글국내잔고해외순위매수도지정가시장"


def covers_hangul(font: QFont) -> bool:
    """True when ``font`` draws every sample syllable, itself or through a fallback font."""
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in HANGUL_SAMPLE)


def ensure_hangul_font(app: QApplication) -> str | None:
    """Register the shipped Korean font and put it behind the application font, when the
    application font cannot draw Hangul. Returns the family added, or None when none was."""
    if covers_hangul(app.font()):
        return None
    added: list[str] = []
    for name in FONT_FILES:
        path = resource_dir() / "fonts" / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("cannot load the Korean font %s", path)
            continue
        added += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in added]
    if not added:
        return None
    font = app.font()
    # After the user's family, not instead of it: Latin text keeps the desktop's font.
    font.setFamilies([*(font.families() or [font.family()]), *added])
    app.setFont(font)
    log.info("no installed font renders Hangul: using the shipped %s", ", ".join(added))
    return added[0]
