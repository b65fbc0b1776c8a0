"""The quote hub: the one place that knows each symbol's latest quote and book, how old it is,
and whether it came from the realtime stream or a REST poll.

Widgets and models ``watch`` symbols for an owner at a priority (the order panel's symbol, the
symbols of open orders, rows on screen, holdings). The hub claims each symbol's tick TR (and its
book TR when an owner asks for the book) on the realtime stream at the best priority any owner
gives it; the stream's registry decides what fits the 41-registration budget. Whatever is not
streamed right now -- over budget, refused, the socket down or not yet confirmed, or a market
with no feed -- is read by the :class:`QuotePoller` over REST when someone looks at it
(``POLL_PRIORITY``), and stops being polled as soon as the stream serves it again.

Records arrive by the thousand a second under a busy feed; the hub keeps only the newest per
symbol and tells its listeners at most once per frame (``FRAME_MS``) which symbols changed, so
a table updates its rows at most once a frame with the latest value of each cell; a record
after a quiet spell goes out on the loop's next turn, not a frame later.

Execution notices (H0STCNI0/9) are relayed at once through ``notice``: an acknowledgement or a
fill must not wait for a frame or a poll.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from kisdesk.kis.realtime import (
    Priority,
    RealtimeStream,
    State,
    StreamState,
    StreamStatus,
    Subscription,
    Trouble,
    notice_tr_ids,
)
from kisdesk.kis.realtime.stream import OVER_BUDGET
from kisdesk.services.live_quotes import (
    LiveBook,
    LiveQuote,
    QuoteKey,
    Source,
    book_from_record,
    quote_from_tick,
)
from kisdesk.services.quote_poller import QuotePoller

log = logging.getLogger(__name__)

FRAME_MS = 16  # one update a frame at 60 Hz
# Polling takes at most this share of the app key's REST rate (orders and refreshes keep the
# rest), and reads each symbol at most once a second.
POLL_SHARE = 0.25
MIN_POLL_INTERVAL_S = 1.0
# A symbol the stream should serve but does not yet (the server's confirmation on its way, a
# reconnect under way) is polled only after this long: a quick reconnect costs no REST reads.
# Over the budget, refused, or without a feed: polled at once.
POLL_GRACE_S = 1.5
# Polled: what someone looks at or trades (the order panel, open orders, rows on screen).
# Holdings out of sight are not: their table's own balance refresh brings every price in a
# few calls, where polling a large account's hundreds of symbols would take the rate limit.
POLL_PRIORITY = Priority.WATCHLIST


@dataclass(frozen=True, slots=True)
class HubStatus:
    """What the status bar shows: the stream's state and counts, and how much is polled."""

    state: StreamState | None  # None: no realtime stream in this session
    used: int = 0  # registrations confirmed on the socket
    capacity: int = 41
    watched: int = 0  # symbols someone watches
    polled: int = 0  # … of which the REST poller reads now
    trouble: Trouble | None = None
    message: str = ""  # the stream's words for the trouble (English; translate by trouble)
    detail: str = ""  # the technical cause, e.g. "OPSP8996 ALREADY IN USE appkey"

    @property
    def live(self) -> bool:
        return self.state is StreamState.LIVE


@dataclass(slots=True)
class _Owner:
    priority: Priority
    book: bool
    poll: bool


class _Watch:
    __slots__ = ("book", "key", "owners", "tick")

    def __init__(self, key: QuoteKey) -> None:
        self.key = key
        self.owners: dict[Hashable, _Owner] = {}
        self.tick: Subscription | None = None
        self.book: Subscription | None = None

    @property
    def priority(self) -> Priority:
        return min(o.priority for o in self.owners.values())

    @property
    def wants_book(self) -> bool:
        return any(o.book for o in self.owners.values())

    @property
    def pollable(self) -> bool:
        return any(o.poll for o in self.owners.values())

    @property
    def streamed(self) -> bool:
        return self.tick is not None and self.tick.state is State.STREAMED


