"""Reads for the pilot-task ledger: tasks with their units, progress reports, one task's history."""

from __future__ import annotations

import json

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m

TASK_COLUMNS = [
    "id",
    "document",
    "area_no",
    "area",
    "number",
    "text",
    "measures",
    "deadline_text",
    "deadline",
    "deadline_kind",
    "lead",
    "cooperating",
]
REPORT_COLUMNS = [
    "id",
    "task_id",
    "period",
    "status",
    "progress",
    "figures",
    "organisation",
    "reported_by",
    "reported_at",
    "review_state",
    "reviewed_by",
    "reviewed_at",
    "review_comment",
]


def tasks_frame(session: Session, document: str | None = None) -> pd.DataFrame:
    """Every task (of one document), by document and number, with lead and cooperating lists."""
    t = m.PilotTask
    stmt = sa.select(*(getattr(t, c) for c in TASK_COLUMNS[:10])).order_by(t.document, t.number)
    if document:
        stmt = stmt.where(t.document == document)
    frame = pd.DataFrame(session.execute(stmt).all(), columns=TASK_COLUMNS[:10])
    units = session.execute(
        sa.select(
            m.PilotTaskUnit.task_id, m.PilotTaskUnit.organisation, m.PilotTaskUnit.role
        ).order_by(m.PilotTaskUnit.task_id, m.PilotTaskUnit.position)
    ).all()
    lead: dict[str, list[str]] = {}
    cooperating: dict[str, list[str]] = {}
    for task_id, name, role in units:
        (lead if role == "lead" else cooperating).setdefault(task_id, []).append(name)
    frame["lead"] = [lead.get(i, []) for i in frame["id"]]
    frame["cooperating"] = [cooperating.get(i, []) for i in frame["id"]]
    return frame


def reports_frame(session: Session, task_id: str | None = None) -> pd.DataFrame:
    """Progress reports (of one task), oldest first."""
    r = m.TaskReport
    stmt = sa.select(*(getattr(r, c) for c in REPORT_COLUMNS)).order_by(r.id)
    if task_id:
        stmt = stmt.where(r.task_id == task_id)
    frame = pd.DataFrame(session.execute(stmt).all(), columns=REPORT_COLUMNS)
    frame["figures"] = [json.loads(f) if f else {} for f in frame["figures"]]
    return frame


def evidence_of(session: Session, task_id: str) -> list[dict]:
    """The evidence files of a task's reports: id, report, name, type, size, who and when."""
    e = m.TaskEvidence
    stmt = (
        sa.select(
            e.id, e.report_id, e.filename, e.file_type, e.size_bytes, e.uploaded_by, e.uploaded_at
        )
        .join(m.TaskReport, m.TaskReport.id == e.report_id)
        .where(m.TaskReport.task_id == task_id)
        .order_by(e.id)
    )
    keys = ("id", "report_id", "filename", "file_type", "size_bytes", "uploaded_by", "uploaded_at")
    return [dict(zip(keys, row)) for row in session.execute(stmt)]


def evidence_file(session: Session, evidence_id: int) -> tuple[m.TaskEvidence, str] | None:
    """An evidence row and the task it belongs to, or None."""
    row = session.execute(
        sa.select(m.TaskEvidence, m.TaskReport.task_id)
        .join(m.TaskReport, m.TaskReport.id == m.TaskEvidence.report_id)
        .where(m.TaskEvidence.id == evidence_id)
    ).first()
    return (row[0], row[1]) if row else None


def organisations(session: Session) -> pd.DataFrame:
    """Every organisation: name, kind, documents."""
    o = m.Organisation
    rows = session.execute(sa.select(o.name, o.kind, o.documents).order_by(o.name)).all()
    return pd.DataFrame(rows, columns=["name", "kind", "documents"])
