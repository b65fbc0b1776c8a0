"""The websocket approval key against the simulator: cached in the token store like the token
(keyring by default, memory when asked), reused by the next start, re-issued when refused or
old, dropped at log-out, never written in clear anywhere but the store."""

from __future__ import annotations

import json
import logging

import pytest

from kisdesk.kis import MemoryTokenStore
from kisdesk.kis.approval import APPROVAL_LIFETIME_S
from kisdesk.kis.tokens import KEYRING_SERVICE

pytestmark = pytest.mark.asyncio


def issued(sim) -> int:
    return sim.stats.by_path.get("/oauth2/Approval", 0)


def approval_entries(memory_keyring) -> list[str]:
    return [
        user
        for service, user in memory_keyring.entries()
        if service == KEYRING_SERVICE and user.startswith("approval/")
    ]


async def test_cached_in_the_keyring_and_reused_by_the_next_start(sim, rt_client, memory_keyring):
    first = rt_client(sim)
    key = await first.approvals.get()
    assert await first.approval_key() == key  # the client's entry point: same cache
    await first.aclose()
    users = approval_entries(memory_keyring)
    assert len(users) == 1 and users[0].startswith("approval/demo/")
    assert sim.appkey not in users[0]
    stored = json.loads(memory_keyring.get_password(KEYRING_SERVICE, users[0]))
    assert stored["approval_key"] == key

    second = rt_client(sim)  # a restart: new client, same keyring
    assert await second.approvals.get() == key
    await second.aclose()
    assert issued(sim) == 1 and second.approvals.issued == 0


async def test_memory_store_keeps_it_out_of_the_keyring(sim, rt_client, memory_keyring):
    client = rt_client(sim, token_store=MemoryTokenStore())
    await client.approvals.get()
    await client.aclose()
    assert approval_entries(memory_keyring) == []
    assert issued(sim) == 1


async def test_refused_key_is_reissued_once_for_all_callers(sim, rt_client, memory_keyring):
    import asyncio

    client = rt_client(sim)
    key = await client.approvals.get()
    await client.approvals.invalidate(key)
    assert approval_entries(memory_keyring) == []  # the refused key left the store
    again = await asyncio.gather(*(client.approvals.get() for _ in range(5)))
    await client.approvals.invalidate("some older key")  # already replaced: no effect
    assert await client.approvals.get() == again[0]
    await client.aclose()
    assert issued(sim) == 2 and client.approvals.issued == 2
    assert len(approval_entries(memory_keyring)) == 1


async def test_a_day_old_key_is_renewed(sim, rt_client):
    now = [1_800_000_000.0]
    client = rt_client(sim, clock=lambda: now[0])
    await client.approvals.get()
    now[0] += APPROVAL_LIFETIME_S - 60  # still "valid" by the doc, but a reconnect is near
    await client.approvals.get()
    await client.aclose()
    assert issued(sim) == 2


async def test_logout_drops_it(sim, rt_client, memory_keyring):
    client = rt_client(sim)
    await client.approvals.get()
    await client.logout()
    await client.aclose()
    assert approval_entries(memory_keyring) == []
    assert client.approvals.current is None


async def test_the_key_never_reaches_the_log(sim, rt_client, caplog):
    caplog.set_level(logging.DEBUG)
    client = rt_client(sim)
    key = await client.approvals.get()
    await client.aclose()
    assert "approval key issued" in caplog.text
    assert key not in caplog.text
    assert key not in repr(client.approvals.current)


async def test_refused_credentials_are_a_token_error(sim, rt_client):
    from dataclasses import replace

    from kisdesk.kis import TokenError

    client = rt_client(sim)
    client.approvals._creds = replace(client.creds, appsecret="x" * 180)
    with pytest.raises(TokenError):
        await client.approvals.get()
    await client.aclose()
