"""Overseas stock endpoints: balance (TTTS3012R), present balance (CTRP6504R), price (O3)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from .accounts import Account, OverseasHolding
from .api import ApiRequest, ApiSpec, resolve_account
from .envelope import Reply, field_error, s_dec, s_rate
from .paging import paginate
from .universe import EXCHANGES

if TYPE_CHECKING:
    from .server import SimServer

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


def ovs_row(server: SimServer, acct: Account, h: OverseasHolding) -> dict[str, str]:
    q = server.market.overseas(h.exch, h.code)
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
        "ord_psbl_qty": str(server.orders_ovs_sellable(acct, h)),
        "frcr_pchs_amt1": s_dec(h.cost, 5),
        "ovrs_stck_evlu_amt": s_dec(evlu, 8),
        "now_pric2": s_dec(q.price, 6),
        "tr_crcy_cd": ex.currency,
        "ovrs_excg_cd": h.exch,
        "loan_type_cd": "10",
        "loan_dt": "",
        "expd_dt": "",
    }


def inquire_balance(server: SimServer, req: ApiRequest) -> Reply:
    acct = resolve_account(server, req)
    excg = req.get("OVRS_EXCG_CD").strip().upper()
    exchanges = balance_exchanges(excg, req.paper)
    if exchanges is None:
        raise field_error("OVRS_EXCG_CD")
    ccy = req.get("TR_CRCY_CD").strip().upper()
    if ccy not in CURRENCIES:
        raise field_error("TR_CRCY_CD")
    holdings = [h for h in acct.ovs_for(exchanges, ccy) if h.qty > 0 or h.today_sell_qty]
    rows = [ovs_row(server, acct, h) for h in holdings]
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


SPECS: list[ApiSpec] = [
    ApiSpec(
        "overseas-inquire-balance",
        "GET",
        "/uapi/overseas-stock/v1/trading/inquire-balance",
        {"TTTS3012R": ""},
        {"VTTS3012R": ""},
        inquire_balance,
    ),
]
