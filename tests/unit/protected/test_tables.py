"""The tables and downloads beside the charts print a protected figure (pandas NA) as "C", never
"—" (nothing there) or a number — pandas' DataFrame.to_dict turns NA into None, so the views read
rows through etl.aggregates.records, which keeps it."""

from __future__ import annotations

import pandas as pd

from dashboard import tables
from dashboard.pages.modes import views as mv
from dashboard.pages.partners import views as pv
from dashboard.pages.regions import views as rv
from dashboard.pages.sectors import table as st
from etl.aggregates import records
from tests.unit.protected.cases import (
    matrix_input,
    mode_frame,
    partner_frame,
    sector_rows,
    two_years,
)
from tests.unit.test_mode_figures import CATS as MODE_CATS
from tests.unit.test_mode_figures import NAMES as MODE_NAMES
from tests.unit.test_region_figures import evaluation

NA = pd.NA
C = "C"


def test_records_keep_na_where_to_dict_gives_none() -> None:
    frame = pd.DataFrame({"a": pd.array([1, NA], dtype="Int64"), "b": ["x", "y"]})
    assert frame.to_dict("records")[1]["a"] is None  # what the views must not rely on
    out = records(frame)
    assert out[1]["a"] is NA and out[0] == {"a": 1, "b": "x"} and type(out[0]["a"]) is int


def test_trend_download_says_c_for_a_protected_month() -> None:
    table = tables.trend_table(two_years(a=202005), start=202001)
    row = table[table["期间"] == "2020年5月"].iloc[0]
    assert row["金额（亿美元）"] == C and row["同比（%）"] == C
    assert table[table["期间"] == "2020年6月"].iloc[0]["金额（亿美元）"] == 1.1


def heping_protected() -> pd.DataFrame:
    return evaluation(
        "120000",
        {
            (202103, "120116-TEDA"): 300,
            (202003, "120116-TEDA"): 200,
            (202105, "120101"): NA,
            (202005, "120101"): 400,
        },
    )


def test_regions_grid_and_download_say_c() -> None:
    rows = heping_protected()
    body, total = rv.grid_rows(rows, "usd_100m", "zh")
    heping = next(r for r in body if r["region"] == "和平区")
    assert heping["current_text"] == C and heping["growth_text"] == C
    assert heping["contribution_text"] == C and heping["rank"] is None
    assert total[0]["current_text"] == C  # the city's total holds 和平区
    binhai = next(r for r in body if r["region"] == "滨海新区")
    assert binhai["growth_text"] == "+50.0%" and binhai["share_text"] == C  # of a protected total
    frame = rv.table_frame(rows, "usd_100m", "zh", "天津市").set_index("地区")
    assert frame.loc["和平区", "金额（亿美元）"] == C
    assert frame.loc["和平区", "拉动增长（百分点）"] == C
    assert frame.loc["滨海新区", "同比（%）"] == 50.0


def test_sectors_grid_and_download_say_c() -> None:
    rows = st.with_rest_rows(sector_rows(True))
    grid = {r["code"]: r for r in st.grid_rows(rows, "usd_100m", "zh")}
    assert grid["SC1"]["current_text"] == C and grid["SC"]["current_text"] == C
    assert grid["SJ"]["current_text"] == "2.0" and grid["SJ"]["share_text"] == C
    table = st.download_table(list(grid.values()), "usd_100m", "2020年1月", "zh")
    by_name = table.set_index(table.columns[0])
    amount = [c for c in table.columns if "金额" in c or "累计" in c][0]
    assert by_name.loc["运输", amount] == C and by_name.loc["其他商业服务", amount] == 2.0


def test_partners_grid_groups_and_download_say_c() -> None:
    rows = pv.partner_rows(partner_frame(True), 202103, 202103, {}, "zh")
    grid = {r["code"]: r for r in pv.grid_rows(rows, "usd_10k", "zh")}
    assert grid["SG"]["current_text"] == C and grid["SG"]["rank"] is None
    assert grid["US"]["share_text"] == C and grid["US"]["current_text"] == "0.0"
    frame = pv.table_frame(rows, "usd_10k", "zh")
    assert C in list(frame.iloc[:, 2])
    groups = pv.group_years(partner_frame(True), _GROUPS, 202103, 202103, 2, "zh")
    summary = pv.group_summary(groups, 202103)
    text = str(pv.group_table(summary, "usd_10k", "zh"))
    assert "'C'" in text  # 东盟 holds the protected SG
    assert pv.groups_frame(summary, "usd_10k", "zh").iloc[0, 2] == C


_GROUPS = pd.DataFrame(
    {
        "code": ["ASEAN", "ASEAN"],
        "name_zh": ["东盟", "东盟"],
        "name_en": ["ASEAN", "ASEAN"],
        "member": ["SG", "VN"],
    }
)


def test_modes_grid_cards_download_and_matrix_say_c() -> None:
    frame = mode_frame((202003, 2))
    table = mv.mode_table(mv.mode_windows(frame, 202003, 202003))
    grid = {r["key"]: r for r in mv.grid_rows(table, MODE_NAMES, "usd_100m", False, "zh")}
    assert grid["2"]["current_text"] == C and grid["total"]["current_text"] == C
    assert grid["1"]["current_text"] == "4.0" and grid["1"]["share_text"] == C
    download = mv.download_table(list(grid.values()), "usd_100m", "2020年3月", "zh")
    assert list(download.iloc[:, 1]) == [4.0, C, 2.0, C, 10.0]
    cards = str(mv.mode_cards(table, MODE_NAMES, "usd_100m", "2020年3月", False, "zh"))
    assert "'C'" in cards
    matrix = mv.matrix_table(matrix_input(True), MODE_CATS, MODE_NAMES, "usd_100m", False, (), "zh")
    transport = matrix.set_index(matrix.columns[0]).loc["运输"]
    assert list(transport) == [4.0, C, None]
