"""Records moved by live data, in Decimal: a holding at a new price (valuation, P&L and rates
recomputed the way KIS computes them), the balance totals after that, and what an execution
notice does to open orders, today's executions and holdings until the REST reconcile confirms.

Pure functions, no Qt: records in, records out.
"""

from __future__ import annotations

import dataclasses
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kisdesk.domain.currency import to_krw
from kisdesk.domain.order_types import Side
from kisdesk.kis.fields import parse
from kisdesk.kis.records import DailyExecution, DomesticHolding
from kisdesk.services.live_quotes import LiveQuote
from kisdesk.services.orders import OpenOrder

ZERO = Decimal(0)
CENT = Decimal("0.01")
WON = Decimal(1)


def _rate(num: Decimal, den: Decimal) -> Decimal:
    """num/den in percent, two decimals (evlu_pfls_rt); 0 when there is no cost."""
    if not den:
        return Decimal("0.00")
    return (num * 100 / den).quantize(CENT, rounding=ROUND_HALF_UP)


def _won(value: Decimal) -> Decimal:
    return value.quantize(WON, rounding=ROUND_HALF_UP)


# -- prices ------------------------------------------------------------------------------------


def holding_at(holding: DomesticHolding, quote: LiveQuote) -> DomesticHolding:
    """``holding`` at the quote's price: evlu_amt = qty × price, P&L against pchs_amt."""
    price = quote.price
    evaluation = _won(holding.quantity * price)
    pnl = evaluation - holding.purchase_amount
    return dataclasses.replace(
        holding,
        price=price,
        change=quote.change if quote.change is not None else holding.change,
        change_rate=quote.change_rate if quote.change_rate is not None else holding.change_rate,
        eval_amount=evaluation,
        pnl=pnl,
        pnl_rate=_rate(pnl, holding.purchase_amount),
    )


def summary_after(summary: Any, before: list[Any], after: list[Any]) -> Any:
    """The balance summary (output2) once the rows ``before`` became ``after``: the securities
    valuation, P&L and the totals built on them move by the same amounts."""
    d_eval = sum((h.eval_amount for h in after), ZERO) - sum((h.eval_amount for h in before), ZERO)
    d_pnl = sum((h.pnl for h in after), ZERO) - sum((h.pnl for h in before), ZERO)
    d_cost = sum((h.purchase_amount for h in after), ZERO) - sum(
        (h.purchase_amount for h in before), ZERO
    )
    if not (d_eval or d_pnl or d_cost):
        return summary
    return dataclasses.replace(
        summary,
        securities_eval=summary.securities_eval + d_eval,
        eval_total=summary.eval_total + d_eval,
        total_eval=summary.total_eval + d_eval,
        net_assets=summary.net_assets + d_eval,
        asset_change=summary.asset_change + d_eval,
        pnl_total=summary.pnl_total + d_pnl,
        purchase_total=summary.purchase_total + d_cost,
    )


def overseas_row_at(row: Any, quote: LiveQuote) -> Any:
    """An OverseasRow at the quote's price (valuation and P&L in the row's currency, the won
    value at the row's rate)."""
    price = quote.price
    evaluation = row.quantity * price
    pnl = evaluation - row.purchase_amount
    eval_krw = to_krw(evaluation, row.fx_rate) if row.fx_rate else row.eval_krw
    return dataclasses.replace(
        row,
        price=price,
        eval_amount=evaluation,
        pnl=pnl,
        pnl_rate=_rate(pnl, row.purchase_amount),
        eval_krw=eval_krw,
    )


