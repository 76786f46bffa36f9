"""Typed SQLAlchemy models: reference data, enterprises, batches, versioned reports, aggregates.

Money is exact: every stored amount is an integer in the currency's minor unit (US cents, CNY fen);
the amount exactly as the enterprise wrote it is kept as text beside it. Periods are integers YYYYMM.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a real BIGINT.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Money = sa.BigInteger


class DecimalText(TypeDecorator):
    """A Decimal stored as its exact text, so SQLite never turns it into a binary float."""

    impl = sa.String(40)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


def utcnow() -> dt.datetime:
    """Timezone-aware now, for audit columns."""
    return dt.datetime.now(dt.timezone.utc)


class Base(DeclarativeBase):
    """Declarative base with a naming convention so Alembic names constraints the same everywhere."""

    metadata = sa.MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


# ---------------------------------------------------------------- reference data


class ServiceCategory(Base):
    """EBOPS 2010 service category (SA–SL) or one of its sub-items."""

    __tablename__ = "service_category"
    code: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    parent_code: Mapped[str | None] = mapped_column(sa.ForeignKey("service_category.code"))
    main_code: Mapped[str] = mapped_column(sa.String(8))  # the SA–SL ancestor (itself at level 1)
    level: Mapped[int]
    sort_order: Mapped[int]
    bpm6_item: Mapped[int | None]
    name_zh: Mapped[str] = mapped_column(sa.String(100))
    name_en: Mapped[str] = mapped_column(sa.String(200))


class CategoryGroup(Base):
    """A named set of categories (知识密集型, Tianjin pillars …), kept as data."""

    __tablename__ = "category_group"
    code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    name_zh: Mapped[str] = mapped_column(sa.String(100))
    name_en: Mapped[str] = mapped_column(sa.String(200))
    source: Mapped[str | None] = mapped_column(sa.String(300))


class CategoryGroupMember(Base):
    """Membership of a category in a group."""

    __tablename__ = "category_group_member"
    group_code: Mapped[str] = mapped_column(sa.ForeignKey("category_group.code"), primary_key=True)
    category_code: Mapped[str] = mapped_column(
        sa.ForeignKey("service_category.code"), primary_key=True
    )


class SupplyMode(Base):
    """GATS mode of supply; mode 3 (FATS sales) is not part of the BOP total."""

    __tablename__ = "supply_mode"
    code: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name_zh: Mapped[str] = mapped_column(sa.String(50))
    name_en: Mapped[str] = mapped_column(sa.String(100))
    short_zh: Mapped[str] = mapped_column(sa.String(20))
    short_en: Mapped[str] = mapped_column(sa.String(20))
    in_bop_total: Mapped[bool]
    measure_zh: Mapped[str] = mapped_column(sa.String(100))
    measure_en: Mapped[str] = mapped_column(sa.String(100))


class Region(Base):
    """Municipality, district, new area or functional zone."""

    __tablename__ = "region"
    code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    parent_code: Mapped[str | None] = mapped_column(sa.ForeignKey("region.code"))
    kind: Mapped[str] = mapped_column(sa.String(20))
    sort_order: Mapped[int]
    name_zh: Mapped[str] = mapped_column(sa.String(100))
    name_en: Mapped[str] = mapped_column(sa.String(200))
    uscc_area_codes: Mapped[str] = mapped_column(sa.String(200), default="")


class Partner(Base):
    """Partner economy (ISO 3166-1 alpha-2; ZZ = unspecified)."""

    __tablename__ = "partner"
    code: Mapped[str] = mapped_column(sa.String(2), primary_key=True)
    name_zh: Mapped[str] = mapped_column(sa.String(100))
    name_en: Mapped[str] = mapped_column(sa.String(200))


class PartnerGroup(Base):
    """A user-editable group of partner economies (一带一路, 东盟 …)."""

    __tablename__ = "partner_group"
    code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    name_zh: Mapped[str] = mapped_column(sa.String(100))
    name_en: Mapped[str] = mapped_column(sa.String(200))
    note: Mapped[str | None] = mapped_column(sa.String(300))


class PartnerGroupMember(Base):
    """Membership of a partner economy in a group."""

    __tablename__ = "partner_group_member"
    group_code: Mapped[str] = mapped_column(sa.ForeignKey("partner_group.code"), primary_key=True)
    partner_code: Mapped[str] = mapped_column(sa.ForeignKey("partner.code"), primary_key=True)


class FxRate(Base):
    """CNY per USD for a month (month 1–12) or a year's average (month 0)."""

    __tablename__ = "fx_rate"
    __table_args__ = (sa.UniqueConstraint("year", "month"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int]
    month: Mapped[int]
    cny_per_usd: Mapped[Decimal] = mapped_column(DecimalText())
    source: Mapped[str] = mapped_column(sa.String(300))


class Target(Base):
    """A policy target: region, measure, kind (growth/level/…), threshold and window."""

    __tablename__ = "target"
    code: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    region_code: Mapped[str] = mapped_column(sa.ForeignKey("region.code"))
    measure: Mapped[str] = mapped_column(sa.String(40))  # bop_total | exports | full | group:CODE
    kind: Mapped[str] = mapped_column(sa.String(30))  # growth_avg_annual | level | share_keep | …
    threshold: Mapped[Decimal] = mapped_column(DecimalText())
    window_start: Mapped[int]  # YYYYMM
    window_end: Mapped[int]  # YYYYMM, inclusive
    currency: Mapped[str] = mapped_column(sa.String(3), default="USD")
    name_zh: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(300))
    source: Mapped[str] = mapped_column(sa.String(300))


