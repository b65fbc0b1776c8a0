"""Overseas orders and order inquiries (endpoints.md O4, O5, O8, O9, O10).

Orders are POSTs: one POST, never retried (the transport's order lane). The TR of each call
comes from the one table in overseas_trs.py (market × buy/sell/modify-cancel × regular/US
daytime session, real and paper). A send whose answer is lost raises UnknownOrderOutcome:
reconcile it with :meth:`OverseasOrdersApi.overseas_order_history` (O9), never by sending again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from kisdesk.kis.base import ApiBase, price_text, qty_text, today_kst, ymd
from kisdesk.kis.domestic import _object
from kisdesk.kis.fields import parse, parse_list
from kisdesk.kis.orders import _ack
from kisdesk.kis.overseas_trs import BUY, REVISE, SELL, order_tr
from kisdesk.kis.records import (
    OrderAck,
    OverseasBuyingPower,
    OverseasOpenOrder,
    OverseasOrderRow,
    Side,
)

Progress = Callable[[int, int], None]

P_OVRS_NCCS = "/uapi/overseas-stock/v1/trading/inquire-nccs"
P_OVRS_PSAMOUNT = "/uapi/overseas-stock/v1/trading/inquire-psamount"
P_OVRS_CCNL = "/uapi/overseas-stock/v1/trading/inquire-ccnl"


class OverseasOrdersApi(ApiBase):
    async def overseas_order(
        self,
        side: Side | str,
        exchange: str,
        symbol: str,
        quantity: int | Decimal | str,
        price: Decimal | str,
        *,
        order_type: str = "00",
        daytime: bool = False,
    ) -> OrderAck:
        """Overseas buy/sell. ``exchange``: 4-letter trading code (NASD, NYSE, AMEX, SEHK, SHAA,
        SZAA, TKSE, HASE, VNSE). ``order_type`` (ORD_DVSN): 00 limit; US buy 32/34, US sell
        31-34, HK sell 50; paper 00 only. ``price`` "0" for the price-less types (31, 33).
        ``daytime``: the US daytime session (TTTS6036U/TTTS6037U, real only, limit only).
        One POST, never retried: OrderRejected, UnknownOrderOutcome, RateLimited, TokenError,
        NetworkError or NotOfferedInPaper."""
        side = Side(side)
        row = order_tr(exchange, BUY if side is Side.BUY else SELL, daytime=daytime)
        tr = row.tr_id(self._t.env.is_paper)
        body = {
            **self._account(),
            "OVRS_EXCG_CD": exchange,
            "PDNO": symbol,
            "ORD_QTY": qty_text(quantity),
            "OVRS_ORD_UNPR": price_text(price, places=None),
            "CTAC_TLNO": "",
            "MGCO_APTM_ODNO": "",
            "ORD_SVR_DVSN_CD": "0",
            "ORD_DVSN": order_type,
        }
        if daytime:
            if order_type != "00":
                raise ValueError("the US daytime session takes limit orders (00) only")
        else:
            body["SLL_TYPE"] = "00" if side is Side.SELL else ""  # no SLL_TYPE in daytime
        return _ack(await self._t.post_order(row.path, tr, body))

    async def _overseas_revise(
        self,
        kind: str,
        exchange: str,
        symbol: str,
        order_no: str,
        quantity: int | Decimal | str | None,
        price: Decimal | str,
        daytime: bool,
    ) -> OrderAck:
        row = order_tr(exchange, REVISE, daytime=daytime)
        if kind == "01" and not row.modify:
            raise ValueError(f"{exchange} orders can only be cancelled, not modified")
        tr = row.tr_id(self._t.env.is_paper)
        body = {
            **self._account(),
            "OVRS_EXCG_CD": exchange,
            "PDNO": symbol,
            "ORGN_ODNO": order_no,
            "RVSE_CNCL_DVSN_CD": kind,
            # "0" cancels what is left (the official sample: "[잔량전부 취소/정정주문] "0" 설정").
            "ORD_QTY": "0" if quantity is None else qty_text(quantity),
            "OVRS_ORD_UNPR": price_text(price, places=None),
            "CTAC_TLNO": "",
            "MGCO_APTM_ODNO": "",
            "ORD_SVR_DVSN_CD": "0",
        }
        return _ack(await self._t.post_order(row.path, tr, body))

    async def overseas_modify_order(
        self,
        exchange: str,
        symbol: str,
        order_no: str,
        quantity: int | Decimal | str,
        price: Decimal | str,
        *,
        daytime: bool = False,
    ) -> OrderAck:
        """Modify an open order (US TTTT1004U, HK TTTS1003U, Tokyo TTTS0309U; daytime
        TTTS6038U). Shanghai, Shenzhen and Vietnam are cancel-only: ValueError, nothing sent.
        The ack carries the *new* order number."""
        return await self._overseas_revise(
            "01", exchange, symbol, order_no, quantity, price, daytime
        )

    async def overseas_cancel_order(
        self,
        exchange: str,
        symbol: str,
        order_no: str,
        quantity: int | Decimal | str | None = None,
        *,
        daytime: bool = False,
    ) -> OrderAck:
        """Cancel an open order (price "0"); ``quantity`` None cancels what is left."""
        return await self._overseas_revise("02", exchange, symbol, order_no, quantity, "0", daytime)

    async def overseas_open_orders(
        self,
        exchange: str = "NASD",
        *,
        progress: Progress | None = None,
        max_pages: int = 20,
    ) -> list[OverseasOpenOrder]:
        """Open overseas orders of one exchange (TTTS3018R; paper VTTS3018R per seed 004;
        FK200/NK200 paging, 40 rows a page). ``exchange`` "" asks for every market in one page
        (a next page then is refused: the official sample); NASD = all US here."""
        tr = self._t.tr_id("overseas_open_orders")
        params = {**self._account(), "OVRS_EXCG_CD": exchange, "SORT_SQN": ""}
        rows: list[OverseasOpenOrder] = []
        async for reply in self._t.pages(
            P_OVRS_NCCS,
            tr,
            params,
            width=200,
            rows_key="output",
            max_pages=1 if not exchange else max_pages,
            progress=progress,
        ):
            rows.extend(
                parse_list(
                    OverseasOpenOrder, reply.body.get("output"), tr_id=tr, skip_blank_key="odno"
                )
            )
        return rows

    async def overseas_buying_power(
        self, exchange: str, symbol: str, price: Decimal | str
    ) -> OverseasBuyingPower:
        """Buying power for ``symbol`` at ``price`` (TTTS3007R; not offered on paper per seed
        004: NotOfferedInPaper). ``exchange``: 4-letter trading code."""
        tr = self._t.tr_id("overseas_buying_power")
        reply = await self._t.get(
            P_OVRS_PSAMOUNT,
            tr,
            {
                **self._account(),
                "OVRS_EXCG_CD": exchange,
                "OVRS_ORD_UNPR": price_text(price, places=None),
                "ITEM_CD": symbol,
            },
        )
        return parse(
            OverseasBuyingPower,
            _object(reply.body, "output", tr),
            tr_id=tr,
            code=symbol,
            exchange=exchange,
            price=Decimal(price_text(price, places=None)),
        )

    async def overseas_order_history(
        self,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        *,
        symbol: str = "",
        exchange: str = "",
        side: str = "00",
        filled: str = "00",
        newest_first: bool = False,
        progress: Progress | None = None,
        max_pages: int = 50,
    ) -> list[OverseasOrderRow]:
        """Order lines and fills over local-exchange dates, all pages (TTTS3035R / VTTS3035R;
        20 rows a page real, 15 paper). Dates default to yesterday and today (KST), which
        covers the US trading day of a Korean morning. ``side`` 00/01 sell/02 buy, ``filled``
        00/01 filled/02 unfilled. Paper takes only "all" filters (endpoints.md O9): there the
        filters are applied to the rows here."""
        tr = self._t.tr_id("overseas_order_history")
        today = today_kst()
        paper = self._t.env.is_paper
        params = {
            **self._account(),
            "PDNO": "" if paper else (symbol or "%"),
            "ORD_STRT_DT": ymd(start or today - dt.timedelta(days=1)),
            "ORD_END_DT": ymd(end or today),
            "SLL_BUY_DVSN": "00" if paper else side,
            "CCLD_NCCS_DVSN": "00" if paper else filled,
            "OVRS_EXCG_CD": "" if paper else (exchange or "%"),
            "SORT_SQN": "AS" if newest_first else "DS",
            "ORD_DT": "",
            "ORD_GNO_BRNO": "",
            "ODNO": "",
        }
        rows: list[OverseasOrderRow] = []
        async for reply in self._t.pages(
            P_OVRS_CCNL,
            tr,
            params,
            width=200,
            rows_key="output",
            max_pages=max_pages,
            progress=progress,
        ):
            # No rows: KIOK0560 with ``output`` one blank object (skipped by its blank odno).
            rows.extend(
                parse_list(
                    OverseasOrderRow, reply.body.get("output"), tr_id=tr, skip_blank_key="odno"
                )
            )
        if paper:
            rows = [r for r in rows if _wanted(r, symbol, exchange, side, filled)]
        return rows


def _wanted(row: OverseasOrderRow, symbol: str, exchange: str, side: str, filled: str) -> bool:
    us = ("NASD", "NYSE", "AMEX")
    if symbol and row.code != symbol:
        return False
    if exchange and row.exchange != exchange and not (exchange == "NASD" and row.exchange in us):
        return False
    if side != "00" and row.side_code != side:
        return False
    if filled == "01" and row.filled_qty <= 0:
        return False
    return not (filled == "02" and row.remaining_qty <= 0)
