"""Property: no sequence of keystrokes on the overseas panel sends an order that breaks the
market's rules — tick, lot, order type, session.

The simulator judges, in its KRX-clock mode with the wall clock on a Monday at 12:00 KST: the
US daytime session is on (limit only, well-known issues only), Hong Kong and Shanghai are open,
Tokyo is at lunch (closed). It refuses an order off the tick grid, out of lot, of a type the TR
does not take or for a closed market; after every example it must have refused nothing, and
every order it booked must obey the rules (checked again here with the simulator's own tick and
lot tables)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from order_helpers import press, wait_dialog, wait_main
from ovs_helpers import K, ovs_desk, ovs_settle, search_overseas
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_overseas_panel_keys import _set_clock
from test_random_keys import DIGITS, ENTER, SWITCH
from test_random_keys import KEYS as DOMESTIC_KEYS

from kisdesk.domain.order_types import Side
from kisdesk.domain.overseas_orders import offered_types
from kisdesk.sim.market import overseas_tick
from kisdesk.sim.universe import daytime_tradable, lot_of

__all__ = ["ovs_desk"]
M = Qt.KeyboardModifier
NONE = M.NoModifier

# The domestic property's keys, and the decimal point overseas prices take.
KEYS = st.one_of(DOMESTIC_KEYS, st.just((K.Key_Period, NONE)))
# Runs a trader types (a quantity, Enter to review, Enter to send) among single random keys.
# A size: typed digits (mostly not whole lots: refused here) or a share of the maximum (in lots).
SIZES = st.one_of(
    st.lists(DIGITS, min_size=1, max_size=3),
    st.sampled_from([K.Key_1, K.Key_2, K.Key_3, K.Key_4]).map(lambda k: [(k, M.AltModifier)]),
)
CHUNKS = st.one_of(
    KEYS.map(lambda k: [k]),
    st.tuples(SWITCH, SIZES).map(lambda sw_ds: [*sw_ds[0], *sw_ds[1], ENTER, ENTER]),
)
SEQUENCES = st.lists(CHUNKS, min_size=1, max_size=10).map(lambda cs: [k for c in cs for k in c])
# (search text, code): US daytime, Hong Kong (lot 100), Shanghai, Tokyo at lunch.
SYMBOLS = {
    "us": ("AAPL", "AAPL"),
    "hk": ("00700", "00700"),
    "sh": ("601318", "601318"),
    "jp": ("7203", "7203"),
}


def _dialog(desk):
    return desk.dock.ovs_panel.dialog or desk.dock.open_orders.dialog


def _close_dialogs(qtbot, desk) -> None:
    for _ in range(3):
        dialog = _dialog(desk)
        if dialog is None:
            return
        wait_dialog(qtbot, dialog)
        press(qtbot, desk.window, K.Key_Escape)
        ovs_settle(qtbot, desk)


def test_random_keys_never_send_an_order_that_breaks_the_market_rules(qtbot, ovs_desk, run_async):
    desk = ovs_desk("demo", hours="krx", account="large")
    sim = desk.sim
    _set_clock(run_async, desk, "2026-11-23T12:00")
    panel = desk.dock.ovs_panel

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(keys=SEQUENCES, confirm=st.booleans(), which=st.sampled_from(sorted(SYMBOLS)))
    def example(keys, confirm, which):
        panel.settings.confirm = confirm
        panel.settings.guard_ticks = 5
        _close_dialogs(qtbot, desk)
        wait_main(qtbot, desk)
        panel.clear()
        search_overseas(qtbot, desk, *SYMBOLS[which])
        press(qtbot, desk.window, K.Key_F9)  # 매수, keys start on the quantity
        for key, modifier in keys:
            dialog = _dialog(desk)
            if dialog is not None:
                wait_dialog(qtbot, dialog)
            elif QApplication.activeWindow() is not desk.window:
                wait_main(qtbot, desk)
            press(qtbot, desk.window, key, modifier)
            ovs_settle(qtbot, desk)
        _close_dialogs(qtbot, desk)

        assert sim.stats.orders_rejected == 0, sim.stats.by_msg_cd
        for order in sim.orders.orders.values():
            if order.action != "new" or order.exchange == "KRX":
                continue
            daytime = order.session == "daytime"
            assert order.exchange != "TKSE"  # Tokyo is at lunch: nothing may go there
            side = Side.BUY if order.side == "buy" else Side.SELL
            codes = [t.code for t in offered_types(order.exchange, side, daytime=daytime)]
            assert order.ord_dvsn in codes, order
            assert order.qty > 0 and order.qty % lot_of(order.exchange, order.code) == 0
            if order.price > 0:
                assert order.price % overseas_tick(order.exchange, order.price) == Decimal(0)
            if order.exchange == "NASD":
                assert daytime and daytime_tradable(order.exchange, order.code)

    example()
    assert sim.stats.orders_received > 0  # the property was exercised: orders did go out
