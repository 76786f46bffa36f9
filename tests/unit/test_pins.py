"""The exact-recovery test (etl.disclosure.pins) and the year's relations (etl.disclosure.exact)."""

from __future__ import annotations

import numpy as np

from etl.disclosure import attacker, bounds, pins


def _eq(relations: list[list[tuple]], hidden: set, value: dict | None = None) -> pins.Equations:
    return pins.equations(pins.relations_matrix(relations, value or {}), hidden)


def _table(rows: int, cols: int) -> list[list[tuple]]:
    """A two-way table's relations: each row total and each column total is the sum of its
    cells, the grand total the sum of the row totals and of the column totals."""
    relations = [[("r", i)] + [(i, j) for j in range(cols)] for i in range(rows)]
    relations += [[("c", j)] + [(i, j) for i in range(rows)] for j in range(cols)]
    relations.append([("all",)] + [("r", i) for i in range(rows)])
    relations.append([("all",)] + [("c", j) for j in range(cols)])
    return relations


def test_pin001_a_rectangle_of_hidden_cells_pins_none():
    """Four hidden cells at the corners of a rectangle: each row and column holds two."""
    hidden = {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert pins.pinned(_eq(_table(3, 3), hidden)) == []


def test_pin002_a_bridge_between_two_rectangles_is_pinned():
    """Every row and column holds two hidden cells or none (the relation rule holds), yet the
    cell joining two rectangles is fixed: rows 0–1 less columns 0–1 leave it alone."""
    rectangles = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3)}
    hidden = rectangles | {(0, 2)}
    eq = _eq(_table(4, 4), hidden)
    assert pins.pinned(eq) == [(0, 2)]


def test_pin003_a_single_hidden_cell_in_a_relation_is_pinned():
    assert pins.pinned(_eq(_table(2, 2), {(0, 0)})) == [(0, 0)]


def _values(rows: int, cols: int, seed: int = 1) -> dict[tuple, int]:
    """A table of random amounts with its margins (heavy-tailed: a few cells dominate, as
    enterprises do)."""
    rng = np.random.default_rng(seed)
    value = {(i, j): int(1 + 100 * rng.pareto(1.2)) for i in range(rows) for j in range(cols)}
    value |= {("r", i): sum(value[i, j] for j in range(cols)) for i in range(rows)}
    value |= {("c", j): sum(value[i, j] for i in range(rows)) for j in range(cols)}
    value[("all",)] = sum(value["r", i] for i in range(rows))
    return value


def test_pin004_the_certificate_recomputes_the_pinned_cell_from_published_figures():
    """The attack a certificate describes works: its published figures, weighted, give the
    bridge's value. A cell that is not pinned has no certificate."""
    hidden = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (0, 2)}
    eq = _eq(_table(4, 4), hidden)
    weights = pins.certificate(eq, (0, 2))
    value = _values(4, 4)
    assert weights and not set(weights) & hidden
    assert np.isclose(-sum(w * value[k] for k, w in weights.items()), value[0, 2])
    free = _eq(_table(3, 3), {(0, 0), (0, 1), (1, 0), (1, 1)})
    assert pins.certificate(free, (0, 0)) == {}


def test_pin005_nothing_hidden_or_nothing_related():
    assert pins.pinned(_eq(_table(2, 2), set())) == []
    assert pins.pinned(_eq([], {("x",)})) == []


def test_pin006_the_year_ties_months_and_february_twins():
    """1–M月 is tied to the earlier month's 1–M月 cell, and 1–2月 is one figure in two windows."""
    feb = attacker.MonthCells({("m", "A"): 5, ("y", "A"): 5}, [(("y", "A"), [])], {})
    mar = attacker.MonthCells(
        {("m", "A"): 2, ("y", "A"): 7}, [(("y", "A"), [("p", "A"), ("m", "A")])], {}
    )
    relations, value = attacker.year_relations({202102: feb, 202103: mar})
    assert [("y", 202103, "A"), ("y", 202102, "A"), ("m", 202103, "A")] in relations
    assert [("y", 202102, "A"), ("m", 202102, "A")] in relations
    assert value[("y", 202103, "A")] == 7
    # February's month cell shown gives its 1–2月 cell away, and with it March's month cell
    eq = _eq(relations, {("y", 202102, "A"), ("m", 202103, "A")})
    assert pins.pinned(eq) == [("m", 202103, "A"), ("y", 202102, "A")]
    # March alone (February not released): its tie to 1–2月 is no equation the attacker holds
    relations, _ = attacker.year_relations({202103: mar})
    assert relations == []


def test_pin007_the_shuttle_bounds_a_dominant_child_by_its_parent():
    """A shown total of 100 with two hidden parts, 90 and 10: the larger is at most 100, within
    15 % of 90, so it is narrow; the smaller is not."""
    relations = [[("t",), ("a",), ("b",)]]
    value = {("t",): 100, ("a",): 90, ("b",): 10}
    eq = _eq(relations, {("a",), ("b",)}, value)
    limits = bounds.shuttle(eq)
    assert list(limits.high) == [100.0, 100.0] and list(limits.low) == [0.0, 0.0]
    amounts = np.array([90.0, 10.0])
    assert list(bounds.narrow(limits, amounts, 0.15)) == [True, False]
    assert limits.binding(eq.index[("a",)], "high") == [0]


def test_pin008_the_shuttle_bounds_contain_the_lp_interval():
    """The shuttle's bounds are sound: on random two-way tables with hidden cells, each hidden
    cell's LP interval lies inside them."""
    from scipy.optimize import linprog

    rng = np.random.default_rng(7)
    positive = 0  # cells the shuttle bounds away from zero
    for _ in range(20):
        value = _values(4, 5, seed=int(rng.integers(1_000_000)))
        cells = [k for k in value if len(k) == 2 and isinstance(k[0], int)]
        chosen = rng.choice(len(cells), size=8, replace=False)
        hidden = {cells[i] for i in chosen}
        eq = _eq(_table(4, 5), hidden, value)
        limits = bounds.shuttle(eq)
        a_eq, b_eq = eq.matrix.toarray(), eq.constant
        for i in range(len(eq.hidden)):
            objective = np.eye(len(eq.hidden))[i]
            low = linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None)).fun
            high = -linprog(-objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None)).fun
            assert limits.low[i] <= low + 1e-6 and high <= limits.high[i] + 1e-6
        positive += int((limits.low > 0).sum())
    assert positive > 20  # the bounds bite: many cells are bounded away from zero
