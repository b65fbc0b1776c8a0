"""Domestic orders and order inquiries (endpoints.md D5-D8).

Orders are POSTs: sent once, never retried, serialised in one order lane and given priority in
the rate limiter. A send whose answer is lost raises UnknownOrderOutcome; reconcile it with
``daily_executions`` (today, ``code``) rather than sending again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from kisdesk.kis.base import ApiBase, price_text, qty_text, today_kst, ymd
from kisdesk.kis.errors import RecordError, UnknownOrderOutcome
from kisdesk.kis.fields import parse, parse_list
from kisdesk.kis.records import (
    CancellableOrder,
    DailyExecution,
    DailyExecutions,
    DailyExecutionSummary,
    OrderAck,
    Side,
)
from kisdesk.kis.transport import Reply

Progress = Callable[[int, int], None]

P_ORDER_CASH = "/uapi/domestic-stock/v1/trading/order-cash"
P_RVSECNCL = "/uapi/domestic-stock/v1/trading/order-rvsecncl"
P_PSBL_RVSECNCL = "/uapi/domestic-stock/v1/trading/inquire-psbl-rvsecncl"
P_DAILY_CCLD = "/uapi/domestic-stock/v1/trading/inquire-daily-ccld"


def _ack(reply: Reply) -> OrderAck:
    """The order ack; an accepted order without its number is an unknown outcome, not a crash."""
    output = reply.body.get("output")
    if isinstance(output, list):
        output = output[0] if output else None
    try:
        if not isinstance(output, dict):
            raise RecordError("no output object", record="OrderAck", key="output")
        ack = parse(OrderAck, output, tr_id=reply.tr_id, msg_cd=reply.msg_cd, message=reply.msg1)
        if not ack.order_no:
            raise RecordError("blank ODNO", record="OrderAck", key="ODNO")
    except RecordError as exc:
        raise UnknownOrderOutcome(
            f"{reply.tr_id}: order accepted ({reply.msg_cd}) but the answer lacks its number"
            f" ({exc}); check today's executions",
            tr_id=reply.tr_id,
            status=reply.status,
        ) from None
    return ack


def months_back(start: dt.date, today: dt.date) -> int:
    return (today.year - start.year) * 12 + today.month - start.month


class OrdersApi(ApiBase):
    async def order_cash(
        self,
        side: Side | str,
        code: str,
        quantity: int | Decimal | str,
        price: int | Decimal | str = 0,
        *,
        order_type: str = "00",
        exchange: str = "KRX",
        condition_price: int | Decimal | str | None = None,
    ) -> OrderAck:
        """Cash buy or sell (TTTC0012U / TTTC0011U; paper VTTC0012U / VTTC0011U).

        ``order_type`` (ORD_DVSN): 00 limit, 01 market (``price`` 0), 03 best, 04 top-of-book,
        11-16 IOC/FOK … (endpoints.md D5). ``exchange``: KRX, NXT or SOR (paper: KRX only).
        Raises OrderRejected, UnknownOrderOutcome, RateLimited, TokenError or NetworkError;
        never retries."""
        side = Side(side)
        tr = self._t.tr_id("order_cash_buy" if side is Side.BUY else "order_cash_sell")
        body = {
            **self._account(),
            "PDNO": code,
            "ORD_DVSN": order_type,
            "ORD_QTY": qty_text(quantity),
            "ORD_UNPR": price_text(price),
            "EXCG_ID_DVSN_CD": exchange,
        }
        if side is Side.SELL:
            body["SLL_TYPE"] = "01"  # normal sell
        if condition_price is not None:  # stop-limit (22) only
            body["CNDT_PRIC"] = price_text(condition_price)
        return _ack(await self._t.post_order(P_ORDER_CASH, tr, body))

    async def buy(
        self,
        code: str,
        quantity: int | Decimal | str,
        price: int | Decimal | str = 0,
        **kwargs: str,
    ) -> OrderAck:
        """Shorthand for ``order_cash(Side.BUY, …)``."""
        return await self.order_cash(Side.BUY, code, quantity, price, **kwargs)

    async def sell(
        self,
        code: str,
        quantity: int | Decimal | str,
        price: int | Decimal | str = 0,
        **kwargs: str,
    ) -> OrderAck:
        """Shorthand for ``order_cash(Side.SELL, …)``."""
        return await self.order_cash(Side.SELL, code, quantity, price, **kwargs)

    async def _rvsecncl(
        self,
        kind: str,
        branch: str,
        order_no: str,
        quantity: int | Decimal | str | None,
        price: int | Decimal | str,
        order_type: str,
        exchange: str,
    ) -> OrderAck:
        tr = self._t.tr_id("order_modify_cancel")
        whole = quantity is None
        body = {
            **self._account(),
            "KRX_FWDG_ORD_ORGNO": branch,
            "ORGN_ODNO": order_no,
            "ORD_DVSN": order_type,
            "RVSE_CNCL_DVSN_CD": kind,
            "ORD_QTY": "0" if whole else qty_text(quantity),
            "ORD_UNPR": price_text(price),
            "QTY_ALL_ORD_YN": "Y" if whole else "N",
            "EXCG_ID_DVSN_CD": exchange,
        }
        return _ack(await self._t.post_order(P_RVSECNCL, tr, body))

    async def modify_order(
        self,
        branch: str,
        order_no: str,
        price: int | Decimal | str,
        quantity: int | Decimal | str | None = None,
        *,
        order_type: str = "00",
        exchange: str = "KRX",
    ) -> OrderAck:
        """Modify an open order (TTTC0013U, RVSE_CNCL_DVSN_CD 01). ``quantity`` None = all of
        the remaining quantity. Returns the ack of the *new* order number."""
        return await self._rvsecncl("01", branch, order_no, quantity, price, order_type, exchange)

    async def cancel_order(
        self,
        branch: str,
        order_no: str,
        quantity: int | Decimal | str | None = None,
        *,
        order_type: str = "00",
        exchange: str = "KRX",
    ) -> OrderAck:
        """Cancel an open order (TTTC0013U, RVSE_CNCL_DVSN_CD 02). ``quantity`` None = all of
        the remaining quantity."""
        return await self._rvsecncl("02", branch, order_no, quantity, 0, order_type, exchange)

    async def cancellable_orders(
        self,
        *,
        side: str = "0",
        order_by: str = "0",
        progress: Progress | None = None,
        max_pages: int = 20,
    ) -> list[CancellableOrder]:
        """Open orders that can be modified or cancelled (TTTC0084R, real-only; on paper use
        ``daily_executions(filled="02")``). ``side``: 0 all, 1 sell, 2 buy."""
        tr = self._t.tr_id("cancellable_orders")
        params = {**self._account(), "INQR_DVSN_1": order_by, "INQR_DVSN_2": side}
        rows: list[CancellableOrder] = []
        async for reply in self._t.pages(
            P_PSBL_RVSECNCL, tr, params, rows_key="output", max_pages=max_pages, progress=progress
        ):
            rows.extend(
                parse_list(
                    CancellableOrder, reply.body.get("output"), tr_id=tr, skip_blank_key="odno"
                )
            )
        return rows

    async def daily_executions(
        self,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        *,
        code: str = "",
        side: str = "00",
        filled: str = "00",
        newest_first: bool = True,
        exchange: str | None = None,
        order_no: str = "",
        progress: Progress | None = None,
        max_pages: int = 50,
    ) -> DailyExecutions:
        """Orders and fills in a date range, all pages (TTTC0081R within 3 months, CTSC9215R
        older; paper VTTC0081R / VTSC9215R). Dates default to today (KST).

        ``side``: 00 all, 01 sell, 02 buy. ``filled``: 00 all, 01 filled, 02 unfilled.
        ``exchange``: KRX/NXT/SOR/ALL (default ALL on real, KRX on paper)."""
        today = today_kst()
        start_s, end_s = ymd(start or today), ymd(end or today)
        start_d = dt.datetime.strptime(start_s, "%Y%m%d").date()
        old = months_back(start_d, today) > 3  # the boundary is by month (endpoints.md D8)
        tr = self._t.tr_id("daily_executions_old" if old else "daily_executions")
        if exchange is None:
            exchange = "KRX" if self._t.env.is_paper else "ALL"
        params = {
            **self._account(),
            "INQR_STRT_DT": start_s,
            "INQR_END_DT": end_s,
            "SLL_BUY_DVSN_CD": side,
            "INQR_DVSN": "00" if newest_first else "01",
            "PDNO": code,
            "CCLD_DVSN": filled,
            "ORD_GNO_BRNO": "",
            "ODNO": order_no,
            "INQR_DVSN_3": "00",
            "INQR_DVSN_1": "",
            "EXCG_ID_DVSN_CD": exchange,
        }
        rows: list[DailyExecution] = []
        summary: DailyExecutionSummary | None = None
        pages = 0
        async for reply in self._t.pages(
            P_DAILY_CCLD, tr, params, max_pages=max_pages, progress=progress
        ):
            pages += 1
            rows.extend(
                parse_list(
                    DailyExecution, reply.body.get("output1"), tr_id=tr, skip_blank_key="odno"
                )
            )
            found = parse_list(DailyExecutionSummary, reply.body.get("output2"), tr_id=tr)
            if found:
                summary = found[0]
        if summary is None:
            summary = parse(DailyExecutionSummary, {}, tr_id=tr)
        return DailyExecutions(rows=rows, summary=summary, pages=pages)
