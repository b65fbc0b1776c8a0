"""Offscreen screenshots of the overseas order panel in review (a US limit buy on the demo
account), in Korean and English: ``python scripts/overseas_screenshots.py OUT_DIR``.

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
from PySide6.QtWidgets import QApplication


async def _until(predicate, seconds: float = 15) -> None:
    for _ in range(int(seconds / 0.05)):
        if predicate():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError("the demo never got there")


async def shoot(app: QApplication, out: Path, lang: str) -> None:
    from kisdesk.app.controller import AppController
    from kisdesk.config.settings import open_settings
    from kisdesk.i18n import install_translator
    from kisdesk.ui.fonts import ensure_hangul_font

    ensure_hangul_font(app)
    translator = install_translator(app, lang)
    controller = AppController(open_settings(), "demo", demo_options={"ticker_interval": None})
    controller.start()
    window = controller.window
    await asyncio.wait_for(controller.first_load(), 30)
    window.resize(1480, 980)
    dock = window.orders
    symbol = dock.panel.symbols.get_overseas("NASD", "AAPL")
    dock._take_symbol(symbol)  # what Enter on the search's suggestion does
    panel = dock.ovs_panel
    await _until(lambda: panel.quote is not None and panel.ticket.idle)
    await _until(lambda: panel.ovs_ticket.buying_power is not None)
    panel.set_side(panel.side)
    panel.set_quantity(12)
    panel.step_price(-2)
    await asyncio.sleep(0.3)
    window.grab().save(str(out / f"overseas-panel-{lang}.png"))
    panel.review()
    await _until(lambda: panel.dialog is not None)
    await asyncio.sleep(0.4)
    panel.dialog.grab().save(str(out / f"overseas-review-{lang}.png"))
    window.grab().save(str(out / f"overseas-window-{lang}.png"))
    panel.dialog.reject()
    await asyncio.sleep(0.1)
    await controller.shutdown()
    window.close()
    if translator is not None:
        app.removeTranslator(translator)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KISDESK_HOME", tempfile.mkdtemp(prefix="kisdesk-shots-"))
    app = QApplication.instance() or QApplication([])
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, True)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        for lang in ("ko", "en"):
            loop.run_until_complete(shoot(app, out, lang))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
