"""관심종목: the watchlist tab. Groups of symbols kept in the settings, live columns from the
quote hub, D19 polling for what the stream does not serve, HTS groups (D17/D18) imported as a
one-way copy, and a group filled from a condition search (D15/D16).

Keys: in the group list Insert adds a group, F2 renames it, Del deletes it (after asking),
Ctrl+Up/Down moves it. In the table Del removes the selected symbols, Ctrl+Up/Down moves the
current one, Enter (or a double-click) sends it to the order panel. The add field takes a code,
a name or its initial consonants (초성), like the order panel's symbol field.
"""

from __future__ import annotations

import dataclasses
import time
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kisdesk.config.watchlist import MAX_SYMBOLS, WatchGroup, load_groups, save_groups
from kisdesk.domain.format import direction_from_sign, fmt_change, fmt_int, fmt_krw, fmt_rate
from kisdesk.domain.symbols import Symbol, SymbolIndex, load_index
from kisdesk.i18n import translate
from kisdesk.kis.realtime import Priority
from kisdesk.models.columns import Column, by_sign
from kisdesk.models.palette import KOREAN, Palette
from kisdesk.models.table import RecordTableModel
from kisdesk.services.live_quotes import QuoteKey, Source, domestic
from kisdesk.services.ops import Op
from kisdesk.services.watchlist import (
    MultiPricePoller,
    WatchRow,
    row_with_multi,
    row_with_quote,
)
from kisdesk.ui.symbol_edit import SymbolEdit
from kisdesk.ui.table_view import RecordTableView

SETTINGS_KEY = "tables/watchlist"
FLASH_MS = 600
NAME_WIDTH = 150
TICK_MS = 1000  # ages, stale marks and the poll set are reviewed once a second
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_GREY = QColor("#9a9a9a")
_GROUP_KEYS = (Qt.Key.Key_Insert, Qt.Key.Key_Delete, Qt.Key.Key_F2)


def _age(row: WatchRow) -> str:
    age = row.age()
    if age is None:
        return ""
    return translate("Watchlist", "{seconds} s").format(seconds=int(age))


def _source(row: WatchRow) -> str:
    if row.source is Source.STREAMED:
        return translate("Watchlist", "live")
    if row.source is Source.POLLED:
        return translate("Watchlist", "polled")
    return ""


def watch_columns() -> list[Column]:
    sign = by_sign("sign")
    return [
        Column("code", translate("Watchlist", "Code"), align="center"),
        Column("name", translate("Watchlist", "Name"), align="left"),
        Column("price", translate("Watchlist", "Price"), fmt=fmt_krw, direction=sign),
        Column(
            "change",
            translate("Watchlist", "Change"),
            display=lambda r: fmt_change(r.change, 0, direction=direction_from_sign(r.sign)),
            direction=sign,
        ),
        Column("change_rate", translate("Watchlist", "Change %"), fmt=fmt_rate, direction=sign),
        Column("volume", translate("Watchlist", "Volume"), fmt=fmt_int),
        Column(
            "strength",
            translate("Watchlist", "Strength"),
            fmt=lambda v: "" if v is None else f"{v:.2f}",
        ),
        Column("bid", translate("Watchlist", "Bid"), fmt=fmt_krw),
        Column("ask", translate("Watchlist", "Ask"), fmt=fmt_krw),
        Column(
            "source",
            translate("Watchlist", "Feed"),
            display=_source,
            align="center",
            sort_value=lambda r: r.source.value if r.source else "",
        ),
        Column(
            "age", translate("Watchlist", "Age"), display=_age, sort_value=lambda r: r.age() or 0
        ),
    ]


