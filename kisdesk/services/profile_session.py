"""Sessions for saved profiles (paper / real): secrets from the keyring, a KisClient, tokens reused.

The client caches its token in the keyring itself, so a restart reuses the token issued by the
connection test (or by the previous run) instead of issuing a new one.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kisdesk.config.profiles import Profile
from kisdesk.config.secrets import ProfileSecrets, SecretStorageError, load_secrets
from kisdesk.kis.client import KisClient
from kisdesk.kis.credentials import Credentials
from kisdesk.kis.env import PAPER, REAL, Environment
from kisdesk.kis.offthread import run_blocking
from kisdesk.services.session import Session
from kisdesk.ui.i18n import translate

log = logging.getLogger(__name__)


class MissingSecrets(Exception):
    """The profile has no (readable) secrets in the keyring: the setup dialog should open."""


def environment_for(env_name: str, base_url_override: str | None = None) -> Environment:
    """PAPER or REAL, optionally pointed elsewhere (tests: the simulator, REST and websocket
    on one port) under the same name, so TR IDs, limits, badge and token keys stay those of
    the named environment."""
    env = {"paper": PAPER, "real": REAL}[env_name]
    if base_url_override:
        base = base_url_override.rstrip("/")
        # The simulator serves the websocket on the REST port: the realtime stream goes there
        # too, never to KIS's host.
        scheme, sep, rest = base.partition("://")
        ws = ("wss" if scheme == "https" else "ws") + sep + rest if sep else env.ws_url
        env = dataclasses.replace(env, base_url=base, ws_url=ws)
    return env


def credentials_for(secrets: ProfileSecrets) -> Credentials:
    return Credentials(
        appkey=secrets.appkey,
        appsecret=secrets.appsecret,
        account=secrets.account,
        hts_id=secrets.hts_id,
    )


def data_credentials_for(secrets: ProfileSecrets) -> Credentials | None:
    """The real market-data pair of a paper profile. Quotations take no account; the paper
    account only satisfies the Credentials shape and is never sent with these keys."""
    if not secrets.has_data_keys:
        return None
    return Credentials(
        appkey=secrets.data_appkey, appsecret=secrets.data_appsecret, account=secrets.account
    )


@dataclass
class ProfileSession(Session):
    """A Session that also owns the real market-data client of a paper profile."""

    data_client: KisClient | None = None

    async def close(self) -> None:
        try:
            if self.data_client is not None:
                client, self.data_client = self.data_client, None
                await client.aclose()
        finally:
            await super().close()


async def start_profile_session(
    profile: Profile,
    *,
    on_event: Callable[[Any], None] | None = None,
    base_url_override: str | None = None,
    data_base_url_override: str | None = None,
    token_store: Any = None,
) -> ProfileSession:
    """Build the clients for ``profile``; no request is sent (the first call issues or reuses
    the token). Raises MissingSecrets when the keyring holds nothing usable for it."""
    try:
        secrets = await run_blocking(load_secrets, profile.id)  # the keyring may block
    except SecretStorageError as exc:
        raise MissingSecrets(str(exc)) from None
    if secrets is None:
        raise MissingSecrets(
            translate("ProfileSession", "No saved keys for this profile in the keyring.")
        )
    env = environment_for(profile.env, base_url_override)
    kwargs: dict[str, Any] = {"on_event": on_event}
    if token_store is not None:
        kwargs["token_store"] = token_store
    client = KisClient(env, credentials_for(secrets), **kwargs)
    data_client = None
    data_creds = data_credentials_for(secrets) if profile.env == "paper" else None
    if data_creds is not None:
        data_env = environment_for("real", data_base_url_override)
        data_client = KisClient(data_env, data_creds, **kwargs)
    log.info("profile session %s (%s) ready", profile.id, profile.env)
    return ProfileSession(
        env=env,
        account=secrets.account,
        client=client,
        profile_name=profile.name,
        extras={"profile": profile},
        data_client=data_client,
    )


async def log_out(session: Session) -> None:
    """Revoke the session's token(s) at KIS and forget them locally, then close the clients."""
    try:
        await session.client.logout()
        data_client = getattr(session, "data_client", None)
        if data_client is not None:
            await data_client.logout()
    finally:
        await session.close()
