"""Domestic ORD_DVSN codes beyond 00/01 (endpoints.md D5): best / top-of-book, IOC / FOK,
closing-price and after-hours single-price orders, on real; paper keeps 00/01 only."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kisdesk.domain.ticks import step_price
from tests.sim.conftest import RVSECNCL, Kis

SAMSUNG = "005930"
ETF = "069500"


def _cash(kis: Kis, tr: str, ord_dvsn: str, qty: int, price: str, code: str = SAMSUNG) -> dict:
    body = {
        **kis.acct,
        "PDNO": code,
        "ORD_DVSN": ord_dvsn,
        "ORD_QTY": str(qty),
        "ORD_UNPR": price,
        "EXCG_ID_DVSN_CD": "KRX",
    }
    return kis.post("/uapi/domestic-stock/v1/trading/order-cash", tr, body).json()


def _state(kis: Kis, ack: dict[str, Any]) -> tuple[Decimal, int, int, int]:
    """(price, filled, cancelled, remaining) of the order an ack names."""
    assert ack["rt_cd"] == "0", ack
    odno = ack["output"]["ODNO"]
    o = kis.sim.call(lambda s: s.orders.orders[odno])
    return o.price, o.filled, o.cancelled, o.remaining


def _open(kis: Kis) -> dict[str, dict[str, str]]:
    return {o["odno"]: o for o in kis.open_orders()}


def _row(kis: Kis, odno: str) -> dict[str, str]:
    return next(r for r in kis.daily_ccld().json()["output1"] if r["odno"] == odno)


def _power(kis: Kis) -> int:
    params = {
        **kis.acct,
        "PDNO": SAMSUNG,
        "ORD_UNPR": "0",
        "ORD_DVSN": "01",
        "CMA_EVLU_AMT_ICLD_YN": "N",
        "OVRS_ICLD_YN": "N",
    }
    path = "/uapi/domestic-stock/v1/trading/inquire-psbl-order"
    return int(kis.get(path, "TTTC8908R", params).json()["output"]["ord_psbl_cash"])


def test_best_limit_fills_at_once_at_the_current_price(kis: Kis) -> None:
    price = Decimal(kis.price(SAMSUNG)["stck_prpr"])
    for tr in ("TTTC0012U", "TTTC0011U"):
        ack = _cash(kis, tr, "03", 3, "0")
        assert _state(kis, ack) == (price, 3, 0, 0)
        row = _row(kis, ack["output"]["ODNO"])
        assert (row["ord_dvsn_cd"], row["ord_dvsn_name"]) == ("03", "최유리지정가")
        assert (row["ord_unpr"], row["avg_prvs"]) == (str(price), str(price))
    # A price-less type: a blank ORD_UNPR reads as 0, any price sent is ignored.
    assert _state(kis, _cash(kis, "TTTC0012U", "03", 1, ""))[0] == price
    assert _state(kis, _cash(kis, "TTTC0012U", "03", 1, str(price - 1000)))[0] == price


def test_top_of_book_rests_at_the_current_price_and_reserves(kis: Kis) -> None:
    price = Decimal(kis.price(SAMSUNG)["stck_prpr"])
    power = _power(kis)
    ack = _cash(kis, "TTTC0012U", "04", 5, "0")
    odno = ack["output"]["ODNO"]
    assert _state(kis, ack) == (price, 0, 0, 5)  # joins the bid: no trade on arrival
    row = _open(kis)[odno]
    assert (row["ord_dvsn_cd"], row["ord_dvsn_name"], row["ord_unpr"]) == (
        "04",
        "최우선지정가",
        str(price),
    )
    assert _power(kis) == power - 5 * int(price)
    kis.sim.call("set_price", SAMSUNG, step_price(price, -1))
    assert _state(kis, ack) == (price, 5, 0, 0)  # filled at its own price
    assert _power(kis) == power - 5 * int(price)


def test_priceless_buys_are_checked_at_the_upper_limit(kis: Kis) -> None:
    quote = kis.price(SAMSUNG)
    upper, price = int(quote["stck_mxpr"]), int(quote["stck_prpr"])
    power = _power(kis)
    qty = power // upper
    assert (qty + 1) * price < power  # fits at the current price, not at the upper limit
    for code in ("03", "04", "13", "14", "15", "16", "05", "06"):
        r = _cash(kis, "TTTC0012U", code, qty + 1, "0")
        assert (r["rt_cd"], r["msg_cd"]) == ("7", "APBK0952"), code
    # Priced types are checked at their own price.
    assert _cash(kis, "TTTC0012U", "11", qty + 1, str(price))["rt_cd"] == "0"


def test_ioc_trades_what_it_can_and_cancels_the_rest(kis: Kis) -> None:
    kis.use("large")
    price = Decimal(kis.price(SAMSUNG)["stck_prpr"])
    below = str(step_price(price, -3))
    # Not marketable: nothing trades, the exchange cancels all of it.
    ack = _cash(kis, "TTTC0012U", "11", 4, below)
    assert _state(kis, ack) == (Decimal(below), 0, 4, 0)
    row = _row(kis, ack["output"]["ODNO"])
    assert (row["ord_dvsn_name"], row["tot_ccld_qty"], row["cncl_cfrm_qty"], row["rmn_qty"]) == (
        "IOC지정가",
        "0",
        "4",
        "0",
    )
    assert ack["output"]["ODNO"] not in _open(kis)
    # Marketable and large: what the touch holds trades, the rest is cancelled.
    outcomes = set()
    for code in ("11", "13", "15") * 4:
        limit = str(step_price(price, 2)) if code == "11" else "0"
        _, filled, cancelled, remaining = _state(kis, _cash(kis, "TTTC0012U", code, 30, limit))
        assert filled + cancelled == 30 and remaining == 0 and filled > 0
        outcomes.add("partial" if cancelled else "full")
    assert outcomes == {"partial", "full"}
    assert _open(kis) == {}


def test_fok_trades_all_or_nothing(kis: Kis) -> None:
    kis.use("large")
    price = Decimal(kis.price(SAMSUNG)["stck_prpr"])
    ack = _cash(kis, "TTTC0012U", "12", 2, str(step_price(price, -3)))  # not marketable
    assert _state(kis, ack)[1:] == (0, 2, 0)
    outcomes = set()
    for code in ("12", "14", "16") * 4:
        limit = str(step_price(price, 2)) if code == "12" else "0"
        _, filled, cancelled, remaining = _state(kis, _cash(kis, "TTTC0012U", code, 30, limit))
        assert (filled, cancelled) in ((30, 0), (0, 30)) and remaining == 0
        outcomes.add(filled)
    assert outcomes == {0, 30}
    # Small orders always find enough at the touch.
    assert _state(kis, _cash(kis, "TTTC0012U", "14", 3, "0"))[1:] == (3, 0, 0)


def test_market_ioc_fok_record_no_price(kis: Kis) -> None:
    price = kis.price(SAMSUNG)["stck_prpr"]
    for code, name in (("13", "IOC시장가"), ("14", "FOK시장가")):
        ack = _cash(kis, "TTTC0012U", code, 2, "0")
        row = _row(kis, ack["output"]["ODNO"])
        assert (row["ord_dvsn_name"], row["ord_unpr"], row["avg_prvs"]) == (name, "0", price)


def test_closing_price_orders(kis: Kis) -> None:
    quote = kis.price(SAMSUNG)
    prev_close, price = Decimal(quote["stck_sdpr"]), Decimal(quote["stck_prpr"])
    # 05 trades at yesterday's close, 06 at today's close (the current price), at once.
    for code, at in (("05", prev_close), ("06", price)):
        ack = _cash(kis, "TTTC0012U", code, 2, "0")
        assert _state(kis, ack) == (at, 2, 0, 0)
        assert _row(kis, ack["output"]["ODNO"])["avg_prvs"] == str(at)
    sold = _cash(kis, "TTTC0011U", "05", 1, "")
    assert _state(kis, sold) == (prev_close, 1, 0, 0)


def test_after_hours_single_price_is_a_limit_within_ten_percent(kis: Kis) -> None:
    price = Decimal(kis.price(ETF)["stck_prpr"])
    low = step_price(price, -3, "etf")
    ack = _cash(kis, "TTTC0012U", "07", 2, str(low), ETF)
    assert _state(kis, ack) == (low, 0, 0, 2)  # below the market: rests
    assert _open(kis)[ack["output"]["ODNO"]]["ord_dvsn_name"] == "시간외단일가"
    assert _state(kis, _cash(kis, "TTTC0012U", "07", 1, str(price), ETF))[1] == 1
    far = (price * Decimal("0.85") / 5).quantize(Decimal(1)) * 5  # inside ±30 %, not ±10 %
    assert _cash(kis, "TTTC0012U", "07", 1, str(far), ETF)["msg_cd"] == "SIM00002"
    assert _cash(kis, "TTTC0012U", "07", 1, "", ETF)["msg_cd"] == "OPSQ2001"  # needs a price


def test_unmodelled_codes_are_refused(kis: Kis) -> None:
    price = kis.price(SAMSUNG)["stck_prpr"]
    for code in ("02", "21", "22", "23", "24", "99"):
        r = _cash(kis, "TTTC0012U", code, 1, price)
        assert (r["rt_cd"], r["msg_cd"]) == ("1", "SIM00007"), code
    assert kis.sim.stats.orders_accepted == 0


def test_paper_takes_only_limit_and_market(paper_kis: Kis) -> None:
    price = paper_kis.price(SAMSUNG)["stck_prpr"]
    for code in ("03", "04", "05", "06", "07", "11", "12", "13", "14", "15", "16"):
        r = _cash(paper_kis, "VTTC0012U", code, 1, price)
        assert (r["rt_cd"], r["msg_cd"]) == ("1", "SIM00007"), code
    assert _cash(paper_kis, "VTTC0012U", "00", 1, price)["msg_cd"] == "40600000"


def test_modify_into_other_types(kis: Kis) -> None:
    price = Decimal(kis.price(SAMSUNG)["stck_prpr"])
    low = int(step_price(price, -10))

    def modify(odno: str, code: str, new_price: str = "0") -> dict[str, Any]:
        body = {
            **kis.acct,
            "KRX_FWDG_ORD_ORGNO": "06010",
            "ORGN_ODNO": odno,
            "ORD_DVSN": code,
            "RVSE_CNCL_DVSN_CD": "01",
            "ORD_QTY": "0",
            "ORD_UNPR": new_price,
            "QTY_ALL_ORD_YN": "Y",
        }
        return kis.post(RVSECNCL, "TTTC0013U", body).json()

    odno = _cash(kis, "TTTC0012U", "00", 6, str(low))["output"]["ODNO"]
    top = modify(odno, "04")
    assert _state(kis, top) == (price, 0, 0, 6)  # now resting at the current price
    best = modify(top["output"]["ODNO"], "03")
    assert _state(kis, best) == (price, 6, 0, 0)
    odno = _cash(kis, "TTTC0012U", "00", 2, str(low))["output"]["ODNO"]
    killed = modify(odno, "12", str(low))  # FOK at a price below the market
    assert _state(kis, killed) == (Decimal(low), 0, 2, 0)
    assert modify(odno, "02")["msg_cd"] == "SIM00006"  # nothing left to modify
    assert _open(kis) == {}
