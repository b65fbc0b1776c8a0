"""SimServer: the aiohttp application that speaks KIS's REST dialect on loopback.

Request pipeline for a KIS API path (order matters, it is what a client observes):
fault injection → app key / secret → per-key rate limit (EGW00201) → bearer token
(EGW00121/EGW00123) → TR ID against path and profile → a present ``custtype`` header that is
not P or B (EGW00208; absent means P) → parameters (POST values must be strings, OPSQ2001) →
endpoint handler.
Token endpoints are outside the rate limit; everything under /uapi counts, hashkey included.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import socket
import struct
import uuid
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from aiohttp import web

from . import (
    endpoints_domestic,
    endpoints_info,
    endpoints_overseas,
    endpoints_ranking,
    orders_domestic,
    orders_overseas,
)
from .accounts import Account, demo_account, large_account, set_prev_totals
from .api import ApiRequest, ApiSpec
from .auth import TokenStore, make_credentials
from .clock import SimClock
from .envelope import KisError, TokenError, field_error, gateway_error
from .faults import Fault, FaultInjector
from .market import Market
from .matching import OrderBook
from .ratelimit import SlidingWindow
from .sessions import regular_open
from .stats import SimStats

if TYPE_CHECKING:
    from .accounts import OverseasHolding

log = logging.getLogger("kisdesk.sim")

PROFILES = ("real", "paper")
DEFAULT_RATE = {"real": 20, "paper": 2}
JSON_CT = "application/json; charset=utf-8"
MSG_CD = web.ResponseKey("msg_cd", str)  # what the stats log records for each response


def _spec_modules() -> Iterable[ApiSpec]:
    for mod in (
        endpoints_domestic,
        endpoints_info,
        orders_domestic,
        endpoints_ranking,
        endpoints_overseas,
        orders_overseas,
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
    ) -> None:
        if profile not in PROFILES:
            raise ValueError(f"profile must be one of {PROFILES}, not {profile!r}")
        if market_hours not in ("always", "krx"):
            raise ValueError("market_hours must be 'always' or 'krx'")
        self.profile = profile
        self.seed = seed
        self.market_hours = market_hours
        self.ticker_interval = ticker_interval
        # Build every KRX quote in small slices after start so the first ranking call does not
        # stall the (GUI) loop; on by default in ticker (demo) mode, off for tests.
        self.warm_up = bool(ticker_interval) if warm_up is None else warm_up
        self.clock = clock or SimClock()
        # Remap synthetic rejection codes (SIM000xx) to whatever a test wants to see.
        self.code_map: dict[str, tuple[str, str]] = dict(code_map or {})

        key, secret = make_credentials(seed, profile)
        self.appkey: str = appkey or key
        self.appsecret: str = appsecret or secret
        self.tokens = TokenStore(self.clock)
        self.tokens.credentials[self.appkey] = self.appsecret

        self.rate_limit = rate_limit if rate_limit is not None else DEFAULT_RATE[profile]
        self.limiter = SlidingWindow(self.rate_limit, self.clock.monotonic)
        self.faults = FaultInjector(seed)
        self.stats = SimStats()

        self.market = Market(seed, self.clock.now())
        self.orders = OrderBook(seed)
        demo = demo_account(self.market, seed)
        large = large_account(self.market, seed)
        self._accounts: dict[str, Account] = {}
        self.accounts: dict[str, str] = {}
        for acct in (demo, large):
            set_prev_totals(acct, self.market)
            self._accounts[acct.number] = acct
            self.accounts[acct.name] = acct.number

        self.specs: dict[str, ApiSpec] = {s.path: s for s in _spec_modules()}
        self.host = "127.0.0.1"
        self.port: int | None = None
        self._runner: web.AppRunner | None = None
        self._ticker: asyncio.Task[None] | None = None
        self._warmer: asyncio.Task[None] | None = None
        self._approval_keys: dict[str, str] = {}

    # ---- public API --------------------------------------------------------------------------

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
            "profile": self.profile,
            "seed": self.seed,
            "rate_limit": self.rate_limit,
        }

    def account(self, name_or_number: str) -> Account:
        number = self.accounts.get(name_or_number, name_or_number)
        return self._accounts[number]

    def account_by_number(self, cano: str, prdt: str) -> Account | None:
        return self._accounts.get(f"{cano.strip()}-{prdt.strip()}")

    def add_credentials(self, appkey: str, appsecret: str) -> None:
        """Accept another app key (its rate-limit window and token are separate)."""
        self.tokens.credentials[appkey] = appsecret

    def expire_tokens(self, *, keep_issue_limit: bool = False) -> None:
        self.tokens.expire_all(keep_issue_limit=keep_issue_limit)

    def advance_clock(self, seconds: float) -> None:
        self.clock.advance(seconds)

    def step_market(self, n: int = 1) -> None:
        """Advance the random walk ``n`` steps; resting orders match on every step."""
        self.market.step(n, self.orders.hot_quotes(self), lambda q: self.orders.on_step(self, q))

    def set_price(self, code: str, price: Decimal) -> None:
        """Force a domestic price (snapped into the band) and match resting orders on it."""
        q = self.market.domestic(code)
        if q is None:
            raise KeyError(code)
        q.price = price
        self.orders.on_step(self, q)

    def market_open(self) -> bool:
        """Whether prices walk: always, or in the KRX regular session (orders have their own
        per-type windows, sessions.py)."""
        if self.market_hours == "always":
            return True
        return regular_open(self.clock.now())

    def now(self) -> datetime:
        return self.clock.now()

    def orders_ovs_sellable(self, acct: Account, h: OverseasHolding) -> int:
        return self.orders.ovs_sellable(acct, h)

    # ---- lifecycle ---------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        if self._runner is not None:
            raise RuntimeError("already started")
        app = web.Application(middlewares=[self._middleware], client_max_size=1 << 20)
        app.router.add_post("/oauth2/tokenP", self._token)
        app.router.add_post("/oauth2/revokeP", self._revoke)
        app.router.add_post("/oauth2/Approval", self._approval)
        app.router.add_post("/uapi/hashkey", self._hashkey)
        for spec in self.specs.values():
            app.router.add_route("*", spec.path, self._bind(spec))
        self._add_admin_routes(app)
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
            self._ticker = loop.create_task(self._tick_loop())
        if self.warm_up:
            self._warmer = loop.create_task(self._warm_loop())

    async def stop(self) -> None:
        for task in (self._ticker, self._warmer):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        self._ticker = self._warmer = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self.port = None

    async def _warm_loop(self) -> None:
        while self.market.warm_up_chunk(100):
            await asyncio.sleep(0.005)

    async def _tick_loop(self) -> None:
        assert self.ticker_interval
        while True:
            await asyncio.sleep(self.ticker_interval)
            if self.market_open():
                try:
                    self.step_market(1)
                except Exception:  # keep ticking; a bug here must not kill demo mode
                    log.exception("market step failed")

    # ---- responses ---------------------------------------------------------------------------

    def _json(
        self,
        body: Any,
        status: int = 200,
        tr_id: str | None = None,
        tr_cont: str = "",
        msg_cd: str = "",
    ) -> web.Response:
        headers = {"content-type": JSON_CT}
        if tr_id is not None:
            headers["tr_id"] = tr_id
            headers["tr_cont"] = tr_cont
            headers["gt_uid"] = uuid.uuid4().hex
        resp = web.Response(
            status=status, body=json.dumps(body, ensure_ascii=False).encode(), headers=headers
        )
        resp[MSG_CD] = msg_cd
        return resp

    def _error(self, err: KisError, tr_id: str | None) -> web.Response:
        body = err.body()
        if err.msg_cd in self.code_map:
            body["msg_cd"], body["msg1"] = self.code_map[err.msg_cd]
        return self._json(body, err.status, tr_id or "", "", body["msg_cd"])

    def _token_error(self, err: TokenError) -> web.Response:
        return self._json(err.body(), err.status, msg_cd=err.code)

    # ---- middleware: faults, stats, never a traceback ------------------------------------------

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        if request.path.startswith("/__sim"):
            return await handler(request)
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

    # ---- auth endpoints --------------------------------------------------------------------

    async def _json_body(self, request: web.Request) -> dict[str, Any] | None:
        try:
            data = json.loads(await request.read() or b"null")
        except (ValueError, UnicodeDecodeError):
            return None
        return data if isinstance(data, dict) else None

    async def _token(self, request: web.Request) -> web.Response:
        self.stats.token_requests += 1
        body = await self._json_body(request)
        try:
            if body is None:
                raise TokenError("EGW00101", "잘못된 요청입니다.")
            if body.get("grant_type") != "client_credentials":
                raise TokenError("EGW00101", "grant_type이 유효하지 않습니다.")
            self.tokens.check_pair(body.get("appkey"), body.get("appsecret"))
            before = self.tokens.issued
            tok = self.tokens.issue(body["appkey"])
        except TokenError as e:
            if e.code == "EGW00133":
                self.stats.token_refused += 1
            return self._token_error(e)
        if self.tokens.issued != before:
            self.stats.tokens_issued += 1
        remaining = max(0, int(tok.expires_at - self.clock.timestamp()))
        return self._json(
            {
                "access_token": tok.value,
                "access_token_token_expired": self.tokens.expiry_text(tok),
                "token_type": "Bearer",
                "expires_in": remaining,
            }
        )

    async def _revoke(self, request: web.Request) -> web.Response:
        body = await self._json_body(request)
        try:
            if body is None:
                raise TokenError("EGW00101", "잘못된 요청입니다.")
            self.tokens.check_pair(body.get("appkey"), body.get("appsecret"))
            if not self.tokens.revoke(body["appkey"], str(body.get("token", ""))):
                raise TokenError("EGW00121", "유효하지 않은 token 입니다.")
        except TokenError as e:
            return self._token_error(e)
        return self._json({"code": 200, "message": "접근토큰 폐기에 성공하였습니다"})

    async def _approval(self, request: web.Request) -> web.Response:
        body = await self._json_body(request)
        try:
            if body is None:
                raise TokenError("EGW00101", "잘못된 요청입니다.")
            if body.get("grant_type") != "client_credentials":
                raise TokenError("EGW00101", "grant_type이 유효하지 않습니다.")
            # The approval body names the secret "secretkey", not "appsecret" (auth.md §3).
            self.tokens.check_pair(body.get("appkey"), body.get("secretkey"))
        except TokenError as e:
            return self._token_error(e)
        key = self._approval_keys.setdefault(body["appkey"], str(uuid.uuid4()))
        return self._json({"approval_key": key})

    async def _hashkey(self, request: web.Request) -> web.Response:
        self.tokens.check_headers(request.headers.get("appkey"), request.headers.get("appsecret"))
        if not self.limiter.allow(request.headers["appkey"]):
            self.stats.rate_limited += 1
            raise gateway_error("EGW00201")
        raw = await request.read()
        try:
            body = json.loads(raw or b"null")
        except (ValueError, UnicodeDecodeError):
            raise KisError("OPSQ9995") from None
        digest = hashlib.sha256(raw).hexdigest()
        return self._json({"JsonBody": body, "HASH": digest})

    # ---- KIS API dispatch ----------------------------------------------------------------------

    def _bind(self, spec: ApiSpec) -> Any:
        async def handler(request: web.Request) -> web.Response:
            return await self._api(spec, request)

        return handler

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
        params: dict[str, str] = {}
        for k, v in data.items():
            if not k.isupper():
                continue
            if not isinstance(v, str):
                raise field_error(k)
            params[k] = v
        return params

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

    async def _api(self, spec: ApiSpec, request: web.Request) -> web.Response:
        headers = request.headers
        tr_id = headers.get("tr_id", "")
        try:
            self.tokens.check_headers(headers.get("appkey"), headers.get("appsecret"))
            if not self.limiter.allow(headers["appkey"]):
                self.stats.rate_limited += 1
                raise gateway_error("EGW00201")
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
            reply = spec.handler(self, req)
        except KisError as e:
            return self._error(e, tr_id)
        resp = self._json(reply.envelope(), reply.status, tr_id, reply.tr_cont, reply.msg_cd)
        return resp

    async def _not_found(self, request: web.Request) -> web.Response:
        err = KisError("OPSQ0002", status=404)
        return self._error(err, request.headers.get("tr_id"))

    # ---- admin (outside KIS's paths) -------------------------------------------------------------

    def _add_admin_routes(self, app: web.Application) -> None:
        r = app.router
        r.add_get("/__sim/info", self._admin_info)
        r.add_get("/__sim/stats", self._admin_stats)
        r.add_post("/__sim/stats/reset", self._admin_stats_reset)
        r.add_get("/__sim/faults", self._admin_faults)
        r.add_post("/__sim/faults", self._admin_add_fault)
        r.add_delete("/__sim/faults", self._admin_clear_faults)
        r.add_delete("/__sim/faults/{fault_id}", self._admin_remove_fault)
        r.add_post("/__sim/expire-tokens", self._admin_expire)
        r.add_post("/__sim/clock", self._admin_clock)
        r.add_post("/__sim/step", self._admin_step)

    @staticmethod
    async def _admin_json(data: Any, status: int = 200) -> web.Response:
        return web.json_response(data, status=status, dumps=lambda d: json.dumps(d, default=str))

    async def _admin_info(self, _request: web.Request) -> web.Response:
        return await self._admin_json(self.info())

    async def _admin_stats(self, _request: web.Request) -> web.Response:
        return await self._admin_json(self.stats.as_dict())

    async def _admin_faults(self, _request: web.Request) -> web.Response:
        return await self._admin_json([f.as_dict() for f in self.faults.active()])

    async def _admin_body(self, request: web.Request) -> dict[str, Any]:
        try:
            data = json.loads(await request.read() or b"{}")
        except ValueError:
            raise web.HTTPBadRequest(text="body must be JSON") from None
        if not isinstance(data, dict):
            raise web.HTTPBadRequest(text="body must be a JSON object")
        return data

    async def _admin_add_fault(self, request: web.Request) -> web.Response:
        data = await self._admin_body(request)
        allowed = {"kind", "path_prefix", "count", "tr_id", "rate", "delay", "status", "msg_cd"}
        allowed.add("msg1")
        unknown = set(data) - allowed
        if unknown or "kind" not in data:
            raise web.HTTPBadRequest(text=f"need 'kind'; unknown keys: {sorted(unknown)}")
        kind = data.pop("kind")
        try:
            f = self.faults.add(kind, **data)
        except (TypeError, ValueError) as e:
            raise web.HTTPBadRequest(text=str(e)) from None
        return await self._admin_json(f.as_dict(), 201)

    async def _admin_clear_faults(self, _request: web.Request) -> web.Response:
        self.faults.clear()
        return await self._admin_json({"cleared": True})

    async def _admin_remove_fault(self, request: web.Request) -> web.Response:
        try:
            ok = self.faults.remove(int(request.match_info["fault_id"]))
        except ValueError:
            ok = False
        return await self._admin_json({"removed": ok}, 200 if ok else 404)

    async def _admin_stats_reset(self, _request: web.Request) -> web.Response:
        self.stats.reset()
        return await self._admin_json({"reset": True})

    async def _admin_expire(self, request: web.Request) -> web.Response:
        data = await self._admin_body(request)
        self.expire_tokens(keep_issue_limit=bool(data.get("keep_issue_limit", False)))
        return await self._admin_json({"expired": True})

    async def _admin_clock(self, request: web.Request) -> web.Response:
        data = await self._admin_body(request)
        try:
            self.advance_clock(float(data.get("advance", 0)))
        except (TypeError, ValueError):
            raise web.HTTPBadRequest(text="'advance' must be seconds") from None
        return await self._admin_json({"now": self.clock.now().isoformat()})

    async def _admin_step(self, request: web.Request) -> web.Response:
        data = await self._admin_body(request)
        try:
            n = int(data.get("n", 1))
        except (TypeError, ValueError):
            raise web.HTTPBadRequest(text="'n' must be an integer") from None
        self.step_market(max(0, n))
        return await self._admin_json({"steps": self.market.steps})
