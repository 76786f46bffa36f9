"""The one set of target rules the seed loader and the Targets admin page share."""

from __future__ import annotations

from decimal import Decimal

import pytest

from etl.targets.rules import check_target, plain

REGIONS = {"120000", "500000-LJ"}
GROUPS = {"TJ_PILLAR", "KIS"}
GOOD = {
    "code": "TJ_NEW",
    "region_code": "120000",
    "measure": "bop_total",
    "kind": "growth_avg_annual",
    "threshold": "0.10",
    "window_start": "2018-07",
    "window_end": "2020-06",
    "currency": "USD",
    "name_zh": "年均增长10%",
    "name_en": "10% a year",
    "source": "实施方案",
}


def _codes(**changes) -> list[tuple[str, str]]:
    row, problems = check_target({**GOOD, **changes}, REGIONS, GROUPS)
    assert (row is None) == bool(problems)
    return [(p.field, p.code) for p in problems]


def test_a_good_target_becomes_a_model_row_with_an_exact_threshold():
    row, problems = check_target(GOOD, REGIONS, GROUPS)
    assert problems == []
    assert row["threshold"] == Decimal("0.1") and isinstance(row["threshold"], Decimal)
    assert (row["window_start"], row["window_end"]) == (201807, 202006)


@pytest.mark.parametrize(
    "changes,expected",
    [
        ({"region_code": "999999"}, [("region_code", "region")]),
        ({"measure": "imports"}, [("measure", "measure")]),
        ({"measure": "group:NOPE"}, [("measure", "measure")]),
        ({"kind": "growth"}, [("kind", "kind")]),
        ({"window_start": "2020-07", "window_end": "2020-06"}, [("window_end", "window_order")]),
        ({"window_start": "2018-13"}, [("window_start", "month")]),
        ({"window_end": "2019-12"}, [("window_end", "whole_years")]),  # 18 months
        ({"threshold": "ten"}, [("threshold", "threshold")]),
        ({"threshold": "NaN"}, [("threshold", "threshold")]),
        ({"threshold": "2.01"}, [("threshold", "growth_range")]),
        ({"threshold": "-0.51"}, [("threshold", "growth_range")]),
        ({"threshold": "0.12345"}, [("threshold", "growth_digits")]),
        ({"currency": "CNY"}, [("currency", "currency")]),
        ({"code": "tj new"}, [("code", "code")]),
        ({"name_zh": " "}, [("name_zh", "required")]),
        ({"source": "x" * 301}, [("source", "too_long")]),
    ],
)
def test_each_rule_names_the_field_and_the_problem(changes, expected):
    assert _codes(**changes) == expected


def test_level_targets_are_in_dollars_to_the_cent():
    level = {"kind": "level", "window_start": "2017-01", "window_end": "2017-06"}
    assert _codes(**level, threshold="10000000000") == []  # half a year is fine for a level
    assert _codes(**level, threshold="0") == [("threshold", "level_range")]
    assert _codes(**level, threshold="1e14") == [("threshold", "level_range")]
    assert _codes(**level, threshold="100.001") == [("threshold", "level_digits")]


def test_structure_targets_need_a_group_and_no_threshold():
    share = {"kind": "share_keep", "measure": "group:TJ_PILLAR"}
    assert _codes(**share, threshold="") == []
    assert _codes(**share, threshold="0.05") == [("threshold", "ratio_threshold")]
    assert _codes(kind="grows_faster", measure="bop_total", threshold="0") == [
        ("measure", "ratio_needs_group")
    ]


def test_a_new_code_may_not_be_taken_and_messages_are_chinese_first():
    _row, problems = check_target(GOOD, REGIONS, GROUPS, taken={"TJ_NEW"})
    assert [p.code for p in problems] == ["code_taken"]
    assert "已存在" in problems[0].zh and "exists" in problems[0].en


def test_plain_drops_exponents_and_trailing_zeros_exactly():
    assert str(plain(Decimal("100").scaleb(8))) == "10000000000"
    assert str(plain(Decimal("0.10"))) == "0.1"
    assert plain(Decimal("0.00")) == 0
