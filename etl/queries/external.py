"""Reads of external published totals (对比监测 and benchmarking)."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m

COLUMNS = (
    "id",
    "source",
    "area_code",
    "area_name",
    "period_from",
    "period_to",
    "scope",
    "direction",
    "category_code",
    "currency",
    "amount_text",
    "unit",
    "amount_minor",
    "growth_text",
)


def published(session: Session, period_to_from: int, period_to_to: int) -> pd.DataFrame:
    """Published figures whose window ends within the months given, in a stable order."""
    t = m.ExternalFigure
    stmt = (
        sa.select(*(getattr(t, c) for c in COLUMNS))
        .where(t.period_to.between(period_to_from, period_to_to))
        .order_by(t.period_to, t.source, t.area_code, t.direction, t.category_code, t.period_from)
    )
    return pd.DataFrame(session.execute(stmt).all(), columns=list(COLUMNS))


def latest_published_period(session: Session, year: int | None = None) -> int | None:
    """The last month any published window ends in (within year, when given)."""
    t = m.ExternalFigure
    stmt = sa.select(sa.func.max(t.period_to))
    if year is not None:
        stmt = stmt.where(t.period_to.between(year * 100 + 1, year * 100 + 12))
    return session.scalar(stmt)


def external_batches(session: Session, limit: int = 20) -> pd.DataFrame:
    """The files of published totals loaded, newest first."""
    t = m.ExternalBatch
    stmt = (
        sa.select(t.id, t.file_name, t.loaded_at, t.loaded_by, t.rows)
        .order_by(t.id.desc())
        .limit(limit)
    )
    return pd.DataFrame(
        session.execute(stmt).all(), columns=["id", "file_name", "loaded_at", "loaded_by", "rows"]
    )
