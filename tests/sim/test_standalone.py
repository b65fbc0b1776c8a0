"""`python -m kisdesk.sim` prints one JSON line first, then serves until killed."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import httpx
import pytest


def _start(*args: str) -> tuple[subprocess.Popen[str], dict]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kisdesk.sim", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    return proc, json.loads(line)


def _stop(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


@pytest.mark.slow
def test_first_line_is_json_and_server_answers() -> None:
    proc, info = _start("--seed", "3", "--profile", "paper")
    try:
        assert {"base_url", "ws_url", "appkey", "appsecret", "accounts"} <= set(info)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", info["base_url"])
        assert info["ws_url"].startswith("ws://127.0.0.1:")
        assert len(info["appkey"]) == 36 and len(info["appsecret"]) == 180
        for name in ("demo", "large"):
            assert re.fullmatch(r"\d{8}-\d{2}", info["accounts"][name])
        r = httpx.post(
            info["base_url"] + "/oauth2/tokenP",
            json={
                "grant_type": "client_credentials",
                "appkey": info["appkey"],
                "appsecret": info["appsecret"],
            },
        )
        assert r.status_code == 200 and r.json()["token_type"] == "Bearer"
    finally:
        _stop(proc)
    assert proc.returncode is not None


@pytest.mark.slow
def test_credentials_can_be_set() -> None:
    key, secret = "PS" + "A" * 34, "S" * 180
    proc, info = _start("--appkey", key, "--appsecret", secret)
    try:
        assert (info["appkey"], info["appsecret"]) == (key, secret)
        r = httpx.post(
            info["base_url"] + "/oauth2/tokenP",
            json={"grant_type": "client_credentials", "appkey": key, "appsecret": secret},
        )
        assert r.status_code == 200
    finally:
        _stop(proc)
