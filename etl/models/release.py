"""Releases (数据发布): a statistician's release of a month for a reporting scope, and the released
copies of the aggregate rows that roles without enterprise-level rights read.

pub_* mirror agg_* (same keys, same measures, same clustering) for the months and scopes that are
released: a release replaces the scope's rows of its month with the agg_* rows of that moment, so
a leader's read is the same SQL against a table that changes only at the next release.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from etl.models.aggregates import CLUSTERED, _Amounts, _CellMeasures  # the agg_* measures
from etl.models.base import Base, Money, utcnow

RELEASE_STATUSES = ("preliminary", "final")  # 初步 | 最终


class Release(Base):
    """One release of a month for a scope; a re-release of the month is a revision (修订)."""

    __tablename__ = "data_release"
    __table_args__ = (sa.Index("ix_data_release_scope_period", "scope_code", "period", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    scope_code: Mapped[str] = mapped_column(sa.String(20))  # 120000 | 500000-LJ
    period: Mapped[int]
    revision: Mapped[int] = mapped_column(default=0)  # 0: first release; n: the n-th revision
    current: Mapped[bool] = mapped_column(default=True)  # the release leaders read for the month
    released_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    released_by: Mapped[str] = mapped_column(sa.String(64))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[str] = mapped_column(sa.String(20), default="preliminary")  # RELEASE_STATUSES
    final_at: Mapped[dt.datetime | None] = mapped_column(sa.DateTime(timezone=True))
    final_by: Mapped[str | None] = mapped_column(sa.String(64))
    data_event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("data_event.id"))
    total_usd_cents: Mapped[int] = mapped_column(Money, default=0)  # BOP exports + imports
    coverage_share: Mapped[str | None] = mapped_column(sa.String(20))  # reported / expected
    coverage_overridden: Mapped[bool] = mapped_column(default=False)
    checklist: Mapped[str] = mapped_column(sa.Text, default="{}")  # JSON: what was shown


class _Key:
    """Which release the row came from."""

    release_id: Mapped[int] = mapped_column(sa.ForeignKey("data_release.id"), index=True)


class PubCell(_CellMeasures, _Key, Base):
    """Released agg_cell rows."""

    __tablename__ = "pub_cell"
    __table_args__ = CLUSTERED
    period: Mapped[int] = mapped_column(primary_key=True)
    region_code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    category_code: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    mode: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    direction: Mapped[str] = mapped_column(sa.String(1), primary_key=True)


class PubCategory(_CellMeasures, _Key, Base):
    """Released agg_category rows."""

    __tablename__ = "pub_category"
    __table_args__ = CLUSTERED
    period: Mapped[int] = mapped_column(primary_key=True)
    category_code: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    region_code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    mode: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    direction: Mapped[str] = mapped_column(sa.String(1), primary_key=True)


class PubPartner(_CellMeasures, _Key, Base):
    """Released agg_partner rows."""

    __tablename__ = "pub_partner"
    __table_args__ = CLUSTERED
    period: Mapped[int] = mapped_column(primary_key=True)
    partner_code: Mapped[str] = mapped_column(sa.String(2), primary_key=True)
    region_code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    mode: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    direction: Mapped[str] = mapped_column(sa.String(1), primary_key=True)


class PubPartnerCategory(_Amounts, _Key, Base):
    """Released agg_partner_category rows."""

    __tablename__ = "pub_partner_category"
    __table_args__ = (
        sa.Index("ix_pub_partner_category_partner", "partner_code", "period"),
        CLUSTERED,
    )
    category_code: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    period: Mapped[int] = mapped_column(primary_key=True)
    region_code: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    partner_code: Mapped[str] = mapped_column(sa.String(2), primary_key=True)
    mode: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    direction: Mapped[str] = mapped_column(sa.String(1), primary_key=True)


# agg table -> its released copy (etl.queries.figures swaps them for the released audience)
PUBLISHED = {
    "agg_cell": PubCell,
    "agg_category": PubCategory,
    "agg_partner": PubPartner,
    "agg_partner_category": PubPartnerCategory,
}


class DisclosureRun(Base):
    """A release's suppression pattern was computed (etl.disclosure): when, over how many cells."""

    __tablename__ = "disclosure_run"
    release_id: Mapped[int] = mapped_column(sa.ForeignKey("data_release.id"), primary_key=True)
    computed_at: Mapped[dt.datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    cells: Mapped[int] = mapped_column(default=0)  # nonzero cells of both windows
    primary: Mapped[int] = mapped_column(default=0)
    secondary: Mapped[int] = mapped_column(default=0)
    # The LP audit: None = not run (the year has more atoms than the setting allows);
    # True = no protected figure narrowed below the protection level; False = some still are.
    audited: Mapped[bool | None] = mapped_column()
    atoms: Mapped[int] = mapped_column(default=0)
    # The release-time audit (etl.disclosure.exact), run at every release: primary cells the
    # year's published cells still fix exactly (pinned) or bound too tightly (narrow, by the
    # shuttle algorithm) after its repair; 0 = none, None = not run.
    pinned: Mapped[int | None] = mapped_column()
    narrow: Mapped[int | None] = mapped_column()
    # Of the narrow: those the earlier months' published cells bound on their own (narrow even
    # with every figure of the month hidden; no repair of the month can help).
    inherent: Mapped[int | None] = mapped_column()
    # Whether its last audit was the attacker's LP over every primary cell (narrow: the LP's), or
    # the shuttle's bounds alone (the year too large for STM_DISCLOSURE_LP_CELLS, or no time).
    lp: Mapped[bool | None] = mapped_column()


class ProtectedCell(Base):
    """One suppressed ("C", 保密) cell of a release's pattern (etl.disclosure.catalogue keys)."""

    __tablename__ = "pub_protected"
    __table_args__ = (sa.Index("ix_pub_protected_period", "period", "region", "window"),)
    release_id: Mapped[int] = mapped_column(
        sa.ForeignKey("data_release.id"), primary_key=True, autoincrement=False
    )
    window: Mapped[str] = mapped_column(sa.String(1), primary_key=True)  # m | y
    period: Mapped[int] = mapped_column()
    region: Mapped[str] = mapped_column(sa.String(24), primary_key=True)
    category: Mapped[str] = mapped_column(sa.String(24), primary_key=True)
    mode: Mapped[str] = mapped_column(sa.String(4), primary_key=True)
    direction: Mapped[str] = mapped_column(sa.String(1), primary_key=True)
    partner: Mapped[str] = mapped_column(sa.String(24), primary_key=True)
    status: Mapped[str] = mapped_column(sa.String(10))  # primary | secondary
