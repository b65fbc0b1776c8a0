"""Positional records: a realtime record field names its index in the ``^``-separated values.

    @dataclass(frozen=True, slots=True)
    class DomesticTick:
        code: str = at(0)
        price: Decimal = at(2)
        vi_price: Decimal | None = at(45)
        market_session: str = at(46, required=False)   # only in the 47-field layout
        asks: tuple[Decimal, ...] = span(3, 10)         # indexes 3..12

The annotation decides the conversion, as in kisdesk.kis.fields: ``Decimal`` (empty → 0),
``Decimal | None`` (empty → None), ``int`` (empty → 0), ``str`` (stripped), and ``tuple[X, ...]``
of those for a span. A :class:`Layout` compiles a class once into a flat list of
(index, converter) pairs so that building a record is one list comprehension: the realtime feed
delivers tens of thousands of records a second. Numbers never pass through float.

Fields marked ``required=False`` may lie beyond the width the server sends (the older 46/59/23
field layouts); they then read as empty. Fields beyond the declared ones are ignored.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Generic, TypeVar

from kisdesk.kis.realtime.errors import FrameError

T = TypeVar("T")

_INDEX = "rt_index"
_REQUIRED = "rt_required"
_SPAN = "rt_span"

_ZERO = Decimal(0)


def at(index: int, *, required: bool = True, repr: bool = True) -> Any:
    """A record field read from the value at ``index`` (``repr=False`` for personal data)."""
    return dataclasses.field(repr=repr, metadata={_INDEX: index, _REQUIRED: required})


def span(start: int, count: int, step: int = 1, *, required: bool = True) -> Any:
    """A tuple field read from ``count`` values at ``start``, ``start + step``, …

    Values beyond the record's width are left out (the tuple is shorter), never padded.
    """
    return dataclasses.field(metadata={_INDEX: start, _SPAN: (count, step), _REQUIRED: required})


def _decimal(text: str) -> Decimal:
    text = text.strip()
    if not text:
        return _ZERO
    value = Decimal(text)
    if value.is_finite():
        return value
    raise ValueError("not a finite number")


def _decimal_or_none(text: str) -> Decimal | None:
    return _decimal(text) if text.strip() else None


def _int(text: str) -> int:
    text = text.strip()
    return int(text) if text else 0


def _str(text: str) -> str:
    return text.strip()


# kind → (converter, the fast path's expression for the text in `x`)
_KINDS: dict[str, tuple[Callable[[str], Any], str]] = {
    "decimal": (_decimal, "D(x) if x else Z"),
    "decimal?": (_decimal_or_none, "D(x) if x else None"),
    "int": (_int, "int(x) if x.strip() else 0"),
    "str": (_str, "x.strip()"),
}
_KIND_OF: dict[tuple[Any, bool], str] = {
    (Decimal, False): "decimal",
    (Decimal, True): "decimal?",
    (int, False): "int",
    (str, False): "str",
}


def _kind(owner: str, name: str, hint: Any) -> str:
    optional = False
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        if len(args) != 1:
            raise TypeError(f"{owner}.{name}: unsupported annotation {hint}")
        hint = args[0]
    kind = _KIND_OF.get((hint, optional))
    if kind is None:
        raise TypeError(f"{owner}.{name}: unsupported annotation {hint}")
    return kind


class _Field(typing.NamedTuple):
    name: str
    kind: str
    index: int | None  # None: this layout does not carry the field (it reads as empty)
    span: tuple[int, int] | None  # (count, step) for a tuple field

    def where(self, width: int) -> slice | int | None:
        """Where the field's text is in a row of ``width`` values (spans cut at the width)."""
        if self.index is None:
            return None
        if self.span is None:
            return self.index
        count, step = self.span
        return slice(self.index, min(self.index + (count - 1) * step + 1, width), step)

    def read(self, row: list[str], width: int) -> Any:
        """The reference conversion (also tolerates blank-only numbers); slow, for errors."""
        convert = _KINDS[self.kind][0]
        where = self.where(width)
        if self.span is not None:
            return tuple(convert(t) for t in (row[where] if where is not None else ()))
        if where is None or where >= width:
            return convert("")
        return convert(row[where])


