"""Which hidden cells the published ones give away exactly, by sparse linear algebra.

The first half of the attacker's audit, at any scale (etl.disclosure.audit's LP does not run at
release beyond a few thousand atoms). The attacker's equations are the catalogue's relations
(a node = the sum of the nodes below it, in each dimension; 1–M月 = 1–(M−1)月 + M) over all
released months of a year, with the published cells as known numbers. A hidden cell is *pinned*
when those equations fix it whatever the other hidden cells are: its unit vector lies in the row
space of the hidden cells' coefficients. The relations span every linear dependency between the
catalogue's cells (each dimension's do, and a product of dimensions adds none), so this is the
exact-recovery test of the atom system, without its knowledge of which finest cells are zero.

How: a random vector's projection on the null space of the coefficient matrix (LSMR, rows scaled
to unit length) is zero exactly at the pinned cells; two projections tell them apart from the
rest by five orders of magnitude or more on the sample. Narrow-but-not-exact intervals (amounts
are never negative) remain the LP's. Pure numpy/scipy.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property, wraps

import numpy as np
from scipy.sparse import csc_matrix, csr_matrix, diags
from scipy.sparse.linalg import lsmr
from threadpoolctl import threadpool_limits

log = logging.getLogger(__name__)

# |projection| / its root mean square below which a cell is pinned: pinned cells come out near
# 1e-9, free ones above 1e-2 (Tianjin 2021 on the sample, 59,350 hidden cells)
PINNED_BELOW = 1e-5
SOLVER_TOLERANCE = 1e-12
LOCAL_FIRST = 300  # a certificate is searched among this many relations round a cell first,
LOCAL_ROWS = 3000  # then this many, then among all


def _one_blas_thread(fn):
    """Run with one BLAS thread: LSMR's many short vector products spend more time waking
    threads than computing (February 2021 on the sample: 81 s with OpenBLAS's default on two
    busy cores, 13 s with one)."""

    @wraps(fn)
    def call(*args, **kwargs):
        with threadpool_limits(limits=1, user_api="blas"):
            return fn(*args, **kwargs)

    return call


@dataclass
class Relations:
    """A year's relations, built once: rows over every cell they name (+1 the parent, −1 a
    child), and each cell's amount."""

    cells: list[tuple]
    index: dict[tuple, int]
    value: np.ndarray  # each cell's amount (0 where none is known: a zero cell)
    matrix: csr_matrix  # relations × cells

    @cached_property
    def by_column(self) -> csc_matrix:
        """The matrix by columns, for picking the hidden ones (once, not every round)."""
        return self.matrix.tocsc()

    def columns_of(self, cells) -> np.ndarray:
        """The columns of those of `cells` the relations name (ascending, unique)."""
        index = self.index
        return np.unique(np.fromiter((index[k] for k in cells if k in index), int))


def relations_matrix(relations: list[list[tuple]], value: dict[tuple, int]) -> Relations:
    """The relations (each a parent, then its children) as one sparse matrix."""
    index: dict[tuple, int] = {}
    rows, cols, coef = [], [], []
    for row, relation in enumerate(relations):
        for j, key in enumerate(relation):
            rows.append(row)
            cols.append(index.setdefault(key, len(index)))
            coef.append(1.0 if j == 0 else -1.0)
    cells = list(index)
    matrix = csr_matrix((coef, (rows, cols)), shape=(len(relations), len(cells)))
    matrix.sum_duplicates()
    matrix.eliminate_zeros()  # a cell that is its own parent's only child: 1 − 1
    amounts = np.array([value.get(k, 0) for k in cells], dtype=float)
    return Relations(cells, index, amounts, matrix)


@dataclass
class Equations:
    """The relations that hold a hidden cell, as rows over the hidden cells (columns)."""

    relations: Relations
    rows: np.ndarray  # which relations: the rows of `relations.matrix`
    columns: np.ndarray  # which cells are hidden: columns of `relations.matrix`, ascending
    matrix: csr_matrix  # rows × hidden
    constant: np.ndarray  # each row's right-hand side: its published members, moved across

    @cached_property
    def by_column(self) -> csc_matrix:
        return self.matrix.tocsc()

    @cached_property
    def hidden(self) -> list[tuple]:
        """The hidden cells, in column order (made when asked: a repair's trials need few)."""
        return [self.relations.cells[c] for c in self.columns]

    @cached_property
    def index(self) -> dict[tuple, int]:
        """Hidden cell -> its column here."""
        return {k: i for i, k in enumerate(self.hidden)}

    def members(self, row: int) -> list[tuple]:
        """Every cell of a row's relation (hidden or published)."""
        matrix = self.relations.matrix
        relation = self.rows[row]
        cols = matrix.indices[matrix.indptr[relation] : matrix.indptr[relation + 1]]
        return [self.relations.cells[c] for c in cols]


