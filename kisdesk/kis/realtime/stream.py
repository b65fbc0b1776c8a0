"""RealtimeStream: the one KIS websocket of an app key, every realtime TR multiplexed on it.

KIS allows one realtime session per app key (a second is refused with OPSP8996) and 41
registrations on it (websocket.md §1, §9.3). So the app holds one stream per app key; its
consumers (quote hub, order panel, notices) :meth:`~RealtimeStream.want` a (tr_id, tr_key) at a
priority and get a :class:`~kisdesk.kis.realtime.subscription.Subscription` whose records arrive
by callback or async iterator, and whose state says streamed / polled / refused. The
:class:`SubscriptionRegistry` decides what fits the budget; what does not is reported as
polled, never dropped.

The stream runs on the caller's asyncio loop (qasync in the app) with the ``websockets``
library, no thread of its own: one runner task (connect, serve, back off, reconnect) and, while
connected, one sender task that turns registry changes into paced subscribe/unsubscribe
messages. It

- re-registers everything after every reconnect (the server forgets a closed session's set);
- reconnects with jittered exponential backoff, the first retry within a second;
- treats a socket with no message for longer than the PINGPONG interval plus a margin as dead
  (KIS sockets are seen to die without a close frame);
- echoes PINGPONG frames as they came (the library answers websocket pings by itself; it sends
  none of its own, like the official samples: KIS does not promise to answer them);
- on OPSP8996 (another program holds the key) or a refused fresh approval key, says so in words
  and waits long before trying again (or until :meth:`~RealtimeStream.retry_now`);
- logs and skips a frame it cannot read (never its payload: notices carry the account).

The subscribe messages carry the approval key: they are never logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from kisdesk.config.masking import mask_text
from kisdesk.kis.errors import KisError
from kisdesk.kis.events import EventKind, EventSink
from kisdesk.kis.logs import get_logger
from kisdesk.kis.realtime.crypto import NoticeCipher
from kisdesk.kis.realtime.errors import FrameError
from kisdesk.kis.realtime.frames import (
    ControlReply,
    DataFrame,
    PingPong,
    ReplyKind,
    parse_frame,
    subscribe_message,
    unsubscribe_message,
)
from kisdesk.kis.realtime.registry import (
    BUDGET,
    Priority,
    Registration,
    State,
    SubscriptionRegistry,
)
from kisdesk.kis.realtime.status import StreamState, StreamStats, StreamStatus, Trouble
from kisdesk.kis.realtime.subscription import RecordCallback, StateCallback, Subscription
from kisdesk.kis.realtime.trs import SPECS

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection

log = get_logger(__name__)

PING_INTERVAL_S = 100.0  # KIS sends PINGPONG every ~100–110 s (websocket.md §4)
IDLE_MARGIN_S = 20.0  # … so a socket silent for 120 s is dead
SEND_INTERVAL_S = 0.02  # ≤ 50 control messages/s: what public clients pace at (§9.4)
TEMPORARY_RETRY_S = 2.0  # OPSP0007/0009/8999: the server's own trouble, try that one again
MAX_FRAME_BYTES = 2**20  # batched frames pass 8 KB (§9.4: "1009 text message too big")

OVER_BUDGET = "over the registration budget"
NOT_LIVE = "the realtime connection is not live"
WAITING = "waiting for the server's confirmation"
NO_CLOSE_FRAME = "closed without a close frame"
SUSPECT_REASON = "the server cut the connection on this subscription (is the HTS ID right?)"

_NOTICE_TRS = frozenset(tr_id for tr_id, spec in SPECS.items() if spec.notice)


class ApprovalSource(Protocol):
    """Where the stream gets its approval key (kisdesk.kis.approval.ApprovalKeys)."""

    async def get(self) -> str: ...
    async def invalidate(self, rejected: str) -> None: ...


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with jitter: attempt n waits ``min(cap, first·factor^n)`` scaled by
    a random factor in [1 - jitter, 1] (so many clients do not come back in step)."""

    first: float = 0.5  # the first retry comes within 0.5 s
    factor: float = 2.0
    cap: float = 30.0
    jitter: float = 0.5

    def delay(self, failures: int, rand: float) -> float:
        base = min(self.cap, self.first * self.factor ** min(failures, 64))
        return base * (1.0 - self.jitter * rand)


LONG_BACKOFF = Backoff(first=60.0, cap=600.0, jitter=0.25)  # OPSP8996, refused approval key


