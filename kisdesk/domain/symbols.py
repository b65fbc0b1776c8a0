"""Symbol lookup for the order panel: every listed KRX issue, searchable by code, name, a loose
abbreviation ("삼전") or initial consonants (초성, "ㅅㅅㅈㅈ"), and the overseas issues the
panel can trade (US, Hong Kong, Shanghai, Shenzhen, Tokyo, Hanoi, Ho Chi Minh). No Qt.

The list ships as ``resources/data/krx_symbols.csv`` (code,name,market,kind). KIS's master files
(``kospi_code.mst`` …, master-files.md) refresh it when they are on disk: they are read by bytes
(cp949, fixed-width) and merged over the shipped list. Overseas issues ship as
``us_symbols.csv`` (symbol,name,exchange) and ``overseas_symbols.csv`` (symbol,name,exchange,
english: Korean names of well-known US issues and the other markets' issues); an overseas symbol
carries its 4-letter trading exchange (NASD, SEHK, TKSE …), a domestic one none.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_HANGUL_FIRST = 0xAC00
_HANGUL_LAST = 0xD7A3
# Initial consonants in syllable order (U+1100 block order, written as compatibility jamo so they
# compare equal to what a keyboard types).
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_CHOSEONG_SET = frozenset(CHOSEONG)

# Nicknames traders type (증권가 약칭) where the letters alone would not rank the intended issue
# first. Deliberately short: the fuzzy match handles the rest.
ALIASES: dict[str, str] = {
    "삼전": "005930",
    "삼전우": "005935",
    "하닉": "000660",
    "하이닉스": "000660",
    "현차": "005380",
    "엔솔": "373220",
    "엘지엔솔": "373220",
    "삼바": "207940",
    "삼성바이오": "207940",
    "카뱅": "323410",
    "포스코": "005490",
    "셀트": "068270",
    "엘화": "051910",
    "네이버": "035420",
    "카카오": "035720",
}
_NOTABLE = frozenset(ALIASES.values())


def choseong(text: str) -> str:
    """The initial consonant of every Hangul syllable; other characters pass through."""
    out = []
    for ch in text:
        code = ord(ch)
        if _HANGUL_FIRST <= code <= _HANGUL_LAST:
            out.append(CHOSEONG[(code - _HANGUL_FIRST) // 588])
        else:
            out.append(ch)
    return "".join(out)


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()


@dataclass(frozen=True)
class Symbol:
    code: str
    name: str
    market: str  # KOSPI / KOSDAQ / KONEX; overseas: the trading exchange (NASD …)
    kind: str  # stock / etf / etn / other
    exchange: str = ""  # overseas trading code (NASD, SEHK, TKSE …); "" for a KRX issue
    english: str = ""  # an overseas issue's English name, searchable too

    @property
    def overseas(self) -> bool:
        return bool(self.exchange)

    @property
    def tick_kind(self) -> str:
        """The kind the tick table knows: ETFs and ETNs trade on a flat 5-won tick."""
        return self.kind if self.kind in ("etf", "etn") else "stock"

    @property
    def display(self) -> str:
        return f"{self.name} ({self.code})"


def _matches_char(q: str, c: str, c_initial: str) -> bool:
    return q == c or (q in _CHOSEONG_SET and q == c_initial)


def _subsequence_span(query: str, name: str, initials: str) -> tuple[int, int] | None:
    """(start, span) of the tightest left-most match of ``query`` as a subsequence of ``name``;
    a query jamo also matches a syllable with that initial consonant."""
    best: tuple[int, int] | None = None
    n = len(name)
    for start in range(n):
        if not _matches_char(query[0], name[start], initials[start]):
            continue
        qi, i = 1, start + 1
        while qi < len(query) and i < n:
            if _matches_char(query[qi], name[i], initials[i]):
                qi += 1
            i += 1
        if qi == len(query):
            span = i - start
            if best is None or span < best[1]:
                best = (start, span)
            if span == len(query):
                break
    return best


class SymbolIndex:
    """Ranked search over a fixed list of symbols (about 4,300: a linear scan per keystroke
    takes a few milliseconds)."""

    def __init__(self, symbols: Iterable[Symbol]) -> None:
        self._by_code: dict[str, Symbol] = {}
        self._by_listing: dict[tuple[str, str], Symbol] = {}  # overseas: (exchange, code)
        for s in symbols:  # a later record for the same code replaces the earlier one
            if s.overseas:
                self._by_listing[(s.exchange, s.code)] = s
            else:
                self._by_code[s.code] = s
        # A ticker also answers to its code alone, unless a KRX issue has that code.
        self._ovs_by_code: dict[str, Symbol] = {}
        for s in self._by_listing.values():
            self._ovs_by_code.setdefault(s.code, s)
        self._symbols = sorted(self._by_code.values(), key=lambda s: s.code) + sorted(
            self._by_listing.values(), key=lambda s: (s.code, s.exchange)
        )
        self._folded = [_fold(s.name) for s in self._symbols]
        self._english = [_fold(s.english) for s in self._symbols]
        self._initials = [choseong(f) for f in self._folded]
        self._by_name: dict[str, Symbol] = {}
        for folded, english, s in zip(self._folded, self._english, self._symbols, strict=True):
            self._by_name.setdefault(folded, s)
            if english:
                self._by_name.setdefault(english, s)

    def __len__(self) -> int:
        return len(self._symbols)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._symbols)

    def get(self, code: str) -> Symbol | None:
        """The KRX issue of ``code``, else an overseas issue with that ticker."""
        key = code.strip().upper()
        return self._by_code.get(key) or self._ovs_by_code.get(key)

    def get_overseas(self, exchange: str, code: str) -> Symbol | None:
        """The overseas issue ``code`` on trading exchange ``exchange`` (NASD …)."""
        return self._by_listing.get((exchange.strip().upper(), code.strip().upper()))

    def resolve(self, text: str) -> Symbol | None:
        """The one symbol ``text`` names exactly: a code, a full name, ``"name (code)"`` as the
        completer writes it, or a known nickname. None when it is only a partial match."""
        t = text.strip()
        if not t:
            return None
        if t.endswith(")") and "(" in t:
            inner = t[t.rindex("(") + 1 : -1].strip()
            found = self.get(inner)
            if found is not None:
                return found
        found = self.get(t)
        if found is not None:
            return found
        folded = _fold(t)
        found = self._by_name.get(folded)
        if found is not None:
            return found
        alias = ALIASES.get(folded)
        return self.get(alias) if alias else None

    def search(self, query: str, limit: int | None = 20) -> list[Symbol]:
        """Best matches first: code, exact name, nickname, name prefix, initials, substring,
        then loose abbreviations (letters in order, "삼전" -> 삼성전자). ``limit=None``: all."""
        q = _fold(query)
        if not q:
            return []
        q_upper = query.strip().upper()
        q_initials = choseong(q)
        q_all_jamo = all(ch in _CHOSEONG_SET for ch in q)
        alias = ALIASES.get(q)
        scored: list[tuple[tuple, Symbol]] = []
        rows = zip(self._symbols, self._folded, self._english, self._initials, strict=True)
        for sym, name, english, initials in rows:
            rank: tuple | None = None
            if sym.code == q_upper:
                rank = (0,)
            elif name == q or english == q:
                rank = (1,)
            elif alias == sym.code:
                rank = (2,)
            elif name.startswith(q):
                rank = (3, len(name))
            elif english and english.startswith(q):
                rank = (3, len(english))
            elif sym.code.startswith(q_upper):
                rank = (4,)
            elif q_all_jamo and initials == q:
                rank = (5,)
            elif q_all_jamo and initials.startswith(q):
                rank = (6, len(name))
            elif q in name:
                rank = (7, name.index(q), len(name))
            elif english and q in english:
                rank = (7, english.index(q), len(english))
            elif q_initials != q and q_initials in initials:
                rank = (8, initials.index(q_initials), len(name))
            elif not sym.overseas:  # loose abbreviations are a Korean-name habit
                span = _subsequence_span(q, name, initials)
                if span is not None:
                    rank = (9, span[1], span[0], len(name))
            if rank is not None:
                # Within a tier: the best-known names (nickname targets) first, shares before
                # funds and notes; ties go to the older (lower) code, usually the larger issue.
                known = 0 if sym.code in _NOTABLE else 1
                kind_order = 0 if sym.kind == "stock" else 1
                scored.append(((rank[0], known, kind_order, *rank[1:]), sym))
        scored.sort(key=lambda item: (item[0], item[1].code))
        return [s for _, s in scored[:limit]]


# -- loading -----------------------------------------------------------------------------------


def load_csv(path: Path) -> list[Symbol]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Symbol(
                row["code"].strip(), row["name"].strip(), row["market"].strip(), row["kind"].strip()
            )
            for row in csv.DictReader(fh)
            if row.get("code", "").strip()
        ]


# (file name, market, record length in bytes without the newline) — master-files.md §2
MASTER_FILES: tuple[tuple[str, str, int], ...] = (
    ("kospi_code.mst", "KOSPI", 288),
    ("kosdaq_code.mst", "KOSDAQ", 282),
    ("konex_code.mst", "KONEX", 245),
)
_GROUP_KINDS = {"ST": "stock", "EF": "etf", "EN": "etn", "FS": "stock", "DR": "stock"}


def parse_master(data: bytes, market: str, record_len: int) -> list[Symbol]:
    """Records of one domestic master file: short code (bytes 0–8), name (21–60, cp949), security
    group (61–62). Records of the wrong length are skipped rather than misread."""
    out: list[Symbol] = []
    for raw in data.split(b"\n"):
        raw = raw.rstrip(b"\r")
        if len(raw) != record_len:
            continue
        code = raw[0:9].decode("ascii", "replace").strip()
        name = raw[21:61].decode("cp949", "replace").strip()
        group = raw[61:63].decode("ascii", "replace")
        if not code or not name:
            continue
        out.append(Symbol(code, name, market, _GROUP_KINDS.get(group, "other")))
    return out


def load_master_dir(folder: Path) -> list[Symbol]:
    """Every domestic master file present in ``folder`` (missing files are skipped)."""
    out: list[Symbol] = []
    for name, market, length in MASTER_FILES:
        path = folder / name
        if path.is_file():
            out.extend(parse_master(path.read_bytes(), market, length))
    return out


def build_index(shipped: Sequence[Symbol], master: Sequence[Symbol] = ()) -> SymbolIndex:
    """The shipped list, with the master files' records (fresher) replacing or adding to it."""
    return SymbolIndex([*shipped, *master])


