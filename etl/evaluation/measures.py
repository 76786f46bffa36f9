"""The values of the scorecard's indicators for a year: measured ones from the product's own data
(district evaluation, key-enterprise coverage, the task ledger) and entered ones from the table.

Districts are the regions just below the city (滨海新区 with its functional zones rolled up, as
in the district evaluation); units are the organisations that lead at least one dated task.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
from sqlalchemy.orm import Session

from etl import numbers
from etl.coverage.compute import coverage_by_region
from etl.evaluation.districts import TOTAL, district_report
from etl.periods import month_range
from etl.queries import evaluation as eval_queries
from etl.queries import tasks as task_queries
from etl.queries.months import latest_period
from etl.queries.reference_tables import reference_table
from etl.tasks.supervision import ledger_state

VALUES = ["subject", "indicator", "value"]


def _pct(part: float, whole: float) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(str(part)) * 100 / Decimal(str(whole))).quantize(Decimal("0.01"))


def district_values(
    session: Session, root: str, year: int, deadline_day: int
) -> tuple[list[str], pd.DataFrame]:
    """The districts of root and the measured + entered values of their indicators for a year."""
    latest = latest_period(session, year)
    rows: list[tuple] = []
    subjects: list[str] = []
    if latest is not None:
        report = district_report(session, root, year * 100 + 1, year * 100 + 12, as_of=latest)
        table = report.rows[~report.rows["code"].isin([TOTAL, root])]
        subjects = list(table["code"])
        for code, growth in zip(table["code"], table["growth"]):
            if numbers.protected(growth):  # a leader's read: confidential, never scored as 0
                rows.append((code, "trade_growth", pd.NA))
            elif growth is not None and not pd.isna(growth):
                rows.append(
                    (code, "trade_growth", Decimal(str(growth * 100)).quantize(Decimal("0.01")))
                )
        counts: dict[str, list[int]] = {}
        for month in month_range(year * 100 + 1, latest):
            cov = coverage_by_region(session, month, root, deadline_day)
            for r in cov.rows.itertuples(index=False):
                if r.code in (TOTAL, root):
                    continue
                total = counts.setdefault(r.code, [0, 0, 0])
                total[0] += int(r.expected or 0)
                total[1] += int(r.reported or 0)
                total[2] += int(r.on_time or 0)
        for code, (expected, reported, on_time) in counts.items():
            if expected:
                rows.append((code, "reporting_rate", _pct(reported, expected)))
                rows.append((code, "reporting_timeliness", _pct(on_time, expected)))
    if not subjects:
        subjects = _children(session, root)
    measured = pd.DataFrame(rows, columns=VALUES)
    return subjects, _with_entries(session, measured, year, "district", subjects)


def _children(session: Session, root: str) -> list[str]:
    regions = reference_table(session, "region")
    children = regions[regions["parent_code"] == root]
    return list(children.sort_values(["sort_order", "code"])["code"])


def unit_values(
    session: Session, year: int, gap_months: int, today: dt.date | None = None
) -> tuple[list[str], pd.DataFrame]:
    """Units leading dated tasks (or with values entered) and their task completion and
    timeliness (+ entered values).

    Measured as of the end of the year (or today, within the current year): of the dated tasks a
    unit leads that were due by then, the share completed and the share completed on time.
    """
    as_of = min(dt.date(year, 12, 31), today or dt.date.today())
    state = ledger_state(
        task_queries.tasks_frame(session), task_queries.reports_frame(session), as_of, gap_months
    )
    orgs = task_queries.organisations(session)
    units = set(orgs.loc[orgs["kind"] == "unit", "name"])
    due = state[
        (state["deadline_kind"] == "date")
        & state["deadline"].map(lambda d: d is not None and d <= as_of)
    ]
    due = due.explode("lead").dropna(subset=["lead"])
    due = due[due["lead"].isin(units)]
    rows = []
    for unit, group in due.groupby("lead", sort=True):
        done = int(group["state"].isin(["on_time", "late"]).sum())
        rows.append((unit, "task_completion", _pct(done, len(group))))
        rows.append(
            (unit, "task_timeliness", _pct(int((group["state"] == "on_time").sum()), len(group)))
        )
    # Units are scored on the tasks with a deadline they lead; a unit with values entered for
    # the year is scored too (the 两江 measures have no deadlines, so only entries score them).
    dated = state[state["deadline_kind"] == "date"].explode("lead").dropna(subset=["lead"])
    inds = eval_queries.indicators(session, "unit")
    entered = eval_queries.entries(session, year, list(inds["code"]))
    subjects = sorted((set(dated["lead"]) | set(entered["subject"])) & units)
    return subjects, _with_entries(
        session, pd.DataFrame(rows, columns=VALUES), year, "unit", subjects
    )


def _with_entries(
    session: Session, measured: pd.DataFrame, year: int, kind: str, subjects: list[str]
) -> pd.DataFrame:
    inds = eval_queries.indicators(session, kind)
    entered_codes = list(inds.loc[inds["source"] == "entered", "code"])
    entered = eval_queries.entries(session, year, entered_codes)
    entered = entered[entered["subject"].isin(subjects)]
    frames = [f for f in (measured, entered) if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=VALUES)