@dataclass(slots=True)
class _Outcome:
    trouble: Trouble
    detail: str
    stable: bool = False  # the session had been live long enough to reset the backoff


class _Session:
    """One open socket and what the server holds on it."""

    __slots__ = ("awaiting", "confirmed", "held", "key", "live_at", "timers", "ws")

    def __init__(self, ws: ClientConnection, key: str, live_at: float) -> None:
        self.ws = ws
        self.key = key
        self.live_at = live_at
        self.held: set[Registration] = set()  # subscribe sent, no unsubscribe since
        self.confirmed: set[Registration] = set()  # … and the server said OPSP0000/0002
        self.awaiting: dict[Registration, str] = {}  # sent, reply pending: "1" reg / "2" release
        self.timers: list[asyncio.TimerHandle] = []

    def match(self, reply: ControlReply) -> Registration | None:
        """The registration a reply answers. KIS echoes tr_id/tr_key; when it does not, the
        oldest message awaiting a reply (of that TR, if named) is the one answered."""
        if reply.tr_id and reply.tr_key:
            reg = Registration(reply.tr_id, reply.tr_key)
            if reg in self.awaiting or reg in self.held:
                return reg
        for reg in self.awaiting:
            if not reply.tr_id or reply.tr_id == reg.tr_id:
                return reg
        return None


