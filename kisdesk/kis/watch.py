"""The live screens' REST calls: the order book (D12), condition search (D15 list, D16
results), the HTS watchlist (D17 groups, D18 stocks) and the multi-symbol price (D19, at most
30 symbols a call). None continues with ``tr_cont``. D15–D19 are real-only: on paper the client
raises NotOfferedInPaper before sending anything.
"""

# ruff: noqa: RUF009  (kis() is a dataclass field specifier, evaluated once by design)
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kisdesk.kis.base import ApiBase
from kisdesk.kis.errors import ApiError
from kisdesk.kis.fields import kis, parse, parse_list

P_ASKING = "/uapi/domestic-stock/v1/quotations/inquire-asking-price-exp-ccn"
P_COND_LIST = "/uapi/domestic-stock/v1/quotations/psearch-title"
P_COND_RESULT = "/uapi/domestic-stock/v1/quotations/psearch-result"
P_GROUPS = "/uapi/domestic-stock/v1/quotations/intstock-grouplist"
P_GROUP_STOCKS = "/uapi/domestic-stock/v1/quotations/intstock-stocklist-by-group"
P_MULTI = "/uapi/domestic-stock/v1/quotations/intstock-multprice"

LEVELS = 10
MULTI_MAX = 30  # D19: "한 번의 호출에 최대 30종목"
NO_MATCH = "MCA05918"  # D16 answers zero matches with this error


@dataclass(frozen=True, slots=True)
class OrderBook:
    """D12: ten levels a side, best first (asks ascending, bids descending); an empty level
    (beyond the price limit) has price 0. ``expected_*``: the call auction's expectation."""

    code: str
    time: str
    asks: tuple[Decimal, ...]
    bids: tuple[Decimal, ...]
    ask_sizes: tuple[Decimal, ...]
    bid_sizes: tuple[Decimal, ...]
    total_ask: Decimal
    total_bid: Decimal
    price: Decimal | None
    expected_price: Decimal | None
    expected_volume: Decimal | None
    market_code: str


@dataclass(frozen=True, slots=True)
class _BookTotals:
    time: str = kis("aspr_acpt_hour", required=False)
    total_ask: Decimal = kis("total_askp_rsqn", required=False)
    total_bid: Decimal = kis("total_bidp_rsqn", required=False)
    market_code: str = kis("new_mkop_cls_code", required=False)


@dataclass(frozen=True, slots=True)
class _BookExpected:
    price: Decimal | None = kis("stck_prpr", required=False)
    expected_price: Decimal | None = kis("antc_cnpr", required=False)
    expected_volume: Decimal | None = kis("antc_vol", required=False)
    code: str = kis("stck_shrn_iscd", required=False)


@dataclass(frozen=True, slots=True)
class _Level:
    price: Decimal = kis("p", required=False)
    size: Decimal = kis("s", required=False)


@dataclass(frozen=True, slots=True)
class SavedCondition:
    """D15 row: a condition saved from the HTS screen [0110]; ``seq`` is D16's input."""

    seq: str = kis("seq")
    group: str = kis("grp_nm", required=False)
    name: str = kis("condition_nm")


@dataclass(frozen=True, slots=True)
class ConditionHit:
    """D16 row (every number arrives as a padded 4-decimal string)."""

    code: str = kis("code")
    name: str = kis("name", required=False)
    sign: str = kis("daebi", required=False)
    price: Decimal = kis("price")
    change: Decimal = kis("change", required=False)
    change_rate: Decimal = kis("chgrate", required=False)
    volume: Decimal = kis("acml_vol", required=False)
    trade_value: Decimal = kis("trade_amt", required=False)
    strength: Decimal = kis("cttr", required=False)


@dataclass(frozen=True, slots=True)
class HtsGroup:
    """D17 row: a watchlist group kept on the server for the HTS ID ([0161])."""

    code: str = kis("inter_grp_code")
    name: str = kis("inter_grp_name")
    count: str = kis("ask_cnt", required=False)


@dataclass(frozen=True, slots=True)
class HtsGroupStock:
    """D18 row."""

    market: str = kis("fid_mrkt_cls_code", required=False)
    rank: str = kis("data_rank", required=False)
    exchange: str = kis("exch_code", required=False)
    code: str = kis("jong_code")
    name: str = kis("hts_kor_isnm", required=False)


@dataclass(frozen=True, slots=True)
class MultiQuote:
    """D19 row, in request order."""

    code: str = kis("inter_shrn_iscd")
    name: str = kis("inter_kor_isnm", required=False)
    price: Decimal = kis("inter2_prpr")
    change: Decimal = kis("inter2_prdy_vrss", required=False)
    sign: str = kis("prdy_vrss_sign", required=False)
    change_rate: Decimal = kis("prdy_ctrt", required=False)
    volume: Decimal = kis("acml_vol", required=False)
    trade_value: Decimal = kis("acml_tr_pbmn", required=False)
    open: Decimal = kis("inter2_oprc", required=False)
    high: Decimal = kis("inter2_hgpr", required=False)
    low: Decimal = kis("inter2_lwpr", required=False)
    ask: Decimal = kis("inter2_askp", required=False)
    bid: Decimal = kis("inter2_bidp", required=False)
    ask_size: Decimal = kis("seln_rsqn", required=False)
    bid_size: Decimal = kis("shnu_rsqn", required=False)
    prev_close: Decimal = kis("inter2_prdy_clpr", required=False)


