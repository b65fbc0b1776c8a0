"""Order notices where the trader sees them at once: each acknowledgement, rejection and fill
from the notice stream (and each order KIS refused over REST, with its msg1 verbatim) becomes a
line in the notices log of the order area and, unless turned off in Preferences, a toast.

A toast is a frameless tooltip-type window shown without activation: it never takes the focus
from the ticket (a trader typing a quantity must not lose keystrokes to it). Toasts stack
upwards from the window's bottom-right corner and hide themselves after ``TOAST_MS``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kisdesk.config.settings import toasts_enabled
from kisdesk.domain.format import fmt_int, fmt_krw
from kisdesk.domain.order_state import OrderState
from kisdesk.i18n import translate
from kisdesk.models.palette import KOREAN, Palette

TOAST_MS = 4000
MAX_TOASTS = 5  # more at once: the oldest goes first
LOG_MAX = 500  # lines the log keeps


@dataclass(frozen=True, slots=True)
class NoticeLine:
    text: str
    buy: bool
    kind: str  # "fill", "ack", "reject"
    order_no: str = ""


def side_word(buy: bool) -> str:
    return translate("Notices", "Buy") if buy else translate("Notices", "Sell")


def notice_line(notice: Any, name: str, message: str = "") -> NoticeLine | None:
    """The words for a DomesticNotice; ``name`` when the record carries none; ``message``: KIS's
    msg1 of the order when it was refused. None for what the trader need not see."""
    buy = bool(notice.is_buy)
    name = (getattr(notice, "name", "") or "").strip() or name or notice.code
    qty, price = fmt_int(notice.qty), fmt_krw(notice.price)
    side = side_word(buy)
    if notice.rejected:
        text = translate("Notices", "{side} rejected {name} {qty} sh").format(
            side=side, name=name, qty=qty
        )
        return NoticeLine(f"{text}: {message}" if message else text, buy, "reject", notice.order_no)
    if notice.is_fill:
        text = translate("Notices", "{side} filled {name} {qty} sh @{price}")
        return NoticeLine(
            text.format(side=side, name=name, qty=qty, price=price), buy, "fill", notice.order_no
        )
    if notice.is_ack:
        if getattr(notice, "cancelled_unfilled", False):
            text = translate("Notices", "{side} unfilled remainder cancelled {name} {qty} sh")
        elif notice.revision == "2":
            text = translate("Notices", "{side} cancel confirmed {name} {qty} sh")
        elif notice.revision == "1":
            text = translate("Notices", "{side} modify confirmed {name} {qty} sh @{price}")
        else:
            text = translate("Notices", "{side} accepted {name} {qty} sh @{price}")
        return NoticeLine(
            text.format(side=side, name=name, qty=qty, price=price), buy, "ack", notice.order_no
        )
    return None


def rejected_line(order: Any) -> NoticeLine:
    """An order KIS refused over REST: its msg1, word for word."""
    buy = order.side.name == "BUY"
    text = translate("Notices", "{side} rejected {name} {qty} sh").format(
        side=side_word(buy), name=order.name or order.code, qty=fmt_int(order.quantity)
    )
    return NoticeLine(f"{text}: {order.message}", buy, "reject", order.order_no)


class Toast(QWidget):
    """One notice: frameless, on top, shown without activation, gone after ``TOAST_MS``."""

    def __init__(
        self, line: NoticeLine, colour: str, parent: QWidget | None, ms: int = TOAST_MS
    ) -> None:
        super().__init__(
            parent,  # a tool window of the main window: above it, and gone with it
            # ToolTip, not Tool: a platform may activate a Tool window on show whatever
            # WA_ShowWithoutActivating says (Qt's offscreen platform does, tests/live measure
            # it); a tooltip-type window is never activated.
            Qt.WindowType.ToolTip
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setObjectName("noticeToast")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.line = line
        self.label = QLabel(line.text)
        self.label.setObjectName("noticeToastText")
        self.label.setWordWrap(True)
        self.label.setMaximumWidth(420)
        # One line when it fits (word wrap alone makes the label as narrow as it can).
        bold = self.label.font()
        bold.setBold(True)
        wide = QFontMetrics(bold).horizontalAdvance(line.text) + 32
        self.label.setMinimumWidth(min(wide, 420))
        self.setStyleSheet(
            f"#noticeToast {{ background: {colour}; border-radius: 6px; }}"
            "#noticeToastText { color: white; font-weight: bold; padding: 8px 12px; }"
        )
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor(colour))
        self.setPalette(pal)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.label)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(ms)
        self.timer.timeout.connect(self.close)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def mousePressEvent(self, event: Any) -> None:
        self.close()  # a click dismisses it early

    def start(self) -> None:
        self.show()
        self.timer.start()


class NoticesLog(QListWidget):
    """The notices of this session, newest at the top; kept whatever the toast setting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticesLog")
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(True)

    def add(self, line: NoticeLine, colour: str | None) -> None:
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        item = QListWidgetItem(f"{stamp}  {line.text}")
        item.setData(Qt.ItemDataRole.UserRole, line)
        if colour:
            item.setForeground(QColor(colour))
        self.insertItem(0, item)
        while self.count() > LOG_MAX:
            self.takeItem(self.count() - 1)

    def lines(self) -> list[NoticeLine]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]


