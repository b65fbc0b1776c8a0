"""Domestic quotations and account inquiries (endpoints.md D1-D4, D9, D10)."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable

from kisdesk.kis.base import ApiBase, price_text, ymd
from kisdesk.kis.errors import ProtocolError
from kisdesk.kis.fields import parse, parse_list
from kisdesk.kis.records import (
    BuyingPower,
    DailyBar,
    DailyChart,
    DailyChartHeader,
    DomesticBalance,
    DomesticBalanceSummary,
    DomesticHolding,
    DomesticQuote,
    ProductInfo,
    SellableQuantity,
    StockInfo,
)

Progress = Callable[[int, int], None]

P_PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price"
P_CHART = "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice"
P_SEARCH_INFO = "/uapi/domestic-stock/v1/quotations/search-info"
P_STOCK_INFO = "/uapi/domestic-stock/v1/quotations/search-stock-info"
P_BALANCE = "/uapi/domestic-stock/v1/trading/inquire-balance"
P_PSBL_ORDER = "/uapi/domestic-stock/v1/trading/inquire-psbl-order"
P_PSBL_SELL = "/uapi/domestic-stock/v1/trading/inquire-psbl-sell"


def _object(reply_body: dict, key: str, tr_id: str) -> dict:
    """``output`` objects; KIS sometimes wraps a single object in a one-element array."""
    value = reply_body.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, dict):
        raise ProtocolError(f"{tr_id}: '{key}' missing or not an object", tr_id=tr_id)
    return value


class DomesticApi(ApiBase):
    async def domestic_price(self, code: str, *, market: str = "J") -> DomesticQuote:
        """Current price of a domestic stock/ETF/ETN (FHKST01010100). ``market``: J KRX,
        NX NXT, UN combined."""
        tr = self._t.tr_id("domestic_price")
        reply = await self._t.get(
            P_PRICE, tr, {"FID_COND_MRKT_DIV_CODE": market, "FID_INPUT_ISCD": code}
        )
        return parse(DomesticQuote, _object(reply.body, "output", tr), tr_id=tr, code=code)

    async def daily_chart(
        self,
        code: str,
        start: dt.date | str,
        end: dt.date | str,
        *,
        period: str = "D",
        adjusted: bool = True,
        market: str = "J",
    ) -> DailyChart:
        """Up to 100 day/week/month/year bars (FHKST03010100), newest first. There is no
        continuation: move ``end`` back to get older bars. ``period``: D, W, M or Y."""
        tr = self._t.tr_id("daily_chart")
        reply = await self._t.get(
            P_CHART,
            tr,
            {
                "FID_COND_MRKT_DIV_CODE": market,
                "FID_INPUT_ISCD": code,
                "FID_INPUT_DATE_1": ymd(start),
                "FID_INPUT_DATE_2": ymd(end),
                "FID_PERIOD_DIV_CODE": period,
                "FID_ORG_ADJ_PRC": "0" if adjusted else "1",
            },
        )
        header_raw = reply.body.get("output1")
        if not isinstance(header_raw, dict):
            header_raw = {"stck_shrn_iscd": code}  # every header field is optional
        header = parse(DailyChartHeader, header_raw, tr_id=tr)
        bars = parse_list(
            DailyBar, reply.body.get("output2"), tr_id=tr, skip_blank_key="stck_bsop_date"
        )
        return DailyChart(header=header, bars=bars)

    async def product_info(self, code: str, product_type: str = "300") -> ProductInfo:
        """Product basic info (CTPF1604R, real-only). ``product_type``: 300 domestic stock,
        512 Nasdaq, 513 NYSE, 529 AMEX … (endpoints.md D10)."""
        tr = self._t.tr_id("product_info")
        reply = await self._t.get(P_SEARCH_INFO, tr, {"PDNO": code, "PRDT_TYPE_CD": product_type})
        return parse(ProductInfo, _object(reply.body, "output", tr), tr_id=tr)

    async def stock_info(self, code: str, product_type: str = "300") -> StockInfo:
        """Stock basic info (CTPF1002R, real-only): market (KOSPI/KOSDAQ/KONEX), security
        group, kind, listing and trading state (endpoints.md D11)."""
        tr = self._t.tr_id("stock_info")
        reply = await self._t.get(P_STOCK_INFO, tr, {"PRDT_TYPE_CD": product_type, "PDNO": code})
        return parse(StockInfo, _object(reply.body, "output", tr), tr_id=tr)

    async def domestic_balance_pages(
        self, progress: Progress | None = None, *, max_pages: int = 50
    ) -> AsyncIterator[tuple[list[DomesticHolding], DomesticBalanceSummary | None]]:
        """Domestic balance (TTTC8434R) page by page: (holdings of the page, summary)."""
        tr = self._t.tr_id("domestic_balance")
        params = {
            **self._account(),
            "AFHR_FLPR_YN": "N",
            "OFL_YN": "",
            "INQR_DVSN": "02",  # by stock (01 would give one row per loan)
            "UNPR_DVSN": "01",
            "FUND_STTL_ICLD_YN": "N",
            "FNCG_AMT_AUTO_RDPT_YN": "N",
            "PRCS_DVSN": "00",  # include the previous day's trades
        }
        async for reply in self._t.pages(
            P_BALANCE, tr, params, width=100, max_pages=max_pages, progress=progress
        ):
            holdings = parse_list(
                DomesticHolding, reply.body.get("output1"), tr_id=tr, skip_blank_key="pdno"
            )
            summaries = parse_list(DomesticBalanceSummary, reply.body.get("output2"), tr_id=tr)
            yield holdings, (summaries[0] if summaries else None)

    async def domestic_balance(
        self, progress: Progress | None = None, *, max_pages: int = 50
    ) -> DomesticBalance:
        """All domestic holdings across every page, plus the account summary.

        ``progress(pages_done, rows_so_far)`` is called after each page. Raises
        PageLimitExceeded if more than ``max_pages`` pages exist (50 rows a page on real,
        20 on paper)."""
        holdings: list[DomesticHolding] = []
        summary: DomesticBalanceSummary | None = None
        pages = 0
        async for page_rows, page_summary in self.domestic_balance_pages(
            progress, max_pages=max_pages
        ):
            pages += 1
            holdings.extend(page_rows)
            if page_summary is not None:
                summary = page_summary  # every page repeats the totals; keep the latest
        if summary is None:
            tr = self._t.tr_id("domestic_balance")
            raise ProtocolError(f"{tr}: balance without output2 summary", tr_id=tr)
        return DomesticBalance(holdings=holdings, summary=summary, pages=pages)

    async def buying_power(
        self,
        code: str,
        price: int | str = 0,
        *,
        order_type: str = "01",
        include_cma: bool = False,
        include_overseas: bool = False,
    ) -> BuyingPower:
        """Buying power for one stock (TTTC8908R). ``order_type`` 01 (market) gives quantities
        that include the stock's margin rate; use the type you will order with."""
        tr = self._t.tr_id("buying_power")
        reply = await self._t.get(
            P_PSBL_ORDER,
            tr,
            {
                **self._account(),
                "PDNO": code,
                "ORD_UNPR": price_text(price),
                "ORD_DVSN": order_type,
                "CMA_EVLU_AMT_ICLD_YN": "Y" if include_cma else "N",
                "OVRS_ICLD_YN": "Y" if include_overseas else "N",
            },
        )
        return parse(BuyingPower, _object(reply.body, "output", tr), tr_id=tr)

    async def sellable_quantity(self, code: str) -> SellableQuantity:
        """Sellable quantity of a held stock (TTTC8408R, real-only; on paper use
        ``orderable_qty`` of the balance)."""
        tr = self._t.tr_id("sellable_quantity")
        reply = await self._t.get(P_PSBL_SELL, tr, {**self._account(), "PDNO": code})
        return parse(SellableQuantity, _object(reply.body, "output", tr), tr_id=tr)
