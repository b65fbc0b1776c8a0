"""What the realtime stream tells its watchers: its connection state, why it is not live, counts.

The words are English and plain; the layer that shows them (services/ui) translates by the
:class:`Trouble` value, not by parsing the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kisdesk.kis.realtime.registry import BUDGET


class StreamState(Enum):
    IDLE = "idle"  # made, not started
    CONNECTING = "connecting"  # the first connection since start()
    LIVE = "live"  # the socket is open; registrations stream once the server confirms them
    RECONNECTING = "reconnecting"  # lost, trying again on its own (with backoff)
    FAILED = "failed"  # refused in a way retrying soon cannot fix: waits long, or for the user
    STOPPED = "stopped"


class Trouble(Enum):
    UNREACHABLE = "unreachable"  # connect or approval-key request failed
    DROPPED = "dropped"  # the socket closed, with or without a close frame
    DEAD = "dead"  # no message (PINGPONG included) for longer than the ping interval + margin
    KEY_IN_USE = "key in use"  # OPSP8996: another session holds this app key
    APPROVAL_REFUSED = "approval refused"  # the approval key was refused


_WORDS = {
    Trouble.UNREACHABLE: "cannot reach the realtime server",
    Trouble.DROPPED: "the realtime connection was closed",
    Trouble.DEAD: "the realtime connection went silent",
    Trouble.KEY_IN_USE: "another program is using this app key's realtime connection",
    Trouble.APPROVAL_REFUSED: "the realtime server refused the approval key",
}


@dataclass(frozen=True, slots=True)
class StreamStatus:
    """One snapshot; a new one is published whenever any field changes."""

    state: StreamState
    used: int = 0  # registrations the server confirmed on the current socket
    capacity: int = BUDGET
    wanted: int = 0  # distinct (tr_id, tr_key) some consumer wants
    polled: int = 0  # wanted, not streamed (over budget, or the socket is not live yet)
    refused: int = 0  # wanted, refused by the server (polled too)
    attempts: int = 0  # connection attempts since the stream was made
    trouble: Trouble | None = None  # why it is not live (kept while reconnecting)
    detail: str = ""  # the technical cause (masked), e.g. "OPSP8996 ALREADY IN USE appkey"
    retry_at: float | None = None  # loop.time() of the next attempt, while waiting for it

    @property
    def message(self) -> str:
        """The trouble in words, for the status bar (English; translate by ``trouble``)."""
        if self.trouble is None:
            return ""
        words = _WORDS[self.trouble]
        return f"{words} ({self.detail})" if self.detail else words


@dataclass(slots=True)
class StreamStats:
    """Counters for tests and benches (not published as status)."""

    frames: int = 0  # text frames read
    records: int = 0  # data records parsed
    skipped: int = 0  # frames that could not be read (logged, skipped)
    pings: int = 0  # PINGPONG frames echoed
    sent: int = 0  # subscribe / unsubscribe messages sent
    connects: int = 0  # sockets opened
