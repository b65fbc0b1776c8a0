"""Typed records for every response the client returns. Money, prices, quantities and rates are
Decimal. Each field names its KIS key (endpoints.md and seeds 000-002); see fields.py for how
annotations map empty strings to 0 / None.

Fields marked ``required=False`` are ones the digest lists but that a response may omit (newer
fields, or "main fields" of an ~80-field output we do not depend on).
"""

# ruff: noqa: RUF009  (kis()/local() are dataclass field specifiers, evaluated once by design)
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kisdesk.domain.order_types import Side as Side  # the one Side; the client's callers use it
from kisdesk.kis.fields import kis, local

# ---------------------------------------------------------------------------------------------
# Domestic quotations
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DomesticQuote:
    """inquire-price (FHKST01010100) ``output``."""

    price: Decimal = kis("stck_prpr")
    change: Decimal = kis("prdy_vrss")
    sign: str = kis("prdy_vrss_sign")  # 1 upper limit, 2 up, 3 flat, 4 lower limit, 5 down
    change_rate: Decimal = kis("prdy_ctrt")
    upper: Decimal = kis("stck_mxpr")
    lower: Decimal = kis("stck_llam")
    base: Decimal = kis("stck_sdpr")
    volume: Decimal = kis("acml_vol")
    tick: Decimal = kis("aspr_unit")
    open: Decimal | None = kis("stck_oprc", required=False)
    high: Decimal | None = kis("stck_hgpr", required=False)
    low: Decimal | None = kis("stck_lwpr", required=False)
    trade_value: Decimal | None = kis("acml_tr_pbmn", required=False)
    vwap: Decimal | None = kis("wghn_avrg_stck_prc", required=False)
    lot_size: Decimal | None = kis("hts_deal_qty_unit_val", required=False)
    listed_shares: Decimal | None = kis("lstn_stcn", required=False)
    market_cap: Decimal | None = kis("hts_avls", required=False)  # KRW 100M units (억)
    per: Decimal | None = kis("per", required=False)
    pbr: Decimal | None = kis("pbr", required=False)
    w52_high: Decimal | None = kis("w52_hgpr", required=False)
    w52_low: Decimal | None = kis("w52_lwpr", required=False)
    foreign_rate: Decimal | None = kis("hts_frgn_ehrt", required=False)
    status_code: str | None = kis("iscd_stat_cls_code", required=False)
    halted: bool = kis("temp_stop_yn", required=False)
    market_name: str | None = kis("rprs_mrkt_kor_name", required=False)
    sector_name: str | None = kis("bstp_kor_isnm", required=False)
    code: str = local("")  # the requested code (stck_shrn_iscd is not always present)


@dataclass(frozen=True, slots=True)
class DailyBar:
    """inquire-daily-itemchartprice (FHKST03010100) ``output2`` row (newest first)."""

    date: dt.date | None = kis("stck_bsop_date")
    close: Decimal = kis("stck_clpr")
    open: Decimal = kis("stck_oprc")
    high: Decimal = kis("stck_hgpr")
    low: Decimal = kis("stck_lwpr")
    volume: Decimal = kis("acml_vol")
    trade_value: Decimal = kis("acml_tr_pbmn")
    change: Decimal | None = kis("prdy_vrss", required=False)
    sign: str | None = kis("prdy_vrss_sign", required=False)
    lock_code: str | None = kis("flng_cls_code", required=False)  # ex-rights/dividend flag
    split_rate: Decimal | None = kis("prtt_rate", required=False)
    modified: bool = kis("mod_yn", required=False)


@dataclass(frozen=True, slots=True)
class DailyChartHeader:
    """inquire-daily-itemchartprice ``output1`` (snapshot object)."""

    name: str = kis("hts_kor_isnm", required=False)
    code: str = kis("stck_shrn_iscd", required=False)
    price: Decimal | None = kis("stck_prpr", required=False)
    change: Decimal | None = kis("prdy_vrss", required=False)
    sign: str | None = kis("prdy_vrss_sign", required=False)
    change_rate: Decimal | None = kis("prdy_ctrt", required=False)
    prev_close: Decimal | None = kis("stck_prdy_clpr", required=False)
    volume: Decimal | None = kis("acml_vol", required=False)
    upper: Decimal | None = kis("stck_mxpr", required=False)
    lower: Decimal | None = kis("stck_llam", required=False)


@dataclass(frozen=True, slots=True)
class DailyChart:
    header: DailyChartHeader
    bars: list[DailyBar]


