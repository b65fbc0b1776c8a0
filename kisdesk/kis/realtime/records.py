"""Typed records of the realtime feed, read by position (websocket.md §6, §7, §9).

Prices, sizes, volumes and rates are Decimal; codes, flags and times stay text (HHMMSS,
YYYYMMDD) because the feed delivers tens of thousands of records a second and most readers need
one or two fields. Fields the older layouts lack (46-field ticks, 59-field books, 23-field
notices) are ``required=False`` and read as empty. Personal fields of execution notices (customer
id, account, account name) are left out of ``repr`` so that logging a notice leaks nothing.
"""

# ruff: noqa: RUF009  (at()/span() are dataclass field specifiers, evaluated once by design)
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kisdesk.kis.realtime.layout import at, span


class _Levels:
    """(price, size) pairs of a book's sides, best first."""

    __slots__ = ()

    @property
    def ask_levels(self) -> list[tuple[Decimal, Decimal]]:
        return list(zip(self.asks, self.ask_sizes, strict=False))  # type: ignore[attr-defined]

    @property
    def bid_levels(self) -> list[tuple[Decimal, Decimal]]:
        return list(zip(self.bids, self.bid_sizes, strict=False))  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class _Notice:
    """The head both notice TRs share (#0–#5), and the meaning of their flags."""

    customer_id: str = at(0, repr=False)  # HTS id
    account: str = at(1, repr=False)
    order_no: str = at(2)
    original_order_no: str = at(3)  # for modify / cancel
    side: str = at(4)  # 01 sell, 02 buy (overseas also 03 전매도, 04 환매수)
    revision: str = at(5)  # 0 new, 1 modify, 2 cancel

    @property
    def is_fill(self) -> bool:
        return self.notice_kind == "2"  # type: ignore[attr-defined]  # CNTG_YN

    @property
    def is_ack(self) -> bool:
        return self.notice_kind == "1"  # type: ignore[attr-defined]

    @property
    def rejected(self) -> bool:
        return self.refused_flag == "1"  # type: ignore[attr-defined]  # RFUS_YN

    @property
    def is_buy(self) -> bool:
        return self.side in ("02", "04")


# ---------------------------------------------------------------------------------------------
# Domestic (KRX)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DomesticTick:
    """H0STCNT0: one KRX trade (§6.1; 46 fields, 47 on the current server)."""

    code: str = at(0)
    time: str = at(1)  # HHMMSS, KST
    price: Decimal = at(2)
    sign: str = at(3)  # 1 upper limit, 2 up, 3 flat, 4 lower limit, 5 down
    change: Decimal = at(4)  # signed, vs the previous close
    change_rate: Decimal = at(5)  # %
    vwap: Decimal = at(6)
    open: Decimal = at(7)
    high: Decimal = at(8)
    low: Decimal = at(9)
    ask: Decimal = at(10)  # best ask
    bid: Decimal = at(11)  # best bid
    trade_volume: Decimal = at(12)  # this trade's size
    volume: Decimal = at(13)  # cumulative for the day
    trade_value: Decimal = at(14)  # cumulative KRW
    sell_count: Decimal = at(15)  # sell-initiated trades so far
    buy_count: Decimal = at(16)
    strength: Decimal = at(18)  # 체결강도: buy volume / sell volume × 100
    sell_volume: Decimal = at(19)  # sell-initiated volume so far
    buy_volume: Decimal = at(20)
    side: str = at(21)  # CCLD_DVSN: 1 buy-initiated, 3 pre-open, 5 sell-initiated
    buy_ratio: Decimal = at(22)
    volume_rate: Decimal = at(23)  # cumulative volume vs the previous day, %
    open_time: str = at(24)
    high_time: str = at(27)
    low_time: str = at(30)
    business_date: str = at(33)  # YYYYMMDD
    session_code: str = at(34)  # NEW_MKOP_CLS_CODE, two characters (§6.1 #34)
    halted_flag: str = at(35)  # TRHT_YN
    ask_size: Decimal = at(36)  # at the best ask
    bid_size: Decimal = at(37)
    total_ask_size: Decimal = at(38)
    total_bid_size: Decimal = at(39)
    turnover: Decimal = at(40)
    prev_same_time_volume: Decimal = at(41)
    prev_same_time_volume_rate: Decimal = at(42)
    hour_code: str = at(43)  # 0 in session; A/B/C/D expected-price phases
    vi_price: Decimal | None = at(45)  # static VI reference price
    market_session: str = at(46, required=False)  # MARKET_CLS_CODE (47-field layout only)

    @property
    def prev_close(self) -> Decimal:
        return self.price - self.change

    @property
    def halted(self) -> bool:
        return self.halted_flag == "Y"

    @property
    def buy_initiated(self) -> bool:
        return self.side == "1"

    @property
    def sell_initiated(self) -> bool:
        return self.side == "5"


