"""The snapshot of month M (服务贸易统计监测月报): every table of the report, as of a vintage.

build_snapshot reads contributor-level frames as of a data event (etl.snapshot.read: per window
slice, see etl.snapshot.inputs) and assemble turns them into display-ready tables (headline,
breakdowns, targets), protected by etl.snapshot.protect unless internal; etl.snapshot.types says
what the cells hold.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy.orm import Session

from etl.coverage.compute import DEFAULT_DEADLINE_DAY, RegionCoverage, coverage_by_region
from etl.disclosure import TOTAL, DisclosureRule
from etl.queries.targets import targets_in_regions
from etl.snapshot.breakdowns import (
    BREAKDOWN_COLUMNS,
    NOTES,
    TITLES,
    Breakdown,
    breakdown_rows,
    category_breakdown,
    fats_breakdown,
    mode_breakdown,
    partner_breakdown,
    protect_all,
    region_breakdown,
)
from etl.snapshot.forced import forced_cells, hidden_chart_months, hidden_measures
from etl.snapshot.headline import headline_table
from etl.snapshot.inputs import SnapshotInputs, chart_filters, target_filters
from etl.snapshot.protect import protect_with_groups
from etl.snapshot.targets import (
    coverage_table,
    evaluate_for_snapshot,
    monthly_chart,
    prior_year_amounts,
    targets_table,
)
from etl.snapshot.types import Snapshot, SnapshotMeta, Table
from etl.snapshot.vintage import Codes, load_codes, resolve_vintage, target_data_start


class SnapshotError(ValueError):
    """The snapshot cannot be made (no data for the month, unknown region …)."""


def build_snapshot(
    session: Session,
    month: int,
    region: str,
    rule: DisclosureRule,
    internal: bool = False,
    event_id: int | None = None,
    now: dt.datetime | None = None,
    deadline_day: int = DEFAULT_DEADLINE_DAY,
) -> Snapshot:
    """Read as of the vintage (default: newest data event) and assemble the snapshot of a month."""
    from etl.snapshot.read import read_inputs

    vintage = resolve_vintage(session, event_id)
    codes = load_codes(session)
    if region not in codes.ref.regions:
        raise SnapshotError(f"unknown region {region}")
    regions = sorted(codes.region_closure([region]))
    year = month // 100
    targets = targets_in_regions(session, regions)
    first = target_data_start(targets, (year - 1) * 100 + 1)
    inputs = read_inputs(
        session,
        vintage.event_id,
        month,
        region,
        regions,
        first,
        targets,
        codes,
        None if internal else rule,
    )
    lines = inputs.lines
    if not (lines["period"] == month).any():
        raise SnapshotError(
            f"no reports for {year}-{month % 100:02d} as of data event "
            f"{vintage.event_id} in region {region}"
        )
    results = evaluate_for_snapshot(targets, inputs.series, month, codes)
    meta = _meta(month, region, codes, vintage, internal, rule, lines, now)
    pattern = None if internal else _stored_pattern(session, region, first, month, codes)
    # The same reader as the CLI and the dashboard; arrivals and last year's amounts as of the
    # vintage (the register itself is read as it stands).
    covered = coverage_by_region(
        session,
        month,
        region,
        deadline_day,
        vintage.event_id,
        prior_year_amounts(lines, month, codes),
    )
    return assemble(meta, codes, inputs, results, covered, pattern)


def _stored_pattern(session: Session, region: str, first: int, month: int, codes: Codes) -> dict:
    """The stored suppression patterns of the released months the snapshot reads, first..month."""
    from etl.periods import month_range
    from etl.queries.disclosure import stored_pattern
    from etl.release.scopes import scope_of

    scope = scope_of(region, codes.ref.region_parent)
    return stored_pattern(session, scope, month_range(min(first, month - 100), month))


def _meta(month, region, codes, vintage, internal, rule, lines, now) -> SnapshotMeta:
    mon = month % 100
    month_label = "1–2月" if mon == 2 and (lines["period"] == month - 1).any() else f"{mon}月"
    return SnapshotMeta(
        month,
        region,
        codes.ref.regions[region],
        vintage,
        internal,
        rule,
        now or dt.datetime.now(dt.timezone.utc),
        month_label,
        "1月" if mon == 1 else f"1–{mon}月",
    )


def assemble(
    meta: SnapshotMeta,
    codes: Codes,
    inputs: SnapshotInputs,
    target_results: list,
    covered: RegionCoverage | None = None,
    pattern: dict | None = None,
) -> Snapshot:
    """Pure: protected tables and chart data from the contributor frames (etl.snapshot.inputs).

    pattern: (window, month) -> the keys the release's stored pattern suppresses
    (etl.queries.disclosure.stored_pattern); the public tables hide at least those
    (etl.snapshot.forced), so the snapshot and the pages never differ by a hidden figure."""
    rule = None if meta.internal else meta.rule
    # From here on enterprises only need telling apart: integer codes group far faster than
    # the USCC strings (hundreds of thousands of rows at national scale).
    lines, partners = (
        f.assign(uscc=pd.factorize(f["uscc"])[0]) for f in (inputs.lines, inputs.partners)
    )
    bop = lines[lines["mode"].isin(codes.ref.modes_in_bop)]
    specs = [
        mode_breakdown(meta, codes, bop),
        category_breakdown(meta, codes, bop),
        region_breakdown(meta, codes, bop),
        partner_breakdown(meta, codes, partners),
    ]
    fats = fats_breakdown(meta, codes, lines[~lines["mode"].isin(codes.ref.modes_in_bop)])
    pattern = pattern or {}
    months = {"cur": meta.month, "base": meta.month - 100}

    def forced(spec: Breakdown, window: str, table: str | None = None) -> set:
        keys = [k for k, _, _ in spec.rows if k != TOTAL]
        hidden = pattern.get(("y", months[window])) if rule is not None else None
        return forced_cells(table or spec.name, keys, meta.region_code, hidden)

    cur, base = (protect_all(specs, rule, w, {s.name: forced(s, w) for s in specs}) for w in months)
    fats_cur, fats_base = (
        protect_with_groups(
            fats.frames[w], rule, force=forced(fats, w), increment=fats.frames[f"inc_{w}"]
        )
        for w in months
    )
    month_hidden = {
        w: pattern.get(("m", m)) if rule is not None else None for w, m in months.items()
    }
    tables = [headline_table(meta, bop, rule, cur["category"], base["category"], month_hidden)]
    titles = {"mode": "供给模式", "category": "服务类别", "region": "地区", "partner": "伙伴"}
    for spec in specs:
        rows = breakdown_rows(spec, cur[spec.name], base[spec.name])
        if spec.name == "mode":
            fats_rows = breakdown_rows(fats, fats_cur, fats_base, with_share=False)
            rows = pd.concat([rows, fats_rows], ignore_index=True)
        tables.append(
            Table(
                titles[spec.name],
                f"{meta.ytd_label}{TITLES[spec.name]}",
                BREAKDOWN_COLUMNS,
                rows,
                list(NOTES[spec.name]),
            )
        )
    hidden_targets, hidden_months = inputs.hidden_targets, inputs.hidden_months
    if rule is not None and pattern:
        filters = target_filters([r.target for r in target_results], meta.month)
        hidden_targets = hidden_targets | hidden_measures(filters, pattern)
        hidden_months = hidden_months | hidden_chart_months(
            chart_filters(meta.month, meta.region_code), meta.region_code, pattern
        )
    tables.append(targets_table(target_results, hidden_targets, meta))
    tables.append(coverage_table(lines, meta, codes, covered))
    chart = monthly_chart(inputs.series, hidden_months, meta, codes)
    return Snapshot(meta, tables, {"monthly": chart})