def equations(relations: Relations, hidden: set[tuple]) -> Equations:
    """The rows of the relations that hold at least one hidden cell; the published members of
    each row summed into its right-hand side."""
    return equations_of(relations, relations.columns_of(hidden))


def equations_of(relations: Relations, columns: np.ndarray) -> Equations:
    """equations() for hidden cells given as columns of the relations (ascending, unique)."""
    by_column = relations.by_column[:, columns].tocsr()
    rows = np.flatnonzero(by_column.getnnz(axis=1))
    shown = relations.value.copy()
    shown[columns] = 0.0
    return Equations(relations, rows, columns, by_column[rows], -(relations.matrix[rows] @ shown))


@_one_blas_thread
def pinned(eq: Equations, vectors: int = 2, seed: int = 0) -> list[tuple]:
    """The hidden cells the relations fix exactly (sorted)."""
    n = len(eq.hidden)
    if n == 0 or eq.matrix.shape[0] == 0:
        return []
    transposed = _unit_rows(eq.matrix)[0].T.tocsr()
    rng = np.random.default_rng(seed)
    freedom = np.zeros(n)
    for _ in range(vectors):
        r = rng.standard_normal(n)
        solved = lsmr(
            transposed, r, atol=SOLVER_TOLERANCE, btol=SOLVER_TOLERANCE, maxiter=20 * n + 100
        )
        if solved[1] == 7:
            log.warning("disclosure pins: LSMR stopped at its iteration limit (%d)", solved[2])
        v = r - transposed @ solved[0]
        # measured against a typical free cell's; when (nearly) all are fixed, v is rounding
        # noise, and against the random vector's own scale (1) it stays far below the line
        scale = max(float(np.sqrt(np.mean(v**2))), 1e-3)
        freedom = np.maximum(freedom, np.abs(v) / scale)
    return sorted(eq.hidden[i] for i in np.flatnonzero(freedom < PINNED_BELOW))


@_one_blas_thread
def certificate(eq: Equations, cell: tuple) -> dict[tuple, float]:
    """The published figures an attack on `cell` is made of, each with its weight in it.

    The attack is a combination of relations whose hidden cells cancel but for `cell`; each
    published figure's weight is its coefficient in that combination. Hiding one of weight
    zero changes nothing; one of large weight is where the attack leans. Searched in widening
    rings of relations round the cell, then everywhere; {} when the cell is not pinned."""
    by_column = eq.by_column
    col = eq.index[cell]
    rows: set[int] = set()
    seen, frontier = {col}, {col}
    solve_at = LOCAL_FIRST
    while True:
        ring = {
            int(r)
            for c in frontier
            for r in by_column.indices[by_column.indptr[c] : by_column.indptr[c + 1]]
        } - rows
        rows |= ring
        whole = not ring  # the cell's connected part is all here: nothing outside can help
        if whole or len(rows) >= solve_at:
            found = _combination(eq, sorted(rows), col)
            if found or whole:
                return found
            if len(rows) >= LOCAL_ROWS:
                break
            solve_at = LOCAL_ROWS
        frontier = set(eq.matrix[sorted(ring)].indices.tolist()) - seen
        seen |= frontier
    return _combination(eq, list(range(eq.matrix.shape[0])), col)


def _combination(eq: Equations, rows: list[int], col: int) -> dict[tuple, float]:
    """The weights of the published figures in a combination of `rows` that leaves the hidden
    cell `col` alone, or {} when none does."""
    scaled, norms = _unit_rows(eq.matrix[rows])
    target = np.zeros(eq.matrix.shape[1])
    target[col] = 1.0
    y = lsmr(scaled.T.tocsr(), target, atol=SOLVER_TOLERANCE, btol=SOLVER_TOLERANCE)[0]
    if np.abs(scaled.T @ y - target).max() > 1e-7:
        return {}
    used = np.flatnonzero(np.abs(y) > 1e-9)
    relations = eq.relations.matrix[eq.rows[np.asarray(rows)[used]]]
    weights = relations.T @ (y[used] / norms[used])
    weights[eq.columns] = 0.0  # the hidden cells cancel (but `col`, which is not published)
    return {
        eq.relations.cells[c]: float(weights[c]) for c in np.flatnonzero(np.abs(weights) > 1e-7)
    }


def _unit_rows(matrix: csr_matrix) -> tuple[csr_matrix, np.ndarray]:
    """The rows scaled to unit length (the same row space, far fewer LSMR iterations), and
    their lengths before."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return (diags(1 / norms) @ matrix).tocsr(), norms
