"""Data calls of the 任务督查 page: the ledger state as of a date (every role that reads tasks)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import auth
from dashboard.data import app_context, session
from etl.queries import tasks as task_queries
from etl.tasks.supervision import ledger_state

VIEW = "view_tasks"


def today() -> dt.date:
    """Today in Beijing."""
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()


def gap_months() -> int:
    """Months without a report after which an unfinished task counts as silent (a setting)."""
    return app_context().settings.task_report_gap_months


def ledger(as_of: dt.date, document: str | None = None) -> pd.DataFrame:
    """Every task (of a document) with its supervision state as of the date."""
    auth.guard(VIEW)
    with session() as s:
        return ledger_state(
            task_queries.tasks_frame(s, document),
            task_queries.reports_frame(s),
            as_of,
            gap_months(),
        )