class QuoteHub(QObject):
    changed = Signal(object)  # frozenset[QuoteKey] whose quote or book changed this frame
    notice = Signal(object)  # an execution notice record (DomesticNotice), at once
    status_changed = Signal(object)  # HubStatus

    def __init__(
        self,
        client: Any,
        *,
        stream: RealtimeStream | None = None,
        overseas_stream: RealtimeStream | None = None,
        poll_rate: float | None = None,
        min_poll_interval: float = MIN_POLL_INTERVAL_S,
        poll_grace: float = POLL_GRACE_S,
        frame_ms: int = FRAME_MS,
        parent: QObject | None = None,
    ) -> None:
        """``stream`` serves KRX quotes and notices; ``overseas_stream`` the overseas quotes
        (the same stream in real and demo; a real market-data key's stream for a paper
        profile; None: overseas quotes are polled). ``poll_rate``: REST reads a second (default
        a quarter of the client's rate)."""
        super().__init__(parent)
        self.client = client
        self.stream = stream
        self.overseas_stream = overseas_stream
        rate = poll_rate or max(0.5, client.limiter.rate * POLL_SHARE)
        self.poller = QuotePoller(
            client, self._on_polled, rate=rate, min_interval=min_poll_interval
        )
        self.poll_grace = poll_grace
        self._watches: dict[QuoteKey, _Watch] = {}
        self._unserved: dict[QuoteKey, float] = {}  # since when the stream has not served it
        self._quotes: dict[QuoteKey, LiveQuote] = {}
        self._books: dict[QuoteKey, LiveBook] = {}
        # The newest raw records since the last frame: converted once, at the frame.
        self._ticks: dict[QuoteKey, tuple[Any, float]] = {}
        self._raw_books: dict[QuoteKey, tuple[Any, float]] = {}
        self._dirty: set[QuoteKey] = set()
        self._notice_subs: list[Subscription] = []
        self._notice_account = ""
        self._status = HubStatus(None)
        self._closed = False
        self.records = 0  # stream records received (benches)
        self.frames = 0  # frames that told listeners something

        # A throttle, not a debounce: a record after a quiet spell is shown on the next turn
        # of the loop (records read in the same turn share that flush); under a burst,
        # flushes are FRAME_MS apart.
        self._frame_s = frame_ms / 1000
        self._last_flush = -1.0
        self._frame = QTimer(self)
        self._frame.setSingleShot(True)
        self._frame.setTimerType(Qt.TimerType.PreciseTimer)
        self._frame.timeout.connect(self.flush)
        self._grace_timer = QTimer(self)
        self._grace_timer.setSingleShot(True)
        self._grace_timer.timeout.connect(self._grace_over)
        for s in self._streams():
            s.add_listener(self._on_stream_status)

    def _streams(self) -> list[RealtimeStream]:
        out = [s for s in (self.stream, self.overseas_stream) if s is not None]
        return list(dict.fromkeys(out))  # the same stream once

    def _stream_for(self, key: QuoteKey) -> RealtimeStream | None:
        return self.stream if key.domestic else self.overseas_stream

    # -- life cycle ------------------------------------------------------------------------------

    def start(self) -> None:
        """Connect the stream(s) and start polling (on the running loop)."""
        for s in self._streams():
            s.start()
        self.poller.start()
        self._update_polling()

    async def close(self) -> None:
        """Stop polling, give every registration up and stop the stream(s)."""
        self._closed = True
        self._frame.stop()
        self._grace_timer.stop()
        await self.poller.stop()
        for s in self._streams():
            s.remove_listener(self._on_stream_status)
            s.release_owner(self)
            await s.stop()
        self._watches.clear()
        self._notice_subs.clear()

    # -- watching --------------------------------------------------------------------------------

    def watch(
        self,
        owner: Hashable,
        key: QuoteKey,
        priority: Priority = Priority.HOLDING,
        *,
        book: bool = False,
        poll: bool = True,
    ) -> None:
        """``owner`` wants ``key``'s quote (and its book with ``book``) at ``priority``.
        ``poll=False``: the owner reads REST itself when the stream does not serve it."""
        if self._closed:
            return
        watch = self._watches.get(key)
        if watch is None:
            watch = self._watches[key] = _Watch(key)
        wanted = _Owner(Priority(priority), book, poll)
        if watch.owners.get(owner) == wanted:
            return
        watch.owners[owner] = wanted
        self._sync(watch)
        self._update_polling()

    def watch_only(
        self,
        owner: Hashable,
        keys: Iterable[QuoteKey],
        priority: Priority = Priority.HOLDING,
        *,
        book: bool = False,
        poll: bool = True,
    ) -> None:
        """``owner`` watches exactly ``keys`` from now on (others it watched are released)."""
        keep = set(keys)
        for key in [k for k, w in self._watches.items() if owner in w.owners and k not in keep]:
            self.unwatch(owner, key)
        for key in keep:
            self.watch(owner, key, priority, book=book, poll=poll)

    def unwatch(self, owner: Hashable, key: QuoteKey) -> None:
        watch = self._watches.get(key)
        if watch is None or watch.owners.pop(owner, None) is None:
            return
        if watch.owners:
            self._sync(watch)
        else:
            self._drop(watch)
        self._update_polling()

    def release_owner(self, owner: Hashable) -> None:
        for key in [k for k, w in self._watches.items() if owner in w.owners]:
            self.unwatch(owner, key)

    def watched(self) -> tuple[QuoteKey, ...]:
        return tuple(self._watches)

    def _sync(self, watch: _Watch) -> None:
        """Bring the watch's stream claims in line with its owners."""
        stream = self._stream_for(watch.key)
        priority = watch.priority
        tick_tr = watch.key.tick_tr
        if stream is not None and tick_tr is not None:
            if watch.tick is None:
                watch.tick = stream.want(
                    *tick_tr,
                    priority,
                    owner=self,
                    on_record=functools.partial(self._on_tick, watch.key),
                    on_state=self._on_sub_state,
                )
            else:
                watch.tick.set_priority(priority)
        book_tr = watch.key.book_tr
        if stream is not None and book_tr is not None and watch.wants_book:
            if watch.book is None:
                watch.book = stream.want(
                    *book_tr,
                    priority,
                    owner=self,
                    on_record=functools.partial(self._on_book, watch.key),
                )
            else:
                watch.book.set_priority(priority)
        elif watch.book is not None:
            watch.book.release()
            watch.book = None
            self._books.pop(watch.key, None)

    def _drop(self, watch: _Watch) -> None:
        del self._watches[watch.key]
        for sub in (watch.tick, watch.book):
            if sub is not None:
                sub.release()
        for known in (self._ticks, self._raw_books, self._books, self._quotes):
            known.pop(watch.key, None)  # a value nobody watches would only grow stale

    # -- execution notices -----------------------------------------------------------------------

    def watch_notices(self, hts_id: str, *, paper: bool, account: str = "") -> bool:
        """Subscribe the account's domestic execution notices (tr_key: the HTS id); relayed
        through ``notice``. One HTS id hears every account linked to it (websocket.md §6.3):
        with ``account``, only that account's notices pass. False when there is no stream or
        no HTS id."""
        if self.stream is None or not hts_id or self._closed:
            return False
        self._notice_account = account
        tr_id = notice_tr_ids(paper)[0]
        sub = self.stream.want(
            tr_id, hts_id, Priority.NOTICE, owner=self, on_record=self._on_notice
        )
        self._notice_subs.append(sub)
        return True

    @property
    def notices_streamed(self) -> bool:
        return any(sub.streamed for sub in self._notice_subs)

    def _on_notice(self, record: Any) -> None:
        if notice_for_account(record, self._notice_account):
            self.notice.emit(record)

    # -- what is known ---------------------------------------------------------------------------

    def quote(self, key: QuoteKey) -> LiveQuote | None:
        """The latest quote (as of the last frame)."""
        return self._quotes.get(key)

    def book(self, key: QuoteKey) -> LiveBook | None:
        return self._books.get(key)

    def served(self, key: QuoteKey) -> Source | None:
        """How ``key`` is served right now (None: nobody watches it)."""
        watch = self._watches.get(key)
        if watch is None:
            return None
        return Source.STREAMED if watch.streamed else Source.POLLED

    def age(self, key: QuoteKey) -> float | None:
        quote = self._quotes.get(key)
        return None if quote is None else quote.age(time.monotonic())

    @property
    def status(self) -> HubStatus:
        return self._status

    # -- records in ------------------------------------------------------------------------------

    def _on_tick(self, key: QuoteKey, record: Any) -> None:
        # Hot path (thousands a second): keep the newest, convert at the frame.
        self.records += 1
        self._ticks[key] = (record, time.monotonic())
        self._mark(key)

    def _on_book(self, key: QuoteKey, record: Any) -> None:
        self.records += 1
        self._raw_books[key] = (record, time.monotonic())
        self._mark(key)

    def _on_polled(self, quote: LiveQuote, asked_at: float) -> None:
        key = quote.key
        watch = self._watches.get(key)
        if watch is None or self._closed:
            return
        current = self._quotes.get(key)
        pending = self._ticks.get(key)
        # A tick that arrived after the poll was asked is newer than the poll's answer.
        if pending is not None and pending[1] >= asked_at:
            return
        if (
            current is not None
            and current.source is Source.STREAMED
            and (current.received >= asked_at)
        ):
            return
        self._quotes[key] = quote
        self._mark(key)

    def _mark(self, key: QuoteKey) -> None:
        self._dirty.add(key)
        if not self._frame.isActive() and not self._closed:
            wait = self._last_flush + self._frame_s - time.monotonic()
            self._frame.start(max(0, round(wait * 1000)))

    def flush(self) -> None:
        """Apply the newest records and tell the listeners which symbols changed (the frame
        timer calls it; tests may call it to skip the wait)."""
        self._frame.stop()
        if not self._dirty:
            return
        self._last_flush = time.monotonic()
        dirty, self._dirty = frozenset(self._dirty), set()
        ticks, self._ticks = self._ticks, {}
        books, self._raw_books = self._raw_books, {}
        for key, (record, received) in ticks.items():
            self._quotes[key] = quote_from_tick(key, record, received)
        for key, (record, received) in books.items():
            self._books[key] = book_from_record(key, record, received)
        self.frames += 1
        self.changed.emit(dirty)

    # -- streamed or polled ----------------------------------------------------------------------

    def _on_sub_state(self, _sub: Subscription) -> None:
        self._update_polling()

    def _on_stream_status(self, _status: StreamStatus) -> None:
        self._publish()

    def _update_polling(self) -> None:
        if self._closed:
            return
        now = time.monotonic()
        wanted: dict[QuoteKey, tuple[int, float]] = {}
        for key, w in self._watches.items():
            if w.streamed:
                self._unserved.pop(key, None)
                continue
            since = self._unserved.setdefault(key, now)
            if w.pollable and w.priority <= POLL_PRIORITY:
                wanted[key] = (int(w.priority), since + self._grace(w))
        for key in [k for k in self._unserved if k not in self._watches]:
            del self._unserved[key]
        self.poller.set_wanted(wanted)
        self._publish()
        self._arm_grace(now)

    def _arm_grace(self, now: float | None = None) -> None:
        """The polled count changes when a grace ends: publish then (and for the next)."""
        now = time.monotonic() if now is None else now
        pending = [start for _, start in self.poller.wanted.values() if start > now]
        if pending:
            self._grace_timer.start(max(1, int((min(pending) - now) * 1000) + 1))

    def _grace_over(self) -> None:
        self._publish()
        self._arm_grace()

    def _grace(self, watch: _Watch) -> float:
        sub = watch.tick
        if sub is None or sub.state is State.REFUSED or sub.reason == OVER_BUDGET:
            return 0.0
        return self.poll_grace

    def _publish(self) -> None:
        stream = self.stream or self.overseas_stream
        polled = self.poller.polling()
        if stream is None:
            status = HubStatus(None, watched=len(self._watches), polled=polled)
        else:
            ss = stream.status
            used = sum(s.status.used for s in self._streams())
            status = HubStatus(
                ss.state,
                used=used,
                capacity=ss.capacity,
                watched=len(self._watches),
                polled=polled,
                trouble=ss.trouble,
                message=ss.message,
                detail=ss.detail,
            )
        if status != self._status:
            self._status = status
            self.status_changed.emit(status)


