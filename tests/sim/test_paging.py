"""연속조회: page sizes per profile, exact cursor echo, refusal of altered cursors."""

from __future__ import annotations

import pytest

from tests.sim.conftest import BALANCE, DAILY_CCLD, OVS_BALANCE, Kis


def test_real_balance_pages_of_50(kis: Kis) -> None:
    pages = kis.use("large").balance_pages("TTTC8434R")
    sizes = [len(p["body"]["output1"]) for p in pages]
    assert sizes == [50] * 6
    assert [p["tr_cont"] for p in pages] == ["M"] * 5 + ["D"]
    codes = [r["pdno"] for p in pages for r in p["body"]["output1"]]
    assert len(set(codes)) == 300
    for p in pages[:-1]:
        nk = p["body"]["ctx_area_nk100"]
        assert len(nk) == 100 and nk.endswith(" ") and nk.strip()
    assert pages[-1]["body"]["ctx_area_nk100"] == " " * 100
    assert pages[0]["body"]["msg_cd"] == "KIOK0500"
    assert pages[-1]["body"]["msg_cd"] == "KIOK0460"
    # Totals are for the whole account on every page.
    totals = {p["body"]["output2"][0]["scts_evlu_amt"] for p in pages}
    assert len(totals) == 1
    assert int(totals.pop()) == sum(int(r["evlu_amt"]) for p in pages for r in p["body"]["output1"])


def test_paper_balance_pages_of_20(paper_kis: Kis) -> None:
    pages = paper_kis.balance_pages("VTTC8434R")
    assert [len(p["body"]["output1"]) for p in pages] == [20, 5]
    assert [p["tr_cont"] for p in pages] == ["M", "D"]


def test_altered_cursor_is_refused(kis: Kis) -> None:
    kis.use("large")
    first = kis.get(BALANCE, "TTTC8434R", kis.balance_params()).json()
    fk, nk = first["ctx_area_fk100"], first["ctx_area_nk100"]
    ok = kis.get(BALANCE, "TTTC8434R", kis.balance_params(fk, nk), tr_cont="N").json()
    assert ok["rt_cd"] == "0" and ok["output1"][0]["pdno"] != first["output1"][0]["pdno"]
    stripped = kis.get(BALANCE, "TTTC8434R", kis.balance_params(fk, nk.strip()), tr_cont="N")
    assert stripped.json()["msg_cd"] == "OPSQ2001"
    assert "CTX_AREA_NK100" in stripped.json()["msg1"]
    bad_fk = kis.get(BALANCE, "TTTC8434R", kis.balance_params(fk.strip(), nk), tr_cont="N")
    assert "CTX_AREA_FK100" in bad_fk.json()["msg1"]
    forged = nk.replace("000050", "000100", 1)
    r = kis.get(BALANCE, "TTTC8434R", kis.balance_params(fk, forged), tr_cont="N")
    assert r.json()["msg_cd"] == "OPSQ2001"
    # A cursor of one account is no good for another.
    kis.use("demo")
    r = kis.get(BALANCE, "TTTC8434R", kis.balance_params(fk, nk), tr_cont="N")
    assert r.json()["rt_cd"] == "1"
    # Without tr_cont N the cursors are ignored and the first page comes back.
    kis.use("large")
    again = kis.get(BALANCE, "TTTC8434R", kis.balance_params(fk, nk)).json()
    assert again["output1"] == first["output1"]


def test_overseas_balance_pages_of_100(kis: Kis) -> None:
    kis.use("large")
    params = {
        **kis.acct,
        "OVRS_EXCG_CD": "NASD",
        "TR_CRCY_CD": "USD",
        "CTX_AREA_FK200": "",
        "CTX_AREA_NK200": "",
    }
    rows = []
    cont = ""
    for _ in range(5):
        r = kis.get(OVS_BALANCE, "TTTS3012R", params, tr_cont=cont)
        body = r.json()
        assert body["rt_cd"] == "0"
        rows += body["output1"]
        assert len(body["ctx_area_fk200"]) == 200 and len(body["ctx_area_nk200"]) == 200
        if r.headers["tr_cont"] == "D":
            break
        params["CTX_AREA_FK200"] = body["ctx_area_fk200"]
        params["CTX_AREA_NK200"] = body["ctx_area_nk200"]
        cont = "N"
    assert len(rows) == 150 and len({r["ovrs_pdno"] for r in rows}) == 150
    params["CTX_AREA_NK200"] = params["CTX_AREA_NK200"].rstrip()
    r = kis.get(OVS_BALANCE, "TTTS3012R", params, tr_cont="N")
    assert r.json()["msg_cd"] == "OPSQ2001"


