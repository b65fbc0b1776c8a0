"""Quote frames over the socket (websocket.md §5–§7, §9.5): 47-value ticks and 63-value books
read by the app's parsers, equal to the simulator's state and to REST at that moment; 00N
batches; the US feed; per-symbol trade rates; `python -m kisdesk.sim` streaming by default."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal

import httpx
import pytest

from kisdesk.domain.ticks import is_on_tick, step_price
from kisdesk.kis.realtime import DataFrame, DomesticBook, DomesticTick, OverseasBook, OverseasTick
from kisdesk.sim.testing import SimThread
from tests.sim.conftest import Kis
from tests.sim.ws_client import Ws, approval_key

CODE = "005930"


@pytest.fixture
def wsim() -> Iterator[SimThread]:
    with SimThread(seed=1234, ws_ping_interval=30) as sim:
        yield sim


def _payload_widths(raw: str) -> tuple[int, int]:
    """(record count, values per record) of a plain data frame's text."""
    _, _, count, payload = raw.split("|", 3)
    values = payload.split("^")
    return int(count), len(values) // int(count)


def test_tick_is_the_quote_rest_answers(wsim: SimThread) -> None:
    kis = Kis(wsim)
    with Ws(wsim) as ws:
        assert ws.subscribe("H0STCNT0", CODE).ok
        for _ in range(5):
            wsim.call("step_market", 1)
            frame = ws.data("H0STCNT0")
            assert _payload_widths(ws.raw[-1]) == (1, 47)
            tick = frame.records[-1]
            assert isinstance(tick, DomesticTick)
            rest = kis.price(CODE)
            q = wsim.call(lambda s: s.market.domestic(CODE))
            assert tick.code == CODE and tick.price == q.price == Decimal(rest["stck_prpr"])
            assert tick.change == Decimal(rest["prdy_vrss"]) and tick.sign == rest["prdy_vrss_sign"]
            assert tick.change_rate == Decimal(rest["prdy_ctrt"])
            assert (tick.open, tick.high, tick.low) == (
                Decimal(rest["stck_oprc"]),
                Decimal(rest["stck_hgpr"]),
                Decimal(rest["stck_lwpr"]),
            )
            assert tick.volume == Decimal(rest["acml_vol"])
            assert tick.trade_value == Decimal(rest["acml_tr_pbmn"])
            assert tick.vwap == Decimal(rest["wghn_avrg_stck_prc"])
            assert tick.prev_close == Decimal(rest["stck_sdpr"])
            assert tick.market_session == "2" and tick.hour_code == "0"
            assert tick.business_date == wsim.server.now().strftime("%Y%m%d")
            assert tick.trade_volume >= 1
            assert tick.buy_volume + tick.sell_volume >= tick.trade_volume
            assert tick.side in ("1", "5") and tick.bid < tick.ask
            assert tick.price in (tick.ask, tick.bid)
    kis.close()


def test_book_is_ten_levels_on_the_grid_and_agrees_with_the_tick(wsim: SimThread) -> None:
    with Ws(wsim) as ws:
        assert ws.subscribe("H0STCNT0", CODE).ok and ws.subscribe("H0STASP0", CODE).ok
        for _ in range(4):
            wsim.call("step_market", 1)
            tick = ws.data("H0STCNT0").records[-1]
            book = ws.data("H0STASP0").records[-1]
            assert _payload_widths(ws.raw[-1]) == (1, 63)
            assert isinstance(book, DomesticBook)
            assert len(book.asks) == len(book.bids) == 10
            assert list(book.asks) == sorted(book.asks) and len(set(book.asks)) == 10
            assert list(book.bids) == sorted(book.bids, reverse=True)
            assert book.asks[0] > book.bids[0]
            assert all(is_on_tick(p) for p in (*book.asks, *book.bids))
            # Adjacent levels are one tick apart: no hole in the grid.
            assert all(
                step_price(a, 1) == b for a, b in zip(book.asks, book.asks[1:], strict=False)
            )
            assert all(
                step_price(a, -1) == b for a, b in zip(book.bids, book.bids[1:], strict=False)
            )
            assert all(s > 0 for s in (*book.ask_sizes, *book.bid_sizes))
            assert book.total_ask_size == sum(book.ask_sizes)
            assert book.total_bid_size == sum(book.bid_sizes)
            # The tick of the same trade shows the same touch and totals.
            assert (tick.ask, tick.bid) == (book.asks[0], book.bids[0])
            assert (tick.ask_size, tick.bid_size) == (book.ask_sizes[0], book.bid_sizes[0])
            assert (tick.total_ask_size, tick.total_bid_size) == (
                book.total_ask_size,
                book.total_bid_size,
            )
            assert book.volume == tick.volume and book.code == CODE
            assert book.mid_price == (book.asks[0] + book.bids[0]) / 2
            assert book.market_session == "2" and not book.auction


