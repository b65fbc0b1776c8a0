"""The generated record builders equal the plain per-field definition, for every TR and width."""

# ruff: noqa: RUF009  (at()/span() are dataclass field specifiers)
from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
import rt_samples
from hypothesis import given, settings
from hypothesis import strategies as st

from kisdesk.kis.realtime import FrameError
from kisdesk.kis.realtime.layout import Layout, at, span
from kisdesk.kis.realtime.trs import SPECS

number = st.one_of(
    st.just(""),
    st.integers(-(10**15), 10**15).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(str),
)
text = st.text(alphabet="ABCDEFGHXYZ 가나다019", max_size=6)
value = st.one_of(number, text)


def _layouts():
    seen = set()
    for tr_id, spec in sorted(SPECS.items()):
        for _, layout in spec.layouts:
            if id(layout) not in seen:  # paper TRs share their real twin's layouts
                seen.add(id(layout))
                yield pytest.param(layout, id=f"{tr_id}-{layout.min_width}")


@pytest.mark.parametrize("layout", list(_layouts()))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_fast_build_equals_the_reference(layout, data):
    width = data.draw(st.integers(layout.min_width, layout.full_width + 3))
    values = data.draw(st.lists(number, min_size=width, max_size=width))
    # Text fields get text, numeric fields numbers: mix in text at random places as well.
    for i in data.draw(st.lists(st.integers(0, width - 1), max_size=3)):
        values[i] = data.draw(value)
    try:
        expected = layout.build_reference(values)
    except FrameError:
        with pytest.raises(FrameError):
            layout.build(values)
        return
    assert layout.build(values) == expected
    prefix = data.draw(st.lists(number, max_size=5))
    assert layout.build([*prefix, *values, "tail"], len(prefix), width) == expected


def test_valid_records_take_the_generated_path(monkeypatch):
    layout = SPECS["H0STCNT0"].layouts[0][1]
    values = rt_samples.tick()
    expected = layout.build_reference(values)

    def no_fallback(*args):
        raise AssertionError("the reference path ran for a valid record")

    monkeypatch.setattr(layout, "_reference", no_fallback)
    assert layout.build(values) == expected
    assert layout.build([*values, *values], 47, 47) == expected


@dataclasses.dataclass(frozen=True, slots=True)
class Sample:
    name: str = at(0)
    price: Decimal = at(1)
    maybe: Decimal | None = at(2)
    count: int = at(3)
    levels: tuple[Decimal, ...] = span(4, 3, 2)
    late: str = at(12, required=False)


def test_widths_and_spans_of_a_layout():
    layout = Layout(Sample)
    assert (layout.min_width, layout.full_width) == (9, 13)
    r = layout.build(["n", "1.5", "", " 7 ", "10", "-", "20", "-", "30", "-", "-", "-", "z"])
    assert r == Sample("n", Decimal("1.5"), None, 7, (Decimal(10), Decimal(20), Decimal(30)), "z")
    r9 = layout.build(["n", "", "2", "0", "10", "-", "20", "-", "30"])
    assert (r9.price, r9.maybe, r9.late) == (Decimal(0), Decimal(2), "")


def test_an_override_moves_or_removes_fields():
    layout = Layout(Sample, {"late": None, "maybe": 5})
    r = layout.build(["n", "1", "x", "0", "10", "3", "20", "-", "30"])
    assert (r.maybe, r.late) == (Decimal(3), "")
    with pytest.raises(TypeError, match="unknown fields"):
        Layout(Sample, {"nope": 1})


def test_built_records_stay_frozen():
    r = Layout(Sample).build(["n", "1", "", "0", "1", "", "2", "", "3"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.price = Decimal(2)  # type: ignore[misc]


def test_a_field_without_a_position_is_a_programming_error():
    @dataclasses.dataclass(frozen=True)
    class Bad:
        a: str = at(0)
        b: str = ""

    with pytest.raises(TypeError, match="needs at"):
        Layout(Bad)

    @dataclasses.dataclass(frozen=True)
    class Float:
        a: float = at(0)

    with pytest.raises(TypeError, match="unsupported"):
        Layout(Float)
