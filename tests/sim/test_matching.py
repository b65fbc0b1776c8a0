"""Orders and matching: fills, rejections, modify/cancel, sessions and book-keeping invariants."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kisdesk.domain.ticks import step_price, tick_size
from kisdesk.sim.clock import KST
from kisdesk.sim.testing import SimThread
from tests.sim.conftest import PSBL_ORDER, RVSECNCL, Kis

SAMSUNG = "005930"


def _psbl(kis: Kis, code: str, ord_dvsn: str = "01", price: str = "0") -> dict[str, str]:
    params = {
        **kis.acct,
        "PDNO": code,
        "ORD_UNPR": price,
        "ORD_DVSN": ord_dvsn,
        "CMA_EVLU_AMT_ICLD_YN": "N",
        "OVRS_ICLD_YN": "N",
    }
    return kis.get(PSBL_ORDER, "TTTC8908R", params).json()["output"]


def _rvsecncl(kis: Kis, odno: str, kind: str, qty: int = 0, price: int = 0) -> dict[str, Any]:
    body = {
        **kis.acct,
        "KRX_FWDG_ORD_ORGNO": "06010",
        "ORGN_ODNO": odno,
        "ORD_DVSN": "00",
        "RVSE_CNCL_DVSN_CD": kind,
        "ORD_QTY": str(qty),
        "ORD_UNPR": str(price),
        "QTY_ALL_ORD_YN": "Y" if qty == 0 else "N",
    }
    return kis.post(RVSECNCL, "TTTC0013U", body).json()


def _holding(kis: Kis, code: str) -> dict[str, str] | None:
    for page in kis.balance_pages("TTTC8434R"):
        for row in page["body"]["output1"]:
            if row["pdno"] == code:
                return row
    return None


def test_market_buy_fills_at_once(kis: Kis) -> None:
    before = _holding(kis, SAMSUNG)
    assert before is not None
    price = kis.price(SAMSUNG)["stck_prpr"]
    ack = kis.order("TTTC0012U", SAMSUNG, 5, 0, "01")
    assert ack["rt_cd"] == "0"
    row = kis.daily_ccld().json()["output1"][0]
    assert (row["odno"], row["tot_ccld_qty"], row["avg_prvs"]) == (
        ack["output"]["ODNO"],
        "5",
        price,
    )
    after = _holding(kis, SAMSUNG)
    assert after is not None
    assert int(after["hldg_qty"]) == int(before["hldg_qty"]) + 5
    assert int(after["thdt_buyqty"]) == 5


def test_market_buy_checked_at_upper_limit(kis: Kis) -> None:
    out = _psbl(kis, SAMSUNG)
    quote = kis.price(SAMSUNG)
    assert out["psbl_qty_calc_unpr"] == quote["stck_mxpr"]
    qty = int(out["nrcvb_buy_qty"])
    # qty+1 would fit at the current price but not at the upper limit: refused as KIS does.
    assert (qty + 1) * int(quote["stck_prpr"]) < int(out["ord_psbl_cash"])
    rejected = kis.order("TTTC0012U", SAMSUNG, qty + 1, 0, "01")
    assert (rejected["rt_cd"], rejected["msg_cd"]) == ("7", "APBK0952")
    assert kis.order("TTTC0012U", SAMSUNG, qty, 0, "01")["rt_cd"] == "0"
    assert kis.sim.stats.orders_rejected == 1 and kis.sim.stats.orders_received == 2


def test_limit_order_rests_then_fills_on_steps(kis: Kis) -> None:
    price = Decimal(kis.price(SAMSUNG)["stck_prpr"])
    limit = step_price(price, -1)
    ack = kis.order("TTTC0012U", SAMSUNG, 40, int(limit))
    odno = ack["output"]["ODNO"]
    assert [o["odno"] for o in kis.open_orders()] == [odno]
    power = int(_psbl(kis, SAMSUNG, "00", str(int(limit)))["ord_psbl_cash"])
    fills: list[int] = []
    for _ in range(400):
        kis.sim.call("step_market", 1)
        filled = kis.sim.call(lambda s: s.orders.orders[odno].filled)
        if not fills or filled != fills[-1]:
            fills.append(filled)
        if filled == 40:
            break
    assert fills[-1] == 40
    row = next(r for r in kis.daily_ccld().json()["output1"] if r["odno"] == odno)
    assert row["avg_prvs"] == str(int(limit)) and row["rmn_qty"] == "0"
    assert kis.open_orders() == []
    # The reservation (40 × limit) turned into the purchase: buying power is unchanged.
    assert int(_psbl(kis, SAMSUNG, "00", str(int(limit)))["ord_psbl_cash"]) == power


def test_partial_fills_happen(kis: Kis) -> None:
    """Large resting orders fill in seeded parts; some order of a few shows a partial state."""
    partial_seen = False
    for code in ("000660", "035720", "005380"):
        price = Decimal(kis.price(code)["stck_prpr"])
        odno = kis.order("TTTC0011U", code, 10, int(step_price(price, 1)))["output"]["ODNO"]
        for _ in range(400):
            kis.sim.call("step_market", 1)
            filled = kis.sim.call(lambda s, o=odno: s.orders.orders[o].filled)
            partial_seen |= 0 < filled < 10
            if filled == 10:
                break
    assert partial_seen


def test_sell_more_than_sellable(kis: Kis) -> None:
    row = _holding(kis, SAMSUNG)
    assert row is not None
    held = int(row["ord_psbl_qty"])
    r = kis.order("TTTC0011U", SAMSUNG, held + 1, 0, "01")
    assert r["rt_cd"] == "1" and r["msg_cd"] == "SIM00003"
    price = Decimal(kis.price(SAMSUNG)["stck_prpr"])
    high = int(step_price(price, 20))
    assert kis.order("TTTC0011U", SAMSUNG, 3, high)["rt_cd"] == "0"
    row = _holding(kis, SAMSUNG)
    assert row is not None and int(row["ord_psbl_qty"]) == held - 3
    assert int(row["hldg_qty"]) == held
    assert kis.order("TTTC0011U", SAMSUNG, held - 2, 0, "01")["msg_cd"] == "SIM00003"


def test_tick_and_band_rejections_and_code_map(kis: Kis) -> None:
    quote = kis.price(SAMSUNG)
    price = Decimal(quote["stck_prpr"])
    off_tick = int(price + tick_size(price) / 2)
    assert kis.order("TTTC0012U", SAMSUNG, 1, off_tick)["msg_cd"] == "SIM00001"
    above = int(Decimal(quote["stck_mxpr"]) + tick_size(Decimal(quote["stck_mxpr"])))
    assert kis.order("TTTC0012U", SAMSUNG, 1, above)["msg_cd"] == "SIM00002"
    etf = Decimal(kis.price("069500")["stck_prpr"])
    assert kis.order("TTTC0012U", "069500", 1, int(etf) + 1)["msg_cd"] == "SIM00001"
    assert kis.order("TTTC0012U", "069500", 1, int(etf) + 5)["rt_cd"] == "0"
    assert kis.order("TTTC0012U", SAMSUNG, 0, int(price))["msg_cd"] == "SIM00004"
    assert kis.order("TTTC0012U", SAMSUNG, 1, int(price), "02")["msg_cd"] == "SIM00007"
    assert kis.order("TTTC0012U", "000000", 1, 0, "01")["msg_cd"] == "APBK0656"
    kis.sim.call(lambda s: s.code_map.update({"SIM00001": ("ZZZZ0001", "호가 오류")}))
    r = kis.order("TTTC0012U", SAMSUNG, 1, off_tick)
    assert (r["msg_cd"], r["msg1"]) == ("ZZZZ0001", "호가 오류")


def test_modify_gets_new_odno_and_cancel(kis: Kis) -> None:
    price = Decimal(kis.price(SAMSUNG)["stck_prpr"])
    low = int(step_price(price, -30))
    power0 = int(_psbl(kis, SAMSUNG)["ord_psbl_cash"])
    odno = kis.order("TTTC0012U", SAMSUNG, 10, low)["output"]["ODNO"]
    assert int(_psbl(kis, SAMSUNG)["ord_psbl_cash"]) == power0 - 10 * low
    lower = int(step_price(price, -31))
    ack = _rvsecncl(kis, odno, "01", 4, lower)
    assert ack["rt_cd"] == "0" and ack["msg_cd"] == "APBK0013"
    new = ack["output"]["ODNO"]
    assert new != odno
    opened = {o["odno"]: o for o in kis.open_orders()}
    assert opened[odno]["psbl_qty"] == "6"
    assert (opened[new]["psbl_qty"], opened[new]["orgn_odno"]) == ("4", odno)
    assert opened[new]["ord_unpr"] == str(lower)
    cancel = _rvsecncl(kis, odno, "02")
    assert cancel["rt_cd"] == "0" and cancel["output"]["ODNO"] not in (odno, new)
    assert _rvsecncl(kis, odno, "02")["msg_cd"] == "SIM00006"
    assert _rvsecncl(kis, "9999999999", "02")["msg_cd"] == "SIM00005"
    assert _rvsecncl(kis, new, "01", 5, lower)["msg_cd"] == "SIM00004"
    _rvsecncl(kis, new, "02")
    assert kis.open_orders() == []
    assert int(_psbl(kis, SAMSUNG)["ord_psbl_cash"]) == power0
    rows = kis.daily_ccld().json()["output1"]
    names = [r["sll_buy_dvsn_cd_name"] for r in rows]
    assert names == ["현금매수", "매수정정*", "매수취소*", "매수취소*"]
    assert rows[2]["cncl_yn"] == "Y" and rows[2]["ord_qty"] == "6"


def test_paper_order_messages(paper_kis: Kis) -> None:
    buy = paper_kis.order("VTTC0012U", SAMSUNG, 1, 0, "01")
    assert (buy["msg_cd"], buy["msg1"]) == ("40600000", "모의투자 매수주문이 완료 되었습니다.")
    sell = paper_kis.order("VTTC0011U", SAMSUNG, 1, 0, "01")
    assert (sell["msg_cd"], sell["msg1"]) == ("40600000", "모의투자 매도주문이 완료 되었습니다.")
    assert buy["output"]["KRX_FWDG_ORD_ORGNO"] == "00950"
    body = {**paper_kis.acct, "PDNO": SAMSUNG, "ORD_DVSN": "01", "ORD_QTY": "1"}
    body.update({"ORD_UNPR": "0", "EXCG_ID_DVSN_CD": "NXT"})
    r = paper_kis.post("/uapi/domestic-stock/v1/trading/order-cash", "VTTC0012U", body).json()
    assert r["msg_cd"] == "OPSQ2001"  # paper trades on KRX only


@pytest.mark.parametrize(("profile", "code"), [("real", "APBK0919"), ("paper", "40580000")])
def test_closed_market_refuses_orders(profile: str, code: str) -> None:
    with SimThread(profile, seed=3, market_hours="krx") as sim:
        kis = Kis(sim, paced=True)
        tr = "TTTC0012U" if profile == "real" else "VTTC0012U"

        def at(*when: int) -> dict[str, Any]:
            sim.call(lambda s: s.clock.set(datetime(*when, tzinfo=KST)))
            sim.call("expire_tokens")  # the jump may cross the token's lifetime
            kis._token = None
            return kis.order(tr, SAMSUNG, 1, 0, "01")

        r = at(2026, 11, 21, 12, 0)  # Saturday noon
        assert (r["rt_cd"], r["msg_cd"]) == ("1", code)
        assert at(2026, 11, 23, 20, 0)["msg_cd"] == code  # Monday evening
        assert at(2026, 11, 23, 8, 29)["msg_cd"] == code  # before the order book opens
        assert at(2026, 11, 23, 10, 0)["rt_cd"] == "0"  # Monday 10:00 KST
        kis.close()


# ---- invariants under random order sequences --------------------------------------------------

CODES = ("005930", "035720", "069500", "000660")
SIDES = st.sampled_from(("buy", "sell"))
# Every ORD_DVSN the simulator fills on real (endpoints.md D5); 07/11/12 carry a price.
TYPES_ALL = ("03", "04", "05", "06", "07", "11", "12", "13", "14", "15", "16")
TYPES = st.sampled_from(TYPES_ALL)
MODIFY_TYPES = st.sampled_from(("00", "01", *TYPES_ALL))
PRICED = ("00", "07", "11", "12")
ACTION = st.one_of(
    st.tuples(st.just("mkt"), SIDES, st.sampled_from(CODES), st.integers(1, 40)),
    st.tuples(
        st.just("lmt"), SIDES, st.sampled_from(CODES), st.integers(1, 60), st.integers(-4, 4)
    ),
    st.tuples(
        st.just("typ"),
        SIDES,
        st.sampled_from(CODES),
        st.integers(1, 60),
        st.integers(-4, 4),
        TYPES,
    ),
    st.tuples(st.just("cancel"), st.integers(0, 20)),
    st.tuples(st.just("modify"), st.integers(0, 20), MODIFY_TYPES, st.integers(-4, 4)),
    st.tuples(st.just("step"), st.integers(1, 30)),
)


def _snapshot(kis: Kis) -> tuple[int, dict[str, int], dict[str, int], dict[str, str]]:
    pages = kis.balance_pages("TTTC8434R")
    rows = [r for p in pages for r in p["body"]["output1"]]
    total = pages[-1]["body"]["output2"][0]
    qty = {r["pdno"]: int(r["hldg_qty"]) for r in rows}
    sellable = {r["pdno"]: int(r["ord_psbl_qty"]) for r in rows}
    scts = sum(int(r["evlu_amt"]) for r in rows)
    assert int(total["scts_evlu_amt"]) == scts
    assert int(total["tot_evlu_amt"]) == scts + int(total["prvs_rcdl_excc_amt"])
    return int(total["prvs_rcdl_excc_amt"]), qty, sellable, total


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions=st.lists(ACTION, min_size=1, max_size=14))
def test_no_cash_or_shares_created_or_lost(actions: list[tuple]) -> None:
    with SimThread("real", seed=11) as sim:
        kis = Kis(sim, paced=True)
        cash0, qty0, _, _ = _snapshot(kis)
        odnos: list[str] = []
        for action in actions:
            if action[0] == "step":
                sim.call("step_market", action[1])
            elif action[0] == "cancel":
                if odnos:
                    _rvsecncl(kis, odnos[action[1] % len(odnos)], "02")
            elif action[0] == "modify":
                if odnos:
                    r = _modify(kis, odnos[action[1] % len(odnos)], action[2], action[3])
                    if r["rt_cd"] == "0":
                        odnos.append(r["output"]["ODNO"])
                    else:
                        assert r["msg_cd"] in ("APBK0952", "SIM00005", "SIM00006"), r
            else:
                side, code, qty = action[1], action[2], action[3]
                tr = "TTTC0012U" if side == "buy" else "TTTC0011U"
                if action[0] == "mkt":
                    r = kis.order(tr, code, qty, 0, "01")
                else:
                    ord_dvsn = action[5] if action[0] == "typ" else "00"
                    r = kis.order(tr, code, qty, _price(kis, code, ord_dvsn, action[4]), ord_dvsn)
                if r["rt_cd"] == "0":
                    odnos.append(r["output"]["ODNO"])
                else:
                    assert r["msg_cd"] in ("APBK0952", "SIM00003")
        cash1, qty1, sellable1, total = _snapshot(kis)
        ccld = kis.daily_ccld(CCLD_DVSN="00").json()
        rows = ccld["output1"]
        bought = sum(int(r["tot_ccld_amt"]) for r in rows if r["sll_buy_dvsn_cd"] == "02")
        sold = sum(int(r["tot_ccld_amt"]) for r in rows if r["sll_buy_dvsn_cd"] == "01")
        assert cash1 == cash0 - bought + sold
        assert int(total["thdt_buy_amt"]) == bought and int(total["thdt_sll_amt"]) == sold
        for code in CODES:
            mine = [r for r in rows if r["pdno"] == code]
            buys = sum(int(r["tot_ccld_qty"]) for r in mine if r["sll_buy_dvsn_cd"] == "02")
            sells = sum(int(r["tot_ccld_qty"]) for r in mine if r["sll_buy_dvsn_cd"] == "01")
            assert qty1.get(code, 0) == qty0.get(code, 0) + buys - sells >= 0
        opened = kis.open_orders()
        reserved = sum(
            int(o["psbl_qty"]) * int(o["ord_unpr"]) for o in opened if o["sll_buy_dvsn_cd"] == "02"
        )
        power = int(_psbl(kis, SAMSUNG)["ord_psbl_cash"])
        assert power == cash1 - reserved >= 0
        for code, held in qty1.items():
            pending = sum(
                int(o["psbl_qty"])
                for o in opened
                if o["pdno"] == code and o["sll_buy_dvsn_cd"] == "01"
            )
            assert sellable1[code] == held - pending >= 0
        kis.close()


def _kind(code: str) -> str:
    return "etf" if code == "069500" else "stock"


def _price(kis: Kis, code: str, ord_dvsn: str, ticks: int) -> int:
    """``ticks`` from the current price for a priced type, else 0 (the exchange prices it)."""
    if ord_dvsn not in PRICED:
        return 0
    price = Decimal(kis.price(code)["stck_prpr"])
    return int(step_price(price, ticks, _kind(code)))


def _modify(kis: Kis, odno: str, ord_dvsn: str, ticks: int) -> dict[str, Any]:
    """Modify all that is left of ``odno`` into ``ord_dvsn``."""
    code = kis.sim.call(lambda s: s.orders.orders[odno].code)
    body = {
        **kis.acct,
        "KRX_FWDG_ORD_ORGNO": "06010",
        "ORGN_ODNO": odno,
        "ORD_DVSN": ord_dvsn,
        "RVSE_CNCL_DVSN_CD": "01",
        "ORD_QTY": "0",
        "ORD_UNPR": str(_price(kis, code, ord_dvsn, ticks)),
        "QTY_ALL_ORD_YN": "Y",
    }
    return kis.post(RVSECNCL, "TTTC0013U", body).json()


def test_set_price_matches_resting_orders(kis: Kis) -> None:
    price = Decimal(kis.price(SAMSUNG)["stck_prpr"])
    limit = step_price(price, -5)
    odno = kis.order("TTTC0012U", SAMSUNG, 2, int(limit))["output"]["ODNO"]
    kis.sim.call("set_price", SAMSUNG, limit)
    assert kis.price(SAMSUNG)["stck_prpr"] == str(int(limit))
    assert kis.sim.call(lambda s: s.orders.orders[odno].filled) == 2


def _cash(kis: Kis, code: str, ord_dvsn: str, price: str, venue: str, **extra: str) -> dict:
    body = {
        **kis.acct,
        "PDNO": code,
        "ORD_DVSN": ord_dvsn,
        "ORD_QTY": "1",
        "ORD_UNPR": price,
        "EXCG_ID_DVSN_CD": venue,
        **extra,
    }
    return kis.post("/uapi/domestic-stock/v1/trading/order-cash", "TTTC0012U", body).json()


def test_venue_order_type_table(kis: Kis) -> None:
    # endpoints.md D5: ORD_DVSN 01 (market) is "—" on NXT, ✓ on KRX and SOR; 02 and 05-07 are
    # KRX-only. The digest names no code for it: synthetic SIM00007 naming the venue.
    before = kis.sim.call(lambda s: len(s.orders.orders))
    r = _cash(kis, SAMSUNG, "01", "0", "NXT")
    assert (r["rt_cd"], r["msg_cd"]) == ("1", "SIM00007") and "NXT" in r["msg1"]
    for code in ("02", "05", "06", "07"):
        assert "NXT" in _cash(kis, SAMSUNG, code, "0", "NXT")["msg1"]
        assert "SOR" in _cash(kis, SAMSUNG, code, "0", "SOR")["msg1"]
    assert "SOR" in _cash(kis, SAMSUNG, "21", "0", "SOR")["msg1"]  # mid-point: KRX/NXT only
    assert kis.sim.call(lambda s: len(s.orders.orders)) == before  # nothing was booked
    assert _cash(kis, SAMSUNG, "01", "0", "SOR")["rt_cd"] == "0"
    assert _cash(kis, SAMSUNG, "01", "0", "KRX")["rt_cd"] == "0"
    assert _cash(kis, SAMSUNG, "01", "0", "")["rt_cd"] == "0"  # blank = KRX
    # 03 is allowed on NXT by the table and filled; 21 too, but the simulator does not model it
    # (generic SIM00007).
    assert _cash(kis, SAMSUNG, "03", "0", "NXT")["rt_cd"] == "0"
    r = _cash(kis, SAMSUNG, "21", "0", "NXT")
    assert r["msg_cd"] == "SIM00007" and "NXT" not in r["msg1"]
    low = int(kis.price(SAMSUNG)["stck_llam"])
    odno = _cash(kis, SAMSUNG, "00", str(low), "NXT")["output"]["ODNO"]
    # order-rvsecncl follows the same table: no modify to market on NXT.
    body = {
        **kis.acct,
        "KRX_FWDG_ORD_ORGNO": "06010",
        "ORGN_ODNO": odno,
        "ORD_DVSN": "01",
        "RVSE_CNCL_DVSN_CD": "01",
        "ORD_QTY": "0",
        "ORD_UNPR": "0",
        "QTY_ALL_ORD_YN": "Y",
        "EXCG_ID_DVSN_CD": "NXT",
    }
    r = kis.post(RVSECNCL, "TTTC0013U", body).json()
    assert r["msg_cd"] == "SIM00007" and "NXT" in r["msg1"]
    assert {o["odno"] for o in kis.open_orders()} == {odno}  # still open, untouched
    body.update({"ORD_DVSN": "00", "RVSE_CNCL_DVSN_CD": "02"})
    assert kis.post(RVSECNCL, "TTTC0013U", body).json()["rt_cd"] == "0"


def test_blank_price_is_an_input_error(kis: Kis) -> None:
    low = int(kis.price(SAMSUNG)["stck_llam"])
    for blank in ("", " "):
        # A limit order needs its price: blank is an input error naming the field.
        r = _cash(kis, SAMSUNG, "00", blank, "KRX")
        assert (r["rt_cd"], r["msg_cd"]) == ("1", "OPSQ2001")
        assert r["msg1"] == "ERROR : INPUT_FIELD_NAME ORD_UNPR"
        r = kis.get(
            PSBL_ORDER,
            "TTTC8908R",
            {
                **kis.acct,
                "PDNO": SAMSUNG,
                "ORD_UNPR": blank,
                "ORD_DVSN": "01",
                "CMA_EVLU_AMT_ICLD_YN": "N",
                "OVRS_ICLD_YN": "N",
            },
        ).json()
        assert r["msg1"] == "ERROR : INPUT_FIELD_NAME ORD_UNPR"  # D3: "0", not blank
    # D5: a market-type order "without ORD_UNPR" is reserved at the upper limit: a blank price
    # on 01 is accepted (as "0"), and so is no ORD_UNPR key at all ("If omitted, …").
    assert _cash(kis, SAMSUNG, "01", "", "KRX")["rt_cd"] == "0"
    body = {**kis.acct, "PDNO": SAMSUNG, "ORD_DVSN": "01", "ORD_QTY": "1"}
    r = kis.post("/uapi/domestic-stock/v1/trading/order-cash", "TTTC0012U", body).json()
    assert r["msg_cd"] == "APBK0013"
    odno = kis.order("TTTC0012U", SAMSUNG, 2, low)["output"]["ODNO"]
    for kind in ("01", "02"):  # modify and cancel: D6 allows no blank price either
        body = {
            **kis.acct,
            "KRX_FWDG_ORD_ORGNO": "06010",
            "ORGN_ODNO": odno,
            "ORD_DVSN": "00",
            "RVSE_CNCL_DVSN_CD": kind,
            "ORD_QTY": "0",
            "ORD_UNPR": "",
            "QTY_ALL_ORD_YN": "Y",
        }
        r = kis.post(RVSECNCL, "TTTC0013U", body).json()
        assert r["msg1"] == "ERROR : INPUT_FIELD_NAME ORD_UNPR"
    assert _rvsecncl(kis, odno, "02")["rt_cd"] == "0"  # with "0" the cancel goes through
