"""The KIS realtime (websocket) client's socket-free foundation, no Qt.

- frames: read a text frame (:func:`parse_frame` → :class:`ControlReply`, :class:`PingPong` or
  :class:`DataFrame` of typed records) and build subscribe/unsubscribe messages;
- crypto: :class:`NoticeCipher`, AES-256-CBC of execution notices;
- records / trs: typed records with Decimal, the TR ids and their tolerated widths;
- registry: :class:`SubscriptionRegistry`, the 41-registration budget shared by priority;
- stream: :class:`RealtimeStream`, the one socket of an app key (connect, subscribe, reconnect,
  dispatch), its :class:`Subscription` handles and its :class:`StreamStatus`.

``websockets`` itself loads with the first connection.
"""

from kisdesk.kis.realtime.crypto import NoticeCipher
from kisdesk.kis.realtime.errors import (
    AppKeyInUse,
    ApprovalKeyRefused,
    DecryptError,
    FrameError,
    RegistrationBudgetFull,
    SubscriptionRefused,
)
from kisdesk.kis.realtime.frames import (
    ControlReply,
    DataFrame,
    PingPong,
    ReplyKind,
    parse_frame,
    subscribe_message,
    unsubscribe_message,
)
from kisdesk.kis.realtime.records import (
    DomesticBook,
    DomesticNotice,
    DomesticTick,
    OverseasBook,
    OverseasNotice,
    OverseasTick,
)
from kisdesk.kis.realtime.registry import (
    BUDGET,
    Priority,
    Registration,
    State,
    SubscriptionDiff,
    SubscriptionRegistry,
)
from kisdesk.kis.realtime.status import StreamState, StreamStats, StreamStatus, Trouble
from kisdesk.kis.realtime.stream import Backoff, RealtimeStream
from kisdesk.kis.realtime.subscription import RecordIterator, Subscription
from kisdesk.kis.realtime.trs import (
    KRX_BOOK,
    KRX_NOTICE,
    KRX_NOTICE_PAPER,
    KRX_TICK,
    OVERSEAS_BOOK,
    OVERSEAS_BOOK_DELAYED,
    OVERSEAS_NOTICE,
    OVERSEAS_NOTICE_PAPER,
    OVERSEAS_TICK,
    PINGPONG,
    notice_tr_ids,
)

__all__ = [
    "BUDGET",
    "KRX_BOOK",
    "KRX_NOTICE",
    "KRX_NOTICE_PAPER",
    "KRX_TICK",
    "OVERSEAS_BOOK",
    "OVERSEAS_BOOK_DELAYED",
    "OVERSEAS_NOTICE",
    "OVERSEAS_NOTICE_PAPER",
    "OVERSEAS_TICK",
    "PINGPONG",
    "AppKeyInUse",
    "ApprovalKeyRefused",
    "Backoff",
    "ControlReply",
    "DataFrame",
    "DecryptError",
    "DomesticBook",
    "DomesticNotice",
    "DomesticTick",
    "FrameError",
    "NoticeCipher",
    "OverseasBook",
    "OverseasNotice",
    "OverseasTick",
    "PingPong",
    "Priority",
    "RealtimeStream",
    "RecordIterator",
    "Registration",
    "RegistrationBudgetFull",
    "ReplyKind",
    "State",
    "StreamState",
    "StreamStats",
    "StreamStatus",
    "Subscription",
    "SubscriptionDiff",
    "SubscriptionRefused",
    "SubscriptionRegistry",
    "Trouble",
    "notice_tr_ids",
    "parse_frame",
    "subscribe_message",
    "unsubscribe_message",
]
