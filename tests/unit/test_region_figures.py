"""地区 page: roll-up, contribution, charts, drill-down URL, breadcrumb, grid and downloads."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import rankings as figures
from dashboard import tables
from dashboard.filter_state import from_query
from dashboard.pages.regions import views
from etl.evaluation.districts import TOTAL, district_evaluation
from etl.reference import reference_from_seeds
from etl.settings import PROJECT_ROOT

REF = reference_from_seeds(PROJECT_ROOT / "seeds")
NOBODY = pd.DataFrame(columns=["region_code", "uscc"])


def evaluation(root: str, amounts: dict[tuple[int, str], int]) -> pd.DataFrame:
    """district_evaluation over 2021-01..2021-06 with names, as the Regions page's region_breakdown builds it."""
    frame = pd.DataFrame(
        [(p, r, a) for (p, r), a in amounts.items()], columns=["period", "region_code", "amount"]
    )
    rows = district_evaluation(frame, NOBODY, NOBODY, REF.region_parent, root, 202101, 202106)
    rows["name_zh"] = [REF.regions.get(c, "合计") for c in rows["code"]]
    rows["name_en"] = [REF.region_names_en.get(c, "Total") for c in rows["code"]]
    return rows


@pytest.fixture
def tianjin() -> pd.DataFrame:
    return evaluation(
        "120000",
        {
            (202103, "120116-TEDA"): 300,
            (202003, "120116-TEDA"): 200,
            (202104, "120116-DJ"): 100,
            (202004, "120116-DJ"): 100,
            (202105, "120101"): 500,
            (202005, "120101"): 400,
            (202106, "120103"): 100,
            (202006, "120103"): 300,
        },
    )


def test_functional_zones_roll_up_into_binhai(tianjin) -> None:
    binhai = tianjin.set_index("code").loc["120116"]
    assert (binhai["current"], binhai["previous"]) == (400, 300)
    assert "120116-TEDA" not in set(tianjin["code"])
    assert tianjin.iloc[0]["code"] == TOTAL and tianjin.iloc[0]["current"] == 1000


def test_contributions_add_up_to_the_parent_growth(tianjin) -> None:
    body = tianjin[tianjin["code"] != TOTAL]
    assert body["contribution_pp"].sum() == pytest.approx(tianjin.iloc[0]["growth"] * 100)
    assert tianjin.iloc[0]["growth"] == pytest.approx(0.0)  # 1000 against 1000


def test_ranking_bars_show_names_largest_first(tianjin) -> None:
    fig = figures.ranked_bars(figures.ranking_frame(tianjin, "zh"), "usd_10k", "zh", "排名")
    bar = fig.data[0]
    assert list(bar.y)[:2] == ["和平区", "滨海新区"]
    assert list(bar.customdata)[:2] == ["120101", "120116"]
    assert bar.orientation == "h" and fig.layout.yaxis.autorange == "reversed"
    assert "（+25.0%）" in bar.text[0]
    assert not any(c.isdigit() and len(c) == 6 for c in bar.y)


def test_ranking_in_english_and_selected_colour(tianjin) -> None:
    fig = figures.ranked_bars(figures.ranking_frame(tianjin, "en"), lang="en", selected="120116")
    assert "Binhai New Area" in fig.data[0].y
    colours = dict(zip(fig.data[0].customdata, fig.data[0].marker.color))
    assert colours["120116"] == figures.SELECTED and colours["120101"] == figures.NAVY


def test_contribution_bars_sorted_with_points(tianjin) -> None:
    fig = figures.contribution_bars(tianjin, "zh", "拉动")
    bar = fig.data[0]
    assert set(bar.y[:2]) == {"滨海新区", "和平区"} and bar.x[0] == pytest.approx(10.0)
    assert bar.text[0] == "+10.0" and bar.y[-1] == "河西区" and bar.x[-1] == pytest.approx(-20.0)


def test_empty_frames_say_so_in_words() -> None:
    empty = evaluation("120000", {})
    assert (
        "暂无数据"
        in figures.ranked_bars(figures.ranking_frame(empty.iloc[:0], "zh"))
        .layout.annotations[0]
        .text
    )
    assert "上年同期无数据" in figures.contribution_bars(empty).layout.annotations[0].text
    lines = figures.series_lines(
        pd.DataFrame(columns=["period", "code", "amount"]), "code", {}, ["120101"]
    )
    assert lines.layout.annotations[0].text == "暂无数据"
    assert not views.has_data(empty)