@dataclass(frozen=True, slots=True)
class ProductInfo:
    """search-info (CTPF1604R) ``output``."""

    code: str = kis("pdno")
    product_type: str = kis("prdt_type_cd")
    name: str = kis("prdt_name")
    short_name: str = kis("prdt_abrv_name", required=False)
    name120: str = kis("prdt_name120", required=False)
    english_name: str = kis("prdt_eng_name", required=False)
    english_short_name: str = kis("prdt_eng_abrv_name", required=False)
    isin: str = kis("std_pdno", required=False)
    short_code: str = kis("shtn_pdno", required=False)
    class_code: str = kis("prdt_clsf_cd", required=False)
    class_name: str = kis("prdt_clsf_name", required=False)
    investment_type: str = kis("ivst_prdt_type_cd", required=False)
    investment_type_name: str = kis("ivst_prdt_type_cd_name", required=False)


@dataclass(frozen=True, slots=True)
class StockInfo:
    """search-stock-info (CTPF1002R, real-only) ``output``: market, kind and listing facts."""

    code: str = kis("pdno")  # may come back in the 12-char form 00000A005930
    name: str = kis("prdt_name")
    short_name: str = kis("prdt_abrv_name", required=False)
    english_name: str = kis("prdt_eng_name", required=False)
    isin: str = kis("std_pdno", required=False)
    market_id: str = kis("mket_id_cd")  # STK KOSPI, KSQ KOSDAQ, KNX KONEX
    security_group: str = kis("scty_grp_id_cd")  # ST share, EF ETF, EN ETN, EW ELW …
    exchange_code: str = kis("excg_dvsn_cd", required=False)
    stock_kind: str = kis("stck_kind_cd", required=False)  # 101 common, 2xx preferred
    kospi200: bool = kis("kospi200_item_yn", required=False)
    listed_shares: Decimal = kis("lstg_stqt", required=False)
    par_value: Decimal | None = kis("papr", required=False)
    halted: bool = kis("tr_stop_yn", required=False)
    administrative: bool = kis("admn_item_yn", required=False)
    delisted_on: dt.date | None = kis("lstg_abol_dt", required=False)
    nxt_tradable: bool = kis("cptt_trad_tr_psbl_yn", required=False)  # newer field
    today_close: Decimal | None = kis("thdt_clpr", required=False)
    prev_close: Decimal | None = kis("bfdy_clpr", required=False)
    sector_large: str = kis("idx_bztp_lcls_cd_name", required=False)
    sector_medium: str = kis("idx_bztp_mcls_cd_name", required=False)

    @property
    def market(self) -> str:
        return {"STK": "KOSPI", "KSQ": "KOSDAQ", "KNX": "KONEX"}.get(self.market_id, "")


# ---------------------------------------------------------------------------------------------
# Domestic account
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DomesticHolding:
    """inquire-balance (TTTC8434R) ``output1`` row."""

    code: str = kis("pdno")
    name: str = kis("prdt_name")
    quantity: Decimal = kis("hldg_qty")
    orderable_qty: Decimal = kis("ord_psbl_qty")
    avg_price: Decimal = kis("pchs_avg_pric")
    price: Decimal = kis("prpr")
    change: Decimal = kis("bfdy_cprs_icdc")
    change_rate: Decimal = kis("fltt_rt")
    purchase_amount: Decimal = kis("pchs_amt")
    eval_amount: Decimal = kis("evlu_amt")
    pnl: Decimal = kis("evlu_pfls_amt")
    pnl_rate: Decimal = kis("evlu_pfls_rt")
    trade_type: str = kis("trad_dvsn_name", required=False)  # 현금 / 자기융자 …
    prev_buy_qty: Decimal = kis("bfdy_buy_qty", required=False)
    prev_sell_qty: Decimal = kis("bfdy_sll_qty", required=False)
    today_buy_qty: Decimal = kis("thdt_buyqty", required=False)  # sic: no underscore
    today_sell_qty: Decimal = kis("thdt_sll_qty", required=False)
    loan_date: dt.date | None = kis("loan_dt", required=False)
    loan_amount: Decimal = kis("loan_amt", required=False)
    margin_rate_name: str = kis("item_mgna_rt_name", required=False)
    collateral_price: Decimal | None = kis("sbst_pric", required=False)


