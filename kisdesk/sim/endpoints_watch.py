"""The live-screen quotations: the order book over REST (D12), condition search (D15 saved
conditions, D16 results), the HTS watchlist (D17 groups, D18 their stocks) and the
multi-symbol price (D19, 30 symbols a call). D15–D19 are real-only: their specs have no paper TR.

D12 builds its book with the websocket feed's rules (ws_records.domestic_book: the same tick
grid, the same seeded sizes for the same walk step, the simulator's resting orders at their
price), so the ladder's REST fallback looks like the stream it replaces.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from . import ws_records
from .api import ApiRequest, ApiSpec
from .endpoints_domestic import quote_or_error
from .envelope import KisError, Reply, field_error, s_dec, s_int, s_rate
from .market import DomesticQuote
from .world import KRX

if TYPE_CHECKING:
    from .world import SimWorld

D16_ROWS = 100  # "조건당 100건으로 제한"
D19_PAIRS = 30  # "한 번의 호출에 최대 30종목"
MARKETS = ("J", "NX", "UN")
# D15/D16 when the HTS ID uploaded nothing: the doc quotes the text, not the code.
NOT_UPLOADED = ("SIM00009", "조회가 계속 됩니다. (다음을 누르십시오.)")
NO_MATCH = ("MCA05918", "종목코드 오류입니다.")


# ---- D12 book -------------------------------------------------------------------------------

# One feed memory per world and symbol: the side of the last trade decides where the book sits.
_TAPES: weakref.WeakKeyDictionary[SimWorld, dict[str, ws_records.Tape]] = (
    weakref.WeakKeyDictionary()
)


def _tape(world: SimWorld, q: DomesticQuote) -> ws_records.Tape:
    tapes = _TAPES.setdefault(world, {})
    tape = tapes.get(q.code)
    if tape is None:
        tape = tapes[q.code] = ws_records.Tape(world.seed, f"{KRX}:{q.code}")
    now = world.now().strftime("%H%M%S")
    tape.advance(q.steps, q.price, q.volume, q.high, q.low, now)
    return tape


def _resting(world: SimWorld, code: str) -> dict[Decimal, int]:
    sizes: dict[Decimal, int] = {}
    for o in world.orders.open_orders():
        if o.exchange == KRX and o.code == code and o.price > 0:
            sizes[o.price] = sizes.get(o.price, 0) + o.remaining
    return sizes


def current_book(world: SimWorld, q: DomesticQuote) -> ws_records.Book:
    """The book now: the sizes are seeded by the walk step (the stream's), the resting orders
    are read afresh (the feed caches its book until the next trade; a REST read must not)."""
    tape = _tape(world, q)
    tape.book = None
    return ws_records.domestic_book(q, tape, _resting(world, q.code))


def _market(req: ApiRequest, name: str) -> str:
    mrkt = req.get(name).strip().upper()
    if mrkt not in MARKETS:
        raise field_error(name)
    return mrkt


def asking_price(world: SimWorld, req: ApiRequest) -> Reply:
    _market(req, "FID_COND_MRKT_DIV_CODE")
    q = quote_or_error(world, req.get("FID_INPUT_ISCD"))
    book = current_book(world, q)
    out1: dict[str, str] = {"aspr_acpt_hour": world.now().strftime("%H%M%S")}
    for i in range(ws_records.LEVELS):
        out1[f"askp{i + 1}"] = s_int(book.asks[i])
    for i in range(ws_records.LEVELS):
        out1[f"bidp{i + 1}"] = s_int(book.bids[i])
    for i in range(ws_records.LEVELS):
        out1[f"askp_rsqn{i + 1}"] = str(book.ask_sizes[i])
    for i in range(ws_records.LEVELS):
        out1[f"bidp_rsqn{i + 1}"] = str(book.bid_sizes[i])
    for i in range(ws_records.LEVELS):
        out1[f"askp_rsqn_icdc{i + 1}"] = "0"
    for i in range(ws_records.LEVELS):
        out1[f"bidp_rsqn_icdc{i + 1}"] = "0"
    total_ask, total_bid = book.total_ask, book.total_bid
    out1.update(
        {
            "total_askp_rsqn": str(total_ask),
            "total_bidp_rsqn": str(total_bid),
            "total_askp_rsqn_icdc": "0",
            "total_bidp_rsqn_icdc": "0",
            "ovtm_total_askp_icdc": "0",
            "ovtm_total_bidp_icdc": "0",
            "ovtm_total_askp_rsqn": "0",
            "ovtm_total_bidp_rsqn": "0",
            "ntby_aspr_rsqn": str(total_bid - total_ask),
            "new_mkop_cls_code": "20",
        }
    )
    # Continuous trading: the expected price is the last trade (as the captured response shows
    # after the close); the simulator runs no call auction.
    out2 = {
        "antc_mkop_cls_code": "112",
        "stck_prpr": s_int(q.price),
        "stck_oprc": s_int(q.open),
        "stck_hgpr": s_int(q.high),
        "stck_lwpr": s_int(q.low),
        "stck_sdpr": s_int(q.base),
        "antc_cnpr": s_int(q.price),
        "antc_cntg_vrss_sign": q.sign(),
        "antc_cntg_vrss": s_int(q.change),
        "antc_cntg_prdy_ctrt": s_rate(q.change, q.base),
        "antc_vol": "0",
        "stck_shrn_iscd": q.code,
        "vi_cls_code": "N",
    }
    return Reply({"output1": out1, "output2": out2})


# ---- D15 / D16 condition search -------------------------------------------------------------


def _user(world: SimWorld, req: ApiRequest, name: str) -> str:
    user = req.get(name).strip()
    if not user:
        raise field_error(name)
    return user


def _known(world: SimWorld, user: str) -> bool:
    return user in world.hts_ids.values()


@dataclass(frozen=True)
class Condition:
    group: str
    name: str
    pick: Callable[[list[DomesticQuote]], list[DomesticQuote]]


def _rate(q: DomesticQuote) -> Decimal:
    return q.change * 100 / q.base if q.base else Decimal(0)


def _big(quotes: list[DomesticQuote]) -> list[DomesticQuote]:
    return [q for q in quotes if q.listing.kind == "stock"]


CONDITIONS: tuple[Condition, ...] = (
    Condition(
        "기본그룹",
        "거래대금 상위",
        lambda qs: sorted(_big(qs), key=lambda q: q.value, reverse=True),
    ),
    Condition(
        "기본그룹",
        "상승률 2% 이상",
        lambda qs: sorted((q for q in qs if _rate(q) >= 2), key=_rate, reverse=True),
    ),
    Condition(
        "단타",
        "하락률 2% 이상",
        lambda qs: sorted((q for q in qs if _rate(q) <= -2), key=_rate),
    ),
    Condition("단타", "상한가", lambda qs: [q for q in qs if q.price >= q.upper]),
)


def condition_list(world: SimWorld, req: ApiRequest) -> Reply:
    user = _user(world, req, "USER_ID")
    if not _known(world, user):
        raise KisError(*NOT_UPLOADED)
    rows = [
        {"user_id": user, "seq": str(i), "grp_nm": c.group, "condition_nm": c.name}
        for i, c in enumerate(CONDITIONS)
    ]
    return Reply({"output2": rows})


def _n16(value: Decimal, *, zeros: bool = False) -> str:
    """D16's numbers: 16 characters with 4 decimals, prices zero-padded, the rest spaces."""
    text = s_dec(value, 4)
    return text.rjust(16, "0") if zeros and not text.startswith("-") else text.rjust(16)


def _daebi(q: DomesticQuote) -> str:
    # D16's own codes: 1 upper limit, 2 up, 3 flat, 4 lower limit, 5 down (as D1's sign).
    return q.sign()


def _strength(world: SimWorld, q: DomesticQuote) -> Decimal:
    tape = _tape(world, q)
    return Decimal(tape.buy_volume * 100) / tape.sell_volume if tape.sell_volume else Decimal(0)


def condition_result(world: SimWorld, req: ApiRequest) -> Reply:
    user = _user(world, req, "USER_ID")
    seq_text = req.get("SEQ").strip()
    if not _known(world, user):
        raise KisError(*NOT_UPLOADED)
    if not seq_text.isdigit() or int(seq_text) >= len(CONDITIONS):
        raise field_error("SEQ")
    picked = CONDITIONS[int(seq_text)].pick(list(world.market.all_domestic()))[:D16_ROWS]
    if not picked:
        raise KisError(*NO_MATCH)
    rows = []
    for q in picked:
        rows.append(
            {
                "code": q.code,
                "name": q.listing.name,
                "daebi": _daebi(q),
                "price": _n16(q.price, zeros=True),
                "change": _n16(q.change),
                "chgrate": _n16(_rate(q)),
                "acml_vol": _n16(Decimal(q.volume)),
                "trade_amt": _n16(q.value),
                "cttr": _n16(_strength(world, q)),
                "open": _n16(q.open),
                "high": _n16(q.high),
                "low": _n16(q.low),
                "high52": _n16(max(q.high, q.upper)),
                "low52": _n16(min(q.low, q.lower)),
                "expprice": _n16(q.price, zeros=True),
                "expchange": _n16(q.change),
                "expchggrate": _n16(_rate(q)),
                "expcvol": _n16(Decimal(0)),
                "expdaebi": _daebi(q),
                "chgrate2": _n16(
                    Decimal(q.volume * 100) / q.prev_volume if q.prev_volume else Decimal(0)
                ),
                "recprice": _n16(q.base),
                "uplmtprice": _n16(q.upper),
                "dnlmtprice": _n16(q.lower),
                "stotprice": _n16(q.price * q.listed / 100_000_000),
            }
        )
    return Reply({"output2": rows})


# ---- D17 / D18 HTS watchlist ----------------------------------------------------------------

# The demo holder's server-kept watchlist ([0161]): code, name, stocks.
HTS_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("000", "기본그룹1", ("005930", "000660", "035420", "035720", "005380", "000270")),
    ("001", "반도체", ("005930", "000660", "042700", "005935")),
    ("002", "2차전지", ("373220", "006400", "051910", "086520", "247540")),
)


