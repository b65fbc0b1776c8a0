"""What a live price cell says about itself: streamed, or polled and how long ago (the design's
promise: a price on screen is live, or says how old it is)."""

from __future__ import annotations

from typing import Any

from kisdesk.services.live_quotes import QuoteKey, Source
from kisdesk.ui.i18n import translate


def serving_tip(hub: Any, key: QuoteKey) -> str | None:
    """The tooltip of a price cell whose symbol the hub watches (None: it does not)."""
    if hub is None:
        return None
    served = hub.served(key)
    if served is None:
        return None
    if served is Source.STREAMED:
        return translate("LivePrices", "Live: realtime stream")
    age = hub.age(key)
    if age is None:
        return translate("LivePrices", "Polled: realtime not available for it now")
    return translate(
        "LivePrices", "Polled {seconds} s ago: realtime not available for it now"
    ).format(seconds=int(age))
