"""Data calls of the 绩效评价与考核 page: leaders, statisticians and admins read; statisticians and
admins enter values (audited)."""

from __future__ import annotations

import datetime as dt

from dashboard import auth
from dashboard.data import DatabaseUnavailable, app_context, session
from etl.evaluation import entries
from etl.evaluation.report import Evaluation, evaluate
from etl.queries import release as queries_release

VIEW, MANAGE = "view_evaluation", "manage_evaluation"
RULES = "manage_reference"  # weights and marks: administrators (the conference office)


def this_year() -> int:
    """The current year in Beijing."""
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).year


def default_year() -> int:
    """The year the page opens on: last year, or the latest year before it with a released
    month of the region evaluated (a database whose data end earlier opens on its last year,
    not on an empty scorecard)."""
    last = this_year() - 1
    try:
        with session() as s:
            months = queries_release.released_months(s, app_context().settings.snapshot_region)
    except DatabaseUnavailable:  # the scorecard says so
        return last
    years = [month // 100 for month in months if month // 100 <= last]
    return max(years, default=last)


def scorecard(kind: str, year: int) -> Evaluation:
    """The scorecard of districts or units for a year."""
    auth.guard(VIEW)
    settings = app_context().settings
    with session() as s:
        return evaluate(
            s,
            kind,
            year,
            settings.snapshot_region,
            settings.report_deadline_day,
            settings.task_report_gap_months,
        )


def enter(indicator: str, subject: str, year: int, value, note: str) -> None:
    """Store an entered value (EntryError when it cannot be)."""
    auth.guard(MANAGE)
    with app_context().session_factory.begin() as s:
        entries.set_entry(
            s, indicator, subject, year, value, auth.actor_name(), note, auth.client_addr()
        )


def update_rule(code: str, weight, zero_at, full_at) -> dict:
    """Change an indicator's weight and marks (administrators); returns what changed."""
    auth.guard(RULES)
    with app_context().session_factory.begin() as s:
        return entries.update_indicator(
            s, code, weight, zero_at, full_at, auth.actor_name(), auth.client_addr()
        )
