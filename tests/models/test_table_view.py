"""RecordTableView: filter box, activation, selection across refreshes, header state, export."""

from __future__ import annotations

import csv
from dataclasses import replace
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QApplication

from kisdesk.models.palette import WESTERN
from kisdesk.models.table import RecordTableModel
from kisdesk.ui.table_view import RecordTableView


@pytest.fixture
def quotes(make_quote):
    return [
        make_quote("005930", "삼성전자", "70000", "1200", volume=10),
        make_quote("000660", "SK하이닉스", "9800", "-1500", volume=20),
        make_quote("035420", "NAVER", "128500", "0", volume=30),
    ]


@pytest.fixture
def table(qtbot, columns, quotes):
    widget = RecordTableView(columns, row_key=lambda q: q.code)
    qtbot.addWidget(widget)
    widget.resize(800, 300)
    widget.set_records(quotes)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_codes(table):
    return [table.proxy.index(r, 0).data() for r in range(table.proxy.rowCount())]


def test_built_from_a_model_or_from_columns(qtbot, columns):
    model = RecordTableModel(columns, row_key=lambda q: q.code, palette=WESTERN)
    w = RecordTableView(model)
    qtbot.addWidget(w)
    assert w.model is model and w.proxy.sourceModel() is model and w.view.model() is w.proxy
    assert w.model.palette is WESTERN
    with pytest.raises(ValueError):
        RecordTableView(columns)


def test_starts_unsorted_then_sorts_by_value(table):
    assert shown_codes(table) == ["005930", "000660", "035420"]  # model order
    assert table.view.isSortingEnabled()
    assert table.view.alternatingRowColors()
    table.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert shown_codes(table) == ["000660", "005930", "035420"]  # 9,800 < 70,000 < 128,500


def test_filter_box_filters(table, qtbot):
    assert table.filter_edit.placeholderText()  # translated text, whatever the language
    qtbot.keyClicks(table.filter_edit, "sk")
    assert shown_codes(table) == ["000660"]
    table.filter_edit.clear()
    assert len(shown_codes(table)) == 3


def test_activation_by_double_click_and_enter(table, qtbot):
    fired = []
    table.activated_record.connect(fired.append)
    table.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    view = table.view
    index = table.proxy.index(0, 1)  # NAVER after sorting by price, descending
    rect = view.visualRect(index)
    # QTest's double click is a lone event; the view wants the press that precedes it.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(table.activated_record, timeout=1000) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args[0].code == "035420"
    view.setCurrentIndex(table.proxy.index(2, 0))
    view.setFocus()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        with qtbot.waitSignal(table.activated_record, timeout=1000) as blocker:
            qtbot.keyClick(view, key)
        assert blocker.args[0].code == "000660"
    assert [r.code for r in fired] == ["035420", "000660", "000660"]  # once per action
    assert table.current_record().code == "000660"


def test_return_in_filter_moves_to_the_table(table, qtbot):
    qtbot.keyClicks(table.filter_edit, "naver")
    qtbot.keyClick(table.filter_edit, Qt.Key.Key_Return)
    assert table.view.hasFocus()
    assert table.current_record().code == "035420"


def test_selection_and_current_row_kept_across_refresh(table, quotes, bump):
    table.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    view = table.view
    view.selectionModel().setCurrentIndex(
        table.proxy.index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert [r.code for r in table.selected_records()] == ["005930"]
    resets = []
    table.model.modelReset.connect(lambda: resets.append(1))
    # Samsung's price jumps past NAVER's and a new row arrives: the row moves, selection follows.
    celltrion = bump(quotes[1], code="068270", name="셀트리온")
    table.set_records([bump(quotes[0], price=D("130000")), quotes[1], quotes[2], celltrion])
    assert resets == []
    assert shown_codes(table)[-1] == "005930"
    assert [r.code for r in table.selected_records()] == ["005930"]
    assert table.current_record().code == "005930"


def test_header_state_round_trip(tmp_path, qtbot, columns, table):
    ini = str(tmp_path / "layout.ini")
    header = table.view.horizontalHeader()
    header.moveSection(header.visualIndex(2), 0)  # price first
    header.resizeSection(1, 177)
    table.view.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    settings = QSettings(ini, QSettings.Format.IniFormat)
    table.save_state(settings, "tables/board")
    settings.sync()
    del settings

    again = RecordTableView(columns, row_key=lambda q: q.code)
    qtbot.addWidget(again)
    again.set_records(table.model.records())
    assert again.restore_state(QSettings(ini, QSettings.Format.IniFormat), "tables/board")
    h2 = again.view.horizontalHeader()
    assert h2.logicalIndex(0) == 2
    assert h2.sectionSize(1) == 177
    assert (h2.sortIndicatorSection(), h2.sortIndicatorOrder()) == (5, Qt.SortOrder.DescendingOrder)
    assert shown_codes(again) == ["035420", "000660", "005930"]  # volume 30, 20, 10
    assert again.visual_columns()[:2] == [2, 0]

    # Other titles (the other language): order and sort restored, widths to be fitted again.
    retitled = [replace(c, title=c.title + " (en)") for c in columns]
    foreign = RecordTableView(retitled, row_key=lambda q: q.code)
    qtbot.addWidget(foreign)
    foreign.set_records(table.model.records())
    assert not foreign.restore_state(QSettings(ini, QSettings.Format.IniFormat), "tables/board")
    h3 = foreign.view.horizontalHeader()
    assert h3.logicalIndex(0) == 2
    assert shown_codes(foreign) == ["035420", "000660", "005930"]

    # A different column set ignores the stale layout instead of scrambling it.
    other = RecordTableView(columns[:3], row_key=lambda q: q.code)
    qtbot.addWidget(other)
    assert not other.restore_state(QSettings(ini, QSettings.Format.IniFormat), "tables/board")
    assert not other.restore_state(QSettings(ini, QSettings.Format.IniFormat), "tables/none")


def test_export_follows_the_view(tmp_path, table):
    header = table.view.horizontalHeader()
    header.moveSection(header.visualIndex(1), 0)  # name first
    header.setSectionHidden(5, True)  # volume hidden
    table.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    table.filter_edit.setText("0")
    path = tmp_path / "view.csv"
    assert table.export_csv(path) == 3
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [
        ["Name", "Code", "Price", "Change", "Rate"],
        ["NAVER", "035420", "128500", "0", "0"],
        ["삼성전자", "005930", "70000", "1200", "0"],
        ["SK하이닉스", "000660", "9800", "-1500", "0"],
    ]


def test_copy_selection_as_tsv(table):
    table.view.selectAll()
    table.copy_selection()
    lines = QApplication.clipboard().text().splitlines()
    assert len(lines) == 3
    assert lines[0].split("\t")[:3] == ["005930", "삼성전자", "70,000"]
