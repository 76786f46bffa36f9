"""The attacker's LP over the catalogue's relations (etl.disclosure.intervals): exact, and cheap."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from scipy.optimize import linprog

from etl.disclosure import intervals
from tests.unit.test_pins import _eq, _table, _values

PROTECTION = 0.15


def _random_case(seed: int, rows: int = 4, cols: int = 5, hidden: int = 8, margins=False):
    """A random two-way table with `hidden` of its inner cells hidden (of any of its cells, with
    margins): equations and amounts."""
    rng = np.random.default_rng(seed)
    value = _values(rows, cols, seed=int(rng.integers(1_000_000)))
    cells = [k for k in value if margins or (len(k) == 2 and isinstance(k[0], int))]
    chosen = {cells[i] for i in rng.choice(len(cells), size=hidden, replace=False)}
    eq = _eq(_table(rows, cols), chosen, value)
    amounts = eq.relations.value[eq.columns]
    return eq, amounts


def _one_lp_a_cell(eq, amounts) -> dict[tuple[int, str], float]:
    """The plain audit: two LPs per hidden cell; (column, side) → bound, where it is narrow."""
    found = {}
    for i in range(len(eq.hidden)):
        objective = np.eye(len(eq.hidden))[i]
        low = linprog(objective, A_eq=eq.matrix, b_eq=eq.constant, bounds=(0, None)).fun
        top = linprog(-objective, A_eq=eq.matrix, b_eq=eq.constant, bounds=(0, None))
        high = np.inf if top.status == 3 else -top.fun
        if low > amounts[i] * (1 - PROTECTION) + 0.5:
            found[i, "low"] = low
        if high < amounts[i] * (1 + PROTECTION) - 0.5:
            found[i, "high"] = high
    return found


def test_int001_the_batched_lp_finds_what_one_lp_a_cell_finds():
    """On random tables, the cells and sides found narrow, and their bounds, are those of two
    LPs per hidden cell; the cases include narrow and wide cells on both sides."""
    sides = {"low": 0, "high": 0}
    wide = 0
    for seed in range(25):
        eq, amounts = _random_case(seed)
        every = np.arange(len(eq.hidden))
        found = intervals.narrow_cells(eq, amounts, every, PROTECTION)
        expected = _one_lp_a_cell(eq, amounts)
        assert {(n.column, n.side) for n in found} == set(expected)
        for n in found:
            assert abs(n.bound - expected[n.column, n.side]) <= 1e-6 * max(1.0, amounts[n.column])
            assert len(n.rows) > 0  # the relations its bound is made of
            sides[n.side] += 1
        wide += len(every) - len({n.column for n in found})
    assert sides["low"] > 5 and sides["high"] > 5 and wide > 20


def test_int002_only_the_targets_are_decided():
    eq, amounts = _random_case(3)
    expected = _one_lp_a_cell(eq, amounts)
    column = next(iter(expected))[0]
    found = intervals.narrow_cells(eq, amounts, np.array([column]), PROTECTION)
    assert {(n.column, n.side) for n in found} == {k for k in expected if k[0] == column}


def test_int003_few_lps_decide_many_cells(monkeypatch):
    """A solution of one LP decides every cell it puts beyond its level: far fewer LPs than
    two per hidden cell."""
    eq, amounts = _random_case(11, rows=10, cols=12, hidden=50)
    calls = []
    solve = intervals.linprog
    monkeypatch.setattr(intervals, "linprog", lambda *a, **k: calls.append(1) or solve(*a, **k))
    found = intervals.narrow_cells(eq, amounts, np.arange(len(eq.hidden)), PROTECTION)
    assert {(n.column, n.side) for n in found} == set(_one_lp_a_cell(eq, amounts))
    assert len(calls) < len(eq.hidden)  # 100 LPs one cell at a time


def _growing_case():
    """(0, 0) with its row, its column and the grand total hidden: they grow without end."""
    value = _values(3, 3, seed=4)
    hidden = {(0, 0), (0, 1), (1, 0), ("r", 0), ("c", 0), ("all",)}
    return _eq(_table(3, 3), hidden, value)


def test_int006_a_cell_with_no_upper_bound_is_wide_on_that_side():
    """Its row, its column and the grand total hidden too: it can grow without end, an LP
    the interior point may not call unbounded; the answer is wide above, the lower side exact."""
    eq = _growing_case()
    amounts = eq.relations.value[eq.columns]
    every = np.arange(len(eq.hidden))
    found = intervals.narrow_cells(eq, amounts, every, PROTECTION)
    expected = _one_lp_a_cell(eq, amounts)
    unbounded = [
        linprog(-np.eye(len(every))[i], A_eq=eq.matrix, b_eq=eq.constant).status == 3 for i in every
    ]
    assert sum(unbounded) >= 3  # the case is what it says: (0, 0) and its margins grow freely
    assert {(n.column, n.side) for n in found} == set(expected)


def test_int007_where_the_interior_point_gives_up_the_simplex_answers(monkeypatch):
    """An IPM run that ends neither optimal nor unbounded (numerical trouble) is solved again
    by the simplex: the same cells, never an error."""
    eq, amounts = _random_case(7)
    solve, methods = intervals.linprog, []

    def troubled(*args, method, **kwargs):
        methods.append(method)
        if method == intervals.METHOD:
            return SimpleNamespace(status=4, message="numerical difficulties")
        return solve(*args, method=method, **kwargs)

    monkeypatch.setattr(intervals, "linprog", troubled)
    found = intervals.narrow_cells(eq, amounts, np.arange(len(eq.hidden)), PROTECTION)
    assert {(n.column, n.side) for n in found} == set(_one_lp_a_cell(eq, amounts))
    assert methods[:2] == [intervals.METHOD, "highs"]


def test_int004_out_of_time_is_undecided_not_safe():
    eq, amounts = _random_case(5)
    every = np.arange(len(eq.hidden))
    assert intervals.narrow_cells(eq, amounts, every, PROTECTION, deadline=0.0) is None


def test_int005_lp_scale_sits_between_the_smallest_and_largest_figure():
    assert intervals.lp_scale(np.array([0.0, 4.0, -100.0])) == 20.0
    assert intervals.lp_scale(np.array([0.0, 0.0])) == 1.0
    # nothing published: the hidden amounts, whose levels bound the LP, set the unit
    assert intervals.lp_scale(np.array([0.0, 0.0]), np.array([9.0, 0.0, 1e4])) == 300.0
    assert intervals.lp_scale(np.array([0.0, 4.0, -100.0]), np.array([9.0, 1e4])) == 20.0


def test_int008_a_bound_found_is_every_twins_bound(monkeypatch):
    """With margins hidden too, a margin and its one hidden cell move together
    (etl.disclosure.twins): the cells, sides and bounds found are two LPs per cell's, in fewer
    LPs than when every cell needs its own; each bound, a twin's too, with its certificate."""
    solve, counts = intervals.linprog, {True: 0, False: 0}
    real = intervals.twins.twins
    for seed in range(12):
        eq, amounts = _random_case(seed, rows=5, cols=6, hidden=14, margins=True)
        expected = _one_lp_a_cell(eq, amounts)
        for tied in (True, False):
            calls = []
            monkeypatch.setattr(intervals.twins, "twins", real if tied else _no_twins)
            monkeypatch.setattr(
                intervals, "linprog", lambda *a, c=calls, **k: c.append(1) or solve(*a, **k)
            )
            found = intervals.narrow_cells(eq, amounts, np.arange(len(eq.hidden)), PROTECTION)
            assert {(n.column, n.side) for n in found} == set(expected)
            for n in found:
                assert abs(n.bound - expected[n.column, n.side]) <= 1e-6 * max(1, amounts[n.column])
                _assert_certifies(eq, n)
            counts[tied] += len(calls)
    assert counts[True] < counts[False]


