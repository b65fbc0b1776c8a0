"""CSV export: exact Decimals, Korean names, UTF-8 with BOM, the proxy's order and filter."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal as D

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from kisdesk.models.columns import Column, price_column, text_column
from kisdesk.models.csv_export import export_csv
from kisdesk.models.proxy import RecordSortFilterProxy
from kisdesk.models.table import RecordTableModel


def read_back(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_round_trip_exact_values(tmp_path, model, make_quote):
    quotes = [
        make_quote("005930", "삼성전자", "70000", "1200", rate=D("1.74"), volume=1234567),
        make_quote("000660", "SK하이닉스", "128500", "-1500", rate=D("-1.23"), volume=None),
        make_quote("Q500001", '이름에 "따옴표", 쉼표', "7E+4", "0", rate=D("-0.00")),
    ]
    model.set_records(quotes)
    path = tmp_path / "board.csv"
    assert export_csv(model, path) == 3
    rows = read_back(path)
    # "Sign" is export=False; titles are the header.
    assert rows[0] == ["Code", "Name", "Price", "Change", "Rate", "Volume"]
    assert rows[1] == ["005930", "삼성전자", "70000", "1200", "1.74", "1234567"]
    assert rows[2] == ["000660", "SK하이닉스", "128500", "-1500", "-1.23", ""]
    assert rows[3] == ["Q500001", '이름에 "따옴표", 쉼표', "70000", "0", "0.00", ""]
    # Every numeric cell reads back as the very Decimal that went in.
    for row, q in zip(rows[1:], quotes, strict=True):
        assert row[1] == q.name
        assert D(row[2]) == q.price and D(row[3]) == q.change and D(row[4]) == q.rate


def test_proxy_order_filter_and_column_order(tmp_path, model, make_quote):
    model.set_records(
        [
            make_quote("A", "가", "10000"),
            make_quote("B", "나", "9800"),
            make_quote("C", "다", "128500"),
            make_quote("D", "라", None),
        ]
    )
    proxy = RecordSortFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(2, Qt.SortOrder.AscendingOrder)
    path = tmp_path / "sorted.csv"
    assert export_csv(proxy, path, columns=[2, 0]) == 4
    assert read_back(path) == [
        ["Price", "Code"],
        ["9800", "B"],
        ["10000", "A"],
        ["128500", "C"],
        ["", "D"],
    ]
    proxy.set_filter_text("다")
    assert export_csv(proxy, path, columns=[1, 2]) == 1
    assert read_back(path) == [["Name", "Price"], ["다", "128500"]]


def test_usd_prices_keep_their_digits(tmp_path, qapp):
    rows = [
        {"sym": "AAPL", "last": D("187.1234"), "day": dt.date(2026, 11, 3)},
        {"sym": "TSLA", "last": D("-0.0001"), "day": None},
    ]
    model = RecordTableModel(
        [text_column("sym", "Symbol"), price_column("last", "Last", 2), Column("day", "Date")],
        row_key=lambda r: r["sym"],
    )
    model.set_records(rows)
    assert model.index(0, 1).data() == "187.12"  # display is rounded ...
    path = tmp_path / "usd.csv"
    export_csv(model, path)
    # ... the export is not.
    assert read_back(path) == [
        ["Symbol", "Last", "Date"],
        ["AAPL", "187.1234", "2026-11-03"],
        ["TSLA", "-0.0001", ""],
    ]


def test_plain_model_exports_display_text(tmp_path, qapp):
    source = QStandardItemModel()
    source.setHorizontalHeaderLabels(["종목", "값"])
    source.appendRow([QStandardItem("삼성전자"), QStandardItem("1,234")])
    path = tmp_path / "plain.csv"
    assert export_csv(source, path) == 1
    assert read_back(path) == [["종목", "값"], ["삼성전자", "1,234"]]
