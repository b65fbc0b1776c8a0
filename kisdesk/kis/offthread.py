"""Blocking calls that must not stall the event loop run here: the OS keyring (D-Bus to the
Secret Service, the Keychain, the Credential Manager) answers in microseconds when unlocked and
in seconds when it asks the user to unlock it. One worker thread, so keyring calls stay in the
order they were made."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

_EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kisdesk-keyring")


async def run_blocking(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` on the keyring thread; exceptions are raised here, in the caller."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_EXECUTOR, functools.partial(fn, *args))
