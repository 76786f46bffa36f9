"""供给模式 figures and views: mode 3 beside the total, shares, heatmap names, table, drill-down."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import drill
from dashboard.filter_state import FilterState, from_query
from dashboard.pages.modes import figures as mf
from dashboard.pages.modes import matrix as mm
from dashboard.pages.modes import views as mv

NAMES = {1: "模式一·跨境提供", 2: "模式二·境外消费", 3: "模式三·商业存在", 4: "模式四·自然人移动"}
CATS = pd.DataFrame(
    {
        "code": ["SA", "SC", "SC1", "SJ"],
        "parent_code": [None, None, "SC", None],
        "main_code": ["SA", "SC", "SC", "SJ"],
        "level": [1, 1, 2, 1],
        "sort_order": [1, 3, 31, 10],
        "name_zh": ["加工服务", "运输", "海运", "其他商业服务"],
        "name_en": ["Manufacturing", "Transport", "Sea transport", "Other business services"],
    }
)
E8 = 10**10  # 1 亿美元 in cents


def by_mode(periods: list[int], amounts: dict[int, int]) -> pd.DataFrame:
    """Every period with the same amount per mode (in 亿美元)."""
    return pd.DataFrame(
        [(p, m, a * E8) for p in periods for m, a in amounts.items()],
        columns=["period", "mode", "amount"],
    )


FRAME = by_mode([201901, 201902, 201903, 202001, 202002, 202003], {1: 4, 2: 2, 3: 10, 4: 2})


def test_monthly_points_combine_january_and_february() -> None:
    points = mf.mode_points(FRAME, start=202001)
    assert sorted(points["period"].unique()) == [202002, 202003]
    feb = points[(points["period"] == 202002) & (points["mode"] == 1)].iloc[0]
    assert feb["months"] == "1-2" and feb["amount"] == 8 * E8


def test_cumulative_points_add_up_within_the_year() -> None:
    points = mf.mode_points(FRAME, start=202001, cumulative=True)
    march = points[(points["period"] == 202003) & (points["mode"] == 1)].iloc[0]
    assert march["months"] == "1-3" and march["amount"] == 12 * E8
    assert 202001 not in set(points["period"])  # January is folded into 1–2月


def test_cumulative_points_take_the_1_n_figures_as_read_over_a_hidden_month() -> None:
    """A leader's March of mode 3 is hidden (NA): summing the months would leave 1–3月 C, but
    the 1–3月 figure as read (the published cells fix it) is what the point shows."""
    frame = FRAME.astype({"amount": "Int64"})
    frame.loc[(frame["period"] == 202003) & (frame["mode"] == 3), "amount"] = pd.NA
    summed = mf.mode_points(frame, start=202001, cumulative=True)
    ytd = FRAME[FRAME["period"] >= 202001].copy()
    ytd["amount"] = ytd.groupby("mode")["amount"].cumsum()  # 1–N月 as read
    read = mf.mode_points(frame, start=202001, cumulative=True, ytd=ytd)

    def march_3(points):
        return points[(points["period"] == 202003) & (points["mode"] == 3)]["amount"].iloc[0]

    assert pd.isna(march_3(summed)) and march_3(read) == 30 * E8
    assert read.loc[read["mode"] == 1, "amount"].tolist() == [8 * E8, 12 * E8]


def test_mode_3_is_a_separate_line_not_stacked_in_bop_scope() -> None:
    fig = mf.mode_trend(mf.mode_points(FRAME, 202001), NAMES)
    bars = [tr for tr in fig.data if tr.type == "bar"]
    lines = [tr for tr in fig.data if tr.type == "scatter"]
    assert [tr.name for tr in bars] == [NAMES[1], NAMES[2], NAMES[4]]
    assert len(lines) == 1 and "不计入总额" in lines[0].name
    assert lines[0].line.dash == "dash"
    assert list(lines[0].y) == [10.0, 10.0]  # 1–2月 at its monthly average, then March
    assert fig.layout.barmode == "relative"


def test_monthly_trend_draws_jan_feb_at_its_monthly_average_and_says_so() -> None:
    """No false spike: a flat year reads flat, and the hover names the 1–2月 point 月均."""
    fig = mf.mode_trend(mf.mode_points(FRAME, 202001), NAMES)
    mode_1 = fig.data[0]
    assert list(mode_1.y) == [4.0, 4.0]
    assert "1–2月月均" in mode_1.customdata[0][0]
    assert "月均" not in mode_1.customdata[1][0]


def test_cumulative_trend_draws_the_whole_window() -> None:
    fig = mf.mode_trend(mf.mode_points(FRAME, 202001, cumulative=True), NAMES, cumulative=True)
    assert list(fig.data[0].y) == [8.0, 12.0]  # 1–2月累计, 1–3月累计
    assert all("月均" not in c[0] for c in fig.data[0].customdata)


def test_full_scope_stacks_mode_3_and_says_so() -> None:
    fig = mf.mode_trend(mf.mode_points(FRAME, 202001), NAMES, full_scope=True)
    assert all(tr.type == "bar" for tr in fig.data)
    assert [tr.customdata[0][1] for tr in fig.data] == [1, 2, 3, 4]
    assert "全口径计入" in fig.data[2].name


def test_mode_filter_keeps_the_chosen_modes_and_english_labels() -> None:
    fig = mf.mode_trend(mf.mode_points(FRAME, 202001), NAMES, lang="en", modes=(1,))
    assert [tr.name for tr in fig.data if tr.type == "bar"] == [NAMES[1]]
    assert fig.data[0].y[0] == pytest.approx(400.0)  # US$ million, Jan–Feb monthly average
    assert "not in the total" in fig.data[-1].name


def test_empty_frames_give_words_not_axes() -> None:
    empty = mf.mode_points(pd.DataFrame(columns=["period", "mode", "amount"]))
    for fig in (
        mf.mode_trend(empty, NAMES),
        mf.mode_shares(empty, NAMES),
        mm.mode_matrix(pd.DataFrame(columns=["category_code", "mode", "amount"]), CATS, NAMES),
    ):
        assert fig.layout.annotations[0].text == "暂无数据"
        assert fig.layout.xaxis.visible is False


def test_shares_are_of_the_bop_total_without_mode_3() -> None:
    shares = mf.share_points(mf.mode_points(FRAME, 202001))
    assert set(shares["mode"]) == {1, 2, 4}
    march = shares[shares["period"] == 202003].set_index("mode")["share"]
    assert march[1] == pytest.approx(0.5) and march.sum() == pytest.approx(1.0)
    full = mf.share_points(mf.mode_points(FRAME, 202001), full_scope=True)
    assert full[(full["period"] == 202003) & (full["mode"] == 3)]["share"].iloc[0] == pytest.approx(
        10 / 18
    )
    fig = mf.mode_shares(mf.mode_points(FRAME, 202001), NAMES)
    assert [tr.name for tr in fig.data] == [NAMES[1], NAMES[2], NAMES[4]]


def test_heatmap_has_names_rolls_up_sub_items_and_carries_codes() -> None:
    frame = pd.DataFrame(
        {
            "category_code": ["SC", "SC1", "SJ", "SC", "SJ"],
            "mode": [1, 1, 1, 2, 3],
            "amount": [1 * E8, 2 * E8, 5 * E8, E8, E8],
        }
    )
    fig = mm.mode_matrix(frame, CATS, NAMES)
    heat = fig.data[0]
    assert list(fig.layout.yaxis.ticktext) == ["运输", "其他商业服务"]  # names, EBOPS order
    assert list(heat.y) == ["SC", "SJ"] and list(heat.x) == ["1", "2", "4"]  # codes for clicks
    assert fig.layout.xaxis.ticktext[0] == "模式一<br>跨境提供"
    assert heat.z[0][0] == pytest.approx(3.0)  # SC + SC1
    assert heat.text[1][1] == "—" and heat.text[0][2] == "—"  # no data: a dash, not NaN
    assert list(heat.customdata[0][0]) == ["运输", "模式一<br>跨境提供"]
    assert fig.layout.yaxis.autorange == "reversed"


def test_mode_table_keeps_mode_3_beside_the_total() -> None:
    table = mv.mode_table(mv.mode_windows(FRAME, 202001, 202003)).set_index("key")
    assert list(table.index) == ["1", "2", "4", "total", "3"]
    assert table.loc["total", "current"] == 24 * E8  # modes 1, 2, 4 only
    assert table.loc["1", "share"] == pytest.approx(0.5)
    assert table.loc["1", "share_change"] == pytest.approx(0.0)
    assert table.loc["1", "growth"] == pytest.approx(0.0)
    assert pd.isna(table.loc["3", "share"]) and table.loc["3", "vs_total"] == pytest.approx(30 / 24)
    full = mv.mode_table(mv.mode_windows(FRAME, 202001, 202003), full_scope=True).set_index("key")
    assert list(full.index) == ["1", "2", "3", "4", "total"]
    assert full.loc["total", "current"] == 54 * E8


def test_mode_table_takes_the_total_read_as_its_own_figure() -> None:
    """A leader's modes hidden, their total published: the total row reads, not C."""
    from pandas import NA

    windows = {1: (NA, 10 * E8), 2: (NA, 4 * E8), 4: (2 * E8, 2 * E8), 3: (9 * E8, NA)}
    table = mv.mode_table({**windows, "total": (20 * E8, 16 * E8)}).set_index("key")
    assert table.loc["total", "current"] == 20 * E8 and table.loc["total", "previous"] == 16 * E8
    assert table.loc["total", "growth"] == pytest.approx(0.25)
    assert table.loc["4", "share"] == pytest.approx(0.1) and table.loc["1", "share"] is NA
    assert mv.mode_table(windows).set_index("key").loc["total", "current"] is NA  # summed: C


