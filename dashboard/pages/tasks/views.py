"""Pure: the 试点任务 grids' rows and columns, a task's facts and its report history, with words
for codes."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

import pandas as pd

from dashboard.i18n import t
from etl.periods import format_period

BEIJING = dt.timezone(dt.timedelta(hours=8))
DOCUMENTS = ("tianjin", "liangjiang", "liangjiang_policy")
STATUSES = ("not_started", "in_progress", "completed", "ongoing", "behind")
FIGURES = ("enterprises", "projects", "policies")


def document_name(document: str, lang: str) -> str:
    """The document in words."""
    return t(f"tasks.doc.{document}", lang) if document in DOCUMENTS else document


def status_name(status: str | None, lang: str) -> str:
    """A report status in words; 未报告 when there is none."""
    return t(f"tasks.status.{status}" if status in STATUSES else "tasks.status.none", lang)


def deadline_text(row, lang: str) -> str:
    """The deadline as written in the document; a word for ongoing or none."""
    if row["deadline_text"]:
        return (
            row["deadline_text"]
            if lang == "zh" or row["deadline"] is None
            else (row["deadline"].isoformat())
        )
    return t(f"tasks.deadline.{'ongoing' if row['deadline_kind'] == 'ongoing' else 'none'}", lang)


def task_link(task_id: str, number: int, lang: str) -> str:
    """A markdown link to the task's page."""
    return f"[{number}](/tasks?task={quote(task_id)}&lang={lang})"


def task_rows(state: pd.DataFrame, lang: str, gap: int) -> list[dict]:
    """Grid rows: one per task, names instead of codes."""
    rows = []
    for _, r in state.iterrows():
        state_name = t(f"tasks.state.{r['state']}", lang)
        if r["silent"] and r["state"] not in ("on_time", "late"):
            state_name += f"；{t('tasks.state.silent', lang, n=gap)}"
        rows.append(
            {
                "id": r["id"],
                "number": task_link(r["id"], int(r["number"]), lang),
                "sort_key": f"{r['document']}-{int(r['number']):03d}",
                "document": document_name(r["document"], lang),
                "area": r["area"],
                "text": r["text"],
                "deadline": deadline_text(r, lang),
                "deadline_date": r["deadline"].isoformat() if r["deadline"] else "",
                "lead": "、".join(r["lead"]),
                "cooperating": "、".join(r["cooperating"]),
                "status": status_name(r["status"], lang),
                "last_period": format_period(int(r["last_period"])) if r["last_period"] else "",
                "state": state_name,
                "state_code": r["state"],
                "days_overdue": int(r["days_overdue"]) or None,
            }
        )
    return rows


def column_defs(lang: str) -> list[dict]:
    """Columns of the ledger grid, each with a filter."""

    def col(field: str, **extra) -> dict:
        return {"field": field, "headerName": t(f"tasks.col.{field}", lang), **extra}

    wrap = {"wrapText": True, "autoHeight": True}
    return [
        col("number", width=80, cellRenderer="markdown", comparator=None, filter=False),
        col("document", width=150, **wrap),
        col("area", width=150, **wrap),
        col("text", flex=1, minWidth=280, **wrap),
        col("deadline", width=120),
        col("lead", width=170, **wrap),
        col("cooperating", width=170, **wrap),
        col("status", width=100),
        col(
            "state",
            width=150,
            **wrap,
            cellClassRules={"stm-cell-overdue": "params.data.state_code == 'overdue'"},
        ),
        col("days_overdue", width=100, filter="agNumberColumnFilter"),
    ]


def figures_text(figures: dict, lang: str) -> str:
    """'落地项目（个） 2；…' for a report's figures."""
    return "；".join(f"{t(f'tasks.figure.{k}', lang)} {v}" for k, v in figures.items())


def history_rows(reports: pd.DataFrame, evidence: list[dict], lang: str) -> list[dict]:
    """A task's reports, newest first, with their evidence files as links."""
    files: dict[int, list[str]] = {}
    for e in evidence:
        size = f"{e['size_bytes'] / 1024:.0f} KB"
        files.setdefault(e["report_id"], []).append(
            f"[{e['filename']}](/tasks/evidence/{e['id']}) ({size})"
        )
    rows = []
    for _, r in reports.iloc[::-1].iterrows():
        review = t(f"tasks.review.{r['review_state']}", lang)
        if r["reviewed_by"]:
            review += f"（{r['reviewed_by']}）"
        if r["review_comment"]:
            review += f"：{r['review_comment']}"
        rows.append(
            {
                "id": int(r["id"]),
                "period": format_period(int(r["period"])),
                "status": status_name(r["status"], lang),
                "progress": r["progress"],
                "figures": figures_text(r["figures"], lang),
                "organisation": r["organisation"] or "",
                "reported": f"{r['reported_by']} · {_local(r['reported_at'])}",
                "review": review,
                "review_state": r["review_state"],
                "evidence": "；".join(files.get(int(r["id"]), [])),
            }
        )
    return rows


def history_columns(lang: str) -> list[dict]:
    """Columns of a task's report history."""
    wrap = {"wrapText": True, "autoHeight": True}
    spec = [
        ("period", {"width": 100}),
        ("status", {"width": 100}),
        ("progress", {"flex": 1, "minWidth": 220, **wrap}),
        ("figures", {"width": 150, **wrap}),
        ("organisation", {"width": 140, **wrap}),
        ("reported", {"width": 170, **wrap}),
        ("review", {"width": 190, **wrap}),
        (
            "evidence",
            {
                "width": 220,
                "cellRenderer": "markdown",
                "cellRendererParams": {"linkTarget": "_blank"},
                **wrap,
            },
        ),
    ]
    return [{"field": k, "headerName": t(f"tasks.hcol.{k}", lang), **extra} for k, extra in spec]


def pending_options(reports: pd.DataFrame, lang: str) -> list[dict]:
    """Reports awaiting review, as choices."""
    pending = reports[reports["review_state"] == "submitted"].iloc[::-1]
    return [
        {
            "label": f"{format_period(int(r['period']))} · {status_name(r['status'], lang)} · "
            f"{r['organisation'] or r['reported_by']}",
            "value": int(r["id"]),
        }
        for _, r in pending.iterrows()
    ]


def _local(value) -> str:
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
