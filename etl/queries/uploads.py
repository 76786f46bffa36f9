"""Upload batches: the upload history, and the amount of the lines a batch brought."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m


def batch_line_total(session: Session, batch_id: int) -> int:
    """USD cents in the lines a batch brought (for reconciliation with the file)."""
    return int(
        session.scalar(
            sa.select(sa.func.coalesce(sa.func.sum(m.ReportLine.amount_usd_cents), 0))
            .join(m.ReportVersion, m.ReportVersion.id == m.ReportLine.version_id)
            .where(m.ReportVersion.batch_id == batch_id)
        )
    )


def batches(session: Session, limit: int = 200, uploaded_by: str | None = None) -> pd.DataFrame:
    """Upload history, newest first (only one person's uploads when uploaded_by is given)."""
    b = m.UploadBatch
    cols = [
        b.id,
        b.file_name,
        b.sha256,
        b.size_bytes,
        b.uploaded_by,
        b.uploaded_at,
        b.status,
        b.row_count,
        b.error_count,
        b.warning_count,
        b.reports_new,
        b.reports_revised,
        b.reports_unchanged,
        b.total_usd_cents,
        b.retracted_at,
        b.retracted_by,
        b.retract_reason,
    ]
    stmt = sa.select(*cols).order_by(b.id.desc()).limit(limit)
    if uploaded_by is not None:
        stmt = stmt.where(b.uploaded_by == uploaded_by)
    rows = session.execute(stmt).all()
    return pd.DataFrame(rows, columns=[c.key for c in cols])
