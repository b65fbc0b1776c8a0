"""Translations: English source strings, Korean shipped in resources/i18n as compiled .qm files."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from kisdesk.resources_path import resource_dir

SUPPORTED = ("ko", "en")


def pick_language(requested: str | None) -> str:
    """``--lang`` wins; otherwise Korean on a Korean system locale, English elsewhere."""
    if requested in SUPPORTED:
        return requested
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    translator = QTranslator(app)
    qm = resource_dir() / "i18n" / f"kisdesk_{language}.qm"
    if qm.exists() and translator.load(str(qm)):
        app.installTranslator(translator)
        return translator
    return None


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