@dataclass(frozen=True, slots=True)
class DomesticBalanceSummary:
    """inquire-balance ``output2`` (an array holding one object)."""

    deposit: Decimal = kis("dnca_tot_amt")
    deposit_d1: Decimal = kis("nxdy_excc_amt")
    deposit_d2: Decimal = kis("prvs_rcdl_excc_amt")
    securities_eval: Decimal = kis("scts_evlu_amt")
    total_eval: Decimal = kis("tot_evlu_amt")
    net_assets: Decimal = kis("nass_amt")
    purchase_total: Decimal = kis("pchs_amt_smtl_amt")
    eval_total: Decimal = kis("evlu_amt_smtl_amt")
    pnl_total: Decimal = kis("evlu_pfls_smtl_amt")
    prev_total_assets: Decimal = kis("bfdy_tot_asst_evlu_amt", required=False)
    asset_change: Decimal = kis("asst_icdc_amt", required=False)
    today_buy_amount: Decimal = kis("thdt_buy_amt", required=False)
    today_sell_amount: Decimal = kis("thdt_sll_amt", required=False)
    today_costs: Decimal = kis("thdt_tlex_amt", required=False)
    cma_eval: Decimal = kis("cma_evlu_amt", required=False)
    total_loan: Decimal = kis("tot_loan_amt", required=False)


@dataclass(frozen=True, slots=True)
class DomesticBalance:
    holdings: list[DomesticHolding]
    summary: DomesticBalanceSummary
    pages: int = 1


@dataclass(frozen=True, slots=True)
class BuyingPower:
    """inquire-psbl-order (TTTC8908R) ``output``."""

    orderable_cash: Decimal = kis("ord_psbl_cash")
    no_receivable_amount: Decimal = kis("nrcvb_buy_amt")  # without creating a receivable (미수)
    no_receivable_qty: Decimal = kis("nrcvb_buy_qty")
    max_amount: Decimal = kis("max_buy_amt")  # including a receivable
    max_qty: Decimal = kis("max_buy_qty")
    calc_price: Decimal = kis("psbl_qty_calc_unpr", required=False)
    orderable_collateral: Decimal = kis("ord_psbl_sbst", required=False)
    reusable_amount: Decimal = kis("ruse_psbl_amt", required=False)
    cma_eval: Decimal = kis("cma_evlu_amt", required=False)


@dataclass(frozen=True, slots=True)
class SellableQuantity:
    """inquire-psbl-sell (TTTC8408R, real-only) ``output``."""

    code: str = kis("pdno")
    name: str = kis("prdt_name", required=False)
    orderable_qty: Decimal = kis("ord_psbl_qty")
    balance_qty: Decimal = kis("cblc_qty", required=False)
    buy_qty: Decimal = kis("buy_qty", required=False)
    sell_qty: Decimal = kis("sll_qty", required=False)
    avg_price: Decimal = kis("pchs_avg_pric", required=False)
    purchase_amount: Decimal = kis("pchs_amt", required=False)
    price: Decimal = kis("now_pric", required=False)
    eval_amount: Decimal = kis("evlu_amt", required=False)
    pnl: Decimal = kis("evlu_pfls_amt", required=False)
    pnl_rate: Decimal = kis("evlu_pfls_rt", required=False)


# ---------------------------------------------------------------------------------------------
# Domestic orders
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrderAck:
    """order-cash / order-rvsecncl ``output`` (UPPER-CASE keys on the wire)."""

    branch: str = kis("KRX_FWDG_ORD_ORGNO")  # needed to modify/cancel
    order_no: str = kis("ODNO")  # for a modify/cancel: the number of the new order
    time: dt.time | None = kis("ORD_TMD")
    msg_cd: str = local("")
    message: str = local("")


@dataclass(frozen=True, slots=True)
class CancellableOrder:
    """inquire-psbl-rvsecncl (TTTC0084R, real-only) ``output`` row."""

    branch: str = kis("ord_gno_brno")
    order_no: str = kis("odno")
    original_order_no: str = kis("orgn_odno")
    code: str = kis("pdno")
    name: str = kis("prdt_name")
    side_code: str = kis("sll_buy_dvsn_cd")  # 01 sell, 02 buy
    quantity: Decimal = kis("ord_qty")
    price: Decimal = kis("ord_unpr")
    filled_qty: Decimal = kis("tot_ccld_qty")
    cancellable_qty: Decimal = kis("psbl_qty")
    order_time: dt.time | None = kis("ord_tmd", required=False)
    order_type: str = kis("ord_dvsn_cd", required=False)
    order_type_name: str = kis("ord_dvsn_name", required=False)
    filled_amount: Decimal = kis("tot_ccld_amt", required=False)
    modify_cancel_name: str = kis("rvse_cncl_dvsn_name", required=False)
    exchange: str = kis("excg_id_dvsn_cd", required=False)


