"""The shared marker helpers, the monthly and yearly charts and the ranked bars."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import figures, rankings
from dashboard import protected_marks as marks
from dashboard.i18n import t
from tests.unit.protected.cases import (
    contributions,
    ranking,
    two_years,
)
from tests.unit.protected.reading import (
    E8,
    NA,
    NOTE,
    _positions,
    assert_clean,
    assert_marked,
    hover,
    marked,
    markers,
    value_at,
    values,
)


def test_mark_protected_adds_one_trace_and_nothing_without_protected_points() -> None:
    import plotly.graph_objects as go

    fig = go.Figure()
    marks.mark_protected(fig, ["a", "b", "c"], [False, False, False])
    assert fig.data == ()
    marks.mark_protected(fig, ["a", "b", "c"], [False, ["X", "Y", "X"], True], labels=list("ABC"))
    (trace,) = fig.data
    assert list(trace.x) == ["b", "c"] and list(trace.y) == [0, 0]
    assert list(trace.hovertext) == ["B<br>X、Y：保密", "C<br>保密"]  # each series named once
    assert marks.has_protected(fig)


def test_protected_flags_tell_na_from_missing() -> None:
    assert marks.protected_flags([1, NA, None, float("nan"), 0]) == [
        False,
        True,
        False,
        False,
        False,
    ]


def test_note_goes_under_the_title_or_above_the_plot() -> None:
    import plotly.graph_objects as go

    titled = figures.base_layout(go.Figure(), "走势", "天津市 · 亿美元")
    marks.note_protected(titled, "zh", when=True)
    assert titled.layout.title.subtitle.text == f"天津市 · 亿美元<br>{NOTE['zh']}"
    bare = marks.note_protected(go.Figure(), "en", when=True)
    assert bare.layout.annotations[0].text == NOTE["en"]
    untouched = marks.note_protected(go.Figure(), "zh")  # no C markers: nothing said
    assert untouched.layout.annotations == ()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_monthly_trend_marks_a_protected_month_and_its_yoy(lang) -> None:
    fig = figures.monthly_trend(two_years(a=202005, b=201907), lang=lang, start=202001)
    year = t("fig.year", lang, y=2020)
    may, july = (year, "5"), (year, "7")
    assert_marked(fig, may, lang)
    bars = [tr for tr in values(fig) if tr.type == "bar"]
    assert all(value_at(bar, may) is None for bar in bars)  # a gap, never a zero bar
    line = next(tr for tr in values(fig) if tr.yaxis == "y2")
    assert value_at(line, may) is None and value_at(line, july) is None
    # May: one C on the amount axis; July's 同比 alone is protected (July 2019 is): its C on y2
    by_axis = {tr.yaxis or "y": _positions(tr.x) for tr in markers(fig)}
    assert by_axis == {"y": [may], "y2": [july]}
    assert value_at(bars[0], july) == pytest.approx(110 if lang == "en" else 1.1)
    assert t("fig.yoy", lang) in hover(fig)


def test_monthly_trend_without_protected_months_has_no_marker() -> None:
    assert_clean(figures.monthly_trend(two_years(), start=202001))


def test_share_by_year_marks_a_protected_year() -> None:
    frame = pd.DataFrame(
        {
            "start": [201901, 202001],
            "end": [201906, 202006],
            "share": pd.Series([NA, 0.4], dtype=object),
        }
    )
    fig = figures.share_by_year(frame, title="历年同期占比")
    assert_marked(fig, "2019年")
    bar = values(fig)[0]
    assert value_at(bar, "2019年") is None and bar.text[0] == ""
    assert_clean(figures.share_by_year(frame.assign(share=[0.3, 0.4]), title="历年同期占比"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ranked_bars_mark_a_protected_region_at_the_baseline(lang) -> None:
    fig = rankings.ranked_bars(ranking([5 * E8, NA, E8]), lang=lang, title="排名")
    assert_marked(fig, "和平区", lang)
    (trace,) = markers(fig)
    assert list(trace.y) == ["和平区"] and list(trace.x) == [0]  # x = 0: horizontal bars
    assert trace.textposition == "middle right"  # beside the axis, clear of the names
    bar = values(fig)[0]
    assert value_at(bar, "和平区", horizontal=True) is None  # not a zero bar
    assert bar.text[1] == ""
    assert_clean(rankings.ranked_bars(ranking([5 * E8, 2 * E8, E8]), lang=lang, title="排名"))


def test_contribution_bars_keep_a_protected_region_as_a_gap_and_drop_one_without_base() -> None:
    fig = rankings.contribution_bars(contributions([5.0, 3.0, NA, -1.0, None]), title="拉动")
    assert_marked(fig, "和平区")
    bar = values(fig)[0]
    assert list(bar.y) == ["滨海新区", "河西区", "和平区"]  # known ones by value, then C
    assert value_at(bar, "和平区", horizontal=True) is None
    assert "南开区" not in bar.y  # no base: nothing to show, not a C
    assert_clean(
        rankings.contribution_bars(contributions([5.0, 3.0, 2.0, -1.0, None]), title="拉动")
    )


def test_series_lines_mark_a_protected_month_once_naming_each_line() -> None:
    rows = []
    for period in (202001, 202002, 202003, 202004):
        rows += [(period, "A", E8), (period, "B", 2 * E8), (period, "C", 3 * E8)]
    frame = pd.DataFrame(rows, columns=["period", "code", "amount"])
    frame["amount"] = frame["amount"].astype("Int64")
    clean = rankings.series_lines(
        frame, "code", {"A": "甲", "B": "乙", "C": "丙"}, ["A", "B", "C"], title="走势"
    )
    assert_clean(clean)
    frame.loc[(frame["period"] == 202003) & frame["code"].isin(["B", "C"]), "amount"] = NA
    fig = rankings.series_lines(
        frame, "code", {"A": "甲", "B": "乙", "C": "丙"}, ["A", "B", "C"], title="走势"
    )
    march = ("2020年", "3")
    assert_marked(fig, march, names=("乙、丙",))
    assert marked(fig) == [march]  # one C for both lines
    lines = {tr.name: tr for tr in values(fig)}
    assert value_at(lines["乙"], march) is None and value_at(lines["甲"], march) == 1.0


def test_c_markers_leave_a_horizontal_legend_on_one_row():
    """The markers' legendgroup made plotly group the legend, and a horizontal legend then put
    each series on a row of its own, over the title (seen on the Partners and Regions trends
    where most points are C); the legend keeps the series in trace order instead."""
    rows = [(p, code, E8) for p in (202003, 202004) for code in ("A", "B")]
    frame = pd.DataFrame(rows, columns=["period", "code", "amount"])
    frame["amount"] = frame["amount"].astype("Int64")
    names = {"A": "甲", "B": "乙"}
    clean = rankings.series_lines(frame, "code", names, ["A", "B"], title="走势")
    assert not markers(clean) and clean.layout.legend.traceorder is None  # nothing to undo
    frame.loc[frame["code"] == "A", "amount"] = NA
    fig = rankings.series_lines(frame, "code", names, ["A", "B"], title="走势")
    assert markers(fig) and fig.layout.legend.orientation == "h"
    assert fig.layout.legend.traceorder == "normal"


def test_a_chart_whose_every_figure_is_c_shows_no_value_ticks():
    """和平区's Modes trend, every month C: plotly's default range in a whole-number format
    read "1 1 1 0 0 0" up the axis; the axis now has no labels, the Cs on its baseline."""
    rows = [(p, code, E8) for p in (202003, 202004) for code in ("A", "B")]
    frame = pd.DataFrame(rows, columns=["period", "code", "amount"])
    frame["amount"] = frame["amount"].astype("Int64")
    names = {"A": "甲", "B": "乙"}
    frame.loc[frame["code"] == "A", "amount"] = NA
    some = rankings.series_lines(frame, "code", names, ["A", "B"], title="走势")
    assert some.layout.yaxis.showticklabels is None  # a figure is drawn: the axis measures it
    frame.loc[frame["code"] == "B", "amount"] = NA
    none = rankings.series_lines(frame, "code", names, ["A", "B"], title="走势")
    assert markers(none) and none.layout.yaxis.showticklabels is False
    assert list(none.layout.yaxis.range) == [0, 1]
