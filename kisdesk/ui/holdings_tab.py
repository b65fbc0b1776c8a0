"""국내잔고: the domestic holdings table, its summary strip, progress, empty and error states."""

from __future__ import annotations

import dataclasses
import time
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from kisdesk.domain.format import (
    Direction,
    direction_of,
    fmt_change,
    fmt_int,
    fmt_krw,
    fmt_rate,
    fmt_signed,
)
from kisdesk.i18n import translate
from kisdesk.kis.records import DomesticBalance, DomesticBalanceSummary
from kisdesk.models.columns import Column
from kisdesk.models.palette import KOREAN, Palette
from kisdesk.services.live_apply import holding_after, holding_at, summary_after
from kisdesk.services.live_quotes import QuoteKey, domestic
from kisdesk.services.refresher import Progress
from kisdesk.services.session import Session
from kisdesk.ui.data_tab import DataTab, TabTexts
from kisdesk.ui.live_prices import VisibleRows, serving_tip, weak_tooltip
from kisdesk.ui.table_view import RecordTableView


def holdings_columns() -> list[Column]:
    """Columns of output1, in the order Korean HTS screens use."""

    def by(attr: str):
        return lambda r: direction_of(getattr(r, attr))

    return [
        Column("name", translate("Holdings", "Name"), align="left"),
        Column("code", translate("Holdings", "Code"), align="center"),
        Column("quantity", translate("Holdings", "Quantity"), fmt=fmt_int),
        Column("orderable_qty", translate("Holdings", "Orderable"), fmt=fmt_int),
        Column("avg_price", translate("Holdings", "Avg price"), fmt=fmt_krw),
        Column("price", translate("Holdings", "Price"), fmt=fmt_krw, direction=by("change")),
        Column("change", translate("Holdings", "Change"), fmt=fmt_change, direction=by("change")),
        Column(
            "change_rate",
            translate("Holdings", "Change %"),
            fmt=fmt_rate,
            direction=by("change_rate"),
        ),
        Column("purchase_amount", translate("Holdings", "Purchase amt"), fmt=fmt_krw),
        Column("eval_amount", translate("Holdings", "Eval amt"), fmt=fmt_krw),
        Column("pnl", translate("Holdings", "P&L"), fmt=fmt_signed, direction=by("pnl")),
        Column("pnl_rate", translate("Holdings", "Return %"), fmt=fmt_rate, direction=by("pnl")),
    ]


# (attribute of the summary record, label, coloured by sign)
SUMMARY_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("deposit", QT_TRANSLATE_NOOP("Holdings", "Deposit"), False),
    ("deposit_d2", QT_TRANSLATE_NOOP("Holdings", "D+2 deposit"), False),
    ("securities_eval", QT_TRANSLATE_NOOP("Holdings", "Securities eval"), False),
    ("total_eval", QT_TRANSLATE_NOOP("Holdings", "Total eval"), False),
    ("pnl_total", QT_TRANSLATE_NOOP("Holdings", "Total P&L"), True),
    ("net_assets", QT_TRANSLATE_NOOP("Holdings", "Net assets"), False),
    ("asset_change", QT_TRANSLATE_NOOP("Holdings", "Asset change"), True),
)