@dataclass(frozen=True, slots=True)
class DailyExecution:
    """inquire-daily-ccld (TTTC0081R) ``output1`` row: one order and its fills."""

    order_date: dt.date | None = kis("ord_dt")
    branch: str = kis("ord_gno_brno")
    order_no: str = kis("odno")
    original_order_no: str = kis("orgn_odno")
    side_code: str = kis("sll_buy_dvsn_cd")  # 01 sell, 02 buy
    code: str = kis("pdno")
    name: str = kis("prdt_name")
    quantity: Decimal = kis("ord_qty")
    price: Decimal = kis("ord_unpr")
    order_time: dt.time | None = kis("ord_tmd")
    filled_qty: Decimal = kis("tot_ccld_qty")
    avg_fill_price: Decimal = kis("avg_prvs")
    filled_amount: Decimal = kis("tot_ccld_amt")
    cancelled: bool = kis("cncl_yn", required=False)
    order_type: str = kis("ord_dvsn_cd", required=False)
    order_type_name: str = kis("ord_dvsn_name", required=False)
    side_name: str = kis("sll_buy_dvsn_cd_name", required=False)
    remaining_qty: Decimal = kis("rmn_qty", required=False)
    rejected_qty: Decimal = kis("rjct_qty", required=False)
    cancel_confirmed_qty: Decimal = kis("cncl_cfrm_qty", required=False)
    exchange: str = kis("excg_id_dvsn_cd", required=False)


@dataclass(frozen=True, slots=True)
class DailyExecutionSummary:
    """inquire-daily-ccld ``output2`` (an object)."""

    ordered_qty: Decimal = kis("tot_ord_qty", required=False)
    filled_qty: Decimal = kis("tot_ccld_qty", required=False)
    filled_amount: Decimal = kis("tot_ccld_amt", required=False)
    estimated_costs: Decimal = kis("prsm_tlex_smtl", required=False)
    avg_price: Decimal = kis("pchs_avg_pric", required=False)


@dataclass(frozen=True, slots=True)
class DailyExecutions:
    rows: list[DailyExecution]
    summary: DailyExecutionSummary
    pages: int = 1


# ---------------------------------------------------------------------------------------------
# Overseas
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OverseasHolding:
    """overseas inquire-balance (TTTS3012R) ``output1`` row (seed 000). Amounts in the
    trading currency."""

    code: str = kis("ovrs_pdno")
    name: str = kis("ovrs_item_name")
    quantity: Decimal = kis("ovrs_cblc_qty")
    orderable_qty: Decimal = kis("ord_psbl_qty")
    avg_price: Decimal = kis("pchs_avg_pric")
    price: Decimal = kis("now_pric2")
    purchase_amount: Decimal = kis("frcr_pchs_amt1")
    eval_amount: Decimal = kis("ovrs_stck_evlu_amt")
    pnl: Decimal = kis("frcr_evlu_pfls_amt")
    pnl_rate: Decimal = kis("evlu_pfls_rt")
    currency: str = kis("tr_crcy_cd")
    exchange: str = kis("ovrs_excg_cd")
    product_type: str = kis("prdt_type_cd", required=False)
    loan_type: str = kis("loan_type_cd", required=False)
    loan_date: dt.date | None = kis("loan_dt", required=False)
    expiry_date: dt.date | None = kis("expd_dt", required=False)


@dataclass(frozen=True, slots=True)
class OverseasBalanceSummary:
    """overseas inquire-balance ``output2`` (an object).

    KIS quirk (doc example): ``tot_evlu_pfls_amt`` carries the total *valuation* and
    ``ovrs_tot_pfls`` the total P&L; the names below follow the KIS labels, the UI should
    compute its own totals from the holdings.
    """

    purchase_total: Decimal = kis("frcr_pchs_amt1")
    realized_pnl: Decimal = kis("ovrs_rlzt_pfls_amt")
    total_pnl: Decimal = kis("ovrs_tot_pfls")
    realized_rate: Decimal = kis("rlzt_erng_rt")
    total_eval_pnl: Decimal = kis("tot_evlu_pfls_amt")
    total_return_rate: Decimal = kis("tot_pftrt")
    buy_total1: Decimal = kis("frcr_buy_amt_smtl1", required=False)
    realized_pnl2: Decimal = kis("ovrs_rlzt_pfls_amt2", required=False)
    buy_total2: Decimal = kis("frcr_buy_amt_smtl2", required=False)


