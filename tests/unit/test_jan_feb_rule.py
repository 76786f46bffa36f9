"""One 1–2月 rule for every monthly chart (#17): one point at the two months' monthly average."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.aggregates import combined_monthly, per_month
from etl.snapshot.html import monthly_bars

YI = 10**10  # 1亿美元 in cents


def test_per_month_halves_only_the_combined_point() -> None:
    frame = pd.DataFrame({"period": [202101, 202102, 202103], "amount": [YI, 3 * YI, 2 * YI]})
    points = combined_monthly(frame)
    assert list(points["months"]) == ["1-2", "3"]
    assert list(per_month(points)) == [2 * YI, 2 * YI]  # no false spike at 1–2月


def test_per_month_keeps_a_lone_january() -> None:
    points = combined_monthly(pd.DataFrame({"period": [202101], "amount": [YI]}))
    assert list(per_month(points)) == [YI]


def test_snapshot_monthly_chart_shows_one_jan_feb_bar_at_the_monthly_average() -> None:
    """The snapshot used to draw 1月 and 2月 apart, against its own note (1、2月合并发布)."""
    part = pd.DataFrame(
        {
            "month": [1, 2, 3],
            "X": [YI, YI, 2 * YI],
            "M": [YI, 2 * YI + 1, YI],
        }
    )
    labels, values = monthly_bars(part)
    assert labels == ["1–2月（月均）", "3月"]
    assert values[0] == pytest.approx(2.5) and values[1] == pytest.approx(3.0)


def test_snapshot_monthly_chart_leaves_a_hidden_year_empty() -> None:
    part = pd.DataFrame({"month": [1, 2, 3], "X": [None] * 3, "M": [None] * 3})
    labels, values = monthly_bars(part)
    assert labels == ["1–2月（月均）", "3月"] and values == [None, None]


def test_a_circulated_february_is_the_1_2_point() -> None:
    """Leaders' reads already hold January in February (etl.disclosure.apply.merge_january):
    that February is 1–2月, drawn at its monthly average and compared with last year's 1–2月;
    a statistician's February without January stays February."""
    frame = pd.DataFrame(
        {"period": [202002, 202003, 202102, 202103], "amount": [4 * YI, 2 * YI, 6 * YI, 3 * YI]}
    )
    points = combined_monthly(frame, jan_in_feb=True)
    assert list(points["months"]) == ["1-2", "3", "1-2", "3"]
    assert list(per_month(points)) == [2 * YI, 2 * YI, 3 * YI, 3 * YI]
    assert points.loc[2, "yoy"] == pytest.approx(0.5)  # 1–2月 against 1–2月
    assert list(combined_monthly(frame)["months"]) == ["2", "3", "2", "3"]
