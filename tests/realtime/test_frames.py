"""Data frames: the digest's examples and built records, every tolerated width, 00N batches."""

from __future__ import annotations

from decimal import Decimal

import pytest
import rt_samples as s

from kisdesk.kis.realtime import (
    DataFrame,
    DomesticBook,
    DomesticNotice,
    DomesticTick,
    FrameError,
    NoticeCipher,
    OverseasBook,
    OverseasNotice,
    OverseasTick,
    parse_frame,
)


def frame(tr_id: str, *records: list[str], flag: str = "0") -> str:
    return f"{flag}|{tr_id}|{len(records):03d}|" + "^".join("^".join(r) for r in records)


def only(text: str, ciphers: dict | None = None):
    parsed = parse_frame(text, ciphers)
    assert isinstance(parsed, DataFrame)
    assert len(parsed.records) == 1
    return parsed.records[0]


# -- H0STCNT0 ---------------------------------------------------------------------------------


def test_the_workbook_tick_of_46_fields():
    t = only(frame("H0STCNT0", s.TICK_46))
    assert isinstance(t, DomesticTick)
    assert (t.code, t.time, t.sign, t.business_date) == ("005930", "093354", "5", "20230612")
    assert t.price == Decimal("71900") and t.change == Decimal("-100")
    assert t.change_rate == Decimal("-0.14") and t.vwap == Decimal("72023.83")
    assert (t.open, t.high, t.low) == (Decimal(72100), Decimal(72400), Decimal(71700))
    assert (t.ask, t.bid) == (Decimal(71900), Decimal(71800))
    assert t.trade_volume == 1 and t.volume == 3052507 and t.trade_value == 219853241700
    assert t.strength == Decimal("84.90") and t.buy_initiated and not t.sell_initiated
    assert (t.ask_size, t.bid_size) == (65945, 216924)
    assert (t.total_ask_size, t.total_bid_size) == (1118750, 2199206)
    assert t.session_code == "20" and t.hour_code == "0" and not t.halted
    assert t.vi_price == Decimal(72100)
    assert t.market_session == ""  # the 47th field is absent in this layout
    assert t.prev_close == Decimal(72000)
    money = [t.price, t.change, t.change_rate, t.vwap, t.volume, t.trade_value, t.strength]
    assert all(type(v) is Decimal for v in money)


def test_a_tick_of_47_fields_reads_the_market_session():
    t47 = only(frame("H0STCNT0", s.tick(width=47)))
    t46 = only(frame("H0STCNT0", s.tick(width=46)))
    assert t47.market_session == "2" and t46.market_session == ""
    assert {**_fields(t46), "market_session": "2"} == _fields(t47)


def _fields(record) -> dict:
    return {name: getattr(record, name) for name in record.__dataclass_fields__}


def test_extra_trailing_tick_fields_are_ignored():
    assert only(frame("H0STCNT0", s.tick(width=52))) == only(frame("H0STCNT0", s.tick(width=47)))


def test_an_empty_optional_number_reads_as_none_and_an_empty_number_as_zero():
    values = s.tick()
    values[45] = ""  # VI_STND_PRC
    values[40] = ""  # VOL_TNRT
    t = only(frame("H0STCNT0", values))
    assert t.vi_price is None and t.turnover == Decimal(0)


@pytest.mark.parametrize("width", [46, 47, 49])
@pytest.mark.parametrize("count", [2, 4, 6])
def test_a_batch_splits_into_its_records_in_order(width, count):
    records = [s.tick(price=70000 + 100 * i, volume=1000 + i, width=width) for i in range(count)]
    parsed = parse_frame(frame("H0STCNT0", *records))
    assert [t.price for t in parsed.records] == [70000 + 100 * i for i in range(count)]
    assert [t.volume for t in parsed.records] == [1000 + i for i in range(count)]
    assert all(t.code == "005930" for t in parsed.records)
    assert {t.market_session for t in parsed.records} == {"" if width == 46 else "2"}


