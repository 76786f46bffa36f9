"""目标监测: the cumulative path from a protected month on."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import i18n
from dashboard.i18n import t
from dashboard.pages.targets.figures import cumulative_path_figure
from tests.unit.protected.cases import target_path
from tests.unit.protected.reading import (
    NA,
    assert_clean,
    assert_marked,
    marked,
    value_at,
    values,
)
from tests.unit.test_targets import series


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
