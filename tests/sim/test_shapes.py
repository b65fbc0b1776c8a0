"""Every documented field is present and every value is a string (samples and endpoints.md)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sim.conftest import (
    BALANCE,
    OVS_BALANCE,
    PRICE,
    PSBL_ORDER,
    Kis,
    all_strings,
    load_sample,
)


def _sample_body(name: str) -> dict[str, Any]:
    return load_sample(name)["response"]["body"]


def _keys(rows: Any) -> set[str]:
    return set(rows[0] if isinstance(rows, list) else rows)


def _padded_80(text: str) -> bool:
    return len(text.encode("cp949")) == 80


def test_current_price_matches_sample(kis: Kis) -> None:
    sample = _sample_body("domestic_current_price.json")
    r = kis.get(PRICE, "FHKST01010100", {"FID_COND_MRKT_DIV_CODE": "J", "FID_INPUT_ISCD": "005930"})
    body = r.json()
    assert set(sample) <= set(body)
    assert set(sample["output"]) <= set(body["output"])
    documented = {"d250_hgpr", "stck_dryy_hgpr", "pvt_pont_val", "dmrs_val", "apprch_rate"}
    assert documented <= set(body["output"])
    assert all_strings(body)
    assert body["msg1"] == "정상처리 되었습니다."  # quotations are not padded
    assert r.headers["tr_cont"] == ""


def test_domestic_balance_matches_sample(kis: Kis) -> None:
    sample = _sample_body("domestic_balance_page.json")
    r = kis.get(BALANCE, "TTTC8434R", kis.balance_params())
    body = r.json()
    assert set(body) == set(sample)
    assert _keys(body["output1"]) == _keys(sample["output1"])
    assert isinstance(body["output2"], list) and len(body["output2"]) == 1
    assert _keys(body["output2"]) == _keys(sample["output2"])
    assert all_strings(body)
    assert _padded_80(body["msg1"]) and body["msg1"].strip() == "조회가 완료되었습니다"
    assert len(body["ctx_area_fk100"]) == 100 and len(body["ctx_area_nk100"]) == 100
    assert body["ctx_area_fk100"].startswith(f"{kis.cano}^01^N^N^02^01^N^")


def test_domestic_balance_arithmetic(kis: Kis) -> None:
    body = kis.get(BALANCE, "TTTC8434R", kis.balance_params()).json()
    rows, total = body["output1"], body["output2"][0]
    gains = losses = 0
    for row in rows:
        qty, prpr = int(row["hldg_qty"]), int(row["prpr"])
        assert int(row["evlu_amt"]) == qty * prpr
        assert int(row["evlu_pfls_amt"]) == int(row["evlu_amt"]) - int(row["pchs_amt"])
        gains += int(row["evlu_pfls_amt"]) > 0
        losses += int(row["evlu_pfls_amt"]) < 0
    assert gains >= 5 and losses >= 5  # both colours on the demo screen
    s = lambda name: sum(int(r[name]) for r in rows)  # noqa: E731
    assert int(total["evlu_amt_smtl_amt"]) == s("evlu_amt") == int(total["scts_evlu_amt"])
    assert int(total["pchs_amt_smtl_amt"]) == s("pchs_amt")
    assert int(total["evlu_pfls_smtl_amt"]) == s("evlu_pfls_amt")
    assert int(total["tot_evlu_amt"]) == int(total["scts_evlu_amt"]) + int(
        total["prvs_rcdl_excc_amt"]
    )
    assert int(total["asst_icdc_amt"]) == int(total["tot_evlu_amt"]) - int(
        total["bfdy_tot_asst_evlu_amt"]
    )
    assert int(total["dnca_tot_amt"]) == 30_000_000


def _ovs_params(kis: Kis, excg: str = "NASD", ccy: str = "USD") -> dict[str, str]:
    return {
        **kis.acct,
        "OVRS_EXCG_CD": excg,
        "TR_CRCY_CD": ccy,
        "CTX_AREA_FK200": "",
        "CTX_AREA_NK200": "",
    }


def test_overseas_balance_matches_sample(kis: Kis) -> None:
    sample = _sample_body("overseas_balance_page.json")
    r = kis.get(OVS_BALANCE, "TTTS3012R", _ovs_params(kis))
    body = r.json()
    assert set(body) == set(sample)
    assert _keys(body["output1"]) == _keys(sample["output1"])
    assert isinstance(body["output2"], dict) and set(body["output2"]) == set(sample["output2"])
    assert all_strings(body)
    assert len(body["ctx_area_fk200"]) == 200 and body["ctx_area_nk200"] == " " * 200
    assert r.headers["tr_cont"] == "D"
    exchanges = {row["ovrs_excg_cd"] for row in body["output1"]}
    assert exchanges == {"NASD", "NYSE", "AMEX"}  # real NASD = all US
    for row in body["output1"]:
        evlu = float(row["now_pric2"]) * int(row["ovrs_cblc_qty"])
        assert abs(float(row["ovrs_stck_evlu_amt"]) - evlu) < 1e-6
    total = body["output2"]
    cost = sum(float(row["frcr_pchs_amt1"]) for row in body["output1"])
    evlu = sum(float(row["ovrs_stck_evlu_amt"]) for row in body["output1"])
    assert abs(float(total["frcr_pchs_amt1"]) - cost) < 1e-4
    assert abs(float(total["tot_evlu_pfls_amt"]) - evlu) < 1e-4  # KIS's label quirk, copied
    assert abs(float(total["ovrs_tot_pfls"]) - (evlu - cost)) < 1e-4


@pytest.mark.parametrize(
    ("excg", "ccy", "expected"),
    [("SEHK", "HKD", {"SEHK"}), ("TKSE", "JPY", {"TKSE"}), ("NAS", "USD", {"NASD"})],
)
def test_overseas_balance_per_exchange(kis: Kis, excg: str, ccy: str, expected: set[str]) -> None:
    body = kis.get(OVS_BALANCE, "TTTS3012R", _ovs_params(kis, excg, ccy)).json()
    assert body["rt_cd"] == "0"
    assert {row["ovrs_excg_cd"] for row in body["output1"]} == expected
    assert {row["tr_crcy_cd"] for row in body["output1"]} == {ccy}


def test_overseas_balance_paper_nasd_is_nasdaq_only(paper_kis: Kis) -> None:
    body = paper_kis.get(OVS_BALANCE, "VTTS3012R", _ovs_params(paper_kis)).json()
    assert {row["ovrs_excg_cd"] for row in body["output1"]} == {"NASD"}
    assert (
        paper_kis.get(OVS_BALANCE, "VTTS3012R", _ovs_params(paper_kis, "NAS")).json()["msg_cd"]
        == "OPSQ2001"
    )


def test_credit_balance_matches_sample(kis: Kis) -> None:
    sample = load_sample("credit_balance_ranking.json")
    r = kis.get(sample["request"]["path"], "FHKST17010000", sample["request"]["query"])
    body = r.json()
    assert set(body) == set(sample["response"]["body"])
    assert _keys(body["output1"]) == _keys(sample["response"]["body"]["output1"])
    assert _keys(body["output2"]) == _keys(sample["response"]["body"]["output2"])
    assert all_strings(body) and body["msg_cd"] == "MCA00000"


@pytest.mark.parametrize(
    ("sample", "tr_id", "fixture"),
    [
        ("order_cash_success.json", "TTTC0012U", "kis"),
        ("order_cash_success_paper.json", "VTTC0012U", "paper_kis"),
    ],
)
def test_order_ack_matches_sample(request, sample: str, tr_id: str, fixture: str) -> None:
    k: Kis = request.getfixturevalue(fixture)
    expected = load_sample(sample)["response"]["body"]
    price = int(k.price("005930")["stck_prpr"])
    body = k.order(tr_id, "005930", 1, price)
    assert set(body) == set(expected)
    assert set(body["output"]) == {"KRX_FWDG_ORD_ORGNO", "ODNO", "ORD_TMD"}
    assert (body["msg_cd"], body["msg1"]) == (expected["msg_cd"], expected["msg1"])
    assert body["output"]["KRX_FWDG_ORD_ORGNO"] == expected["output"]["KRX_FWDG_ORD_ORGNO"]
    assert len(body["output"]["ODNO"]) == 10 and len(body["output"]["ORD_TMD"]) == 6


def fields(names: str) -> set[str]:
    return set(names.split())


# Field lists from endpoints.md for the endpoints without a sample.
DOCUMENTED: dict[str, set[str]] = {
    "psbl_order": fields(
        "ord_psbl_cash ord_psbl_sbst ruse_psbl_amt fund_rpch_chgs psbl_qty_calc_unpr "
        "nrcvb_buy_amt nrcvb_buy_qty max_buy_amt max_buy_qty cma_evlu_amt ovrs_re_use_amt_wcrc "
        "ord_psbl_frcr_amt_wcrc"
    ),
    "psbl_sell": fields(
        "pdno prdt_name buy_qty sll_qty cblc_qty nsvg_qty ord_psbl_qty pchs_avg_pric pchs_amt "
        "now_pric evlu_amt evlu_pfls_amt evlu_pfls_rt"
    ),
    "rvsecncl": fields(
        "ord_gno_brno odno orgn_odno ord_dvsn_name pdno prdt_name rvse_cncl_dvsn_name ord_qty "
        "ord_unpr ord_tmd tot_ccld_qty tot_ccld_amt psbl_qty sll_buy_dvsn_cd ord_dvsn_cd "
        "mgco_aptm_odno excg_dvsn_cd excg_id_dvsn_cd excg_id_dvsn_name stpm_cndt_pric "
        "stpm_efct_occr_yn"
    ),
    "ccld1": fields(
        "ord_dt ord_gno_brno odno orgn_odno ord_dvsn_name sll_buy_dvsn_cd sll_buy_dvsn_cd_name "
        "pdno prdt_name ord_qty ord_unpr ord_tmd tot_ccld_qty avg_prvs cncl_yn tot_ccld_amt "
        "loan_dt ordr_empno ord_dvsn_cd cncl_cfrm_qty rmn_qty rjct_qty ccld_cndt_name "
        "inqr_ip_addr cpbc_ordp_ord_rcit_dvsn_cd cpbc_ordp_infm_mthd_dvsn_cd infm_tmd ctac_tlno "
        "prdt_type_cd excg_dvsn_cd cpbc_ordp_mtrl_dvsn_cd ord_orgno rsvn_ord_end_dt "
        "excg_id_dvsn_cd stpm_cndt_pric stpm_efct_occr_dtmd"
    ),
    "ccld2": fields("tot_ord_qty tot_ccld_qty tot_ccld_amt prsm_tlex_smtl pchs_avg_pric"),
    "chart1": fields(
        "prdy_vrss prdy_vrss_sign prdy_ctrt stck_prdy_clpr acml_vol acml_tr_pbmn hts_kor_isnm "
        "stck_prpr stck_shrn_iscd prdy_vol stck_mxpr stck_llam stck_oprc stck_hgpr stck_lwpr "
        "stck_prdy_oprc stck_prdy_hgpr stck_prdy_lwpr askp bidp prdy_vrss_vol vol_tnrt stck_fcam "
        "lstn_stcn cpfn hts_avls per eps pbr itewhol_loan_rmnd_ratem"
    ),
    "chart2": fields(
        "stck_bsop_date stck_clpr stck_oprc stck_hgpr stck_lwpr acml_vol acml_tr_pbmn "
        "flng_cls_code prtt_rate mod_yn prdy_vrss_sign prdy_vrss revl_issu_reas"
    ),
    "search_info": fields(
        "pdno prdt_type_cd prdt_name prdt_name120 prdt_abrv_name prdt_eng_name prdt_eng_name120 "
        "prdt_eng_abrv_name std_pdno shtn_pdno prdt_clsf_cd prdt_clsf_name ivst_prdt_type_cd "
        "ivst_prdt_type_cd_name prdt_sale_stat_cd prdt_risk_grad_cd sale_strt_dt sale_end_dt "
        "wrap_asst_type_cd frst_erlm_dt"
    ),
    "present1": fields(
        "prdt_name cblc_qty13 thdt_buy_ccld_qty1 thdt_sll_ccld_qty1 ccld_qty_smtl1 ord_psbl_qty1 "
        "frcr_pchs_amt frcr_evlu_amt2 evlu_pfls_amt2 evlu_pfls_rt1 pdno bass_exrt buy_crcy_cd "
        "ovrs_now_pric1 avg_unpr3 tr_mket_name natn_kor_name pchs_rmnd_wcrc_amt "
        "thdt_buy_ccld_frcr_amt thdt_sll_ccld_frcr_amt unit_amt std_pdno prdt_type_cd "
        "scts_dvsn_name loan_rmnd loan_dt loan_expd_dt ovrs_excg_cd item_lnkg_excg_cd"
    ),
    "present2": fields(
        "crcy_cd crcy_cd_name frcr_buy_amt_smtl frcr_sll_amt_smtl frcr_dncl_amt_2 frst_bltn_exrt "
        "frcr_buy_mgn_amt frcr_etc_mgna frcr_drwg_psbl_amt_1 frcr_evlu_amt2 acpl_cstd_crcy_yn "
        "nxdy_frcr_drwg_psbl_amt"
    ),
    "present3": fields(
        "pchs_amt_smtl evlu_amt_smtl evlu_pfls_amt_smtl dncl_amt cma_evlu_amt tot_dncl_amt "
        "etc_mgna wdrw_psbl_tot_amt frcr_evlu_tota evlu_erng_rt1 pchs_amt_smtl_amt "
        "evlu_amt_smtl_amt tot_evlu_pfls_amt tot_asst_amt buy_mgn_amt mgna_tota frcr_use_psbl_amt "
        "ustl_sll_amt_smtl ustl_buy_amt_smtl tot_frcr_cblc_smtl tot_loan_amt"
    ),
    "ovs_price": fields("rsym zdiv base pvol last sign diff rate tvol tamt ordy"),
    "volume": fields(
        "hts_kor_isnm mksc_shrn_iscd data_rank stck_prpr prdy_vrss_sign prdy_vrss prdy_ctrt "
        "acml_vol prdy_vol lstn_stcn avrg_vol n_befr_clpr_vrss_prpr_rate vol_inrt vol_tnrt "
        "nday_vol_tnrt avrg_tr_pbmn tr_pbmn_tnrt nday_tr_pbmn_tnrt acml_tr_pbmn"
    ),
    "fluct": fields(
        "stck_shrn_iscd data_rank hts_kor_isnm stck_prpr prdy_vrss prdy_vrss_sign prdy_ctrt "
        "acml_vol stck_hgpr hgpr_hour acml_hgpr_date stck_lwpr lwpr_hour acml_lwpr_date "
        "lwpr_vrss_prpr_rate dsgt_date_clpr_vrss_prpr_rate cnnt_ascn_dynu hgpr_vrss_prpr_rate "
        "cnnt_down_dynu oprc_vrss_prpr_sign oprc_vrss_prpr oprc_vrss_prpr_rate prd_rsfl "
        "prd_rsfl_rate"
    ),
    "mcap": fields(
        "mksc_shrn_iscd data_rank hts_kor_isnm stck_prpr prdy_vrss prdy_vrss_sign prdy_ctrt "
        "acml_vol lstn_stcn stck_avls mrkt_whol_avls_rlim"
    ),
}


def test_account_endpoints_fields(kis: Kis) -> None:
    body = kis.get(
        PSBL_ORDER,
        "TTTC8908R",
        {
            **kis.acct,
            "PDNO": "005930",
            "ORD_UNPR": "0",
            "ORD_DVSN": "01",
            "CMA_EVLU_AMT_ICLD_YN": "N",
            "OVRS_ICLD_YN": "N",
        },
    ).json()
    assert set(body["output"]) == DOCUMENTED["psbl_order"] and all_strings(body)
    body = kis.get(
        "/uapi/domestic-stock/v1/trading/inquire-psbl-sell",
        "TTTC8408R",
        {**kis.acct, "PDNO": "005930"},
    ).json()
    assert set(body["output"]) == DOCUMENTED["psbl_sell"] and body["msg_cd"] == "KIOK0420"
    price = int(kis.price("005930")["stck_prpr"])
    kis.order("TTTC0012U", "005930", 1, price - 1000)
    body = kis.get(
        "/uapi/domestic-stock/v1/trading/inquire-psbl-rvsecncl",
        "TTTC0084R",
        {
            **kis.acct,
            "INQR_DVSN_1": "0",
            "INQR_DVSN_2": "0",
            "CTX_AREA_FK100": "",
            "CTX_AREA_NK100": "",
        },
    ).json()
    assert _keys(body["output"]) == DOCUMENTED["rvsecncl"] and all_strings(body)
    body = kis.daily_ccld().json()
    assert _keys(body["output1"]) == DOCUMENTED["ccld1"]
    assert isinstance(body["output2"], dict) and set(body["output2"]) == DOCUMENTED["ccld2"]
    assert all_strings(body)


def test_quotation_and_info_fields(kis: Kis) -> None:
    body = kis.get(
        "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice",
        "FHKST03010100",
        {
            "FID_COND_MRKT_DIV_CODE": "J",
            "FID_INPUT_ISCD": "005930",
            "FID_INPUT_DATE_1": "20000101",
            "FID_INPUT_DATE_2": "29991231",
            "FID_PERIOD_DIV_CODE": "D",
            "FID_ORG_ADJ_PRC": "0",
        },
    ).json()
    assert set(body["output1"]) == DOCUMENTED["chart1"]
    assert _keys(body["output2"]) == DOCUMENTED["chart2"] and len(body["output2"]) == 100
    dates = [row["stck_bsop_date"] for row in body["output2"]]
    assert dates == sorted(dates, reverse=True)
    assert all_strings(body)
    body = kis.get(
        "/uapi/domestic-stock/v1/quotations/search-info",
        "CTPF1604R",
        {"PDNO": "AAPL", "PRDT_TYPE_CD": "512"},
    ).json()
    assert set(body["output"]) == DOCUMENTED["search_info"]
    assert (body["output"]["prdt_abrv_name"], body["msg_cd"]) == ("애플", "KIOK0530")
    body = kis.get(
        "/uapi/domestic-stock/v1/quotations/search-stock-info",
        "CTPF1002R",
        {"PDNO": "035720", "PRDT_TYPE_CD": "300"},
    ).json()
    assert body["output"]["prdt_abrv_name"] == "카카오" and body["output"]["mket_id_cd"] == "STK"
    body = kis.get(
        "/uapi/overseas-price/v1/quotations/price",
        "HHDFS00000300",
        {"AUTH": "", "EXCD": "NAS", "SYMB": "AAPL"},
    ).json()
    assert set(body["output"]) == DOCUMENTED["ovs_price"] and body["output"]["rsym"] == "DNASAAPL"
    assert all_strings(body)


def test_present_balance_fields(kis: Kis, paper_kis: Kis) -> None:
    params = {
        "WCRC_FRCR_DVSN_CD": "02",
        "NATN_CD": "000",
        "TR_MKET_CD": "00",
        "INQR_DVSN_CD": "00",
    }
    path = "/uapi/overseas-stock/v1/trading/inquire-present-balance"
    body = kis.get(path, "CTRP6504R", {**kis.acct, **params}).json()
    assert _keys(body["output1"]) == DOCUMENTED["present1"]
    assert _keys(body["output2"]) == DOCUMENTED["present2"]
    assert set(body["output3"]) == DOCUMENTED["present3"] and all_strings(body)
    paper = paper_kis.get(path, "VTRP6504R", {**paper_kis.acct, **params}).json()
    assert paper["output1"] == [] and paper["output2"] == []  # paper fills output3 only
    assert set(paper["output3"]) == DOCUMENTED["present3"]


RANKINGS = [
    (
        "/uapi/domestic-stock/v1/quotations/volume-rank",
        "FHPST01710000",
        "volume",
        {
            "FID_COND_MRKT_DIV_CODE": "J",
            "FID_COND_SCR_DIV_CODE": "20171",
            "FID_INPUT_ISCD": "0000",
            "FID_DIV_CLS_CODE": "0",
            "FID_BLNG_CLS_CODE": "0",
            "FID_TRGT_CLS_CODE": "111111111",
            "FID_TRGT_EXLS_CLS_CODE": "0000000000",
            "FID_INPUT_PRICE_1": "",
            "FID_INPUT_PRICE_2": "",
            "FID_VOL_CNT": "",
            "FID_INPUT_DATE_1": "",
        },
    ),
    (
        "/uapi/domestic-stock/v1/ranking/fluctuation",
        "FHPST01700000",
        "fluct",
        {
            "fid_cond_mrkt_div_code": "J",
            "fid_cond_scr_div_code": "20170",
            "fid_input_iscd": "0000",
            "fid_rank_sort_cls_code": "0",
            "fid_input_cnt_1": "0",
            "fid_prc_cls_code": "0",
            "fid_input_price_1": "",
            "fid_input_price_2": "",
            "fid_vol_cnt": "",
            "fid_trgt_cls_code": "0",
            "fid_trgt_exls_cls_code": "0",
            "fid_div_cls_code": "0",
            "fid_rsfl_rate1": "",
            "fid_rsfl_rate2": "",
        },
    ),
    (
        "/uapi/domestic-stock/v1/ranking/market-cap",
        "FHPST01740000",
        "mcap",
        {
            "fid_input_price_2": "",
            "fid_cond_mrkt_div_code": "J",
            "fid_cond_scr_div_code": "20174",
            "fid_div_cls_code": "0",
            "fid_input_iscd": "0000",
            "fid_trgt_cls_code": "0",
            "fid_trgt_exls_cls_code": "0",
            "fid_input_price_1": "",
            "fid_vol_cnt": "",
        },
    ),
]


@pytest.mark.parametrize(("path", "tr_id", "fields", "params"), RANKINGS)
def test_ranking_fields(kis: Kis, path: str, tr_id: str, fields: str, params: dict) -> None:
    r = kis.get(path, tr_id, params)
    body = r.json()
    assert body["rt_cd"] == "0" and len(body["output"]) == 30
    assert _keys(body["output"]) == DOCUMENTED[fields] and all_strings(body)
    assert r.headers["tr_cont"] == ""
