"""The pure tables behind the two tabs: currency decimals, balance queries, ranking codes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kisdesk.domain import currency, rankings
from kisdesk.domain.rankings import PeriodError, RankingKind


@pytest.mark.parametrize(
    ("value", "ccy", "exch", "text"),
    [
        ("245.0100", "USD", "NASD", "245.01"),  # KIS pads to 4; cents are enough
        ("0.1234", "USD", "NASD", "0.1234"),  # sub-dollar ticks need four places
        ("12.345678", "USD", "NYSE", "12.3457"),  # capped at four, half-up
        ("1500", "USD", "AMEX", "1,500.00"),  # never fewer than two
        ("2735.5", "JPY", "TKSE", "2,736"),
        ("64000", "VND", "VNSE", "64,000"),
        ("0.245", "HKD", "SEHK", "0.245"),
        ("378.40", "HKD", "SEHK", "378.40"),
        ("1612.3", "CNY", "SHAA", "1,612.30"),
        ("", "USD", "NASD", ""),
    ],
)
def test_price_decimals_follow_currency_and_exchange(value, ccy, exch, text):
    assert currency.fmt_fx_price(value, ccy, exch) == text


def test_amounts_use_the_minor_unit_and_signs():
    assert currency.fmt_fx_amount(Decimal("12345.678"), "USD") == "12,345.68"
    assert currency.fmt_fx_amount(Decimal("12345.6"), "JPY") == "12,346"
    assert currency.fmt_fx_signed(Decimal("-99.5"), "VND") == "-100"
    assert currency.fmt_fx_signed(Decimal("10.004"), "HKD") == "+10.00"
    assert currency.to_krw(Decimal("100.10"), Decimal("1385.50")) == Decimal("138689")
    assert currency.to_krw(None, Decimal(1)) is None
    assert currency.fmt_exchange_rate(Decimal("9.2150")) == "9.215"
    assert currency.fmt_exchange_rate(Decimal("1385.5")) == "1,385.50"


def test_balance_queries_cover_every_exchange_once_per_profile():
    real = [(m.exchange, m.currency) for m in currency.balance_queries("real")]
    paper = [(m.exchange, m.currency) for m in currency.balance_queries("paper")]
    # real: NASD is all of the US (seed 000); paper: NASD is Nasdaq only.
    assert real[0] == ("NASD", "USD") and ("NYSE", "USD") not in real
    assert {("NYSE", "USD"), ("AMEX", "USD")} <= set(paper)
    for pairs in (real, paper):
        assert {"SEHK", "SHAA", "SZAA", "TKSE", "HASE", "VNSE"} <= {e for e, _ in pairs}
        assert len(pairs) == len(set(pairs))
    assert currency.balance_queries("demo") == currency.balance_queries("real")


def test_credit_sort_codes_are_the_ten_of_seed_002():
    sorts = rankings.spec(RankingKind.CREDIT_BALANCE).sorts
    assert [s.code for s in sorts] == [str(i) for i in range(10)]
    assert [s.group for s in sorts] == ["융자"] * 5 + ["대주"] * 5
    assert sorts[0].name == "융자 잔고비율 상위"
    assert sorts[8].name == "대주 잔고비율 증가상위"
    assert rankings.sort_code("credit_balance", "4").name == "융자 잔고비율 감소상위"
    with pytest.raises(ValueError):
        rankings.sort_code(RankingKind.CREDIT_BALANCE, "10")
    assert [m.code for m in rankings.MARKETS] == ["0000", "0001", "1001", "2001"]
    assert rankings.market("1001").name == "코스닥"


@pytest.mark.parametrize(("text", "value"), [("2", 2), (" 30 ", 30), ("999", 999), ("007", 7)])
def test_period_accepts_2_to_999(text, value):
    assert rankings.parse_period(text) == value


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("1", "out_of_range"),
        ("0", "out_of_range"),
        ("1000", "out_of_range"),
        ("-5", "not_a_number"),
        ("5.0", "not_a_number"),
        ("1e2", "not_a_number"),
        ("５", "not_a_number"),  # fullwidth digit: isdigit() but not ASCII
    ],
)
def test_period_refuses_everything_else(text, reason):
    with pytest.raises(PeriodError) as info:
        rankings.parse_period(text)
    assert info.value.reason == reason
