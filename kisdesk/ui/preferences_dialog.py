"""Settings → Preferences: refresh interval, colour convention, language (non-secret only)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kisdesk.config.settings import MAX_REFRESH_S, MIN_REFRESH_S, Preferences
from kisdesk.ui.i18n import translate


class PreferencesDialog(QDialog):
    """Non-blocking (open()); emits ``accepted_preferences`` with the edited Preferences."""

    accepted_preferences = Signal(object)

    def __init__(self, prefs: Preferences, env: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PreferencesDialog")
        self.setWindowTitle(translate("Preferences", "Preferences"))
        self.env = env
        form = QFormLayout()

        self.refresh = QSpinBox()
        self.refresh.setRange(MIN_REFRESH_S, MAX_REFRESH_S)
        self.refresh.setSuffix(translate("Preferences", " s"))
        self.refresh.setValue(prefs.refresh_seconds)
        self.refresh.setToolTip(
            translate(
                "Preferences",
                "Each refresh of the domestic balance costs one API call per page "
                "(50 rows on real, 20 on paper) out of 20 calls/s (real) or 2 calls/s (paper).",
            )
        )
        form.addRow(translate("Preferences", "Auto refresh every"), self.refresh)

        self.palette = QComboBox()
        self.palette.addItem(translate("Preferences", "Korean (rise red, fall blue)"), "korean")
        self.palette.addItem(translate("Preferences", "Western (rise green, fall red)"), "western")
        self.palette.setCurrentIndex(max(0, self.palette.findData(prefs.palette)))
        form.addRow(translate("Preferences", "Colours"), self.palette)

        self.language = QComboBox()
        self.language.addItem(translate("Preferences", "System"), "")
        self.language.addItem("한국어", "ko")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        form.addRow(translate("Preferences", "Language"), self.language)

        note = QLabel(translate("Preferences", "A language change applies at the next start."))
        note.setStyleSheet("color: #666;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(note)
        box.addWidget(buttons)

    def preferences(self) -> Preferences:
        return Preferences(
            refresh_seconds=self.refresh.value(),
            palette=str(self.palette.currentData()),
            language=str(self.language.currentData()),
        )

    def _accept(self) -> None:
        self.accepted_preferences.emit(self.preferences())
        self.accept()