@dataclass(frozen=True, slots=True)
class OverseasBalance:
    holdings: list[OverseasHolding]
    summary: OverseasBalanceSummary
    exchange: str = ""
    currency: str = ""
    pages: int = 1


@dataclass(frozen=True, slots=True)
class OverseasPresentHolding:
    """inquire-present-balance (CTRP6504R) ``output1`` row (settlement basis)."""

    code: str = kis("pdno")
    name: str = kis("prdt_name")
    quantity: Decimal = kis("cblc_qty13")
    orderable_qty: Decimal = kis("ord_psbl_qty1")
    avg_price: Decimal = kis("avg_unpr3")
    price: Decimal = kis("ovrs_now_pric1")
    purchase_amount: Decimal = kis("frcr_pchs_amt")
    eval_amount: Decimal = kis("frcr_evlu_amt2")
    pnl: Decimal = kis("evlu_pfls_amt2")
    pnl_rate: Decimal = kis("evlu_pfls_rt1")
    currency: str = kis("buy_crcy_cd")
    exchange_rate: Decimal = kis("bass_exrt", required=False)
    exchange: str = kis("ovrs_excg_cd", required=False)
    market_name: str = kis("tr_mket_name", required=False)
    country_name: str = kis("natn_kor_name", required=False)
    isin: str = kis("std_pdno", required=False)
    product_type: str = kis("prdt_type_cd", required=False)
    unit_amount: Decimal = kis("unit_amt", required=False)
    today_buy_qty: Decimal = kis("thdt_buy_ccld_qty1", required=False)
    today_sell_qty: Decimal = kis("thdt_sll_ccld_qty1", required=False)


@dataclass(frozen=True, slots=True)
class OverseasCurrencyBalance:
    """inquire-present-balance ``output2`` row (one per currency)."""

    currency: str = kis("crcy_cd")
    currency_name: str = kis("crcy_cd_name", required=False)
    deposit: Decimal = kis("frcr_dncl_amt_2")
    buy_total: Decimal = kis("frcr_buy_amt_smtl", required=False)
    sell_total: Decimal = kis("frcr_sll_amt_smtl", required=False)
    exchange_rate: Decimal = kis("frst_bltn_exrt", required=False)
    withdrawable: Decimal = kis("frcr_drwg_psbl_amt_1", required=False)
    eval_amount: Decimal = kis("frcr_evlu_amt2", required=False)


@dataclass(frozen=True, slots=True)
class OverseasPresentTotals:
    """inquire-present-balance ``output3`` (totals in KRW; the only part paper fills)."""

    purchase_total: Decimal = kis("pchs_amt_smtl")
    eval_total: Decimal = kis("evlu_amt_smtl")
    pnl_total: Decimal = kis("evlu_pfls_amt_smtl")
    deposit: Decimal = kis("dncl_amt", required=False)
    total_deposit: Decimal = kis("tot_dncl_amt", required=False)
    withdrawable: Decimal = kis("wdrw_psbl_tot_amt", required=False)
    fx_eval_total: Decimal = kis("frcr_evlu_tota", required=False)
    return_rate: Decimal = kis("evlu_erng_rt1", required=False)
    total_eval_pnl: Decimal = kis("tot_evlu_pfls_amt", required=False)
    total_assets: Decimal = kis("tot_asst_amt", required=False)
    fx_usable: Decimal = kis("frcr_use_psbl_amt", required=False)
    total_loan: Decimal = kis("tot_loan_amt", required=False)


@dataclass(frozen=True, slots=True)
class OverseasPresentBalance:
    holdings: list[OverseasPresentHolding]
    currencies: list[OverseasCurrencyBalance]
    totals: OverseasPresentTotals | None


@dataclass(frozen=True, slots=True)
class OverseasQuote:
    """overseas price (HHDFS00000300) ``output``."""

    price: Decimal | None = kis("last")  # empty when the symbol is unknown
    base: Decimal | None = kis("base")  # previous close
    change: Decimal | None = kis("diff")
    change_rate: Decimal | None = kis("rate")
    sign: str = kis("sign")
    volume: Decimal | None = kis("tvol")
    trade_value: Decimal | None = kis("tamt", required=False)
    prev_volume: Decimal | None = kis("pvol", required=False)
    decimals: int | None = kis("zdiv", required=False)
    realtime_key: str = kis("rsym", required=False)
    orderable: str = kis("ordy", required=False)
    code: str = local("")
    exchange: str = local("")


