"""Hidden cells that relations of two hidden cells move together (etl.disclosure.twins)."""

from __future__ import annotations

import numpy as np

from etl.disclosure import twins
from tests.unit.test_pins import _eq, _table, _values


def test_twn001_a_margin_and_its_one_hidden_cell_move_together_by_the_published_rest():
    """Row 0's total and its only other hidden cell (0, 0): the total is (0, 0) plus the row's
    published cells, so (0, 0)'s least value gives the total's, and the tie is that row."""
    value = _values(3, 3, seed=2)
    eq = _eq(_table(3, 3), {(0, 0), ("r", 0), (1, 0), ("c", 0)}, value)
    tied = twins.twins(eq.matrix, eq.constant)
    cell, total = eq.index[(0, 0)], eq.index[("r", 0)]
    mates, values = tied.beside(cell, 5.0)
    rest = value["r", 0] - value[0, 0]
    assert total in mates and values[list(mates).index(total)] == 5.0 + rest
    row = tied.path(cell, total)
    assert len(row) == 1 and set(eq.matrix[row[0]].indices) == {cell, total}


def test_twn002_two_hidden_cells_of_one_row_move_apart_and_are_not_twins():
    """(0, 0) and (0, 1) share row 0 with its total published: one rises as the other falls."""
    value = _values(3, 3, seed=3)
    eq = _eq(_table(3, 3), {(0, 0), (0, 1), (1, 0), (1, 1)}, value)
    tied = twins.twins(eq.matrix, eq.constant)
    mates, _ = tied.beside(eq.index[(0, 0)], 1.0)
    assert eq.index[(0, 1)] not in mates


def test_twn003_a_chain_carries_a_move_through():
    """(0, 0) with its row total and its column total, each of them with the grand total (every
    other margin published): four cells of one group, two steps from its root at most; moved by 7
    from its true value, any of them moves the other three by 7."""
    value = _values(3, 3, seed=5)
    chain = [(0, 0), ("r", 0), ("c", 0), ("all",)]
    eq = _eq(_table(3, 3), set(chain), value)
    tied = twins.twins(eq.matrix, eq.constant)
    assert max(len(tied.path(eq.index[a], eq.index[b])) for a in chain for b in chain) >= 2
    for key in chain:
        mates, values = tied.beside(eq.index[key], value[key] + 7.0)
        moved = dict(zip(mates.tolist(), values))
        for other in chain:
            if other != key:
                assert np.isclose(moved[eq.index[other]], value[other] + 7.0)


def test_twn004_a_certificate_is_carried_to_a_mate_with_another_slope():
    """a, b, c, d hidden, x published: 2a − b = 3 and b − 3c = 1 tie b and c to a (slopes 2 and
    2/3); a + d + x = 10 bounds them. The certificate of a's largest value, carried over, is one
    of each mate's: weighted, the relations leave the mate at most −1 and every other cell at
    most 0 (y·A ≤ −e), and their published parts make the mate's largest value."""
    from scipy.optimize import linprog
    from scipy.sparse import csr_matrix

    matrix = csr_matrix(
        np.array([[2.0, -1.0, 0.0, 0.0], [0.0, 1.0, -3.0, 0.0], [1.0, 0.0, 0.0, 1.0]])
    )
    constant = np.array([3.0, 1.0, 6.0])  # the last: 10 less the published x = 4
    tied = twins.twins(matrix, constant)
    top = linprog([-1.0, 0, 0, 0], A_eq=matrix, b_eq=constant, bounds=(0, None), method="highs")
    rows = np.flatnonzero(np.abs(top.eqlin.marginals) > 1e-9)
    certificate = (rows, top.eqlin.marginals[rows])
    assert top.x[0] == 6.0
    for mate in (1, 2):
        alone = np.zeros(4)
        alone[mate] = -1.0
        largest = -linprog(alone, A_eq=matrix, b_eq=constant, bounds=(0, None)).fun
        assert abs(tied.beside(0, 6.0)[1][[1, 2].index(mate)] - largest) <= 1e-9  # 9, 8/3
        together, weights = tied.carried(matrix, 0, mate, -1.0, certificate)
        along = weights @ matrix[together].toarray()
        assert along[mate] <= -1.0 + 1e-9 and np.delete(along, mate).max() <= 1e-9
        assert abs(weights @ constant[together] - (-largest)) <= 1e-9
