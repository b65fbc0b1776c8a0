"""Domestic order endpoints: order-cash, order-rvsecncl, buying power, sellable quantity,
cancellable orders and the day's executions."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from .api import ApiRequest, ApiSpec, resolve_account
from .endpoints_domestic import quote_or_error
from .envelope import KisError, Reply, field_error, s_dec, s_int, s_rate
from .matching import Order
from .order_types import (
    ORD_TYPES,
    PAPER_ORD_DVSN,
    PRICELESS_ORD_DVSN,
    VENUE_ORD_DVSN,
    ord_dvsn_name,
)
from .paging import paginate
from .sessions import accepts, regular_open

if TYPE_CHECKING:
    from .world import SimWorld

CCLD_PAGE = {"real": 100, "paper": 15}
RVSECNCL_PAGE = 50


def parse_qty(text: str, name: str = "ORD_QTY") -> int:
    text = text.strip()
    if not text.isdigit():
        raise KisError("SIM00004") if text.lstrip("-").isdigit() else field_error(name)
    qty = int(text)
    if qty <= 0:
        raise KisError("SIM00004")
    return qty


def parse_price(text: str, name: str = "ORD_UNPR", *, allow_blank: bool = False) -> Decimal:
    """A non-negative price string. Market-type orders send "0" (endpoints.md D3, D5, O4:
    "never blank"), so a blank price is an input error naming the field unless the caller allows
    it (``allow_blank``: blank then reads as 0)."""
    text = text.strip()
    if not text:
        if not allow_blank:
            raise field_error(name)
        return Decimal(0)
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise field_error(name) from None
    if value < 0 or not value.is_finite():
        raise field_error(name)
    return value


def check_session(world: SimWorld, venue: str, ord_dvsn: str | None) -> None:
    """With market_hours="krx": paper takes orders only in the regular session, 40580000
    "모의투자 장종료 입니다." outside (errors-and-limits.md §2.4, §7); real takes each ORD_DVSN in
    its session window (sessions.py), APBK0919 outside. ``ord_dvsn`` None: a cancel, taken
    while any window of the venue is open."""
    if world.market_hours == "always":
        return
    now = world.now()
    if world.profile == "paper":
        if not regular_open(now):
            raise KisError("40580000")
    elif not accepts(now, venue, ord_dvsn):
        raise KisError("APBK0919")


def check_ord_dvsn(world: SimWorld, ord_dvsn: str) -> None:
    """Codes the simulator does not fill (02 conditional, 21-24 mid-point/stop, anything not in
    D5), and on paper everything but 00/01 (D5: paper "supports plain 00/01"): SIM00007."""
    allowed = PAPER_ORD_DVSN if world.profile == "paper" else ORD_TYPES
    if ord_dvsn not in allowed:
        raise KisError("SIM00007")


def check_venue(world: SimWorld, req: ApiRequest, ord_dvsn: str) -> str:
    """The venue (paper: KRX only) and whether it takes this ORD_DVSN (endpoints.md D5 table,
    e.g. no 01 market order on NXT). No source gives KIS's code for a type the venue does not
    offer, so it is refused with the simulator's synthetic SIM00007 (errors-and-limits.md §2.4
    convention; remappable through SimServer.code_map) naming the venue. Codes outside the table
    are left to check_ord_dvsn."""
    venue = req.get("EXCG_ID_DVSN_CD", required=False).strip().upper()
    allowed = ("", "KRX") if world.profile == "paper" else ("", "KRX", "NXT", "SOR")
    if venue not in allowed:
        raise field_error("EXCG_ID_DVSN_CD")
    venue = venue or "KRX"
    if ord_dvsn in VENUE_ORD_DVSN["KRX"] and ord_dvsn not in VENUE_ORD_DVSN[venue]:
        raise KisError("SIM00007", f"{venue}에서 허용되지 않는 주문구분입니다 (SIM)")
    return venue


def order_ack(world: SimWorld, order: Order, kind: str) -> Reply:
    """Order acks put UPPER-CASE keys in ``output`` (samples/order_cash_success*.json)."""
    body = {
        "output": {
            "KRX_FWDG_ORD_ORGNO": order.orgno,
            "ODNO": order.odno,
            "ORD_TMD": order.time,
        }
    }
    world.stats.orders_accepted += 1
    if world.profile == "paper":
        text = {"buy": "매수", "sell": "매도", "modify": "정정", "cancel": "취소"}[kind]
        return Reply(body, msg_cd="40600000", msg1=f"모의투자 {text}주문이 완료 되었습니다.")
    return Reply(body, msg_cd="APBK0013")


def counted(fn):  # type: ignore[no-untyped-def]
    """Count order calls that reached the handler, and rejections."""

    def wrapper(world: SimWorld, req: ApiRequest) -> Reply:
        world.stats.orders_received += 1
        try:
            return fn(world, req)
        except KisError:
            world.stats.orders_rejected += 1
            raise

    wrapper.__name__ = fn.__name__
    return wrapper


@counted
def order_cash(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    code = req.get("PDNO")
    ord_dvsn = req.get("ORD_DVSN").strip()
    qty_text = req.get("ORD_QTY")
    # D5 ORD_UNPR: Req. Y, "0" for market-type orders, and "If omitted, the order amount is
    # reserved at the upper-limit price and settled at the fill price" (the official sample:
    # "ORD_UNPR가 없는 주문은 상한가로 주문금액을 선정"). We read that as describing price-less
    # orders (market types, and those the exchange prices: 03-06, 15, 16): for those an absent
    # or blank ORD_UNPR reads as 0, and a buy is checked at the upper limit. An order type that
    # needs a price (00 limit, 07, 11, 12) without one is an input error naming the field.
    priceless = ord_dvsn in PRICELESS_ORD_DVSN
    price = parse_price(req.get("ORD_UNPR", required=not priceless), allow_blank=priceless)
    if req.op == "sell":
        sll_type = req.get("SLL_TYPE", required=False).strip()
        if sll_type not in ("", "01", "02", "05"):
            raise field_error("SLL_TYPE")
    venue = check_venue(world, req, ord_dvsn)
    check_session(world, venue, ord_dvsn)
    check_ord_dvsn(world, ord_dvsn)
    qty = parse_qty(qty_text)
    q = world.market.domestic(code.strip())
    if q is None:
        raise KisError("APBK0656")
    order = world.orders.place_domestic(acct, q, req.op, ord_dvsn, qty, price)
    return order_ack(world, order, req.op)


@counted
def order_rvsecncl(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    orgno = req.get("KRX_FWDG_ORD_ORGNO").strip()
    odno = req.get("ORGN_ODNO")
    ord_dvsn = req.get("ORD_DVSN").strip()
    kind = req.get("RVSE_CNCL_DVSN_CD").strip()
    if kind not in ("01", "02"):
        raise field_error("RVSE_CNCL_DVSN_CD")
    qty_text = req.get("ORD_QTY")
    price = parse_price(req.get("ORD_UNPR"))  # D6: new price, or "0"/old price on cancel
    all_qty = req.get("QTY_ALL_ORD_YN").strip().upper()
    if all_qty not in ("Y", "N"):
        raise field_error("QTY_ALL_ORD_YN")
    venue = check_venue(world, req, ord_dvsn)
    check_session(world, venue, ord_dvsn if kind == "01" else None)
    orig = world.orders.find(acct, odno)
    if orig is None or orig.overseas or orig.action == "cancel" or orig.orgno != orgno:
        raise KisError("SIM00005")
    if not orig.is_open:
        raise KisError("SIM00006")
    qty = orig.remaining if all_qty == "Y" else parse_qty(qty_text)
    if qty > orig.remaining:
        raise KisError("SIM00004")
    if kind == "02":
        order = world.orders.cancel(acct, orig, qty)
        return order_ack(world, order, "cancel")
    check_ord_dvsn(world, ord_dvsn)
    q = quote_or_error(world, orig.code, "PDNO")
    price = world.orders.domestic_price(q, ord_dvsn, price)
    order = world.orders.modify(acct, orig, qty, ord_dvsn, price, q)
    return order_ack(world, order, "modify")


def inquire_psbl_order(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    code = req.get("PDNO").strip()
    price = parse_price(req.get("ORD_UNPR"))  # D3: "0" for market-type, never blank
    ord_dvsn = req.get("ORD_DVSN").strip()
    for name in ("CMA_EVLU_AMT_ICLD_YN", "OVRS_ICLD_YN"):
        if req.get(name).strip().upper() not in ("Y", "N"):
            raise field_error(name)
    power = world.orders.buying_power(acct)
    unit = Decimal(0)
    if code:
        q = world.market.domestic(code)
        if q is None:
            raise field_error("PDNO")
        # Price-less types (or price 0) size at the upper limit, as KIS reserves market buys.
        unit = q.upper if ord_dvsn in PRICELESS_ORD_DVSN or price == 0 else price
    qty = int(power // unit) if unit > 0 else 0
    amount = unit * qty
    out = {
        "ord_psbl_cash": s_int(power),
        "ord_psbl_sbst": "0",
        "ruse_psbl_amt": "0",
        "fund_rpch_chgs": "0",
        "psbl_qty_calc_unpr": s_int(unit),
        "nrcvb_buy_amt": s_int(amount),
        "nrcvb_buy_qty": str(qty),
        "max_buy_amt": s_int(amount),
        "max_buy_qty": str(qty),
        "cma_evlu_amt": "0",
        "ovrs_re_use_amt_wcrc": "0",
        "ord_psbl_frcr_amt_wcrc": "0",
    }
    return Reply({"output": out}, msg_cd="KIOK0510")


def inquire_psbl_sell(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    code = req.get("PDNO").strip()
    q = world.market.domestic(code)
    if q is None:
        raise field_error("PDNO")
    h = acct.holdings.get(code)
    qty = h.qty if h else 0
    cost = Decimal(s_int(h.cost)) if h else Decimal(0)
    evlu = q.price * qty
    out = {
        "pdno": code,
        "prdt_name": q.listing.name,
        "buy_qty": str(h.today_buy_qty if h else 0),
        "sll_qty": str(h.today_sell_qty if h else 0),
        "cblc_qty": str(qty),
        "nsvg_qty": str(qty),
        "ord_psbl_qty": str(world.orders.sellable(acct, code)),
        "pchs_avg_pric": s_dec(cost / qty if qty else Decimal(0), 4),
        "pchs_amt": s_int(cost),
        "now_pric": s_int(q.price),
        "evlu_amt": s_int(evlu),
        "evlu_pfls_amt": s_int(evlu - cost),
        "evlu_pfls_rt": s_rate(evlu - cost, cost, 2),
    }
    return Reply({"output": out}, msg_cd="KIOK0420")


def _name(world: SimWorld, code: str) -> str:
    q = world.market.domestic(code)
    return q.listing.name if q else ""


def _side_cd(order: Order) -> str:
    return "01" if order.side == "sell" else "02"


def inquire_psbl_rvsecncl(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    dv1 = req.get("INQR_DVSN_1").strip()
    dv2 = req.get("INQR_DVSN_2").strip()
    if dv2 not in ("0", "1", "2"):
        raise field_error("INQR_DVSN_2")
    orders = [o for o in world.orders.open_orders(acct) if not o.overseas]
    if dv2 != "0":
        orders = [o for o in orders if _side_cd(o) == ("01" if dv2 == "1" else "02")]
    if dv1 in ("1", "2"):
        orders.sort(key=lambda o: (o.code, o.odno))
    rows = [
        {
            "ord_gno_brno": o.orgno,
            "odno": o.odno,
            "orgn_odno": o.orgn_odno,
            "ord_dvsn_name": ord_dvsn_name(o.ord_dvsn),
            "pdno": o.code,
            "prdt_name": _name(world, o.code),
            "rvse_cncl_dvsn_name": "정정" if o.action == "modify" else "",
            "ord_qty": str(o.qty),
            "ord_unpr": s_int(o.price),
            "ord_tmd": o.time,
            "tot_ccld_qty": str(o.filled),
            "tot_ccld_amt": s_int(o.filled_amt),
            "psbl_qty": str(o.remaining),
            "sll_buy_dvsn_cd": _side_cd(o),
            "ord_dvsn_cd": o.ord_dvsn,
            "mgco_aptm_odno": "",
            "excg_dvsn_cd": "01",
            "excg_id_dvsn_cd": "KRX",
            "excg_id_dvsn_name": "한국거래소",
            "stpm_cndt_pric": "0",
            "stpm_efct_occr_yn": "N",
        }
        for o in orders
    ]
    fk = f"{acct.cano}^{acct.prdt}^{dv1}^{dv2}^"
    # endpoints.md D7: CTX_AREA_FK100/NK100 Y (blank on the first call).
    page = paginate(
        req,
        rows,
        size=RVSECNCL_PAGE,
        width=100,
        fk=fk,
        owner=acct.cano + acct.prdt,
        cursor_required=True,
    )
    body = {"ctx_area_fk100": page.fk, "ctx_area_nk100": page.nk, "output": page.rows}
    return Reply(body, msg_cd=page.msg_cd, tr_cont=page.tr_cont)


def _side_name(o: Order) -> str:
    side = "매도" if o.side == "sell" else "매수"
    if o.action == "modify":
        return f"{side}정정*"
    if o.action == "cancel":
        return f"{side}취소*"
    return f"현금{side}"


def ccld_row(world: SimWorld, o: Order) -> dict[str, str]:
    cancel = o.action == "cancel"
    return {
        "ord_dt": o.date,
        "ord_gno_brno": o.orgno,
        "odno": o.odno,
        "orgn_odno": o.orgn_odno,
        "ord_dvsn_name": ord_dvsn_name(o.ord_dvsn),
        "sll_buy_dvsn_cd": _side_cd(o),
        "sll_buy_dvsn_cd_name": _side_name(o),
        "pdno": o.code,
        "prdt_name": _name(world, o.code),
        "ord_qty": str(o.qty),
        "ord_unpr": s_int(o.price),
        "ord_tmd": o.time,
        "tot_ccld_qty": str(o.filled),
        "avg_prvs": s_int(o.avg_price()),
        "cncl_yn": "Y" if cancel else "N",
        "tot_ccld_amt": s_int(o.filled_amt),
        "loan_dt": "",
        "ordr_empno": "OpnAPI",
        "ord_dvsn_cd": o.ord_dvsn,
        "cncl_cfrm_qty": str(o.qty if cancel else o.cancelled),
        "rmn_qty": str(o.remaining),
        "rjct_qty": "0",
        "ccld_cndt_name": "없음",
        "inqr_ip_addr": "",
        "cpbc_ordp_ord_rcit_dvsn_cd": "",
        "cpbc_ordp_infm_mthd_dvsn_cd": "",
        "infm_tmd": "",
        "ctac_tlno": "",
        "prdt_type_cd": "401",
        "excg_dvsn_cd": "01",
        "cpbc_ordp_mtrl_dvsn_cd": "",
        "ord_orgno": o.orgno,
        "rsvn_ord_end_dt": "",
        "excg_id_dvsn_cd": "KRX",
        "stpm_cndt_pric": "0",
        "stpm_efct_occr_dtmd": "",
    }


def inquire_daily_ccld(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    start = req.get("INQR_STRT_DT").strip()
    end = req.get("INQR_END_DT").strip()
    for name, value in (("INQR_STRT_DT", start), ("INQR_END_DT", end)):
        if len(value) != 8 or not value.isdigit():
            raise field_error(name)
    side = req.get("SLL_BUY_DVSN_CD").strip()
    if side not in ("00", "01", "02"):
        raise field_error("SLL_BUY_DVSN_CD")
    order_dir = req.get("INQR_DVSN").strip()
    if order_dir not in ("00", "01"):
        raise field_error("INQR_DVSN")
    ccld = req.get("CCLD_DVSN").strip()
    if ccld not in ("00", "01", "02"):
        raise field_error("CCLD_DVSN")
    req.get("INQR_DVSN_3")
    pdno = req.get("PDNO", required=False).strip()
    odno = req.get("ODNO", required=False).strip()
    orgno = req.get("ORD_GNO_BRNO", required=False).strip()
    orders = [
        o
        for o in world.orders.for_account(acct)
        if not o.overseas
        and start <= o.date <= end
        and (side == "00" or _side_cd(o) == side)
        and (not pdno or o.code == pdno)
        and (not odno or o.odno == odno.zfill(10))
        and (not orgno or o.orgno == orgno)
        and (ccld == "00" or (ccld == "01" and o.filled > 0) or (ccld == "02" and o.is_open))
    ]
    if order_dir == "00":
        orders.reverse()
    rows = [ccld_row(world, o) for o in orders]
    filled_qty = sum(o.filled for o in orders)
    filled_amt = sum((o.filled_amt for o in orders), Decimal(0))
    fk = f"{acct.cano}^{acct.prdt}^{start}^{end}^{side}^{order_dir}^{ccld}^{pdno}^"
    page = paginate(
        req, rows, size=CCLD_PAGE[world.profile], width=100, fk=fk, owner=acct.cano + acct.prdt
    )
    summary = {
        "tot_ord_qty": str(sum(o.qty for o in orders if o.action != "cancel")),
        "tot_ccld_qty": str(filled_qty),
        "tot_ccld_amt": s_int(filled_amt),
        "prsm_tlex_smtl": "0",
        "pchs_avg_pric": s_dec(filled_amt / filled_qty if filled_qty else Decimal(0), 4),
    }
    body = {
        "ctx_area_fk100": page.fk,
        "ctx_area_nk100": page.nk,
        "output1": page.rows,
        "output2": summary,
    }
    return Reply(body, msg_cd=page.msg_cd, tr_cont=page.tr_cont)


SPECS: list[ApiSpec] = [
    ApiSpec(
        "order-cash",
        "POST",
        "/uapi/domestic-stock/v1/trading/order-cash",
        {"TTTC0012U": "buy", "TTTC0011U": "sell", "TTTC0802U": "buy", "TTTC0801U": "sell"},
        {"VTTC0012U": "buy", "VTTC0011U": "sell", "VTTC0802U": "buy", "VTTC0801U": "sell"},
        order_cash,
    ),
    ApiSpec(
        "order-rvsecncl",
        "POST",
        "/uapi/domestic-stock/v1/trading/order-rvsecncl",
        {"TTTC0013U": "", "TTTC0803U": ""},
        {"VTTC0013U": "", "VTTC0803U": ""},
        order_rvsecncl,
    ),
    ApiSpec(
        "inquire-psbl-order",
        "GET",
        "/uapi/domestic-stock/v1/trading/inquire-psbl-order",
        {"TTTC8908R": ""},
        {"VTTC8908R": ""},
        inquire_psbl_order,
    ),
    ApiSpec(
        "inquire-psbl-sell",
        "GET",
        "/uapi/domestic-stock/v1/trading/inquire-psbl-sell",
        {"TTTC8408R": ""},
        {},
        inquire_psbl_sell,
    ),
    ApiSpec(
        "inquire-psbl-rvsecncl",
        "GET",
        "/uapi/domestic-stock/v1/trading/inquire-psbl-rvsecncl",
        {"TTTC0084R": "", "TTTC8036R": ""},
        {},
        inquire_psbl_rvsecncl,
    ),
    ApiSpec(
        "inquire-daily-ccld",
        "GET",
        "/uapi/domestic-stock/v1/trading/inquire-daily-ccld",
        {"TTTC0081R": "", "TTTC8001R": "", "CTSC9215R": "", "CTSC9115R": ""},
        {"VTTC0081R": "", "VTTC8001R": "", "VTSC9215R": "", "VTSC9115R": ""},
        inquire_daily_ccld,
    ),
]
