"""Bundle self-test: the frozen app runs this instead of kisdesk when KISDESK_BUNDLE_SELFTEST=1
(packaging/launch.py).

It checks what `--smoke` cannot see because the demo path never touches it: that keyring finds
its platform backends through entry points (metadata copied into the bundle), that the lazily
imported simulator and aiohttp are bundled, that certifi's CA file, the app resources and Qt's
Korean translation are where they are looked for, and that the chart (pyqtgraph + numpy, imported
lazily) draws candles offscreen. One line per check; returns 0 if all pass.
"""

import os
import sys


def _platform_value(by_platform):
    return next((v for k, v in by_platform.items() if sys.platform.startswith(k)), None)


def run() -> int:
    import importlib
    import pkgutil

    failures = []

    def check(name, fn):
        try:
            detail = fn()
        except Exception as exc:  # report every failure, not just the first
            failures.append(name)
            print(f"selftest FAIL {name}: {type(exc).__name__}: {exc}")
        else:
            print(f"selftest ok   {name}: {detail}")

    def keyring_entry_points():
        from keyring.backend import metadata  # the same importlib metadata keyring uses

        names = sorted(ep.name for ep in metadata.entry_points(group="keyring.backends"))
        want = _platform_value({"linux": "SecretService", "win32": "Windows", "darwin": "macOS"})
        if want and want not in names:
            raise LookupError(f"{want} missing from keyring.backends entry points {names}")
        return ", ".join(names)

    def keyring_backends():
        import keyring
        import keyring.backend

        # Imports every backend module named by an entry point; unbundled ones are logged, and
        # then missing from the registry checked below.
        keyring.backend._load_plugins()
        found = {c.__module__ for c in keyring.backend.KeyringBackend._classes}
        want = _platform_value(
            {
                "linux": "keyring.backends.SecretService",
                "win32": "keyring.backends.Windows",
                "darwin": "keyring.backends.macOS",
            }
        )
        if want and want not in found:
            raise LookupError(f"{want} not registered; have {sorted(found)}")
        active = type(keyring.get_keyring())
        return f"{len(found)} backend modules; active {active.__module__}.{active.__name__}"

    def secret_service_deps():
        if not sys.platform.startswith("linux"):
            return "not linux"
        import jeepney  # noqa: F401
        import secretstorage

        return f"secretstorage {getattr(secretstorage, '__version__', '?')}"

    def simulator():
        import kisdesk.sim

        names = sorted(m.name for m in pkgutil.iter_modules(kisdesk.sim.__path__))
        for name in names:
            importlib.import_module(f"kisdesk.sim.{name}")
        if not names:
            raise LookupError("no kisdesk.sim modules bundled")
        return f"{len(names)} modules"

    def aiohttp_():
        import aiohttp
        import aiohttp.web

        return f"aiohttp {aiohttp.__version__}"

    def certifi_():
        import ssl

        import certifi

        ssl.create_default_context(cafile=certifi.where())
        return os.path.basename(certifi.where())

    def resources():
        from kisdesk.resources_path import data_file, resource_dir

        for name in ("krx_symbols.csv", "us_symbols.csv"):
            if not data_file(name).is_file():
                raise FileNotFoundError(data_file(name))
        icons = sorted(p.name for p in (resource_dir() / "icons").glob("*.png"))
        if not icons:
            raise FileNotFoundError(resource_dir() / "icons")
        qm = sorted(p.name for p in (resource_dir() / "i18n").glob("*.qm"))
        from kisdesk.ui.fonts import FONT_FILES

        for name in (*FONT_FILES, "OFL.txt"):  # the Korean font for machines without one
            if not (resource_dir() / "fonts" / name).is_file():
                raise FileNotFoundError(resource_dir() / "fonts" / name)
        return f"data ok, {len(icons)} icons, translations {qm or 'none'}, fonts {FONT_FILES}"

    def qt_translations():
        from PySide6.QtCore import QLibraryInfo

        # Where Qt looks for its own .qm files; the spec keeps qtbase_ko.qm for Qt's dialogs.
        path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not os.path.isfile(os.path.join(path, "qtbase_ko.qm")):
            raise FileNotFoundError(f"qtbase_ko.qm not in {path}")
        return "qtbase_ko.qm in Qt's translations path"

    def chart():
        # The chart dock's view (pyqtgraph + numpy, imported lazily by the app) drawn offscreen:
        # a cut of a Qt library, plugin or numpy part the chart needs fails here, not in the field.
        import datetime as dt
        from decimal import Decimal

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QApplication

        from kisdesk.kis.charts import ChartBar
        from kisdesk.ui.chart.view import ChartView

        app = QApplication.instance() or QApplication([])
        up, down = "#ff0000", "#0000ff"
        start = dt.datetime(2026, 1, 5)
        bars = [
            ChartBar(
                at=start + dt.timedelta(days=i),
                open=Decimal(100 + i),
                high=Decimal(104 + i),
                low=Decimal(98 + i),
                close=Decimal(102 + i if i % 2 else 99 + i),
                volume=Decimal(1000 + 10 * i),
            )
            for i in range(40)
        ]
        view = ChartView()
        view.set_colors(up, down)
        view.resize(480, 320)
        view.set_bars(bars, [b.at.strftime("%m/%d") for b in bars])
        view.show()
        app.processEvents()
        image = view.grab().toImage()
        view.close()
        view.deleteLater()
        app.processEvents()
        colors = {
            image.pixelColor(x, y).name()
            for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)
        }
        missing = [c for c in (up, down) if QColor(c).name() not in colors]
        if missing:
            raise AssertionError(f"no candles drawn in {missing} ({len(colors)} colours seen)")
        import numpy
        import pyqtgraph

        return f"{len(bars)} bars, pyqtgraph {pyqtgraph.__version__}, numpy {numpy.__version__}"

    check("keyring entry points", keyring_entry_points)
    check("keyring backends", keyring_backends)
    check("secretstorage", secret_service_deps)
    check("simulator", simulator)
    check("aiohttp", aiohttp_)
    check("certifi", certifi_)
    check("resources", resources)
    check("qt translations", qt_translations)
    check("chart", chart)
    print("selftest " + ("FAILED: " + ", ".join(failures) if failures else "passed"))
    return 1 if failures else 0
