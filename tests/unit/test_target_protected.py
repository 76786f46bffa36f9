"""A target window that sums a protected month reads C for leaders, never a partial sum."""

from __future__ import annotations

import pandas as pd

from etl.targets.compute import evaluate
from etl.targets.vocabulary import status_word
from tests.unit.test_targets import YEAR_2019, series


def _circulated(hidden: list[int]) -> pd.Series:
    s = series(2017, 3, growth=0.1).astype("Int64")
    s[hidden] = pd.NA
    return s


def test_a_protected_month_in_the_window_protects_the_evaluation() -> None:
    ev = evaluate(YEAR_2019, _circulated([201905]), 201909, 0.10)
    assert ev.status == "protected" and ev.actual is None and ev.projection is None
    assert status_word(ev.status) == "保密（C）" and status_word(ev.status, "en").startswith("Conf")


def test_the_base_year_counts_too_and_later_months_do_not() -> None:
    assert evaluate(YEAR_2019, _circulated([201803]), 201909, 0.10).status == "protected"
    ev = evaluate(YEAR_2019, _circulated([201911]), 201909, 0.10)  # not yet read as of 9月
    assert ev.status not in ("protected", "no_data") and ev.actual is not None
