"""A connected session: one environment, one account, its clients and the services that live as
long as it does (the order service), and the simulator in demo."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol, cast

from kisdesk.config.profiles import Profile
from kisdesk.config.settings import OrderSettings
from kisdesk.kis import Credentials, Environment, KisClient
from kisdesk.kis.env import demo_environment
from kisdesk.kis.events import EventCallback
from kisdesk.kis.ratelimit import RateLimiter
from kisdesk.kis.tokens import MemoryTokenStore
from kisdesk.services.orders import OrderService, open_order_service

if TYPE_CHECKING:
    from kisdesk.services.quote_hub import QuoteHub
    from kisdesk.sim.server import SimServer

log = logging.getLogger(__name__)

# Demo mode's market is seeded so every first launch (and every screenshot) looks alike.
DEMO_SEED = 20260801


@dataclass
class Session:
    """What widgets get through ``set_session``: the clients and the session's own services.

    ``data_client``: a paper profile's real market-data client (rankings paper does not offer),
    None elsewhere. ``orders``: the order service, made and started by :meth:`start_orders` on
    the GUI thread once the session is up (None before); closing the session closes it."""

    env: Environment
    account: str
    client: KisClient
    sim: SimServer | Any = None  # in demo: the SimServer, or a demo_sim.SimProcess
    profile_name: str = ""
    profile: Profile | None = None
    data_client: KisClient | None = None
    orders: OrderService | None = None
    hub: QuoteHub | None = None  # made by the app once connected (services/quote_hub.py)
    # RealtimeStream options for the hub (tests shorten the ping interval); empty in the app.
    stream_options: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.env.name

    def start_orders(self, settings: OrderSettings) -> OrderService:
        """The session's order service, configured from the order preferences: it reads the
        day's orders (the reconciliation baseline) and follows them. Made once."""
        if self.orders is None:
            self.orders = open_order_service(self.client, self.env.name, settings)
            self.orders.start()
        return self.orders

    async def close(self) -> None:
        """Stop the order service, then close the clients, then stop an own simulator; every
        step runs even when one before it fails (the first failure is raised after)."""
        orders, data_client, sim, hub = self.orders, self.data_client, self.sim, self.hub
        self.orders = self.data_client = self.sim = self.hub = None
        async with contextlib.AsyncExitStack() as steps:  # runs its callbacks last-in first
            if sim is not None:
                steps.push_async_callback(sim.stop)
            steps.push_async_callback(self.client.aclose)
            if data_client is not None:
                steps.push_async_callback(data_client.aclose)
            if orders is not None:
                steps.callback(orders.deleteLater)
                steps.push_async_callback(orders.close)
            if hub is not None:  # first: it holds the stream and its polls
                steps.push_async_callback(hub.close)


class SimEndpoint(Protocol):
    """What a client needs to know of a running simulator: a SimServer on this loop, a SimThread,
    or the first line ``python -m kisdesk.sim`` prints in another process."""

    @property
    def base_url(self) -> str: ...
    @property
    def ws_url(self) -> str: ...
    @property
    def appkey(self) -> str: ...
    @property
    def appsecret(self) -> str: ...
    @property
    def accounts(self) -> Mapping[str, str]: ...
    @property
    def hts_ids(self) -> Mapping[str, str]: ...


def connect_to_sim(
    sim: SimEndpoint,
    account: str = "demo",
    *,
    env_name: str = "demo",
    profile: str = "real",
    profile_name: str | None = None,
    own_sim: bool = False,
    own_limiter: bool = False,
    **client_options: Any,
) -> Session:
    """A Session whose client talks to the simulator ``sim`` over TCP as to KIS: the app's demo
    mode, the tests and the benches all connect through here.

    ``account``: a key of the simulator's accounts ("demo", "large"). ``env_name`` names the
    environment ("paper", or "real" for a test of the real-money guards) while ``profile`` picks
    the TR IDs and rate the simulator speaks. ``own_sim``: ``sim`` is a SimServer on this loop
    that closing the session stops. ``own_limiter``: a rate limiter of this client's own at the
    environment's rate, rather than the process-wide one of the app key (a fresh simulator's
    window starts empty too). ``client_options`` go to KisClient (on_event, timeout, clock,
    sleep, limiter…); tokens are kept in memory unless ``token_store`` says otherwise (None: the
    OS keyring, as for a paper or real profile)."""
    env = replace(demo_environment(sim.base_url, sim.ws_url, profile=profile), name=env_name)
    creds = Credentials(
        appkey=sim.appkey,
        appsecret=sim.appsecret,
        account=sim.accounts[account],
        # the tr_key of its execution notices and the user_id of D15–D18
        hts_id=sim.hts_ids.get(account, ""),
    )
    if "token_store" not in client_options:
        # Simulator tokens are worthless outside this process: keep them away from the keyring
        # (a locked desktop keyring would otherwise prompt on a first launch of the demo).
        client_options["token_store"] = MemoryTokenStore()
    if own_limiter:
        client_options["limiter"] = RateLimiter(env.rate_per_sec)
    client = KisClient(env, creds, **client_options)
    owned = cast("SimServer", sim) if own_sim else None
    return Session(
        env=env,
        account=creds.account,
        client=client,
        sim=owned,
        profile_name=env_name if profile_name is None else profile_name,
    )


async def start_demo_session(
    *,
    seed: int = DEMO_SEED,
    account: str = "demo",
    ticker_interval: float | None = 1.0,
    on_event: EventCallback | None = None,
    sim_process: bool = False,
) -> Session:
    """Start the built-in simulator on 127.0.0.1 and connect to it like to KIS.
    ``sim_process``: in a child process (services/demo_sim.py) where one can be started;
    else on this loop (tests reach its state directly)."""
    from kisdesk.services import demo_sim

    sim: Any
    if sim_process and demo_sim.available():
        sim = await demo_sim.start_sim_process(seed=seed, ticker_interval=ticker_interval)
    else:
        from kisdesk.sim.server import SimServer  # here: paper/real never pay for aiohttp

        sim = SimServer(profile="real", seed=seed, ticker_interval=ticker_interval)
        await sim.start()
    try:
        session = connect_to_sim(sim, account, on_event=on_event, own_sim=True)
    except BaseException:
        await sim.stop()
        raise
    log.info("demo session started on %s", sim.base_url)
    return session
