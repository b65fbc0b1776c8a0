"""The README's key table, executed: every row's key is pressed in a real main window (demo
session, simulator on loopback) and its documented effect is checked. A row without a check, or
a key whose effect does not happen, fails under that row's name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.exceptions import TimeoutError as QtTimeout

from kisdesk.app.controller import AppController
from kisdesk.config.settings import open_settings
from kisdesk.domain.order_types import Side

README = Path(__file__).resolve().parents[2] / "README.md"
K = Qt.Key
NO_MOD = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SAMSUNG = "005930"


# -- the table ---------------------------------------------------------------------------------


def readme_key_rows(text: str) -> list[tuple[str, str]]:
    """(key, does) for each row of the first table under the "### Keyboard" heading."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("### Keyboard"))
    table: list[list[str]] = []
    for line in lines[start + 1 :]:
        if line.startswith("|"):
            table.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif table or line.startswith("#"):
            break  # the table (or the section) ended
    header, rule, *body = table
    assert [h.lower() for h in header] == ["key", "does"] and set("".join(rule)) <= set("-: ")
    return [(row[0], row[1]) for row in body]


ROWS = readme_key_rows(README.read_text(encoding="utf-8"))


# -- an oracle for prices: the KRX tick table (2023-01-25), written out here ----------------------

KRX_BANDS = (  # (prices below this, tick)
    (2_000, 1),
    (5_000, 5),
    (20_000, 10),
    (50_000, 50),
    (200_000, 100),
    (500_000, 500),
)


def krx_tick_up(price: Decimal) -> Decimal:
    """The tick above ``price`` (the band ``price`` is in)."""
    return Decimal(next((t for edge, t in KRX_BANDS if price < edge), 1_000))


def krx_tick_down(price: Decimal) -> Decimal:
    """The tick below ``price`` (the band of the price just under it)."""
    return Decimal(next((t for edge, t in KRX_BANDS if price <= edge), 1_000))


def krx_step(price: Decimal, ticks: int) -> Decimal:
    for _ in range(abs(ticks)):
        price = price + krx_tick_up(price) if ticks > 0 else price - krx_tick_down(price)
    return price


def number_in(edit: QLineEdit) -> Decimal:
    return Decimal(edit.text().replace(",", ""))


# -- a window and a keyboard --------------------------------------------------------------------


@dataclass
class App:
    qtbot: Any
    controller: AppController

    @property
    def window(self) -> Any:
        return self.controller.window

    @property
    def panel(self) -> Any:
        return self.window.orders.panel

    @property
    def sim(self) -> Any:
        session = self.controller.session
        assert session is not None
        return session.sim

    def wait(self, predicate: Callable[[], Any], timeout: int = 5000, why: str = "") -> None:
        try:
            self.qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout)
        except QtTimeout as exc:  # say what did not happen
            raise AssertionError(why or str(exc)) from None

    def wait_active(self, widget: QWidget) -> None:
        self.wait(lambda: QApplication.activeWindow() is widget, 3000, f"{widget} never active")

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MOD) -> None:
        """A key on whatever has the keyboard, as a keyboard delivers it."""
        QTest.keyClick(QApplication.focusWidget() or self.window, key, modifier)

    def type_text(self, text: str) -> None:
        """Characters as key events that carry text (QTest.keyClicks aborts on Hangul)."""
        for ch in text:
            target = QApplication.focusWidget() or self.window
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, 0, NO_MOD, ch))

    def replace(self, text: str) -> None:
        """Ctrl+A, then type: what a user does to overwrite a field."""
        self.press(K.Key_A, CTRL)
        self.type_text(text)

    def settle(self) -> None:
        """The panel's reads (quote, buying power) and the order service are idle."""
        dock = self.window.orders

        def idle() -> bool:
            busy = dock.service is not None and dock.service.busy
            return self.panel.ticket.idle and not busy

        self.wait(idle, why="the order panel never went idle")

    def choose(self, code: str) -> None:
        """F2, the code, Enter: the symbol with its quote and buying power loaded."""
        self.press(K.Key_F2)
        self.replace(code)
        self.press(K.Key_Return)
        assert self.panel.symbol is not None and self.panel.symbol.code == code
        self.wait(lambda: self.panel.quote is not None, why="no quote")
        self.settle()

    def to_field(self, field: QWidget) -> None:
        """F2, then Tab until ``field`` has the keyboard."""
        self.press(K.Key_F2)
        for _ in range(8):
            if field.hasFocus():
                return
            self.press(K.Key_Tab)
        assert field.hasFocus(), f"Tab never reached {field.objectName()}"

    def back_to_main(self) -> None:
        self.wait_active(self.window)

    def requests(self) -> Counter[str]:
        return Counter(self.sim.stats.by_path)


