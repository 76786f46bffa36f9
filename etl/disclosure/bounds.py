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
    """Each hidden cell's bounds, and each relation's last bound on each of its hidden cells."""

    low: np.ndarray
    high: np.ndarray
    entry_row: np.ndarray  # one entry per (relation, hidden cell)
    entry_col: np.ndarray
    entry_low: np.ndarray
    entry_high: np.ndarray

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
        if side == "high":
            tight = self.entry_high[mine] <= self.high[col] + HALF_CENT
        else:
            tight = self.entry_low[mine] >= self.low[col] - HALF_CENT
        return self.entry_row[mine][tight].tolist()


def shuttle(eq: Equations, sweeps: int = 200) -> Bounds:
    """Tighten [0, ∞) for every hidden cell through the relations until nothing moves by half a
    cent (or `sweeps` rounds: stopped early, the bounds are still sound, only wider)."""
    n = len(eq.hidden)
    entries = eq.matrix.tocoo()
    row, col, a = entries.row, entries.col, entries.data
    k = eq.constant[row]
    low, high = np.zeros(n), np.full(n, np.inf)
    entry_low = entry_high = np.zeros(len(a))
    for _ in range(sweeps):
        # each entry's term a·x lies in [t_min, t_max]
        t_min = np.where(a > 0, a * low[col], a * high[col])
        t_max = np.where(a > 0, a * high[col], a * low[col])
        others_min = _others(t_min, row, eq.matrix.shape[0], -1)
        others_max = _others(t_max, row, eq.matrix.shape[0], 1)
        # a·x = k − (the others): bounds of a·x, then of x
        ax_low, ax_high = k - others_max, k - others_min
        with np.errstate(invalid="ignore"):
            entry_low = np.where(a > 0, ax_low / a, ax_high / a)
            entry_high = np.where(a > 0, ax_high / a, ax_low / a)
        new_low, new_high = low.copy(), high.copy()
        np.maximum.at(new_low, col, np.nan_to_num(entry_low, nan=0.0, neginf=0.0))
        np.minimum.at(new_high, col, np.nan_to_num(entry_high, nan=np.inf, posinf=np.inf))
        moved = max(
            _largest_move(low, new_low),
            _largest_move(high, new_high),
        )
        low, high = new_low, new_high
        if moved < HALF_CENT:
            break
    return Bounds(low, high, row, col, entry_low, entry_high)


def _others(terms: np.ndarray, row: np.ndarray, rows: int, sign: int) -> np.ndarray:
    """For each entry, the sum of the other terms of its row (±∞ where one of them is)."""
    infinite = np.isinf(terms)
    finite = np.where(infinite, 0.0, terms)
    total = np.bincount(row, weights=finite, minlength=rows)
    count = np.bincount(row, weights=infinite.astype(float), minlength=rows)
    others = total[row] - finite
    return np.where(count[row] - infinite > 0, sign * np.inf, others)


def _largest_move(before: np.ndarray, after: np.ndarray) -> float:
    """The largest change of a bound (a bound coming in from infinity counts as large)."""
    both = np.isfinite(before) & np.isfinite(after)
    if (np.isfinite(after) & ~np.isfinite(before)).any():
        return np.inf
    return float(np.abs(after[both] - before[both]).max(initial=0.0))


def narrow(bounds: Bounds, value: np.ndarray, protection: float) -> np.ndarray:
    """Which cells' bounds miss ±protection of their true value (half a cent of slack)."""
    return (bounds.high < value * (1 + protection) - HALF_CENT) | (
        bounds.low > value * (1 - protection) + HALF_CENT
    )