class NoticeCentre(QObject):
    """Turns notices and refused orders into log lines and toasts for the order area."""

    def __init__(self, settings: QSettings, log: NoticesLog, panel: Any) -> None:
        super().__init__(log)
        self.settings = settings
        self.log = log  # toasts stack at its window's bottom-right corner
        self.panel = panel  # its symbol list names a notice that carries no name
        self.palette: Palette = KOREAN
        self.toasts: list[Toast] = []
        self.service: Any = None  # the OrderService: a refused order's msg1
        self._refused: set[int] = set()  # local ids of refused orders already shown

    def toasts_on(self) -> bool:
        return toasts_enabled(self.settings)  # read each time: Preferences apply at once

    def on_notice(self, notice: Any) -> None:
        if not hasattr(notice, "revision") or not hasattr(notice, "notice_kind"):
            return  # overseas notices: not this log's yet
        message = ""
        if notice.rejected and self.service is not None:
            known = [o for o in self.service.tracked if o.order_no == notice.order_no]
            message = known[0].message if known else ""
        symbol = self.panel.symbols.get(notice.code) if self.panel is not None else None
        name = symbol.name if symbol is not None else ""
        line = notice_line(notice, name, message)
        if line is not None:
            self.show(line)

    def on_order(self, order: Any) -> None:
        """An order the service tracks changed: KIS refusing it over REST is a notice too."""
        if order.state is OrderState.REJECTED and order.local_id not in self._refused:
            self._refused.add(order.local_id)
            self.show(rejected_line(order))

    def show(self, line: NoticeLine) -> None:
        colour = self.palette.up if line.buy else self.palette.down
        self.log.add(line, colour)
        if self.toasts_on():
            self._toast(line, colour)

    def _toast(self, line: NoticeLine, colour: str) -> None:
        self.toasts = [t for t in self.toasts if _alive(t)]
        while len(self.toasts) >= MAX_TOASTS:
            self.toasts.pop(0).close()
        toast = Toast(line, colour, self.log.window())
        toast.destroyed.connect(lambda *_: self._forget(toast))
        self.toasts.append(toast)
        toast.adjustSize()
        toast.start()
        self._place()

    def _forget(self, toast: Toast) -> None:
        self.toasts = [t for t in self.toasts if t is not toast]

    def _place(self) -> None:
        window = self.log.window()
        corner = window.mapToGlobal(QPoint(window.width(), window.height()))
        y = corner.y() - 36  # above the status bar
        for toast in reversed(self.toasts):  # the newest at the bottom
            if not _alive(toast):
                continue
            y -= toast.height()
            toast.move(corner.x() - toast.width() - 12, y)
            y -= 6

    def close_all(self) -> None:
        for toast in self.toasts:
            if _alive(toast):
                toast.close()
        self.toasts = []


def _alive(widget: QWidget) -> bool:
    try:
        widget.isVisible()
    except RuntimeError:  # deleted on the C++ side
        return False
    return True
