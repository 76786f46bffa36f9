"""Reporting periods: the forms clerks write, and month arithmetic."""

import pytest

from etl.periods import add_months, format_period, month_range, parse_period


@pytest.mark.parametrize(
    "text",
    [
        "2019-06",
        "2019-6",
        "2019/06",
        "2019.06",
        "2019年6月",
        "2019年06月",
        "2019 年 6 月",
        "201906",
        "201906.0",
        "2019-06-01",
        "2019-06-01 00:00:00",
        " 2019-06 ",
        "2019－06",
    ],
)
def test_accepted_spellings(text):
    assert parse_period(text) == 201906


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "2019-13",
        "2019-00",
        "June 2019",
        "20196",
        "19-06",
        "2019",
        "2019年",
        "2019-06-x",
    ],
)
def test_rejected_spellings(text):
    assert parse_period(text) is None


def test_format_period():
    assert format_period(201906) == "2019-06"
    assert format_period(200001) == "2000-01"


@pytest.mark.parametrize(
    ("period", "months", "expected"),
    [
        (201906, 1, 201907),
        (201912, 1, 202001),
        (201901, -1, 201812),
        (201906, -18, 201712),
        (201906, 0, 201906),
    ],
)
def test_add_months(period, months, expected):
    assert add_months(period, months) == expected


def test_month_range_crosses_years():
    assert month_range(201911, 202002) == [201911, 201912, 202001, 202002]
    assert month_range(202002, 201911) == []
