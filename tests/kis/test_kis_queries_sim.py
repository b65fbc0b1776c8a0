"""Every query endpoint over TCP against the simulator, compared with the server's own state."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kisdesk.kis import CreditSort, NotOfferedInPaper, PageLimitExceeded

pytestmark = pytest.mark.asyncio

P_BALANCE = "/uapi/domestic-stock/v1/trading/inquire-balance"


async def test_large_account_all_pages_equal_the_server(sim, kis_client) -> None:
    client = kis_client(sim, "large")
    progress: list[tuple[int, int]] = []
    balance = await client.domestic_balance(progress=lambda p, r: progress.append((p, r)))
    await client.aclose()

    def server_state(server):
        acct = server.account("large")
        rows = {
            h.code: (h.qty, h.cost, server.market.domestic(h.code).price)
            for h in acct.holdings.values()
        }
        return rows, acct.deposit

    rows, deposit = sim.call(server_state)
    assert len(balance.holdings) == 300 == len(rows)
    got = {h.code: (int(h.quantity), h.purchase_amount, h.price) for h in balance.holdings}
    assert got == rows
    assert len({h.code for h in balance.holdings}) == 300  # no page read twice
    assert balance.pages == 6 and progress == [(i, 50 * i) for i in range(1, 7)]
    assert sim.stats.by_tr_id["TTTC8434R"] == 6
    s = balance.summary
    assert s.deposit == deposit
    assert s.purchase_total == sum(h.purchase_amount for h in balance.holdings)
    assert s.eval_total == sum(h.eval_amount for h in balance.holdings)
    assert s.pnl_total == s.eval_total - s.purchase_total
    assert all(isinstance(h.avg_price, Decimal) for h in balance.holdings)


async def test_page_cap_raises_instead_of_truncating(sim, kis_client) -> None:
    client = kis_client(sim, "large")
    with pytest.raises(PageLimitExceeded) as info:
        await client.domestic_balance(max_pages=2)
    await client.aclose()
    assert (info.value.pages, info.value.rows) == (2, 100)
    assert sim.stats.by_path[P_BALANCE] == 2  # stopped, did not read further


async def test_quotes_chart_and_product_info(sim, kis_client) -> None:
    client = kis_client(sim)
    quote = await client.domestic_price("005930")
    chart = await client.daily_chart("005930", dt.date(2025, 1, 1), dt.date.today())
    info = await client.product_info("005930")
    us = await client.overseas_price("NAS", "AAPL")
    await client.aclose()

    def server_quotes(server):
        q = server.market.domestic("005930")
        o = server.market.overseas("NASD", "AAPL")
        return q.price, q.base, q.upper, q.lower, q.listing.name, o.price

    price, base, upper, lower, name, us_price = sim.call(server_quotes)
    assert (quote.price, quote.base, quote.upper, quote.lower) == (price, base, upper, lower)
    assert quote.change == price - base and quote.code == "005930"
    assert quote.tick > 0
    assert 0 < len(chart.bars) <= 100
    dates = [b.date for b in chart.bars]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert all(b.low <= b.close <= b.high for b in chart.bars)
    assert info.code == "005930" and info.product_type == "300" and name in info.name
    assert us.price == us_price and us.code == "AAPL"


async def test_buying_power_and_sellable_quantity(sim, kis_client) -> None:
    client = kis_client(sim)
    power = await client.buying_power("005930", 0)
    sellable = await client.sellable_quantity("005930")
    await client.aclose()

    def state(server):
        acct = server.account("demo")
        return acct.d2_cash, acct.holdings["005930"].qty

    cash, qty = sim.call(state)
    assert power.orderable_cash == cash
    assert power.max_qty >= power.no_receivable_qty >= 0
    assert sellable.code == "005930" and sellable.orderable_qty == qty


async def test_overseas_balance_per_exchange_and_present_balance(sim, kis_client) -> None:
    client = kis_client(sim, "large")
    us = await client.overseas_balance("NASD")  # NASD = every US exchange on real
    hk = await client.overseas_balance("SEHK")
    present = await client.overseas_present_balance()
    await client.aclose()

    def state(server):
        from kisdesk.sim.universe import EXCHANGES, US_EXCHANGES

        acct = server.account("large")
        us_rows = {h.code: (h.qty, h.cost) for h in acct.ovs_for(US_EXCHANGES)}
        hk_rows = {h.code: (h.qty, h.cost) for h in acct.ovs_for(("SEHK",))}
        return us_rows, hk_rows, len(acct.ovs), EXCHANGES["SEHK"].currency

    us_rows, hk_rows, total, hk_ccy = sim.call(state)
    assert {h.code: (int(h.quantity), h.purchase_amount) for h in us.holdings} == us_rows
    assert us.pages == 2 and len(us.holdings) == 150  # 100 rows a page on real
    assert {h.code: (int(h.quantity), h.purchase_amount) for h in hk.holdings} == hk_rows
    assert hk.currency == hk_ccy and all(h.currency == hk_ccy for h in hk.holdings)
    assert us.summary.purchase_total == sum(h.purchase_amount for h in us.holdings)
    assert len(present.holdings) == total
    assert present.totals is not None and present.currencies


async def test_credit_balance_ranking_all_ten_sort_codes(sim, kis_client) -> None:
    client = kis_client(sim)
    key = {
        CreditSort.LOAN_RATIO: ("loan_rate", True),
        CreditSort.LOAN_QTY: ("loan_shares", True),
        CreditSort.LOAN_AMOUNT: ("loan_amount", True),
        CreditSort.LOAN_RATIO_INCREASE: ("loan_increase_rate", True),
        CreditSort.LOAN_RATIO_DECREASE: ("loan_increase_rate", False),
        CreditSort.SHORT_RATIO: ("short_rate", True),
        CreditSort.SHORT_QTY: ("short_shares", True),
        CreditSort.SHORT_AMOUNT: ("short_amount", True),
        CreditSort.SHORT_RATIO_INCREASE: ("short_increase_rate", True),
        CreditSort.SHORT_RATIO_DECREASE: ("short_increase_rate", False),
    }
    assert len(key) == len(CreditSort) == 10
    seen = set()
    for sort, (field, desc) in key.items():
        ranking = await client.credit_balance_ranking(sort, market="0000", days=5)
        assert ranking.sort is sort and ranking.header is not None
        assert 0 < len(ranking.rows) <= 30
        values = [getattr(r, field) for r in ranking.rows]
        assert values == sorted(values, reverse=desc), sort
        seen.add(tuple(r.code for r in ranking.rows))
    await client.aclose()
    assert len(seen) > 1  # the codes really select different orders
    assert sim.stats.by_tr_id["FHKST17010000"] == 10


async def test_volume_fluctuation_and_market_cap_rankings(sim, kis_client) -> None:
    client = kis_client(sim)
    volume = await client.volume_rank()
    risers = await client.fluctuation_rank(sort="0")
    fallers = await client.fluctuation_rank(sort="1")
    caps = await client.market_cap_rank()
    await client.aclose()
    for rows in (volume, risers, fallers, caps):
        assert 0 < len(rows) <= 30
        assert [r.rank for r in rows] == list(range(1, len(rows) + 1))
    assert [r.volume for r in volume] == sorted((r.volume for r in volume), reverse=True)
    assert [r.change_rate for r in risers] == sorted((r.change_rate for r in risers), reverse=True)
    assert [r.change_rate for r in fallers] == sorted(r.change_rate for r in fallers)
    assert [r.market_cap for r in caps] == sorted((r.market_cap for r in caps), reverse=True)


async def test_paper_uses_paper_tr_ids_and_refuses_real_only_locally(paper_sim, kis_client) -> None:
    client = kis_client(paper_sim)
    balance = await client.domestic_balance()
    quote = await client.domestic_price("005930")
    before = paper_sim.stats.requests
    for call in (
        client.sellable_quantity("005930"),
        client.cancellable_orders(),
        client.credit_balance_ranking(),
        client.volume_rank(),
        client.product_info("005930"),
    ):
        with pytest.raises(NotOfferedInPaper):
            await call
    await client.aclose()
    assert paper_sim.stats.requests == before  # refused before spending a paper call
    n = len(balance.holdings)
    assert balance.pages == -(-n // 20)  # 20 rows a page on paper
    assert paper_sim.stats.by_tr_id["VTTC8434R"] == balance.pages
    assert "TTTC8434R" not in paper_sim.stats.by_tr_id
    assert quote.price > 0


async def test_stock_info_and_overseas_price_detail(sim, kis_client):
    client = kis_client(sim)
    info = await client.stock_info("005930")
    detail = await client.overseas_price_detail("NAS", "AAPL")
    await client.aclose()

    def state(server):
        from kisdesk.sim.universe import EXCHANGES

        o = server.market.overseas("NASD", "AAPL")
        return o.price, o.tick(), EXCHANGES["NASD"].lot, EXCHANGES["NASD"].currency

    price, tick, lot, currency = sim.call(state)
    assert info.code.endswith("005930") and info.market in ("KOSPI", "KOSDAQ")
    assert info.security_group == "ST" and info.listed_shares > 0
    assert (detail.price, detail.tick, detail.lot_size, detail.currency) == (
        price,
        tick,
        lot,
        currency,
    )
    assert detail.decimals is not None and detail.price == detail.price.quantize(
        Decimal(1).scaleb(-detail.decimals)
    )


async def test_daily_executions_older_than_three_months_use_the_long_tr(sim, kis_client):
    client = kis_client(sim)
    today = dt.date.today()
    recent = await client.daily_executions(today - dt.timedelta(days=7), today)
    old = await client.daily_executions(today - dt.timedelta(days=200), today)
    await client.aclose()
    assert recent.rows == [] and old.rows == []  # nothing ordered yet
    assert sim.stats.by_tr_id["TTTC0081R"] == 1 and sim.stats.by_tr_id["CTSC9215R"] == 1


async def test_us_daytime_quote_codes(sim, kis_client):
    # endpoints.md O3/O6: BAQ/BAY/BAA (US daytime session) quote Nasdaq/NYSE/AMEX symbols.
    client = kis_client(sim)
    quotes = {
        code: await client.overseas_price(code, symbol)
        for code, symbol in (("BAQ", "AAPL"), ("BAY", "JPM"), ("BAA", "SPY"))
    }
    detail = await client.overseas_price_detail("BAQ", "AAPL")
    await client.aclose()

    def prices(server):
        return {
            code: server.market.overseas(trade, symbol).price
            for code, trade, symbol in (
                ("BAQ", "NASD", "AAPL"),
                ("BAY", "NYSE", "JPM"),
                ("BAA", "AMEX", "SPY"),
            )
        }

    expected = sim.call(prices)
    assert {code: q.price for code, q in quotes.items()} == expected
    assert quotes["BAY"].realtime_key == "DBAYJPM" and quotes["BAY"].exchange == "BAY"
    assert detail.price == expected["BAQ"] and detail.tick == Decimal("0.01")
