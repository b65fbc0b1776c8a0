"""services/charts.py against the simulator over TCP: every period's bars equal the simulator's
across pages, the last bar ends at the current price and follows ticks, a new minute opens a
bar, and paper stops where KIS stops with a note saying why."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from kisdesk.services.charts import KRX, ChartService, ChartSymbol, Period, Series

pytestmark = pytest.mark.asyncio

SAMSUNG = ChartSymbol(KRX, "005930", "삼성전자")
APPLE = ChartSymbol("NAS", "AAPL", "Apple")
Row = tuple[dt.datetime, Decimal, Decimal, Decimal, Decimal, int]


def oracle_group(minutes: list[Row], n: int) -> list[Row]:
    """N-minute bars written out independently: per day, blocks of N from the day's first bar."""
    out: list[Row] = []
    days: dict[dt.date, list[Row]] = {}
    for m in minutes:
        days.setdefault(m[0].date(), []).append(m)
    for day in sorted(days):
        rows = days[day]
        for i in range(0, len(rows), n):
            block = rows[i : i + n]
            out.append(
                (
                    block[0][0],
                    block[0][1],
                    max(r[2] for r in block),
                    min(r[3] for r in block),
                    block[-1][4],
                    sum(r[5] for r in block),
                )
            )
    return out


def d13_newest(kis: Any) -> list[dict[str, str]]:
    """The newest page of today's one-minute bars of 005930 (D13 as of now), newest first."""
    return kis.body(
        "/uapi/domestic-stock/v1/quotations/inquire-time-itemchartprice",
        "FHKST03010200",
        {
            "FID_COND_MRKT_DIV_CODE": "J",
            "FID_INPUT_ISCD": SAMSUNG.code,
            "FID_INPUT_HOUR_1": "000000",
            "FID_PW_DATA_INCU_YN": "N",
            "FID_ETC_CLS_CODE": "",
        },
    )["output2"]


def rows_of(series: Series) -> list[Row]:
    return [(b.at, b.open, b.high, b.low, b.close, int(b.volume)) for b in series.bars]


def server_minutes(sim: Any, days: int) -> list[Row]:
    """The simulator's own one-minute bars of the last ``days`` trading days and today."""

    def read(server: Any) -> list[Row]:
        world = server.world
        q = world.market.domestic(SAMSUNG.code)
        kst = dt.timezone(dt.timedelta(hours=9))
        out = []
        for bar in world.history.bars(q, world.now().date())[-days:]:
            first = dt.datetime.combine(bar.day, dt.time(9, 0), kst)
            last = dt.datetime.combine(bar.day, dt.time(15, 29), kst)
            out += world.minutes.past_day(q, bar, first, last)
        today = world.now().replace(hour=9, minute=0, second=0, microsecond=0)
        out += world.minutes.today(q, today, world.now().replace(second=0, microsecond=0))
        return [(b.at.replace(tzinfo=None), b.open, b.high, b.low, b.close, b.volume) for b in out]

    return sim.call(read)


@pytest.mark.parametrize("period", [p for p in Period if p.minutes], ids=lambda p: p.name)
async def test_domestic_minute_periods_equal_the_simulator_across_pages(
    real_sim, chart_client, period
):
    client = chart_client(real_sim)
    service = ChartService(client, paper=False)
    series = await service.load_now(SAMSUNG, period)
    for _ in range(3):  # today's remaining D13 pages, then D14 pages of past days
        await service.older_now(series)
    await client.aclose()
    base_days = {b.at.date() for b in series.base}
    assert len(base_days) >= 2, "paging never reached a past day"
    expected_minutes = [m for m in server_minutes(real_sim, 40) if m[0] >= series.base[0].at]
    assert [(b.at, b.close) for b in series.base] == [(m[0], m[4]) for m in expected_minutes]
    want = oracle_group(expected_minutes, period.minutes or 1)
    # The oldest N-minute bar may be cut at the page edge: compare from the first whole one.
    got = rows_of(series)
    assert got[1:] == want[-(len(got) - 1) :]
    q = real_sim.call(lambda s: s.market.domestic(SAMSUNG.code))
    assert got[-1][4] == q.price and series.upper == q.upper and series.lower == q.lower


