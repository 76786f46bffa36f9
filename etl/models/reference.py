"""Reference data: categories and their groups, supply modes, regions, partners, FX rates, targets."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from etl.models.base import Base, DecimalText


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
    # the region whose policy names the group (its sub-regions follow it); None: every region
    region_code: Mapped[str | None] = mapped_column(sa.ForeignKey("region.code"))


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
