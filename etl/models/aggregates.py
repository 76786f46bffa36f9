"""Pre-aggregated tables, maintained inside every load and retraction (etl.intake.aggregate_tables).

Each answers a family of dashboard reads at a size bounded by codes × regions × months, not by
the number of enterprises: agg_cell (main categories), agg_category (categories as reported,
sub-items apart), agg_partner (partners), agg_partner_category (partner × category).
agg_enterprise_month is the enterprise-level source the cell tables are ranked from (contributors,
two largest contributions).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from etl.models.base import Base, Money

# SQLite: store the rows in primary-key order (a period range is one sequential read, not an
# index walk plus a table lookup per row). PostgreSQL ignores the option.
CLUSTERED = {"sqlite_with_rowid": False}


class AggEnterpriseMonth(Base):
    """Per enterprise, period and reported category: the report collapsed over partners."""

    __tablename__ = "agg_enterprise_month"
    period: Mapped[int] = mapped_column(primary_key=True)
    region_code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    uscc: Mapped[str] = mapped_column(sa.String(18), primary_key=True)
    category_code: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    mode: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    direction: Mapped[str] = mapped_column(sa.String(1), primary_key=True)
    usd_cents: Mapped[int] = mapped_column(Money)
    cny_fen: Mapped[int] = mapped_column(Money)


class _Amounts:
    """Exact amounts in both currencies."""

    usd_cents: Mapped[int] = mapped_column(Money)
    cny_fen: Mapped[int] = mapped_column(Money)


class _CellMeasures:
    """Amounts and what disclosure control needs: contributors and the two largest contributions."""

    usd_cents: Mapped[int] = mapped_column(Money)
    cny_fen: Mapped[int] = mapped_column(Money)
    n_enterprises: Mapped[int]
    top1_usd_cents: Mapped[int] = mapped_column(Money)
    top2_usd_cents: Mapped[int] = mapped_column(Money)


class AggCell(_CellMeasures, Base):
    """Month × region × main category × mode × direction, with disclosure-control inputs."""

    __tablename__ = "agg_cell"
    __table_args__ = CLUSTERED
    period: Mapped[int] = mapped_column(primary_key=True)
    region_code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    category_code: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    mode: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    direction: Mapped[str] = mapped_column(sa.String(1), primary_key=True)


class AggCategory(_CellMeasures, Base):
    """Month × region × category as reported (sub-items apart) × mode × direction."""

    __tablename__ = "agg_category"
    __table_args__ = CLUSTERED
    # Keyed period, category first: the sectors page groups by exactly these, in key order.
    period: Mapped[int] = mapped_column(primary_key=True)
    category_code: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    region_code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    mode: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    direction: Mapped[str] = mapped_column(sa.String(1), primary_key=True)


class AggPartner(_CellMeasures, Base):
    """Month × region × partner × mode × direction, with disclosure-control inputs."""

    __tablename__ = "agg_partner"
    __table_args__ = CLUSTERED
    # Keyed period, partner first: the partners page groups by exactly these, in key order.
    period: Mapped[int] = mapped_column(primary_key=True)
    partner_code: Mapped[str] = mapped_column(sa.String(2), primary_key=True)
    region_code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    mode: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    direction: Mapped[str] = mapped_column(sa.String(1), primary_key=True)


class AggPartnerCategory(_Amounts, Base):
    """Category as reported × month × region × partner × mode × direction (amounts only).

    Keyed category first: its reads always pick a few categories (a partner page filtered to one
    category or group); reads picking partners go through the (partner, period) index.
    """

    __tablename__ = "agg_partner_category"
    __table_args__ = (
        sa.Index("ix_agg_partner_category_partner", "partner_code", "period"),
        CLUSTERED,
    )
    category_code: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    period: Mapped[int] = mapped_column(primary_key=True)
    region_code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    partner_code: Mapped[str] = mapped_column(sa.String(2), primary_key=True)
    mode: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    direction: Mapped[str] = mapped_column(sa.String(1), primary_key=True)
