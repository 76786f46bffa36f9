"""A protected figure (pandas NA, docs/disclosure.md) in every chart a leader sees: a gap — never
a zero bar or a partial sum — with a "C" on the axis baseline at its position (hover 保密 /
Confidential) and the line 部分数据保密（C），图中以空缺表示 under the title; a chart without
protected figures has neither."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import figures, i18n, rankings
from dashboard import protected_marks as marks
from dashboard.i18n import t
from dashboard.pages.modes import figures as mf
from dashboard.pages.partners import figures as pf
from dashboard.pages.partners import views as pv
from dashboard.pages.sectors import figures as sf
from dashboard.pages.sectors import views as sv
from dashboard.pages.targets.figures import cumulative_path_figure
from etl.evaluation.districts import TOTAL
from etl.targets.compute import Window, evaluate
from etl.targets.path import cumulative_path
from tests.unit.test_mode_figures import CATS as MODE_CATS
from tests.unit.test_mode_figures import FRAME as MODE_FRAME
from tests.unit.test_mode_figures import NAMES as MODE_NAMES
from tests.unit.test_sector_figures import CATS as SECTOR_CATS
from tests.unit.test_sector_figures import FRAME as SECTOR_FRAME
from tests.unit.test_targets import series

NA = pd.NA
E8 = 10**10  # 1 亿美元 in cents
NOTE = {lang: t("fig.protected_note", lang) for lang in ("zh", "en")}


# ---------------------------------------------------------------- what a test reads off a figure


def markers(fig) -> list:
    return [tr for tr in fig.data if tr.legendgroup == marks.PROTECTED]


def values(fig) -> list:
    """The traces that draw figures (everything but the C markers)."""
    return [tr for tr in fig.data if tr.legendgroup != marks.PROTECTED]


def _positions(axis) -> list:
    axis = list(axis)
    if marks._multicategory(axis):  # [[years], [months]] -> (year, month)
        return list(zip(*axis))
    return axis


def marked(fig) -> list:
    """Where the C markers are: x positions (y for horizontal bars), in drawing order."""
    out = []
    for tr in markers(fig):
        horizontal = all(v == 0 for v in tr.x) and not all(v == 0 for v in tr.y or [0])
        out += _positions(tr.y if horizontal else tr.x)
    return out


def hover(fig) -> str:
    return " ".join(h for tr in markers(fig) for h in tr.hovertext)


def value_at(trace, position, horizontal: bool = False):
    """The trace's value at a position (None: a gap); KeyError when it has no such position."""
    where, value = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
    return dict(zip(_positions(where), value))[position]


def noted(fig, lang: str = "zh") -> bool:
    texts = [fig.layout.title.subtitle.text or ""] + [a.text for a in fig.layout.annotations]
    return any(NOTE[lang] in text for text in texts)


def assert_marked(
    fig, position, lang: str = "zh", names: tuple[str, ...] = (), baseline: bool = True
) -> None:
    """A C at the position (text C, on the baseline), hover 保密 naming the series, footnote."""
    assert position in marked(fig)
    for tr in markers(fig):
        assert {c.strip() for c in tr.text} == {"C"} and tr.mode == "text"
        assert tr.showlegend is False
        horizontal = all(v == 0 for v in tr.x) and not all(v == 0 for v in tr.y)
        if baseline:
            assert all(v == 0 for v in (tr.x if horizontal else tr.y))
    assert t("fig.protected", lang) in hover(fig)
    for name in names:
        assert name in hover(fig)
    assert noted(fig, lang)


def assert_clean(fig) -> None:
    assert markers(fig) == [] and not noted(fig, "zh") and not noted(fig, "en")


# ---------------------------------------------------------------- the shared helpers


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


# ---------------------------------------------------------------- dashboard/figures.py


def monthly(rows: dict[int, object]) -> pd.DataFrame:
    return pd.DataFrame(
        {"period": list(rows), "amount": pd.array(list(rows.values()), dtype="Int64")}
    )


def two_years(**hidden: int) -> pd.DataFrame:
    rows: dict[int, object] = {201900 + m: E8 for m in range(1, 13)}
    rows |= {202000 + m: int(1.1 * E8) for m in range(1, 13)}
    for period in hidden.values():
        rows[period] = NA
    return monthly(rows)


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


# ---------------------------------------------------------------- dashboard/rankings.py


def ranking(current) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": ["120116", "120101", "120103"],
            "name": ["滨海新区", "和平区", "河西区"],
            "current": pd.array(current, dtype="Int64"),
            "growth": pd.Series([0.1, NA, None], dtype=object),
        }
    )


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


