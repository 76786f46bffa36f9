"""The monthly briefing (月度简报) archived with its release, and the mail outbox that delivers it."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from etl.models.base import Base, utcnow

OUTBOX_STATES = ("pending", "sent", "failed")  # failed: attempts exhausted


class Briefing(Base):
    """One briefing of a release in one language: its files (paths under <instance>/briefings)."""

    __tablename__ = "briefing"
    __table_args__ = (sa.UniqueConstraint("release_id", "lang"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    release_id: Mapped[int] = mapped_column(sa.ForeignKey("data_release.id"), index=True)
    scope_code: Mapped[str] = mapped_column(sa.String(20))
    period: Mapped[int]
    lang: Mapped[str] = mapped_column(sa.String(2))  # zh | en
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(sa.String(64))
    docx_path: Mapped[str] = mapped_column(sa.String(500))
    docx_sha256: Mapped[str] = mapped_column(sa.String(64))
    html_path: Mapped[str] = mapped_column(sa.String(500))
    html_sha256: Mapped[str] = mapped_column(sa.String(64))
    pdf_path: Mapped[str | None] = mapped_column(sa.String(500))  # None: no Chromium to print
    pdf_sha256: Mapped[str | None] = mapped_column(sa.String(64))
    text: Mapped[str] = mapped_column(sa.Text, default="{}")  # JSON: the sentences as written


class MailOutbox(Base):
    """A message to send; retried with growing delays until sent or out of attempts."""

    __tablename__ = "mail_outbox"
    __table_args__ = (sa.Index("ix_mail_outbox_due", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    briefing_id: Mapped[int | None] = mapped_column(sa.ForeignKey("briefing.id"), index=True)
    recipient: Mapped[str] = mapped_column(sa.String(254))
    username: Mapped[str | None] = mapped_column(sa.String(64))
    subject: Mapped[str] = mapped_column(sa.String(300))
    body: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.String(12), default="pending")  # OUTBOX_STATES
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    last_error: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