@dataclass(frozen=True, slots=True)
class DomesticBook(_Levels):
    """H0STASP0: the KRX book, 10 levels a side (§6.2; 59 fields, 63 on the current server).

    Level 1 is the best: ``asks`` ascend from the best ask, ``bids`` descend from the best bid.
    """

    code: str = at(0)
    time: str = at(1)  # HHMMSS
    hour_code: str = at(2)  # 0 in session; A/B/C/D: expected-price (auction) phases
    asks: tuple[Decimal, ...] = span(3, 10)
    bids: tuple[Decimal, ...] = span(13, 10)
    ask_sizes: tuple[Decimal, ...] = span(23, 10)
    bid_sizes: tuple[Decimal, ...] = span(33, 10)
    total_ask_size: Decimal = at(43)
    total_bid_size: Decimal = at(44)
    after_hours_ask_size: Decimal = at(45)
    after_hours_bid_size: Decimal = at(46)
    expected_price: Decimal = at(47)  # during auctions; 0 otherwise
    expected_qty: Decimal = at(48)
    expected_volume: Decimal = at(49)
    expected_change: Decimal = at(50)
    expected_sign: str = at(51)
    expected_change_rate: Decimal = at(52)
    volume: Decimal = at(53)
    total_ask_size_change: Decimal = at(54)
    total_bid_size_change: Decimal = at(55)
    after_hours_ask_change: Decimal = at(56)
    after_hours_bid_change: Decimal = at(57)
    mid_price: Decimal | None = at(59, required=False)  # 63-field layout only, from here on
    mid_total_size: Decimal | None = at(60, required=False)
    mid_side_code: str = at(61, required=False)
    market_session: str = at(62, required=False)

    @property
    def auction(self) -> bool:
        """True while the book shows an expected price (pre-open, close, VI, after hours)."""
        return self.hour_code not in ("", "0")


@dataclass(frozen=True, slots=True)
class DomesticNotice(_Notice):
    """H0STCNI0 / H0STCNI9: an order acknowledgement or a fill (§6.3; 26 fields, 23 in the old
    layout python-kis parses, see ``LEGACY_NOTICE_23``)."""

    order_kind: str = at(6)  # ORD_DVSN code
    order_condition: str = at(7)  # 0 none, 1 IOC, 2 FOK
    code: str = at(8)
    qty: Decimal = at(9)  # fill: filled qty; acknowledgement: the order qty
    price: Decimal = at(10)  # fill: fill price; acknowledgement: the order price
    time: str = at(11)  # HHMMSS
    refused_flag: str = at(12)  # RFUS_YN: 0 accepted, 1 rejected
    notice_kind: str = at(13)  # CNTG_YN: 1 acknowledgement, 2 fill
    accept_code: str = at(14)  # ACPT_YN: 1 accepted, 2 confirmed, 3 cancelled (IOC/FOK)
    branch: str = at(15)
    order_qty: Decimal = at(16)
    account_name: str = at(17, repr=False)
    trigger_price: Decimal | None = at(18, required=False)  # stop-limit; 26-field layout
    exchange: str = at(19, required=False)  # 1 KRX, 2 NXT, 3 SOR→KRX, 4 SOR→NXT
    popup: str = at(20, required=False)
    credit_class: str = at(22)
    credit_loan_date: str = at(23)
    name: str = at(24)
    order_price: Decimal | None = at(25)

    @property
    def cancelled_unfilled(self) -> bool:
        """An IOC/FOK remainder cancelled by the exchange."""
        return self.accept_code == "3"


# The 23-field layout: no trigger price, exchange, popup or filler; the rest moves up by three
# (… 17 ACNT_NAME, 18 CNTG_ISNM, 19 CRDT_CLS, 20 CRDT_LOAN_DATE, 21 CNTG_ISNM40, 22 ODER_PRC).
LEGACY_NOTICE_23: dict[str, int | None] = {
    "trigger_price": None,
    "exchange": None,
    "popup": None,
    "credit_class": 19,
    "credit_loan_date": 20,
    "name": 21,
    "order_price": 22,
}