def contributions(values_pp) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": [TOTAL, "120116", "120101", "120103", "120104"],
            "name_zh": ["天津市", "滨海新区", "和平区", "河西区", "南开区"],
            "name_en": ["Tianjin", "Binhai", "Heping", "Hexi", "Nankai"],
            "contribution_pp": pd.Series(values_pp, dtype=object),
        }
    )


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


# ---------------------------------------------------------------- 供给模式


def mode_frame(hide: tuple[int, int] | None = None) -> pd.DataFrame:
    frame = MODE_FRAME.assign(amount=MODE_FRAME["amount"].astype("Int64"))
    if hide:
        frame.loc[(frame["period"] == hide[0]) & (frame["mode"] == hide[1]), "amount"] = NA
    return frame


def test_mode_points_keep_a_protected_amount_and_protect_what_follows_in_the_year() -> None:
    points = mf.mode_points(mode_frame((202002, 1)), 202001).set_index(["period", "mode"])
    assert points.loc[(202002, 1), "amount"] is NA  # never the 0 of a pivot's fill_value
    assert points.loc[(202003, 1), "amount"] == 4 * E8
    cumulative = mf.mode_points(mode_frame((202002, 1)), 202001, cumulative=True)
    cumulative = cumulative.set_index(["period", "mode"])
    assert cumulative.loc[(202003, 1), "amount"] is NA  # 1–3月 holds the protected 1–2月
    assert cumulative.loc[(202003, 2), "amount"] == 6 * E8
    shares = mf.share_points(mf.mode_points(mode_frame((202003, 2)), 202001))
    march = shares[shares["period"] == 202003]
    assert all(s is NA for s in march["share"])  # of a protected total: protected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_mode_trend_marks_a_protected_mode_month(lang) -> None:
    fig = mf.mode_trend(mf.mode_points(mode_frame((202003, 2)), 202001), MODE_NAMES, lang=lang)
    march = (t("fig.year", lang, y=2020), "3")
    assert_marked(fig, march, lang, names=(MODE_NAMES[2],), baseline=False)
    mode_2 = next(tr for tr in values(fig) if tr.name == MODE_NAMES[2])
    assert value_at(mode_2, march) is None
    # in a stack the baseline is another mode's bar: the C sits on what is drawn (4 + 2)
    (trace,) = markers(fig)
    assert list(trace.y) == [6.0 if lang == "zh" else 600.0]
    assert trace.textposition == "top center"
    assert_clean(mf.mode_trend(mf.mode_points(mode_frame(), 202001), MODE_NAMES, lang=lang))


def test_mode_trend_keeps_jan_feb_at_its_monthly_average_beside_a_protected_month() -> None:
    fig = mf.mode_trend(mf.mode_points(mode_frame((202003, 2)), 202001), MODE_NAMES)
    mode_1 = values(fig)[0]
    assert list(mode_1.y) == [4.0, 4.0]  # 1–2月: (4 + 4) / 2


def test_mode_shares_mark_every_mode_of_a_protected_total() -> None:
    fig = mf.mode_shares(mf.mode_points(mode_frame((202003, 2)), 202001), MODE_NAMES, title="占比")
    label = "2020年3月"
    assert_marked(fig, label, names=(MODE_NAMES[1], MODE_NAMES[4]))
    assert all(value_at(tr, label) is None for tr in values(fig))
    assert_clean(mf.mode_shares(mf.mode_points(mode_frame(), 202001), MODE_NAMES, title="占比"))


def matrix_input(hidden: bool) -> pd.DataFrame:
    frame = pd.DataFrame(
        [("SC", 1, 4 * E8), ("SC1", 2, 2 * E8), ("SC", 2, E8), ("SJ", 1, 3 * E8)],
        columns=["category_code", "mode", "amount"],
    )
    frame["amount"] = frame["amount"].astype("Int64")
    if hidden:
        frame.loc[1, "amount"] = NA  # SC1 in mode 2: 运输 × 模式二 is protected
    return frame


def test_mode_matrix_shows_c_on_a_protected_cell_and_a_dash_where_there_is_no_data() -> None:
    grid = mf.matrix_frame(matrix_input(True), MODE_CATS)
    assert grid.loc["SC", 2] is NA and pd.isna(grid.loc["SJ", 2]) and grid.loc["SJ", 2] is not NA
    fig = mf.mode_matrix(matrix_input(True), MODE_CATS, MODE_NAMES, title="矩阵")
    (trace,) = markers(fig)
    assert list(trace.x) == ["2"] and list(trace.y) == ["SC"]  # the cell, not a baseline
    assert "运输" in trace.hovertext[0] and "保密" in trace.hovertext[0]
    heat = values(fig)[0]
    row = list(heat.y).index("SC")
    assert heat.z[row][1] is None and heat.text[row][1] == ""  # a gap under the C
    assert heat.text[list(heat.y).index("SJ")][1] == "—"
    assert noted(fig)
    assert_clean(mf.mode_matrix(matrix_input(False), MODE_CATS, MODE_NAMES, title="矩阵"))


