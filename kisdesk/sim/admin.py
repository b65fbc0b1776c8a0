"""Admin routes outside KIS's paths (``/__sim/…``): what tests and scripts use to steer a
running simulator over HTTP — info, stats, faults, token expiry, the clock and market steps,
and for the websocket: its sessions, approval-key expiry and per-symbol trade rates."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from aiohttp import web

from .auth import TokenStore
from .faults import FaultInjector
from .world import SimWorld

FAULT_KEYS = frozenset(
    {"kind", "path_prefix", "count", "tr_id", "rate", "delay", "status", "msg_cd", "msg1"}
)


async def _answer(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda d: json.dumps(d, default=str))


async def _body(request: web.Request) -> dict[str, Any]:
    try:
        data = json.loads(await request.read() or b"{}")
    except ValueError:
        raise web.HTTPBadRequest(text="body must be JSON") from None
    if not isinstance(data, dict):
        raise web.HTTPBadRequest(text="body must be a JSON object")
    return data


class AdminRoutes:
    def __init__(
        self,
        world: SimWorld,
        faults: FaultInjector,
        tokens: TokenStore,
        info: Callable[[], dict[str, Any]],
    ) -> None:
        self.world = world
        self.faults = faults
        self.tokens = tokens
        self.info = info
        self._approvals: Any = None
        self._ws: Any = None
        self._tick_rates: Any = None

    def add_websocket(self, approvals: Any, ws: Any, tick_rates: Any) -> None:
        """Also serve /__sim/ws, /__sim/expire-approval-keys and /__sim/tick-rate."""
        self._approvals, self._ws, self._tick_rates = approvals, ws, tick_rates

    def add_to(self, app: web.Application) -> None:
        r = app.router
        r.add_get("/__sim/info", self._info)
        r.add_get("/__sim/stats", self._stats)
        r.add_post("/__sim/stats/reset", self._stats_reset)
        r.add_get("/__sim/faults", self._faults)
        r.add_post("/__sim/faults", self._add_fault)
        r.add_delete("/__sim/faults", self._clear_faults)
        r.add_delete("/__sim/faults/{fault_id}", self._remove_fault)
        r.add_post("/__sim/expire-tokens", self._expire)
        r.add_post("/__sim/clock", self._clock)
        r.add_post("/__sim/step", self._step)
        if self._ws is not None:
            r.add_get("/__sim/ws", self._ws_sessions)
            r.add_post("/__sim/expire-approval-keys", self._expire_approval)
            r.add_get("/__sim/tick-rate", self._get_tick_rates)
            r.add_post("/__sim/tick-rate", self._set_tick_rate)

    async def _info(self, _request: web.Request) -> web.Response:
        return await _answer(self.info())

    async def _stats(self, _request: web.Request) -> web.Response:
        return await _answer(self.world.stats.as_dict())

    async def _stats_reset(self, _request: web.Request) -> web.Response:
        self.world.stats.reset()
        return await _answer({"reset": True})

    async def _faults(self, _request: web.Request) -> web.Response:
        return await _answer([f.as_dict() for f in self.faults.active()])

    async def _add_fault(self, request: web.Request) -> web.Response:
        data = await _body(request)
        unknown = set(data) - FAULT_KEYS
        if unknown or "kind" not in data:
            raise web.HTTPBadRequest(text=f"need 'kind'; unknown keys: {sorted(unknown)}")
        kind = data.pop("kind")
        try:
            f = self.faults.add(kind, **data)
        except (TypeError, ValueError) as e:
            raise web.HTTPBadRequest(text=str(e)) from None
        return await _answer(f.as_dict(), 201)

    async def _clear_faults(self, _request: web.Request) -> web.Response:
        self.faults.clear()
        return await _answer({"cleared": True})

    async def _remove_fault(self, request: web.Request) -> web.Response:
        try:
            ok = self.faults.remove(int(request.match_info["fault_id"]))
        except ValueError:
            ok = False
        return await _answer({"removed": ok}, 200 if ok else 404)

    async def _expire(self, request: web.Request) -> web.Response:
        data = await _body(request)
        self.tokens.expire_all(keep_issue_limit=bool(data.get("keep_issue_limit", False)))
        return await _answer({"expired": True})

    async def _clock(self, request: web.Request) -> web.Response:
        data = await _body(request)
        try:
            self.world.advance_clock(float(data.get("advance", 0)))
        except (TypeError, ValueError):
            raise web.HTTPBadRequest(text="'advance' must be seconds") from None
        return await _answer({"now": self.world.now().isoformat()})

    async def _step(self, request: web.Request) -> web.Response:
        data = await _body(request)
        try:
            n = int(data.get("n", 1))
        except (TypeError, ValueError):
            raise web.HTTPBadRequest(text="'n' must be an integer") from None
        self.world.step_market(max(0, n))
        return await _answer({"steps": self.world.market.steps})

    async def _ws_sessions(self, _request: web.Request) -> web.Response:
        return await _answer({"sessions": self._ws.summary()})

    async def _expire_approval(self, _request: web.Request) -> web.Response:
        self._approvals.expire_all()
        return await _answer({"expired": True})

    async def _get_tick_rates(self, _request: web.Request) -> web.Response:
        return await _answer(self._tick_rates.as_dict())

    async def _set_tick_rate(self, request: web.Request) -> web.Response:
        """``{"code": "005930", "rate": 30}`` (``"exchange"``: KRX by default, or an overseas
        trading code such as NASD): trades per second, 0 to stop."""
        data = await _body(request)
        try:
            rate = float(data["rate"])
            self._tick_rates.set(str(data.get("exchange", "KRX")), str(data["code"]), rate)
        except (KeyError, TypeError, ValueError) as e:
            raise web.HTTPBadRequest(text=f"need 'code' and 'rate': {e}") from None
        return await _answer(self._tick_rates.as_dict())