def _groups(world: SimWorld) -> list[tuple[str, str, list[DomesticQuote]]]:
    out = []
    for code, name, stocks in HTS_GROUPS:
        quotes = [q for q in (world.market.domestic(c) for c in stocks) if q is not None]
        out.append((code, name, quotes))
    return out


def _fixed(req: ApiRequest, name: str, *allowed: str) -> None:
    if req.get(name).strip() not in allowed:
        raise field_error(name)


def group_list(world: SimWorld, req: ApiRequest) -> Reply:
    _fixed(req, "TYPE", "1")
    _fixed(req, "FID_ETC_CLS_CODE", "00")
    user = _user(world, req, "USER_ID")
    now = world.now()
    rows = []
    if _known(world, user):
        for rank, (code, name, quotes) in enumerate(_groups(world)):
            rows.append(
                {
                    "date": now.strftime("%Y%m%d"),
                    "trnm_hour": now.strftime("%H%M%S"),
                    "data_rank": f"{rank:010d}",
                    "inter_grp_code": code,
                    "inter_grp_name": name,
                    "ask_cnt": f"{len(quotes):03d}",
                }
            )
    return Reply({"output2": rows})


def group_stocks(world: SimWorld, req: ApiRequest) -> Reply:
    _fixed(req, "TYPE", "1")
    _fixed(req, "FID_ETC_CLS_CODE", "4")
    for blank in ("DATA_RANK", "INTER_GRP_NAME", "HTS_KOR_ISNM", "CNTG_CLS_CODE"):
        req.get(blank)  # required, sent empty
    user = _user(world, req, "USER_ID")
    group = req.get("INTER_GRP_CODE").strip()
    found = [g for g in _groups(world) if g[0] == group] if _known(world, user) else []
    name, quotes = (found[0][1], found[0][2]) if found else ("", [])
    rows = [
        {
            "fid_mrkt_cls_code": "J",
            "data_rank": f"{i + 1:010d}",
            "exch_code": "KRX",
            "jong_code": q.code,
            "hts_kor_isnm": q.listing.name,
            "color_code": "-1",
            "memo": "",
            "fxdt_ntby_qty": "0",
            "cntg_unpr": "0.000000",
            "cntg_cls_code": "0",
        }
        for i, q in enumerate(quotes)
    ]
    return Reply({"output1": {"data_rank": "", "inter_grp_name": name}, "output2": rows})