def test_grid_rows_and_download_say_words_and_percentage_points() -> None:
    table = mv.mode_table(mv.mode_windows(FRAME, 202001, 202003))
    rows = mv.grid_rows(table, NAMES, "usd_100m", False, "zh")
    assert rows[0]["current_text"] == "12.0" and rows[0]["share_text"] == "50.0%"
    assert rows[0]["share_change_text"] == "0.0个百分点"
    assert rows[4]["share_text"] == "不计入总额"
    assert rows[3]["name"] == "服务进出口总额（模式一、二、四）"
    out = mv.download_table(rows, "usd_100m", "2020年1–3月", "zh")
    assert list(out.columns)[:2] == ["供给模式", "2020年1–3月累计（亿美元）"]
    assert "nan" not in out.to_csv().lower()
    headers = [c["headerName"] for c in mv.column_defs("usd_100m", "2020年1–3月", "zh")]
    assert headers[3] == "同比（%）"


def test_mode_cards_mark_mode_3_as_not_in_the_total() -> None:
    cards = mv.mode_cards(
        mv.mode_table(mv.mode_windows(FRAME, 202001, 202003)),
        NAMES,
        "usd_100m",
        "2020年1–3月",
        False,
        "zh",
    )
    assert len(cards) == 5
    assert "不计入服务进出口总额" in str(cards[4].children)
    assert "stm-mode-fats" in cards[4].children.class_name