def totals_after(totals: list[Any], before: list[Any], after: list[Any]) -> list[Any]:
    """Per-currency totals once the rows ``before`` became ``after``."""
    out = []
    for t in totals:
        was = [r for r in before if r.currency == t.currency]
        now = [r for r in after if r.currency == t.currency]
        d_eval = sum((r.eval_amount for r in now), ZERO) - sum((r.eval_amount for r in was), ZERO)
        d_pnl = sum((r.pnl for r in now), ZERO) - sum((r.pnl for r in was), ZERO)
        if not (d_eval or d_pnl):
            out.append(t)
            continue
        evaluation = t.evaluation + d_eval
        pnl = t.pnl + d_pnl
        out.append(
            dataclasses.replace(
                t,
                evaluation=evaluation,
                pnl=pnl,
                pnl_rate=_rate(pnl, t.purchase) if t.purchase else t.pnl_rate,
                eval_krw=to_krw(evaluation, t.fx_rate) if t.fx_rate else t.eval_krw,
            )
        )
    return out


# -- execution notices -------------------------------------------------------------------------


def _side(notice: Any) -> Side:
    return Side.BUY if notice.is_buy else Side.SELL


def _order_price(notice: Any) -> Decimal:
    """The order's price: ODER_PRC on a fill, the notice's price on an acknowledgement."""
    if notice.is_fill and notice.order_price is not None:
        return notice.order_price
    return notice.price


def open_orders_after(orders: dict[str, OpenOrder], notice: Any) -> dict[str, OpenOrder | None]:
    """What a notice does to the open orders (by order number): rows to put (an OpenOrder) or
    to take away (None)."""
    out: dict[str, OpenOrder | None] = {}
    if notice.rejected:
        out[notice.order_no] = None
        return out
    qty = int(notice.qty)
    if notice.is_fill:
        row = orders.get(notice.order_no)
        if row is not None:
            left = row.open_qty - qty
            out[notice.order_no] = (
                dataclasses.replace(row, filled_qty=row.filled_qty + qty, open_qty=left)
                if left > 0
                else None
            )
        return out
    if notice.cancelled_unfilled:  # an IOC/FOK remainder taken off by the exchange
        row = orders.get(notice.order_no)
        if row is not None:
            left = row.open_qty - qty
            out[notice.order_no] = dataclasses.replace(row, open_qty=left) if left > 0 else None
        return out
    original = notice.original_order_no.strip()
    if notice.revision == "2":  # a cancel: the original order loses the cancelled quantity
        row = orders.get(original)
        if row is not None:
            left = row.open_qty - qty
            out[original] = dataclasses.replace(row, open_qty=left) if left > 0 else None
        return out
    if notice.revision == "1" and original:  # a modify: the new line replaces the original
        out[original] = None
    if notice.order_no not in orders:
        out[notice.order_no] = OpenOrder(
            branch=notice.branch,
            order_no=notice.order_no,
            original_order_no=original,
            code=notice.code,
            name=notice.name,
            side=_side(notice),
            order_type=notice.order_kind or "00",
            quantity=qty,
            price=notice.price,
            filled_qty=0,
            open_qty=qty,
            order_time=notice.time,
        )
    return out


def execution_after(
    rows: dict[str, DailyExecution], notice: Any, order_date: str
) -> dict[str, DailyExecution]:
    """The rows of today's executions a notice changes or adds (by order number).
    ``order_date``: today as YYYYMMDD (KST)."""
    out: dict[str, DailyExecution] = {}
    if notice.rejected:
        return out
    qty = notice.qty
    row = rows.get(notice.order_no)
    if notice.is_fill:
        if row is None:
            row = _execution_row(notice, order_date, notice.order_qty)
        filled = row.filled_qty + qty
        amount = row.filled_amount + _won(qty * notice.price)
        out[notice.order_no] = dataclasses.replace(
            row,
            filled_qty=filled,
            filled_amount=amount,
            avg_fill_price=(amount / filled).quantize(CENT, rounding=ROUND_HALF_UP)
            if filled
            else ZERO,
            remaining_qty=max(ZERO, row.remaining_qty - qty),
        )
        return out
    if notice.cancelled_unfilled:
        if row is not None:
            out[notice.order_no] = dataclasses.replace(
                row, remaining_qty=max(ZERO, row.remaining_qty - qty)
            )
        return out
    original = notice.original_order_no.strip()
    if notice.revision in ("1", "2") and original in rows:
        before = rows[original]
        out[original] = dataclasses.replace(
            before, remaining_qty=max(ZERO, before.remaining_qty - qty)
        )
    if row is None:
        cancel = notice.revision == "2"
        out[notice.order_no] = _execution_row(
            notice, order_date, qty, remaining=ZERO if cancel else qty, cancelled=cancel
        )
    return out


