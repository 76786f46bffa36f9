"""Evaluate the stored targets against the database as of a month (the CLI, the page, snapshots)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy.orm import Session

from etl import models as m
from etl.disclosure.spans import Months
from etl.filters import GROUP_PREFIX, ReportFilter
from etl.periods import add_months
from etl.queries.months import latest_period, period_range
from etl.queries.targets import stored_targets
from etl.queries.windows import monthly_figures
from etl.reference import reference_codes
from etl.targets.compute import PRIOR_YEARS, Evaluation, evaluate, target_windows


@dataclass
class TargetResult:
    """A target with the evaluation of each of its windows."""

    target: m.Target
    evaluations: list[Evaluation]
    measure: Months | None = None  # monthly amounts the windows were evaluated on
    total: Months | None = None  # the region's total, for share_keep and grows_faster
    threshold: float = 0.0  # as evaluate() takes it (level thresholds in cents)
    as_of: int = 0

    def headline(self) -> Evaluation:
        """The window to lead with: the pilot average once started, else the latest started year."""
        main = [e for e in self.evaluations if not e.window.key.startswith("cy")]
        started = [e for e in main if e.status not in ("not_started", "no_data")]
        if any(e.window.kind == "avg_growth" for e in started):
            return next(e for e in started if e.window.kind == "avg_growth")
        return (started or main or self.evaluations)[-1 if started else 0]


def measure_filter(target: m.Target, start: int, end: int) -> ReportFilter:
    """The filter that counts a target's measure."""
    kw: dict = dict(period_from=start, period_to=end, regions=(target.region_code,))
    if target.measure == "exports":
        kw["directions"] = ("X",)
    elif target.measure == "full":
        kw["full_scope"] = True
    elif target.measure.startswith(GROUP_PREFIX):
        kw["categories"] = (target.measure,)
    return ReportFilter(**kw)


def monthly(session: Session, f: ReportFilter) -> Months:
    """Monthly amounts of a filter (only months with data), with the published window cells
    that fix a circulated reader's sums over hidden months (etl.queries.windows)."""
    return monthly_figures(session, f)


def evaluate_targets(session: Session, as_of: int | None = None) -> list[TargetResult]:
    """Every stored target, every window, as of a month (default: the newest month reported)."""
    as_of = as_of or latest_period(session) or 0
    results = []
    # Targets of a region share windows and totals: read each distinct filter once per call.
    read: dict[ReportFilter, Months] = {}

    def series(f: ReportFilter) -> Months:
        if f not in read:
            read[f] = monthly(session, f)
        return read[f]

    for target in stored_targets(session):
        start = add_months(target.window_start, -12 * (PRIOR_YEARS + 1))
        end = max(as_of, target.window_end)
        measure = series(measure_filter(target, start, min(end, as_of)))
        total = None
        if target.kind in ("share_keep", "grows_faster"):
            total_f = ReportFilter(
                period_from=start, period_to=min(end, as_of), regions=(target.region_code,)
            )
            total = series(total_f)
        # level thresholds are stored in currency units; series are in cents
        threshold = float(target.threshold) * (100 if target.kind == "level" else 1)
        evaluations = [
            evaluate(w, measure, as_of, threshold, total)
            for w in target_windows(target.kind, target.window_start, target.window_end)
        ]
        results.append(TargetResult(target, evaluations, measure, total, threshold, as_of))
    return results


@dataclass
class TargetsOverview:
    """What the Targets page and the Overview's target slot show: every target as of a month."""

    as_of: int | None  # None when nothing is loaded
    first_period: int | None
    last_period: int | None
    results: list[TargetResult]
    region_names: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> code -> name
    region_parent: dict[str, str | None] = field(default_factory=dict)

    def result(self, code: str) -> TargetResult | None:
        """The result of one target, by code."""
        return next((r for r in self.results if r.target.code == code), None)


def targets_overview(session: Session, as_of: int | None = None) -> TargetsOverview:
    """Evaluate every target as of a month (default: the newest) with the loaded period range."""
    ref = reference_codes(session)
    names = {"zh": ref.regions, "en": ref.region_names_en}
    first, last = period_range(session)
    if last is None:
        return TargetsOverview(None, None, None, [], names, ref.region_parent)
    as_of = min(max(as_of or last, first), last)
    return TargetsOverview(
        as_of, first, last, evaluate_targets(session, as_of), names, ref.region_parent
    )


def target_path(result: TargetResult, window_key: str) -> pd.DataFrame | None:
    """The cumulative path of one amount window of a result; None for ratio windows."""
    from etl.targets.path import AMOUNT_KINDS, cumulative_path

    ev = next((e for e in result.evaluations if e.window.key == window_key), None)
    if ev is None or ev.window.kind not in AMOUNT_KINDS or result.measure is None:
        return None
    return cumulative_path(ev, result.measure, result.as_of)