class SummaryStrip(QFrame):
    """output2 of the balance: one row of labelled totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(0)
        self.values: dict[str, QLabel] = {}
        self._palette = KOREAN
        for col, (attr, label, _) in enumerate(SUMMARY_FIELDS):
            title = QLabel(translate("Holdings", label))
            title.setStyleSheet("color: #666; font-size: 11px;")
            value = QLabel("–")
            value.setObjectName(f"summary_{attr}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setStyleSheet("font-weight: bold;")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(title, 0, col)
            grid.addWidget(value, 1, col)
            self.values[attr] = value

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette

    def show_summary(self, summary: DomesticBalanceSummary) -> None:
        # Live prices call this every frame: a label is touched only when it changes (a style
        # sheet set, even the same one, re-polishes the label).
        for attr, _, coloured in SUMMARY_FIELDS:
            value: Decimal | None = getattr(summary, attr, None)
            label = self.values[attr]
            text = fmt_signed(value) if coloured else fmt_krw(value)
            if label.text() != text:
                label.setText(text)
            colour = ""
            if coloured:
                d = direction_of(value)
                colour = {Direction.UP: self._palette.up, Direction.DOWN: self._palette.down}.get(
                    d, ""
                )
            style = f"font-weight: bold; color: {colour};" if colour else "font-weight: bold;"
            if label.styleSheet() != style:
                label.setStyleSheet(style)


class HoldingsTab(DataTab[DomesticBalance]):
    """The domestic balance. Its refresh runs while the tab is hidden too: it is the account's
    heartbeat (the status bar's connection state, the first load of the app)."""

    sell_requested = Signal(object)  # the DomesticHolding record

    TEXTS = TabTexts(
        context="Holdings",
        loading=QT_TRANSLATE_NOOP("Holdings", "Loading balance…"),
        load_failed=QT_TRANSLATE_NOOP("Holdings", "Could not load the balance.\n{msg}"),
        refresh_failed=QT_TRANSLATE_NOOP("Holdings", "Refresh failed: {msg}"),
    )
    SETTINGS_KEY = "tables/domestic"
    AUTO_WHEN_HIDDEN = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = SummaryStrip()
        self.hub: Any = None  # the session's QuoteHub: prices move between refreshes
        self._asked_at = 0.0  # when the balance on screen was asked for
        self._summary: Any = None  # output2 as moved by live prices and fills
        columns = [
            dataclasses.replace(c, tooltip=weak_tooltip(self._price_tip)) if c.key == "price" else c
            for c in holdings_columns()
        ]
        self.table = RecordTableView(columns, row_key=lambda r: r.code)
        self.table.activated_record.connect(self.sell_requested)
        self.visible = VisibleRows(self.table, lambda r: domestic(r.code), self)
        self.empty_page.message.setText(translate("Holdings", "No holdings"))
        self.build(self.table, above=[self.summary])

    async def fetch(self, session: Session, progress: Progress) -> DomesticBalance:
        self._asked_at = time.monotonic()
        return await session.client.domestic_balance(progress=progress)

    def show_progress(self, pages: int, rows: int) -> None:
        if not self.has_data:
            self.loading_page.message.setText(
                translate("Holdings", "Loading balance… page {pages}, {rows} rows").format(
                    pages=pages, rows=rows
                )
            )

    def show_result(self, balance: DomesticBalance) -> None:
        holdings = self._live(balance.holdings)
        self.table.model.set_records(holdings)
        self.fit_once("", self.table)
        self._summary = summary_after(balance.summary, balance.holdings, holdings)
        self.summary.show_summary(self._summary)
        self.stack.setCurrentIndex(self.PAGE_TABLE if balance.holdings else self.PAGE_EMPTY)
        if self.hub is not None:
            self.hub.watch_only(self, [domestic(h.code) for h in holdings])

    def on_loaded(self, balance: DomesticBalance) -> None:
        """Show a balance obtained elsewhere (the GUI bench feeds rows this way)."""
        self.display(balance)

    def clear_data(self) -> None:
        self.table.model.clear()
        self._summary = None
        if self.hub is not None:
            self.hub.release_owner(self)

    # -- live prices and execution notices (the session's QuoteHub) ----------------------------
    def set_session(self, session: Any) -> None:
        self._set_hub(getattr(session, "hub", None))
        super().set_session(session)

    def _set_hub(self, hub: Any) -> None:
        old, self.hub = self.hub, None
        if old is not None:
            old.changed.disconnect(self._on_quotes)
            old.notice.disconnect(self._on_notice)
            old.release_owner(self)
        if hub is not None:
            hub.changed.connect(self._on_quotes)
            hub.notice.connect(self._on_notice)
        self.hub = hub
        self.visible.set_hub(hub)

    def _live(self, holdings: list[Any]) -> list[Any]:
        """A fresh balance with the hub's quotes that are newer than the balance's request."""
        if self.hub is None:
            return list(holdings)
        out = []
        for h in holdings:
            quote = self.hub.quote(domestic(h.code))
            fresh = quote is not None and quote.received >= self._asked_at
            out.append(holding_at(h, quote) if fresh else h)
        return out

    def _price_tip(self, record: Any) -> str | None:
        return serving_tip(self.hub, domestic(record.code))

    def _on_quotes(self, keys: frozenset[QuoteKey]) -> None:
        """One frame of moved prices: every changed row in one model update."""
        model = self.table.model
        before, after = [], []
        for key in keys:
            row = model.row_of(key.code) if key.domestic else None
            quote = self.hub.quote(key) if row is not None else None
            if quote is None:
                continue
            old = model.record_at(row)
            new = holding_at(old, quote)
            if new != old:
                before.append(old)
                after.append(new)
        if after:
            model.upsert(after)
            self._move_summary(before, after)

    def _on_notice(self, notice: Any) -> None:
        """An acknowledgement or a fill moves the holding at once; the REST refresh that the
        order service asks for confirms it."""
        code = getattr(notice, "code", None)
        if code is None or not hasattr(notice, "revision"):
            return  # not a domestic notice
        model = self.table.model
        row = model.row_of(code)
        old = model.record_at(row) if row is not None else None
        new = holding_after(old, notice, self.hub.quote(domestic(code)) if self.hub else None)
        if new is None or new == old:
            return
        model.upsert([new])
        self._move_summary([old] if old is not None else [], [new])
        if old is None:
            self.stack.setCurrentIndex(self.PAGE_TABLE)
            if self.hub is not None:
                self.hub.watch(self, domestic(code))

    def _move_summary(self, before: list[Any], after: list[Any]) -> None:
        if self._summary is not None:
            self._summary = summary_after(self._summary, before, after)
            self.summary.show_summary(self._summary)

    def set_palette(self, palette: Palette) -> None:
        self.table.model.set_palette(palette)
        self.summary.set_palette(palette)
