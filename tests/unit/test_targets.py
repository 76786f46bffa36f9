"""Target statuses on constructed series: every status, projections, exact definitions."""

import pandas as pd
import pytest

from etl.disclosure.catalogue import MONTH, YTD
from etl.disclosure.spans import Months, published_months, window_cells
from etl.periods import month_range
from etl.targets.compute import Window, evaluate, project, target_windows

SEASON = [0.6, 0.7, 1.0, 1.0, 1.0, 1.1, 1.0, 1.0, 1.0, 1.1, 1.2, 1.3]  # Spring Festival dip


def series(start_year: int, years: int, level: float = 10_000, growth: float = 0.0) -> pd.Series:
    """Monthly amounts with a fixed seasonal pattern, growing by `growth` a year."""
    out = {}
    for y in range(years):
        for mth, factor in enumerate(SEASON, start=1):
            out[(start_year + y) * 100 + mth] = round(level * factor * (1 + growth) ** y)
    return pd.Series(out)


YEAR_2019 = Window("cy2019", "2019年", "2019", 201901, 201912, "growth")


@pytest.mark.parametrize(
    "as_of,growth,expected",
    [
        (202012, 0.15, "met"),
        (202012, 0.05, "missed"),
        (202006, 0.25, "on_track"),
        (202006, 0.10, "at_risk"),
        (202006, -0.10, "off_track"),
        (201912, 0.15, "not_started"),
    ],
)
def test_growth_window_statuses(as_of, growth, expected):
    """Closed windows are met/missed; open ones on track / at risk / off track; future ones wait."""
    s = series(2016, 4)  # 2016–2019 flat …
    s[201803] = round(s[201803] * 1.3)  # … but one unusual March widens the projection's range
    s2020 = series(2020, 1, level=10_000 * (1 + growth))
    s = pd.concat([s, s2020[s2020.index <= as_of]])
    window = Window("cy2020", "2020年", "2020", 202001, 202012, "growth")
    assert evaluate(window, s, as_of, 0.10).status == expected


def test_missed_by_a_hair():
    """Exactly 10% meets a ≥10% target; one unit less misses it."""
    base = pd.Series({p: 1000 for p in month_range(201801, 201812)})
    hit = pd.concat([base, pd.Series({p: 1100 for p in month_range(201901, 201912)})])
    ev = evaluate(YEAR_2019, hit, 201912, 0.10)
    assert ev.status == "met" and ev.gap == 0 and ev.growth == pytest.approx(0.10)
    hit[201912] -= 1
    ev = evaluate(YEAR_2019, hit, 201912, 0.10)
    assert ev.status == "missed" and ev.gap == -1


def test_window_with_no_data():
    """A started window with nothing reported says so instead of guessing."""
    ev = evaluate(YEAR_2019, series(2016, 3), 201903, 0.10)
    assert ev.status == "no_data" and ev.months_reported == 0


