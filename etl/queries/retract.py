"""What retracting a batch would change, read before the statistician confirms (#17)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from etl import models as m


@dataclass(frozen=True)
class BatchImpact:
    """The batch's current reports: how many go, how many fall back to an earlier version, the
    months they are in, and the US$ total (cents) before and after."""

    batch_id: int
    reports: int  # current versions the batch brought
    withdrawn: int  # reports that disappear (no earlier version)
    restored: int  # reports that fall back to their earlier version
    periods: tuple[int, ...]  # months touched, YYYYMM ascending
    total_before: int  # cents: the batch's versions
    total_after: int  # cents: the earlier versions that come back


def batch_impact(session: Session, batch_id: int) -> BatchImpact:
    """The impact of retract_batch(batch_id), computed the same way and changing nothing."""
    version, earlier = m.ReportVersion, aliased(m.ReportVersion)
    previous = (
        sa.select(earlier.total_usd_cents)
        .where(
            earlier.report_id == version.report_id,
            earlier.version_no < version.version_no,
            earlier.status == "superseded",
        )
        .order_by(earlier.version_no.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = session.execute(
        sa.select(m.Report.period, version.total_usd_cents, previous)
        .join(m.Report, m.Report.id == version.report_id)
        .where(version.batch_id == batch_id, version.status == "current")
    ).all()
    restored = [r for r in rows if r[2] is not None]
    return BatchImpact(
        batch_id=batch_id,
        reports=len(rows),
        withdrawn=len(rows) - len(restored),
        restored=len(restored),
        periods=tuple(sorted({int(r[0]) for r in rows})),
        total_before=sum(int(r[1] or 0) for r in rows),
        total_after=sum(int(r[2] or 0) for r in restored),
    )
