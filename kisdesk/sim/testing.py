"""SimThread: a SimServer on its own asyncio loop in a daemon thread, for sync tests and tools."""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from .server import SimServer


class SimThread:
    """``with SimThread(profile="paper", seed=1) as sim: httpx.get(sim.base_url + …)``.

    Handlers run on the simulator's loop; touch server state only through ``call`` so a test
    never races a request in flight.
    """

    def __init__(self, profile: str = "real", seed: int = 0, **server_kwargs: Any) -> None:
        self.server = SimServer(profile=profile, seed=seed, **server_kwargs)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    # ---- lifecycle ---------------------------------------------------------------------------

    def start(self, host: str = "127.0.0.1", port: int = 0) -> SimThread:
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            ready.set()
            loop.run_forever()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

        self._loop = loop
        self._thread = threading.Thread(target=run, name="kisdesk-sim", daemon=True)
        self._thread.start()
        ready.wait()
        asyncio.run_coroutine_threadsafe(self.server.start(host, port), loop).result(30)
        return self

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        stopping = asyncio.run_coroutine_threadsafe(self.server.stop(), loop)
        try:
            stopping.result(30)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(30)
            self._loop = self._thread = None

    def __enter__(self) -> SimThread:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ---- access ------------------------------------------------------------------------------

    def call(self, fn: Callable[..., Any] | str, *args: Any, **kwargs: Any) -> Any:
        """Run ``fn(server, *args)`` — or a server method (bound, or by name) — on the server
        loop and return its result (awaiting it if it is a coroutine)."""
        if self._loop is None:
            raise RuntimeError("SimThread not started")
        server = self.server
        if isinstance(fn, str):
            target: Callable[..., Any] = getattr(server, fn)
            call_args: tuple[Any, ...] = args
        elif inspect.ismethod(fn) and fn.__self__ is server:
            target, call_args = fn, args
        else:
            target, call_args = fn, (server, *args)

        async def runner() -> Any:
            result = target(*call_args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            return result

        fut: concurrent.futures.Future[Any] = asyncio.run_coroutine_threadsafe(runner(), self._loop)
        return fut.result(60)

    @property
    def base_url(self) -> str:
        return self.server.base_url

    @property
    def ws_url(self) -> str:
        return self.server.ws_url

    @property
    def appkey(self) -> str:
        return self.server.appkey

    @property
    def appsecret(self) -> str:
        return self.server.appsecret

    @property
    def accounts(self) -> dict[str, str]:
        return self.server.accounts

    @property
    def hts_ids(self) -> dict[str, str]:
        """Account name → the HTS ID execution-notice subscriptions use as tr_key."""
        return self.server.hts_ids

    @property
    def faults(self) -> Any:
        return self.server.faults

    @property
    def stats(self) -> Any:
        return self.server.stats
