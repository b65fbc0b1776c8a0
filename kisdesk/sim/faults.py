"""Fault injection: make the simulator misbehave on purpose, from tests or over HTTP.

Kinds (``FaultInjector.add(kind, ...)``):

- ``latency``: sleep ``delay`` seconds before answering (stacks with any other fault)
- ``error``: answer a KIS envelope ``msg_cd`` (default EGW00201) with ``status`` (default 500)
  with probability ``rate`` (default 1.0)
- ``http_5xx``: bare HTTP ``status`` (default 503) with a short text body
- ``malformed_json``: HTTP 200, content-type JSON, body cut off mid-object
- ``html_error``: an HTML error page (status default 502), as a proxy in front of KIS sends
- ``connection_reset``: close the connection with a TCP RST before any response
- ``drop_response``: run the request (an order is booked) then close without answering
- ``expire_tokens``: expire every token, then handle the request (it gets EGW00123)

Websocket kinds (ws.py) fire on the websocket only, never on a REST call, and REST kinds never
on the websocket. ``path_prefix`` matches the websocket's path (``/``, ``/tryitout``); ``tr_id``
the TR of the frame about to be sent (``PINGPONG`` for the keep-alive):

- ``ws_refuse``: answer the upgrade request with HTTP ``status`` (default 503), no websocket
- ``ws_drop``: close the TCP connection without a close frame, instead of the next frame
- ``ws_stall``: stop sending (data, replies, PINGPONG) for ``delay`` seconds (0 = for good),
  keeping the socket open
- ``ws_garbage``: send a frame that is neither JSON nor a data frame before the next frame
- ``ws_slow``: sleep ``delay`` seconds before each frame sent (a slow network or reader: the
  session's bounded queue then drops its oldest quote records, never a notice or a reply)

Every fault can be limited to paths starting with ``path_prefix``, to a ``tr_id``, and to
``count`` occurrences (None = until cleared).
"""

from __future__ import annotations

import random
import threading
from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = (
    "latency",
    "error",
    "http_5xx",
    "malformed_json",
    "html_error",
    "connection_reset",
    "drop_response",
    "expire_tokens",
)
WS_KINDS = ("ws_refuse", "ws_drop", "ws_stall", "ws_garbage", "ws_slow")
ALL_KINDS = KINDS + WS_KINDS


@dataclass
class Fault:
    kind: str
    path_prefix: str = ""
    tr_id: str | None = None
    count: int | None = None
    rate: float = 1.0
    delay: float = 0.0
    status: int | None = None
    msg_cd: str | None = None
    msg1: str | None = None
    fault_id: int = 0
    hits: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def matches(self, path: str, tr_id: str | None) -> bool:
        if not path.startswith(self.path_prefix):
            return False
        return self.tr_id is None or self.tr_id == tr_id

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class FaultInjector:
    """Thread-safe list of active faults; SimThread tests add faults from another thread."""

    def __init__(self, seed: int = 0) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._rng = random.Random(f"kisdesk-sim:{seed}:faults")
        self._next_id = 1

    def add(
        self,
        kind: str,
        path_prefix: str = "",
        count: int | None = None,
        *,
        tr_id: str | None = None,
        rate: float = 1.0,
        delay: float = 0.0,
        status: int | None = None,
        msg_cd: str | None = None,
        msg1: str | None = None,
    ) -> Fault:
        if kind not in ALL_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {', '.join(ALL_KINDS)}")
        if count is not None and count < 1:
            raise ValueError("count must be positive or None")
        with self._lock:
            f = Fault(
                kind=kind,
                path_prefix=path_prefix,
                tr_id=tr_id,
                count=count,
                rate=rate,
                delay=delay,
                status=status,
                msg_cd=msg_cd,
                msg1=msg1,
                fault_id=self._next_id,
            )
            self._next_id += 1
            self._faults.append(f)
            return f

    def remove(self, fault_id: int) -> bool:
        with self._lock:
            before = len(self._faults)
            self._faults = [f for f in self._faults if f.fault_id != fault_id]
            return len(self._faults) != before

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def active(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def take(self, path: str, tr_id: str | None, kinds: tuple[str, ...] = KINDS) -> list[Fault]:
        """Faults of ``kinds`` (default: the REST ones) that fire for this request or frame:
        every matching latency, then at most one other. Firing consumes one of ``count``."""
        fired: list[Fault] = []
        with self._lock:
            other_taken = False
            for f in list(self._faults):
                if f.kind not in kinds or not f.matches(path, tr_id):
                    continue
                if f.kind != "latency":
                    if other_taken:
                        continue
                    if f.rate < 1.0 and self._rng.random() >= f.rate:
                        continue
                    other_taken = True
                fired.append(f)
                f.hits += 1
                if f.count is not None:
                    f.count -= 1
                    if f.count <= 0:
                        self._faults.remove(f)
        return fired
