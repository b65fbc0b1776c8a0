"""Offscreen screenshots of the watchlist (관심종목) in Korean and English from a demo session
whose market moves: ``python scripts/live_screenshots.py OUT_DIR``.

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
from PySide6.QtWidgets import QApplication


async def shoot(app: QApplication, out: Path, lang: str) -> None:
    from kisdesk.app.controller import AppController
    from kisdesk.config.settings import open_settings
    from kisdesk.i18n import install_translator
    from kisdesk.ui.fonts import ensure_hangul_font

    ensure_hangul_font(app)
    translator = install_translator(app, lang)
    controller = AppController(open_settings(), "demo", demo_options={"ticker_interval": 0.2})
    controller.start()
    window = controller.window
    await asyncio.wait_for(controller.first_load(), 30)
    window.resize(1480, 900)
    wl = window.watchlist
    window.tabs.setCurrentWidget(wl)
    if not wl.groups:
        wl.import_hts_groups()
        for _ in range(100):
            await asyncio.sleep(0.05)
            if wl.groups:
                break
        sim = controller.session.sim
        codes = [q.code for q in list(sim.world.market.all_domestic())[:60]]
        wl.add_group("60" if lang == "en" else "예제 60", codes)
    wl.group_list.setCurrentRow(len(wl.groups) - 1)
    await asyncio.sleep(6)  # streamed and polled values arrive, some prices flash
    window.grab().save(str(out / f"watchlist-{lang}.png"))
    wl.group_list.setCurrentRow(0)
    await asyncio.sleep(3)
    window.grab().save(str(out / f"watchlist-hts-{lang}.png"))
    await controller.shutdown()
    window.close()
    if translator is not None:
        app.removeTranslator(translator)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KISDESK_HOME", tempfile.mkdtemp(prefix="kisdesk-shots-"))
    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        for lang in ("ko", "en"):
            loop.run_until_complete(shoot(app, out, lang))
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
