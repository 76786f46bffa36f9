"""Disclosure control for a snapshot's tables: etl.disclosure plus the relations between figures.

A table has one row per key (a category, a district, a partner …), the columns 出口 X, 进口 M and
进出口 TOTAL, and a total row; contributor rows carry key, atom (the finest code: reported category,
stored region, partner), direction, uscc and amount. etl.disclosure.protect_table decides primary
and complementary suppression on that grid. What the grid alone does not see:

- Lines: the hidden cells of a column add up to its total minus the shown ones, so their union must
  itself pass the primary rules (else one contributor learns the others' value).
- Group rows and sub-rows (知识密集型, 一带一路, functional zones) are sums of atoms. Every set of
  atoms that the shown rows and groups tell apart (atoms with the same membership in all shown
  sets) must pass the primary rules; a group that would break this is shown as C.
- Months: 1–M月累计 minus last month's 1–(M−1)月 is month M, so a cell whose month-M part fails the
  primary rules is confidential in the cumulative table too (`increment`).
- Tables: totals shared by several tables are suppressed in all if in one (`force`, by the caller).

rule=None means the internal variant: every cell shown.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from etl.disclosure import (
    OK,
    PRIMARY,
    SECONDARY,
    TOTAL,
    DisclosureRule,
    cell_stats,
    primary_sensitive,
    protect_table,
)

KEY, ATOM, DIRECTION = "key", "atom", "direction"
COLUMNS = ("X", "M", TOTAL)


@dataclass
class Protected:
    """Statuses of a table's cells (key × X/M/TOTAL, with the TOTAL row) and of its group rows."""

    cells: pd.DataFrame  # key, direction, value, n, top, status
    groups: pd.DataFrame  # the same columns, key = group code

    def __post_init__(self) -> None:
        self._index = {}
        for frame in (self.groups, self.cells):  # a grid cell wins over a same-named group
            self._index.update(
                {
                    (k, c): (int(v), st)
                    for k, c, v, st in zip(
                        frame[KEY], frame[DIRECTION], frame["value"], frame["status"]
                    )
                }
            )

    def _lookup(self, key, col) -> tuple[int, str]:
        return self._index.get((key, col), (0, OK))  # no contributor: zero, shown

    def value(self, key, col) -> int:
        """The exact value of a cell (cents), shown or not."""
        return self._lookup(key, col)[0]

    def shown(self, key, col) -> bool:
        """Whether the cell may be circulated."""
        return self._lookup(key, col)[1] == OK

    def hidden_totals(self) -> set[tuple]:
        """The suppressed cells of the total row."""
        c = self.cells
        return set(
            zip(
                c.loc[(c[KEY] == TOTAL) & (c["status"] != OK), KEY],
                c.loc[(c[KEY] == TOTAL) & (c["status"] != OK), DIRECTION],
            )
        )


def _column(contrib: pd.DataFrame, col: str) -> pd.DataFrame:
    return contrib if col == TOTAL else contrib[contrib[DIRECTION] == col]


def unit_sums(rows: pd.DataFrame) -> pd.Series:
    """Each enterprise's contribution to a set of rows (zeros dropped)."""
    sums = rows.groupby("uscc")["amount"].sum()
    return sums[sums != 0]


def sensitive(units: pd.Series, rule: DisclosureRule) -> bool:
    """Whether a figure made of these contributions fails the threshold or dominance rule."""
    values = np.sort(units.to_numpy())[::-1]
    n, value = len(values), int(values.sum())
    if 0 < n < rule.min_contributors:
        return True
    return value > 0 and int(values[: rule.dominance_n].sum()) > rule.dominance_k * value


def increment_flags(increment: pd.DataFrame | None, rule: DisclosureRule) -> set[tuple]:
    """Grid cells whose month-M part (the difference between consecutive snapshots) is sensitive."""
    if increment is None or increment.empty:
        return set()
    stats = cell_stats(increment, KEY, DIRECTION, n_top=rule.dominance_n)
    flagged = stats[primary_sensitive(stats, rule)]
    return set(zip(flagged[KEY], flagged[DIRECTION]))


