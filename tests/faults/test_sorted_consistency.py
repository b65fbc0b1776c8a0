"""Tables consistent after bursts: a table sorted by a column that many rows change at once
(a price feed's coalesced flush, or a refresh where many prices moved) must still be in order.

Found by bench/gui_updates.py: RecordTableModel._apply used to update every changed row's cached
values first and only then emit dataChanged, so the sort proxy repositioned each row by binary
search among rows whose values had already changed but which it had not moved yet; rows landed in
the wrong place and stayed there. Now each block of rows is written and signalled in turn.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from kisdesk.models.proxy import RecordSortFilterProxy
from kisdesk.models.table import RecordTableModel
from kisdesk.ui.holdings_tab import holdings_columns

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import gui_updates  # the bench's holdings and price feed


def sorted_view(rows: int = 2000):
    model = RecordTableModel(holdings_columns(), lambda r: r.code)
    records = gui_updates.holdings(rows)
    model.set_records(records)
    proxy = RecordSortFilterProxy()
    proxy.setSourceModel(model)
    column = model.column_of("change_rate")
    proxy.sort(column, Qt.SortOrder.DescendingOrder)
    return model, proxy, column, records


def shown(model, proxy, column) -> list:
    return [proxy.index(r, column).data(model.SORT_ROLE) for r in range(proxy.rowCount())]


def test_a_sorted_view_is_in_order_after_one_row_changes(qapp):
    """One row at a time is fine today: the baseline the bursts below break."""
    model, proxy, column, records = sorted_view(300)
    feed = gui_updates.Feed(model, records, rate=1)
    for code in random.Random(3).sample(list(feed.current), 40):
        model.upsert([feed.update(code)])
    values = shown(model, proxy, column)
    assert values == sorted(values, reverse=True)


def test_a_sorted_view_stays_in_order_under_coalesced_price_updates(qapp):
    model, proxy, column, records = sorted_view()
    feed = gui_updates.Feed(model, records, rate=500)
    rng = random.Random(1)
    for _ in range(20):  # 20 flushes of ~50 updates: two seconds of a 500/s feed
        model.queue_upsert(feed.update(rng.choice(feed.codes)) for _ in range(50))
        model.flush()
    values = shown(model, proxy, column)
    assert values == sorted(values, reverse=True)


def test_a_sorted_view_stays_in_order_after_a_refresh_where_many_prices_moved(qapp):
    model, proxy, column, records = sorted_view(300)
    feed = gui_updates.Feed(model, records, rate=1)
    for code in random.Random(2).sample(list(feed.current), 120):
        feed.update(code)
    model.set_records(list(feed.current.values()))  # the refresh's full snapshot
    values = shown(model, proxy, column)
    assert values == sorted(values, reverse=True)
