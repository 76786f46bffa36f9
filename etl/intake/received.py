"""When reports were received, for loads of historical data (etl.load_file's received_at).

A normal upload records nothing here: its reports arrived when the batch was uploaded. A load of
reports received earlier (from another system, or the synthetic sample) stores each new version's
own time in report_version.received_at, which coverage reads before the batch's upload time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m

# One time for the whole file, or one per report keyed (uscc, period).
ReceivedAt = dt.datetime | Mapping[tuple[str, int], dt.datetime] | None


def _utc(at: dt.datetime) -> dt.datetime:
    if at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware (e.g. Beijing time)")
    return at.astimezone(dt.timezone.utc)


def record_received(
    session: Session, batch_id: int, touched: list[tuple[str, int]], received_at: ReceivedAt
) -> None:
    """Set received_at on the versions this batch created (historical loads only)."""
    rv = m.ReportVersion
    conn = session.connection()
    if isinstance(received_at, dt.datetime):
        conn.execute(
            sa.update(rv).where(rv.batch_id == batch_id).values(received_at=_utc(received_at))
        )
        return
    ids = {
        (u, int(p)): v
        for u, p, v in conn.execute(
            sa.select(m.Report.uscc, m.Report.period, rv.id)
            .join(m.Report, m.Report.id == rv.report_id)
            .where(rv.batch_id == batch_id)
        )
    }
    rows = [
        {"b_id": ids[key], "b_at": _utc(received_at[key])}
        for key in touched
        if key in received_at and key in ids
    ]
    if rows:
        conn.execute(
            sa.update(rv)
            .where(rv.id == sa.bindparam("b_id"))
            .values(received_at=sa.bindparam("b_at")),
            rows,
        )
