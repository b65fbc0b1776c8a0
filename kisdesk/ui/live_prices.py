"""What a live price cell says about itself: streamed, or polled and how long ago (the design's
promise: a price on screen is live, or says how old it is)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer

from kisdesk.i18n import translate
from kisdesk.services.live_quotes import QuoteKey, Source


def serving_tip(hub: Any, key: QuoteKey) -> str | None:
    """The tooltip of a price cell whose symbol the hub watches (None: it does not)."""
    if hub is None:
        return None
    served = hub.served(key)
    if served is None:
        return None
    if served is Source.STREAMED:
        return translate("LivePrices", "Live: realtime stream")
    age = hub.age(key)
    if age is None:
        return translate("LivePrices", "Polled: realtime not available for it now")
    return translate(
        "LivePrices", "Polled {seconds} s ago: realtime not available for it now"
    ).format(seconds=int(age))


def weak_tooltip(method: Callable[[Any], str | None]) -> Callable[[Any], str | None]:
    """A tab's own method as a column's tooltip, held weakly: the column lives in the tab's
    model, so a strong reference would make tab and model a cycle only the collector frees."""
    ref = weakref.WeakMethod(method)  # type: ignore[arg-type]

    def tip(record: Any) -> str | None:
        bound = ref()
        return bound(record) if bound is not None else None

    return tip


class VisibleRows(QObject):
    """The rows of a table that are on screen, watched in the quote hub at the watchlist's
    priority: when the 41 registrations do not cover every holding, the rows the user looks
    at stream and the ones scrolled away are polled. Follows scrolling, sorting, filtering,
    resizing and the tab being shown or hidden (debounced)."""

    DEBOUNCE_MS = 100

    def __init__(
        self, table: Any, key_of: Callable[[Any], QuoteKey], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.key_of = key_of
        self.hub: Any = None
        self.keys: list[QuoteKey] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.update)
        view, proxy = table.view, table.proxy
        view.verticalScrollBar().valueChanged.connect(self.schedule)
        for signal in (
            proxy.layoutChanged,
            proxy.modelReset,
            proxy.rowsInserted,
            proxy.rowsRemoved,
        ):
            signal.connect(self.schedule)
        view.viewport().installEventFilter(self)

    def set_hub(self, hub: Any) -> None:
        if self.hub is not None:
            self.hub.release_owner(self)
        self.hub = hub
        self.keys = []
        self.schedule()

    def schedule(self, *_args: Any) -> None:
        if self.hub is not None and not self._timer.isActive():
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Resize):
            self.schedule()
        return False

    def visible_keys(self) -> list[QuoteKey]:
        view, proxy, model = self.table.view, self.table.proxy, self.table.model
        rows = proxy.rowCount()
        if not view.viewport().isVisible() or rows == 0:
            return []
        first = max(0, view.rowAt(0))
        last = view.rowAt(view.viewport().height() - 1)
        if last < 0:
            last = rows - 1
        return [
            self.key_of(model.record_at(proxy.mapToSource(proxy.index(r, 0)).row()))
            for r in range(first, last + 1)
        ]

    def update(self) -> None:
        if self.hub is None:
            return
        from kisdesk.kis.realtime import Priority  # loaded with the session's stream

        keys = self.visible_keys()
        if keys != self.keys:
            self.keys = keys
            self.hub.watch_only(self, keys, Priority.WATCHLIST)
