"""Translations: English source strings, Korean shipped in resources/i18n as compiled .qm files."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kisdesk.resources_path import resource_dir

SUPPORTED = ("ko", "en")


def pick_language(requested: str | None) -> str:
    """``--lang`` wins; otherwise Korean on a Korean system locale, English elsewhere."""
    if requested in SUPPORTED:
        return requested
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    # Qt's own strings first (dialog buttons: 예/아니요/취소), then the app's.
    qt_base = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
    translator = QTranslator(app)
    qm = resource_dir() / "i18n" / f"kisdesk_{language}.qm"
    if qm.exists() and translator.load(str(qm)):
        app.installTranslator(translator)
        return translator
    return None


class TrContext:
    """``Ctx = TrContext("Ctx")`` then ``Ctx.tr("%n order(s)", None, n)``: the one plural form
    pyside6-lupdate extracts (it takes the name before ``.tr`` as the context; a count passed to
    ``translate()`` is skipped or misread as a PyQt4 encoding)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(self.name, text, disambiguation, n)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate; with ``n``, the plural form for n ("%n" in the text)."""
    return QCoreApplication.translate(context, text, disambiguation, n)
