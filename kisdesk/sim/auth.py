"""Credentials, access tokens with KIS's issuance rules, and the OAuth routes that hand them out.

- tokenP within 60 s of the previous successful call for the same app key → HTTP 403 EGW00133.
- tokenP again later but within 6 hours of the token's issuance → the same token, same expiry.
- after 6 hours (or once the token is expired/revoked) → a new token, valid 24 hours.

The OAuth routes (tokenP, revokeP, Approval) answer outside the KIS envelope and outside the
rate limit (auth.md).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import secrets
import string
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiohttp import web

from .clock import KST, SimClock
from .envelope import TokenError, gateway_error
from .responses import json_response, read_json_object, token_error_response
from .stats import SimStats

TOKEN_LIFETIME = 86_400
REUSE_WINDOW = 6 * 3600
ISSUE_INTERVAL = 60
APPROVAL_LIFETIME = 86_400  # auth.md §3: an approval key is valid 24 hours


def make_credentials(seed: int, profile: str) -> tuple[str, str]:
    """A KIS-shaped pair: 36-char app key ("PS…") and a 180-char secret."""
    rng = random.Random(f"kisdesk-sim:{seed}:{profile}:credentials")
    alnum = string.ascii_letters + string.digits
    appkey = "PS" + "".join(rng.choice(alnum) for _ in range(34))
    secret = "".join(rng.choice(alnum + "+/") for _ in range(179)) + "="
    return appkey, secret


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Token:
    value: str
    appkey: str
    issued_at: float
    expires_at: float
    revoked: bool = False


class TokenStore:
    def __init__(self, clock: SimClock) -> None:
        self.clock = clock
        self.credentials: dict[str, str] = {}
        self._key = secrets.token_bytes(32)
        self._tokens: dict[str, Token] = {}
        self._current: dict[str, Token] = {}
        self._last_call: dict[str, float] = {}
        self.issued = 0

    # ---- credentials -------------------------------------------------------------------------

    def check_pair(self, appkey: str | None, appsecret: str | None) -> None:
        """Token-endpoint credential check (token-error shape)."""
        if not appkey:
            raise TokenError("EGW00102")
        if appkey not in self.credentials:
            raise TokenError("EGW00103")
        if not appsecret:
            raise TokenError("EGW00104")
        if not hmac.compare_digest(self.credentials[appkey], appsecret):
            raise TokenError("EGW00105")

    def check_headers(self, appkey: str | None, appsecret: str | None) -> None:
        """API-call credential check (envelope shape, HTTP 500)."""
        if not appkey:
            raise gateway_error("EGW00102")
        if appkey not in self.credentials:
            raise gateway_error("EGW00103")
        if not appsecret:
            raise gateway_error("EGW00104")
        if not hmac.compare_digest(self.credentials[appkey], appsecret):
            raise gateway_error("EGW00105")

    # ---- tokens ------------------------------------------------------------------------------

    def issue(self, appkey: str) -> Token:
        now = self.clock.timestamp()
        last = self._last_call.get(appkey)
        if last is not None and now - last < ISSUE_INTERVAL:
            raise TokenError("EGW00133")
        self._last_call[appkey] = now
        cur = self._current.get(appkey)
        if (
            cur is not None
            and not cur.revoked
            and now < cur.expires_at
            and now - cur.issued_at < REUSE_WINDOW
        ):
            return cur
        tok = self._mint(appkey, now)
        self._current[appkey] = tok
        self._tokens[tok.value] = tok
        self.issued += 1
        return tok

    def _mint(self, appkey: str, now: float) -> Token:
        exp = now + TOKEN_LIFETIME
        header = {"typ": "JWT", "alg": "HS512"}
        payload = {
            "sub": "token",
            "aud": str(uuid.uuid4()),
            "prdt_cd": "",
            "iss": "unogw",
            "exp": int(exp),
            "iat": int(now),
            "jti": appkey,
        }
        signing = (
            _b64(json.dumps(header, separators=(",", ":")).encode())
            + "."
            + _b64(json.dumps(payload, separators=(",", ":")).encode())
        )
        sig = _b64(hmac.new(self._key, signing.encode(), hashlib.sha512).digest())
        return Token(signing + "." + sig, appkey, now, exp)

    def validate(self, appkey: str, authorization: str | None) -> None:
        if not authorization:
            raise gateway_error("EGW00121")
        if not authorization.startswith("Bearer "):
            raise gateway_error("EGW00205")
        tok = self._tokens.get(authorization[len("Bearer ") :].strip())
        if tok is None or tok.revoked or tok.appkey != appkey:
            raise gateway_error("EGW00121")
        if self.clock.timestamp() >= tok.expires_at:
            raise gateway_error("EGW00123")

    def revoke(self, appkey: str, token: str) -> bool:
        tok = self._tokens.get(token)
        if tok is None or tok.appkey != appkey or tok.revoked:
            return False
        tok.revoked = True
        if self._current.get(appkey) is tok:
            del self._current[appkey]
        return True

    def expire_all(self, *, keep_issue_limit: bool = False) -> None:
        """Expire every token now. Unless ``keep_issue_limit``, also forget the 1/minute
        window so a client can re-issue at once (KIS would still make it wait)."""
        now = self.clock.timestamp()
        for tok in self._tokens.values():
            tok.expires_at = min(tok.expires_at, now)
        if not keep_issue_limit:
            self._last_call.clear()

    @staticmethod
    def expiry_text(tok: Token) -> str:
        return datetime.fromtimestamp(int(tok.expires_at), KST).strftime("%Y-%m-%d %H:%M:%S")


class ApprovalKeys:
    """Websocket approval keys: every /oauth2/Approval call issues a new one, valid 24 hours,
    and every key issued for an app key and not expired is accepted (some clients issue a fresh
    key before each subscribe message). The key is checked when a websocket session is set up;
    a live session keeps streaming after it expires (auth.md §3)."""

    def __init__(self, clock: SimClock) -> None:
        self.clock = clock
        self._keys: dict[str, tuple[str, float]] = {}  # approval key → (app key, expiry)

    def issue(self, appkey: str) -> str:
        key = str(uuid.uuid4())
        self._keys[key] = (appkey, self.clock.timestamp() + APPROVAL_LIFETIME)
        return key

    def appkey_of(self, key: str) -> str | None:
        """The app key ``key`` was issued for, while it has not expired."""
        entry = self._keys.get(key)
        if entry is None or self.clock.timestamp() >= entry[1]:
            return None
        return entry[0]

    def issued_for(self, key: str) -> str | None:
        """The app key ``key`` was issued for, expired or not."""
        entry = self._keys.get(key)
        return entry[0] if entry is not None else None

    def expire_all(self) -> None:
        now = self.clock.timestamp()
        self._keys = {k: (app, min(exp, now)) for k, (app, exp) in self._keys.items()}


class OAuthRoutes:
    """POST /oauth2/tokenP, /oauth2/revokeP and /oauth2/Approval over one TokenStore."""

    def __init__(self, tokens: TokenStore, stats: SimStats) -> None:
        self.tokens = tokens
        self.stats = stats
        self.approvals = ApprovalKeys(tokens.clock)

    def add_to(self, app: web.Application) -> None:
        app.router.add_post("/oauth2/tokenP", self.token)
        app.router.add_post("/oauth2/revokeP", self.revoke)
        app.router.add_post("/oauth2/Approval", self.approval)

    @staticmethod
    async def _body(request: web.Request, *, grant: bool) -> dict[str, Any]:
        """The JSON object an OAuth call sends, with ``grant_type`` checked where it belongs."""
        body = await read_json_object(request)
        if body is None:
            raise TokenError("EGW00101", "잘못된 요청입니다.")
        if grant and body.get("grant_type") != "client_credentials":
            raise TokenError("EGW00101", "grant_type이 유효하지 않습니다.")
        return body

    async def token(self, request: web.Request) -> web.Response:
        self.stats.token_requests += 1
        try:
            body = await self._body(request, grant=True)
            self.tokens.check_pair(body.get("appkey"), body.get("appsecret"))
            before = self.tokens.issued
            tok = self.tokens.issue(body["appkey"])
        except TokenError as e:
            if e.code == "EGW00133":
                self.stats.token_refused += 1
            return token_error_response(e)
        if self.tokens.issued != before:
            self.stats.tokens_issued += 1
        remaining = max(0, int(tok.expires_at - self.tokens.clock.timestamp()))
        return json_response(
            {
                "access_token": tok.value,
                "access_token_token_expired": self.tokens.expiry_text(tok),
                "token_type": "Bearer",
                "expires_in": remaining,
            }
        )

    async def revoke(self, request: web.Request) -> web.Response:
        try:
            body = await self._body(request, grant=False)
            self.tokens.check_pair(body.get("appkey"), body.get("appsecret"))
            if not self.tokens.revoke(body["appkey"], str(body.get("token", ""))):
                raise TokenError("EGW00121", "유효하지 않은 token 입니다.")
        except TokenError as e:
            return token_error_response(e)
        return json_response({"code": 200, "message": "접근토큰 폐기에 성공하였습니다"})

    async def approval(self, request: web.Request) -> web.Response:
        try:
            body = await self._body(request, grant=True)
            # The approval body names the secret "secretkey", not "appsecret" (auth.md §3).
            self.tokens.check_pair(body.get("appkey"), body.get("secretkey"))
        except TokenError as e:
            return token_error_response(e)
        return json_response({"approval_key": self.approvals.issue(body["appkey"])})