def test_the_count_field_is_honoured_not_the_width_guess():
    # 94 values: two 47-field records, not one record with 47 extra values.
    two = frame("H0STCNT0", s.tick(price=1), s.tick(price=2))
    assert [t.price for t in parse_frame(two).records] == [1, 2]
    as_one = "0|H0STCNT0|001|" + two.split("|", 3)[3]
    assert [t.price for t in parse_frame(as_one).records] == [1]


def test_a_trailing_separator_after_the_last_record_is_tolerated():
    text = frame("H0STCNT0", s.tick(price=1), s.tick(price=2)) + "^"
    assert [t.price for t in parse_frame(text).records] == [1, 2]


def test_values_that_do_not_split_into_the_count_are_refused():
    text = frame("H0STCNT0", s.tick(), s.tick()).replace("|002|", "|003|")
    with pytest.raises(FrameError, match="do not split into 3 records"):
        parse_frame(text)


def test_a_record_narrower_than_the_tr_is_refused():
    with pytest.raises(FrameError, match="fewer than the 46"):
        parse_frame(frame("H0STCNT0", s.tick(width=45)))


def test_a_bad_number_names_the_field_and_the_tr():
    values = s.tick()
    values[2] = "71,900"
    with pytest.raises(FrameError, match=r"H0STCNT0 frame: DomesticTick: field price \(#2\)") as e:
        parse_frame(frame("H0STCNT0", values))
    assert e.value.tr_id == "H0STCNT0"


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-inf", "sNaN"])
def test_a_number_that_is_not_finite_is_refused(text):
    values = s.tick()
    values[4] = text
    with pytest.raises(FrameError, match="change"):
        parse_frame(frame("H0STCNT0", values))


def test_a_blank_number_reads_as_empty():
    values = s.tick()
    values[22] = "   "
    assert only(frame("H0STCNT0", values)).buy_ratio == Decimal(0)


# -- H0STASP0 ---------------------------------------------------------------------------------


def test_a_book_of_63_fields():
    b = only(frame("H0STASP0", s.book(best_ask=71900, tick_size=100)))
    assert isinstance(b, DomesticBook)
    assert b.asks == tuple(Decimal(71900 + 100 * i) for i in range(10))
    assert b.bids == tuple(Decimal(71800 - 100 * i) for i in range(10))
    assert b.ask_sizes[0] == 1000 and b.ask_sizes[9] == 10000
    assert b.bid_sizes[0] == 2000 and b.bid_sizes[9] == 20000
    assert b.ask_levels[0] == (Decimal(71900), Decimal(1000))
    assert b.bid_levels[-1] == (Decimal(70900), Decimal(20000))
    assert (b.total_ask_size, b.total_bid_size) == (55000, 110000)
    assert (b.expected_price, b.expected_qty) == (Decimal(71850), Decimal(1200))
    assert b.expected_change == -50 and b.expected_sign == "5"
    assert b.volume == 3052507 and not b.auction
    assert (b.mid_price, b.mid_total_size, b.mid_side_code) == (Decimal(71850), 777, "1")
    assert b.market_session == "2"


def test_a_book_of_59_fields_has_no_mid_price():
    b59 = only(frame("H0STASP0", s.book(width=59)))
    b63 = only(frame("H0STASP0", s.book(width=63)))
    assert b59.mid_price is None and b59.mid_total_size is None and b59.market_session == ""
    assert (b59.asks, b59.bids, b59.ask_sizes, b59.bid_sizes) == (
        b63.asks,
        b63.bids,
        b63.ask_sizes,
        b63.bid_sizes,
    )


@pytest.mark.parametrize("width", [59, 63, 66])
def test_book_batches(width):
    parsed = parse_frame(
        frame("H0STASP0", *(s.book(best_ask=1000 + i, width=width) for i in range(3)))
    )
    assert [b.asks[0] for b in parsed.records] == [1000, 1001, 1002]


def test_a_book_of_58_fields_is_refused():
    with pytest.raises(FrameError, match="fewer than the 59"):
        parse_frame(frame("H0STASP0", s.book(width=58)))


def test_an_auction_book():
    values = s.book()
    values[2] = "B"
    assert only(frame("H0STASP0", values)).auction


