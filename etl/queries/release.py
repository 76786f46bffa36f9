"""Reads for releases (数据发布): the releases, and what the checklist compares before a release."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m

# The tables a release copies, agg_* -> pub_*; compared column by column to tell "nothing changed".
COMPARED = (m.AggCell, m.AggCategory, m.AggPartner, m.AggPartnerCategory)


def releases(
    session: Session, scope: str | None = None, period: int | None = None
) -> list[m.Release]:
    """Releases, newest month first and the newest release of a month first."""
    r = m.Release
    stmt = sa.select(r).order_by(r.period.desc(), r.id.desc())
    if scope is not None:
        stmt = stmt.where(r.scope_code == scope)
    if period is not None:
        stmt = stmt.where(r.period == period)
    return list(session.scalars(stmt))


def current_release(session: Session, scope: str, period: int) -> m.Release | None:
    """The release leaders read for a month of a scope (None: not released)."""
    r = m.Release
    return session.scalar(
        sa.select(r).where(r.scope_code == scope, r.period == period, r.current.is_(True))
    )


def released_months(session: Session, scope: str | None = None) -> list[int]:
    """Months with a current release (of one scope, when given), oldest first."""
    r = m.Release
    stmt = sa.select(r.period).distinct().where(r.current.is_(True)).order_by(r.period)
    if scope is not None:
        stmt = stmt.where(r.scope_code == scope)
    return list(session.scalars(stmt))


def _columns(table) -> list:
    return [c for c in table.__table__.columns if c.key != "release_id"]


def differing_rows(session: Session, period: int, regions: list[str]) -> int:
    """Rows of the month's aggregates (in the regions) that differ from the released copies,
    counted both ways over every table a release copies (0: the release would change nothing)."""
    out = 0
    for agg in COMPARED:
        pub = m.PUBLISHED[agg.__tablename__]
        names = [c.key for c in _columns(agg)]

        def rows(table):
            cols = [getattr(table, n) for n in names]
            return sa.select(*cols).where(table.period == period, table.region_code.in_(regions))

        for a, b in ((agg, pub), (pub, agg)):
            diff = sa.except_(rows(a), rows(b)).subquery()
            out += session.scalar(sa.select(sa.func.count()).select_from(diff)) or 0
    return out


def month_cells(session: Session, period: int, regions: list[str], released: bool) -> pd.DataFrame:
    """The month's agg_cell rows (or their released copies) in the regions, USD cents by region,
    main category, mode and direction."""
    t = m.PubCell if released else m.AggCell
    stmt = sa.select(t.region_code, t.category_code, t.mode, t.direction, t.usd_cents).where(
        t.period == period, t.region_code.in_(regions)
    )
    return pd.DataFrame(
        session.execute(stmt).all(),
        columns=["region_code", "category_code", "mode", "direction", "amount"],
    )


def open_flags(session: Session, period: int, regions: list[str]) -> int:
    """Open (待查) data-quality flags of the month's reports in the regions."""
    f, v = m.QualityFlag, m.ReportVersion
    return (
        session.scalar(
            sa.select(sa.func.count(f.id))
            .join(v, v.id == f.version_id)
            .where(
                f.period == period,
                f.status == "open",
                f.cleared_at.is_(None),
                v.region_code.in_(regions),
            )
        )
        or 0
    )


def events_since(session: Session, event_id: int | None) -> pd.DataFrame:
    """Data events (loads, retractions) after the given one, with their files, oldest first."""
    e, b = m.DataEvent, m.UploadBatch
    stmt = (
        sa.select(e.id, e.kind, e.batch_id, b.file_name, e.actor, e.at, b.row_count)
        .join(b, b.id == e.batch_id)
        .order_by(e.id)
    )
    if event_id is not None:
        stmt = stmt.where(e.id > event_id)
    return pd.DataFrame(
        session.execute(stmt).all(),
        columns=["event_id", "kind", "batch_id", "file_name", "actor", "at", "rows"],
    )


def months_with_data(session: Session, regions: list[str]) -> list[int]:
    """Months with aggregate rows in the regions, oldest first."""
    t = m.AggCell
    stmt = sa.select(t.period).distinct().where(t.region_code.in_(regions)).order_by(t.period)
    return list(session.scalars(stmt))


def changed_since(
    session: Session, event_id: int, period_from: int, period_to: int, regions: list[str]
) -> dict[int, int]:
    """Month -> the newest data event after event_id that brought (or withdrew) a version of a
    report of that month in the regions: which released months have changed data since."""
    e, v, r = m.DataEvent, m.ReportVersion, m.Report
    # The events first (an index range, usually empty): only their batches' versions are read.
    events = session.execute(sa.select(e.batch_id, e.id).where(e.id > event_id)).all()
    if not events:
        return {}
    newest: dict[int, int] = {}
    for batch, eid in events:
        newest[batch] = max(eid, newest.get(batch, 0))
    stmt = (
        sa.select(r.period, v.batch_id)
        .distinct()
        .join(r, r.id == v.report_id)
        .where(
            v.batch_id.in_(sorted(newest)),
            r.period.between(period_from, period_to),
            v.region_code.in_(regions),
        )
    )
    out: dict[int, int] = {}
    for period, batch in session.execute(stmt).all():
        out[int(period)] = max(newest[batch], out.get(int(period), 0))
    return out


def window_releases(session: Session, scope: str, period_from: int, period_to: int) -> dict:
    """Month -> data event id of its current release, for the months of a window."""
    rel = m.Release
    stmt = sa.select(rel.period, rel.data_event_id).where(
        rel.scope_code == scope, rel.current.is_(True), rel.period.between(period_from, period_to)
    )
    return {int(p): (e or 0) for p, e in session.execute(stmt).all()}