def _levels(row: dict[str, object], side: str) -> tuple[tuple[Decimal, ...], tuple[Decimal, ...]]:
    prices, sizes = [], []
    for i in range(1, LEVELS + 1):
        level = parse(
            _Level,
            {"p": row.get(f"{side}p{i}", ""), "s": row.get(f"{side}p_rsqn{i}", "")},
        )
        prices.append(level.price)
        sizes.append(level.size)
    return tuple(prices), tuple(sizes)


class WatchApi(ApiBase):
    async def order_book(self, code: str, *, market: str = "J") -> OrderBook:
        """D12 (FHKST01010200; paper too): the 10-level book and the expected execution."""
        tr = self._t.tr_id("asking_price")
        reply = await self._t.get(
            P_ASKING, tr, {"FID_COND_MRKT_DIV_CODE": market, "FID_INPUT_ISCD": code}
        )
        out1 = reply.body.get("output1") or {}
        out2 = reply.body.get("output2") or {}
        if not isinstance(out1, dict) or not isinstance(out2, dict):
            out1 = out1 if isinstance(out1, dict) else {}
            out2 = out2 if isinstance(out2, dict) else {}
        totals = parse(_BookTotals, out1, tr_id=tr)
        expected = parse(_BookExpected, out2, tr_id=tr)
        asks, ask_sizes = _levels(out1, "ask")
        bids, bid_sizes = _levels(out1, "bid")
        return OrderBook(
            code=expected.code or code,
            time=totals.time,
            asks=asks,
            bids=bids,
            ask_sizes=ask_sizes,
            bid_sizes=bid_sizes,
            total_ask=totals.total_ask,
            total_bid=totals.total_bid,
            price=expected.price,
            expected_price=expected.expected_price,
            expected_volume=expected.expected_volume,
            market_code=totals.market_code,
        )

    async def saved_conditions(self, hts_id: str) -> list[SavedCondition]:
        """D15 (real only): the conditions the HTS ID uploaded from screen [0110]."""
        tr = self._t.tr_id("condition_list")
        reply = await self._t.get(P_COND_LIST, tr, {"user_id": hts_id})
        return parse_list(SavedCondition, reply.body.get("output2"), tr_id=tr)

    async def condition_results(self, hts_id: str, seq: str) -> list[ConditionHit]:
        """D16 (real only): up to 100 stocks matching condition ``seq``; none is an empty list
        (KIS answers zero matches with the error MCA05918)."""
        tr = self._t.tr_id("condition_result")
        try:
            reply = await self._t.get(P_COND_RESULT, tr, {"user_id": hts_id, "seq": seq})
        except ApiError as exc:
            if exc.msg_cd == NO_MATCH:
                return []
            raise
        return parse_list(ConditionHit, reply.body.get("output2"), tr_id=tr, skip_blank_key="code")

    async def hts_groups(self, hts_id: str) -> list[HtsGroup]:
        """D17 (real only): the HTS ID's watchlist groups."""
        tr = self._t.tr_id("hts_groups")
        reply = await self._t.get(
            P_GROUPS, tr, {"TYPE": "1", "FID_ETC_CLS_CODE": "00", "USER_ID": hts_id}
        )
        return parse_list(HtsGroup, reply.body.get("output2"), tr_id=tr)

    async def hts_group_stocks(self, hts_id: str, group: str) -> list[HtsGroupStock]:
        """D18 (real only): the stocks of one group, in the group's order."""
        tr = self._t.tr_id("hts_group_stocks")
        params = {
            "TYPE": "1",
            "USER_ID": hts_id,
            "DATA_RANK": "",
            "INTER_GRP_CODE": group,
            "INTER_GRP_NAME": "",
            "HTS_KOR_ISNM": "",
            "CNTG_CLS_CODE": "",
            "FID_ETC_CLS_CODE": "4",
        }
        reply = await self._t.get(P_GROUP_STOCKS, tr, params)
        return parse_list(
            HtsGroupStock, reply.body.get("output2"), tr_id=tr, skip_blank_key="jong_code"
        )

    async def multi_price(self, codes: Sequence[str], *, market: str = "J") -> list[MultiQuote]:
        """D19 (real only): the prices of up to 30 symbols in one call, in request order."""
        if not codes:
            return []
        if len(codes) > MULTI_MAX:
            raise ValueError(f"at most {MULTI_MAX} symbols a call, not {len(codes)}")
        tr = self._t.tr_id("multi_price")
        params: dict[str, str] = {}
        for n, code in enumerate(codes, start=1):  # pairs 1…n, no gaps
            params[f"FID_COND_MRKT_DIV_CODE_{n}"] = market
            params[f"FID_INPUT_ISCD_{n}"] = code
        reply = await self._t.get(P_MULTI, tr, params)
        return parse_list(
            MultiQuote, reply.body.get("output"), tr_id=tr, skip_blank_key="inter_shrn_iscd"
        )
