"""연속조회 (continuation): FK/NK cursors padded to their full width and checked on the way back.

The first page is asked with an empty request header ``tr_cont``; the next with ``tr_cont: N``
and both cursors echoed exactly as received (spaces included). A cursor that was changed on the
way — stripped, re-padded, edited — is refused (OPSQ2001 naming the field).

Where the doc marks the cursor keys required (``Y``: overseas inquire-balance in seed 000,
inquire-nccs O5, inquire-psbl-rvsecncl D7) even the first page must carry both keys — blank is
fine, absent is refused with the same field error. Where they are ``N`` (domestic inquire-balance
in seed 001 / D2, inquire-daily-ccld D8) a first page may omit them.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .api import ApiRequest
from .envelope import field_error, pad_ctx

T = TypeVar("T")
_NK = re.compile(r"^(?P<owner>[0-9A-Za-z]+)\^(?P<offset>\d{6})\^(?P<check>[0-9a-f]{8})\^ *$")


@dataclass
class Page(Generic[T]):
    rows: list[T]
    fk: str
    nk: str
    more: bool
    first: bool

    @property
    def tr_cont(self) -> str:
        """Response header: M = more follows, D = last page."""
        return "M" if self.more else "D"

    @property
    def msg_cd(self) -> str:
        if self.more:
            return "KIOK0500"
        return "KIOK0510" if self.first else "KIOK0460"


def _check(owner: str, offset: int, fk: str) -> str:
    return f"{zlib.crc32(f'{owner}|{offset}|{fk}'.encode()) & 0xFFFFFFFF:08x}"


def paginate(
    req: ApiRequest,
    rows: Sequence[T],
    *,
    size: int,
    width: int,
    fk: str,
    owner: str,
    cursor_required: bool = False,
) -> Page[T]:
    """Cut ``rows`` into the page the request asks for.

    ``fk`` is the search-condition cursor (derived from the query); ``owner`` ties the NK
    cursor to the account so a cursor from another account or query is refused.
    ``cursor_required``: both cursor keys must be present on every page (blank on the first).
    """
    fk_name, nk_name = f"CTX_AREA_FK{width}", f"CTX_AREA_NK{width}"
    fk_full = pad_ctx(fk, width)
    offset = 0
    first = True
    if cursor_required:
        req.get(fk_name)  # absent → OPSQ2001 naming the key; any value passes here
        req.get(nk_name)
    if req.tr_cont.strip().upper() == "N":
        got_fk = req.get(fk_name, required=False)
        got_nk = req.get(nk_name, required=False)
        if got_fk != fk_full:
            raise field_error(fk_name)
        m = _NK.match(got_nk)
        if m is None or len(got_nk) != width or m["owner"] != owner:
            raise field_error(nk_name)
        offset = int(m["offset"])
        if m["check"] != _check(owner, offset, fk_full) or offset > len(rows):
            raise field_error(nk_name)
        first = False
    chunk = list(rows[offset : offset + size])
    nxt = offset + size
    more = nxt < len(rows)
    nk = (
        pad_ctx(f"{owner}^{nxt:06d}^{_check(owner, nxt, fk_full)}^", width) if more else " " * width
    )
    return Page(rows=chunk, fk=fk_full, nk=nk, more=more, first=first)
