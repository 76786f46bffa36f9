"""Chart builders: traces, axes, 1–2月 combined, units, languages and empty frames; tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard import figures, tables


def monthly(rows: dict[int, int]) -> pd.DataFrame:
    """A frame as data.monthly_trend returns it: period, amount (cents)."""
    return pd.DataFrame({"period": list(rows), "amount": list(rows.values())})


# two years; amounts in cents: 1 亿美元 = 10**10
TWO_YEARS = monthly(
    {
        **{201800 + m: 10**10 for m in range(1, 13)},
        **{201900 + m: int(1.1 * 10**10) for m in range(1, 13)},
    }
)


def _trace(fig, name):
    return next(tr for tr in fig.data if tr.name == name)


def test_trend_has_bars_on_y_and_the_yoy_line_on_y2() -> None:
    fig = figures.monthly_trend(TWO_YEARS, start=201901)
    bars = [tr for tr in fig.data if tr.type == "bar"]
    line = _trace(fig, "同比增长")
    assert {tr.yaxis or "y" for tr in bars} == {"y"}
    assert line.type == "scatter" and line.yaxis == "y2"
    assert fig.layout.yaxis2.overlaying == "y" and fig.layout.yaxis2.side == "right"
    assert fig.layout.yaxis2.ticksuffix == "%"
    assert fig.layout.yaxis.title.text == "金额（亿美元）"
    assert fig.layout.yaxis2.title.text == "同比（%）"
    # one optional decimal: a region with 0.5–2亿 gets 0.5, 1, 1.5 — never "1, 1, 2"
    assert fig.layout.yaxis.tickformat == ",.1~f"
    # 同比 10% for every point of 2019 (1–2月 against 1–2月)
    assert [round(v, 6) for v in line.y] == [10.0] * 11


def test_trend_combines_january_into_february() -> None:
    fig = figures.monthly_trend(TWO_YEARS, start=201901)
    years, months = fig.layout.xaxis.type, _trace(fig, "同比增长").x
    assert years == "multicategory"
    labels = list(months[1])
    assert labels == ["1–2"] + [str(m) for m in range(3, 13)]
    assert list(months[0]) == ["2019年"] * 11
    combined = _trace(fig, "1–2月（月均）")
    regular = _trace(fig, "当月金额")
    # #17: one rule for every monthly chart: 1–2月 at the monthly average (no false spike) ...
    assert combined.y[0] == pytest.approx(1.1)  # (1.1 + 1.1) / 2 亿美元
    assert combined.y[1] is None and regular.y[0] is None
    assert regular.y[1] == pytest.approx(1.1)
    assert fig.layout.barmode == "overlay"
    assert list(regular.customdata[1]) == ["2019年3月", ""]
    # ... with the two months' total in the hover
    assert list(combined.customdata[0]) == ["2019年1–2月", "<br>1–2月合计：2.2亿美元"]
    assert "1–2月月均" in combined.hovertemplate


def test_trend_keeps_a_lone_january_and_has_no_combined_legend_then() -> None:
    fig = figures.monthly_trend(monthly({201901: 10**10, 201903: 2 * 10**10}))
    names = [tr.name for tr in fig.data]
    assert "1–2月（月均）" not in names
    assert list(_trace(fig, "当月金额").x[1]) == ["1", "3"]
    assert all(v is None for v in _trace(fig, "同比增长").y)  # no base year: no 同比 point


def test_trend_months_before_start_serve_only_as_the_base() -> None:
    fig = figures.monthly_trend(TWO_YEARS, start=201906)
    assert list(_trace(fig, "当月金额").x[1]) == [str(m) for m in range(6, 13)]


def test_trend_in_english_and_other_units() -> None:
    fig = figures.monthly_trend(TWO_YEARS, unit="usd_10k", lang="en", start=201901)
    bars = _trace(fig, "Monthly amount")
    assert bars.y[1] == pytest.approx(1.1 * 10**4 * 10)  # US$ thousand: 110,000
    assert fig.layout.yaxis.title.text == "Amount (US$ thousand)"
    assert list(bars.x[0])[:1] == ["2019"]
    assert _trace(fig, "Year-on-year growth").yaxis == "y2"


def test_figures_use_the_cjk_font_first_and_carry_titles() -> None:
    fig = figures.monthly_trend(TWO_YEARS, title="服务进出口月度走势", subtitle="天津市")
    assert fig.layout.font.family.startswith('"Noto Sans CJK SC"')
    assert fig.layout.title.text == "服务进出口月度走势"
    assert fig.layout.title.subtitle.text == "天津市"


@pytest.mark.parametrize(
    "frame",
    [
        monthly({}),
        pd.DataFrame(columns=["period", "amount"]),
    ],
)
def test_empty_frame_gives_words_not_an_empty_axis(frame) -> None:
    fig = figures.monthly_trend(frame, title="走势")
    assert len(fig.data) == 0
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    assert [a.text for a in fig.layout.annotations] == ["暂无数据"]
    english = figures.share_by_year(pd.DataFrame(columns=["start", "end", "share"]), lang="en")
    assert [a.text for a in english.layout.annotations] == ["No data"]


def test_yoy_axis_range_keeps_zero_inside() -> None:
    falling = monthly({201901: 10**10, 201902: 10**10, 202001: 5 * 10**9, 202002: 5 * 10**9})
    low, high = figures.monthly_trend(falling, start=202001).layout.yaxis2.range
    assert low < -50 < 0 < high


def test_share_by_year_highlights_the_latest_year() -> None:
    frame = pd.DataFrame(
        {
            "start": [201901, 202001, 202101],
            "end": [201906, 202006, 202106],
            "share": [0.40, 0.45, 0.5],
        }
    )
    fig = figures.share_by_year(frame, title="占比")
    bar = fig.data[0]
    assert list(bar.x) == ["2019年", "2020年", "2021年"]
    assert list(bar.y) == pytest.approx([40, 45, 50])
    assert list(bar.text) == ["40.0%", "45.0%", "50.0%"]
    assert bar.marker.color[-1] == figures.NAVY and bar.marker.color[0] != figures.NAVY
    assert bar.customdata[0] == "2019年1–6月"


def test_png_config_names_the_file_in_chinese() -> None:
    config = figures.png_config("服务贸易月度走势_天津市/滨海 2021年1–12月")
    options = config["toImageButtonOptions"]
    assert options == {
        "format": "png",
        "filename": "服务贸易月度走势_天津市_滨海_2021年1–12月",
        "scale": 2,
    }
    assert config["displaylogo"] is False
    assert figures.safe_filename('..\\/:*?"<>|') == "data"


def test_trend_table_is_what_the_chart_shows_with_chinese_headers() -> None:
    table = tables.trend_table(TWO_YEARS, start=201901)
    assert list(table.columns) == ["期间", "金额（亿美元）", "上年同期（亿美元）", "同比（%）"]
    assert table.iloc[0].tolist() == ["2019年1–2月", 2.2, 2.0, 10.0]
    assert table.iloc[1].tolist() == ["2019年3月", 1.1, 1.0, 10.0]
    assert len(table) == 11


def test_trend_table_leaves_missing_cells_empty() -> None:
    table = tables.trend_table(monthly({201903: 10**10}), lang="en")
    assert list(table.columns) == [
        "Period",
        "Amount (US$ million)",
        "A year earlier (US$ million)",
        "Year on year (%)",
    ]
    row = table.iloc[0]
    assert row["Period"] == "Mar 2019" and row["Amount (US$ million)"] == 100.0
    assert row["Year on year (%)"] is None or math.isnan(row["Year on year (%)"])


def test_share_table() -> None:
    frame = pd.DataFrame({"start": [202001], "end": [202012], "share": [0.4567]})
    assert tables.share_table(frame).to_dict("records") == [
        {"期间": "2020年1–12月", "占比（%）": 45.7}
    ]


def test_grid_controls_speak_the_page_language() -> None:
    """AG Grid's paging and filter texts come from the catalogue: Chinese on Chinese pages."""
    zh = tables.grid_locale("zh", "无数据")
    assert (zh["page"], zh["of"], zh["nextPage"], zh["noRowsToShow"]) == (
        "第",
        "共",
        "下一页",
        "无数据",
    )
    assert tables.grid_locale("en", "No data")["page"] == "Page"


