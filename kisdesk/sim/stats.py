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
                "by_path": dict(self.by_path),
                "by_tr_id": dict(self.by_tr_id),
                "by_msg_cd": dict(self.by_msg_cd),
                "faults_fired": dict(self.faults_fired),
            }

    def reset(self) -> None:
        with self.lock:
            fresh = SimStats()
            for name in self.__dataclass_fields__:
                if name != "lock":
                    setattr(self, name, getattr(fresh, name))
