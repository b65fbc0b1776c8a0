"""The overseas order TRs in one table: market × action × session → TR ID (real, paper), path.

From endpoints.md O4/O10. Written out, not derived: the paper US sell is ``VTTT1001U``, not the
``V`` + real rule's ``VTTT1006U``; Shenzhen cancels with ``TTTS0306U`` (python-kis wrongly uses
Shanghai's ``TTTS0302U``); the US daytime session has TRs and paths of its own and no paper TR.
Shanghai, Shenzhen and Vietnam take a cancel but no modify on their modify/cancel TR.
"""

from __future__ import annotations

from dataclasses import dataclass

from kisdesk.kis.errors import NotOfferedInPaper

P_ORDER = "/uapi/overseas-stock/v1/trading/order"
P_RVSECNCL = "/uapi/overseas-stock/v1/trading/order-rvsecncl"
P_DAYTIME_ORDER = "/uapi/overseas-stock/v1/trading/daytime-order"
P_DAYTIME_RVSECNCL = "/uapi/overseas-stock/v1/trading/daytime-order-rvsecncl"

# Trading (4-letter) exchange code → market group of the TR table.
EXCHANGE_GROUP = {
    "NASD": "us",
    "NYSE": "us",
    "AMEX": "us",
    "SEHK": "hk",
    "SHAA": "sh",
    "SZAA": "sz",
    "TKSE": "jp",
    "HASE": "vn",
    "VNSE": "vn",
}

BUY, SELL, REVISE = "buy", "sell", "revise"  # revise: the modify/cancel TR
REGULAR, DAYTIME = "regular", "daytime"


@dataclass(frozen=True)
class OrderTr:
    group: str
    action: str
    session: str
    real: str
    paper: str | None  # None: 모의투자 미지원
    path: str
    modify: bool = True  # a revise TR that also modifies (False: cancel only)

    def tr_id(self, paper: bool) -> str:
        if not paper:
            return self.real
        if self.paper is None:
            raise NotOfferedInPaper(
                msg1=f"{self.real} ({self.session} {self.action}) is not offered on paper trading"
                " (모의투자 미지원)",
                tr_id="",
            )
        return self.paper


def _rows() -> tuple[OrderTr, ...]:
    order = (
        # group, real buy, real sell, paper buy, paper sell
        ("us", "TTTT1002U", "TTTT1006U", "VTTT1002U", "VTTT1001U"),
        ("hk", "TTTS1002U", "TTTS1001U", "VTTS1002U", "VTTS1001U"),
        ("sh", "TTTS0202U", "TTTS1005U", "VTTS0202U", "VTTS1005U"),
        ("sz", "TTTS0305U", "TTTS0304U", "VTTS0305U", "VTTS0304U"),
        ("jp", "TTTS0308U", "TTTS0307U", "VTTS0308U", "VTTS0307U"),
        ("vn", "TTTS0311U", "TTTS0310U", "VTTS0311U", "VTTS0310U"),
    )
    revise = (
        # group, real, paper, modifies too
        ("us", "TTTT1004U", "VTTT1004U", True),
        ("hk", "TTTS1003U", "VTTS1003U", True),
        ("jp", "TTTS0309U", "VTTS0309U", True),
        ("sh", "TTTS0302U", "VTTS0302U", False),
        ("sz", "TTTS0306U", "VTTS0306U", False),
        ("vn", "TTTS0312U", "VTTS0312U", False),
    )
    rows: list[OrderTr] = []
    for group, rb, rs, pb, ps in order:
        rows.append(OrderTr(group, BUY, REGULAR, rb, pb, P_ORDER))
        rows.append(OrderTr(group, SELL, REGULAR, rs, ps, P_ORDER))
    for group, real, paper, modify in revise:
        rows.append(OrderTr(group, REVISE, REGULAR, real, paper, P_RVSECNCL, modify))
    rows += [
        OrderTr("us", BUY, DAYTIME, "TTTS6036U", None, P_DAYTIME_ORDER),
        OrderTr("us", SELL, DAYTIME, "TTTS6037U", None, P_DAYTIME_ORDER),
        OrderTr("us", REVISE, DAYTIME, "TTTS6038U", None, P_DAYTIME_RVSECNCL),
    ]
    return tuple(rows)


ORDER_TRS: tuple[OrderTr, ...] = _rows()
_INDEX = {(r.group, r.action, r.session): r for r in ORDER_TRS}


def group_of(exchange: str) -> str:
    group = EXCHANGE_GROUP.get(exchange.strip().upper())
    if group is None:
        raise ValueError(f"unknown overseas exchange {exchange!r}")
    return group


def order_tr(exchange: str, action: str, *, daytime: bool = False) -> OrderTr:
    """The row for an order (``buy``/``sell``) or a modify/cancel (``revise``) on ``exchange``;
    ValueError for an unknown exchange or a daytime order outside the US."""
    group = group_of(exchange)
    row = _INDEX.get((group, action, DAYTIME if daytime else REGULAR))
    if row is None:
        raise ValueError(f"no {'daytime ' if daytime else ''}{action} TR for {exchange}")
    return row
