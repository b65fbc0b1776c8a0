"""Overseas order endpoints: order (O4), order-rvsecncl, the US daytime session's order and
modify/cancel (O10), and open orders (inquire-nccs, O5; real TTTS3018R, paper VTTS3018R per
seed 004).

With market_hours="krx" each exchange takes orders in its own hours (overseas_hours.py,
APBK1664 outside); in "always" mode at any hour. Paper trades only some issues (SIM00010) and
has no daytime session (its TRs are real-only). A daytime order is modified and cancelled on the
daytime TR only: the regular TR answers APBK0918, as python-kis expects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .api import ApiRequest, ApiSpec, resolve_account
from .envelope import KisError, Reply, field_error, s_dec
from .market import OverseasQuote, overseas_tick
from .matching import OVS_LIMIT_TYPES, OVS_MARKET_TYPES, OVS_ODD_LOT, Order
from .orders_domestic import counted, order_ack, parse_price, parse_qty
from .overseas_hours import check_open
from .paging import paginate
from .universe import EXCHANGES, US_EXCHANGES, daytime_tradable, paper_tradable

if TYPE_CHECKING:
    from .world import SimWorld

US = US_EXCHANGES
# (exchanges, real buy, real sell, paper buy, paper sell) — endpoints.md O4; the paper US sell
# is VTTT1001U, not the mechanical VTTT1006U.
ORDER_TRS: tuple[tuple[tuple[str, ...], str, str, str, str], ...] = (
    (US, "TTTT1002U", "TTTT1006U", "VTTT1002U", "VTTT1001U"),
    (("SEHK",), "TTTS1002U", "TTTS1001U", "VTTS1002U", "VTTS1001U"),
    (("SHAA",), "TTTS0202U", "TTTS1005U", "VTTS0202U", "VTTS1005U"),
    (("SZAA",), "TTTS0305U", "TTTS0304U", "VTTS0305U", "VTTS0304U"),
    (("TKSE",), "TTTS0308U", "TTTS0307U", "VTTS0308U", "VTTS0307U"),
    (("HASE", "VNSE"), "TTTS0311U", "TTTS0310U", "VTTS0311U", "VTTS0310U"),
)
# (exchanges, real TR, cancel only?)
RVSECNCL_TRS: tuple[tuple[tuple[str, ...], str, bool], ...] = (
    (US, "TTTT1004U", False),
    (("SEHK",), "TTTS1003U", False),
    (("TKSE",), "TTTS0309U", False),
    (("SHAA",), "TTTS0302U", True),
    (("SZAA",), "TTTS0306U", True),
    (("HASE", "VNSE"), "TTTS0312U", True),
)


def _order_maps() -> tuple[dict[str, str], dict[str, str]]:
    real: dict[str, str] = {}
    paper: dict[str, str] = {}
    for group, rb, rs, pb, ps in ORDER_TRS:
        key = ",".join(group)
        real[rb], real[rs] = f"buy:{key}", f"sell:{key}"
        paper[pb], paper[ps] = f"buy:{key}", f"sell:{key}"
    return real, paper


def _rvse_maps() -> tuple[dict[str, str], dict[str, str]]:
    real: dict[str, str] = {}
    paper: dict[str, str] = {}
    for group, tr, cancel_only in RVSECNCL_TRS:
        op = ",".join(group) + (":cancel-only" if cancel_only else "")
        real[tr] = op
        paper["V" + tr[1:]] = op
    return real, paper


def _exchange(req: ApiRequest, allowed: str) -> str:
    excg = req.get("OVRS_EXCG_CD").strip().upper()
    if excg not in allowed.split(","):
        raise field_error("OVRS_EXCG_CD")
    return excg


@counted
def order(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    side, group = req.op.split(":")
    excg = _exchange(req, group)
    code = req.get("PDNO").strip().upper()
    qty_text = req.get("ORD_QTY")
    # O4: "0" for market-type orders, never blank.
    price = parse_price(req.get("OVRS_ORD_UNPR"), "OVRS_ORD_UNPR")
    req.get("ORD_SVR_DVSN_CD")
    # O10: ORD_DVSN is required on the US TRs and the HK sell; on every other TR the doc says
    # to leave it out ("제거"), so absent or blank there is the plain limit 00.
    typed = excg in US or (excg == "SEHK" and side == "sell")
    ord_dvsn = req.get("ORD_DVSN", required=typed).strip()
    if not typed:
        ord_dvsn = ord_dvsn or "00"
    # O4 marks SLL_TYPE Y on sells ("00"), but mojito sells without it: absent is "00".
    if side == "sell" and req.get("SLL_TYPE", required=False).strip() not in ("00", ""):
        raise field_error("SLL_TYPE")
    allowed = {"00"}
    if not req.paper and excg in US:
        allowed = {"00", "32", "34"} if side == "buy" else {"00", "31", "32", "33", "34"}
    elif not req.paper and excg == "SEHK" and side == "sell":
        allowed = {"00", OVS_ODD_LOT}  # O4: HK sell 00, 50 odd-lot limit
    if ord_dvsn not in allowed:
        raise KisError("SIM00007")
    qty = parse_qty(qty_text)
    check_open(world.market_hours, excg, world.now())
    q = _quote(world, req, excg, code)
    placed = world.orders.place_overseas(acct, q, side, ord_dvsn, qty, price)
    return order_ack(world, placed, side)


def _quote(world: SimWorld, req: ApiRequest, excg: str, code: str) -> OverseasQuote:
    q = world.market.overseas(excg, code)
    if q is None:
        raise KisError("APBK0656")
    if req.paper and not paper_tradable(excg, code):
        raise KisError("SIM00010")
    return q


@counted
def daytime_order(world: SimWorld, req: ApiRequest) -> Reply:
    """해외주식 미국주간주문 (TTTS6036U buy / TTTS6037U sell, real-only): limit only, NASD/NYSE/
    AMEX, 10:00-18:00 KST, issues flagged for the session only (endpoints.md O10)."""
    acct = resolve_account(world, req)
    excg = _exchange(req, ",".join(US))
    code = req.get("PDNO").strip().upper()
    qty_text = req.get("ORD_QTY")
    price = parse_price(req.get("OVRS_ORD_UNPR"), "OVRS_ORD_UNPR")
    req.get("ORD_SVR_DVSN_CD")
    # "주간거래는 지정가만 가능": 00 only (absent read as 00); the body has no SLL_TYPE.
    if req.get("ORD_DVSN", required=False).strip() not in ("", "00"):
        raise KisError("SIM00007")
    qty = parse_qty(qty_text)
    check_open(world.market_hours, excg, world.now(), daytime=True)
    q = _quote(world, req, excg, code)
    if not daytime_tradable(excg, code):
        raise KisError("SIM00009")
    placed = world.orders.place_overseas(acct, q, req.op, "00", qty, price, session="daytime")
    return order_ack(world, placed, req.op)


def _revise(world: SimWorld, req: ApiRequest, *, daytime: bool) -> Reply:
    acct = resolve_account(world, req)
    group, _, cancel_only = req.op.partition(":")
    excg = _exchange(req, group)
    code = req.get("PDNO").strip().upper()
    odno = req.get("ORGN_ODNO")
    kind = req.get("RVSE_CNCL_DVSN_CD").strip()
    if kind not in ("01", "02"):
        raise field_error("RVSE_CNCL_DVSN_CD")
    qty_text = req.get("ORD_QTY").strip()
    # A cancel of "0" shares cancels what is left: python-kis cancels that way, and the official
    # sample's note on ORD_QTY reads "[잔량전부 취소/정정주문] "0" 설정".
    cancel_rest = kind == "02" and qty_text.isdigit() and int(qty_text) == 0
    qty = 0 if cancel_rest else parse_qty(qty_text)
    price = parse_price(req.get("OVRS_ORD_UNPR"), "OVRS_ORD_UNPR")
    # ORD_SVR_DVSN_CD is N here (O10) and python-kis leaves it out of modify and cancel; the
    # daytime doc marks CTAC_TLNO / MGCO_APTM_ODNO required, but nothing reads them: not enforced.
    if kind == "01" and cancel_only:
        raise KisError("SIM00011")  # Shanghai, Shenzhen, Vietnam: cancel only (O10)
    orig = world.orders.find(acct, odno)
    if orig is None or orig.exchange != excg or orig.code != code or orig.action == "cancel":
        raise KisError("SIM00005")
    if (orig.session == "daytime") != daytime:
        if not daytime:
            raise KisError("APBK0918")  # a daytime order goes through TTTS6038U
        raise KisError("SIM00005")  # the daytime TR knows only daytime orders
    check_open(world.market_hours, excg, world.now(), daytime=daytime)
    if not orig.is_open:
        raise KisError("SIM00006")
    if cancel_rest:
        qty = orig.remaining
    if qty > orig.remaining:
        raise KisError("SIM00004")
    if kind == "02":
        return order_ack(world, world.orders.cancel(acct, orig, qty), "cancel")
    q = world.market.overseas(excg, code)
    assert q is not None
    ord_dvsn = orig.ord_dvsn if orig.ord_dvsn in OVS_LIMIT_TYPES else "00"
    if ord_dvsn in OVS_MARKET_TYPES:
        raise KisError("SIM00007")
    if qty % q.lot if ord_dvsn != OVS_ODD_LOT else qty >= q.lot:
        raise KisError("SIM00004")
    if price <= 0 or price % overseas_tick(excg, price) != 0:
        raise KisError("SIM00001")
    if (q.upper is not None and price > q.upper) or (q.lower is not None and price < q.lower):
        raise KisError("SIM00002")
    placed = world.orders.modify(acct, orig, qty, ord_dvsn, price, q)
    return order_ack(world, placed, "modify")


@counted
def order_rvsecncl(world: SimWorld, req: ApiRequest) -> Reply:
    return _revise(world, req, daytime=False)


@counted
def daytime_rvsecncl(world: SimWorld, req: ApiRequest) -> Reply:
    """해외주식 미국주간정정취소 (TTTS6038U, real-only): daytime-session orders only."""
    return _revise(world, req, daytime=True)


NCCS_PAGE = 40


def _nccs_row(world: SimWorld, o: Order) -> dict[str, str]:
    ex = EXCHANGES[o.exchange]
    q = world.market.overseas(o.exchange, o.code)
    z = ex.zdiv
    return {
        "ord_dt": o.date,
        "ord_gno_brno": o.orgno,
        "odno": o.odno,
        "orgn_odno": o.orgn_odno,
        "pdno": o.code,
        "prdt_name": q.listing.name if q else "",
        "sll_buy_dvsn_cd": "01" if o.side == "sell" else "02",
        "sll_buy_dvsn_cd_name": "매도" if o.side == "sell" else "매수",
        "rvse_cncl_dvsn_cd": "01" if o.action == "modify" else "",
        "rvse_cncl_dvsn_cd_name": "정정" if o.action == "modify" else "",
        "rjct_rson": "",
        "rjct_rson_name": "",
        "ord_tmd": o.time,
        "tr_mket_name": ex.market_name,
        "tr_crcy_cd": ex.currency,
        "natn_cd": ex.natn_cd,
        "natn_kor_name": ex.natn_name,
        "ft_ord_qty": str(o.qty),
        "ft_ccld_qty": str(o.filled),
        "nccs_qty": str(o.remaining),
        "ft_ord_unpr3": s_dec(o.price, z),
        "ft_ccld_unpr3": s_dec(o.avg_price(), z),
        "ft_ccld_amt3": s_dec(o.filled_amt, z),
        "ovrs_excg_cd": o.exchange,
        "prcs_stat_name": "",
        "loan_type_cd": "10",
        "loan_dt": "",
        "usa_amk_exts_rqst_yn": "N",
        "splt_buy_attr_name": "",
    }


def inquire_nccs(world: SimWorld, req: ApiRequest) -> Reply:
    acct = resolve_account(world, req)
    excg = req.get("OVRS_EXCG_CD").strip().upper()
    exchanges = US if excg == "NASD" else (excg,)
    if not excg:
        # Blank asks for every market (python-kis does, for all countries); the official sample
        # warns "공백 입력 시 다음조회가 불가능": a next page with it blank is refused.
        if req.tr_cont.strip().upper() == "N":
            raise field_error("OVRS_EXCG_CD")
        exchanges = tuple(EXCHANGES)
    elif excg not in EXCHANGES:
        raise field_error("OVRS_EXCG_CD")
    sort = req.get("SORT_SQN", required=False).strip()
    orders = [o for o in world.orders.open_orders(acct) if o.exchange in exchanges]
    if sort != "DS":
        orders.reverse()
    rows = [_nccs_row(world, o) for o in orders]
    page = paginate(
        req,
        rows,
        size=NCCS_PAGE,
        width=200,
        fk=f"{acct.cano}^{acct.prdt}^{excg}^{sort}^",
        owner=acct.cano + acct.prdt,
        cursor_required=True,  # endpoints.md O5: CTX_AREA_FK200/NK200 Y
    )
    body = {"ctx_area_fk200": page.fk, "ctx_area_nk200": page.nk, "output": page.rows}
    return Reply(body, msg_cd=page.msg_cd, tr_cont=page.tr_cont)


_ORDER_REAL, _ORDER_PAPER = _order_maps()
_RVSE_REAL, _RVSE_PAPER = _rvse_maps()

SPECS: list[ApiSpec] = [
    ApiSpec(
        "overseas-order",
        "POST",
        "/uapi/overseas-stock/v1/trading/order",
        _ORDER_REAL,
        _ORDER_PAPER,
        order,
    ),
    ApiSpec(
        "overseas-order-rvsecncl",
        "POST",
        "/uapi/overseas-stock/v1/trading/order-rvsecncl",
        _RVSE_REAL,
        _RVSE_PAPER,
        order_rvsecncl,
    ),
    ApiSpec(
        "overseas-daytime-order",
        "POST",
        "/uapi/overseas-stock/v1/trading/daytime-order",
        {"TTTS6036U": "buy", "TTTS6037U": "sell"},
        {},  # real-only (endpoints.md O10; seed 004: 미국주간주문 not on paper)
        daytime_order,
    ),
    ApiSpec(
        "overseas-daytime-order-rvsecncl",
        "POST",
        "/uapi/overseas-stock/v1/trading/daytime-order-rvsecncl",
        {"TTTS6038U": ",".join(US)},
        {},
        daytime_rvsecncl,
    ),
    ApiSpec(
        "overseas-inquire-nccs",
        "GET",
        "/uapi/overseas-stock/v1/trading/inquire-nccs",
        {"TTTS3018R": ""},
        # Paper: seed 004 lists 해외주식 미체결내역 as offered on paper (⭕) and postman v1.6 has
        # VTTS3018R; endpoints.md O5 calls it real-only, but the seed wins over the digest.
        {"VTTS3018R": ""},
        inquire_nccs,
    ),
]
