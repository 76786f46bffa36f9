"""Values entered per period for indicators with no data in the product (招商引资, 项目落地, 政策出台,
数据共享): stored, replaced and audited with their value before and after."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.accounts import audit


class EntryError(ValueError):
    """An entered value that cannot be stored."""


def set_entry(
    session: Session,
    indicator: str,
    subject: str,
    year: int,
    value: object,
    actor: str,
    note: str = "",
    ip: str | None = None,
) -> None:
    """Store (or replace) the value of an entered indicator for a subject and year."""
    ind = session.get(m.EvaluationIndicator, indicator)
    if ind is None or ind.source != "entered":
        raise EntryError(f"{indicator} is not an entered indicator")
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise EntryError(f"{value!r} is not a number") from None
    if number < 0 or not number.is_finite():
        raise EntryError(f"{value!r} must be zero or more")
    if not (1990 <= int(year) <= 2100):
        raise EntryError(f"{year} is not a year")
    entry = session.scalar(
        sa.select(m.EvaluationEntry).where(
            m.EvaluationEntry.indicator == indicator,
            m.EvaluationEntry.subject == subject,
            m.EvaluationEntry.period == int(year),
        )
    )
    before = str(entry.value) if entry is not None else None
    if entry is None:
        entry = m.EvaluationEntry(indicator=indicator, subject=subject, period=int(year))
        session.add(entry)
    entry.value, entry.note, entry.entered_by = number, note or "", actor
    entry.entered_at = m.utcnow()
    audit(
        session,
        actor,
        "evaluation_entry",
        {
            "indicator": indicator,
            "subject": subject,
            "year": int(year),
            "before": before,
            "after": str(number),
        },
        ip,
    )
