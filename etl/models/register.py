"""The key-enterprise register (重点联系企业名录) and its change history."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from etl.models.base import Base, utcnow


class KeyEnterprise(Base):
    """A 重点联系企业 on a region's register for a span of months."""

    __tablename__ = "key_enterprise"
    __table_args__ = (sa.UniqueConstraint("uscc", "since"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uscc: Mapped[str] = mapped_column(sa.String(18), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    region_code: Mapped[str] = mapped_column(sa.ForeignKey("region.code"), index=True)
    sector: Mapped[str | None] = mapped_column(sa.ForeignKey("service_category.code"))
    contact_person: Mapped[str | None] = mapped_column(sa.String(50))
    contact_phone: Mapped[str | None] = mapped_column(sa.String(30))
    since: Mapped[int]  # YYYYMM, first month expected to report
    until: Mapped[int | None]  # YYYYMM, last month expected (None: open)


class RegisterChange(Base):
    """History of the register: who added, changed or removed whom, and when."""

    __tablename__ = "register_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(sa.String(64))
    action: Mapped[str] = mapped_column(sa.String(20))  # add | update | remove
    uscc: Mapped[str] = mapped_column(sa.String(18), index=True)
    detail: Mapped[str] = mapped_column(sa.Text, default="")
