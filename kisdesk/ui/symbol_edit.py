"""The symbol field: a line edit with its own suggestion list over the KRX symbol index
(codes, names, nicknames such as 삼전, initial consonants such as ㅅㅅㅈㅈ)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QHideEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListWidget, QListWidgetItem, QWidget

from kisdesk.domain.symbols import Symbol, SymbolIndex

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SymbolEdit(QLineEdit):
    """A line edit with its own suggestion list. The list never takes focus: Up/Down move in it,
    Enter or Tab take the highlighted symbol, Esc closes it, Down opens it again."""

    chosen = Signal(object)  # Symbol
    suggestions_changed = Signal()  # the list opened, closed, or its highlighted row moved

    SHOWN = 12  # suggestions in the list; match_count counts them all

    def __init__(self, index: SymbolIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self._counted = ("", 0)  # (text, listed issues it matches)
        self.popup = QListWidget()
        self.popup.setObjectName("symbolSuggestions")
        self.popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.popup.itemClicked.connect(self._clicked)
        self.textEdited.connect(self._suggest)

    def popup_visible(self) -> bool:
        return self.popup.isVisible()

    def suggestions(self) -> list[Symbol]:
        return [
            self.popup.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.popup.count())
        ]

    @property
    def match_count(self) -> int:
        """How many listed issues the current text matches (all of them, not only those shown)."""
        text, count = self._counted
        return count if text == self.text() else 0

    def highlighted(self) -> Symbol | None:
        """What Enter would take now: the highlighted suggestion while the list is open."""
        if not self.popup.isVisible() or self.popup.count() == 0:
            return None
        return self.popup.item(max(0, self.popup.currentRow())).data(Qt.ItemDataRole.UserRole)

    def _suggest(self, text: str) -> None:
        self.popup.clear()
        results = self.index.search(text, None) if text.strip() else []
        self._counted = (text, len(results))
        if not results:
            self._close()
            return
        for sym in results[: self.SHOWN]:
            kind = "" if sym.kind == "stock" else f"  [{sym.kind.upper()}]"
            item = QListWidgetItem(f"{sym.name}  {sym.code}  {sym.market}{kind}")
            item.setData(Qt.ItemDataRole.UserRole, sym)
            self.popup.addItem(item)
        self.popup.setCurrentRow(0)
        width = max(self.width(), 280)
        rows = min(self.popup.count(), 10)
        self.popup.setFixedSize(width, rows * (self.popup.sizeHintForRow(0) + 2) + 6)
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
        self.suggestions_changed.emit()

    def hide_popup(self) -> None:
        self._close()

    def _close(self) -> None:
        if self.popup.isVisible():
            self.popup.hide()
            self.suggestions_changed.emit()

    def _clicked(self, item: QListWidgetItem) -> None:
        self.choose(item.data(Qt.ItemDataRole.UserRole))

    def choose(self, symbol: Symbol) -> None:
        self._close()
        self.setText(symbol.display)
        self.chosen.emit(symbol)

    def take_current(self) -> bool:
        """Choose the highlighted suggestion; False when the list is closed."""
        symbol = self.highlighted()
        if symbol is None:
            return False
        self.choose(symbol)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.popup.isVisible():
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = (self.popup.currentRow() + step) % self.popup.count()
                self.popup.setCurrentRow(row)
                self.suggestions_changed.emit()
                return
            if key in _ENTER:
                self.take_current()
                return
            if key == Qt.Key.Key_Escape:
                self._close()
                return
        elif key == Qt.Key.Key_Down and self.text().strip():
            self._suggest(self.text())  # the list again, after Esc closed it
            if self.popup.isVisible():
                return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Tab out takes the highlighted suggestion, like a completer would.
        if self.popup.isVisible() and event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
        ):
            self.take_current()
        self._close()
        super().focusOutEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.popup.hide()  # quietly: whoever listens is being hidden too
        super().hideEvent(event)