def _sim_session(env_name: str) -> Callable[..., Any]:
    """A session factory: a simulator with ``env_name``'s rules (paper: 2 calls/s, only
    지정가/시장가), reached under that environment's name (real: always reviewed)."""

    async def make(on_event: Any = None) -> Any:
        import dataclasses

        from kisdesk.kis import Credentials, KisClient
        from kisdesk.kis.env import demo_environment
        from kisdesk.kis.tokens import MemoryTokenStore
        from kisdesk.services.session import Session
        from kisdesk.sim.server import SimServer

        sim = SimServer(profile=env_name, seed=4321, ticker_interval=None)
        await sim.start()
        env = dataclasses.replace(
            demo_environment(sim.base_url, sim.ws_url, profile=env_name), name=env_name
        )
        account = sim.accounts["demo"]
        creds = Credentials(appkey=sim.appkey, appsecret=sim.appsecret, account=account)
        client = KisClient(env, creds, on_event=on_event, token_store=MemoryTokenStore())
        return Session(env=env, account=account, client=client, sim=sim, profile_name=env_name)

    return make


@pytest.fixture
def start(qtbot, run_async, kisdesk_home):
    """start() → a demo window with data, active (shortcuts under offscreen fire only then);
    start("paper") / start("real") → the same on such an account; ``orders`` go to settings."""
    started: list[AppController] = []

    def start_app(env: str = "demo", **orders: Any) -> App:
        settings = open_settings()
        for name, value in orders.items():
            settings.setValue(f"orders/{name}", value)
        if env == "demo":  # prices stay put
            controller = AppController(settings, "demo", demo_options={"ticker_interval": None})
        else:
            controller = AppController(settings, env, session_factory=_sim_session(env))
        started.append(controller)
        controller.start()
        window = controller.window
        qtbot.waitUntil(lambda: window.holdings.has_data, timeout=15_000)
        qtbot.waitUntil(lambda: window.orders.service is not None, timeout=5_000)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3_000)
        return App(qtbot, controller)

    yield start_app
    for controller in started:
        run_async(controller.shutdown())
        controller.window.close()
        controller.window.deleteLater()


# -- the checks, one per README row ---------------------------------------------------------------


def _tab_data_loaded(app: App, index: int) -> bool:
    w = app.window
    return (w.holdings.has_data, w.overseas.table.model.rowCount() > 0, w.rankings.result)[index]


def check_refresh(app: App) -> None:
    from kisdesk.kis import ranking
    from kisdesk.kis.overseas import P_OVRS_BALANCE, P_OVRS_PRESENT

    reads = {
        0: {"/uapi/domestic-stock/v1/trading/inquire-balance"},
        1: {P_OVRS_BALANCE, P_OVRS_PRESENT},
        2: {ranking.P_CREDIT, ranking.P_VOLUME, ranking.P_FLUCTUATION, ranking.P_MARKET_CAP},
    }
    for index in (2, 1, 0):
        app.window.tabs.setCurrentIndex(index)
        app.wait(lambda i=index: _tab_data_loaded(app, i), 15_000, f"tab {index} never loaded")
        app.settle()
        before = app.requests()
        app.press(K.Key_F5)
        app.wait(
            lambda i=index, b=before: any(p in reads[i] for p in app.requests() - b),
            why=f"F5 on tab {index} read nothing of that tab from the server",
        )


def check_tabs(app: App) -> None:
    tabs = app.window.tabs
    tabs.setCurrentIndex(0)
    w = app.window
    pages = (w.holdings, w.overseas, w.rankings, w.watchlist)  # 국내잔고, 해외잔고, 순위, 관심종목
    keys = ((K.Key_3, 2), (K.Key_4, 3), (K.Key_2, 1), (K.Key_1, 0), (K.Key_4, 3), (K.Key_3, 2))
    for key, index in keys:
        app.press(key, CTRL)
        shown = tabs.currentIndex()
        assert tabs.currentWidget() is pages[index], f"Ctrl+{index + 1} shows tab {shown + 1}"


def _answer_name(app: App, name: str) -> None:
    """The group-name dialog: wait for it, type ``name`` over the proposal, Enter."""
    from PySide6.QtWidgets import QInputDialog

    app.wait(lambda: isinstance(QApplication.activeModalWidget(), QInputDialog), 3000, "no dialog")
    dialog = QApplication.activeModalWidget()
    app.wait_active(dialog)
    app.replace(name)
    app.press(K.Key_Return)
    app.wait(lambda: not dialog.isVisible(), why="the name dialog stayed open")
    app.window.activateWindow()  # offscreen has no window manager to hand the focus back
    app.back_to_main()