def test_book_at_the_upper_limit_has_no_asks_above_it(wsim: SimThread) -> None:
    q = wsim.call(lambda s: s.market.domestic(CODE))
    with Ws(wsim) as ws:
        assert ws.subscribe("H0STASP0", CODE).ok
        wsim.call("set_price", CODE, q.upper)
        book = ws.data("H0STASP0").records[-1]
    assert book.asks[0] == q.upper and book.ask_sizes[0] > 0
    assert set(book.asks[1:]) == {Decimal(0)} and set(book.ask_sizes[1:]) == {Decimal(0)}
    assert book.total_ask_size == book.ask_sizes[0]


def test_a_resting_order_shows_in_the_book(wsim: SimThread) -> None:
    kis = Kis(wsim)
    with Ws(wsim) as ws:
        assert ws.subscribe("H0STASP0", CODE).ok
        wsim.call("step_market", 1)
        before = ws.data("H0STASP0").records[-1]
        price = before.bids[4]
        body = kis.order("TTTC0012U", CODE, 321, int(price))
        assert body["rt_cd"] == "0", body
        # The next trade that leaves the price above the order shows it at its level.
        for _ in range(30):
            wsim.call("step_market", 1)
            book = ws.data("H0STASP0").records[-1]
            if price in book.bids:
                level = book.bids.index(price)
                assert book.bid_sizes[level] > 321
                break
        else:
            pytest.fail("the order's price never came back into the book")
    kis.close()


def test_bursts_are_batched_00n_and_end_at_the_rest_price(wsim: SimThread) -> None:
    kis = Kis(wsim)
    with Ws(wsim) as ws:
        assert ws.subscribe("H0STCNT0", CODE).ok
        assert ws.subscribe("H0STCNT0", "000660").ok
        # Hold the socket's writer: the steps below queue up, then go out batched.
        wsim.call(lambda s: s.world.step_market(8))
        frames = [f for f in ws.drain(0.3) if isinstance(f, DataFrame)]
        batches = [f for f in frames if len(f.records) > 1]
        assert batches, [len(f.records) for f in frames]
        raw = [
            r for r in ws.raw if r.startswith("0|H0STCNT0|") and not r.startswith("0|H0STCNT0|001|")
        ]
        assert raw and all(_payload_widths(r)[1] == 47 for r in raw)
        ticks = [t for f in frames for t in f.records if t.code == CODE]
        other = [t for f in frames for t in f.records if t.code == "000660"]
        assert ticks and other
        # Every frame holds one symbol; in order, volumes never shrink.
        for f in frames:
            assert len({t.code for t in f.records}) == 1
        vols = [t.volume for t in ticks]
        assert vols == sorted(vols)
        assert ticks[-1].price == Decimal(kis.price(CODE)["stck_prpr"])
    kis.close()


def test_two_sessions_get_the_same_records(wsim: SimThread) -> None:
    wsim.call("add_credentials", "PS" + "y" * 34, "t" * 180)
    other_key = approval_key(wsim, "PS" + "y" * 34, "t" * 180)
    with Ws(wsim) as a, Ws(wsim, key=other_key) as b:
        assert a.subscribe("H0STCNT0", CODE).ok and b.subscribe("H0STCNT0", CODE).ok
        wsim.call("step_market", 3)
        ta = [t for f in a.drain(0.3) if isinstance(f, DataFrame) for t in f.records]
        tb = [t for f in b.drain(0.3) if isinstance(f, DataFrame) for t in f.records]
    assert ta and ta == tb


def test_us_ticks_and_book(wsim: SimThread) -> None:
    kis = Kis(wsim)
    with Ws(wsim) as ws:
        assert ws.subscribe("HDFSCNT0", "DNASAAPL").ok
        assert ws.subscribe("HDFSASP0", "DNASAAPL").ok
        wsim.call("step_market", 1)
        tick = ws.data("HDFSCNT0").records[-1]
        assert _payload_widths(ws.raw[-1]) == (1, 26)
        book = ws.data("HDFSASP0").records[-1]
        assert _payload_widths(ws.raw[-1]) == (1, 71)
        params = {"AUTH": "", "EXCD": "NAS", "SYMB": "AAPL"}
        path = "/uapi/overseas-price/v1/quotations/price"
        rest = kis.get(path, "HHDFS00000300", params).json()["output"]
    kis.close()
    assert isinstance(tick, OverseasTick) and isinstance(book, OverseasBook)
    assert (tick.key, tick.symbol, tick.market, tick.decimals) == ("DNASAAPL", "AAPL", "NAS", 4)
    assert tick.price == Decimal(rest["last"]) and tick.volume == Decimal(rest["tvol"])
    assert tick.prev_close == Decimal(rest["base"])
    assert tick.sign == rest["sign"] and tick.change_rate == Decimal(rest["rate"])
    assert len(book.bids) == len(book.asks) == 10
    assert list(book.asks) == sorted(book.asks) and list(book.bids) == sorted(book.bids)[::-1]
    assert book.asks[0] > book.bids[0] and tick.price in (book.asks[0], book.bids[0])
    assert (tick.bid, tick.ask) == (book.bids[0], book.asks[0])
    assert book.total_bid_size == sum(book.bid_sizes)
    assert book.total_ask_size == sum(book.ask_sizes)


