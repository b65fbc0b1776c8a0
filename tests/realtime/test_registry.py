"""The subscription registry: the 41-registration budget, priorities, owners, diffs."""

from __future__ import annotations

import json

import pytest

from kisdesk.kis.realtime import (
    BUDGET,
    Priority,
    Registration,
    State,
    SubscriptionRegistry,
)

TICK, BOOK, NOTICE = "H0STCNT0", "H0STASP0", "H0STCNI0"


def code(i: int) -> str:
    return f"{i:06d}"


def fill(reg: SubscriptionRegistry, n: int, priority=Priority.HOLDING, owner="holdings"):
    for i in range(n):
        reg.want(owner, TICK, code(i), priority)


def test_the_budget_is_41():
    assert BUDGET == 41 and SubscriptionRegistry().capacity == 41


def test_the_42nd_registration_is_polled_not_dropped():
    reg = SubscriptionRegistry()
    fill(reg, 42)
    assert len(reg.desired()) == 41
    assert reg.polled() == (Registration(TICK, code(41)),)
    assert reg.state(TICK, code(41)) is State.POLLED
    assert reg.state(TICK, code(40)) is State.STREAMED
    assert len(reg.wanted()) == 42  # everything wanted is either streamed or polled


def test_restore_after_reconnect_registers_every_desired_one_in_priority_order():
    reg = SubscriptionRegistry()
    fill(reg, 45)
    reg.want("panel", BOOK, code(3), Priority.ORDER_PANEL)
    reg.want("notices", NOTICE, "hts0001", Priority.NOTICE)
    diff = reg.diff(())
    assert diff.release == ()
    assert len(diff.register) == 41
    assert diff.register[:2] == (Registration(NOTICE, "hts0001"), Registration(BOOK, code(3)))
    messages = [json.loads(m) for m in diff.messages("approval")]
    assert len(messages) == 41
    assert {m["header"]["tr_type"] for m in messages} == {"1"}
    assert messages[0]["body"]["input"] == {"tr_id": NOTICE, "tr_key": "hts0001"}
    assert all(m["header"]["approval_key"] == "approval" for m in messages)


def test_a_more_important_registration_displaces_the_least_important_newest_one():
    reg = SubscriptionRegistry()
    fill(reg, 20, Priority.WATCHLIST, owner="watchlist")
    for i in range(20, 41):
        reg.want("holdings", TICK, code(i), Priority.HOLDING)
    live = reg.desired()
    assert len(live) == 41
    reg.want("notices", NOTICE, "hts0001", Priority.NOTICE)
    assert reg.state(NOTICE, "hts0001") is State.STREAMED
    assert reg.polled() == (Registration(TICK, code(40)),)  # the last holding wanted
    diff = reg.diff(live)
    assert diff.release == (Registration(TICK, code(40)),)
    assert diff.register == (Registration(NOTICE, "hts0001"),)
    texts = [json.loads(m) for m in diff.messages("approval")]
    assert [m["header"]["tr_type"] for m in texts] == ["2", "1"]  # release first: budget


def test_priority_order_over_all_five_kinds():
    reg = SubscriptionRegistry(capacity=3)
    reg.want("h", TICK, "H", Priority.HOLDING)
    reg.want("w", TICK, "W", Priority.WATCHLIST)
    reg.want("o", TICK, "O", Priority.OPEN_ORDER)
    reg.want("p", TICK, "P", Priority.ORDER_PANEL)
    reg.want("n", NOTICE, "N", Priority.NOTICE)
    assert [r.tr_key for r in reg.desired()] == ["N", "P", "O"]
    assert [r.tr_key for r in reg.polled()] == ["W", "H"]


def test_ties_go_to_the_one_wanted_first_whatever_the_names():
    def run(keys: list[str]) -> tuple[str, ...]:
        reg = SubscriptionRegistry(capacity=2)
        for k in keys:
            reg.want(f"owner-{k}", TICK, k, Priority.WATCHLIST)
        return tuple(r.tr_key for r in reg.desired())

    assert run(["ZZZ", "AAA", "MMM"]) == ("ZZZ", "AAA")
    assert run(["MMM", "ZZZ", "AAA"]) == ("MMM", "ZZZ")
    assert run(["ZZZ", "AAA", "MMM"]) == run(["ZZZ", "AAA", "MMM"])  # same calls, same result


def test_a_newcomer_of_equal_priority_does_not_displace_a_live_one():
    reg = SubscriptionRegistry(capacity=2)
    fill(reg, 2, Priority.WATCHLIST)
    live = reg.desired()
    reg.want("watchlist", TICK, "NEW", Priority.WATCHLIST)
    assert reg.desired() == live and reg.diff(live).register == ()
    assert reg.state(TICK, "NEW") is State.POLLED


