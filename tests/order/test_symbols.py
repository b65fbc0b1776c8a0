"""Symbol search over the shipped KRX list: codes, names, nicknames, 초성, master files."""

from __future__ import annotations

import pytest

from kisdesk.domain.symbols import (
    SymbolIndex,
    build_index,
    choseong,
    load_csv,
    load_index,
    load_master_dir,
    parse_master,
)
from kisdesk.resources_path import data_file


@pytest.fixture(scope="module")
def index() -> SymbolIndex:
    return load_index()


def test_loads_every_listed_issue(index):
    rows = load_csv(data_file("krx_symbols.csv"))
    assert len(index) == len({r.code for r in rows}) > 4000
    assert index.get("005930").name == "삼성전자"


def test_choseong():
    assert choseong("삼성전자") == "ㅅㅅㅈㅈ"
    assert choseong("SK하이닉스") == "SKㅎㅇㄴㅅ"


@pytest.mark.parametrize(
    "query", ["삼전", "삼성", "ㅅㅅㅈㅈ", "삼성전자", "005930", "0059", "삼성전"]
)
def test_samsung_electronics_comes_first(index, query):
    assert index.search(query)[0].code == "005930"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("하닉", "000660"),
        ("sk하이닉스", "000660"),
        ("naver", "035420"),
        ("ㅎㄷㅊ", "005380"),
        ("kodex 200", "069500"),
        ("카카오", "035720"),
    ],
)
def test_other_names(index, query, code):
    assert index.search(query)[0].code == code


def test_resolve_is_exact_only(index):
    assert index.resolve("005930").name == "삼성전자"
    assert index.resolve("삼성전자").code == "005930"
    assert index.resolve("삼성전자 (005930)").code == "005930"
    assert index.resolve("삼전").code == "005930"  # a known nickname
    assert index.resolve("삼성") is None  # a prefix of many issues names none of them
    assert index.resolve("") is None


def test_search_is_fast_enough_per_keystroke(index):
    import time

    start = time.perf_counter()
    for q in ("ㅅ", "삼", "삼ㅅ", "삼성", "삼성ㅈ", "삼성전"):
        index.search(q)
    assert (time.perf_counter() - start) / 6 < 0.1


def _record(code: str, name: str, group: str, length: int) -> bytes:
    head = code.encode().ljust(9) + b"KR7000000000"
    name_b = name.encode("cp949").ljust(40)
    tail = group.encode() + b"0" * (length - 63)
    rec = head + name_b + tail
    assert len(rec) == length
    return rec


def test_master_files_refresh_the_list(tmp_path):
    kospi = (
        _record("005930", "삼성전자", "ST", 288) + b"\n" + _record("999990", "새상장", "EF", 288)
    )
    kosdaq = _record("999991", "코스닥신규", "ST", 282) + b"\n" + b"short line\n"
    (tmp_path / "kospi_code.mst").write_bytes(kospi + b"\n")
    (tmp_path / "kosdaq_code.mst").write_bytes(kosdaq)
    master = load_master_dir(tmp_path)
    assert [(s.code, s.name, s.market, s.kind) for s in master] == [
        ("005930", "삼성전자", "KOSPI", "stock"),
        ("999990", "새상장", "KOSPI", "etf"),
        ("999991", "코스닥신규", "KOSDAQ", "stock"),
    ]
    merged = build_index(load_csv(data_file("krx_symbols.csv")), master)
    assert merged.get("999990").tick_kind == "etf"
    assert merged.search("ㅋㅅㄷㅅ")[0].code == "999991"
    assert parse_master(b"x" * 10, "KOSPI", 288) == []


def test_dock_uses_master_files_on_paper_and_real(order_home):
    from kisdesk.ui.order_dock import master_dir, symbol_index_for

    folder = master_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kosdaq_code.mst").write_bytes(_record("999992", "마스터신규", "ST", 282) + b"\n")
    assert symbol_index_for("real").get("999992") is not None
    assert symbol_index_for("paper").get("999992") is not None
    assert symbol_index_for("demo").get("999992") is None  # demo: the simulator's universe
