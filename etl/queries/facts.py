"""What the database holds: its counts, the registry facts validation checks against, the sample."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.data_version import remembered_until_next_load
from etl.queries.months import period_range


@remembered_until_next_load
def database_facts(session: Session) -> dict[str, int | None]:
    """What the database holds: period range, enterprises, current reports and lines, batches."""
    current = sa.select(m.Report.id).where(m.Report.current_version_id.is_not(None))
    first, last = period_range(session)
    # A version's line_count is the number of its lines: summing it reads reports, not lines.
    lines = session.scalar(
        sa.select(sa.func.coalesce(sa.func.sum(m.ReportVersion.line_count), 0)).join(
            m.Report, m.Report.current_version_id == m.ReportVersion.id
        )
    )
    return {
        "first_period": first,
        "last_period": last,
        "enterprises": session.scalar(
            sa.select(sa.func.count(sa.distinct(m.Report.uscc))).where(
                m.Report.current_version_id.is_not(None)
            )
        ),
        "reports": session.scalar(sa.select(sa.func.count()).select_from(current.subquery())),
        "lines": lines,
        "batches": session.scalar(
            sa.select(sa.func.count(m.UploadBatch.id)).where(m.UploadBatch.status == "loaded")
        ),
    }


def registry_facts(session: Session, usccs: list[str]):
    """Registered names, regions and recent median monthly totals for the given enterprises."""
    from etl.intake.validate import RegistryFacts  # validation types; no SQL there

    names: dict[str, str] = {}
    regions: dict[str, str] = {}
    totals: list[tuple[str, int, int]] = []
    for i in range(0, len(usccs), 900):
        chunk = usccs[i : i + 900]
        for uscc, name, region in session.execute(
            sa.select(m.Enterprise.uscc, m.Enterprise.name, m.Enterprise.region_code).where(
                m.Enterprise.uscc.in_(chunk)
            )
        ):
            names[uscc], regions[uscc] = name, region
        # Only each enterprise's 12 newest reports leave the database, not its whole history.
        newest = (
            sa.select(
                m.Report.uscc,
                m.Report.period,
                m.ReportVersion.total_usd_cents.label("usd"),
                sa.func.row_number()
                .over(partition_by=m.Report.uscc, order_by=m.Report.period.desc())
                .label("rn"),
            )
            .join(m.ReportVersion, m.ReportVersion.id == m.Report.current_version_id)
            .where(m.Report.uscc.in_(chunk))
        ).subquery()
        totals.extend(
            session.execute(
                sa.select(newest.c.uscc, newest.c.period, newest.c.usd).where(newest.c.rn <= 12)
            ).all()
        )
    medians: dict[str, int] = {}
    if totals:
        frame = pd.DataFrame(totals, columns=["uscc", "period", "usd"])
        medians = {u: int(v) for u, v in frame.groupby("uscc")["usd"].median().items()}
    return RegistryFacts(names=names, recent_median_usd_cents=medians, regions=regions)


def sample_data_loaded(session: Session) -> bool:
    """Whether the generated synthetic sample (loaded by `init-db --sample`) is in the database."""
    return (
        session.scalar(
            sa.select(sa.func.count(m.UploadBatch.id)).where(
                m.UploadBatch.status == "loaded", m.UploadBatch.uploaded_by == "sample"
            )
        )
        > 0
    )


def report_count(session: Session) -> int:
    """How many enterprise × month reports exist (current or withdrawn)."""
    return session.scalar(sa.select(sa.func.count(m.Report.id))) or 0