def test_reference_counting_by_owner():
    reg = SubscriptionRegistry()
    reg.want("panel", TICK, "005930", Priority.ORDER_PANEL)
    reg.want("watchlist", TICK, "005930", Priority.WATCHLIST)
    reg.want("watchlist", TICK, "005930", Priority.WATCHLIST)  # twice: one claim
    assert reg.desired() == (Registration(TICK, "005930"),)
    assert reg.owners(TICK, "005930") == {"panel", "watchlist"}
    assert reg.release("watchlist", TICK, "005930")
    assert reg.state(TICK, "005930") is State.STREAMED  # the panel still wants it
    assert not reg.release("watchlist", TICK, "005930")  # its claim is gone already
    assert not reg.release("stranger", TICK, "005930")
    assert reg.release("panel", TICK, "005930")
    assert reg.state(TICK, "005930") is None and reg.desired() == ()
    assert reg.diff([Registration(TICK, "005930")]).release == (Registration(TICK, "005930"),)


def test_a_registration_takes_the_best_priority_of_its_owners():
    reg = SubscriptionRegistry(capacity=1)
    reg.want("watchlist", TICK, "A", Priority.WATCHLIST)
    reg.want("holdings", TICK, "B", Priority.HOLDING)
    assert reg.desired() == (Registration(TICK, "A"),)
    reg.want("panel", TICK, "B", Priority.ORDER_PANEL)  # the panel picks B: B goes live
    assert reg.priority(TICK, "B") is Priority.ORDER_PANEL
    assert reg.desired() == (Registration(TICK, "B"),)
    reg.release("panel", TICK, "B")  # back to a holding: A wins again
    assert reg.priority(TICK, "B") is Priority.HOLDING
    assert reg.desired() == (Registration(TICK, "A"),)


def test_an_owner_can_change_its_priority():
    reg = SubscriptionRegistry(capacity=1)
    reg.want("w", TICK, "A", Priority.WATCHLIST)
    reg.want("x", TICK, "B", Priority.WATCHLIST)
    reg.want("x", TICK, "B", Priority.OPEN_ORDER)
    assert reg.desired() == (Registration(TICK, "B"),)
    assert reg.owners(TICK, "B") == {"x"}


def test_release_owner_drops_all_its_claims():
    reg = SubscriptionRegistry()
    fill(reg, 5, Priority.WATCHLIST, owner="watchlist")
    reg.want("panel", TICK, code(0), Priority.ORDER_PANEL)
    assert reg.release_owner("watchlist") == 5
    assert reg.desired() == (Registration(TICK, code(0)),)
    assert reg.release_owner("watchlist") == 0


def test_a_refused_registration_is_polled_and_frees_its_place():
    reg = SubscriptionRegistry(capacity=2)
    fill(reg, 3, Priority.WATCHLIST)
    reg.refuse(TICK, code(0), "OPSP8992 invalid tr_key")
    assert reg.state(TICK, code(0)) is State.REFUSED
    assert reg.refusal(TICK, code(0)) == "OPSP8992 invalid tr_key"
    assert reg.desired() == (Registration(TICK, code(1)), Registration(TICK, code(2)))
    assert Registration(TICK, code(0)) in reg.polled()
    reg.refuse(TICK, "unknown", "whatever")  # nobody wants it: nothing to remember
    assert reg.state(TICK, "unknown") is None
    # Released by every owner and wanted again: it is tried again.
    reg.release("holdings", TICK, code(0))
    reg.want("holdings", TICK, code(0), Priority.ORDER_PANEL)
    assert reg.state(TICK, code(0)) is State.STREAMED and reg.refusal(TICK, code(0)) == ""


def test_a_lower_capacity_moves_the_least_important_to_polling():
    reg = SubscriptionRegistry()
    fill(reg, 41)
    live = reg.desired()
    reg.set_capacity(40)
    assert reg.polled() == (Registration(TICK, code(40)),)
    assert reg.diff(live).release == (Registration(TICK, code(40)),)
    with pytest.raises(ValueError):
        reg.set_capacity(-1)


def test_no_diff_when_live_is_desired():
    reg = SubscriptionRegistry()
    fill(reg, 10)
    diff = reg.diff(reg.desired())
    assert not diff and diff.messages("approval") == []


def test_live_registrations_nobody_wants_are_released_first():
    reg = SubscriptionRegistry()
    reg.want("panel", TICK, "A", Priority.ORDER_PANEL)
    stale = [Registration(BOOK, "Z"), Registration(TICK, "Y")]
    diff = reg.diff(stale)
    assert diff.release == (Registration(BOOK, "Z"), Registration(TICK, "Y"))
    assert diff.register == (Registration(TICK, "A"),)


def test_wanting_needs_a_tr_id_and_a_key():
    reg = SubscriptionRegistry()
    with pytest.raises(ValueError):
        reg.want("x", TICK, "", Priority.HOLDING)
    with pytest.raises(ValueError):
        reg.want("x", "", "005930", Priority.HOLDING)
