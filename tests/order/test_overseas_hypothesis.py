"""Random overseas tickets against the simulator in the KRX-clock mode: what the domain rules let
through, the simulator accepts; what they refuse, the simulator refuses too — tick, lot, order
type, session (US regular and daytime, the Asian windows), daily limits, buying power and the
sellable quantity. The facts come from the server as the ticket reads them (O6 with the daytime
code in the daytime session, O8, O1); the order goes to the TR the client's table names."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kisdesk.domain.order_types import Side
from kisdesk.domain.overseas_hours import KST, route
from kisdesk.domain.overseas_orders import (
    MARKETS,
    OVERSEAS_TYPES,
    OVS_LIMIT,
    OverseasDraft,
    OverseasFacts,
    validate_overseas,
)
from kisdesk.domain.overseas_ticks import step_tick
from kisdesk.kis.overseas_trs import order_tr
from kisdesk.sim.testing import SimThread
from tests.sim.conftest import Kis
from tests.sim.overseas_helpers import (
    BALANCE,
    ok,
    psamount,
    set_clock,
)

ISSUES = [
    ("NASD", "AAPL"),  # daytime-tradable
    ("NASD", "AMD"),  # not in the daytime session
    ("NYSE", "KO"),
    ("SEHK", "00700"),  # board lot 100
    ("SEHK", "00005"),  # board lot 400
    ("TKSE", "7203"),
    ("SHAA", "601012"),  # ±10 % band
    ("VNSE", "FPT"),  # ±7 % band, 100-dong tick at its price
]
TIMES = [
    "2026-11-23T09:30",  # Tokyo
    "2026-11-23T11:45",  # Tokyo lunch, Hong Kong / Shanghai / Vietnam open
    "2026-11-23T12:00",  # US daytime session
    "2026-11-23T13:30",  # Hong Kong lunch
    "2026-11-23T16:30",  # Hong Kong only, US daytime
    "2026-11-23T19:00",  # US pre-market
    "2026-11-24T02:00",  # US regular
    "2026-11-24T06:30",  # US after-market
    "2026-11-24T08:00",  # nothing
    "2026-11-28T12:00",  # Saturday
    "2026-07-06T17:30",  # summer: US pre-market and the daytime session overlap
]


@pytest.fixture(scope="module")
def kis() -> Iterator[Kis]:
    with SimThread("real", seed=77, market_hours="krx", rate_limit=100_000) as sim:
        k = Kis(sim).use("large")
        yield k
        k.close()


def _detail(kis: Kis, exchange: str, code: str, daytime: bool) -> dict[str, str]:
    m = MARKETS[exchange]
    excd = m.daytime_quote if daytime else m.quote
    path = "/uapi/overseas-price/v1/quotations/price-detail"
    r = kis.get(path, "HHDFS76200200", {"AUTH": "", "EXCD": excd, "SYMB": code})
    return ok(r.json())["output"]


def _sellable(kis: Kis, exchange: str, code: str) -> int:
    params = {
        **kis.acct,
        "OVRS_EXCG_CD": exchange,
        "TR_CRCY_CD": MARKETS[exchange].currency,
        "CTX_AREA_FK200": "",
        "CTX_AREA_NK200": "",
    }
    cont, total = "", 0
    while True:
        r = kis.get(BALANCE, "TTTS3012R", params, tr_cont=cont)
        body = ok(r.json())
        total += sum(
            int(h["ord_psbl_qty"])
            for h in body["output1"]
            if h["ovrs_pdno"] == code and h["ovrs_excg_cd"] == exchange
        )
        if r.headers["tr_cont"] in ("D", "E"):
            return total
        params["CTX_AREA_FK200"] = body["ctx_area_fk200"]
        params["CTX_AREA_NK200"] = body["ctx_area_nk200"]
        cont = "N"


def _dec(text: str) -> Decimal | None:
    value = Decimal(text)
    return value if value else None


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    issue=st.sampled_from(ISSUES),
    when=st.sampled_from(TIMES),
    side=st.sampled_from([Side.BUY, Side.SELL]),
    # Weighted towards orders that could pass, so both answers are tried often.
    order_type=st.sampled_from([OVS_LIMIT] * 8 + list(OVERSEAS_TYPES)),
    ticks=st.one_of(st.integers(-3, 3), st.integers(-40, 40), st.integers(-300, 300)),
    off_grid=st.sampled_from(["0"] * 6 + ["0.001", "0.5", "0.00005"]),
    lots=st.sampled_from([1, 1, 1, 2, 3, 0, 3000]),  # 3000 lots: past the buying power
    odd=st.sampled_from([0] * 6 + [1, 30, 50]),
)
def test_domain_and_simulator_agree(
    kis: Kis,
    issue: tuple[str, str],
    when: str,
    side: Side,
    order_type,
    ticks: int,
    off_grid: str,
    lots: int,
    odd: int,
) -> None:
    exchange, code = issue
    set_clock(kis, when)
    now = kis.sim.call(lambda s: s.now()).astimezone(KST)
    where = route(exchange, now)
    d = _detail(kis, exchange, code, where.daytime)
    current, tick, lot = Decimal(d["last"]), Decimal(d["e_hogau"]), int(d["vnit"])
    price = step_tick(exchange, current, ticks, tick, current) + Decimal(off_grid)
    qty = lots * lot + odd
    sellable = _sellable(kis, exchange, code) if side is Side.SELL else None
    power = max_qty = None
    if side is Side.BUY:
        o8 = ok(psamount(kis, exchange, code, price).json())["output"]
        power, max_qty = Decimal(o8["ovrs_ord_psbl_amt"]), int(o8["max_ord_psbl_qty"])
    ordyn = d["e_ordyn"] == "매매 가능"
    facts = OverseasFacts(
        exchange=exchange,
        route=where,
        current=current,
        tick=tick,
        lot=lot,
        decimals=int(d["zdiv"]),
        upper=_dec(d["uplp"]),
        lower=_dec(d["dnlp"]),
        tradable=ordyn or where.daytime,
        daytime_tradable=ordyn if where.daytime else None,
        buying_power=power,
        max_buy_qty=max_qty,
        max_buy_price=price,
        sellable_qty=sellable,
    )
    draft = OverseasDraft(side, exchange, code, order_type, price, qty)
    problems = validate_overseas(draft, facts)

    row = order_tr(exchange, side.value, daytime=where.daytime)
    body = {
        **kis.acct,
        "OVRS_EXCG_CD": exchange,
        "PDNO": code,
        "ORD_QTY": str(qty),
        "OVRS_ORD_UNPR": str(price) if order_type.needs_price else "0",
        "CTAC_TLNO": "",
        "MGCO_APTM_ODNO": "",
        "ORD_SVR_DVSN_CD": "0",
        "ORD_DVSN": order_type.code,
    }
    if not where.daytime:
        body["SLL_TYPE"] = "00" if side is Side.SELL else ""
    # Closed everywhere: the regular TR is what a client would try.
    answer = kis.post(row.path, row.tr_id(False), body).json()
    accepted = answer["rt_cd"] == "0"
    event(f"simulator {answer['msg_cd']}")  # --hypothesis-show-statistics: the mix tried
    assert accepted == (not problems), (
        f"domain: {[p.code for p in problems]}, simulator: {answer['msg_cd']} {answer['msg1']}"
    )
