"""A connected session: one environment, one account, one client (and the simulator in demo)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kisdesk.config.masking import register_secret
from kisdesk.kis import Credentials, Environment, KisClient

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
    from kisdesk.kis.env import demo_environment
    from kisdesk.services import demo_sim

    sim: Any
    if sim_process and demo_sim.available():
        sim = await demo_sim.start_sim_process(seed=seed, ticker_interval=ticker_interval)
    else:
        from kisdesk.sim.server import SimServer  # here: paper/real never pay for aiohttp

        sim = SimServer(profile="real", seed=seed, ticker_interval=ticker_interval)
        await sim.start()
    env = demo_environment(sim.base_url, sim.ws_url)
    creds = Credentials(
        appkey=sim.appkey,
        appsecret=sim.appsecret,
        account=sim.accounts[account],
        hts_id=sim.hts_ids[account],  # the tr_key of its execution notices
    )
    for secret in (creds.appkey, creds.appsecret, creds.account):
        register_secret(secret)
    client = KisClient(env, creds, on_event=on_event, token_store=_demo_token_store())
    log.info("demo session started on %s", sim.base_url)
    return Session(env=env, account=creds.account, client=client, sim=sim, profile_name="demo")


def _demo_token_store() -> Any:
    """Demo tokens are worthless outside this process: keep them in memory, away from the keyring
    (a locked desktop keyring would otherwise prompt on a first launch)."""
    from kisdesk.kis.tokens import MemoryTokenStore

    return MemoryTokenStore()