def test_a_grid_starts_empty_in_the_house_look() -> None:
    """tables.grid: sortable, resizable, wrapping headers, the catalogue's empty text; a page's
    own column defaults, options and props go on top."""
    plain = tables.grid("g", [{"field": "a"}], "zh", "eval.empty")
    assert (plain.rowData, plain.className) == ([], "ag-theme-quartz stm-grid")
    assert plain.defaultColDef == {
        "sortable": True,
        "resizable": True,
        "wrapHeaderText": True,
        "autoHeaderHeight": True,
    }
    assert plain.dashGridOptions["domLayout"] == "autoHeight"
    assert plain.dashGridOptions["localeText"]["noRowsToShow"] == "该年度没有可评价的对象"
    paged = tables.grid(
        "g",
        [],
        "en",
        "eval.empty",
        column_defaults={"filter": True},
        wrap_headers=False,
        options={"pagination": True},
        getRowId="params.data.id",
    )
    assert paged.defaultColDef == {"sortable": True, "resizable": True, "filter": True}
    assert paged.dashGridOptions["pagination"] is True
    assert paged.getRowId == "params.data.id"


def test_scoped_titles_and_file_names_say_full_total_under_full_scope() -> None:
    """#15: under 全口径 every chart title and PNG name says 全口径合计 (not only the Overview)."""
    from dashboard.filter_state import FilterState

    assert figures.scoped("服务进出口月度走势", FilterState()) == "服务进出口月度走势"
    full = FilterState(scope="full")
    assert figures.scoped("服务进出口月度走势", full) == "服务进出口月度走势（全口径合计）"
    english = FilterState(scope="full", lang="en")
    assert figures.scoped("Monthly trend", english) == "Monthly trend (total incl. mode 3)"
    name = figures.png_config(figures.scoped("地区排名", full))["toImageButtonOptions"]["filename"]
    assert "全口径合计" in name


