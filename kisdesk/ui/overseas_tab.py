"""해외잔고: overseas holdings of every exchange, per-currency totals and the won view.

States, banner, refresher and timer come from DataTab (ui/data_tab.py); the tab refreshes while
it is visible, at the preference's interval (5 s at the least).
"""

from __future__ import annotations

import dataclasses
import logging
import time
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from kisdesk.domain.currency import (
    MARKETS,
    DecimalRange,
    fmt_exchange_rate,
    fmt_fx_amount,
    fmt_fx_price,
    fmt_fx_signed,
)
from kisdesk.domain.format import Direction, direction_of, fmt_krw, fmt_price, fmt_rate, fmt_signed
from kisdesk.i18n import translate
from kisdesk.models.columns import Column, by_value
from kisdesk.models.palette import KOREAN, Palette
from kisdesk.models.table import RecordTableModel
from kisdesk.services.live_apply import overseas_row_at, totals_after
from kisdesk.services.live_quotes import QuoteKey
from kisdesk.services.overseas import OverseasRow, OverseasSnapshot, fetch_overseas
from kisdesk.services.refresher import Progress
from kisdesk.services.session import Session
from kisdesk.ui.data_tab import DataTab, TabTexts
from kisdesk.ui.live_prices import VisibleRows, serving_tip, weak_tooltip
from kisdesk.ui.table_view import RecordTableView

log = logging.getLogger(__name__)


def us_daytime_note() -> str:
    # Seed 000: for US daytime-tradable stocks the API reports night-session values.
    return translate(
        "Overseas",
        "US stocks that also trade in the daytime session: during daytime hours KIS's API "
        "reports this value from the night session, so it can differ from the daytime price "
        "shown in the HTS.",
    )


def _is_us(row: OverseasRow) -> bool:
    market = MARKETS.get(row.exchange)
    return market.is_us if market is not None else row.currency == "USD"


def _us_tip(row: OverseasRow) -> str | None:
    return us_daytime_note() if _is_us(row) else None


def quote_key(row: OverseasRow) -> QuoteKey:
    return QuoteKey(row.exchange, row.code)


_QTY = DecimalRange(0, 6)


def fmt_qty(value: Decimal | None) -> str:
    """Whole shares as integers; a fractional quantity keeps its decimals."""
    return "" if value is None else fmt_price(value, _QTY.fit(value))


def _price(attr: str):  # type: ignore[no-untyped-def]
    return lambda r: fmt_fx_price(getattr(r, attr), r.currency, r.exchange)


def _amount(attr: str):  # type: ignore[no-untyped-def]
    return lambda r: fmt_fx_amount(getattr(r, attr), r.currency)


def _signed(attr: str):  # type: ignore[no-untyped-def]
    return lambda r: fmt_fx_signed(getattr(r, attr), r.currency)


def overseas_columns() -> list[Column]:
    """output1 of TTTS3012R (seed 000), then the won view from the present balance."""
    return [
        Column(
            "name",
            translate("Overseas", "Name"),
            align="left",
            header_tooltip="해외종목명 (ovrs_item_name)",
        ),
        Column(
            "code",
            translate("Overseas", "Code"),
            align="center",
            header_tooltip="해외상품번호 (ovrs_pdno)",
        ),
        Column(
            "exchange",
            translate("Overseas", "Exchange"),
            align="center",
            tooltip=lambda r: MARKETS[r.exchange].name if r.exchange in MARKETS else None,
            header_tooltip="해외거래소코드 (ovrs_excg_cd)",
        ),
        Column(
            "currency",
            translate("Overseas", "Currency"),
            align="center",
            header_tooltip="거래통화코드",
        ),
        Column(
            "quantity",
            translate("Overseas", "Quantity"),
            fmt=fmt_qty,
            header_tooltip="해외잔고수량",
        ),
        Column(
            "orderable_qty",
            translate("Overseas", "Orderable"),
            fmt=fmt_qty,
            header_tooltip="주문가능수량",
        ),
        Column(
            "avg_price",
            translate("Overseas", "Avg price"),
            display=_price("avg_price"),
            header_tooltip="매입평균가격",
        ),
        Column(
            "price",
            translate("Overseas", "Price"),
            display=_price("price"),
            direction=by_value("pnl"),
            tooltip=_us_tip,
            header_tooltip="현재가격2 (now_pric2)",
        ),
        Column(
            "purchase_amount",
            translate("Overseas", "Purchase amt"),
            display=_amount("purchase_amount"),
            header_tooltip="외화매입금액1",
        ),
        Column(
            "eval_amount",
            translate("Overseas", "Eval amt"),
            display=_amount("eval_amount"),
            tooltip=_us_tip,
            header_tooltip="해외주식평가금액",
        ),
        Column(
            "pnl",
            translate("Overseas", "P&L"),
            display=_signed("pnl"),
            direction=by_value("pnl"),
            tooltip=_us_tip,
            header_tooltip="외화평가손익금액",
        ),
        Column(
            "pnl_rate",
            translate("Overseas", "Return %"),
            fmt=fmt_rate,
            direction=by_value("pnl_rate"),
            tooltip=_us_tip,
            header_tooltip="평가손익율",
        ),
        Column(
            "fx_rate",
            translate("Overseas", "FX rate"),
            fmt=fmt_exchange_rate,
            header_tooltip="기준환율",
        ),
        Column(
            "eval_krw",
            translate("Overseas", "Eval (KRW)"),
            fmt=fmt_krw,
            header_tooltip="원화 평가금액",
        ),
    ]