def check_watchlist_keys(app: App) -> None:
    w = app.window
    wl = w.watchlist
    app.press(K.Key_4, CTRL)
    assert w.tabs.currentWidget() is wl and wl.group_list.hasFocus()
    app.press(K.Key_Insert)  # a new group, named by keys
    _answer_name(app, "반도체")
    app.press(K.Key_Insert)
    _answer_name(app, "자동차")
    assert [g.name for g in wl.groups] == ["반도체", "자동차"]
    app.press(K.Key_Up, CTRL)  # the current group moves up
    assert [g.name for g in wl.groups] == ["자동차", "반도체"]
    app.press(K.Key_F2)  # renamed
    _answer_name(app, "차")
    assert wl.groups[0].name == "차"
    app.press(K.Key_Down)
    app.press(K.Key_Return)  # into the group's symbols
    assert wl.table.view.hasFocus()
    app.press(K.Key_Insert)  # the add field
    assert wl.add_edit.hasFocus()
    app.type_text("ㅅㅅㅈㅈ")  # 초성 of 삼성전자
    app.wait(wl.add_edit.popup_visible, why="no suggestions for ㅅㅅㅈㅈ")
    app.press(K.Key_Return)
    app.type_text("000660")
    app.wait(wl.add_edit.popup_visible, why="no suggestion for 000660")
    app.press(K.Key_Return)
    assert wl.groups[1].codes == [SAMSUNG, "000660"]
    app.press(K.Key_Escape)  # back to the table, first row current
    assert wl.table.view.hasFocus()
    app.press(K.Key_Down, CTRL)  # 삼성전자 below SK하이닉스
    assert wl.groups[1].codes == ["000660", SAMSUNG] == wl.codes_shown()
    app.press(K.Key_Delete)  # the current row (삼성전자) goes
    assert wl.groups[1].codes == ["000660"] == wl.codes_shown()
    app.press(K.Key_Return)  # to the order panel
    app.wait(lambda: app.panel.symbol is not None and app.panel.symbol.code == "000660")
    app.settle()
    wl.focus_default()
    app.press(K.Key_Delete)  # the group, after a question answered No by default
    from PySide6.QtWidgets import QMessageBox

    app.wait(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), why="no question")
    box = QApplication.activeModalWidget()
    app.wait_active(box)
    app.press(K.Key_Return)  # the default: No
    app.wait(lambda: not box.isVisible())
    app.window.activateWindow()
    app.back_to_main()
    assert len(wl.groups) == 2
    saved = open_settings().value("watchlist/groups")
    assert "반도체" in saved and "000660" in saved


def double_click(view: Any, row: int) -> None:
    """Both clicks of a double-click on a row (QTest's double click alone lacks the first)."""
    pos = view.visualRect(view.model().index(row, 1)).center()
    for click in (QTest.mouseClick, QTest.mouseDClick):
        click(view.viewport(), Qt.MouseButton.LeftButton, NO_MOD, pos)


def check_row_prefill(app: App) -> None:
    panel, window = app.panel, app.window
    # Holdings: Enter on one row, double-click on another; each prefills a sell of it.
    window.tabs.setCurrentIndex(0)
    table = window.holdings.table
    rows = [
        r
        for r in range(table.proxy.rowCount())
        if table.model.record_at(
            table.proxy.mapToSource(table.proxy.index(r, 0)).row()
        ).orderable_qty
        > 0
    ][:2]
    assert len(rows) == 2
    for row, how in zip(rows, ("enter", "double-click"), strict=True):
        app.press(K.Key_Escape)  # an empty panel first
        table.view.setFocus()
        table.view.setCurrentIndex(table.proxy.index(row, 0))
        holding = table.current_record()
        if how == "enter":
            app.press(K.Key_Return)
        else:
            double_click(table.view, row)
        app.wait(lambda h=holding: panel.symbol is not None and panel.symbol.code == h.code)
        assert panel.side is Side.SELL, how
        assert panel.qty_edit.text().replace(",", "") == str(holding.orderable_qty), how
        assert panel.qty_edit.hasFocus(), how
    # Rankings: the same keys prefill that symbol.
    app.press(K.Key_3, CTRL)
    app.wait(lambda: window.rankings.result, 15_000, "no ranking")
    table = window.rankings.table
    app.wait(lambda: table.proxy.rowCount() >= 2)
    for row, how in ((0, "enter"), (1, "double-click")):
        app.press(K.Key_Escape)
        table.view.setFocus()
        table.view.setCurrentIndex(table.proxy.index(row, 0))
        code = table.current_record().code
        if how == "enter":
            app.press(K.Key_Return)
        else:
            double_click(table.view, row)
        app.wait(
            lambda c=code: panel.symbol is not None and panel.symbol.code == c,
            why=f"ranking row {how} did not prefill {code}",
        )