# ---------------------------------------------------------------- 服务类别


def sector_frame(hidden: bool) -> pd.DataFrame:
    frame = SECTOR_FRAME.assign(amount=SECTOR_FRAME["amount"].astype("Int64"))
    if hidden:
        frame.loc[(frame["period"] == 202001) & (frame["category_code"] == "SC1"), "amount"] = NA
    return frame


def sector_rows(hidden: bool) -> pd.DataFrame:
    return sv.sector_rows(sector_frame(hidden), SECTOR_CATS, 202001, 202001)


def test_sector_rows_roll_a_protected_sub_item_up_as_protected() -> None:
    rows = sector_rows(True).set_index("code")
    assert rows.loc["SC1", "current"] is NA and rows.loc["SC", "current"] is NA  # no partial sum
    assert rows.loc["SC2", "current"] == E8 and rows.loc["SJ", "current"] == 2 * E8
    assert rows.loc["SJ", "share"] is NA  # of a protected total
    assert rows.loc["SC", "growth"] is NA


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sector_ranking_marks_a_protected_category(lang) -> None:
    fig = sf.sector_ranking(sv.ranking(sector_rows(True), lang=lang), lang=lang, title="排名")
    assert_marked(fig, "运输", lang)
    bar = values(fig)[0]
    assert list(bar.y)[-1] == "运输"  # after the known ones, never ranked by its value
    assert value_at(bar, "运输", horizontal=True) is None
    assert_clean(sf.sector_ranking(sv.ranking(sector_rows(False)), title="排名"))


def test_treemap_never_sizes_a_protected_category_and_names_it_c() -> None:
    nodes = sv.treemap_nodes(sector_rows(True))
    by_id = nodes.set_index("id")
    assert by_id.loc["SC", "value"] is NA
    assert "SC1" not in by_id.index and "SC~rest" not in by_id.index  # nothing below it
    fig = sf.sector_treemap(nodes, title="构成", subtitle="面积")
    tree = fig.data[0]
    assert "SC" not in tree.ids and 0.0 not in tree.values  # not sized, not sized by zero
    assert "保密（C），未计入图中：运输" in fig.layout.title.subtitle.text
    # the drawn tiles say their amounts (their shares of a protected total are protected)
    assert tree.customdata[list(tree.ids).index("SJ")][3] == "2.0亿美元"
    en = sf.sector_treemap(nodes, lang="en", title="Composition")
    assert "Confidential (C), not drawn: 运输" in en.layout.title.subtitle.text
    clean = sf.sector_treemap(sv.treemap_nodes(sector_rows(False)), title="构成", subtitle="面积")
    assert "保密" not in clean.layout.title.subtitle.text and "SC" in clean.data[0].ids


GROUP_NAMES = {
    "TJ_PILLAR": "天津传统支柱领域",
    "KIS": "知识密集型服务",
    "TJ_EMERGING": "天津加快发展领域",
    "TOTAL": "服务进出口总额",
}


def group_frame(hidden: bool) -> pd.DataFrame:
    frame = pd.DataFrame(
        [
            (201901, "TOTAL", 10),
            (201901, "TJ_PILLAR", 6),
            (201901, "TJ_EMERGING", 1),
            (201901, "KIS", 4),
            (202001, "TOTAL", 12),
            (202001, "TJ_PILLAR", 6),
            (202001, "TJ_EMERGING", 2),
            (202001, "KIS", 5),
        ],
        columns=["period", "group", "amount"],
    )
    frame["amount"] = frame["amount"].astype("Int64")
    if hidden:
        frame.loc[(frame["period"] == 202001) & (frame["group"] == "TJ_EMERGING"), "amount"] = NA
    return frame


def test_sector_groups_mark_a_protected_share_and_growth() -> None:
    years = sv.group_years(group_frame(True), 202001, 202001, years=2)
    now = years[years["end"] == 202001].set_index("group")
    assert now.loc["TJ_EMERGING", "share"] is NA and now.loc["TJ_EMERGING", "growth"] is NA
    assert now.loc["TJ_PILLAR", "share"] == pytest.approx(0.5)
    shares = sf.group_shares(years, GROUP_NAMES, groups=("TJ_PILLAR", "TJ_EMERGING"), title="占比")
    assert_marked(shares, "2020年", names=("天津加快发展领域",))
    emerging = next(tr for tr in values(shares) if tr.name == "天津加快发展领域")
    assert value_at(emerging, "2020年") is None
    growth = sf.emerging_growth(years, GROUP_NAMES, title="增速")
    assert_marked(growth, "2020年", names=("天津加快发展领域",))
    assert value_at(values(growth)[0], "2020年") is None
    clean = sv.group_years(group_frame(False), 202001, 202001, years=2)
    assert_clean(sf.group_shares(clean, GROUP_NAMES, title="占比"))
    assert_clean(sf.emerging_growth(clean, GROUP_NAMES, title="增速"))


