"""The live screens' REST calls over TCP against the simulator: D12 book, D15/D16 condition
search, D17/D18 HTS watchlist, D19 multi-symbol price; paper refuses the real-only ones."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

from kisdesk.domain.ticks import tick_size
from kisdesk.kis import NotOfferedInPaper

pytestmark = pytest.mark.asyncio

P_MULTI = "/uapi/domestic-stock/v1/quotations/intstock-multprice"
P_GROUPS = "/uapi/domestic-stock/v1/quotations/intstock-grouplist"


async def test_d12_book_on_the_tick_grid_around_the_price(sim, kis_client) -> None:
    client = kis_client(sim)
    book = await client.order_book("005930")
    price = sim.call(lambda s: s.market.domestic("005930").price)
    await client.aclose()
    assert book.code == "005930" and book.price == price
    assert len(book.asks) == len(book.bids) == 10
    assert price in (book.asks[0], book.bids[0])  # the last trade took one side's best
    assert book.asks == tuple(sorted(book.asks)) and book.bids == tuple(sorted(book.bids))[::-1]
    for a, b in zip(book.asks[1:], book.asks[:-1], strict=True):
        assert a - b == tick_size(b)
    assert book.asks[0] - book.bids[0] == tick_size(book.bids[0])
    assert book.total_ask == sum(book.ask_sizes) and book.total_bid == sum(book.bid_sizes)
    assert all(isinstance(s, Decimal) and s > 0 for s in book.ask_sizes + book.bid_sizes)
    assert book.expected_price == price


async def test_d12_book_shows_a_resting_order_at_its_price(sim, kis_client) -> None:
    client = kis_client(sim)
    before = await client.order_book("005930")
    level = before.bids[3]
    await client.buy("005930", 7, level)
    after = await client.order_book("005930")
    await client.aclose()
    if after.bids == before.bids:  # the market did not move between the two reads
        i = after.bids.index(level)
        assert after.bid_sizes[i] == before.bid_sizes[i] + 7


async def test_d19_thirty_symbols_in_request_order_equal_the_server(sim, kis_client) -> None:
    codes = sim.call(lambda s: [q for q in list(s.market.listings)[:30]])
    client = kis_client(sim)
    rows = await client.multi_price(codes)
    with pytest.raises(ValueError):
        await client.multi_price([*codes, "005930"])
    await client.aclose()
    assert [r.code for r in rows] == codes
    prices = sim.call(lambda s: {c: s.market.domestic(c).price for c in codes})
    assert {r.code: r.price for r in rows} == prices
    assert sim.stats.by_tr_id["FHKST11300006"] == 1  # one call for thirty


async def test_d19_reads_pairs_one_to_n_and_refuses_a_missing_first_pair(sim, raw_kis) -> None:
    r = raw_kis.get(P_MULTI, "FHKST11300006", {"FID_COND_MRKT_DIV_CODE_2": "J"})
    assert r.json()["rt_cd"] == "1"
    body = raw_kis.body(
        P_MULTI,
        "FHKST11300006",
        {
            "FID_COND_MRKT_DIV_CODE_1": "J",
            "FID_INPUT_ISCD_1": "005930",
            "FID_COND_MRKT_DIV_CODE_2": "J",
            "FID_INPUT_ISCD_2": "000660",
        },
    )
    rows = body["output"]
    assert [row["inter_shrn_iscd"] for row in rows] == ["005930", "000660"]
    assert all(isinstance(v, str) for row in rows for v in row.values())  # string-typed wire


async def test_d15_d16_conditions_of_the_hts_id(sim, kis_client) -> None:
    hts = sim.hts_ids["demo"]
    client = kis_client(sim)
    conditions = await client.saved_conditions(hts)
    assert [c.seq for c in conditions] == [str(i) for i in range(len(conditions))]
    assert len(conditions) >= 3
    hits = await client.condition_results(hts, conditions[0].seq)  # 거래대금 상위
    assert 0 < len(hits) <= 100
    values = [h.trade_value for h in hits]
    assert values == sorted(values, reverse=True)
    prices = sim.call(lambda s: {h.code: s.market.domestic(h.code).price for h in hits})
    assert all(h.price == prices[h.code] for h in hits)
    # An HTS ID that uploaded nothing: KIS's words, as an error.
    with pytest.raises(Exception, match="조회가 계속 됩니다"):
        await client.saved_conditions("nobody")
    await client.aclose()


async def test_d16_no_match_is_an_empty_list(sim, kis_client) -> None:
    hts = sim.hts_ids["demo"]
    client = kis_client(sim)
    conditions = await client.saved_conditions(hts)
    upper = next(c for c in conditions if c.name == "상한가")
    # Nothing sits at its upper limit in a freshly seeded market: KIS answers MCA05918.
    at_limit = sim.call(lambda s: [q.code for q in s.market.all_domestic() if q.price >= q.upper])
    hits = await client.condition_results(hts, upper.seq)
    await client.aclose()
    assert [h.code for h in hits] == at_limit[:100]


async def test_d17_d18_hts_groups_and_their_stocks(sim, kis_client) -> None:
    hts = sim.hts_ids["demo"]
    client = kis_client(sim)
    groups = await client.hts_groups(hts)
    assert [g.code for g in groups] == ["000", "001", "002"]
    stocks = await client.hts_group_stocks(hts, groups[1].code)
    assert [s.code for s in stocks][:2] == ["005930", "000660"]
    assert stocks[0].name == "삼성전자" and stocks[0].market == "J"
    assert len(stocks) == int(groups[1].count)
    assert await client.hts_groups("nobody") == []
    await client.aclose()


async def test_d17_refuses_a_wrong_fixed_value(sim, raw_kis) -> None:
    r = raw_kis.get(
        P_GROUPS, "HHKCM113004C7", {"TYPE": "2", "FID_ETC_CLS_CODE": "00", "USER_ID": "x"}
    )
    assert r.json()["rt_cd"] == "1" and "TYPE" in r.json()["msg1"]


async def test_paper_serves_d12_and_refuses_d15_to_d19(paper_sim, kis_client) -> None:
    client = kis_client(paper_sim)
    book = await client.order_book("005930")
    assert len(book.asks) == 10
    hts = paper_sim.hts_ids["demo"]
    for call in (
        client.saved_conditions(hts),
        client.condition_results(hts, "0"),
        client.hts_groups(hts),
        client.hts_group_stocks(hts, "000"),
        client.multi_price(["005930"]),
    ):
        with pytest.raises(NotOfferedInPaper):
            await call
    await client.aclose()


async def test_paper_server_refuses_the_real_tr_as_kis_does(paper_sim, raw_kis_paper) -> None:
    r = raw_kis_paper.get(
        P_MULTI, "FHKST11300006", {"FID_COND_MRKT_DIV_CODE_1": "J", "FID_INPUT_ISCD_1": "005930"}
    )
    body = r.json()
    assert body["rt_cd"] == "1", body


@pytest.fixture
def raw_kis(sim):
    yield from _raw(sim)


@pytest.fixture
def raw_kis_paper(paper_sim):
    yield from _raw(paper_sim)


def _raw(sim):
    http = httpx.Client(base_url=sim.base_url, timeout=10)
    token = http.post(
        "/oauth2/tokenP",
        json={
            "grant_type": "client_credentials",
            "appkey": sim.appkey,
            "appsecret": sim.appsecret,
        },
    ).json()["access_token"]

    class Raw:
        def get(self, path: str, tr_id: str, params: dict[str, str]) -> httpx.Response:
            headers = {
                "authorization": f"Bearer {token}",
                "appkey": sim.appkey,
                "appsecret": sim.appsecret,
                "tr_id": tr_id,
                "custtype": "P",
            }
            return http.get(path, params=params, headers=headers)

        def body(self, path: str, tr_id: str, params: dict[str, str]) -> dict:
            r = self.get(path, tr_id, params)
            assert r.status_code == 200 and r.json()["rt_cd"] == "0", r.text
            return r.json()

    yield Raw()
    http.close()
