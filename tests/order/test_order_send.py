"""Validation before sending, exactly-once sending, reconciliation of a lost answer, real-mode
confirmation — against the simulator, keyboard only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from order_helpers import (
    ORDER_CASH,
    choose_symbol,
    press,
    replace_text,
    settle,
    to_field,
    type_ascii,
    wait_dialog,
    wait_for,
)
from PySide6.QtCore import QCoreApplication, Qt

from kisdesk.domain.format import fmt_int, fmt_krw
from kisdesk.domain.order_rules import MESSAGES, Problem
from kisdesk.domain.order_state import OrderState
from kisdesk.domain.ticks import round_to_tick, tick_size

K = Qt.Key
CODE = "005930"


def message(code: str, **args: str) -> str:
    return Problem("order", code, args).render(QCoreApplication.translate)


def fill_order(qtbot, desk, qty: str, price: str | None = None) -> None:
    """Symbol, price (default: the prefilled current price) and quantity, by keyboard."""
    choose_symbol(qtbot, desk, CODE)
    if price is not None:
        to_field(qtbot, desk, desk.panel.price_edit)
        replace_text(qtbot, desk, price)
    to_field(qtbot, desk, desk.panel.qty_edit)
    replace_text(qtbot, desk, qty)
    settle(qtbot, desk)


def enter_sends_nothing(qtbot, desk) -> None:
    before = desk.order_posts()
    press(qtbot, desk.window, K.Key_Return)
    settle(qtbot, desk)
    assert desk.panel.dialog is None
    assert desk.order_posts() == before
    assert not desk.panel.submit_button.isEnabled()


def test_empty_and_unknown_symbol(qtbot, make_desk):
    desk = make_desk("demo")
    p = desk.panel
    press(qtbot, desk.window, K.Key_F2)
    enter_sends_nothing(qtbot, desk)
    assert p.errors["symbol"].text() == message("symbol_empty")
    type_ascii(qtbot, desk.window, "999999")
    assert not p.symbol_edit.popup_visible()
    enter_sends_nothing(qtbot, desk)
    assert p.errors["symbol"].text() == message("symbol_unknown", text="999999")
    assert (
        desk.sim.stats.requests_to(ORDER_CASH) == 0
        if hasattr(desk.sim.stats, "requests_to")
        else True
    )


def test_every_field_message_and_no_request(qtbot, make_desk):
    desk = make_desk("demo")
    p, sim = desk.panel, desk.sim
    q = sim.market.domestic(CODE)
    tick = tick_size(q.price)
    acct = sim.account("demo")
    cash = sim.orders.buying_power(acct)
    fill_order(qtbot, desk, "1")
    assert p.submit_button.isEnabled()
    requests_before = sim.stats.requests

    cases = [
        ("price", str(q.price + tick // 2), "price_off_tick", None),
        (
            "price",
            str(q.upper + tick_size(q.upper)),
            "price_above_upper",
            {"upper": fmt_krw(q.upper)},
        ),
        (
            "price",
            str(q.lower - tick_size(q.lower - 1)),
            "price_below_lower",
            {"lower": fmt_krw(q.lower)},
        ),
        ("price", "", "price_empty", {}),
        ("price", "0", "price_not_positive", {}),
    ]
    for field, text, code, args in cases:
        to_field(qtbot, desk, p.price_edit)
        replace_text(qtbot, desk, text)
        enter_sends_nothing(qtbot, desk)
        if args is None:
            off = q.price + tick // 2
            args = {
                "tick": fmt_krw(tick),
                "below": fmt_krw(round_to_tick(off)),
                "above": fmt_krw(round_to_tick(off, up=True)),
            }
        assert p.errors[field].text() == message(code, **args), code
    to_field(qtbot, desk, p.price_edit)
    press(qtbot, desk.window, K.Key_C)
    settle(qtbot, desk)

    max_buy = int(cash // q.price)
    for text, code, args in [
        ("", "qty_empty", {}),
        ("0", "qty_not_positive", {}),
        ("99999999999", "qty_too_large", {}),
        (str(max_buy + 1), "qty_over_buyable", {"max": fmt_int(max_buy)}),
    ]:
        to_field(qtbot, desk, p.qty_edit)
        replace_text(qtbot, desk, text)
        settle(qtbot, desk)
        enter_sends_nothing(qtbot, desk)
        assert p.errors["quantity"].text() == message(code, **args), code

    # 시장가: sized at the upper limit, not at the current price.
    press(qtbot, desk.window, K.Key_T)
    settle(qtbot, desk)
    max_market = int(cash // q.upper)
    assert max_market < max_buy
    to_field(qtbot, desk, p.qty_edit)
    replace_text(qtbot, desk, str(max_market + 1))
    settle(qtbot, desk)
    enter_sends_nothing(qtbot, desk)
    assert p.errors["quantity"].text() == message(
        "qty_over_buyable_market", max=fmt_int(max_market), upper=fmt_krw(q.upper)
    )
    replace_text(qtbot, desk, str(max_market))
    settle(qtbot, desk)
    assert p.submit_button.isEnabled()

    # 매도: no more than the sellable quantity.
    press(qtbot, desk.window, K.Key_S)
    settle(qtbot, desk)
    sellable = sim.orders.sellable(acct, CODE)
    replace_text(qtbot, desk, str(sellable + 1))
    settle(qtbot, desk)
    enter_sends_nothing(qtbot, desk)
    assert p.errors["quantity"].text() == message("qty_over_sellable", max=fmt_int(sellable))

    # Nothing above sent an order; reads (quotes, buying power) are all the simulator saw.
    assert desk.order_posts() == 0
    assert sim.stats.orders_received == 0
    assert sim.stats.requests > requests_before  # the reads did happen


def test_all_rule_messages_have_a_test():
    # Field messages are checked above through the keyboard; the transient ones (waiting for a
    # quote / buying power, halted, type not offered) in tests/order/test_order_rules.py.
    assert {"quote_missing", "halted", "buying_power_missing", "sellable_missing"} <= set(MESSAGES)


def test_double_enter_sends_one_order(qtbot, make_desk):
    desk = make_desk("demo", confirm=False)
    fill_order(qtbot, desk, "2")
    assert desk.panel.submit_button.isEnabled()
    press(qtbot, desk.window, K.Key_Return)
    press(qtbot, desk.window, K.Key_Return)
    assert not desk.panel.submit_button.isEnabled()  # disabled while in flight
    service = desk.dock.service
    wait_for(qtbot, lambda: service.tracked and service.tracked[0].state is not OrderState.SENDING)
    settle(qtbot, desk)
    press(qtbot, desk.window, K.Key_Return)  # within the debounce window: still one order
    settle(qtbot, desk)
    assert desk.order_posts() == 1
    assert len(service.tracked) == 1


def test_double_enter_with_confirmation_sends_one_order(qtbot, make_desk):
    desk = make_desk("demo")  # confirmation on (default)
    fill_order(qtbot, desk, "2")
    press(qtbot, desk.window, K.Key_Return)
    wait_dialog(qtbot, desk.panel.dialog)
    press(qtbot, desk.window, K.Key_Return)
    press(qtbot, desk.window, K.Key_Return)
    settle(qtbot, desk)
    assert desk.order_posts() == 1
    if desk.panel.dialog is not None:  # the third Enter may open a new review: it sends nothing
        wait_dialog(qtbot, desk.panel.dialog)
        press(qtbot, desk.window, K.Key_Escape)
    settle(qtbot, desk)
    assert desk.order_posts() == 1


@pytest.mark.parametrize("resting", [False, True])
def test_dropped_response_is_one_order_reconciled(qtbot, make_desk, resting):
    desk = make_desk("demo", confirm=False, guard_ticks=0)
    sim = desk.sim
    q = sim.market.domestic(CODE)
    # A marketable price fills at once; one far below rests.
    price = q.lower if resting else q.price
    fill_order(qtbot, desk, "3", price=str(price))
    sim.faults.add("drop_response", path_prefix=ORDER_CASH, count=1)
    states: list[OrderState] = []
    desk.dock.service.order_updated.connect(lambda o: states.append(o.state))
    before = set(sim.orders.orders)
    press(qtbot, desk.window, K.Key_Return)
    service = desk.dock.service
    wait_for(qtbot, lambda: service.tracked)
    order = service.tracked[0]
    expected = OrderState.ACCEPTED if resting else OrderState.FILLED
    wait_for(qtbot, lambda: order.state is expected, timeout=15_000)
    assert OrderState.UNKNOWN in states  # shown as "unknown — checking" first
    new = set(sim.orders.orders) - before
    assert desk.order_posts() == 1 and len(new) == 1  # sent once, never again
    (odno,) = new
    assert order.order_no == odno
    assert sim.stats.faults_fired.get("drop_response") == 1


def test_rejection_shows_msg1_verbatim(qtbot, make_desk):
    desk = make_desk("demo", confirm=False)
    fill_order(qtbot, desk, "1")
    desk.sim.faults.add("error", path_prefix=ORDER_CASH, count=1, msg_cd="APBK0952", status=200)
    press(qtbot, desk.window, K.Key_Return)
    service = desk.dock.service
    wait_for(qtbot, lambda: service.tracked and service.tracked[0].state is OrderState.REJECTED)
    msg1 = service.tracked[0].message
    assert msg1 and msg1 in desk.panel.result_label.text()


def test_real_mode_confirmation_cannot_be_disabled(qtbot, make_desk):
    desk = make_desk("real", confirm=False)  # the stored "off" must not count in real mode
    box = desk.dock.confirm_box
    assert box.isChecked() and not box.isEnabled()
    box.setChecked(False)  # even programmatically it snaps back
    assert box.isChecked()
    fill_order(qtbot, desk, "1")
    press(qtbot, desk.window, K.Key_Return)
    dialog = desk.panel.dialog
    assert dialog is not None
    wait_dialog(qtbot, dialog)
    assert dialog.badge.env == "real"
    settle(qtbot, desk)
    assert desk.order_posts() == 0
    press(qtbot, desk.window, K.Key_Escape)
    assert desk.panel.dialog is None and desk.order_posts() == 0


def test_fat_finger_guard_asks_again(qtbot, make_desk):
    desk = make_desk("demo", confirm=False, guard_ticks=3)
    q = desk.sim.market.domestic(CODE)
    far = q.price
    for _ in range(5):
        far = far + tick_size(far)
    fill_order(qtbot, desk, "1", price=str(far))
    press(qtbot, desk.window, K.Key_Return)
    dialog = desk.panel.dialog
    assert dialog is not None and dialog.stage == dialog.STAGE_GUARD  # confirmation off: guard only
    wait_dialog(qtbot, dialog)
    assert "5" in dialog.warning.text()
    press(qtbot, desk.window, K.Key_Return)  # Enter does not pass the guard
    assert desk.panel.dialog is dialog and desk.order_posts() == 0
    press(qtbot, desk.window, K.Key_Y)
    wait_for(qtbot, lambda: desk.order_posts() == 1)
    assert Decimal(far) == desk.dock.service.tracked[0].price


def test_hashkey_only_when_the_setting_is_on(qtbot, make_desk):
    for on in (False, True):
        desk = make_desk("demo", confirm=False, hashkey=on)
        assert desk.session.client.use_hashkey is on
        fill_order(qtbot, desk, "1")
        press(qtbot, desk.window, K.Key_Return)
        service = desk.dock.service
        wait_for(qtbot, lambda s=service: s.tracked and s.tracked[0].state is OrderState.FILLED)
        assert desk.order_posts() == 1
        assert desk.sim.stats.by_path.get("/uapi/hashkey", 0) == (1 if on else 0)