def _execution_row(
    notice: Any,
    order_date: str,
    qty: Decimal,
    *,
    remaining: Decimal | None = None,
    cancelled: bool = False,
) -> DailyExecution:
    price = _order_price(notice)
    return parse(
        DailyExecution,
        {
            "ord_dt": order_date,
            "ord_gno_brno": notice.branch,
            "odno": notice.order_no,
            "orgn_odno": notice.original_order_no.strip(),
            "sll_buy_dvsn_cd": notice.side,
            "pdno": notice.code,
            "prdt_name": notice.name,
            "ord_qty": str(qty),
            "ord_unpr": str(price),
            "ord_tmd": notice.time,
            "tot_ccld_qty": "0",
            "avg_prvs": "0",
            "tot_ccld_amt": "0",
            "cncl_yn": "Y" if cancelled else "N",
            "ord_dvsn_cd": notice.order_kind,
            "rmn_qty": str(qty if remaining is None else remaining),
        },
    )


def holding_after(
    holding: DomesticHolding | None, notice: Any, quote: LiveQuote | None = None
) -> DomesticHolding | None:
    """A holding after a notice: a fill moves the quantity and cost (a sell at the average
    cost); a sell order's acknowledgement takes its quantity from the orderable quantity and
    its cancel gives it back. None: nothing to show (no row and nothing bought)."""
    if notice.rejected:
        return holding
    qty = notice.qty
    sell = not notice.is_buy
    if not notice.is_fill:
        if holding is None or not sell:
            return holding
        if notice.revision == "2" or notice.cancelled_unfilled:  # sell quantity released
            orderable = min(holding.quantity, holding.orderable_qty + qty)
        elif notice.revision == "0":
            orderable = max(ZERO, holding.orderable_qty - qty)
        else:
            return holding  # a modify keeps the quantity it holds back (the REST read tells)
        return dataclasses.replace(holding, orderable_qty=orderable)
    price = notice.price
    if holding is None:
        if sell:
            return None
        holding = _new_holding(notice)
    if sell:
        quantity = max(ZERO, holding.quantity - qty)
        cost = _won(holding.avg_price * quantity) if quantity else ZERO
        holding = dataclasses.replace(
            holding,
            quantity=quantity,
            purchase_amount=cost,
            today_sell_qty=holding.today_sell_qty + qty,
        )
    else:
        quantity = holding.quantity + qty
        cost = holding.purchase_amount + _won(qty * price)
        holding = dataclasses.replace(
            holding,
            quantity=quantity,
            orderable_qty=holding.orderable_qty + qty,
            purchase_amount=cost,
            avg_price=(cost / quantity).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP),
            today_buy_qty=holding.today_buy_qty + qty,
        )
    if quote is not None:
        return holding_at(holding, quote)
    evaluation = _won(holding.quantity * holding.price)
    pnl = evaluation - holding.purchase_amount
    return dataclasses.replace(
        holding, eval_amount=evaluation, pnl=pnl, pnl_rate=_rate(pnl, holding.purchase_amount)
    )


def _new_holding(notice: Any) -> DomesticHolding:
    """A holding the account did not have: bought at the fill price, valued at it too until
    a quote arrives."""
    return parse(
        DomesticHolding,
        {
            "pdno": notice.code,
            "prdt_name": notice.name,
            "hldg_qty": "0",
            "ord_psbl_qty": "0",
            "pchs_avg_pric": "0",
            "pchs_amt": "0",
            "prpr": str(notice.price),
            "bfdy_cprs_icdc": "0",
            "fltt_rt": "0",
            "evlu_amt": "0",
            "evlu_pfls_amt": "0",
            "evlu_pfls_rt": "0",
        },
    )
