"""The 绩效评价 scorecard against a case computed by hand."""

from __future__ import annotations

from decimal import Decimal as D

import pandas as pd

from etl.evaluation.scorecard import points, scorecard


def _indicators() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ("growth", D(30), D(0), D(10), 1),
            ("rate", D(20), D(50), D(100), 2),
            ("projects", D(15), D(0), D(10), 3),
        ],
        columns=["code", "weight", "zero_at", "full_at", "sort_order"],
    )


def test_a_case_computed_by_hand():
    values = pd.DataFrame(
        [
            ("A", "growth", 5.0),  # 30 × 5/10 = 15
            ("A", "rate", 90.0),  # 20 × (90 − 50)/50 = 16
            ("A", "projects", 12),  # above full: 15
            ("B", "growth", 12.5),  # above full: 30
            ("B", "rate", 40.0),  # below zero: 0
            ("C", "growth", -3.0),  # 0
            ("C", "rate", 100.0),  # 20
            ("C", "projects", 3),  # 15 × 3/10 = 4.5
        ],
        columns=["subject", "indicator", "value"],
    )
    card = scorecard(_indicators(), values, ["A", "B", "C", "D"]).set_index("subject")
    assert card.loc["A", "total"] == D("46.00")  # 15 + 16 + 15
    assert card.loc["B", "total"] == D("30.00")  # 30 + 0 + no projects entered (0)
    assert card.loc["C", "total"] == D("24.50")  # 0 + 20 + 4.5
    assert card.loc["D", "total"] == D("0.00")  # nothing at all
    assert card.loc["B", "projects.value"] is None
    assert list(card.index) == ["A", "B", "C", "D"]
    assert list(card["rank"]) == [1, 2, 3, 4]


def test_equal_totals_share_a_rank_and_points_round_half_up():
    values = pd.DataFrame(
        [("X", "growth", 5.0), ("Y", "growth", 5.0), ("Z", "growth", 1.0)],
        columns=["subject", "indicator", "value"],
    )
    card = scorecard(_indicators(), values, ["X", "Y", "Z"])
    assert list(card["rank"]) == [1, 1, 3]
    assert points(D("1"), D("10"), D("0"), D("3")) == D("3.33")
    assert points(D("0.5"), D("0.01"), D("0"), D("1")) == D("0.01")  # 0.005 → 0.01


def test_a_protected_value_hides_points_total_and_rank():
    # A leader's read: B's growth is confidential (NA). Its points would give the growth away
    # (linear between the marks), and so would its total and its rank beside the others'.
    values = pd.DataFrame(
        [
            ("A", "growth", 5.0),  # 15
            ("B", "growth", pd.NA),
            ("B", "rate", 100.0),
            ("C", "growth", 2.0),  # 6
        ],
        columns=["subject", "indicator", "value"],
    )
    card = scorecard(_indicators(), values, ["B", "C", "A"])
    assert list(card["subject"]) == ["A", "C", "B"]  # ranked ones first, B after them
    assert list(card["rank"][:2]) == [1, 2]  # A and C ranked among themselves
    b = card.iloc[2]
    assert b["rank"] is pd.NA and b["total"] is pd.NA and b["growth.points"] is pd.NA
    assert b["rate.points"] == D("20.00")  # the other indicators still score
    assert points(pd.NA, D(30), D(0), D(10)) is pd.NA
    assert points(None, D(30), D(0), D(10)) == D("0.00")  # no data still scores nothing
