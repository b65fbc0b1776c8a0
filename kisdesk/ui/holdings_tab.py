"""국내잔고: the domestic holdings table, its summary strip, progress, empty and error states."""

from __future__ import annotations

from decimal import Decimal

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
from kisdesk.services.refresher import Progress
from kisdesk.services.session import Session
from kisdesk.ui.data_tab import DataTab, TabTexts
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
        for attr, _, coloured in SUMMARY_FIELDS:
            value: Decimal | None = getattr(summary, attr, None)
            label = self.values[attr]
            label.setText(fmt_signed(value) if coloured else fmt_krw(value))
            colour = ""
            if coloured:
                d = direction_of(value)
                colour = {Direction.UP: self._palette.up, Direction.DOWN: self._palette.down}.get(
                    d, ""
                )
            label.setStyleSheet(
                f"font-weight: bold; color: {colour};" if colour else "font-weight: bold;"
            )


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
        self.table = RecordTableView(holdings_columns(), row_key=lambda r: r.code)
        self.table.activated_record.connect(self.sell_requested)
        self.empty_page.message.setText(translate("Holdings", "No holdings"))
        self.build(self.table, above=[self.summary])

    async def fetch(self, session: Session, progress: Progress) -> DomesticBalance:
        return await session.client.domestic_balance(progress=progress)

    def show_progress(self, pages: int, rows: int) -> None:
        if not self.has_data:
            self.loading_page.message.setText(
                translate("Holdings", "Loading balance… page {pages}, {rows} rows").format(
                    pages=pages, rows=rows
                )
            )

    def show_result(self, balance: DomesticBalance) -> None:
        self.table.model.set_records(balance.holdings)
        self.fit_once("", self.table)
        self.summary.show_summary(balance.summary)
        self.stack.setCurrentIndex(self.PAGE_TABLE if balance.holdings else self.PAGE_EMPTY)

    def on_loaded(self, balance: DomesticBalance) -> None:
        """Show a balance obtained elsewhere (the GUI bench feeds rows this way)."""
        self.display(balance)

    def clear_data(self) -> None:
        self.table.model.clear()

    def set_palette(self, palette: Palette) -> None:
        self.table.model.set_palette(palette)
        self.summary.set_palette(palette)
