"""순위: credit-balance, volume, risers/fallers and market-cap rankings (endpoints.md R1-R4).

Rankings are real-only (모의투자 미지원): in paper the tab says so and uses a real "market data"
client only when one is provided (``set_market_data_client``). Every ranking returns at most
30 rows with no next page, shown in the API's order. Double-click or Enter on a row emits
``symbol_chosen(code)``.
"""

from __future__ import annotations

import logging
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
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
    PERIOD_DEFAULT,
    PERIOD_MAX,
    PERIOD_MIN,
    PeriodError,
    RankingKind,
    parse_period,
    spec,
)
from kisdesk.i18n import translate
from kisdesk.kis import KisClient
from kisdesk.models.columns import Column, by_sign, by_value
from kisdesk.models.palette import Palette
from kisdesk.services.rankings import (
    RankedRow,
    RankingQuery,
    RankingResult,
    RankingRow,
    fetch_ranking,
    ranked_rows,
)
from kisdesk.services.refresher import Progress
from kisdesk.services.session import Session
from kisdesk.ui.data_tab import DataTab, TabTexts
from kisdesk.ui.tab_states import StatePage
from kisdesk.ui.table_view import RecordTableView

log = logging.getLogger(__name__)

# -- columns ---------------------------------------------------------------------------------


def _pct(value: Decimal | None) -> str:
    """A share of something (not a change): ``12.34%`` without a sign."""
    text = fmt_price(value, 2)
    return f"{text}%" if text else ""


def _change(row: RankingRow) -> str:
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


class RankingsTab(DataTab[RankingResult]):
    """Integration contract: ``set_session``, ``set_market_data_client``, ``refresh``,
    ``set_palette``, ``table``, ``save_state`` / ``restore_state``, ``symbol_chosen``,
    ``loaded`` (the RankingResult shown)."""

    symbol_chosen = Signal(str)
    market_data_key_requested = Signal()  # paper: the user wants to add a real data key
    rejected = Signal(str)  # a refresh refused before any request (bad input), with the message

    PAGE_PAPER = DataTab.PAGE_OFFLINE + 1

    TEXTS = TabTexts(
        context="Rankings",
        loading=QT_TRANSLATE_NOOP("Rankings", "Loading ranking…"),
        load_failed=QT_TRANSLATE_NOOP("Rankings", "Could not load the ranking.\n{msg}"),
        refresh_failed=QT_TRANSLATE_NOOP("Rankings", "Refresh failed: {msg}"),
        not_connected=QT_TRANSLATE_NOOP("Rankings", "Not connected"),
    )
    SETTINGS_KEY = "tables/rankings"
    AUTO_SECONDS = 30  # until the preference arrives
    MIN_AUTO_S = 5  # a ranking moves slowly; one call each time

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.market_data_client: KisClient | None = None
        self._query: RankingQuery | None = None  # the last query actually requested

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
        self.empty_page.message.setText(translate("Rankings", "No rows for this ranking"))
        self.build(self.table_stack, above=[row, self.input_error, self.info])
        self.paper_page = self._build_paper_page()
        self.stack.addWidget(self.paper_page)
        assert self.stack.indexOf(self.paper_page) == self.PAGE_PAPER

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

    def set_market_data_client(self, client: KisClient | None) -> None:
        """A real-environment client for market data while the session trades on paper."""
        if client is self.market_data_client:
            return
        self.market_data_client = client
        self.restart()

    def set_palette(self, palette: Palette) -> None:
        for view in self.tables.values():
            view.model.set_palette(palette)

    def saved_views(self) -> dict[str, RecordTableView]:
        return dict(self.tables)

    def save_state(self, settings: QSettings) -> None:
        super().save_state(settings)
        settings.setValue(f"{self.SETTINGS_KEY}/kind", self.kind.value)
        settings.setValue(f"{self.SETTINGS_KEY}/market", self.market_box.currentData())
        settings.setValue(f"{self.SETTINGS_KEY}/period", self.period_edit.text())

    def restore_state(self, settings: QSettings) -> bool:
        restored = super().restore_state(settings)
        for box, key in ((self.kind_box, "kind"), (self.market_box, "market")):
            index = box.findData(settings.value(f"{self.SETTINGS_KEY}/{key}"))
            if index >= 0:
                box.blockSignals(True)
                box.setCurrentIndex(index)
                box.blockSignals(False)
        period = settings.value(f"{self.SETTINGS_KEY}/period")
        if isinstance(period, str) and period:
            self.period_edit.setText(period)
        self._fill_sorts()
        self._update_inputs()
        return restored

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

    def _on_kind_changed(self, *_: object) -> None:
        self._fill_sorts()
        self._update_inputs()
        self.info.clear()
        self.refresh()

    def _clear_input_error(self, *_: object) -> None:
        self.input_error.hide()
        self.input_error.clear()
        self.period_edit.setStyleSheet("")

    # -- source: which client, or the paper message -----------------------------------------
    def _client(self) -> KisClient | None:
        if self.session is None:
            return None
        if self.market_data_client is not None:
            return self.market_data_client
        if self.session.env.profile == "paper":
            return None
        return self.session.client

    @property
    def paper_blocked(self) -> bool:
        return self.session is not None and self._client() is None

    # -- the DataTab parts ------------------------------------------------------------------
    def can_refresh(self) -> bool:
        return self._client() is not None

    def restart(self) -> None:
        enabled = self.can_refresh()
        for w in (self.kind_box, self.market_box, self.sort_box, self.period_edit):
            w.setEnabled(enabled)
        super().restart()

    def idle_page(self) -> int:
        return self.PAGE_PAPER if self.paper_blocked else self.PAGE_OFFLINE

    def prepare_refresh(self) -> bool:
        """Validate the inputs: bad input is refused with a message and sends nothing."""
        try:
            query = self.current_query()
        except PeriodError as error:
            message = _period_message(error)
            self.input_error.setText(message)
            self.input_error.show()
            self.period_edit.setStyleSheet("border: 1px solid #c62828;")
            self.rejected.emit(message)
            return False
        self._clear_input_error()
        self._query = query
        if self.result is None or self.result.query != query:
            self.show_loading()  # another ranking: what is on screen does not answer it
        return True

    async def fetch(self, session: Session, progress: Progress) -> RankingResult:
        client, query = self._client(), self._query
        if client is None or query is None:
            raise RuntimeError(translate("Rankings", "Not connected"))
        return await fetch_ranking(client, query)

    def is_current(self, result: RankingResult) -> bool:
        return result.query == self._query

    def show_result(self, result: RankingResult) -> None:
        name = TABLE_OF[result.query.kind]
        view = self.tables[name]
        view.model.set_records(ranked_rows(result))
        self.fit_once(name, view)
        self.table_stack.setCurrentWidget(view)
        self.stack.setCurrentIndex(self.PAGE_TABLE if result.rows else self.PAGE_EMPTY)
        self._show_info(result)

    def clear_data(self) -> None:
        self._query = None
        for view in self.tables.values():
            view.model.clear()
        self.info.clear()
        self._clear_input_error()

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

    def _on_activated(self, row: RankedRow) -> None:
        code = row.code
        if code:
            self.symbol_chosen.emit(str(code))
