""" "Test connection": issue (or reuse) a token and read the balance before anything is saved.

Tokens issued here go to a staged store (memory, reading through to the keyring) and reach the
keyring only when the profile is saved, so a cancelled dialog leaves nothing behind, a re-test
reuses the token (KIS allows one issuance a minute and notifies the holder each time) and the
saved profile connects without a second issuance.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass

import keyring

from kisdesk.config.profiles import secrets_problems
from kisdesk.config.secrets import SERVICE, ProfileSecrets, save_token_entry
from kisdesk.i18n import translate
from kisdesk.kis.client import KisClient
from kisdesk.kis.errors import ApiError, KisError
from kisdesk.kis.events import EventCallback
from kisdesk.kis.offthread import run_blocking
from kisdesk.services.errors import describe
from kisdesk.services.profile_session import (
    credentials_for,
    data_credentials_for,
    environment_for,
)

log = logging.getLogger(__name__)

# A liquid KOSPI code for the market-data check (quotations need no account).
_PROBE_CODE = "005930"


@dataclass(frozen=True)
class ConnectionResult:
    ok: bool
    message: str = ""  # on failure: describe() of the error, the words the main window uses
    msg_cd: str = ""
    failed_part: str = ""  # "account" (token/balance) | "market_data" (the paper data pair)
    holdings: int = 0
    data_checked: bool = False  # the market-data pair was tested too


class StagedTokenStore:
    """A TokenStore for the connection test: reads memory, then the keyring; writes memory.

    The client's TokenManager calls ``load``/``save``/``delete`` on the keyring thread (this is
    not a MemoryTokenStore), so the keyring read in ``load`` never runs on the event loop;
    :meth:`commit` sends its writes there too.
    """

    def __init__(self) -> None:
        self._data: dict[str, str] = {}
        self._deleted: set[str] = set()

    def load(self, key: str) -> str | None:
        if key in self._data:
            return self._data[key]
        if key in self._deleted:
            return None
        try:
            return keyring.get_password(SERVICE, key)
        except Exception:  # a locked or absent keyring only means "nothing cached"
            return None

    def save(self, key: str, value: str) -> None:
        self._data[key] = value
        self._deleted.discard(key)

    def delete(self, key: str) -> None:
        self._data.pop(key, None)
        self._deleted.add(key)

    def discard(self) -> None:
        self._data.clear()
        self._deleted.clear()

    async def commit(self) -> int:
        """Write the staged tokens to the keyring (profile saved); returns how many.

        The writes run on the keyring thread (they may block); the staged tokens are kept if a
        write fails, so a second Save can try again.
        """
        data = dict(self._data)
        deleted = self._deleted - data.keys()
        await run_blocking(_write_tokens, data, deleted)
        self.discard()
        return len(data)


def _write_tokens(data: dict[str, str], deleted: set[str]) -> None:
    """Blocking: the keyring writes of :meth:`StagedTokenStore.commit` (keyring thread)."""
    for key in deleted:
        with contextlib.suppress(Exception):
            keyring.delete_password(SERVICE, key)
    for key, value in data.items():
        save_token_entry(key, value)


async def check_connection(
    env_name: str,
    secrets: ProfileSecrets,
    *,
    token_store: StagedTokenStore,
    base_url_override: str | None = None,
    data_base_url_override: str | None = None,
    on_event: EventCallback | None = None,
) -> ConnectionResult:
    """Token + balance with the given secrets; for paper with a data pair, also a real quote.

    Never raises for an API or network failure: the result carries the message to show.
    """
    if secrets_problems(secrets):  # e.g. full-width digits: KIS would refuse them after a token
        message = translate(
            "ConnectionCheck",
            "Nothing was sent: the app key, secret, account number and HTS ID must be ASCII "
            "characters without spaces.",
        )
        return ConnectionResult(False, message, failed_part="account")
    try:
        creds = credentials_for(secrets)
    except ValueError as exc:
        return ConnectionResult(False, str(exc), failed_part="account")
    env = environment_for(env_name, base_url_override)
    client = KisClient(env, creds, on_event=on_event, token_store=token_store)
    try:
        balance = await client.domestic_balance()
    except KisError as exc:
        log.info("connection test failed: %r", exc)
        return _failure(exc, "account")
    finally:
        await client.aclose()
    holdings = len(balance.holdings)

    data_creds = data_credentials_for(secrets) if env_name == "paper" else None
    if data_creds is not None:
        data_env = environment_for("real", data_base_url_override)
        data_client = KisClient(data_env, data_creds, on_event=on_event, token_store=token_store)
        try:
            await data_client.domestic_price(_PROBE_CODE)
        except KisError as exc:
            log.info("market-data key test failed: %r", exc)
            return _failure(exc, "market_data")
        finally:
            await data_client.aclose()
    return ConnectionResult(True, holdings=holdings, data_checked=data_creds is not None)


def _failure(exc: KisError, part: str) -> ConnectionResult:
    code = exc.msg_cd if isinstance(exc, ApiError) else ""
    return ConnectionResult(False, describe(exc), msg_cd=code, failed_part=part)
