"""The KIS websocket (websocket.md §1–§9) on the simulator's own aiohttp app and port.

Paths: ``/tryitout`` (official samples, python-kis), ``/tryitout/<TR_ID>`` (the workbook lists
each TR there) and the bare ``/`` (legacy samples); every path multiplexes every TR.

A session (one socket) sends subscribe/unsubscribe JSON; the server answers each with a control
reply (ws_frames.MESSAGES) and streams data frames for what is registered:

- H0STCNT0 / H0STASP0 (KRX ticks, 47 values; book, 63 values) by 6-digit code; HDFSCNT0 /
  HDFSASP0 (US ticks, 26; 10-level book, 71) by ``D`` + NAS/NYS/AMS + symbol, or the daytime
  ``R`` + BAQ/BAY/BAA + symbol. Records come from the world's quotes as the walk moves them
  (ws_records); several records of one symbol queued between two sends go out as one ``00N``
  frame.
- H0STCNI0 (real) / H0STCNI9 (paper) execution notices by HTS ID, AES-256-CBC with the
  session's key/iv (the ``output`` of every OPSP0000 reply), from the order book's events
  (notices.py). Overseas notices (H0GSCNI0) register but stay silent until overseas orders
  feed them (notices.overseas_notice).
- Paper serves the domestic ticks, book and H0STCNI9 only (§1; seed 004 lists no overseas
  notice on paper); any other TR is refused there as an unknown tr_id (OPSP8991).
- Other real TRs KIS knows (NXT/combined feeds, index, expected price, after hours, the Asian
  delayed book) register and count against the budget but the simulator sends nothing for them.

Sessions and keys (§9.3, auth.md §3): a session is bound to the app key of the first approval
key that subscribes on it; a second session of the same app key is answered
``{"header":{"tr_id":"(null)",…},"body":{"rt_cd":"9","msg_cd":"OPSP8996",…}}`` on its first
subscribe and then closed (``key_in_use``: "close" with a close frame, "drop" without, "keep"
open); the first session is left alone. Any approval key issued for the app key and not expired
is accepted; expiry is checked only for the first subscribe of a session. 41 registrations per
session; the 42nd is OPSP0008. A notice subscription with an HTS ID the app key does not know
is dropped without a close frame, which is how KIS reacts (its README: "No close frame
received" → check the HTS ID).

Keep-alive: ``{"header":{"tr_id":"PINGPONG","datetime":…}}`` every ``ping_interval`` seconds;
a session that neither sends the same JSON back (compared as JSON, not bytes) nor a websocket
pong within ``ping_grace`` seconds of it is closed. Websocket pings from a client are answered.

Slow readers: each session has a bounded queue of quote records (``queue_limit``); when it is
full the oldest quote record is dropped. Replies, PINGPONG and notices are never dropped.
Faults (faults.WS_KINDS) act on the upgrade and on the next frame a session would send.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
import re
import socket
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from aiohttp import WSMsgType, web

from . import notices, ws_records
from .auth import ApprovalKeys
from .faults import Fault, FaultInjector
from .market import DomesticQuote, OverseasQuote
from .matching import OrderEvent
from .stats import SimStats
from .universe import US_EXCHANGES
from .world import KRX, TickEvent, WorldEvent
from .ws_frames import (
    MAX_RECORDS,
    NULL_TR,
    PINGPONG,
    NoticeCipher,
    data_frame,
    pingpong,
    reply,
)

log = logging.getLogger("kisdesk.sim.ws")

PATHS = ("/", "/tryitout", "/tryitout/{tr_id}")
BUDGET = 41  # registrations per session (§1)
KEY_IN_USE = ("close", "drop", "keep")
GARBAGE = "\x15SIM GARBAGE ~~ not a KIS frame ~~"
WS_FAULTS = ("ws_drop", "ws_stall", "ws_garbage", "ws_slow")
SEND_BUFFER = 64 * 1024  # the kernel's send buffer per session: a slow reader shows soon
END = ""  # a control item that ends the session ("close" or "drop") once what precedes is out

# TR → what it streams. "krx_tick"… are fed; "silent:<key kind>" register and stay quiet.
REAL_TRS = {
    "H0STCNT0": "krx_tick",
    "H0STASP0": "krx_book",
    notices.DOMESTIC_REAL: "notice",
    "HDFSCNT0": "ovs_tick",
    "HDFSASP0": "ovs_book",
    notices.OVERSEAS_REAL: "ovs_notice",
    **dict.fromkeys(
        ("H0NXCNT0", "H0NXASP0", "H0UNCNT0", "H0UNASP0", "H0STANC0", "H0STMKO0"), "silent:krx"
    ),
    **dict.fromkeys(("H0STOUP0", "H0STOAA0", "H0STOAC0"), "silent:krx"),
    "H0UPCNT0": "silent:index",
    "HDFSASP1": "silent:asia",
}
PAPER_TRS = {
    "H0STCNT0": "krx_tick",
    "H0STASP0": "krx_book",
    notices.DOMESTIC_PAPER: "notice",
}
# Realtime market parts of US symbols (§7): D + night session code, R + daytime code.
US_NIGHT = {"NAS": "NASD", "NYS": "NYSE", "AMS": "AMEX"}
US_DAY = {"BAQ": "NASD", "BAY": "NYSE", "BAA": "AMEX"}
ASIA_PARTS = frozenset({"TSE", "HKS", "SHS", "SZS", "HSX", "HNX"})
_OVS_KEY = re.compile(r"([DR])([A-Z]{3})([A-Z0-9.]{1,12})")
_INDEX_KEY = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Target:
    """What one registration streams: a symbol's quotes, an HTS ID's notices, or nothing."""

    kind: str
    symbol: tuple[str, str] | None = None  # (exchange, code) of the world's quote
    hts_id: str = ""


class Refused(Exception):
    def __init__(self, msg_cd: str) -> None:
        super().__init__(msg_cd)
        self.msg_cd = msg_cd


class Dropped(Exception):
    """The server ends the session without a close frame."""


class WsSession:
    """One websocket: its registrations, its AES key/iv and its outgoing queues."""

    def __init__(self, hub: WsHub, ws: web.WebSocketResponse, request: web.Request) -> None:
        self.hub = hub
        self.ws = ws
        self.request = request
        self.path = request.path
        self.cipher = NoticeCipher()
        self.appkey: str | None = None
        self.regs: dict[tuple[str, str], Target] = {}
        self.control: deque[tuple[str, str]] = deque()  # (tr_id, text): replies, pings, notices
        self.data: deque[tuple[str, str, str]] = deque()  # (tr_id, tr_key, record)
        self.wake = asyncio.Event()
        self.closed = False
        self.stall_until = 0.0
        self.pending_pings: list[Any] = []  # the JSON of each PINGPONG not answered yet
        self.unanswered_since: float | None = None  # when the oldest of them went out
        self._pong_timer: asyncio.TimerHandle | None = None
        self._tasks: list[asyncio.Task[None]] = []

    # ---- queues ------------------------------------------------------------------------------

    def push_control(self, tr_id: str, text: str) -> None:
        self.control.append((tr_id, text))
        self.wake.set()

    def push_data(self, tr_id: str, tr_key: str, record: str) -> None:
        if len(self.data) >= self.hub.queue_limit:
            self.data.popleft()
            self.hub.stats.ws_records_dropped += 1
        self.data.append((tr_id, tr_key, record))
        self.wake.set()

    def _next_frame(self) -> tuple[str, str, int]:
        """(tr_id, text, data records in it): control first, else every queued record of the
        first queued (tr_id, tr_key), up to MAX_RECORDS, as one frame."""
        if self.control:
            tr_id, text = self.control.popleft()
            return tr_id, text, 0
        tr_id, tr_key, _ = self.data[0]
        records: list[str] = []
        rest: deque[tuple[str, str, str]] = deque()
        for item in self.data:
            if item[0] == tr_id and item[1] == tr_key and len(records) < MAX_RECORDS:
                records.append(item[2])
            else:
                rest.append(item)
        self.data = rest
        return tr_id, data_frame(tr_id, records), len(records)

    # ---- tasks -------------------------------------------------------------------------------

    def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._tasks = [loop.create_task(self._writer()), loop.create_task(self._pinger())]

    async def stop(self) -> None:
        self.closed = True
        self.wake.set()
        if self._pong_timer is not None:
            self._pong_timer.cancel()
        current = asyncio.current_task()
        for task in self._tasks:
            if task is not current:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task

    def _stalled(self) -> bool:
        return asyncio.get_running_loop().time() < self.stall_until

    async def _writer(self) -> None:
        try:
            while not self.closed:
                await self.wake.wait()
                self.wake.clear()
                while (self.control or self.data) and not self.closed:
                    while self._stalled() and not self.closed:
                        left = self.stall_until - asyncio.get_running_loop().time()
                        await asyncio.sleep(min(left, 3600.0))
                    if self.closed:
                        return
                    tr_id, text, records = self._next_frame()
                    if tr_id == END:
                        if text == "drop":
                            raise Dropped
                        self.close()
                        return
                    await self._send(tr_id, text, records)
        except Dropped:
            self.drop()
        except (ConnectionError, RuntimeError) as exc:  # the client went away mid-send
            log.debug("websocket send ended: %s", exc)
            self.drop()

    async def _send(self, tr_id: str, text: str, records: int) -> None:
        stats = self.hub.stats
        for fault in self.hub.take_faults(self.path, tr_id):
            if fault.kind == "ws_drop":
                raise Dropped
            if fault.kind == "ws_stall":
                loop_time = asyncio.get_running_loop().time()
                self.stall_until = loop_time + fault.delay if fault.delay > 0 else math.inf
                # This frame waits out the stall with the rest of the queue.
                if records:
                    return
                self.control.appendleft((tr_id, text))
                return
            if fault.kind == "ws_garbage":
                await self.ws.send_str(GARBAGE)
                stats.ws_frames_sent += 1
            if fault.kind == "ws_slow":
                await asyncio.sleep(fault.delay)
        await self.ws.send_str(text)
        stats.ws_frames_sent += 1
        if records:
            stats.ws_records_sent += records
        elif tr_id == PINGPONG:
            stats.ws_pings_sent += 1
        elif text[:1] == "1":
            stats.ws_notices_sent += 1

    async def _pinger(self) -> None:
        hub = self.hub
        while not self.closed:
            await asyncio.sleep(hub.ping_interval)
            if self.closed or self._stalled():
                continue
            text = pingpong(hub.world.now())
            self.pending_pings = [*self.pending_pings[-9:], json.loads(text)]
            self.push_control(PINGPONG, text)
            # From the oldest unanswered PINGPONG the session has ``ping_grace`` seconds to
            # answer any of them; counted from the queueing, so that a client too slow to even
            # read its frames (the writer blocked on a full socket) is closed as well.
            if self.unanswered_since is None:
                self.unanswered_since = asyncio.get_running_loop().time()
                self._arm_pong_timer()

    def _arm_pong_timer(self) -> None:
        loop = asyncio.get_running_loop()
        self._pong_timer = loop.call_later(self.hub.ping_grace, self._pong_due)

    def _pong_due(self) -> None:
        self._pong_timer = None
        if self.closed or self.unanswered_since is None:
            return
        if self._stalled():  # the server is the silent one: the client gets a new grace
            self._arm_pong_timer()
            return
        self.hub.stats.ws_closed_no_pong += 1
        log.info("websocket session did not answer PINGPONG: closing it")
        self.close("PINGPONG timeout")

    def is_echo(self, message: Any) -> bool:
        return message in self.pending_pings

    def answered(self) -> None:
        self.pending_pings = []
        self.unanswered_since = None
        if self._pong_timer is not None:
            self._pong_timer.cancel()
            self._pong_timer = None

    # ---- ending ------------------------------------------------------------------------------

    def close(self, message: str = "") -> None:
        """Close with a close frame (the reader loop then ends the session)."""
        if self.closed:
            return
        self.closed = True
        self.wake.set()
        asyncio.get_running_loop().create_task(self._close(message))

    async def _close(self, message: str) -> None:
        try:
            # A client that does not read can block the close frame too: then cut the line.
            await asyncio.wait_for(self.ws.close(code=1000, message=message.encode()), 3.0)
        except Exception:
            transport = self.request.transport
            if transport is not None:
                transport.abort()

    def drop(self) -> None:
        """End the TCP connection with no close frame."""
        self.closed = True
        self.wake.set()
        transport = self.request.transport
        if transport is not None:
            transport.abort()


class WsHub:
    """Every websocket session of one simulator, fed by the world's listener."""

    def __init__(
        self,
        world: Any,  # SimWorld (typed loosely: world imports nothing from here)
        approvals: ApprovalKeys,
        faults: FaultInjector,
        hts_ids: dict[str, str],
        *,
        ping_interval: float = 100.0,
        ping_grace: float | None = None,
        queue_limit: int = 1000,
        key_in_use: str = "close",
    ) -> None:
        if ping_interval <= 0:
            raise ValueError("ping_interval must be positive")
        if key_in_use not in KEY_IN_USE:
            raise ValueError(f"key_in_use must be one of {KEY_IN_USE}")
        self.world = world
        self.approvals = approvals
        self.faults = faults
        self.stats: SimStats = world.stats
        self.hts_ids = dict(hts_ids)  # account number (CANO-PRDT) → HTS ID
        self.ping_interval = ping_interval
        self.ping_grace = ping_grace if ping_grace is not None else ping_interval
        self.queue_limit = max(1, queue_limit)
        self.key_in_use = key_in_use
        self.trs = PAPER_TRS if world.paper else REAL_TRS
        self.sessions: set[WsSession] = set()
        self.holders: dict[str, WsSession] = {}  # app key → the session that holds it
        self._by_symbol: dict[tuple[str, str], dict[tuple[str, str], set[WsSession]]] = {}
        self._by_hts: dict[tuple[str, str], set[WsSession]] = {}
        self._tapes: dict[tuple[str, str], ws_records.Tape] = {}
        self._listening = False

    # ---- wiring ------------------------------------------------------------------------------

    def add_to(
        self,
        app: web.Application,
        fallback: Callable[[web.Request], Awaitable[web.StreamResponse]],
    ) -> None:
        async def handler(request: web.Request) -> web.StreamResponse:
            if not self.is_upgrade(request):
                return await fallback(request)
            return await self.handle(request)

        for path in PATHS:
            app.router.add_get(path, handler)
        if not self._listening:
            self.world.add_listener(self.on_event)
            self._listening = True

    @staticmethod
    def is_upgrade(request: web.Request) -> bool:
        return request.headers.get("Upgrade", "").lower() == "websocket"

    def take_faults(self, path: str, tr_id: str) -> list[Fault]:
        fired = self.faults.take(path, tr_id, kinds=WS_FAULTS)
        for f in fired:
            self.stats.faults_fired[f.kind] += 1
        return fired

    async def close_all(self) -> None:
        """Close every session (going away, 1001), all at once."""

        async def close(session: WsSession) -> None:
            with contextlib.suppress(Exception):
                await session.ws.close(code=1001, message=b"server shutdown")
            await session.stop()

        await asyncio.gather(*(close(s) for s in list(self.sessions)))

    def summary(self) -> list[dict[str, Any]]:
        """The open sessions, for /__sim/ws."""
        return [
            {
                "path": s.path,
                "bound": s.appkey is not None,
                "registrations": sorted(f"{tr}:{key}" for tr, key in s.regs),
                "queued": len(s.data),
                "stalled": s._stalled(),
            }
            for s in self.sessions
        ]

    # ---- one socket --------------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        refused = self.faults.take(request.path, None, kinds=("ws_refuse",))
        if refused:
            self.stats.faults_fired["ws_refuse"] += 1
            self.stats.ws_refused += 1
            status = refused[0].status or 503
            return web.Response(status=status, text=f"{status} websocket refused (simulated)")
        ws = web.WebSocketResponse(autoping=False, compress=False, timeout=2.0)
        await ws.prepare(request)
        sock = request.transport.get_extra_info("socket") if request.transport else None
        if sock is not None:
            # A fixed buffer (no autotuning to megabytes): a client that stops reading blocks
            # the session's sends within a few hundred kilobytes, as on a real link.
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
        session = WsSession(self, ws, request)
        self.sessions.add(session)
        self.stats.ws_connections += 1
        self.stats.ws_sessions = len(self.sessions)
        session.start()
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    self.on_text(session, msg.data)
                elif msg.type == WSMsgType.PING:
                    await ws.pong(msg.data)
                elif msg.type == WSMsgType.PONG:
                    session.answered()  # official samples answer PINGPONG with pong(text)
                elif msg.type == WSMsgType.BINARY:
                    self.on_text(session, msg.data.decode("utf-8", "replace"))
        except (ConnectionError, RuntimeError) as exc:
            log.debug("websocket read ended: %s", exc)
        finally:
            self._end(session)
            await session.stop()
        return ws

    def _end(self, session: WsSession) -> None:
        session.closed = True
        for key in list(session.regs):
            self._release(session, key)
        if session.appkey is not None and self.holders.get(session.appkey) is session:
            del self.holders[session.appkey]
        self.sessions.discard(session)
        self.stats.ws_sessions = len(self.sessions)

    # ---- client → server ---------------------------------------------------------------------

    def on_text(self, session: WsSession, text: str) -> None:
        if session.closed:
            return
        try:
            message = json.loads(text)
        except ValueError:
            message = None
        if not isinstance(message, dict):
            self._reply(session, "OPSP9999", NULL_TR)
            return
        header = message.get("header")
        if isinstance(header, dict) and header.get("tr_id") == PINGPONG:
            # Clients re-serialise the JSON: the same content answers, whatever its bytes.
            if session.is_echo(message):
                session.answered()
            return
        try:
            self._request(session, message)
        except Refused as r:
            tr_id, tr_key = _ids(message)
            self._reply(session, r.msg_cd, tr_id or NULL_TR, tr_key)
        except Dropped:
            session.drop()

    def _request(self, session: WsSession, message: dict[str, Any]) -> None:
        header = message.get("header")
        if not isinstance(header, dict):
            raise Refused("OPSP9998")
        approval = header.get("approval_key")
        if not isinstance(approval, str) or not approval.strip():
            raise Refused("OPSP9996")
        custtype = header.get("custtype")
        if custtype not in (None, "", "P", "B"):  # absent is an individual, as on REST
            raise Refused("OPSP8998")
        tr_type = str(header.get("tr_type", "")).strip()
        if tr_type not in ("1", "2"):
            raise Refused("OPSP8997")
        body = message.get("body")
        if not isinstance(body, dict):
            raise Refused("OPSP9992")
        data = body.get("input")
        if not isinstance(data, dict):
            raise Refused("OPSP9991")
        tr_id, tr_key = _ids(message)
        if not tr_id:
            raise Refused("OPSP8991")
        if not tr_key:
            raise Refused("OPSP9990")
        if not self._admit(session, approval.strip()):
            return
        target = self._target(tr_id, tr_key)
        if tr_type == "1":
            self._register(session, tr_id, tr_key, target)
        else:
            key = (tr_id, tr_key)
            if key in session.regs:
                self._release(session, key)
                self._reply(session, "OPSP0001", tr_id, tr_key)
            else:
                self._reply(session, "OPSP0003", tr_id, tr_key)

    def _admit(self, session: WsSession, approval: str) -> bool:
        """Bind the session to the approval key's app key on its first subscribe; False (after
        the OPSP8996 reply) when another session holds that app key."""
        if session.appkey is not None:
            # A live session is not re-checked for expiry (auth.md §3), only for the key.
            if self.approvals.issued_for(approval) != session.appkey:
                raise Refused("OPSP0011")
            return True
        appkey = self.approvals.appkey_of(approval)
        if appkey is None:
            raise Refused("OPSP0011")
        holder = self.holders.get(appkey)
        if holder is not None and holder is not session and not holder.closed:
            self._reply(session, "OPSP8996", NULL_TR, "")
            if self.key_in_use != "keep":
                session.push_control(END, self.key_in_use)  # once the reply is out
            return False
        session.appkey = appkey
        self.holders[appkey] = session
        return True

    def _target(self, tr_id: str, tr_key: str) -> Target:
        kind = self.trs.get(tr_id)
        if kind is None:
            raise Refused("OPSP8991")
        market = self.world.market
        if kind in ("krx_tick", "krx_book", "silent:krx"):
            if len(tr_key) != 6 or tr_key not in market.listings:
                raise Refused("OPSP8992")
            return Target(kind, (KRX, tr_key))
        if kind in ("notice", "ovs_notice"):
            if tr_key not in self.hts_ids.values():
                raise Dropped  # KIS: "No close frame received" → check the HTS ID
            return Target(kind, hts_id=tr_key)
        if kind == "silent:index":
            if not _INDEX_KEY.fullmatch(tr_key):
                raise Refused("OPSP8992")
            return Target(kind)
        m = _OVS_KEY.fullmatch(tr_key)
        if m is None:
            raise Refused("OPSP8992")
        prefix, part, symbol = m.groups()
        if kind == "silent:asia":
            if prefix != "D" or part not in ASIA_PARTS:
                raise Refused("OPSP8992")
            return Target(kind)
        exchange = (US_NIGHT if prefix == "D" else US_DAY).get(part)
        if exchange is None or exchange not in US_EXCHANGES:
            raise Refused("OPSP8992")  # Asian feeds (delayed or paid) are not simulated
        if (exchange, symbol) not in market.overseas_listings:
            raise Refused("OPSP8992")
        return Target(kind, (exchange, symbol))

    def _register(self, session: WsSession, tr_id: str, tr_key: str, target: Target) -> None:
        key = (tr_id, tr_key)
        if key in session.regs:
            self._reply(session, "OPSP0002", tr_id, tr_key)
            return
        if len(session.regs) >= BUDGET:
            self._reply(session, "OPSP0008", tr_id, tr_key)
            return
        session.regs[key] = target
        self.stats.ws_registrations += 1
        self.stats.ws_subscribes += 1
        notice = target.kind in ("notice", "ovs_notice")
        self._reply(
            session,
            "OPSP0000",
            tr_id,
            tr_key,
            encrypt=notice,
            key=session.cipher.key,
            iv=session.cipher.iv,
        )
        if target.symbol is not None and not target.kind.startswith("silent"):
            self._by_symbol.setdefault(target.symbol, {}).setdefault(key, set()).add(session)
            self.world.watch(*target.symbol)
        elif notice:
            self._by_hts.setdefault(key, set()).add(session)

    def _release(self, session: WsSession, key: tuple[str, str]) -> None:
        target = session.regs.pop(key)
        self.stats.ws_registrations -= 1
        if target.symbol is not None and not target.kind.startswith("silent"):
            subs = self._by_symbol.get(target.symbol, {})
            members = subs.get(key)
            if members is not None:
                members.discard(session)
                if not members:
                    del subs[key]
            if not subs:
                self._by_symbol.pop(target.symbol, None)
            self.world.unwatch(*target.symbol)
        elif key in self._by_hts:
            self._by_hts[key].discard(session)
            if not self._by_hts[key]:
                del self._by_hts[key]

    def _reply(self, session: WsSession, msg_cd: str, tr_id: str, tr_key: str = "",
               **output: Any) -> None:  # fmt: skip
        self.stats.ws_by_msg_cd[msg_cd] += 1
        session.push_control(tr_id, reply(msg_cd, tr_id, tr_key, **output))

    # ---- world → server ----------------------------------------------------------------------

    def on_event(self, event: WorldEvent) -> None:
        if isinstance(event, TickEvent):
            self._on_tick(event.quote)
        elif isinstance(event, OrderEvent):
            self._on_order(event)

    def _tape(self, symbol: tuple[str, str]) -> ws_records.Tape:
        tape = self._tapes.get(symbol)
        if tape is None:
            tape = self._tapes[symbol] = ws_records.Tape(self.world.seed, ":".join(symbol))
        return tape

    def _on_tick(self, q: DomesticQuote | OverseasQuote) -> None:
        symbol = (KRX, q.code) if isinstance(q, DomesticQuote) else (q.exchange.trade, q.code)
        subs = self._by_symbol.get(symbol)
        if not subs:
            return
        tape = self._tape(symbol)
        now = self.world.now()
        if not tape.advance(q.steps, q.price, q.volume, q.high, q.low, now.strftime("%H%M%S")):
            return
        if isinstance(q, DomesticQuote):
            book = ws_records.domestic_book(q, tape, self._resting(q.code))
        else:
            book = ws_records.overseas_book(q, tape)
        for (tr_id, tr_key), sessions in list(subs.items()):
            if not sessions:
                continue
            kind = self.trs[tr_id]
            if isinstance(q, DomesticQuote):
                if kind == "krx_tick":
                    values = ws_records.domestic_tick(q, tape, book, now)
                else:
                    values = ws_records.domestic_book_record(q, tape, book, now)
            elif kind == "ovs_tick":
                values = ws_records.overseas_tick_record(q, tr_key, tape, book, now)
            else:
                values = ws_records.overseas_book_record(q, tr_key, tape, book, now)
            record = "^".join(values)
            for session in sessions:
                session.push_data(tr_id, tr_key, record)

    def _resting(self, code: str) -> dict[Decimal, int]:
        sizes: dict[Decimal, int] = {}
        for o in self.world.orders.open_orders():
            if o.exchange == KRX and o.code == code and o.price > 0:
                sizes[o.price] = sizes.get(o.price, 0) + o.remaining
        return sizes

    def _on_order(self, event: OrderEvent) -> None:
        order = event.order
        hts_id = self.hts_ids.get(order.account)
        if hts_id is None:
            return
        if order.overseas:
            tr_id = notices.OVERSEAS_PAPER if self.world.paper else notices.OVERSEAS_REAL
        else:
            tr_id = notices.DOMESTIC_PAPER if self.world.paper else notices.DOMESTIC_REAL
        sessions = self._by_hts.get((tr_id, hts_id))
        if not sessions:
            return
        if order.overseas:
            q = self.world.quote(order.exchange, order.code)
            name = q.listing.name if q is not None else order.code
            values = notices.overseas_notice(event, hts_id=hts_id, name=name)
        else:
            listing = self.world.market.listings.get(order.code)
            name = listing.name if listing is not None else order.code
            now = self.world.now().strftime("%H%M%S")
            values = notices.domestic_notice(event, hts_id=hts_id, name=name, now=now)
        if values is None:
            return
        record = "^".join(values)
        for session in sessions:
            session.push_control(tr_id, data_frame(tr_id, [record], session.cipher))


def _ids(message: dict[str, Any]) -> tuple[str, str]:
    body = message.get("body")
    data = body.get("input") if isinstance(body, dict) else None
    if not isinstance(data, dict):
        return "", ""
    tr_id, tr_key = data.get("tr_id"), data.get("tr_key")
    return (
        tr_id.strip() if isinstance(tr_id, str) else "",
        tr_key.strip() if isinstance(tr_key, str) else "",
    )
