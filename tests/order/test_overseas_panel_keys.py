"""The overseas order panel driven by keys only, against the simulator over TCP: a US limit buy
from the symbol search to its fill, a Tokyo odd quantity refused locally, a Shanghai modify
refused locally and its cancel accepted, the US daytime session routed to TTTS6036U inside it
and refused outside it, paper's US sell TR, and a lost answer reconciled with one order."""

from __future__ import annotations

from decimal import Decimal

from order_helpers import press, type_ascii, wait_for
from ovs_helpers import (
    OVS_ORDER,
    K,
    ovs_desk,
    ovs_posts,
    ovs_settle,
    review_and_send,
    search_overseas,
)
from PySide6.QtCore import Qt

from kisdesk.domain.order_state import OrderState

__all__ = ["ovs_desk"]  # the fixture, imported for pytest
ALT = Qt.KeyboardModifier.AltModifier


def test_us_limit_buy_from_symbol_search_to_fill(qtbot, ovs_desk):
    desk = ovs_desk("demo")
    sim = desk.sim
    panel = search_overseas(qtbot, desk, "apple", "AAPL")
    assert panel.exchange == "NASD" and panel.currency == "USD"
    q = sim.market.overseas("NASD", "AAPL")
    # The quote in its currency, the types the TR takes, and why there is no market order.
    assert panel.quote_header.price_label.text().endswith(" USD")
    assert [panel.type_combo.itemData(i) for i in range(panel.type_combo.count())] == [
        "00",
        "32",
        "34",
    ]
    assert "no market orders" in panel.types_note.text() and panel.types_note.isVisible()
    press(qtbot, desk.window, K.Key_F9)  # 매수: keys go to the quantity
    assert panel.qty_edit.hasFocus()
    type_ascii(qtbot, desk.window, "2")
    press(qtbot, desk.window, K.Key_Backtab)  # to the price: two ticks over the market
    assert panel.price_edit.hasFocus()
    press(qtbot, desk.window, K.Key_Up)
    press(qtbot, desk.window, K.Key_Up)
    price = q.price + 2 * q.tick()
    assert Decimal(panel.price_edit.text().replace(",", "")) == price
    assert panel.amount_label.text() == f"{price * 2:,.2f} USD"
    assert panel.krw_label.text().startswith("≈ ") and "KRW" in panel.krw_label.text()
    assert "USD" in panel.power_label.text() and "KRW" in panel.power_label.text()
    texts = review_and_send(qtbot, desk)
    assert any("나스닥 (NASD)" in t for t in texts) and any(t.endswith(" USD") for t in texts)
    service = desk.dock.service
    wait_for(
        qtbot, lambda: service.tracked and service.tracked[-1].state is OrderState.FILLED, 10_000
    )
    assert sim.stats.by_tr_id["TTTT1002U"] == 1
    assert sim.account("demo").ovs[("NASD", "AAPL")].qty >= 2


def test_tokyo_odd_quantity_refused_locally(qtbot, ovs_desk):
    desk = ovs_desk("demo", account="large")
    panel = search_overseas(qtbot, desk, "7203", "7203")
    assert (panel.exchange, panel.currency) == ("TKSE", "JPY")
    assert "Lot 100" in panel.quote_header.limits_label.text()
    assert "," not in panel.price_edit.text() or "." not in panel.price_edit.text()  # whole yen
    press(qtbot, desk.window, K.Key_F9)
    type_ascii(qtbot, desk.window, "150")
    press(qtbot, desk.window, K.Key_Return)
    assert panel.dialog is None  # no review: refused here
    error = panel.errors["quantity"]
    assert error.isVisible()
    assert error.text() == "This issue trades in lots of 100 shares (100 or 200)."
    assert ovs_posts(desk) == 0 and desk.sim.stats.orders_received == 0
    press(qtbot, desk.window, K.Key_Up)  # the quantity steps to the next whole lot
    assert panel.qty_edit.text() == "200"
    press(qtbot, desk.window, K.Key_Down)
    assert panel.qty_edit.text() == "100"
    assert not error.isVisible()


