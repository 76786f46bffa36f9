"""A column as integer codes into its distinct values: per-value work once, per-row work in numpy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

MISSING = -1


@dataclass(frozen=True)
class Coded:
    """codes[i] indexes labels (MISSING = -1 for a missing or invalid cell)."""

    codes: np.ndarray  # int64, one per row
    labels: np.ndarray  # object, distinct values

    @classmethod
    def from_cells(cls, column: pd.Series) -> Coded:
        """Cells as stripped text; empty and blank cells are missing."""
        codes, uniques = pd.factorize(column.to_numpy(dtype=object, na_value=None))
        return cls._regrouped(codes, [str(u).strip() or None for u in uniques])

    @classmethod
    def _regrouped(cls, codes: np.ndarray, values: list[object]) -> Coded:
        """Codes for per-label results, merging labels that produced equal results; None = missing."""
        new_codes, labels = pd.factorize(np.array(values + [None], dtype=object))
        return cls(new_codes[codes].astype(np.int64), np.asarray(labels, dtype=object))

    @property
    def ok(self) -> np.ndarray:
        """Rows that hold a value."""
        return self.codes != MISSING

    def map(self, fn: Callable[[object], object | None]) -> Coded:
        """Apply fn once per distinct value; None results become missing."""
        return Coded._regrouped(self.codes, [fn(v) for v in self.labels])

    def relabel(self, fn: Callable[[object], object]) -> Coded:
        """Apply fn once per distinct value, keeping the codes (for values never grouped on)."""
        return Coded(self.codes, np.array([fn(v) for v in self.labels], dtype=object))

    def per_row(
        self, fn: Callable[[object], object], missing: object = None, dtype: object = object
    ) -> np.ndarray:
        """fn of each row's value (computed once per distinct value); `missing` where none."""
        table = np.array([fn(v) for v in self.labels] + [missing], dtype=dtype)
        return table[self.codes]

    def values(self, positions: np.ndarray | None = None) -> np.ndarray:
        """The rows' values (None where missing), optionally only at some positions."""
        table = np.append(self.labels, np.array([None], dtype=object))
        codes = self.codes if positions is None else self.codes[positions]
        return table[codes]

    def take(self, positions: np.ndarray) -> Coded:
        """The same column restricted to some rows (labels shared)."""
        return Coded(self.codes[positions], self.labels)

    def where(self, mask: np.ndarray) -> Coded:
        """Missing wherever mask is False."""
        return Coded(np.where(mask, self.codes, MISSING), self.labels)