# ---------------------------------------------------------------- enterprises and batches


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
    status: Mapped[str] = mapped_column(sa.String(20))  # loaded | rejected | retracted
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


# ---------------------------------------------------------------- accounts and audit


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


# ---------------------------------------------------------------- snapshot archive


class Snapshot(Base):
    """An archived monthly snapshot: month, scope, vintage (data event), rule, files and lineage."""

    __tablename__ = "snapshot"
    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[int] = mapped_column(index=True)  # YYYYMM
    region_code: Mapped[str] = mapped_column(sa.ForeignKey("region.code"))
    vintage_event_id: Mapped[int] = mapped_column(sa.ForeignKey("data_event.id"))
    internal: Mapped[bool] = mapped_column(default=False)  # True: unsuppressed, statisticians only
    revised_from_id: Mapped[int | None] = mapped_column(sa.ForeignKey("snapshot.id"))
    changed_cells: Mapped[int | None]  # a revision: cells whose published value changed
    min_contributors: Mapped[int]  # the disclosure rule it was made with
    dominance_k: Mapped[Decimal] = mapped_column(DecimalText())
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(sa.String(100))
    # Paths relative to <instance>/snapshots; the hashes let the Exports page refuse altered files.
    xlsx_path: Mapped[str] = mapped_column(sa.String(500))
    xlsx_sha256: Mapped[str] = mapped_column(sa.String(64))
    html_path: Mapped[str] = mapped_column(sa.String(500))
    html_sha256: Mapped[str] = mapped_column(sa.String(64))
    pdf_path: Mapped[str | None] = mapped_column(sa.String(500))
    pdf_sha256: Mapped[str | None] = mapped_column(sa.String(64))
    cells_path: Mapped[str] = mapped_column(sa.String(500))  # published cells (JSON), for diffs
    cells_sha256: Mapped[str] = mapped_column(sa.String(64))


# ---------------------------------------------------------------- key-enterprise register (应统尽统)


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


# Tables kept in their own modules register on Base.metadata when imported (Alembic, create_all);
# the aggregates are re-exported because every reader knows them as etl.models.Agg….
from etl import models_quality  # noqa: E402,F401
from etl.models_aggregates import (  # noqa: E402,F401
    AggCategory,
    AggCell,
    AggEnterpriseMonth,
    AggPartner,
    AggPartnerCategory,
)
