"""Domestic daily chart (D9) and product / stock basic info (D10 CTPF1604R, D11 CTPF1002R)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from kisdesk.domain.ticks import tick_size

from .api import ApiRequest, ApiSpec
from .endpoints_domestic import quote_or_error
from .envelope import KisError, Reply, field_error, s_int, s_rate
from .history import Bar
from .market import DomesticQuote
from .universe import EXCHANGES, Listing

if TYPE_CHECKING:
    from .world import SimWorld

MAX_BARS = 100


def _today_bar(world: SimWorld, q: DomesticQuote) -> Bar:
    return Bar(world.now().date(), q.open, q.high, q.low, q.price, q.volume)


def _group(bars: list[Bar], period: str) -> list[Bar]:
    if period == "D":
        return bars
    groups: dict[tuple[int, ...], list[Bar]] = {}
    for b in bars:
        if period == "W":
            iso = b.day.isocalendar()
            key: tuple[int, ...] = (iso[0], iso[1])
        elif period == "M":
            key = (b.day.year, b.day.month)
        else:
            key = (b.day.year,)
        groups.setdefault(key, []).append(b)
    return [
        Bar(
            g[-1].day,
            g[0].open,
            max(b.high for b in g),
            min(b.low for b in g),
            g[-1].close,
            sum(b.volume for b in g),
        )
        for g in groups.values()
    ]


def _date(text: str, name: str) -> date:
    text = text.strip()
    if len(text) == 8 and text.isdigit() and text.startswith("0000"):
        # python-kis asks for "the whole history" with 00000101 and KIS serves it.
        return date.min
    try:
        return datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        raise field_error(name) from None


def price_snapshot(q: DomesticQuote) -> dict[str, str]:
    """The day so far, as the chart TRs' ``output1`` opens (D9, D13, D14)."""
    return {
        "prdy_vrss": s_int(q.change),
        "prdy_vrss_sign": q.sign(),
        "prdy_ctrt": s_rate(q.change, q.base),
        "stck_prdy_clpr": s_int(q.base),
        "acml_vol": str(q.volume),
        "acml_tr_pbmn": s_int(q.value),
        "hts_kor_isnm": q.listing.name,
        "stck_prpr": s_int(q.price),
    }


def daily_chart(world: SimWorld, req: ApiRequest) -> Reply:
    mrkt = req.get("FID_COND_MRKT_DIV_CODE").strip().upper()
    if mrkt not in ("J", "NX", "UN"):
        raise field_error("FID_COND_MRKT_DIV_CODE")
    q = quote_or_error(world, req.get("FID_INPUT_ISCD"))
    start = _date(req.get("FID_INPUT_DATE_1"), "FID_INPUT_DATE_1")
    end = _date(req.get("FID_INPUT_DATE_2"), "FID_INPUT_DATE_2")
    period = req.get("FID_PERIOD_DIV_CODE").strip().upper()
    if period not in ("D", "W", "M", "Y"):
        raise field_error("FID_PERIOD_DIV_CODE")
    if req.get("FID_ORG_ADJ_PRC").strip() not in ("0", "1"):
        raise field_error("FID_ORG_ADJ_PRC")
    bars = [*world.history.bars(q, world.now().date()), _today_bar(world, q)]
    grouped = _group(bars, period)
    prev_close = {id(b): grouped[i - 1].close if i else b.open for i, b in enumerate(grouped)}
    chosen = [b for b in grouped if start <= b.day <= end][-MAX_BARS:]
    rows = []
    for b in reversed(chosen):
        pc = prev_close[id(b)]
        diff = b.close - pc
        rows.append(
            {
                "stck_bsop_date": b.day.strftime("%Y%m%d"),
                "stck_clpr": s_int(b.close),
                "stck_oprc": s_int(b.open),
                "stck_hgpr": s_int(b.high),
                "stck_lwpr": s_int(b.low),
                "acml_vol": str(b.volume),
                "acml_tr_pbmn": s_int(b.value),
                "flng_cls_code": "00",
                "prtt_rate": "0.00",
                "mod_yn": "N",
                "prdy_vrss_sign": "2" if diff > 0 else "5" if diff < 0 else "3",
                "prdy_vrss": s_int(diff),
                "revl_issu_reas": "",
            }
        )
    prev = bars[-2]
    ex = q.extras
    listed = Decimal(q.listed)
    eps, bps = Decimal(ex["eps"]), Decimal(ex["bps"])
    snapshot = {
        **price_snapshot(q),
        "stck_shrn_iscd": q.code,
        "prdy_vol": str(q.prev_volume),
        "stck_mxpr": s_int(q.upper),
        "stck_llam": s_int(q.lower),
        "stck_oprc": s_int(q.open),
        "stck_hgpr": s_int(q.high),
        "stck_lwpr": s_int(q.low),
        "stck_prdy_oprc": s_int(prev.open),
        "stck_prdy_hgpr": s_int(prev.high),
        "stck_prdy_lwpr": s_int(prev.low),
        "askp": s_int(min(q.upper, q.price + tick_size(q.price, q.tkind))),
        "bidp": s_int(q.price),
        "prdy_vrss_vol": str(q.volume - q.prev_volume),
        "vol_tnrt": s_rate(Decimal(q.volume), listed, 2),
        "stck_fcam": str(ex["par"]),
        "lstn_stcn": str(q.listed),
        "cpfn": s_int(listed * Decimal(ex["par"]) / 100_000_000),
        "hts_avls": s_int(q.price * listed / 100_000_000),
        "per": f"{q.price / eps:.2f}" if eps else "0.00",
        "eps": f"{eps:.2f}",
        "pbr": f"{q.price / bps:.2f}" if bps else "0.00",
        "itewhol_loan_rmnd_ratem": f"{Decimal(ex['loan_rate']):.2f}",
    }
    return Reply({"output1": snapshot, "output2": rows}, msg_cd="MCA00000")


