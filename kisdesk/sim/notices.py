"""Execution notices (체결통보) of the simulator's orders: H0STCNI0 (real) / H0STCNI9 (paper),
26 values per record (websocket.md §6.3), made from the order book's events.

- an order, modify or cancel the book accepted → an acknowledgement (CNTG_YN 1; ACPT_YN 1 for a
  new order, 2 for a modify or cancel), CNTG_QTY/CNTG_UNPR carrying the order's quantity/price;
- every (partial) fill → a fill notice (CNTG_YN 2) with the filled quantity and price;
- the rest of an IOC/FOK order taken off by the exchange → an acknowledgement with ACPT_YN 3.

Order numbers, quantities and prices are the ones the REST order and execution inquiries show.
The simulator refuses orders only synchronously (the REST answer), so it sends no rejection
(RFUS_YN 1) notices. Overseas notices (H0GSCNI0/9, §7.3) come with overseas orders:
:func:`overseas_notice` is the hook.
"""

from __future__ import annotations

from .envelope import s_int
from .matching import Order, OrderEvent
from .order_types import ORD_TYPES

DOMESTIC_REAL = "H0STCNI0"
DOMESTIC_PAPER = "H0STCNI9"
OVERSEAS_REAL = "H0GSCNI0"
OVERSEAS_PAPER = "H0GSCNI9"
NOTICE_WIDTH = 26
ACCOUNT_NAME = "홍길동"  # the simulated customer (REST shows no holder name to compare with)

_RCTF = {"new": "0", "modify": "1", "cancel": "2"}
_COND = {"day": "0", "ioc": "1", "fok": "2"}


def _condition(order: Order) -> str:
    kind = ORD_TYPES.get(order.ord_dvsn)
    return _COND[kind.tif] if kind is not None else "0"


def domestic_notice(event: OrderEvent, *, hts_id: str, name: str, now: str) -> list[str] | None:
    """The 26 values of the notice ``event`` makes, or None for an event that makes none.
    STCK_CNTG_HOUR is the order's ORD_TMD for an acknowledgement, the execution's time for a
    fill (as the day's executions list them), ``now`` (HHMMSS) for an exchange cancellation."""
    order = event.order
    if event.kind == "accepted":
        fill, qty, price, time = False, order.qty, order.price, order.time
        accept = "1" if order.action == "new" else "2"
    elif event.kind == "filled":
        fill, qty, price, accept = True, event.qty, event.price, "2"
        time = order.executions[-1].time if order.executions else now
    elif event.kind == "cancelled":
        fill, qty, price, accept, time = False, event.qty, order.price, "3", now
    else:
        return None
    return [
        hts_id,
        order.account.replace("-", ""),
        order.odno,
        order.orgn_odno,
        "02" if order.side == "buy" else "01",
        _RCTF.get(order.action, "0"),
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


def overseas_notice(event: OrderEvent, *, hts_id: str, name: str) -> list[str] | None:
    """Hook for H0GSCNI0/9 (25 values, websocket.md §7.3/§9.1), to be filled in with overseas
    orders; until then an overseas order sends no notice."""
    del event, hts_id, name
    return None
