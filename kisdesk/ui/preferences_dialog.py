"""Settings → Preferences: refresh, colours, language, order safety and keys (non-secret only)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kisdesk.config.settings import MAX_REFRESH_S, MIN_REFRESH_S, OrderSettings, Preferences
from kisdesk.domain.format import fmt_int
from kisdesk.domain.order_rules import parse_amount
from kisdesk.i18n import translate
from kisdesk.ui.keymap import Keymap, KeymapEditor


class PreferencesDialog(QDialog):
    """Non-blocking (open()); emits ``accepted_preferences`` with the edited Preferences."""

    accepted_preferences = Signal(object)

    def __init__(
        self,
        prefs: Preferences,
        env: str,
        parent: QWidget | None = None,
        *,
        order_settings: OrderSettings | None = None,
        keymap: Keymap | None = None,
    ) -> None:
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

        self.toasts = QCheckBox(
            translate("Preferences", "Pop up order notices (the notices log keeps them anyway)")
        )
        self.toasts.setObjectName("toastsBox")
        self.toasts.setChecked(prefs.toasts)
        form.addRow(self.toasts)

        note = QLabel(translate("Preferences", "A language change applies at the next start."))
        note.setStyleSheet("color: #666;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

        general = QWidget()
        general_box = QVBoxLayout(general)
        general_box.addLayout(form)
        general_box.addWidget(note)
        general_box.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, translate("Preferences", "General"))
        self.order_settings = order_settings
        if order_settings is not None:
            self.tabs.addTab(self._orders_page(order_settings), translate("Preferences", "Orders"))
        if keymap is not None:
            self.keymap_editor = KeymapEditor(keymap)  # applies (and saves) each key at once
            self.tabs.addTab(self.keymap_editor, translate("Preferences", "Keys"))

        box = QVBoxLayout(self)
        box.addWidget(self.tabs)
        box.addWidget(buttons)

    def _orders_page(self, current: OrderSettings) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.confirm = QCheckBox(translate("Preferences", "Review every order before it is sent"))
        self.confirm.setChecked(self.env == "real" or current.confirm)
        if self.env == "real":  # real money: always reviewed, whatever is stored
            self.confirm.setEnabled(False)
            self.confirm.setToolTip(
                translate("Preferences", "Orders with real money are always confirmed.")
            )
        form.addRow(self.confirm)
        self.guard_amount = QLineEdit(fmt_int(current.guard_amount))
        self.guard_amount.setPlaceholderText("0")
        self.guard_amount.setToolTip(translate("Preferences", "0 switches this check off"))
        form.addRow(translate("Preferences", "Ask again above (KRW)"), self.guard_amount)
        self.guard_ticks = QSpinBox()
        self.guard_ticks.setRange(0, 500)
        self.guard_ticks.setValue(int(current.guard_ticks))
        self.guard_ticks.setToolTip(translate("Preferences", "0 switches this check off"))
        form.addRow(
            translate("Preferences", "Ask again beyond (ticks from price)"), self.guard_ticks
        )
        self.hashkey = QCheckBox(translate("Preferences", "Send a hashkey with orders"))
        self.hashkey.setChecked(bool(current.use_hashkey))
        self.hashkey.setToolTip(
            translate("Preferences", "Optional at KIS today; each hashkey costs one API call.")
        )
        form.addRow(self.hashkey)
        self.guard_error = QLabel()
        self.guard_error.setStyleSheet("color: #c62828;")
        form.addRow(self.guard_error)
        return page

    def edited_order_settings(self) -> OrderSettings | None:
        """The order settings as edited, or None when the amount is not a number."""
        if self.order_settings is None:
            return None
        amount = parse_amount(self.guard_amount.text() or "0")
        if amount is None or amount < 0:
            return None
        from dataclasses import replace

        return replace(
            self.order_settings,
            confirm=self.env == "real" or self.confirm.isChecked(),
            guard_amount=Decimal(amount),
            guard_ticks=self.guard_ticks.value(),
            use_hashkey=self.hashkey.isChecked(),
        )

    def preferences(self) -> Preferences:
        return Preferences(
            refresh_seconds=self.refresh.value(),
            palette=str(self.palette.currentData()),
            language=str(self.language.currentData()),
            toasts=self.toasts.isChecked(),
        )

    def _accept(self) -> None:
        if self.order_settings is not None and self.edited_order_settings() is None:
            self.tabs.setCurrentIndex(1)
            self.guard_error.setText(
                translate("Preferences", "Enter an amount in won, e.g. 20,000,000")
            )
            self.guard_amount.setFocus()
            return
        self.accepted_preferences.emit(self.preferences())
        self.accept()
