"""Declarative mapping from KIS response rows to typed records, with one generic parser.

A record is a frozen dataclass whose fields carry their KIS key::

    @dataclass(frozen=True, slots=True)
    class DomesticQuote:
        price: Decimal = kis("stck_prpr")
        high: Decimal | None = kis("stck_hgpr", required=False)

The annotation decides the conversion, and what an empty string means:

=================  ==========================  =========================
annotation         value                       empty string / absent*
=================  ==========================  =========================
``Decimal``        ``Decimal("74300")``        ``Decimal(0)``
``Decimal | None``                             ``None``
``int``            ``int`` (must be integral)  ``0``
``int | None``                                 ``None``
``str``            stripped text               ``""``
``str | None``                                 ``None``
``bool``           ``"Y"`` → True              ``False``
``date | None``    ``YYYYMMDD``                ``None``
``time | None``    ``HHMMSS`` (KIS drops the    ``None``
                   leading zero: ``93015``)
=================  ==========================  =========================

(*) absent is only allowed for ``required=False`` fields; a missing required key raises
:class:`RecordError` naming the record and the key. Keys the record does not declare are ignored,
and a key is looked up exactly first, then case-insensitively (order acks use UPPER-CASE keys
where the doc tables say lower case). Numbers never pass through float.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from kisdesk.kis.errors import RecordError

T = TypeVar("T")

_KEY = "kis_key"
_REQUIRED = "kis_required"


def kis(key: str, *, required: bool = True) -> Any:
    """A record field read from the KIS key ``key``."""
    return dataclasses.field(metadata={_KEY: key, _REQUIRED: required})


def local(default: Any = None) -> Any:
    """A record field that does not come from the row (filled by the caller, e.g. the code)."""
    return dataclasses.field(default=default)


class _Plan(typing.NamedTuple):
    name: str
    key: str
    required: bool
    convert: Callable[[str, str], Any]  # (text, key) -> value
    empty: Any


def _to_decimal(text: str, key: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"{key}={text!r} is not a number") from None
    if not value.is_finite():
        raise ValueError(f"{key}={text!r} is not a finite number")
    return value


def _to_int(text: str, key: str) -> int:
    value = _to_decimal(text, key)
    if value != value.to_integral_value():
        raise ValueError(f"{key}={text!r} is not an integer")
    return int(value)


def _to_str(text: str, key: str) -> str:
    return text


def _to_bool(text: str, key: str) -> bool:
    return text.upper() == "Y"


def _to_date(text: str, key: str) -> dt.date:
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        raise ValueError(f"{key}={text!r} is not a YYYYMMDD date") from None


def _to_time(text: str, key: str) -> dt.time:
    """HHMMSS, the one place it is read: order times, chart bars (a leading zero may be gone)."""
    digits = text.rjust(6, "0")
    try:
        if len(digits) != 6 or not digits.isdigit():
            raise ValueError
        return dt.time(int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        raise ValueError(f"{key}={text!r} is not an HHMMSS time") from None


def parse_hhmmss(text: str) -> dt.time | None:
    """An HHMMSS field outside a record (a realtime notice's time): None when blank or bad."""
    try:
        return _to_time(text.strip(), "time") if text.strip() else None
    except ValueError:
        return None


_CONVERTERS: dict[Any, tuple[Callable[[str, str], Any], Any]] = {
    Decimal: (_to_decimal, Decimal(0)),
    int: (_to_int, 0),
    str: (_to_str, ""),
    bool: (_to_bool, False),
    dt.date: (_to_date, None),
    dt.time: (_to_time, None),
}

_plans: dict[type, tuple[_Plan, ...]] = {}


def _plan(cls: type) -> tuple[_Plan, ...]:
    cached = _plans.get(cls)
    if cached is not None:
        return cached
    hints = typing.get_type_hints(cls)
    plans = []
    for f in dataclasses.fields(cls):
        key = f.metadata.get(_KEY)
        if key is None:
            continue
        hint = hints[f.name]
        optional = False
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(hint) if a is not type(None)]
            optional = len(args) < len(typing.get_args(hint))
            if len(args) != 1:
                raise TypeError(f"{cls.__name__}.{f.name}: unsupported annotation {hint}")
            hint = args[0]
        if hint not in _CONVERTERS:
            raise TypeError(f"{cls.__name__}.{f.name}: unsupported annotation {hint}")
        convert, empty = _CONVERTERS[hint]
        empty_value = None if optional else empty
        plans.append(_Plan(f.name, key, f.metadata[_REQUIRED], convert, empty_value))
    _plans[cls] = tuple(plans)
    return _plans[cls]


def _lookup(row: Mapping[str, Any], key: str, folded: dict[str, Any] | None) -> tuple[bool, Any]:
    if key in row:
        return True, row[key]
    if folded is not None and key.lower() in folded:
        return True, folded[key.lower()]
    return False, None


def parse(cls: type[T], row: Mapping[str, Any], *, tr_id: str = "", **local_values: Any) -> T:
    """Build ``cls`` from one response row (``local_values`` fill the non-KIS fields)."""
    if not isinstance(row, Mapping):
        raise RecordError(
            f"{cls.__name__}: expected an object, got {type(row).__name__}",
            record=cls.__name__,
            key="",
            tr_id=tr_id,
        )
    folded = {str(k).lower(): v for k, v in row.items()}
    values: dict[str, Any] = dict(local_values)
    for p in _plan(cls):
        found, raw = _lookup(row, p.key, folded)
        if not found:
            if p.required:
                raise RecordError(
                    f"{cls.__name__}: required field {p.key!r} missing from the {tr_id or 'KIS'}"
                    " response",
                    record=cls.__name__,
                    key=p.key,
                    tr_id=tr_id,
                )
            values[p.name] = p.empty
            continue
        text = "" if raw is None else str(raw).strip()
        if text == "":
            values[p.name] = p.empty
            continue
        try:
            values[p.name] = p.convert(text, p.key)
        except ValueError as exc:
            raise RecordError(
                f"{cls.__name__}: {exc}", record=cls.__name__, key=p.key, tr_id=tr_id
            ) from None
    return cls(**values)


def parse_list(
    cls: type[T],
    rows: Any,
    *,
    tr_id: str = "",
    skip_blank_key: str | None = None,
    **local_values: Any,
) -> list[T]:
    """Parse an ``output`` array. ``None`` or ``""`` count as empty; an object as one row.

    ``skip_blank_key`` drops rows whose key is blank: KIS pads some arrays with all-blank rows
    (the overseas balance ends with one; daily charts pad with empty objects).
    """
    if rows in (None, "", {}):
        return []
    if isinstance(rows, Mapping):
        rows = [rows]
    if not isinstance(rows, Iterable) or isinstance(rows, str | bytes):
        raise RecordError(
            f"{cls.__name__}: expected an array, got {type(rows).__name__}",
            record=cls.__name__,
            key="",
            tr_id=tr_id,
        )
    out = []
    for row in rows:
        if skip_blank_key is not None and isinstance(row, Mapping):
            found, value = _lookup(row, skip_blank_key, {str(k).lower(): v for k, v in row.items()})
            if not found or str(value or "").strip() == "":
                continue
        out.append(parse(cls, row, tr_id=tr_id, **local_values))
    return out


def kis_keys(cls: type) -> dict[str, str]:
    """Field name → KIS key of a record (for documentation, column specs and tests)."""
    return {p.name: p.key for p in _plan(cls)}
