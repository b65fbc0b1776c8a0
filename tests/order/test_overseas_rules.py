"""Overseas order rules on their own (pure domain, no server): hours and routing, tick ladders
with e_hogau, lots, types per TR with their reasons, cancel-only modifies, buying power."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from kisdesk.domain.order_types import Side
from kisdesk.domain.overseas_hours import (
    KST,
    Session,
    daytime_open,
    local_date,
    route,
    session_at,
    us_summer_time,
)
from kisdesk.domain.overseas_orders import (
    LOC,
    LOO,
    MOC,
    MOO,
    ODD_LOT,
    OVS_LIMIT,
    OverseasDraft,
    OverseasFacts,
    guard_reasons,
    max_buy_quantity,
    offered_types,
    quantity_for_percent,
    review_lines,
    types_note,
    validate_overseas,
    validate_overseas_cancel,
    validate_overseas_modify,
)
from kisdesk.domain.overseas_ticks import step_tick, tick_at, ticks_between


def kst(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=KST)


MON_NOON = kst("2026-11-23T12:00")
MON_NIGHT = kst("2026-11-24T01:00")  # Monday's US regular session
MON_TOKYO = kst("2026-11-23T10:00")


def test_us_summer_time_edges() -> None:
    # 2026: from Sunday 8 March 07:00 UTC to Sunday 1 November 06:00 UTC.
    assert not us_summer_time(dt.datetime(2026, 3, 8, 6, 59, tzinfo=dt.UTC))
    assert us_summer_time(dt.datetime(2026, 3, 8, 7, 0, tzinfo=dt.UTC))
    assert us_summer_time(dt.datetime(2026, 11, 1, 5, 59, tzinfo=dt.UTC))
    assert not us_summer_time(dt.datetime(2026, 11, 1, 6, 0, tzinfo=dt.UTC))


@pytest.mark.parametrize(
    ("when", "session"),
    [
        ("2026-11-23T17:59", Session.CLOSED),
        ("2026-11-23T18:00", Session.PRE),
        ("2026-11-23T23:30", Session.REGULAR),
        ("2026-11-24T05:59", Session.REGULAR),
        ("2026-11-24T06:00", Session.AFTER),
        ("2026-11-24T07:00", Session.CLOSED),
        ("2026-07-06T17:00", Session.PRE),  # summer
        ("2026-07-06T22:30", Session.REGULAR),
        ("2026-07-07T05:00", Session.AFTER),
        ("2026-07-07T07:00", Session.CLOSED),
        ("2026-11-28T06:59", Session.AFTER),  # Saturday morning: Friday's after-market
        ("2026-11-28T18:00", Session.CLOSED),  # no Saturday session
    ],
)
def test_us_sessions(when: str, session: Session) -> None:
    assert session_at("NASD", kst(when)) is session


def test_routing_picks_the_daytime_session_only_where_the_regular_trs_are_closed() -> None:
    assert route("NASD", MON_NOON).daytime
    assert not route("NASD", MON_NOON, paper=True).open  # paper has no daytime session
    assert route("NYSE", MON_NIGHT).session is Session.REGULAR
    summer_overlap = kst("2026-07-06T17:30")  # pre-market and daytime both run
    assert daytime_open(summer_overlap) and route("NASD", summer_overlap).session is Session.PRE
    assert not route("TKSE", MON_NOON).daytime and not route("TKSE", kst("2026-11-23T11:45")).open
    assert route("SEHK", MON_NOON).open and not route("NASD", kst("2026-11-29T12:00")).open


def test_local_dates() -> None:
    assert local_date("NASD", MON_NIGHT) == dt.date(2026, 11, 23)
    assert local_date("SEHK", kst("2026-11-24T00:30")) == dt.date(2026, 11, 23)
    assert local_date("TKSE", kst("2026-11-24T00:30")) == dt.date(2026, 11, 24)


def test_ticks_quoted_in_band_and_ladder_beyond() -> None:
    # e_hogau decides in the current band; the exchange ladder past its edges.
    assert tick_at("SEHK", D("15.00"), D("0.02"), D("14.00")) == D("0.02")
    assert tick_at("SEHK", D("25.00"), D("0.02"), D("14.00")) == D("0.05")
    assert tick_at("TKSE", D("2500"), D("0.5"), D("2400")) == D("0.5")  # a finer own ladder
    assert tick_at("NASD", D("0.5"), D("0.01"), D("1.5")) == D("0.0001")
    assert step_tick("SEHK", D("10.00"), 1) == D("10.02")
    assert step_tick("SEHK", D("10.00"), -1) == D("9.99")
    assert step_tick("NASD", D("0.9999"), 1) == D("1.00")
    assert step_tick("TKSE", D("3000"), 1) == D("3005")
    assert step_tick("VNSE", D("10000"), -1) == D("9990")
    assert step_tick("NASD", D("100.005"), 1) == D("100.01")  # off the grid: snaps first
    assert ticks_between("SEHK", D("9.98"), D("10.04")) == 4


def _facts(exchange: str = "NASD", when: dt.datetime = MON_NIGHT, **kw) -> OverseasFacts:
    base = {
        "current": D("200.00"),
        "tick": D("0.01"),
        "lot": 1,
        "buying_power": D("10000.00"),
        "sellable_qty": 10,
        "fx_rate": D("1385.50"),
    }
    base.update(kw)
    paper = bool(base.pop("paper", False))
    return OverseasFacts(exchange, route(exchange, when, paper=paper), paper=paper, **base)


def _codes(draft: OverseasDraft, facts: OverseasFacts) -> list[str]:
    return [p.code for p in validate_overseas(draft, facts)]


def test_a_good_us_limit_buy_passes() -> None:
    draft = OverseasDraft(Side.BUY, "NASD", "AAPL", OVS_LIMIT, D("199.99"), 5)
    assert _codes(draft, _facts()) == []


def test_types_per_tr_side_paper_and_session() -> None:
    assert offered_types("NASD", Side.BUY) == (OVS_LIMIT, LOO, LOC)
    assert offered_types("NYSE", Side.SELL) == (OVS_LIMIT, MOO, LOO, MOC, LOC)
    assert offered_types("SEHK", Side.SELL) == (OVS_LIMIT, ODD_LOT)
    assert offered_types("SEHK", Side.BUY) == offered_types("TKSE", Side.SELL) == (OVS_LIMIT,)
    assert offered_types("NASD", Side.SELL, paper=True) == (OVS_LIMIT,)
    assert offered_types("NASD", Side.SELL, daytime=True) == (OVS_LIMIT,)
    # US shares have no market order: the panel says why.
    note = types_note("NASD", Side.BUY)
    assert note is not None and note.hint and "no market orders" in note.render()
    assert types_note("TKSE", Side.BUY).render() == "도쿄 takes limit orders only."
    assert types_note("SEHK", Side.SELL) is None
    buy_moo = OverseasDraft(Side.BUY, "NASD", "AAPL", MOO, None, 5)
    problems = validate_overseas(buy_moo, _facts())
    assert [p.code for p in problems] == ["ovs_type_market"]
    assert problems[0].render() == "장개시시장가 orders are not offered for this side on 나스닥."
    sell_moc = OverseasDraft(Side.SELL, "NASD", "AAPL", MOC, None, 5)
    assert _codes(sell_moc, _facts()) == []
    assert _codes(sell_moc, _facts(paper=True, buying_power=None)) == ["ovs_type_paper"]
    day = OverseasDraft(Side.BUY, "NASD", "AAPL", LOO, D("199.99"), 5)
    assert _codes(day, _facts(when=MON_NOON, daytime_tradable=True)) == ["ovs_type_daytime"]


def test_sessions_and_daytime_issues() -> None:
    draft = OverseasDraft(Side.BUY, "NASD", "AAPL", OVS_LIMIT, D("199.99"), 5)
    closed = _facts(when=kst("2026-11-23T08:00"))
    problems = validate_overseas(draft, closed)
    assert [p.code for p in problems] == ["ovs_closed"]
    assert problems[0].render() == (
        "나스닥 is closed now: orders are taken 18:00–07:00 KST on weekdays."
    )
    assert _codes(draft, _facts(when=MON_NOON, daytime_tradable=True)) == []
    assert _codes(draft, _facts(when=MON_NOON, daytime_tradable=False)) == ["ovs_daytime_symbol"]


def test_tick_lot_and_odd_lot() -> None:
    jp = _facts("TKSE", MON_TOKYO, current=D(2800), tick=D(1), lot=100, buying_power=D(10**7))
    assert _codes(OverseasDraft(Side.BUY, "TKSE", "7203", OVS_LIMIT, D(2800), 150), jp) == [
        "ovs_qty_lot"
    ]
    lot = validate_overseas(OverseasDraft(Side.BUY, "TKSE", "7203", OVS_LIMIT, D(2800), 150), jp)
    assert lot[0].render() == "This issue trades in lots of 100 shares (100 or 200)."
    off = validate_overseas(
        OverseasDraft(Side.BUY, "TKSE", "7203", OVS_LIMIT, D("2800.5"), 100), jp
    )
    assert [p.code for p in off] == ["ovs_price_off_tick"]
    assert off[0].render() == "Not on the tick grid: 1 JPY at this price (2,800 or 2,801)."
    hk = _facts("SEHK", MON_NOON, current=D("380.0"), tick=D("0.2"), lot=100, sellable_qty=300)
    odd = OverseasDraft(Side.SELL, "SEHK", "00700", ODD_LOT, D("380.2"), 30)
    assert _codes(odd, hk) == []
    assert _codes(OverseasDraft(Side.SELL, "SEHK", "00700", ODD_LOT, D("380.2"), 100), hk) == [
        "ovs_qty_odd_lot"
    ]
    # Hong Kong's board lot is per issue: unknown (paper, no O6) leaves the lot to the server.
    unknown = _facts(
        "SEHK",
        MON_NOON,
        current=D("380.0"),
        tick=None,
        lot=None,
        paper=True,
        buying_power=None,
        buying_power_offered=False,
    )
    assert (
        _codes(OverseasDraft(Side.BUY, "SEHK", "00005", OVS_LIMIT, D("380.0"), 30), unknown) == []
    )


def test_limits_buying_power_and_sellable() -> None:
    cn = _facts("SHAA", MON_NOON, current=D("45.00"), upper=D("49.50"), lower=D("40.50"), lot=100)
    high = OverseasDraft(Side.BUY, "SHAA", "601318", OVS_LIMIT, D("49.60"), 100)
    assert _codes(high, cn) == ["price_above_upper"]
    facts = _facts(buying_power=D("1000.00"), max_buy_qty=4, max_buy_price=D("200.00"))
    assert max_buy_quantity(D("200.00"), facts) == 4
    assert max_buy_quantity(D("100.00"), facts) == 10
    big = OverseasDraft(Side.BUY, "NASD", "AAPL", OVS_LIMIT, D("200.00"), 5)
    assert _codes(big, facts) == ["qty_over_buyable"]
    assert _codes(big, _facts(buying_power=None)) == ["buying_power_missing"]
    # Where O8 is not offered (paper) the server checks alone.
    assert _codes(big, _facts(buying_power=None, buying_power_offered=False)) == []
    sell = OverseasDraft(Side.SELL, "NASD", "AAPL", OVS_LIMIT, D("200.00"), 11)
    assert _codes(sell, _facts()) == ["qty_over_sellable"]
    assert _codes(sell, _facts(sellable_qty=None)) == ["sellable_missing"]
    assert quantity_for_percent(545, 100, 100) == 500 and quantity_for_percent(545, 10, 100) == 100
    assert quantity_for_percent(50, 50, 100) == 0


def test_modify_and_cancel_rules() -> None:
    sh = _facts("SHAA", MON_NOON, current=D("45.00"), lot=100)
    refused = validate_overseas_modify("SHAA", D("44.00"), 100, 100, sh)
    assert [p.code for p in refused] == ["ovs_cancel_only"]
    assert refused[0].render() == "상해 orders can be cancelled but not modified."
    assert validate_overseas_cancel(sh) == ()
    us = _facts()
    assert validate_overseas_modify("NASD", D("199.50"), 2, 3, us) == ()
    assert [p.code for p in validate_overseas_modify("NASD", D("199.505"), 4, 3, us)] == [
        "ovs_price_off_tick",
        "qty_over_open",
    ]
    # A daytime order is modified in the daytime session only, a regular one outside it.
    day = _facts(when=MON_NOON)
    assert validate_overseas_modify("NASD", D("199.50"), 1, 1, day, daytime_order=True) == ()
    assert [p.code for p in validate_overseas_cancel(day)] == ["ovs_closed"]


def test_guard_in_won_and_ticks() -> None:
    draft = OverseasDraft(Side.BUY, "NASD", "AAPL", OVS_LIMIT, D("210.00"), 10)
    reasons = guard_reasons(draft, _facts(), max_amount=D(2_000_000), max_ticks=500)
    assert [r.code for r in reasons] == ["ovs_guard_amount", "guard_ticks"]
    assert reasons[0].render() == (
        "The amount 2,100.00 USD (about 2,909,550 won) is above your limit of 2,000,000 won."
    )
    assert reasons[1].render() == "The price is 1,000 ticks away from the current price 200.00."


def test_review_lines_show_the_session_and_the_won_amount() -> None:
    draft = OverseasDraft(Side.BUY, "NASD", "AAPL", OVS_LIMIT, D("200.00"), 3)
    lines = review_lines(draft, _facts(when=MON_NOON, daytime_tradable=True), MON_NOON)
    assert lines == {
        "market": "나스닥",
        "session": "daytime",
        "currency": "USD",
        "amount": "600.00",
        "amount_krw": "831,300",
        "hours": "18:00–07:00",
    }
