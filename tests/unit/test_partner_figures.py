"""伙伴 page: partner names, ranking, group totals and shares, charts, URL keys, downloads."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.filter_state import from_query
from dashboard.i18n import CATALOGUE, is_missing, partner_name
from dashboard.pages.partners import figures, views
from etl.seed import read_seed_tables
from etl.settings import PROJECT_ROOT

NAMES = {"zh": {"HK": "中国香港"}, "en": {"HK": "Hong Kong, China"}}
GROUPS = pd.DataFrame(
    {
        "code": ["ASEAN", "ASEAN", "RCEP", "RCEP", "RCEP"],
        "name_zh": ["东盟", "东盟", "RCEP成员", "RCEP成员", "RCEP成员"],
        "name_en": ["ASEAN", "ASEAN", "RCEP members", "RCEP members", "RCEP members"],
        "member": ["SG", "VN", "SG", "VN", "JP"],
    }
)


@pytest.fixture
def monthly() -> pd.DataFrame:
    """2020-03 and 2021-03 amounts by partner (cents)."""
    rows = [
        (202003, "HK", 400),
        (202103, "HK", 500),
        (202003, "US", 300),
        (202103, "US", 200),
        (202003, "SG", 200),
        (202103, "SG", 190),
        (202003, "VN", 100),
        (202103, "VN", 50),
        (202103, "JP", 60),
    ]
    return pd.DataFrame(rows, columns=["period", "partner_code", "amount"])


def test_every_seeded_partner_has_a_name_in_both_languages() -> None:
    from etl import models

    codes = [r["code"] for r in read_seed_tables(PROJECT_ROOT / "seeds")[models.Partner]]
    for code in codes:
        for lang in ("zh", "en"):
            name = partner_name(code, {}, lang)
            assert name and name != code and "未知" not in name and "Unknown" not in name
    assert CATALOGUE["partner.TW"]["zh"] == "中国台湾"
    assert partner_name("KR", {}, "zh") == "韩国"


def test_reference_names_win_and_unknown_codes_are_said_so() -> None:
    assert partner_name("HK", NAMES, "zh") == "中国香港"
    assert partner_name("US", NAMES, "en") == "United States"
    assert partner_name("QQ", NAMES, "zh") == "未知伙伴（QQ）"


def test_partner_rows_growth_share_and_rank(monthly) -> None:
    rows = views.partner_rows(monthly, 202101, 202103, NAMES, "zh").set_index("code")
    assert list(rows.index[:2]) == ["HK", "US"] and rows.loc["HK", "rank"] == 1
    assert rows.loc["HK", "name"] == "中国香港" and rows.loc["US", "name"] == "美国"
    assert rows.loc["HK", "growth"] == pytest.approx(0.25)
    assert rows.loc["HK", "share"] == pytest.approx(0.5)
    assert rows.loc["HK", "share_change"] == pytest.approx(0.5 - 0.4)
    assert rows["share"].sum() == pytest.approx(1.0)
    assert is_missing(rows.loc["JP", "growth"])  # no base: no growth, not inf


def test_group_total_is_the_sum_of_members_and_shares_overlap(monthly) -> None:
    by_year = views.group_years(monthly, GROUPS, 202101, 202103, 2, "zh")
    now = by_year[by_year["end"] == 202103].set_index("code")
    assert now.loc["ASEAN", "amount"] == 240 and now.loc["RCEP", "amount"] == 300
    assert now.loc["ASEAN", "share"] == pytest.approx(0.24)
    assert now["share"].sum() > 0.5  # SG and VN count in both groups
    summary = views.group_summary(by_year, 202103).set_index("code")
    assert summary.loc["ASEAN", "growth"] == pytest.approx(240 / 300 - 1)
    assert summary.loc["ASEAN", "share_change"] == pytest.approx(0.24 - 0.3)
    assert summary.loc["RCEP", "name"] == "RCEP成员" and summary.loc["RCEP", "members"] == 3


def test_group_shares_chart_one_line_per_group(monthly) -> None:
    by_year = views.group_years(monthly, GROUPS, 202101, 202103, 2, "en")
    fig = figures.group_shares(by_year, "en", "Shares")
    assert [tr.name for tr in fig.data] == ["ASEAN", "RCEP members"]
    assert list(fig.data[0].x) == ["2020", "2021"]
    assert list(fig.data[0].y) == pytest.approx([30.0, 24.0])


def test_top_partners_bars_names_not_codes(monthly) -> None:
    rows = views.partner_rows(monthly, 202101, 202103, NAMES, "zh")
    fig = figures.top_partners(rows, 3, "usd_10k", "zh", "主要伙伴", selected="US")
    bar = fig.data[0]
    assert list(bar.y) == ["中国香港", "美国", "新加坡"]
    assert list(bar.customdata) == ["HK", "US", "SG"]
    assert bar.marker.color[1] != bar.marker.color[0]


def test_empty_frames_say_so_in_words() -> None:
    empty = pd.DataFrame(columns=["period", "partner_code", "amount"])
    rows = views.partner_rows(empty, 202101, 202103, NAMES, "zh")
    assert rows.empty
    assert figures.top_partners(rows).layout.annotations[0].text == "暂无数据"
    by_year = views.group_years(empty, GROUPS, 202101, 202103, 3, "zh")
    assert figures.group_shares(by_year).layout.annotations[0].text == "暂无数据"


def test_page_keys_in_the_url() -> None:
    assert views.page_params("") == (10, None)
    assert views.page_params("?top=15&partner=us") == (15, "US")
    assert views.page_params("?top=99&partner=<x>") == (10, None)
    new = views.select_search({"points": [{"customdata": "JP"}]}, "?dir=X&region=120116")
    assert views.page_params(new)[1] == "JP"
    assert from_query(new).region == "120116" and from_query(new).direction == "X"
    assert (
        views.page_params(views.select_search({"points": [{"customdata": "JP"}]}, new))[1] is None
    )  # clicked again: cleared
    assert views.select_search(None, "?dir=X") is None
    assert views.with_params("?top=15", top=None) == ""


def test_grid_rows_and_downloads(monthly) -> None:
    rows = views.partner_rows(monthly, 202101, 202103, NAMES, "zh")
    grid = views.grid_rows(rows, "usd_10k", "zh")
    assert grid[0]["partner"] == "中国香港" and grid[0]["growth_text"] == "+25.0%"
    assert grid[0]["share_change_text"] == "+10.0"
    jp = next(r for r in grid if r["code"] == "JP")
    assert jp["growth_text"] == "—" and jp["growth"] is None
    table = views.table_frame(rows, "usd_10k", "zh")
    assert list(table.columns)[:3] == ["排名", "贸易伙伴", "金额（万美元）"]
    assert "nan" not in table.to_csv().lower()
    by_year = views.group_years(monthly, GROUPS, 202101, 202103, 2, "zh")
    groups = views.groups_frame(views.group_summary(by_year, 202103), "usd_10k", "zh")
    assert list(groups["组别"]) == ["东盟", "RCEP成员"]
    table_html = views.group_table(views.group_summary(by_year, 202103), "usd_10k", "zh")
    assert "东盟" in str(table_html)


def test_a_protected_partner_leaves_the_total_and_the_groups_read_as_their_own_cells(monthly):
    # A leader's read: VN is protected (C) in 2021-03, but the total over all partners and
    # ASEAN are cells of the disclosure catalogue that the pattern publishes. Read as cells of
    # their own, every other share and ASEAN's total are figures; summed from the partners,
    # one C would have hidden them all.
    hidden = monthly.astype({"amount": "Int64"})
    hidden.loc[(hidden["period"] == 202103) & (hidden["partner_code"] == "VN"), "amount"] = pd.NA
    windows = pd.DataFrame(
        [
            (202001, 202003, "TOTAL", 1000),
            (202101, 202103, "TOTAL", 1000),
            (202001, 202003, "group:ASEAN", 300),
            (202101, 202103, "group:ASEAN", 240),
        ],
        columns=["start", "end", "code", "amount"],
    )
    summed = views.partner_rows(hidden, 202101, 202103, NAMES, "zh").set_index("code")
    assert summed["share"].map(lambda v: v is pd.NA).all()  # the old reading: all C
    rows = views.partner_rows(hidden, 202101, 202103, NAMES, "zh", windows).set_index("code")
    assert rows.loc["HK", "share"] == pytest.approx(0.5)
    assert rows.loc["VN", "share"] is pd.NA and rows.loc["VN", "current"] is pd.NA
    by_year = views.group_years(hidden, GROUPS, 202101, 202103, 2, "zh", windows)
    now = by_year[by_year["end"] == 202103].set_index("code")
    assert now.loc["ASEAN", "amount"] == 240 and now.loc["ASEAN", "share"] == pytest.approx(0.24)
    assert now.loc["RCEP", "amount"] is pd.NA  # no cell of its own given: its members' sum


def test_a_published_window_cell_stands_where_a_month_in_it_is_hidden(monthly):
    # 1–3月 of ASEAN is a catalogue cell of its own; the pattern may publish it while hiding
    # March alone. The window as read (etl.queries.windows) stands: C where the published
    # cells do not fix it, the figure where they do.
    def windows(asean):
        return pd.DataFrame(
            {
                "start": [202101, 202101, 202001, 202001],
                "end": [202103, 202103, 202003, 202003],
                "code": ["TOTAL", "group:ASEAN", "TOTAL", "group:ASEAN"],
                "amount": pd.array([1000, asean, 1000, 300], dtype="Int64"),
            }
        )

    by_year = views.group_years(monthly, GROUPS, 202101, 202103, 2, "zh", windows(pd.NA))
    now = by_year[by_year["end"] == 202103].set_index("code")
    assert now.loc["ASEAN", "amount"] is pd.NA  # the months alone: March hidden
    by_year = views.group_years(monthly, GROUPS, 202101, 202103, 2, "zh", windows(240))
    now = by_year[by_year["end"] == 202103].set_index("code")
    assert now.loc["ASEAN", "amount"] == 240 and now.loc["ASEAN", "share"] == pytest.approx(0.24)