# ---- D19 multi-symbol price -----------------------------------------------------------------


def multi_price(world: SimWorld, req: ApiRequest) -> Reply:
    quotes: list[DomesticQuote] = []
    for n in range(1, D19_PAIRS + 1):
        code = req.raw(f"FID_INPUT_ISCD_{n}")
        if code is None or not code.strip():
            if n == 1:
                raise field_error("FID_INPUT_ISCD_1")
            break  # pairs 1…n without gaps; anything past 30 is not read
        _market(req, f"FID_COND_MRKT_DIV_CODE_{n}")
        quotes.append(quote_or_error(world, code, f"FID_INPUT_ISCD_{n}"))
    rows = []
    for q in quotes:
        book = current_book(world, q)
        market = "거래소" if q.listing.market == "KOSPI" else "코스닥"
        rows.append(
            {
                "kospi_kosdaq_cls_name": market,
                "mrkt_trtm_cls_name": market,
                "hour_cls_code": "0",
                "inter_shrn_iscd": q.code,
                "inter_kor_isnm": q.listing.name,
                "inter2_prpr": s_int(q.price),
                "inter2_prdy_vrss": s_int(q.change),
                "prdy_vrss_sign": q.sign(),
                "prdy_ctrt": s_rate(q.change, q.base),
                "acml_vol": str(q.volume),
                "inter2_oprc": s_int(q.open),
                "inter2_hgpr": s_int(q.high),
                "inter2_lwpr": s_int(q.low),
                "inter2_llam": s_int(q.lower),
                "inter2_mxpr": s_int(q.upper),
                "inter2_askp": s_int(book.asks[0]),
                "inter2_bidp": s_int(book.bids[0]),
                "seln_rsqn": str(book.ask_sizes[0]),
                "shnu_rsqn": str(book.bid_sizes[0]),
                "total_askp_rsqn": str(book.total_ask),
                "total_bidp_rsqn": str(book.total_bid),
                "acml_tr_pbmn": s_int(q.value),
                "inter2_prdy_clpr": s_int(q.base),
                "inter2_sdpr": s_int(q.base),
                "oprc_vrss_hgpr_rate": s_rate(q.high - q.open, q.open),
                "intr_antc_cntg_vrss": "0",
                "intr_antc_cntg_vrss_sign": "3",
                "intr_antc_cntg_prdy_ctrt": "0.00",
                "intr_antc_vol": "0",
            }
        )
    return Reply({"output": rows})