def check_overseas_switch(app: App) -> None:
    """F8 flips the order panel between 국내 and 해외; Enter on an overseas holding prefills a
    sell of it on the overseas panel (its exchange, its orderable quantity)."""
    dock, window = app.window.orders, app.window
    assert not dock.overseas
    app.press(K.Key_F8)
    assert dock.overseas and dock.ovs_panel.symbol_edit.hasFocus(), "F8 did not switch"
    app.press(K.Key_F8)
    assert not dock.overseas and dock.panel.symbol_edit.hasFocus(), "F8 did not switch back"
    app.press(K.Key_2, CTRL)
    app.wait(lambda: _tab_data_loaded(app, 1), 15_000, "no overseas holdings")
    table = window.overseas.table
    rows = [
        r
        for r in range(table.proxy.rowCount())
        if getattr(
            table.model.record_at(table.proxy.mapToSource(table.proxy.index(r, 0)).row()),
            "orderable_qty",
            0,
        )
        > 0
    ]
    assert rows, "no orderable overseas holding"
    table.view.setFocus()
    table.view.setCurrentIndex(table.proxy.index(rows[0], 0))
    holding = table.current_record()
    app.press(K.Key_Return)
    panel = dock.ovs_panel
    app.wait(lambda: dock.overseas and panel.symbol is not None, why="no overseas prefill")
    assert (panel.symbol.code, panel.exchange) == (holding.code, holding.exchange)
    assert panel.side is Side.SELL and panel.qty_edit.hasFocus()
    assert panel.qty_edit.text() == str(int(holding.orderable_qty))
    app.wait(lambda: panel.quote is not None, 10_000, "no overseas quote")
    assert panel.quote_header.price_label.text().endswith(f" {holding.currency}")


def check_symbol_field(app: App) -> None:
    panel = app.panel
    app.window.tabs.setCurrentIndex(0)
    app.window.holdings.table.view.setFocus()  # start away from the panel
    for typed in (SAMSUNG, "삼성전자", "삼전", "ㅅㅅㅈㅈ"):
        app.press(K.Key_F2)
        assert panel.symbol_edit.hasFocus(), "F2 did not focus the symbol field"
        app.replace(typed)
        assert panel.symbol_edit.popup_visible(), typed
        assert panel.symbol_edit.suggestions()[0].code == SAMSUNG, typed
        app.press(K.Key_Return)
        assert panel.symbol is not None and panel.symbol.code == SAMSUNG, typed
        assert panel.symbol.name == "삼성전자"
        app.window.holdings.table.view.setFocus()