def test_series_lines_combine_january_and_february() -> None:
    monthly = pd.DataFrame(
        {
            "period": [202101, 202102, 202103] * 2,
            "code": ["120101"] * 3 + ["120116"] * 3,
            "amount": [10**10, 10**10, 3 * 10**10, 5, 5, 5],
        }
    )
    fig = figures.series_lines(
        monthly,
        "code",
        {"120101": "和平区", "120116": "滨海新区"},
        ["120101", "120116"],
        start=202101,
    )
    assert [tr.name for tr in fig.data] == ["和平区", "滨海新区"]
    # #17: 1–2月 is drawn at its monthly average (1.0, no false spike), its total in the hover.
    assert list(fig.data[0].y) == [1.0, 3.0]
    assert list(fig.data[0].x[1]) == ["1–2", "3"]
    assert list(fig.data[0].marker.symbol) == ["circle-open", "circle"]
    first = fig.data[0].customdata[0]
    assert first[1] == "1–2月月均" and "1–2月合计：2.0亿美元" in first[2]
    assert fig.data[0].customdata[1][2] == ""


def test_drill_search_keeps_filters_and_skips_the_total() -> None:
    click = {"points": [{"customdata": "120116", "y": "滨海新区"}]}
    new = views.drill_search(click, "?dir=X&unit=usd_10k&lang=en&as_of=2021-06")
    state = from_query(new)
    assert (state.region, state.direction, state.unit, state.lang) == (
        "120116",
        "X",
        "usd_10k",
        "en",
    )
    assert "as_of=2021-06" in new
    assert views.drill_search({"points": [{"customdata": TOTAL}]}, "") is None
    assert views.drill_search({"points": [{"customdata": "120116"}]}, "?region=120116") is None
    assert views.drill_search(None, "") is None and views.drill_search({"points": []}, "") is None


def test_breadcrumb_links_every_level_above() -> None:
    chain = [
        {"code": "120000", "name_zh": "天津市", "name_en": "Tianjin"},
        {"code": "120116", "name_zh": "滨海新区", "name_en": "Binhai New Area"},
    ]
    nav = views.breadcrumb(chain, "?region=120116&dir=M", "zh")
    link, sep, current = nav.children
    assert link.children == "天津市" and link.href == "/regions?dir=M"
    assert sep.children == "›" and current.children == "滨海新区"


def test_leaf_message_names_the_region_and_links_up() -> None:
    chain = [
        {"code": "120000", "name_zh": "天津市", "name_en": "Tianjin"},
        {"code": "120101", "name_zh": "和平区", "name_en": "Heping District"},
    ]
    box = views.leaf_message(chain, "?region=120101", "zh")
    assert "和平区没有下级区域" in box.children[0].children
    assert box.children[-1].href == "/regions" and "天津市" in box.children[-1].children


def test_grid_rows_and_download_table(tianjin) -> None:
    rows, total = views.grid_rows(tianjin, "usd_10k", "zh")
    assert [r["region"] for r in rows][:2] == ["和平区", "滨海新区"]
    assert total[0]["region"] == "合计" and total[0]["share_text"] == "100.0%"
    binhai = next(r for r in rows if r["code"] == "120116")
    assert binhai["contribution_text"] == "+10.0" and binhai["growth_text"] == "+33.3%"
    headers = [c["headerName"] for c in views.column_defs("zh", "usd_10k", "天津市")]
    assert "占天津市比重（%）" in headers and "拉动增长（百分点）" in headers
    table = views.table_frame(tianjin, "usd_10k", "zh", "天津市")
    assert list(table.iloc[-1])[1] == "合计"
    assert table["拉动增长（百分点）"].iloc[0] == pytest.approx(10.0)
    assert "nan" not in table.to_csv().lower()


def test_trend_table_one_column_per_region() -> None:
    monthly = pd.DataFrame(
        {"period": [202103, 202103], "code": ["120101", "120116"], "amount": [10**6, 2 * 10**6]}
    )
    table = tables.lines_table(
        monthly,
        ["120116", "120101"],
        {"120116": "滨海新区", "120101": "和平区"},
        "usd_10k",
        "zh",
        202101,
    )
    assert list(table.columns) == ["期间", "滨海新区（万美元）", "和平区（万美元）"]
    assert table.iloc[0].tolist() == ["2021年3月", 2.0, 1.0]


def test_summary_line_counts_children_or_leaves_them_out(tianjin) -> None:
    from types import SimpleNamespace

    view = SimpleNamespace(
        state=from_query("?dir=X"), start=202101, end=202106, region_name=lambda lang: "天津市"
    )
    assert views.summary_line(tianjin, view, 16, "zh").endswith("同比0.0%；下设16个地区。")
    assert "服务出口" in views.summary_line(tianjin, view, 16, "zh")
    assert "下设" not in views.summary_line(tianjin, view, 0, "zh")


def test_trend_lines_take_protected_regions_after_the_known_ones() -> None:
    # A protected region (C) is never placed by its value, but it keeps a line (with its gaps)
    # while there is room; regions without trade get none.
    rows = pd.DataFrame(
        {
            "code": [TOTAL, "A", "B", "Z", "H"],
            "current": pd.array([pd.NA, 50, 20, 0, pd.NA], dtype="Int64"),
        }
    )
    assert views.top_codes(rows) == ["A", "B", "H"]
    assert views.top_codes(rows, n=2) == ["A", "B"]