@pytest.mark.parametrize("period", [Period.DAY, Period.WEEK, Period.MONTH], ids=lambda p: p.name)
async def test_domestic_day_week_month_equal_d9_across_pages(real_sim, chart_client, period):
    from kisdesk.sim.endpoints_info import _group
    from kisdesk.sim.history import Bar

    client = chart_client(real_sim)
    service = ChartService(client, paper=False)
    series = await service.load_now(SAMSUNG, period)
    first_count = len(series.bars)
    await service.older_now(series)
    await client.aclose()
    if first_count == 100:  # a full page: an older one follows
        assert len(series.bars) > first_count and not series.complete
    else:  # the months of the kept history fit one page: nothing older
        assert len(series.bars) == first_count and series.complete

    def d9_truth(server: Any) -> list[Row]:
        world = server.world
        q = world.market.domestic(SAMSUNG.code)
        today = Bar(world.now().date(), q.open, q.high, q.low, q.price, q.volume)
        bars = _group([*world.history.bars(q, world.now().date()), today], period.value)
        return [
            (dt.datetime.combine(b.day, dt.time()), b.open, b.high, b.low, b.close, b.volume)
            for b in bars
        ]

    truth = d9_truth(real_sim.server)
    assert rows_of(series) == truth[-len(series.bars) :]
    assert series.bars[-1].close == real_sim.call(lambda s: s.market.domestic("005930").price)


@pytest.mark.parametrize("period", [Period.DAY, Period.M5], ids=lambda p: p.name)
async def test_overseas_bars_equal_the_simulator(real_sim, chart_client, raw, period):
    client = chart_client(real_sim)
    service = ChartService(client, paper=False)
    series = await service.load_now(APPLE, period)
    await service.older_now(series)
    await client.aclose()
    kis = raw(real_sim)
    if period is Period.DAY:
        path, tr = "/uapi/overseas-price/v1/quotations/dailyprice", "HHDFS76240000"
        rows: list[dict[str, str]] = []
        bymd = ""
        for _ in range(2):
            params = {"AUTH": "", "EXCD": "NAS", "SYMB": "AAPL", "GUBN": "0", "MODP": "1"}
            page = kis.body(path, tr, {**params, "BYMD": bymd})["output2"]
            rows = list(reversed(page)) + rows
            oldest = dt.datetime.strptime(page[-1]["xymd"], "%Y%m%d")
            bymd = (oldest - dt.timedelta(days=1)).strftime("%Y%m%d")
        truth = [(r["xymd"], Decimal(r["clos"]), int(r["tvol"])) for r in rows]
        got = [(b.at.strftime("%Y%m%d"), b.close, int(b.volume)) for b in series.bars]
    else:
        path, tr = "/uapi/overseas-price/v1/quotations/inquire-time-itemchartprice", "HHDFS76950200"
        params = {"AUTH": "", "EXCD": "NAS", "SYMB": "AAPL", "NMIN": "5", "PINC": "1"}
        params |= {"NEXT": "", "NREC": "120", "FILL": "", "KEYB": ""}
        page1 = kis.body(path, tr, params)["output2"]
        last = dt.datetime.strptime(page1[-1]["xymd"] + page1[-1]["xhms"], "%Y%m%d%H%M%S")
        params |= {"NEXT": "1", "KEYB": (last - dt.timedelta(minutes=5)).strftime("%Y%m%d%H%M%S")}
        page2 = kis.body(path, tr, params)["output2"]
        rows = list(reversed(page2)) + list(reversed(page1))
        truth = [(r["xymd"] + r["xhms"], Decimal(r["last"]), int(r["evol"])) for r in rows]
        got = [(b.at.strftime("%Y%m%d%H%M%S"), b.close, int(b.volume)) for b in series.bars]
    assert len(got) == 200 if period is Period.DAY else len(got) == 240
    assert got == truth


