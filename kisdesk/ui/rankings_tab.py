"""순위: credit-balance, volume, risers/fallers and market-cap rankings (endpoints.md R1-R4).

Rankings are real-only (모의투자 미지원): in paper the tab says so and uses a real "market data"
client only when one is provided (``set_market_data_client``). Every ranking returns at most
30 rows with no next page, shown in the API's order. Double-click or Enter on a row emits
``symbol_chosen(code)``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kisdesk.domain.format import (
    direction_from_sign,
    fmt_change,
    fmt_int,
    fmt_krw,
    fmt_price,
    fmt_rate,
)
from kisdesk.domain.rankings import (
    MARKETS,
    MAX_ROWS,
    PERIOD_DEFAULT,
    PERIOD_MAX,
    PERIOD_MIN,
    PeriodError,
    RankingKind,
    parse_period,
    spec,
)
from kisdesk.models.columns import Column, by_sign, by_value
from kisdesk.models.palette import Palette
from kisdesk.models.qtfix import emit
from kisdesk.services.refresher import Refresher
from kisdesk.ui.i18n import translate
from kisdesk.ui.tab_states import StatePage
from kisdesk.ui.table_view import RecordTableView

log = logging.getLogger(__name__)

SETTINGS_KEY = "tables/rankings"
AUTO_SECONDS = 30


# -- what is asked and what comes back ---------------------------------------------------------


@dataclass(frozen=True)
class RankingQuery:
    kind: RankingKind
    market: str = "0000"  # FID_INPUT_ISCD
    sort: str = ""  # the kind's sort code ("" for kinds with a fixed sort)
    period: int | None = None  # FID_OPTION, credit ranking only


@dataclass(frozen=True)
class RankingResult:
    query: RankingQuery
    rows: list[Any]
    header: Any = None  # CreditBalanceHeader (output1) for the credit ranking


async def fetch_ranking(client: Any, query: RankingQuery) -> RankingResult:
    """One ranking request, dispatched to the client method of its kind."""
    kind = query.kind
    header = None
    if kind is RankingKind.CREDIT_BALANCE:
        answer = await client.credit_balance_ranking(
            query.sort or "0", market=query.market, days=query.period or PERIOD_DEFAULT
        )
        rows, header = list(answer.rows), answer.header
    elif kind is RankingKind.VOLUME:
        rows = await client.volume_rank(sector=query.market, sort=query.sort or "0")
    elif kind in (RankingKind.RISERS, RankingKind.FALLERS):
        rows = await client.fluctuation_rank(sort=spec(kind).fixed_sort, sector=query.market)
    else:
        rows = await client.market_cap_rank(sector=query.market)
    # At most 30 rows and no continuation (seed 002); keep the API's order.
    return RankingResult(query=query, rows=list(rows)[:MAX_ROWS], header=header)


class RankedRow:
    """A ranking row with its position in the answer; other attributes read through."""

    __slots__ = ("position", "record")

    def __init__(self, position: int, record: Any) -> None:
        self.position = position
        self.record = record

    @property
    def rank(self) -> int:
        data_rank = getattr(self.record, "rank", None)
        return int(data_rank) if data_rank else self.position + 1

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.record, name)


# -- columns ---------------------------------------------------------------------------------


def _pct(value: Any) -> str:
    """A share of something (not a change): ``12.34%`` without a sign."""
    text = fmt_price(value, 2)
    return f"{text}%" if text else ""


def _change(row: Any) -> str:
    return fmt_change(row.change, 0, direction=direction_from_sign(row.sign))


def _common() -> list[Column]:
    return [
        Column("rank", translate("Rankings", "Rank"), fmt=fmt_int, align="center"),
        Column("code", translate("Rankings", "Code"), align="center"),
        Column("name", translate("Rankings", "Name"), align="left"),
        Column("price", translate("Rankings", "Price"), fmt=fmt_krw, direction=by_sign("sign")),
        Column(
            "change",
            translate("Rankings", "Change"),
            display=_change,
            direction=by_sign("sign"),
        ),
        Column(
            "change_rate",
            translate("Rankings", "Change %"),
            fmt=fmt_rate,
            direction=by_sign("sign"),
        ),
        Column("volume", translate("Rankings", "Volume"), fmt=fmt_int),
    ]


def credit_columns() -> list[Column]:
    """output2 of FHKST17010000 (seed 002)."""
    return [
        *_common(),
        Column("loan_shares", translate("Rankings", "Loan shares"), fmt=fmt_int,
               header_tooltip="전체 융자 잔고 주수"),
        Column("loan_amount", translate("Rankings", "Loan amount"), fmt=fmt_int,
               header_tooltip="전체 융자 잔고 금액"),
        Column("loan_rate", translate("Rankings", "Loan ratio"), fmt=_pct,
               header_tooltip="전체 융자 잔고 비율"),
        Column("loan_increase_rate", translate("Rankings", "Loan N-day change"), fmt=fmt_rate,
               direction=by_value("loan_increase_rate"),
               header_tooltip="N일 대비 융자 잔고 증가율"),
        Column("short_shares", translate("Rankings", "Stock-loan shares"), fmt=fmt_int,
               header_tooltip="전체 대주 잔고 주수"),
        Column("short_amount", translate("Rankings", "Stock-loan amount"), fmt=fmt_int,
               header_tooltip="전체 대주 잔고 금액"),
        Column("short_rate", translate("Rankings", "Stock-loan ratio"), fmt=_pct,
               header_tooltip="전체 대주 잔고 비율"),
        Column("short_increase_rate", translate("Rankings", "Stock-loan N-day change"),
               fmt=fmt_rate, direction=by_value("short_increase_rate"),
               header_tooltip="N일 대비 대주 잔고 증가율"),
    ]  # fmt: skip


def volume_columns() -> list[Column]:
    return [
        *_common(),
        Column("prev_volume", translate("Rankings", "Prev. volume"), fmt=fmt_int),
        Column("avg_volume", translate("Rankings", "Avg volume"), fmt=fmt_int),
        Column("volume_increase_rate", translate("Rankings", "Volume increase"), fmt=fmt_rate,
               direction=by_value("volume_increase_rate")),
        Column("turnover_rate", translate("Rankings", "Turnover"), fmt=_pct),
        Column("trade_value", translate("Rankings", "Traded value"), fmt=fmt_krw),
    ]  # fmt: skip


def fluctuation_columns() -> list[Column]:
    return [
        *_common(),
        Column("high", translate("Rankings", "High"), fmt=fmt_krw),
        Column("low", translate("Rankings", "Low"), fmt=fmt_krw),
        Column("open_change_rate", translate("Rankings", "vs open"), fmt=fmt_rate,
               direction=by_value("open_change_rate")),
        Column("up_days", translate("Rankings", "Days up"), fmt=fmt_int),
        Column("down_days", translate("Rankings", "Days down"), fmt=fmt_int),
    ]  # fmt: skip


def market_cap_columns() -> list[Column]:
    return [
        *_common(),
        Column("listed_shares", translate("Rankings", "Listed shares"), fmt=fmt_int),
        Column("market_cap", translate("Rankings", "Market cap (100M KRW)"), fmt=fmt_int),
        Column("market_share", translate("Rankings", "Market share"), fmt=_pct),
    ]


# Which table (column set) shows which kind: risers and fallers share one.
TABLE_OF: dict[RankingKind, str] = {
    RankingKind.CREDIT_BALANCE: "credit",
    RankingKind.VOLUME: "volume",
    RankingKind.RISERS: "fluctuation",
    RankingKind.FALLERS: "fluctuation",
    RankingKind.MARKET_CAP: "market_cap",
}
_COLUMNS = {
    "credit": credit_columns,
    "volume": volume_columns,
    "fluctuation": fluctuation_columns,
    "market_cap": market_cap_columns,
}


def kind_label(kind: RankingKind) -> str:
    labels = {
        RankingKind.CREDIT_BALANCE: translate("Rankings", "Credit balance top"),
        RankingKind.VOLUME: translate("Rankings", "Volume"),
        RankingKind.RISERS: translate("Rankings", "Top risers"),
        RankingKind.FALLERS: translate("Rankings", "Top fallers"),
        RankingKind.MARKET_CAP: translate("Rankings", "Market cap"),
    }
    label, title = labels[kind], spec(kind).title
    # The API's Korean screen title helps an English reader; in Korean it would say it twice.
    return label if title in label else f"{label} ({title})"


def market_label(code: str) -> str:
    labels = {
        "0000": translate("Rankings", "All markets"),
        "0001": translate("Rankings", "KOSPI"),
        "1001": translate("Rankings", "KOSDAQ"),
        "2001": translate("Rankings", "KOSPI 200"),
    }
    name = next((m.name for m in MARKETS if m.code == code), "")
    label = labels.get(code, code)
    return f"{label} ({code})" if name and name in label else f"{label} ({name} {code})"


def _period_message(error: PeriodError) -> str:
    if error.reason == "empty":
        text = translate("Rankings", "Enter the increase period in days ({low}–{high}).")
    elif error.reason == "out_of_range":
        text = translate("Rankings", "The increase period must be from {low} to {high} days.")
    else:
        text = translate(
            "Rankings", "The increase period must be a whole number of days, {low}–{high}."
        )
    return text.format(low=PERIOD_MIN, high=PERIOD_MAX)


def _ymd(value: date | None) -> str:
    return value.isoformat() if value else "?"


# -- the tab -----------------------------------------------------------------------------------


class RankingsTab(QWidget):
    """Integration contract: ``set_session``, ``set_market_data_client``, ``refresh``,
    ``set_palette``, ``table``, ``save_state`` / ``restore_state``, ``symbol_chosen``."""

    symbol_chosen = Signal(str)
    market_data_key_requested = Signal()  # paper: the user wants to add a real data key
    loaded = Signal(object)  # the RankingResult shown
    rejected = Signal(str)  # a refresh refused before any request (bad input), with the message

    PAGE_TABLE, PAGE_EMPTY, PAGE_ERROR, PAGE_LOADING, PAGE_PAPER, PAGE_OFFLINE = range(6)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.session: Any = None
        self.market_data_client: Any = None
        self.auto_seconds = AUTO_SECONDS
        self.result: RankingResult | None = None
        self._query: RankingQuery | None = None  # the last query actually requested
        self._generation = 0
        self._loaded_at: datetime | None = None
        self._widths_set: set[str] = set()  # tables fitted to their first rows or restored

        self.refresher = Refresher(self._fetch, self)
        self.refresher.started.connect(self._on_started)
        self.refresher.loaded.connect(self._on_loaded)
        self.refresher.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer)

        # -- selectors
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("rankingKind")
        for kind in RankingKind:
            self.kind_box.addItem(kind_label(kind), kind.value)
        self.market_box = QComboBox()
        self.market_box.setObjectName("rankingMarket")
        for m in MARKETS:
            self.market_box.addItem(market_label(m.code), m.code)
        self.sort_box = QComboBox()
        self.sort_box.setObjectName("rankingSort")
        self.sort_label = QLabel(translate("Rankings", "Sort"))
        self.period_label = QLabel(translate("Rankings", "Increase period (days)"))
        self.period_edit = QLineEdit(str(PERIOD_DEFAULT))
        self.period_edit.setObjectName("rankingPeriod")
        self.period_edit.setMaximumWidth(70)
        self.period_edit.setPlaceholderText(f"{PERIOD_MIN}–{PERIOD_MAX}")
        self.period_edit.setToolTip(
            translate(
                "Rankings",
                "FID_OPTION: days over which the balance change is measured, {low}–{high}",
            ).format(low=PERIOD_MIN, high=PERIOD_MAX)
        )
        self.refresh_button = QPushButton(translate("Rankings", "Refresh"))
        self.updated = QLabel()
        self.updated.setStyleSheet("color: #666;")

        row = QHBoxLayout()
        row.addWidget(self.kind_box)
        row.addWidget(QLabel(translate("Rankings", "Market")))
        row.addWidget(self.market_box)
        row.addWidget(self.sort_label)
        row.addWidget(self.sort_box)
        row.addWidget(self.period_label)
        row.addWidget(self.period_edit)
        row.addStretch(1)
        row.addWidget(self.updated)
        row.addWidget(self.refresh_button)

        self.input_error = QLabel()
        self.input_error.setObjectName("rankingInputError")
        self.input_error.setStyleSheet("color: #c62828;")
        self.input_error.setWordWrap(True)
        self.input_error.hide()
        self.info = QLabel()  # base dates of the credit ranking, market-data source
        self.info.setObjectName("rankingInfo")
        self.info.setStyleSheet("color: #555;")

        # -- tables, one per column set, and the states
        self.tables: dict[str, RecordTableView] = {}
        self.table_stack = QStackedWidget()
        for name, columns in _COLUMNS.items():
            view = RecordTableView(columns(), row_key=lambda r: r.position)
            view.setObjectName(f"ranking_{name}")
            view.activated_record.connect(self._on_activated)
            self.tables[name] = view
            self.table_stack.addWidget(view)
        self.empty_page = StatePage()
        self.empty_page.message.setText(translate("Rankings", "No rows for this ranking"))
        self.error_page = StatePage(with_button=True)
        assert self.error_page.button is not None
        self.error_page.button.clicked.connect(self.refresh)
        self.loading_page = StatePage()
        self.loading_page.progress.show()
        self.loading_page.message.setText(translate("Rankings", "Loading ranking…"))
        self.paper_page = self._build_paper_page()
        self.offline_page = StatePage()
        self.offline_page.message.setText(translate("Rankings", "Not connected"))
        self.stack = QStackedWidget()
        for page in (
            self.table_stack,
            self.empty_page,
            self.error_page,
            self.loading_page,
            self.paper_page,
            self.offline_page,
        ):
            self.stack.addWidget(page)
        self.stack.setCurrentIndex(self.PAGE_OFFLINE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.input_error)
        layout.addWidget(self.info)
        layout.addWidget(self.stack, 1)

        self._fill_sorts()
        self._update_inputs()
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self.market_box.currentIndexChanged.connect(self.refresh)
        self.sort_box.currentIndexChanged.connect(self.refresh)
        self.period_edit.returnPressed.connect(self.refresh)
        self.period_edit.textEdited.connect(self._clear_input_error)
        self.refresh_button.clicked.connect(self.refresh)

    def _build_paper_page(self) -> QWidget:
        page = StatePage()
        page.message.setText(
            translate(
                "Rankings",
                "KIS does not offer rankings in paper trading (모의투자 미지원).\n"
                'They can come from the real environment instead: with a real "market data" '
                "app key saved, quotes and rankings are read from real while trading stays on "
                "paper.",
            )
        )
        self.market_data_button = QPushButton(translate("Rankings", "Use a real market-data key…"))
        self.market_data_button.setObjectName("marketDataButton")
        self.market_data_button.setToolTip(
            translate(
                "Rankings",
                "Opens the profile's set-up: add a real app key and secret for market data. "
                "Orders stay on paper.",
            )
        )
        self.market_data_button.clicked.connect(self.market_data_key_requested)
        layout = page.layout()
        assert layout is not None
        layout.insertWidget(3, self.market_data_button, 0, Qt.AlignmentFlag.AlignHCenter)
        return page

    # -- integration contract ---------------------------------------------------------------
    @property
    def table(self) -> RecordTableView:
        """The table of the ranking being shown (CSV export of the main window reads this)."""
        return self.tables[TABLE_OF[self.kind]]

    @property
    def kind(self) -> RankingKind:
        return RankingKind(self.kind_box.currentData())

    def set_session(self, session: Any) -> None:
        self._generation += 1
        self._stop()
        self.session = session
        self._clear()
        self._update_source()

    def set_market_data_client(self, client: Any) -> None:
        """A real-environment client for market data while the session trades on paper."""
        if client is self.market_data_client:
            return
        self._generation += 1
        self._stop()
        self.market_data_client = client
        self._clear()
        self._update_source()

    def refresh(self) -> None:
        """Validate the inputs and ask for the ranking (coalesced). Bad input is refused with a
        message and sends nothing."""
        if self._client() is None:
            return
        try:
            query = self.current_query()
        except PeriodError as error:
            message = _period_message(error)
            self.input_error.setText(message)
            self.input_error.show()
            self.period_edit.setStyleSheet("border: 1px solid #c62828;")
            emit(self.rejected, message)
            return
        self._clear_input_error()
        self._query = query
        if self.result is None or self.result.query != query:
            self._show_loading()
        self.refresher.request()

    def set_palette(self, palette: Palette) -> None:
        for view in self.tables.values():
            view.model.set_palette(palette)

    def save_state(self, settings: QSettings) -> None:
        for name, view in self.tables.items():
            view.save_state(settings, f"{SETTINGS_KEY}/{name}")
        settings.setValue(f"{SETTINGS_KEY}/kind", self.kind.value)
        settings.setValue(f"{SETTINGS_KEY}/market", self.market_box.currentData())
        settings.setValue(f"{SETTINGS_KEY}/period", self.period_edit.text())

    def restore_state(self, settings: QSettings) -> None:
        for name, view in self.tables.items():
            if view.restore_state(settings, f"{SETTINGS_KEY}/{name}"):
                self._widths_set.add(name)
        for box, key in ((self.kind_box, "kind"), (self.market_box, "market")):
            index = box.findData(settings.value(f"{SETTINGS_KEY}/{key}"))
            if index >= 0:
                box.blockSignals(True)
                box.setCurrentIndex(index)
                box.blockSignals(False)
        period = settings.value(f"{SETTINGS_KEY}/period")
        if isinstance(period, str) and period:
            self.period_edit.setText(period)
        self._fill_sorts()
        self._update_inputs()

    def set_auto_interval(self, seconds: int) -> None:
        self.auto_seconds = max(5, seconds)
        if self._timer.isActive():
            self._timer.start(self.auto_seconds * 1000)

    async def shutdown(self) -> None:
        self._generation += 1
        self._timer.stop()
        await self.refresher.cancel()

    # -- inputs -----------------------------------------------------------------------------
    def current_query(self) -> RankingQuery:
        """The query the selectors describe; PeriodError when the period is not 2–999."""
        kind = self.kind
        s = spec(kind)
        sort = (self.sort_box.currentData() or "") if s.sorts else (s.fixed_sort or "")
        period = parse_period(self.period_edit.text()) if s.uses_period else None
        return RankingQuery(
            kind=kind, market=self.market_box.currentData(), sort=sort, period=period
        )

    def select(
        self, kind: RankingKind | str, *, sort: str | None = None, market: str | None = None
    ) -> None:
        """Pick a ranking programmatically (menus, tests); triggers one refresh."""
        widgets = [self.kind_box, self.sort_box, self.market_box]
        for w in widgets:
            w.blockSignals(True)
        try:
            self.kind_box.setCurrentIndex(self.kind_box.findData(RankingKind(kind).value))
            self._fill_sorts()
            if sort is not None:
                index = self.sort_box.findData(sort)
                if index < 0:
                    raise ValueError(f"{kind}: no sort code {sort!r}")
                self.sort_box.setCurrentIndex(index)
            if market is not None:
                self.market_box.setCurrentIndex(self.market_box.findData(market))
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._on_kind_changed()

    def _fill_sorts(self) -> None:
        current = self.sort_box.currentData()
        self.sort_box.blockSignals(True)
        self.sort_box.clear()
        for s in spec(self.kind).sorts:
            self.sort_box.addItem(f"{s.name} ({s.code})", s.code)
        index = self.sort_box.findData(current)
        self.sort_box.setCurrentIndex(max(0, index) if self.sort_box.count() else -1)
        self.sort_box.blockSignals(False)

    def _update_inputs(self) -> None:
        s = spec(self.kind)
        self.sort_box.setVisible(bool(s.sorts))
        self.sort_label.setVisible(bool(s.sorts))
        self.period_edit.setVisible(s.uses_period)
        self.period_label.setVisible(s.uses_period)
        self.table_stack.setCurrentWidget(self.table)
        if not s.uses_period:
            self._clear_input_error()

    def _on_kind_changed(self, *_: Any) -> None:
        self._fill_sorts()
        self._update_inputs()
        self.info.clear()
        self.refresh()

    def _clear_input_error(self, *_: Any) -> None:
        self.input_error.hide()
        self.input_error.clear()
        self.period_edit.setStyleSheet("")

    # -- source: which client, or the paper message -----------------------------------------
    def _client(self) -> Any:
        if self.session is None:
            return None
        if self.market_data_client is not None:
            return self.market_data_client
        if getattr(self.session.env, "profile", "") == "paper":
            return None
        return self.session.client

    @property
    def paper_blocked(self) -> bool:
        return self.session is not None and self._client() is None

    def _update_source(self) -> None:
        client = self._client()
        enabled = client is not None
        for w in (self.kind_box, self.market_box, self.sort_box, self.period_edit):
            w.setEnabled(enabled)
        self.refresh_button.setEnabled(enabled)
        if self.session is None:
            self.stack.setCurrentIndex(self.PAGE_OFFLINE)
            return
        if client is None:
            self.stack.setCurrentIndex(self.PAGE_PAPER)
            return
        if self.isVisible():
            self._timer.start(self.auto_seconds * 1000)
            self.refresh()
        else:
            self._show_loading()

    def _stop(self) -> None:
        self._timer.stop()
        if self.refresher.busy:
            with contextlib.suppress(RuntimeError):  # no loop at interpreter shutdown
                asyncio.get_event_loop().create_task(self.refresher.cancel())

    # -- visibility drives the slow timer ---------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._client() is None:
            return
        self._timer.start(self.auto_seconds * 1000)
        stale = self._loaded_at is None or (
            (datetime.now() - self._loaded_at).total_seconds() >= self.auto_seconds
        )
        if stale and not self.refresher.busy:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def _on_timer(self) -> None:
        if self.isVisible():
            self.refresh()

    # -- fetching ---------------------------------------------------------------------------
    async def _fetch(self, _progress: Any) -> tuple[int, RankingResult]:
        client, query, generation = self._client(), self._query, self._generation
        if client is None or query is None:
            raise RuntimeError(translate("Rankings", "Not connected"))
        return generation, await fetch_ranking(client, query)

    def _show_loading(self) -> None:
        self.stack.setCurrentIndex(self.PAGE_LOADING)

    def _on_started(self) -> None:
        self.refresh_button.setEnabled(False)

    def _on_loaded(self, answer: tuple[int, RankingResult]) -> None:
        generation, result = answer
        self.refresh_button.setEnabled(self._client() is not None)
        if generation != self._generation or result.query != self._query:
            return  # for a session or a selection that is gone; a newer run follows
        self.result = result
        self._loaded_at = datetime.now()
        name = TABLE_OF[result.query.kind]
        view = self.tables[name]
        view.model.set_records(RankedRow(i, r) for i, r in enumerate(result.rows))
        if result.rows and name not in self._widths_set:
            view.view.resizeColumnsToContents()
            self._widths_set.add(name)
        self.table_stack.setCurrentWidget(view)
        self.stack.setCurrentIndex(self.PAGE_TABLE if result.rows else self.PAGE_EMPTY)
        self._show_info(result)
        self.updated.setText(
            translate("Rankings", "Updated {time}").format(
                time=self._loaded_at.strftime("%H:%M:%S")
            )
        )
        emit(self.loaded, result)

    def _on_failed(self, message: str) -> None:
        self.refresh_button.setEnabled(self._client() is not None)
        if self._client() is None:
            return
        self.error_page.message.setText(
            translate("Rankings", "Could not load the ranking.\n{msg}").format(msg=message)
        )
        self.stack.setCurrentIndex(self.PAGE_ERROR)
        self.updated.clear()

    def _show_info(self, result: RankingResult) -> None:
        parts: list[str] = []
        header = result.header
        if header is not None:
            parts.append(
                translate("Rankings", "Base dates {start} – {end}").format(
                    start=_ymd(header.date_from), end=_ymd(header.date_to)
                )
            )
            if header.sector_name:
                parts.append(f"{header.sector_name} ({header.sector_code})")
        if self.market_data_client is not None and self.session is not None:
            parts.append(translate("Rankings", "market data from the real environment"))
        self.info.setText(" · ".join(parts))

    def _on_activated(self, row: Any) -> None:
        code = getattr(row, "code", "")
        if code:
            emit(self.symbol_chosen, str(code))

    def _clear(self) -> None:
        self.result = None
        self._query = None
        self._loaded_at = None
        for view in self.tables.values():
            view.model.clear()
        self.info.clear()
        self.updated.clear()
        self._clear_input_error()
