"""SimServer: the aiohttp pipeline that speaks KIS's REST dialect on loopback over a SimWorld.

Request pipeline for a KIS API path (order matters, it is what a client observes):
fault injection → app key / secret → per-key rate limit (EGW00201) → bearer token
(EGW00121/EGW00123) → TR ID against path and profile → a present ``custtype`` header that is
not P or B (EGW00208; absent means P) → parameters (POST values must be strings, OPSQ2001) →
endpoint handler, which works on the world. Token endpoints (auth.py) are outside the rate
limit; everything under /uapi counts, hashkey included. ``/__sim/…`` is admin.py.

The server keeps no state of the simulated day: that is the world's (``server.world``). The
attributes tests and tools read on the server (market, orders, stats, clock, accounts, …) are
thin delegations to it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import socket
import struct
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

from aiohttp import web

from . import (
    endpoints_chart,
    endpoints_domestic,
    endpoints_info,
    endpoints_overseas,
    endpoints_ranking,
    endpoints_watch,
    orders_domestic,
    orders_overseas,
    overseas_inquiries,
)
from .accounts import Account
from .admin import AdminRoutes
from .api import ApiRequest, ApiSpec
from .auth import OAuthRoutes, TokenStore, make_credentials
from .clock import SimClock
from .envelope import KisError, field_error, gateway_error
from .faults import Fault, FaultInjector
from .market import Market
from .matching import OrderBook
from .ratelimit import SlidingWindow
from .responses import JSON_CT, MSG_CD, error_response, json_response
from .stats import SimStats
from .tickrates import TickRates
from .world import KRX, SimWorld
from .ws import WsHub

log = logging.getLogger("kisdesk.sim")

DEFAULT_RATE = {"real": 20, "paper": 2}


def _spec_modules() -> Iterable[ApiSpec]:
    for mod in (
        endpoints_domestic,
        endpoints_info,
        endpoints_chart,
        orders_domestic,
        endpoints_ranking,
        endpoints_overseas,
        orders_overseas,
        endpoints_watch,
        overseas_inquiries,
    ):
        yield from mod.SPECS


class SimServer:
    """KIS simulator: construct, ``await start()``, talk HTTP to ``base_url``, ``await stop()``."""

    def __init__(
        self,
        profile: str = "real",
        seed: int = 0,
        *,
        appkey: str | None = None,
        appsecret: str | None = None,
        rate_limit: int | None = None,
        market_hours: str = "always",
        ticker_interval: float | None = None,
        clock: SimClock | None = None,
        code_map: dict[str, tuple[str, str]] | None = None,
        warm_up: bool | None = None,
        ws_ping_interval: float = 100.0,
        ws_ping_grace: float | None = None,
        ws_queue_limit: int = 1000,
        ws_key_in_use: str = "close",
        tick_rates: dict[str, float] | None = None,
    ) -> None:
        self.world = SimWorld(profile, seed, market_hours=market_hours, clock=clock)
        self.ticker_interval = ticker_interval
        # Build every KRX quote in small slices after start so the first ranking call does not
        # stall the (GUI) loop; on by default in ticker (demo) mode, off for tests.
        self.warm_up = bool(ticker_interval) if warm_up is None else warm_up
        # Remap synthetic rejection codes (SIM000xx) to whatever a test wants to see.
        self.code_map: dict[str, tuple[str, str]] = dict(code_map or {})

        key, secret = make_credentials(seed, profile)
        self.appkey: str = appkey or key
        self.appsecret: str = appsecret or secret
        self.tokens = TokenStore(self.world.clock)
        self.tokens.credentials[self.appkey] = self.appsecret
        self.oauth = OAuthRoutes(self.tokens, self.world.stats)

        self.rate_limit = rate_limit if rate_limit is not None else DEFAULT_RATE[profile]
        self.limiter = SlidingWindow(self.rate_limit, self.world.clock.monotonic)
        self.faults = FaultInjector(seed)
        # The HTS user id of each account's holder: the tr_key of execution-notice TRs.
        self.hts_ids = dict(self.world.hts_ids)
        self.ws = WsHub(
            self.world,
            self.oauth.approvals,
            self.faults,
            {self.world.accounts[name]: hts for name, hts in self.hts_ids.items()},
            ping_interval=ws_ping_interval,
            ping_grace=ws_ping_grace,
            queue_limit=ws_queue_limit,
            key_in_use=ws_key_in_use,
        )
        self.tick_rates = TickRates(self.world)
        for symbol, rate in (tick_rates or {}).items():
            exchange, _, code = symbol.rpartition(":")
            self.tick_rates.set(exchange or KRX, code, rate)

        self.specs: dict[str, ApiSpec] = {s.path: s for s in _spec_modules()}
        self.host = "127.0.0.1"
        self.port: int | None = None
        self._runner: web.AppRunner | None = None
        self._tasks: list[asyncio.Task[None]] = []

    # ---- the world, as tests and tools reach it through the server ---------------------------

    @property
    def profile(self) -> str:
        return self.world.profile

    @property
    def seed(self) -> int:
        return self.world.seed

    @property
    def market_hours(self) -> str:
        return self.world.market_hours

    @property
    def clock(self) -> SimClock:
        return self.world.clock

    @property
    def stats(self) -> SimStats:
        return self.world.stats

    @property
    def market(self) -> Market:
        return self.world.market

    @property
    def orders(self) -> OrderBook:
        return self.world.orders

    @property
    def accounts(self) -> dict[str, str]:
        """Account name → ``CANO-PRDT``."""
        return self.world.accounts

    def account(self, name_or_number: str) -> Account:
        return self.world.account(name_or_number)

    def account_by_number(self, cano: str, prdt: str) -> Account | None:
        return self.world.account_by_number(cano, prdt)

    def now(self) -> datetime:
        return self.world.now()

    def market_open(self) -> bool:
        return self.world.market_open()

    def advance_clock(self, seconds: float) -> None:
        self.world.advance_clock(seconds)

    def step_market(self, n: int = 1) -> None:
        """Advance the random walk ``n`` steps; resting orders match on every step."""
        self.world.step_market(n)

    def set_price(self, code: str, price: Decimal) -> None:
        """Force a domestic price (snapped into the band) and match resting orders on it."""
        self.world.set_price(code, price)

    # ---- gateway state ---------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise RuntimeError("SimServer not started")
        return f"http://{self.host}:{self.port}"

    @property
    def ws_url(self) -> str:
        if self.port is None:
            raise RuntimeError("SimServer not started")
        return f"ws://{self.host}:{self.port}"

    def info(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "ws_url": self.ws_url,
            "appkey": self.appkey,
            "appsecret": self.appsecret,
            "accounts": dict(self.accounts),
            "hts_ids": dict(self.hts_ids),
            "profile": self.profile,
            "seed": self.seed,
            "rate_limit": self.rate_limit,
        }

    def add_credentials(self, appkey: str, appsecret: str) -> None:
        """Accept another app key (its rate-limit window and token are separate)."""
        self.tokens.credentials[appkey] = appsecret

    def expire_tokens(self, *, keep_issue_limit: bool = False) -> None:
        self.tokens.expire_all(keep_issue_limit=keep_issue_limit)

    # ---- lifecycle ---------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        if self._runner is not None:
            raise RuntimeError("already started")
        app = web.Application(middlewares=[self._middleware], client_max_size=1 << 20)
        self.oauth.add_to(app)
        app.router.add_post("/uapi/hashkey", self._hashkey)
        for spec in self.specs.values():
            app.router.add_route("*", spec.path, self._bind(spec))
        admin = AdminRoutes(self.world, self.faults, self.tokens, self.info)
        admin.add_websocket(self.oauth.approvals, self.ws, self.tick_rates)
        admin.add_to(app)
        self.ws.add_to(app, self._not_found)
        app.router.add_route("*", "/{tail:.*}", self._not_found)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, host, port)
        await site.start()
        self._runner = runner
        self.host = host
        addr = runner.addresses[0]
        self.port = int(addr[1])
        loop = asyncio.get_running_loop()
        if self.ticker_interval:
            self._tasks.append(loop.create_task(self.world.run_ticker(self.ticker_interval)))
        if self.warm_up:
            self._tasks.append(loop.create_task(self.world.warm_up()))
        self.tick_rates.start()

    async def stop(self) -> None:
        await self.tick_rates.stop()
        await self.ws.close_all()
        for task in self._tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self.port = None

    # ---- middleware: faults, stats, never a traceback ------------------------------------------

    def _error(self, err: KisError, tr_id: str | None) -> web.Response:
        return error_response(err, tr_id, self.code_map)

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if request.path.startswith("/__sim") or self.ws.is_upgrade(request):
            return await handler(request)  # the websocket has faults of its own (ws.py)
        tr_id = request.headers.get("tr_id", "")
        fired = self.faults.take(request.path, tr_id or None)
        other: Fault | None = None
        for f in fired:
            self.stats.faults_fired[f.kind] += 1
            if f.kind == "latency":
                # Read the body first (aiohttp keeps it for the handler): a slow server has the
                # whole request, so an order the client stops waiting for is still booked.
                with contextlib.suppress(ConnectionError):
                    await request.read()
                await asyncio.sleep(f.delay)
            else:
                other = f
        resp: web.StreamResponse
        if other is not None and other.kind != "expire_tokens":
            if other.kind == "drop_response":
                await self._run(request, handler)
                self._kill(request, rst=False)
                raise asyncio.CancelledError
            if other.kind == "connection_reset":
                self._kill(request, rst=True)
                raise asyncio.CancelledError
            resp = self._fault_response(other, tr_id)
        else:
            if other is not None:
                self.expire_tokens()
            resp = await self._run(request, handler)
        self.stats.note(request.method, request.path, tr_id, resp.status, resp.get(MSG_CD, ""))
        return resp

    async def _run(self, request: web.Request, handler: Any) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPException:
            raise
        except KisError as e:
            return self._error(e, request.headers.get("tr_id"))
        except Exception:
            log.exception("simulator handler failed on %s", request.path)
            return self._error(gateway_error("EGW00002"), request.headers.get("tr_id"))

    def _fault_response(self, f: Fault, tr_id: str) -> web.Response:
        if f.kind == "error":
            err = KisError(f.msg_cd or "EGW00201", f.msg1, status=f.status or 500)
            return self._error(err, tr_id)
        if f.kind == "http_5xx":
            status = f.status or 503
            return web.Response(status=status, text=f"{status} Service Unavailable")
        if f.kind == "malformed_json":
            # A body cut off mid-object, as a proxy that drops the connection would leave it.
            body = b'{"rt_cd":"0","msg_cd":"MCA00000","output":{"stck_prpr":"7'
            return web.Response(
                status=f.status or 200, body=body, headers={"content-type": JSON_CT}
            )
        if f.kind == "html_error":
            status = f.status or 502
            page = (
                "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
                "</body></html>"
            )
            return web.Response(status=status, text=page, content_type="text/html")
        raise AssertionError(f.kind)

    @staticmethod
    def _kill(request: web.Request, *, rst: bool) -> None:
        transport = request.transport
        if transport is None:
            return
        sock = transport.get_extra_info("socket")
        if rst and sock is not None:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort() if rst else transport.close()

    # ---- gateway checks --------------------------------------------------------------------

    def _admit(self, headers: Any) -> None:
        """App key and secret, then the per-key rate limit (the hashkey route stops here)."""
        self.tokens.check_headers(headers.get("appkey"), headers.get("appsecret"))
        if not self.limiter.allow(headers["appkey"]):
            self.stats.rate_limited += 1
            raise gateway_error("EGW00201")

    def _check_tr(self, spec: ApiSpec, tr_id: str) -> str:
        """The op a TR ID selects on this path and profile, or KIS's refusal."""
        if not tr_id:
            raise KisError("OPSQ0002")
        if self.profile == "real":
            if tr_id in spec.real:
                return spec.real[tr_id]
            raise KisError("OPSQ0002")
        if spec.real_only:
            if tr_id in spec.real or ("T" + tr_id[1:]) in spec.real or tr_id[0] == "V":
                raise KisError("90000000")
            raise KisError("OPSQ0002")
        if tr_id in spec.paper:
            return spec.paper[tr_id]
        if tr_id in spec.real:
            raise gateway_error("EGW00213")
        raise KisError("OPSQ0002")

    @staticmethod
    def _check_custtype(headers: Any) -> None:
        """``custtype`` is P (individual) or B (corporate). Clients in production omit it on
        REST (python-kis 2.1.6 sends it only on the websocket) and KIS serves them, so a missing
        or blank header is an individual customer, on every function, including those whose doc
        marks it Y (D5, D10, R). A value that is present and neither P nor B is refused at the
        gateway with EGW00208 "invalid custtype" (errors-and-limits.md §2.2), HTTP 500 like the
        other EGW answers."""
        value = headers.get("custtype", "").strip()
        if value and value not in ("P", "B"):
            raise gateway_error("EGW00208")

    async def _params(self, request: web.Request, spec: ApiSpec) -> dict[str, str]:
        if spec.method == "GET":
            params: dict[str, str] = {}
            for k, v in request.query.items():
                params.setdefault(k.upper(), v)
            return params
        try:
            data = json.loads(await request.read() or b"null")
        except (ValueError, UnicodeDecodeError):
            raise KisError("OPSQ9995") from None
        if not isinstance(data, dict):
            raise KisError("OPSQ9995")
        # POST bodies must use UPPER-CASE keys; a lower-case key is simply not seen. Every value
        # is a string, quantities and prices included (README › Common request headers):
        # a number, boolean, null, list or object is an input error naming the field.
        params = {}
        for k, v in data.items():
            if not k.isupper():
                continue
            if not isinstance(v, str):
                raise field_error(k)
            params[k] = v
        return params

    # ---- routes ------------------------------------------------------------------------------

    async def _hashkey(self, request: web.Request) -> web.Response:
        self._admit(request.headers)
        raw = await request.read()
        try:
            body = json.loads(raw or b"null")
        except (ValueError, UnicodeDecodeError):
            raise KisError("OPSQ9995") from None
        digest = hashlib.sha256(raw).hexdigest()
        return json_response({"JsonBody": body, "HASH": digest})

    def _bind(self, spec: ApiSpec) -> Any:
        async def handler(request: web.Request) -> web.Response:
            return await self._api(spec, request)

        return handler

    async def _api(self, spec: ApiSpec, request: web.Request) -> web.Response:
        headers = request.headers
        tr_id = headers.get("tr_id", "")
        try:
            self._admit(headers)
            self.tokens.validate(headers["appkey"], headers.get("authorization"))
            op = self._check_tr(spec, tr_id)
            if request.method != spec.method:
                raise KisError("OPSQ0002")
            self._check_custtype(headers)
            params = await self._params(request, spec)
            req = ApiRequest(
                path=spec.path,
                method=request.method,
                tr_id=tr_id,
                op=op,
                profile=self.profile,
                params=params,
                tr_cont=headers.get("tr_cont", ""),
                headers=headers,
            )
            reply = spec.handler(self.world, req)
        except KisError as e:
            return self._error(e, tr_id)
        return json_response(reply.envelope(), reply.status, tr_id, reply.tr_cont, reply.msg_cd)

    async def _not_found(self, request: web.Request) -> web.Response:
        err = KisError("OPSQ0002", status=404)
        return self._error(err, request.headers.get("tr_id"))
