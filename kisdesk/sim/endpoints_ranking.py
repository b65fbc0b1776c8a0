"""Ranking APIs (real-only, at most 30 rows, no continuation): credit balance, volume,
fluctuation and market cap."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from .api import ApiRequest, ApiSpec
from .envelope import Reply, field_error, s_dec, s_int, s_rate
from .market import DomesticQuote, is_preferred

if TYPE_CHECKING:
    from .world import SimWorld

MAX_ROWS = 30
MARKET_FILTERS = {"0000": "종합", "0001": "거래소", "1001": "코스닥", "2001": "코스피200"}


def universe(world: SimWorld, req: ApiRequest, *, kinds: tuple[str, ...]) -> list[DomesticQuote]:
    mrkt = req.get("FID_COND_MRKT_DIV_CODE").strip().upper()
    if mrkt not in ("J", "NX", "UN"):
        raise field_error("FID_COND_MRKT_DIV_CODE")
    iscd = req.get("FID_INPUT_ISCD").strip()
    if iscd not in MARKET_FILTERS:
        raise field_error("FID_INPUT_ISCD")
    quotes = [q for q in world.market.all_domestic() if q.listing.kind in kinds]
    if iscd == "0001":
        quotes = [q for q in quotes if q.listing.market == "KOSPI"]
    elif iscd == "1001":
        quotes = [q for q in quotes if q.listing.market == "KOSDAQ"]
    elif iscd == "2001":
        members = world.market.kospi200()
        quotes = [q for q in quotes if q.code in members]
    return quotes


def _screen(req: ApiRequest, expected: str) -> None:
    if req.get("FID_COND_SCR_DIV_CODE").strip() != expected:
        raise field_error("FID_COND_SCR_DIV_CODE")


def _price_range(req: ApiRequest, quotes: list[DomesticQuote]) -> list[DomesticQuote]:
    lo = req.get("FID_INPUT_PRICE_1", required=False).strip()
    hi = req.get("FID_INPUT_PRICE_2", required=False).strip()
    vol = req.get("FID_VOL_CNT", required=False).strip()
    try:
        if lo and Decimal(lo) > 0:
            quotes = [q for q in quotes if q.price >= Decimal(lo)]
        if hi and Decimal(hi) > 0:
            quotes = [q for q in quotes if q.price <= Decimal(hi)]
        if vol and int(vol) > 0:
            quotes = [q for q in quotes if q.volume >= int(vol)]
    except ArithmeticError:
        raise field_error("FID_INPUT_PRICE_1") from None
    except ValueError:
        raise field_error("FID_VOL_CNT") from None
    return quotes


def _div_cls(req: ApiRequest, quotes: list[DomesticQuote]) -> list[DomesticQuote]:
    div = req.get("FID_DIV_CLS_CODE").strip() or "0"
    if div not in ("0", "1", "2"):
        raise field_error("FID_DIV_CLS_CODE")
    if div == "1":
        return [q for q in quotes if not is_preferred(q)]
    if div == "2":
        return [q for q in quotes if is_preferred(q)]
    return quotes


def _exclusions(req: ApiRequest, quotes: list[DomesticQuote]) -> list[DomesticQuote]:
    """FID_TRGT_EXLS_CLS_CODE flags: position 5 preferred, 7 ETF, 8 ETN (1-based)."""
    flags = req.get("FID_TRGT_EXLS_CLS_CODE").strip()
    if flags and not set(flags) <= {"0", "1"}:
        raise field_error("FID_TRGT_EXLS_CLS_CODE")

    def on(i: int) -> bool:
        return len(flags) > i and flags[i] == "1"

    if on(4):
        quotes = [q for q in quotes if not is_preferred(q)]
    if on(6):
        quotes = [q for q in quotes if q.listing.kind != "etf"]
    if on(7):
        quotes = [q for q in quotes if q.listing.kind != "etn"]
    return quotes


def _top(quotes: list[DomesticQuote], key: Callable[[DomesticQuote], Decimal], *, desc: bool):
    return sorted(quotes, key=lambda q: (key(q), q.code), reverse=desc)[:MAX_ROWS]


def _base_fields(q: DomesticQuote) -> dict[str, str]:
    return {
        "stck_prpr": s_int(q.price),
        "prdy_vrss": s_int(q.change),
        "prdy_vrss_sign": q.sign(),
        "prdy_ctrt": s_rate(q.change, q.base),
        "acml_vol": str(q.volume),
    }


# ---- credit balance (seed 002) --------------------------------------------------------------


def _credit(q: DomesticQuote, period: int) -> dict[str, Decimal]:
    ex = q.extras
    loan_rate = Decimal(ex["loan_rate"])
    stln_rate = Decimal(ex["stln_rate"])
    loan_sh = (Decimal(q.listed) * loan_rate / 100).to_integral_value()
    stln_sh = (Decimal(q.listed) * stln_rate / 100).to_integral_value()
    # Increase over the period grows with its length (capped): plausible, deterministic.
    scale = Decimal(min(period, 60)) / Decimal(5)
    return {
        "loan_sh": loan_sh,
        "loan_amt": (loan_sh * q.price / 10_000).to_integral_value(),
        "loan_rate": loan_rate,
        "stln_sh": stln_sh,
        "stln_amt": (stln_sh * q.price / 10_000).to_integral_value(),
        "stln_rate": stln_rate,
        "loan_inrt": Decimal(ex["loan_inrt"]) * scale,
        "stln_inrt": Decimal(ex["stln_inrt"]) * scale,
    }


CREDIT_SORT: dict[str, tuple[str, bool]] = {
    "0": ("loan_rate", True),
    "1": ("loan_sh", True),
    "2": ("loan_amt", True),
    "3": ("loan_inrt", True),
    "4": ("loan_inrt", False),
    "5": ("stln_rate", True),
    "6": ("stln_sh", True),
    "7": ("stln_amt", True),
    "8": ("stln_inrt", True),
    "9": ("stln_inrt", False),
}


def credit_balance(world: SimWorld, req: ApiRequest) -> Reply:
    _screen(req, "11701")
    if req.get("FID_COND_MRKT_DIV_CODE").strip().upper() != "J":
        raise field_error("FID_COND_MRKT_DIV_CODE")
    sort = req.get("FID_RANK_SORT_CLS_CODE").strip()
    if sort not in CREDIT_SORT:
        raise field_error("FID_RANK_SORT_CLS_CODE")
    option = req.get("FID_OPTION").strip()
    if not option.isdigit() or not 2 <= int(option) <= 999:
        raise field_error("FID_OPTION")
    period = int(option)
    quotes = universe(world, req, kinds=("stock",))
    data = {q.code: _credit(q, period) for q in quotes}
    field_name, desc = CREDIT_SORT[sort]
    top = _top(quotes, lambda q: data[q.code][field_name], desc=desc)
    rows = []
    for q in top:
        d = data[q.code]
        rows.append(
            {
                "mksc_shrn_iscd": q.code,
                "hts_kor_isnm": q.listing.name,
                **_base_fields(q),
                "whol_loan_rmnd_stcn": s_int(d["loan_sh"]),
                "whol_loan_rmnd_amt": s_int(d["loan_amt"]),
                "whol_loan_rmnd_rate": s_dec(d["loan_rate"], 2),
                "whol_stln_rmnd_stcn": s_int(d["stln_sh"]),
                "whol_stln_rmnd_amt": s_int(d["stln_amt"]),
                "whol_stln_rmnd_rate": s_dec(d["stln_rate"], 2),
                "nday_vrss_loan_rmnd_inrt": s_dec(d["loan_inrt"], 2),
                "nday_vrss_stln_rmnd_inrt": s_dec(d["stln_inrt"], 2),
            }
        )
    today = world.now()
    start = today
    days = 0
    while days < period:
        start -= timedelta(days=1)
        if start.weekday() < 5:
            days += 1
    iscd = req.get("FID_INPUT_ISCD").strip()
    header = {
        "bstp_cls_code": iscd,
        "hts_kor_isnm": MARKET_FILTERS[iscd],
        "stnd_date1": start.strftime("%Y%m%d"),
        "stnd_date2": today.strftime("%Y%m%d"),
    }
    return Reply({"output1": [header], "output2": rows}, msg_cd="MCA00000")


# ---- volume rank ------------------------------------------------------------------------------


def _vol_fields(q: DomesticQuote) -> dict[str, Decimal]:
    avg_vol = Decimal(q.prev_volume)
    listed = Decimal(q.listed)
    value = q.value
    avg_value = avg_vol * q.base
    return {
        "vol": Decimal(q.volume),
        "vol_inrt": (Decimal(q.volume) - avg_vol) * 100 / avg_vol if avg_vol else Decimal(0),
        "vol_tnrt": Decimal(q.volume) * 100 / listed,
        "value": value,
        "tr_pbmn_tnrt": value * 100 / (listed * q.base),
        "avg_vol": avg_vol,
        "avg_value": avg_value,
    }


VOLUME_SORT = {"0": "vol", "1": "vol_inrt", "2": "vol_tnrt", "3": "value", "4": "tr_pbmn_tnrt"}


def volume_rank(world: SimWorld, req: ApiRequest) -> Reply:
    _screen(req, "20171")
    blng = req.get("FID_BLNG_CLS_CODE").strip()
    if blng not in VOLUME_SORT:
        raise field_error("FID_BLNG_CLS_CODE")
    trgt = req.get("FID_TRGT_CLS_CODE").strip()
    if trgt and not set(trgt) <= {"0", "1"}:
        raise field_error("FID_TRGT_CLS_CODE")
    req.get("FID_INPUT_DATE_1", required=False)
    quotes = universe(world, req, kinds=("stock", "etf", "etn"))
    quotes = _exclusions(req, _div_cls(req, _price_range(req, quotes)))
    data = {q.code: _vol_fields(q) for q in quotes}
    top = _top(quotes, lambda q: data[q.code][VOLUME_SORT[blng]], desc=True)
    rows = []
    for rank, q in enumerate(top, 1):
        d = data[q.code]
        rows.append(
            {
                "hts_kor_isnm": q.listing.name,
                "mksc_shrn_iscd": q.code,
                "data_rank": str(rank),
                "stck_prpr": s_int(q.price),
                "prdy_vrss_sign": q.sign(),
                "prdy_vrss": s_int(q.change),
                "prdy_ctrt": s_rate(q.change, q.base),
                "acml_vol": str(q.volume),
                "prdy_vol": str(q.prev_volume),
                "lstn_stcn": str(q.listed),
                "avrg_vol": s_int(d["avg_vol"]),
                "n_befr_clpr_vrss_prpr_rate": s_rate(q.change, q.base),
                "vol_inrt": s_dec(d["vol_inrt"], 2),
                "vol_tnrt": s_dec(d["vol_tnrt"], 2),
                "nday_vol_tnrt": s_dec(d["vol_tnrt"], 2),
                "avrg_tr_pbmn": s_int(d["avg_value"]),
                "tr_pbmn_tnrt": s_dec(d["tr_pbmn_tnrt"], 2),
                "nday_tr_pbmn_tnrt": s_dec(d["tr_pbmn_tnrt"], 2),
                "acml_tr_pbmn": s_int(q.value),
            }
        )
    return Reply({"output": rows}, msg_cd="MCA00000")


# ---- fluctuation ------------------------------------------------------------------------------


def _rate(a: Decimal, b: Decimal) -> Decimal:
    return (a - b) * 100 / b if b else Decimal(0)


def fluctuation(world: SimWorld, req: ApiRequest) -> Reply:
    _screen(req, "20170")
    sort = req.get("FID_RANK_SORT_CLS_CODE").strip()
    if sort not in ("0", "1", "2", "3", "4"):
        raise field_error("FID_RANK_SORT_CLS_CODE")
    cnt = req.get("FID_INPUT_CNT_1").strip() or "0"
    if not cnt.isdigit():
        raise field_error("FID_INPUT_CNT_1")
    prc = req.get("FID_PRC_CLS_CODE").strip() or "0"
    if prc not in ("0", "1"):
        raise field_error("FID_PRC_CLS_CODE")
    for name in ("FID_TRGT_CLS_CODE", "FID_TRGT_EXLS_CLS_CODE"):
        req.get(name)
    quotes = _div_cls(req, _price_range(req, universe(world, req, kinds=("stock",))))
    lo = req.get("FID_RSFL_RATE1", required=False).strip()
    hi = req.get("FID_RSFL_RATE2", required=False).strip()
    try:
        if lo:
            quotes = [q for q in quotes if _rate(q.price, q.base) >= Decimal(lo)]
        if hi:
            quotes = [q for q in quotes if _rate(q.price, q.base) <= Decimal(hi)]
    except ArithmeticError:
        raise field_error("FID_RSFL_RATE1") from None
    keys: dict[str, tuple[Callable[[DomesticQuote], Decimal], bool]] = {
        "0": (lambda q: _rate(q.price, q.base), True),
        "1": (lambda q: _rate(q.price, q.base), False),
        "2": (lambda q: _rate(q.price, q.open), True),
        "3": (lambda q: _rate(q.price, q.open), False),
        "4": (lambda q: _rate(q.high, q.low), True),
    }
    key, desc = keys[sort]
    rows = []
    day = world.now().strftime("%Y%m%d")
    for rank, q in enumerate(_top(quotes, key, desc=desc), 1):
        rows.append(
            {
                "stck_shrn_iscd": q.code,
                "data_rank": str(rank),
                "hts_kor_isnm": q.listing.name,
                **_base_fields(q),
                "stck_hgpr": s_int(q.high),
                "hgpr_hour": "100512",
                "acml_hgpr_date": day,
                "stck_lwpr": s_int(q.low),
                "lwpr_hour": "091033",
                "acml_lwpr_date": day,
                "lwpr_vrss_prpr_rate": s_dec(_rate(q.price, q.low), 2),
                "dsgt_date_clpr_vrss_prpr_rate": s_dec(_rate(q.price, q.base), 2),
                "cnnt_ascn_dynu": "1" if q.price > q.base else "0",
                "hgpr_vrss_prpr_rate": s_dec(_rate(q.price, q.high), 2),
                "cnnt_down_dynu": "1" if q.price < q.base else "0",
                "oprc_vrss_prpr_sign": "2"
                if q.price > q.open
                else "5"
                if q.price < q.open
                else "3",
                "oprc_vrss_prpr": s_int(q.price - q.open),
                "oprc_vrss_prpr_rate": s_dec(_rate(q.price, q.open), 2),
                "prd_rsfl": s_int(q.change),
                "prd_rsfl_rate": s_dec(_rate(q.price, q.base), 2),
            }
        )
    return Reply({"output": rows}, msg_cd="MCA00000")


# ---- market cap -------------------------------------------------------------------------------


def market_cap(world: SimWorld, req: ApiRequest) -> Reply:
    _screen(req, "20174")
    for name in ("FID_TRGT_CLS_CODE", "FID_TRGT_EXLS_CLS_CODE"):
        req.get(name)
    quotes = _div_cls(req, _price_range(req, universe(world, req, kinds=("stock",))))
    total = sum((q.price * q.listed for q in quotes), Decimal(0))
    rows = []
    top = _top(quotes, lambda q: q.price * q.listed, desc=True)
    for rank, q in enumerate(top, 1):
        cap = q.price * q.listed
        rows.append(
            {
                "mksc_shrn_iscd": q.code,
                "data_rank": str(rank),
                "hts_kor_isnm": q.listing.name,
                **_base_fields(q),
                "lstn_stcn": str(q.listed),
                "stck_avls": s_int(cap / 100_000_000),
                "mrkt_whol_avls_rlim": s_rate(cap, total, 2),
            }
        )
    return Reply({"output": rows}, msg_cd="MCA00000")


SPECS: list[ApiSpec] = [
    ApiSpec(
        "credit-balance",
        "GET",
        "/uapi/domestic-stock/v1/ranking/credit-balance",
        {"FHKST17010000": ""},
        {},
        credit_balance,
    ),
    ApiSpec(
        "volume-rank",
        "GET",
        "/uapi/domestic-stock/v1/quotations/volume-rank",
        {"FHPST01710000": ""},
        {},
        volume_rank,
    ),
    ApiSpec(
        "fluctuation",
        "GET",
        "/uapi/domestic-stock/v1/ranking/fluctuation",
        {"FHPST01700000": ""},
        {},
        fluctuation,
    ),
    ApiSpec(
        "market-cap",
        "GET",
        "/uapi/domestic-stock/v1/ranking/market-cap",
        {"FHPST01740000": ""},
        {},
        market_cap,
    ),
]
