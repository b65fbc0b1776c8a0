"""The rankings tab against the simulator: every credit-balance sort code, the other rankings,
API order, period validation without a request, the paper-mode message, symbol activation."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt

from kisdesk.domain.rankings import CREDIT_SORTS, VOLUME_SORTS, RankingKind
from kisdesk.ui.rankings_tab import RankingsTab

RANKING_TRS = ("FHKST17010000", "FHPST01710000", "FHPST01700000", "FHPST01740000")

# What each credit sort code ranks by, and in which direction (seed 002: 0-4 융자, 5-9 대주;
# 상위/증가상위 descending, 감소상위 ascending).
CREDIT_ORDER = {
    "0": ("loan_rate", True),
    "1": ("loan_shares", True),
    "2": ("loan_amount", True),
    "3": ("loan_increase_rate", True),
    "4": ("loan_increase_rate", False),
    "5": ("short_rate", True),
    "6": ("short_shares", True),
    "7": ("short_amount", True),
    "8": ("short_increase_rate", True),
    "9": ("short_increase_rate", False),
}


def _make_tab(qtbot, settings) -> RankingsTab:
    tab = RankingsTab(settings)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    return tab


def _connect(qtbot, tab: RankingsTab, session) -> None:
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        tab.set_session(session)


def _shown(tab: RankingsTab) -> list:
    model = tab.table.model
    return [model.record_at(r) for r in range(model.rowCount())]


def _monotonic(values: list[Decimal], descending: bool) -> bool:
    pairs = list(pairwise(values))
    return all(a >= b for a, b in pairs) if descending else all(a <= b for a, b in pairs)


def test_every_credit_sort_code_in_the_api_order(qtbot, settings, demo_session, run_async):
    stats = demo_session.sim.stats
    tab = _make_tab(qtbot, settings)
    _connect(qtbot, tab, demo_session)
    box = tab.sort_box
    assert [box.itemData(i) for i in range(box.count())] == [s.code for s in CREDIT_SORTS]
    for s in CREDIT_SORTS:
        assert s.name in box.itemText(box.findData(s.code))  # 융자/대주 names as KIS writes them
        before = stats.by_tr_id["FHKST17010000"]
        with qtbot.waitSignal(tab.loaded, timeout=15_000):
            tab.select(RankingKind.CREDIT_BALANCE, sort=s.code)
        assert stats.by_tr_id["FHKST17010000"] == before + 1
        assert tab.result.query.sort == s.code and tab.result.query.period == 5
        rows = _shown(tab)
        assert 0 < len(rows) <= 30
        direct = run_async(
            demo_session.client.credit_balance_ranking(s.code, market="0000", days=5)
        )
        assert [r.code for r in rows] == [r.code for r in direct.rows]
        assert [r.rank for r in rows] == list(range(1, len(rows) + 1))
        field, descending = CREDIT_ORDER[s.code]
        assert _monotonic([getattr(r, field) for r in rows], descending), s.name
    assert stats.rate_limited == 0


def test_base_dates_and_market_selector(qtbot, settings, demo_session):
    server = demo_session.sim
    tab = _make_tab(qtbot, settings)
    _connect(qtbot, tab, demo_session)
    header = tab.result.header
    assert header.date_from and header.date_to and header.date_from < header.date_to
    assert header.date_from.isoformat() in tab.info.text()
    assert header.date_to.isoformat() in tab.info.text()

    box = tab.market_box
    assert [box.itemData(i) for i in range(box.count())] == ["0000", "0001", "1001", "2001"]
    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        box.setCurrentIndex(box.findData("1001"))
    assert tab.result.query.market == "1001"
    assert tab.result.header.sector_code == "1001"
    markets = {server.market.domestic(r.code).listing.market for r in _shown(tab)}
    assert markets == {"KOSDAQ"}


def test_other_rankings_from_one_selector(qtbot, settings, demo_session, run_async, tmp_path):
    stats = demo_session.sim.stats
    tab = _make_tab(qtbot, settings)
    _connect(qtbot, tab, demo_session)
    client = demo_session.client
    columns_seen = set()

    for sort in VOLUME_SORTS:
        with qtbot.waitSignal(tab.loaded, timeout=15_000):
            tab.select(RankingKind.VOLUME, sort=sort.code)
        direct = run_async(client.volume_rank(sector="0000", sort=sort.code))
        assert [r.code for r in _shown(tab)] == [r.code for r in direct]
    assert not tab.period_edit.isVisibleTo(tab)  # the period is the credit ranking's own
    columns_seen.add(tab.table.model.column_of("avg_volume"))

    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        tab.select(RankingKind.RISERS)
    risers = _shown(tab)
    assert [r.code for r in risers] == [
        r.code for r in run_async(client.fluctuation_rank(sort="0"))
    ]
    assert _monotonic([r.change_rate for r in risers], True)
    assert not tab.sort_box.isVisibleTo(tab)

    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        tab.select(RankingKind.FALLERS)
    fallers = _shown(tab)
    assert [r.code for r in fallers] == [
        r.code for r in run_async(client.fluctuation_rank(sort="1"))
    ]
    assert _monotonic([r.change_rate for r in fallers], False)

    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        tab.select(RankingKind.MARKET_CAP, market="0001")
    caps = _shown(tab)
    assert [r.code for r in caps] == [
        r.code for r in run_async(client.market_cap_rank(sector="0001"))
    ]
    assert _monotonic([r.market_cap for r in caps], True)
    assert tab.table.model.column_of("market_cap") is not None

    # Each ranking has its own table; the current one is what CSV export writes.
    assert tab.table.export_csv(tmp_path / "rank.csv") == len(caps)
    assert stats.by_tr_id["FHPST01710000"] >= 5 and stats.by_tr_id["FHPST01740000"] >= 1
    assert stats.rate_limited == 0


def test_rise_and_fall_colours_follow_the_sign(qtbot, settings, demo_session):
    from kisdesk.models.palette import KOREAN

    tab = _make_tab(qtbot, settings)
    _connect(qtbot, tab, demo_session)
    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        tab.select(RankingKind.FALLERS)
    model = tab.table.model
    col = model.column_of("change")
    falling = [r for r in range(model.rowCount()) if model.record_at(r).change < 0]
    assert falling
    for row in falling:
        assert model.texts_at(row)[col].startswith("▼")
        assert model.index(row, col).data(Qt.ItemDataRole.ForegroundRole).name() == KOREAN.down


@pytest.mark.parametrize("text", ["1", "1000", "0", "abc", "", "-3", "2.5"])
def test_invalid_period_is_refused_without_a_request(qtbot, settings, demo_session, text):
    stats = demo_session.sim.stats
    tab = _make_tab(qtbot, settings)
    _connect(qtbot, tab, demo_session)
    before = sum(stats.by_tr_id[tr] for tr in RANKING_TRS)
    rejected: list[str] = []
    tab.rejected.connect(rejected.append)
    tab.period_edit.setText(text)
    qtbot.keyClick(tab.period_edit, Qt.Key.Key_Return)
    tab.refresh_button.click()
    assert len(rejected) == 2
    assert tab.input_error.isVisibleTo(tab)
    assert "2" in tab.input_error.text() and "999" in tab.input_error.text()
    qtbot.wait(300)  # nothing is in flight either
    assert not tab.refresher.busy
    assert sum(stats.by_tr_id[tr] for tr in RANKING_TRS) == before
    assert tab.result.query.period == 5  # the rows on screen are still the last good ones

    # A valid period clears the message and is sent.
    tab.period_edit.setText("20")
    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        qtbot.keyClick(tab.period_edit, Qt.Key.Key_Return)
    assert not tab.input_error.isVisibleTo(tab)
    assert tab.result.query.period == 20
    assert stats.by_tr_id["FHKST17010000"] == before + 1
    header = tab.result.header
    assert (header.date_to - header.date_from).days >= 20


def test_paper_mode_says_so_and_sends_nothing(qtbot, settings, paper_session, paper_sim_thread):
    stats = paper_sim_thread.server.stats
    tab = _make_tab(qtbot, settings)
    tab.show()
    tab.set_session(paper_session)
    assert tab.paper_blocked
    assert tab.stack.currentIndex() == tab.PAGE_PAPER
    text = tab.paper_page.message.text()
    assert "paper" in text and "모의투자 미지원" in text and "market data" in text
    assert tab.market_data_button.isEnabled() and tab.market_data_button.toolTip()
    with qtbot.waitSignal(tab.market_data_key_requested, timeout=1_000):
        tab.market_data_button.click()  # the window opens the profile's set-up for the key
    assert not tab.refresh_button.isEnabled() and not tab.kind_box.isEnabled()
    tab.refresh()
    qtbot.wait(300)
    assert not tab.refresher.busy
    assert sum(stats.by_tr_id.get(tr, 0) for tr in RANKING_TRS) == 0
    assert tab.table.model.rowCount() == 0


def test_paper_mode_uses_a_real_market_data_client(
    qtbot, settings, paper_session, paper_sim_thread, demo_session
):
    tab = _make_tab(qtbot, settings)
    tab.show()
    tab.set_session(paper_session)
    assert tab.stack.currentIndex() == tab.PAGE_PAPER
    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        tab.set_market_data_client(demo_session.client)  # a real-profile client
    assert tab.stack.currentIndex() == tab.PAGE_TABLE and tab.table.model.rowCount() > 0
    assert "real" in tab.info.text()
    assert demo_session.sim.stats.by_tr_id["FHKST17010000"] >= 1
    assert sum(paper_sim_thread.server.stats.by_tr_id.get(tr, 0) for tr in RANKING_TRS) == 0
    tab.set_market_data_client(None)
    assert tab.stack.currentIndex() == tab.PAGE_PAPER and tab.table.model.rowCount() == 0


def test_double_click_or_enter_chooses_the_symbol(qtbot, settings, demo_session):
    tab = _make_tab(qtbot, settings)
    _connect(qtbot, tab, demo_session)
    view = tab.table.view
    index = view.model().index(2, 0)
    expected = tab.table.model.record_at(tab.table.proxy.mapToSource(index).row()).code
    view.setCurrentIndex(index)
    view.setFocus()
    with qtbot.waitSignal(tab.symbol_chosen, timeout=2_000) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [expected]
    other = view.model().index(4, 1)
    expected = tab.table.model.record_at(tab.table.proxy.mapToSource(other).row()).code
    pos = view.visualRect(other).center()
    # QAbstractItemView only emits doubleClicked for the index a press started on.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    with qtbot.waitSignal(tab.symbol_chosen, timeout=2_000) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [expected]


def test_refresh_keeps_api_order_and_timer_follows_visibility(
    qtbot, settings, demo_session, run_async
):
    server = demo_session.sim
    tab = _make_tab(qtbot, settings)
    _connect(qtbot, tab, demo_session)
    assert tab.refresher.auto_active
    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        tab.select(RankingKind.RISERS)
    first = [r.code for r in _shown(tab)]
    server.step_market(40)  # prices move: the order of the risers changes
    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        tab.refresh()
    rows = _shown(tab)
    codes = [r.code for r in rows]
    assert codes != first  # the ranking changed under the same rows of the table...
    assert codes == [r.code for r in run_async(demo_session.client.fluctuation_rank(sort="0"))]
    assert _monotonic([r.change_rate for r in rows], True)  # ...and the table follows it
    assert [r.rank for r in rows] == list(range(1, len(rows) + 1))
    tab.hide()
    assert not tab.refresher.auto_active


def test_error_page_retry_and_disconnect(qtbot, settings, demo_session):
    server = demo_session.sim
    fault = server.faults.add("error", tr_id="FHKST17010000", status=200, msg_cd="OPSQ0002")
    tab = _make_tab(qtbot, settings)
    tab.show()
    tab.set_session(demo_session)
    qtbot.waitUntil(lambda: tab.stack.currentIndex() == tab.PAGE_ERROR, timeout=15_000)
    server.faults.remove(fault.fault_id)
    with qtbot.waitSignal(tab.loaded, timeout=15_000):
        qtbot.mouseClick(tab.error_page.button, Qt.MouseButton.LeftButton)
    assert tab.stack.currentIndex() == tab.PAGE_TABLE

    tab.set_session(None)
    assert tab.stack.currentIndex() == tab.PAGE_OFFLINE
    assert all(v.model.rowCount() == 0 for v in tab.tables.values())


def test_header_layout_and_selection_persist(qtbot, settings, demo_session):
    tab = _make_tab(qtbot, settings)
    _connect(qtbot, tab, demo_session)
    tab.tables["credit"].view.horizontalHeader().moveSection(2, 0)
    tab.market_box.setCurrentIndex(tab.market_box.findData("2001"))
    tab.save_state(settings)
    fresh = _make_tab(qtbot, settings)
    fresh.restore_state(settings)
    assert fresh.tables["credit"].view.horizontalHeader().visualIndex(2) == 0
    assert fresh.market_box.currentData() == "2001"
