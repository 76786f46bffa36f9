"""服务类别 figures and views: sub-items roll up, ranking, treemap, groups, table, empty frames."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.pages.sectors import figures as sf
from dashboard.pages.sectors import table as st
from dashboard.pages.sectors import views as sv

E8 = 10**10  # 1 亿美元 in cents
CATS = pd.DataFrame(
    {
        "code": ["SC", "SC1", "SC2", "SD", "SD2", "SD21", "SJ"],
        "parent_code": [None, "SC", "SC", None, "SD", "SD2", None],
        "main_code": ["SC", "SC", "SC", "SD", "SD", "SD", "SJ"],
        "level": [1, 2, 2, 1, 2, 3, 1],
        "sort_order": [3, 31, 32, 4, 42, 421, 10],
        "name_zh": ["运输", "海运", "空运", "旅行", "个人旅行", "与健康相关的旅行", "其他商业服务"],
        "name_en": ["Transport", "Sea", "Air", "Travel", "Personal travel", "Health", "OBS"],
    }
)
FRAME = pd.DataFrame(
    [
        (202001, "SC", 4 * E8),
        (202001, "SC1", 2 * E8),
        (202001, "SC2", 1 * E8),
        (202001, "SD21", 1 * E8),
        (202001, "SJ", 2 * E8),
        (201901, "SC", 3 * E8),
        (201901, "SC1", 1 * E8),
        (201901, "SJ", 2 * E8),
    ],
    columns=["period", "category_code", "amount"],
)
GROUP_WINDOWS = pd.DataFrame(  # one-month windows (start = end) of the total and the groups
    [
        (201901, 201901, "TOTAL", 10),
        (201901, 201901, "TJ_PILLAR", 6),
        (201901, 201901, "TJ_EMERGING", 1),
        (201901, 201901, "KIS", 4),
        (202001, 202001, "TOTAL", 12),
        (202001, 202001, "TJ_PILLAR", 6),
        (202001, 202001, "TJ_EMERGING", 2),
        (202001, 202001, "KIS", 5),
    ],
    columns=["start", "end", "group", "amount"],
)


def rows() -> pd.DataFrame:
    return sv.sector_rows(FRAME, CATS, 202001, 202001)


def test_sub_items_roll_up_into_their_parents() -> None:
    table = rows().set_index("code")
    assert table.loc["SC", "current"] == 7 * E8  # SC + SC1 + SC2
    assert table.loc["SD", "current"] == table.loc["SD2", "current"] == 1 * E8  # via SD2
    assert table.loc["SC", "previous"] == 4 * E8
    assert table.loc["SC", "growth"] == pytest.approx(0.75)
    assert table.loc["SC", "share"] == pytest.approx(0.7)
    assert table.loc["SC", "share_change"] == pytest.approx(0.7 - 4 / 6)
    assert list(table.index) == ["SC", "SC1", "SC2", "SD", "SD2", "SD21", "SJ"]  # tree order
    assert pd.isna(table.loc["SD", "growth"])  # no base: no growth, not inf


def test_ranking_of_main_categories_and_of_one_categorys_sub_items() -> None:
    ranked = sv.ranking(rows())
    assert list(ranked["code"]) == ["SC", "SJ", "SD"] and list(ranked["rank"]) == [1, 2, 3]
    subs = sv.ranking(rows(), ("SC",))
    assert list(subs["name"]) == ["运输（未细分）", "海运", "空运"]  # the rest keeps the sum
    assert subs["current"].sum() == 7 * E8
    assert sv.ranking(rows(), ("group:KIS",))["code"].tolist() == ["SC", "SJ", "SD"]


def test_ranking_figure_names_growth_and_codes() -> None:
    fig = sf.sector_ranking(sv.ranking(rows()))
    bar = fig.data[0]
    assert list(bar.y) == ["运输", "其他商业服务", "旅行"] and bar.orientation == "h"
    assert bar.text[0] == "7.0 · 同比+75.0%" and bar.text[2] == "1.0 · 同比—"
    assert bar.customdata[0][0] == "SC"
    assert fig.layout.yaxis.autorange == "reversed"


def test_treemap_parents_equal_their_children() -> None:
    nodes = sv.treemap_nodes(rows())
    by_id = nodes.set_index("id")
    assert by_id.loc["SC~rest", "value"] == 4 * E8 and by_id.loc["SC~rest", "label"] == "未细分"
    kids = nodes[nodes["parent"] == "SC"]["value"].sum()
    assert kids == by_id.loc["SC", "value"]
    assert by_id.loc["SD21", "parent"] == "SD2" and by_id.loc["SC", "parent"] == ""
    fig = sf.sector_treemap(nodes)
    assert fig.data[0].branchvalues == "total" and "运输" in fig.data[0].labels


def test_groups_by_year_share_and_growth() -> None:
    years = sv.group_years(GROUP_WINDOWS, 202001, 202001, years=3)
    assert sorted(years["end"].unique()) == [201901, 202001]
    now = years[years["end"] == 202001].set_index("group")
    assert now.loc["TJ_PILLAR", "share"] == pytest.approx(0.5)
    assert now.loc["TJ_EMERGING", "growth"] == pytest.approx(1.0)
    assert now.loc["TOTAL", "growth"] == pytest.approx(0.2)
    names = {
        "TJ_PILLAR": "天津传统支柱领域",
        "KIS": "知识密集型服务",
        "TJ_EMERGING": "天津加快发展领域",
        "TOTAL": "服务进出口总额",
    }
    shares = sf.group_shares(years, names)
    assert [tr.name for tr in shares.data] == ["天津传统支柱领域", "知识密集型服务"]
    assert list(shares.data[0].y) == [60.0, 50.0] and list(shares.data[0].x) == ["2019年", "2020年"]
    growth = sf.emerging_growth(years, names)
    assert [tr.name for tr in growth.data] == ["天津加快发展领域", "服务进出口总额"]
    assert growth.data[0].text[-1] == "+100.0%"


def test_empty_frames_say_so_in_words() -> None:
    empty_rows = sv.sector_rows(FRAME.iloc[0:0], CATS, 202001, 202001)
    empty_years = sv.group_years(
        pd.DataFrame(columns=["start", "end", "group", "amount"]), 202001, 202001
    )
    for fig in (
        sf.sector_ranking(sv.ranking(empty_rows)),
        sf.sector_treemap(sv.treemap_nodes(empty_rows)),
        sf.group_shares(empty_years, {}),
        sf.emerging_growth(empty_years, {}),
    ):
        assert fig.layout.annotations[0].text == "暂无数据"


def test_grid_rows_and_download_in_chinese_without_nan() -> None:
    grid = st.grid_rows(rows(), "usd_100m", "zh")
    first = grid[0]
    assert first["name"] == "运输" and first["rank"] == 1 and first["growth_text"] == "+75.0%"
    assert grid[1]["name"] == "\u3000海运" and grid[1]["main"] == "运输"
    assert grid[3]["growth_text"] == "—"
    out = st.download_table(grid, "usd_100m", "2020年1月", "zh")
    assert list(out.columns)[:3] == ["服务类别", "所属大类", "层级"]
    assert out.iloc[1, 0] == "海运" and out.iloc[1, 2] == "细项"
    assert "nan" not in out.to_csv().lower()
    headers = [c["headerName"] for c in st.column_defs("usd_100m", "2020年1月", "zh")]
    assert "2020年1月累计（亿美元）" in headers


def test_group_names_and_members() -> None:
    groups = pd.DataFrame(
        {
            "code": ["TJ_PILLAR", "TJ_PILLAR"],
            "name_zh": ["天津传统支柱领域"] * 2,
            "name_en": ["Pillars"] * 2,
            "category_code": ["SC", "SD"],
        }
    )
    assert sv.group_names(groups, "zh") == {
        "TJ_PILLAR": "天津传统支柱领域",
        "TOTAL": "服务进出口总额",
    }
    assert sv.group_members(groups, CATS, "TJ_PILLAR", "zh") == "运输；旅行"


def test_table_closes_each_categorys_sub_items_with_a_rest_row() -> None:
    """#17: sub-items did not add up to their category and there was no 未细分 row."""
    table = st.with_rest_rows(rows())
    codes = list(table["code"])
    assert codes == ["SC", "SC1", "SC2", "SC~rest", "SD", "SD2", "SD21", "SJ"]
    by_code = table.set_index("code")
    assert (
        by_code.loc["SC~rest", "current"] == 4 * E8 and by_code.loc["SC~rest", "name"] == "未细分"
    )
    subs = table[table["parent_code"] == "SC"]
    assert subs["current"].sum() == by_code.loc["SC", "current"]
    assert by_code.loc["SC~rest", "previous"] == 3 * E8  # what SC itself carried in 2019-01
    assert "SD2~rest" not in codes  # SD2 is all SD21: nothing left over
    grid = st.grid_rows(table, "usd_100m", "zh")
    assert grid[3]["name"] == "\u3000未细分" and grid[3]["current_text"] == "4.0"
