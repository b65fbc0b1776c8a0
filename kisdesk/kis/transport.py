"""The request engine: headers, the limiter, token renewal, retries, error mapping, paging.

Retry policy (what is retried and what never is):

- GET, EGW00201/EGW00215 (rate limit): bounded jittered backoff, at most ``RATE_RETRIES`` times.
- GET, network error / 5xx without envelope / garbled body / temporary gateway error
  (EGW00001 …): at most ``GET_TRIES`` tries in all.
- Any call, EGW00123/EGW00121: the token is re-issued once; a GET is then retried once.
- POST (orders): never retried. A lost, timed-out or garbled answer after the request may have
  reached KIS raises UnknownOrderOutcome; a refused connection (nothing sent) raises
  NetworkError; a token or rate-limit refusal (the gateway stopped it) raises TokenError or
  RateLimited so the user can decide to send again.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from kisdesk.kis.credentials import Credentials
from kisdesk.kis.env import Environment
from kisdesk.kis.errors import (
    PAPER_UNSUPPORTED_CODES,
    RATE_CODES,
    TOKEN_CODES,
    TRANSIENT_CODES,
    ApiError,
    GatewayError,
    KisError,
    NetworkError,
    NotOfferedInPaper,
    OrderRejected,
    PageLimitExceeded,
    ProtocolError,
    RateLimited,
    ServerError,
    TokenError,
    UnknownOrderOutcome,
)
from kisdesk.kis.events import EventKind, EventSink
from kisdesk.kis.logs import get_logger
from kisdesk.kis.ratelimit import Priority, RateLimiter
from kisdesk.kis.tokens import TokenManager

log = get_logger(__name__)

GET_TRIES = 3  # network errors and 5xx on a GET: at most 3 tries in all
RATE_RETRIES = 4  # EGW00201/EGW00215 on a GET: at most 4 retries
MORE_PAGES = frozenset({"F", "M"})

# Connect-phase failures: the request never left, so even an order is known not to exist.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class Reply:
    """One decoded KIS answer."""

    body: dict[str, Any]
    status: int
    tr_id: str
    tr_cont: str  # response header: F/M more, D/E last, "" single

    @property
    def msg_cd(self) -> str:
        return str(self.body.get("msg_cd") or "")

    @property
    def msg1(self) -> str:
        return str(self.body.get("msg1") or "").strip()


class _Retry(Exception):
    """Internal: this GET attempt failed in a retryable way."""

    def __init__(self, error: KisError, kind: str) -> None:
        self.error = error
        self.kind = kind  # "rate" | "net"


class Transport:
    def __init__(
        self,
        env: Environment,
        creds: Credentials,
        http: httpx.AsyncClient,
        limiter: RateLimiter,
        tokens: TokenManager,
        events: EventSink,
        *,
        use_hashkey: bool = False,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.env = env
        self._creds = creds
        self._http = http
        self.limiter = limiter
        self.tokens = tokens
        self._events = events
        self.use_hashkey = use_hashkey
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._order_lane = asyncio.Lock()  # orders go one at a time, queries in parallel
        self.requests = 0  # HTTP requests sent (diagnostics)

    # -- TR IDs --------------------------------------------------------------------------------

    def tr_id(self, function: str) -> str:
        tr = self.env.tr_id(function)
        if tr is None:
            raise NotOfferedInPaper(
                msg1=f"{function} is not offered on paper trading (모의투자 미지원)",
                tr_id="",
            )
        return tr

    # -- headers -------------------------------------------------------------------------------

    def _headers(self, token: str, tr_id: str, tr_cont: str) -> dict[str, str]:
        return {
            "content-type": "application/json; charset=utf-8",
            "authorization": f"Bearer {token}",
            "appkey": self._creds.appkey,
            "appsecret": self._creds.appsecret,
            "tr_id": tr_id,
            "tr_cont": tr_cont,
            "custtype": "P",
        }

    # -- decoding ------------------------------------------------------------------------------

    def _decode(self, resp: httpx.Response, tr_id: str) -> Reply:
        """Turn a response into a Reply, or raise the typed error it stands for."""
        status = resp.status_code
        try:
            body = resp.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            ctype = resp.headers.get("content-type", "")
            head = resp.text[:200].lstrip().lower() if resp.content else ""
            if "html" in ctype or head.startswith("<"):
                what = "an HTML page"
            elif not resp.content:
                what = "an empty body"
            elif body is None and "json" not in ctype:
                what = f"a {ctype.split(';')[0] or 'non-JSON'} body"
            elif body is None:
                what = "malformed JSON"
            else:
                what = f"JSON {type(body).__name__}, not an object"
            if status >= 500:
                raise ServerError(f"{tr_id}: HTTP {status} with {what}", status=status, tr_id=tr_id)
            raise ProtocolError(f"{tr_id}: HTTP {status} with {what}", status=status, tr_id=tr_id)
        reply = Reply(body, status, tr_id, resp.headers.get("tr_cont", "").strip())
        rt_cd = body.get("rt_cd")
        msg_cd = reply.msg_cd or str(body.get("error_code") or "")
        if rt_cd is None and not msg_cd:
            if status >= 500:
                raise ServerError(
                    f"{tr_id}: HTTP {status} without a KIS envelope", status=status, tr_id=tr_id
                )
            raise ProtocolError(f"{tr_id}: response without rt_cd", status=status, tr_id=tr_id)
        if str(rt_cd) == "0" and status < 400:
            return reply
        fields = {
            "rt_cd": str(rt_cd or ""),
            "msg_cd": msg_cd,
            "msg1": reply.msg1 or str(body.get("error_description") or ""),
            "tr_id": tr_id,
            "status": status,
        }
        if msg_cd in TOKEN_CODES:
            raise TokenError(**fields)
        if msg_cd in RATE_CODES:
            raise RateLimited(**fields)
        if msg_cd in TRANSIENT_CODES:
            raise GatewayError(**fields)
        if msg_cd in PAPER_UNSUPPORTED_CODES or (self.env.is_paper and msg_cd == "OPSQ0002"):
            raise NotOfferedInPaper(**fields)
        raise ApiError(**fields)

    async def _send(
        self, priority: Priority, method: str, path: str, **kwargs: Any
    ) -> httpx.Response:
        """One HTTP exchange inside a limiter slot (held until the answer is in)."""
        async with self.limiter.slot(priority):
            self.requests += 1
            return await self._http.request(method, path, **kwargs)

    # -- GET -----------------------------------------------------------------------------------

    async def get(
        self,
        path: str,
        tr_id: str,
        params: Mapping[str, str],
        *,
        tr_cont: str = "",
    ) -> Reply:
        """A query: rate-limited, token-renewing, retried within the bounds above."""
        net_tries = 0
        rate_retries = 0
        token_renewed = False
        while True:
            token = await self.tokens.get()
            started = time.monotonic()
            try:
                try:
                    resp = await self._send(
                        Priority.QUERY,
                        "GET",
                        path,
                        params=dict(params),
                        headers=self._headers(token, tr_id, tr_cont),
                    )
                except httpx.HTTPError as exc:
                    raise _Retry(
                        NetworkError(f"{tr_id}: {type(exc).__name__} on GET {path}"), "net"
                    ) from None
                log.debug(
                    "GET %s %s -> %s (%.0f ms)",
                    path,
                    tr_id,
                    resp.status_code,
                    (time.monotonic() - started) * 1000,
                )
                try:
                    return self._decode(resp, tr_id)
                except TokenError:
                    if token_renewed:
                        raise
                    token_renewed = True
                    log.info("%s: token refused, renewing once", tr_id)
                    await self.tokens.renew(token)
                    continue
                except RateLimited as exc:
                    raise _Retry(exc, "rate") from None
                except (ServerError, ProtocolError, GatewayError) as exc:
                    raise _Retry(exc, "net") from None
            except _Retry as retry:
                if retry.kind == "rate":
                    rate_retries += 1
                    if rate_retries > RATE_RETRIES:
                        raise retry.error from None
                    delay = min(0.1 * 2 ** (rate_retries - 1), 1.0) * self._rng.uniform(1.0, 2.0)
                else:
                    net_tries += 1
                    if net_tries >= GET_TRIES:
                        raise retry.error from None
                    delay = min(0.25 * 2 ** (net_tries - 1), 2.0) * self._rng.uniform(0.5, 1.5)
                self._events.emit(
                    EventKind.RETRYING,
                    f"{tr_id}: {retry.error}; retrying in {delay:.2f} s",
                    wait_seconds=delay,
                    attempt=rate_retries + net_tries,
                    tr_id=tr_id,
                )
                await self._sleep(delay)

    # -- POST (orders) -------------------------------------------------------------------------

    async def post_order(self, path: str, tr_id: str, body: Mapping[str, str]) -> Reply:
        """An order POST: sent at most once, ever. See the module docstring."""
        async with self._order_lane:
            token = await self.tokens.get()
            headers = self._headers(token, tr_id, "")
            if self.use_hashkey:
                headers["hashkey"] = await self._hashkey(body)
            try:
                resp = await self._send(
                    Priority.ORDER, "POST", path, json=dict(body), headers=headers
                )
            except _NOT_SENT as exc:
                raise NetworkError(
                    f"{tr_id}: order not sent ({type(exc).__name__}); nothing reached KIS"
                ) from None
            except httpx.HTTPError as exc:
                log.warning("POST %s %s: answer lost (%s)", path, tr_id, type(exc).__name__)
                raise UnknownOrderOutcome(
                    f"{tr_id}: the order was sent but its answer was lost ({type(exc).__name__});"
                    " it may exist — check today's executions before sending again",
                    tr_id=tr_id,
                ) from None
            log.info("POST %s %s -> %s", path, tr_id, resp.status_code)
            try:
                return self._decode(resp, tr_id)
            except TokenError:
                # The gateway stopped it before the ledger: the order does not exist. Drop the
                # token so the next call re-issues it, but leave re-sending to the user.
                await self.tokens.invalidate(token)
                raise
            except (RateLimited, NotOfferedInPaper):
                raise
            except (ServerError, ProtocolError, GatewayError) as exc:
                raise UnknownOrderOutcome(
                    f"{tr_id}: unreadable answer to an order ({exc}); it may exist — check"
                    " today's executions before sending again",
                    tr_id=tr_id,
                    status=resp.status_code,
                ) from None
            except ApiError as exc:
                raise OrderRejected(
                    rt_cd=exc.rt_cd,
                    msg_cd=exc.msg_cd,
                    msg1=exc.msg1,
                    tr_id=tr_id,
                    status=exc.status,
                ) from None

    async def _hashkey(self, body: Mapping[str, str]) -> str:
        """POST /uapi/hashkey (optional today, costs one call): the HASH of the order body."""
        headers = {
            "content-type": "application/json; charset=utf-8",
            "appkey": self._creds.appkey,
            "appsecret": self._creds.appsecret,
        }
        try:
            resp = await self._send(
                Priority.ORDER, "POST", "/uapi/hashkey", json=dict(body), headers=headers
            )
        except httpx.HTTPError as exc:
            raise NetworkError(f"hashkey request failed ({type(exc).__name__})") from None
        try:
            data = resp.json()
        except ValueError:
            data = None
        if resp.status_code != 200 or not isinstance(data, dict) or not data.get("HASH"):
            raise ProtocolError(
                f"hashkey: HTTP {resp.status_code} without HASH", status=resp.status_code
            )
        return str(data["HASH"])

    # -- continuation --------------------------------------------------------------------------

    async def pages(
        self,
        path: str,
        tr_id: str,
        params: Mapping[str, str],
        *,
        width: int = 100,
        rows_key: str = "output1",
        max_pages: int = 50,
        progress: Callable[[int, int], None] | None = None,
    ) -> AsyncIterator[Reply]:
        """Every page of a continued inquiry (README › Pagination).

        First page: ``tr_cont`` "" and blank cursors; next pages: ``tr_cont`` "N" with both
        ``CTX_AREA_FK/NK<width>`` cursors echoed exactly as received (space padding included).
        Stops on a response ``tr_cont`` of D/E (or blank). After ``max_pages`` pages with more
        still announced, raises PageLimitExceeded instead of truncating silently.
        """
        fk, nk = f"CTX_AREA_FK{width}", f"CTX_AREA_NK{width}"
        query = {**params, fk: "", nk: ""}
        tr_cont = ""
        pages = rows = 0
        while True:
            reply = await self.get(path, tr_id, query, tr_cont=tr_cont)
            pages += 1
            batch = reply.body.get(rows_key)
            rows += len(batch) if isinstance(batch, list) else (1 if batch else 0)
            if progress is not None:
                progress(pages, rows)
            yield reply
            if reply.tr_cont not in MORE_PAGES:
                return
            fk_value = _cursor(reply.body, fk)
            nk_value = _cursor(reply.body, nk)
            if not fk_value.strip() and not nk_value.strip():
                log.warning("%s: tr_cont %s but blank cursors; stopping", tr_id, reply.tr_cont)
                return
            if pages >= max_pages:
                raise PageLimitExceeded(tr_id=tr_id, pages=pages, rows=rows)
            query[fk], query[nk] = fk_value, nk_value
            tr_cont = "N"


def _cursor(body: Mapping[str, Any], name: str) -> str:
    """The cursor exactly as sent (never stripped); keys are lower case in bodies."""
    for key in (name.lower(), name):
        value = body.get(key)
        if value is not None:
            return str(value)
    return ""