def load_overseas_csv(path: Path, *, with_english: bool) -> list[Symbol]:
    """Overseas issues (symbol,name,exchange[,english]) of one shipped list."""
    out: list[Symbol] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code, exchange = row.get("symbol", "").strip(), row.get("exchange", "").strip()
            if not code or not exchange:
                continue
            name = row["name"].strip()
            english = row.get("english", "").strip() if with_english else ""
            out.append(Symbol(code, name, exchange, "stock", exchange, english or name))
    return out


@lru_cache(maxsize=1)
def overseas_symbols() -> tuple[Symbol, ...]:
    """The shipped overseas issues: the US list, then Korean names and the other markets."""
    from kisdesk.resources_path import data_file

    us = load_overseas_csv(data_file("us_symbols.csv"), with_english=False)
    other = load_overseas_csv(data_file("overseas_symbols.csv"), with_english=True)
    return (*us, *other)


@lru_cache(maxsize=4)
def load_trading_index(master_dir: str | None = None) -> SymbolIndex:
    """What the order panel searches: the KRX list (refreshed by master files in
    ``master_dir``) and the overseas issues."""
    domestic = list(load_index(master_dir))
    return SymbolIndex([*domestic, *overseas_symbols()])


@lru_cache(maxsize=4)
def load_index(master_dir: str | None = None) -> SymbolIndex:
    """The process-wide index (cached): shipped CSV, refreshed by master files in ``master_dir``."""
    from kisdesk.resources_path import data_file

    shipped = load_csv(data_file("krx_symbols.csv"))
    master = load_master_dir(Path(master_dir)) if master_dir else []
    return build_index(shipped, master)