def test_large_account_covers_every_exchange(kis: Kis) -> None:
    kis.use("large")
    for excg, ccy in (("SEHK", "HKD"), ("SHAA", "CNY"), ("SZAA", "CNY"), ("TKSE", "JPY")):
        body = kis.get(
            OVS_BALANCE,
            "TTTS3012R",
            {
                **kis.acct,
                "OVRS_EXCG_CD": excg,
                "TR_CRCY_CD": ccy,
                "CTX_AREA_FK200": "",
                "CTX_AREA_NK200": "",
            },
        ).json()
        assert body["output1"], excg
    for excg in ("HASE", "VNSE"):
        body = kis.get(
            OVS_BALANCE,
            "TTTS3012R",
            {
                **kis.acct,
                "OVRS_EXCG_CD": excg,
                "TR_CRCY_CD": "VND",
                "CTX_AREA_FK200": "",
                "CTX_AREA_NK200": "",
            },
        ).json()
        assert body["output1"], excg


def test_daily_ccld_pages_of_15_on_paper(paper_kis: Kis) -> None:
    for _ in range(17):
        assert paper_kis.order("VTTC0012U", "005930", 1, 0, "01")["rt_cd"] == "0"
    first = paper_kis.daily_ccld("VTTC0081R")
    body = first.json()
    assert len(body["output1"]) == 15 and first.headers["tr_cont"] == "M"
    assert body["output2"]["tot_ccld_qty"] == "17"
    second = paper_kis.daily_ccld(
        "VTTC0081R",
        tr_cont="N",
        CTX_AREA_FK100=body["ctx_area_fk100"],
        CTX_AREA_NK100=body["ctx_area_nk100"],
    )
    assert len(second.json()["output1"]) == 2 and second.headers["tr_cont"] == "D"
    odnos = [r["odno"] for r in body["output1"] + second.json()["output1"]]
    assert odnos == sorted(odnos)  # INQR_DVSN 01 = oldest first


# Paged APIs whose doc marks CTX_AREA_FK/NK "Y" (blank on the first call): seed 000 overseas
# balance, endpoints.md O5 inquire-nccs and D7 inquire-psbl-rvsecncl.
CURSOR_REQUIRED = [
    (OVS_BALANCE, "TTTS3012R", {"OVRS_EXCG_CD": "NASD", "TR_CRCY_CD": "USD"}, 200),
    (
        "/uapi/overseas-stock/v1/trading/inquire-nccs",
        "TTTS3018R",
        {"OVRS_EXCG_CD": "NASD", "SORT_SQN": ""},
        200,
    ),
    (
        "/uapi/domestic-stock/v1/trading/inquire-psbl-rvsecncl",
        "TTTC0084R",
        {"INQR_DVSN_1": "0", "INQR_DVSN_2": "0"},
        100,
    ),
]


@pytest.mark.parametrize(("path", "tr_id", "query", "width"), CURSOR_REQUIRED)
def test_required_cursor_keys_must_be_present(
    kis: Kis, path: str, tr_id: str, query: dict[str, str], width: int
) -> None:
    fk, nk = f"CTX_AREA_FK{width}", f"CTX_AREA_NK{width}"
    params = {**kis.acct, **query, fk: "", nk: ""}
    r = kis.get(path, tr_id, params).json()
    assert r["rt_cd"] == "0", r  # present but blank: a first page
    for missing in (fk, nk):
        partial = {k: v for k, v in params.items() if k != missing}
        r = kis.get(path, tr_id, partial).json()
        assert r == {
            "rt_cd": "1",
            "msg_cd": "OPSQ2001",
            "msg1": f"ERROR : INPUT_FIELD_NAME {missing}",
        }
    lower = {k.lower(): v for k, v in params.items()}  # query names in any case
    assert kis.get(path, tr_id, lower).json()["rt_cd"] == "0"


def test_optional_cursor_keys_may_be_left_out(kis: Kis) -> None:
    # Seed 001 (domestic balance) and endpoints.md D8 (daily executions) mark them N.
    params = {k: v for k, v in kis.balance_params().items() if not k.startswith("CTX_AREA")}
    assert kis.get(BALANCE, "TTTC8434R", params).json()["rt_cd"] == "0"
    sent = dict(kis.daily_ccld().request.url.params)  # the helper's full query
    params = {k: v for k, v in sent.items() if not k.startswith("CTX_AREA")}
    assert kis.get(DAILY_CCLD, "TTTC0081R", params).json()["rt_cd"] == "0"
