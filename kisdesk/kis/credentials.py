"""App key, app secret and account: held in memory only, masked in every text form."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kisdesk.config.masking import mask_account, register_secret


@dataclass(frozen=True, repr=False)
class Credentials:
    appkey: str
    appsecret: str
    account: str  # "50012345-01": CANO (8 digits) + ACNT_PRDT_CD (2 digits)
    hts_id: str = ""

    def __post_init__(self) -> None:
        cano, sep, prdt = self.account.partition("-")
        if not sep:  # "5001234501" is accepted too
            cano, prdt = self.account[:-2], self.account[-2:]
        # isascii(): str.isdigit() also takes full-width digits, which KIS refuses.
        digits = cano.isascii() and prdt.isascii() and cano.isdigit() and prdt.isdigit()
        if not (digits and len(cano) == 8 and len(prdt) == 2):
            # Never echo the value: it is a secret even when malformed.
            raise ValueError("account must look like 8 digits, '-', 2 digits")
        object.__setattr__(self, "account", f"{cano}-{prdt}")
        # Anything that could print these later (logs, errors) will mask them from now on.
        for secret in (self.appkey, self.appsecret, self.account, self.hts_id):
            register_secret(secret)

    @property
    def cano(self) -> str:
        return self.account.split("-", 1)[0]

    @property
    def acnt_prdt_cd(self) -> str:
        return self.account.split("-", 1)[1]

    @property
    def appkey_id(self) -> str:
        """A stable, non-reversible name for the app key (keyring usernames, limiter registry)."""
        return hashlib.sha256(self.appkey.encode()).hexdigest()[:16]

    @property
    def masked_account(self) -> str:
        return mask_account(self.account)

    def __repr__(self) -> str:
        return f"Credentials(appkey=***, appsecret=***, account={self.masked_account!r})"

    __str__ = __repr__
