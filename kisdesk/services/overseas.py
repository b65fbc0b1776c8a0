"""The overseas holdings snapshot: every exchange/currency pair of the account, fetched
concurrently (bounded, and paced by the client's limiter), merged into rows and per-currency
totals, with the won view from the present-balance API where the environment offers it.

No Qt here: the tab drives this through a Refresher and gets one ``OverseasSnapshot`` back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from kisdesk.domain.currency import OverseasMarket, balance_queries, to_krw
from kisdesk.kis import KisClient
from kisdesk.kis.records import OverseasBalance, OverseasHolding, OverseasPresentBalance
from kisdesk.services.errors import describe

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (queries done, queries in all)

# More parallel requests than this buys nothing: the limiter paces them anyway, and a small
# number keeps the quota free for an order sent meanwhile.
MAX_CONCURRENCY = 4


@dataclass(frozen=True)
class OverseasRow:
    """One holding (output1 of TTTS3012R) plus its won view when a rate is known."""

    code: str
    name: str
    exchange: str
    currency: str
    quantity: Decimal
    orderable_qty: Decimal
    avg_price: Decimal
    price: Decimal
    purchase_amount: Decimal
    eval_amount: Decimal
    pnl: Decimal
    pnl_rate: Decimal
    loan_type: str = ""
    fx_rate: Decimal | None = None  # KRW per unit (present balance, first posted rate)
    eval_krw: Decimal | None = None
    query_exchange: str = ""  # the OVRS_EXCG_CD that returned it (NASD covers all US on real)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.exchange, self.currency, self.code, self.loan_type)


@dataclass(frozen=True)
class CurrencyTotals:
    """Totals of one currency, computed from the rows (output2's labels are not what they say:
    endpoints.md O1), plus realized P&L from output2 and the won view."""

    currency: str
    exchanges: tuple[str, ...]
    count: int
    purchase: Decimal
    evaluation: Decimal
    pnl: Decimal
    pnl_rate: Decimal | None
    realized_pnl: Decimal
    fx_rate: Decimal | None = None
    eval_krw: Decimal | None = None
    deposit: Decimal | None = None  # frcr_dncl_amt_2 (present balance output2)


@dataclass(frozen=True)
class KrwTotals:
    """Present-balance output3: the account's overseas totals in won (paper fills only this)."""

    purchase: Decimal | None
    evaluation: Decimal | None
    pnl: Decimal | None
    return_rate: Decimal | None
    total_assets: Decimal | None = None


@dataclass(frozen=True)
class OverseasSnapshot:
    rows: list[OverseasRow]
    totals: list[CurrencyTotals]
    krw: KrwTotals | None
    queries: tuple[OverseasMarket, ...]
    pages: int
    # exchange -> message, for queries that failed while others succeeded
    failures: dict[str, str] = field(default_factory=dict)
    krw_error: str = ""  # why there is no won view ("" when there is one, or none was asked)

    @property
    def exchanges(self) -> list[str]:
        """Exchanges present in the rows, in query order then name order."""
        order = {m.exchange: i for i, m in enumerate(self.queries)}
        seen = {r.exchange for r in self.rows}
        return sorted(seen, key=lambda e: (order.get(e, len(order)), e))


