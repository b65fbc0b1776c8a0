"""Secret canary: a whole session with unique secret values, then look for them everywhere.

Set-up (paper + real market-data pair, a wrong secret first), connect, refreshes, injected
errors (a KIS error quoting the account, an HTML error page), an accepted and a rejected order,
rankings, a crash report and a log-out, all with logging at DEBUG into a temp KISDESK_HOME.
No secret value may appear in any file written there (settings, logs, crash files), in captured
log output, or in any text shown to the user.
"""

from __future__ import annotations

import json
import logging
import sys
import uuid

import pytest

from kisdesk.config.profiles import ProfileStore
from kisdesk.config.secrets import SERVICE
from kisdesk.kis.errors import KisError
from kisdesk.services.profile_session import log_out, start_profile_session
from kisdesk.services.refresher import Refresher
from kisdesk.sim.testing import SimThread
from kisdesk.ui import crash
from kisdesk.ui.setup_dialog import SetupDialog

BALANCE = "/uapi/domestic-stock/v1/trading/inquire-balance"


def canary_pair(tag: str) -> tuple[str, str]:
    marker = uuid.uuid4().hex  # unique per run: a hit can only come from this test
    appkey = ("PS" + tag + marker)[:36].ljust(36, "K")
    secret = (f"{tag}Secret{marker}" + "S" * 180)[:179] + "="
    return appkey, secret


@pytest.fixture
def canary_servers():
    paper_key, paper_secret = canary_pair("CNRYp")
    data_key, data_secret = canary_pair("CNRYr")
    with (
        SimThread(profile="paper", seed=77, appkey=paper_key, appsecret=paper_secret) as paper,
        SimThread(profile="real", seed=78, appkey=data_key, appsecret=data_secret) as real,
    ):
        yield paper, real


def test_no_secret_reaches_any_file_or_log(
    qtbot,
    qloop,
    run_async,
    kisdesk_home,
    logging_home,
    settings,
    caplog,
    canary_servers,
    memory_keyring,
):
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore"):  # the noisiest loggers on, to be sure they are masked
        logging.getLogger(name).setLevel(logging.DEBUG)
    paper, real = canary_servers
    account = paper.accounts["demo"]
    hts_id = "cnry" + uuid.uuid4().hex[:8]
    shown: list[str] = []  # every text a user could read

    # -- set-up dialog: test, save ------------------------------------------------------------
    dialog = SetupDialog(
        settings, env="paper", base_urls={"paper": paper.base_url, "real": real.base_url}
    )
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.name_edit.setText("Canary")
    dialog.appkey_edit.setText(paper.appkey)
    dialog.appsecret_edit.setText(paper.appsecret + "x")  # a wrong secret first
    dialog.account_edit.setText(account)
    dialog.hts_edit.setText(hts_id)
    dialog.data_appkey_edit.setText(real.appkey)
    dialog.data_appsecret_edit.setText(real.appsecret)
    dialog.start_test()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=15_000)
    assert not dialog.last_result.ok
    shown.append(dialog.status_label.text())
    dialog.appsecret_edit.setText(paper.appsecret)
    dialog.start_test()
    qtbot.waitUntil(lambda: dialog.last_result.ok, timeout=15_000)
    shown.append(dialog.status_label.text())
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    profile = saved.args[0]
    ProfileStore(settings).set_last(profile)

    # -- a session: refreshes, injected errors, orders, rankings ------------------------------
    events = []
    session = run_async(
        start_profile_session(
            profile,
            on_event=events.append,
            base_url_override=paper.base_url,
            data_base_url_override=real.base_url,
        )
    )
    client = session.client
    refresher = Refresher(lambda progress: client.domestic_balance(progress=progress))
    results: list[object] = []
    refresher.loaded.connect(results.append)
    refresher.failed.connect(results.append)

    def refresh() -> object:
        before = len(results)
        refresher.request()
        qtbot.waitUntil(lambda: len(results) > before, timeout=15_000)
        return results[-1]

    assert not isinstance(refresh(), str)
    paper.faults.add(
        "error",
        BALANCE,
        count=1,
        status=500,
        msg_cd="OPSQ0002",
        msg1=f"injected failure for {account}",
    )
    shown.append(refresh())
    assert isinstance(shown[-1], str)
    paper.faults.add("html_error", BALANCE, count=3)  # every try of one refresh
    shown.append(refresh())
    assert isinstance(shown[-1], str)
    assert not isinstance(refresh(), str)

    ack = run_async(client.buy("005930", 1, 0, order_type="01"))
    assert ack.order_no
    with pytest.raises(KisError) as rejected:
        run_async(client.buy("005930", 10**9, 0, order_type="01"))
    shown.append(str(rejected.value))
    rows = run_async(session.data_client.volume_rank())
    assert rows

    # Tokens in use, to look for them too (the keyring is the only place they may be).
    tokens = [
        json.loads(value)["access_token"]
        for (service, user), value in memory_keyring._store.items()
        if service == SERVICE and user.startswith("token/")
    ]
    assert len(tokens) == 2  # paper and the market-data key

    # -- a crash report whose exception text holds everything ---------------------------------
    try:
        raise RuntimeError(
            f"boom {paper.appkey} {paper.appsecret} {account} {hts_id} {tokens[0]} {real.appsecret}"
        )
    except RuntimeError:
        crash.report(*sys.exc_info())
    qtbot.wait(10)  # the (suppressed offscreen) dialog timer

    run_async(log_out(session))
    settings.sync()

    # -- look everywhere ----------------------------------------------------------------------
    secrets = {
        "paper appkey": paper.appkey,
        "paper appsecret": paper.appsecret,
        "data appkey": real.appkey,
        "data appsecret": real.appsecret,
        "account": account,
        "account digits": account.replace("-", ""),
        "CANO": account[:8],
        "HTS ID": hts_id,
        **{f"token {i}": t for i, t in enumerate(tokens)},
    }
    files = [p for p in kisdesk_home.rglob("*") if p.is_file()]
    for h in logging.getLogger().handlers:
        h.flush()
    names = {p.name for p in files}
    assert "kisdesk.ini" in names and "kisdesk.log" in names
    assert any(n.startswith("crash-") for n in names)
    log_text = (kisdesk_home / "logs" / "kisdesk.log").read_text(encoding="utf-8")
    assert "boom" in log_text and "token_issued" in log_text  # the log did record the session
    haystacks = {
        str(p.relative_to(kisdesk_home)): p.read_bytes().decode("utf-8", "replace") for p in files
    }
    haystacks["caplog"] = caplog.text
    haystacks["shown to the user"] = "\n".join(map(str, shown))
    haystacks["client events"] = "\n".join(e.message for e in events)
    for where, text in haystacks.items():
        for what, value in secrets.items():
            assert value not in text, f"{what} found in {where}"
