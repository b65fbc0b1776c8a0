"""The order panel's keyboard: one documented default keymap, user rebinding kept in QSettings,
and the cheat sheet built from the same table (so the sheet can never disagree with the keys).

Scopes say where a key works:

- ``global``: anywhere in the main window (registered as window shortcuts);
- ``panel``: in the order panel's fields except the symbol text box (letters type there);
- ``price`` / ``quantity``: only in that field;
- ``orders``: in the open-orders table;
- ``chart``: in the chart (Ctrl+5 goes there).

Enter (review/confirm) and Esc (cancel/clear) are fixed, as in every dialog, and listed in the
cheat sheet without being rebindable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kisdesk.domain.order_types import QT_TRANSLATE_NOOP
from kisdesk.i18n import translate

SETTINGS_GROUP = "keymap"


def _t(text: str) -> str:
    """Runtime translation of text marked elsewhere (QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate("Keymap", text)


@dataclass(frozen=True)
class KeyAction:
    id: str
    scope: str  # global / panel / price / quantity / orders
    defaults: tuple[str, ...]  # QKeySequence portable text
    description: str  # source text in the "Keymap" context (marked with N for lupdate)


def _a(id: str, scope: str, defaults: tuple[str, ...], description: str) -> KeyAction:
    return KeyAction(id, scope, defaults, description)


DEFAULT_KEYMAP: tuple[KeyAction, ...] = (
    _a(
        "focus_symbol",
        "global",
        ("F2",),
        QT_TRANSLATE_NOOP("Keymap", "Order panel: go to the symbol field"),
    ),
    _a("buy", "global", ("F9",), QT_TRANSLATE_NOOP("Keymap", "Order panel: 매수 (buy)")),
    _a("sell", "global", ("F10",), QT_TRANSLATE_NOOP("Keymap", "Order panel: 매도 (sell)")),
    _a(
        "open_orders",
        "global",
        ("F11",),
        QT_TRANSLATE_NOOP("Keymap", "Go to the open orders table"),
    ),
    _a(
        "cheat_sheet",
        "global",
        ("Shift+F1",),
        QT_TRANSLATE_NOOP("Keymap", "Order keys cheat sheet"),
    ),
    _a(
        "order_market",
        "global",
        ("F8",),
        QT_TRANSLATE_NOOP("Keymap", "Order panel: domestic ↔ overseas (해외주식)"),
    ),
    _a(
        "focus_ladder",
        "global",
        ("F12",),
        QT_TRANSLATE_NOOP("Keymap", "Order book ladder: Up/Down a level, Enter = price, Esc back"),
    ),
    _a("panel_buy", "panel", ("B",), QT_TRANSLATE_NOOP("Keymap", "Switch to 매수 (buy)")),
    _a("panel_sell", "panel", ("S",), QT_TRANSLATE_NOOP("Keymap", "Switch to 매도 (sell)")),
    _a(
        "type_next",
        "panel",
        ("T",),
        QT_TRANSLATE_NOOP("Keymap", "Next order type (지정가 / 시장가)"),
    ),
    _a("price_up", "price", ("Up",), QT_TRANSLATE_NOOP("Keymap", "Price +1 tick")),
    _a("price_down", "price", ("Down",), QT_TRANSLATE_NOOP("Keymap", "Price −1 tick")),
    _a("price_up5", "price", ("PgUp",), QT_TRANSLATE_NOOP("Keymap", "Price +5 ticks")),
    _a("price_down5", "price", ("PgDown",), QT_TRANSLATE_NOOP("Keymap", "Price −5 ticks")),
    _a("price_current", "price", ("C",), QT_TRANSLATE_NOOP("Keymap", "Price = current price")),
    _a("price_upper", "price", ("U",), QT_TRANSLATE_NOOP("Keymap", "Price = upper limit")),
    _a("price_lower", "price", ("L",), QT_TRANSLATE_NOOP("Keymap", "Price = lower limit")),
    _a("qty_up", "quantity", ("Up",), QT_TRANSLATE_NOOP("Keymap", "Quantity +1")),
    _a("qty_down", "quantity", ("Down",), QT_TRANSLATE_NOOP("Keymap", "Quantity −1")),
    _a(
        "qty_10",
        "quantity",
        ("Alt+1",),
        QT_TRANSLATE_NOOP("Keymap", "Quantity = 10% of the maximum"),
    ),
    _a(
        "qty_25",
        "quantity",
        ("Alt+2",),
        QT_TRANSLATE_NOOP("Keymap", "Quantity = 25% of the maximum"),
    ),
    _a(
        "qty_50",
        "quantity",
        ("Alt+3",),
        QT_TRANSLATE_NOOP("Keymap", "Quantity = 50% of the maximum"),
    ),
    _a(
        "qty_100",
        "quantity",
        ("Alt+4", "A"),
        QT_TRANSLATE_NOOP("Keymap", "Quantity = 100% of the maximum"),
    ),
    _a(
        "order_cancel",
        "orders",
        ("Del",),
        QT_TRANSLATE_NOOP("Keymap", "Cancel the selected open order (confirmed)"),
    ),
    _a(
        "order_modify",
        "orders",
        ("M", "F3"),
        QT_TRANSLATE_NOOP("Keymap", "Modify the selected open order (confirmed)"),
    ),
    # The chart (Ctrl+5 focuses it): zoom, pan, the latest bar, periods, export.
    _a("chart_zoom_in", "chart", ("+", "="), QT_TRANSLATE_NOOP("Keymap", "Zoom in (fewer bars)")),
    _a("chart_zoom_out", "chart", ("-",), QT_TRANSLATE_NOOP("Keymap", "Zoom out (more bars)")),
    _a("chart_left", "chart", ("Left",), QT_TRANSLATE_NOOP("Keymap", "Pan back in time")),
    _a("chart_right", "chart", ("Right",), QT_TRANSLATE_NOOP("Keymap", "Pan forward in time")),
    _a("chart_latest", "chart", ("Home",), QT_TRANSLATE_NOOP("Keymap", "Go to the latest bar")),
    _a("chart_m1", "chart", ("1",), QT_TRANSLATE_NOOP("Keymap", "1-minute bars")),
    _a("chart_m3", "chart", ("2",), QT_TRANSLATE_NOOP("Keymap", "3-minute bars")),
    _a("chart_m5", "chart", ("3",), QT_TRANSLATE_NOOP("Keymap", "5-minute bars")),
    _a("chart_m10", "chart", ("4",), QT_TRANSLATE_NOOP("Keymap", "10-minute bars")),
    _a("chart_m30", "chart", ("5",), QT_TRANSLATE_NOOP("Keymap", "30-minute bars")),
    _a("chart_m60", "chart", ("6",), QT_TRANSLATE_NOOP("Keymap", "60-minute bars")),
    _a("chart_day", "chart", ("D",), QT_TRANSLATE_NOOP("Keymap", "Daily bars")),
    _a("chart_week", "chart", ("W",), QT_TRANSLATE_NOOP("Keymap", "Weekly bars")),
    _a("chart_month", "chart", ("M",), QT_TRANSLATE_NOOP("Keymap", "Monthly bars")),
    _a(
        "chart_export",
        "chart",
        ("P",),
        QT_TRANSLATE_NOOP("Keymap", "Save the visible chart as PNG"),
    ),
)

# Fixed keys, shown in the cheat sheet only.
FIXED_KEYS: tuple[tuple[str, str], ...] = (
    (
        "Tab / Shift+Tab",
        QT_TRANSLATE_NOOP("Keymap", "Symbol → side → type → price → quantity → submit"),
    ),
    ("Enter", QT_TRANSLATE_NOOP("Keymap", "Review the order; Enter again in the review sends it")),
    (
        "Esc",
        QT_TRANSLATE_NOOP("Keymap", "Close the review without sending; in the panel: clear it"),
    ),
    ("Y", QT_TRANSLATE_NOOP("Keymap", "When the fat-finger guard asks again: send anyway")),
)

_BY_ID = {a.id: a for a in DEFAULT_KEYMAP}


def _norm(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.PortableText)


def event_sequence(event: QKeyEvent) -> QKeySequence:
    """The key event as a one-chord sequence (keypad flag dropped: keypad Up is Up)."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = event.key()
    if key in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
        return QKeySequence()
    return QKeySequence(int(mods.value) | int(key))


class Keymap(QObject):
    """Current bindings: defaults overlaid with the user's choices from QSettings."""

    changed = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._bindings: dict[str, tuple[QKeySequence, ...]] = {}
        self.reload()

    def reload(self) -> None:
        self._bindings = {}
        for action in DEFAULT_KEYMAP:
            texts: Iterable[str] = action.defaults
            if self._settings is not None:
                stored = self._settings.value(f"{SETTINGS_GROUP}/{action.id}")
                if isinstance(stored, str):
                    texts = [t for t in stored.split("\t") if t] if stored else []
                elif isinstance(stored, list):
                    texts = [str(t) for t in stored if str(t)]
            self._bindings[action.id] = tuple(
                s
                for s in (QKeySequence(t, QKeySequence.SequenceFormat.PortableText) for t in texts)
                if not s.isEmpty()
            )

    # -- queries -------------------------------------------------------------------------------
    def sequences(self, action_id: str) -> tuple[QKeySequence, ...]:
        return self._bindings.get(action_id, ())

    def text(self, action_id: str) -> str:
        """For people: "F9", "Alt+4 / A". Portable text: key names stay Latin (as printed on
        the keys) even where Qt's own catalogue would translate Up/Down."""
        return " / ".join(
            s.toString(QKeySequence.SequenceFormat.PortableText) for s in self.sequences(action_id)
        )

    def action_for(self, event: QKeyEvent, scopes: Iterable[str]) -> str | None:
        """The action of ``event`` in the first of ``scopes`` that binds it."""
        pressed = event_sequence(event)
        if pressed.isEmpty():
            return None
        wanted = _norm(pressed)
        for scope in scopes:
            for action in DEFAULT_KEYMAP:
                if action.scope != scope:
                    continue
                if any(_norm(s) == wanted for s in self._bindings.get(action.id, ())):
                    return action.id
        return None

    def conflicts(self) -> list[tuple[str, list[str]]]:
        """Sequences bound twice where both would be live at once (same scope, or a global key
        that shadows a field key)."""
        seen: dict[tuple[str, str], list[str]] = {}
        for action in DEFAULT_KEYMAP:
            for seq in self._bindings.get(action.id, ()):
                seen.setdefault((action.scope, _norm(seq)), []).append(action.id)
        out = [(seq, ids) for (_, seq), ids in seen.items() if len(ids) > 1]
        globals_ = {seq: ids for (scope, seq), ids in seen.items() if scope == "global"}
        for (scope, seq), ids in seen.items():
            if scope != "global" and seq in globals_:
                out.append((seq, globals_[seq] + ids))
        return out

    # -- rebinding -----------------------------------------------------------------------------
    def set(self, action_id: str, sequences: Iterable[str | QKeySequence]) -> None:
        if action_id not in _BY_ID:
            raise KeyError(action_id)
        seqs = tuple(
            s
            if isinstance(s, QKeySequence)
            else QKeySequence(s, QKeySequence.SequenceFormat.PortableText)
            for s in sequences
        )
        seqs = tuple(s for s in seqs if not s.isEmpty())
        self._bindings[action_id] = seqs
        if self._settings is not None:
            self._settings.setValue(f"{SETTINGS_GROUP}/{action_id}", "\t".join(map(_norm, seqs)))
        self.changed.emit()

    def reset(self, action_id: str | None = None) -> None:
        ids = [action_id] if action_id else list(_BY_ID)
        if self._settings is not None:
            for i in ids:
                self._settings.remove(f"{SETTINGS_GROUP}/{i}")
        self.reload()
        self.changed.emit()

    # -- cheat sheet ---------------------------------------------------------------------------
    def cheat_sheet_rows(self) -> list[tuple[str, str, str]]:
        """(where, keys, what) for every binding and fixed key, translated."""
        where = scope_names()
        rows = [
            (where[a.scope], self.text(a.id) or translate("Keymap", "(unbound)"), _t(a.description))
            for a in DEFAULT_KEYMAP
        ]
        rows += [(translate("Keymap", "Order panel"), keys, _t(what)) for keys, what in FIXED_KEYS]
        return rows

    def cheat_sheet_html(self) -> str:
        cells = "".join(
            f"<tr><td>{w}</td><td><b>{k}</b></td><td>{d}</td></tr>"
            for w, k, d in self.cheat_sheet_rows()
        )
        titles = (
            translate("Keymap", "Where"),
            translate("Keymap", "Keys"),
            translate("Keymap", "Action"),
        )
        head = "<tr>" + "".join(f"<th align=left>{t}</th>" for t in titles) + "</tr>"
        return f"<table cellspacing=6>{head}{cells}</table>"


def scope_names() -> dict[str, str]:
    return {
        "global": translate("Keymap", "Anywhere"),
        "panel": translate("Keymap", "Order panel"),
        "price": translate("Keymap", "Price field"),
        "quantity": translate("Keymap", "Quantity field"),
        "orders": translate("Keymap", "Open orders"),
        "chart": translate("Keymap", "Chart"),
    }


class CheatSheet(QDialog):
    """The key list, opened with Shift+F1 (the main window's F1 can include the same rows)."""

    def __init__(self, keymap: Keymap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Keymap", "Order keys"))
        layout = QVBoxLayout(self)
        self.label = QLabel(keymap.cheat_sheet_html())
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class KeymapEditor(QWidget):
    """A table of actions with a key editor per row, for the Settings dialog. Changes apply at
    once (and persist through the Keymap's QSettings)."""

    def __init__(self, keymap: Keymap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keymap = keymap
        self.table = QTableWidget(len(DEFAULT_KEYMAP), 3, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Keymap", "Action"),
                translate("Keymap", "Where"),
                translate("Keymap", "Key"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.editors: dict[str, QKeySequenceEdit] = {}
        rows = {a.id: r for r, a in enumerate(DEFAULT_KEYMAP)}
        for action in DEFAULT_KEYMAP:
            r = rows[action.id]
            self.table.setItem(r, 0, QTableWidgetItem(_t(action.description)))
            self.table.setItem(r, 1, QTableWidgetItem(scope_names()[action.scope]))
            seqs = keymap.sequences(action.id)
            edit = QKeySequenceEdit(seqs[0] if seqs else QKeySequence())
            edit.setMaximumSequenceLength(1)
            edit.editingFinished.connect(lambda a=action.id, e=edit: self._apply(a, e))
            self.table.setCellWidget(r, 2, edit)
            self.editors[action.id] = edit
        self.conflict_label = QLabel()
        self.conflict_label.setStyleSheet("color: #c62828;")
        reset = QPushButton(translate("Keymap", "Restore defaults"))
        reset.clicked.connect(self._reset)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.conflict_label)
        layout.addWidget(reset)
        self._show_conflicts()

    def _apply(self, action_id: str, edit: QKeySequenceEdit) -> None:
        seq = edit.keySequence()
        rest = self.keymap.sequences(action_id)[1:]
        self.keymap.set(action_id, [seq, *rest] if not seq.isEmpty() else list(rest))
        self._show_conflicts()

    def _reset(self) -> None:
        self.keymap.reset()
        for action_id, edit in self.editors.items():
            seqs = self.keymap.sequences(action_id)
            edit.setKeySequence(seqs[0] if seqs else QKeySequence())
        self._show_conflicts()

    def _show_conflicts(self) -> None:
        clashes = self.keymap.conflicts()
        self.conflict_label.setText(
            "; ".join(
                translate("Keymap", "{key} is bound twice ({ids})").format(
                    key=k, ids=", ".join(ids)
                )
                for k, ids in clashes
            )
        )
