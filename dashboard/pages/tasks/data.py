"""Data calls of the 试点任务 page: every call checks the role; reports and reviews are checked
against the task on the server (a unit's report on another unit's task is answered with 403)."""

from __future__ import annotations

import datetime as dt

import flask
import pandas as pd

from dashboard import auth
from dashboard.data import app_context, session
from etl.queries import tasks as task_queries
from etl.tasks import store
from etl.tasks.supervision import ledger_state

VIEW, REPORT, REVIEW = "view_tasks", "report_tasks", "review_tasks"


def today() -> dt.date:
    """The as-of date of the ledger: today in Beijing."""
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()


def gap_months() -> int:
    """Months without a report after which an unfinished task counts as silent (a setting)."""
    return app_context().settings.task_report_gap_months


def max_evidence_bytes() -> int:
    """The largest evidence file accepted (a setting)."""
    return app_context().settings.evidence_max_bytes


def ledger(as_of: dt.date, document: str | None = None) -> pd.DataFrame:
    """Every task with its latest status and supervision state as of a date."""
    auth.guard(VIEW)
    with session() as s:
        return ledger_state(
            task_queries.tasks_frame(s, document),
            task_queries.reports_frame(s),
            as_of,
            gap_months(),
        )


def history(task_id: str) -> tuple[pd.DataFrame, list[dict]]:
    """A task's reports (oldest first) and their evidence files."""
    auth.guard(VIEW)
    with session() as s:
        return task_queries.reports_frame(s, task_id), task_queries.evidence_of(s, task_id)


def my_units() -> tuple[str, ...]:
    """The organisations the signed-in unit reports for (none for other roles)."""
    principal = auth.current_principal()
    return principal.organisations if principal is not None else ()


def may_review() -> bool:
    """Whether the signed-in person confirms and returns reports."""
    return auth.allowed(REVIEW) and auth.current_principal() is not None


def submit(task_id: str, period, status, text, figures: dict, files) -> int:
    """Store a unit's report; 403 when the task is not one of the unit's."""
    principal = auth.require(REPORT)
    try:
        with app_context().session_factory.begin() as s:
            return store.submit_report(
                s,
                principal,
                task_id,
                period,
                status,
                text,
                figures,
                files,
                app_context().settings.instance_path,
                max_evidence_bytes(),
                auth.client_addr(),
            )
    except store.TaskForbidden:
        flask.abort(403)


def review(report_id: int, decision: str, comment: str) -> None:
    """Confirm or return a report (statisticians and the conference office)."""
    principal = auth.require(REVIEW)
    with app_context().session_factory.begin() as s:
        store.review_report(s, principal, report_id, decision, comment, auth.client_addr())


def evidence(evidence_id: int):
    """An evidence row and its file's path; 404 when unknown."""
    auth.guard(VIEW)
    with session() as s:
        found = task_queries.evidence_file(s, evidence_id)
        if found is None:
            flask.abort(404)
        row, task_id = found
        return (
            row.filename,
            row.file_type,
            store.evidence_path(app_context().settings.instance_path, row),
            task_id,
        )
