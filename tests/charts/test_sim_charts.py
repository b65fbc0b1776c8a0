"""The simulator's chart endpoints over TCP: D9, D13, D14, O6b and O7 agree with each other and
with the quote (bars end at the current price), page as the digest says, and paper refuses the
real-only ones with KIS's envelope."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import pairwise
from typing import Any

import pytest

D9 = "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice"
D13 = "/uapi/domestic-stock/v1/quotations/inquire-time-itemchartprice"
D14 = "/uapi/domestic-stock/v1/quotations/inquire-time-dailychartprice"
O6B = "/uapi/overseas-price/v1/quotations/dailyprice"
O7 = "/uapi/overseas-price/v1/quotations/inquire-time-itemchartprice"
CODE = "005930"


def strings_only(value: Any) -> bool:
    if isinstance(value, dict):
        return all(strings_only(v) for v in value.values())
    if isinstance(value, list):
        return all(strings_only(v) for v in value)
    return isinstance(value, str)


def d13(kis: Any, hour: str) -> dict[str, Any]:
    params = {
        "FID_COND_MRKT_DIV_CODE": "J",
        "FID_INPUT_ISCD": CODE,
        "FID_INPUT_HOUR_1": hour,
        "FID_PW_DATA_INCU_YN": "N",
        "FID_ETC_CLS_CODE": "",
    }
    return kis.body(D13, "FHKST03010200", params)


def d13_all(kis: Any) -> list[dict[str, str]]:
    """Every bar of today, paging back 30 at a time (python-kis's recipe), oldest first."""
    rows: list[dict[str, str]] = []
    hour = "235959"
    while True:
        page = d13(kis, hour)["output2"]
        assert len(page) <= 30
        if not page:
            return rows
        rows = list(reversed(page)) + rows
        oldest = dt.datetime.strptime(page[-1]["stck_cntg_hour"], "%H%M%S")
        if oldest.time() == dt.time(9, 0):
            assert d13(kis, "085959")["output2"] == []
            return rows
        hour = (oldest - dt.timedelta(minutes=1)).strftime("%H%M%S")


def quote(sim: Any, code: str = CODE) -> Any:
    return sim.call(lambda s: s.market.domestic(code))


def ohlcv(rows: list[dict[str, str]], o: str, h: str, lo: str, c: str, v: str) -> tuple:
    return (
        Decimal(rows[0][o]),
        max(Decimal(r[h]) for r in rows),
        min(Decimal(r[lo]) for r in rows),
        Decimal(rows[-1][c]),
        sum(int(r[v]) for r in rows),
    )


def test_d13_pages_back_to_the_open_and_end_at_the_current_price(real_sim, raw):
    kis = raw(real_sim)
    first = d13(kis, "235959")  # a time to come: answered as of now
    assert strings_only(first)
    assert len(first["output2"]) == 30
    assert first["output2"][0]["stck_cntg_hour"] == "110000"
    rows = d13_all(kis)
    times = [r["stck_cntg_hour"] for r in rows]
    assert times[0] == "090000" and times[-1] == "110000" and len(rows) == 121  # every minute
    assert len(set(times)) == len(times)
    q = quote(real_sim)
    got = ohlcv(rows, "stck_oprc", "stck_hgpr", "stck_lwpr", "stck_prpr", "cntg_vol")
    assert got == (q.open, q.high, q.low, q.price, q.volume)
    values = [int(r["acml_tr_pbmn"]) for r in rows]
    assert values == sorted(values)  # cumulative through the day
    head = first["output1"]
    assert head["stck_prpr"] == str(q.price) and head["hts_kor_isnm"] == "삼성전자"
    for r in rows:
        o, h, lo, c = (Decimal(r[k]) for k in ("stck_oprc", "stck_hgpr", "stck_lwpr", "stck_prpr"))
        assert lo <= min(o, c) <= max(o, c) <= h
    # Consecutive bars: each opens where the one before closed.
    assert all(a["stck_prpr"] == b["stck_oprc"] for a, b in pairwise(rows))


def test_the_tape_grows_with_the_market_and_keeps_finished_bars(real_sim, raw):
    kis = raw(real_sim)
    before = d13_all(kis)
    real_sim.call("step_market", 40)
    real_sim.call("advance_clock", 150)  # 11:02:30
    after = d13_all(kis)
    assert [r["stck_cntg_hour"] for r in after[-3:]] == ["110000", "110100", "110200"]
    assert after[:-3] == before[:-1]  # finished minutes never change
    q = quote(real_sim)
    assert Decimal(after[-1]["stck_prpr"]) == q.price
    got = ohlcv(after, "stck_oprc", "stck_hgpr", "stck_lwpr", "stck_prpr", "cntg_vol")
    assert got == (q.open, q.high, q.low, q.price, q.volume)
    # Within one minute the open bar follows the price.
    moved = q.price + 1000
    real_sim.call("set_price", CODE, moved)
    last = d13(kis, "235959")["output2"][0]
    assert last["stck_cntg_hour"] == "110200" and Decimal(last["stck_prpr"]) == moved
    assert Decimal(last["stck_hgpr"]) >= moved


def d9(kis: Any, start: str, end: str, period: str = "D") -> list[dict[str, str]]:
    params = {
        "FID_COND_MRKT_DIV_CODE": "J",
        "FID_INPUT_ISCD": CODE,
        "FID_INPUT_DATE_1": start,
        "FID_INPUT_DATE_2": end,
        "FID_PERIOD_DIV_CODE": period,
        "FID_ORG_ADJ_PRC": "0",
    }
    return kis.body(D9, "FHKST03010100", params)["output2"]


def test_d9_today_is_the_minute_bars_day(real_sim, raw):
    kis = raw(real_sim)
    minutes = d13_all(kis)
    today = d9(kis, "20261201", "20261202")[0]
    assert today["stck_bsop_date"] == "20261202"
    day = ohlcv([today], "stck_oprc", "stck_hgpr", "stck_lwpr", "stck_clpr", "acml_vol")
    assert day == ohlcv(minutes, "stck_oprc", "stck_hgpr", "stck_lwpr", "stck_prpr", "cntg_vol")
    assert Decimal(today["stck_clpr"]) == quote(real_sim).price


def d14(kis: Any, date: str, hour: str, tr: str = "FHKST03010230") -> Any:
    params = {
        "FID_COND_MRKT_DIV_CODE": "J",
        "FID_INPUT_ISCD": CODE,
        "FID_INPUT_HOUR_1": hour,
        "FID_INPUT_DATE_1": date,
        "FID_PW_DATA_INCU_YN": "N",
        "FID_FAKE_TICK_INCU_YN": "",
    }
    return kis.get(D14, tr, params)


def test_d14_past_day_adds_up_to_its_daily_bar(real_sim, raw):
    kis = raw(real_sim)
    body = d14(kis, "20261127", "153000").json()
    assert body["rt_cd"] == "0" and strings_only(body)
    page = body["output2"]
    assert len(page) == 120 and page[0]["stck_cntg_hour"] == "152900"
    # Page back through the whole day by the oldest minute − 1.
    rows = list(reversed(page))
    while rows[0]["stck_cntg_hour"] != "090000":
        cursor = dt.datetime.strptime(rows[0]["stck_cntg_hour"], "%H%M%S") - dt.timedelta(minutes=1)
        more = d14(kis, "20261127", cursor.strftime("%H%M%S")).json()["output2"]
        rows = [r for r in reversed(more) if r["stck_bsop_date"] == "20261127"] + rows
    assert len(rows) == 390 and all(r["stck_bsop_date"] == "20261127" for r in rows)
    daily = next(r for r in d9(kis, "20261120", "20261202") if r["stck_bsop_date"] == "20261127")
    want = ohlcv([daily], "stck_oprc", "stck_hgpr", "stck_lwpr", "stck_clpr", "acml_vol")
    assert ohlcv(rows, "stck_oprc", "stck_hgpr", "stck_lwpr", "stck_prpr", "cntg_vol") == want
    # An early hour reaches into the trading day before (Thursday 26th; no weekend bars).
    early = d14(kis, "20261130", "091000").json()["output2"]
    assert len(early) == 120
    assert {r["stck_bsop_date"] for r in early} == {"20261130", "20261127"}
    # Outside the kept year: no rows.
    assert d14(kis, "20240102", "120000").json()["output2"] == []


def o6b(kis: Any, bymd: str, gubn: str = "0", symb: str = "AAPL") -> Any:
    params = {"AUTH": "", "EXCD": "NAS", "SYMB": symb, "GUBN": gubn, "BYMD": bymd, "MODP": "1"}
    return kis.get(O6B, "HHDFS76240000", params)


def test_o6b_pages_by_date_and_ends_at_the_current_price(real_sim, raw):
    kis = raw(real_sim)
    r = o6b(kis, "")
    body = r.json()
    assert strings_only(body) and r.headers["tr_cont"] == "M"
    rows = body["output2"]
    assert len(rows) == 100 and body["output1"]["nrec"] == "100"
    assert body["output1"]["rsym"] == "DNASAAPL" and body["output1"]["zdiv"] == "4"
    q = real_sim.call(lambda s: s.market.overseas("NASD", "AAPL"))
    assert Decimal(rows[0]["clos"]) == q.price and rows[0]["clos"] == f"{q.price:.4f}"
    assert rows[0]["xymd"] == "20261201"  # New York's date at 11:00 KST
    # BYMD paging: the next page starts the day before the oldest, without gaps or repeats.
    oldest = dt.datetime.strptime(rows[-1]["xymd"], "%Y%m%d").date()
    page2 = o6b(kis, (oldest - dt.timedelta(days=1)).strftime("%Y%m%d")).json()["output2"]
    assert len(page2) == 100 and page2[0]["xymd"] < rows[-1]["xymd"]
    hist = real_sim.call(lambda s: s.world.history.bars(q, dt.date(2026, 12, 1)))
    assert [r["xymd"] for r in page2] == [
        b.day.strftime("%Y%m%d") for b in hist[-199:-99][::-1]
    ]  # page 1 = today + 99
    # The far end says no more (1000 days of history).
    r = o6b(kis, hist[50].day.strftime("%Y%m%d"))
    assert r.headers["tr_cont"] == "D" and len(r.json()["output2"]) == 51
    # Weeks: the current week closes at the price too.
    weeks = o6b(kis, "", "1").json()["output2"]
    assert Decimal(weeks[0]["clos"]) == q.price
    assert weeks[0]["xymd"] == "20261201" and weeks[1]["xymd"] == "20261127"


def o7(kis: Any, nmin: int, keyb: str = "", excd: str = "NAS", tr: str = "HHDFS76950200") -> Any:
    params = {
        "AUTH": "",
        "EXCD": excd,
        "SYMB": "AAPL",
        "NMIN": str(nmin),
        "PINC": "1",
        "NEXT": "1" if keyb else "",
        "NREC": "120",
        "FILL": "",
        "KEYB": keyb,
    }
    return kis.get(O7, tr, params)


def o7_all(kis: Any, nmin: int) -> list[dict[str, str]]:
    """Every bar by continuation (the official recipe), oldest first."""
    rows: list[dict[str, str]] = []
    keyb = ""
    for _ in range(200):
        body = o7(kis, nmin, keyb).json()
        page = body["output2"]
        rows = list(reversed(page)) + rows
        if body["output1"]["next"] != "1":
            return rows
        last = dt.datetime.strptime(page[-1]["xymd"] + page[-1]["xhms"], "%Y%m%d%H%M%S")
        keyb = (last - dt.timedelta(minutes=nmin)).strftime("%Y%m%d%H%M%S")
    pytest.fail("O7 continuation never ended")


def test_o7_continues_about_a_month_and_aggregates(real_sim, raw):
    kis = raw(real_sim)
    body = o7(kis, 1).json()
    assert strings_only(body)
    head = body["output1"]
    assert (head["stim"], head["etim"], head["sktm"], head["ektm"]) == (
        "093000",
        "160000",
        "233000",
        "060000",
    )
    first = body["output2"][0]
    assert (first["xymd"], first["xhms"], first["kymd"], first["khms"]) == (
        "20261201",
        "155900",
        "20261202",
        "055900",
    )
    q = real_sim.call(lambda s: s.market.overseas("NASD", "AAPL"))
    assert Decimal(first["last"]) == q.price
    ones = o7_all(kis, 1)
    days = sorted({r["xymd"] for r in ones})
    assert len(days) >= 20 and days[0] >= "20261031"  # about a month, regular sessions only
    assert all("093000" <= r["xhms"] <= "155900" for r in ones)
    assert len(ones) == 390 * len(days)
    fives = o7_all(kis, 5)
    assert len(fives) == 78 * len(days)
    for i in (0, 77, len(fives) - 1):  # a five-minute bar is its five minutes
        part = ones[i * 5 : i * 5 + 5]
        assert fives[i]["xhms"] == part[0]["xhms"]
        want = ohlcv(part, "open", "high", "low", "last", "evol")
        assert ohlcv([fives[i]], "open", "high", "low", "last", "evol") == want
    # The day agrees with O6b's bar of that day.
    day = [r for r in ones if r["xymd"] == "20261130"]
    bar = next(r for r in o6b(kis, "").json()["output2"] if r["xymd"] == "20261130")
    assert ohlcv(day, "open", "high", "low", "last", "evol") == ohlcv(
        [bar], "open", "high", "low", "clos", "tvol"
    )


def test_paper_refuses_the_real_only_ones_and_serves_the_rest(paper_chart_sim, raw):
    kis = raw(paper_chart_sim)
    for r in (d14(kis, "20261127", "120000"), o7(kis, 1)):
        body = r.json()
        assert body["rt_cd"] != "0" and body["msg_cd"] == "90000000", body
        assert "모의투자" in body["msg1"]
    assert len(d13(kis, "235959")["output2"]) == 30
    assert len(o6b(kis, "").json()["output2"]) == 100


def test_bad_input_is_refused_naming_the_field(real_sim, raw):
    kis = raw(real_sim)
    r = kis.get(
        D13,
        "FHKST03010200",
        {
            "FID_COND_MRKT_DIV_CODE": "J",
            "FID_INPUT_ISCD": CODE,
            "FID_INPUT_HOUR_1": "2500",
            "FID_PW_DATA_INCU_YN": "N",
            "FID_ETC_CLS_CODE": "",
        },
    )
    assert r.json()["msg_cd"] == "OPSQ2001" and "FID_INPUT_HOUR_1" in r.json()["msg1"]
    assert o6b(kis, "", "7").json()["msg_cd"] == "OPSQ2001"
    assert o7(kis, 0).json()["msg_cd"] == "OPSQ2001"
