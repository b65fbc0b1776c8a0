"""The order ticket's quote from the quote hub: the ticket's symbol is watched at the order
panel's priority (with its book), and every frame that moves it is offered to the ticket as
its last REST quote with the live price fields. The limits, tick size and halt flag stay those
of the REST quote (the tick feed carries none of them); while the stream serves the symbol the
ticket's own poll rests, and when it does not, the ticket polls as before.
"""

from __future__ import annotations

import contextlib
import dataclasses
from typing import Any

from PySide6.QtCore import QObject

from kisdesk.kis.realtime import Priority
from kisdesk.kis.records import DomesticQuote
from kisdesk.services.live_quotes import LiveQuote, QuoteKey, Source, domestic
from kisdesk.services.order_ticket import OrderTicket
from kisdesk.services.quote_hub import QuoteHub


def merged_quote(rest: DomesticQuote, live: LiveQuote) -> DomesticQuote:
    """``rest`` with the live price, change, volume and day range."""
    changes: dict[str, Any] = {"price": live.price, "sign": live.sign or rest.sign}
    for name in ("change", "change_rate", "volume", "open", "high", "low", "trade_value", "vwap"):
        value = getattr(live, name)
        if value is not None:
            changes[name] = value
    return dataclasses.replace(rest, **changes)


class TicketQuotes(QObject):
    def __init__(self, hub: QuoteHub, ticket: OrderTicket, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.ticket = ticket
        self.key: QuoteKey | None = None
        self.offered = 0  # live quotes the ticket took (tests)
        hub.changed.connect(self._on_changed)
        ticket.symbol_changed.connect(self._on_symbol)
        ticket.streamed = self._streamed
        self._on_symbol(ticket.symbol)

    def close(self) -> None:
        """Stop feeding the ticket (the session ends); its own poll takes over."""
        with contextlib.suppress(RuntimeError, TypeError):
            self.hub.changed.disconnect(self._on_changed)
        with contextlib.suppress(RuntimeError, TypeError):
            self.ticket.symbol_changed.disconnect(self._on_symbol)
        if self.ticket.streamed == self._streamed:
            self.ticket.streamed = None
        self.hub.release_owner(self)
        self.key = None

    def _streamed(self) -> bool:
        return self.key is not None and self.hub.served(self.key) is Source.STREAMED

    def _on_symbol(self, symbol: Any) -> None:
        key = domestic(symbol.code) if symbol is not None else None
        if key == self.key:
            return
        self.hub.release_owner(self)
        self.key = key
        if key is not None:
            # The ticket reads REST itself when the stream does not serve the symbol.
            self.hub.watch(self, key, Priority.ORDER_PANEL, book=True, poll=False)

    def _on_changed(self, keys: frozenset[QuoteKey]) -> None:
        key = self.key
        if key is None or key not in keys:
            return
        live = self.hub.quote(key)
        rest = self.ticket.quote
        if live is None or rest is None:  # the first quote of a symbol comes from REST
            return
        if self.ticket.offer_quote(key.code, merged_quote(rest, live)):
            self.offered += 1