def notice_for_account(notice: Any, account: str) -> bool:
    """Whether a notice (ACNT_NO: CANO and product code, 10 digits; some layouts give the
    8-digit CANO alone) is for ``account`` ("50012345-01"); every notice passes without one."""
    if not account:
        return True
    mine = "".join(ch for ch in account if ch.isdigit())
    theirs = "".join(ch for ch in str(getattr(notice, "account", "")) if ch.isdigit())
    return theirs == mine or (len(theirs) == 8 and theirs == mine[:8])


def open_quote_hub(session: Any) -> QuoteHub:
    """The hub of a session: its client's stream for KRX quotes and notices; overseas quotes
    from the same stream, except on paper, whose socket has no overseas feed (websocket.md §1):
    there from the real market-data key's stream when the profile holds one, else polled.
    Subscribes the account's execution notices when the HTS id is known. Not started.
    ``session.stream_options``: RealtimeStream options (tests shorten the ping interval)."""
    stream_options = dict(session.stream_options)
    client = session.client
    paper = getattr(session.env, "profile", "real") == "paper"
    stream = client.realtime(**stream_options)
    overseas: RealtimeStream | None = stream
    if paper:
        data_client = getattr(session, "data_client", None)
        overseas = data_client.realtime(**stream_options) if data_client is not None else None
    hub = QuoteHub(client, stream=stream, overseas_stream=overseas)
    hub.watch_notices(getattr(client.creds, "hts_id", ""), paper=paper, account=session.account)
    return hub
