"""Validation rules (kisdesk.domain.order_rules): every message, on the 2023 KRX tick table."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kisdesk.domain.order_rules import (
    MESSAGES,
    OrderDraft,
    OrderFacts,
    confirmation_required,
    estimated_amount,
    guard_reasons,
    max_buy_quantity,
    parse_amount,
    parse_quantity,
    quantity_for_percent,
    ticks_between,
    validate,
    validate_modify,
)
from kisdesk.domain.order_types import LIMIT, MARKET, Side, available_types, order_type
from kisdesk.domain.ticks import step_price

FACTS = OrderFacts(
    kind="stock",
    current=D(74_300),
    upper=D(96_500),
    lower=D(52_100),
    orderable_cash=D(10_000_000),
    sellable_qty=30,
)


def draft(**kw) -> OrderDraft:
    base = dict(
        side=Side.BUY,
        symbol_text="005930",
        code="005930",
        order_type=LIMIT,
        price=D(74_300),
        quantity=10,
    )
    base.update(kw)
    return OrderDraft(**base)


def codes(problems) -> list[str]:
    return [p.code for p in problems]


def test_valid_limit_buy_and_sell():
    assert validate(draft(), FACTS) == ()
    assert validate(draft(side=Side.SELL, quantity=30), FACTS) == ()


@pytest.mark.parametrize(
    ("kw", "facts", "code", "field"),
    [
        (dict(symbol_text="", code=""), FACTS, "symbol_empty", "symbol"),
        (dict(symbol_text="없는회사", code=""), FACTS, "symbol_unknown", "symbol"),
        (
            dict(symbol_text="ㅅㅅㅈㅈ", code="", matches=31, pick="삼성전자 (005930)"),
            FACTS,
            "symbol_pick",
            "symbol",
        ),
        (dict(symbol_text="ㅅㅅㅈㅈ", code="", matches=31), FACTS, "symbol_choose", "symbol"),
        (dict(), OrderFacts(orderable_cash=D(1)), "quote_missing", "symbol"),
        (dict(), OrderFacts(**{**FACTS.__dict__, "halted": True}), "halted", "symbol"),
        (dict(price=None), FACTS, "price_empty", "price"),
        (dict(price=D(0)), FACTS, "price_not_positive", "price"),
        (dict(price=D(74_350)), FACTS, "price_off_tick", "price"),
        (dict(price=D("74300.5")), FACTS, "price_off_tick", "price"),
        (dict(price=D(96_600)), FACTS, "price_above_upper", "price"),
        (dict(price=D(52_000)), FACTS, "price_below_lower", "price"),
        (dict(quantity=None), FACTS, "qty_empty", "quantity"),
        (dict(quantity=0), FACTS, "qty_not_positive", "quantity"),
        (dict(quantity=-3), FACTS, "qty_not_positive", "quantity"),
        (dict(quantity=10**9), FACTS, "qty_too_large", "quantity"),
        (dict(quantity=135), FACTS, "qty_over_buyable", "quantity"),
        (
            dict(order_type=MARKET, price=None, quantity=104),
            FACTS,
            "qty_over_buyable_market",
            "quantity",
        ),
        (dict(side=Side.SELL, quantity=31), FACTS, "qty_over_sellable", "quantity"),
        (
            dict(),
            OrderFacts(**{**FACTS.__dict__, "orderable_cash": None}),
            "buying_power_missing",
            "order",
        ),
        (
            dict(side=Side.SELL),
            OrderFacts(**{**FACTS.__dict__, "sellable_qty": None}),
            "sellable_missing",
            "order",
        ),
        (
            dict(order_type=MARKET),
            OrderFacts(**{**FACTS.__dict__, "allowed_types": ("00",)}),
            "type_unavailable",
            "type",
        ),
    ],
)
def test_each_rule_reports_its_message(kw, facts, code, field):
    problems = validate(draft(**kw), facts)
    assert code in codes(problems)
    problem = next(p for p in problems if p.code == code)
    assert problem.field == field
    text = problem.render()
    assert "{" not in text and text  # every placeholder filled


def test_every_message_is_reachable_by_some_test():
    # The parametrised cases above plus the guard tests cover the whole catalogue.
    covered = {
        "symbol_empty", "symbol_unknown", "quote_missing", "halted", "price_empty",
        "price_not_positive", "price_off_tick", "price_above_upper", "price_below_lower",
        "qty_empty", "qty_not_positive", "qty_too_large", "qty_over_buyable",
        "qty_over_buyable_market", "qty_over_sellable", "buying_power_missing", "sellable_missing",
        "type_unavailable", "guard_amount", "guard_ticks", "qty_over_open", "modify_over_cash",
        "symbol_pick", "symbol_choose",
    }  # fmt: skip
    assert covered == set(MESSAGES)


def test_partial_symbol_is_a_hint_naming_the_pick():
    (p,) = validate(
        draft(symbol_text="ㅅㅅㅈㅈ", code="", matches=31, pick="삼성전자 (005930)"), FACTS
    )
    assert p.hint and "삼성전자 (005930)" in p.render() and "31" in p.render()
    (p,) = validate(draft(symbol_text="없는회사", code=""), FACTS)
    assert not p.hint


def test_off_tick_message_names_the_neighbours():
    (p,) = validate(draft(price=D(74_350)), FACTS)
    assert p.args == {"tick": "100", "below": "74,300", "above": "74,400"}
    # Band edge: 4,997 is on the 5-won grid band (2,000–5,000)
    (p,) = validate(
        draft(price=D(4_997), quantity=1),
        OrderFacts(**{**FACTS.__dict__, "upper": D(6_000), "lower": D(3_000)}),
    )
    assert (p.args["below"], p.args["above"]) == ("4,995", "5,000")


def test_market_order_is_sized_at_the_upper_limit():
    # 10,000,000 // 96,500 = 103 shares at the upper limit, though the current price buys 134.
    assert max_buy_quantity(MARKET, None, FACTS) == 103
    assert max_buy_quantity(LIMIT, D(74_300), FACTS) == 134
    assert validate(draft(order_type=MARKET, price=None, quantity=103), FACTS) == ()
    assert estimated_amount(draft(order_type=MARKET, price=None, quantity=2), FACTS) == D(193_000)


def test_kis_quantity_wins_at_the_same_price():
    facts = OrderFacts(**{**FACTS.__dict__, "max_buy_qty": 130, "max_buy_price": D(74_300)})
    assert max_buy_quantity(LIMIT, D(74_300), facts) == 130
    assert max_buy_quantity(LIMIT, D(74_200), facts) == 134  # other price: the cash decides
    assert "qty_over_buyable" in codes(validate(draft(quantity=131), facts))


def test_quantity_percent():
    assert quantity_for_percent(134, 10) == 13
    assert quantity_for_percent(134, 25) == 33
    assert quantity_for_percent(134, 50) == 67
    assert quantity_for_percent(134, 100) == 134
    assert quantity_for_percent(5, 10) == 1  # at least one when anything is orderable
    assert quantity_for_percent(0, 50) == 0
    assert quantity_for_percent(None, 50) is None


def test_parsing():
    assert parse_amount("74,300") == D(74_300)
    assert parse_amount("  ") is None
    assert parse_amount("abc") is None
    assert parse_quantity("1,000") == 1000
    assert parse_quantity("1.5") is None


# The 2023 table: <2,000:1 | <5,000:5 | <20,000:10 | <50,000:50 | <200,000:100 | <500,000:500
# | above: 1,000
EDGES = [
    # (below the edge, the edge, one tick above the edge)
    (D(1_999), D(2_000), D(2_005)),
    (D(4_995), D(5_000), D(5_010)),
    (D(19_990), D(20_000), D(20_050)),
    (D(49_950), D(50_000), D(50_100)),
    (D(199_900), D(200_000), D(200_500)),
    (D(499_500), D(500_000), D(501_000)),
]


@pytest.mark.parametrize(("below", "edge", "above"), EDGES)
def test_tick_steps_cross_every_band_edge(below, edge, above):
    assert step_price(below, 1) == edge
    assert step_price(edge, 1) == above
    assert step_price(above, -1) == edge
    assert step_price(edge, -1) == below
    assert ticks_between(below, above) == 2
    assert ticks_between(above, below) == -2


def test_pre_2023_example_does_not_apply():
    # The issue text's "1,995 ↑ 2,000" is the old table; under the 2023 one 1,995 has tick 1.
    assert step_price(D(1_995), 1) == D(1_996)
    assert step_price(D(5_000), -1) == D(4_995)
    assert step_price(D(100), 5) == D(105)
    assert step_price(D(1_998), 5) == D(2_015)  # 1,999, 2,000, 2,005, 2,010, 2,015


def test_guard_amount_and_ticks():
    d = draft(price=D(75_300), quantity=100)  # 10 ticks above 74,300, amount 7,530,000
    assert guard_reasons(d, FACTS, max_amount=None, max_ticks=None) == ()
    reasons = guard_reasons(d, FACTS, max_amount=D(5_000_000), max_ticks=5)
    assert codes(reasons) == ["guard_amount", "guard_ticks"]
    assert reasons[1].args["ticks"] == "10"
    assert guard_reasons(d, FACTS, max_amount=D(8_000_000), max_ticks=10) == ()
    # Market orders have no price to be far from; their amount counts at the upper limit.
    m = draft(order_type=MARKET, price=None, quantity=60)
    assert codes(guard_reasons(m, FACTS, max_amount=D(5_000_000), max_ticks=1)) == ["guard_amount"]


def test_order_type_table():
    assert [t.code for t in available_types("paper")] == ["00", "01"]
    assert order_type("01") is MARKET and not MARKET.needs_price and MARKET.reserved_at_upper
    assert LIMIT.needs_price and not LIMIT.reserved_at_upper
    with pytest.raises(KeyError):
        order_type("99")
    assert Side.BUY.code == "02" and Side.SELL.code == "01"
    assert Side.from_code("01") is Side.SELL


def test_modify_rules():
    ok = validate_modify(LIMIT, D(74_200), 5, 10, FACTS)
    assert ok == ()
    assert codes(validate_modify(LIMIT, D(74_250), 5, 10, FACTS)) == ["price_off_tick"]
    assert codes(validate_modify(LIMIT, D(74_200), 11, 10, FACTS)) == ["qty_over_open"]
    assert codes(validate_modify(LIMIT, None, 0, 10, FACTS)) == ["price_empty", "qty_not_positive"]
    assert codes(validate_modify(MARKET, None, 3, 10, FACTS)) == []


def test_modify_needs_cash_for_a_higher_buy_price():
    facts = OrderFacts(**{**FACTS.__dict__, "orderable_cash": D(100_000)})
    # 10 shares from 74,300 to 74,400 take 1,000 more: fine with 100,000 free.
    assert (
        validate_modify(LIMIT, D(74_400), 10, 10, facts, side=Side.BUY, old_price=D(74_300)) == ()
    )
    # To 96,500 (the upper limit): 222,000 more than the 743,000 it frees.
    problems = validate_modify(LIMIT, D(96_500), 10, 10, facts, side=Side.BUY, old_price=D(74_300))
    assert codes(problems) == ["modify_over_cash"]
    assert problems[0].args == {"need": "965,000", "cash": "843,000"}
    # A sell never needs cash.
    assert validate_modify(LIMIT, D(96_500), 10, 10, facts, side=Side.SELL, old_price=D(1)) == ()


@pytest.mark.parametrize("code", ["01", "03", "13", "16"])
def test_amount_of_a_sell_without_a_price_is_at_the_current_price(code):
    # A buy of these types reserves cash at the upper limit; a sell reserves nothing, so its
    # amount (and the fat-finger guard on it) uses the current price, not 30 % above it.
    otype = order_type(code)
    sell = draft(side=Side.SELL, order_type=otype, price=None, quantity=2)
    buy = draft(side=Side.BUY, order_type=otype, price=None, quantity=2)
    assert estimated_amount(sell, FACTS) == D(148_600)
    assert estimated_amount(buy, FACTS) == D(193_000)
    assert not guard_reasons(sell, FACTS, max_amount=D(150_000), max_ticks=None)


def test_confirmation_is_always_required_in_real():
    assert confirmation_required("real", False) and confirmation_required("real", True)
    for env in ("demo", "paper"):
        assert confirmation_required(env, True) and not confirmation_required(env, False)