SPECS: list[ApiSpec] = [
    ApiSpec(
        "inquire-asking-price-exp-ccn",
        "GET",
        "/uapi/domestic-stock/v1/quotations/inquire-asking-price-exp-ccn",
        {"FHKST01010200": ""},
        {"FHKST01010200": ""},
        asking_price,
    ),
    ApiSpec(
        "psearch-title",
        "GET",
        "/uapi/domestic-stock/v1/quotations/psearch-title",
        {"HHKST03900300": ""},
        {},
        condition_list,
    ),
    ApiSpec(
        "psearch-result",
        "GET",
        "/uapi/domestic-stock/v1/quotations/psearch-result",
        {"HHKST03900400": ""},
        {},
        condition_result,
    ),
    ApiSpec(
        "intstock-grouplist",
        "GET",
        "/uapi/domestic-stock/v1/quotations/intstock-grouplist",
        {"HHKCM113004C7": ""},
        {},
        group_list,
    ),
    ApiSpec(
        "intstock-stocklist-by-group",
        "GET",
        "/uapi/domestic-stock/v1/quotations/intstock-stocklist-by-group",
        {"HHKCM113004C6": ""},
        {},
        group_stocks,
    ),
    ApiSpec(
        "intstock-multprice",
        "GET",
        "/uapi/domestic-stock/v1/quotations/intstock-multprice",
        {"FHKST11300006": ""},
        {},
        multi_price,
    ),
]