@dataclass(frozen=True, slots=True)
class OverseasPriceDetail:
    """price-detail (HHDFS76200200, real-only) ``output``: lot size, tick and decimals."""

    price: Decimal | None = kis("last")  # empty when the symbol is unknown
    open: Decimal | None = kis("open", required=False)
    high: Decimal | None = kis("high", required=False)
    low: Decimal | None = kis("low", required=False)
    base: Decimal | None = kis("base")  # previous close
    volume: Decimal | None = kis("tvol", required=False)
    trade_value: Decimal | None = kis("tamt", required=False)
    upper: Decimal | None = kis("uplp", required=False)  # 0 where there is no limit (US)
    lower: Decimal | None = kis("dnlp", required=False)
    w52_high: Decimal | None = kis("h52p", required=False)
    w52_low: Decimal | None = kis("l52p", required=False)
    per: Decimal | None = kis("perx", required=False)
    pbr: Decimal | None = kis("pbrx", required=False)
    eps: Decimal | None = kis("epsx", required=False)
    bps: Decimal | None = kis("bpsx", required=False)
    shares: Decimal | None = kis("shar", required=False)
    market_cap: Decimal | None = kis("tomv", required=False)  # local currency
    currency: str = kis("curr")
    decimals: int | None = kis("zdiv")
    tick: Decimal | None = kis("e_hogau")
    lot_size: Decimal | None = kis("vnit")
    tradable_text: str = kis("e_ordyn", required=False)  # "매매 가능" when tradable
    sector_name: str = kis("e_icod", required=False)
    krw_price: Decimal | None = kis("t_xprc", required=False)
    fx_rate: Decimal | None = kis("t_rate", required=False)
    realtime_key: str = kis("rsym", required=False)
    code: str = local("")
    exchange: str = local("")


@dataclass(frozen=True, slots=True)
class OverseasOpenOrder:
    """inquire-nccs (TTTS3018R real, VTTS3018R paper) ``output`` row."""

    order_date: dt.date | None = kis("ord_dt")
    branch: str = kis("ord_gno_brno")
    order_no: str = kis("odno")
    original_order_no: str = kis("orgn_odno", required=False)
    code: str = kis("pdno")
    name: str = kis("prdt_name", required=False)
    side_code: str = kis("sll_buy_dvsn_cd")  # 01 sell, 02 buy
    order_time: dt.time | None = kis("ord_tmd", required=False)
    quantity: Decimal = kis("ft_ord_qty")
    filled_qty: Decimal = kis("ft_ccld_qty")
    open_qty: Decimal = kis("nccs_qty")
    price: Decimal = kis("ft_ord_unpr3")
    fill_price: Decimal | None = kis("ft_ccld_unpr3", required=False)
    filled_amount: Decimal | None = kis("ft_ccld_amt3", required=False)
    currency: str = kis("tr_crcy_cd", required=False)
    exchange: str = kis("ovrs_excg_cd")
    status_name: str = kis("prcs_stat_name", required=False)


@dataclass(frozen=True, slots=True)
class OverseasBuyingPower:
    """inquire-psamount (TTTS3007R, real-only: seed 004) ``output`` (endpoints.md O8).

    ``amount``/``max_qty`` are the foreign-currency-only figures (the app's "외화" mode, what
    python-kis reads); ``integrated_*`` the integrated-margin ones (KRW may pay). Neither
    quantity is rounded to the lot: round down before ordering."""

    currency: str = kis("tr_crcy_cd")
    orderable_fx: Decimal = kis("ord_psbl_frcr_amt")
    amount: Decimal = kis("ovrs_ord_psbl_amt")
    max_qty: Decimal = kis("max_ord_psbl_qty")
    integrated_amount: Decimal = kis("frcr_ord_psbl_amt1", required=False)
    integrated_max_qty: Decimal = kis("ovrs_max_ord_psbl_qty", required=False)
    orderable_qty: Decimal = kis("ord_psbl_qty", required=False)
    reusable_sale: Decimal = kis("sll_ruse_psbl_amt", required=False)
    fx_rate: Decimal | None = kis("exrt", required=False)  # KRW per unit
    code: str = local("")
    exchange: str = local("")
    price: Decimal | None = local(None)  # the OVRS_ORD_UNPR it was asked at


