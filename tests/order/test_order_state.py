"""The order state machine, including "unknown — checking"."""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal as D

import pytest

from kisdesk.domain.order_state import (
    TRANSITIONS,
    InvalidTransition,
    OrderState,
    TrackedOrder,
    state_from_fills,
)
from kisdesk.domain.order_types import LIMIT, Side


def order() -> TrackedOrder:
    return TrackedOrder(1, Side.BUY, "005930", "삼성전자", LIMIT, D(74_300), 10, datetime.now())


def test_happy_path():
    o = order()
    o.accepted("0000012345", "06010", "093001", "주문 전송 완료 되었습니다.")
    assert o.state is OrderState.ACCEPTED and o.order_no == "0000012345"
    assert o.update_fills(ordered=10, filled=4, remaining=6, cancelled=False)
    assert o.state is OrderState.PARTIAL and o.filled_qty == 4
    assert o.update_fills(ordered=10, filled=7, remaining=3, cancelled=False)  # more fills
    assert o.update_fills(ordered=10, filled=10, remaining=0, cancelled=False)
    assert o.state is OrderState.FILLED
    assert not o.update_fills(ordered=10, filled=4, remaining=6, cancelled=False)  # stale row


def test_unknown_then_found_or_not():
    o = order()
    o.unknown("timeout")
    assert o.state.label == "unknown — checking"
    o.found(
        order_no="77",
        branch="00950",
        order_time=time(10, 0),
        ordered=10,
        filled=10,
        remaining=0,
        cancelled=False,
    )
    assert o.state is OrderState.FILLED and o.order_no == "77"

    o2 = order()
    o2.unknown()
    o2.not_found()
    o2.found(
        order_no="78",
        branch="x",
        order_time=None,
        ordered=10,
        filled=0,
        remaining=10,
        cancelled=False,
    )
    assert o2.state is OrderState.ACCEPTED  # it turned up late


def test_rejected_is_final():
    o = order()
    o.rejected("주문가능금액을 초과 했습니다")
    assert o.state.terminal and o.message == "주문가능금액을 초과 했습니다"
    with pytest.raises(InvalidTransition):
        o.move(OrderState.ACCEPTED)
    assert not o.update_fills(ordered=10, filled=10, remaining=0, cancelled=False)


def test_no_path_back_to_sending():
    assert all(OrderState.SENDING not in targets for targets in TRANSITIONS.values())
    with pytest.raises(InvalidTransition):
        order().move(OrderState.FILLED)  # needs an answer first


def test_rebind_after_modify():
    o = order()
    o.accepted("100", "06010", "090000")
    o.rebind("101", "06011", price=D(74_200), quantity=5)
    assert o.order_no == "101" and o.branch == "06011" and o.previous_order_nos == ["100"]
    assert o.knows("100") and o.knows("101") and not o.knows("102")
    assert (o.price, o.quantity) == (D(74_200), 5)


@pytest.mark.parametrize(
    ("args", "state"),
    [
        ((10, 0, 10, False), OrderState.ACCEPTED),
        ((10, 3, 7, False), OrderState.PARTIAL),
        ((10, 10, 0, False), OrderState.FILLED),
        ((10, 3, 0, True), OrderState.CANCELLED),
        ((10, 0, 0, False), OrderState.CANCELLED),
    ],
)
def test_state_from_fills(args, state):
    assert state_from_fills(*args) is state
