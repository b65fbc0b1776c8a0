"""Overseas stock endpoints: balance (TTTS3012R), present balance (CTRP6504R), price (O3)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from .accounts import Account, OverseasHolding
from .api import ApiRequest, ApiSpec, resolve_account
from .envelope import KisError, Reply, field_error, s_dec, s_int, s_rate
from .market import OverseasQuote
from .paging import paginate
from .universe import (
    CURRENCY_NAMES,
    EXCHANGES,
    FX_RATES,
    QUOTE_TO_TRADE,
    US_EXCHANGES,
    daytime_tradable,
)

if TYPE_CHECKING:
    from .world import SimWorld

CURRENCIES = ("USD", "HKD", "CNY", "JPY", "VND")
OVS_BALANCE_PAGE = 100


def balance_exchanges(code: str, paper: bool) -> tuple[str, ...] | None:
    """OVRS_EXCG_CD → trading exchanges it covers (seed 000: real NASD = all US, NAS = Nasdaq;
    paper NASD = Nasdaq)."""
    code = code.strip().upper()
    if code == "NASD":
        return ("NASD",) if paper else ("NASD", "NYSE", "AMEX")
    if code == "NAS" and not paper:
        return ("NASD",)
    if code in EXCHANGES:
        return (code,)
    return None


def ovs_row(world: SimWorld, acct: Account, h: OverseasHolding) -> dict[str, str]:
    q = world.market.overseas(h.exch, h.code)
    assert q is not None
    ex = EXCHANGES[h.exch]
    evlu = q.price * h.qty
    pfls = evlu - h.cost
    return {
        "cano": acct.cano,
        "acnt_prdt_cd": acct.prdt,
        "prdt_type_cd": ex.prdt_type_cd,
        "ovrs_pdno": h.code,
        "ovrs_item_name": q.listing.name,
        "frcr_evlu_pfls_amt": s_dec(pfls, 6),
        "evlu_pfls_rt": s_rate(pfls, h.cost, 2),
        "pchs_avg_pric": s_dec(h.cost / h.qty if h.qty else Decimal(0), 4),
        "ovrs_cblc_qty": str(h.qty),
        "ord_psbl_qty": str(world.orders.ovs_sellable(acct, h)),
        "frcr_pchs_amt1": s_dec(h.cost, 5),
        "ovrs_stck_evlu_amt": s_dec(evlu, 8),
        "now_pric2": s_dec(q.price, 6),
        "tr_crcy_cd": ex.currency,
        "ovrs_excg_cd": h.exch,
        "loan_type_cd": "10",
        "loan_dt": "",
        "expd_dt": "",
    }


def inquire_balance(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    # Seed 000 marks both Y with a list of values, yet python-kis (its paper balance) sends
    # them blank and is served: a blank exchange means every market, a blank currency every one.
    excg = req.get("OVRS_EXCG_CD").strip().upper()
    exchanges = balance_exchanges(excg, req.paper) if excg else tuple(EXCHANGES)
    if exchanges is None:
        raise field_error("OVRS_EXCG_CD")
    ccy = req.get("TR_CRCY_CD").strip().upper()
    if ccy and ccy not in CURRENCIES:
        raise field_error("TR_CRCY_CD")
    holdings = [h for h in acct.ovs_for(exchanges, ccy or None) if h.qty > 0 or h.today_sell_qty]
    rows = [ovs_row(world, acct, h) for h in holdings]
    cost = sum((h.cost for h in holdings), Decimal(0))
    evlu = sum((Decimal(r["ovrs_stck_evlu_amt"]) for r in rows), Decimal(0))
    buy_amt = sum((h.today_buy_amt for h in holdings), Decimal(0))
    page = paginate(
        req,
        rows,
        size=OVS_BALANCE_PAGE,
        width=200,
        fk=f"{acct.cano}^{acct.prdt}^{excg}^{ccy}^",
        owner=acct.cano + acct.prdt,
        cursor_required=True,  # seed 000: CTX_AREA_FK200/NK200 Y (blank on the first call)
    )
    # output2 copies KIS's labelling quirk: tot_evlu_pfls_amt carries the total valuation and
    # ovrs_tot_pfls the total P&L (endpoints.md O1, samples/overseas_balance_page.json).
    summary = {
        "frcr_pchs_amt1": s_dec(cost, 5),
        "ovrs_rlzt_pfls_amt": "0.00000",
        "ovrs_tot_pfls": s_dec(evlu - cost, 5),
        "rlzt_erng_rt": "0.00000000",
        "tot_evlu_pfls_amt": s_dec(evlu, 8),
        "tot_pftrt": s_rate(evlu - cost, cost, 8),
        "frcr_buy_amt_smtl1": s_dec(buy_amt, 6),
        "ovrs_rlzt_pfls_amt2": "0.00000",
        "frcr_buy_amt_smtl2": s_dec(buy_amt, 6),
    }
    body = {
        "ctx_area_fk200": page.fk,
        "ctx_area_nk200": page.nk,
        "output1": page.rows,
        "output2": summary,
    }
    return Reply(body, msg_cd=page.msg_cd, tr_cont=page.tr_cont)


# ---- O2 inquire-present-balance -----------------------------------------------------------------

NATN_MARKETS: dict[str, dict[str, tuple[str, ...]]] = {
    "000": {"00": tuple(EXCHANGES)},
    "840": {"00": US_EXCHANGES, "01": ("NASD",), "02": ("NYSE",), "05": ("AMEX",)},
    "344": {"00": ("SEHK",), "01": ("SEHK",)},
    "156": {"00": ("SHAA", "SZAA"), "03": ("SHAA",), "04": ("SZAA",)},
    "392": {"00": ("TKSE",), "01": ("TKSE",)},
    "704": {"00": ("HASE", "VNSE"), "01": ("HASE",), "02": ("VNSE",)},
}
LINKED_EXCHANGE = {trade: e.quote for trade, e in EXCHANGES.items()}


def present_balance(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    wcrc = req.get("WCRC_FRCR_DVSN_CD").strip()
    if wcrc not in ("01", "02"):
        raise field_error("WCRC_FRCR_DVSN_CD")
    natn = req.get("NATN_CD").strip()
    mket = req.get("TR_MKET_CD").strip()
    if natn not in NATN_MARKETS:
        raise field_error("NATN_CD")
    if mket not in NATN_MARKETS[natn]:
        raise field_error("TR_MKET_CD")
    if req.get("INQR_DVSN_CD").strip() not in ("00", "01", "02"):
        raise field_error("INQR_DVSN_CD")
    exchanges = NATN_MARKETS[natn][mket]
    krw = wcrc == "01"
    holdings = [h for h in acct.ovs_for(exchanges) if h.qty > 0 or h.today_sell_qty]
    rows: list[dict[str, str]] = []
    pchs_krw = evlu_krw = Decimal(0)
    for h in holdings:
        q = world.market.overseas(h.exch, h.code)
        assert q is not None
        ex = EXCHANGES[h.exch]
        rate = FX_RATES[ex.currency]
        evlu = q.price * h.qty
        pfls = evlu - h.cost
        k = rate if krw else Decimal(1)
        pchs_krw += h.cost * rate
        evlu_krw += evlu * rate
        rows.append(
            {
                "prdt_name": q.listing.name,
                "cblc_qty13": str(h.qty),
                "thdt_buy_ccld_qty1": str(h.today_buy_qty),
                "thdt_sll_ccld_qty1": str(h.today_sell_qty),
                "ccld_qty_smtl1": str(h.qty),
                "ord_psbl_qty1": str(world.orders.ovs_sellable(acct, h)),
                "frcr_pchs_amt": s_dec(h.cost * k, 2 if not krw else 0),
                "frcr_evlu_amt2": s_dec(evlu * k, 2 if not krw else 0),
                "evlu_pfls_amt2": s_dec(pfls * k, 2 if not krw else 0),
                "evlu_pfls_rt1": s_rate(pfls, h.cost, 2),
                "pdno": h.code,
                "bass_exrt": s_dec(rate, 4),
                "buy_crcy_cd": ex.currency,
                "ovrs_now_pric1": s_dec(q.price * k, 8),
                "avg_unpr3": s_dec((h.cost / h.qty if h.qty else Decimal(0)) * k, 8),
                "tr_mket_name": ex.market_name,
                "natn_kor_name": ex.natn_name,
                "pchs_rmnd_wcrc_amt": s_dec(h.cost * rate, 2),
                "thdt_buy_ccld_frcr_amt": s_dec(h.today_buy_amt, 2),
                "thdt_sll_ccld_frcr_amt": s_dec(h.today_sell_amt, 2),
                "unit_amt": str(q.lot),
                "std_pdno": "",
                "prdt_type_cd": ex.prdt_type_cd,
                "scts_dvsn_name": "현금",
                "loan_rmnd": "0",
                "loan_dt": "",
                "loan_expd_dt": "",
                "ovrs_excg_cd": h.exch,
                "item_lnkg_excg_cd": LINKED_EXCHANGE[h.exch],
            }
        )
    currencies = sorted({EXCHANGES[e].currency for e in exchanges})
    per_ccy: list[dict[str, str]] = []
    fx_total_krw = Decimal(0)
    for ccy in currencies:
        cash = acct.fx_cash(ccy)
        power = world.orders.fx_buying_power(acct, ccy)
        rate = FX_RATES[ccy]
        fx_total_krw += cash * rate
        evlu_ccy = sum(
            (
                world.market.overseas(h.exch, h.code).price * h.qty  # type: ignore[union-attr]
                for h in holdings
                if EXCHANGES[h.exch].currency == ccy
            ),
            Decimal(0),
        )
        per_ccy.append(
            {
                "crcy_cd": ccy,
                "crcy_cd_name": CURRENCY_NAMES[ccy],
                "frcr_buy_amt_smtl": s_dec(acct.fx_buy_amt.get(ccy, Decimal(0)), 2),
                "frcr_sll_amt_smtl": s_dec(acct.fx_sell_amt.get(ccy, Decimal(0)), 2),
                "frcr_dncl_amt_2": s_dec(cash, 2),
                "frst_bltn_exrt": s_dec(rate, 4),
                "frcr_buy_mgn_amt": "0.00",
                "frcr_etc_mgna": "0.00",
                "frcr_drwg_psbl_amt_1": s_dec(power, 2),
                "frcr_evlu_amt2": s_dec(evlu_ccy, 2),
                "acpl_cstd_crcy_yn": "Y",
                "nxdy_frcr_drwg_psbl_amt": s_dec(power, 2),
            }
        )
    pfls_krw = evlu_krw - pchs_krw
    total = {
        "pchs_amt_smtl": s_int(pchs_krw),
        "evlu_amt_smtl": s_int(evlu_krw),
        "evlu_pfls_amt_smtl": s_int(pfls_krw),
        "dncl_amt": s_int(acct.d2_cash),
        "cma_evlu_amt": "0",
        "tot_dncl_amt": s_int(acct.d2_cash + fx_total_krw),
        "etc_mgna": "0",
        "wdrw_psbl_tot_amt": s_int(acct.d2_cash),
        "frcr_evlu_tota": s_int(fx_total_krw),
        "evlu_erng_rt1": s_rate(pfls_krw, pchs_krw, 8),
        "pchs_amt_smtl_amt": s_int(pchs_krw),
        "evlu_amt_smtl_amt": s_int(evlu_krw),
        "tot_evlu_pfls_amt": s_int(pfls_krw),
        "tot_asst_amt": s_int(evlu_krw + acct.d2_cash + fx_total_krw),
        "buy_mgn_amt": "0",
        "mgna_tota": "0",
        "frcr_use_psbl_amt": s_int(fx_total_krw),
        "ustl_sll_amt_smtl": "0",
        "ustl_buy_amt_smtl": "0",
        "tot_frcr_cblc_smtl": s_int(fx_total_krw),
        "tot_loan_amt": "0",
    }
    if req.paper:  # "on paper only output3 is filled" (endpoints.md O2)
        rows, per_ccy = [], []
    body = {"output1": rows, "output2": per_ccy, "output3": total}
    return Reply(body, msg_cd="KIOK0510")


# ---- O3 price / O6 price-detail ------------------------------------------------------------------

# US daytime-session quote codes (endpoints.md O3/O6 EXCD; master-files.md: NAS daytime BAQ, NYS
# BAY, AMS BAA). The simulator has one US book per exchange, so a daytime code quotes the same
# symbol; rsym keeps the requested code ("D" + 3-letter exchange + symbol → "DBAQAAPL").
DAYTIME_TO_TRADE = {"BAQ": "NASD", "BAY": "NYSE", "BAA": "AMEX"}


def _quote_for(world: SimWorld, req: ApiRequest):  # type: ignore[no-untyped-def]
    excd = req.get("EXCD").strip().upper()
    req.get("AUTH", required=False)
    symb = req.get("SYMB").strip().upper()
    trade = QUOTE_TO_TRADE.get(excd) or DAYTIME_TO_TRADE.get(excd)
    if trade is None:
        raise field_error("EXCD")
    return excd, symb, world.market.overseas(trade, symb)


def _fmt(q_price: Decimal, zdiv: int) -> str:
    return s_dec(q_price, zdiv)


def overseas_price(world: SimWorld, req: ApiRequest) -> Reply:
    excd, symb, q = _quote_for(world, req)
    if q is None:
        # An unknown symbol comes back as a success with blank fields (python-kis checks `last`).
        keys = ("rsym", "zdiv", "base", "pvol", "last", "sign", "diff", "rate", "tvol", "tamt")
        out = dict.fromkeys(keys, "")
        out["ordy"] = ""
        return Reply({"output": out}, msg_cd="MCA00000")
    z = q.exchange.zdiv
    out = {
        "rsym": f"D{excd}{symb}",
        "zdiv": str(z),
        "base": _fmt(q.base, z),
        "pvol": str(q.prev_volume),
        "last": _fmt(q.price, z),
        "sign": q.sign(),
        "diff": _fmt(abs(q.change), z),
        "rate": s_rate(q.change, q.base, 2),
        "tvol": str(q.volume),
        "tamt": s_int(q.price * q.volume),
        "ordy": "매수가능",
    }
    return Reply({"output": out}, msg_cd="MCA00000")


def _ordyn(excd: str, q: OverseasQuote) -> str:
    """``e_ordyn`` as text (O6): asked with a daytime code (BAQ/BAY/BAA), it says whether the
    issue trades in the daytime session, where only some do (endpoints.md O10)."""
    if excd in DAYTIME_TO_TRADE and not daytime_tradable(q.exchange.trade, q.code):
        return "매매 불가"
    return "매매 가능"


def price_detail(world: SimWorld, req: ApiRequest) -> Reply:
    excd, symb, q = _quote_for(world, req)
    if q is None:
        raise KisError("SIM00008", rt_cd="7")
    z = q.exchange.zdiv
    rate = FX_RATES[q.exchange.currency]
    out = {
        "rsym": f"D{excd}{symb}",
        "pvol": str(q.prev_volume),
        "open": _fmt(q.open, z),
        "high": _fmt(q.high, z),
        "low": _fmt(q.low, z),
        "last": _fmt(q.price, z),
        "base": _fmt(q.base, z),
        "tomv": s_int(q.price * q.shares),
        "pamt": s_int(q.base * q.prev_volume),
        "uplp": _fmt(q.upper or Decimal(0), z),
        "dnlp": _fmt(q.lower or Decimal(0), z),
        "h52p": _fmt(q.base * Decimal("1.35"), z),
        "h52d": "20260715",
        "l52p": _fmt(q.base * Decimal("0.72"), z),
        "l52d": "20251203",
        "perx": "24.51",
        "pbrx": "3.12",
        "epsx": _fmt(q.base / Decimal("24.51"), 2),
        "bpsx": _fmt(q.base / Decimal("3.12"), 2),
        "shar": str(q.shares),
        "mcap": s_int(q.shares * Decimal("0.0001")),
        "curr": q.exchange.currency,
        "zdiv": str(z),
        "vnit": str(q.lot),
        "t_xprc": s_int(q.price * rate),
        "t_xdif": s_int(abs(q.change) * rate),
        "t_xrat": s_rate(q.change, q.base, 2),
        "p_xprc": s_int(q.base * rate),
        "p_xdif": "0",
        "p_xrat": "0.00",
        "t_rate": s_dec(rate, 2),
        "p_rate": s_dec(rate, 2),
        "t_xsgn": q.sign(),
        "p_xsng": "3",
        "e_ordyn": _ordyn(excd, q),
        "e_hogau": _fmt(q.tick(), z),
        "e_icod": "기타",
        "e_parp": "0",
        "tvol": str(q.volume),
        "tamt": s_int(q.price * q.volume),
        "etyp_nm": "",
    }
    return Reply({"output": out}, msg_cd="MCA00000")


SPECS: list[ApiSpec] = [
    ApiSpec(
        "overseas-inquire-balance",
        "GET",
        "/uapi/overseas-stock/v1/trading/inquire-balance",
        {"TTTS3012R": ""},
        {"VTTS3012R": ""},
        inquire_balance,
    ),
    ApiSpec(
        "overseas-present-balance",
        "GET",
        "/uapi/overseas-stock/v1/trading/inquire-present-balance",
        {"CTRP6504R": ""},
        {"VTRP6504R": ""},
        present_balance,
    ),
    ApiSpec(
        "overseas-price",
        "GET",
        "/uapi/overseas-price/v1/quotations/price",
        {"HHDFS00000300": ""},
        {"HHDFS00000300": ""},
        overseas_price,
    ),
    ApiSpec(
        "overseas-price-detail",
        "GET",
        "/uapi/overseas-price/v1/quotations/price-detail",
        {"HHDFS76200200": ""},
        {},
        price_detail,
    ),
]
