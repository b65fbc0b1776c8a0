"""Application start: arguments, Qt + qasync loop, the controller that ties window and session."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger("kisdesk.app")


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="kisdesk", description="KIS Open API trading terminal")
    p.add_argument(
        "--env",
        choices=("demo", "paper", "real"),
        default=None,
        help="environment to open (default: the last one used, else demo)",
    )
    p.add_argument("--lang", choices=("ko", "en"), default=None, help="user-interface language")
    p.add_argument(
        "--screenshot",
        metavar="PATH",
        type=Path,
        help="load, render the window with data, save a PNG and exit",
    )
    p.add_argument(
        "--smoke",
        action="store_true",
        help="start in demo mode, load the holdings, print a summary line and exit",
    )
    p.add_argument("--seed", type=int, default=None, help=argparse.SUPPRESS)
    # Demo's simulator on the app's own loop, as before it ran in a child process (benches).
    p.add_argument("--sim-in-process", action="store_true", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def run(argv: list[str]) -> int:
    args = parse_args(argv)
    if (args.smoke or args.screenshot) and sys.platform.startswith("linux"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.smoke:
        args.env = "demo"

    from kisdesk.config.logs import setup_logging

    setup_logging()

    import qasync  # after PySide6, so qasync binds to it
    from PySide6.QtWidgets import QApplication

    from kisdesk.models.gui_gc import install_gui_gc, uninstall_gui_gc
    from kisdesk.models.qtfix import pin_bools

    pin_bools()  # PySide6 6.12 on CPython 3.11 leaks a reference to True on every emit()

    from kisdesk.ui.qt_messages import install_message_filter

    install_message_filter()  # drops offscreen's propagateSizeHints() noise, nothing else
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("kisdesk")
    app.setOrganizationName("kisdesk")
    app.setQuitOnLastWindowClosed(False)  # quitting goes through the controller's clean shutdown
    app.setDesktopFileName("kisdesk")  # Wayland matches the window to kisdesk.desktop
    app.setWindowIcon(_app_icon())
    from kisdesk.ui.fonts import ensure_hangul_font

    ensure_hangul_font(app)  # before any widget exists: a machine without a Korean font

    # Cycles are collected on this (the GUI) thread only, so no other thread (the keyring's)
    # ever destroys a Qt object; stopped once the loop is closed and only this thread is busy.
    install_gui_gc()
    try:
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            return runner.run(_main(app, args))
    finally:
        uninstall_gui_gc()


def _app_icon() -> Any:
    from PySide6.QtGui import QIcon

    from kisdesk.resources_path import resource_dir

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = resource_dir() / "icons" / f"kisdesk-{size}.png"
        if path.exists():
            icon.addFile(str(path))
    return icon


async def _main(app: Any, args: argparse.Namespace) -> int:
    from kisdesk.config.secrets import ensure_secure_keyring
    from kisdesk.config.settings import Preferences, open_settings
    from kisdesk.services.controller import AppController, initial_target
    from kisdesk.ui.crash import install_exception_hooks
    from kisdesk.ui.i18n import install_translator, pick_language

    settings = open_settings()
    keyring_check = ensure_secure_keyring()  # no secure keyring → session-only, never a file
    env, profile = initial_target(settings, "demo" if args.smoke else args.env)
    prefs = Preferences.load(settings, env)
    install_translator(app, pick_language(args.lang or prefs.language or None))
    install_exception_hooks(asyncio.get_running_loop())

    # Demo's simulator runs in a child process: its feed must not take the GUI thread's time.
    controller = AppController(
        settings,
        env,
        profile=profile,
        seed=args.seed,
        demo_options={"sim_process": not args.sim_in_process},
    )
    controller.start()
    if keyring_check.session_only:
        controller.show_session_only_notice()
    if args.screenshot:
        return await _screenshot(controller, args.screenshot)
    if args.smoke:
        return await _smoke(controller)
    await controller.wait_closed()
    await controller.shutdown()
    return 0


async def _first_load(controller: Any, timeout: float = 30.0) -> tuple[bool, str]:
    try:
        return await asyncio.wait_for(controller.first_load(), timeout)
    except TimeoutError:
        return False, f"no data within {timeout:.0f} s"


async def _screenshot(controller: Any, path: Path) -> int:
    ok, detail = await _first_load(controller)
    await asyncio.sleep(0.3)  # let the table paint its final sizes
    path.parent.mkdir(parents=True, exist_ok=True)
    saved = controller.window.grab().save(str(path))
    await controller.shutdown()
    if not saved:
        print(f"kisdesk: could not write {path}", file=sys.stderr)
        return 1
    if not ok:
        print(f"kisdesk: screenshot saved, but loading failed: {detail}", file=sys.stderr)
        return 1
    print(f"kisdesk: screenshot saved to {path}")
    return 0


async def _smoke(controller: Any) -> int:
    started = datetime.now()
    ok, detail = await _first_load(controller)
    elapsed = (datetime.now() - started).total_seconds()
    await controller.shutdown()
    if not ok:
        print(f"kisdesk smoke: FAILED: {detail}", file=sys.stderr)
        return 1
    print(f"kisdesk smoke: ok env=demo {detail} in {elapsed:.2f}s")
    return 0
