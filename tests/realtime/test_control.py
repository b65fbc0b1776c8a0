"""Control frames (subscribe replies, PINGPONG), subscribe messages, and malformed frames."""

from __future__ import annotations

import json

import pytest
import rt_samples as s

from kisdesk.kis.errors import KisError, ProtocolError
from kisdesk.kis.realtime import (
    AppKeyInUse,
    ApprovalKeyRefused,
    ControlReply,
    DecryptError,
    FrameError,
    NoticeCipher,
    PingPong,
    RegistrationBudgetFull,
    ReplyKind,
    SubscriptionRefused,
    parse_frame,
    subscribe_message,
    unsubscribe_message,
)

KEY = "a" * 32
IV = "b" * 16


def reply(msg_cd: str, msg1: str, *, rt_cd: str = "0", tr_id="H0STCNT0", tr_key="005930",
          output: dict | None = None, encrypt: str = "N") -> str:  # fmt: skip
    body: dict = {"rt_cd": rt_cd, "msg_cd": msg_cd, "msg1": msg1}
    if output is not None:
        body["output"] = output
    header = {"tr_id": tr_id, "tr_key": tr_key, "encrypt": encrypt}
    return json.dumps({"header": header, "body": body})


def control(text: str) -> ControlReply:
    parsed = parse_frame(text)
    assert isinstance(parsed, ControlReply)
    return parsed


# -- replies ----------------------------------------------------------------------------------


def test_subscribe_success_carries_the_notice_key():
    r = control(
        reply(
            "OPSP0000",
            "SUBSCRIBE SUCCESS",
            tr_id="H0STCNI0",
            tr_key="hts0001",
            output={"iv": IV, "key": KEY},
            encrypt="Y",
        )
    )
    assert r.kind is ReplyKind.SUBSCRIBED and r.ok and r.error() is None
    assert (r.tr_id, r.tr_key, r.encrypt) == ("H0STCNI0", "hts0001", True)
    cipher = r.cipher()
    assert cipher is not None
    assert cipher.decrypt(NoticeCipher(KEY, IV).encrypt("x^y")) == "x^y"
    assert KEY not in repr(r) and KEY not in repr(cipher)


def test_a_reply_without_a_usable_key_gives_no_cipher():
    assert control(reply("OPSP0000", "SUBSCRIBE SUCCESS")).cipher() is None
    short = reply("OPSP0000", "SUBSCRIBE SUCCESS", output={"iv": "short", "key": KEY})
    assert control(short).cipher() is None


@pytest.mark.parametrize(
    ("msg_cd", "msg1", "kind", "ok"),
    [
        ("OPSP0001", "UNSUBSCRIBE SUCCESS", ReplyKind.UNSUBSCRIBED, True),
        ("OPSP0000", "UNSUBSCRIBE SUCCESS", ReplyKind.UNSUBSCRIBED, True),  # msg1 decides
        ("OPSP0002", "ALREADY IN SUBSCRIBE", ReplyKind.ALREADY_SUBSCRIBED, True),
        ("OPSP0003", "UNSUBSCRIBE ERROR (not found!)", ReplyKind.NOT_SUBSCRIBED, False),
    ],
)
def test_subscription_bookkeeping_replies(msg_cd, msg1, kind, ok):
    r = control(reply(msg_cd, msg1, rt_cd="0" if ok else "1"))
    assert r.kind is kind and r.ok is ok
    assert r.error() is None  # releasing what is not registered is not an error to report


def test_the_42nd_registration():
    r = control(reply("OPSP0008", "MAX SUBSCRIBE OVER", rt_cd="1"))
    assert r.kind is ReplyKind.BUDGET_FULL and not r.ok
    err = r.error()
    assert isinstance(err, RegistrationBudgetFull) and isinstance(err, SubscriptionRefused)
    assert (err.msg_cd, err.rt_cd, err.tr_id, err.tr_key) == ("OPSP0008", "1", "H0STCNT0", "005930")


def test_the_app_key_in_use_frame_exactly_as_observed():
    # websocket.md §9.3, byte for byte.
    text = (
        '{"header":{"tr_id":"(null)","tr_key":"","encrypt":"N"},'
        '"body":{"rt_cd":"9","msg_cd":"OPSP8996","msg1":"ALREADY IN USE appkey"}}'
    )
    r = control(text)
    assert r.kind is ReplyKind.KEY_IN_USE and r.tr_id == "(null)" and not r.ok
    err = r.error()
    assert isinstance(err, AppKeyInUse) and err.msg1 == "ALREADY IN USE appkey"


@pytest.mark.parametrize(
    ("msg_cd", "msg1"),
    [
        ("OPSP0011", "invalid approval(appkey) : NOT FOUND"),
        ("OPSP9994", "JSON PARSING ERROR : INVALID appkey"),
        ("", "INVALID APPROVAL KEY"),  # code not in our table: msg1 decides
    ],
)
def test_a_refused_approval_key(msg_cd, msg1):
    r = control(reply(msg_cd, msg1, rt_cd="1"))
    assert r.kind is ReplyKind.APPROVAL_REFUSED
    assert isinstance(r.error(), ApprovalKeyRefused)


