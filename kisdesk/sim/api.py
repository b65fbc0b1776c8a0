"""The request/route types shared by the endpoint modules and the server."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .envelope import KisError, Reply, field_error

if TYPE_CHECKING:
    from .accounts import Account
    from .world import SimWorld


@dataclass
class ApiRequest:
    path: str
    method: str
    tr_id: str
    op: str  # what the TR ID selects within the path ("buy", "sell", "" …)
    profile: str
    params: dict[str, str]  # UPPER-case keys
    tr_cont: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)

    def get(self, name: str, *, required: bool = True, default: str = "") -> str:
        value = self.params.get(name)
        if value is None:
            if required:
                raise field_error(name)
            return default
        return value

    def raw(self, name: str) -> str | None:
        return self.params.get(name)

    @property
    def paper(self) -> bool:
        return self.profile == "paper"


Handler = Callable[["SimWorld", ApiRequest], Reply]


@dataclass(frozen=True)
class ApiSpec:
    """One KIS REST function: path, method and the TR IDs each profile accepts.

    ``real``/``paper`` map TR ID → op. An empty ``paper`` map means "모의투자 미지원".
    """

    name: str
    method: str
    path: str
    real: Mapping[str, str]
    paper: Mapping[str, str]
    handler: Handler

    @property
    def real_only(self) -> bool:
        return not self.paper


def resolve_account(world: SimWorld, req: ApiRequest) -> Account:
    cano = req.get("CANO")
    prdt = req.get("ACNT_PRDT_CD")
    acct = world.account_by_number(cano, prdt)
    if acct is None:
        raise KisError("OPSQ2000")
    return acct
