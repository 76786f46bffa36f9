"""Snapshot disclosure control: lines, groups, months and the internal variant, on small tables."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.disclosure import OK, TOTAL, DisclosureRule, protect_table
from etl.snapshot.format import display, excel_value
from etl.snapshot.protect import (
    COLUMNS,
    _shown_sets,
    protect_grid,
    protect_with_groups,
    regions_pass,
    sensitive,
    unit_sums,
)

RULE = DisclosureRule()


def contrib(rows) -> pd.DataFrame:
    """rows: (key, atom, direction, uscc, amount)."""
    return pd.DataFrame(rows, columns=["key", "atom", "direction", "uscc", "amount"])


def many(key, direction, n, amount=100, atom=None, prefix=None) -> list[tuple]:
    return [
        (key, atom or key, direction, f"{prefix or key}{direction}{i}", amount + i)
        for i in range(n)
    ]


def status(cells, key, col) -> str:
    hit = cells[(cells["key"] == key) & (cells["direction"] == col)]
    return hit["status"].iloc[0] if len(hit) else OK


def test_hidden_cells_of_a_column_must_not_add_up_to_a_sensitive_figure():
    """Two one-enterprise cells hide each other in protect_table, but their sum (total minus the
    shown cells) has two contributors, so each would learn the other's value: one more is hidden."""
    rows = (
        many("A", "X", 1, 50)
        + many("B", "X", 1, 60)
        + many("C", "X", 6, 300)
        + many("D", "X", 6, 400)
        + many("A", "M", 5)
        + many("B", "M", 5)
        + many("C", "M", 5)
        + many("D", "M", 5)
    )
    frame = contrib(rows)
    plain = protect_table(frame, "key", "direction", RULE)
    hidden_plain = plain[
        (plain["direction"] == "X") & (plain["status"] != OK) & (plain["key"] != TOTAL)
    ]["key"].tolist()
    assert sorted(hidden_plain) == ["A", "B"]  # what the grid rule alone does
    cells = protect_grid(frame, RULE)
    hidden = cells[(cells["direction"] == "X") & (cells["status"] != OK) & (cells["key"] != TOTAL)][
        "key"
    ].tolist()
    assert len(hidden) == 3 and {"A", "B"} <= set(hidden)
    union = frame[(frame["direction"] == "X") & frame["key"].isin(hidden)]
    assert not sensitive(unit_sums(union), RULE)


def test_a_group_that_would_reveal_a_sub_item_by_difference_is_suppressed():
    """SD (shown) minus the group's SD21 part reveals the single enterprise reporting SD itself."""
    rows = (
        many("SC", "X", 5, 100)
        + many("SD", "X", 5, 100, atom="SD21")
        + [("SD", "SD", "X", "big", 90)]
        + many("SC", "M", 5, 100)
        + many("SD", "M", 5, 100, atom="SD21", prefix="m")
    )
    frame = contrib(rows)
    groups = {"G": frozenset({"SC", "SD21"})}
    p = protect_with_groups(frame, RULE, groups)
    assert p.shown("SD", "X") and p.shown("SC", "X")  # the grid alone is safe
    assert not p.shown("G", "X")  # SD − (G − SC) = the lone SD reporter
    assert not p.shown("G", TOTAL)  # else G_X = G_total − G_M
    assert p.shown("G", "M")  # nothing to hide among imports


def test_a_group_made_of_shown_rows_is_shown():
    """A group equal to a union of shown rows reveals nothing new."""
    rows = many("SC", "X", 5) + many("SD", "X", 5) + many("SJ", "X", 5)
    p = protect_with_groups(contrib(rows), RULE, {"P": frozenset({"SC", "SJ"})})
    assert p.shown("P", "X") and p.value("P", "X") == sum(100 + i for i in range(5)) * 2


def test_a_cell_whose_month_part_is_sensitive_is_hidden_in_the_cumulative_table():
    """1–M月累计 minus last month's 1–(M−1)月 is month M: its primary rules apply to the 累计."""
    ytd = contrib(many("A", "X", 6) + many("B", "X", 6) + many("C", "X", 6))
    month = contrib(many("A", "X", 1) + many("B", "X", 6) + many("C", "X", 6))
    assert status(protect_grid(ytd, RULE), "A", "X") == OK
    assert status(protect_grid(ytd, RULE, increment=month), "A", "X") != OK


def test_forced_cells_are_suppressed_and_partnered():
    """A total that another table hides is hidden here too, with complementary cells."""
    cells = protect_grid(contrib(many("A", "X", 5) + many("B", "X", 5)), RULE, force={(TOTAL, "X")})
    assert status(cells, TOTAL, "X") != OK
    assert (cells.loc[cells["direction"] == "X", "status"] != OK).sum() >= 2


def test_internal_variant_shows_everything():
    """rule=None: the statisticians' variant suppresses nothing."""
    p = protect_with_groups(contrib(many("A", "X", 1)), None, {"G": frozenset({"A"})})
    assert p.shown("A", "X") and p.shown("G", "X") and p.value("A", "X") == 100


def test_display_and_stored_values_round_the_same_way():
    """The workbook stores what the reader sees (half up); internal keeps full precision."""
    assert display("usd", 4_999_999_999) == "0.5" and excel_value("usd", 4_999_999_999) == 0.5
    assert excel_value("usd", 4_999_999_999, exact=True) == 0.4999999999
    assert display("pct", 0.12345) == "12.3%" and excel_value("pct", -0.00049) == 0.0
    assert display("pct", None) == "—" and display("usd", "C") == "C"


cells_strategy = st.lists(
    st.tuples(
        st.sampled_from("ABCD"),
        st.sampled_from(["a1", "a2", "b1"]),
        st.sampled_from("XM"),
        st.integers(0, 9),
        st.integers(1, 1000),
    ),
    min_size=1,
    max_size=50,
)


@settings(max_examples=80, deadline=None)
@given(cells_strategy)
def test_properties_on_random_tables_with_groups(rows):
    """Shown cells and groups pass the rules; no lone hidden cell in a line; the shown sets leave
    no sensitive set of atoms recoverable; hidden cells of a column never add up to a secret."""
    frame = contrib([(k, f"{k}{a}", d, f"e{u}", v) for k, a, d, u, v in rows])
    groups = {"G1": frozenset({"Aa1", "Ba2", "Cb1"}), "G2": frozenset({"Aa1", "Aa2", "Db1"})}
    p = protect_with_groups(frame, RULE, groups)
    for table in (p.cells, p.groups):
        shown = table[table["status"] == OK]
        assert not ((shown["n"] > 0) & (shown["n"] < 3)).any()
        assert not ((shown["value"] > 0) & (shown["top"] > 0.85 * shown["value"])).any()
    hidden = p.cells[p.cells["status"] != OK]
    for axis in ("key", "direction"):
        assert not (hidden.groupby(axis).size() == 1).any()
    shown_sets = _shown_sets(frame, p.cells)
    for col in COLUMNS:
        rows_c = frame if col == TOTAL else frame[frame["direction"] == col]
        shown_groups = [groups[g] for g in groups if p.shown(g, col)]
        assert regions_pass(rows_c, shown_sets[col] + shown_groups, RULE)
        for g in groups:
            row = [p.shown(g, c) for c in COLUMNS]
            assert row.count(False) != 1  # X + M = TOTAL within a group row