# ---------------------------------------------------------------- 伙伴


PARTNER_GROUPS = pd.DataFrame(
    {
        "code": ["ASEAN", "ASEAN", "RCEP"],
        "name_zh": ["东盟", "东盟", "RCEP成员"],
        "name_en": ["ASEAN", "ASEAN", "RCEP members"],
        "member": ["SG", "VN", "JP"],
    }
)


def partner_frame(hidden: bool) -> pd.DataFrame:
    rows = [
        (202003, "US", 300),
        (202103, "US", 200),
        (202003, "SG", 200),
        (202103, "SG", 190),
        (202103, "JP", 60),
        (202003, "VN", 100),
        (202103, "VN", 50),
    ]
    frame = pd.DataFrame(rows, columns=["period", "partner_code", "amount"])
    frame["amount"] = frame["amount"].astype("Int64")
    if hidden:
        frame.loc[(frame["period"] == 202103) & (frame["partner_code"] == "SG"), "amount"] = NA
    return frame


def test_partner_rows_keep_a_protected_partner_after_the_known_ones() -> None:
    rows = pv.partner_rows(partner_frame(True), 202103, 202103, {}, "zh")
    assert list(rows["code"]) == ["US", "JP", "VN", "SG"]
    sg = rows.set_index("code").loc["SG"]
    assert sg["current"] is NA and sg["rank"] is NA and sg["growth"] is NA
    assert rows.set_index("code").loc["US", "share"] is NA  # of a protected total


def test_top_partners_mark_a_protected_partner() -> None:
    rows = pv.partner_rows(partner_frame(True), 202103, 202103, {}, "zh")
    fig = pf.top_partners(rows, title="主要伙伴")
    name = rows.set_index("code").loc["SG", "name"]
    assert_marked(fig, name)
    assert value_at(values(fig)[0], name, horizontal=True) is None
    clean = pv.partner_rows(partner_frame(False), 202103, 202103, {}, "zh")
    assert_clean(pf.top_partners(clean, title="主要伙伴"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_partner_group_shares_mark_a_protected_group(lang) -> None:
    by_year = pv.group_years(partner_frame(True), PARTNER_GROUPS, 202103, 202103, 2, lang)
    now = by_year[by_year["end"] == 202103].set_index("code")
    assert now.loc["ASEAN", "amount"] is NA and now.loc["ASEAN", "share"] is NA
    fig = pf.group_shares(by_year, lang, title="组别")
    year = t("fig.year", lang, y=2021)
    assert_marked(fig, year, lang, names=("东盟" if lang == "zh" else "ASEAN",))
    asean = next(tr for tr in values(fig) if tr.name in ("东盟", "ASEAN"))
    assert value_at(asean, year) is None
    clean = pv.group_years(partner_frame(False), PARTNER_GROUPS, 202103, 202103, 2, lang)
    assert_clean(pf.group_shares(clean, lang, title="组别"))


# ---------------------------------------------------------------- 目标监测


YEAR_2019 = Window("cy2019", "2019年", "2019", 201901, 201912, "growth")


def target_path(hidden: bool) -> pd.DataFrame:
    s = pd.concat([series(2018, 1, level=10**10), series(2019, 1, level=1.1 * 10**10)])
    s = s[s.index <= 201905].astype("Int64")
    if hidden:
        s[201903] = NA
    return cumulative_path(evaluate(YEAR_2019, s, 201905, 0.10), s, 201905)


def test_target_path_is_protected_from_a_protected_month_on() -> None:
    path = target_path(True).set_index("period")
    reported = series(2019, 1, level=1.1 * 10**10)
    assert path.loc[201902, "actual"] == reported[201901] + reported[201902]
    assert path.loc[201903, "actual"] is NA and path.loc[201905, "actual"] is NA
    assert pd.isna(path.loc[201906, "actual"]) and path.loc[201906, "actual"] is not NA


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_target_path_figure_marks_the_protected_months(lang) -> None:
    fig = cumulative_path_figure(target_path(True), lang)
    months = [i18n.fmt_period(201900 + m, lang) for m in (3, 4, 5)]
    actual = next(tr for tr in values(fig) if tr.name == t("targets.chart.actual", lang))
    for month in months:
        assert month in marked(fig)
        assert value_at(actual, month) is None
    assert_marked(fig, months[0], lang, names=(t("targets.chart.actual", lang),))
    assert_clean(cumulative_path_figure(target_path(False), lang))
