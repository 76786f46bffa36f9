"""Cumulative paths of target windows: actual so far, the path needed, the projection band."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.periods import month_range
from etl.targets.compute import Window, evaluate, target_windows
from etl.targets.path import cumulative_path
from tests.unit.test_targets import SEASON, series

YEAR_2019 = Window("cy2019", "2019年", "2019", 201901, 201912, "growth")


def test_closed_window_ends_at_the_actual_and_the_requirement() -> None:
    """The needed path is last year's cumulative × 1.1, ending exactly at the requirement."""
    s = series(2016, 4, growth=0.12)
    ev = evaluate(YEAR_2019, s, 201912, 0.10)
    path = cumulative_path(ev, s, 201912)
    assert list(path["period"]) == month_range(201901, 201912)
    assert path["actual"].iloc[-1] == pytest.approx(ev.actual)
    assert path["needed"].iloc[-1] == pytest.approx(ev.required)
    base_cum = s.reindex(month_range(201801, 201812)).cumsum().to_numpy()
    assert path["base"].to_numpy() == pytest.approx(base_cum)
    assert path["needed"].to_numpy() == pytest.approx(base_cum * 1.1)
    assert path["projection"].isna().all()


def test_open_window_projects_from_the_last_reported_month() -> None:
    """The band starts at the actual so far and ends at the projection's low, central and high."""
    s = series(2016, 3)
    s[201703] = round(s[201703] * 1.3)
    s = pd.concat([s, series(2019, 1, level=11_000)])
    s = s[s.index <= 201905]
    ev = evaluate(YEAR_2019, s, 201905, 0.10)
    path = cumulative_path(ev, s, 201905)
    assert path["actual"].notna().sum() == 5
    may = path.set_index("period").loc[201905]
    assert may["projection"] == pytest.approx(may["actual"])
    assert may["projection_low"] == pytest.approx(may["actual"])
    end = path.iloc[-1]
    assert end["projection"] == pytest.approx(ev.projection)
    assert end["projection_low"] == pytest.approx(ev.projection_low)
    assert end["projection_high"] == pytest.approx(ev.projection_high)
    assert end["projection_low"] < end["projection"] < end["projection_high"]
    assert path.loc[:3, "projection"].isna().all()  # no projection before May
    assert path["projection"].dropna().is_monotonic_increasing


def test_a_missing_month_keeps_the_cumulative_flat() -> None:
    s = pd.concat([series(2018, 1), series(2019, 1)]).drop(201903)
    ev = evaluate(YEAR_2019, s, 201906, 0.10)
    path = cumulative_path(ev, s, 201906).set_index("period")
    assert path.loc[201903, "actual"] == path.loc[201902, "actual"]


def test_level_window_without_a_year_before_spreads_the_target_evenly() -> None:
    w = target_windows("level", 201701, 201712)[0]
    s = pd.Series({p: 10 * f for p, f in zip(month_range(201701, 201712), SEASON)})
    ev = evaluate(w, s, 201712, 150)
    path = cumulative_path(ev, s, 201712)
    assert path["needed"].to_numpy() == pytest.approx([150 * k / 12 for k in range(1, 13)])
    assert path["base"].isna().all()


def test_pilot_average_is_charted_on_its_last_year() -> None:
    windows = {w.key: w for w in target_windows("growth_avg_annual", 201807, 202006)}
    s = pd.Series({p: 100 for p in month_range(201707, 202006)})
    ev = evaluate(windows["whole"], s, 202006, 0.10)
    path = cumulative_path(ev, s, 202006)
    assert list(path["period"]) == month_range(201907, 202006)
    assert path["needed"].iloc[-1] == pytest.approx(1200 * 1.21)


def test_ratio_windows_have_no_cumulative_path() -> None:
    share = Window("y", "", "", 201901, 201912, "share_keep")
    ev = evaluate(share, series(2018, 2), 201912, 0, series(2018, 2) * 3)
    with pytest.raises(ValueError):
        cumulative_path(ev, series(2018, 2), 201912)
