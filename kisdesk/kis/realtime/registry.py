"""Which realtime registrations should be live: the 41-registration budget, shared by priority.

A KIS websocket session holds at most 41 registrations, all TRs together (websocket.md §1); the
42nd is refused (OPSP0008). Parts of the app *want* a (tr_id, tr_key) for an *owner* (the
order panel, a watchlist row, the holdings table …) at a :class:`Priority`; a registration lives
as long as one owner wants it, at the best priority any owner gives it. The registry picks the
registrations that fit, most important first, and reports every other wanted one as *polled*:
nothing wanted is ever dropped silently. :meth:`SubscriptionRegistry.diff` gives the messages that
turn the live set into the desired one; from an empty live set, it restores every registration
after a reconnect.

Ties within a priority go to the registration wanted first (then stays put when newer ones
arrive), so the outcome depends only on the sequence of calls, and a live registration is not
displaced by a newcomer of the same priority.

Pure logic: no socket, no clock, no Qt.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from enum import Enum, IntEnum

from kisdesk.kis.realtime.frames import subscribe_message, unsubscribe_message

BUDGET = 41  # registrations per session (websocket.md §1)


class Priority(IntEnum):
    """Lower is more important."""

    NOTICE = 0  # execution notices: fills must never wait for a poll
    ORDER_PANEL = 1  # the symbol being traded (its ticks and book)
    OPEN_ORDER = 2  # symbols with orders working
    WATCHLIST = 3  # watchlist rows on screen
    HOLDING = 4  # holdings


@dataclass(frozen=True, slots=True, order=True)
class Registration:
    tr_id: str
    tr_key: str


class State(Enum):
    STREAMED = "streamed"  # in the desired (live) set
    POLLED = "polled"  # wanted, but the budget is full: serve it by REST polling
    REFUSED = "refused"  # wanted, but the server refused it: served by polling too


@dataclass(slots=True)
class _Entry:
    seq: int  # when it was first wanted (since it last had no owner): the tie-breaker
    owners: dict[Hashable, Priority] = field(default_factory=dict)
    refused: str = ""  # why the server refused it ("" when it did not)

    @property
    def priority(self) -> Priority:
        return min(self.owners.values())


@dataclass(frozen=True, slots=True)
class SubscriptionDiff:
    """What to send to go from a live set to the desired set: releases first (they free the
    budget), then registrations most important first."""

    release: tuple[Registration, ...]
    register: tuple[Registration, ...]

    def __bool__(self) -> bool:
        return bool(self.release or self.register)

    def messages(self, approval_key: str, *, custtype: str = "P") -> list[str]:
        """The JSON texts to send, in order. They carry the approval key: never log them."""
        out = [
            unsubscribe_message(approval_key, r.tr_id, r.tr_key, custtype=custtype)
            for r in self.release
        ]
        out += [
            subscribe_message(approval_key, r.tr_id, r.tr_key, custtype=custtype)
            for r in self.register
        ]
        return out


class SubscriptionRegistry:
    def __init__(self, capacity: int = BUDGET) -> None:
        if capacity < 0:
            raise ValueError("capacity must be ≥ 0")
        self._capacity = capacity
        self._entries: dict[Registration, _Entry] = {}
        self._seq = 0
        self._desired: tuple[Registration, ...] | None = None  # cached until the next change

    # -- wanting and releasing -----------------------------------------------------------------

    def want(self, owner: Hashable, tr_id: str, tr_key: str, priority: Priority) -> None:
        """``owner`` wants this registration at ``priority`` (again: the priority is updated,
        the claim is not counted twice)."""
        if not tr_id or not tr_key:
            raise ValueError("a registration needs a tr_id and a tr_key")
        reg = Registration(tr_id, tr_key)
        entry = self._entries.get(reg)
        if entry is None:
            self._seq += 1
            entry = self._entries[reg] = _Entry(self._seq)
        if entry.owners.get(owner) != priority:
            entry.owners[owner] = Priority(priority)
            self._desired = None

    def release(self, owner: Hashable, tr_id: str, tr_key: str) -> bool:
        """``owner`` no longer wants this registration; False if it did not want it."""
        reg = Registration(tr_id, tr_key)
        entry = self._entries.get(reg)
        if entry is None or owner not in entry.owners:
            return False
        del entry.owners[owner]
        if not entry.owners:
            del self._entries[reg]  # a refusal is forgotten with it: wanting again retries
        self._desired = None
        return True

    def release_owner(self, owner: Hashable) -> int:
        """Drop every claim of ``owner`` (a widget closing); the number dropped."""
        dropped = [reg for reg, e in self._entries.items() if owner in e.owners]
        for reg in dropped:
            self.release(owner, reg.tr_id, reg.tr_key)
        return len(dropped)

    def refuse(self, tr_id: str, tr_key: str, reason: str) -> None:
        """The server refused this registration (a bad tr_key, …): serve it by polling until
        its owners release it. Unknown registrations are ignored."""
        entry = self._entries.get(Registration(tr_id, tr_key))
        if entry is not None and entry.refused != (reason or "refused"):
            entry.refused = reason or "refused"
            self._desired = None

    @property
    def capacity(self) -> int:
        return self._capacity

    def set_capacity(self, capacity: int) -> None:
        """Change the budget (e.g. lower it when the server says OPSP0008 earlier than 41)."""
        if capacity < 0:
            raise ValueError("capacity must be ≥ 0")
        if capacity != self._capacity:
            self._capacity = capacity
            self._desired = None

    # -- what should be live -------------------------------------------------------------------

    def desired(self) -> tuple[Registration, ...]:
        """The registrations that should be live, most important first (≤ capacity)."""
        if self._desired is None:
            ranked = sorted(
                (e.priority, e.seq, reg) for reg, e in self._entries.items() if not e.refused
            )
            self._desired = tuple(reg for _, _, reg in ranked[: self._capacity])
        return self._desired

    def polled(self) -> tuple[Registration, ...]:
        """Wanted but not streamed (over budget or refused), most important first."""
        live = set(self.desired())
        ranked = sorted(
            (e.priority, e.seq, reg) for reg, e in self._entries.items() if reg not in live
        )
        return tuple(reg for _, _, reg in ranked)

    def state(self, tr_id: str, tr_key: str) -> State | None:
        """How this registration is served, or None if nobody wants it."""
        reg = Registration(tr_id, tr_key)
        entry = self._entries.get(reg)
        if entry is None:
            return None
        if entry.refused:
            return State.REFUSED
        return State.STREAMED if reg in set(self.desired()) else State.POLLED

    def refusal(self, tr_id: str, tr_key: str) -> str:
        """Why the server refused this registration ("" if it did not)."""
        entry = self._entries.get(Registration(tr_id, tr_key))
        return entry.refused if entry is not None else ""

    def priority(self, tr_id: str, tr_key: str) -> Priority | None:
        entry = self._entries.get(Registration(tr_id, tr_key))
        return entry.priority if entry is not None else None

    def owners(self, tr_id: str, tr_key: str) -> frozenset[Hashable]:
        entry = self._entries.get(Registration(tr_id, tr_key))
        return frozenset(entry.owners) if entry is not None else frozenset()

    def wanted(self) -> tuple[Registration, ...]:
        """Every registration someone wants, most important first."""
        ranked = sorted((e.priority, e.seq, reg) for reg, e in self._entries.items())
        return tuple(reg for _, _, reg in ranked)

    def diff(self, live: Iterable[Registration]) -> SubscriptionDiff:
        """From ``live`` (what the server holds now) to :meth:`desired`.

        After a reconnect the server holds nothing: ``diff(())`` registers everything again.
        """
        live_set = set(live)
        desired = self.desired()
        wanted_live = set(desired)
        release = tuple(sorted(live_set - wanted_live))
        register = tuple(reg for reg in desired if reg not in live_set)
        return SubscriptionDiff(release, register)
