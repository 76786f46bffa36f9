"""The archived monthly snapshots (月报): the list, and the original of a month."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m


def snapshot_records(session: Session, snapshot_id: int | None = None) -> list[m.Snapshot]:
    """Archived snapshots, newest first (or the one with the given id)."""
    stmt = sa.select(m.Snapshot).order_by(m.Snapshot.month.desc(), m.Snapshot.id.desc())
    if snapshot_id is not None:
        stmt = stmt.where(m.Snapshot.id == snapshot_id)
    return list(session.scalars(stmt))


def original_snapshot(
    session: Session, month: int, region_code: str, internal: bool
) -> m.Snapshot | None:
    """The first (unrevised) archived snapshot of a month, scope and variant."""
    s = m.Snapshot
    return session.scalar(
        sa.select(s)
        .where(
            s.month == month,
            s.region_code == region_code,
            s.internal == internal,
            s.revised_from_id.is_(None),
        )
        .order_by(s.id)
        .limit(1)
    )