async def test_last_bar_follows_ticks_and_a_new_minute_opens_a_bar(real_sim, chart_client, raw):
    client = chart_client(real_sim)
    service = ChartService(client, paper=False)
    series = await service.load_now(SAMSUNG, Period.M1)
    day = await service.load_now(SAMSUNG, Period.DAY)
    n, n_day = len(series.bars), len(day.bars)
    last, loaded_volume = series.bars[-1], series.day_volume
    assert loaded_volume == real_sim.call(lambda s: s.market.domestic(SAMSUNG.code).volume)
    assert last.at == dt.datetime(2026, 12, 2, 11, 0)
    for _ in range(3):  # ticks as the quote poll (or the stream) gives them
        real_sim.call("step_market", 7)
        q = await client.domestic_price(SAMSUNG.code)
        service.on_tick(SAMSUNG, q.price, q.volume, dt.datetime(2026, 12, 2, 11, 0, 30))
        assert series.bars[-1].close == q.price == day.bars[-1].close
        assert series.bars[-1].high >= q.price >= series.bars[-1].low
    assert len(series.bars) == n
    # Volume: the day's cumulative volume grows the bar by what traded since.
    assert series.bars[-1].volume == last.volume + (q.volume - loaded_volume)
    real_sim.call("advance_clock", 60)
    real_sim.call("step_market", 3)
    q = await client.domestic_price(SAMSUNG.code)
    service.on_tick(SAMSUNG, q.price, q.volume, dt.datetime(2026, 12, 2, 11, 1, 5))
    assert len(series.bars) == n + 1 and len(day.bars) == n_day  # a new minute, the same day
    new = series.bars[-1]
    assert new.at == dt.datetime(2026, 12, 2, 11, 1) and new.open == new.close == q.price
    # The server's newest bar is that minute, at that price.
    head = d13_newest(raw(real_sim))[0]
    assert head["stck_cntg_hour"] == "110100" and Decimal(head["stck_prpr"]) == q.price
    # A tick on the next day opens a daily bar; on the next minute a 5-minute bar waits for
    # its fifth minute.
    five = await service.load_now(SAMSUNG, Period.M5)
    n5 = len(five.bars)
    service.on_tick(SAMSUNG, q.price, q.volume, dt.datetime(2026, 12, 2, 11, 2, 0))
    assert len(five.bars) == n5
    service.on_tick(SAMSUNG, q.price, q.volume, dt.datetime(2026, 12, 2, 11, 5, 0))
    assert len(five.bars) == n5 + 1 and five.bars[-1].at == dt.datetime(2026, 12, 2, 11, 5)
    service.on_tick(SAMSUNG, q.price, q.volume, dt.datetime(2026, 12, 3, 9, 0, 1))
    assert len(day.bars) == n_day + 1 and day.bars[-1].at == dt.datetime(2026, 12, 3)
    await client.aclose()


async def test_paper_stops_where_kis_stops_and_says_why(paper_chart_sim, chart_client):
    client = chart_client(paper_chart_sim)
    service = ChartService(client, paper=True)
    one = await service.load_now(SAMSUNG, Period.M1)
    assert not one.complete  # today's D13 pages still go back
    for _ in range(5):
        await service.older_now(one)
    assert one.complete and "모의투자" in one.note
    assert one.bars[0].at == dt.datetime(2026, 12, 2, 9, 0)  # all of today, nothing older
    ovs = await service.load_now(APPLE, Period.M1)
    assert ovs.complete and ovs.bars == [] and "모의투자" in ovs.note
    day = await service.load_now(APPLE, Period.DAY)
    assert len(day.bars) == 100 and not day.note  # O6b is offered on paper
    stats = paper_chart_sim.stats.by_path
    assert not any(
        "dailychartprice" in p or "overseas-price/v1/quotations/inquire-time" in p for p in stats
    )
    await client.aclose()


