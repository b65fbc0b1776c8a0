"""Domestic stock endpoints: quotations (price, daily chart, product info) and account inquiries."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from .accounts import Account, Holding
from .api import ApiRequest, ApiSpec, resolve_account
from .envelope import Reply, field_error, s_dec, s_int, s_rate
from .market import DomesticQuote, domestic_tick
from .paging import paginate

if TYPE_CHECKING:
    from .world import SimWorld

BALANCE_PAGE = {"real": 50, "paper": 20}


def quote_or_error(world: SimWorld, code: str, field: str = "FID_INPUT_ISCD") -> DomesticQuote:
    q = world.market.domestic(code.strip())
    if q is None:
        raise field_error(field)
    return q


def _sbst(q: DomesticQuote) -> Decimal:
    """Collateral (대용) price: 70% of the base price, in whole won."""
    return (q.base * Decimal("0.7")).to_integral_value(rounding=ROUND_FLOOR)


def _ratio(num: Decimal, den: Decimal, places: int = 2) -> str:
    return s_rate(num, den, places)


# ---- D1 inquire-price ---------------------------------------------------------------------------


def price_output(world: SimWorld, q: DomesticQuote) -> dict[str, str]:
    ex = q.extras
    listed = Decimal(q.listed)
    eps = Decimal(ex["eps"])
    bps = Decimal(ex["bps"])
    par = Decimal(ex["par"])
    w52h, w52l = Decimal(ex["w52_hgpr"]), Decimal(ex["w52_lwpr"])
    cpfn = (listed * par / Decimal(100_000_000)).to_integral_value()
    vwap = q.value / q.volume if q.volume else q.price
    frgn = Decimal(ex["frgn_ehrt"])
    market = q.listing.market
    return {
        "iscd_stat_cls_code": "55",
        "marg_rate": "20.00",
        "rprs_mrkt_kor_name": "KOSPI200" if q.code in _KOSPI200 else market,
        "new_hgpr_lwpr_cls_code": "",
        "bstp_kor_isnm": str(ex["sector"]),
        "temp_stop_yn": "N",
        "oprc_rang_cont_yn": "N",
        "clpr_rang_cont_yn": "N",
        "crdt_able_yn": "Y",
        "grmn_rate_cls_code": "40",
        "elw_pblc_yn": "Y" if q.code in _KOSPI200 else "N",
        "stck_prpr": s_int(q.price),
        "prdy_vrss": s_int(q.change),
        "prdy_vrss_sign": q.sign(),
        "prdy_ctrt": _ratio(q.change, q.base),
        "acml_tr_pbmn": s_int(q.value),
        "acml_vol": str(q.volume),
        "prdy_vrss_vol_rate": _ratio(Decimal(q.volume), Decimal(q.prev_volume)),
        "stck_oprc": s_int(q.open),
        "stck_hgpr": s_int(q.high),
        "stck_lwpr": s_int(q.low),
        "stck_mxpr": s_int(q.upper),
        "stck_llam": s_int(q.lower),
        "stck_sdpr": s_int(q.base),
        "wghn_avrg_stck_prc": s_dec(vwap, 2),
        "hts_frgn_ehrt": s_dec(frgn, 2),
        "frgn_ntby_qty": str(ex["frgn_ntby"]),
        "pgtr_ntby_qty": str(ex["pgtr_ntby"]),
        "pvt_scnd_dmrs_prc": s_int(q.base * Decimal("1.04")),
        "pvt_frst_dmrs_prc": s_int(q.base * Decimal("1.02")),
        "pvt_pont_val": s_int(q.base),
        "pvt_frst_dmsp_prc": s_int(q.base * Decimal("0.98")),
        "pvt_scnd_dmsp_prc": s_int(q.base * Decimal("0.96")),
        "dmrs_val": s_int(q.base * Decimal("1.01")),
        "dmsp_val": s_int(q.base * Decimal("0.99")),
        "cpfn": s_int(cpfn),
        "rstc_wdth_prc": s_int(q.upper - q.base),
        "stck_fcam": s_int(par),
        "stck_sspr": s_int(_sbst(q)),
        "aspr_unit": s_int(domestic_tick(q)),
        "hts_deal_qty_unit_val": "1",
        "lstn_stcn": str(q.listed),
        "hts_avls": s_int(q.price * listed / Decimal(100_000_000)),
        "per": s_dec(q.price / eps, 2) if eps else "0.00",
        "pbr": s_dec(q.price / bps, 2) if bps else "0.00",
        "stac_month": "12",
        "vol_tnrt": s_dec(Decimal(q.volume) * 100 / listed, 2),
        "eps": s_dec(eps, 2),
        "bps": s_dec(bps, 2),
        "d250_hgpr": s_int(w52h),
        "d250_hgpr_date": str(ex["w52_hgpr_date"]),
        "d250_hgpr_vrss_prpr_rate": _ratio(q.price - w52h, w52h),
        "d250_lwpr": s_int(w52l),
        "d250_lwpr_date": str(ex["w52_lwpr_date"]),
        "d250_lwpr_vrss_prpr_rate": _ratio(q.price - w52l, w52l),
        "stck_dryy_hgpr": s_int(max(w52h, q.high)),
        "dryy_hgpr_vrss_prpr_rate": _ratio(q.price - max(w52h, q.high), max(w52h, q.high)),
        "dryy_hgpr_date": str(ex["w52_hgpr_date"]),
        "stck_dryy_lwpr": s_int(min(w52l, q.low)),
        "dryy_lwpr_vrss_prpr_rate": _ratio(q.price - min(w52l, q.low), min(w52l, q.low)),
        "dryy_lwpr_date": str(ex["w52_lwpr_date"]),
        "w52_hgpr": s_int(w52h),
        "w52_hgpr_vrss_prpr_ctrt": _ratio(q.price - w52h, w52h),
        "w52_hgpr_date": str(ex["w52_hgpr_date"]),
        "w52_lwpr": s_int(w52l),
        "w52_lwpr_vrss_prpr_ctrt": _ratio(q.price - w52l, w52l),
        "w52_lwpr_date": str(ex["w52_lwpr_date"]),
        "whol_loan_rmnd_rate": s_dec(Decimal(ex["loan_rate"]), 2),
        "ssts_yn": "Y",
        "stck_shrn_iscd": q.code,
        "fcam_cnnm": s_int(par),
        "cpfn_cnnm": f"{int(cpfn):,} 억",
        "apprch_rate": "0.00",
        "frgn_hldn_qty": s_int(listed * frgn / 100),
        "vi_cls_code": "N",
        "ovtm_vi_cls_code": "N",
        "last_ssts_cntg_qty": str(q.prev_volume // 100),
        "invt_caful_yn": "N",
        "mrkt_warn_cls_code": "00",
        "short_over_yn": "N",
        "sltr_yn": "N",
        "mang_issu_cls_code": "N",
    }


_KOSPI200 = frozenset(
    [
        "005930",
        "000660",
        "373220",
        "207940",
        "005380",
        "000270",
        "068270",
        "035420",
        "035720",
        "005490",
        "051910",
        "006400",
        "105560",
        "055550",
        "012330",
        "003550",
        "017670",
        "030200",
        "066570",
        "034730",
        "015760",
        "033780",
        "316140",
    ]
)


def inquire_price(world: SimWorld, req: ApiRequest) -> Reply:
    mrkt = req.get("FID_COND_MRKT_DIV_CODE").strip().upper()
    if mrkt not in ("J", "NX", "UN"):
        raise field_error("FID_COND_MRKT_DIV_CODE")
    q = quote_or_error(world, req.get("FID_INPUT_ISCD"))
    return Reply({"output": price_output(world, q)}, msg_cd="MCA00000")


# ---- D2 inquire-balance -------------------------------------------------------------------------


def holding_row(world: SimWorld, acct: Account, h: Holding) -> dict[str, str]:
    q = world.market.domestic(h.code)
    assert q is not None
    pchs = Decimal(s_int(h.cost))
    evlu = q.price * h.qty
    pfls = evlu - pchs
    return {
        "pdno": h.code,
        "prdt_name": q.listing.name,
        "trad_dvsn_name": "현금",
        "bfdy_buy_qty": str(h.bfdy_buy_qty),
        "bfdy_sll_qty": str(h.bfdy_sll_qty),
        "thdt_buyqty": str(h.today_buy_qty),
        "thdt_sll_qty": str(h.today_sell_qty),
        "hldg_qty": str(h.qty),
        "ord_psbl_qty": str(world.orders.sellable(acct, h.code)),
        "pchs_avg_pric": s_dec(h.cost / h.qty if h.qty else Decimal(0), 4),
        "pchs_amt": s_int(pchs),
        "prpr": s_int(q.price),
        "evlu_amt": s_int(evlu),
        "evlu_pfls_amt": s_int(pfls),
        "evlu_pfls_rt": s_rate(pfls, pchs, 2),
        "evlu_erng_rt": "0.00000000",
        "loan_dt": "",
        "loan_amt": "0",
        "stln_slng_chgs": "0",
        "expd_dt": "",
        "fltt_rt": s_rate(q.change, q.base, 8),
        "bfdy_cprs_icdc": s_int(q.change),
        "item_mgna_rt_name": "20%",
        "grta_rt_name": "",
        "sbst_pric": s_int(_sbst(q)),
        "stck_loan_unpr": "0.0000",
    }


def balance_rows(world: SimWorld, acct: Account) -> list[dict[str, str]]:
    return [
        holding_row(world, acct, h)
        for h in acct.holdings.values()
        if h.qty > 0 or h.today_buy_qty or h.today_sell_qty
    ]


def balance_summary(acct: Account, rows: list[dict[str, str]]) -> dict[str, str]:
    scts = sum((Decimal(r["evlu_amt"]) for r in rows), Decimal(0))
    pchs = sum((Decimal(r["pchs_amt"]) for r in rows), Decimal(0))
    pfls = sum((Decimal(r["evlu_pfls_amt"]) for r in rows), Decimal(0))
    total = scts + acct.d2_cash
    return {
        "dnca_tot_amt": s_int(acct.deposit),
        "nxdy_excc_amt": s_int(acct.deposit),
        "prvs_rcdl_excc_amt": s_int(acct.d2_cash),
        "cma_evlu_amt": "0",
        "bfdy_buy_amt": "0",
        "thdt_buy_amt": s_int(acct.today_buy_amt),
        "nxdy_auto_rdpt_amt": "0",
        "bfdy_sll_amt": "0",
        "thdt_sll_amt": s_int(acct.today_sell_amt),
        "d2_auto_rdpt_amt": "0",
        "bfdy_tlex_amt": "0",
        "thdt_tlex_amt": "0",
        "tot_loan_amt": "0",
        "scts_evlu_amt": s_int(scts),
        "tot_evlu_amt": s_int(total),
        "nass_amt": s_int(total),
        "fncg_gld_auto_rdpt_yn": "",
        "pchs_amt_smtl_amt": s_int(pchs),
        "evlu_amt_smtl_amt": s_int(scts),
        "evlu_pfls_smtl_amt": s_int(pfls),
        "tot_stln_slng_chgs": "0",
        "bfdy_tot_asst_evlu_amt": s_int(acct.prev_total),
        "asst_icdc_amt": s_int(total - acct.prev_total),
        "asst_icdc_erng_rt": "0.00000000",
    }


def inquire_balance(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    afhr = req.get("AFHR_FLPR_YN").strip().upper()
    if afhr not in ("N", "Y", "X"):
        raise field_error("AFHR_FLPR_YN")
    ofl = req.get("OFL_YN", required=False)
    inqr = req.get("INQR_DVSN")
    if inqr not in ("01", "02"):
        raise field_error("INQR_DVSN")
    unpr = req.get("UNPR_DVSN")
    fund = req.get("FUND_STTL_ICLD_YN")
    if fund not in ("N", "Y"):
        raise field_error("FUND_STTL_ICLD_YN")
    req.get("FNCG_AMT_AUTO_RDPT_YN")
    if req.get("PRCS_DVSN") not in ("00", "01"):
        raise field_error("PRCS_DVSN")
    rows = balance_rows(world, acct)
    fk = f"{acct.cano}^{acct.prdt}^{afhr}^{ofl.strip() or 'N'}^{inqr}^{unpr}^{fund}^"
    page = paginate(
        req, rows, size=BALANCE_PAGE[world.profile], width=100, fk=fk, owner=acct.cano + acct.prdt
    )
    body = {
        "ctx_area_fk100": page.fk,
        "ctx_area_nk100": page.nk,
        "output1": page.rows,
        "output2": [balance_summary(acct, rows)],
    }
    return Reply(body, msg_cd=page.msg_cd, tr_cont=page.tr_cont)


SPECS: list[ApiSpec] = [
    ApiSpec(
        "inquire-price",
        "GET",
        "/uapi/domestic-stock/v1/quotations/inquire-price",
        {"FHKST01010100": ""},
        {"FHKST01010100": ""},
        inquire_price,
    ),
    ApiSpec(
        "inquire-balance",
        "GET",
        "/uapi/domestic-stock/v1/trading/inquire-balance",
        {"TTTC8434R": ""},
        {"VTTC8434R": ""},
        inquire_balance,
    ),
]
