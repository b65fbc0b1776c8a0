"""The ranking screens as data: which rankings exist, their sort codes and Korean names, the
market codes, and the increase-period rule (endpoints.md R1–R4, seed 002). No Qt, no I/O.

Every ranking API is real-only (모의투자 미지원), returns at most 30 rows and has no next page.
Sort and market names are KIS's own Korean vocabulary and are shown as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MAX_ROWS = 30


class RankingKind(StrEnum):
    CREDIT_BALANCE = "credit_balance"  # 신용잔고 상위, FHKST17010000
    VOLUME = "volume"  # 거래량순위, FHPST01710000
    RISERS = "risers"  # 등락률 순위, sort 0 (상승율순), FHPST01700000
    FALLERS = "fallers"  # 등락률 순위, sort 1 (하락율순), FHPST01700000
    MARKET_CAP = "market_cap"  # 시가총액 상위, FHPST01740000


@dataclass(frozen=True)
class SortCode:
    code: str
    name: str  # Korean, as KIS names it
    group: str = ""  # 융자 / 대주 for the credit ranking


@dataclass(frozen=True)
class MarketCode:
    code: str  # FID_INPUT_ISCD
    name: str


@dataclass(frozen=True)
class RankingSpec:
    kind: RankingKind
    function: str  # the key of kisdesk.kis.env TR_IDS (real-only: None on paper)
    title: str  # Korean screen name
    sorts: tuple[SortCode, ...] = ()  # user-selectable sort codes; empty: fixed by the kind
    fixed_sort: str | None = None  # the sort code the kind itself stands for
    uses_period: bool = False  # FID_OPTION (increase-rate period) applies


# FID_RANK_SORT_CLS_CODE of the credit-balance ranking (seed 002), 융자 0-4 and 대주 5-9.
_CREDIT_NAMES = (
    "잔고비율 상위",
    "잔고수량 상위",
    "잔고금액 상위",
    "잔고비율 증가상위",
    "잔고비율 감소상위",
)
CREDIT_SORTS: tuple[SortCode, ...] = tuple(
    SortCode(str(i), f"{group} {name}", group)
    for i, (group, name) in enumerate(
        [("융자", n) for n in _CREDIT_NAMES] + [("대주", n) for n in _CREDIT_NAMES]
    )
)

# FID_BLNG_CLS_CODE of the volume ranking (R2).
VOLUME_SORTS: tuple[SortCode, ...] = (
    SortCode("0", "평균거래량"),
    SortCode("1", "거래증가율"),
    SortCode("2", "평균거래회전율"),
    SortCode("3", "거래금액순"),
    SortCode("4", "평균거래금액회전율"),
)

# fid_rank_sort_cls_code of the fluctuation ranking (R3); the two kinds pick 0 and 1.
FLUCTUATION_SORTS: tuple[SortCode, ...] = (
    SortCode("0", "상승율순"),
    SortCode("1", "하락율순"),
    SortCode("2", "시가대비상승율"),
    SortCode("3", "시가대비하락율"),
    SortCode("4", "변동율"),
)

# FID_INPUT_ISCD, shared by R1, R3 and R4 (R2 takes "0000" or a sector code; these are ones).
MARKETS: tuple[MarketCode, ...] = (
    MarketCode("0000", "전체"),
    MarketCode("0001", "거래소"),
    MarketCode("1001", "코스닥"),
    MarketCode("2001", "코스피200"),
)

SPECS: dict[RankingKind, RankingSpec] = {
    s.kind: s
    for s in (
        RankingSpec(
            RankingKind.CREDIT_BALANCE,
            "credit_balance_ranking",
            "신용잔고 상위",
            sorts=CREDIT_SORTS,
            uses_period=True,
        ),
        RankingSpec(RankingKind.VOLUME, "volume_rank", "거래량순위", sorts=VOLUME_SORTS),
        RankingSpec(RankingKind.RISERS, "fluctuation_rank", "등락률 상위", fixed_sort="0"),
        RankingSpec(RankingKind.FALLERS, "fluctuation_rank", "등락률 하위", fixed_sort="1"),
        RankingSpec(RankingKind.MARKET_CAP, "market_cap_rank", "시가총액 상위"),
    )
}


def spec(kind: RankingKind | str) -> RankingSpec:
    return SPECS[RankingKind(kind)]


def sort_code(kind: RankingKind | str, code: str) -> SortCode:
    """The sort code ``code`` of ``kind``; ValueError for a code the kind does not have."""
    for s in spec(kind).sorts:
        if s.code == code:
            return s
    raise ValueError(f"{RankingKind(kind).value} has no sort code {code!r}")


def market(code: str) -> MarketCode:
    for m in MARKETS:
        if m.code == code:
            return m
    raise ValueError(f"unknown market code {code!r}")


# FID_OPTION of the credit ranking: the increase-rate period in days, 2–999 (seed 002).
PERIOD_MIN = 2
PERIOD_MAX = 999
PERIOD_DEFAULT = 5


class PeriodError(ValueError):
    """Why a period text was refused: ``reason`` is "empty", "not_a_number" or "out_of_range"."""

    def __init__(self, reason: str, text: str) -> None:
        self.reason = reason
        self.text = text
        super().__init__(f"period {text!r}: {reason} (allowed {PERIOD_MIN}-{PERIOD_MAX})")


def parse_period(text: str) -> int:
    """``" 20 "`` -> 20. Only plain ASCII digits: no sign, no decimals, no exponent."""
    stripped = text.strip()
    if not stripped:
        raise PeriodError("empty", text)
    if not (stripped.isascii() and stripped.isdigit()):
        raise PeriodError("not_a_number", text)
    value = int(stripped)
    if not PERIOD_MIN <= value <= PERIOD_MAX:
        raise PeriodError("out_of_range", text)
    return value
