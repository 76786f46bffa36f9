"""Bounds on the hidden cells that the published ones imply, by the shuttle algorithm.

The second half of the attacker's audit at release scale (Buzzigoli and Giusti's shuttle
algorithm, as used before an LP to find easy attacks): every relation of etl.disclosure.pins'
equations bounds each of its hidden cells by its published part less the bounds of its other
hidden cells, amounts are never negative, and the bounds are tightened relation by relation
until they stop moving. Each step is sound, so the bounds always contain the LP's interval: a
cell the shuttle narrows below the protection level is narrowed at least as far by the LP (the
converse does not hold — the LP audit stays the proof where it can run). Pure numpy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from etl.disclosure.pins import Equations

HALF_CENT = 0.5


@dataclass(frozen=True)
class Bounds:
    """Each hidden cell's bounds, and each relation's bound on each of its hidden cells."""

    low: np.ndarray
    high: np.ndarray
    entry_row: np.ndarray  # one entry per (relation, hidden cell)
    entry_col: np.ndarray
    entry_coefficient: np.ndarray
    entry_constant: np.ndarray  # the right-hand side of the entry's relation

    @cached_property
    def entry_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """What each entry's relation implies for its cell from the final bounds (low, high):
        worked out when asked (a repair's trials only ask whether a cell is narrow)."""
        return _implied(
            np.arange(len(self.entry_row)),
            self.entry_row,
            self.entry_col,
            self.entry_coefficient,
            self.entry_constant,
            self.low,
            self.high,
            int(self.entry_row.max(initial=-1)) + 1,
        )

    @cached_property
    def _by_column(self) -> tuple[np.ndarray, np.ndarray]:
        """The entries in column order (stable: each column's in their own order), and where
        each column's start: a repair asks for thousands of columns' binding relations."""
        order = np.argsort(self.entry_col, kind="stable")
        starts = np.searchsorted(self.entry_col[order], np.arange(len(self.low) + 1))
        return order, starts

    def binding(self, col: int, side: str) -> list[int]:
        """The relations whose bound on the cell is the one that holds (side "low" or "high")."""
        order, starts = self._by_column
        mine = order[starts[col] : starts[col + 1]]
        entry_low, entry_high = self.entry_bounds
        if side == "high":
            tight = entry_high[mine] <= self.high[col] + HALF_CENT
        else:
            tight = entry_low[mine] >= self.low[col] - HALF_CENT
        return self.entry_row[mine][tight].tolist()


def shuttle(
    eq: Equations,
    sweeps: int = 200,
    start: tuple[np.ndarray, np.ndarray] | None = None,
    touched: np.ndarray | None = None,
) -> Bounds:
    """Tighten [0, ∞) for every hidden cell through the relations until nothing moves by half a
    cent (or `sweeps` rounds: stopped early, the bounds are still sound, only wider).

    Each sweep works the relations of the cells that moved in the one before, not all of them:
    the others would give what they gave. `start`: bounds known to hold already (low, high per
    hidden cell), e.g. the shuttle's of a system that hides these cells and more — with fewer
    hidden, every value this system allows that one allows too, so its bounds hold here — and
    `touched`, the rows whose published part differs from that system's (the only ones whose
    bounds can tighten at first)."""
    n, rows = len(eq.columns), eq.matrix.shape[0]
    entries = eq.matrix.tocoo()  # in row order, as the matrix's indptr counts them
    row, col, a = entries.row, entries.col, entries.data
    k = eq.constant[row]
    low, high = (np.zeros(n), np.full(n, np.inf)) if start is None else start
    sent_low, sent_high = low.copy(), high.copy()  # as each cell was last passed on
    active = np.arange(rows) if touched is None else np.unique(touched)
    by_column = eq.by_column
    for _ in range(sweeps):
        if not len(active):
            break
        mine = _positions(eq.matrix.indptr, active)
        entry_low, entry_high = _implied(mine, row, col, a, k, low, high, rows)
        np.maximum.at(low, col[mine], np.nan_to_num(entry_low, nan=0.0, neginf=0.0))
        np.minimum.at(high, col[mine], np.nan_to_num(entry_high, nan=np.inf, posinf=np.inf))
        with np.errstate(invalid="ignore"):  # ∞ − ∞: a bound still open has not moved
            moved = np.flatnonzero(
                (low - sent_low >= HALF_CENT)
                | (sent_high - high >= HALF_CENT)
                | (np.isinf(sent_high) & np.isfinite(high))
            )
        sent_low[moved], sent_high[moved] = low[moved], high[moved]
        active = np.unique(by_column.indices[_positions(by_column.indptr, moved)])
    return Bounds(low, high, row, col, a, k)


def _positions(indptr: np.ndarray, which: np.ndarray) -> np.ndarray:
    """The positions of the entries of some rows (or columns) of a compressed sparse matrix."""
    starts = indptr[which]
    counts = indptr[which + 1] - starts
    return np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(counts.sum())


def _implied(
    mine: np.ndarray,
    row: np.ndarray,
    col: np.ndarray,
    a: np.ndarray,
    k: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    rows: int,
) -> tuple[np.ndarray, np.ndarray]:
    """The bounds each of these entries' relations (all of their entries) put on its cell."""
    a, r, c = a[mine], row[mine], col[mine]
    # each entry's term a·x lies in [t_min, t_max]
    t_min = np.where(a > 0, a * low[c], a * high[c])
    t_max = np.where(a > 0, a * high[c], a * low[c])
    # a·x = k − (the others): bounds of a·x, then of x
    ax_low = k[mine] - _others(t_max, r, rows, 1)
    ax_high = k[mine] - _others(t_min, r, rows, -1)
    with np.errstate(invalid="ignore"):
        return np.where(a > 0, ax_low / a, ax_high / a), np.where(a > 0, ax_high / a, ax_low / a)


def _others(terms: np.ndarray, row: np.ndarray, rows: int, sign: int) -> np.ndarray:
    """For each entry, the sum of the other terms of its row (±∞ where one of them is)."""
    infinite = np.isinf(terms)
    finite = np.where(infinite, 0.0, terms)
    total = np.bincount(row, weights=finite, minlength=rows)
    count = np.bincount(row, weights=infinite.astype(float), minlength=rows)
    others = total[row] - finite
    return np.where(count[row] - infinite > 0, sign * np.inf, others)


def narrow(bounds: Bounds, value: np.ndarray, protection: float) -> np.ndarray:
    """Which cells' bounds miss ±protection of their true value (half a cent of slack)."""
    return (bounds.high < value * (1 + protection) - HALF_CENT) | (
        bounds.low > value * (1 - protection) + HALF_CENT
    )
