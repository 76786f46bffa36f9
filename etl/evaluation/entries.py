"""Values entered per period for indicators with no data in the product (招商引资, 项目落地, 政策出台,
数据共享): stored, replaced and audited with their value before and after."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.accounts import audit


class EntryError(ValueError):
    """A value or rule that cannot be stored; `reason` names what is wrong (a catalogue key)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


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
        raise EntryError("not_entered", f"{indicator} is not an entered indicator")
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise EntryError("number", f"{value!r} is not a number") from None
    if number < 0 or not number.is_finite():
        raise EntryError("number", f"{value!r} must be zero or more")
    if not (1990 <= int(year) <= 2100):
        raise EntryError("year", f"{year} is not a year")
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


def update_indicator(
    session: Session,
    code: str,
    weight: object,
    zero_at: object,
    full_at: object,
    actor: str,
    ip: str | None = None,
) -> dict:
    """Change an indicator's weight and marks; returns {field: (before, after)}; audited."""
    ind = session.get(m.EvaluationIndicator, code)
    if ind is None:
        raise EntryError("unknown", f"no indicator {code}")
    try:
        new = {
            k: Decimal(str(v).strip())
            for k, v in (("weight", weight), ("zero_at", zero_at), ("full_at", full_at))
        }
    except (InvalidOperation, ValueError):
        raise EntryError("marks", "weight and marks must be numbers") from None
    if not all(v.is_finite() for v in new.values()):
        raise EntryError("marks", "weight and marks must be numbers")
    if not (0 < new["weight"] <= 100):
        raise EntryError("weight", "the weight must be more than 0 and at most 100")
    if new["full_at"] == new["zero_at"]:
        raise EntryError("marks", "the full mark must differ from the zero mark")
    changed = {k: (getattr(ind, k), v) for k, v in new.items() if getattr(ind, k) != v}
    if not changed:
        return {}
    for k, (_old, v) in changed.items():
        setattr(ind, k, v)
    audit(
        session,
        actor,
        "evaluation_indicator",
        {
            "code": code,
            "before": {k: str(old) for k, (old, _v) in changed.items()},
            "after": {k: str(v) for k, (_old, v) in changed.items()},
        },
        ip,
    )
    return changed
