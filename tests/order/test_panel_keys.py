"""Keyboard behaviour of the panel: tick stepping over every band edge, quantity by percent,
Korean symbol search, side keys, prefill from holdings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from order_helpers import choose_symbol, press, replace_text, settle, to_field, type_hangul
from PySide6.QtCore import Qt

from kisdesk.domain.format import fmt_krw
from kisdesk.domain.order_rules import quantity_for_percent
from kisdesk.domain.order_types import Side, available_types
from kisdesk.domain.ticks import step_price, tick_size
from kisdesk.sim.clock import SimClock
from kisdesk.sim.market import Market

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
EDGES = (2_000, 5_000, 20_000, 50_000, 200_000, 500_000)


def _candidates(market: Market) -> dict[int, str] | None:
    """For every band edge, a share whose daily band holds the edge with room on both sides."""
    found: dict[int, str] = {}
    for code, listing in sorted(market.listings.items()):
        if listing.kind != "stock":
            continue
        q = market.domestic(code)
        if q is None:
            continue
        for edge in EDGES:
            e = Decimal(edge)
            if (
                edge not in found
                and q.lower < e * Decimal("0.97")
                and q.upper > e * Decimal("1.03")
            ):
                found[edge] = code
        if len(found) == len(EDGES):
            return found
    return None


@pytest.fixture(scope="module")
def edge_seed() -> tuple[int, dict[int, str]]:
    """A simulator seed whose market has a share around each of the six band edges (few prices
    reach 500,000, so not every seed does)."""
    now = SimClock().now()
    for seed in range(1, 400):
        found = _candidates(Market(seed, now))
        if found:
            return seed, found
    pytest.fail("no seed with a share at every band edge")


def test_tick_stepping_across_every_band_edge(qtbot, make_desk, edge_seed):
    seed, codes = edge_seed
    desk = make_desk("demo", seed=seed)
    panel = desk.panel
    for edge, code in sorted(codes.items()):
        e = Decimal(edge)
        below = e - tick_size(e - 1)  # the last price of the lower band
        above = e + tick_size(e)
        choose_symbol(qtbot, desk, code)
        to_field(qtbot, desk, panel.price_edit)
        replace_text(qtbot, desk, str(below))
        seen = [fmt_krw(panel.price_edit.text())]
        for key in (K.Key_Up, K.Key_Up, K.Key_Down, K.Key_Down):
            press(qtbot, desk.window, key)
            seen.append(panel.price_edit.text())
        assert seen == [fmt_krw(p) for p in (below, e, above, e, below)], (edge, code)
        press(qtbot, desk.window, K.Key_PageUp)
        assert panel.price_edit.text() == fmt_krw(step_price(below, 5))
        press(qtbot, desk.window, K.Key_PageDown)
        assert panel.price_edit.text() == fmt_krw(below)
        assert not panel.errors["price"].isVisible()  # every stepped price is on the grid


def test_pre_2023_tick_example_is_not_used(qtbot, make_desk, edge_seed):
    seed, codes = edge_seed
    desk = make_desk("demo", seed=seed)
    choose_symbol(qtbot, desk, codes[2_000])
    to_field(qtbot, desk, desk.panel.price_edit)
    replace_text(qtbot, desk, "1995")
    press(qtbot, desk.window, K.Key_Up)
    assert desk.panel.price_edit.text() == "1,996"  # 2023 table: tick 1 below 2,000


def test_price_keys_current_upper_lower_and_limits_stop_stepping(qtbot, make_desk):
    desk = make_desk("demo")
    panel = desk.panel
    choose_symbol(qtbot, desk, "005930")
    q = desk.sim.market.domestic("005930")
    to_field(qtbot, desk, panel.price_edit)
    press(qtbot, desk.window, K.Key_U)
    assert panel.price_edit.text() == fmt_krw(q.upper)
    press(qtbot, desk.window, K.Key_Up)  # no step past the upper limit
    assert panel.price_edit.text() == fmt_krw(q.upper)
    press(qtbot, desk.window, K.Key_L)
    assert panel.price_edit.text() == fmt_krw(q.lower)
    press(qtbot, desk.window, K.Key_Down)
    assert panel.price_edit.text() == fmt_krw(q.lower)
    press(qtbot, desk.window, K.Key_C)
    assert panel.price_edit.text() == fmt_krw(q.price)


@pytest.mark.parametrize("side", [Side.BUY, Side.SELL])
def test_quantity_by_percent(qtbot, make_desk, side):
    desk = make_desk("demo")
    panel, sim = desk.panel, desk.sim
    code = "005930"
    choose_symbol(qtbot, desk, code)
    if side is Side.SELL:
        press(qtbot, desk.window, K.Key_F10)
        settle(qtbot, desk)
    acct = sim.account("demo")
    q = sim.market.domestic(code)
    if side is Side.BUY:
        maximum = int(sim.orders.buying_power(acct) // q.price)  # limit order at the current price
    else:
        maximum = sim.orders.sellable(acct, code)
    assert maximum > 10
    to_field(qtbot, desk, panel.qty_edit)
    for key, pct in ((K.Key_1, 10), (K.Key_2, 25), (K.Key_3, 50), (K.Key_4, 100)):
        press(qtbot, desk.window, key, ALT)
        assert panel.qty_edit.text() == str(quantity_for_percent(maximum, pct)), pct
    press(qtbot, desk.window, K.Key_Up)
    assert panel.qty_edit.text() == str(maximum + 1)
    assert panel.errors["quantity"].isVisible() and not panel.submit_button.isEnabled()
    press(qtbot, desk.window, K.Key_Down)
    press(qtbot, desk.window, K.Key_Down)
    assert panel.qty_edit.text() == str(maximum - 1)
    press(qtbot, desk.window, K.Key_A)  # the second key for 100%
    assert panel.qty_edit.text() == str(maximum)


@pytest.mark.parametrize("typed", ["ㅅㅅㅈㅈ", "삼전", "삼성"])
def test_korean_search_finds_samsung_at_once(qtbot, make_desk, typed):
    desk = make_desk("demo")
    press(qtbot, desk.window, K.Key_F2)
    type_hangul(desk.window, typed)
    edit = desk.panel.symbol_edit
    assert edit.popup_visible()
    assert edit.suggestions()[0].code == "005930"
    press(qtbot, desk.window, K.Key_Return)
    assert desk.panel.symbol.code == "005930"
    assert edit.text() == "삼성전자 (005930)"


def test_side_keys_colour_the_panel(qtbot, make_desk):
    desk = make_desk("demo")
    panel = desk.panel
    palette = panel.palette
    press(qtbot, desk.window, K.Key_F10)
    assert panel.side is Side.SELL and palette.down in panel.styleSheet()
    assert panel.symbol_edit.hasFocus()  # no symbol yet: F10 goes to the symbol field
    choose_symbol(qtbot, desk, "005930")
    to_field(qtbot, desk, panel.price_edit)
    press(qtbot, desk.window, K.Key_B)  # B/S inside the panel
    assert panel.side is Side.BUY and palette.up in panel.styleSheet()
    press(qtbot, desk.window, K.Key_S)
    assert panel.side is Side.SELL
    press(qtbot, desk.window, K.Key_F9)
    assert panel.side is Side.BUY and panel.qty_edit.hasFocus()
    press(qtbot, desk.window, K.Key_T)  # next order type: 시장가 disables the price
    assert panel.order_type.code == "01" and not panel.price_edit.isEnabled()
    # On to the real server's other types (price only where the type has one), then round.
    seen = []
    for _ in range(len(available_types("real")) - 1):
        press(qtbot, desk.window, K.Key_T)
        seen.append(panel.order_type.code)
        assert panel.price_edit.isEnabled() == panel.order_type.needs_price
    assert seen == ["03", "04", "11", "12", "13", "14", "15", "16", "00"]


def test_tab_walks_the_fields_in_order(qtbot, make_desk):
    desk = make_desk("demo")
    p = desk.panel
    choose_symbol(qtbot, desk, "005930")
    press(qtbot, desk.window, K.Key_F2)
    expected = [p.side_combo, p.type_combo, p.price_edit, p.qty_edit]
    for widget in expected:
        press(qtbot, desk.window, K.Key_Tab)
        assert widget.hasFocus(), widget.objectName()
    replace_text(qtbot, desk, "1")
    settle(qtbot, desk)
    press(qtbot, desk.window, K.Key_Tab)
    assert p.submit_button.hasFocus()


def test_esc_clears_the_panel(qtbot, make_desk):
    desk = make_desk("demo")
    p = desk.panel
    choose_symbol(qtbot, desk, "005930")
    to_field(qtbot, desk, p.qty_edit)
    replace_text(qtbot, desk, "3")
    press(qtbot, desk.window, K.Key_Escape)
    assert p.symbol is None and p.symbol_edit.text() == "" and p.qty_edit.text() == ""
    assert p.symbol_edit.hasFocus()


def test_prefill_sell_from_a_holding(qtbot, make_desk, run_async):
    desk = make_desk("demo")
    balance = run_async(desk.session.client.domestic_balance())
    holding = next(h for h in balance.holdings if h.orderable_qty > 0)
    desk.dock.prefill_sell(holding)
    p = desk.panel
    assert p.side is Side.SELL and p.symbol.code == holding.code
    assert p.qty_edit.text() == str(int(holding.orderable_qty)) and p.qty_edit.hasFocus()
    settle(qtbot, desk)
    assert p.max_label.text() == fmt_krw(holding.orderable_qty)


def test_rebinding_is_live_and_persists(qtbot, make_desk):
    from kisdesk.ui.keymap import Keymap, KeymapEditor

    desk = make_desk("demo")
    keymap = desk.dock.keymap
    keymap.set("sell", ["F7"])
    keymap.set("price_up", ["Ctrl+Up"])
    press(qtbot, desk.window, K.Key_F10)  # unbound now
    assert desk.panel.side is Side.BUY
    press(qtbot, desk.window, K.Key_F7)
    assert desk.panel.side is Side.SELL
    choose_symbol(qtbot, desk, "005930")
    to_field(qtbot, desk, desk.panel.price_edit)
    price = desk.panel.price_edit.text()
    press(qtbot, desk.window, K.Key_Up)
    assert desk.panel.price_edit.text() == price  # plain Up no longer steps
    press(qtbot, desk.window, K.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert desk.panel.price_edit.text() != price
    # Stored in QSettings: a new keymap (the next start) has the user's keys.
    again = Keymap(desk.settings)
    assert again.text("sell") == "F7" and again.action_for is not None
    editor = KeymapEditor(again)
    qtbot.addWidget(editor)
    assert editor.editors["sell"].keySequence().toString() == "F7"
    again.reset()
    assert Keymap(desk.settings).text("sell") == "F10"
    assert not Keymap(desk.settings).conflicts()


def test_cheat_sheet_lists_every_binding(qtbot, make_desk):
    from kisdesk.ui.keymap import DEFAULT_KEYMAP

    desk = make_desk("demo")
    press(qtbot, desk.window, K.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    sheet = desk.dock.cheat_sheet
    assert sheet is not None and sheet.isVisible()
    rows = desk.dock.cheat_sheet_rows()
    assert len(rows) >= len(DEFAULT_KEYMAP)
    for row in rows[: len(DEFAULT_KEYMAP)]:
        assert row[1] and row[1] in sheet.label.text()
    sheet.close()


def test_fresh_panel_is_quiet_until_enter(qtbot, make_desk):
    """No wall of red on an untouched panel; Enter shows every field's message; Esc quiets it."""
    desk = make_desk("demo")
    p = desk.panel
    p.focus_symbol()
    assert not any(label.isVisibleTo(p) for label in p.errors.values())
    assert not p.submit_button.isEnabled()  # still cannot send
    assert p.reason_is_hint and "#757575" in p.reason_label.styleSheet()  # why, in grey
    press(qtbot, desk.window, K.Key_Return)
    visible = {name for name, label in p.errors.items() if label.isVisibleTo(p)}
    assert {"symbol", "quantity"} <= visible
    assert not p.reason_is_hint and "#c62828" in p.reason_label.styleSheet()  # now an error
    assert desk.order_posts() == 0
    press(qtbot, desk.window, K.Key_Escape)
    assert not any(label.isVisibleTo(p) for label in p.errors.values())
    assert p.reason_is_hint