def test_projection_recovers_a_known_seasonal_pattern():
    """Same shape every year, 10% higher: the projection from 5 months equals the true total."""
    s = series(2015, 5, growth=0.10)
    full_2019 = int(s[s.index // 100 == 2019].sum())
    reported = month_range(201901, 201905)
    central, low, high, notes = project(s[s.index <= 201905], month_range(201901, 201912), reported)
    # monthly values are rounded to whole units, hence the small tolerance
    assert central == pytest.approx(full_2019, rel=1e-4)
    assert low == pytest.approx(central, rel=1e-4) and high == pytest.approx(central, rel=1e-4)
    assert notes == []


def test_projection_band_reflects_seasonal_uncertainty():
    """Years with different seasonal shapes widen the range around the central projection."""
    s = series(2016, 4)
    s[201701] = s[201701] * 2  # one unusual January
    central, low, high, _ = project(s[s.index <= 201901], month_range(201901, 201912), [201901])
    assert low < central < high


def test_needed_growth_in_the_remaining_months():
    """With half the year at +0%, the rest must grow about 20% against last year for +10%."""
    s = pd.concat([series(2016, 3), series(2019, 1)])
    ev = evaluate(YEAR_2019, s[s.index <= 201906], 201906, 0.10)
    first, second = sum(SEASON[:6]), sum(SEASON[6:])
    assert ev.needed_growth_remaining == pytest.approx((0.10 * (first + second)) / second, rel=1e-3)


def test_average_annual_growth_is_geometric_over_the_window():
    """Pilot 2018-07..2020-06: g = (Y2/B)^(1/2) − 1 with B = 2017-07..2018-06."""
    values = {p: 100 for p in month_range(201707, 201806)}
    values.update({p: 130 for p in month_range(201807, 201906)})
    values.update({p: 121 for p in month_range(201907, 202006)})
    windows = {w.key: w for w in target_windows("growth_avg_annual", 201807, 202006)}
    assert set(windows) == {"year1", "year2", "whole", "cy2018", "cy2019", "cy2020"}
    s = pd.Series(values)
    whole = evaluate(windows["whole"], s, 202006, 0.10)
    assert whole.growth == pytest.approx(0.10) and whole.status == "met"
    assert evaluate(windows["year1"], s, 202006, 0.10).status == "met"
    year2 = evaluate(windows["year2"], s, 202006, 0.10)
    assert year2.status == "missed" and year2.growth == pytest.approx(121 / 130 - 1)


def test_level_target():
    """A level window compares the window's total with the threshold."""
    w = target_windows("level", 201701, 201712)[0]
    s = pd.Series({p: 10 for p in month_range(201701, 201712)})
    assert evaluate(w, s, 201712, 120).status == "met"
    assert evaluate(w, s, 201712, 121).status == "missed"


def test_share_keep_and_grows_faster():
    """A group keeps its share / outgrows the total, judged against the year before."""
    total = pd.Series({p: 100 for p in month_range(201801, 201912)})
    group = pd.Series({p: (30 if p < 201901 else 33) for p in month_range(201801, 201912)})
    share = Window("y", "", "", 201901, 201912, "share_keep")
    faster = Window("y", "", "", 201901, 201912, "grows_faster")
    assert evaluate(share, group, 201912, 0, total).status == "met"
    assert evaluate(faster, group, 201912, 0, total).status == "met"
    shrinking = group.where(group.index < 201901, 27)
    assert evaluate(share, shrinking, 201912, 0, total).status == "missed"
    assert evaluate(faster, shrinking, 201912, 0, total).status == "missed"


def test_a_window_that_ended_with_missing_months_is_not_judged_final():
    """Missing months in an ended window give a projected status and a note, not met/missed."""
    s = pd.concat([series(2016, 3), series(2019, 1, growth=0.0, level=12_000)])
    s = s.drop(201911)
    ev = evaluate(YEAR_2019, s, 201912, 0.10)
    assert ev.status in ("on_track", "at_risk", "off_track")
    assert any("missing" in n for n in ev.notes)


def test_pilot_average_waits_for_its_last_year():
    """During pilot year 1 the average (measured on year 2) has not started, with a note."""
    windows = {w.key: w for w in target_windows("growth_avg_annual", 201807, 202006)}
    s = pd.Series({p: 100 for p in month_range(201707, 201903)})
    ev = evaluate(windows["whole"], s, 201903, 0.10)
    assert ev.status == "not_started" and ev.notes
    assert evaluate(windows["year1"], s, 201903, 0.10).status != "not_started"


def _as_a_leader_reads(s: pd.Series, hidden: set[tuple[str, int]]) -> Months:
    """The series as the circulated reader gets it: January and February only as 1–2月, the
    hidden cells gone, every sum the published cells fix still there."""
    cells = window_cells(s.to_dict(), list(s.index), hidden)
    return Months(published_months(s.to_dict(), cells, s.index.min(), s.index.max()), cells)


def test_a_leader_reads_the_same_evaluation_where_published_cells_fix_it():
    """Before: a leader's series had no January (1–2月 is one figure), so every window holding
    a January counted 11 of 12 months and was projected, not judged. Hidden months inside a
    year whose 1–N月 cells are published are bridged by them."""
    s = series(2016, 5, growth=0.12)
    hidden = {(MONTH, 201910), (MONTH, 201911), (YTD, 201910)}
    leader = _as_a_leader_reads(s, hidden)
    assert pd.isna(leader.amounts[201901]) and pd.isna(leader.amounts[201910])
    for window in target_windows("growth_avg_annual", 201807, 202006):
        plain, seen = evaluate(window, s, 202012, 0.10), evaluate(window, leader, 202012, 0.10)
        assert (seen.status, seen.months_text, seen.actual, seen.growth) == (
            plain.status,
            plain.months_text,
            plain.actual,
            plain.growth,
        )
        assert plain.status in ("met", "missed")


def test_a_window_the_published_cells_do_not_fix_reads_protected():
    """December hidden with 1–12月: 2019 cannot be summed, and its windows read C (no partial
    figure), while 2018's still read as the statistician's."""
    s = series(2016, 5, growth=0.12)
    hidden = {(MONTH, 201912), (YTD, 201912)}
    leader = _as_a_leader_reads(s, hidden)
    assert evaluate(YEAR_2019, leader, 202012, 0.10).status == "protected"
    year_2018 = Window("cy2018", "2018年", "2018", 201801, 201812, "growth")
    assert evaluate(year_2018, leader, 202012, 0.10).status == "met"
    assert (
        evaluate(year_2018, leader, 202012, 0.10).actual
        == evaluate(year_2018, s, 202012, 0.10).actual
    )
