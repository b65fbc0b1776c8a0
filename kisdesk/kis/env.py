"""The three environments (demo, paper, real) and their explicit TR ID tables.

The official helper derives paper TR IDs by replacing the first letter with ``V``; that rule is
wrong for the US sell order (real ``TTTT1006U``, paper ``VTTT1001U``), so every ID is listed here
as written in the digest (endpoints.md). ``None`` means "모의투자 미지원" (real-only). The overseas
order, modify/cancel and daytime TRs have their own table (overseas_trs.py): market × action ×
session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Environment:
    name: str  # "demo" | "paper" | "real"
    base_url: str
    ws_url: str
    profile: str  # "real" | "paper": which TR ID table and limits apply ("demo" uses "real")
    rate_per_sec: int

    def __post_init__(self) -> None:
        if self.profile not in TR_IDS:
            raise ValueError(f"unknown profile {self.profile!r}")

    @property
    def is_paper(self) -> bool:
        return self.profile == "paper"

    @property
    def realtime_url(self) -> str:
        """The websocket every realtime TR is multiplexed on: ``ws_url`` + ``/tryitout``, the
        path the official samples and python-kis use (websocket.md §1); a ``ws_url`` that
        already names a path is taken as it is."""
        _scheme, sep, rest = self.ws_url.partition("://")
        if sep and "/" in rest.rstrip("/"):
            return self.ws_url
        return self.ws_url.rstrip("/") + REALTIME_PATH

    def tr_id(self, function: str) -> str | None:
        """The TR ID of ``function`` in this environment, or None when it is real-only."""
        return TR_IDS[self.profile][function]


REALTIME_PATH = "/tryitout"

# Per-second REST limits per app key (errors-and-limits.md §3).
REAL_RATE_PER_SEC = 20
PAPER_RATE_PER_SEC = 2

_REAL: dict[str, str | None] = {
    # domestic quotations
    "domestic_price": "FHKST01010100",
    "daily_chart": "FHKST03010100",
    "product_info": "CTPF1604R",
    "stock_info": "CTPF1002R",
    "minute_chart": "FHKST03010200",  # D13
    "asking_price": "FHKST01010200",  # D12
    "condition_list": "HHKST03900300",  # D15
    "condition_result": "HHKST03900400",  # D16
    "hts_groups": "HHKCM113004C7",  # D17
    "hts_group_stocks": "HHKCM113004C6",  # D18
    "multi_price": "FHKST11300006",  # D19
    "minute_chart_day": "FHKST03010230",  # D14
    # domestic account
    "domestic_balance": "TTTC8434R",
    "buying_power": "TTTC8908R",
    "sellable_quantity": "TTTC8408R",
    "cancellable_orders": "TTTC0084R",
    "daily_executions": "TTTC0081R",  # up to 3 months back
    "daily_executions_old": "CTSC9215R",  # older than 3 months
    # domestic orders (new TR IDs; the old TTTC080xU may be cut off without notice)
    "order_cash_buy": "TTTC0012U",
    "order_cash_sell": "TTTC0011U",
    "order_modify_cancel": "TTTC0013U",
    # rankings
    "credit_balance_ranking": "FHKST17010000",
    "volume_rank": "FHPST01710000",
    "fluctuation_rank": "FHPST01700000",
    "market_cap_rank": "FHPST01740000",
    # overseas
    "overseas_balance": "TTTS3012R",
    "overseas_present_balance": "CTRP6504R",
    "overseas_price": "HHDFS00000300",
    "overseas_price_detail": "HHDFS76200200",
    "overseas_daily_chart": "HHDFS76240000",  # O6b
    "overseas_minute_chart": "HHDFS76950200",  # O7
    "overseas_open_orders": "TTTS3018R",
    "overseas_buying_power": "TTTS3007R",
    "overseas_order_history": "TTTS3035R",
}

_PAPER: dict[str, str | None] = {
    "domestic_price": "FHKST01010100",
    "daily_chart": "FHKST03010100",
    "product_info": None,
    "stock_info": None,
    "minute_chart": "FHKST03010200",  # the same TR on the paper host
    "asking_price": "FHKST01010200",  # the same TR on the paper host
    "condition_list": None,
    "condition_result": None,
    "hts_groups": None,
    "hts_group_stocks": None,
    "multi_price": None,
    "minute_chart_day": None,
    "domestic_balance": "VTTC8434R",
    "buying_power": "VTTC8908R",
    "sellable_quantity": None,
    "cancellable_orders": None,
    "daily_executions": "VTTC0081R",
    "daily_executions_old": "VTSC9215R",
    "order_cash_buy": "VTTC0012U",
    "order_cash_sell": "VTTC0011U",
    "order_modify_cancel": "VTTC0013U",
    "credit_balance_ranking": None,
    "volume_rank": None,
    "fluctuation_rank": None,
    "market_cap_rank": None,
    "overseas_balance": "VTTS3012R",
    "overseas_present_balance": "VTRP6504R",  # paper fills output3 only
    "overseas_price": "HHDFS00000300",
    "overseas_price_detail": None,
    "overseas_daily_chart": "HHDFS76240000",  # the same TR on the paper host
    "overseas_minute_chart": None,
    # Seed 004 lists 해외주식 미체결내역 as offered on paper (⭕), as does postman v1.6; the
    # digest (endpoints.md O5) says real-only, but the seed wins.
    "overseas_open_orders": "VTTS3018R",
    # Seed 004 lists 해외주식 매수가능금액조회 as not offered on paper; the digest's VTTS3007R
    # (endpoints.md O8) loses to the seed.
    "overseas_buying_power": None,
    "overseas_order_history": "VTTS3035R",
}

assert _REAL.keys() == _PAPER.keys()

TR_IDS: Mapping[str, Mapping[str, str | None]] = MappingProxyType(
    {"real": MappingProxyType(_REAL), "paper": MappingProxyType(_PAPER)}
)

REAL = Environment(
    name="real",
    base_url="https://openapi.koreainvestment.com:9443",
    ws_url="ws://ops.koreainvestment.com:21000",
    profile="real",
    rate_per_sec=REAL_RATE_PER_SEC,
)

PAPER = Environment(
    name="paper",
    base_url="https://openapivts.koreainvestment.com:29443",
    ws_url="ws://ops.koreainvestment.com:31000",
    profile="paper",
    rate_per_sec=PAPER_RATE_PER_SEC,
)


def demo_environment(base_url: str, ws_url: str, *, profile: str = "real") -> Environment:
    """The built-in simulator on loopback; it speaks the real profile unless told otherwise."""
    rate = PAPER_RATE_PER_SEC if profile == "paper" else REAL_RATE_PER_SEC
    return Environment(
        name="demo", base_url=base_url, ws_url=ws_url, profile=profile, rate_per_sec=rate
    )


def by_name(name: str, *, demo: Environment | None = None) -> Environment:
    """``"real"``, ``"paper"`` or ``"demo"`` (demo needs the running simulator's environment)."""
    if name == "real":
        return REAL
    if name == "paper":
        return PAPER
    if name == "demo" and demo is not None:
        return demo
    raise ValueError(f"unknown environment {name!r}")
