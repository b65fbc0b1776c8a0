"""Reading, saving and forgetting a profile: its name in the settings, its keys and cached
tokens in the keyring, all or nothing. The set-up dialog and the Profiles menu only collect
input and show the outcome; what is written, in which order, and what is undone when the keyring
refuses, is decided here.

Every keyring call runs on the keyring thread (``run_blocking``): a keyring may block for
seconds (an unlock prompt, a slow D-Bus) and the event loop must keep turning meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from kisdesk.config import secrets as secret_store
from kisdesk.config.profiles import Profile, ProfileStore
from kisdesk.config.secrets import ProfileSecrets
from kisdesk.kis.offthread import run_blocking
from kisdesk.services.connection_check import StagedTokenStore

log = logging.getLogger(__name__)


async def read_profile_secrets(profile_id: str) -> ProfileSecrets | None:
    """The profile's keys, or None when the keyring holds none (SecretStorageError: unreadable)."""
    return await run_blocking(secret_store.load_secrets, profile_id)


async def save_profile(
    store: ProfileStore,
    *,
    name: str,
    env: str,
    secrets: ProfileSecrets,
    tokens: StagedTokenStore,
    profile: Profile | None = None,
    old_secrets: ProfileSecrets | None = None,
) -> Profile:
    """Save a new profile (``profile`` None) or an edited one; returns it as saved.

    New: the name is written first and removed again if its keys or tokens cannot be stored
    (or the save is cancelled), so no name is left without its secrets. Edited: once the keys
    are saved the save has succeeded; the token cache (the tested token in, the tokens of a
    replaced app key out) is best effort, since the next connection issues or re-reads a token.
    """
    if profile is None:
        profile = store.add(name, env)
        try:
            await run_blocking(secret_store.save_secrets, profile.id, secrets)
            await tokens.commit()
        except Exception:
            store.remove(profile.id)
            with contextlib.suppress(Exception):
                await run_blocking(secret_store.forget_secrets, profile.id)
            raise
        except asyncio.CancelledError:
            store.remove(profile.id)
            raise
        return profile
    await run_blocking(secret_store.save_secrets, profile.id, secrets)
    try:
        await tokens.commit()
        if old_secrets is not None:
            dropped = set(old_secrets.appkeys()) - set(secrets.appkeys())
            if dropped:
                await run_blocking(secret_store.drop_tokens, dropped)
    except Exception as exc:
        log.warning("profile saved, but its token cache was not updated (%s)", type(exc).__name__)
    if name != profile.name:
        profile = store.rename(profile, name)
    return profile


async def forget_profile(store: ProfileStore, profile: Profile) -> list[str]:
    """Delete the profile's keys and the tokens no other profile shares, then its name.

    Returns the keyring usernames deleted. When the keyring refuses (SecretStorageError) the
    profile stays listed, so the user can try again.
    """
    others = [other.id for other in store.profiles() if other.id != profile.id]
    deleted = await run_blocking(secret_store.forget_profile, profile.id, others)
    store.remove(profile.id)
    return deleted
