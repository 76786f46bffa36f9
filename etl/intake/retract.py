"""Retract a loaded batch: its versions are withdrawn and the versions they replaced return."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from etl import models as m
from etl.db import write_first
from etl.intake.aggregate_tables import refresh_enterprise_month, refresh_slices
from etl.intake.load_lock import take_load_lock
from etl.quality.store import recompute_flags
from etl.quality.thresholds import QualityThresholds


class RetractError(Exception):
    """The batch cannot be retracted (unknown, not loaded)."""


@dataclass
class RetractOutcome:
    """What a retraction changed."""

    batch_id: int
    reports_withdrawn: int  # reports left with no current version
    reports_restored: int  # reports whose previous version became current again


def retract_batch(
    factory: sessionmaker[Session],
    batch_id: int,
    user: str,
    reason: str,
    quality: QualityThresholds | None = None,
) -> RetractOutcome:
    """Withdraw every version the batch brought and reinstate the versions before them; the
    data-quality flags of the enterprises concerned are recomputed in the same transaction."""
    with factory.begin() as session:
        write_first(session)
        take_load_lock(session, user)
        batch = session.get(m.UploadBatch, batch_id)
        if batch is None or batch.status != "loaded":
            state = "unknown" if batch is None else batch.status
            raise RetractError(f"batch {batch_id} is {state}; only loaded batches can be retracted")
        event = m.DataEvent(kind="retract", batch_id=batch_id, actor=user, note=reason)
        session.add(event)
        session.flush()
        versions = session.scalars(
            sa.select(m.ReportVersion).where(m.ReportVersion.batch_id == batch_id)
        ).all()
        slices, pairs, withdrawn, restored = set(), [], 0, 0
        for version in versions:
            was_current = version.status == "current"
            version.status = "withdrawn"
            if not was_current:
                continue  # already superseded by a later batch: history only
            report = session.get(m.Report, version.report_id)
            _close_span(session, version.id, event.id)
            previous = session.scalar(
                sa.select(m.ReportVersion)
                .where(
                    m.ReportVersion.report_id == report.id,
                    m.ReportVersion.version_no < version.version_no,
                    m.ReportVersion.status == "superseded",
                )
                .order_by(m.ReportVersion.version_no.desc())
                .limit(1)
            )
            slices.add((report.period, version.region_code))
            pairs.append((report.uscc, report.period))
            if previous is None:
                report.current_version_id = None
                withdrawn += 1
            else:
                previous.status = "current"
                report.current_version_id = previous.id
                session.add(m.ReportVersionSpan(version_id=previous.id, from_event_id=event.id))
                slices.add((report.period, previous.region_code))
                restored += 1
        batch.status, batch.dedupe_key = "retracted", None
        batch.retracted_at, batch.retracted_by, batch.retract_reason = m.utcnow(), user, reason
        session.flush()
        _restore_enterprises(session, batch_id)
        refresh_enterprise_month(session, pairs)
        refresh_slices(session, slices)
        # Every enterprise of the batch, also where its version was already superseded: the
        # report's number of versions (rule 'revisions') changes all the same.
        reports = _batch_reports(session, batch_id)
        if reports:
            recompute_flags(
                session,
                {u for u, _ in reports},
                quality,
                batch_id,
                since=min(p for _, p in reports),
            )
        return RetractOutcome(batch_id, withdrawn, restored)


def _restore_enterprises(session: Session, batch_id: int) -> None:
    """Put back the master data (name, region, span) of the enterprises the batch changed.

    Where the enterprise still has current reports, its newest one decides name and region (as a
    load does) and the span is that of its current reports: a later batch's change survives.
    Where none is left, the before-image the batch recorded comes back.
    """
    rv = m.ReportVersion
    for prior in session.scalars(
        sa.select(m.EnterprisePrior).where(m.EnterprisePrior.batch_id == batch_id)
    ):
        enterprise = session.get(m.Enterprise, prior.uscc)
        newest = session.execute(
            sa.select(rv.enterprise_name, rv.region_code)
            .join(m.Report, m.Report.current_version_id == rv.id)
            .where(m.Report.uscc == prior.uscc)
            .order_by(m.Report.period.desc())
            .limit(1)
        ).first()
        if newest is None:
            enterprise.name, enterprise.region_code = prior.name, prior.region_code
            enterprise.first_period, enterprise.last_period = prior.first_period, prior.last_period
        else:
            first, last = session.execute(
                sa.select(sa.func.min(m.Report.period), sa.func.max(m.Report.period)).where(
                    m.Report.uscc == prior.uscc, m.Report.current_version_id.is_not(None)
                )
            ).one()
            enterprise.name, enterprise.region_code = newest
            enterprise.first_period, enterprise.last_period = first, last
        enterprise.updated_at = m.utcnow()


def _batch_reports(session: Session, batch_id: int) -> list[tuple[str, int]]:
    rows = session.execute(
        sa.select(m.Report.uscc, m.Report.period)
        .join(m.ReportVersion, m.ReportVersion.report_id == m.Report.id)
        .where(m.ReportVersion.batch_id == batch_id)
    )
    return [tuple(row) for row in rows]


def _close_span(session: Session, version_id: int, event_id: int) -> None:
    session.execute(
        sa.update(m.ReportVersionSpan)
        .where(
            m.ReportVersionSpan.version_id == version_id, m.ReportVersionSpan.to_event_id.is_(None)
        )
        .values(to_event_id=event_id)
    )