def _rate(pnl: Decimal, cost: Decimal) -> Decimal | None:
    if not cost:
        return None
    return (pnl / cost * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _row(holding: OverseasHolding, query: OverseasMarket) -> OverseasRow:
    return OverseasRow(
        code=holding.code,
        name=holding.name,
        exchange=holding.exchange or query.exchange,
        currency=holding.currency or query.currency,
        quantity=holding.quantity,
        orderable_qty=holding.orderable_qty,
        avg_price=holding.avg_price,
        price=holding.price,
        purchase_amount=holding.purchase_amount,
        eval_amount=holding.eval_amount,
        pnl=holding.pnl,
        pnl_rate=holding.pnl_rate,
        loan_type=getattr(holding, "loan_type", "") or "",
        query_exchange=query.exchange,
    )


async def fetch_overseas(
    client: KisClient,
    profile: str,
    *,
    progress: Progress | None = None,
    with_present: bool = True,
    concurrency: int | None = None,
) -> OverseasSnapshot:
    """Ask every exchange/currency pair of ``profile`` (all pages each) and the present balance.

    A pair that fails is reported in ``failures`` while the others are shown; when every pair
    fails the first error is raised. A failed present balance only loses the won view.
    """
    queries = balance_queries(profile)
    total = len(queries) + (1 if with_present else 0)
    rate = int(getattr(getattr(client, "env", None), "rate_per_sec", MAX_CONCURRENCY) or 1)
    limit = max(1, min(concurrency or MAX_CONCURRENCY, rate, total))
    gate = asyncio.Semaphore(limit)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    async def one(query: OverseasMarket) -> OverseasBalance:
        async with gate:
            try:
                return await client.overseas_balance(query.exchange, query.currency)
            finally:
                tick()

    async def present() -> OverseasPresentBalance:
        async with gate:
            try:
                return await client.overseas_present_balance()
            finally:
                tick()

    if progress is not None:
        progress(0, total)
    jobs = [asyncio.ensure_future(one(q)) for q in queries]
    present_job = asyncio.ensure_future(present()) if with_present else None
    try:
        results = await asyncio.gather(*jobs, return_exceptions=True)
        present_result: OverseasPresentBalance | BaseException | None = None
        if present_job is not None:
            present_result = (await asyncio.gather(present_job, return_exceptions=True))[0]
    except asyncio.CancelledError:
        for job in [*jobs, present_job]:
            if job is not None:
                job.cancel()
        raise

    rows: list[OverseasRow] = []
    realized: dict[str, Decimal] = {}
    failures: dict[str, str] = {}
    errors: list[BaseException] = []
    pages = 0
    for query, result in zip(queries, results, strict=True):
        if isinstance(result, BaseException):
            if not isinstance(result, Exception):
                raise result  # a cancellation, not a failure
            log.warning("overseas balance %s/%s failed: %s", query.exchange, query.currency, result)
            failures[query.exchange] = describe(result)
            errors.append(result)
            continue
        pages += getattr(result, "pages", 1)
        for holding in result.holdings:
            if holding.code:  # KIS ends output1 with an all-blank row
                rows.append(_row(holding, query))
        summary = getattr(result, "summary", None)
        if summary is not None:
            realized[query.currency] = realized.get(query.currency, Decimal(0)) + (
                summary.realized_pnl or Decimal(0)
            )
    if errors and len(errors) == len(queries):
        raise errors[0]

    fx_rates: dict[str, Decimal] = {}
    deposits: dict[str, Decimal] = {}
    krw: KrwTotals | None = None
    krw_error = ""
    if isinstance(present_result, BaseException):
        if not isinstance(present_result, Exception):
            raise present_result
        log.info("present balance unavailable: %s", present_result)
        krw_error = describe(present_result)
    elif present_result is not None:
        for ccy in present_result.currencies or ():
            if ccy.exchange_rate:
                fx_rates[ccy.currency] = ccy.exchange_rate
            deposits[ccy.currency] = ccy.deposit
        for holding in present_result.holdings or ():
            rate = getattr(holding, "exchange_rate", None)
            if rate and holding.currency not in fx_rates:
                fx_rates[holding.currency] = rate
        t = present_result.totals
        if t is not None:
            krw = KrwTotals(
                purchase=t.purchase_total,
                evaluation=t.eval_total,
                pnl=t.pnl_total,
                return_rate=getattr(t, "return_rate", None),
                total_assets=getattr(t, "total_assets", None),
            )

    rows = [_with_krw(r, fx_rates.get(r.currency)) for r in _dedupe(rows)]
    return OverseasSnapshot(
        rows=rows,
        totals=currency_totals(rows, realized, fx_rates, deposits, queries),
        krw=krw,
        queries=queries,
        pages=pages,
        failures=failures,
        krw_error=krw_error,
    )


def _dedupe(rows: list[OverseasRow]) -> list[OverseasRow]:
    """One row per key: the real NASD query already covers NYSE/AMEX, so a US row could only
    repeat if a caller asked NAS/NYSE/AMEX too."""
    seen: dict[tuple[str, str, str, str], OverseasRow] = {}
    for row in rows:
        seen.setdefault(row.key, row)
    return list(seen.values())


def _with_krw(row: OverseasRow, rate: Decimal | None) -> OverseasRow:
    if rate is None:
        return row
    return replace(row, fx_rate=rate, eval_krw=to_krw(row.eval_amount, rate))


def currency_totals(
    rows: list[OverseasRow],
    realized: dict[str, Decimal],
    fx_rates: dict[str, Decimal],
    deposits: dict[str, Decimal],
    queries: tuple[OverseasMarket, ...] = (),
) -> list[CurrencyTotals]:
    """One line per currency that has rows or realized P&L, in the order of the queries."""
    order: list[str] = []
    for q in queries:
        if q.currency not in order:
            order.append(q.currency)
    currencies = {r.currency for r in rows} | {c for c, v in realized.items() if v}
    out: list[CurrencyTotals] = []
    for ccy in sorted(currencies, key=lambda c: (order.index(c) if c in order else 99, c)):
        mine = [r for r in rows if r.currency == ccy]
        purchase = sum((r.purchase_amount for r in mine), Decimal(0))
        evaluation = sum((r.eval_amount for r in mine), Decimal(0))
        pnl = sum((r.pnl for r in mine), Decimal(0))
        exchanges = tuple(dict.fromkeys(r.exchange for r in mine))
        rate = fx_rates.get(ccy)
        out.append(
            CurrencyTotals(
                currency=ccy,
                exchanges=exchanges,
                count=len(mine),
                purchase=purchase,
                evaluation=evaluation,
                pnl=pnl,
                pnl_rate=_rate(pnl, purchase),
                realized_pnl=realized.get(ccy, Decimal(0)),
                fx_rate=rate,
                eval_krw=to_krw(evaluation, rate),
                deposit=deposits.get(ccy),
            )
        )
    return out