# ---------------------------------------------------------------------------------------------
# Overseas
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OverseasTick:
    """HDFSCNT0: one overseas trade (§7.1, 26 fields)."""

    key: str = at(0)  # realtime key, e.g. DNASAAPL
    symbol: str = at(1)
    decimals: int = at(2)  # ZDIV
    local_business_date: str = at(3)
    local_date: str = at(4)
    local_time: str = at(5)
    kst_date: str = at(6)
    kst_time: str = at(7)
    open: Decimal = at(8)
    high: Decimal = at(9)
    low: Decimal = at(10)
    price: Decimal = at(11)
    sign: str = at(12)
    change: Decimal = at(13)
    change_rate: Decimal = at(14)
    bid: Decimal = at(15)
    ask: Decimal = at(16)
    bid_size: Decimal = at(17)
    ask_size: Decimal = at(18)
    trade_volume: Decimal = at(19)
    volume: Decimal = at(20)
    trade_value: Decimal = at(21)
    sell_volume: Decimal = at(22)  # BIVL: executed against the bid
    buy_volume: Decimal = at(23)  # ASVL: executed against the ask
    strength: Decimal = at(24)
    session: str = at(25)  # MTYP: 1 regular, 2 pre-market, 3 after-market

    @property
    def market(self) -> str:
        """The key's market part: NAS, NYS, AMS, TSE, HKS, … (BAQ/BAY/BAA: US daytime)."""
        return self.key[1:4]

    @property
    def prev_close(self) -> Decimal:
        return self.price - self.change


@dataclass(frozen=True, slots=True)
class OverseasBook(_Levels):
    """HDFSASP0 (US, 10 levels, 71 fields) and HDFSASP1 (Asia delayed, 1 level, 17 fields).

    Levels follow 11 + 6·(n−1): bid, ask, bid size, ask size, bid size change, ask size change.
    """

    key: str = at(0)
    symbol: str = at(1)
    decimals: int = at(2)
    local_date: str = at(3)
    local_time: str = at(4)
    kst_date: str = at(5)
    kst_time: str = at(6)
    total_bid_size: Decimal = at(7)
    total_ask_size: Decimal = at(8)
    total_bid_change: Decimal = at(9)
    total_ask_change: Decimal = at(10)
    bids: tuple[Decimal, ...] = span(11, 10, 6, required=False)
    asks: tuple[Decimal, ...] = span(12, 10, 6, required=False)
    bid_sizes: tuple[Decimal, ...] = span(13, 10, 6, required=False)
    ask_sizes: tuple[Decimal, ...] = span(14, 10, 6, required=False)
    bid_size_changes: tuple[Decimal, ...] = span(15, 10, 6, required=False)
    ask_size_changes: tuple[Decimal, ...] = span(16, 10, 6, required=False)

    @property
    def market(self) -> str:
        return self.key[1:4]


# CNTG_UNPR of overseas notices has implied decimals by market (ODER_COND, §7.3 / §9.1).
_IMPLIED_DECIMALS = {
    "4": 3,  # Hong Kong
    "5": 3,  # Shanghai B
    "6": 4,  # NASDAQ
    "7": 4,  # NYSE
    "8": 4,  # AMEX
    "9": 4,  # OTCB
    "A": 3,  # Shanghai A
    "B": 3,  # Shenzhen B
    "C": 3,  # Hong Kong (CNY)
    "D": 1,  # Tokyo
    "E": 0,  # Hanoi
    "F": 0,  # Ho Chi Minh
}


@dataclass(frozen=True, slots=True)
class OverseasNotice(_Notice):
    """H0GSCNI0 / H0GSCNI9: an overseas acknowledgement or fill (§9.1; 21 to 25 fields)."""

    order_kind: str = at(6)  # ODER_KIND2: 1 market, 2 limit, … A MOO, B LOO, C MOC, D LOC
    code: str = at(7)
    qty: Decimal = at(8)  # acknowledgement: the order qty; fill: the filled qty
    raw_price: Decimal | None = at(9)  # CNTG_UNPR, implied decimals: see ``price``
    time: str = at(10)  # not sent by some exchanges: stamp on receipt
    refused_flag: str = at(11)
    notice_kind: str = at(12)  # 1 acknowledgement, 2 fill
    accept_code: str = at(13)
    branch: str = at(14)
    order_qty: Decimal | None = at(15)  # empty on acknowledgements
    account_name: str = at(16, repr=False)
    name: str = at(17)
    market_code: str = at(18)  # ODER_COND: 6 NASDAQ, 7 NYSE, D Tokyo, … (_IMPLIED_DECIMALS)
    debt_kind: str = at(19)
    debt_date: str = at(20)
    start_time: str = at(21, required=False)
    end_time: str = at(22, required=False)
    time_kind: str = at(23, required=False)
    raw_price12: Decimal | None = at(24, required=False)  # CNTG_UNPR12 (2026-01), undocumented

    @property
    def price(self) -> Decimal | None:
        """CNTG_UNPR as a price: ``001480100`` on NASDAQ is 148.0100. None when the market is
        unknown (its implied decimals are then unknown too)."""
        raw = self.raw_price
        if raw is None:
            return None
        if raw.as_tuple().exponent != 0:  # sent with a decimal point: take it as it is
            return raw
        places = _IMPLIED_DECIMALS.get(self.market_code)
        return None if places is None else raw.scaleb(-places)