# ---- D10 search-info / D11 search-stock-info -----------------------------------------------------

OVERSEAS_TYPES = {e.prdt_type_cd: e.trade for e in EXCHANGES.values()}


def isin_kr(code: str) -> str:
    """KR7 + 6-char code + 000 + ISO 6166 check digit (ETNs use KRG… in reality; close enough)."""
    body = f"KR7{code[-6:]}00"[:11].ljust(11, "0")
    digits = "".join(str(int(c, 36)) for c in body)
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n // 10 + n % 10
    return body + str((10 - total % 10) % 10)


def _find_product(world: SimWorld, pdno: str, ptype: str) -> tuple[Listing, str] | None:
    if ptype == "300":
        q = world.market.domestic(pdno)
        return (q.listing, isin_kr(q.code)) if q else None
    exch = OVERSEAS_TYPES.get(ptype)
    if exch is None:
        return None
    listing = world.market.overseas_listings.get((exch, pdno.upper()))
    return (listing, "") if listing else None


def search_info(world: SimWorld, req: ApiRequest) -> Reply:
    pdno = req.get("PDNO").strip()
    ptype = req.get("PRDT_TYPE_CD").strip()
    if not ptype.isdigit() or len(ptype) != 3:
        raise field_error("PRDT_TYPE_CD")
    found = _find_product(world, pdno, ptype)
    if found is None:
        raise KisError("SIM00008", rt_cd="7")
    listing, isin = found
    domestic = ptype == "300"
    eng = listing.eng_name  # the domestic CSV carries no English names: left blank
    out = {
        "pdno": pdno,
        "prdt_type_cd": ptype,
        "prdt_name": listing.name,
        "prdt_name120": listing.name,
        "prdt_abrv_name": listing.name,
        "prdt_eng_name": eng.upper(),
        "prdt_eng_name120": eng.upper(),
        "prdt_eng_abrv_name": eng.upper()[:60],
        "std_pdno": isin,
        "shtn_pdno": listing.code,
        "prdt_sale_stat_cd": "",
        "prdt_risk_grad_cd": "",
        "prdt_clsf_cd": "101110" if domestic else "101210",
        "prdt_clsf_name": "주식" if domestic else "해외주식",
        "sale_strt_dt": "",
        "sale_end_dt": "",
        "wrap_asst_type_cd": "06" if not domestic else "",
        "ivst_prdt_type_cd": "1011" if domestic else "1012",
        "ivst_prdt_type_cd_name": "주식" if domestic else "해외주식",
        "frst_erlm_dt": "",
    }
    return Reply({"output": out}, msg_cd="KIOK0530")


SCTY_GROUP = {"stock": "ST", "etf": "EF", "etn": "EN", "other": "ST"}


