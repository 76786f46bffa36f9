"""What the attacker holds: the year's released months as one system of relations, and what an
audit of it finds (the release-time audit, etl.disclosure.exact).

Each month's cells are keyed by their month, 1–M月 is tied to 1–(M−1)月, and February's 1–2月 is
one figure in both windows. etl.disclosure.pins finds the hidden cells the published ones fix
exactly, etl.disclosure.bounds those they narrow below the protection level. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from etl.disclosure import bounds, intervals, pins
from etl.disclosure.catalogue import MONTH, YTD, twin_window
from etl.disclosure.pattern import PREVIOUS, PRIMARY, Pattern


@dataclass(frozen=True)
class MonthCells:
    """One released month's nonzero cells, relations and stored suppressions (keys w/o period)."""

    value: dict[tuple, int]
    relations: list[tuple[tuple, list[tuple]]]
    suppressed: dict[tuple, str]


@dataclass(frozen=True)
class Findings:
    """One audit of the year: its equations, values, and the primary cells given away."""

    eq: pins.Equations
    value: dict[tuple, int]
    pinned: list[tuple]
    narrow: list[tuple[tuple, str]]  # (cell, "low" or "high": the side that is too tight)
    bounds: bounds.Bounds
    scope: str
    _options: dict[tuple[int, int], list[tuple]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @cached_property
    def terms(self) -> tuple[list[int], list[int], list[float]]:
        """The equations' matrix as Python lists (indptr, columns, coefficients): the repair's
        searches walk it entry by entry, and numpy's scalars are slow one at a time."""
        coef = self.eq.matrix
        return coef.indptr.tolist(), coef.indices.tolist(), coef.data.tolist()

    def changeable_members(self, row: int, month: int) -> list[tuple]:
        """A row's published nonzero figures of `month` (remembered: a repair's searches for
        the figures to hide pass the same relations again and again)."""
        if (row, month) not in self._options:
            self._options[row, month] = [
                k
                for k in self.eq.members(row)
                if k not in self.eq.index and is_changeable(k, month, self.value)
            ]
        return self._options[row, month]


def year_relations(months: dict[int, MonthCells]) -> tuple[list[list[tuple]], dict[tuple, int]]:
    """Every month's relations over year keys (window, period, dims…), and the year's values.

    A month's tie to 1–(M−1)月 is left out when that month is not released: the attacker does
    not hold its figures."""
    relations: list[list[tuple]] = []
    value: dict[tuple, int] = {}
    for period, cells in months.items():

        def key(k: tuple, period=period) -> tuple:
            if k[0] == PREVIOUS:
                return (YTD, period - 1, *k[1:])
            return (k[0], period, *k[1:])

        for k, amount in cells.value.items():
            value[key(k)] = amount
        for parent, kids in cells.relations:
            if period - 1 not in months and any(kid[0] == PREVIOUS for kid in kids):
                continue
            relations.append([key(parent), *(key(kid) for kid in kids)])
        if period % 100 == 2:  # 1–2月: the month and the year so far are one figure
            relations += [
                [(YTD, period, *k[1:]), (MONTH, period, *k[1:])]
                for k in cells.value
                if k[0] == YTD and (MONTH, *k[1:]) in cells.value
            ]
    return relations, value


class Year:
    """The year's relations and earlier suppressions, built once for a month's repair."""

    def __init__(self, pattern: Pattern, month: int, earlier: dict[int, MonthCells]):
        months = {**earlier, month: MonthCells(pattern.value, pattern.relations, {})}
        relations, self.value = year_relations(months)
        self.relations = pins.relations_matrix(relations, self.value)
        self.earlier = {
            (k[0], p, *k[1:]): why
            for p, cells in earlier.items()
            for k, why in cells.suppressed.items()
            if self.value.get((k[0], p, *k[1:]), 0) != 0
        }
        self.month = month
        # the year's first released month: with all of it hidden nothing of the year is known,
        # every amount may be 0 or grow without end, and no cell can be given by earlier months
        self.first = not earlier
        # hidden sets tried, with their bounds: the first is all of the month hidden (every
        # audit of the repair hides less), the last the latest trial that worked
        self._outer: list[tuple[set[tuple], np.ndarray, np.ndarray]] = []

    def findings(
        self, pattern: Pattern, scope: str, protection: float, pins_possible: bool = True
    ) -> Findings:
        """Audit the year with the month as the pattern has it now (without the exact test when
        an earlier audit of this repair found no pin: hiding more cannot make one)."""
        status = self.status(pattern)
        eq = pins.equations(self.relations, set(status))
        found = set(pins.pinned(eq)) if pins_possible else set()
        pinned = sorted(k for k in found if status[k] == PRIMARY)
        limits = bounds.shuttle(eq, **self._start(eq))
        narrow = [
            (key, side)
            for key, side in self._narrow(eq, limits, protection)
            if status[key] == PRIMARY and key not in found
        ]
        return Findings(eq, self.value, pinned, narrow, limits, scope)

    def status(self, pattern: Pattern) -> dict[tuple, str]:
        """Every hidden nonzero cell of the year (year keys): primary or secondary."""
        status = dict(self.earlier)
        for k, why in pattern.suppressed.items():
            key = (k[0], self.month, *k[1:])
            if self.value.get(key, 0) != 0:
                status[key] = why
        return status

    def hidden_columns(self, pattern: Pattern) -> np.ndarray:
        """The year's hidden nonzero cells as the pattern has them, as columns of the relations."""
        return self.relations.columns_of(self.status(pattern))

    def still_narrow(
        self, hidden: np.ndarray, extra: list[tuple], cells: set[tuple], protection: float
    ) -> set[tuple]:
        """Which of `cells` the shuttle still narrows when `extra` (year keys of the month, with
        their 1–2月 twins) are hidden besides `hidden` (hidden_columns): a trial, nothing is
        changed."""
        eq = self._trial(hidden, extra)
        limits = bounds.shuttle(eq, **self._start(eq))
        narrow = {key for key, _ in self._narrow(eq, limits, protection)} & cells
        if not self._outer:  # the repair's first trial hides all of the month: a start for all
            self._outer = [(eq.columns, *self._full(eq, limits))]
        elif not narrow:  # the next trials hide fewer than one that worked: they start from it
            self._outer = self._outer[:1] + [(eq.columns, *self._full(eq, limits))]
        return narrow

    def lp_narrow(
        self,
        eq: pins.Equations,
        cells,
        protection: float,
        deadline: float = float("inf"),
        sides: list[str] | None = None,
        first: bool = False,
        suspects: list[tuple[tuple, str]] = (),
    ) -> list[tuple[tuple, intervals.Narrow]] | None:
        """Which of `cells` (year keys hidden in `eq`; with `sides`, only that side of each) the
        attacker's LP narrows below ±protection, each with the side and the relations of its
        bound (with `first`, the first one found only, the (cell, side) `suspects` decided
        first); None when the time is up first (etl.disclosure.intervals)."""
        amounts = self.relations.value[eq.columns]
        targets = np.fromiter((eq.index[k] for k in cells), int)
        found = intervals.narrow_cells(
            eq,
            amounts,
            targets,
            protection,
            deadline,
            sides=None if sides is None else np.array(sides),
            first=first,
            suspects=[(eq.index[cell], side) for cell, side in suspects],
        )
        return None if found is None else [(eq.hidden[n.column], n) for n in found]

    def lp_still_narrow(
        self,
        hidden: np.ndarray,
        extra: list[tuple],
        cells: set[tuple],
        protection: float,
        deadline: float = float("inf"),
    ) -> set[tuple] | None:
        """still_narrow by the LP: which of `cells` it narrows with `extra` hidden besides
        `hidden`; None when the time is up first. A trial: nothing is changed."""
        found = self.lp_narrow(self._trial(hidden, extra), cells, protection, deadline)
        return None if found is None else {key for key, _ in found}

    def lp_trial(
        self,
        hidden: np.ndarray,
        extra: list[tuple],
        targets: list[tuple[tuple, str]],
        protection: float,
        deadline: float = float("inf"),
        suspects: list[tuple[tuple, str]] = (),
    ) -> list[tuple[tuple, str]] | None:
        """The first (cell, side) of `targets` the LP finds narrow with `extra` hidden besides
        `hidden`, in a list (empty: every one wide; only those sides: the others were wide
        already, and hiding more keeps them so); None when the time is up first. `suspects`
        (among the targets) are decided first. A trial: nothing is changed."""
        cells, sides = zip(*targets)
        eq = self._trial(hidden, extra)
        found = self.lp_narrow(eq, cells, protection, deadline, list(sides), True, suspects)
        return None if found is None else [(key, n.side) for key, n in found]

    def _trial(self, hidden: np.ndarray, extra: list[tuple]) -> pins.Equations:
        """The equations with `extra` (year keys of the month, with their 1–2月 twins) hidden
        besides `hidden` (columns)."""
        if self.month % 100 == 2:
            extra = [*extra, *(twin(k) for k in extra)]
        columns = np.union1d(hidden, self.relations.columns_of(extra))
        return pins.equations_of(self.relations, columns)

    def _start(self, eq: pins.Equations) -> dict:
        """The shuttle's start from an earlier trial that hid these cells and more (its bounds
        hold here; only the relations of the cells it hid and this does not can tighten them at
        first), or from nothing."""
        for known, low, high in reversed(self._outer):
            if np.isin(eq.columns, known, assume_unique=True).all():
                shown = np.setdiff1d(known, eq.columns, assume_unique=True)
                relations = self.relations.by_column[:, shown].tocsr().getnnz(axis=1).nonzero()[0]
                return {
                    "start": (low[eq.columns].copy(), high[eq.columns].copy()),
                    "touched": np.flatnonzero(np.isin(eq.rows, relations)),
                }
        return {}

    def _full(self, eq: pins.Equations, limits: bounds.Bounds):
        """A trial's bounds over every cell of the year (only its hidden ones are read)."""
        low = np.zeros(len(self.relations.cells))
        high = np.full(len(self.relations.cells), np.inf)
        low[eq.columns], high[eq.columns] = limits.low, limits.high
        return low, high

    def changeable(self) -> list[tuple]:
        """Every nonzero figure of the month (year keys), hidden or not: all of them hidden is
        the most the month can do."""
        return [k for k in self.value if is_changeable(k, self.month, self.value)]

    def _narrow(self, eq: pins.Equations, limits: bounds.Bounds, protection: float):
        """(cell, side) for each hidden cell whose bounds miss ±protection of its value."""
        amounts = self.relations.value[eq.columns]
        for i in np.flatnonzero(bounds.narrow(limits, amounts, protection)):
            high = limits.high[i] < amounts[i] * (1 + protection) - bounds.HALF_CENT
            yield self.relations.cells[eq.columns[i]], "high" if high else "low"


def is_changeable(key: tuple, month: int, value: dict) -> bool:
    """A published nonzero figure of the month being released."""
    return key[1] == month and key[0] in (MONTH, YTD) and bool(value.get(key, 0))


def twin(key: tuple) -> tuple:
    """A 1–2月 figure's other window (year keys): the month and the year so far are one figure."""
    window, period, *dims = key
    return (twin_window(window), period, *dims)
