"""The realtime TRs the client reads, and how wide their records may be (websocket.md §6, §7, §9).

The server has added fields over time (46 → 47 tick fields, 59 → 63 book fields, 23 → 26 notice
fields) and may add more: a record is read by position, any width from the TR's minimum up is
accepted, and values past the ones we know are ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from kisdesk.kis.realtime.layout import Layout
from kisdesk.kis.realtime.records import (
    LEGACY_NOTICE_23,
    DomesticBook,
    DomesticNotice,
    DomesticTick,
    OverseasBook,
    OverseasNotice,
    OverseasTick,
)

KRX_TICK = "H0STCNT0"
KRX_BOOK = "H0STASP0"
KRX_NOTICE = "H0STCNI0"  # real; tr_key = HTS id
KRX_NOTICE_PAPER = "H0STCNI9"
OVERSEAS_TICK = "HDFSCNT0"  # tr_key e.g. DNASAAPL; real server only
OVERSEAS_BOOK = "HDFSASP0"  # US 10 levels (D key), Asia paid (R key)
OVERSEAS_BOOK_DELAYED = "HDFSASP1"  # Asia delayed, 1 level
OVERSEAS_NOTICE = "H0GSCNI0"
OVERSEAS_NOTICE_PAPER = "H0GSCNI9"

PINGPONG = "PINGPONG"


def notice_tr_ids(paper: bool) -> tuple[str, str]:
    """(domestic, overseas) execution-notice TRs of an environment."""
    return (KRX_NOTICE_PAPER, OVERSEAS_NOTICE_PAPER) if paper else (KRX_NOTICE, OVERSEAS_NOTICE)


@dataclass(frozen=True)
class TrSpec:
    tr_id: str
    layouts: tuple[tuple[int, Layout[Any]], ...]  # (from this width up, layout), widest first
    min_width: int
    notice: bool = False  # an execution-notice TR: encrypted, tr_key is the HTS id
    usable: Callable[[int], int] | None = None  # the part of a record's width to read

    def layout_for(self, width: int) -> Layout[Any] | None:
        if width < self.min_width:
            return None
        for from_width, layout in self.layouts:
            if width >= from_width:
                return layout
        return None


def _book_levels(width: int) -> int:
    """Whole levels only: 11 header fields, then 6 per level (a cut level is not read)."""
    return min(width, 11 + 6 * max((width - 11) // 6, 0))


def _spec(
    tr_id: str,
    cls: type,
    min_width: int,
    *,
    legacy: tuple[int, dict[str, int | None]] | None = None,
    notice: bool = False,
    usable: Callable[[int], int] | None = None,
) -> TrSpec:
    current = Layout(cls)
    layouts: list[tuple[int, Layout[Any]]] = []
    if legacy is None:
        layouts.append((min_width, current))
    else:
        legacy_from, overrides = legacy
        layouts.append((current.min_width, current))
        layouts.append((legacy_from, Layout(cls, overrides)))
    return TrSpec(tr_id, tuple(layouts), min_width, notice, usable)


_TICK = _spec(KRX_TICK, DomesticTick, 46)
_BOOK = _spec(KRX_BOOK, DomesticBook, 59)
_NOTICE = _spec(KRX_NOTICE, DomesticNotice, 23, legacy=(23, LEGACY_NOTICE_23), notice=True)
_OVERSEAS_TICK = _spec(OVERSEAS_TICK, OverseasTick, 26)
_OVERSEAS_BOOK = _spec(OVERSEAS_BOOK, OverseasBook, 17, usable=_book_levels)
_OVERSEAS_NOTICE = _spec(OVERSEAS_NOTICE, OverseasNotice, 21, notice=True)

SPECS: dict[str, TrSpec] = {
    spec.tr_id: spec
    for spec in (
        _TICK,
        _BOOK,
        _NOTICE,
        replace(_NOTICE, tr_id=KRX_NOTICE_PAPER),
        _OVERSEAS_TICK,
        _OVERSEAS_BOOK,
        replace(_OVERSEAS_BOOK, tr_id=OVERSEAS_BOOK_DELAYED),
        _OVERSEAS_NOTICE,
        replace(_OVERSEAS_NOTICE, tr_id=OVERSEAS_NOTICE_PAPER),
    )
}
