"""Reads for the 绩效评价与考核 scorecard: indicators and the values entered per period."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m

INDICATOR_COLUMNS = [
    "code",
    "subject",
    "source",
    "weight",
    "zero_at",
    "full_at",
    "sort_order",
    "name_zh",
    "name_en",
    "unit_zh",
    "unit_en",
    "method_zh",
    "method_en",
]


def indicators(session: Session, subject: str | None = None) -> pd.DataFrame:
    """The indicators (of a subject kind: district or unit), in display order."""
    i = m.EvaluationIndicator
    stmt = sa.select(*(getattr(i, c) for c in INDICATOR_COLUMNS)).order_by(i.subject, i.sort_order)
    if subject:
        stmt = stmt.where(i.subject == subject)
    return pd.DataFrame(session.execute(stmt).all(), columns=INDICATOR_COLUMNS)


def entries(session: Session, year: int, codes: list[str]) -> pd.DataFrame:
    """Values entered for the indicators in a year: subject, indicator, value."""
    e = m.EvaluationEntry
    stmt = sa.select(e.subject, e.indicator, e.value).where(
        e.period == year, e.indicator.in_(codes)
    )
    return pd.DataFrame(session.execute(stmt).all(), columns=["subject", "indicator", "value"])