# -- notices ----------------------------------------------------------------------------------

CIPHER = NoticeCipher(s.SAMPLE_KEY, s.SAMPLE_IV)


def notice_frame(tr_id: str, values: list[str], cipher: NoticeCipher = CIPHER) -> str:
    return f"1|{tr_id}|001|" + cipher.encrypt("^".join(values))


@pytest.mark.parametrize("tr_id", ["H0STCNI0", "H0STCNI9"])
def test_an_encrypted_fill_notice_of_26_fields(tr_id):
    text = notice_frame(tr_id, s.domestic_notice(fill=True, qty=7, price=71800))
    parsed = parse_frame(text, {tr_id: CIPHER})
    assert parsed.encrypted and parsed.tr_id == tr_id
    (n,) = parsed.records
    assert isinstance(n, DomesticNotice)
    assert n.is_fill and not n.is_ack and not n.rejected and n.is_buy
    assert (n.order_no, n.code, n.time, n.branch) == ("0000012345", "005930", "093355", "06010")
    assert (n.qty, n.price, n.order_qty) == (Decimal(7), Decimal(71800), Decimal(10))
    assert (n.exchange, n.popup, n.name, n.order_price) == ("1", "Y", "삼성전자", Decimal(71900))
    assert n.trigger_price is None
    assert (n.customer_id, n.account, n.account_name) == ("hts0001", "5012345601", "홍길동")


def test_an_acknowledgement_notice():
    n = only(notice_frame("H0STCNI0", s.domestic_notice(fill=False)), {"H0STCNI0": CIPHER})
    assert n.is_ack and not n.is_fill and n.accept_code == "1"


def test_a_rejection_notice():
    values = s.domestic_notice(fill=False)
    values[12] = "1"
    assert only(notice_frame("H0STCNI0", values), {"H0STCNI0": CIPHER}).rejected


@pytest.mark.parametrize("width", [23, 24, 25])
def test_the_older_23_field_notice_layout(width):
    n = only(notice_frame("H0STCNI0", s.domestic_notice(width=width)), {"H0STCNI0": CIPHER})
    new = only(notice_frame("H0STCNI0", s.domestic_notice(width=26)), {"H0STCNI0": CIPHER})
    assert (n.name, n.order_price, n.credit_class) == ("삼성전자", Decimal(71900), "")
    assert (n.exchange, n.popup, n.trigger_price) == ("", "", None)
    shared = ("order_no", "side", "code", "qty", "price", "time", "notice_kind", "order_qty")
    assert all(getattr(n, f) == getattr(new, f) for f in shared)


def test_notice_extras_after_26_fields_are_ignored():
    n27 = only(notice_frame("H0STCNI0", s.domestic_notice(width=28)), {"H0STCNI0": CIPHER})
    assert n27 == only(notice_frame("H0STCNI0", s.domestic_notice()), {"H0STCNI0": CIPHER})


def test_a_notice_record_does_not_show_personal_fields_in_its_repr():
    n = only(notice_frame("H0STCNI0", s.domestic_notice()), {"H0STCNI0": CIPHER})
    text = repr(n)
    assert "5012345601" not in text and "hts0001" not in text and "홍길동" not in text
    assert "0000012345" in text  # the order number is what a log line needs


def test_a_bad_number_in_a_notice_does_not_put_the_payload_in_the_error():
    values = s.domestic_notice()
    values[9] = "ten"
    with pytest.raises(FrameError, match="qty") as e:
        parse_frame(notice_frame("H0STCNI0", values), {"H0STCNI0": CIPHER})
    assert "5012345601" not in str(e.value) and "ten" not in str(e.value)


def test_a_plain_notice_frame_is_read_too():
    # Encryption is decided by the frame's first character (§9.6), not by the TR.
    n = only(frame("H0STCNI9", s.domestic_notice()))
    assert n.order_no == "0000012345"


# -- overseas ---------------------------------------------------------------------------------