class WatchModel(RecordTableModel):
    """The table model plus two looks of its own: a price that just changed flashes in the
    palette's rise/fall colour, and a polled value gone stale is greyed."""

    def __init__(self, palette: Palette = KOREAN) -> None:
        super().__init__(watch_columns(), lambda r: r.code, palette=palette)
        self._flash: dict[str, tuple[QColor, float]] = {}
        self._price_col = self.column_of("price") or 0

    def flash(self, code: str, rising: bool) -> None:
        colour = QColor(self.palette.up if rising else self.palette.down)
        colour.setAlpha(70)
        self._flash[code] = (colour, time.monotonic() + FLASH_MS / 1000)
        self._touch(code)

    def flashing(self, code: str) -> bool:
        return code in self._flash

    def expire_flashes(self) -> None:
        now = time.monotonic()
        for code in [c for c, (_, until) in self._flash.items() if until <= now]:
            del self._flash[code]
            self._touch(code)

    def _touch(self, code: str) -> None:
        row = self.row_of(code)
        if row is not None:
            cell = self.index(row, self._price_col)
            self.dataChanged.emit(cell, cell, [_BACKGROUND])

    def _extra(self, row: int, col: int, role: int) -> Any:
        record = self.record_at(row)
        if role == _BACKGROUND and col == self._price_col:
            flash = self._flash.get(record.code)
            return flash[0] if flash else None
        if role == _FOREGROUND and record.stale():
            return _GREY
        return ...

    def data(self, index: Any, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if index.isValid() and int(role) in (_BACKGROUND, _FOREGROUND):
            value = self._extra(index.row(), index.column(), int(role))
            if value is not ...:
                return value
        return super().data(index, role)

    def fill_roles(self, row: int, col: int, span: Any) -> None:
        super().fill_roles(row, col, span)
        for slot in span:
            role = slot.role()
            if role in (_BACKGROUND, _FOREGROUND):
                value = self._extra(row, col, role)
                if value is not ...:
                    slot.setData(value)


class WatchlistTab(QWidget):
    symbol_chosen = Signal(str)
    groups_changed = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchlistTab")
        self.settings = settings
        self.session: Any = None
        self.hub: Any = None
        self.poller: MultiPricePoller | None = None
        self.symbols: SymbolIndex = load_index()
        self.groups: list[WatchGroup] = load_groups(settings)
        self.conditions: list[Any] = []
        self._rows: dict[str, WatchRow] = {}
        self._fitted = False

        self.group_list = QListWidget()
        self.group_list.setObjectName("watchGroups")
        self.group_list.currentRowChanged.connect(self._show_group)
        self.group_list.installEventFilter(self)
        buttons = QHBoxLayout()
        for text, slot in (
            (translate("Watchlist", "New…"), self.new_group),
            (translate("Watchlist", "Rename…"), self.rename_group),
            (translate("Watchlist", "Delete"), self.delete_group),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.import_button = QPushButton(translate("Watchlist", "Import HTS groups"))
        self.import_button.setObjectName("importHts")
        self.import_button.setToolTip(
            translate(
                "Watchlist",
                "Copies the watchlist groups kept on the KIS server for your HTS ID "
                "(real accounts only). Later changes here do not go back.",
            )
        )
        self.import_button.clicked.connect(self.import_hts_groups)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(translate("Watchlist", "Groups")))
        left_layout.addWidget(self.group_list, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.import_button)

        self.add_edit = SymbolEdit(self.symbols)
        self.add_edit.setObjectName("watchAdd")
        self.add_edit.setPlaceholderText(
            translate("Watchlist", "Add a symbol: code, name or 초성, then Enter")
        )
        self.add_edit.chosen.connect(self._add_chosen)
        self.add_edit.installEventFilter(self)
        self.condition_box = QComboBox()
        self.condition_box.setObjectName("conditionBox")
        self.condition_box.setMinimumContentsLength(14)
        self.fill_button = QPushButton(translate("Watchlist", "Fill from condition"))
        self.fill_button.setObjectName("fillCondition")
        self.fill_button.clicked.connect(self.fill_from_condition)
        top = QHBoxLayout()
        top.addWidget(self.add_edit, 2)
        top.addWidget(QLabel(translate("Watchlist", "Condition search")))
        top.addWidget(self.condition_box, 1)
        top.addWidget(self.fill_button)

        self.model = WatchModel()
        self.table = RecordTableView(self.model)
        self.table.setObjectName("watchTable")
        self.table.activated_record.connect(self._activated)
        self.table.view.installEventFilter(self)
        self.message = QLabel()
        self.message.setObjectName("watchMessage")
        self.message.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(top)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.message)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(FLASH_MS // 3)
        self._flash_timer.timeout.connect(self.model.expire_flashes)
        self._flash_timer.start()
        self._fill_groups()

    def _activated(self, record: WatchRow) -> None:
        self.symbol_chosen.emit(record.code)

    # -- session -------------------------------------------------------------------------------
    def set_session(self, session: Any) -> None:
        old = self.hub
        if old is not None:
            old.changed.disconnect(self._on_quotes)
            old.release_owner(self)
        if self.poller is not None:
            poller, self.poller = self.poller, None
            Op(self, poller.stop, name="stop watchlist poll").run_in_background()
        self.session = session
        self.hub = getattr(session, "hub", None)
        self.conditions = []
        self.condition_box.clear()
        if session is None:
            self._timer.stop()
            return
        env = session.env.name
        if env in ("paper", "real"):
            from kisdesk.ui.order_dock import symbol_index_for

            self.set_symbols(symbol_index_for(env))
        if self.hub is not None:
            self.hub.changed.connect(self._on_quotes)
        if not self.paper:
            self.poller = MultiPricePoller(session.client, self._on_multi)
            self.load_conditions()
        self._timer.start()
        self._show_group(self.group_list.currentRow())

    @property
    def paper(self) -> bool:
        return self.session is not None and getattr(self.session.env, "profile", "") == "paper"

    def set_symbols(self, index: SymbolIndex) -> None:
        self.symbols = index
        self.add_edit.index = index

    def set_palette(self, palette: Palette) -> None:
        self.model.set_palette(palette)

    # -- groups --------------------------------------------------------------------------------
    def current_group(self) -> WatchGroup | None:
        row = self.group_list.currentRow()
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def _fill_groups(self, select: int | None = None) -> None:
        current = self.group_list.currentRow() if select is None else select
        self.group_list.blockSignals(True)
        self.group_list.clear()
        for g in self.groups:
            self.group_list.addItem(f"{g.name} ({len(g.codes)})")
        self.group_list.blockSignals(False)
        if self.groups:
            self.group_list.setCurrentRow(max(0, min(current, len(self.groups) - 1)))
        self._show_group(self.group_list.currentRow())

    def _save(self) -> None:
        save_groups(self.settings, self.groups)
        self.groups_changed.emit()

    def add_group(self, name: str, codes: list[str] | None = None) -> WatchGroup:
        group = WatchGroup(name.strip(), list(dict.fromkeys(codes or []))[:MAX_SYMBOLS])
        self.groups.append(group)
        self._save()
        self._fill_groups(len(self.groups) - 1)
        return group

    def _ask_name(self, title: str, text: str, done: Any) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setObjectName("groupNameDialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(translate("Watchlist", "Group name:"))
        dialog.setTextValue(text)
        dialog.textValueSelected.connect(lambda value: value.strip() and done(value.strip()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def new_group(self) -> QInputDialog:
        name = translate("Watchlist", "Group {n}").format(n=len(self.groups) + 1)
        return self._ask_name(translate("Watchlist", "New group"), name, self.add_group)

    def rename_group(self) -> QInputDialog | None:
        group = self.current_group()
        if group is None:
            return None

        def rename(name: str) -> None:
            group.name = name
            self._save()
            self._fill_groups()

        return self._ask_name(translate("Watchlist", "Rename group"), group.name, rename)

    def delete_group(self) -> QMessageBox | None:
        group = self.current_group()
        if group is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("Watchlist", "Delete group"),
            translate("Watchlist", "Delete the group {name} and its {n} symbols?").format(
                name=group.name, n=len(group.codes)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("deleteGroupBox")
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes and group in self.groups:
                self.groups.remove(group)
                self._save()
                self._fill_groups()

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def move_group(self, step: int) -> None:
        row = self.group_list.currentRow()
        to = row + step
        if not (0 <= row < len(self.groups) and 0 <= to < len(self.groups)):
            return
        self.groups[row], self.groups[to] = self.groups[to], self.groups[row]
        self._save()
        self._fill_groups(to)

    # -- symbols -------------------------------------------------------------------------------
    def _add_chosen(self, symbol: Symbol) -> None:
        self.add_code(symbol.code)
        self.add_edit.clear()

    def add_code(self, code: str) -> bool:
        group = self.current_group()
        if group is None:
            group = self.add_group(translate("Watchlist", "Group {n}").format(n=1))
        if code in group.codes:
            self._say(translate("Watchlist", "{code} is already in this group.").format(code=code))
            return False
        if len(group.codes) >= MAX_SYMBOLS:
            self._say(
                translate("Watchlist", "A group holds at most {n} symbols.").format(n=MAX_SYMBOLS)
            )
            return False
        group.codes.append(code)
        self._save()
        self._fill_groups()
        return True

    def remove_selected(self) -> None:
        group = self.current_group()
        chosen = {r.code for r in self.table.selected_records()}
        if group is None or not chosen:
            return
        row = self.table.view.currentIndex().row()
        group.codes = [c for c in group.codes if c not in chosen]
        self._save()
        self._fill_groups()
        if self.table.proxy.rowCount():
            self.table.view.setCurrentIndex(
                self.table.proxy.index(min(row, self.table.proxy.rowCount() - 1), 0)
            )

    def move_current(self, step: int) -> None:
        group = self.current_group()
        record = self.table.current_record()
        if group is None or record is None:
            return
        i = group.codes.index(record.code)
        to = i + step
        if not 0 <= to < len(group.codes):
            return
        group.codes[i], group.codes[to] = group.codes[to], group.codes[i]
        self._save()
        # Moving means the group's order: show it unsorted.
        self.table.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.proxy.sort(-1)
        self._fill_groups()
        self.table.view.setCurrentIndex(self.table.proxy.index(to, 0))

    def codes_shown(self) -> list[str]:
        """The rows in the order on screen."""
        proxy = self.table.proxy
        return [
            self.model.record_at(proxy.mapToSource(proxy.index(r, 0)).row()).code
            for r in range(proxy.rowCount())
        ]

    def _show_group(self, _row: int) -> None:
        group = self.current_group()
        codes = group.codes if group is not None else []
        rows = []
        for code in codes:
            row = self._rows.get(code)
            if row is None:
                sym = self.symbols.get(code)
                row = WatchRow(code, sym.name if sym is not None else code)
                if self.hub is not None:
                    quote = self.hub.quote(domestic(code))
                    if quote is not None:
                        row = row_with_quote(row, quote, self.hub.served(domestic(code)))
                self._rows[code] = row
            rows.append(row)
        if [r.code for r in self.model.records()] != list(codes):
            self.model.clear()  # set_records keeps the rows it knows where they are
        self.model.set_records(rows)
        if rows and not self._fitted and not self.settings.contains(f"{SETTINGS_KEY}/header"):
            # Once, before a saved layout exists: every column in view beside the order dock.
            self._fitted = True
            QTimer.singleShot(2000, self, self._fit_columns)  # once prices have arrived
        if self.hub is not None:
            self.hub.watch_only(
                self, [domestic(c) for c in codes], Priority.WATCHLIST, poll=self.paper
            )
        self._update_polled()

    def _fit_columns(self) -> None:
        view = self.table.view
        header = view.horizontalHeader()
        view.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            header.resizeSection(col, max(header.sectionSize(col), header.sectionSizeHint(col)))
        name = self.model.column_of("name")
        if name is not None:  # long ETF names elide rather than push the feed and age away
            header.resizeSection(name, min(header.sectionSize(name), NAME_WIDTH))

    # -- live values ---------------------------------------------------------------------------
    def _on_quotes(self, keys: frozenset[QuoteKey]) -> None:
        changed = []
        for key in keys:
            if not key.domestic or self.model.row_of(key.code) is None:
                continue
            quote = self.hub.quote(key)
            old = self._rows.get(key.code)
            if quote is None or old is None:
                continue
            new = row_with_quote(old, quote, self.hub.served(key))
            self._remember(old, new)
            changed.append(new)
        if changed:
            self.model.upsert(changed)

    def _on_multi(self, quotes: list[Any], received: float) -> None:
        changed = []
        for q in quotes:
            old = self._rows.get(q.code)
            if old is None:
                continue
            # A streamed value newer than the poll's question wins.
            if old.source is Source.STREAMED and old.received >= received:
                continue
            new = row_with_multi(old, q, received)
            self._remember(old, new)
            changed.append(new)
        if changed:
            self.model.upsert([r for r in changed if self.model.row_of(r.code) is not None])

    def _remember(self, old: WatchRow, new: WatchRow) -> None:
        self._rows[new.code] = new
        if old.price is not None and new.price is not None and new.price != old.price:
            self.model.flash(new.code, new.price > old.price)

    def _update_polled(self) -> None:
        """The symbols the stream does not serve now, for the D19 poller."""
        if self.poller is None or self.hub is None:
            return
        group = self.current_group()
        codes = group.codes if group is not None else []
        self.poller.set_codes(
            [c for c in codes if self.hub.served(domestic(c)) is not Source.STREAMED]
        )

    def polled_codes(self) -> list[str]:
        return self.poller.codes if self.poller is not None else []

    def _tick(self) -> None:
        self._update_polled()
        # Ages and stale marks move with the clock: re-offer the rows (only changed cells go).
        rows = [self._rows[r.code] for r in self.model.records() if r.code in self._rows]
        fresh = []
        for row in rows:
            served = self.hub.served(domestic(row.code)) if self.hub is not None else None
            if served is not None and served is not row.source and row.price is not None:
                row = self._rows[row.code] = dataclasses.replace(row, source=served)
            fresh.append(row)
        self.model.upsert(fresh)

    # -- HTS groups and condition search (real only) ------------------------------------------
    def _hts_id(self) -> str:
        creds = getattr(getattr(self.session, "client", None), "creds", None)
        return str(getattr(creds, "hts_id", "") or "")

    def import_hts_groups(self) -> Op[Any] | None:
        if not self._can_use_server(translate("Watchlist", "Importing HTS groups")):
            return None
        client, hts = self.session.client, self._hts_id()

        async def work() -> list[tuple[str, list[str]]]:
            out = []
            for g in await client.hts_groups(hts):
                stocks = await client.hts_group_stocks(hts, g.code)
                out.append((g.name, [s.code for s in stocks]))
            return out

        def done(groups: list[tuple[str, list[str]]]) -> None:
            names = {g.name: g for g in self.groups}
            for name, codes in groups:
                label = f"HTS {name}"
                if label in names:
                    names[label].codes = list(dict.fromkeys(codes))[:MAX_SYMBOLS]
                else:
                    self.groups.append(WatchGroup(label, list(dict.fromkeys(codes))[:MAX_SYMBOLS]))
            self._save()
            self._fill_groups()
            self._say(
                translate("Watchlist", "Imported {n} HTS groups (a copy).").format(n=len(groups))
            )

        op = Op(self, work, name="import HTS groups").success(done).failure(self._say)
        op.run_in_background()
        return op

    def load_conditions(self) -> Op[Any] | None:
        if self.session is None or self.paper or not self._hts_id():
            return None
        client, hts = self.session.client, self._hts_id()

        def done(conditions: list[Any]) -> None:
            self.conditions = conditions
            self.condition_box.clear()
            for c in conditions:
                self.condition_box.addItem(f"{c.group} / {c.name}", c.seq)

        op = Op(self, partial(client.saved_conditions, hts), name="conditions").success(done)
        op.failure(self._say).run_in_background()
        return op

    def fill_from_condition(self) -> Op[Any] | None:
        if not self._can_use_server(translate("Watchlist", "Condition search")):
            return None
        seq = self.condition_box.currentData()
        if seq is None:
            self._say(translate("Watchlist", "No saved condition: load them from the HTS first."))
            return None
        name = self.condition_box.currentText()
        client, hts = self.session.client, self._hts_id()

        def done(hits: list[Any]) -> None:
            codes = [h.code for h in hits][:MAX_SYMBOLS]
            group = self.current_group()
            if group is None:
                self.add_group(name, codes)
            else:
                group.codes = codes
                self._save()
                self._fill_groups()
            self._say(
                translate("Watchlist", "{name}: {n} symbols.").format(name=name, n=len(codes))
            )

        op = Op(self, partial(client.condition_results, hts, seq), name="condition search")
        op.success(done).failure(self._say).run_in_background()
        return op

    def _can_use_server(self, what: str) -> bool:
        if self.session is None:
            self._say(translate("Watchlist", "{what}: not connected.").format(what=what))
            return False
        if self.paper:
            self._say(
                translate(
                    "Watchlist", "{what} is not offered in paper trading (모의투자 미지원)."
                ).format(what=what)
            )
            return False
        if not self._hts_id():
            self._say(
                translate("Watchlist", "{what} needs your HTS ID (set it in the profile).").format(
                    what=what
                )
            )
            return False
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # -- keys ----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key, mods = event.key(), event.modifiers()
        ctrl = mods & Qt.KeyboardModifier.ControlModifier
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(key)) if ctrl else None
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.add_edit:
            back = key == Qt.Key.Key_Escape and not self.add_edit.popup_visible()
            if back and kind == QEvent.Type.KeyPress:
                self.focus_table()
            elif back:
                event.accept()
            return back
        if watched is self.group_list:
            handled = step is not None or enter or key in _GROUP_KEYS
            if kind == QEvent.Type.ShortcutOverride:
                if handled:  # ours, not the window's F2 (order panel symbol)
                    event.accept()
                return handled
            if step is not None:
                self.move_group(step)
            elif key == Qt.Key.Key_Insert:
                self.new_group()
            elif key == Qt.Key.Key_Delete:
                self.delete_group()
            elif key == Qt.Key.Key_F2:
                self.rename_group()
            elif enter:
                self.focus_table()
            return handled
        if watched is self.table.view:
            handled = step is not None or key in (Qt.Key.Key_Delete, Qt.Key.Key_Insert)
            if kind == QEvent.Type.ShortcutOverride:
                if handled:
                    event.accept()
                return handled
            if step is not None:
                self.move_current(step)
            elif key == Qt.Key.Key_Delete:
                self.remove_selected()
            elif key == Qt.Key.Key_Insert:
                self.focus_add()
            return handled
        return super().eventFilter(watched, event)

    def focus_add(self) -> None:
        self.add_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_default(self) -> None:
        """The tab shown (Ctrl+4): the group list has the keyboard."""
        self.group_list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_table(self) -> None:
        view = self.table.view
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not view.currentIndex().isValid() and self.table.proxy.rowCount():
            view.setCurrentIndex(self.table.proxy.index(0, 0))

    # -- layout --------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        self.table.save_state(settings, SETTINGS_KEY)

    def restore_state(self, settings: QSettings) -> None:
        self.table.restore_state(settings, SETTINGS_KEY)

    def shutdown_poller(self) -> Op[Any] | None:
        poller, self.poller = self.poller, None
        if poller is None:
            return None
        op = Op(self, poller.stop, name="stop watchlist poll")
        op.run_in_background()
        return op
