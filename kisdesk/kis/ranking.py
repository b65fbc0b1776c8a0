"""Domestic rankings (endpoints.md R1-R4): real-only, at most 30 rows, no next page."""

from __future__ import annotations

from kisdesk.kis.base import ApiBase
from kisdesk.kis.fields import parse_list
from kisdesk.kis.records import (
    CreditBalanceHeader,
    CreditBalanceRanking,
    CreditBalanceRow,
    CreditSort,
    FluctuationRankRow,
    MarketCapRankRow,
    VolumeRankRow,
)

P_CREDIT = "/uapi/domestic-stock/v1/ranking/credit-balance"
P_VOLUME = "/uapi/domestic-stock/v1/quotations/volume-rank"  # quotations, not ranking
P_FLUCTUATION = "/uapi/domestic-stock/v1/ranking/fluctuation"
P_MARKET_CAP = "/uapi/domestic-stock/v1/ranking/market-cap"


class RankingApi(ApiBase):
    async def credit_balance_ranking(
        self,
        sort: CreditSort | str = CreditSort.LOAN_RATIO,
        *,
        market: str = "0000",
        days: int = 5,
    ) -> CreditBalanceRanking:
        """Credit-balance top 30 (FHKST17010000, seed 002). ``sort``: any of the ten
        CreditSort codes (0-4 margin loan 융자, 5-9 stock loan 대주). ``market`` (FID_INPUT_ISCD):
        0000 all, 0001 KOSPI, 1001 KOSDAQ, 2001 KOSPI200. ``days``: increase-rate period 2-999."""
        sort = CreditSort(sort)
        if not 2 <= days <= 999:
            raise ValueError("days must be 2..999")
        tr = self._t.tr_id("credit_balance_ranking")
        reply = await self._t.get(
            P_CREDIT,
            tr,
            {
                "FID_COND_SCR_DIV_CODE": "11701",
                "FID_INPUT_ISCD": market,
                "FID_OPTION": str(days),
                "FID_COND_MRKT_DIV_CODE": "J",
                "FID_RANK_SORT_CLS_CODE": sort.value,
            },
        )
        headers = parse_list(CreditBalanceHeader, reply.body.get("output1"), tr_id=tr)
        rows = parse_list(
            CreditBalanceRow, reply.body.get("output2"), tr_id=tr, skip_blank_key="mksc_shrn_iscd"
        )
        return CreditBalanceRanking(header=headers[0] if headers else None, rows=rows, sort=sort)

    async def volume_rank(
        self,
        *,
        market: str = "J",
        sector: str = "0000",
        share_class: str = "0",
        sort: str = "0",
        price_min: str = "",
        price_max: str = "",
        min_volume: str = "",
    ) -> list[VolumeRankRow]:
        """Volume top 30 (FHPST01710000). ``sort`` (FID_BLNG_CLS_CODE): 0 avg volume, 1 volume
        increase, 2 avg turnover, 3 traded value, 4 avg value turnover. ``share_class``: 0 all,
        1 common, 2 preferred."""
        tr = self._t.tr_id("volume_rank")
        reply = await self._t.get(
            P_VOLUME,
            tr,
            {
                "FID_COND_MRKT_DIV_CODE": market,
                "FID_COND_SCR_DIV_CODE": "20171",
                "FID_INPUT_ISCD": sector,
                "FID_DIV_CLS_CODE": share_class,
                "FID_BLNG_CLS_CODE": sort,
                "FID_TRGT_CLS_CODE": "111111111",
                # The official sample notes six zeros is what the server accepts (doc: 000000).
                "FID_TRGT_EXLS_CLS_CODE": "000000",
                "FID_INPUT_PRICE_1": price_min,
                "FID_INPUT_PRICE_2": price_max,
                "FID_VOL_CNT": min_volume,
                "FID_INPUT_DATE_1": "",
            },
        )
        return parse_list(
            VolumeRankRow, reply.body.get("output"), tr_id=tr, skip_blank_key="mksc_shrn_iscd"
        )

    async def fluctuation_rank(
        self,
        *,
        sort: str = "0",
        market: str = "J",
        sector: str = "0000",
        days: str = "0",
        price_class: str = "0",
        price_min: str = "",
        price_max: str = "",
        min_volume: str = "",
        rate_min: str = "",
        rate_max: str = "",
    ) -> list[FluctuationRankRow]:
        """Gainers/losers top 30 (FHPST01700000). ``sort``: 0 rise %, 1 fall %, 2 rise vs open,
        3 fall vs open, 4 volatility. ``price_class``: with sort 0, 0 vs low / 1 vs close; with
        sort 1, 0 vs high / 1 vs close."""
        tr = self._t.tr_id("fluctuation_rank")
        reply = await self._t.get(
            P_FLUCTUATION,
            tr,
            {
                "fid_cond_mrkt_div_code": market,
                "fid_cond_scr_div_code": "20170",
                "fid_input_iscd": sector,
                "fid_rank_sort_cls_code": sort,
                "fid_input_cnt_1": days,
                "fid_prc_cls_code": price_class,
                "fid_input_price_1": price_min,
                "fid_input_price_2": price_max,
                "fid_vol_cnt": min_volume,
                "fid_trgt_cls_code": "0",
                "fid_trgt_exls_cls_code": "0",
                "fid_div_cls_code": "0",
                "fid_rsfl_rate1": rate_min,
                "fid_rsfl_rate2": rate_max,
            },
        )
        return parse_list(
            FluctuationRankRow, reply.body.get("output"), tr_id=tr, skip_blank_key="stck_shrn_iscd"
        )

    async def market_cap_rank(
        self,
        *,
        market: str = "J",
        sector: str = "0000",
        share_class: str = "0",
        price_min: str = "",
        price_max: str = "",
        min_volume: str = "",
    ) -> list[MarketCapRankRow]:
        """Market-cap top 30 (FHPST01740000). ``sector`` (fid_input_iscd): 0000 all, 0001
        KOSPI, 1001 KOSDAQ, 2001 KOSPI200."""
        tr = self._t.tr_id("market_cap_rank")
        reply = await self._t.get(
            P_MARKET_CAP,
            tr,
            {
                "fid_input_price_2": price_max,
                "fid_cond_mrkt_div_code": market,
                "fid_cond_scr_div_code": "20174",
                "fid_div_cls_code": share_class,
                "fid_input_iscd": sector,
                "fid_trgt_cls_code": "0",
                "fid_trgt_exls_cls_code": "0",
                "fid_input_price_1": price_min,
                "fid_vol_cnt": min_volume,
            },
        )
        return parse_list(
            MarketCapRankRow, reply.body.get("output"), tr_id=tr, skip_blank_key="mksc_shrn_iscd"
        )