def test_an_overseas_tick():
    t = only(frame("HDFSCNT0", s.overseas_tick()))
    assert isinstance(t, OverseasTick)
    assert (t.key, t.symbol, t.market, t.decimals) == ("DNASAAPL", "AAPL", "NAS", 4)
    assert t.price == Decimal("182.8700") and t.change == Decimal("1.1200")
    assert (t.bid, t.ask) == (Decimal("182.8500"), Decimal("182.8700"))
    assert (t.trade_volume, t.volume, t.session) == (10, 1234567, "1")
    assert (t.sell_volume, t.buy_volume) == (600000, 634567)
    assert t.prev_close == Decimal("181.7500")


def test_an_overseas_tick_batch_and_extras():
    records = [[*s.overseas_tick(price=f"18{i}.0000"), "extra"] for i in range(3)]
    parsed = parse_frame(frame("HDFSCNT0", *records))
    assert [t.price for t in parsed.records] == [180, 181, 182]


def test_a_us_book_of_ten_levels():
    b = only(frame("HDFSASP0", s.overseas_book(levels=10)))
    assert isinstance(b, OverseasBook)
    assert len(b.bids) == len(b.asks) == len(b.bid_sizes) == len(b.ask_size_changes) == 10
    assert b.bids[0] == Decimal("182.8500") and b.bids[9] == Decimal("182.7600")
    assert b.asks[0] == Decimal("182.8700") and b.asks[9] == Decimal("182.9600")
    assert b.bid_levels[2] == (Decimal("182.8300"), Decimal(300))
    assert b.ask_levels[2] == (Decimal("182.8900"), Decimal(150))
    assert (b.total_bid_size, b.total_ask_size, b.total_ask_change) == (1482, 381, -10)


def test_a_one_level_delayed_book_and_a_cut_level():
    one = only(frame("HDFSASP1", s.overseas_book(levels=1)))
    assert one.bid_levels == [(Decimal("182.8500"), Decimal(100))]
    assert one.ask_levels == [(Decimal("182.8700"), Decimal(50))]
    cut = only(frame("HDFSASP0", s.overseas_book(levels=2)[:20]))  # level 2 cut short
    assert cut.bids == one.bids and cut.ask_sizes == one.ask_sizes


def test_the_workbook_overseas_acknowledgement_decrypted_from_openssl():
    text = "1|H0GSCNI0|001|" + s.OVERSEAS_ACK_24_OPENSSL
    n = only(text, {"H0GSCNI0": NoticeCipher(s.SAMPLE_KEY, s.SAMPLE_IV)})
    assert isinstance(n, OverseasNotice)
    assert (n.order_no, n.code, n.market_code, n.name) == ("3567", "7203", "D", "도요타자동차")
    assert n.is_ack and n.is_buy and not n.rejected
    assert n.qty == 100 and n.order_qty is None
    assert n.price == Decimal("3220.0")  # Tokyo: one implied decimal
    assert n.raw_price12 is None


def test_overseas_notice_prices_and_widths():
    values = list(s.OVERSEAS_ACK_24)
    values[9], values[18] = "001480100", "6"  # NASDAQ: four implied decimals
    assert only(frame("H0GSCNI9", values)).price == Decimal("148.0100")
    values[9] = "148.01"  # a price sent with its point is taken as it is
    assert only(frame("H0GSCNI9", values)).price == Decimal("148.01")
    values[9], values[18] = "001480100", "Z"  # unknown market: no guess
    assert only(frame("H0GSCNI9", values)).price is None
    short = only(frame("H0GSCNI9", s.OVERSEAS_ACK_24[:21]))
    assert short.start_time == "" and short.raw_price12 is None
    full = only(frame("H0GSCNI9", [*s.OVERSEAS_ACK_24, "3220.0"]))
    assert full.raw_price12 == Decimal("3220.0")
    with pytest.raises(FrameError, match="fewer than the 21"):
        parse_frame(frame("H0GSCNI9", s.OVERSEAS_ACK_24[:20]))


# -- TRs without a record ---------------------------------------------------------------------


def test_a_tr_without_a_record_gives_its_values():
    parsed = parse_frame("0|H0UPCNT0|002|a^b^c^d^e^f")
    assert parsed.records == (("a", "b", "c"), ("d", "e", "f"))