@dataclass(frozen=True, slots=True)
class OverseasOrderRow:
    """inquire-ccnl (TTTS3035R / VTTS3035R) ``output`` row: one order line (new, modify or
    cancel) with its fills (endpoints.md O9). ``order_date``/``order_time`` are the exchange's
    local date and time; ``kst_date``/``kst_time`` the Korean ones."""

    order_date: dt.date | None = kis("ord_dt")
    branch: str = kis("ord_gno_brno")
    order_no: str = kis("odno")
    original_order_no: str = kis("orgn_odno", required=False)
    side_code: str = kis("sll_buy_dvsn_cd")  # 01 sell, 02 buy
    side_name: str = kis("sll_buy_dvsn_cd_name", required=False)
    modify_cancel_code: str = kis("rvse_cncl_dvsn", required=False)  # 01 modify, 02 cancel
    modify_cancel_name: str = kis("rvse_cncl_dvsn_name", required=False)
    code: str = kis("pdno")
    name: str = kis("prdt_name", required=False)
    quantity: Decimal = kis("ft_ord_qty")
    price: Decimal = kis("ft_ord_unpr3")
    filled_qty: Decimal = kis("ft_ccld_qty")
    fill_price: Decimal = kis("ft_ccld_unpr3", required=False)
    filled_amount: Decimal = kis("ft_ccld_amt3", required=False)
    remaining_qty: Decimal = kis("nccs_qty")
    status_name: str = kis("prcs_stat_name", required=False)  # 완료 / 거부 / 전송
    reject_reason: str = kis("rjct_rson_name", required=False)
    order_time: dt.time | None = kis("ord_tmd", required=False)
    market_name: str = kis("tr_mket_name", required=False)
    exchange: str = kis("ovrs_excg_cd", required=False)
    currency: str = kis("tr_crcy_cd", required=False)
    kst_date: dt.date | None = kis("dmst_ord_dt", required=False)
    kst_time: dt.time | None = kis("thco_ord_tmd", required=False)
    channel: str = kis("mdia_dvsn_name", required=False)

    @property
    def cancelled(self) -> bool:
        """A cancel line (``rvse_cncl_dvsn`` 02)."""
        return self.modify_cancel_code == "02"

    @property
    def order_type(self) -> str:
        """O9 carries no ORD_DVSN."""
        return ""


# ---------------------------------------------------------------------------------------------
# Rankings (real-only, 30 rows, no next page)
# ---------------------------------------------------------------------------------------------


class CreditSort(StrEnum):
    """FID_RANK_SORT_CLS_CODE of the credit-balance ranking (seed 002): all ten codes."""

    LOAN_RATIO = "0"  # 융자 잔고비율 상위
    LOAN_QTY = "1"  # 융자 잔고수량 상위
    LOAN_AMOUNT = "2"  # 융자 잔고금액 상위
    LOAN_RATIO_INCREASE = "3"  # 융자 잔고비율 증가상위
    LOAN_RATIO_DECREASE = "4"  # 융자 잔고비율 감소상위
    SHORT_RATIO = "5"  # 대주 잔고비율 상위
    SHORT_QTY = "6"  # 대주 잔고수량 상위
    SHORT_AMOUNT = "7"  # 대주 잔고금액 상위
    SHORT_RATIO_INCREASE = "8"  # 대주 잔고비율 증가상위
    SHORT_RATIO_DECREASE = "9"  # 대주 잔고비율 감소상위


@dataclass(frozen=True, slots=True)
class CreditBalanceHeader:
    """credit-balance ``output1`` (header row)."""

    sector_code: str = kis("bstp_cls_code", required=False)
    sector_name: str = kis("hts_kor_isnm", required=False)
    date_from: dt.date | None = kis("stnd_date1", required=False)
    date_to: dt.date | None = kis("stnd_date2", required=False)


@dataclass(frozen=True, slots=True)
class CreditBalanceRow:
    """credit-balance (FHKST17010000) ``output2`` row (seed 002)."""

    code: str = kis("mksc_shrn_iscd")
    name: str = kis("hts_kor_isnm")
    price: Decimal = kis("stck_prpr")
    change: Decimal = kis("prdy_vrss")
    sign: str = kis("prdy_vrss_sign")
    change_rate: Decimal = kis("prdy_ctrt")
    volume: Decimal = kis("acml_vol")
    loan_shares: Decimal = kis("whol_loan_rmnd_stcn")
    loan_amount: Decimal = kis("whol_loan_rmnd_amt")  # unit undocumented (10 000 KRW?)
    loan_rate: Decimal = kis("whol_loan_rmnd_rate")
    short_shares: Decimal = kis("whol_stln_rmnd_stcn")
    short_amount: Decimal = kis("whol_stln_rmnd_amt")
    short_rate: Decimal = kis("whol_stln_rmnd_rate")
    loan_increase_rate: Decimal = kis("nday_vrss_loan_rmnd_inrt")
    short_increase_rate: Decimal = kis("nday_vrss_stln_rmnd_inrt")


