"""services/ops.py: async work started by a widget, with handlers that run only while the widget
exists. Sync tests on the shared qasync loop (tasks run while qtbot waits)."""

from __future__ import annotations

import asyncio
import gc
import logging
import weakref

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from kisdesk.kis.client import KisClient
from kisdesk.kis.credentials import Credentials
from kisdesk.kis.env import demo_environment
from kisdesk.kis.errors import ApiError
from kisdesk.kis.tokens import MemoryTokenStore
from kisdesk.services.errors import describe
from kisdesk.services.ops import Op, running_ops


class Seen:
    """What the handlers were called with, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def handlers(self, op: Op) -> Op:
        return (
            op.success(lambda r: self.calls.append(("success", r)))
            .failure(lambda text: self.calls.append(("failure", text)))
            .finished(lambda: self.calls.append(("finished", None)))
        )


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def balance_read(sim, appsecret: str | None = None):
    """A coroutine function: one balance read from ``sim`` (its client closed after)."""
    env = demo_environment(sim.base_url, sim.base_url.replace("http", "ws"))
    creds = Credentials(sim.appkey, appsecret or sim.appsecret, sim.accounts["demo"])
    client = KisClient(env, creds, token_store=MemoryTokenStore())

    async def read() -> int:
        try:
            return len((await client.domestic_balance()).holdings)
        finally:
            await client.aclose()

    return read


def test_success_runs_the_handlers_with_the_result(qtbot, qloop, parent, sim):
    seen = Seen()
    op = seen.handlers(Op(parent, balance_read(sim))).run_in_background()
    assert running_ops() >= 1 and not op.done()
    qtbot.waitUntil(op.done, timeout=15_000)
    holdings = op.result()
    assert holdings > 0
    assert seen.calls == [("success", holdings), ("finished", None)]
    assert op.exception() is None and not op.cancelled()
    assert running_ops() == 0


def test_failure_handler_gets_the_sentence_the_window_uses(qtbot, qloop, parent, sim):
    seen = Seen()
    wrong_secret = "wrong-secret-" + "x" * 160
    op = seen.handlers(Op(parent, balance_read(sim, wrong_secret))).run_in_background()
    qtbot.waitUntil(op.done, timeout=15_000)
    error = op.exception()
    assert isinstance(error, ApiError) and error.msg_cd == "EGW00105"
    text = describe(error)
    assert text == f"{error.msg1} (EGW00105)"
    assert seen.calls == [("failure", text), ("finished", None)]
    with pytest.raises(ApiError):
        op.result()
    assert running_ops() == 0


def test_an_unexpected_error_is_logged_and_still_described(qtbot, qloop, parent, caplog):
    seen = Seen()

    async def buggy() -> None:
        raise RuntimeError("a bug")

    with caplog.at_level(logging.ERROR, logger="kisdesk.services.ops"):
        op = seen.handlers(Op(parent, buggy)).run_in_background()
        qtbot.waitUntil(op.done, timeout=5_000)
    assert seen.calls == [("failure", "RuntimeError: a bug"), ("finished", None)]
    assert any("buggy crashed" in r.getMessage() and r.exc_info for r in caplog.records)


def test_parent_destroyed_before_completion_drops_the_result(qtbot, qloop):
    seen = Seen()
    gate = asyncio.Event()
    reports: list[object] = []
    widget = QWidget()  # no qtbot: deleted by hand below

    async def work() -> str:
        await gate.wait()
        op.report("late")  # the widget is gone: not delivered
        return "done"

    op = seen.handlers(Op(widget, work)).progress(reports.append)
    op.run_in_background()
    qtbot.wait(20)
    op.report("early")
    assert reports == ["early"]
    shiboken6.delete(widget)  # the C++ object is gone; the Python wrapper lingers
    assert not shiboken6.isValid(widget)
    gate.set()
    qtbot.waitUntil(op.done, timeout=5_000)
    assert op.result() == "done"  # the work ran to its end...
    assert seen.calls == []  # ...and no handler touched the deleted widget
    assert reports == ["early"]
    assert running_ops() == 0


def test_cancel_stops_the_work_and_calls_no_handler(qtbot, qloop, parent):
    seen = Seen()
    stages: list[str] = []

    async def forever() -> None:
        stages.append("started")
        try:
            await asyncio.Event().wait()
        finally:
            stages.append("cleaned up")

    op = seen.handlers(Op(parent, forever)).run_in_background()
    qtbot.waitUntil(lambda: stages == ["started"], timeout=5_000)
    assert op.cancel()
    qtbot.waitUntil(op.done, timeout=5_000)
    assert op.cancelled() and stages == ["started", "cleaned up"]
    assert seen.calls == []
    with pytest.raises(asyncio.CancelledError):
        op.result()
    assert not op.cancel()  # over already
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=1_000)

    # Cancelled before its first step: the work never starts, the op is still released.
    early = seen.handlers(Op(parent, forever)).run_in_background()
    early.cancel()
    qtbot.waitUntil(early.done, timeout=5_000)
    assert early.cancelled() and stages == ["started", "cleaned up"]
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=1_000)


def test_an_op_nobody_holds_runs_to_its_end(qtbot, qloop, parent):
    """The loop holds tasks only weakly: work waiting on a future that only it references
    (as a reply from another thread may be) is garbage unless the op keeps itself alive."""
    seen = Seen()
    pending: list[weakref.ref] = []

    async def work() -> int:
        future = asyncio.get_event_loop().create_future()
        pending.append(weakref.ref(future))
        return await future

    ref = weakref.ref(seen.handlers(Op(parent, work)).run_in_background())
    qtbot.waitUntil(lambda: pending != [], timeout=5_000)
    gc.collect()
    assert ref() is not None  # kept alive by the op registry while it runs
    future = pending[0]()
    assert future is not None
    future.set_result(7)
    del future
    qtbot.waitUntil(lambda: seen.calls != [], timeout=5_000)
    assert seen.calls == [("success", 7), ("finished", None)]
    qtbot.waitUntil(lambda: running_ops() == 0, timeout=1_000)
    gc.collect()
    assert ref() is None  # and let go of once done: no cycle through the handlers


def test_still_working_fires_once_for_slow_work_only(qtbot, qloop, parent):
    slow: list[str] = []
    fast: list[str] = []

    async def pause(seconds: float) -> None:
        await asyncio.sleep(seconds)

    a = Op(parent, lambda: pause(0.4)).still_working(0.1, lambda: slow.append("still"))
    b = Op(parent, lambda: pause(0.0)).still_working(0.1, lambda: fast.append("still"))
    a.run_in_background()
    b.run_in_background()
    qtbot.waitUntil(lambda: a.done() and b.done(), timeout=5_000)
    qtbot.wait(150)
    assert slow == ["still"]
    assert fast == []


def test_a_failing_handler_is_logged_not_lost(qtbot, qloop, parent, caplog):
    async def work() -> int:
        return 1

    def bad(_result: int) -> None:
        raise ValueError("handler bug")

    with caplog.at_level(logging.ERROR, logger="kisdesk.services.ops"):
        op = Op(parent, work).success(bad).run_in_background()
        qtbot.waitUntil(op.done, timeout=5_000)
    assert op.result() == 1
    assert any("a handler of work failed" in r.getMessage() for r in caplog.records)
