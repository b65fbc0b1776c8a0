"""HTTP answers as KIS sends them: JSON bodies with KIS's response headers, and errors in the
envelope. Shared by the server pipeline and the OAuth routes."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

from aiohttp import web

from .envelope import KisError, TokenError

JSON_CT = "application/json; charset=utf-8"
MSG_CD = web.ResponseKey("msg_cd", str)  # what the stats log records for each response


def json_response(
    body: Any,
    status: int = 200,
    tr_id: str | None = None,
    tr_cont: str = "",
    msg_cd: str = "",
) -> web.Response:
    """A JSON answer; API answers (``tr_id`` given) carry KIS's lower-case response headers."""
    headers = {"content-type": JSON_CT}
    if tr_id is not None:
        headers["tr_id"] = tr_id
        headers["tr_cont"] = tr_cont
        headers["gt_uid"] = uuid.uuid4().hex
    resp = web.Response(
        status=status, body=json.dumps(body, ensure_ascii=False).encode(), headers=headers
    )
    resp[MSG_CD] = msg_cd
    return resp


def error_response(
    err: KisError, tr_id: str | None, code_map: Mapping[str, tuple[str, str]]
) -> web.Response:
    """A failure envelope; ``code_map`` remaps synthetic codes (SIM000xx) for a test."""
    body = err.body()
    if err.msg_cd in code_map:
        body["msg_cd"], body["msg1"] = code_map[err.msg_cd]
    return json_response(body, err.status, tr_id or "", "", body["msg_cd"])


def token_error_response(err: TokenError) -> web.Response:
    return json_response(err.body(), err.status, msg_cd=err.code)


async def read_json_object(request: web.Request) -> dict[str, Any] | None:
    """The request body as a JSON object, or None when it is not one."""
    try:
        data = json.loads(await request.read() or b"null")
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None
