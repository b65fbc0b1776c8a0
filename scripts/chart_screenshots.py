"""Offscreen screenshots of the chart (daily and 1-minute) and the allocation view, in Korean
and English, from a demo session: ``python scripts/chart_screenshots.py OUT_DIR``.

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
    from kisdesk.services.charts import Period
    from kisdesk.ui.fonts import ensure_hangul_font

    ensure_hangul_font(app)
    translator = install_translator(app, lang)
    controller = AppController(open_settings(), "demo", demo_options={"ticker_interval": None})
    controller.start()
    window = controller.window
    await asyncio.wait_for(controller.first_load(), 30)
    window.resize(1480, 980)
    window.orders.prefill_symbol("005930")
    chart = window.chart
    window.focus_chart()
    for period, name in ((Period.DAY, "daily"), (Period.M1, "minute")):
        chart.set_period(period)
        for _ in range(200):
            await asyncio.sleep(0.05)
            view = chart.view
            if view is not None and view.bars and chart.symbol and chart.service.idle:
                break
        await asyncio.sleep(0.3)
        view = chart.view
        assert view is not None
        view.zoom(0.9)
        await asyncio.sleep(0.1)
        window.grab().save(str(out / f"chart-{name}-{lang}.png"))
        chart.grab().save(str(out / f"chart-{name}-{lang}-dock.png"))
    window.tabs.setCurrentWidget(window.allocation)
    window.overseas.refresh()
    for _ in range(200):
        await asyncio.sleep(0.05)
        if window.overseas.table.model.rowCount() > 0:
            break
    await asyncio.sleep(0.3)
    window.allocation.setFocus()
    window.grab().save(str(out / f"allocation-{lang}.png"))
    await controller.shutdown()
    window.close()
    if translator is not None:
        app.removeTranslator(translator)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KISDESK_HOME", tempfile.mkdtemp(prefix="kisdesk-shots-"))
    from kisdesk.qtcompat import pin_bools

    app = QApplication.instance() or QApplication(sys.argv)
    pin_bools()  # as the app's start-up: every emit is a plain .emit()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        for lang in ("ko", "en"):
            loop.run_until_complete(shoot(app, out, lang))
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
