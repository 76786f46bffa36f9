"""The cumulative-path figure: traces, units, labels in both languages, no NaN text."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard.i18n import t
from dashboard.pages.targets.figures import cumulative_path_figure, has_path
from etl.periods import month_range
from etl.targets.compute import Window, evaluate
from etl.targets.path import PATH_COLUMNS, cumulative_path
from tests.unit.test_targets import series

YEAR_2019 = Window("cy2019", "2019年", "2019", 201901, 201912, "growth")


def open_path() -> pd.DataFrame:
    """2019 reported to May at +10%, three seasonal years before it (one odd March)."""
    s = series(2016, 3, level=10**10)
    s[201703] = round(s[201703] * 1.3)
    s = pd.concat([s, series(2019, 1, level=1.1 * 10**10)])
    s = s[s.index <= 201905]
    return cumulative_path(evaluate(YEAR_2019, s, 201905, 0.10), s, 201905)


def names(fig) -> list[str]:
    return [trace.name for trace in fig.data]


def test_open_window_draws_band_base_needed_projection_and_actual() -> None:
    fig = cumulative_path_figure(open_path(), "zh")
    assert names(fig) == [
        t(f"targets.chart.{k}", "zh")
        for k in ("band", "band", "base", "needed", "projection", "actual")
    ]
    band_low = fig.data[1]
    assert band_low.fill == "tonexty"
    assert fig.data[0].showlegend is False


def test_values_are_in_display_units_and_months_are_labelled() -> None:
    path = open_path()
    fig = cumulative_path_figure(path, "zh")
    actual = next(tr for tr in fig.data if tr.name == t("targets.chart.actual", "zh"))
    assert actual.x[0] == "2019年1月" and actual.x[-1] == "2019年12月"
    assert actual.y[0] == pytest.approx(path["actual"].iloc[0] / 10**10)  # 亿美元
    assert actual.text[0].endswith("亿美元")
    assert fig.layout.yaxis.title.text == "亿美元"
    fig_en = cumulative_path_figure(path, "en")
    assert fig_en.layout.yaxis.title.text == "US$ million"
    assert fig_en.data[-1].x[0] == "Jan 2019"
    assert fig_en.data[-1].name == "Cumulative actual"


def test_closed_window_has_no_band_and_marks_the_target() -> None:
    s = series(2017, 3, level=10**10, growth=0.12)
    path = cumulative_path(evaluate(YEAR_2019, s, 201912, 0.10), s, 201912)
    fig = cumulative_path_figure(path, "zh")
    assert t("targets.chart.band", "zh") not in names(fig)
    assert t("targets.chart.projection", "zh") not in names(fig)
    assert fig.layout.annotations[0].text.endswith("亿美元")


def test_no_nan_or_none_reaches_the_figure_text() -> None:
    text = json.dumps(
        cumulative_path_figure(open_path(), "zh").to_plotly_json(), default=str, ensure_ascii=False
    )
    assert "nan" not in text.lower() and "None" not in text


def test_has_path() -> None:
    assert has_path(open_path())
    assert not has_path(None)
    empty = pd.DataFrame({c: [float("nan")] * 3 for c in PATH_COLUMNS})
    empty["period"] = month_range(201901, 201903)
    assert not has_path(empty)
