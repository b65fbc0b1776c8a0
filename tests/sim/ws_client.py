"""A websocket client for the simulator's websocket tests: the `websockets` sync client over TCP,
frames read with the app's own parsers (kisdesk.kis.realtime), as the app would read them."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
from websockets.sync.client import ClientConnection, connect

from kisdesk.kis.realtime import (
    ControlReply,
    DataFrame,
    NoticeCipher,
    PingPong,
    parse_frame,
    subscribe_message,
    unsubscribe_message,
)
from kisdesk.sim.testing import SimThread


def approval_key(sim: SimThread, appkey: str | None = None, secret: str | None = None) -> str:
    r = httpx.post(
        sim.base_url + "/oauth2/Approval",
        json={
            "grant_type": "client_credentials",
            "appkey": appkey or sim.appkey,
            "secretkey": secret or sim.appsecret,
        },
    )
    assert r.status_code == 200, r.text
    return r.json()["approval_key"]


class Ws:
    """One socket: subscribe, read frames (PINGPONG answered unless ``echo=False``)."""

    def __init__(
        self,
        sim: SimThread,
        path: str = "/tryitout",
        *,
        key: str | None = None,
        echo: bool = True,
        ping_interval: float | None = None,
    ) -> None:
        self.sim = sim
        self.key = key or approval_key(sim)
        self.echo = echo
        self.conn: ClientConnection = connect(
            sim.ws_url + path,
            ping_interval=ping_interval,
            max_size=None,
            open_timeout=5,
            legacy=True,
        )
        self.ciphers: dict[str, NoticeCipher] = {}
        self.pings: list[PingPong] = []
        self.raw: list[str] = []

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ws:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(self, text: str) -> None:
        self.conn.send(text)

    def send_json(self, message: Any) -> None:
        self.conn.send(json.dumps(message))

    def subscribe(self, tr_id: str, tr_key: str, **kw: Any) -> ControlReply:
        self.send(subscribe_message(kw.pop("key", self.key), tr_id, tr_key, **kw))
        return self.reply()

    def unsubscribe(self, tr_id: str, tr_key: str) -> ControlReply:
        self.send(unsubscribe_message(self.key, tr_id, tr_key))
        return self.reply()

    def recv(self, timeout: float = 5.0) -> ControlReply | PingPong | DataFrame:
        text = self.conn.recv(timeout=timeout)
        assert isinstance(text, str)
        self.raw.append(text)
        frame = parse_frame(text, self.ciphers)
        if isinstance(frame, PingPong):
            self.pings.append(frame)
            if self.echo:
                self.send(frame.text)
        if isinstance(frame, ControlReply):
            cipher = frame.cipher()
            if cipher is not None:
                self.ciphers[frame.tr_id] = cipher
        return frame

    def reply(self, timeout: float = 5.0) -> ControlReply:
        """The next control reply (data frames and pings before it are skipped)."""
        deadline = time.monotonic() + timeout
        while True:
            frame = self.recv(max(0.01, deadline - time.monotonic()))
            if isinstance(frame, ControlReply):
                return frame

    def data(self, tr_id: str | None = None, timeout: float = 5.0) -> DataFrame:
        """The next data frame (of ``tr_id``), skipping pings and other TRs."""
        deadline = time.monotonic() + timeout
        while True:
            frame = self.recv(max(0.01, deadline - time.monotonic()))
            if isinstance(frame, DataFrame) and (tr_id is None or frame.tr_id == tr_id):
                return frame

    def drain(self, quiet: float = 0.2) -> list[Any]:
        """Every frame that arrives until none has for ``quiet`` seconds."""
        frames: list[Any] = []
        while True:
            try:
                frames.append(self.recv(quiet))
            except TimeoutError:
                return frames
