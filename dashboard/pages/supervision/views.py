"""Pure: the 任务督查 tables (by area, by lead unit, overdue, reminders) with words for codes."""

from __future__ import annotations

import pandas as pd

from dashboard import i18n
from dashboard.i18n import t
from etl.periods import format_period

DOCUMENTS = ("tianjin", "liangjiang", "liangjiang_policy")
COUNTS = ("tasks", "completed", "on_time", "late", "overdue", "open")


def document_name(document: str, lang: str) -> str:
    """The document in words."""
    return t(f"tasks.doc.{document}", lang) if document in DOCUMENTS else document


def summary_rows(summary: pd.DataFrame, lang: str) -> list[dict]:
    """Rows of a by-area or by-lead table, with the completion rate."""
    rows = []
    for r in summary.to_dict("records"):
        row = {k: int(r[k]) for k in COUNTS}
        rate = r["completed"] / r["tasks"] if r["tasks"] else None
        row.update(
            document=document_name(r["document"], lang),
            group=r["group"] or "—",
            rate=i18n.fmt_pct(rate, signed=False) if rate is not None else "—",
        )
        rows.append(row)
    return rows


def summary_columns(kind: str, lang: str) -> list[dict]:
    """Columns of a summary table: document, area or lead unit, counts, rate."""
    cols = [
        {"field": "document", "headerName": t("sup.document", lang), "width": 160},
        {
            "field": "group",
            "headerName": t(f"sup.col.group_{kind}", lang),
            "flex": 1,
            "minWidth": 180,
            "wrapText": True,
            "autoHeight": True,
        },
    ]
    cols += [
        {"field": k, "headerName": t(f"sup.col.{k}", lang), "width": 96, "type": "numericColumn"}
        for k in COUNTS
    ]
    cols.append({"field": "rate", "headerName": t("sup.col.rate", lang), "width": 96})
    return cols


def overdue_rows(frame: pd.DataFrame, lang: str) -> list[dict]:
    """The overdue list: task, deadline, days overdue, lead units, latest status."""
    return [
        {
            "number": f"[{r['number']}](/tasks?task={r['id']}&lang={lang})",
            "document": document_name(r["document"], lang),
            "text": r["text"],
            "deadline": r["deadline_text"],
            "days_overdue": int(r["days_overdue"]),
            "lead": "、".join(r["lead"]),
            "status": t(
                f"tasks.status.{r['status']}" if r["status"] else "tasks.status.none", lang
            ),
            "last_period": format_period(int(r["last_period"])) if r["last_period"] else "",
        }
        for r in frame.to_dict("records")
    ]


def overdue_columns(lang: str) -> list[dict]:
    """Columns of the overdue list."""
    wrap = {"wrapText": True, "autoHeight": True}
    spec = [
        ("number", {"width": 80, "cellRenderer": "markdown"}),
        ("document", {"width": 150, **wrap}),
        ("text", {"flex": 1, "minWidth": 260, **wrap}),
        ("deadline", {"width": 120}),
        ("days_overdue", {"width": 100, "type": "numericColumn"}),
        ("lead", {"width": 200, **wrap}),
        ("status", {"width": 100}),
        ("last_period", {"width": 110}),
    ]
    return [{"field": k, "headerName": t(f"tasks.col.{k}", lang), **extra} for k, extra in spec]


def reminder_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The reminder list as a table with headers and words in the page's language."""
    table = pd.DataFrame(
        {
            t("sup.rcol.unit", lang): rows["unit"],
            t("sup.rcol.role", lang): [t(f"tasks.role.{r}", lang) for r in rows["role"]],
            t("tasks.col.document", lang): [document_name(d, lang) for d in rows["document"]],
            t("tasks.col.number", lang): rows["number"].astype(int),
            t("tasks.col.text", lang): rows["text"],
            t("tasks.col.deadline", lang): rows["deadline_text"],
            t("sup.rcol.reason", lang): [t(f"sup.reason.{r}", lang) for r in rows["reason"]],
            t("tasks.col.days_overdue", lang): rows["days_overdue"].astype(int),
            t("tasks.col.last_period", lang): [
                format_period(int(p)) if p else "" for p in rows["last_period"]
            ],
            t("tasks.col.status", lang): [
                t(f"tasks.status.{s}" if s else "tasks.status.none", lang) for s in rows["status"]
            ],
        }
    )
    return table
