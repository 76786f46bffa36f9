"""Progress reports on pilot tasks: submit (with evidence files), confirm or return; all audited.

Who may do what is checked here, against the stored task, not only on the page: a responsible
unit reports on tasks its organisations lead or cooperate on (`etl.accounts.may_report`);
statisticians and the conference office (admin) review. Evidence files are kept under
<instance>/evidence/<report id>/ with a random name; the table keeps the name as uploaded.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.accounts import Principal, audit, may_report
from etl.periods import format_period, parse_period
from etl.tasks.evidence import check_evidence

STATUSES = ("not_started", "in_progress", "completed", "ongoing", "behind")
STATUS_ZH = {
    "not_started": "未启动",
    "in_progress": "推进中",
    "completed": "已完成",
    "ongoing": "持续推进",
    "behind": "滞后",
}
SUBMITTED, CONFIRMED, RETURNED = "submitted", "confirmed", "returned"
# Figures a report may carry where the task has one (counts, e.g. 招商引资 enterprises attracted).
FIGURES = ("enterprises", "projects", "policies")
EVIDENCE_DIR = "evidence"


class TaskError(ValueError):
    """A report or review that cannot be stored; `reason` names what is wrong."""

    def __init__(self, reason: str, **detail) -> None:
        super().__init__(f"{reason} {detail}" if detail else reason)
        self.reason, self.detail = reason, detail


class TaskForbidden(TaskError):
    """The person may not do this on this task (another unit's task, or not a reviewer)."""


def status_code(text: str) -> str:
    """A status as stored from its code or its Chinese name ('已完成' -> 'completed')."""
    value = (text or "").strip()
    by_zh = {zh: code for code, zh in STATUS_ZH.items()}
    if value in STATUSES:
        return value
    if value in by_zh:
        return by_zh[value]
    raise TaskError("status", value=value)


def task_units(session: Session, task_id: str) -> dict[str, list[str]]:
    """{'lead': [...], 'cooperating': [...]} of a task; TaskError when there is no such task."""
    if session.get(m.PilotTask, task_id) is None:
        raise TaskError("unknown_task", task=task_id)
    rows = session.execute(
        sa.select(m.PilotTaskUnit.organisation, m.PilotTaskUnit.role)
        .where(m.PilotTaskUnit.task_id == task_id)
        .order_by(m.PilotTaskUnit.position)
    )
    out: dict[str, list[str]] = {"lead": [], "cooperating": []}
    for name, role in rows:
        out[role].append(name)
    return out


def check_may_report(session: Session, principal: Principal, task_id: str) -> list[str]:
    """The person's organisations named on the task; TaskForbidden when there are none."""
    units = task_units(session, task_id)
    named = units["lead"] + units["cooperating"]
    if not may_report(principal, named):
        raise TaskForbidden("not_your_task", task=task_id)
    return [n for n in named if n in principal.organisations]


def _figures(figures: dict | None) -> dict[str, int]:
    out = {}
    for key, value in (figures or {}).items():
        if value in (None, ""):
            continue
        if key not in FIGURES:
            raise TaskError("figure", name=key)
        try:
            number = int(str(value).strip())
        except ValueError:
            raise TaskError("figure_value", name=key, value=value) from None
        if number < 0:
            raise TaskError("figure_value", name=key, value=value)
        out[key] = number
    return out


def submit_report(
    session: Session,
    principal: Principal,
    task_id: str,
    period: object,
    status: str,
    progress: str,
    figures: dict | None = None,
    files: list[tuple[str, bytes]] = (),
    instance_path: Path | None = None,
    max_bytes: int = 20 * 1024 * 1024,
    ip: str | None = None,
) -> int:
    """Store a unit's report for a task and month, with its evidence files; returns its id."""
    ours = check_may_report(session, principal, task_id)
    month = parse_period(period)
    if month is None:
        raise TaskError("period", value=period)
    code = status_code(status)
    text = (progress or "").strip()
    if not text:
        raise TaskError("progress")
    numbers = _figures(figures)
    checked = [(name, content, check_evidence(name, content, max_bytes)) for name, content in files]
    if checked and instance_path is None:
        raise TaskError("no_evidence_store")
    report = m.TaskReport(
        task_id=task_id,
        period=month,
        status=code,
        progress=text,
        figures=json.dumps(numbers, ensure_ascii=False) if numbers else "",
        organisation=ours[0],
        reported_by=principal.username,
        review_state=SUBMITTED,
        review_comment="",
    )
    session.add(report)
    session.flush()
    stored = [
        _store_evidence(session, report.id, name, content, kind, principal.username, instance_path)
        for name, content, kind in checked
    ]
    audit(
        session,
        principal.username,
        "task_report",
        {
            "report": report.id,
            "task": task_id,
            "period": format_period(month),
            "status": code,
            "organisation": ours[0],
            "figures": numbers,
            "evidence": stored,
        },
        ip,
    )
    return report.id


def _store_evidence(
    session: Session,
    report_id: int,
    filename: str,
    content: bytes,
    kind: str,
    actor: str,
    instance_path: Path,
) -> str:
    stored_name = f"{report_id}/{uuid.uuid4().hex}.{kind}"
    path = Path(instance_path) / EVIDENCE_DIR / stored_name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    session.add(
        m.TaskEvidence(
            report_id=report_id,
            filename=Path(filename).name[:255],
            stored_name=stored_name,
            file_type=kind,
            size_bytes=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            uploaded_by=actor,
        )
    )
    return Path(filename).name


def review_report(
    session: Session,
    principal: Principal,
    report_id: int,
    decision: str,
    comment: str = "",
    ip: str | None = None,
) -> m.TaskReport:
    """Confirm a submitted report, or return it to the unit with a comment (required)."""
    if not principal.can("review_tasks"):
        raise TaskForbidden("not_reviewer")
    report = session.get(m.TaskReport, report_id)
    if report is None:
        raise TaskError("unknown_report", report=report_id)
    if decision not in (CONFIRMED, RETURNED):
        raise TaskError("decision", value=decision)
    text = (comment or "").strip()
    if decision == RETURNED and not text:
        raise TaskError("comment_needed")
    if report.review_state != SUBMITTED:
        raise TaskError("already_reviewed", state=report.review_state)
    before = report.review_state
    report.review_state, report.review_comment = decision, text
    report.reviewed_by, report.reviewed_at = principal.username, m.utcnow()
    audit(
        session,
        principal.username,
        "task_review",
        {
            "report": report.id,
            "task": report.task_id,
            "before": before,
            "after": decision,
            "comment": text,
        },
        ip,
    )
    return report


def evidence_path(instance_path: Path, evidence: m.TaskEvidence) -> Path:
    """Where an evidence file is kept."""
    return Path(instance_path) / EVIDENCE_DIR / evidence.stored_name