def _assert_certifies(eq, narrow):
    """The bound's multipliers are a certificate (LP duality), a twin's carried over too: the
    rows they weigh, summed, leave every other hidden cell a coefficient of at most zero and the
    cell itself at most one (its sign's side), and their published parts make the bound."""
    sign = 1.0 if narrow.side == "low" else -1.0
    assert narrow.weights is not None and narrow.weights.shape == narrow.rows.shape
    along = narrow.weights @ eq.matrix[narrow.rows].toarray()
    along[narrow.column] -= sign
    assert along.max() <= 1e-7
    made = float(narrow.weights @ eq.constant[narrow.rows])
    assert abs(made - sign * narrow.bound) <= 1e-6 * max(1.0, abs(narrow.bound))


def _no_twins(matrix, _constant):
    """Every cell a group of its own."""
    n = matrix.shape[1]
    return intervals.twins.Twins(
        np.arange(n), np.ones(n), np.zeros(n), np.full(n, -1), np.full(n, -1)
    )


def test_int011_no_lp_it_solves_is_unbounded(monkeypatch):
    """Every LP holds the cells it pushes at their levels, a lone cell its own: none is
    unbounded (the interior point takes minutes to say so at 天津市's scale), on the case of
    int006 where cells grow without end, and on random tables with margins hidden."""
    cases = [_growing_case()] + [
        _random_case(seed, hidden=10, margins=True)[0] for seed in range(12)
    ]
    statuses, unheld, lone_high = [], 0, 0
    solve = intervals.linprog

    def recorded(objective, **kwargs):
        nonlocal unheld, lone_high
        # a cell pushed up needs a finite upper bound, or the LP can be unbounded
        unheld += int(np.isinf(kwargs["bounds"][objective < 0, 1]).sum())
        lone_high += int(np.count_nonzero(objective) == 1 and objective.min() < 0)
        result = solve(objective, **kwargs)
        statuses.append(result.status)
        return result

    monkeypatch.setattr(intervals, "linprog", recorded)
    for eq in cases:
        amounts = eq.relations.value[eq.columns]
        intervals.narrow_cells(eq, amounts, np.arange(len(eq.hidden)), PROTECTION)
    assert lone_high > 10  # the cases reach lone cells' LPs on the high side
    assert unheld == 0 and set(statuses) == {0}


