"""Property: no sequence of keystrokes makes the panel send an order that breaks a rule.

The simulator is the judge: it refuses an order off the tick grid (SIM00001), outside the daily
band (SIM00002), over the sellable quantity (SIM00003), with a bad quantity (SIM00004) or over
buying power (APBK0952). Random keys — digits, arrows, price and quantity keys, side and type
keys, Tab, Enter, Esc, Y — are pressed on a panel holding a symbol; after every example the
simulator must have refused nothing, and every order it booked must obey the rules.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from order_helpers import choose_symbol, press, settle, wait_dialog, wait_main
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kisdesk.domain.order_types import order_type
from kisdesk.domain.ticks import is_on_tick

K = Qt.Key
M = Qt.KeyboardModifier
NONE = M.NoModifier

KEYS = st.sampled_from(
    [(getattr(K, f"Key_{d}"), NONE) for d in "0123456789" * 2]
    + [(k, NONE) for k in (K.Key_Up, K.Key_Down, K.Key_PageUp, K.Key_PageDown)]
    + [(k, NONE) for k in (K.Key_C, K.Key_U, K.Key_L, K.Key_B, K.Key_S, K.Key_T, K.Key_A)]
    + [(k, M.AltModifier) for k in (K.Key_1, K.Key_2, K.Key_3, K.Key_4)]
    + [(K.Key_Tab, NONE), (K.Key_Backtab, M.ShiftModifier), (K.Key_Backspace, NONE)]
    + [(K.Key_Return, NONE)] * 8
    + [(K.Key_Y, NONE)] * 2
    + [(K.Key_Escape, NONE), (K.Key_F9, NONE), (K.Key_F10, NONE)]
)

DIGITS = st.sampled_from([(getattr(K, f"Key_{d}"), NONE) for d in "0123456789"])
ENTER = (K.Key_Return, NONE)
# Runs of keys a trader types (a quantity, then Enter to review and Enter to confirm), mixed with
# single random keys: without them almost no example would get as far as a send.
SWITCH = st.sampled_from([[], [(K.Key_F10, NONE)], [(K.Key_T, NONE)], [(K.Key_U, NONE)]])
CHUNKS = st.one_of(
    KEYS.map(lambda k: [k]),
    st.tuples(SWITCH, st.lists(DIGITS, min_size=1, max_size=3)).map(
        lambda sw_ds: [*sw_ds[0], *sw_ds[1], ENTER, ENTER]
    ),
)
SEQUENCES = st.lists(CHUNKS, min_size=1, max_size=10).map(lambda cs: [k for c in cs for k in c])


def _wait_for_dialogs(qtbot, desk) -> None:
    """Keys go where a person's would: into a dialog once it is up, back to the window after."""
    dialog = desk.panel.dialog or desk.dock.open_orders.dialog
    if dialog is not None:
        wait_dialog(qtbot, dialog)
    elif QApplication.activeWindow() is not desk.window:
        wait_main(qtbot, desk)


def _close_dialogs(qtbot, desk) -> None:
    for _ in range(3):
        dialog = desk.panel.dialog or desk.dock.open_orders.dialog
        if dialog is None:
            return
        wait_dialog(qtbot, dialog)
        press(qtbot, desk.window, K.Key_Escape)
        settle(qtbot, desk)


def _cheap_code(desk) -> str:
    market = desk.sim.market
    return next(
        c
        for c, li in sorted(market.listings.items())
        if li.kind == "stock" and (q := market.domestic(c)) is not None and q.price < 3000
    )


def test_random_keys_never_send_a_rule_breaking_order(qtbot, make_desk):
    # One desk (window + simulator) for all examples: starting a simulator per example would
    # dominate the run time. Two held shares (so 매도 can pass) and a cheap one (so typed
    # quantities fit the cash).
    desk = make_desk("demo")
    sim, panel = desk.sim, desk.panel
    codes = {"held": "005930", "held2": "035720", "cheap": _cheap_code(desk)}

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(keys=SEQUENCES, confirm=st.booleans(), which=st.sampled_from(sorted(codes)))
    def example(keys, confirm, which):
        panel.settings.confirm = confirm
        panel.settings.guard_ticks = 5  # the guard's second question is part of the key space
        _close_dialogs(qtbot, desk)
        wait_main(qtbot, desk)
        panel.clear()
        choose_symbol(qtbot, desk, codes[which])
        press(qtbot, desk.window, K.Key_F9)  # 매수, focus on the quantity: keys start there
        for key, modifier in keys:
            _wait_for_dialogs(qtbot, desk)
            press(qtbot, desk.window, key, modifier)
            settle(qtbot, desk)
        _close_dialogs(qtbot, desk)

        assert sim.stats.orders_rejected == 0, sim.stats.by_msg_cd
        for order in sim.orders.orders.values():
            if order.action != "new":
                continue
            q = sim.market.domestic(order.code)
            assert order.qty > 0
            if order_type(order.ord_dvsn).needs_price:
                assert is_on_tick(order.price, q.tkind) and q.lower <= order.price <= q.upper
            elif order.ord_dvsn == "01":
                assert order.price == Decimal(0)
            else:  # best-price types: the simulator books them at the price they took
                assert order.price == 0 or q.lower <= order.price <= q.upper

    example()
    # The property was exercised, not vacuous: some sequences did send orders.
    assert sim.stats.orders_received > 0
