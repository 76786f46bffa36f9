"""Which months hold data: the loaded and the released range, the newest month."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.data_version import reads_released


def released_periods(session: Session, scope: str | None = None):
    """A subquery of the months with a current release (of one scope, when given)."""
    r = m.Release
    stmt = sa.select(r.period).where(r.current.is_(True))
    if scope is not None:
        stmt = stmt.where(r.scope_code == scope)
    return stmt


def released_range(session: Session, scope: str | None = None) -> tuple[int | None, int | None]:
    """The first and last released month (of one scope, when given); (None, None): none."""
    r = m.Release
    stmt = sa.select(sa.func.min(r.period), sa.func.max(r.period)).where(r.current.is_(True))
    if scope is not None:
        stmt = stmt.where(r.scope_code == scope)
    first, last = session.execute(stmt).one()
    return first, last


def period_range(session: Session) -> tuple[int | None, int | None]:
    """The first and last month with a current report (None, None when nothing is loaded);
    for a session of the released audience, the first and last released month."""
    if reads_released(session):
        return released_range(session)
    # Two statements, not min() and max() in one: alone, each is an index lookup in SQLite
    # (together they scan every report — hundreds of ms at national scale, on every page call).
    current = m.Report.current_version_id.is_not(None)
    first = session.scalar(sa.select(sa.func.min(m.Report.period)).where(current))
    last = session.scalar(sa.select(sa.func.max(m.Report.period)).where(current))
    return first, last


def latest_period(session: Session, year: int | None = None) -> int | None:
    """The newest month with a current report (within year, when given); released audience:
    the newest released month."""
    if reads_released(session):
        r = m.Release
        stmt = sa.select(sa.func.max(r.period)).where(r.current.is_(True))
        if year is not None:
            stmt = stmt.where(r.period.between(year * 100 + 1, year * 100 + 12))
        return session.scalar(stmt)
    stmt = sa.select(sa.func.max(m.Report.period)).where(m.Report.current_version_id.is_not(None))
    if year is not None:
        stmt = stmt.where(m.Report.period.between(year * 100 + 1, year * 100 + 12))
    return session.scalar(stmt)
