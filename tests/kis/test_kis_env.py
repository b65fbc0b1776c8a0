"""Environments and TR tables; the client package imports without Qt."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from kisdesk.kis import PAPER, REAL, demo_environment, environments
from kisdesk.kis.env import TR_IDS
from kisdesk.kis.orders import months_back
from kisdesk.kis.overseas_trs import order_tr


def test_hosts_and_rates() -> None:
    assert REAL.base_url == "https://openapi.koreainvestment.com:9443"
    assert PAPER.base_url == "https://openapivts.koreainvestment.com:29443"
    assert (REAL.rate_per_sec, PAPER.rate_per_sec) == (20, 2)
    demo = demo_environment("http://127.0.0.1:1", "ws://127.0.0.1:1")
    assert (demo.name, demo.profile, demo.rate_per_sec) == ("demo", "real", 20)
    assert environments.by_name("paper") is PAPER
    assert environments.by_name("demo", demo=demo) is demo
    with pytest.raises(ValueError):
        environments.by_name("demo")


def test_paper_table_is_explicit_not_the_v_rule() -> None:
    real, paper = TR_IDS["real"], TR_IDS["paper"]
    assert real.keys() == paper.keys()
    # The overseas order TRs live in their own table (overseas_trs.py), written out too.
    us_sell = order_tr("NASD", "sell")
    assert (us_sell.tr_id(False), us_sell.tr_id(True)) == ("TTTT1006U", "VTTT1001U")
    assert real["domestic_price"] == paper["domestic_price"] == "FHKST01010100"  # same TR
    for real_only in (
        "sellable_quantity",
        "cancellable_orders",
        "credit_balance_ranking",
        "product_info",
        "overseas_price_detail",
    ):
        assert real[real_only] and paper[real_only] is None
    assert PAPER.tr_id("domestic_balance") == "VTTC8434R"
    # Seed 004 lists 해외주식 미체결내역 as offered on paper (the digest says real-only; the seed
    # wins).
    assert (real["overseas_open_orders"], paper["overseas_open_orders"]) == (
        "TTTS3018R",
        "VTTS3018R",
    )


def test_three_month_boundary_is_by_month() -> None:
    # endpoints.md D8: on 2024-04-25 "within 3 months" means January to April.
    today = dt.date(2024, 4, 25)
    assert months_back(dt.date(2024, 1, 1), today) == 3
    assert months_back(dt.date(2023, 12, 31), today) == 4


def test_client_package_imports_without_qt() -> None:
    code = (
        "import sys, kisdesk.kis, kisdesk.kis.client;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'qasync', 'aiohttp'))];"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
