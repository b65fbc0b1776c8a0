"""A consumer's hold on one realtime registration, and the records it receives.

:meth:`RealtimeStream.want` returns a :class:`Subscription`. Records reach it through the
``on_record`` callback (called on the loop, in arrival order) and/or through async iterators
from :meth:`Subscription.records`. Its ``state`` says how the registration is served right now:
streamed, polled (over budget or the socket is not live) or refused; ``on_state`` hears every
change, so a consumer knows when to poll by REST instead.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from kisdesk.kis.logs import get_logger
from kisdesk.kis.realtime.registry import Priority, Registration, State

if TYPE_CHECKING:
    from kisdesk.kis.realtime.stream import RealtimeStream

log = get_logger(__name__)

RecordCallback = Callable[[Any], None]
StateCallback = Callable[["Subscription"], None]


class RecordIterator:
    """``async for record in sub.records(): …`` — ends when the subscription is released or
    the stream stops. With ``maxlen`` only the newest records are kept for a slow reader (a
    quote wants the latest value; ``dropped`` counts the rest); without, nothing is dropped."""

    def __init__(self, sub: Subscription, maxlen: int | None) -> None:
        self._sub = sub
        self._items: deque[Any] = deque(maxlen=maxlen)
        self._waiter: asyncio.Future[None] | None = None
        self._ended = False
        self.dropped = 0

    def _put(self, record: Any) -> None:
        items = self._items
        if items.maxlen is not None and len(items) == items.maxlen:
            self.dropped += 1
        items.append(record)
        self._wake()

    def _end(self) -> None:
        self._ended = True
        self._wake()

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def close(self) -> None:
        """Stop receiving (the subscription itself stays)."""
        self._sub._iterators.discard(self)
        self._end()

    def __aiter__(self) -> RecordIterator:
        return self

    async def __anext__(self) -> Any:
        while not self._items:
            if self._ended:
                raise StopAsyncIteration
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        return self._items.popleft()


class Subscription:
    """One consumer's claim on (tr_id, tr_key) at a priority. Hashable by identity: the
    registry counts each subscription as its own owner."""

    __slots__ = (
        "__weakref__",
        "_iterators",
        "_on_record",
        "_on_state",
        "_stream",
        "active",
        "owner",
        "priority",
        "reason",
        "registration",
        "state",
    )

    def __init__(
        self,
        stream: RealtimeStream,
        registration: Registration,
        priority: Priority,
        owner: Hashable | None,
        on_record: RecordCallback | None,
        on_state: StateCallback | None,
    ) -> None:
        self._stream = stream
        self.registration = registration
        self.priority = priority
        self.owner = owner
        self._on_record = on_record
        self._on_state = on_state
        self._iterators: set[RecordIterator] = set()
        self.active = True
        self.state: State = State.POLLED
        self.reason = "not streaming yet"

    def __repr__(self) -> str:
        r = self.registration
        return f"Subscription({r.tr_id}/{r.tr_key}, {self.priority.name}, {self.state.value})"

    @property
    def tr_id(self) -> str:
        return self.registration.tr_id

    @property
    def tr_key(self) -> str:
        return self.registration.tr_key

    @property
    def streamed(self) -> bool:
        return self.active and self.state is State.STREAMED

    def records(self, maxlen: int | None = None) -> RecordIterator:
        """A new async iterator of this subscription's records from now on."""
        iterator = RecordIterator(self, maxlen)
        if self.active:
            self._iterators.add(iterator)
        else:
            iterator._end()
        return iterator

    def set_priority(self, priority: Priority) -> None:
        self._stream._reprioritise(self, priority)

    def release(self) -> None:
        """Give the registration up (the stream unsubscribes when nobody else wants it)."""
        self._stream.release(self)

    # -- called by the stream --------------------------------------------------------------------

    def _deliver(self, record: Any) -> None:
        if self._on_record is not None:
            try:
                self._on_record(record)
            except Exception:
                # A consumer's bug must not stop the reader (the record's repr hides the
                # account fields; the log filter masks the rest).
                log.exception("realtime consumer of %s failed", self.registration.tr_id)
        for iterator in self._iterators:
            iterator._put(record)

    def _set_state(self, state: State, reason: str) -> None:
        if state is self.state and reason == self.reason:
            return
        self.state, self.reason = state, reason
        if self._on_state is not None:
            try:
                self._on_state(self)
            except Exception:
                log.exception("realtime state callback of %s failed", self.registration.tr_id)

    def _end(self) -> None:
        for iterator in list(self._iterators):
            iterator._end()
        self._iterators.clear()
