"""Statistical disclosure control for circulated tables (统计法: no single enterprise inferable).

Input is contributor-level: one row per (row key, column key, enterprise) with its amount, so every
cell *and every margin* gets exact contributor counts and largest contributions (an enterprise that
appears in two cells of a row counts once in the row total).

- Primary suppression: a cell is confidential when it has between 1 and `min_contributors − 1`
  contributors, or when its `dominance_n` largest contributors hold more than `dominance_k` of it.
- Secondary suppression: in the table with its margins, every row and every column (the margins are
  a row and a column too) must hold either no suppressed cell or at least two, otherwise the single
  one is recovered by subtraction. Lines with exactly one are repaired by also suppressing the
  smallest publishable non-zero cell of that line (least information lost), until none is left.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

TOTAL = "__total__"
OK, PRIMARY, SECONDARY = "ok", "primary", "secondary"


@dataclass(frozen=True)
class DisclosureRule:
    """Thresholds of the primary rules (defaults: sdcTable's, see docs/domain.md §5)."""

    min_contributors: int = 3
    dominance_n: int = 2
    dominance_k: float = 0.85


def cell_stats(
    contrib: pd.DataFrame,
    row: str,
    col: str,
    unit: str = "uscc",
    value: str = "amount",
    n_top: int = 2,
) -> pd.DataFrame:
    """Cells and margins: value, contributor count and the n_top largest contributions' sum."""
    # Row and column keys become integer codes in their sort order (TOTAL: -1) and back at the
    # end: the same groups in the same order, without hashing strings on every grouping.
    row_codes, row_keys = pd.factorize(contrib[row], sort=True)
    col_codes, col_keys = pd.factorize(contrib[col], sort=True)
    coded = pd.DataFrame(
        {
            row: row_codes,
            col: col_codes,
            unit: contrib[unit].to_numpy(),
            value: contrib[value].to_numpy(),
        }
    )
    per_unit = coded.groupby([row, col, unit], as_index=False)[value].sum()
    frames = [
        per_unit,
        per_unit.groupby([row, unit], as_index=False)[value].sum().assign(**{col: -1}),
        per_unit.groupby([col, unit], as_index=False)[value].sum().assign(**{row: -1}),
        per_unit.groupby(unit, as_index=False)[value].sum().assign(**{row: -1, col: -1}),
    ]
    units = pd.concat(frames, ignore_index=True)
    units = units[units[value] != 0]
    units = units.sort_values(value, ascending=False, kind="stable")
    grouped = units.groupby([row, col], sort=False)[value]
    out = pd.DataFrame(
        {
            "value": grouped.sum(),
            "n": grouped.size(),
            # rows are sorted by value, largest first: a group's first n_top are its largest
            "top": units.groupby([row, col], sort=False)
            .head(n_top)
            .groupby([row, col], sort=False)[value]
            .sum(),
        }
    ).reset_index()
    out[row], out[col] = _decoded(out[row], row_keys), _decoded(out[col], col_keys)
    return out.astype({"value": "int64", "n": "int64", "top": "int64"})


def _decoded(codes: pd.Series, keys) -> pd.Series:
    """Keys back from codes, -1 as TOTAL."""
    values = np.asarray(keys, dtype=object)
    codes = codes.to_numpy()
    out = np.full(len(codes), TOTAL, dtype=object)
    known = codes >= 0
    out[known] = values[codes[known]]
    return pd.Series(out, dtype=object)


def primary_sensitive(stats: pd.DataFrame, rule: DisclosureRule) -> pd.Series:
    """Cells failing the threshold or the (n, k) dominance rule."""
    few = (stats["n"] > 0) & (stats["n"] < rule.min_contributors)
    dominated = (stats["value"] > 0) & (stats["top"] > rule.dominance_k * stats["value"])
    return few | dominated


def protect_table(
    contrib: pd.DataFrame,
    row: str,
    col: str,
    rule: DisclosureRule = DisclosureRule(),
    unit: str = "uscc",
    value: str = "amount",
    force=(),
) -> pd.DataFrame:
    """Every cell and margin with its status: ok, primary or secondary (suppressed)."""
    # force: (row key, column key) pairs treated as primary whatever their own figures (a cell
    # another table or another month makes confidential); keys absent from the table are ignored.
    stats = cell_stats(contrib, row, col, unit, value, rule.dominance_n)
    stats["status"] = OK
    stats.loc[primary_sensitive(stats, rule), "status"] = PRIMARY
    if len(force):
        forced = set(force)
        hit = [key in forced for key in zip(stats[row], stats[col])]
        stats.loc[hit, "status"] = PRIMARY
    _secondary(stats, row, col)
    return stats


def _secondary(stats: pd.DataFrame, row: str, col: str) -> None:
    """Suppress complementary cells until no line holds exactly one suppressed cell."""
    while True:
        suppressed = stats["status"] != OK
        line = _first_line_with_one(stats, suppressed, row, col)
        if line is None:
            return
        axis, key = line
        in_line = stats[axis] == key
        candidates = stats[in_line & ~suppressed & (stats["value"] > 0)]
        interior = candidates[(candidates[row] != TOTAL) & (candidates[col] != TOTAL)]
        pool = interior if len(interior) else candidates
        if pool.empty:
            # nothing publishable left to hide in this line: hide its other cells (zeros included)
            pool = stats[in_line & ~suppressed]
            if pool.empty:
                return
        stats.loc[pool["value"].idxmin(), "status"] = SECONDARY


def _first_line_with_one(stats, suppressed, row, col) -> tuple[str, object] | None:
    for axis in (row, col):
        counts = stats[suppressed].groupby(axis).size()
        ones = counts[counts == 1]
        if len(ones):
            return axis, ones.index[0]
    return None


def published(stats: pd.DataFrame) -> pd.DataFrame:
    """The table as circulated: suppressed values replaced by None, with a 'C' marker column."""
    out = stats.copy()
    hidden = out["status"] != OK
    out["value"] = out["value"].astype("object")
    out.loc[hidden, "value"] = None
    out["mark"] = ["C" if h else "" for h in hidden]
    return out


def rule_from(settings) -> DisclosureRule:
    """The disclosure rule the settings ask for."""
    return DisclosureRule(
        min_contributors=settings.disclosure_min_contributors,
        dominance_k=settings.disclosure_dominance_k,
    )
