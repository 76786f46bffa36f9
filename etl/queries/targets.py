"""The stored policy targets (目标监测)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m


def targets_in_regions(session: Session, regions: list[str]) -> list[m.Target]:
    """The stored targets of the given regions, by region and code."""
    stmt = (
        sa.select(m.Target)
        .where(m.Target.region_code.in_(sorted(regions)))
        .order_by(m.Target.region_code, m.Target.code)
    )
    return list(session.scalars(stmt))


def stored_targets(session: Session) -> list[m.Target]:
    """Every policy target, by region and code."""
    return list(session.scalars(sa.select(m.Target).order_by(m.Target.region_code, m.Target.code)))
