"""A connected session: one environment, one account, one client (and the simulator in demo)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol, cast

from kisdesk.kis import Credentials, Environment, KisClient
from kisdesk.kis.env import demo_environment
from kisdesk.kis.ratelimit import RateLimiter
from kisdesk.kis.tokens import MemoryTokenStore

if TYPE_CHECKING:
    from kisdesk.sim.server import SimServer

log = logging.getLogger(__name__)

# Demo mode's market is seeded so every first launch (and every screenshot) looks alike.
DEMO_SEED = 20260801


@dataclass
class Session:
    env: Environment
    account: str
    client: KisClient
    sim: SimServer | Any = None  # in demo: the SimServer, or a demo_sim.SimProcess
    profile_name: str = ""
    extras: dict[str, Any] = field(default_factory=dict)
    hub: Any = None  # its QuoteHub (services/quote_hub.py), made by the app once connected

    @property
    def name(self) -> str:
        return self.env.name

    async def close(self) -> None:
        try:
            if self.hub is not None:
                hub, self.hub = self.hub, None
                await hub.close()
            await self.client.aclose()
        finally:
            if self.sim is not None:
                await self.sim.stop()
                self.sim = None


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
        hts_id=getattr(sim, "hts_ids", {}).get(account, ""),
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
    on_event: Callable[[Any], None] | None = None,
    sim_process: bool = False,
) -> Session:
    """Start the built-in simulator on 127.0.0.1 and connect to it like to KIS.
    ``sim_process``: in a child process (services/demo_sim.py) where one can be started;
    else on this loop (tests reach its state directly)."""
    from kisdesk.config.masking import register_secret
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
    for secret in (sim.appkey, sim.appsecret, session.account):
        register_secret(secret)
    log.info("demo session started on %s", sim.base_url)
    return session