def totals_columns() -> list[Column]:
    return [
        Column("currency", translate("Overseas", "Currency"), align="center"),
        Column(
            "exchanges",
            translate("Overseas", "Exchanges"),
            align="left",
            fmt=lambda v: ", ".join(v or ()),
        ),
        Column(
            "count", translate("Overseas", "Holdings"), fmt=lambda v: "" if v is None else str(v)
        ),
        Column(
            "purchase",
            translate("Overseas", "Purchase amt"),
            display=lambda r: fmt_fx_amount(r.purchase, r.currency),
        ),
        Column(
            "evaluation",
            translate("Overseas", "Eval amt"),
            display=lambda r: fmt_fx_amount(r.evaluation, r.currency),
        ),
        Column(
            "pnl",
            translate("Overseas", "P&L"),
            display=lambda r: fmt_fx_signed(r.pnl, r.currency),
            direction=by_value("pnl"),
        ),
        Column(
            "pnl_rate",
            translate("Overseas", "Return %"),
            fmt=fmt_rate,
            direction=by_value("pnl_rate"),
        ),
        Column(
            "realized_pnl",
            translate("Overseas", "Realized P&L"),
            display=lambda r: fmt_fx_signed(r.realized_pnl, r.currency),
            direction=by_value("realized_pnl"),
        ),
        Column("fx_rate", translate("Overseas", "FX rate"), fmt=fmt_exchange_rate),
        Column("eval_krw", translate("Overseas", "Eval (KRW)"), fmt=fmt_krw),
    ]