def _open_order_row(qtbot, desk, order_no: str) -> None:
    """F11, then Down to the row of ``order_no``."""
    view = desk.dock.open_orders
    wait_for(qtbot, lambda: any(o.order_no == order_no for o in view.table.model.records()), 10_000)
    press(qtbot, desk.window, K.Key_F11)
    assert view.table.view.hasFocus()
    for _ in range(view.table.proxy.rowCount()):
        current = view.table.current_record()
        if current is not None and current.order_no == order_no:
            return
        press(qtbot, desk.window, K.Key_Down)
    raise AssertionError(f"no open-order row for {order_no}")


def test_shanghai_modify_refused_locally_and_cancel_accepted(qtbot, ovs_desk):
    desk = ovs_desk("demo", account="large")
    sim = desk.sim
    panel = search_overseas(qtbot, desk, "601318", "601318")
    press(qtbot, desk.window, K.Key_F9)
    type_ascii(qtbot, desk.window, "100")
    press(qtbot, desk.window, K.Key_Backtab)
    for _ in range(3):  # three ticks under the market: the order rests
        press(qtbot, desk.window, K.Key_Down)
    review_and_send(qtbot, desk)
    service = desk.dock.service
    wait_for(qtbot, lambda: service.tracked[-1].state is OrderState.ACCEPTED, 10_000)
    order = service.tracked[-1]
    _open_order_row(qtbot, desk, order.order_no)
    view = desk.dock.open_orders
    row = view.table.current_record()
    price_col = [c.key for c in view.table.model.columns].index("price")
    cells = [
        view.table.model.index(r, price_col).data() for r in range(view.table.model.rowCount())
    ]
    assert f"{row.price:.2f} CNY" in cells  # the currency's decimals, not whole won
    press(qtbot, desk.window, K.Key_M)
    assert view.dialog is None
    assert view.message.text() == "상해 orders can be cancelled but not modified."
    assert sim.stats.by_tr_id["TTTS0302U"] == 0  # nothing sent
    press(qtbot, desk.window, K.Key_Delete)
    wait_for(qtbot, lambda: view.dialog is not None, 3000)
    texts = [label.text() for label in view.dialog.findChildren(type(panel.types_note))]
    assert any(t.endswith(" CNY") for t in texts)
    from order_helpers import wait_dialog

    wait_dialog(qtbot, view.dialog)
    press(qtbot, desk.window, K.Key_Return)
    wait_for(qtbot, lambda: sim.stats.by_tr_id["TTTS0302U"] == 1, 10_000)
    wait_for(qtbot, lambda: order.state is OrderState.CANCELLED, 10_000)
    assert "accepted" in view.message.text()
    assert sim.orders.orders[order.order_no].remaining == 0


def _set_clock(run_async, desk, iso: str) -> None:
    """Through the simulator's admin route, as a tool would (KST when no offset is given)."""
    import httpx

    async def go() -> None:
        async with httpx.AsyncClient(base_url=desk.sim.base_url) as http:
            r = await http.post("/__sim/clock", json={"set": iso})
        assert r.status_code == 200

    run_async(go())