def test_drill_href_keeps_other_filters() -> None:
    state = from_query("?region=120116&dir=X&unit=usd_10k")
    href = drill.drill_href(
        state, "/sectors", "?region=120116&dir=X&unit=usd_10k&show=ytd", category="SC", mode=1
    )
    assert href == "/sectors?region=120116&dir=X&cat=SC&mode=1&unit=usd_10k&show=ytd"
    assert drill.drill_href(FilterState(), "/sectors", mode=3) == "/sectors?mode=3&scope=full"
    assert (
        drill.drill_href(FilterState(lang="en"), "/sectors", category="SJ")
        == "/sectors?cat=SJ&lang=en"
    )


def test_clicked_reads_customdata() -> None:
    assert drill.clicked({"points": [{"customdata": ["SC", 2]}]}) == ["SC", 2]
    assert drill.clicked({"points": [{"x": "1", "y": "SC", "z": 2.0}]}) == ["SC", "1"]
    assert drill.clicked(None) is None and drill.clicked({"points": []}) is None


def test_measure_in_the_url() -> None:
    assert mv.measure_from_search("?show=ytd&region=120116") == "ytd"
    assert mv.measure_from_search("?show=bogus") == "month"
    assert mv.with_measure("?region=120116", "ytd") == "?region=120116&show=ytd"
    assert mv.with_measure("?region=120116&show=ytd", "month") == "?region=120116"


def test_download_tables_of_the_charts() -> None:
    points = mf.mode_points(FRAME, 202001)
    out = mv.points_table(points, NAMES, "usd_100m", False, "zh")
    assert out.iloc[0, 0] == "2020年1–2月"
    assert any("不计入总额" in c for c in out.columns)
    frame = pd.DataFrame({"category_code": ["SC"], "mode": [1], "amount": [E8]})
    matrix = mv.matrix_table(frame, CATS, NAMES, "usd_100m", False, (), "zh")
    assert matrix.iloc[0, 0] == "运输" and matrix.iloc[0, 1] == 1.0
