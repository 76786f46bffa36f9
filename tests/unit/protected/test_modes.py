"""供给模式: points, trend, shares and the category × mode matrix with a protected figure."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.i18n import t
from dashboard.pages.modes import figures as mf
from dashboard.pages.modes import matrix as mm
from dashboard.pages.modes import views as mv
from tests.unit.protected.cases import (
    matrix_input,
    mode_frame,
)
from tests.unit.protected.reading import (
    E8,
    NA,
    assert_clean,
    assert_marked,
    markers,
    noted,
    value_at,
    values,
)
from tests.unit.test_mode_figures import CATS as MODE_CATS
from tests.unit.test_mode_figures import NAMES as MODE_NAMES


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


def test_the_trend_download_says_c_for_a_protected_point_never_zero() -> None:
    """The chart leaves a protected point as a gap with a C; the file behind it printed 0."""
    points = mf.mode_points(mode_frame((202003, 1)), 202001)
    table = mv.points_table(points, MODE_NAMES, "usd_100m", False, "zh").set_index("期间")
    mode_1 = next(c for c in table.columns if c.startswith(MODE_NAMES[1]))
    assert table.loc["2020年3月", mode_1] == "C"
    assert table.loc["2020年1–2月", mode_1] == 8.0  # the months around it are numbers
    mode_2 = next(c for c in table.columns if c.startswith(MODE_NAMES[2]))
    assert table.loc["2020年3月", mode_2] == 2.0


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


def test_mode_matrix_shows_c_on_a_protected_cell_and_a_dash_where_there_is_no_data() -> None:
    grid = mm.matrix_frame(matrix_input(True), MODE_CATS)
    assert grid.loc["SC", 2] is NA and pd.isna(grid.loc["SJ", 2]) and grid.loc["SJ", 2] is not NA
    fig = mm.mode_matrix(matrix_input(True), MODE_CATS, MODE_NAMES, title="矩阵")
    (trace,) = markers(fig)
    assert list(trace.x) == ["2"] and list(trace.y) == ["SC"]  # the cell, not a baseline
    assert "运输" in trace.hovertext[0] and "保密" in trace.hovertext[0]
    heat, tiles = values(fig)
    row = list(heat.y).index("SC")
    assert heat.z[row][1] is None and heat.text[row][1] == ""  # a gap under the C
    assert heat.text[list(heat.y).index("SJ")][1] == "—"
    # a grey tile fills that gap and no other cell, and tells nothing on hover
    assert [(r, c) for r, zr in enumerate(tiles.z) for c, v in enumerate(zr) if v] == [(row, 1)]
    assert tiles.hoverinfo == "skip" and tiles.showscale is False
    assert noted(fig)
    clean = mm.mode_matrix(matrix_input(False), MODE_CATS, MODE_NAMES, title="矩阵")
    assert_clean(clean)
    assert len(clean.data) == 1  # no tiles without a protected cell


def test_mode_matrix_of_protected_cells_only_draws_tiles_and_no_colour_scale() -> None:
    frame = matrix_input(True)
    frame["amount"] = pd.array([NA] * len(frame), dtype="Int64")
    heat, tiles = values(mm.mode_matrix(frame, MODE_CATS, MODE_NAMES, title="矩阵"))
    assert heat.showscale is False  # a colour bar over no values reads as a scale of nothing
    assert all(v is None for row in heat.z for v in row)
    assert all(v == 1 for row in tiles.z for v in row if v is not None)
    assert sum(v == 1 for row in tiles.z for v in row) == sum(
        t == "" for row in heat.text for t in row
    )
