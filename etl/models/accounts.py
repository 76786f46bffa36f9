"""User accounts and the audit log."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from etl.models.base import Base, BigId, utcnow


class UserAccount(Base):
    """A person who signs in: role decides what they see; clerks are limited to their regions."""

    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(sa.String(64), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(100))
    password_hash: Mapped[str] = mapped_column(sa.String(300))
    role: Mapped[str] = mapped_column(sa.String(20))  # admin | statistician | leader | clerk
    regions: Mapped[str] = mapped_column(sa.String(500), default="")  # clerk: space-separated codes
    is_active: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    # Raised on logout and password change: a session cookie carries the version it was issued
    # under, so copies of older cookies stop working.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")
    # Delivery of the monthly briefing (月度简报): where to, and whether the person wants it.
    email: Mapped[str | None] = mapped_column(sa.String(254))
    subscribed: Mapped[bool] = mapped_column(default=False, server_default="0")


class LoginThrottle(Base):
    """Failed sign-ins per account and client address: the delay before the next try grows."""

    __tablename__ = "login_throttle"
    username: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    remote_addr: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failed_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))


class AuditEntry(Base):
    """Who did what and when: sign-ins, uploads, retractions, exports, account changes."""

    __tablename__ = "audit_log"
    # Reads by action (the newest reference change, on every remembered read; target history)
    # must not scan a log that grows with every sign-in and download.
    __table_args__ = (sa.Index("ix_audit_log_action", "action", "id"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, index=True)
    username: Mapped[str] = mapped_column(sa.String(64), index=True)
    action: Mapped[str] = mapped_column(sa.String(40))
    detail: Mapped[str] = mapped_column(sa.Text, default="")
    remote_addr: Mapped[str | None] = mapped_column(sa.String(64))
