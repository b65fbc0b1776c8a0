"""A slow OS keyring (an unlock prompt, a sluggish D-Bus) must not stall the event loop: the
token store's keyring calls run on the keyring thread while the loop keeps ticking."""

from __future__ import annotations

import asyncio
import threading
import time

import keyring
import pytest

from kisdesk.config.memory_keyring import MemoryKeyring

pytestmark = pytest.mark.asyncio

SLOW_S = 0.6


class SlowKeyring(MemoryKeyring):
    def __init__(self) -> None:
        super().__init__()
        self.threads: set[str] = set()

    def _slow(self) -> None:
        self.threads.add(threading.current_thread().name)
        time.sleep(SLOW_S)

    def get_password(self, service: str, username: str) -> str | None:
        self._slow()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._slow()
        super().set_password(service, username, password)


async def test_token_store_does_not_block_the_loop(sim, kis_client) -> None:
    slow = SlowKeyring()
    keyring.set_keyring(slow)  # the autouse fixture puts the in-memory one back afterwards
    client = kis_client(sim)  # default token store: the OS keyring
    gaps: list[float] = []
    stop = asyncio.Event()

    async def heartbeat() -> None:
        last = time.monotonic()
        while not stop.is_set():
            await asyncio.sleep(0.01)
            now = time.monotonic()
            gaps.append(now - last)
            last = now

    beat = asyncio.get_running_loop().create_task(heartbeat())
    # Several callers at once: one keyring read, one issuance, one keyring write.
    await asyncio.gather(*(client.ensure_token() for _ in range(3)))
    stop.set()
    await beat
    await client.aclose()
    assert sim.stats.tokens_issued == 1
    assert slow.threads and all(name.startswith("kisdesk-keyring") for name in slow.threads)
    assert max(gaps) < SLOW_S / 2, max(gaps)  # the loop kept turning through 1.2 s of keyring


async def test_logout_during_an_issuance_leaves_no_token_behind(sim, kis_client) -> None:
    """Log out while the token request is still on its way: the issuance is stopped, and
    nothing it got is left in the keyring unrevoked."""
    store = MemoryKeyring()
    keyring.set_keyring(store)
    client = kis_client(sim)
    sim.faults.add("latency", "/oauth2/tokenP", count=1, delay=0.5)
    getting = asyncio.get_running_loop().create_task(client.ensure_token())
    await asyncio.sleep(0.15)  # the request is out
    await client.logout()
    with pytest.raises(asyncio.CancelledError):
        await getting
    await asyncio.sleep(0.6)  # the server's late answer changes nothing now
    assert store.entries() == []
    assert client.tokens.current is None
    await client.aclose()
