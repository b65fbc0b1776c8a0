"""The chart dock's widget: symbol and period, moving-average switches, the OHLCV readout and the
plot. It costs nothing at start-up: the plot (pyqtgraph, numpy) is built the first time the
dock is shown, and the bars are asked for only while it is.

It follows the order panel's symbol (the ticket's quotes also move the last bar) and the
selected row of a holdings table that has the keyboard. Keys (keymap scope ``chart``) work
wherever the chart has the keyboard.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kisdesk.domain.currency import QUOTE_EXCHANGES
from kisdesk.domain.direction import direction_of
from kisdesk.domain.symbols import Symbol
from kisdesk.i18n import translate
from kisdesk.kis.charts import ChartBar
from kisdesk.kis.records import DomesticQuote
from kisdesk.models.palette import KOREAN, Palette
from kisdesk.services.charts import (
    KRX,
    PERIODS,
    ChartService,
    ChartSymbol,
    Period,
    Series,
    SeriesKey,
)
from kisdesk.services.session import Session
from kisdesk.ui.chart.style import MA_COLORS, MA_PERIODS
from kisdesk.ui.keymap import Keymap

if TYPE_CHECKING:
    from kisdesk.ui.chart.view import ChartView

KST = dt.timezone(dt.timedelta(hours=9))
OLDER_AHEAD_MS = 200  # scrolling into the oldest bar asks for more at most this often
FRAME_MS = 16  # ticks move the shown bars at most once a frame, however fast they come
PERIOD_ACTIONS = {
    "chart_m1": Period.M1,
    "chart_m3": Period.M3,
    "chart_m5": Period.M5,
    "chart_m10": Period.M10,
    "chart_m30": Period.M30,
    "chart_m60": Period.M60,
    "chart_day": Period.DAY,
    "chart_week": Period.WEEK,
    "chart_month": Period.MONTH,
}


def bar_label(bar: ChartBar, period: Period) -> str:
    if period.minutes is not None:
        return bar.at.strftime("%m-%d %H:%M")
    if period is Period.MONTH:
        return bar.at.strftime("%Y-%m")
    return bar.at.strftime("%Y-%m-%d")


class ChartPanel(QWidget):
    """Toolbar, readout and plot of the chart dock."""

    period_changed = Signal(object)  # Period

    def __init__(self, keymap: Keymap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self.keymap = keymap
        self.service: ChartService | None = None
        self.symbol: ChartSymbol | None = None
        self.period = Period.DAY
        self.palette: Palette = KOREAN
        self.view: ChartView | None = None
        self._shown: tuple[SeriesKey, dt.datetime | None] | None = None  # (key, first bar)
        self._labels: list[str] = []
        self._older_timer = QTimer(self)
        self._older_timer.setSingleShot(True)
        self._older_timer.setInterval(OLDER_AHEAD_MS)
        self._older_timer.timeout.connect(self._load_older)
        # A busy symbol trades hundreds of times a second: the ticks of one frame are shown
        # together (the series holds them all; the view draws the latest state once).
        self._tick_series: Series | None = None
        self._tick_timer = QTimer(self)
        self._tick_timer.setSingleShot(True)
        self._tick_timer.setInterval(FRAME_MS)
        self._tick_timer.timeout.connect(self._show_ticks)
        self._hover = -1

        self.title = QLabel()
        self.title.setObjectName("chartTitle")
        self.period_group = QButtonGroup(self)
        self.period_group.setExclusive(True)
        self.period_buttons: dict[Period, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.title)
        bar.addStretch(1)
        for period in PERIODS:
            button = QToolButton()
            button.setText(period.label)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, p=period: self.set_period(p))
            self.period_group.addButton(button)
            self.period_buttons[period] = button
            bar.addWidget(button)
        self.period_buttons[self.period].setChecked(True)
        bar.addSpacing(8)
        self.ma_boxes: dict[int, QCheckBox] = {}
        for n in MA_PERIODS:
            box = QCheckBox(f"MA{n}")
            box.setChecked(True)
            box.setStyleSheet(f"QCheckBox {{ color: {MA_COLORS[n]}; font-weight: bold; }}")
            box.toggled.connect(lambda on, n=n: self.set_ma(n, on))
            self.ma_boxes[n] = box
            bar.addWidget(box)
        self.png_button = QToolButton()
        self.png_button.setText("PNG")
        self.png_button.setToolTip(translate("Chart", "Save the visible chart as PNG (P)"))
        self.png_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.png_button.clicked.connect(lambda _checked=False: self.export_png())
        bar.addWidget(self.png_button)

        self.readout = QLabel()
        self.readout.setObjectName("chartReadout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel()
        self.status.setObjectName("chartStatus")
        self.status.setWordWrap(True)
        self.placeholder = QLabel(translate("Chart", "The chart appears here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.readout)
        layout.addWidget(self.status)
        layout.addWidget(self.placeholder, 1)
        self._layout = layout
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._update_title()

    # -- session, palette -------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        if self.service is not None:
            self.service.close()
            self.service.deleteLater()
            self.service = None
        self._shown = None
        if self.view is not None:
            self.view.set_bars([], [])
        if session is not None:
            self.service = ChartService(session.client, paper=session.env.is_paper, parent=self)
            self.service.changed.connect(self._on_changed)
            self.service.failed.connect(self._on_failed)
            self._reload()
        self._say("")

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        if self.view is not None:
            self.view.set_colors(palette.up, palette.down)
            self._show_readout(self._hover)

    # -- what to show -----------------------------------------------------------------------------
    def follow(self, symbol: ChartSymbol | None) -> None:
        if symbol is None or symbol == self.symbol:
            return
        self.symbol = symbol
        self._shown = None
        self._update_title()
        self._reload()

    def set_period(self, period: Period) -> None:
        self.period_buttons[period].setChecked(True)
        if period is self.period:
            return
        self.period = period
        self._shown = None
        self._update_title()
        self._reload()
        self.period_changed.emit(period)

    def set_ma(self, n: int, on: bool) -> None:
        if self.ma_boxes[n].isChecked() != on:
            self.ma_boxes[n].setChecked(on)
        if self.view is not None:
            self.view.set_ma_visible(n, on)

    def on_quote(self, symbol: Symbol | None, quote: DomesticQuote | None, first: bool) -> None:
        """The order ticket's quote: a new symbol (first) to follow, and a tick for the bars."""
        if symbol is None:
            return
        chart_symbol = ChartSymbol(KRX, symbol.code, symbol.name)
        if first:
            self.follow(chart_symbol)
        if self.service is not None and quote is not None:
            self.service.set_limits(chart_symbol, quote.upper or None, quote.lower or None)
            now = dt.datetime.now(KST).replace(tzinfo=None)
            self.service.on_tick(chart_symbol, quote.price, quote.volume, now)

    def follow_record(self, record: object) -> None:
        """A holdings row (domestic, or overseas with its trading exchange): any record with a
        code and a name, read by attribute (the tables hand over what they show)."""
        if record is None:
            return
        exchange = getattr(record, "exchange", None)
        if exchange:
            market = QUOTE_EXCHANGES.get(str(exchange).upper())
            if market is not None:
                self.follow(ChartSymbol(market, str(record.code), str(record.name)))
            return
        self.follow(ChartSymbol(KRX, str(record.code), str(getattr(record, "name", ""))))

    # -- building the plot ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.view is None:
            QTimer.singleShot(0, self._build)  # after this paint: the window shows first
        else:
            self._reload()

    def ensure_view(self) -> ChartView:
        if self.view is None:
            self._build()
        assert self.view is not None
        return self.view

    def _build(self) -> None:
        if self.view is not None:
            return
        from kisdesk.ui.chart.view import ChartView  # pyqtgraph + numpy: only now

        view = ChartView(self)
        view.set_colors(self.palette.up, self.palette.down)
        view.set_font(self.font())
        view.hovered.connect(self._on_hover)
        view.reached_start.connect(lambda: self._older_timer.start())
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        self._layout.replaceWidget(self.placeholder, view)
        self.placeholder.hide()
        self.view = view
        for n, box in self.ma_boxes.items():
            view.set_ma_visible(n, box.isChecked())
        if self.hasFocus():
            view.setFocus()
        self._reload()

    def _reload(self) -> None:
        if self.service is None or self.symbol is None or self.view is None:
            return
        if not self.isVisible():
            return
        series = self.service.load(self.symbol, self.period)
        if series is None:
            self._say(
                translate("Chart", "Loading {period} bars of {name}…").format(
                    period=self.period.label, name=self.symbol.name or self.symbol.code
                )
            )
            return
        self._on_changed(series)

    def _on_changed(self, series: Series) -> None:
        if self.view is None or series.symbol != self.symbol or series.period is not self.period:
            return
        key = (series.symbol, series.period)
        first = series.bars[0].at if series.bars else None
        if (
            self._shown is not None
            and self._shown == (key, first)
            and self.view.bars
            and len(series.bars) >= len(self.view.bars)
        ):
            # The same bars moved at their end (a tick): shown with the frame's other ticks.
            self._tick_series = series
            if not self._tick_timer.isActive():
                self._tick_timer.start()
            return
        self._tick_timer.stop()
        self._tick_series = None
        self._show(series)

    def _show_ticks(self) -> None:
        series, self._tick_series = self._tick_series, None
        if series is not None:
            self._on_changed_now(series)

    def _on_changed_now(self, series: Series) -> None:
        if self.view is None or series.symbol != self.symbol or series.period is not self.period:
            return
        self._show(series)

    def _show(self, series: Series) -> None:
        assert self.view is not None
        key = (series.symbol, series.period)
        first = series.bars[0].at if series.bars else None
        view = self.view
        decimals = 0 if series.symbol.domestic else _decimals(series.bars)
        view.set_limits(
            series.upper if series.symbol.domestic else None,
            series.lower if series.symbol.domestic else None,
            decimals,
        )
        if self._shown is None or self._shown[0] != key or not view.bars:
            self._labels = [bar_label(b, series.period) for b in series.bars]
            view.set_bars(series.bars, self._labels)
        elif first is not None and self._shown[1] is not None and first < self._shown[1]:
            added = next(i for i, b in enumerate(series.bars) if b.at >= self._shown[1])
            self._labels = [bar_label(b, series.period) for b in series.bars]
            view.set_bars(series.bars, self._labels, added_before=added)
        else:
            while len(self._labels) < len(series.bars):
                self._labels.append(bar_label(series.bars[len(self._labels)], series.period))
            view.set_last(series.bars, self._labels)
        self._shown = (key, first)
        if not series.bars:
            self._say(series.note or translate("Chart", "No bars for this symbol and period."))
        else:
            self._say(series.note)
        self._show_readout(self._hover)

    def _on_failed(self, key: SeriesKey, message: str) -> None:
        if self.symbol is not None and key == (*self.symbol.key, self.period):
            self._say(message)

    def _load_older(self) -> None:
        if self.service is not None and self.symbol is not None:
            self.service.load_older(self.symbol, self.period)

    # -- text -------------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _update_title(self) -> None:
        if self.symbol is None:
            self.title.setText(translate("Chart", "No symbol: choose one in the order panel"))
            return
        name = self.symbol.name or self.symbol.code
        where = "" if self.symbol.domestic else f" · {self.symbol.market}"
        self.title.setText(f"<b>{name}</b> ({self.symbol.code}{where}) · {self.period.label}")

    def _on_hover(self, index: int) -> None:
        self._hover = index
        self._show_readout(index)

    def _show_readout(self, index: int) -> None:
        view = self.view
        if view is None or not view.bars:
            self.readout.setText("")
            return
        bars = view.bars
        i = index if 0 <= index < len(bars) else len(bars) - 1
        b = bars[i]
        prev = bars[i - 1].close if i else b.open
        diff = b.close - prev
        rate = diff / prev * 100 if prev else Decimal(0)
        direction = direction_of(diff)
        colour = self.palette.color(direction) or "#444"
        places = view.decimals
        arrow = direction.arrow

        def num(value: Decimal) -> str:
            return f"{value:,.{places}f}"

        o_, h_, l_, c_ = (
            translate("Chart", "O"),
            translate("Chart", "H"),
            translate("Chart", "L"),
            translate("Chart", "C"),
        )
        vol = translate("Chart", "Vol")
        parts = [
            bar_label(b, self.period),
            f"{o_} {num(b.open)}",
            f"{h_} {num(b.high)}",
            f"{l_} {num(b.low)}",
            f"{c_} <b>{num(b.close)}</b>",
            f"{vol} {b.volume:,.0f}",
            f"<span style='color:{colour}'>{arrow} {num(abs(diff))} ({rate:+.2f}%)</span>",
        ]
        self.readout.setText("&nbsp;&nbsp;".join(parts))

    # -- keys -------------------------------------------------------------------------------------
    def focus_chart(self) -> None:
        (self.view or self).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self.handle_key(event)
        ):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_Equal):
            # "+" is Shift+= on most layouts: the key, not the shift, is what the user means.
            event = QKeyEvent(
                event.type(), event.key(), Qt.KeyboardModifier.NoModifier, event.text()
            )
        action = self.keymap.action_for(event, ("chart",))
        if action is None:
            return False
        self.run(action)
        return True

    def run(self, action: str) -> None:
        if action in PERIOD_ACTIONS:
            self.set_period(PERIOD_ACTIONS[action])
            return
        if action == "chart_export":
            self.export_png()
            return
        view = self.view
        if view is None:
            return
        step = max(1.0, view.count * 0.1)
        if action == "chart_zoom_in":
            view.zoom(0.8)
        elif action == "chart_zoom_out":
            view.zoom(1.25)
        elif action == "chart_left":
            view.pan(-step)
        elif action == "chart_right":
            view.pan(step)
        elif action == "chart_latest":
            view.home()

    # -- export -----------------------------------------------------------------------------------
    def export_png(self, path: str | None = None) -> str | None:
        """The visible chart (plot and readout) as a PNG; asks where when no path is given."""
        if self.view is None:
            return None
        if path is None:
            name = self.symbol.code if self.symbol else "chart"
            path, _ = QFileDialog.getSaveFileName(
                self,
                translate("Chart", "Save chart as PNG"),
                f"{name}-{self.period.value}.png",
                translate("Chart", "PNG images (*.png)"),
            )
            if not path:
                return None
        if not self.grab().save(path, "PNG"):
            self._say(translate("Chart", "Could not save {path}").format(path=path))
            return None
        self._say(translate("Chart", "Saved {path}").format(path=path))
        return path


def _decimals(bars: list[ChartBar]) -> int:
    """Places to print overseas prices with: as many as the bars carry (at most 4)."""
    places = 0
    for b in bars[-50:]:
        exponent = b.close.normalize().as_tuple().exponent
        if isinstance(exponent, int):
            places = max(places, -exponent)
    return min(places, 4)
