"""The KIS realtime (websocket) client's socket-free foundation, no Qt.

- frames: read a text frame (:func:`parse_frame` → :class:`ControlReply`, :class:`PingPong` or
  :class:`DataFrame` of typed records) and build subscribe/unsubscribe messages;
- crypto: :class:`NoticeCipher`, AES-256-CBC of execution notices;
- records / trs: typed records with Decimal, the TR ids and their tolerated widths;
- registry: :class:`SubscriptionRegistry`, the 41-registration budget shared by priority.
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
    "Registration",
    "RegistrationBudgetFull",
    "ReplyKind",
    "State",
    "SubscriptionDiff",
    "SubscriptionRefused",
    "SubscriptionRegistry",
    "notice_tr_ids",
    "parse_frame",
    "subscribe_message",
    "unsubscribe_message",
]
