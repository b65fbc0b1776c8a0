"""The proxy sorts by value (Decimal as Decimal, None last) and filters on displayed text."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from kisdesk.models.proxy import RecordSortFilterProxy, value_less
from kisdesk.models.table import RecordTableModel

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@pytest.fixture
def proxy(model):
    p = RecordSortFilterProxy()
    p.setSourceModel(model)
    yield p
    p.deleteLater()


def column(proxy, col):
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


def test_prices_sort_numerically_not_as_text(model, proxy, make_quote):
    model.set_records(
        [
            make_quote("A", "a", "10000"),
            make_quote("B", "b", "9800"),
            make_quote("C", "c", "128500"),
            make_quote("D", "d", "9800.5"),
            make_quote("E", "e", None),
            make_quote("F", "f", "1000000"),
        ]
    )
    proxy.sort(2, ASC)
    # As text "10,000" < "9,800"; as numbers 9,800 comes first. None sorts last.
    assert column(proxy, 2) == ["9,800", "9,801", "10,000", "128,500", "1,000,000", ""]
    proxy.sort(2, DESC)
    assert column(proxy, 2) == ["1,000,000", "128,500", "10,000", "9,801", "9,800", ""]


def test_negative_changes_and_rates(model, proxy, make_quote):
    model.set_records(
        [
            make_quote("A", "a", "1", "-300", rate=D("-0.5")),
            make_quote("B", "b", "1", "1200", rate=D("1.23")),
            make_quote("C", "c", "1", "-1500", rate=D("-10.01")),
            make_quote("D", "d", "1", "0", rate=D("0")),
            make_quote("E", "e", "1", "5", rate=D("-2")),
        ]
    )
    proxy.sort(3, ASC)  # change column shows arrows; the sort uses the signed Decimal
    assert column(proxy, 3) == ["▼ 1,500", "▼ 300", "0", "▲ 5", "▲ 1,200"]
    proxy.sort(4, ASC)
    assert column(proxy, 4) == ["-10.01%", "-2.00%", "-0.50%", "0.00%", "+1.23%"]


def test_none_last_for_ints_both_ways(model, proxy, make_quote):
    model.set_records(
        [
            make_quote("A", "a", "1", volume=None),
            make_quote("B", "b", "1", volume=20000),
            make_quote("C", "c", "1", volume=3),
            make_quote("D", "d", "1", volume=None),
        ]
    )
    proxy.sort(5, ASC)
    assert column(proxy, 5) == ["3", "20,000", "", ""]
    proxy.sort(5, DESC)
    assert column(proxy, 5) == ["20,000", "3", "", ""]


def test_text_sorts_case_insensitively_and_hangul_in_order(model, proxy, make_quote):
    model.set_records(
        [
            make_quote("1", "하나금융", "1"),
            make_quote("2", "naver", "1"),
            make_quote("3", "가나", "1"),
            make_quote("4", "Apple", "1"),
            make_quote("5", "나무", "1"),
        ]
    )
    proxy.sort(1, ASC)
    assert column(proxy, 1) == ["Apple", "naver", "가나", "나무", "하나금융"]


def test_dynamic_resort_after_update(model, proxy, make_quote, bump):
    quotes = [make_quote("A", "a", "100"), make_quote("B", "b", "200"), make_quote("C", "c", "300")]
    model.set_records(quotes)
    proxy.sort(2, DESC)
    assert column(proxy, 0) == ["C", "B", "A"]
    model.upsert([bump(quotes[0], price=D("250"))])
    assert column(proxy, 0) == ["C", "A", "B"]


def test_value_less_is_total():
    assert value_less(D("9800"), D("10000"))
    assert value_less(D("-1.5"), 0)
    assert not value_less("b", "A")
    # Mixed types fall back to a fixed order instead of raising.
    assert value_less(D("1"), "x") != value_less("x", D("1"))


def test_filter_is_case_insensitive_over_displayed_columns(model, proxy, make_quote):
    model.set_records(
        [
            make_quote("005930", "삼성전자", "70000", "1200"),
            make_quote("035420", "NAVER", "200000", "-500"),
            make_quote("006400", "삼성SDI", "300000"),
        ]
    )
    proxy.set_filter_text("삼성")
    assert sorted(column(proxy, 0)) == ["005930", "006400"]
    proxy.set_filter_text("naver")
    assert column(proxy, 0) == ["035420"]
    proxy.set_filter_text("70,000")  # matches the displayed text, separators and all
    assert column(proxy, 0) == ["005930"]
    proxy.set_filter_text("삼성 sdi")  # every term must match somewhere in the row
    assert column(proxy, 0) == ["006400"]
    proxy.set_filter_text("▼")
    assert column(proxy, 0) == ["035420"]
    proxy.set_filter_text("  ")
    assert proxy.rowCount() == 3
    assert proxy.filter_text() == "  "


def test_filter_follows_updates(model, proxy, make_quote, bump):
    q = make_quote("005930", "삼성전자", "70000")
    model.set_records([q])
    proxy.set_filter_text("71,000")
    assert proxy.rowCount() == 0
    model.upsert([bump(q, price=D("71000"))])
    assert proxy.rowCount() == 1
    assert proxy.record_at(0).price == D("71000")


def test_proxy_over_a_plain_model_uses_sort_role(qapp):
    source = QStandardItemModel()
    for label, value in [("b", D("10000")), ("a", D("9800")), ("c", None)]:
        name = QStandardItem(label)
        amount = QStandardItem(str(value))
        amount.setData(value, RecordTableModel.SORT_ROLE)
        source.appendRow([name, amount])
    proxy = RecordSortFilterProxy()
    proxy.setSourceModel(source)
    proxy.sort(1, ASC)
    assert column(proxy, 0) == ["a", "b", "c"]
    proxy.set_filter_text("B")
    assert column(proxy, 0) == ["b"]


def test_painting_roles_in_one_call_match_data(model, proxy, make_quote):
    """A delegate reads every role of a cell through multiData (the model's and the proxy's own
    fast path); what it paints must be what data() says, role by role, through the proxy too."""
    from PySide6.QtGui import QBrush
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    model.set_records(
        [
            make_quote("A", "a", "10000", "150"),
            make_quote("B", "b", "9800", "-20"),
            make_quote("C", "c", None, "0"),
        ]
    )
    proxy.sort(2, DESC)
    delegate = QStyledItemDelegate()
    checked = 0
    for m in (model, proxy):
        for row in range(m.rowCount()):
            for col in range(m.columnCount()):
                index = m.index(row, col)
                option = QStyleOptionViewItem()
                delegate.initStyleOption(option, index)
                assert option.text == (index.data() or "")
                align = index.data(Qt.ItemDataRole.TextAlignmentRole)
                assert option.displayAlignment == Qt.AlignmentFlag(align)
                brush = index.data(Qt.ItemDataRole.ForegroundRole)
                if brush is not None:
                    assert option.palette.text().color() == QBrush(brush).color()
                    checked += 1
    assert checked >= 4  # rises and falls were coloured on both models
    # The model's own roles through multiData too (a delegate or tool may ask for them so).
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    for m in (model, proxy):
        index = m.index(0, 2)
        for role in (RecordTableModel.SORT_ROLE, RecordTableModel.RECORD_ROLE):
            slot = QModelRoleData(role)
            m.multiData(index, QModelRoleDataSpan(slot))
            assert slot.data() is not None and slot.data() == index.data(role)
