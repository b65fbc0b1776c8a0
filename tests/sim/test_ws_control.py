"""The simulator's websocket over a real socket: paths, subscribe/unsubscribe replies
(websocket.md §3, §9.7), the 41-registration budget, approval keys and OPSP8996 (§9.3)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import httpx
import pytest
from websockets.exceptions import ConnectionClosed, ConnectionClosedError

from kisdesk.kis.realtime import ControlReply, ReplyKind
from kisdesk.sim.testing import SimThread
from tests.sim.ws_client import Ws, approval_key


@pytest.fixture
def wsim() -> Iterator[SimThread]:
    with SimThread(seed=1234, ws_ping_interval=30) as sim:
        yield sim


def _raw_reply(ws: Ws, message: object) -> tuple[dict, ControlReply]:
    ws.send(message if isinstance(message, str) else json.dumps(message))
    reply = ws.reply()
    return json.loads(ws.raw[-1]), reply


@pytest.mark.parametrize("path", ["/tryitout", "/", "/tryitout/H0STCNT0"])
def test_every_path_clients_use_serves_the_socket(wsim: SimThread, path: str) -> None:
    with Ws(wsim, path) as ws:
        reply = ws.subscribe("H0STCNT0", "005930")
    assert reply.msg_cd == "OPSP0000" and reply.kind is ReplyKind.SUBSCRIBED


def test_a_plain_get_on_the_socket_path_is_not_a_websocket(wsim: SimThread) -> None:
    r = httpx.get(wsim.base_url + "/tryitout")
    assert r.status_code == 404 and r.json()["msg_cd"] == "OPSQ0002"


def test_subscribe_reply_carries_the_aes_key_and_iv(wsim: SimThread) -> None:
    with Ws(wsim) as ws:
        body, reply = _raw_reply(
            ws,
            {
                "header": {
                    "approval_key": ws.key,
                    "custtype": "P",
                    "tr_type": "1",
                    "content-type": "utf-8",
                },
                "body": {"input": {"tr_id": "H0STCNT0", "tr_key": "005930"}},
            },
        )
        notice = ws.subscribe("H0STCNI0", wsim.server.hts_ids["demo"])
    assert body["header"] == {"tr_id": "H0STCNT0", "tr_key": "005930", "encrypt": "N"}
    assert body["body"]["rt_cd"] == "0" and body["body"]["msg1"] == "SUBSCRIBE SUCCESS"
    out = body["body"]["output"]
    assert len(out["iv"]) == 16 and len(out["key"]) == 32
    assert reply.cipher() is not None
    # The notice TR says it is encrypted, and uses the same session key.
    assert notice.ok and notice.encrypt and (notice.key, notice.iv) == (out["key"], out["iv"])


def test_duplicate_release_and_unknown_release(wsim: SimThread) -> None:
    with Ws(wsim) as ws:
        assert ws.subscribe("H0STCNT0", "005930").msg_cd == "OPSP0000"
        again = ws.subscribe("H0STCNT0", "005930")
        assert (again.msg_cd, again.rt_cd, again.ok) == ("OPSP0002", "0", True)
        released = ws.unsubscribe("H0STCNT0", "005930")
        assert (released.msg_cd, released.kind) == ("OPSP0001", ReplyKind.UNSUBSCRIBED)
        assert released.msg1 == "UNSUBSCRIBE SUCCESS"
        missing = ws.unsubscribe("H0STCNT0", "005930")
        assert missing.msg_cd == "OPSP0003" and missing.rt_cd != "0"
        assert missing.kind is ReplyKind.NOT_SUBSCRIBED
        # Released: the symbol no longer streams.
        wsim.call("step_market", 2)
        assert all(not hasattr(f, "records") for f in ws.drain(0.3))


def test_the_42nd_registration_is_refused(wsim: SimThread) -> None:
    codes = sorted(wsim.server.market.listings)[:45]
    with Ws(wsim) as ws:
        replies = [ws.subscribe("H0STCNT0", code) for code in codes[:42]]
        assert [r.msg_cd for r in replies[:41]] == ["OPSP0000"] * 41
        last = replies[41]
        assert (last.msg_cd, last.kind) == ("OPSP0008", ReplyKind.BUDGET_FULL)
        assert last.tr_key == codes[41]
        assert last.rt_cd != "0" and last.msg1 == "MAX SUBSCRIBE OVER"
        # A release makes room again; a duplicate of a registered one is still OPSP0002.
        assert ws.subscribe("H0STCNT0", codes[0]).msg_cd == "OPSP0002"
        assert ws.unsubscribe("H0STCNT0", codes[0]).msg_cd == "OPSP0001"
        assert ws.subscribe("H0STCNT0", codes[42]).msg_cd == "OPSP0000"
        assert ws.subscribe("H0STASP0", codes[43]).msg_cd == "OPSP0008"  # all TRs count
        assert wsim.stats.ws_registrations == 41


@pytest.mark.parametrize(
    ("message", "msg_cd"),
    [
        ("{not json", "OPSP9999"),
        ("[1, 2]", "OPSP9999"),
        ({"body": {"input": {"tr_id": "H0STCNT0", "tr_key": "005930"}}}, "OPSP9998"),
        ({"header": {"tr_type": "1"}, "body": {}}, "OPSP9996"),
        ({"header": {"approval_key": "K", "tr_type": "3"}}, "OPSP8997"),
        ({"header": {"approval_key": "K", "tr_type": "1", "custtype": "X"}}, "OPSP8998"),
        ({"header": {"approval_key": "K", "tr_type": "1"}}, "OPSP9992"),
        ({"header": {"approval_key": "K", "tr_type": "1"}, "body": {}}, "OPSP9991"),
        (
            {"header": {"approval_key": "K", "tr_type": "1"}, "body": {"input": {"tr_id": "X"}}},
            "OPSP9990",
        ),
    ],
)
def test_malformed_messages(wsim: SimThread, message: object, msg_cd: str) -> None:
    with Ws(wsim) as ws:
        if isinstance(message, dict) and message.get("header", {}).get("approval_key") == "K":
            message["header"]["approval_key"] = ws.key  # type: ignore[index]
        body, reply = _raw_reply(ws, message)
        assert reply.msg_cd == msg_cd and reply.rt_cd != "0" and not reply.ok
        assert reply.error() is not None
        assert "output" not in body["body"]
        # The session survives a bad message.
        assert ws.subscribe("H0STCNT0", "005930").ok


@pytest.mark.parametrize(
    ("tr_id", "tr_key", "msg_cd"),
    [
        ("H0XXXXX0", "005930", "OPSP8991"),
        ("H0STCNI9", "simdemo", "OPSP8991"),  # the paper notice TR on the real server
        ("H0STCNT0", "999999", "OPSP8992"),
        ("H0STCNT0", "5930", "OPSP8992"),
        ("HDFSCNT0", "AAPL", "OPSP8992"),
        ("HDFSCNT0", "DNASNOSUCH", "OPSP8992"),
        ("HDFSCNT0", "DHKS00700", "OPSP8992"),  # Asian (delayed) ticks are not simulated
    ],
)
def test_bad_tr_id_or_tr_key(wsim: SimThread, tr_id: str, tr_key: str, msg_cd: str) -> None:
    with Ws(wsim) as ws:
        reply = ws.subscribe(tr_id, tr_key)
    assert (reply.msg_cd, reply.tr_id, reply.tr_key) == (msg_cd, tr_id, tr_key)
    assert reply.kind is ReplyKind.INVALID


def test_custtype_may_be_absent_or_b(wsim: SimThread) -> None:
    with Ws(wsim) as ws:
        for custtype, code in ((None, "005930"), ("B", "000660")):
            header = {"approval_key": ws.key, "tr_type": "1", "content-type": "utf-8"}
            if custtype:
                header["custtype"] = custtype
            msg = {"header": header, "body": {"input": {"tr_id": "H0STCNT0", "tr_key": code}}}
            _, reply = _raw_reply(ws, msg)
            assert reply.msg_cd == "OPSP0000"


def test_approval_keys(wsim: SimThread) -> None:
    with Ws(wsim, key="not-a-key") as ws:
        bad = ws.subscribe("H0STCNT0", "005930")
        assert bad.kind is ReplyKind.APPROVAL_REFUSED and bad.rt_cd != "0"
        # A fresh key for every subscribe message (some clients do that) is accepted.
        for code in ("005930", "000660"):
            assert ws.subscribe("H0STCNT0", code, key=approval_key(wsim)).ok
    first, second = approval_key(wsim), approval_key(wsim)
    assert first != second
    # Expired keys cannot open a session; a live session is not re-checked (auth.md §3).
    with Ws(wsim, key=first) as live:
        assert live.subscribe("H0STCNT0", "005930").ok
        r = httpx.post(wsim.base_url + "/__sim/expire-approval-keys")
        assert r.status_code == 200
        assert live.subscribe("H0STCNT0", "000660").ok
        with Ws(wsim, key=second) as late:
            refused = late.subscribe("H0STCNT0", "005930")
            assert refused.kind is ReplyKind.APPROVAL_REFUSED
    with Ws(wsim) as fresh:
        assert fresh.subscribe("H0STCNT0", "005930").ok


def test_a_key_of_another_app_key_is_refused_on_a_bound_session(wsim: SimThread) -> None:
    wsim.call("add_credentials", "PS" + "x" * 34, "s" * 180)
    other = approval_key(wsim, "PS" + "x" * 34, "s" * 180)
    with Ws(wsim) as ws:
        assert ws.subscribe("H0STCNT0", "005930").ok
        assert ws.subscribe("H0STCNT0", "000660", key=other).kind is ReplyKind.APPROVAL_REFUSED
    # ... while a session of its own is fine next to one of the first app key.
    with Ws(wsim) as first, Ws(wsim, key=other) as second:
        assert first.subscribe("H0STCNT0", "005930").ok
        assert second.subscribe("H0STCNT0", "005930").ok


def test_second_session_of_one_app_key_is_refused_and_closed(wsim: SimThread) -> None:
    with Ws(wsim) as first:
        assert first.subscribe("H0STCNT0", "005930").ok
        # The newcomer's upgrade succeeds; its first subscribe gets the observed frame.
        with Ws(wsim, key=approval_key(wsim)) as second:
            second.send(json.dumps(_sub(second.key, "H0STCNT0", "000660")))
            text = second.conn.recv(timeout=5)
            assert json.loads(text) == {
                "header": {"tr_id": "(null)", "tr_key": "", "encrypt": "N"},
                "body": {"rt_cd": "9", "msg_cd": "OPSP8996", "msg1": "ALREADY IN USE appkey"},
            }
            with pytest.raises(ConnectionClosed) as info:
                second.conn.recv(timeout=5)
            assert info.value.rcvd is not None  # closed with a close frame
        # The first session is untouched and still streams.
        assert first.subscribe("H0STCNT0", "000660").ok
        wsim.call("step_market", 1)
        assert first.data("H0STCNT0").records
    # Once the holder is gone the key is free again.
    with Ws(wsim) as third:
        assert third.subscribe("H0STCNT0", "005930").ok
    assert wsim.stats.ws_by_msg_cd["OPSP8996"] == 1


@pytest.mark.parametrize("mode", ["drop", "keep"])
def test_key_in_use_modes(mode: str) -> None:
    with SimThread(seed=1, ws_key_in_use=mode) as sim, Ws(sim) as first, Ws(sim) as second:
        assert first.subscribe("H0STCNT0", "005930").ok
        refused = second.subscribe("H0STCNT0", "005930")
        assert refused.kind is ReplyKind.KEY_IN_USE and refused.tr_id == "(null)"
        if mode == "drop":
            with pytest.raises(ConnectionClosedError) as info:
                second.conn.recv(timeout=5)
            assert info.value.rcvd is None  # no close frame
        else:
            assert second.subscribe("H0STCNT0", "005930").kind is ReplyKind.KEY_IN_USE


def test_notice_subscription_with_an_unknown_hts_id_is_dropped(wsim: SimThread) -> None:
    with Ws(wsim) as ws:
        ws.send(json.dumps(_sub(ws.key, "H0STCNI0", "nobody12")))
        with pytest.raises(ConnectionClosedError) as info:
            ws.conn.recv(timeout=5)
        assert info.value.rcvd is None


def test_paper_serves_domestic_quotes_and_paper_notices_only() -> None:
    with SimThread("paper", seed=1) as sim, Ws(sim) as ws:
        assert ws.subscribe("H0STCNT0", "005930").ok
        assert ws.subscribe("H0STASP0", "005930").ok
        assert ws.subscribe("H0STCNI9", sim.server.hts_ids["demo"]).ok
        for tr_id, key in (
            ("H0STCNI0", "simdemo"),
            ("HDFSCNT0", "DNASAAPL"),
            ("HDFSASP0", "DNASAAPL"),
            ("H0GSCNI9", "simdemo"),
            ("H0UNCNT0", "005930"),
        ):
            assert ws.subscribe(tr_id, key).msg_cd == "OPSP8991", tr_id


def test_real_knows_more_trs_than_it_feeds(wsim: SimThread) -> None:
    with Ws(wsim) as ws:
        for tr_id, key in (
            ("H0UNCNT0", "005930"),
            ("H0NXASP0", "005930"),
            ("H0UPCNT0", "0001"),
            ("HDFSASP1", "DHKS00700"),
            ("HDFSCNT0", "RBAQAAPL"),
            ("H0GSCNI0", "simdemo"),
        ):
            assert ws.subscribe(tr_id, key).ok, tr_id
        wsim.call("step_market", 2)
        frames = ws.drain(0.3)
        # Only the daytime US feed streams (H0UNCNT0 etc. register but stay silent).
        assert {f.tr_id for f in frames if hasattr(f, "records")} == {"HDFSCNT0"}


def test_stats_count_sessions_and_registrations(wsim: SimThread) -> None:
    with Ws(wsim) as ws:
        ws.subscribe("H0STCNT0", "005930")
        ws.subscribe("H0STASP0", "005930")
        stats = httpx.get(wsim.base_url + "/__sim/stats").json()
        assert stats["ws_sessions"] == 1 and stats["ws_registrations"] == 2
        sessions = httpx.get(wsim.base_url + "/__sim/ws").json()["sessions"]
        assert sessions[0]["registrations"] == ["H0STASP0:005930", "H0STCNT0:005930"]
    deadline = time.monotonic() + 5
    while wsim.stats.ws_sessions and time.monotonic() < deadline:
        time.sleep(0.02)
    assert wsim.stats.ws_sessions == 0 and wsim.stats.ws_registrations == 0
    assert wsim.stats.ws_connections == 1 and wsim.stats.ws_subscribes == 2


def _sub(key: str, tr_id: str, tr_key: str) -> dict:
    return {
        "header": {"approval_key": key, "custtype": "P", "tr_type": "1", "content-type": "utf-8"},
        "body": {"input": {"tr_id": tr_id, "tr_key": tr_key}},
    }