def search_stock_info(world: SimWorld, req: ApiRequest) -> Reply:
    ptype = req.get("PRDT_TYPE_CD").strip()
    if ptype not in ("300", "301", "302", "306"):
        raise field_error("PRDT_TYPE_CD")
    pdno = req.get("PDNO").strip()
    q = world.market.domestic(pdno) if ptype == "300" else None
    if q is None:
        raise KisError("SIM00008", rt_cd="7")
    li = q.listing
    kospi = li.market == "KOSPI"
    par = str(q.extras["par"])
    lstg_dt = "19900103" if kospi else "20050712"
    name = li.name
    out = {
        "pdno": ("00000A" + q.code)[-12:] if len(q.code) == 6 else q.code,
        "prdt_type_cd": "300",
        "mket_id_cd": "STK" if kospi else "KSQ",
        "scty_grp_id_cd": SCTY_GROUP.get(li.kind, "ST"),
        "excg_dvsn_cd": "02" if kospi else "03",
        "setl_mmdd": "12",
        "lstg_stqt": str(q.listed),
        "lstg_cptl_amt": s_int(Decimal(q.listed) * Decimal(par)),
        "cpta": s_int(Decimal(q.listed) * Decimal(par)),
        "papr": par,
        "issu_pric": par,
        "kospi200_item_yn": "Y" if kospi and li.kind == "stock" and q.listed > 50_000_000 else "N",
        "scts_mket_lstg_dt": lstg_dt if kospi else "",
        "scts_mket_lstg_abol_dt": "",
        "kosdaq_mket_lstg_dt": "" if kospi else lstg_dt,
        "kosdaq_mket_lstg_abol_dt": "",
        "frbd_mket_lstg_dt": lstg_dt,
        "frbd_mket_lstg_abol_dt": "",
        "reits_kind_cd": "",
        "etf_dvsn_cd": "1" if li.kind == "etf" else "0",
        "oilf_fund_yn": "N",
        "idx_bztp_lcls_cd": "002",
        "idx_bztp_mcls_cd": "013",
        "idx_bztp_scls_cd": "013",
        "idx_bztp_lcls_cd_name": "시가총액규모대" if kospi else "코스닥",
        "idx_bztp_mcls_cd_name": str(q.extras["sector"]),
        "idx_bztp_scls_cd_name": str(q.extras["sector"]),
        "stck_kind_cd": "101" if li.kind == "stock" else "000",
        "mfnd_opng_dt": "",
        "mfnd_end_dt": "",
        "dpsi_erlm_cncl_dt": "",
        "etf_cu_qty": "50000" if li.kind == "etf" else "0",
        "prdt_name": name,
        "prdt_name120": name,
        "prdt_abrv_name": name,
        "std_pdno": isin_kr(q.code),
        "prdt_eng_name": "",
        "prdt_eng_name120": "",
        "prdt_eng_abrv_name": "",
        "dpsi_aptm_erlm_yn": "Y",
        "etf_txtn_type_cd": "00",
        "etf_type_cd": "",
        "lstg_abol_dt": "",
        "nwst_odst_dvsn_cd": "1",
        "sbst_pric": s_int(q.base * Decimal("0.7")),
        "thco_sbst_pric": s_int(q.base * Decimal("0.7")),
        "thco_sbst_pric_chng_dt": world.now().strftime("%Y%m%d"),
        "tr_stop_yn": "N",
        "admn_item_yn": "N",
        "thdt_clpr": s_int(q.price),
        "bfdy_clpr": s_int(q.base),
        "clpr_chng_dt": world.now().strftime("%Y%m%d"),
        "std_idst_clsf_cd": "032604",
        "std_idst_clsf_cd_name": str(q.extras["sector"]),
        "ocr_no": "",
        "crfd_item_yn": "N",
        "elec_scty_yn": "Y",
        "issu_istt_cd": "",
        "etf_chas_erng_rt_dbnb": "0",
        "etf_etn_ivst_heed_item_yn": "N",
        "stln_int_rt_dvsn_cd": "01",
        "frnr_psnl_lmt_rt": "0.00000000",
        "lstg_rqsr_issu_istt_cd": "",
        "lstg_rqsr_item_cd": "",
        "trst_istt_issu_istt_cd": "",
        "cptt_trad_tr_psbl_yn": "Y" if q.listed > 50_000_000 else "N",
        "nxt_tr_stop_yn": "N",
    }
    return Reply({"output": out}, msg_cd="KIOK0530")


SPECS: list[ApiSpec] = [
    ApiSpec(
        "inquire-daily-itemchartprice",
        "GET",
        "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice",
        {"FHKST03010100": ""},
        {"FHKST03010100": ""},
        daily_chart,
    ),
    ApiSpec(
        "search-info",
        "GET",
        "/uapi/domestic-stock/v1/quotations/search-info",
        {"CTPF1604R": ""},
        {},
        search_info,
    ),
    ApiSpec(
        "search-stock-info",
        "GET",
        "/uapi/domestic-stock/v1/quotations/search-stock-info",
        {"CTPF1002R": ""},
        {},
        search_stock_info,
    ),
]
