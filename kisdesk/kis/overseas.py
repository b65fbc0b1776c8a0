"""Overseas balance, present balance, price and price detail (endpoints.md O1-O3, O6); the
order functions are in overseas_orders.py."""

from __future__ import annotations

from collections.abc import Callable

from kisdesk.kis.base import ApiBase
from kisdesk.kis.domestic import _object
from kisdesk.kis.fields import parse, parse_list
from kisdesk.kis.records import (
    OverseasBalance,
    OverseasBalanceSummary,
    OverseasCurrencyBalance,
    OverseasHolding,
    OverseasPresentBalance,
    OverseasPresentHolding,
    OverseasPresentTotals,
    OverseasPriceDetail,
    OverseasQuote,
)

Progress = Callable[[int, int], None]

P_OVRS_BALANCE = "/uapi/overseas-stock/v1/trading/inquire-balance"
P_OVRS_PRESENT = "/uapi/overseas-stock/v1/trading/inquire-present-balance"
P_OVRS_PRICE = "/uapi/overseas-price/v1/quotations/price"
P_OVRS_PRICE_DETAIL = "/uapi/overseas-price/v1/quotations/price-detail"

# Trading (4-letter) exchange code → its currency, for the balance inquiry (seed 000).
EXCHANGE_CURRENCY = {
    "NASD": "USD",
    "NAS": "USD",
    "NYSE": "USD",
    "AMEX": "USD",
    "SEHK": "HKD",
    "SHAA": "CNY",
    "SZAA": "CNY",
    "TKSE": "JPY",
    "HASE": "VND",
    "VNSE": "VND",
}


class OverseasApi(ApiBase):
    async def overseas_balance(
        self,
        exchange: str = "NASD",
        currency: str | None = None,
        *,
        progress: Progress | None = None,
        max_pages: int = 20,
    ) -> OverseasBalance:
        """Overseas holdings of one exchange/currency, all pages (TTTS3012R / VTTS3012R,
        CTX_AREA_FK200/NK200 paging). ``exchange``: NASD (all US on real), NAS, NYSE, AMEX, SEHK,
        SHAA, SZAA, TKSE, HASE, VNSE; ``currency`` defaults from the exchange."""
        tr = self._t.tr_id("overseas_balance")
        currency = currency or EXCHANGE_CURRENCY.get(exchange, "USD")
        params = {**self._account(), "OVRS_EXCG_CD": exchange, "TR_CRCY_CD": currency}
        holdings: list[OverseasHolding] = []
        summary: OverseasBalanceSummary | None = None
        pages = 0
        async for reply in self._t.pages(
            P_OVRS_BALANCE, tr, params, width=200, max_pages=max_pages, progress=progress
        ):
            pages += 1
            # The doc example ends output1 with an all-blank row: skip rows without a ticker.
            holdings.extend(
                parse_list(
                    OverseasHolding, reply.body.get("output1"), tr_id=tr, skip_blank_key="ovrs_pdno"
                )
            )
            found = parse_list(OverseasBalanceSummary, reply.body.get("output2"), tr_id=tr)
            if found:
                summary = found[0]
        if summary is None:
            summary = parse(
                OverseasBalanceSummary,
                dict.fromkeys(
                    (
                        "frcr_pchs_amt1",
                        "ovrs_rlzt_pfls_amt",
                        "ovrs_tot_pfls",
                        "rlzt_erng_rt",
                        "tot_evlu_pfls_amt",
                        "tot_pftrt",
                    ),
                    "",
                ),
                tr_id=tr,
            )
        return OverseasBalance(
            holdings=holdings, summary=summary, exchange=exchange, currency=currency, pages=pages
        )

    async def overseas_present_balance(
        self,
        *,
        krw: bool = False,
        country: str = "000",
        market: str = "00",
        inquiry: str = "00",
    ) -> OverseasPresentBalance:
        """Settlement-basis overseas balance (CTRP6504R / VTRP6504R; paper fills only the
        totals). ``krw``: amounts in KRW instead of the foreign currency. ``country``: 000 all,
        840 US, 344 HK, 156 CN, 392 JP, 704 VN; ``market`` per endpoints.md O2."""
        tr = self._t.tr_id("overseas_present_balance")
        reply = await self._t.get(
            P_OVRS_PRESENT,
            tr,
            {
                **self._account(),
                "WCRC_FRCR_DVSN_CD": "01" if krw else "02",
                "NATN_CD": country,
                "TR_MKET_CD": market,
                "INQR_DVSN_CD": inquiry,
            },
        )
        body = reply.body
        holdings = parse_list(
            OverseasPresentHolding, body.get("output1"), tr_id=tr, skip_blank_key="pdno"
        )
        currencies = parse_list(
            OverseasCurrencyBalance, body.get("output2"), tr_id=tr, skip_blank_key="crcy_cd"
        )
        totals_raw = body.get("output3")
        if isinstance(totals_raw, list):
            totals_raw = totals_raw[0] if totals_raw else None
        totals = parse(OverseasPresentTotals, totals_raw, tr_id=tr) if totals_raw else None
        return OverseasPresentBalance(holdings=holdings, currencies=currencies, totals=totals)

    async def overseas_price(self, exchange: str, symbol: str) -> OverseasQuote:
        """Current price (HHDFS00000300). ``exchange`` is the 3-letter *quote* code: NAS, NYS,
        AMS, HKS, TSE, SHS, SZS, HSX, HNX (BAQ/BAY/BAA for the US daytime session)."""
        tr = self._t.tr_id("overseas_price")
        reply = await self._t.get(P_OVRS_PRICE, tr, {"AUTH": "", "EXCD": exchange, "SYMB": symbol})
        return parse(
            OverseasQuote,
            _object(reply.body, "output", tr),
            tr_id=tr,
            code=symbol,
            exchange=exchange,
        )

    async def overseas_price_detail(self, exchange: str, symbol: str) -> OverseasPriceDetail:
        """Price detail with lot size (``vnit``), tick (``e_hogau``) and decimals (``zdiv``)
        (HHDFS76200200, real-only). ``exchange``: 3-letter quote code (NAS, NYS, HKS, TSE …)."""
        tr = self._t.tr_id("overseas_price_detail")
        reply = await self._t.get(
            P_OVRS_PRICE_DETAIL, tr, {"AUTH": "", "EXCD": exchange, "SYMB": symbol}
        )
        return parse(
            OverseasPriceDetail,
            _object(reply.body, "output", tr),
            tr_id=tr,
            code=symbol,
            exchange=exchange,
        )
