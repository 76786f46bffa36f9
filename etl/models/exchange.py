"""Data exchange: API tokens, and external published totals for reconciliation (对比监测)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from etl.models.base import Base, BigId, Money, utcnow


class ApiToken(Base):
    """A bearer token bound to a user (and so a role); only its SHA-256 is stored."""

    __tablename__ = "api_token"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    prefix: Mapped[str] = mapped_column(sa.String(16))  # the first characters, to tell tokens apart
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(sa.String(64))
    expires_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    revoked_by: Mapped[str | None] = mapped_column(sa.String(64))
    last_used_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    note: Mapped[str] = mapped_column(sa.String(200), default="")
    # Requests in the current rate window (minute number since the epoch), counted in one UPDATE.
    rate_window: Mapped[int] = mapped_column(sa.BigInteger, default=0)
    rate_count: Mapped[int] = mapped_column(default=0)


class ExternalBatch(Base):
    """One loaded file of published totals (SAFE BOP, MOFCOM, the statistics bureau …)."""

    __tablename__ = "external_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(sa.String(300))
    sha256: Mapped[str] = mapped_column(sa.String(64), unique=True)
    loaded_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    loaded_by: Mapped[str] = mapped_column(sa.String(64))
    rows: Mapped[int]


class ExternalFigure(Base):
    """A published figure: source, area, window, 口径, direction, category, exact amount."""

    __tablename__ = "external_figure"
    __table_args__ = (
        sa.UniqueConstraint(
            "source",
            "area_code",
            "period_from",
            "period_to",
            "scope",
            "direction",
            "category_code",
            name="uq_external_figure_key",
        ),
        sa.Index("ix_external_figure_window", "period_to", "area_code"),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    batch_id: Mapped[int] = mapped_column(sa.ForeignKey("external_batch.id"), index=True)
    source: Mapped[str] = mapped_column(sa.String(20))  # SAFE_BOP | MOFCOM | CITY_STATS
    area_code: Mapped[str] = mapped_column(sa.String(20))  # a region code, CN (nation) or a name
    area_name: Mapped[str] = mapped_column(sa.String(100))
    period_from: Mapped[int]  # YYYYMM
    period_to: Mapped[int]  # YYYYMM, inclusive
    scope: Mapped[str] = mapped_column(sa.String(4))  # bop | full
    direction: Mapped[str] = mapped_column(sa.String(2))  # X | M | XM (exports + imports)
    category_code: Mapped[str] = mapped_column(sa.String(8), default="")  # "" = all services
    currency: Mapped[str] = mapped_column(sa.String(3))  # USD | CNY
    amount_text: Mapped[str] = mapped_column(sa.String(40))  # as published
    unit: Mapped[str] = mapped_column(sa.String(8))  # 亿美元 | 亿元 | 万美元
    amount_minor: Mapped[int] = mapped_column(Money)  # cents or fen, exact
    growth_text: Mapped[str] = mapped_column(
        sa.String(20), default=""
    )  # published 同比 %, as written
