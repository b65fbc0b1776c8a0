"""Overseas account inquiries around orders: buying power (inquire-psamount, O8) and the order
history (inquire-ccnl, O9).

O8 is real-only: seed 004 lists 해외주식 매수가능금액조회 as not offered on paper (the digest's
VTTS3007R loses to the seed), so the paper host answers 90000000. Its amounts are in the issue's
currency: ``ovrs_ord_psbl_amt`` is what the foreign currency alone pays for (resting buys
reserved), ``frcr_ord_psbl_amt1`` adds the won cash at the day's rate (integrated margin); the
quantities are not rounded to the lot (the doc: round down before ordering).

O9 lists every overseas order line (new, modify, cancel) whose order date, in the exchange's
local time, falls in the range; paper takes only the "all" filters and always sorts forward.
With no row it answers KIOK0560 and one blank object, as the doc example does.
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from kisdesk.domain.overseas_hours import local_time

from .api import ApiRequest, ApiSpec, resolve_account
from .clock import KST
from .envelope import KisError, Reply, field_error, s_dec
from .matching import Order
from .orders_domestic import parse_price
from .paging import paginate
from .universe import EXCHANGES, FX_RATES, US_EXCHANGES

if TYPE_CHECKING:
    from .world import SimWorld


def _floor2(value: Decimal) -> str:
    """An amount one may spend: cut, never rounded up."""
    return f"{max(Decimal(0), value).quantize(Decimal('0.01'), rounding=ROUND_FLOOR):f}"


def inquire_psamount(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    excg = req.get("OVRS_EXCG_CD").strip().upper()
    if excg not in EXCHANGES:
        raise field_error("OVRS_EXCG_CD")
    price = parse_price(req.get("OVRS_ORD_UNPR"), "OVRS_ORD_UNPR")
    code = req.get("ITEM_CD").strip().upper()
    q = world.market.overseas(excg, code)
    if q is None:
        raise KisError("APBK0656", rt_cd="7")  # python-kis reads rt_cd 7 as "not found"
    unit = price if price > 0 else q.price  # "0": sized at the current price
    ccy = EXCHANGES[excg].currency
    rate = FX_RATES[ccy]
    fx = max(Decimal(0), world.orders.fx_buying_power(acct, ccy))
    integrated = fx + max(Decimal(0), world.orders.buying_power(acct)) / rate
    out = {
        "tr_crcy_cd": ccy,
        "ord_psbl_frcr_amt": _floor2(fx),
        "sll_ruse_psbl_amt": _floor2(acct.fx_sell_amt.get(ccy, Decimal(0))),
        "ovrs_ord_psbl_amt": _floor2(fx),
        "max_ord_psbl_qty": str(int(fx // unit)),
        "echm_af_ord_psbl_amt": "0.00",
        "echm_af_ord_psbl_qty": "0",
        "ord_psbl_qty": str(int(fx // unit)),
        "exrt": s_dec(rate, 10),
        "frcr_ord_psbl_amt1": _floor2(integrated),
        "ovrs_max_ord_psbl_qty": str(int(integrated // unit)),
    }
    return Reply({"output": out}, msg_cd="KIOK0510")


# ---- O9 ----------------------------------------------------------------------------------------

CCNL_PAGE = {"real": 20, "paper": 15}
_BLANK_ROW_ZERO = {"ft_ord_qty": "0", "ft_ord_unpr3": "0.00000000", "ft_ccld_amt3": "0.00000"}
ROW_KEYS = [
    "ord_dt",
    "ord_gno_brno",
    "odno",
    "orgn_odno",
    "sll_buy_dvsn_cd",
    "sll_buy_dvsn_cd_name",
    "rvse_cncl_dvsn",
    "rvse_cncl_dvsn_name",
    "pdno",
    "prdt_name",
    "ft_ord_qty",
    "ft_ord_unpr3",
    "ft_ccld_qty",
    "ft_ccld_unpr3",
    "ft_ccld_amt3",
    "nccs_qty",
    "prcs_stat_name",
    "rjct_rson",
    "rjct_rson_name",
    "ord_tmd",
    "tr_mket_name",
    "tr_natn",
    "tr_natn_name",
    "ovrs_excg_cd",
    "tr_crcy_cd",
    "dmst_ord_dt",
    "thco_ord_tmd",
    "loan_type_cd",
    "loan_dt",
    "mdia_dvsn_name",
    "usa_amk_exts_rqst_yn",
    "splt_buy_attr_name",
]


def _placed_at(o: Order) -> datetime:
    return datetime.strptime(o.date + o.time, "%Y%m%d%H%M%S").replace(tzinfo=KST)


def _ccnl_row(world: SimWorld, o: Order) -> dict[str, str]:
    ex = EXCHANGES[o.exchange]
    q = world.market.overseas(o.exchange, o.code)
    local = local_time(o.exchange, _placed_at(o))
    sell = o.side == "sell"
    action = {"modify": ("01", "정정"), "cancel": ("02", "취소")}.get(o.action, ("00", ""))
    return {
        "ord_dt": local.strftime("%Y%m%d"),
        "ord_gno_brno": o.orgno,
        "odno": o.odno,
        "orgn_odno": o.orgn_odno,
        "sll_buy_dvsn_cd": "01" if sell else "02",
        "sll_buy_dvsn_cd_name": "매도" if sell else "매수",
        "rvse_cncl_dvsn": action[0],
        "rvse_cncl_dvsn_name": action[1],
        "pdno": o.code,
        "prdt_name": q.listing.name if q else "",
        "ft_ord_qty": str(o.qty),
        "ft_ord_unpr3": s_dec(o.price, 8),
        "ft_ccld_qty": str(o.filled),
        "ft_ccld_unpr3": s_dec(o.avg_price(), 8),
        "ft_ccld_amt3": s_dec(o.filled_amt, 5),
        "nccs_qty": str(o.remaining),
        "prcs_stat_name": "완료",
        "rjct_rson": "",
        "rjct_rson_name": "",
        "ord_tmd": local.strftime("%H%M%S"),
        "tr_mket_name": ex.market_name,
        "tr_natn": ex.natn_cd,
        "tr_natn_name": ex.natn_name,
        "ovrs_excg_cd": o.exchange,
        "tr_crcy_cd": ex.currency,
        "dmst_ord_dt": o.date,
        "thco_ord_tmd": o.time,
        "loan_type_cd": "10",
        "loan_dt": "",
        "mdia_dvsn_name": "OpenAPI",
        "usa_amk_exts_rqst_yn": "N",
        "splt_buy_attr_name": "",
    }


def _choice(req: ApiRequest, name: str, allowed: tuple[str, ...]) -> str:
    value = req.get(name).strip()
    if value not in allowed:
        raise field_error(name)
    return value


def inquire_ccnl(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    paper = req.paper
    pdno = req.get("PDNO").strip().upper()
    start, end = req.get("ORD_STRT_DT").strip(), req.get("ORD_END_DT").strip()
    for name, value in (("ORD_STRT_DT", start), ("ORD_END_DT", end)):
        if len(value) != 8 or not value.isdigit():
            raise field_error(name)
    # Paper takes only the "all" filters (endpoints.md O9): "" for the symbol and exchange.
    side = _choice(req, "SLL_BUY_DVSN", ("00",) if paper else ("00", "01", "02"))
    ccld = _choice(req, "CCLD_NCCS_DVSN", ("00",) if paper else ("00", "01", "02"))
    excg = req.get("OVRS_EXCG_CD").strip().upper()
    if paper and pdno:
        raise field_error("PDNO")
    if paper and excg:
        raise field_error("OVRS_EXCG_CD")
    if excg in ("", "%"):
        exchanges: tuple[str, ...] = tuple(EXCHANGES)
    elif excg == "NASD":
        exchanges = US_EXCHANGES  # NASD = all of the US here
    elif excg in EXCHANGES:
        exchanges = (excg,)
    else:
        raise field_error("OVRS_EXCG_CD")
    forward = paper or req.get("SORT_SQN").strip().upper() != "AS"
    for name in ("ORD_DT", "ORD_GNO_BRNO", "ODNO"):
        req.get(name)  # required, but searching by order number is not possible (doc)

    def wanted(o: Order) -> bool:
        if not o.overseas or o.exchange not in exchanges:
            return False
        if pdno not in ("", "%") and o.code != pdno:
            return False
        if side != "00" and ("01" if o.side == "sell" else "02") != side:
            return False
        if ccld == "01" and not o.filled:
            return False
        if ccld == "02" and not o.is_open:
            return False
        local = local_time(o.exchange, _placed_at(o)).strftime("%Y%m%d")
        return start <= local <= end

    orders = [o for o in world.orders.for_account(acct) if wanted(o)]
    if not forward:
        orders.reverse()
    rows = [_ccnl_row(world, o) for o in orders]
    fk = f"{acct.cano}^{acct.prdt}^{pdno}^{start}^{end}^{side}^{ccld}^{excg}^^"
    page = paginate(
        req,
        rows,
        size=CCNL_PAGE[world.profile],
        width=200,
        fk=fk,
        owner=acct.cano + acct.prdt,
        cursor_required=True,  # endpoints.md O9: CTX_AREA_NK200/FK200 Y (blank first)
    )
    if not rows:
        blank = {k: _BLANK_ROW_ZERO.get(k, "") for k in ROW_KEYS}
        body = {"ctx_area_fk200": page.fk, "ctx_area_nk200": page.nk, "output": blank}
        return Reply(body, msg_cd="KIOK0560", tr_cont="D")
    body = {"ctx_area_fk200": page.fk, "ctx_area_nk200": page.nk, "output": page.rows}
    return Reply(body, msg_cd=page.msg_cd, tr_cont=page.tr_cont)


SPECS: list[ApiSpec] = [
    ApiSpec(
        "overseas-inquire-psamount",
        "GET",
        "/uapi/overseas-stock/v1/trading/inquire-psamount",
        {"TTTS3007R": ""},
        {},  # seed 004: 해외주식 매수가능금액조회 not offered on paper
        inquire_psamount,
    ),
    ApiSpec(
        "overseas-inquire-ccnl",
        "GET",
        "/uapi/overseas-stock/v1/trading/inquire-ccnl",
        {"TTTS3035R": ""},
        {"VTTS3035R": ""},
        inquire_ccnl,
    ),
]
