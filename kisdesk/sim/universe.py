"""The listed universe: KRX and US symbols from the shipped CSVs, plus a few invented-but-plausible
symbols on the other overseas exchanges, and plausible price anchors for famous names."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from kisdesk.resources_path import data_file


@dataclass(frozen=True)
class Listing:
    code: str  # KRX short code (005930, Q500020) or overseas ticker (AAPL, 00700)
    name: str  # Korean display name where known
    market: str  # KOSPI/KOSDAQ, or the 4-letter trading code NASD/NYSE/AMEX/SEHK/...
    kind: str  # stock/etf/etn/other
    eng_name: str = ""


@dataclass(frozen=True)
class Exchange:
    """An overseas exchange: trading code (O1/O4), quotation code (O3), D10 type, currency."""

    trade: str
    quote: str
    prdt_type_cd: str
    currency: str
    natn_cd: str
    natn_name: str
    market_name: str
    zdiv: int  # price decimals
    lot: int
    limit_rate: Decimal | None  # daily band (None: no limit, as in the US)


EXCHANGES: dict[str, Exchange] = {
    e.trade: e
    for e in (
        Exchange("NASD", "NAS", "512", "USD", "840", "미국", "나스닥", 4, 1, None),
        Exchange("NYSE", "NYS", "513", "USD", "840", "미국", "뉴욕", 4, 1, None),
        Exchange("AMEX", "AMS", "529", "USD", "840", "미국", "아멕스", 4, 1, None),
        Exchange("SEHK", "HKS", "501", "HKD", "344", "홍콩", "홍콩", 3, 100, None),
        Exchange("SHAA", "SHS", "551", "CNY", "156", "중국", "상해A", 3, 100, Decimal("0.10")),
        Exchange("SZAA", "SZS", "552", "CNY", "156", "중국", "심천A", 3, 100, Decimal("0.10")),
        Exchange("TKSE", "TSE", "515", "JPY", "392", "일본", "도쿄", 1, 100, None),
        Exchange("HASE", "HNX", "507", "VND", "704", "베트남", "하노이", 0, 100, Decimal("0.10")),
        Exchange("VNSE", "HSX", "508", "VND", "704", "베트남", "호치민", 0, 100, Decimal("0.07")),
    )
}
QUOTE_TO_TRADE = {e.quote: e.trade for e in EXCHANGES.values()}
US_EXCHANGES = ("NASD", "NYSE", "AMEX")

# KRW per one unit of currency; fixed "first posted" rates of the simulated day.
FX_RATES: dict[str, Decimal] = {
    "KRW": Decimal(1),
    "USD": Decimal("1385.50"),
    "HKD": Decimal("177.42"),
    "CNY": Decimal("191.27"),
    "JPY": Decimal("9.2150"),
    "VND": Decimal("0.0546"),
}
CURRENCY_NAMES = {
    "USD": "미국 달러",
    "HKD": "홍콩 달러",
    "CNY": "중국 위안",
    "JPY": "일본 엔",
    "VND": "베트남 동",
}

# Price anchors (low, high) so famous names look right; the seed picks a point inside.
KRX_ANCHORS: dict[str, tuple[int, int]] = {
    "005930": (70_000, 80_000),  # 삼성전자
    "000660": (170_000, 200_000),  # SK하이닉스
    "373220": (350_000, 420_000),  # LG에너지솔루션
    "207940": (760_000, 900_000),  # 삼성바이오로직스
    "005380": (200_000, 250_000),  # 현대차
    "000270": (90_000, 110_000),  # 기아
    "068270": (165_000, 195_000),  # 셀트리온
    "035420": (180_000, 220_000),  # NAVER
    "035720": (38_000, 50_000),  # 카카오
    "005490": (300_000, 400_000),  # POSCO홀딩스
    "051910": (300_000, 400_000),  # LG화학
    "006400": (250_000, 350_000),  # 삼성SDI
    "105560": (70_000, 90_000),  # KB금융
    "055550": (45_000, 55_000),  # 신한지주
    "012330": (210_000, 250_000),  # 현대모비스
    "086520": (70_000, 100_000),  # 에코프로
    "247540": (140_000, 180_000),  # 에코프로비엠
    "028300": (55_000, 70_000),  # HLB
    "196170": (340_000, 400_000),  # 알테오젠
    "069500": (33_000, 38_000),  # KODEX 200
    "003550": (70_000, 80_000),  # LG
    "017670": (50_000, 56_000),  # SK텔레콤
    "030200": (38_000, 44_000),  # KT
    "066570": (85_000, 100_000),  # LG전자
    "034730": (140_000, 170_000),  # SK
    "015760": (20_000, 25_000),  # 한국전력
    "033780": (90_000, 100_000),  # KT&G
    "316140": (14_000, 16_500),  # 우리금융지주
    "323410": (20_000, 26_000),  # 카카오뱅크
    "251270": (45_000, 60_000),  # 넷마블
    "042700": (80_000, 110_000),  # 한미반도체
    "032830": (80_000, 95_000),  # 삼성생명
    "009150": (130_000, 160_000),  # 삼성전기
    "011200": (17_000, 22_000),  # HMM
    "096770": (100_000, 130_000),  # SK이노베이션
    "036570": (180_000, 220_000),  # 엔씨소프트
    "259960": (230_000, 290_000),  # 크래프톤
    "352820": (190_000, 240_000),  # 하이브
    "000810": (330_000, 380_000),  # 삼성화재
    "018260": (140_000, 170_000),  # 삼성에스디에스
    "122630": (16_000, 19_000),  # KODEX 레버리지
    "114800": (4_300, 5_000),  # KODEX 인버스
    "252670": (2_200, 2_700),  # KODEX 200선물인버스2X
}
# Listed shares of the famous names (rounded public figures) for market-cap plausibility.
KRX_LISTED: dict[str, int] = {
    "005930": 5_919_637_922,
    "000660": 728_002_365,
    "373220": 234_000_000,
    "207940": 71_174_000,
    "005380": 209_416_191,
    "000270": 397_672_632,
    "068270": 216_500_000,
    "035420": 158_437_008,
    "035720": 443_000_000,
    "005490": 84_571_230,
    "051910": 70_592_343,
    "006400": 68_764_530,
    "105560": 393_000_000,
    "055550": 509_000_000,
}

# Korean names of well-known US tickers (the CSV has English names only).
US_KOREAN: dict[str, str] = {
    "AAPL": "애플",
    "NVDA": "엔비디아",
    "TSLA": "테슬라",
    "MSFT": "마이크로소프트",
    "GOOGL": "알파벳 A",
    "AMZN": "아마존닷컴",
    "META": "메타 플랫폼스",
    "JPM": "JP모건 체이스",
    "KO": "코카콜라",
    "DIS": "월트 디즈니",
    "XOM": "엑슨모빌",
    "V": "비자",
    "BRK.B": "버크셔 해서웨이 B",
    "SPY": "SPDR S&P500 ETF",
    "DIA": "SPDR 다우존스 ETF",
    "GLD": "SPDR 금 ETF",
    "QQQ": "인베스코 QQQ",
    "WMT": "월마트",
}
US_ANCHORS: dict[str, tuple[str, str]] = {
    "AAPL": ("215", "235"),
    "NVDA": ("115", "140"),
    "TSLA": ("230", "265"),
    "MSFT": ("405", "440"),
    "GOOGL": ("160", "180"),
    "AMZN": ("180", "200"),
    "META": ("500", "560"),
    "JPM": ("205", "225"),
    "KO": ("62", "70"),
    "DIS": ("90", "105"),
    "XOM": ("110", "120"),
    "V": ("270", "290"),
    "BRK.B": ("440", "470"),
    "SPY": ("550", "580"),
    "DIA": ("410", "430"),
    "GLD": ("225", "245"),
    "QQQ": ("470", "500"),
    "WMT": ("75", "85"),
}

# Other exchanges: (code, Korean name, English name, low, high) per trading code.
OTHER_LISTINGS: dict[str, tuple[tuple[str, str, str, str, str], ...]] = {
    "SEHK": (
        ("00700", "텐센트", "TENCENT", "360", "400"),
        ("09988", "알리바바", "BABA-W", "75", "90"),
        ("03690", "메이투안", "MEITUAN-W", "120", "150"),
        ("00005", "HSBC홀딩스", "HSBC HOLDINGS", "62", "70"),
        ("01299", "AIA그룹", "AIA", "55", "65"),
        ("00941", "차이나모바일", "CHINA MOBILE", "68", "76"),
    ),
    "SHAA": (
        ("600519", "귀주모태주", "KWEICHOW MOUTAI", "1500", "1700"),
        ("601318", "중국평안보험", "PING AN", "42", "50"),
        ("600036", "초상은행", "CHINA MERCHANTS BANK", "33", "38"),
        ("601012", "융기실리콘", "LONGI GREEN", "17", "22"),
    ),
    "SZAA": (
        ("300750", "CATL", "CATL", "180", "210"),
        ("000858", "오량액", "WULIANGYE", "130", "150"),
        ("000333", "메이디그룹", "MIDEA GROUP", "58", "66"),
        ("002594", "BYD", "BYD", "250", "290"),
    ),
    "TKSE": (
        ("7203", "도요타자동차", "TOYOTA MOTOR", "2600", "2900"),
        ("6758", "소니그룹", "SONY GROUP", "2900", "3300"),
        ("9984", "소프트뱅크그룹", "SOFTBANK GROUP", "7800", "8800"),
        ("7974", "닌텐도", "NINTENDO", "7600", "8600"),
        ("8306", "미쓰비시UFJ", "MITSUBISHI UFJ", "1450", "1650"),
    ),
    "HASE": (
        ("SHS", "사이공하노이증권", "SAIGON HANOI SECURITIES", "13000", "16000"),
        ("PVS", "페트로베트남기술서비스", "PETROVIETNAM TECH SERVICES", "32000", "38000"),
        ("CEO", "CEO그룹", "CEO GROUP", "18000", "22000"),
    ),
    "VNSE": (
        ("VNM", "비나밀크", "VINAMILK", "64000", "72000"),
        ("VIC", "빈그룹", "VINGROUP", "40000", "46000"),
        ("FPT", "FPT", "FPT CORP", "115000", "130000"),
        ("HPG", "호아팟그룹", "HOA PHAT GROUP", "25000", "29000"),
    ),
}


# Hong Kong trades in board lots that differ by issue (HKEX: 100 for Tencent, Alibaba and
# Meituan, 400 HSBC, 200 AIA, 500 China Mobile); other markets have one lot (Exchange.lot).
BOARD_LOTS: dict[tuple[str, str], int] = {
    ("SEHK", "00700"): 100,
    ("SEHK", "09988"): 100,
    ("SEHK", "03690"): 100,
    ("SEHK", "00005"): 400,
    ("SEHK", "01299"): 200,
    ("SEHK", "00941"): 500,
}


def lot_of(exch: str, code: str) -> int:
    """The trading unit of an issue (O6 ``vnit``, O2 ``unit_amt``)."""
    return BOARD_LOTS.get((exch, code), EXCHANGES[exch].lot)


def daytime_tradable(exch: str, code: str) -> bool:
    """Only some US issues trade in the daytime session (endpoints.md O10, ``dtm_tr_psbl_yn``):
    here the well-known names (those with a price anchor)."""
    return exch in US_EXCHANGES and code in US_ANCHORS


def paper_tradable(exch: str, code: str) -> bool:
    """Paper trades only some overseas issues ("일부 종목만 매매 가능", endpoints.md O10): here
    the well-known US names and every listed issue of the other markets."""
    if exch in US_EXCHANGES:
        return code in US_ANCHORS
    return any(c == code for c, *_rest in OTHER_LISTINGS.get(exch, ()))


@lru_cache(maxsize=1)
def krx_listings() -> dict[str, Listing]:
    out: dict[str, Listing] = {}
    with open(data_file("krx_symbols.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["code"]] = Listing(row["code"], row["name"], row["market"], row["kind"])
    return out


@lru_cache(maxsize=1)
def overseas_listings() -> dict[tuple[str, str], Listing]:
    """(trading exchange code, ticker) -> listing."""
    out: dict[tuple[str, str], Listing] = {}
    with open(data_file("us_symbols.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            sym, exch = row["symbol"], row["exchange"]
            name = US_KOREAN.get(sym, row["name"])
            out[(exch, sym)] = Listing(sym, name, exch, "stock", row["name"])
    for exch, rows in OTHER_LISTINGS.items():
        for code, kor, eng, _lo, _hi in rows:
            out[(exch, code)] = Listing(code, kor, exch, "stock", eng)
    return out


def overseas_anchor(exch: str, code: str) -> tuple[Decimal, Decimal] | None:
    if exch in US_EXCHANGES and code in US_ANCHORS:
        lo, hi = US_ANCHORS[code]
        return Decimal(lo), Decimal(hi)
    for c, _k, _e, lo, hi in OTHER_LISTINGS.get(exch, ()):
        if c == code:
            return Decimal(lo), Decimal(hi)
    return None