class OverseasTab(DataTab[OverseasSnapshot]):
    """Integration contract: ``set_session``, ``refresh``, ``set_palette``, ``table``,
    ``save_state`` / ``restore_state``, ``loaded`` (the OverseasSnapshot shown)."""

    TEXTS = TabTexts(
        context="Overseas",
        loading=QT_TRANSLATE_NOOP("Overseas", "Loading overseas balance…"),
        load_failed=QT_TRANSLATE_NOOP("Overseas", "Could not load the overseas balance.\n{msg}"),
        refresh_failed=QT_TRANSLATE_NOOP("Overseas", "Refresh failed: {msg}"),
        not_connected=QT_TRANSLATE_NOOP("Overseas", "Not connected"),
    )
    SETTINGS_KEY = "tables/overseas"
    AUTO_SECONDS = 60  # until the preference arrives
    # A balance of every exchange is heavy (one call per exchange and page), and KIS refreshes
    # overseas prices with a delay: never more often than this, whatever the preference.
    MIN_AUTO_S = 5

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._palette = KOREAN

        # -- tool row: exchange filter, refresh, last update
        self.exchange_filter = QComboBox()
        self.exchange_filter.setObjectName("exchangeFilter")
        self.exchange_filter.addItem(translate("Overseas", "All exchanges"), "")
        self.exchange_filter.currentIndexChanged.connect(self._apply_filter)
        self.refresh_button = QPushButton(translate("Overseas", "Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.updated = QLabel()
        self.updated.setStyleSheet("color: #666;")
        tools = QHBoxLayout()
        tools.addWidget(QLabel(translate("Overseas", "Exchange")))
        tools.addWidget(self.exchange_filter)
        tools.addStretch(1)
        tools.addWidget(self.updated)
        tools.addWidget(self.refresh_button)

        # -- per-currency totals and the won line
        self.totals_model = RecordTableModel(totals_columns(), row_key=lambda t: t.currency)
        self.totals_model.setParent(self)
        self.totals_view = QTableView()
        self.totals_view.setObjectName("currencyTotals")
        self.totals_view.setModel(self.totals_model)
        self.totals_view.verticalHeader().setVisible(False)
        self.totals_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.totals_view.setWordWrap(False)
        self.totals_view.horizontalHeader().setStretchLastSection(True)
        self.totals_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.totals_view.verticalHeader().setDefaultSectionSize(
            self.totals_view.fontMetrics().height() + 6
        )
        self.totals_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._fit_totals()
        self.krw_line = QLabel()
        self.krw_line.setObjectName("krwLine")
        self.krw_line.setWordWrap(True)
        self.krw_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # -- the table and its states; the banner also names exchanges that failed
        self.hub: Any = None  # the session's QuoteHub: prices move between refreshes
        self._asked_at = 0.0
        columns = [
            dataclasses.replace(c, tooltip=weak_tooltip(self._price_tip)) if c.key == "price" else c
            for c in overseas_columns()
        ]
        self.table = RecordTableView(columns, row_key=lambda r: r.key)
        self.visible = VisibleRows(self.table, quote_key, self)
        self.empty_page.message.setText(translate("Overseas", "No overseas holdings"))
        self.build(self.table, above=[tools, self.totals_view, self.krw_line])
        self._update_button()

    @property
    def snapshot(self) -> OverseasSnapshot | None:
        return self.result

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        self.table.model.set_palette(palette)
        self.totals_model.set_palette(palette)
        if self.snapshot is not None:
            self._show_krw(self.snapshot)

    # -- the DataTab parts ------------------------------------------------------------------
    async def fetch(self, session: Session, progress: Progress) -> OverseasSnapshot:
        self._asked_at = time.monotonic()
        return await fetch_overseas(session.client, session.env.profile, progress=progress)

    def show_progress(self, done: int, total: int) -> None:
        text = translate("Overseas", "Loading overseas balance… {done} of {total} queries").format(
            done=done, total=total
        )
        self.loading_page.message.setText(text)
        if total:
            self.loading_page.progress.setRange(0, total)
            self.loading_page.progress.setValue(done)
        if self.updated is not None:
            self.updated.setText(text if self.has_data else "")

    def show_result(self, snapshot: OverseasSnapshot) -> None:
        snapshot = self._live(snapshot, self._asked_at)
        self.result = snapshot
        if self.hub is not None:
            self.hub.watch_only(self, [quote_key(r) for r in snapshot.rows])
        self._fill_filter(snapshot.exchanges)
        self._apply_filter()
        self.totals_model.set_records(snapshot.totals)
        self._fit_totals()
        self._show_krw(snapshot)
        if snapshot.failures:
            parts = "; ".join(f"{ex}: {msg}" for ex, msg in snapshot.failures.items())
            self.banner_text.setText(
                translate("Overseas", "Some exchanges could not be loaded: {parts}").format(
                    parts=parts
                )
            )
            self.banner.show()

    def clear_data(self) -> None:
        if self.hub is not None:
            self.hub.release_owner(self)
        self.table.model.clear()
        self.totals_model.clear()
        self._fit_totals()
        self.krw_line.clear()
        self._fill_filter([])

    # -- live prices (the session's QuoteHub) ----------------------------------------------------
    def set_session(self, session: Any) -> None:
        old, self.hub = self.hub, None
        if old is not None:
            old.changed.disconnect(self._on_quotes)
            old.release_owner(self)
        hub = getattr(session, "hub", None)
        if hub is not None:
            hub.changed.connect(self._on_quotes)
        self.hub = hub
        self.visible.set_hub(hub)
        super().set_session(session)

    def _price_tip(self, row: OverseasRow) -> str | None:
        tips = [t for t in (serving_tip(self.hub, quote_key(row)), _us_tip(row)) if t]
        return "\n".join(tips) or None

    def _live(self, snapshot: OverseasSnapshot, since: float, keys: Any = None) -> OverseasSnapshot:
        """``snapshot`` with the hub's quotes received after ``since`` (of ``keys`` only)."""
        if self.hub is None:
            return snapshot
        rows = []
        for row in snapshot.rows:
            key = quote_key(row)
            quote = self.hub.quote(key) if keys is None or key in keys else None
            fresh = quote is not None and quote.received >= since
            rows.append(overseas_row_at(row, quote) if fresh else row)
        if rows == snapshot.rows:
            return snapshot
        totals = totals_after(snapshot.totals, snapshot.rows, rows)
        return dataclasses.replace(snapshot, rows=rows, totals=totals)

    def _on_quotes(self, keys: frozenset[QuoteKey]) -> None:
        """One frame of moved prices: the rows shown, the totals, in one update each."""
        snapshot = self.snapshot
        if snapshot is None or not any(not k.domestic for k in keys):
            return
        moved = self._live(snapshot, 0.0, keys)
        if moved is snapshot:
            return
        self.result = moved
        exchange = self.exchange_filter.currentData() or ""
        changed = [
            new
            for old, new in zip(snapshot.rows, moved.rows, strict=True)
            if new != old and (not exchange or new.exchange == exchange)
        ]
        if changed:
            self.table.model.upsert(changed)
        if moved.totals != snapshot.totals:
            self.totals_model.upsert(moved.totals)

    def _fill_filter(self, exchanges: list[str]) -> None:
        current = self.exchange_filter.currentData() or ""
        self.exchange_filter.blockSignals(True)
        self.exchange_filter.clear()
        self.exchange_filter.addItem(translate("Overseas", "All exchanges"), "")
        for exchange in exchanges:
            name = MARKETS[exchange].name if exchange in MARKETS else ""
            self.exchange_filter.addItem(f"{exchange} {name}".strip(), exchange)
        index = self.exchange_filter.findData(current)
        self.exchange_filter.setCurrentIndex(max(0, index))
        self.exchange_filter.blockSignals(False)

    def _apply_filter(self) -> None:
        if self.snapshot is None:
            return
        exchange = self.exchange_filter.currentData() or ""
        rows = [r for r in self.snapshot.rows if not exchange or r.exchange == exchange]
        self.table.model.set_records(rows)
        self.fit_once("", self.table)
        if rows:
            self.stack.setCurrentIndex(self.PAGE_TABLE)
        elif not self.snapshot.rows:
            self.stack.setCurrentIndex(self.PAGE_EMPTY)
        else:
            self.empty_page.message.setText(translate("Overseas", "No holdings on this exchange"))
            self.stack.setCurrentIndex(self.PAGE_EMPTY)
            return
        self.empty_page.message.setText(translate("Overseas", "No overseas holdings"))

    def _fit_totals(self) -> None:
        """Columns to their contents and the view exactly as tall as its rows (one at least)."""
        view = self.totals_view
        if self.totals_model.rowCount():
            view.resizeColumnsToContents()
        rows = max(1, self.totals_model.rowCount())
        height = view.horizontalHeader().sizeHint().height()
        height += rows * view.verticalHeader().defaultSectionSize()
        scroll = view.horizontalScrollBar()
        if scroll.isVisible():
            height += scroll.sizeHint().height()
        view.setFixedHeight(height + 2 * view.frameWidth())

    def _show_krw(self, snapshot: OverseasSnapshot) -> None:
        krw = snapshot.krw
        if krw is not None and (krw.evaluation is not None or krw.purchase is not None):
            colour = {Direction.UP: self._palette.up, Direction.DOWN: self._palette.down}.get(
                direction_of(krw.pnl), ""
            )
            pnl = fmt_signed(krw.pnl)
            if colour:
                pnl = f'<span style="color:{colour}">{pnl}</span>'
            rate = f" ({fmt_rate(krw.return_rate)})" if krw.return_rate is not None else ""
            text = translate(
                "Overseas", "In won: purchase {purchase} · valuation {evaluation} · P&L {pnl}{rate}"
            ).format(
                purchase=fmt_krw(krw.purchase),
                evaluation=fmt_krw(krw.evaluation),
                pnl=pnl,
                rate=rate,
            )
            if not any(t.fx_rate for t in snapshot.totals) and snapshot.totals:
                text += " — " + translate(
                    "Overseas", "exchange rates per currency are not offered here"
                )
            self.krw_line.setText(text)
        elif snapshot.krw_error:
            self.krw_line.setText(
                translate("Overseas", "The won view is not available: {msg}").format(
                    msg=snapshot.krw_error
                )
            )
        else:
            self.krw_line.setText("")