async def test_minute_bars_are_labelled_by_the_minute_they_open(sim_at, chart_client, raw):
    """KIS times a minute bar by the minute it opens (see services/charts.py): the simulator's
    rows, the client's bars, the ticks of the chart service and the dock's labels all agree,
    for KRX one-minute bars (D13) and New York five-minute bars (O7), in mid-minute. (The app's
    client asks first: the simulator issues one token a minute, and its clock stands still.)"""
    from kisdesk.ui.chart.dock import bar_label

    kst = dt.timezone(dt.timedelta(hours=9))
    krx = sim_at(dt.datetime(2026, 12, 2, 11, 0, 40, tzinfo=kst))
    client = chart_client(krx)
    service = ChartService(client, paper=False)
    one = await service.load_now(SAMSUNG, Period.M1)
    five = await service.load_now(SAMSUNG, Period.M5)
    await client.aclose()
    head = d13_newest(raw(krx))
    assert [r["stck_cntg_hour"] for r in head[:2]] == ["110000", "105900"]
    assert one.bars[-1].at == five.bars[-1].at == dt.datetime(2026, 12, 2, 11, 0)
    assert bar_label(one.bars[-1], Period.M1) == "12-02 11:00"
    n1, n5, price = len(one.bars), len(five.bars), one.bars[-1].close
    service.on_tick(SAMSUNG, price, None, dt.datetime(2026, 12, 2, 11, 0, 59))
    assert (len(one.bars), len(five.bars)) == (n1, n5)  # still the minute that opened at 11:00
    service.on_tick(SAMSUNG, price, None, dt.datetime(2026, 12, 2, 11, 1, 0))
    assert len(one.bars) == n1 + 1 and one.bars[-1].at == dt.datetime(2026, 12, 2, 11, 1)
    assert len(five.bars) == n5  # the five minutes from 11:00 run to 11:04:59

    # 00:37:40 KST on Thursday is 10:37:40 on Wednesday in New York (EST).
    nyse = sim_at(dt.datetime(2026, 12, 3, 0, 37, 40, tzinfo=kst))
    client = chart_client(nyse)
    service = ChartService(client, paper=False)
    apple = await service.load_now(APPLE, Period.M5)
    await client.aclose()
    params = {"AUTH": "", "EXCD": "NAS", "SYMB": "AAPL", "NMIN": "5", "PINC": "0"}
    params |= {"NEXT": "", "NREC": "120", "FILL": "", "KEYB": ""}
    rows = raw(nyse).body(
        "/uapi/overseas-price/v1/quotations/inquire-time-itemchartprice", "HHDFS76950200", params
    )["output2"]
    assert [r["xhms"] for r in rows[:2]] == ["103500", "103000"] and rows[-1]["xhms"] == "093000"
    assert (rows[0]["kymd"], rows[0]["khms"]) == ("20261203", "003500")
    assert apple.bars[-1].at == dt.datetime(2026, 12, 2, 10, 35)
    today = [b.at for b in apple.bars if b.at.date() == dt.date(2026, 12, 2)]
    assert min(today).time() == dt.time(9, 30)  # the session's first bar: the open
    n, price = len(apple.bars), apple.bars[-1].close
    service.on_tick(APPLE, price, None, dt.datetime(2026, 12, 2, 10, 39, 59))
    assert len(apple.bars) == n
    service.on_tick(APPLE, price, None, dt.datetime(2026, 12, 2, 10, 40, 0))
    assert len(apple.bars) == n + 1 and apple.bars[-1].at == dt.datetime(2026, 12, 2, 10, 40)