def test_us_daytime_order_routed_inside_the_session_refused_outside(qtbot, ovs_desk, run_async):
    desk = ovs_desk("demo", hours="krx")
    sim = desk.sim
    _set_clock(run_async, desk, "2026-11-23T12:00")  # Monday noon KST: the daytime session
    panel = search_overseas(qtbot, desk, "AAPL", "AAPL")
    assert panel.session_label.text() == "US daytime session (주간거래)"
    assert [panel.type_combo.itemData(i) for i in range(panel.type_combo.count())] == ["00"]
    assert panel.types_note.text() == "The US daytime session takes limit orders only."
    press(qtbot, desk.window, K.Key_F9)
    type_ascii(qtbot, desk.window, "1")
    press(qtbot, desk.window, K.Key_Backtab)
    press(qtbot, desk.window, K.Key_Down)
    press(qtbot, desk.window, K.Key_Down)
    texts = review_and_send(qtbot, desk)
    assert "US daytime session (주간거래)" in texts  # the review says where it goes
    service = desk.dock.service
    wait_for(qtbot, lambda: service.tracked[-1].state is OrderState.ACCEPTED, 10_000)
    assert service.tracked[-1].daytime and sim.stats.by_tr_id["TTTS6036U"] == 1
    assert "TTTT1002U" not in sim.stats.by_tr_id

    # 08:00: no US session at all. The same keys are refused here; nothing is sent.
    _set_clock(run_async, desk, "2026-11-23T08:00")
    press(qtbot, desk.window, K.Key_Escape)
    panel = search_overseas(qtbot, desk, "AAPL", "AAPL")
    assert panel.session_label.text() == "closed"
    press(qtbot, desk.window, K.Key_F9)
    type_ascii(qtbot, desk.window, "1")
    received = sim.stats.orders_received
    press(qtbot, desk.window, K.Key_Return)
    assert panel.dialog is None
    assert "나스닥 is closed now" in panel.reason_label.text()
    assert sim.stats.orders_received == received and sim.stats.by_tr_id["TTTS6036U"] == 1


def test_paper_us_sell_uses_vttt1001u(qtbot, ovs_desk):
    desk = ovs_desk("paper", profile="paper")
    sim = desk.sim
    assert desk.dock.ovs_panel.service is None  # not following overseas orders before use
    panel = search_overseas(qtbot, desk, "AAPL", "AAPL")
    assert panel.service is desk.dock.service
    assert panel.power_label.text() == "not offered on paper"  # O8 is real-only (seed 004)
    assert panel.types_note.text() == "Paper trading takes limit orders only."
    held = sim.account("demo").ovs[("NASD", "AAPL")].qty
    press(qtbot, desk.window, K.Key_F10)
    wait_for(qtbot, lambda: panel.ticket.sellable is not None, 10_000)
    ovs_settle(qtbot, desk)
    assert panel.max_label.text() == f"{held:,}"
    type_ascii(qtbot, desk.window, "1")
    review_and_send(qtbot, desk)
    service = desk.dock.service
    wait_for(qtbot, lambda: service.tracked[-1].state is OrderState.ACCEPTED, 15_000)
    assert sim.stats.by_tr_id["VTTT1001U"] == 1
    assert "VTTT1002U" not in sim.stats.by_tr_id


def test_a_dropped_answer_is_reconciled_with_exactly_one_order(qtbot, ovs_desk):
    desk = ovs_desk("demo")
    sim = desk.sim
    panel = search_overseas(qtbot, desk, "6758", "6758")
    service = desk.dock.service
    wait_for(qtbot, lambda: service._ovs_baseline, 10_000)
    press(qtbot, desk.window, K.Key_F9)
    type_ascii(qtbot, desk.window, "100")
    press(qtbot, desk.window, K.Key_Backtab)
    press(qtbot, desk.window, K.Key_PageDown)  # five ticks under: it rests
    sim.faults.add("drop_response", path_prefix=OVS_ORDER, count=1)
    review_and_send(qtbot, desk)
    order = service.tracked[-1]
    wait_for(qtbot, lambda: order.state is OrderState.UNKNOWN, 10_000)
    assert "unknown — checking" in panel.result_label.text()
    assert "checking whether it exists" in panel.reason_label.text()
    assert not panel.submit_button.isEnabled()  # the panel holds new orders meanwhile
    wait_for(qtbot, lambda: order.state is not OrderState.UNKNOWN, 20_000)
    assert order.state is OrderState.ACCEPTED, order.message
    booked = [o for o in sim.orders.orders.values() if o.code == "6758"]
    assert [o.odno for o in booked] == [order.order_no]
    assert sim.stats.orders_received == 1 and sim.stats.faults_fired["drop_response"] == 1
