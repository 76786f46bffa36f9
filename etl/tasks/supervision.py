"""Pure: supervision (督查) of the ledger as of a date — each task's state, overdue and silent
tasks, the reminder list per unit, and the ledger at a glance by area and by lead unit.

A task's current status is its newest report (by month, then filing order) that was not returned.
States: `on_time` (completed by its deadline, or completed with no dated deadline), `late`
(completed after its deadline), `overdue` (dated deadline passed and not completed) and `open`
(not completed, deadline not passed, or ongoing: 持续推进 tasks are never overdue). A deadline
is met on its own day: a task is overdue from the day after.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pandas as pd

from etl.periods import add_months

STATES = ("on_time", "late", "overdue", "open")
COMPLETED = "completed"
RETURNED = "returned"


def period_end(period: int) -> dt.date:
    """The last day of a YYYYMM month."""
    year, month = divmod(int(period), 100)
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _period_of(day: dt.date) -> int:
    return day.year * 100 + day.month


def current_status(reports: pd.DataFrame) -> pd.DataFrame:
    """Per task: newest status, newest month reported, and when it was completed (or NaT-like None)."""
    columns = ["task_id", "status", "last_period", "completed_on", "review_state"]
    if reports.empty:
        return pd.DataFrame(columns=columns)
    kept = reports[reports["review_state"] != RETURNED].sort_values(["task_id", "period", "id"])
    rows = []
    for task_id, group in kept.groupby("task_id", sort=True):
        last = group.iloc[-1]
        done = group[group["status"] == COMPLETED]
        completed_on = period_end(done["period"].min()) if last["status"] == COMPLETED else None
        rows.append(
            (task_id, last["status"], int(last["period"]), completed_on, last["review_state"])
        )
    return pd.DataFrame(rows, columns=columns)


def task_state(
    deadline: dt.date | None, deadline_kind: str, status: str | None, completed_on, as_of: dt.date
) -> str:
    """One task's state as of a date (see the module docstring)."""
    dated = deadline_kind == "date" and deadline is not None
    if status == COMPLETED:
        return (
            "late" if dated and completed_on is not None and completed_on > deadline else "on_time"
        )
    if dated and deadline < as_of:
        return "overdue"
    return "open"


def ledger_state(
    tasks: pd.DataFrame, reports: pd.DataFrame, as_of: dt.date, gap_months: int = 3
) -> pd.DataFrame:
    """Every task with its status, state, days overdue and whether it has gone unreported.

    `silent`: not completed and no report (not returned) in the `gap_months` months up to the
    as-of month (a task never reported is silent too).
    """
    status = current_status(reports).set_index("task_id").to_dict("index")
    out = tasks.copy()
    for column in ("status", "last_period", "completed_on", "review_state"):
        # object columns: a task without reports has None, never NaN
        values = [status.get(i, {}).get(column) for i in out["id"]]
        out[column] = pd.Series(values, index=out.index, dtype=object)
    out["state"] = [
        task_state(d, k, s, c, as_of)
        for d, k, s, c in zip(
            out["deadline"], out["deadline_kind"], out["status"], out["completed_on"]
        )
    ]
    out["days_overdue"] = [
        (as_of - d).days if state == "overdue" else 0
        for d, state in zip(out["deadline"], out["state"])
    ]
    since = add_months(_period_of(as_of), -gap_months)
    out["silent"] = [
        s != COMPLETED and (p is None or int(p) <= since)
        for s, p in zip(out["status"], out["last_period"])
    ]
    return out


def overdue(state: pd.DataFrame) -> pd.DataFrame:
    """Overdue tasks, the longest overdue first."""
    rows = state[state["state"] == "overdue"]
    return rows.sort_values(["days_overdue", "document", "number"], ascending=[False, True, True])


def reminders(state: pd.DataFrame, units: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per unit and task needing a reminder (overdue, or no report lately).

    Lead and cooperating units both get the row (role says which); `units` limits the list.
    Reportable tasks only: a task that names no unit (两江 附件2 policies) reminds nobody.
    """
    columns = [
        "unit",
        "role",
        "id",
        "document",
        "number",
        "text",
        "deadline_text",
        "reason",
        "days_overdue",
        "last_period",
        "status",
    ]
    rows = []
    for task in state[(state["state"] == "overdue") | state["silent"]].itertuples(index=False):
        reason = "overdue" if task.state == "overdue" else "silent"
        for role, names in (("lead", task.lead), ("cooperating", task.cooperating)):
            for name in names:
                if units and name not in units:
                    continue
                rows.append(
                    (
                        name,
                        role,
                        task.id,
                        task.document,
                        task.number,
                        task.text,
                        task.deadline_text,
                        reason,
                        task.days_overdue,
                        task.last_period,
                        task.status,
                    )
                )
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["unit", "document", "number"], kind="stable").reset_index(drop=True)


def summary(state: pd.DataFrame, by: str) -> pd.DataFrame:
    """Counts per area (`by="area"`) or per lead unit (`by="lead"`): tasks, completed, each state.

    A task with several lead units counts once for each of them.
    """
    frame = state
    if by == "lead":
        frame = state.explode("lead").dropna(subset=["lead"]).rename(columns={"lead": "group"})
        keys = ["document", "group"]
    else:
        frame = state.assign(group=state["area"], area_no=state["area_no"].fillna(0).astype(int))
        keys = ["document", "area_no", "group"]
    counts = pd.crosstab([frame[k] for k in keys], frame["state"])
    counts = counts.reindex(columns=list(STATES), fill_value=0)
    counts.columns.name = None
    counts.insert(0, "tasks", counts.sum(axis=1))
    counts.insert(1, "completed", counts["on_time"] + counts["late"])
    out = counts.reset_index()
    if by == "area":
        out = out.sort_values(["document", "area_no"]).drop(columns="area_no")
    else:
        out = out.sort_values(["document", "tasks", "group"], ascending=[True, False, True])
    return out.reset_index(drop=True)
