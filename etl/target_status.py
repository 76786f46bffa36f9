"""Evaluate the stored targets against the database as of a month (the CLI, the page, snapshots)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl import queries
from etl.filters import GROUP_PREFIX, ReportFilter
from etl.periods import add_months
from etl.targets import PRIOR_YEARS, Evaluation, evaluate, target_windows


@dataclass
class TargetResult:
    """A target with the evaluation of each of its windows."""

    target: m.Target
    evaluations: list[Evaluation]


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


def monthly(session: Session, f: ReportFilter) -> pd.Series:
    """Monthly amounts of a filter as a Series indexed by period (only months with data)."""
    frame = queries.totals(session, f, ("period",))
    return frame.set_index("period")["amount"].sort_index()


def latest_period(session: Session) -> int | None:
    """The newest month with any current report."""
    return session.scalar(sa.select(sa.func.max(m.Report.period)).where(
        m.Report.current_version_id.is_not(None)))


def evaluate_targets(session: Session, as_of: int | None = None) -> list[TargetResult]:
    """Every stored target, every window, as of a month (default: the newest month reported)."""
    as_of = as_of or latest_period(session) or 0
    results = []
    for target in session.scalars(sa.select(m.Target).order_by(m.Target.region_code, m.Target.code)):
        start = add_months(target.window_start, -12 * (PRIOR_YEARS + 1))
        end = max(as_of, target.window_end)
        measure = monthly(session, measure_filter(target, start, min(end, as_of)))
        total = None
        if target.kind in ("share_keep", "grows_faster"):
            total_f = ReportFilter(period_from=start, period_to=min(end, as_of),
                                   regions=(target.region_code,))
            total = monthly(session, total_f)
        # level thresholds are stored in currency units; series are in cents
        threshold = float(target.threshold) * (100 if target.kind == "level" else 1)
        evaluations = [evaluate(w, measure, as_of, threshold, total)
                       for w in target_windows(target.kind, target.window_start, target.window_end)]
        results.append(TargetResult(target, evaluations))
    return results