@dataclass(frozen=True, slots=True)
class CreditBalanceRanking:
    header: CreditBalanceHeader | None
    rows: list[CreditBalanceRow]
    sort: CreditSort = CreditSort.LOAN_RATIO


@dataclass(frozen=True, slots=True)
class VolumeRankRow:
    """volume-rank (FHPST01710000) ``output`` row."""

    code: str = kis("mksc_shrn_iscd")
    name: str = kis("hts_kor_isnm")
    rank: int = kis("data_rank")
    price: Decimal = kis("stck_prpr")
    sign: str = kis("prdy_vrss_sign")
    change: Decimal = kis("prdy_vrss")
    change_rate: Decimal = kis("prdy_ctrt")
    volume: Decimal = kis("acml_vol")
    prev_volume: Decimal = kis("prdy_vol", required=False)
    listed_shares: Decimal = kis("lstn_stcn", required=False)
    avg_volume: Decimal = kis("avrg_vol", required=False)
    volume_increase_rate: Decimal = kis("vol_inrt", required=False)
    turnover_rate: Decimal = kis("vol_tnrt", required=False)
    avg_trade_value: Decimal = kis("avrg_tr_pbmn", required=False)
    trade_value: Decimal = kis("acml_tr_pbmn", required=False)


@dataclass(frozen=True, slots=True)
class FluctuationRankRow:
    """fluctuation (FHPST01700000) ``output`` row."""

    code: str = kis("stck_shrn_iscd")
    name: str = kis("hts_kor_isnm")
    rank: int = kis("data_rank")
    price: Decimal = kis("stck_prpr")
    change: Decimal = kis("prdy_vrss")
    sign: str = kis("prdy_vrss_sign")
    change_rate: Decimal = kis("prdy_ctrt")
    volume: Decimal = kis("acml_vol")
    high: Decimal | None = kis("stck_hgpr", required=False)
    low: Decimal | None = kis("stck_lwpr", required=False)
    open_change: Decimal | None = kis("oprc_vrss_prpr", required=False)
    open_change_rate: Decimal | None = kis("oprc_vrss_prpr_rate", required=False)
    low_change_rate: Decimal | None = kis("lwpr_vrss_prpr_rate", required=False)
    high_change_rate: Decimal | None = kis("hgpr_vrss_prpr_rate", required=False)
    up_days: int | None = kis("cnnt_ascn_dynu", required=False)
    down_days: int | None = kis("cnnt_down_dynu", required=False)
    period_change_rate: Decimal | None = kis("prd_rsfl_rate", required=False)


@dataclass(frozen=True, slots=True)
class MarketCapRankRow:
    """market-cap (FHPST01740000) ``output`` row."""

    code: str = kis("mksc_shrn_iscd")
    name: str = kis("hts_kor_isnm")
    rank: int = kis("data_rank")
    price: Decimal = kis("stck_prpr")
    change: Decimal = kis("prdy_vrss")
    sign: str = kis("prdy_vrss_sign")
    change_rate: Decimal = kis("prdy_ctrt")
    volume: Decimal = kis("acml_vol")
    listed_shares: Decimal = kis("lstn_stcn", required=False)
    market_cap: Decimal = kis("stck_avls")  # KRW 100M units (억)
    market_share: Decimal | None = kis("mrkt_whol_avls_rlim", required=False)


# Grouping helper for documentation tools: every record type of this module.
ALL_RECORDS: tuple[type, ...] = (
    DomesticQuote,
    DailyBar,
    DailyChartHeader,
    ProductInfo,
    DomesticHolding,
    DomesticBalanceSummary,
    BuyingPower,
    SellableQuantity,
    OrderAck,
    CancellableOrder,
    DailyExecution,
    DailyExecutionSummary,
    OverseasHolding,
    OverseasBalanceSummary,
    OverseasPresentHolding,
    OverseasCurrencyBalance,
    OverseasPresentTotals,
    OverseasQuote,
    OverseasPriceDetail,
    OverseasOpenOrder,
    OverseasBuyingPower,
    OverseasOrderRow,
    StockInfo,
    CreditBalanceHeader,
    CreditBalanceRow,
    VolumeRankRow,
    FluctuationRankRow,
    MarketCapRankRow,
)
