"""Request log and counters that tests (and GET /__sim/stats) read."""

from __future__ import annotations

import threading
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any


@dataclass
class LoggedRequest:
    method: str
    path: str
    tr_id: str
    status: int
    msg_cd: str


GAUGES = ("ws_sessions", "ws_registrations")  # what is open now: a reset keeps them


@dataclass
class SimStats:
    requests: int = 0
    tokens_issued: int = 0
    token_requests: int = 0
    token_refused: int = 0  # EGW00133
    rate_limited: int = 0  # EGW00201
    orders_received: int = 0  # order-cash / order-rvsecncl / overseas order calls that passed auth
    orders_accepted: int = 0
    orders_rejected: int = 0
    fills: int = 0
    # websocket (ws.py)
    ws_connections: int = 0  # upgrades accepted
    ws_refused: int = 0  # upgrades refused (ws_refuse fault)
    ws_sessions: int = 0  # open now
    ws_registrations: int = 0  # registered now, all sessions
    ws_subscribes: int = 0  # OPSP0000 replies
    ws_frames_sent: int = 0
    ws_records_sent: int = 0  # data records (a 00N frame counts N)
    ws_records_dropped: int = 0  # quote records a full session queue dropped
    ws_notices_sent: int = 0
    ws_pings_sent: int = 0
    ws_closed_no_pong: int = 0
    ws_by_msg_cd: Counter[str] = field(default_factory=Counter)
    by_path: Counter[str] = field(default_factory=Counter)
    by_tr_id: Counter[str] = field(default_factory=Counter)
    by_msg_cd: Counter[str] = field(default_factory=Counter)
    faults_fired: Counter[str] = field(default_factory=Counter)
    log: deque[LoggedRequest] = field(default_factory=lambda: deque(maxlen=2000))
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def note(self, method: str, path: str, tr_id: str, status: int, msg_cd: str) -> None:
        with self.lock:
            self.requests += 1
            self.by_path[path] += 1
            if tr_id:
                self.by_tr_id[tr_id] += 1
            if msg_cd:
                self.by_msg_cd[msg_cd] += 1
            self.log.append(LoggedRequest(method, path, tr_id, status, msg_cd))

    def as_dict(self) -> dict[str, Any]:
        with self.lock:
            return {
                "requests": self.requests,
                "tokens_issued": self.tokens_issued,
                "token_requests": self.token_requests,
                "token_refused": self.token_refused,
                "rate_limited": self.rate_limited,
                "orders_received": self.orders_received,
                "orders_accepted": self.orders_accepted,
                "orders_rejected": self.orders_rejected,
                "fills": self.fills,
                "ws_connections": self.ws_connections,
                "ws_refused": self.ws_refused,
                "ws_sessions": self.ws_sessions,
                "ws_registrations": self.ws_registrations,
                "ws_subscribes": self.ws_subscribes,
                "ws_frames_sent": self.ws_frames_sent,
                "ws_records_sent": self.ws_records_sent,
                "ws_records_dropped": self.ws_records_dropped,
                "ws_notices_sent": self.ws_notices_sent,
                "ws_pings_sent": self.ws_pings_sent,
                "ws_closed_no_pong": self.ws_closed_no_pong,
                "ws_by_msg_cd": dict(self.ws_by_msg_cd),
                "by_path": dict(self.by_path),
                "by_tr_id": dict(self.by_tr_id),
                "by_msg_cd": dict(self.by_msg_cd),
                "faults_fired": dict(self.faults_fired),
            }

    def reset(self) -> None:
        with self.lock:
            fresh = SimStats()
            for name in self.__dataclass_fields__:
                if name not in ("lock", *GAUGES):
                    setattr(self, name, getattr(fresh, name))
