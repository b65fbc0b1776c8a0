"""Paper: the paper socket carries KRX ticks and the paper execution notices (H0STCNI9) but no
overseas feed (websocket.md §1). A paper profile holding a real market-data key streams
overseas quotes from the real server's socket with that key, notices from paper; without one,
overseas quotes on screen are polled over paper's REST."""

from __future__ import annotations

from typing import Any

import pytest

from kisdesk.kis import Credentials, KisClient
from kisdesk.kis.env import PAPER_RATE_PER_SEC, REAL_RATE_PER_SEC, Environment
from kisdesk.kis.realtime import KRX_NOTICE_PAPER, OVERSEAS_TICK, Priority
from kisdesk.kis.tokens import MemoryTokenStore
from kisdesk.services.live_quotes import QuoteKey, Source, domestic
from kisdesk.services.quote_hub import open_quote_hub
from kisdesk.services.session import Session
from kisdesk.sim.server import SimServer

CODE = "005930"
OVERSEAS_PRICE = "/uapi/overseas-price/v1/quotations/price"


def _env(sim: SimServer, name: str, rate: int) -> Environment:
    return Environment(
        name=name, base_url=sim.base_url, ws_url=sim.ws_url, profile=name, rate_per_sec=rate
    )


@pytest.fixture
def paper_session(run_async):
    """``paper_session(data_key=bool)``: a paper profile's session against a paper simulator,
    with a real market-data client against a real one when asked."""
    made: list[tuple[Any, list[SimServer]]] = []

    def make(data_key: bool) -> tuple[Any, SimServer, SimServer | None]:
        async def start() -> tuple[Any, SimServer, SimServer | None]:
            paper = SimServer(profile="paper", seed=77, ticker_interval=None)
            await paper.start()
            creds = Credentials(
                paper.appkey, paper.appsecret, paper.accounts["demo"], hts_id=paper.hts_ids["demo"]
            )
            client = KisClient(
                _env(paper, "paper", PAPER_RATE_PER_SEC), creds, token_store=MemoryTokenStore()
            )
            real = data_client = None
            if data_key:
                real = SimServer(profile="real", seed=78, ticker_interval=None)
                await real.start()
                data_client = KisClient(
                    _env(real, "real", REAL_RATE_PER_SEC),
                    Credentials(real.appkey, real.appsecret, paper.accounts["demo"]),
                    token_store=MemoryTokenStore(),
                )
            session = Session(
                env=client.env,
                account=creds.account,
                client=client,
                profile_name="paper",
                data_client=data_client,
            )
            return session, paper, real

        session, paper, real = run_async(start())
        made.append((session, [s for s in (paper, real) if s is not None]))
        return session, paper, real

    yield make
    for session, sims in made:
        run_async(session.close())
        for sim in sims:
            run_async(sim.stop())


def us_symbol(sim: SimServer) -> QuoteKey:
    exchange, code = next(k for k in sorted(sim.market.overseas_listings) if k[0] == "NASD")
    return QuoteKey(exchange, code)


def test_paper_streams_krx_and_its_notices_and_overseas_from_the_real_data_key(
    qtbot, paper_session
):
    session, paper, real = paper_session(data_key=True)
    hub = open_quote_hub(session)
    session.hub = hub
    assert hub.stream is session.client.realtime()
    assert hub.overseas_stream is session.data_client.realtime()
    hub.start()
    krx, us = domestic(CODE), us_symbol(real)
    hub.watch("test", krx, Priority.HOLDING)
    hub.watch("test", us, Priority.HOLDING)
    qtbot.waitUntil(
        lambda: (
            hub.served(krx) is Source.STREAMED
            and hub.served(us) is Source.STREAMED
            and hub.notices_streamed
        ),
        timeout=8000,
    )
    assert hub.stream.state_of(KRX_NOTICE_PAPER, paper.hts_ids["demo"]) is not None
    assert paper.stats.ws_registrations == 2  # the KRX tick and the paper notices
    assert real.stats.ws_registrations == 1  # the US tick, on the real server's socket
    assert hub.overseas_stream.state_of(OVERSEAS_TICK, f"DNAS{us.code}") is not None
    for _ in range(60):
        real.step_market(1)
        paper.step_market(1)
        qtbot.wait(20)
        if hub.quote(us) is not None and hub.quote(krx) is not None:
            break
    assert hub.quote(us).price == real.market.overseas(us.market, us.code).price
    assert hub.quote(krx).price == paper.market.domestic(CODE).price
    assert paper.stats.by_path.get(OVERSEAS_PRICE, 0) == 0  # nothing polled


def test_paper_without_a_data_key_polls_overseas_quotes(qtbot, paper_session):
    session, paper, _ = paper_session(data_key=False)
    hub = open_quote_hub(session)
    session.hub = hub
    assert hub.overseas_stream is None
    hub.start()
    us = us_symbol(paper)
    hub.watch("test", us, Priority.WATCHLIST)  # a row on screen
    listed = sorted(k for k in paper.market.overseas_listings if k[0] == "NASD")
    out_of_sight = QuoteKey(*listed[1])
    hub.watch("test", out_of_sight, Priority.HOLDING)  # its table's refresh brings its price
    qtbot.waitUntil(lambda: hub.quote(us) is not None, timeout=8000)
    assert out_of_sight not in hub.poller.wanted and hub.quote(out_of_sight) is None
    assert hub.served(us) is Source.POLLED and hub.quote(us).source is Source.POLLED
    assert hub.quote(us).price == paper.market.overseas(us.market, us.code).price
    assert paper.stats.by_path.get(OVERSEAS_PRICE, 0) >= 1
    assert paper.stats.ws_registrations <= 1  # never asked the paper socket for HDFSCNT0
