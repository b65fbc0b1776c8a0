"""The watchlist tab in the demo app against its simulator: groups survive a restart, HTS
groups are imported as a copy (D17/D18), a condition search fills a group (D15/D16), and what
the stream does not serve is polled with D19 and marked as polled."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kisdesk.app.controller import AppController
from kisdesk.config.settings import open_settings
from kisdesk.services.live_quotes import Source


@pytest.fixture
def kisdesk_home(tmp_path, monkeypatch):
    home = tmp_path / "kisdesk-home"
    monkeypatch.setenv("KISDESK_HOME", str(home))
    return home


@pytest.fixture
def start(qtbot, run_async, kisdesk_home) -> Iterator[Any]:
    started: list[AppController] = []

    def start_app() -> AppController:
        controller = AppController(open_settings(), "demo", demo_options={"ticker_interval": None})
        started.append(controller)
        controller.start()
        qtbot.waitUntil(lambda: controller.window.holdings.has_data, timeout=15_000)
        return controller

    def stop(controller: AppController) -> None:
        run_async(controller.shutdown())
        controller.window.close()
        controller.window.deleteLater()
        started.remove(controller)

    start_app.stop = stop  # type: ignore[attr-defined]
    yield start_app
    for controller in list(started):
        stop(controller)
    QApplication.processEvents()


def test_groups_and_layout_survive_a_restart(start, qtbot) -> None:
    app = start()
    wl = app.window.watchlist
    wl.add_group("반도체", ["005930", "000660"])
    wl.add_group("자동차", ["005380"])
    wl.group_list.setCurrentRow(0)
    wl.move_group(1)
    start.stop(app)

    again = start()
    wl = again.window.watchlist
    assert [(g.name, g.codes) for g in wl.groups] == [
        ("자동차", ["005380"]),
        ("반도체", ["005930", "000660"]),
    ]
    wl.group_list.setCurrentRow(1)
    assert wl.codes_shown() == ["005930", "000660"]
    names = [r.name for r in wl.model.records()]
    assert names == ["삼성전자", "SK하이닉스"]


def test_import_hts_groups_is_a_copy(start, qtbot) -> None:
    app = start()
    wl = app.window.watchlist
    sim = app.session.sim
    assert app.session.client.creds.hts_id == sim.hts_ids["demo"]
    wl.import_hts_groups()
    qtbot.waitUntil(lambda: len(wl.groups) == 3, timeout=10_000)
    assert [g.name for g in wl.groups] == ["HTS 기본그룹1", "HTS 반도체", "HTS 2차전지"]
    assert wl.groups[1].codes[:2] == ["005930", "000660"]
    # A second import replaces the copies, it does not duplicate them.
    wl.groups[1].codes.remove("005930")
    wl.import_hts_groups()
    qtbot.waitUntil(lambda: "005930" in wl.groups[1].codes, timeout=10_000)
    assert len(wl.groups) == 3
    assert sim.stats.by_tr_id["HHKCM113004C7"] == 2


def test_fill_a_group_from_a_condition_search(start, qtbot) -> None:
    app = start()
    wl = app.window.watchlist
    sim = app.session.sim
    qtbot.waitUntil(lambda: wl.condition_box.count() >= 3, timeout=10_000)
    wl.add_group("조건")
    wl.condition_box.setCurrentIndex(0)  # 거래대금 상위
    wl.fill_from_condition()
    qtbot.waitUntil(lambda: len(wl.groups[0].codes) > 0, timeout=15_000)
    expected = sorted(
        (q for q in sim.world.market.all_domestic() if q.listing.kind == "stock"),
        key=lambda q: q.value,
        reverse=True,
    )[:100]
    assert wl.groups[0].codes == [q.code for q in expected]
    assert len(wl.codes_shown()) == 100


def test_beyond_the_stream_budget_rows_are_polled_with_d19(start, qtbot) -> None:
    app = start()
    wl = app.window.watchlist
    sim = app.session.sim
    codes = [q.code for q in list(sim.world.market.all_domestic())[:70]]
    wl.add_group("많이", codes)
    qtbot.waitUntil(lambda: bool(wl.polled_codes()), timeout=10_000)
    qtbot.waitUntil(lambda: sim.stats.by_tr_id.get("FHKST11300006", 0) >= 2, timeout=10_000)

    def polled_rows() -> list[Any]:
        return [r for r in wl.model.records() if r.source is Source.POLLED and r.price]

    qtbot.waitUntil(lambda: len(polled_rows()) >= 29, timeout=10_000)

    def streamed() -> set[str]:
        return {r.code for r in wl.model.records() if r.source is Source.STREAMED}

    # The stream takes what its 41 registrations hold; the poll keeps only the rest.
    qtbot.waitUntil(lambda: len(streamed()) >= 10, timeout=15_000)
    qtbot.wait(1500)
    assert not streamed() & set(wl.polled_codes())
    assert len(streamed()) + len(wl.polled_codes()) == 70
    for row in polled_rows():
        assert row.price == sim.world.market.domestic(row.code).price
    feed = wl.model.column_of("source")
    texts = {wl.model.texts_at(wl.model.row_of(r.code))[feed] for r in polled_rows()}
    assert texts == {"polled"}


def test_the_tab_is_freed_when_dropped(qtbot, qloop, tmp_path) -> None:
    """No reference cycle (the app collects cycles only on its GUI timer)."""
    import gc
    import weakref

    from PySide6.QtCore import QSettings

    from kisdesk.ui.watchlist import WatchlistTab

    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    assert not gc.isenabled()
    tab = WatchlistTab(settings)
    tab.add_group("g", ["005930"])
    gone = weakref.ref(tab)
    del tab
    assert gone() is None, "WatchlistTab is in a reference cycle"
