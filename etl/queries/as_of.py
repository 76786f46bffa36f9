"""What was current as of a data event (a vintage): the events, report lines, enterprise months."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.queries.frames import AMOUNT, columns_frame

# A vintage is a data event E: the report versions current as of E are those with a span
# from_event_id ≤ E < to_event_id (open spans: still current). Amounts are USD cents.

AS_OF_DIMS = ("period", "uscc", "region_code")


def latest_event_id(session: Session) -> int | None:
    """The newest data event (load or retraction); None before anything is loaded."""
    return session.scalar(sa.select(sa.func.max(m.DataEvent.id)))


def data_event_info(session: Session, event_id: int) -> dict | None:
    """One data event: id, kind, batch_id, at (when) and actor; None if there is no such event."""
    e = session.get(m.DataEvent, event_id)
    if e is None:
        return None
    return {"id": e.id, "kind": e.kind, "batch_id": e.batch_id, "at": e.at, "actor": e.actor}


def lines_as_of(event_id: int, dims: list, period_from: int, period_to: int):
    """Sums of amount_usd_cents over the lines current as of the event in the periods, by dims."""
    span, ver, rep, line = m.ReportVersionSpan, m.ReportVersion, m.Report, m.ReportLine
    return (
        sa.select(*dims, sa.func.sum(line.amount_usd_cents).label(AMOUNT))
        .select_from(span)
        .join(ver, ver.id == span.version_id)
        .join(rep, rep.id == ver.report_id)
        .join(line, line.version_id == ver.id)
        .where(
            span.from_event_id <= event_id,
            sa.or_(span.to_event_id.is_(None), span.to_event_id > event_id),
            rep.period.between(period_from, period_to),
        )
        .group_by(*dims)
    )


def _as_of_lines(event_id: int, period_from: int, period_to: int, detail, regions):
    """Enterprise-level sums of the lines current as of the event, by period and a line column."""
    ver, rep, line = m.ReportVersion, m.Report, m.ReportLine
    dims = [rep.period, rep.uscc, ver.region_code, detail, line.mode, line.direction]
    stmt = lines_as_of(event_id, dims, period_from, period_to)
    if regions is not None:
        stmt = stmt.where(ver.region_code.in_(sorted(regions)))
    return stmt


def enterprise_months_as_of(
    session: Session,
    event_id: int,
    period_from: int,
    period_to: int,
    regions: list[str] | None = None,
) -> pd.DataFrame:
    """Per enterprise × month × reported category × mode × direction, as of a data event."""
    stmt = _as_of_lines(event_id, period_from, period_to, m.ReportLine.category_code, regions)
    return columns_frame(session, stmt, [*AS_OF_DIMS, "category_code", "mode", "direction"])


def enterprise_partners_as_of(
    session: Session,
    event_id: int,
    period_from: int,
    period_to: int,
    regions: list[str] | None = None,
) -> pd.DataFrame:
    """Per enterprise × month × partner × mode × direction, as of a data event."""
    stmt = _as_of_lines(event_id, period_from, period_to, m.ReportLine.partner_code, regions)
    return columns_frame(session, stmt, [*AS_OF_DIMS, "partner_code", "mode", "direction"])
