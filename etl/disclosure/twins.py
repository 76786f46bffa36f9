"""Hidden cells that move together: one LP's bound on a cell is every twin's bound, exactly.

A relation holding just two hidden cells ties them: p·a + q·b = c, so b = (c − p·a)/q at every
point the attacker's equations allow. Where −p/q > 0 (a region and its one hidden district, a
total and its one hidden direction, 1–M月 and the month M) the two rise and fall together, so
the least (largest) value of one gives the least (largest) of the other, by that formula. Chains
of such relations make groups: each cell is α·root + β with α > 0. The LP's tail then needs one
LP a group where it needed one a cell: on 两江新区's April, 18 narrow cells in 10 groups. Pure.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix


@dataclass(frozen=True)
class Twins:
    """Each column as alpha·x[root] + beta (alpha > 0), and the relation that links it towards
    its root (-1 at a root)."""

    root: np.ndarray
    alpha: np.ndarray
    beta: np.ndarray
    parent: np.ndarray  # the column one step nearer the root
    via: np.ndarray  # the row that links a column to its parent

    def mates(self, column: int) -> np.ndarray:
        """The other columns of `column`'s group."""
        mates = np.flatnonzero(self.root == self.root[column])
        return mates[mates != column]

    def beside(self, column: int, value: float) -> tuple[np.ndarray, np.ndarray]:
        """The other columns of `column`'s group, and their values where it has `value`."""
        mates = self.mates(column)
        at_root = (value - self.beta[column]) / self.alpha[column]
        return mates, self.alpha[mates] * at_root + self.beta[mates]

    def carried(
        self,
        matrix: csr_matrix,
        column: int,
        mate: int,
        sign: float,
        certificate: tuple[np.ndarray, np.ndarray],
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """`column`'s certificate (rows and their multipliers y: y·A ≤ sign·e_column, where A is
        `matrix`) carried over to `mate`: the rows with the tie's, and k·y plus multipliers z of
        the tie's rows, z·A = sign·(e_mate − k·e_column) with k = α_mate/α_column > 0, so the sum
        is ≤ sign·e_mate and makes the mate's bound. The multipliers are None where the tie's few
        equations have no exact answer (the picks then read the relations alone)."""
        rows, y = certificate
        tie = self.path(column, mate)
        together = np.union1d(rows, tie)
        part = matrix[tie]
        columns = np.unique(part.indices)
        dense = part[:, columns].toarray()
        k = self.alpha[mate] / self.alpha[column]
        target = sign * ((columns == mate) - k * (columns == column))
        z = np.linalg.lstsq(dense.T, target, rcond=None)[0]
        if not np.allclose(dense.T @ z, target, rtol=0, atol=1e-9 * max(1.0, k)):
            return together, None
        weights = np.zeros(together.size)
        np.add.at(weights, np.searchsorted(together, rows), k * y)
        np.add.at(weights, np.searchsorted(together, tie), z)
        return together, weights

    def path(self, a: int, b: int) -> np.ndarray:
        """The rows that link two columns of one group (both paths to the root)."""
        rows = []
        for column in (a, b):
            while self.via[column] >= 0:
                rows.append(self.via[column])
                column = self.parent[column]
        return np.unique(np.asarray(rows, dtype=int))


def twins(matrix: csr_matrix, constant: np.ndarray) -> Twins:
    """The groups of `matrix`'s columns that relations of two hidden cells move together."""
    n = matrix.shape[1]
    neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for row in np.flatnonzero(np.diff(matrix.indptr) == 2):
        span = slice(matrix.indptr[row], matrix.indptr[row + 1])
        (a, b), (p, q) = matrix.indices[span], matrix.data[span]
        if p * q < 0:  # −p/q > 0: they move the same way
            neighbours[a].append((b, row))
            neighbours[b].append((a, row))
    root = np.arange(n)
    alpha, beta = np.ones(n), np.zeros(n)
    parent, via = np.full(n, -1), np.full(n, -1)
    seen = np.zeros(n, dtype=bool)
    for start in range(n):
        if seen[start] or not neighbours[start]:
            continue
        seen[start] = True
        queue = deque([start])
        while queue:
            u = queue.popleft()
            for v, row in neighbours[u]:
                if seen[v]:
                    continue  # another path to it gives the same map: every point obeys both
                seen[v] = True
                p, q = _coefficient(matrix, row, u), _coefficient(matrix, row, v)
                alpha[v] = -p / q * alpha[u]
                beta[v] = (constant[row] - p * beta[u]) / q
                root[v], parent[v], via[v] = start, u, row
                queue.append(v)
    return Twins(root, alpha, beta, parent, via)


def _coefficient(matrix: csr_matrix, row: int, column: int) -> float:
    """The coefficient of `column` in `row`."""
    span = slice(matrix.indptr[row], matrix.indptr[row + 1])
    return float(matrix.data[span][matrix.indices[span] == column][0])