def test_latest_point_shows_the_coverage_it_rests_on() -> None:
    """#15: the latest month's point says, on hover, how many key enterprises reported."""
    note = "2019年12月已报送 87.0% 重点企业（174/200）"
    fig = figures.monthly_trend(TWO_YEARS, start=201901, last_note=note)
    regular = _trace(fig, "当月金额")
    assert regular.customdata[-1][1].endswith(note)
    assert all(note not in c[1] for c in regular.customdata[:-1])


def test_the_house_style_merges_into_a_layout_as_update_layout_would() -> None:
    """base_layout sets its properties one by one (plotly's update_layout is slow): the figure
    reads the same as with update_layout, keeping what the chart set before (legend order,
    the title's colour) and the house template."""
    import plotly.graph_objects as go

    def chart():
        fig = go.Figure(go.Bar(x=[1, 2], y=[3, 4]))
        fig.update_layout(barmode="stack", legend={"traceorder": "reversed"})
        fig.update_layout(title={"font": {"color": "red"}})
        return fig

    merged = figures.base_layout(chart(), "走势", "天津市 · 亿美元", height=300, legend=False)
    expected = chart()
    figures._attach_template(expected)
    expected.update_layout(figures.house_style("走势", "天津市 · 亿美元", 300, False))
    assert merged.to_plotly_json() == expected.to_plotly_json()
    assert merged.layout.legend.traceorder == "reversed"
    assert merged.layout.title.font.color == "red"
    assert merged.layout.title.subtitle.text == "天津市 · 亿美元" and merged.layout.height == 300
