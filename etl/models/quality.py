"""Models of the data-quality flags: one flag per report × rule, and the notes on it (history)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from etl.models.base import Base, utcnow

FLAG_STATUSES = ("open", "checked", "explained")  # 待查 | 已核实 | 已说明
CLEARED = "cleared"  # 已消除: how lists name a flag whose rule no longer fires (cleared_at set)


class QualityFlag(Base):
    """A rule that fired on a report; kept (cleared_at set) when it stops firing, with its notes."""

    __tablename__ = "quality_flag"
    __table_args__ = (sa.UniqueConstraint("report_id", "rule"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(sa.ForeignKey("report.id"))  # unique key leads with it
    uscc: Mapped[str] = mapped_column(sa.String(18), index=True)  # the report's, for listing
    period: Mapped[int] = mapped_column(index=True)
    rule: Mapped[str] = mapped_column(sa.String(20))  # etl.quality.rules.RULES
    detail: Mapped[str] = mapped_column(sa.Text, default="{}")  # JSON: the numbers that fired
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("report_version.id"))  # judged version
    batch_id: Mapped[int | None] = mapped_column(sa.ForeignKey("upload_batch.id"))  # its trigger
    computed_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    status: Mapped[str] = mapped_column(sa.String(20), default="open")  # FLAG_STATUSES
    # Set when the rule no longer fires (a revision, a late month, a retraction); NULL again if
    # it fires again. The row stays so its notes are never lost.
    cleared_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))


class QualityFlagNote(Base):
    """One review step on a flag: who set which status when, and why. Never updated."""

    __tablename__ = "quality_flag_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    flag_id: Mapped[int] = mapped_column(sa.ForeignKey("quality_flag.id"), index=True)
    author: Mapped[str] = mapped_column(sa.String(64))
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    status: Mapped[str] = mapped_column(sa.String(20))
    note: Mapped[str] = mapped_column(sa.Text, default="")