def _border_colour(app: App) -> QColor:
    """The colour the panel is drawn in (its frame, as on screen)."""
    panel = app.panel
    image = panel.grab().toImage()
    return QColor(image.pixel(1, image.height() // 2))


def _is_red(c: QColor) -> bool:
    return c.red() > 150 and c.red() > c.blue() + 60


def _is_blue(c: QColor) -> bool:
    return c.blue() > 150 and c.blue() > c.red() + 60


def check_side_keys(app: App) -> None:
    panel = app.panel
    app.press(K.Key_F10)
    assert panel.side is Side.SELL and _is_blue(_border_colour(app)), "F10: not 매도 / blue"
    app.press(K.Key_F9)
    assert panel.side is Side.BUY and _is_red(_border_colour(app)), "F9: not 매수 / red"
    app.choose(SAMSUNG)
    app.to_field(panel.price_edit)
    app.press(K.Key_S)
    assert panel.side is Side.SELL and _is_blue(_border_colour(app)), "S: not 매도 / blue"
    app.press(K.Key_B)
    assert panel.side is Side.BUY and _is_red(_border_colour(app)), "B: not 매수 / red"


def _cycle_types(app: App) -> list[str]:
    """T in the panel until the type comes round again: the types in their order."""
    panel = app.panel
    app.choose(SAMSUNG)
    app.to_field(panel.price_edit)
    names = [panel.order_type.korean]
    for _ in range(20):
        (panel.price_edit if panel.price_edit.isEnabled() else panel.qty_edit).setFocus()
        app.press(K.Key_T)
        if panel.order_type.korean == names[0]:
            break
        names.append(panel.order_type.korean)
    else:
        pytest.fail(f"T never came back to the first type: {names}")
    return names


def check_order_types(app: App, start: Callable[..., App]) -> None:
    names = _cycle_types(app)
    assert names[:2] == ["지정가", "시장가"], names
    rest = " ".join(names[2:])
    for kind in ("최유리", "최우선", "IOC", "FOK"):
        assert kind in rest, (kind, names)  # the demo (a real account) offers them all
    assert _cycle_types(start("paper")) == ["지정가", "시장가"]  # paper: only these two


def _edge_symbol(app: App) -> tuple[str, Decimal]:
    """A share whose daily band holds a tick-band edge with room for 10 ticks either side."""
    market = app.sim.market
    for code, listing in sorted(market.listings.items()):
        q = market.domestic(code)
        if listing.kind != "stock" or q is None:
            continue
        for edge, _ in KRX_BANDS:
            e = Decimal(edge)
            if krx_step(e, -10) >= q.lower and krx_step(e, 10) <= q.upper:
                return code, e
    pytest.fail("no share with a tick-band edge inside its daily band")


def check_price_ticks(app: App) -> None:
    panel = app.panel
    code, edge = _edge_symbol(app)
    app.choose(code)
    app.to_field(panel.price_edit)
    start = krx_step(edge, -2)
    app.replace(str(start))
    expected = start
    for key, ticks in (
        (K.Key_Up, 1),
        (K.Key_Up, 1),
        (K.Key_Up, 1),  # across the edge: the tick changes
        (K.Key_PageDown, -5),
        (K.Key_PageUp, 5),
        (K.Key_Down, -1),
    ):
        app.press(key)
        expected = krx_step(expected, ticks)
        assert number_in(panel.price_edit) == expected, (code, key, expected)


def check_price_levels(app: App) -> None:
    panel = app.panel
    app.choose(SAMSUNG)
    quote = app.sim.market.domestic(SAMSUNG)
    app.to_field(panel.price_edit)
    for key, want in ((K.Key_U, quote.upper), (K.Key_L, quote.lower), (K.Key_C, quote.price)):
        app.press(key)
        assert number_in(panel.price_edit) == want, key


def check_quantity_keys(app: App) -> None:
    panel, sim = app.panel, app.sim
    app.choose(SAMSUNG)
    price = sim.market.domestic(SAMSUNG).price
    app.to_field(panel.price_edit)
    app.press(K.Key_C)  # a limit buy at the current price
    app.settle()
    maximum = int(sim.orders.buying_power(sim.account("demo")) // price)
    assert maximum > 20
    app.to_field(panel.qty_edit)
    for key, pct in ((K.Key_1, 10), (K.Key_2, 25), (K.Key_3, 50), (K.Key_4, 100)):
        app.press(key, ALT)
        assert int(panel.qty_edit.text()) == maximum * pct // 100, f"Alt+{key - K.Key_0}"
    app.press(K.Key_Down)
    assert int(panel.qty_edit.text()) == maximum - 1
    app.press(K.Key_Down)
    app.press(K.Key_Up)
    assert int(panel.qty_edit.text()) == maximum - 1
    app.press(K.Key_A)  # A: 100 %
    assert int(panel.qty_edit.text()) == maximum


def _fill_resting_buy(app: App, qty: int) -> Decimal:
    """Keys only: a limit buy three ticks under the current price (it rests: the market is
    still; and it is near enough to the market not to wake the fat-finger guard)."""
    panel = app.panel
    app.choose(SAMSUNG)
    app.to_field(panel.price_edit)
    app.press(K.Key_C)
    for _ in range(3):
        app.press(K.Key_Down)
    app.to_field(panel.qty_edit)
    app.replace(str(qty))
    app.settle()
    return number_in(panel.price_edit)


def _new_orders(app: App) -> list[Any]:
    return [o for o in app.sim.orders.orders.values() if o.action == "new"]


def _review(app: App) -> Any:
    """Enter in the panel: the review opens and has the keyboard."""
    app.press(K.Key_Return)
    app.wait(lambda: app.panel.dialog is not None, why="Enter did not open the review")
    dialog = app.panel.dialog
    app.wait_active(dialog)
    return dialog


def check_review_send(app: App, start: Callable[..., App]) -> None:
    price = _fill_resting_buy(app, 3)
    before = len(_new_orders(app))
    _review(app)
    app.press(K.Key_Escape)  # cancel: nothing sent
    app.wait(lambda: app.panel.dialog is None, why="Esc did not close the review")
    app.back_to_main()
    app.settle()
    assert len(_new_orders(app)) == before
    assert app.panel.symbol is not None  # the order is still there to send
    _review(app)
    app.press(K.Key_Return)  # send
    app.wait(lambda: len(_new_orders(app)) > before, why="Enter in the review sent nothing")
    app.settle()
    app.qtbot.wait(300)  # and nothing more arrives
    booked = _new_orders(app)[before:]
    assert len(booked) == 1
    order = booked[0]
    assert (order.code, order.side, order.qty, order.price) == (SAMSUNG, "buy", 3, price)
    # Real money: reviewed even with confirmation switched off in the settings.
    real = start("real", confirm=False)
    _fill_resting_buy(real, 1)
    _review(real)
    real.press(K.Key_Escape)
    real.wait(lambda: real.panel.dialog is None, why="Esc did not close the review (real)")
    assert not _new_orders(real)


def check_ladder(app: App) -> None:
    from kisdesk.sim.endpoints_watch import current_book

    panel, ladder = app.panel, app.window.orders.ladder
    app.press(K.Key_F10)  # a sell: picking a price must leave the side alone
    app.choose(SAMSUNG)
    app.wait(ladder.levels, why="the ladder shows no book")
    book = current_book(app.sim.world, app.sim.market.domestic(SAMSUNG))
    asks = [p for p in book.asks if p][::-1]
    bids = [p for p in book.bids if p]
    assert [p for _, p, _ in ladder.levels()] == asks + bids, "the ladder is not the book"
    app.to_field(panel.qty_edit)
    app.replace("2")
    app.press(K.Key_F12)
    assert ladder.hasFocus(), "F12 did not focus the ladder"
    for _ in range(2):  # from the best ask: up two levels
        app.press(K.Key_Up)
    before = len(_new_orders(app))
    app.press(K.Key_Return)
    assert panel.price_edit.hasFocus(), "Enter in the ladder did not return to the price"
    assert number_in(panel.price_edit) == asks[-3], "Enter did not put the level's price"
    assert panel.side is Side.SELL, "picking a price changed the side"
    app.press(K.Key_F12)
    app.press(K.Key_Down)
    app.press(K.Key_Escape)
    assert panel.price_edit.hasFocus(), "Esc in the ladder did not return to the order"
    assert number_in(panel.price_edit) == asks[-3], "Esc changed the price"
    app.qtbot.wait(200)
    assert len(_new_orders(app)) == before, "the ladder sent an order"
    app.settle()
    _review(app)
    app.press(K.Key_Return)  # send, from the review
    app.wait(lambda: len(_new_orders(app)) > before, why="the review sent nothing")
    app.qtbot.wait(300)
    booked = _new_orders(app)[before:]
    assert [(o.side, o.qty, o.price) for o in booked] == [("sell", 2, asks[-3])]


def check_clear(app: App) -> None:
    panel = app.panel
    app.choose(SAMSUNG)
    app.to_field(panel.qty_edit)
    app.replace("7")
    app.press(K.Key_Escape)
    assert panel.symbol is None
    assert panel.symbol_edit.text() == "" and panel.qty_edit.text() == ""


def _open_order_row(app: App, odno: str) -> None:
    """F11, then Down to the row of ``odno``."""
    view = app.window.orders.open_orders
    table = view.table
    app.wait(lambda: table.model.row_of(odno) is not None, 8000, f"{odno} not listed")
    app.back_to_main()
    app.press(K.Key_F11)
    assert table.view.hasFocus(), "F11 did not focus the open orders"
    for _ in range(table.proxy.rowCount()):
        record = table.current_record()
        if record is not None and record.order_no == odno:
            return
        app.press(K.Key_Down)
    pytest.fail(f"{odno} never became the current row")


def _confirm(app: App, view: Any) -> None:
    app.wait(lambda: view.dialog is not None, why="no dialog")
    app.wait_active(view.dialog)
    app.press(K.Key_Return)


def check_open_orders(app: App) -> None:
    _fill_resting_buy(app, 2)
    before = len(_new_orders(app))
    _review(app)
    app.press(K.Key_Return)
    app.wait(lambda: len(_new_orders(app)) > before, why="the resting order was not sent")
    book = app.sim.orders.orders
    first = _new_orders(app)[-1]
    view = app.window.orders.open_orders

    _open_order_row(app, first.odno)
    app.press(K.Key_M)
    _confirm(app, view)  # … where Up would move the price; Enter goes on to the confirmation
    app.wait(lambda: view.dialog is not None, why="modify was not confirmed first")
    assert not any(o.action == "modify" for o in book.values())  # nothing before the yes
    _confirm(app, view)
    app.wait(
        lambda: any(o.action == "modify" and o.orgn_odno == first.odno for o in book.values()),
        8000,
        "M did not modify the order",
    )
    modified = next(o for o in book.values() if o.action == "modify")

    _open_order_row(app, modified.odno)
    app.press(K.Key_Delete)
    app.wait(lambda: view.dialog is not None, why="Del did not ask")
    assert not any(o.action == "cancel" for o in book.values())
    _confirm(app, view)
    app.wait(
        lambda: (
            any(o.action == "cancel" for o in book.values()) and not book[modified.odno].is_open
        ),
        8000,
        "Del did not cancel the order",
    )


def _save_through_dialog(app: App, path: Path) -> None:
    """When the save dialog comes up, type the path into it and press Enter, as a user does."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, answer)
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setFocus()
        name.setText(str(path))
        QTest.keyClick(name, K.Key_Return)

    QTimer.singleShot(50, answer)


def check_export(app: App, tmp_path: Path) -> None:
    import csv

    for index, key in ((0, "code"), (2, "code")):
        app.window.tabs.setCurrentIndex(index)
        app.wait(lambda i=index: _tab_data_loaded(app, i), 15_000)
        table = app.window.tabs.currentWidget().table
        path = tmp_path / f"tab{index}.csv"
        _save_through_dialog(app, path)
        app.press(K.Key_E, CTRL)
        app.wait(path.exists, why=f"Ctrl+E wrote no file for tab {index}")
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), "no BOM"
        rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
        assert len(rows) - 1 == table.proxy.rowCount() > 0
        # Exact values: each row's numbers are the record's Decimals, without separators.
        records = {str(getattr(r, key)): r for r in table.model.records()}
        for line in rows[1:]:
            record = next(records[c] for c in line if c in records)
            price = record.price
            assert str(price) in line, (line, price)
            assert any(getattr(record, "name", "") in c for c in line)
        window = app.window
        window.activateWindow()  # offscreen has no window manager to hand the focus back
        app.back_to_main()


def key_tokens(text: str) -> set[str]:
    """Key names in a key cell: "Ctrl+1 / 2 / 3" → Ctrl+1, Ctrl+2, Ctrl+3; "Alt+1…4 (A)" →
    Alt+1 … Alt+4, A. PgDn and PgDown are one key."""
    text = text.replace("PgDn", "PgDown")
    out: set[str] = set()
    names = r"F\d{1,2}|PgUp|PgDown|Up|Down|Enter|Esc|Del|[A-Z]|\d"
    for m in re.finditer(rf"(?:(Ctrl|Alt|Shift)\+)?({names})(?:…(\d))?\b", text):
        mod, key, last = m.groups()
        if mod is None and key.isdigit():  # "/ 2" after Ctrl+1: same modifier
            prev = re.findall(r"(Ctrl|Alt|Shift)\+\d", text[: m.start()])
            mod = prev[-1] if prev else None
        keys = [str(k) for k in range(int(key), int(last) + 1)] if last else [key]
        out.update(f"{mod}+{k}" if mod else k for k in keys)
    return out


def check_key_list(app: App) -> None:
    app.press(K.Key_F1)
    app.wait(lambda: getattr(app.window, "shortcuts_box", None) is not None, why="F1: nothing")
    box = app.window.shortcuts_box
    app.wait(box.isVisible, why="F1 opened no list")
    listed = set().union(*map(key_tokens, re.findall(r"<b>(.*?)</b>", box.text())))
    documented = set().union(*(key_tokens(key) for key, _ in ROWS))
    assert documented <= listed, f"F1 does not list {sorted(documented - listed)}"
    app.wait_active(box)
    app.press(K.Key_Escape)
    app.wait(lambda: not box.isVisible(), why="the list did not close with Esc")


def _chart_ready(app: App, code: str = SAMSUNG) -> Any:
    """Ctrl+5 on a chosen symbol: the chart shown, with the keyboard, its bars loaded."""
    chart = app.window.chart
    app.press(K.Key_5, CTRL)
    app.wait(lambda: app.window.chart_dock.isVisible(), why="Ctrl+5 did not show the chart")
    app.wait(lambda: chart.view is not None and chart.view.hasFocus(), why="no keyboard")
    app.wait(
        lambda: chart.symbol is not None and chart.symbol.code == code and chart.view.bars,
        10_000,
        f"the chart never showed {code}",
    )
    return chart


def check_chart_focus(app: App) -> None:
    app.choose(SAMSUNG)
    chart = _chart_ready(app)
    closes = {b.at.date(): b.close for b in chart.view.bars}
    assert closes[max(closes)] == app.sim.market.domestic(SAMSUNG).price  # ends at the price
    app.window.holdings.table.view.setFocus()  # away, and back with the key
    app.press(K.Key_5, CTRL)
    assert chart.view.hasFocus()


def check_chart_view_keys(app: App) -> None:
    app.choose(SAMSUNG)
    view = _chart_ready(app).view
    count, loaded = view.count, len(view.bars)
    app.press(K.Key_Plus)
    assert view.count < count, "+ did not zoom in"
    app.press(K.Key_Minus)
    app.press(K.Key_Minus)
    assert view.count > count, "- did not zoom out"
    # Out past the oldest bar held: the page before it is loaded, and the view stays put.
    app.wait(lambda: len(view.bars) > loaded, 10_000, "zooming out loaded no older bars")
    app.press(K.Key_Home)
    end = view.end
    app.press(K.Key_Left)
    assert view.end < end, "Left did not pan back"
    left = view.end
    app.press(K.Key_Right)
    assert view.end > left, "Right did not pan forward"
    app.press(K.Key_Left)
    app.press(K.Key_Left)
    app.press(K.Key_Home)
    assert view.end == len(view.bars), "Home did not go to the latest bar"
    first, last = view.price.getViewBox().viewRange()[0]
    assert first < len(view.bars) - 1 < last  # the latest bar is on screen


def check_chart_periods(app: App) -> None:
    from kisdesk.services.charts import Period

    app.choose(SAMSUNG)
    chart = _chart_ready(app)
    keys = (
        (K.Key_1, Period.M1),
        (K.Key_2, Period.M3),
        (K.Key_3, Period.M5),
        (K.Key_4, Period.M10),
        (K.Key_5, Period.M30),
        (K.Key_6, Period.M60),
        (K.Key_W, Period.WEEK),
        (K.Key_M, Period.MONTH),
        (K.Key_D, Period.DAY),
    )
    for key, period in keys:
        app.press(key)
        assert chart.period is period, period
        app.wait(
            lambda p=period: (
                (s := chart.service.cached(chart.symbol, p)) is not None
                and chart.view.bars == s.bars
            ),
            10_000,
            f"{period} bars never shown",
        )
        times = [b.at for b in chart.view.bars]
        if period.minutes is not None:  # bars N minutes apart within a day
            steps = {(b - a).seconds // 60 for a, b in pairwise(times) if a.date() == b.date()}
            assert steps <= {period.minutes}, (period, steps)
        elif period is Period.WEEK:
            assert len({t.isocalendar()[:2] for t in times}) == len(times)
        elif period is Period.MONTH:
            assert len({(t.year, t.month) for t in times}) == len(times)


def check_chart_png(app: App, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    app.choose(SAMSUNG)
    chart = _chart_ready(app)
    path = tmp_path / "chart.png"
    _save_through_dialog(app, path)
    app.press(K.Key_P)
    app.wait(path.exists, why="P wrote no PNG")
    image = QImage(str(path))
    assert not image.isNull() and image.width() == chart.width()
    app.window.activateWindow()
    app.back_to_main()


CHECKS: dict[str, Callable[..., None]] = {
    "F5": check_refresh,
    "Ctrl+1 / 2 / 3 / 4": check_tabs,
    "Ins / F2 / Del, Ctrl+Up / Down (in the watchlist)": check_watchlist_keys,
    "Enter or double-click on a holding / ranking row": check_row_prefill,
    "F2": check_symbol_field,
    "F8": check_overseas_switch,
    "F9 / F10 (B / S in the panel)": check_side_keys,
    "T": check_order_types,
    "Up / Down, PgUp / PgDn": check_price_ticks,
    "C / U / L": check_price_levels,
    "Up / Down, Alt+1…4 (A)": check_quantity_keys,
    "Enter, then Enter / Esc": check_review_send,
    "Esc": check_clear,
    "F12, then Up / Down, Enter or click / Esc": check_ladder,
    "F11, then Del / M": check_open_orders,
    "Ctrl+E": check_export,
    "Ctrl+5": check_chart_focus,
    "+ / −, ← / →, Home (in the chart)": check_chart_view_keys,
    "1…6, D / W / M (in the chart)": check_chart_periods,
    "P (in the chart)": check_chart_png,
    "F1": check_key_list,
}


def test_the_readme_has_a_key_table():
    assert len(ROWS) >= 10
    stale = set(CHECKS) - {key for key, _ in ROWS}
    assert not stale, f"checks for keys the README no longer lists: {sorted(stale)}"


@pytest.mark.parametrize(("key", "does"), ROWS, ids=[key for key, _ in ROWS])
def test_readme_key(start, tmp_path, key, does):
    check = CHECKS.get(key)
    if check is None:
        pytest.fail(f"README documents {key!r} ({does}) but no test checks it")
    extras = {"tmp_path": tmp_path, "start": start}
    wanted = check.__code__.co_varnames[1 : check.__code__.co_argcount]
    check(start(), **{name: extras[name] for name in wanted})
