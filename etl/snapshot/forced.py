"""The release's stored suppression pattern (etl.disclosure) laid over the snapshot's tables.

The pages show a released month through one pattern; the circulated snapshot protects its own
tables. Were the two patterns different, a reader holding both could subtract one from the other.
So every snapshot cell that is a cell of the pages' catalogue is hidden when the pattern hides it
(the snapshot may hide more, never less), and the one snapshot row outside the catalogue, 其他国家
（地区） (the total less the top partners), is hidden whenever the total or a top partner is: it is
then only ever a difference of figures the pages show. Pure.
"""

from __future__ import annotations

from etl.disclosure import TOTAL
from etl.disclosure.catalogue import ALL, SELF
from etl.periods import month_range

DIRECTIONS = {"X": "X", "M": "M", TOTAL: ALL}
BOP = "bop"
OTHER = "OTHER"  # the snapshot's 其他国家（地区） row


def catalogue_key(table: str, key, column: str, region: str) -> tuple | None:
    """The pages' catalogue key (region, category, mode, direction, partner) of a snapshot cell;
    None for a cell the catalogue does not have (其他)."""
    d = DIRECTIONS[column]
    key = str(key)
    if table == "mode":
        return region, ALL, BOP if key == TOTAL else key, d, ALL
    if table == "fats":  # mode 3 alone: its total is mode 3
        return region, ALL, "3" if key == TOTAL else key, d, ALL
    if table == "category":
        return region, ALL if key == TOTAL else key, BOP, d, ALL
    if table == "region":
        if key == TOTAL:
            return region, ALL, BOP, d, ALL
        return (f"{region}{SELF}" if key == region else key), ALL, BOP, d, ALL
    if table == "partner":
        if key == OTHER:
            return None
        return region, ALL, BOP, d, ALL if key == TOTAL else key
    if table == "headline":
        return region, ALL, BOP, d, ALL
    raise ValueError(f"unknown snapshot table {table}")


def forced_cells(table: str, keys, region: str, suppressed: set | None) -> set[tuple]:
    """(key, column) pairs of a snapshot table that the stored pattern hides; suppressed None:
    the month has no stored pattern (not released, or released before patterns were kept)."""
    if not suppressed:
        return set()
    cells = [(k, c) for k in [*keys, TOTAL] for c in DIRECTIONS]
    out = {
        (k, c)
        for k, c in cells
        if (key := catalogue_key(table, k, c, region)) is not None and key in suppressed
    }
    if table == "partner":
        for c in DIRECTIONS:
            if any(col == c for _, col in out):  # the total or a top partner is hidden
                out.add((OTHER, c))
    return out


def _pattern_month(period: int) -> int:
    """The catalogue's month of a period: January is part of 1–2月 (February's cell)."""
    return period + 1 if period % 100 == 1 else period


def hidden_chart_months(cells, region: str, pattern: dict) -> set[tuple[int, str]]:
    """(period, direction) of the monthly chart whose month cell the stored pattern hides."""
    out = set()
    for period, direction in cells:
        hidden = pattern.get(("m", _pattern_month(period)))
        if hidden and (region, ALL, BOP, direction, ALL) in hidden:
            out.add((period, direction))
    return out


def filter_key(f) -> tuple:
    """The catalogue key (region, category, mode, direction, partner) of a target measure."""
    category = f.categories[0] if len(f.categories) == 1 else ALL
    direction = f.directions[0] if len(f.directions) == 1 else ALL  # ("X", "M"): both
    return f.regions[0], category, "full" if f.full_scope else BOP, direction, ALL


def hidden_measures(filters, pattern: dict) -> set:
    """Target measures (ReportFilter over a month range) with a month the stored pattern hides:
    a range is a sum of monthly figures, shown by the pages only when every month is."""
    out = set()
    for f in filters:
        key = filter_key(f)
        months = {_pattern_month(p) for p in month_range(f.period_from, f.period_to)}
        if any(key in pattern.get(("m", p), ()) for p in months):
            out.add(f)
    return out