def test_a_busy_symbol_trades_tens_of_times_a_second() -> None:
    with SimThread(seed=7, tick_rates={CODE: 40}) as sim, Ws(sim) as ws:
        assert ws.subscribe("H0STCNT0", CODE).ok
        assert ws.subscribe("H0STCNT0", "000660").ok
        t0 = time.monotonic()
        ticks: list[DomesticTick] = []
        while time.monotonic() - t0 < 1.0:
            ticks += ws.data("H0STCNT0").records
        busy = [t for t in ticks if t.code == CODE]
        assert len(busy) >= 20, len(busy)
        assert not [t for t in ticks if t.code == "000660"]  # no ticker, no rate: still
        # Changed over the admin route: the quiet symbol starts trading, the busy one stops.
        r = httpx.post(sim.base_url + "/__sim/tick-rate", json={"code": "000660", "rate": 25})
        assert r.status_code == 200 and r.json() == {"KRX:005930": 40.0, "KRX:000660": 25.0}
        r = httpx.post(sim.base_url + "/__sim/tick-rate", json={"code": CODE, "rate": 0})
        assert r.json() == {"KRX:000660": 25.0}
        t0 = time.monotonic()
        while time.monotonic() - t0 < 0.1:  # what was on its way before the change
            ws.data("H0STCNT0")
        t0 = time.monotonic()
        ticks = []
        while time.monotonic() - t0 < 0.6:
            ticks += ws.data("H0STCNT0").records
        assert {t.code for t in ticks} == {"000660"} and len(ticks) >= 8
        bad = httpx.post(sim.base_url + "/__sim/tick-rate", json={"code": "NOSUCH", "rate": 1})
        assert bad.status_code == 400


@pytest.mark.slow
def test_standalone_simulator_streams_by_default() -> None:
    help_text = subprocess.run(
        [sys.executable, "-m", "kisdesk.sim", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "--ws-ping-interval" in help_text and "--frozen" in help_text
    proc = subprocess.Popen(
        [sys.executable, "-m", "kisdesk.sim", "--port", "0", "--ws-ping-interval", "30"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        info = json.loads(proc.stdout.readline())
        assert info["hts_ids"] == {"demo": "simdemo", "large": "simlarge"}
        from websockets.sync.client import connect

        from kisdesk.kis.realtime import parse_frame, subscribe_message

        key = httpx.post(
            info["base_url"] + "/oauth2/Approval",
            json={
                "grant_type": "client_credentials",
                "appkey": info["appkey"],
                "secretkey": info["appsecret"],
            },
        ).json()["approval_key"]
        with connect(info["ws_url"] + "/tryitout") as ws:
            ws.send(subscribe_message(key, "H0STCNT0", CODE))
            assert parse_frame(ws.recv(timeout=5)).ok  # type: ignore[union-attr]
            frame = parse_frame(ws.recv(timeout=5))  # the market moves once a second
            assert isinstance(frame, DataFrame) and frame.records[0].code == CODE
    finally:
        proc.terminate()
        proc.wait(10)


def test_cli_options_for_the_socket() -> None:
    from kisdesk.sim.__main__ import _parse

    args = _parse(["--tick-rate", "005930=30", "--tick-rate", "NASD:AAPL=5", "--frozen"])
    assert args.tick_rates == {"005930": 30.0, "NASD:AAPL": 5.0} and args.frozen
    assert args.ticker == 1.0 and args.ws_ping_interval == 100.0  # KIS's defaults
    args = _parse(["--ws-ping-interval", "0.5", "--ws-ping-grace", "2", "--ws-key-in-use", "drop"])
    assert (args.ws_ping_interval, args.ws_ping_grace, args.ws_key_in_use) == (0.5, 2.0, "drop")
    for bad in ("005930", "005930=fast", "=3"):
        with pytest.raises(SystemExit):
            _parse(["--tick-rate", bad])
