"""Execution notices over the socket (websocket.md §5, §6.3): AES-256-CBC with the key/iv of the
OPSP0000 reply, 26 values, an acknowledgement per accepted order/modify/cancel and a notice per
fill, agreeing with the REST order and the day's executions."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from decimal import Decimal

import pytest
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from kisdesk.kis.realtime import DataFrame, DomesticNotice
from kisdesk.sim.testing import SimThread
from tests.sim.conftest import Kis
from tests.sim.test_matching import _rvsecncl  # order-rvsecncl, as the matching tests send it
from tests.sim.ws_client import Ws

CODE = "005930"


@pytest.fixture
def nsim() -> Iterator[SimThread]:
    with SimThread(seed=1234, ws_ping_interval=30) as sim:
        yield sim


def _notices(ws: Ws, quiet: float = 0.3) -> list[DomesticNotice]:
    return [
        r
        for f in ws.drain(quiet)
        if isinstance(f, DataFrame) and f.tr_id in ("H0STCNI0", "H0STCNI9")
        for r in f.records
    ]


def _ccld_rows(kis: Kis) -> dict[str, dict[str, str]]:
    body = kis.daily_ccld().json()
    assert body["rt_cd"] == "0", body
    return {row["odno"]: row for row in body["output1"]}


def test_notice_frame_is_aes_of_26_values_with_the_session_key(nsim: SimThread) -> None:
    kis = Kis(nsim)
    with Ws(nsim) as ws:
        reply = ws.subscribe("H0STCNI0", "simdemo")
        assert reply.ok and reply.encrypt
        price = int(nsim.call(lambda s: s.market.domestic(CODE)).price)
        body = kis.order("TTTC0012U", CODE, 3, price - 1000)
        assert body["rt_cd"] == "0", body
        frame = ws.data("H0STCNI0")
        raw = ws.raw[-1]
    kis.close()
    flag, tr_id, count, payload = raw.split("|", 3)
    assert (flag, tr_id, count) == ("1", "H0STCNI0", "001")
    # Decrypted here by hand with the reply's key/iv, independently of the client's cipher.
    decryptor = Cipher(algorithms.AES(reply.key.encode()), modes.CBC(reply.iv.encode())).decryptor()
    padded = decryptor.update(base64.b64decode(payload)) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    values = (unpadder.update(padded) + unpadder.finalize()).decode().split("^")
    assert len(values) == 26
    assert values[0] == "simdemo" and values[1] == kis.cano + kis.prdt
    assert values[2] == body["output"]["ODNO"] and values[8] == CODE
    assert frame.encrypted and frame.records[0].order_no == values[2]


def test_ack_and_fills_match_rest(nsim: SimThread) -> None:
    kis = Kis(nsim)
    with Ws(nsim) as ws:
        assert ws.subscribe("H0STCNI0", "simdemo").ok
        q = nsim.call(lambda s: s.market.domestic(CODE))
        limit = int(q.price) - 500
        body = kis.order("TTTC0012U", CODE, 40, limit)
        assert body["rt_cd"] == "0", body
        odno = body["output"]["ODNO"]
        (ack,) = _notices(ws)
        assert ack.is_ack and not ack.is_fill and not ack.rejected
        assert (ack.order_no, ack.original_order_no, ack.revision) == (odno, "", "0")
        assert (ack.side, ack.is_buy) == ("02", True)
        assert (ack.order_kind, ack.order_condition) == ("00", "0")
        assert ack.code == CODE and ack.qty == 40 and ack.price == limit
        assert ack.order_qty == 40 and ack.order_price == limit
        assert ack.accept_code == "1" and ack.branch == body["output"]["KRX_FWDG_ORD_ORGNO"]
        assert ack.time == body["output"]["ORD_TMD"]
        assert ack.name == "삼성전자" and ack.exchange == "1" and ack.account_name
        # The price falls through the limit: fills, maybe in parts.
        nsim.call("set_price", CODE, Decimal(limit - 1000))
        fills: list[DomesticNotice] = []
        for _ in range(20):
            fills += [n for n in _notices(ws, 0.1) if n.is_fill]
            if sum(f.qty for f in fills) == 40:
                break
            nsim.call("set_price", CODE, Decimal(limit - 1000))
        row = _ccld_rows(kis)[odno]
    kis.close()
    assert fills and all(f.order_no == odno and f.price == limit for f in fills)
    assert all(f.order_qty == 40 and f.accept_code == "2" for f in fills)
    assert sum(f.qty for f in fills) == int(row["tot_ccld_qty"]) == 40
    assert Decimal(row["avg_prvs"]) == limit


def test_market_order_modify_and_cancel(nsim: SimThread) -> None:
    kis = Kis(nsim)
    with Ws(nsim) as ws:
        assert ws.subscribe("H0STCNI0", "simdemo").ok
        price = nsim.call(lambda s: s.market.domestic(CODE)).price
        body = kis.order("TTTC0012U", CODE, 2, 0, ord_dvsn="01")
        assert body["rt_cd"] == "0", body
        ack, fill = _notices(ws)
        assert ack.is_ack and ack.order_kind == "01" and ack.price == 0 and ack.qty == 2
        assert fill.is_fill and fill.qty == 2 and fill.price == price
        # A resting limit order, modified then cancelled.
        limit = int(price) - 1000
        first = kis.order("TTTC0012U", CODE, 10, limit)["output"]["ODNO"]
        (_,) = _notices(ws)
        moved = _rvsecncl(kis, first, "01", 6, limit - 100)
        assert moved["rt_cd"] == "0", moved
        (mod,) = _notices(ws)
        assert (mod.revision, mod.original_order_no, mod.order_no) == (
            "1",
            first,
            moved["output"]["ODNO"],
        )
        assert mod.is_ack and mod.accept_code == "2" and mod.qty == 6 and mod.price == limit - 100
        gone = _rvsecncl(kis, first, "02", 4, 0)
        assert gone["rt_cd"] == "0", gone
        (cancel,) = _notices(ws)
        assert (cancel.revision, cancel.original_order_no) == ("2", first)
        assert cancel.order_no == gone["output"]["ODNO"] and cancel.qty == 4
        rows = _ccld_rows(kis)
    kis.close()
    assert rows[mod.order_no]["orgn_odno"] == first and rows[mod.order_no]["ord_qty"] == "6"
    assert rows[cancel.order_no]["cncl_yn"] == "Y"


def test_ioc_rest_cancelled_by_the_exchange(nsim: SimThread) -> None:
    kis = Kis(nsim)
    with Ws(nsim) as ws:
        assert ws.subscribe("H0STCNI0", "simdemo").ok
        price = int(nsim.call(lambda s: s.market.domestic(CODE)).price)
        body = kis.order("TTTC0012U", CODE, 5, price - 1000, ord_dvsn="11")  # IOC, not marketable
        assert body["rt_cd"] == "0", body
        ack, gone = _notices(ws)
    kis.close()
    assert ack.order_condition == "1" and ack.accept_code == "1"
    assert gone.is_ack and gone.cancelled_unfilled and gone.qty == 5
    assert gone.order_no == body["output"]["ODNO"]


def test_notices_go_to_the_hts_id_of_the_account(nsim: SimThread) -> None:
    kis = Kis(nsim)
    with Ws(nsim) as ws:
        assert ws.subscribe("H0STCNI0", "simlarge").ok
        price = int(nsim.call(lambda s: s.market.domestic(CODE)).price)
        assert kis.order("TTTC0012U", CODE, 1, price - 1000)["rt_cd"] == "0"  # demo
        assert _notices(ws) == []
        kis.use("large")
        body = kis.order("TTTC0012U", CODE, 1, price - 1000)
        (notice,) = _notices(ws)
    kis.close()
    assert notice.order_no == body["output"]["ODNO"] and notice.customer_id == "simlarge"
    assert nsim.stats.ws_notices_sent == 1


def test_paper_notices() -> None:
    with SimThread("paper", seed=5, ws_ping_interval=30) as sim, Ws(sim) as ws:
        kis = Kis(sim, paced=True)
        assert ws.subscribe("H0STCNI9", "simdemo").ok
        body = kis.order("VTTC0012U", CODE, 1, 0, ord_dvsn="01")
        assert body["rt_cd"] == "0", body
        frames = [f for f in ws.drain(0.3) if isinstance(f, DataFrame)]
        kis.close()
    assert [f.tr_id for f in frames] == ["H0STCNI9", "H0STCNI9"]
    ack, fill = (f.records[0] for f in frames)
    assert ack.is_ack and fill.is_fill and fill.order_no == body["output"]["ODNO"]
    assert fill.branch == body["output"]["KRX_FWDG_ORD_ORGNO"] == "00950"
