"""The ranking queries (endpoints.md R1–R4): what is asked, one request per query, and the rows
as the rankings tab shows them. No Qt here: the tab drives this through its Refresher."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kisdesk.domain.rankings import MAX_ROWS, PERIOD_DEFAULT, RankingKind, spec
from kisdesk.kis import KisClient
from kisdesk.kis.records import (
    CreditBalanceHeader,
    CreditBalanceRow,
    FluctuationRankRow,
    MarketCapRankRow,
    VolumeRankRow,
)

# A row of any ranking kind (the tab's columns read the fields its kind has).
RankingRow = VolumeRankRow | FluctuationRankRow | MarketCapRankRow | CreditBalanceRow


@dataclass(frozen=True)
class RankingQuery:
    kind: RankingKind
    market: str = "0000"  # FID_INPUT_ISCD
    sort: str = ""  # the kind's sort code ("" for kinds with a fixed sort)
    period: int | None = None  # FID_OPTION, credit ranking only


@dataclass(frozen=True)
class RankingResult:
    query: RankingQuery
    rows: list[RankingRow]
    header: CreditBalanceHeader | None = None  # output1 of the credit ranking


async def fetch_ranking(client: KisClient, query: RankingQuery) -> RankingResult:
    """One ranking request, dispatched to the client method of its kind."""
    kind = query.kind
    header: CreditBalanceHeader | None = None
    rows: Sequence[RankingRow]
    if kind is RankingKind.CREDIT_BALANCE:
        answer = await client.credit_balance_ranking(
            query.sort or "0", market=query.market, days=query.period or PERIOD_DEFAULT
        )
        rows, header = list(answer.rows), answer.header
    elif kind is RankingKind.VOLUME:
        rows = await client.volume_rank(sector=query.market, sort=query.sort or "0")
    elif kind in (RankingKind.RISERS, RankingKind.FALLERS):
        rows = await client.fluctuation_rank(sort=spec(kind).fixed_sort, sector=query.market)
    else:
        rows = await client.market_cap_rank(sector=query.market)
    # At most 30 rows and no continuation (seed 002); keep the API's order.
    return RankingResult(query=query, rows=list(rows)[:MAX_ROWS], header=header)


class RankedRow:
    """A ranking row with its position in the answer; other attributes read through."""

    __slots__ = ("position", "record")

    def __init__(self, position: int, record: RankingRow) -> None:
        self.position = position
        self.record = record

    @property
    def rank(self) -> int:
        data_rank = getattr(self.record, "rank", None)
        return int(data_rank) if data_rank else self.position + 1

    def __getattr__(self, name: str) -> Any:  # genuinely dynamic: the record's own fields
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.record, name)


def ranked_rows(result: RankingResult) -> list[RankedRow]:
    """The rows of ``result`` with their positions, in the API's order."""
    return [RankedRow(i, r) for i, r in enumerate(result.rows)]
