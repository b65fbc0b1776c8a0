"""The websocket approval key: POST /oauth2/Approval, cached like the access token.

Rules (auth.md §3): the body names the secret ``secretkey`` (not ``appsecret``); the key is valid
24 hours but checked only when a websocket session is set up, so a live session keeps streaming
past expiry and only a reconnect needs a new key. The answer carries no expiry: the issuance
time is stored and the key renewed a little before 24 h. Cached in the same store as the token
(the OS keyring in paper/real, memory in demo) under ``approval/<env>/<app key hash>``, so a
restart does not issue again; dropped and re-issued when the server refuses it.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from kisdesk.config.masking import register_secret
from kisdesk.kis.credentials import Credentials
from kisdesk.kis.env import Environment
from kisdesk.kis.errors import NetworkError, ProtocolError, TokenError
from kisdesk.kis.events import EventSink
from kisdesk.kis.logs import get_logger
from kisdesk.kis.tokens import StoreSlot, TokenStore

log = get_logger(__name__)

APPROVAL_LIFETIME_S = 86400.0  # auth.md §3: valid 24 hours
RENEW_MARGIN_S = 1800.0  # renew half an hour early: a reconnect near expiry must not be refused


@dataclass(frozen=True, repr=False)
class ApprovalKey:
    value: str
    issued_at: float  # epoch seconds (client clock)

    def fresh(self, now: float) -> bool:
        return self.issued_at <= now < self.issued_at + APPROVAL_LIFETIME_S - RENEW_MARGIN_S

    def to_json(self) -> str:
        return json.dumps({"approval_key": self.value, "issued_at": self.issued_at})

    @classmethod
    def from_json(cls, text: str) -> ApprovalKey | None:
        try:
            data = json.loads(text)
            return cls(str(data["approval_key"]), float(data["issued_at"]))
        except (ValueError, KeyError, TypeError):
            return None

    def __repr__(self) -> str:
        return f"ApprovalKey(value=***, issued_at={self.issued_at:.0f})"

    __str__ = __repr__


def approval_key_name(env: Environment, creds: Credentials) -> str:
    """Store key: environment + a hash of the app key (never the key itself)."""
    return f"approval/{env.name}/{creds.appkey_id}"


class ApprovalKeys:
    """Issues, caches and renews the approval key of one app key.

    ``get`` and ``invalidate`` are what the realtime stream needs (its ``ApprovalSource``)."""

    def __init__(
        self,
        env: Environment,
        creds: Credentials,
        http: httpx.AsyncClient,
        events: EventSink,
        *,
        store: TokenStore | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._creds = creds
        self._http = http
        self._slot = StoreSlot(store, approval_key_name(env, creds), events, "the approval key")
        self._clock = clock
        self._current: ApprovalKey | None = None
        self._loaded = False
        self._pending: asyncio.Task[ApprovalKey] | None = None
        self.issued = 0  # issuances by this manager (tests, diagnostics)

    @property
    def current(self) -> ApprovalKey | None:
        return self._current

    async def get(self) -> str:
        """A usable key: the cached one if fresh, else one issuance shared by all callers."""
        now = self._clock()
        if self._current is not None and self._current.fresh(now):
            return self._current.value
        task = self._pending
        if task is None or task.done():
            task = self._pending = asyncio.get_running_loop().create_task(self._obtain())
        # shield: one caller giving up must not cancel the issuance the others wait for
        return (await asyncio.shield(task)).value

    async def invalidate(self, rejected: str) -> None:
        """The server refused ``rejected``: forget it, so the next ``get`` issues a new key.
        A key that was already replaced is left alone (another caller renewed it)."""
        if self._current is not None and self._current.value == rejected:
            self._current = None
            self._loaded = True  # the stored copy is the refused one
            await self._slot.delete()

    async def forget(self) -> None:
        """Drop the key from memory and the store (log-out)."""
        pending, self._pending = self._pending, None
        if pending is not None and not pending.done():
            pending.cancel()
        self._current = None
        self._loaded = True
        await self._slot.delete()

    async def _obtain(self) -> ApprovalKey:
        if not self._loaded:
            self._loaded = True
            text = await self._slot.load()
            stored = ApprovalKey.from_json(text) if text else None
            if stored is not None and stored.fresh(self._clock()):
                register_secret(stored.value)
                self._current = stored
                return stored
        key = await self._issue()
        self._current = key
        await self._slot.save(key.to_json())
        return key

    async def _issue(self) -> ApprovalKey:
        body = {
            "grant_type": "client_credentials",
            "appkey": self._creds.appkey,
            "secretkey": self._creds.appsecret,  # sic: not "appsecret" (auth.md §3)
        }
        try:
            resp = await self._http.post("/oauth2/Approval", json=body)
        except httpx.HTTPError as exc:
            raise NetworkError(f"approval key request failed ({type(exc).__name__})") from None
        try:
            data = resp.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise ProtocolError(
                f"Approval: HTTP {resp.status_code} with a non-JSON body", status=resp.status_code
            )
        value = data.get("approval_key")
        if resp.status_code != 200 or not value:
            raise TokenError(
                msg_cd=str(data.get("error_code") or data.get("code") or ""),
                msg1=str(data.get("error_description") or data.get("message") or "no key"),
                status=resp.status_code,
            )
        register_secret(str(value))
        self.issued += 1
        log.info("approval key issued")
        return ApprovalKey(str(value), self._clock())
