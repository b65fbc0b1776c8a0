"""Display formatting: Korean HTS conventions, Decimal only, half-up rounding."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kisdesk.domain.format import (
    Direction,
    direction_from_sign,
    direction_of,
    fmt_change,
    fmt_int,
    fmt_krw,
    fmt_plain,
    fmt_price,
    fmt_rate,
    fmt_signed,
    to_decimal,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("1234567"), "1,234,567"),
        (D("-1234567"), "-1,234,567"),
        (D("0"), "0"),
        (D("-0"), "0"),
        (D("999"), "999"),
        (D("1000"), "1,000"),
        (None, ""),
        (1234, "1,234"),
        ("70,000", "70,000"),
        ("", ""),
        (D("1234.5"), "1,235"),  # half-up, not banker's
        (D("1233.5"), "1,234"),
        (D("-1234.5"), "-1,235"),  # away from zero
        (D("0.4"), "0"),
        (D("-0.4"), "0"),  # never "-0"
        (D("7E+4"), "70,000"),
    ],
)
def test_fmt_int_and_krw(value, text):
    assert fmt_int(value) == text
    assert fmt_krw(value) == text


def test_big_numbers_keep_every_digit():
    # Past Decimal's default 28-digit precision: must neither raise nor lose digits.
    big = D("123456789012345678901234567890123")
    assert fmt_krw(big) == "123,456,789,012,345,678,901,234,567,890,123"
    assert (
        fmt_price(D("123456789012345678901234567890123.5"), 2)
        == "123,456,789,012,345,678,901,234,567,890,123.50"
    )
    assert fmt_krw(D("1E+40")) == "10" + ",000" * 13


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (D("1234.56"), 4, "1,234.5600"),  # fixed decimals, padded
        (D("187.1234"), 4, "187.1234"),
        (D("187.12345"), 4, "187.1235"),
        (D("187.125"), 2, "187.13"),  # USD, half-up
        (D("187.115"), 2, "187.12"),
        (D("-0.001"), 2, "0.00"),
        (D("1500"), 0, "1,500"),  # JPY has no decimals
        (D("1500.5"), 0, "1,501"),
        (D("0"), 3, "0.000"),
        (None, 2, ""),
    ],
)
def test_fmt_price(value, decimals, text):
    assert fmt_price(value, decimals) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("1.23"), "+1.23%"),
        (D("-0.5"), "-0.50%"),
        (D("0"), "0.00%"),
        (D("0.004"), "0.00%"),  # rounds to zero: no sign
        (D("-0.004"), "0.00%"),
        (D("0.005"), "+0.01%"),
        (D("-29.995"), "-30.00%"),
        (D("1234.5"), "+1,234.50%"),
        (None, ""),
    ],
)
def test_fmt_rate(value, text):
    assert fmt_rate(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("1200"), "▲ 1,200"),
        (D("-300"), "▼ 300"),
        (D("0"), "0"),
        (D("-1600"), "▼ 1,600"),
        (None, ""),
    ],
)
def test_fmt_change(value, text):
    assert fmt_change(value) == text


def test_fmt_change_with_decimals_and_sign_code():
    assert fmt_change(D("-1.25"), 2) == "▼ 1.25"
    assert fmt_change(D("0.001"), 2) == "0.00"  # rounds to flat: no arrow
    # A KIS sign code says "upper limit": the limit glyph replaces the plain arrow.
    assert fmt_change(D("30000"), direction=direction_from_sign("1")) == "↑ 30,000"
    assert fmt_change(D("-9000"), direction=direction_from_sign("4")) == "↓ 9,000"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("1234"), "+1,234"),
        (D("-1234"), "-1,234"),
        (D("0"), "0"),
        (D("0.4"), "0"),
        (None, ""),
    ],
)
def test_fmt_signed(value, text):
    assert fmt_signed(value) == text


def test_fmt_signed_decimals():
    assert fmt_signed(D("12.345"), 2) == "+12.35"
    assert fmt_signed(D("-12.3"), 4) == "-12.3000"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("70000"), "70000"),
        (D("7E+4"), "70000"),
        (D("-1.23"), "-1.23"),
        (D("1E-7"), "0.0000001"),
        (D("-0.00"), "0.00"),
        (D("12345678901234567890.0001"), "12345678901234567890.0001"),
        (None, ""),
    ],
)
def test_fmt_plain_is_exact(value, text):
    assert fmt_plain(value) == text
    if value is not None:
        assert D(text) == value


def test_floats_are_refused():
    with pytest.raises(TypeError):
        fmt_krw(1234.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        to_decimal(True)  # type: ignore[arg-type]


def test_non_finite_shows_blank():
    assert fmt_krw(D("NaN")) == ""
    assert fmt_rate(D("Infinity")) == ""
    assert fmt_change(D("NaN")) == ""


def test_direction_of():
    assert direction_of(D("0.01")) is Direction.UP
    assert direction_of(D("-5")) is Direction.DOWN
    assert direction_of(D("0")) is Direction.FLAT
    assert direction_of(D("-0")) is Direction.FLAT
    assert direction_of(None) is Direction.FLAT
    assert direction_of(D("NaN")) is Direction.FLAT


@pytest.mark.parametrize(
    ("sign", "direction", "rising", "falling", "arrow"),
    [
        ("1", Direction.UPPER_LIMIT, True, False, "↑"),
        ("2", Direction.UP, True, False, "▲"),
        ("3", Direction.FLAT, False, False, ""),
        ("4", Direction.LOWER_LIMIT, False, True, "↓"),
        ("5", Direction.DOWN, False, True, "▼"),
        (" 5 ", Direction.DOWN, False, True, "▼"),
        ("", Direction.FLAT, False, False, ""),
        ("9", Direction.FLAT, False, False, ""),
        (None, Direction.FLAT, False, False, ""),
    ],
)
def test_direction_from_sign(sign, direction, rising, falling, arrow):
    d = direction_from_sign(sign)
    assert d is direction
    assert (d.rising, d.falling, d.arrow) == (rising, falling, arrow)
    assert d.base in (Direction.UP, Direction.DOWN, Direction.FLAT)


def test_domain_formatting_imports_without_qt():
    import subprocess
    import sys

    code = "import sys, kisdesk.domain.format; assert 'PySide6' not in sys.modules"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
