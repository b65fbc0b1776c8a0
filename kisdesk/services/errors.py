"""One sentence per cause: the text a user reads when something failed, wherever it shows.

The set-up dialog, the tabs, the order panel and the status bar all call :func:`describe`, so a
server that cannot be reached reads the same in each of them: the plain sentence first, then
the technical detail in parentheses, every registered secret masked.
"""

from __future__ import annotations

from keyring.errors import KeyringError

from kisdesk.config.masking import mask_text
from kisdesk.config.secrets import SecretStorageError
from kisdesk.i18n import translate
from kisdesk.kis.errors import KisError, NetworkError, ProtocolError, ServerError


def describe(exc: BaseException) -> str:
    """The user-facing sentence for ``exc``.

    KIS's own words (msg1) with its code where KIS answered; otherwise a plain sentence for the
    kind of failure with the detail after it. An error kisdesk did not expect keeps its type
    name, so a report of it can be traced.
    """
    return mask_text(_sentence(exc))


def expected(exc: BaseException) -> bool:
    """A failure of the outside world (KIS, the network, the keyring), not a bug in kisdesk."""
    return isinstance(exc, KisError | SecretStorageError | KeyringError)


def _sentence(exc: BaseException) -> str:
    msg1 = getattr(exc, "msg1", "") or ""
    code = getattr(exc, "msg_cd", "") or ""
    if msg1:
        return f"{msg1} ({code})" if code else msg1
    if isinstance(exc, SecretStorageError):
        return str(exc)  # written without the secret (config.secrets)
    if isinstance(exc, KeyringError):
        return type(exc).__name__  # a backend's text can quote what it was asked to store
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, NetworkError):
        lead = translate("Errors", "Cannot reach the KIS server. Check the network connection.")
    elif isinstance(exc, ServerError):
        lead = translate("Errors", "The KIS server is not answering properly (server error).")
    elif isinstance(exc, ProtocolError):
        lead = translate("Errors", "KIS sent an answer kisdesk could not read.")
    elif isinstance(exc, KisError):
        return detail
    else:
        return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return f"{lead} ({detail})"