def _counted(monkeypatch) -> list:
    """The LPs narrow_cells solves from now on, one entry each."""
    calls = []
    solve = intervals.linprog
    monkeypatch.setattr(intervals, "linprog", lambda *a, **k: calls.append(1) or solve(*a, **k))
    return calls


def test_int012_a_batch_of_one_cell_is_its_own_lp_solved_once(monkeypatch):
    """One (cell, side) to decide takes one LP, narrow or wide (a batch of one is the same LP as
    the cell's own: it used to be solved twice), with the bound two LPs a cell find."""
    calls = _counted(monkeypatch)
    narrow = wide = 0
    for seed in range(8):
        eq, amounts = _random_case(seed)
        expected = _one_lp_a_cell(eq, amounts)
        for column in range(len(eq.hidden)):
            for side in ("low", "high"):
                calls.clear()
                found = intervals.narrow_cells(
                    eq, amounts, np.array([column]), PROTECTION, sides=np.array([side])
                )
                assert len(calls) == 1
                if (column, side) in expected:
                    narrow += 1
                    (n,) = found
                    assert abs(n.bound - expected[column, side]) <= 1e-6 * max(1, amounts[column])
                else:
                    wide += 1
                    assert found == []
    assert narrow > 10 and wide > 10


def test_int013_suspects_are_decided_first(monkeypatch):
    """A trial (first=True) told of a narrow (cell, side) ends after that cell's one LP, with it;
    told of a wide one, it still finds a narrow cell where there is one. A whole audit told of
    suspects finds what it finds without them, bounds included."""
    calls = _counted(monkeypatch)
    checked = 0
    for seed in range(8):
        eq, amounts = _random_case(seed)
        every = np.arange(len(eq.hidden))
        plain = intervals.narrow_cells(eq, amounts, every, PROTECTION)
        narrow = {(n.column, n.side): n.bound for n in plain}
        wide = [(c, s) for c in every.tolist() for s in ("low", "high") if (c, s) not in narrow]
        for suspect in list(narrow)[:3]:
            calls.clear()
            (first,) = intervals.narrow_cells(
                eq, amounts, every, PROTECTION, first=True, suspects=[suspect]
            )
            assert (first.column, first.side) == suspect and len(calls) == 1
            checked += 1
        if narrow:
            found = intervals.narrow_cells(
                eq, amounts, every, PROTECTION, first=True, suspects=wide[:2]
            )
            assert len(found) == 1 and (found[0].column, found[0].side) in narrow
        again = intervals.narrow_cells(eq, amounts, every, PROTECTION, suspects=wide[:1])
        assert {(n.column, n.side): n.bound for n in again} == pytest.approx(narrow)
    assert checked > 10
