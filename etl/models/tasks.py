"""The pilot-task ledger: organisations, tasks and their units, progress reports and evidence."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from etl.models.base import Base, BigId, utcnow


class Organisation(Base):
    """A responsible unit or a group of units, named as in its document's city (seeds)."""

    __tablename__ = "organisation"
    name: Mapped[str] = mapped_column(sa.String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(10))  # unit | group
    documents: Mapped[str] = mapped_column(sa.String(100), default="")  # ；-joined
    aliases: Mapped[str] = mapped_column(sa.String(500), default="")  # ；-joined


class PilotTask(Base):
    """One task or measure of a policy document's annex; id is '<document>-<number>'."""

    __tablename__ = "pilot_task"
    __table_args__ = (sa.UniqueConstraint("document", "number", name="uq_pilot_task_doc_number"),)
    id: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    document: Mapped[str] = mapped_column(sa.String(30), index=True)
    area_no: Mapped[int | None]
    area: Mapped[str] = mapped_column(sa.String(200), default="")
    number: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text)
    measures: Mapped[str] = mapped_column(sa.Text, default="")
    deadline_text: Mapped[str] = mapped_column(sa.String(100), default="")
    deadline: Mapped[dt.date | None] = mapped_column(sa.Date)
    deadline_kind: Mapped[str] = mapped_column(sa.String(10))  # date | ongoing | none


class PilotTaskUnit(Base):
    """A unit named on a task: lead (牵头) or cooperating (配合 / 责任), in the document's order."""

    __tablename__ = "pilot_task_unit"
    task_id: Mapped[str] = mapped_column(sa.ForeignKey("pilot_task.id"), primary_key=True)
    organisation: Mapped[str] = mapped_column(
        sa.ForeignKey("organisation.name"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(sa.String(12))  # lead | cooperating
    position: Mapped[int]


class UserOrganisation(Base):
    """The organisations a responsible-unit account reports for."""

    __tablename__ = "user_organisation"
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id"), primary_key=True)
    organisation: Mapped[str] = mapped_column(sa.ForeignKey("organisation.name"), primary_key=True)


class TaskReport(Base):
    """A unit's progress report on a task for a month, and its review."""

    __tablename__ = "task_report"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    task_id: Mapped[str] = mapped_column(sa.ForeignKey("pilot_task.id"), index=True)
    period: Mapped[int]  # YYYYMM
    status: Mapped[str] = mapped_column(sa.String(12))  # 未启动 推进中 已完成 持续推进 滞后
    progress: Mapped[str] = mapped_column(sa.Text, default="")
    figures: Mapped[str] = mapped_column(sa.Text, default="")  # JSON {name: integer}
    organisation: Mapped[str | None] = mapped_column(sa.ForeignKey("organisation.name"))
    reported_by: Mapped[str] = mapped_column(sa.String(64))
    reported_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    review_state: Mapped[str] = mapped_column(sa.String(12), default="submitted")
    reviewed_by: Mapped[str | None] = mapped_column(sa.String(64))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    review_comment: Mapped[str] = mapped_column(sa.Text, default="")


class TaskEvidence(Base):
    """A file attached to a report (policy issued, project signed), kept under <instance>/evidence."""

    __tablename__ = "task_evidence"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    report_id: Mapped[int] = mapped_column(sa.ForeignKey("task_report.id"), index=True)
    filename: Mapped[str] = mapped_column(sa.String(255))  # as uploaded
    stored_name: Mapped[str] = mapped_column(sa.String(100))  # relative to <instance>/evidence
    file_type: Mapped[str] = mapped_column(sa.String(8))  # pdf docx xlsx jpg png
    size_bytes: Mapped[int] = mapped_column(sa.BigInteger)
    sha256: Mapped[str] = mapped_column(sa.String(64))
    uploaded_by: Mapped[str] = mapped_column(sa.String(64))
    uploaded_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
