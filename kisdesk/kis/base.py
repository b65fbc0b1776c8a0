"""What every API family needs: the transport, the account, and small value formatters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from kisdesk.kis.credentials import Credentials
from kisdesk.kis.transport import Transport

KST = dt.timezone(dt.timedelta(hours=9))


class ApiBase:
    _t: Transport
    creds: Credentials

    def _account(self) -> dict[str, str]:
        return {"CANO": self.creds.cano, "ACNT_PRDT_CD": self.creds.acnt_prdt_cd}


def today_kst() -> dt.date:
    return dt.datetime.now(KST).date()


def ymd(value: dt.date | str) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%Y%m%d")
    text = value.replace("-", "")
    if len(text) != 8 or not text.isdigit():
        raise ValueError(f"date must be YYYYMMDD, got {value!r}")
    return text


def qty_text(value: Any) -> str:
    """A quantity as KIS wants it: a positive whole number, as a string."""
    number = Decimal(str(value))
    if number <= 0 or number != number.to_integral_value():
        raise ValueError(f"quantity must be a positive whole number, got {value!r}")
    return str(int(number))


def price_text(value: Any, *, places: int | None = 0) -> str:
    """A price as a string: whole KRW for domestic (``places=0``), decimals kept otherwise."""
    try:
        number = Decimal(str(value).strip())
    except ArithmeticError:  # "" or text: never send a blank or garbled price
        raise ValueError(f"not a price: {value!r}") from None
    if number < 0 or not number.is_finite():
        raise ValueError(f"price must be >= 0, got {value!r}")
    if places == 0:
        if number != number.to_integral_value():
            raise ValueError(f"domestic prices are whole KRW, got {value!r}")
        return str(int(number))
    return format(number, "f")
