"""RecordTableModel: roles, colours, and incremental updates (no resets, changed cells only)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor

from kisdesk.domain.format import Direction
from kisdesk.models.palette import KOREAN, WESTERN, palette_named
from kisdesk.models.table import RecordTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole
FG = Qt.ItemDataRole.ForegroundRole


class Recorder:
    """Counts every structural signal of a model and keeps each dataChanged rectangle."""

    def __init__(self, model):
        self.changed: list[tuple[int, int, int, int]] = []
        self.resets = self.inserted = self.removed = self.layouts = 0
        model.dataChanged.connect(
            lambda tl, br, roles=(): self.changed.append(
                (tl.row(), tl.column(), br.row(), br.column())
            )
        )
        model.modelReset.connect(lambda: self._bump("resets"))
        model.rowsInserted.connect(lambda *a: self._bump("inserted"))
        model.rowsRemoved.connect(lambda *a: self._bump("removed"))
        model.layoutChanged.connect(lambda *a: self._bump("layouts"))

    def _bump(self, name):
        setattr(self, name, getattr(self, name) + 1)

    def cells(self) -> set[tuple[int, int]]:
        return {
            (r, c)
            for r0, c0, r1, c1 in self.changed
            for r in range(r0, r1 + 1)
            for c in range(c0, c1 + 1)
        }


def board(make_quote):
    return [
        make_quote("005930", "삼성전자", "70000", "1200", rate=D("1.74"), volume=1000),
        make_quote("000660", "SK하이닉스", "128500", "-1500", rate=D("-1.15"), volume=200),
        make_quote("035420", "NAVER", "9800", "0", volume=None),
        make_quote("373220", "LG에너지솔루션", "390000", "500", rate=D("0.13")),
    ]


def text(model, row, col):
    return model.index(row, col).data(DISPLAY)


def test_display_alignment_tooltip_and_raw_roles(model, make_quote, columns):
    model.set_records(board(make_quote))
    assert model.rowCount() == 4
    assert model.columnCount() == len(columns)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Code",
        "Name",
        "Price",
    ]
    assert text(model, 0, 1) == "삼성전자"
    assert text(model, 0, 2) == "70,000"
    assert text(model, 0, 3) == "▲ 1,200"
    assert text(model, 1, 3) == "▼ 1,500"
    assert text(model, 2, 3) == "0"
    assert text(model, 1, 4) == "-1.15%"
    assert text(model, 2, 5) == ""  # volume None
    left = model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole)
    right = model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(left) & Qt.AlignmentFlag.AlignLeft
    assert Qt.AlignmentFlag(right) & Qt.AlignmentFlag.AlignRight
    assert Qt.AlignmentFlag(right) & Qt.AlignmentFlag.AlignVCenter
    assert model.index(1, 3).data(Qt.ItemDataRole.ToolTipRole) == "sign code 5"
    # Raw and sort roles hand back the Decimal itself, through Qt's variant machinery.
    raw = model.index(1, 2).data(RecordTableModel.RAW_ROLE)
    assert isinstance(raw, D) and raw == D("128500")
    assert model.index(1, 4).data(RecordTableModel.SORT_ROLE) == D("-1.15")
    assert model.index(0, 0).data(RecordTableModel.RECORD_ROLE).code == "005930"


def test_rise_red_fall_blue_flat_default(model, make_quote):
    model.set_records(board(make_quote))
    up = model.index(0, 2).data(FG)
    down = model.index(1, 2).data(FG)
    assert QColor(up) == QColor(KOREAN.up)
    assert QColor(down) == QColor(KOREAN.down)
    assert model.index(2, 2).data(FG) is None  # flat: the view's own text colour
    assert model.index(0, 1).data(FG) is None  # the name column has no colour rule
    assert model.index(0, 2).data(RecordTableModel.DIRECTION_ROLE) is Direction.UP
    assert model.index(1, 4).data(RecordTableModel.DIRECTION_ROLE) is Direction.DOWN
    # Never colour alone: the rise and fall are also in the text.
    assert text(model, 0, 3).startswith("▲") and text(model, 0, 4).startswith("+")
    assert text(model, 1, 3).startswith("▼") and text(model, 1, 4).startswith("-")


def test_limit_moves_are_bold_with_limit_glyph(model, make_quote):
    model.set_records([make_quote("005930", "삼성전자", "91000", "21000", sign="1")])
    assert text(model, 0, 3) == "↑ 21,000"
    assert QColor(model.index(0, 2).data(FG)) == QColor(KOREAN.up)
    assert model.index(0, 2).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole) is None


def test_palette_switch_recolours_everything_in_one_signal(model, make_quote):
    model.set_records(board(make_quote))
    rec = Recorder(model)
    roles_seen = []
    model.dataChanged.connect(lambda tl, br, roles=(): roles_seen.append(list(roles)))
    model.set_palette(WESTERN)
    assert rec.changed == [(0, 0, 3, model.columnCount() - 1)]
    assert roles_seen == [[FG]]
    assert QColor(model.index(0, 2).data(FG)) == QColor(WESTERN.up)  # green
    assert QColor(model.index(1, 2).data(FG)) == QColor(WESTERN.down)  # red
    model.set_palette(WESTERN)  # no-op
    assert len(rec.changed) == 1
    assert palette_named("western") is WESTERN
    assert palette_named("nonsense") is KOREAN


def test_refresh_emits_only_changed_cells(model, make_quote, bump):
    quotes = board(make_quote)
    model.set_records(quotes)
    rec = Recorder(model)
    # Same values in new objects: nothing to tell the view.
    model.set_records([bump(q) for q in quotes])
    assert rec.changed == []
    # Row 1: price and volume change; row 3: price, change, rate and sign (to a fall).
    quotes[1] = bump(quotes[1], price=D("128600"), volume=250)
    quotes[3] = bump(quotes[3], price=D("389000"), change=D("-500"), rate=D("-0.13"), sign="5")
    model.set_records(quotes)
    assert rec.resets == rec.inserted == rec.removed == rec.layouts == 0
    assert rec.cells() == {(1, 2), (1, 5), (3, 2), (3, 3), (3, 4), (3, 6)}
    # One signal per contiguous run: row 1 -> [2] and [5]; row 3 -> [2..4] and [6].
    assert sorted(rec.changed) == [(1, 2, 1, 2), (1, 5, 1, 5), (3, 2, 3, 4), (3, 6, 3, 6)]
    assert text(model, 3, 3) == "▼ 500"
    assert model.record_at(1).volume == 250


def test_same_change_on_adjacent_rows_is_one_signal(model, make_quote, bump):
    quotes = board(make_quote)
    model.set_records(quotes)
    rec = Recorder(model)
    model.upsert([bump(q, volume=(q.volume or 0) + 1) for q in quotes])
    assert rec.changed == [(0, 5, 3, 5)]


def test_colour_change_without_text_change_is_reported(model, make_quote, bump):
    q = make_quote("005930", "삼성전자", "70000", "0", sign="3")
    model.set_records([q])
    rec = Recorder(model)
    # Price text unchanged but the sign code flips: the price cell's colour changes.
    model.upsert([bump(q, sign="2")])
    assert (0, 2) in rec.cells()
    assert QColor(model.index(0, 2).data(FG)) == QColor(KOREAN.up)


def test_insert_and_remove_rows(model, make_quote, bump):
    quotes = board(make_quote)
    model.set_records(quotes)
    rec = Recorder(model)
    new = make_quote("068270", "셀트리온", "180000", "-2000")
    # Drop rows 0 and 2, keep 1 and 3 (row 3 changes), add one.
    model.set_records([quotes[1], bump(quotes[3], volume=7), new])
    assert rec.resets == 0
    assert rec.removed == 2 and rec.inserted == 1  # two separate blocks, one insert
    assert [r.code for r in model.records()] == ["000660", "373220", "068270"]
    assert [model.row_of(k) for k in ("000660", "373220", "068270")] == [0, 1, 2]
    assert model.row_of("005930") is None
    assert text(model, 2, 1) == "셀트리온"
    assert rec.cells() == {(1, 5)}  # the kept row's changed cell, at its new row
    model.upsert([make_quote("005930", "삼성전자", "70000")])  # upsert never removes
    assert model.rowCount() == 4 and model.row_of("005930") == 3
    model.remove(["000660", "068270"])
    assert [r.code for r in model.records()] == ["373220", "005930"]
    assert model.row_of("005930") == 1
    model.clear()
    assert model.rowCount() == 0 and model.records() == []
    assert rec.resets == 0


def test_contiguous_removals_are_one_block(model, make_quote):
    quotes = [make_quote(f"{i:06d}", f"종목{i}", str(1000 + i)) for i in range(10)]
    model.set_records(quotes)
    rec = Recorder(model)
    model.set_records(quotes[:3] + quotes[7:])
    assert rec.removed == 1
    assert [model.row_of(q.code) for q in quotes[7:]] == [3, 4, 5]


def test_duplicate_keys_last_wins(model, make_quote):
    model.set_records(
        [make_quote("005930", "삼성전자", "70000"), make_quote("005930", "삼성전자", "70100")]
    )
    assert model.rowCount() == 1 and text(model, 0, 2) == "70,100"


def test_selection_survives_refresh(model, make_quote, bump):
    quotes = board(make_quote)
    model.set_records(quotes)
    selection = QItemSelectionModel(model)
    selection.select(
        model.index(3, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    # Prices move and the first row vanishes: the selected row keeps its selection.
    model.set_records([bump(q, price=q.price + 100) for q in quotes[1:]])
    rows = selection.selectedRows()
    assert [model.record_at(i.row()).code for i in rows] == ["373220"]


def test_queued_updates_coalesce(qtbot, qapp, columns, make_quote, bump):
    model = RecordTableModel(columns, row_key=lambda q: q.code, coalesce_ms=20)
    q = make_quote("005930", "삼성전자", "70000")
    model.set_records([q])
    rec = Recorder(model)
    for i in range(1, 51):
        model.queue_upsert([bump(q, price=D(70000 + i * 100))])
    assert rec.changed == []  # nothing applied yet
    qtbot.waitUntil(lambda: bool(rec.changed), timeout=2000)
    assert len(rec.changed) == 1  # fifty updates, one repaint
    assert text(model, 0, 2) == "75,000"
    model.queue_upsert([bump(q, price=D(1))])
    model.flush()
    assert text(model, 0, 2) == "1"


def test_burst_on_2000_rows_without_reset(model, make_quote, bump):
    from kisdesk.models.proxy import RecordSortFilterProxy

    quotes = [
        make_quote(f"{i:06d}", f"종목{i}", str(1000 + i * 10), str(i % 7 - 3), volume=i)
        for i in range(2000)
    ]
    model.set_records(quotes)
    proxy = RecordSortFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    rec = Recorder(model)
    for n in range(500):
        i = (n * 37) % 2000
        quotes[i] = bump(quotes[i], price=quotes[i].price + 10, volume=quotes[i].volume + 1)
        model.upsert([quotes[i]])
    model.set_records(quotes)  # and a full snapshot on top
    assert rec.resets == rec.inserted == rec.removed == 0
    assert model.rowCount() == proxy.rowCount() == 2000
    assert 0 < len(rec.changed) <= 1000
    prices = [proxy.index(r, 2).data(RecordTableModel.SORT_ROLE) for r in range(2000)]
    assert prices == sorted(prices, reverse=True)


@pytest.mark.parametrize("palette", [KOREAN, WESTERN])
def test_palettes_are_distinct(palette):
    assert palette.up != palette.down
    assert palette.color(Direction.UPPER_LIMIT) == palette.up
    assert palette.color(Direction.LOWER_LIMIT) == palette.down
    assert palette.color(None) is None
