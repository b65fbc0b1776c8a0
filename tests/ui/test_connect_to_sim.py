"""connect_to_sim: how the demo session, the tests and the benches connect to a simulator."""

from __future__ import annotations

import subprocess
import sys

import httpx


def test_the_session_module_does_not_load_the_simulator():
    """Paper and real never pay for aiohttp: the simulator is imported only in demo and tests."""
    code = (
        "import sys\n"
        "import kisdesk.services.session\n"
        "print(sorted(m for m in sys.modules if m.startswith(('kisdesk.sim', 'aiohttp'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"


def test_a_paper_session_on_a_simulator_thread(run_async, paper_sim, memory_keyring):
    from kisdesk.kis.env import PAPER_RATE_PER_SEC
    from kisdesk.services.session import connect_to_sim

    session = connect_to_sim(paper_sim, "large", env_name="paper", profile="paper")
    assert (session.name, session.env.profile) == ("paper", "paper")
    assert session.env.rate_per_sec == PAPER_RATE_PER_SEC
    assert session.account == paper_sim.accounts["large"]
    assert session.profile_name == "paper"
    balance = run_async(session.client.domestic_balance())
    assert balance.holdings
    # Simulator tokens stay in memory, never in the keyring.
    assert memory_keyring.entries() == []
    run_async(session.close())
    # The session did not own this simulator: it still answers.
    assert httpx.get(paper_sim.base_url + "/__sim/stats", timeout=10).status_code == 200


def test_the_demo_session_owns_its_simulator(run_async):
    from kisdesk.services.session import start_demo_session

    session = run_async(start_demo_session(seed=7, ticker_interval=None))
    sim = session.sim
    assert sim is not None and session.name == "demo" and session.env.profile == "real"
    base_url = sim.base_url
    assert run_async(session.client.domestic_price("005930")).price > 0
    run_async(session.close())
    assert session.sim is None
    try:
        httpx.get(base_url + "/__sim/stats", timeout=2)
    except httpx.TransportError:
        pass
    else:
        raise AssertionError("the demo simulator still answers after the session closed")
