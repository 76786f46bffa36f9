"""Pure growth, year-to-date and share computations on small inline frames."""

import pandas as pd
import pytest

from etl.aggregates import (
    combine_jan_feb,
    growth,
    same_period_comparison,
    trade_summary,
)


def frame(rows):
    return pd.DataFrame(rows, columns=["period", "key", "amount"])


@pytest.mark.parametrize(
    "cur,prev,expected",
    [
        (110, 100, 0.10),
        (90, 100, -0.10),
        (5, 0, None),
        (None, 100, None),
        (100, None, None),
        (0, 100, -1.0),
    ],
)
def test_growth(cur, prev, expected):
    """Relative change, and no number where there is no base."""
    result = growth(cur, prev)
    assert result == pytest.approx(expected) if expected is not None else result is None


def test_same_period_uses_the_same_months_only():
    """1–3月 2020 against 1–3月 2019, ignoring later 2019 months."""
    f = frame(
        [
            (201901, "a", 100),
            (201902, "a", 100),
            (201903, "a", 100),
            (201904, "a", 999),
            (202001, "a", 120),
            (202002, "a", 110),
            (202003, "a", 100),
            (201901, "b", 50),
            (202001, "b", 100),
        ]
    )
    out = same_period_comparison(f, 2020, 3, ["key"]).set_index("key")
    assert out.loc["a", "current"] == 330 and out.loc["a", "previous"] == 300
    assert out.loc["a", "growth"] == pytest.approx(0.10)
    assert out.loc["b", "growth"] == pytest.approx(1.0)
    assert out["share"].sum() == pytest.approx(1.0)
    assert out.loc["b", "share_change_pp"] == pytest.approx((100 / 430 - 50 / 350) * 100)
    # contributions add up to the total growth in percentage points
    assert out["contribution_pp"].sum() == pytest.approx((430 - 350) / 350 * 100)


def test_missing_months_and_new_keys():
    """A key absent last year has no growth rate; absent this year, growth is −100%."""
    f = frame([(201905, "old", 10), (202005, "new", 7)])
    out = same_period_comparison(f, 2020, 5, ["key"]).set_index("key")
    assert out.loc["new", "growth"] is None or pd.isna(out.loc["new", "growth"])
    assert out.loc["old", "growth"] == pytest.approx(-1.0)


def test_total_without_keys():
    """With no keys, one total row."""
    out = same_period_comparison(frame([(201901, "a", 10), (202001, "a", 15)]), 2020, 1, [])
    assert list(out["current"]) == [15] and out["growth"].iloc[0] == pytest.approx(0.5)


def test_january_and_february_are_combined():
    """1–2月 shown as one figure in February where both exist."""
    out = combine_jan_feb(
        frame([(202001, "a", 10), (202002, "a", 5), (202003, "a", 7)]).drop(columns="key")
    )
    assert list(out["period"]) == [202002, 202003]
    assert list(out["amount"]) == [15, 7] and list(out["months"]) == ["1-2", "3"]


def test_trade_summary_balance_sign():
    """Balance = exports − imports; negative is a deficit (逆差)."""
    s = trade_summary(pd.DataFrame({"direction": ["X", "M"], "amount": [30, 50]}))
    assert s == {"total": 80, "exports": 30, "imports": 50, "balance": -20}


def test_a_published_window_figure_stands_where_a_hidden_month_would_hide_the_sum():
    # A leader's read: October's exports and imports are hidden (secondary suppressions), but
    # 1–12月累计 is a cell of its own that the pattern publishes. The card shows it; the months'
    # sum would have read C.
    from etl.aggregates import trade_comparison

    rows = []
    for year in (2020, 2021):
        for month in range(1, 13):
            for direction, amount in (("X", 60), ("M", 40)):
                hidden = year == 2021 and month == 10
                rows.append((year * 100 + month, direction, pd.NA if hidden else amount))
    frame = pd.DataFrame(rows, columns=["period", "direction", "amount"]).astype(
        {"amount": "Int64"}
    )
    summed = trade_comparison(frame, 202101, 202112)
    assert summed.loc["total", "cum"] is pd.NA and summed.loc["exports", "cum"] is pd.NA
    own = {"cum": {"total": 1200, "exports": 720, "imports": 480}}
    shown = trade_comparison(frame, 202101, 202112, own)
    assert shown.loc["total", "cum"] == 1200 and shown.loc["balance", "cum"] == 240
    assert shown.loc["total", "cum_yoy"] == pytest.approx(0.0)
    assert shown.loc["exports", "month"] == 60  # 当月 is its own month: unchanged
    hidden_window = {"cum": {"total": pd.NA, "exports": pd.NA, "imports": pd.NA}}
    assert trade_comparison(frame, 202101, 202112, hidden_window).loc["total", "cum"] is pd.NA
