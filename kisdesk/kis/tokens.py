"""Access tokens: issue via /oauth2/tokenP, cache in the OS keyring, share one issuance.

Rules (auth.md §1): a token lives 24 h; every issuance notifies the account holder, and a second
issuance inside a minute fails with 403 EGW00133. So the token is cached in the keyring keyed by
environment and a hash of the app key, reused across restarts until shortly before expiry, and
re-issued only when stale or when an API answers EGW00123/EGW00121. Concurrent callers share one
issuance. If the keyring is unusable the token lives in memory for the session (never a file).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
import keyring
from keyring.errors import PasswordDeleteError

from kisdesk.config.masking import register_secret
from kisdesk.kis.credentials import Credentials
from kisdesk.kis.env import Environment
from kisdesk.kis.errors import NetworkError, ProtocolError, TokenError
from kisdesk.kis.events import EventKind, EventSink
from kisdesk.kis.logs import get_logger
from kisdesk.kis.offthread import run_blocking

log = get_logger(__name__)

KEYRING_SERVICE = "kisdesk"
MIN_ISSUE_INTERVAL_S = 60.0  # KIS: one tokenP per minute per app key (EGW00133)
REFRESH_MARGIN_S = 600.0  # treat a token as stale 10 minutes before it expires
_KST = dt.timezone(dt.timedelta(hours=9))


@dataclass(frozen=True, repr=False)
class AccessToken:
    value: str
    expires_at: float  # epoch seconds (client clock)
    issued_at: float  # epoch seconds (client clock)

    def fresh(self, now: float) -> bool:
        lifetime = max(self.expires_at - self.issued_at, 0.0)
        margin = min(REFRESH_MARGIN_S, lifetime / 10)
        return now < self.expires_at - margin

    def to_json(self) -> str:
        return json.dumps(
            {"access_token": self.value, "expires_at": self.expires_at, "issued_at": self.issued_at}
        )

    @classmethod
    def from_json(cls, text: str) -> AccessToken | None:
        try:
            data = json.loads(text)
            return cls(
                str(data["access_token"]), float(data["expires_at"]), float(data["issued_at"])
            )
        except (ValueError, KeyError, TypeError):
            return None

    def __repr__(self) -> str:
        return f"AccessToken(value=***, expires_at={self.expires_at:.0f})"

    __str__ = __repr__


class TokenStore(Protocol):
    """Where tokens persist. Implementations may raise; the manager then falls back to memory."""

    def load(self, key: str) -> str | None: ...
    def save(self, key: str, value: str) -> None: ...
    def delete(self, key: str) -> None: ...


class KeyringTokenStore:
    """The OS keyring through the ``keyring`` package API (service "kisdesk")."""

    def load(self, key: str) -> str | None:
        return keyring.get_password(KEYRING_SERVICE, key)

    def save(self, key: str, value: str) -> None:
        keyring.set_password(KEYRING_SERVICE, key, value)

    def delete(self, key: str) -> None:
        with contextlib.suppress(PasswordDeleteError):  # nothing stored: fine
            keyring.delete_password(KEYRING_SERVICE, key)


class MemoryTokenStore:
    """Session-only storage (demo mode, or when no keyring backend works)."""

    def __init__(self) -> None:
        self._data: dict[str, str] = {}

    def load(self, key: str) -> str | None:
        return self._data.get(key)

    def save(self, key: str, value: str) -> None:
        self._data[key] = value

    def delete(self, key: str) -> None:
        self._data.pop(key, None)


class StoreSlot:
    """One entry of a :class:`TokenStore` (the access token, the approval key).

    A keyring-backed store is called on the keyring thread (an unlock prompt may block it for
    seconds); a store that fails switches this slot to memory for the session and says so.
    """

    def __init__(self, store: TokenStore | None, key: str, events: EventSink, what: str) -> None:
        self._store: TokenStore = store if store is not None else KeyringTokenStore()
        self.key = key
        self._events = events
        self._what = what

    def _fallback(self, exc: BaseException) -> None:
        self._events.emit(
            EventKind.KEYRING_UNAVAILABLE,
            f"OS keyring unavailable ({type(exc).__name__}); {self._what} is kept in memory for"
            " this session only",
        )
        self._store = MemoryTokenStore()

    async def _call(self, method: str, *args: Any) -> Any:
        call = getattr(self._store, method)
        if isinstance(self._store, MemoryTokenStore):
            return call(*args)
        return await run_blocking(call, *args)

    async def load(self) -> str | None:
        try:
            return await self._call("load", self.key)
        except Exception as exc:
            self._fallback(exc)
            return None

    async def save(self, value: str) -> None:
        try:
            await self._call("save", self.key, value)
        except Exception as exc:
            self._fallback(exc)
            self._store.save(self.key, value)

    async def delete(self) -> None:
        try:
            await self._call("delete", self.key)
        except Exception as exc:
            self._fallback(exc)


def token_key(env: Environment, creds: Credentials) -> str:
    """Keyring username: environment + a hash of the app key (the key itself is a secret)."""
    return f"token/{env.name}/{creds.appkey_id}"


def parse_expiry(body: dict, now: float) -> float:
    """Expiry on the client clock: ``now + expires_in``, or the stated KST expiry if earlier.

    The stated ``access_token_token_expired`` is only trusted when it lies in the future of our
    clock (a skewed or simulated server clock must not make a fresh token look expired).
    """
    try:
        expires = now + float(body.get("expires_in", 86400))
    except (TypeError, ValueError):
        expires = now + 86400
    stated = str(body.get("access_token_token_expired") or "").strip()
    if stated:
        try:
            at = dt.datetime.strptime(stated, "%Y-%m-%d %H:%M:%S").replace(tzinfo=_KST).timestamp()
        except ValueError:
            at = None
        if at is not None and now < at < expires:
            expires = at
    return expires


class TokenManager:
    def __init__(
        self,
        env: Environment,
        creds: Credentials,
        http: httpx.AsyncClient,
        events: EventSink,
        *,
        store: TokenStore | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._env = env
        self._creds = creds
        self._http = http
        self._events = events
        self._slot = StoreSlot(store, token_key(env, creds), events, "the token")
        self._clock = clock
        self._sleep = sleep
        self._current: AccessToken | None = None
        self._loaded = False
        self._load_lock = asyncio.Lock()
        self._last_issue: float | None = None
        self._pending: asyncio.Task[AccessToken] | None = None
        self.issued = 0  # issuances by this manager (diagnostics)

    async def _load(self) -> AccessToken | None:
        text = await self._slot.load()
        return AccessToken.from_json(text) if text else None

    # -- public --------------------------------------------------------------------------------

    @property
    def current(self) -> AccessToken | None:
        return self._current

    async def get(self) -> str:
        """A usable token: the cached one if fresh, else one shared new issuance."""
        now = self._clock()
        if self._current is not None and self._current.fresh(now):
            return self._current.value
        if not self._loaded:
            # One read of the stored token, however many calls arrive while it is read (the
            # keyring answers on another thread): the others wait for it instead of issuing.
            async with self._load_lock:
                if not self._loaded:
                    stored = await self._load()
                    self._loaded = True
                    if stored is not None:
                        self._last_issue = stored.issued_at
                        if stored.fresh(now):
                            register_secret(stored.value)
                            self._current = stored
                            left = (stored.expires_at - now) / 3600
                            self._events.emit(
                                EventKind.TOKEN_REUSED,
                                f"reusing the stored token ({left:.1f} h left)",
                            )
            if self._current is not None and self._current.fresh(self._clock()):
                return self._current.value
        return (await self._issue_shared()).value

    async def renew(self, rejected: str) -> str:
        """Called after EGW00123/EGW00121 with the token that was refused.

        If another caller already replaced it, the replacement is returned without a new
        issuance; otherwise the token is dropped and one (shared) issuance runs.
        """
        if self._pending is not None and not self._pending.done():
            return (await asyncio.shield(self._pending)).value
        if self._current is not None and self._current.value != rejected:
            return self._current.value
        self._current = None
        self._loaded = True  # the stored copy is the refused one
        await self._slot.delete()
        return (await self._issue_shared()).value

    async def invalidate(self, rejected: str) -> None:
        """Forget a refused token without issuing (the next ``get`` issues a new one)."""
        if self._current is not None and self._current.value == rejected:
            self._current = None
            self._loaded = True
            await self._slot.delete()

    async def revoke(self) -> None:
        """Revoke the token at KIS (/oauth2/revokeP) and forget it everywhere."""
        # An issuance still running (a request in flight, or the one-a-minute wait) would store
        # its token after this forgot everything: stop it first, and revoke what it got.
        pending, self._pending = self._pending, None
        if pending is not None and not pending.done():
            pending.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await pending
        async with self._load_lock:  # a stored-token read in progress ends before the delete
            token = self._current
            if token is None and not self._loaded:
                token = await self._load()
        self._current = None
        self._loaded = True
        await self._slot.delete()
        if token is None:
            return
        body = {
            "appkey": self._creds.appkey,
            "appsecret": self._creds.appsecret,
            "token": token.value,
        }
        try:
            resp = await self._http.post("/oauth2/revokeP", json=body)
        except httpx.HTTPError as exc:
            raise NetworkError(f"token revoke failed: {type(exc).__name__}") from None
        if resp.status_code >= 300:
            log.warning("revokeP answered HTTP %s", resp.status_code)
            raise TokenError(
                msg_cd=_json_field(resp, "error_code"),
                msg1=_json_field(resp, "error_description") or "token revoke refused",
                status=resp.status_code,
            )
        self._events.emit(EventKind.TOKEN_REVOKED, "access token revoked")

    # -- issuance ------------------------------------------------------------------------------

    async def _issue_shared(self) -> AccessToken:
        task = self._pending
        if task is None or task.done():
            task = asyncio.get_running_loop().create_task(self._issue())
            self._pending = task
        # shield: a caller that is cancelled must not cancel the issuance the others wait for
        return await asyncio.shield(task)

    async def _issue(self) -> AccessToken:
        for attempt in range(3):
            if self._last_issue is not None:
                wait = self._last_issue + MIN_ISSUE_INTERVAL_S - self._clock()
                if wait > 0:
                    self._events.emit(
                        EventKind.TOKEN_WAIT,
                        f"KIS allows one token per minute: waiting {wait:.0f} s",
                        wait_seconds=wait,
                        attempt=attempt + 1,
                    )
                    await self._sleep(wait)
            self._last_issue = self._clock()
            body = {
                "grant_type": "client_credentials",
                "appkey": self._creds.appkey,
                "appsecret": self._creds.appsecret,
            }
            try:
                resp = await self._http.post("/oauth2/tokenP", json=body)
            except httpx.HTTPError as exc:
                raise NetworkError(f"token request failed: {type(exc).__name__}") from None
            # KIS starts its minute when it handles the request, after we sent it: count ours from
            # the answer, or the next request arrives a little early and is refused (EGW00133).
            self._last_issue = self._clock()
            data = _json(resp)
            code = str(data.get("error_code") or data.get("msg_cd") or "") if data else ""
            if code == "EGW00133":
                log.warning("tokenP: EGW00133 (issued too often)")
                continue  # the loop waits a full minute from now, and says so
            token = data.get("access_token") if data else None
            if resp.status_code != 200 or not token:
                if data is None:
                    raise ProtocolError(
                        f"tokenP answered HTTP {resp.status_code} with a non-JSON body",
                        status=resp.status_code,
                    )
                raise TokenError(
                    msg_cd=code,
                    msg1=str(data.get("error_description") or data.get("msg1") or "no token"),
                    status=resp.status_code,
                )
            now = self._clock()
            issued = AccessToken(str(token), parse_expiry(data, now), now)
            register_secret(issued.value)
            self._current = issued
            self._loaded = True
            self.issued += 1
            await self._slot.save(issued.to_json())
            hours = (issued.expires_at - now) / 3600
            self._events.emit(EventKind.TOKEN_ISSUED, f"new access token, valid {hours:.1f} h")
            return issued
        raise TokenError(msg_cd="EGW00133", msg1="token issuance refused three times (1/min rule)")


def _json(resp: httpx.Response) -> dict | None:
    try:
        data = resp.json()
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _json_field(resp: httpx.Response, key: str) -> str:
    data = _json(resp)
    return str(data.get(key) or "") if data else ""
