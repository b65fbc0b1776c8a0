"""Records: declarative mapping, Decimal everywhere, clear errors, KIS keys from the digest."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import typing
from decimal import Decimal
from pathlib import Path

import pytest

from kisdesk.kis import RecordError
from kisdesk.kis.fields import kis_keys, parse, parse_list
from kisdesk.kis.records import (
    ALL_RECORDS,
    CreditBalanceHeader,
    CreditBalanceRow,
    DomesticBalanceSummary,
    DomesticHolding,
    DomesticQuote,
    OrderAck,
    OverseasBalanceSummary,
    OverseasHolding,
    OverseasQuote,
)

SHARED = Path("/work/shared")
SAMPLES = SHARED / "kis-api" / "samples"


def sample(name: str) -> dict:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))["response"]["body"]


def test_balance_sample_parses_to_exact_decimals() -> None:
    body = sample("domestic_balance_page.json")
    holdings = parse_list(DomesticHolding, body["output1"])
    assert len(holdings) == len(body["output1"])
    for row, h in zip(body["output1"], holdings, strict=True):
        assert h.code == row["pdno"]
        assert h.avg_price == Decimal(row["pchs_avg_pric"])
        assert str(h.avg_price) == row["pchs_avg_pric"]  # scale kept: "71250.0000"
        assert h.pnl == h.eval_amount - h.purchase_amount  # the sample's own invariant
        for f in dataclasses.fields(DomesticHolding):
            value = getattr(h, f.name)
            assert not isinstance(value, float), f.name
    summary = parse(DomesticBalanceSummary, body["output2"][0])
    assert summary.total_eval == summary.securities_eval + summary.deposit_d2
    assert summary.pnl_total == sum(h.pnl for h in holdings)


def test_quote_and_order_ack_samples() -> None:
    q = parse(DomesticQuote, sample("domestic_current_price.json")["output"], code="005930")
    assert (q.code, q.price, q.tick, q.upper, q.lower) == (
        "005930",
        Decimal("74300"),
        Decimal("100"),
        Decimal("95500"),
        Decimal("51500"),
    )
    assert q.vwap == Decimal("74120.55")
    ack = parse(OrderAck, sample("order_cash_success.json")["output"])
    assert (ack.branch, ack.order_no, ack.time) == ("06010", "0001570021", dt.time(9, 30, 15))


def test_overseas_sample_skips_the_blank_trailing_row() -> None:
    body = sample("overseas_balance_page.json")
    blank = dict.fromkeys(body["output1"][0], "")
    rows = parse_list(OverseasHolding, [*body["output1"], blank], skip_blank_key="ovrs_pdno")
    assert [h.code for h in rows] == ["AAPL", "NVDA", "TSLA"]
    summary = parse(OverseasBalanceSummary, body["output2"])
    assert summary.total_pnl == sum(h.pnl for h in rows)
    assert summary.total_eval_pnl == sum(h.eval_amount for h in rows)  # the KIS label quirk


def test_credit_ranking_sample() -> None:
    body = sample("credit_balance_ranking.json")
    header = parse(CreditBalanceHeader, body["output1"][0])
    assert header.date_from == dt.date(2025, 6, 5)
    rows = parse_list(CreditBalanceRow, body["output2"])
    assert rows and all(isinstance(r.loan_rate, Decimal) for r in rows)
    rates = [r.loan_rate for r in rows]
    assert rates == sorted(rates, reverse=True)  # the sample is sorted by code 0


def test_missing_required_field_is_a_clear_error() -> None:
    row = dict(sample("domestic_current_price.json")["output"])
    del row["stck_prpr"]
    with pytest.raises(RecordError) as info:
        parse(DomesticQuote, row, tr_id="FHKST01010100")
    assert info.value.key == "stck_prpr"
    assert info.value.record == "DomesticQuote"
    assert "stck_prpr" in str(info.value) and "FHKST01010100" in str(info.value)


def test_unknown_fields_are_tolerated_and_optional_ones_may_be_absent() -> None:
    row = {
        "stck_prpr": "1000",
        "prdy_vrss": "-5",
        "prdy_vrss_sign": "5",
        "prdy_ctrt": "-0.50",
        "stck_mxpr": "1300",
        "stck_llam": "701",
        "stck_sdpr": "1005",
        "acml_vol": "0",
        "aspr_unit": "1",
        "a_field_added_next_year": "x",
    }
    q = parse(DomesticQuote, row)
    assert q.change == Decimal("-5")
    assert q.high is None and q.halted is False and q.market_name is None


def test_empty_strings_follow_the_declared_type() -> None:
    row = dict(sample("overseas_balance_page.json")["output1"][0])
    row.update({"frcr_evlu_pfls_amt": "", "loan_dt": "", "prdt_type_cd": "  "})
    h = parse(OverseasHolding, row)
    assert h.pnl == Decimal(0)  # Decimal field: empty → 0
    assert h.loan_date is None  # date | None: empty → None
    assert h.product_type == ""  # str: empty → ""
    q = parse(
        OverseasQuote, {"last": "", "base": "", "diff": "", "rate": "", "sign": "", "tvol": ""}
    )
    assert q.price is None and q.volume is None  # Decimal | None: empty → None


def test_bad_number_is_a_record_error() -> None:
    row = dict(sample("domestic_current_price.json")["output"])
    row["stck_prpr"] = "74,3OO"
    with pytest.raises(RecordError, match="stck_prpr"):
        parse(DomesticQuote, row)
    row["stck_prpr"] = "NaN"
    with pytest.raises(RecordError):
        parse(DomesticQuote, row)


def test_hhmmss_is_read_once_into_a_time() -> None:
    """Order and bar times arrive as HHMMSS text; the record holds a time of day (KIS may drop
    the leading zero), None when blank, and refuses what is not a time."""
    row = {"krx_fwdg_ord_orgno": "00950", "odno": "47589"}
    assert parse(OrderAck, {**row, "ORD_TMD": "093015"}).time == dt.time(9, 30, 15)
    assert parse(OrderAck, {**row, "ORD_TMD": "93015"}).time == dt.time(9, 30, 15)
    assert parse(OrderAck, {**row, "ORD_TMD": ""}).time is None
    for bad in ("09:30", "2461xx", "256000", "1234567"):
        with pytest.raises(RecordError, match="ORD_TMD"):
            parse(OrderAck, {**row, "ORD_TMD": bad})


def test_keys_are_looked_up_case_insensitively() -> None:
    ack = parse(OrderAck, {"krx_fwdg_ord_orgno": "00950", "odno": "47589", "ord_tmd": "093016"})
    assert ack.order_no == "47589"


def test_non_object_row_is_a_record_error() -> None:
    with pytest.raises(RecordError):
        parse_list(DomesticHolding, "garbage")
    with pytest.raises(RecordError):
        parse(DomesticHolding, ["not", "a", "dict"])  # type: ignore[arg-type]


def _digest_text() -> str:
    parts = [p.read_text(encoding="utf-8") for p in (SHARED / "kis-api").glob("*.md")]
    parts += [p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.json")]
    parts += [p.read_text(encoding="utf-8") for p in (SHARED / "seeds").glob("*.txt")]
    return "\n".join(parts)


def test_every_kis_key_is_documented_and_every_number_is_decimal() -> None:
    """No invented field names: each key a record reads appears in the digest or the seeds."""
    text = _digest_text()
    for cls in ALL_RECORDS:
        hints = typing.get_type_hints(cls)
        for name, key in kis_keys(cls).items():
            # The digest lists some name fields as "`idx_bztp_lcls_cd` (+ `_name`)".
            stem = key.removesuffix("_name")
            documented = key in text or (stem != key and f"`{stem}`" in text and "`_name`" in text)
            assert documented, f"{cls.__name__}.{name}: {key!r} not in the digest"
            assert float not in typing.get_args(hints[name]) and hints[name] is not float