def protect_grid(
    contrib: pd.DataFrame,
    rule: DisclosureRule | None,
    force=(),
    increment: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The grid's statuses: protect_table, then more suppression until every line's union passes."""
    if rule is None:
        stats = cell_stats(contrib, KEY, DIRECTION)
        return stats.assign(status=OK)
    forced = set(force) | increment_flags(increment, rule)
    while True:
        stats = protect_table(contrib, KEY, DIRECTION, rule, force=forced)
        extra = _weak_line(contrib, stats, rule)
        if extra is None:
            return stats
        forced.add(extra)


def _weak_line(contrib: pd.DataFrame, stats: pd.DataFrame, rule: DisclosureRule):
    """A shown cell to hide because the hidden cells of its column add up to a sensitive figure."""
    for col in COLUMNS:
        column = stats[stats[DIRECTION] == col]
        total = column[column[KEY] == TOTAL]
        if total.empty or (total["status"] != OK).any():
            continue
        body = column[column[KEY] != TOTAL]
        hidden = body.loc[body["status"] != OK, KEY]
        if len(hidden) < 2:
            continue
        rows = _column(contrib, col)
        if not sensitive(unit_sums(rows[rows[KEY].isin(set(hidden))]), rule):
            continue
        shown = body[(body["status"] == OK) & (body["value"] > 0)]
        if len(shown):
            return shown.loc[shown["value"].idxmin(), KEY], col
    return None


def _shown_sets(contrib: pd.DataFrame, cells: pd.DataFrame) -> dict[str, list[frozenset]]:
    """Per column, the atom sets its shown cells reveal: each shown row, and the total."""
    pairs = contrib[[KEY, ATOM]].drop_duplicates()
    atoms = pairs.groupby(KEY)[ATOM].agg(frozenset)
    everything = frozenset(pairs[ATOM])
    out = {}
    for col in COLUMNS:
        shown = cells[(cells[DIRECTION] == col) & (cells["status"] == OK)]
        sets = [atoms[k] for k in shown[KEY] if k != TOTAL and k in atoms.index]
        out[col] = sets + ([everything] if (shown[KEY] == TOTAL).any() else [])
    return out


def flags(
    group: np.ndarray, unit: np.ndarray, amount: np.ndarray, rule: DisclosureRule
) -> np.ndarray:
    """Per group id (0..max), whether its contributions (unit ids, amounts) are sensitive."""
    if len(group) == 0:
        return np.zeros(0, dtype=bool)
    width = int(unit.max()) + 1
    keys, inverse = np.unique(group.astype(np.int64) * width + unit, return_inverse=True)
    sums = np.zeros(len(keys), dtype=np.int64)
    np.add.at(sums, inverse, amount.astype(np.int64))
    gid, keep = keys // width, sums != 0
    gid, sums = gid[keep], sums[keep]
    out = np.zeros(int(group.max()) + 1, dtype=bool)
    if len(gid) == 0:
        return out
    order = np.lexsort((-sums, gid))
    gid, sums = gid[order], sums[order]
    starts = np.flatnonzero(np.r_[True, gid[1:] != gid[:-1]])
    n = np.diff(np.r_[starts, len(gid)])
    rank = np.arange(len(gid)) - np.repeat(starts, n)
    value = np.add.reduceat(sums, starts)
    top = np.add.reduceat(np.where(rank < rule.dominance_n, sums, 0), starts)
    bad = ((n > 0) & (n < rule.min_contributors)) | ((value > 0) & (top > rule.dominance_k * value))
    out[gid[starts]] = bad
    return out


def regions_pass(rows: pd.DataFrame, sets: list[frozenset], rule: DisclosureRule) -> bool:
    """Whether every set of atoms the shown sets tell apart passes the primary rules."""
    if rows.empty or not sets:
        return True
    inverse, atoms = pd.factorize(rows[ATOM])
    patterns: dict[tuple, int] = {}
    region = np.full(len(atoms), -1)  # atoms in no shown set are not derivable
    for i, a in enumerate(atoms):
        member = tuple(a in s for s in sets)
        if any(member):
            region[i] = patterns.setdefault(member, len(patterns))
    per_row = region[inverse]
    keep = per_row >= 0
    units = pd.factorize(rows["uscc"])[0]
    return not flags(per_row[keep], units[keep], rows["amount"].to_numpy()[keep], rule).any()


def protect_groups(
    contrib: pd.DataFrame,
    cells: pd.DataFrame,
    groups: dict[str, frozenset],
    rule: DisclosureRule | None,
    increment: pd.DataFrame | None = None,
    force=(),
) -> pd.DataFrame:
    """Statuses of group rows (X, M, TOTAL), shown only when no set of atoms becomes recoverable;
    (group, column) pairs in force are hidden whatever their figures."""
    records, accepted = [], {col: [] for col in COLUMNS}
    shown_sets = _shown_sets(contrib, cells) if groups and rule is not None else {}
    for code, atoms in groups.items():
        row = {}
        for col in COLUMNS:
            rows = _column(contrib, col)
            units = unit_sums(rows[rows[ATOM].isin(atoms)])
            status = OK
            if rule is not None:
                inc = None if increment is None else _column(increment, col)
                if (code, col) in force:
                    status = SECONDARY
                elif sensitive(units, rule) or (
                    inc is not None and sensitive(unit_sums(inc[inc[ATOM].isin(atoms)]), rule)
                ):
                    status = PRIMARY
                elif not regions_pass(rows, shown_sets[col] + accepted[col] + [atoms], rule):
                    status = SECONDARY
            top = int(units.nlargest(2).sum())
            row[col] = {
                KEY: code,
                DIRECTION: col,
                "value": int(units.sum()),
                "n": len(units),
                "top": top,
                "status": status,
            }
        _fix_row(row)
        for col in COLUMNS:
            if row[col]["status"] == OK:
                accepted[col].append(atoms)
        records.extend(row.values())
    out = pd.DataFrame(records, columns=[KEY, DIRECTION, "value", "n", "top", "status"])
    if rule is not None and groups:
        _verify(contrib, shown_sets, groups, out, accepted, rule)
    return out


def _fix_row(row: dict) -> None:
    """Within a group row X + M = TOTAL: one hidden cell of the three needs a partner."""
    hidden = [c for c in COLUMNS if row[c]["status"] != OK]
    if len(hidden) != 1:
        return
    if hidden[0] != TOTAL:
        row[TOTAL]["status"] = SECONDARY
    else:
        smaller = min(("X", "M"), key=lambda c: row[c]["value"])
        row[smaller]["status"] = SECONDARY


def _verify(contrib, shown_sets, groups, out, accepted, rule) -> None:
    """Drop groups, last first, until the shown sets leave no recoverable sensitive atoms."""
    codes = list(groups)
    while True:
        failing = [
            col
            for col in COLUMNS
            if not regions_pass(_column(contrib, col), shown_sets[col] + accepted[col], rule)
        ]
        shown_groups = [c for c in codes if (out.loc[out[KEY] == c, "status"] == OK).any()]
        if not failing or not shown_groups:
            return
        last = shown_groups[-1]
        out.loc[(out[KEY] == last) & (out["status"] == OK), "status"] = SECONDARY
        for col in COLUMNS:
            if groups[last] in accepted[col]:
                accepted[col].remove(groups[last])


def protect_with_groups(
    contrib: pd.DataFrame,
    rule: DisclosureRule | None,
    groups: dict[str, frozenset] | None = None,
    force=(),
    increment: pd.DataFrame | None = None,
) -> Protected:
    """A table's grid and group rows, protected together."""
    cells = protect_grid(contrib, rule, force, increment)
    group_cells = protect_groups(contrib, cells, groups or {}, rule, increment, set(force))
    return Protected(cells, group_cells)
