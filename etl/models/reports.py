"""Enterprises, upload batches, data events, the load lock, and versioned reports with their lines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from etl.models.base import Base, BigId, DecimalText, Money, utcnow


class Enterprise(Base):
    """A reporting enterprise, keyed by its 统一社会信用代码."""

    __tablename__ = "enterprise"
    uscc: Mapped[str] = mapped_column(sa.String(18), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    region_code: Mapped[str] = mapped_column(sa.ForeignKey("region.code"), index=True)
    is_key: Mapped[bool] = mapped_column(default=False)  # 重点联系企业
    first_period: Mapped[int | None]
    last_period: Mapped[int | None]
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)


class EnterprisePrior(Base):
    """An enterprise's master data as it was before a batch changed it (restored on retraction)."""

    __tablename__ = "enterprise_prior"
    batch_id: Mapped[int] = mapped_column(sa.ForeignKey("upload_batch.id"), primary_key=True)
    uscc: Mapped[str] = mapped_column(sa.String(18), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    region_code: Mapped[str] = mapped_column(sa.String(20))
    first_period: Mapped[int | None]
    last_period: Mapped[int | None]


class UploadBatch(Base):
    """One uploaded file: its fingerprint, who loaded it, and what happened."""

    __tablename__ = "upload_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(sa.String(300))
    sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    # Equals sha256 while the batch is loaded, NULL otherwise: the unique constraint makes
    # "the same file loaded twice" impossible even for two processes racing.
    dedupe_key: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    size_bytes: Mapped[int] = mapped_column(sa.BigInteger)
    uploaded_by: Mapped[str] = mapped_column(sa.String(100))
    uploaded_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    status: Mapped[str] = mapped_column(
        sa.String(20)
    )  # loaded | rejected | retracted | busy | cancelled | failed
    row_count: Mapped[int] = mapped_column(default=0)
    error_count: Mapped[int] = mapped_column(default=0)
    warning_count: Mapped[int] = mapped_column(default=0)
    reports_new: Mapped[int] = mapped_column(default=0)
    reports_revised: Mapped[int] = mapped_column(default=0)
    reports_unchanged: Mapped[int] = mapped_column(default=0)
    total_usd_cents: Mapped[int] = mapped_column(Money, default=0)
    retracted_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    retracted_by: Mapped[str | None] = mapped_column(sa.String(100))
    retract_reason: Mapped[str | None] = mapped_column(sa.String(500))


class DataEvent(Base):
    """An ordered change to the data (a load or a retraction); vintages are read 'as of' one."""

    __tablename__ = "data_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20))  # load | retract
    batch_id: Mapped[int] = mapped_column(sa.ForeignKey("upload_batch.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(sa.String(100))
    note: Mapped[str | None] = mapped_column(sa.String(500))


class LoadLock(Base):
    """A single row every load updates first: loads serialize on it in SQLite and PostgreSQL."""

    __tablename__ = "load_lock"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    holder: Mapped[str | None] = mapped_column(sa.String(100))
    at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))


# ---------------------------------------------------------------- reports and revisions


class Report(Base):
    """Enterprise × period; points at exactly one current version (or none once withdrawn)."""

    __tablename__ = "report"
    __table_args__ = (sa.UniqueConstraint("uscc", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uscc: Mapped[str] = mapped_column(sa.ForeignKey("enterprise.uscc"))
    period: Mapped[int] = mapped_column(index=True)
    current_version_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("report_version.id", use_alter=True, name="fk_report_current_version")
    )


class ReportVersion(Base):
    """One accepted version of a report, with the batch that brought it."""

    __tablename__ = "report_version"
    __table_args__ = (sa.UniqueConstraint("report_id", "version_no"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(sa.ForeignKey("report.id"), index=True)
    version_no: Mapped[int]
    batch_id: Mapped[int] = mapped_column(sa.ForeignKey("upload_batch.id"), index=True)
    status: Mapped[str] = mapped_column(sa.String(20))  # current | superseded | withdrawn
    region_code: Mapped[str] = mapped_column(sa.ForeignKey("region.code"))
    enterprise_name: Mapped[str] = mapped_column(sa.String(200))
    line_count: Mapped[int]
    total_usd_cents: Mapped[int] = mapped_column(Money)
    # Fingerprint of the version's lines: a re-sent identical report is not a revision.
    content_sha256: Mapped[str] = mapped_column(sa.String(64))
    # When the report was received, if before its batch's upload (loads of historical data);
    # empty for a normal upload: then it is the batch's uploaded_at.
    received_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))


class ReportVersionSpan(Base):
    """An interval of data events during which a version was current (for 'as of' vintages)."""

    __tablename__ = "report_version_span"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("report_version.id"), index=True)
    from_event_id: Mapped[int] = mapped_column(sa.ForeignKey("data_event.id"))
    to_event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("data_event.id"))


class ReportLine(Base):
    """One line of a report version: direction × category × mode × partner, exact amounts."""

    __tablename__ = "report_line"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("report_version.id"), index=True)
    direction: Mapped[str] = mapped_column(sa.String(1))  # X = 出口, M = 进口
    category_code: Mapped[str] = mapped_column(sa.ForeignKey("service_category.code"))
    mode: Mapped[int] = mapped_column(sa.ForeignKey("supply_mode.code"))
    partner_code: Mapped[str] = mapped_column(sa.ForeignKey("partner.code"))
    currency: Mapped[str] = mapped_column(sa.String(3))
    unit: Mapped[str] = mapped_column(sa.String(10))
    amount_reported: Mapped[str] = mapped_column(sa.String(40))  # exactly as written
    amount_orig_minor: Mapped[int] = mapped_column(Money)  # original currency, cents/fen
    amount_usd_cents: Mapped[int] = mapped_column(Money)
    amount_cny_fen: Mapped[int] = mapped_column(Money)
    fx_rate: Mapped[Decimal] = mapped_column(DecimalText())
    source_row: Mapped[int]
