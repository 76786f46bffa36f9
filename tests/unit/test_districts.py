"""District evaluation on small frames: roll-up, growth, shares, 百分点 contributions, coverage."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.evaluation.districts import TOTAL, district_evaluation, region_name, roll_up

PARENTS = {
    "120000": None,
    "120101": "120000",
    "120103": "120000",
    "120116": "120000",
    "120116-TEDA": "120116",
    "120116-DJ": "120116",
    "500000": None,
    "500000-LJ": "500000",
}


@pytest.mark.parametrize(
    "code,root,expected",
    [
        ("120116-TEDA", "120000", "120116"),  # a functional zone counts in 滨海新区
        ("120116", "120000", "120116"),
        ("120101", "120000", "120101"),
        ("120000", "120000", "120000"),  # stored at the city itself
        ("500000-LJ", "120000", None),  # another city
        ("120116-TEDA", "120116", "120116-TEDA"),
    ],
)
def test_roll_up(code, root, expected) -> None:
    assert roll_up(code, PARENTS, root) == expected


def amounts(rows: list[tuple[int, str, int]]) -> pd.DataFrame:
    """period, region_code, amount."""
    return pd.DataFrame(rows, columns=["period", "region_code", "amount"])


def reporters(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """region_code, uscc."""
    return pd.DataFrame(rows, columns=["region_code", "uscc"])


FRAME = amounts(
    [
        # 2019 H1 (the window) and 2018 H1 (the base); other months lie outside both
        (201901, "120116", 300),
        (201903, "120116-TEDA", 300),
        (201902, "120101", 200),
        (201906, "120103", 100),
        (201907, "120103", 9_999),
        (201801, "120116", 400),
        (201802, "120116-DJ", 100),
        (201803, "120101", 200),
        (201805, "120103", 100),
        (201712, "120103", 9_999),
        (201901, "500000-LJ", 5_000),  # another city: ignored
    ]
)
NOW = reporters(
    [("120116", "A"), ("120116-TEDA", "B"), ("120101", "C"), ("120101", "D"), ("120116-TEDA", "A")]
)  # A moved into a zone of the same district: counted once
BEFORE = reporters([("120116", "A"), ("120116-DJ", "B"), ("120101", "C")])


@pytest.fixture
def table() -> pd.DataFrame:
    return district_evaluation(FRAME, NOW, BEFORE, PARENTS, "120000", 201901, 201906)


def test_city_total_first_then_districts_by_amount(table) -> None:
    assert list(table["code"]) == [TOTAL, "120116", "120101", "120103"]
    total = table.iloc[0]
    assert (total["current"], total["previous"]) == (900, 800)
    assert total["rank"] is None
    assert list(table["rank"][1:]) == [1, 2, 3]


def test_functional_zones_roll_up_into_their_district(table) -> None:
    binhai = table.set_index("code").loc["120116"]
    assert (binhai["current"], binhai["previous"]) == (600, 500)
    assert binhai["growth"] == pytest.approx(0.2)


def test_shares_and_contributions_in_percentage_points(table) -> None:
    body = table.iloc[1:].set_index("code")
    assert body["share"].sum() == pytest.approx(1.0)
    assert body.loc["120116", "share"] == pytest.approx(600 / 900)
    # city growth 900/800 − 1 = 12.5%: 滨海 +100 of 800 = 12.5 points, others 0
    assert body.loc["120116", "contribution_pp"] == pytest.approx(12.5)
    assert body["contribution_pp"].sum() == pytest.approx(table.iloc[0]["growth"] * 100)
    assert body.loc["120103", "growth"] == pytest.approx(0.0)


def test_reporting_coverage_counts_distinct_enterprises(table) -> None:
    by = table.set_index("code")
    assert (by.loc["120116", "enterprises"], by.loc["120116", "enterprises_previous"]) == (2, 2)
    assert (by.loc["120101", "enterprises"], by.loc["120101", "enterprises_previous"]) == (2, 1)
    assert (by.loc["120103", "enterprises"], by.loc["120103", "enterprises_previous"]) == (0, 0)
    assert (by.loc[TOTAL, "enterprises"], by.loc[TOTAL, "enterprises_previous"]) == (4, 3)


def test_a_new_district_has_no_growth_and_the_city_level_gets_its_own_row() -> None:
    frame = amounts([(201901, "120101", 100), (201801, "120116", 100), (201901, "120000", 50)])
    table = district_evaluation(
        frame, reporters([]), reporters([]), PARENTS, "120000", 201901, 201912
    ).set_index("code")
    assert pd.isna(table.loc["120101", "growth"])  # nothing a year earlier: no rate, not +inf
    assert table.loc["120116", "growth"] == pytest.approx(-1.0)
    assert table.loc["120000", "current"] == 50
    assert table.loc["120103", "current"] == 0  # districts without data are listed, not dropped


def test_empty_window_gives_zero_rows_without_ratios() -> None:
    table = district_evaluation(
        amounts([]), reporters([]), reporters([]), PARENTS, "120000", 201901, 201912
    )
    assert table.iloc[0]["current"] == 0
    assert table["share"].isna().all() and table["contribution_pp"].isna().all()


def test_region_names() -> None:
    names = {"120000": "天津市", "120116": "滨海新区"}
    assert region_name(TOTAL, "120000", names, "zh") == "天津市合计"
    assert region_name("120000", "120000", names, "zh") == "天津市本级（未分区）"
    assert region_name("120116", "120000", names, "zh") == "滨海新区"
