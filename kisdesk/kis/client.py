"""KisClient: one environment, one app key, one account; every endpoint as an async method.

    client = KisClient(REAL, Credentials(appkey, appsecret, "50012345-01"), on_event=print)
    quote = await client.domestic_price("005930")
    balance = await client.domestic_balance(progress=lambda pages, rows: ...)
    await client.aclose()

All calls share one ``httpx.AsyncClient`` (keep-alive, explicit timeouts) and the process-wide
rate limiter of the app key (``client.limiter``). No Qt here: the client runs on whatever asyncio
loop awaits it (qasync in the app, a plain loop in tests).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from kisdesk.kis.approval import ApprovalKeys
from kisdesk.kis.charts import ChartsApi
from kisdesk.kis.credentials import Credentials
from kisdesk.kis.domestic import DomesticApi
from kisdesk.kis.env import Environment
from kisdesk.kis.events import ClientEvent, EventSink
from kisdesk.kis.logs import get_logger
from kisdesk.kis.orders import OrdersApi
from kisdesk.kis.overseas import OverseasApi
from kisdesk.kis.overseas_orders import OverseasOrdersApi
from kisdesk.kis.ranking import RankingApi
from kisdesk.kis.ratelimit import RateLimiter, limiter_for
from kisdesk.kis.tokens import TokenManager, TokenStore
from kisdesk.kis.transport import Reply, Transport
from kisdesk.kis.watch import WatchApi

if TYPE_CHECKING:  # the realtime stack (websockets, cryptography) loads on first use
    from kisdesk.kis.realtime.stream import RealtimeStream

log = get_logger(__name__)


class KisClient(
    ChartsApi, DomesticApi, OrdersApi, OverseasApi, OverseasOrdersApi, RankingApi, WatchApi
):
    """The async KIS Open API client.

    Methods (all ``async``; records in kisdesk.kis.records, amounts Decimal):

    - quotations: ``domestic_price``, ``daily_chart``, ``product_info``, ``stock_info``,
      ``overseas_price``, ``overseas_price_detail``
    - chart bars (kis/charts.py): ``minute_chart``, ``minute_chart_day``,
      ``overseas_daily_chart``, ``overseas_minute_chart`` and their ``*_pages`` iterators
    - account: ``domestic_balance`` (+ ``domestic_balance_pages``), ``buying_power``,
      ``sellable_quantity``, ``overseas_balance``, ``overseas_present_balance``
    - orders: ``order_cash`` (``buy`` / ``sell``), ``modify_order``, ``cancel_order``,
      ``cancellable_orders``, ``daily_executions``; ``overseas_order``,
      ``overseas_modify_order``, ``overseas_cancel_order``, ``overseas_open_orders``,
      ``overseas_buying_power`` (O8), ``overseas_order_history`` (O9)
    - rankings: ``credit_balance_ranking``, ``volume_rank``, ``fluctuation_rank``,
      ``market_cap_rank``
    - live screens (kis/watch.py): ``order_book`` (D12), ``saved_conditions``,
      ``condition_results`` (D15/D16), ``hts_groups``, ``hts_group_stocks`` (D17/D18),
      ``multi_price`` (D19, 30 symbols a call)
    - session: ``approval_key`` (websocket), ``realtime`` (the stream of this app key),
      ``logout``, ``aclose``; ``iter_pages`` for any other continued inquiry.
    """

    def __init__(
        self,
        env: Environment,
        creds: Credentials,
        *,
        rate_per_sec: int | None = None,
        use_hashkey: bool = False,
        timeout: float = 10.0,
        on_event: Callable[[ClientEvent], None] | None = None,
        token_store: TokenStore | None = None,
        limiter: RateLimiter | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        """``token_store``: where tokens persist (default: the OS keyring; MemoryTokenStore for
        demo). ``limiter``: share or inject a limiter (default: the process-wide one of this app
        key at ``rate_per_sec`` or the environment's rate). ``clock``/``sleep``: wall clock and
        sleep used by the token rules and backoffs (tests inject them)."""
        self.env = env
        self.creds = creds
        self._events = EventSink(on_event, log)
        self._http = httpx.AsyncClient(
            base_url=env.base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            limits=httpx.Limits(
                max_connections=20, max_keepalive_connections=10, keepalive_expiry=30.0
            ),
            headers={"user-agent": "kisdesk"},
        )
        self.limiter = limiter or limiter_for(creds.appkey_id, rate_per_sec or env.rate_per_sec)
        self.tokens = TokenManager(
            env, creds, self._http, self._events, store=token_store, clock=clock, sleep=sleep
        )
        self._t = Transport(
            env,
            creds,
            self._http,
            self.limiter,
            self.tokens,
            self._events,
            use_hashkey=use_hashkey,
            sleep=sleep,
        )
        self.approvals = ApprovalKeys(
            env, creds, self._http, self._events, store=token_store, clock=clock
        )
        self._stream: RealtimeStream | None = None
        self._closed = False

    def __repr__(self) -> str:
        return (
            f"KisClient(env={self.env.name!r}, account={self.creds.masked_account!r}, "
            f"rate={self.limiter.rate}/s)"
        )

    __str__ = __repr__

    # -- settings and state --------------------------------------------------------------------

    @property
    def use_hashkey(self) -> bool:
        return self._t.use_hashkey

    @use_hashkey.setter
    def use_hashkey(self, value: bool) -> None:
        self._t.use_hashkey = value

    @property
    def requests_sent(self) -> int:
        """HTTP requests this client sent to REST endpoints (excludes token calls)."""
        return self._t.requests

    async def __aenter__(self) -> KisClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool. The token stays cached for the next start."""
        if not self._closed:
            self._closed = True
            if self._stream is not None:
                await self._stream.stop()
            await self._http.aclose()

    async def logout(self) -> None:
        """Revoke the access token at KIS and drop it from the keyring."""
        if self._stream is not None:
            await self._stream.stop()
        await self.approvals.forget()
        await self.tokens.revoke()

    async def ensure_token(self) -> None:
        """Get a token now (cached or issued) — e.g. at connect, to surface errors early."""
        await self.tokens.get()

    # -- websocket approval key ----------------------------------------------------------------

    async def approval_key(self, *, refresh: bool = False) -> str:
        """Websocket approval key (/oauth2/Approval), cached in the token store like the token;
        ``refresh`` drops the cached key and issues a new one."""
        if refresh and self.approvals.current is not None:
            await self.approvals.invalidate(self.approvals.current.value)
        return await self.approvals.get()

    def realtime(self, **options: Any) -> RealtimeStream:
        """This client's realtime stream (one socket for the app key, every TR on it), made on
        first use with ``options`` (see RealtimeStream); not started: call ``start()``."""
        if self._stream is None:
            from kisdesk.kis.realtime.stream import RealtimeStream

            self._stream = RealtimeStream(
                self.env.realtime_url, self.approvals, events=self._events, **options
            )
        return self._stream

    # -- generic continuation ------------------------------------------------------------------

    def iter_pages(
        self,
        path: str,
        function: str,
        params: Mapping[str, str],
        *,
        width: int = 100,
        rows_key: str = "output1",
        max_pages: int = 50,
        progress: Callable[[int, int], None] | None = None,
    ) -> AsyncIterator[Reply]:
        """Raw pages of any continued inquiry: ``function`` is a TR table name (env.TR_IDS),
        cursors ``CTX_AREA_FK<width>``/``NK<width>`` are echoed exactly; raises
        PageLimitExceeded after ``max_pages`` pages if more remain."""
        return self._t.pages(
            path,
            self._t.tr_id(function),
            params,
            width=width,
            rows_key=rows_key,
            max_pages=max_pages,
            progress=progress,
        )
