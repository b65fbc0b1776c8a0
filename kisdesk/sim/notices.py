"""Execution notices (체결통보) of the simulator's orders: H0STCNI0 (real) / H0STCNI9 (paper),
26 values per record (websocket.md §6.3), and H0GSCNI0 for overseas orders, made from the order
book's events.

- an order, modify or cancel the book accepted → an acknowledgement (CNTG_YN 1; ACPT_YN 1 for a
  new order, 2 for a modify or cancel), CNTG_QTY/CNTG_UNPR carrying the order's quantity/price;
- every (partial) fill → a fill notice (CNTG_YN 2) with the filled quantity and price;
- the rest of an IOC/FOK order taken off by the exchange → an acknowledgement with ACPT_YN 3.

Order numbers, quantities and prices are the ones the REST order and execution inquiries show.
The simulator refuses orders only synchronously (the REST answer), so it sends no rejection
(RFUS_YN 1) notices. Overseas orders make H0GSCNI0 notices the same way (25 values, §7.3/§9.1,
prices with the market's implied decimals); paper has no overseas notice TR (seed 004).
"""

from __future__ import annotations

from decimal import Decimal

from .envelope import q, s_int
from .matching import OVS_ODD_LOT, Order, OrderEvent
from .order_types import ORD_TYPES
from .universe import EXCHANGES

DOMESTIC_REAL = "H0STCNI0"
DOMESTIC_PAPER = "H0STCNI9"
OVERSEAS_REAL = "H0GSCNI0"
OVERSEAS_PAPER = "H0GSCNI9"
NOTICE_WIDTH = 26
ACCOUNT_NAME = "홍길동"  # the simulated customer (REST shows no holder name to compare with)

_RCTF = {"new": "0", "modify": "1", "cancel": "2"}
_COND = {"day": "0", "ioc": "1", "fok": "2"}
# ORD_DVSN of an overseas order → ODER_KIND2 (§7.3): 00 limit, 31 MOO, 32 LOO, 33 MOC, 34 LOC,
# 50 the HK odd-lot limit.
_OVS_KIND = {"00": "2", "31": "A", "32": "B", "33": "C", "34": "D", OVS_ODD_LOT: "7"}
# Trading exchange → ODER_COND (해외종목구분, §9.1). The digest's list has no Shenzhen A code;
# B (Shenzhen B) is the Shenzhen one, with the same 3 implied decimals.
_OVS_MARKET = {
    "NASD": "6",
    "NYSE": "7",
    "AMEX": "8",
    "SEHK": "4",
    "SHAA": "A",
    "SZAA": "B",
    "TKSE": "D",
    "HASE": "E",
    "VNSE": "F",
}


def _condition(order: Order) -> str:
    kind = ORD_TYPES.get(order.ord_dvsn)
    return _COND[kind.tif] if kind is not None else "0"


def _what(event: OrderEvent, now: str) -> tuple[bool, int, Decimal, str, str] | None:
    """(fill?, CNTG_QTY, CNTG_UNPR, ACPT_YN, time) of the notice ``event`` makes, both TRs alike:
    the order's ORD_TMD for an acknowledgement, the execution's time for a fill, ``now`` for an
    exchange cancellation; None for an event that makes none."""
    order = event.order
    if event.kind == "accepted":
        return False, order.qty, order.price, "1" if order.action == "new" else "2", order.time
    if event.kind == "filled":
        time = order.executions[-1].time if order.executions else now
        return True, event.qty, event.price, "2", time
    if event.kind == "cancelled":
        return False, event.qty, order.price, "3", now
    return None


def _head(order: Order, hts_id: str) -> list[str]:
    """#0–#5, the same on both TRs: CUST_ID, ACNT_NO, ODER_NO, OODER_NO, SELN_BYOV_CLS, RCTF_CLS."""
    side = "02" if order.side == "buy" else "01"
    account = order.account.replace("-", "")
    return [hts_id, account, order.odno, order.orgn_odno, side, _RCTF.get(order.action, "0")]


def domestic_notice(event: OrderEvent, *, hts_id: str, name: str, now: str) -> list[str] | None:
    """The 26 values of the notice ``event`` makes, or None for an event that makes none
    (STCK_CNTG_HOUR as :func:`_what` gives it, as the day's executions list the fills)."""
    order = event.order
    what = _what(event, now)
    if what is None:
        return None
    fill, qty, price, accept, time = what
    return [
        *_head(order, hts_id),
        order.ord_dvsn,
        _condition(order),
        order.code,
        str(qty),
        s_int(price),
        time,
        "0",  # RFUS_YN: accepted
        "2" if fill else "1",
        accept,
        order.orgno,
        str(order.qty),
        ACCOUNT_NAME,
        "",  # ORD_COND_PRC: no stop-limit orders
        "1",  # ORD_EXG_GB: KRX
        "Y",  # POPUP_YN
        "",  # FILLER
        "",  # CRDT_CLS: cash
        "",  # CRDT_LOAN_DATE
        name,
        s_int(order.price),
    ]


def _implied(price: Decimal, places: int, width: int) -> str:
    """A price as digits with ``places`` implied decimals, zero-padded: 148.01 on a US exchange
    (4 places, width 9) is ``001480100`` (§7.3)."""
    return str(int(q(Decimal(price), places).scaleb(places))).zfill(width)


def overseas_notice(event: OrderEvent, *, hts_id: str, name: str, now: str) -> list[str] | None:
    """The 25 values of the H0GSCNI0 notice ``event`` makes (websocket.md §7.3/§9.1), or None.
    Quantities and prices as the workbook's decrypted example writes them (``0000000100``,
    ``000032200``); ODER_QTY empty on acknowledgements; the time as for domestic notices."""
    order = event.order
    exchange = EXCHANGES.get(order.exchange)
    what = _what(event, now)
    if exchange is None or what is None:
        return None
    fill, qty, price, accept, time = what
    places = exchange.zdiv  # = the implied decimals of the market code below (§7.3)
    return [
        *_head(order, hts_id),
        _OVS_KIND.get(order.ord_dvsn, "2"),
        order.code,
        str(qty).zfill(10),
        _implied(price, places, 9),
        time,
        "0",  # RFUS_YN: refusals are the REST answer's, never a notice
        "2" if fill else "1",
        accept,
        order.orgno,
        str(order.qty).zfill(9) if fill else "",  # ODER_QTY: empty on acknowledgements (§9.1)
        ACCOUNT_NAME,
        name,
        _OVS_MARKET[order.exchange],
        "10",  # DEBT_GB: cash
        "",  # DEBT_DATE
        "",  # START_TM: no split (TWAP/VWAP) orders
        "",  # END_TM
        "",  # TM_DIV_TP
        _implied(price, places, 12),  # CNTG_UNPR12: format undocumented; same digits, 12 wide
    ]
