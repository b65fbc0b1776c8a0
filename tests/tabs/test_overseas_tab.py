"""The overseas holdings tab against the simulator: every exchange and currency, all pages,
per-currency totals, decimals per currency, the US daytime note, the exchange filter, errors."""

from __future__ import annotations

import math
from collections import defaultdict
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from kisdesk.domain.currency import balance_queries
from kisdesk.sim.endpoints_overseas import OVS_BALANCE_PAGE
from kisdesk.sim.universe import EXCHANGES
from kisdesk.ui.overseas_tab import OverseasTab

US = ("NASD", "NYSE", "AMEX")


def _sim_holdings(server, account_name: str) -> list:
    acct = server.account(account_name)
    return [h for h in acct.ovs.values() if h.qty > 0]


def _expected_pages(holdings, profile: str) -> int:
    """Pages the balance needs: one per query, more where a query has over a page of rows."""
    pages = 0
    for market in balance_queries(profile):
        all_us = market.exchange == "NASD" and profile != "paper"
        covered = US if all_us else (market.exchange,)
        n = sum(1 for h in holdings if h.exch in covered)
        pages += max(1, math.ceil(n / OVS_BALANCE_PAGE))
    return pages


def _column(tab: OverseasTab, key: str) -> int:
    col = tab.table.model.column_of(key)
    assert col is not None
    return col


def _make_tab(qtbot, settings) -> OverseasTab:
    tab = OverseasTab(settings)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    return tab


def _load(qtbot, tab: OverseasTab, session) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=20_000):
        tab.set_session(session)
        tab.show()


def test_real_profile_shows_every_exchange_with_all_pages(qtbot, qloop, settings, demo_session):
    server = demo_session.sim
    holdings = _sim_holdings(server, "large")
    server.stats.reset()
    tab = _make_tab(qtbot, settings)
    _load(qtbot, tab, demo_session)
    snap = tab.snapshot
    assert snap is not None and not snap.failures

    # Every holding of the account, once, from every exchange and currency it uses.
    assert len(snap.rows) == len(holdings) == tab.table.model.rowCount()
    assert {r.exchange for r in snap.rows} == {h.exch for h in holdings}
    assert {r.currency for r in snap.rows} == {EXCHANGES[h.exch].currency for h in holdings}
    assert {"USD", "HKD", "CNY", "JPY", "VND"} <= {r.currency for r in snap.rows}
    # Real profile: NASD covers all of the US, so more than one page of US rows came through
    # the 200-character cursors.
    us_rows = sum(1 for h in holdings if h.exch in US)
    assert us_rows > OVS_BALANCE_PAGE
    assert snap.pages == _expected_pages(holdings, "real") > len(balance_queries("real"))
    by_tr = server.stats.by_tr_id
    assert by_tr["TTTS3012R"] == snap.pages
    assert server.stats.rate_limited == 0


def test_prices_and_amounts_use_the_currency_decimals(qtbot, qloop, settings, demo_session):
    server = demo_session.sim
    tab = _make_tab(qtbot, settings)
    _load(qtbot, tab, demo_session)
    model = tab.table.model
    price_col, amt_col = _column(tab, "price"), _column(tab, "eval_amount")
    seen: set[str] = set()
    for row in range(model.rowCount()):
        rec = model.record_at(row)
        texts = model.texts_at(row)
        quote = server.market.overseas(rec.exchange, rec.code)
        assert rec.price == quote.price  # the wire value, exact
        price_text, amt_text = texts[price_col], texts[amt_col]
        assert Decimal(price_text.replace(",", "")) == rec.price.quantize(
            Decimal(1).scaleb(-_places(price_text))
        )
        places = _places(price_text)
        if rec.currency in ("JPY", "VND"):
            assert places == 0 and _places(amt_text) == 0
        elif rec.currency == "USD":
            assert 2 <= places <= 4 and _places(amt_text) == 2
        elif rec.currency == "HKD":
            assert 2 <= places <= 3 and _places(amt_text) == 2
        elif rec.currency == "CNY":
            assert places == 2 and _places(amt_text) == 2
        seen.add(rec.currency)
    assert seen == {"USD", "HKD", "CNY", "JPY", "VND"}