class RealtimeStream:
    """One websocket for one app key. Make it, ``want`` what you need, ``start()`` it on the
    running loop; ``await stop()`` when done. See the module docstring for the behaviour."""

    def __init__(
        self,
        url: str,
        approvals: ApprovalSource,
        *,
        custtype: str = "P",
        capacity: int = BUDGET,
        ping_interval: float = PING_INTERVAL_S,
        idle_margin: float = IDLE_MARGIN_S,
        send_interval: float = SEND_INTERVAL_S,
        backoff: Backoff | None = None,
        long_backoff: Backoff | None = None,
        stable_after: float = 3.0,
        open_timeout: float = 10.0,
        close_timeout: float = 2.0,
        temporary_retry: float = TEMPORARY_RETRY_S,
        events: EventSink | None = None,
        rand: Callable[[], float] = random.random,
    ) -> None:
        """``ping_interval`` + ``idle_margin``: silence after which the socket is dead.
        ``stable_after``: seconds a session must last before the backoff starts over (a server
        that accepts and drops at once is not hammered). ``long_backoff``: the wait after
        OPSP8996 or a refused fresh approval key."""
        self._url = url
        self._approvals = approvals
        self._custtype = custtype
        self._capacity = capacity
        self._registry = SubscriptionRegistry(capacity)
        self._idle_timeout = ping_interval + idle_margin
        self._send_interval = send_interval
        self._backoff = backoff or Backoff()
        self._long_backoff = long_backoff or LONG_BACKOFF
        self._stable_after = stable_after
        self._open_timeout = open_timeout
        self._close_timeout = close_timeout
        self._temporary_retry = temporary_retry
        self._events = events
        self._rand = rand

        self._subs: dict[Subscription, None] = {}  # insertion-ordered set
        self._routes: dict[str, dict[str, list[Subscription]]] = {}  # tr_id → tr_key → subs
        self._ciphers: dict[str, NoticeCipher] = {}  # notice TR → key/iv of its OPSP0000
        self._session: _Session | None = None
        self._runner: asyncio.Task[None] | None = None
        self._dirty = asyncio.Event()  # the registry changed: the sender has work
        self._wake = asyncio.Event()  # retry_now() / stop(): end a backoff wait early
        self._stopping = False
        self._ever_live = False
        self._approval_refusals = 0  # in a row, without a confirmed registration between
        self._suspects: dict[Registration, int] = {}  # notice subscriptions the server cut on
        self._state = StreamState.IDLE
        self._trouble: Trouble | None = None
        self._detail = ""
        self._retry_at: float | None = None
        self._attempts = 0
        self._skipped_logged = 0
        self._status = StreamStatus(StreamState.IDLE, capacity=capacity)
        self._listeners: list[Callable[[StreamStatus], None]] = []
        self.stats = StreamStats()

    def __repr__(self) -> str:
        s = self._status
        return f"RealtimeStream({s.state.value}, {s.used}/{s.capacity} used, {s.polled} polled)"

    # -- consumers -------------------------------------------------------------------------------

    def want(
        self,
        tr_id: str,
        tr_key: str,
        priority: Priority = Priority.HOLDING,
        *,
        owner: Hashable | None = None,
        on_record: RecordCallback | None = None,
        on_state: StateCallback | None = None,
    ) -> Subscription:
        """Claim (tr_id, tr_key) at ``priority``; records go to ``on_record`` (on the loop) and
        to the subscription's ``records()`` iterators. ``owner`` groups claims for
        :meth:`release_owner`. Each call is its own claim, released on its own."""
        sub = Subscription(
            self, Registration(tr_id, tr_key), Priority(priority), owner, on_record, on_state
        )
        self._registry.want(sub, tr_id, tr_key, sub.priority)  # ValueError on an empty id/key
        self._subs[sub] = None
        self._routes.setdefault(tr_id, {}).setdefault(tr_key, []).append(sub)
        self._changed()
        return sub

    def release(self, sub: Subscription) -> None:
        """Drop one claim (a second release is a no-op)."""
        if not sub.active or sub not in self._subs:
            return
        self._drop(sub)
        self._changed()

    def release_owner(self, owner: Hashable) -> int:
        """Drop every claim made with ``owner`` (a widget closing); how many were dropped."""
        subs = [sub for sub in self._subs if sub.owner == owner]
        for sub in subs:
            self._drop(sub)
        if subs:
            self._changed()
        return len(subs)

    def subscriptions(self) -> tuple[Subscription, ...]:
        return tuple(self._subs)

    def state_of(self, tr_id: str, tr_key: str) -> State | None:
        """How (tr_id, tr_key) is served now; None when nobody wants it."""
        for sub in self._routes.get(tr_id, {}).get(tr_key, ()):
            return sub.state
        return None

    def _drop(self, sub: Subscription) -> None:
        reg = sub.registration
        self._registry.release(sub, reg.tr_id, reg.tr_key)
        del self._subs[sub]
        by_key = self._routes[reg.tr_id]
        subs = by_key[reg.tr_key]
        subs.remove(sub)
        if not subs:
            del by_key[reg.tr_key]
            if not by_key:
                del self._routes[reg.tr_id]
        sub.active = False
        sub._end()

    def _reprioritise(self, sub: Subscription, priority: Priority) -> None:
        if sub.active and sub.priority != priority:
            sub.priority = Priority(priority)
            self._registry.want(sub, sub.tr_id, sub.tr_key, sub.priority)
            self._changed()

    def _changed(self) -> None:
        self._dirty.set()
        self._refresh()

    # -- status ----------------------------------------------------------------------------------

    @property
    def status(self) -> StreamStatus:
        return self._status

    @property
    def url(self) -> str:
        return self._url

    def add_listener(self, callback: Callable[[StreamStatus], None]) -> None:
        """``callback(status)`` on every status change (on the loop)."""
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[StreamStatus], None]) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(callback)

    async def until(
        self, predicate: Callable[[StreamStatus], bool], timeout: float | None = None
    ) -> StreamStatus:
        """Wait for a status that satisfies ``predicate`` (TimeoutError after ``timeout``)."""
        if predicate(self._status):
            return self._status
        future: asyncio.Future[StreamStatus] = asyncio.get_running_loop().create_future()

        def check(status: StreamStatus) -> None:
            if not future.done() and predicate(status):
                future.set_result(status)

        self.add_listener(check)
        try:
            async with asyncio.timeout(timeout):
                return await future
        finally:
            self.remove_listener(check)

    def _refresh(self) -> None:
        """Recompute every subscription's state and the published status."""
        session = self._session
        live = session.confirmed if session is not None else frozenset()
        desired = set(self._registry.desired())
        not_live = self._status_words()
        states: dict[Registration, tuple[State, str]] = {}
        for reg in self._registry.wanted():
            refusal = self._registry.refusal(reg.tr_id, reg.tr_key)
            if refusal:
                states[reg] = (State.REFUSED, refusal)
            elif reg not in desired:
                states[reg] = (State.POLLED, OVER_BUDGET)
            elif reg in live:
                states[reg] = (State.STREAMED, "")
            else:
                states[reg] = (State.POLLED, not_live if session is None else WAITING)
        for sub in list(self._subs):
            if sub.active:  # a state callback may have released others meanwhile
                state, reason = states[sub.registration]
                sub._set_state(state, reason)
        counted = [state for state, _ in states.values()]
        self._publish(
            used=len(live),
            capacity=self._registry.capacity,
            wanted=len(states),
            polled=counted.count(State.POLLED),
            refused=counted.count(State.REFUSED),
        )

    def _status_words(self) -> str:
        if self._trouble is not None:
            return _trouble_words(self._trouble)
        return NOT_LIVE

    def _publish(self, **counts: Any) -> None:
        status = replace(
            self._status,
            state=self._state,
            attempts=self._attempts,
            trouble=self._trouble,
            detail=self._detail,
            retry_at=self._retry_at,
            **counts,
        )
        if status == self._status:
            return
        self._status = status
        for callback in list(self._listeners):
            try:
                callback(status)
            except Exception:
                log.exception("realtime status listener failed")

    def _set_state(
        self,
        state: StreamState,
        trouble: Trouble | None = None,
        detail: str = "",
        retry_at: float | None = None,
    ) -> None:
        if state is not self._state or trouble is not self._trouble:
            if trouble is None:
                log.info("realtime: %s (attempt %d)", state.value, self._attempts)
            else:
                log.warning(
                    "realtime: %s: %s (%s)", state.value, _trouble_words(trouble), detail or "-"
                )
            if state is StreamState.FAILED and trouble is not None and self._events is not None:
                self._events.emit(
                    EventKind.REALTIME_TROUBLE,
                    f"{_trouble_words(trouble)} ({detail})" if detail else _trouble_words(trouble),
                )
        self._state = state
        self._trouble = trouble
        self._detail = mask_text(detail)
        self._retry_at = retry_at
        self._refresh()

    # -- life cycle ------------------------------------------------------------------------------

    def start(self) -> None:
        """Connect (on the running loop) and keep connected until :meth:`stop`."""
        if self._runner is not None and not self._runner.done():
            return
        self._stopping = False
        self._wake.clear()
        self._runner = asyncio.get_running_loop().create_task(self._run(), name="kisdesk-realtime")

    async def stop(self) -> None:
        """Unsubscribe nothing (the server forgets the session), close the socket, end every
        task and every record iterator. Subscriptions stay wanted: ``start()`` resumes them."""
        self._stopping = True
        self._state = StreamState.STOPPED  # what the runner's last refresh publishes
        self._wake.set()
        runner, self._runner = self._runner, None
        if runner is not None and not runner.done():
            runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await runner
        for sub in self._subs:
            sub._end()
        self._set_state(StreamState.STOPPED)

    def retry_now(self) -> None:
        """End a backoff wait now (the user asked to reconnect, e.g. after closing the other
        program that held the app key)."""
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._runner is not None and not self._runner.done()

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        failures = 0  # attempts since the last stable session
        refusals = 0  # long waits in a row (key in use, refused approval key)
        while not self._stopping:
            outcome = await self._attempt()
            if self._stopping:
                break
            if outcome.stable:
                failures = refusals = 0
            long_wait = outcome.trouble is Trouble.KEY_IN_USE or (
                outcome.trouble is Trouble.APPROVAL_REFUSED and self._approval_refusals > 1
            )
            if long_wait:
                delay = self._long_backoff.delay(refusals, self._rand())
                refusals += 1
                state = StreamState.FAILED
            else:
                delay = self._backoff.delay(failures, self._rand())
                failures += 1
                state = StreamState.RECONNECTING
            self._set_state(state, outcome.trouble, outcome.detail, loop.time() + delay)
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(delay):
                    await self._wake.wait()

    async def _attempt(self) -> _Outcome:
        loop = asyncio.get_running_loop()
        self._attempts += 1
        state = StreamState.RECONNECTING if self._ever_live else StreamState.CONNECTING
        self._set_state(state, self._trouble, self._detail)
        try:
            key = await self._approvals.get()
        except KisError as exc:
            return _Outcome(Trouble.UNREACHABLE, f"approval key: {exc}")
        try:
            ws = await self._connect()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # OSError, a refused upgrade, a handshake timeout …
            return _Outcome(Trouble.UNREACHABLE, f"{type(exc).__name__}: {exc}")
        self.stats.connects += 1
        session = _Session(ws, key, loop.time())
        self._session = session
        self._ciphers.clear()  # each session's replies bring new keys
        self._registry.set_capacity(self._capacity)  # a lowered budget was that session's
        self._ever_live = True
        self._skipped_logged = 0
        self._set_state(StreamState.LIVE)
        self._dirty.set()
        sender = loop.create_task(self._send_loop(session), name="kisdesk-realtime-send")
        outcome: _Outcome | None = None
        try:
            outcome = await self._read_loop(session)
        finally:
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sender
            for timer in session.timers:
                timer.cancel()
            self._session = None
            polite = outcome is None or outcome.trouble is Trouble.KEY_IN_USE
            await self._close(ws, polite=polite)
            self._refresh()
        outcome.stable = loop.time() - session.live_at >= self._stable_after
        if outcome.trouble is Trouble.DROPPED and outcome.detail == NO_CLOSE_FRAME:
            self._suspect(session)
        return outcome

    def _suspect(self, session: _Session) -> None:
        """KIS answers a notice subscription with a wrong HTS id by cutting the socket without
        a close frame (its README: "No close frame received" → check the HTS ID). Re-sending
        it after every reconnect would cut every stream with it: after two cuts in a row while
        its reply was pending, it is refused (served by polling) until its owners want it anew.
        """
        for reg, op in session.awaiting.items():
            if op != "1" or reg.tr_id not in _NOTICE_TRS:
                continue
            cuts = self._suspects.get(reg, 0) + 1
            self._suspects[reg] = cuts
            if cuts >= 2:
                del self._suspects[reg]
                log.warning("realtime: %s cut the connection twice: refused", reg.tr_id)
                self._registry.refuse(reg.tr_id, reg.tr_key, SUSPECT_REASON)

    async def _connect(self) -> ClientConnection:
        from websockets.asyncio.client import connect  # loaded with the first connection

        return await connect(
            self._url,
            open_timeout=self._open_timeout,
            close_timeout=self._close_timeout,
            ping_interval=None,  # KIS keeps the session with PINGPONG; we send no pings
            ping_timeout=None,
            max_size=MAX_FRAME_BYTES,
            user_agent_header="kisdesk",
        )

    async def _close(self, ws: ClientConnection, *, polite: bool) -> None:
        """A clean stop says goodbye (bounded by close_timeout); a dead socket is cut."""
        if polite:
            with contextlib.suppress(Exception):
                await ws.close()
                return
        transport = ws.transport
        if transport is not None:
            transport.abort()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(ws.wait_closed(), self._close_timeout)

    # -- the session -----------------------------------------------------------------------------

    async def _read_loop(self, session: _Session) -> _Outcome:
        from websockets.exceptions import ConnectionClosed

        ws = session.ws
        idle = self._idle_timeout
        stats = self.stats
        while True:
            try:
                async with asyncio.timeout(idle):
                    message = await ws.recv()
            except TimeoutError:
                return _Outcome(Trouble.DEAD, f"no message for {idle:.0f} s")
            except ConnectionClosed as exc:
                return _Outcome(Trouble.DROPPED, _closed_detail(exc))
            stats.frames += 1
            if not isinstance(message, str):
                self._skip(f"binary frame of {len(message)} bytes")
                continue
            try:
                frame = parse_frame(message, self._ciphers)
            except FrameError as exc:  # the message names the TR and the shape, no payload
                self._skip(str(exc))
                continue
            if type(frame) is DataFrame:
                stats.records += len(frame.records)
                self._dispatch(frame)
            elif type(frame) is PingPong:
                try:
                    await ws.send(frame.text)  # echoed as it came (websocket.md §4)
                except ConnectionClosed as exc:
                    return _Outcome(Trouble.DROPPED, _closed_detail(exc))
                stats.pings += 1
            else:
                outcome = await self._on_reply(session, frame)
                if outcome is not None:
                    return outcome

    def _skip(self, why: str) -> None:
        self.stats.skipped += 1
        # The first few of a session in full, then one line per thousand: a garbage flood must
        # not flood the log.
        if self._skipped_logged < 5 or self.stats.skipped % 1000 == 0:
            self._skipped_logged += 1
            log.warning("realtime frame skipped (%d so far): %s", self.stats.skipped, why)

    def _dispatch(self, frame: DataFrame) -> None:
        by_key = self._routes.get(frame.tr_id)
        if not by_key:
            return
        if frame.tr_id in _NOTICE_TRS:
            # A notice subscription is keyed by the HTS id, which the records do not carry
            # reliably: every subscriber of the TR hears every notice.
            targets = [sub for subs in by_key.values() for sub in subs]
            for record in frame.records:
                for sub in targets:
                    sub._deliver(record)
            return
        for record in frame.records:
            subs = by_key.get(_record_key(record))
            if subs:
                for sub in subs:
                    sub._deliver(record)

    async def _on_reply(self, session: _Session, reply: ControlReply) -> _Outcome | None:
        kind = reply.kind
        detail = f"{reply.msg_cd} {reply.msg1}".strip()
        if kind is ReplyKind.KEY_IN_USE:
            return _Outcome(Trouble.KEY_IN_USE, detail)
        if kind is ReplyKind.APPROVAL_REFUSED:
            # The key is checked at session set-up: forget it and open a new session with a
            # new one. A new key refused again waits long (see _run).
            self._approval_refusals += 1
            await self._approvals.invalidate(session.key)
            return _Outcome(Trouble.APPROVAL_REFUSED, detail)
        reg = session.match(reply)
        op = session.awaiting.pop(reg, "") if reg is not None else ""
        if kind in (ReplyKind.SUBSCRIBED, ReplyKind.ALREADY_SUBSCRIBED):
            self._approval_refusals = 0
            cipher = reply.cipher()
            tr_id = reply.tr_id or (reg.tr_id if reg is not None else "")
            if cipher is not None and tr_id:
                self._ciphers[tr_id] = cipher  # per TR, as python-kis keeps them
            if reg is not None and reg in session.held:
                session.confirmed.add(reg)
                self._suspects.pop(reg, None)
        elif kind in (ReplyKind.UNSUBSCRIBED, ReplyKind.NOT_SUBSCRIBED):
            if reg is not None:
                session.confirmed.discard(reg)
        elif kind is ReplyKind.BUDGET_FULL:
            # The server counts fewer free registrations than we do: it holds what it holds.
            if reg is not None:
                session.held.discard(reg)
                session.confirmed.discard(reg)
            log.warning("realtime: server budget full at %d registrations", len(session.held))
            self._registry.set_capacity(len(session.held))
            self._dirty.set()
        elif kind is ReplyKind.TEMPORARY:
            if reg is not None and op == "1":
                loop = asyncio.get_running_loop()
                session.timers.append(
                    loop.call_later(self._temporary_retry, self._resend, session, reg)
                )
            log.warning("realtime: %s for %s, retrying it", detail, reply.tr_id or "?")
        elif reg is not None and op == "1":
            # A bad tr_key or tr_id: polling serves it until its owners let it go.
            session.held.discard(reg)
            self._registry.refuse(reg.tr_id, reg.tr_key, detail or "refused")
            self._dirty.set()
        else:
            log.warning("realtime: unexpected reply %s for %s", detail, reply.tr_id or "?")
        self._refresh()
        return None

    def _resend(self, session: _Session, reg: Registration) -> None:
        if self._session is session and reg in session.held and reg not in session.confirmed:
            session.held.discard(reg)
            self._dirty.set()

    async def _send_loop(self, session: _Session) -> None:
        from websockets.exceptions import ConnectionClosed

        ws = session.ws
        while True:
            await self._dirty.wait()
            self._dirty.clear()
            while True:
                diff = self._registry.diff(session.held)
                if diff.release:
                    reg, op = diff.release[0], "2"
                    text = unsubscribe_message(
                        session.key, reg.tr_id, reg.tr_key, custtype=self._custtype
                    )
                    session.held.discard(reg)
                    session.confirmed.discard(reg)
                elif diff.register:
                    reg, op = diff.register[0], "1"
                    text = subscribe_message(
                        session.key, reg.tr_id, reg.tr_key, custtype=self._custtype
                    )
                    session.held.add(reg)
                else:
                    break
                session.awaiting[reg] = op
                try:
                    await ws.send(text)
                except ConnectionClosed:
                    return  # the reader sees the close and ends the session
                self.stats.sent += 1
                if op == "2":
                    self._refresh()
                if self._send_interval > 0:
                    await asyncio.sleep(self._send_interval)


def _record_key(record: Any) -> str:
    """The tr_key a data record belongs to: its code (KRX), its realtime key (overseas)."""
    if isinstance(record, tuple):
        return record[0] if record else ""
    code = getattr(record, "code", None)
    return code if code is not None else getattr(record, "key", "")


def _closed_detail(exc: Exception) -> str:
    rcvd = getattr(exc, "rcvd", None)
    if rcvd is None:
        return NO_CLOSE_FRAME
    reason = f" {rcvd.reason}" if getattr(rcvd, "reason", "") else ""
    return f"closed by the server ({rcvd.code}{reason})"


def _trouble_words(trouble: Trouble) -> str:
    return StreamStatus(StreamState.FAILED, trouble=trouble).message
