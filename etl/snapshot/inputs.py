"""What a snapshot reads, reduced to what its tables use: window slices, series, sensitive cells.

The tables show 1–M月 of this year and last year and month M of both; disclosure control needs each
enterprise's sum over those windows, not its months. The months from January of last year to
December of last year and to M are cut into slices (every window is a union of them); a
contributor row carries its slice's label in `period`, a month inside the slice chosen so that
every window test the tables make (`period.between(a, b)`) picks the same rows as on monthly rows.
The targets and the monthly chart need months but not enterprises: a series without uscc, and the
set of their cells that fail the primary rules (decided where the enterprises are).
Everything here is pure; etl.snapshot.read reads.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from etl.disclosure import DisclosureRule
from etl.filters import ReportFilter
from etl.periods import add_months, month_range
from etl.snapshot.protect import flags, sensitive, unit_sums
from etl.snapshot.vintage import AMOUNT, Codes, filter_frame
from etl.targets.compute import target_windows
from etl.targets.status import measure_filter

SLICE_KEYS = ["period", "uscc", "region_code", "category_code", "mode", "direction"]
PARTNER_KEYS = ["period", "uscc", "partner_code", "direction"]
SERIES_KEYS = ["period", "region_code", "category_code", "mode", "direction"]


@dataclass
class SnapshotInputs:
    """The snapshot's data as of its vintage, in the scope's regions."""

    lines: pd.DataFrame  # SLICE_KEYS + amount: contributors per slice, every mode
    partners: pd.DataFrame  # PARTNER_KEYS + amount: contributors per slice, BOP modes only
    series: pd.DataFrame  # SERIES_KEYS + amount: months, main categories and `subs` apart
    hidden_months: set[tuple[int, str]]  # (period, direction) of the chart failing the rules
    hidden_targets: set[ReportFilter]  # target measures (target_filters) failing the rules


def slices(month: int) -> list[tuple[int, int, int]]:
    """(label, first, last): 1..M−1, M, last year's 1..M−1, M and M+1..12 (empty ones left out)."""
    year, base = month // 100, month - 100
    out = [(month - 1, year * 100 + 1, month - 1)] if month % 100 > 1 else []
    out.append((month, month, month))
    if base % 100 > 1:
        out.append((base - 1, base // 100 * 100 + 1, base - 1))
    out.append((base, base, base))
    if base % 100 < 12:
        out.append((base // 100 * 100 + 12, base + 1, base // 100 * 100 + 12))
    return out


def table_slices(month: int) -> list[tuple[int, int, int]]:
    """The slices the breakdown tables use (last year only up to month M)."""
    return [s for s in slices(month) if s[2] <= month - 100 or s[1] >= month // 100 * 100 + 1]


def to_slices(
    frame: pd.DataFrame, cuts: list[tuple[int, int, int]], keys: list[str]
) -> pd.DataFrame:
    """Monthly contributor rows summed per slice (rows outside every slice dropped)."""
    label = {p: lab for lab, first, last in cuts for p in month_range(first, last)}
    period = frame["period"].map(label)
    part = frame[period.notna()].assign(period=period.dropna().astype("int64"))
    return part.groupby(keys, as_index=False, sort=False)[AMOUNT].sum()


def target_filters(targets: list, month: int) -> list[ReportFilter]:
    """The measure of every target window over the months the targets table checks."""
    out = []
    for target in targets:
        for w in target_windows(target.kind, target.window_start, target.window_end):
            f = measure_filter(target, add_months(w.start, -12), month)
            if f not in out:
                out.append(f)
    return out


def sub_items(filters: list[ReportFilter], codes: Codes) -> set[str]:
    """Sub-item categories a filter picks without their main category (kept apart in series)."""
    out = set()
    for f in filters:
        if f.categories:
            closure = codes.category_closure(f.categories)
            out |= {c for c in closure if codes.ref.category_main.get(c, c) not in closure}
    return out


def with_sub_items(main: pd.DataFrame, subs: pd.DataFrame, codes: Codes) -> pd.DataFrame:
    """Series rows: each main category less its `subs`, and the `subs` rows themselves."""
    if subs.empty:
        return main[SERIES_KEYS + [AMOUNT]]
    under = subs.assign(category_code=subs["category_code"].map(codes.ref.category_main))
    under = under.groupby(SERIES_KEYS, as_index=False)[AMOUNT].sum()
    rest = main[SERIES_KEYS + [AMOUNT]].merge(
        under, on=SERIES_KEYS, how="left", suffixes=("", "_sub")
    )
    rest[AMOUNT] = rest[AMOUNT] - rest.pop(f"{AMOUNT}_sub").fillna(0).astype("int64")
    return pd.concat([rest, subs[SERIES_KEYS + [AMOUNT]]], ignore_index=True)


def series_of(lines: pd.DataFrame, subs: set[str], codes: Codes) -> pd.DataFrame:
    """The series from monthly contributor rows (what agg_cell plus the sub-items give)."""
    main = lines.assign(category_code=lines["category_code"].map(codes.ref.category_main))
    main = main.groupby(SERIES_KEYS, as_index=False)[AMOUNT].sum()
    part = lines[lines["category_code"].isin(subs)]
    return with_sub_items(main, part.groupby(SERIES_KEYS, as_index=False)[AMOUNT].sum(), codes)


def chart_filters(month: int, region: str) -> dict[tuple[int, str], ReportFilter]:
    """The monthly chart's cells (this year and last, X and M) as BOP filters."""
    periods = month_range((month // 100 - 1) * 100 + 1, month)
    return {
        (p, d): ReportFilter(p, p, regions=(region,), directions=(d,))
        for p in periods
        for d in ("X", "M")
    }


def chart_flags(
    lines: pd.DataFrame, month: int, codes: Codes, rule: DisclosureRule
) -> set[tuple[int, str]]:
    """Exact: the chart cells whose monthly contributors fail the primary rules."""
    periods = month_range((month // 100 - 1) * 100 + 1, month)
    bop = lines[lines["period"].isin(periods) & lines["mode"].isin(codes.ref.modes_in_bop)]
    if bop.empty:
        return set()
    cells = pd.MultiIndex.from_product([periods, ["X", "M"]])
    ids = cells.get_indexer(pd.MultiIndex.from_arrays([bop["period"], bop["direction"]]))
    bad = flags(ids, pd.factorize(bop["uscc"])[0], bop[AMOUNT].to_numpy(), rule)
    return {cells[i] for i in range(len(bad)) if bad[i]}


def target_flags(
    lines: pd.DataFrame, filters: list[ReportFilter], codes: Codes, rule: DisclosureRule
) -> set[ReportFilter]:
    """Exact: the target measures whose contributors fail the primary rules."""
    return {f for f in filters if sensitive(unit_sums(filter_frame(lines, f, codes)), rule)}


def from_months(
    lines: pd.DataFrame,
    partners: pd.DataFrame,
    month: int,
    codes: Codes,
    filters: list[ReportFilter],
    rule: DisclosureRule | None,
) -> SnapshotInputs:
    """The inputs from the monthly contributor frame (etl.queries.as_of.enterprise_months_as_of) and
    the partner slices (PARTNER_KEYS)."""
    return SnapshotInputs(
        to_slices(lines, slices(month), SLICE_KEYS),
        partners,
        series_of(lines, sub_items(filters, codes), codes),
        set() if rule is None else chart_flags(lines, month, codes, rule),
        set() if rule is None else target_flags(lines, filters, codes, rule),
    )


def bounds(
    cells: pd.DataFrame, f: ReportFilter, codes: Codes, rule: DisclosureRule
) -> tuple[int, int] | None:
    """From agg_cell rows: a floor on a filter's contributors and a ceiling on its dominance_n
    largest contributions (None: agg_cell cannot bound it).

    Amounts are never negative (the loader refuses them), so an enterprise with a positive amount
    in a cell the filter takes whole is a contributor, and two enterprises' sums over the filter
    are at most the sum, over the cells the filter touches, of each cell's two largest.
    """
    if rule.dominance_n > 2:
        return None
    part = cells[
        cells["period"].between(f.period_from, f.period_to)
        & cells["mode"].isin(f.effective_modes())
        & cells["direction"].isin(f.directions)
        & cells["region_code"].isin(codes.region_closure(f.regions))
    ]
    whole = touched = part
    if f.categories:
        closure = codes.category_closure(f.categories)
        whole = part[part["category_code"].isin(closure)]
        touched = part[
            part["category_code"].isin({codes.ref.category_main.get(c, c) for c in closure})
        ]
    floor = int(whole["n"].max()) if len(whole) else 0
    ceiling = int(touched["top1"].sum()) + (
        int(touched["top2"].sum()) if rule.dominance_n == 2 else 0
    )
    return floor, ceiling


def surely_passes(value: int, bound: tuple[int, int] | None, rule: DisclosureRule) -> bool:
    """Whether the bounds alone show the figure passes the primary rules (else: count exactly)."""
    if value == 0:
        return True  # no negative amounts: every contribution is zero, there is no contributor
    if bound is None:
        return False
    floor, ceiling = bound
    return floor >= rule.min_contributors and ceiling <= rule.dominance_k * value