@pytest.mark.parametrize(
    ("msg_cd", "kind"),
    [
        ("OPSP8991", ReplyKind.INVALID),
        ("OPSP8992", ReplyKind.INVALID),
        ("OPSP9999", ReplyKind.INVALID),
        ("OPSP0007", ReplyKind.TEMPORARY),
        ("OPSP8999", ReplyKind.TEMPORARY),
        ("OPSP1234", ReplyKind.OTHER),
    ],
)
def test_other_refusals_are_typed_errors(msg_cd, kind):
    r = control(reply(msg_cd, "SUBSCRIBE ERROR", rt_cd="9"))
    assert r.kind is kind and not r.ok
    err = r.error()
    assert type(err) is SubscriptionRefused and err.msg_cd == msg_cd
    assert isinstance(err, KisError)


def test_pingpong_is_given_back_as_it_came():
    text = '{"header":{"tr_id":"PINGPONG","datetime":"20261206093000"}}'
    p = parse_frame(text)
    assert isinstance(p, PingPong)
    assert p.text == text and p.datetime == "20261206093000"


# -- client messages --------------------------------------------------------------------------


def test_the_subscribe_message_is_exactly_the_documented_shape():
    text = subscribe_message("approval-uuid", "H0STCNT0", "005930")
    assert json.loads(text) == {
        "header": {
            "approval_key": "approval-uuid",
            "custtype": "P",
            "tr_type": "1",
            "content-type": "utf-8",
        },
        "body": {"input": {"tr_id": "H0STCNT0", "tr_key": "005930"}},
    }


def test_the_unsubscribe_message_uses_tr_type_2():
    text = unsubscribe_message("approval-uuid", "HDFSCNT0", "DNASAAPL", custtype="B")
    message = json.loads(text)
    assert message["header"]["tr_type"] == "2" and message["header"]["custtype"] == "B"
    assert message["body"]["input"] == {"tr_id": "HDFSCNT0", "tr_key": "DNASAAPL"}


@pytest.mark.parametrize(
    ("key", "tr_id", "tr_key"),
    [("", "H0STCNT0", "005930"), ("k", "", "005930"), ("k", "H0ST|CNT0", "005930"),
     ("k", "H0STCNT0", ""), ("k", "H0STCNT0", "  ")],
)  # fmt: skip
def test_a_message_that_kis_would_refuse_is_not_built(key, tr_id, tr_key):
    with pytest.raises(ValueError):
        subscribe_message(key, tr_id, tr_key)


# -- malformed frames: a typed error, never a crash -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x",
        "garbage \x00\xff",
        "0|H0STCNT0",
        "0|H0STCNT0|001",
        "2|H0STCNT0|001|a^b",
        "01|H0STCNT0|001|a^b",
        "0|H0STCNT0|abc|a^b",
        "0|H0STCNT0|000|a^b",
        "0|H0STCNT0|-01|a^b",
        "0|H0STCNT0|001|",
        "{not json",
        "[1, 2]",
        "{}",
        '{"header": "x"}',
        '{"header": {"tr_id": "H0STCNT0"}}',
        '{"header": {"tr_id": "H0STCNT0"}, "body": [1]}',
    ],
)
def test_malformed_frames_raise_a_frame_error(text):
    with pytest.raises(FrameError) as e:
        parse_frame(text)
    assert isinstance(e.value, ProtocolError)


def test_a_binary_frame_is_refused():
    with pytest.raises(FrameError, match="bytes"):
        parse_frame(b"0|H0STCNT0|001|a")  # type: ignore[arg-type]


def test_an_encrypted_frame_without_a_key_is_refused():
    text = "1|H0STCNI0|001|" + NoticeCipher(KEY, IV).encrypt("^".join(s.domestic_notice()))
    with pytest.raises(DecryptError, match="no key"):
        parse_frame(text)
    with pytest.raises(DecryptError, match="no key"):
        parse_frame(text, {"H0STCNI9": NoticeCipher(KEY, IV)})  # the other TR's key


def test_an_encrypted_frame_with_the_wrong_key_is_refused():
    text = "1|H0STCNI0|001|" + NoticeCipher(KEY, IV).encrypt("^".join(s.domestic_notice()))
    with pytest.raises(DecryptError, match="wrong key"):
        parse_frame(text, {"H0STCNI0": NoticeCipher("c" * 32, IV)})


@pytest.mark.parametrize("payload", ["not base64!", "YWJj", ""])
def test_an_encrypted_payload_that_is_not_aes_is_refused(payload):
    with pytest.raises(DecryptError):
        parse_frame(f"1|H0STCNI0|001|{payload}", {"H0STCNI0": NoticeCipher(KEY, IV)})


def test_the_reader_goes_on_after_a_bad_frame():
    """What a reader loop does: a bad frame in a stream costs that frame only."""
    stream = [
        "0|H0STCNT0|001|" + "^".join(s.tick(price=1)),
        "0|H0STCNT0|002|" + "^".join(s.tick(price=2)),  # count says 2, one record: bad
        '{"header":{"tr_id":"PINGPONG","datetime":"20261206093000"}}',
        "0|H0STCNT0|001|" + "^".join(s.tick(price=3)),
    ]
    got, errors = [], []
    for text in stream:
        try:
            got.append(parse_frame(text))
        except FrameError as exc:
            errors.append(exc)
    assert len(errors) == 1
    assert [f.records[0].price for f in got if not isinstance(f, PingPong)] == [1, 3]