class Layout(Generic[T]):
    """One record class compiled for building records by position.

    ``overrides`` moves fields for an older layout of the same TR: a new index, or ``None`` when
    that layout does not carry the field at all (it then reads as empty).

    ``build`` runs a function generated once per layout (as dataclasses generates ``__init__``):
    one expression per field, no call per field, and the record's slots filled directly (the
    class stays frozen to its users). It is equivalent to :meth:`build_reference`, which the
    tests compare it with; when it fails, the reference path either tolerates the value (a
    blank-only number) or names the field in a :class:`FrameError`.
    """

    def __init__(self, cls: type[T], overrides: Mapping[str, int | None] | None = None) -> None:
        self.cls = cls
        overrides = dict(overrides or {})
        hints = typing.get_type_hints(cls)
        fields: list[_Field] = []
        min_width = 0
        full_width = 0
        for f in dataclasses.fields(cls):
            if _INDEX not in f.metadata:
                raise TypeError(f"{cls.__name__}.{f.name}: every field needs at() or span()")
            index = overrides.pop(f.name, f.metadata[_INDEX])
            hint = hints[f.name]
            span_ = f.metadata.get(_SPAN)
            if span_ is not None:
                if typing.get_origin(hint) is not tuple:
                    raise TypeError(f"{cls.__name__}.{f.name}: a span needs tuple[X, ...]")
                hint = typing.get_args(hint)[0]
            field = _Field(f.name, _kind(cls.__name__, f.name, hint), index, span_)
            if index is not None:
                end = index + 1 if span_ is None else index + (span_[0] - 1) * span_[1] + 1
                full_width = max(full_width, end)
                if f.metadata[_REQUIRED]:
                    min_width = max(min_width, end)
            fields.append(field)
        if overrides:
            raise TypeError(f"{cls.__name__}: overrides name unknown fields {sorted(overrides)}")
        self.min_width = min_width
        self.full_width = full_width
        self._fields = tuple(fields)
        self._padding = [""] * full_width
        self._fast = self._compile()

    def _compile(self) -> Callable[[list[str], int], T]:
        """Generate ``fast(v, n)``: the record of row ``v`` (padded to full width), ``n`` sent."""
        env: dict[str, Any] = {
            "D": Decimal,
            "Z": _ZERO,
            "fin": Decimal.is_finite,
            "new": object.__new__,
            "cls": self.cls,
        }
        lines = ["def fast(v, n):"]
        finite: list[str] = []
        for k, f in enumerate(self._fields):
            expression = _KINDS[f.kind][1]
            numeric = f.kind in ("decimal", "decimal?")
            if f.index is None:
                env[f"c{k}"] = _KINDS[f.kind][0]("")  # a constant: the empty value
                lines.append(f"    a{k} = c{k}")
                continue
            if f.span is None:
                lines.append(f"    x = v[{f.index}]")
                lines.append(f"    a{k} = {expression}")
                if numeric:
                    finite.append(
                        f"fin(a{k})" if f.kind == "decimal" else f"(a{k} is None or fin(a{k}))"
                    )
            else:
                count, step = f.span
                stop = f.index + (count - 1) * step + 1
                cut = f"v[{f.index}:({stop} if n >= {stop} else n):{step}]"
                lines.append(f"    a{k} = tuple([{expression} for x in {cut}])")
                if numeric:
                    finite.append(f"all(map(fin, a{k}))")
        if finite:
            lines.append(f"    if not ({' and '.join(finite)}):")
            lines.append("        raise ValueError('not a finite number')")
        lines.append("    o = new(cls)")
        for k, f in enumerate(self._fields):
            env[f"s{k}"] = getattr(self.cls, f.name).__set__  # the slot, past the frozen guard
            lines.append(f"    s{k}(o, a{k})")
        lines.append("    return o")
        exec("\n".join(lines), env)
        return env["fast"]

    def build(self, values: list[str], start: int = 0, width: int | None = None) -> T:
        """The record made of ``values[start:start + width]`` (width ≥ ``min_width``)."""
        if width is None:
            width = len(values) - start
        if start == 0 and width == len(values) and width >= self.full_width:
            row = values  # the common case: one record per frame, nothing to cut or pad
        else:
            row = values[start : start + width]
            if width < self.full_width:  # an older, shorter layout: the rest reads as empty
                row += self._padding[width:]
        try:
            return self._fast(row, width)
        except (ValueError, ArithmeticError):
            return self._reference(row, width)

    def build_reference(self, values: list[str], start: int = 0, width: int | None = None) -> T:
        """The same record by the plain per-field path (the definition ``build`` must match)."""
        if width is None:
            width = len(values) - start
        return self._reference(values[start : start + width], width)

    def _reference(self, row: list[str], width: int) -> T:
        values = []
        for f in self._fields:
            try:
                values.append(f.read(row, width))
            except (ValueError, ArithmeticError):
                raise FrameError(
                    f"{self.cls.__name__}: field {f.name} (#{f.index}) is not a number"
                ) from None
        return self.cls(*values)
