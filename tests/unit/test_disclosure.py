"""Disclosure control: primary rules, complementary suppression, and properties on random tables."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.disclosure import (
    OK,
    PRIMARY,
    SECONDARY,
    TOTAL,
    DisclosureRule,
    cell_stats,
    primary_sensitive,
    protect_table,
    published,
)

RULE = DisclosureRule()


def contrib(rows):
    return pd.DataFrame(rows, columns=["region", "sector", "uscc", "amount"])


def status(table, r, c):
    return table.set_index(["region", "sector"]).loc[(r, c), "status"]


def test_margins_count_each_enterprise_once():
    """An enterprise in two cells of a row is one contributor to the row total."""
    stats = cell_stats(
        contrib([("A", "x", "e1", 10), ("A", "y", "e1", 5), ("A", "y", "e2", 1)]),
        "region",
        "sector",
    ).set_index(["region", "sector"])
    assert stats.loc[("A", TOTAL), "n"] == 2 and stats.loc[("A", TOTAL), "value"] == 16
    assert stats.loc[("A", TOTAL), "top"] == 16  # e1 (15) + e2 (1)


def test_threshold_and_dominance_rules():
    """Fewer than 3 contributors, or top two above 85%, is confidential; else publishable."""
    stats = pd.DataFrame(
        {"value": [100, 100, 100, 100, 0], "n": [2, 3, 5, 5, 0], "top": [100, 60, 86, 85, 0]}
    )
    assert primary_sensitive(stats, RULE).tolist() == [True, False, True, False, False]


def test_a_single_confidential_cell_cannot_be_recovered_by_subtraction():
    """One small cell in a 3×3 table gets partners in its row and its column."""
    rows = []
    for r in "ABC":
        for c in "xyz":
            for e in range(4):
                rows.append((r, c, f"{r}{c}{e}", 10 + e))
    rows = [x for x in rows if not (x[0] == "B" and x[1] == "y" and x[2] != "By0")]  # 1 contributor
    table = protect_table(contrib(rows), "region", "sector")
    assert status(table, "B", "y") == PRIMARY
    hidden = table[table["status"] != OK]
    assert (hidden["region"] == "B").sum() >= 2 and (hidden["sector"] == "y").sum() >= 2
    assert set(hidden["status"]) == {PRIMARY, SECONDARY}
    circulated = published(table).set_index(["region", "sector"])
    assert circulated.loc[("B", "y"), "value"] is None and circulated.loc[("B", "y"), "mark"] == "C"


def test_a_table_with_nothing_confidential_is_published_whole():
    """No suppression when every cell is safe."""
    rows = [(r, c, f"{r}{c}{e}", 5) for r in "AB" for c in "xy" for e in range(5)]
    assert set(protect_table(contrib(rows), "region", "sector")["status"]) == {OK}


contributions = st.lists(
    st.tuples(
        st.sampled_from("ABCD"), st.sampled_from("wxyz"), st.integers(0, 14), st.integers(1, 1000)
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(contributions)
def test_properties_on_random_tables(rows):
    """No published cell breaks a primary rule; no line has a lone suppressed cell; values exact."""
    frame = contrib([(r, c, f"e{e}", a) for r, c, e, a in rows])
    table = protect_table(frame, "region", "sector")
    shown = table[table["status"] == OK]
    assert not ((shown["n"] > 0) & (shown["n"] < RULE.min_contributors)).any()
    assert not ((shown["value"] > 0) & (shown["top"] > RULE.dominance_k * shown["value"])).any()
    hidden = table[table["status"] != OK]
    for axis in ("region", "sector"):
        counts = hidden.groupby(axis).size()
        assert not (counts == 1).any()
    exact = cell_stats(frame, "region", "sector")
    merged = table.merge(exact, on=["region", "sector"], suffixes=("", "_exact"))
    assert (merged["value"] == merged["value_exact"]).all()


def test_the_audit_lp_keeps_one_cent_and_a_billion_dollars_within_tolerance():
    # A real year's figures run from 1 cent to 10^12 cents; HiGHS's feasibility tolerance is
    # 10^-7. Scaled by the largest alone, a small figure drops below it (a 2,000-enterprise
    # year's system came back "infeasible"); scaled by the geometric mean, both ends stay clear.
    import numpy as np

    from etl.disclosure.audit import interval
    from etl.disclosure.intervals import lp_scale

    b = np.array([1.0, 250.0, 3e9, 1e12])
    scale = lp_scale(b)
    assert 1e-7 < b.min() / scale and b.max() / scale < 1e7
    assert lp_scale(np.array([0.0, 0.0])) == 1.0
    # x1 + x2 = 1e12 + 1 and x2 + x3 = 3 with x2 = 1 published: x1 and x3 are pinned exactly
    from scipy.sparse import csr_matrix

    a = csr_matrix(np.array([[1.0, 1, 0], [0, 1, 1], [0, 1, 0]]))
    low, high, *_ = interval(np.array([0.0, 0, 1]), a, np.array([1e12 + 1, 3, 1]))
    assert round(low) == round(high) == 2
