"""Enterprises in a slice: how many reported each month, which ones, the largest."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.data_version import reads_released, remembered_until_next_load
from etl.filters import ReportFilter
from etl.queries.closures import apply_filter, category_closure, region_closure
from etl.queries.frames import AMOUNT, result_frame
from etl.queries.months import released_periods


def enterprises_reporting(session: Session, f: ReportFilter) -> pd.DataFrame:
    """Number of enterprises with a current report, per period (regions filter applies)."""
    regions = region_closure(session, f.regions)
    stmt = (
        sa.select(m.Report.period, sa.func.count(sa.distinct(m.Report.uscc)).label("enterprises"))
        .join(m.ReportVersion, m.ReportVersion.id == m.Report.current_version_id)
        .where(m.Report.period.between(f.period_from, f.period_to))
        .group_by(m.Report.period)
    )
    if regions is not None:
        stmt = stmt.where(m.ReportVersion.region_code.in_(regions))
    if reads_released(session):
        stmt = stmt.where(m.Report.period.in_(released_periods(session)))
    return pd.DataFrame(session.execute(stmt).all(), columns=["period", "enterprises"])


def top_enterprises(session: Session, f: ReportFilter, n: int = 10) -> pd.DataFrame:
    """Largest enterprises in the slice (enterprise-level detail: callers must check the role)."""
    regions = region_closure(session, f.regions)
    cats = category_closure(session, f.categories)
    t = m.AggEnterpriseMonth
    value = t.usd_cents if f.currency == "USD" else t.cny_fen
    stmt = (
        sa.select(t.uscc, m.Enterprise.name, sa.func.sum(value).label(AMOUNT))
        .join(m.Enterprise, m.Enterprise.uscc == t.uscc)
        .group_by(t.uscc, m.Enterprise.name)
        .order_by(sa.func.sum(value).desc())
        .limit(n)
    )
    stmt = apply_filter(stmt, t, f, regions, None if cats is None else cats[0])
    return result_frame(session, stmt, ["uscc", "name"])


@remembered_until_next_load
def reporting_enterprises(session: Session, f: ReportFilter) -> pd.DataFrame:
    """Distinct (region_code, uscc) pairs with a current report in the periods (regions apply)."""
    ver = m.ReportVersion
    stmt = (
        sa.select(ver.region_code, m.Report.uscc)
        .distinct()
        .join(ver, ver.id == m.Report.current_version_id)
        .where(m.Report.period.between(f.period_from, f.period_to))
    )
    regions = region_closure(session, f.regions)
    if regions is not None:
        stmt = stmt.where(ver.region_code.in_(regions))
    if reads_released(session):
        stmt = stmt.where(m.Report.period.in_(released_periods(session)))
    return pd.DataFrame(session.execute(stmt).all(), columns=["region_code", "uscc"])
