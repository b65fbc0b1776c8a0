"""Async client for the KIS Open API (no Qt): transport, tokens, rate limiter, typed records.

``environments`` is the env module: ``environments.REAL``, ``environments.PAPER``,
``environments.demo_environment(base_url, ws_url)``, ``environments.by_name(name, demo=...)``.
"""

from kisdesk.kis import env as environments
from kisdesk.kis.client import KisClient
from kisdesk.kis.credentials import Credentials
from kisdesk.kis.env import PAPER, REAL, Environment, demo_environment
from kisdesk.kis.errors import (
    ApiError,
    GatewayError,
    KisError,
    NetworkError,
    NotOfferedInPaper,
    OrderRejected,
    PageLimitExceeded,
    ProtocolError,
    RateLimited,
    RecordError,
    ServerError,
    TokenError,
    UnknownOrderOutcome,
)
from kisdesk.kis.events import ClientEvent, EventKind
from kisdesk.kis.ratelimit import Priority, RateLimiter
from kisdesk.kis.records import CreditSort, Side
from kisdesk.kis.tokens import KeyringTokenStore, MemoryTokenStore

__all__ = [
    "PAPER",
    "REAL",
    "ApiError",
    "ClientEvent",
    "Credentials",
    "CreditSort",
    "Environment",
    "EventKind",
    "GatewayError",
    "KeyringTokenStore",
    "KisClient",
    "KisError",
    "MemoryTokenStore",
    "NetworkError",
    "NotOfferedInPaper",
    "OrderRejected",
    "PageLimitExceeded",
    "Priority",
    "ProtocolError",
    "RateLimited",
    "RateLimiter",
    "RecordError",
    "ServerError",
    "Side",
    "TokenError",
    "UnknownOrderOutcome",
    "demo_environment",
    "environments",
]