def _places(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def test_per_currency_totals_match_the_account(qtbot, qloop, settings, demo_session):
    server = demo_session.sim
    holdings = _sim_holdings(server, "large")
    tab = _make_tab(qtbot, settings)
    _load(qtbot, tab, demo_session)

    cost: dict[str, Decimal] = defaultdict(Decimal)
    value: dict[str, Decimal] = defaultdict(Decimal)
    for h in holdings:
        ccy = EXCHANGES[h.exch].currency
        cost[ccy] += h.cost
        value[ccy] += server.market.overseas(h.exch, h.code).price * h.qty
    totals = {t.currency: t for t in tab.snapshot.totals}
    assert set(totals) == set(cost)
    for ccy, t in totals.items():
        assert t.purchase == cost[ccy].quantize(t.purchase)  # the wire rounds cost to 5 places
        assert t.evaluation == value[ccy]
        assert t.pnl == t.evaluation - t.purchase
        assert t.count == sum(1 for h in holdings if EXCHANGES[h.exch].currency == ccy)
    assert totals["CNY"].exchanges == ("SHAA", "SZAA") or set(totals["CNY"].exchanges) == {
        "SHAA",
        "SZAA",
    }

    # One line per currency on screen, amounts with that currency's decimals.
    model = tab.totals_model
    assert model.rowCount() == len(totals)
    eval_col = model.column_of("evaluation")
    for row in range(model.rowCount()):
        rec = model.record_at(row)
        text = model.texts_at(row)[eval_col]
        assert _places(text) == (0 if rec.currency in ("JPY", "VND") else 2)


def test_won_view_from_the_present_balance(qtbot, qloop, settings, demo_session):
    tab = _make_tab(qtbot, settings)
    _load(qtbot, tab, demo_session)
    snap = tab.snapshot
    if snap.krw_error:
        pytest.skip(f"simulator has no present balance yet: {snap.krw_error}")
    from kisdesk.sim.universe import FX_RATES

    for t in snap.totals:
        assert t.fx_rate == FX_RATES[t.currency]
        assert t.eval_krw == (t.evaluation * t.fx_rate).quantize(Decimal(1))
    assert snap.krw is not None and snap.krw.evaluation
    assert tab.krw_line.text()


def test_us_rows_carry_the_daytime_note(qtbot, qloop, settings, demo_session):
    tab = _make_tab(qtbot, settings)
    _load(qtbot, tab, demo_session)
    model = tab.table.model
    price_col, code_col = _column(tab, "price"), _column(tab, "code")
    us = next(r for r in range(model.rowCount()) if model.record_at(r).exchange in US)
    jp = next(r for r in range(model.rowCount()) if model.record_at(r).exchange == "TKSE")
    tip = model.index(us, price_col).data(Qt.ItemDataRole.ToolTipRole)
    assert tip and "daytime" in tip
    assert model.index(jp, price_col).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(us, code_col).data(Qt.ItemDataRole.ToolTipRole) is None


def test_pnl_colours_follow_the_palette(qtbot, qloop, settings, demo_session):
    from kisdesk.models.palette import KOREAN, WESTERN

    tab = _make_tab(qtbot, settings)
    _load(qtbot, tab, demo_session)
    model = tab.table.model
    pnl_col = _column(tab, "pnl")
    gain = next(r for r in range(model.rowCount()) if model.record_at(r).pnl > 0)
    loss = next(r for r in range(model.rowCount()) if model.record_at(r).pnl < 0)

    def colour(row: int) -> str:
        return model.index(row, pnl_col).data(Qt.ItemDataRole.ForegroundRole).name()

    assert (colour(gain), colour(loss)) == (KOREAN.up, KOREAN.down)
    assert model.texts_at(gain)[pnl_col].startswith("+")
    assert model.texts_at(loss)[pnl_col].startswith("-")
    tab.set_palette(WESTERN)
    assert (colour(gain), colour(loss)) == (WESTERN.up, WESTERN.down)


def test_exchange_filter(qtbot, qloop, settings, demo_session):
    holdings = _sim_holdings(demo_session.sim, "large")
    tab = _make_tab(qtbot, settings)
    _load(qtbot, tab, demo_session)
    box = tab.exchange_filter
    offered = [box.itemData(i) for i in range(box.count())]
    assert offered[0] == "" and set(offered[1:]) == {h.exch for h in holdings}
    box.setCurrentIndex(box.findData("TKSE"))
    model = tab.table.model
    assert model.rowCount() == sum(1 for h in holdings if h.exch == "TKSE") > 0
    assert {model.record_at(r).exchange for r in range(model.rowCount())} == {"TKSE"}
    # The filter survives a refresh.
    with qtbot.waitSignal(tab.loaded, timeout=20_000):
        tab.refresh()
    assert box.currentData() == "TKSE"
    assert {model.record_at(r).exchange for r in range(model.rowCount())} == {"TKSE"}
    box.setCurrentIndex(0)
    assert model.rowCount() == len(holdings)


def test_csv_export_and_header_state(qtbot, qloop, settings, demo_session, tmp_path):
    tab = _make_tab(qtbot, settings)
    _load(qtbot, tab, demo_session)
    out = tmp_path / "overseas.csv"
    assert tab.table.export_csv(out) == tab.table.model.rowCount()
    header = tab.table.view.horizontalHeader()
    header.moveSection(0, 3)
    tab.save_state(settings)
    fresh = _make_tab(qtbot, settings)
    assert fresh.restore_state(settings)
    assert fresh.table.view.horizontalHeader().visualIndex(0) == 3


def test_one_failing_exchange_keeps_the_others(qtbot, qloop, settings, demo_session):
    server = demo_session.sim
    holdings = _sim_holdings(server, "large")
    server.faults.add("error", tr_id="TTTS3012R", count=1, status=200, msg_cd="OPSQ0002")
    tab = _make_tab(qtbot, settings)
    _load(qtbot, tab, demo_session)
    snap = tab.snapshot
    assert len(snap.failures) == 1
    (failed,) = snap.failures
    assert failed not in {r.exchange for r in snap.rows}
    assert 0 < len(snap.rows) < len(holdings)
    assert tab.banner.isVisibleTo(tab) and failed in tab.banner_text.text()


def test_every_exchange_failing_shows_the_error_page_and_retry(
    qtbot, qloop, settings, demo_session
):
    server = demo_session.sim
    fault = server.faults.add("error", tr_id="TTTS3012R", status=200, msg_cd="OPSQ0002")
    tab = _make_tab(qtbot, settings)
    tab.set_session(demo_session)
    tab.show()
    qtbot.waitUntil(lambda: tab.stack.currentIndex() == tab.PAGE_ERROR, timeout=20_000)
    assert tab.error_visible and not tab.has_data
    server.faults.remove(fault.fault_id)
    with qtbot.waitSignal(tab.loaded, timeout=20_000):
        qtbot.mouseClick(tab.error_page.button, Qt.MouseButton.LeftButton)
    assert tab.stack.currentIndex() == tab.PAGE_TABLE


def test_disconnect_clears(qtbot, qloop, settings, demo_session):
    tab = _make_tab(qtbot, settings)
    _load(qtbot, tab, demo_session)
    assert tab.table.model.rowCount()
    tab.set_session(None)
    assert tab.table.model.rowCount() == 0 and tab.totals_model.rowCount() == 0
    assert tab.stack.currentIndex() == tab.PAGE_OFFLINE
    assert not tab.refresh_button.isEnabled()


def test_paper_profile_asks_each_us_exchange_within_the_rate(
    qtbot, qloop, settings, paper_session, paper_sim_thread
):
    """Paper: NASD is Nasdaq only, so NYSE and AMEX are asked too (VTTS3012R), all at the
    paper rate of 2 calls/s without a single EGW00201."""
    server = paper_sim_thread.server
    holdings = paper_sim_thread.call(lambda s: _sim_holdings(s, "large"))
    tab = _make_tab(qtbot, settings)
    progress: list[tuple[int, int]] = []
    tab.refresher.progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(tab.loaded, timeout=30_000):
        tab.set_session(paper_session)
        tab.show()
    snap = tab.snapshot
    assert not snap.failures
    assert {"NASD", "NYSE", "AMEX"} <= {r.exchange for r in snap.rows}
    assert len(snap.rows) == len(holdings)
    stats = server.stats
    assert stats.by_tr_id["VTTS3012R"] == snap.pages == _expected_pages(holdings, "paper")
    assert stats.by_tr_id.get("TTTS3012R", 0) == 0
    assert stats.rate_limited == 0
    total = len(balance_queries("paper")) + 1
    assert progress[0] == (0, total) and progress[-1] == (total, total)
    # Paper's present balance fills only output3: won totals, but no rate per currency.
    assert stats.by_tr_id["VTRP6504R"] == 1
    assert snap.krw is not None and snap.krw.evaluation
    assert all(t.fx_rate is None and t.eval_krw is None for t in snap.totals)
    assert "not offered" in tab.krw_line.text()


def test_exchanges_are_fetched_concurrently(qtbot, demo_session, run_async):
    """With every balance call slowed down, the whole fetch takes a fraction of the calls' sum:
    the queries overlap (bounded by MAX_CONCURRENCY and the limiter)."""
    import time

    from kisdesk.services.overseas import MAX_CONCURRENCY, fetch_overseas

    server = demo_session.sim
    delay = 0.4
    server.faults.add("latency", tr_id="TTTS3012R", delay=delay)
    server.stats.reset()
    started = time.monotonic()
    snap = run_async(fetch_overseas(demo_session.client, "real", with_present=False), 30_000)
    elapsed = time.monotonic() - started
    calls = server.stats.by_tr_id["TTTS3012R"]
    assert calls == snap.pages >= len(balance_queries("real"))
    assert elapsed < calls * delay * 0.6
    # Qt timers (what asyncio.sleep becomes on qasync) may fire a millisecond early: 5% slack.
    rounds = math.ceil(len(balance_queries("real")) / MAX_CONCURRENCY)
    assert elapsed >= rounds * delay * 0.95
