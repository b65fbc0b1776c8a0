"""Offscreen screenshots of the order book ladder (호가창) and an order notice toast in Korean and
English from a demo session whose market moves: ``python scripts/ladder_screenshots.py OUT``.

The toasts are windows of their own; the shot paints them over the window where they stand.
For a person to look at (Hangul needs a CJK font: scripts/setup.sh installs fonts-nanum).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication

CODE = "005930"


async def until(predicate, seconds: float = 10) -> None:
    for _ in range(int(seconds * 20)):
        if predicate():
            return
        await asyncio.sleep(0.05)


async def shoot(app: QApplication, out: Path, lang: str) -> None:
    from kisdesk.app.controller import AppController
    from kisdesk.config.settings import open_settings
    from kisdesk.i18n import install_translator
    from kisdesk.ui.fonts import ensure_hangul_font

    ensure_hangul_font(app)
    translator = install_translator(app, lang)
    settings = open_settings()
    settings.setValue("orders/confirm", False)
    settings.setValue("orders/guard_ticks", 0)  # the upper limit is far from the price
    controller = AppController(settings, "demo", demo_options={"ticker_interval": 0.2})
    controller.start()
    window = controller.window
    await asyncio.wait_for(controller.first_load(), 30)
    window.resize(1480, 1000)
    dock = window.orders
    dock.prefill_symbol(CODE)
    await until(lambda: dock.ladder.levels() and dock.panel.quote is not None)
    await asyncio.sleep(3)  # the stream's books arrive
    dock.focus_ladder()
    dock.ladder.current = 7  # the third ask from the best, highlighted
    dock.ladder.update()
    await asyncio.sleep(0.3)
    window.grab().save(str(out / f"ladder-{lang}.png"))
    dock.ladder.grab().save(str(out / f"ladder-only-{lang}.png"))
    # A buy at the upper limit fills at once: an acknowledgement and a fill, two toasts.
    panel = dock.panel
    panel.set_price(panel.quote.upper)
    panel.set_quantity(10)
    await asyncio.sleep(0.3)
    panel.submit_button.click()
    await until(lambda: len(dock.notices.toasts) >= 2)
    await asyncio.sleep(0.3)
    shot = window.grab()
    painter = QPainter(shot)
    origin = window.mapToGlobal(window.rect().topLeft())
    for toast in dock.notices.toasts:
        painter.drawPixmap(toast.pos() - origin, toast.grab())
    painter.end()
    shot.save(str(out / f"toast-{lang}.png"))
    dock.tabs.setCurrentWidget(dock.notices_log)
    await asyncio.sleep(0.2)
    dock.grab().save(str(out / f"notices-{lang}.png"))
    await controller.shutdown()
    window.close()
    if translator is not None:
        app.removeTranslator(translator)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KISDESK_HOME", tempfile.mkdtemp(prefix="kisdesk-shots-"))
    app = QApplication.instance() or QApplication(sys.argv)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, True)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        for lang in ("ko", "en"):
            loop.run_until_complete(shoot(app, out, lang))
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
