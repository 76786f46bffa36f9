"""A run of months' total as the published window cells determine it (pure).

A reader without enterprise-level rights sees a month only as a cell (1–2月 from February on;
January has none) and 1–N月 as a cell of its own, each published unless the pattern hides it.
The total of any run of months a published cell set determines is a difference of sums of
them — e.g. July 2019..June 2020 = (1–12月 2019 − 1–6月 2019) + 1–6月 2020 — and so tells the
reader nothing the cells do not: it is shown, whether or not a month inside it is hidden.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from etl.disclosure.catalogue import MONTH, YTD
from etl.periods import add_months

Span = tuple[int, int]  # first and last month (YYYYMM) of a cell, both in one year


def span_total(cells: Mapping[Span, int], first: int, last: int):
    """The total of months first..last that the published cells fix, or pd.NA where they do not.

    Months are the edges between boundaries (the end of each month); a cell (a, b) says how far
    the boundary before a lies from the end of b. The run is fixed exactly when the boundary
    before `first` and the end of `last` are joined by cells, and then its total is the
    difference of their positions (any joining path gives the same sum).
    """
    start, goal = add_months(first, -1), last
    edges: dict[int, list[tuple[int, int]]] = {}
    for (a, b), value in cells.items():
        before = add_months(a, -1)
        edges.setdefault(before, []).append((b, value))
        edges.setdefault(b, []).append((before, -value))
    position = {start: 0}
    todo = [start]
    while todo:
        node = todo.pop()
        for other, step in edges.get(node, ()):
            if other not in position:
                position[other] = position[node] + step
                todo.append(other)
    return position[goal] if goal in position else pd.NA


def runs(periods: Iterable[int]) -> list[Span]:
    """Sorted months grouped into runs of consecutive months: [(first, last), …]."""
    out: list[Span] = []
    for p in sorted(set(periods)):
        if out and add_months(out[-1][1], 1) == p:
            out[-1] = (out[-1][0], p)
        else:
            out.append((p, p))
    return out


def window_cells(
    amounts: Mapping[int, int], released: Iterable[int], hidden: set[tuple[str, int]]
) -> dict[Span, int]:
    """The published window cells of one read: for each released month, 1–N月 from February on
    (1–2月 is February's month cell too) and the month from March on, unless the pattern hides
    it (hidden: (window, period) pairs). A released month without data is a cell of zero.

    amounts: period -> amount of every month with data from the January of the first year."""
    cells: dict[Span, int] = {}
    for p in sorted(set(released)):
        month, january = p % 100, p - p % 100 + 1
        if month >= 2 and (YTD, p) not in hidden or month == 2 and (MONTH, p) not in hidden:
            cells[(january, p)] = sum(v for q, v in amounts.items() if january <= q <= p)
        if month >= 3 and (MONTH, p) not in hidden:
            cells[(p, p)] = amounts.get(p, 0)
    return cells


def published_months(
    amounts: Mapping[int, int], cells: Mapping[Span, int], first: int, last: int
) -> pd.Series:
    """Each month with data in first..last: its amount where it is a published cell of its own,
    else NA (a hidden month; January and February, which are read together)."""
    periods = sorted(p for p in amounts if first <= p <= last)
    values = [cells.get((p, p), pd.NA) if p % 100 >= 3 else pd.NA for p in periods]
    return pd.Series(values, index=pd.Index(periods, name="period"), dtype="Int64")


@dataclass(frozen=True)
class Months:
    """A read's monthly amounts, with the published cells that fix sums of months it hides.

    amounts: period -> amount for every month with data; pandas NA where the month is not
    published on its own (a hidden month; January and February for the circulated reader, who
    sees them as 1–2月). cells: the published window cells (etl.queries.windows); None when
    every amount is exact (a reader with enterprise-level rights, or a contributor frame).
    """

    amounts: pd.Series
    cells: Mapping[Span, int] | None = None

    @property
    def index(self) -> pd.Index:
        """The months with data."""
        return self.amounts.index

    def total(self, periods: Iterable[int]):
        """The total over some months (a month without data adds zero), or pd.NA when a hidden
        month in them is not fixed by the published cells."""
        periods = list(periods)
        values = [self.amounts.get(p, 0) for p in periods]
        if not any(pd.isna(v) for v in values):
            return int(sum(int(v) for v in values))
        if self.cells is None:
            return pd.NA
        parts = [span_total(self.cells, a, b) for a, b in runs(periods)]
        return pd.NA if any(pd.isna(v) for v in parts) else int(sum(parts))


def as_months(measure: pd.Series | Months) -> Months:
    """A plain monthly series read as exact Months (the statistician's, a contributor frame)."""
    return measure if isinstance(measure, Months) else Months(measure)
