"""Reads for the key-enterprise register and reporting coverage (应统尽统): members, arrivals,
prior-year amounts, the register with its history, and candidates for it."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from etl import models as m
from etl.filters import BOP_MODES
from etl.queries.closures import region_closure
from etl.queries.frames import AMOUNT

CHUNK = 900  # SQLite allows at most 999 bound parameters in one IN list


def _active(k, month: int):
    return sa.and_(k.since <= month, sa.or_(k.until.is_(None), k.until >= month))


def register_members(session: Session, month: int, regions: tuple[str, ...]) -> pd.DataFrame:
    """Key enterprises expected to report in a month, in the regions (and below)."""
    k = m.KeyEnterprise
    stmt = sa.select(
        k.uscc, k.name, k.region_code, k.sector, k.contact_person, k.contact_phone
    ).where(_active(k, month))
    closure = region_closure(session, regions)
    if closure is not None:
        stmt = stmt.where(k.region_code.in_(closure))
    cols = ["uscc", "name", "region_code", "sector", "contact_person", "contact_phone"]
    return pd.DataFrame(session.execute(stmt).all(), columns=cols)


def first_arrivals(session: Session, month: int, usccs: list[str], event_id: int) -> pd.DataFrame:
    """When each enterprise's report for the month first arrived, as of a data event.

    Only reports with a version current as of the event count; the arrival is the earliest
    upload among the report's versions seen by then whose batch had not been retracted by then
    (a revision does not make a report late; a withdrawn first file is as if never sent). A
    version loaded from historical data arrived when it was received (report_version.received_at).
    """
    span, ver, rep, batch = m.ReportVersionSpan, m.ReportVersion, m.Report, m.UploadBatch
    now_ver, now_span = aliased(ver), aliased(span)
    # Correlated EXISTS (index on report_id): an IN over all current reports is slow on SQLite.
    current = sa.exists().where(
        now_ver.report_id == rep.id,
        now_span.version_id == now_ver.id,
        now_span.from_event_id <= event_id,
        sa.or_(now_span.to_event_id.is_(None), now_span.to_event_id > event_id),
    )
    retracted = list(
        session.scalars(
            sa.select(m.DataEvent.batch_id).where(
                m.DataEvent.kind == "retract", m.DataEvent.id <= event_id
            )
        )
    )
    arrived = sa.func.coalesce(ver.received_at, batch.uploaded_at)
    rows = []
    for i in range(0, len(usccs), CHUNK):
        stmt = (
            sa.select(rep.uscc, sa.func.min(arrived))
            .join(ver, ver.report_id == rep.id)
            .join(batch, batch.id == ver.batch_id)
            .join(span, span.version_id == ver.id)
            .where(
                rep.period == month,
                rep.uscc.in_(usccs[i : i + CHUNK]),
                span.from_event_id <= event_id,
                current,
            )
            .group_by(rep.uscc)
        )
        if retracted:
            stmt = stmt.where(ver.batch_id.not_in(retracted))
        rows.extend(session.execute(stmt).all())
    return pd.DataFrame(rows, columns=["uscc", "first_loaded_at"])


def enterprise_region_totals(
    session: Session, start: int, end: int, regions: tuple[str, ...], usccs: list[str] | None = None
) -> pd.DataFrame:
    """BOP-basis USD cents per enterprise and region over start..end (current versions); only
    the given enterprises when usccs is given (the register's members, not every reporter)."""
    t = m.AggEnterpriseMonth
    stmt = (
        sa.select(t.uscc, t.region_code, sa.func.sum(t.usd_cents).label(AMOUNT))
        .where(t.period.between(start, end), t.mode.in_(BOP_MODES))
        .group_by(t.uscc, t.region_code)
    )
    closure = region_closure(session, regions)
    if closure is not None:
        stmt = stmt.where(t.region_code.in_(closure))
    chunks = (
        [stmt]
        if usccs is None
        else [stmt.where(t.uscc.in_(usccs[i : i + CHUNK])) for i in range(0, len(usccs), CHUNK)]
    )
    rows = [row for chunk in chunks for row in session.execute(chunk).all()]
    frame = pd.DataFrame(rows, columns=["uscc", "region_code", AMOUNT])
    frame[AMOUNT] = frame[AMOUNT].fillna(0).astype("int64")
    return frame


def region_totals(session: Session, start: int, end: int, regions: tuple[str, ...]) -> pd.DataFrame:
    """BOP-basis USD cents per region over start..end, from agg_cell (every enterprise)."""
    t = m.AggCell
    stmt = (
        sa.select(t.region_code, sa.func.sum(t.usd_cents).label(AMOUNT))
        .where(t.period.between(start, end), t.mode.in_(BOP_MODES))
        .group_by(t.region_code)
    )
    closure = region_closure(session, regions)
    if closure is not None:
        stmt = stmt.where(t.region_code.in_(closure))
    frame = pd.DataFrame(session.execute(stmt).all(), columns=["region_code", AMOUNT])
    frame[AMOUNT] = frame[AMOUNT].fillna(0).astype("int64")
    return frame


REGISTER_COLUMNS = [
    "id",
    "uscc",
    "name",
    "region_code",
    "sector",
    "contact_person",
    "contact_phone",
    "since",
    "until",
]


def register_entries(session: Session, regions: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every register entry (past ones too) in the regions, by region and name."""
    k = m.KeyEnterprise
    stmt = sa.select(*(getattr(k, c) for c in REGISTER_COLUMNS)).order_by(
        k.region_code, k.name, k.since
    )
    closure = region_closure(session, regions)
    if closure is not None:
        stmt = stmt.where(k.region_code.in_(closure))
    return pd.DataFrame(session.execute(stmt).all(), columns=REGISTER_COLUMNS)


def register_history(session: Session, limit: int = 500) -> pd.DataFrame:
    """The newest changes to the register: when, who, what, whom (with the register's name)."""
    c, k = m.RegisterChange, m.KeyEnterprise
    name = sa.select(sa.func.max(k.name)).where(k.uscc == c.uscc).scalar_subquery()
    stmt = (
        sa.select(c.id, c.at, c.actor, c.action, c.uscc, name, c.detail)
        .order_by(c.id.desc())
        .limit(limit)
    )
    return pd.DataFrame(
        session.execute(stmt).all(),
        columns=["id", "at", "actor", "action", "uscc", "name", "detail"],
    )


def register_candidates(
    session: Session, start: int, end: int, month: int, regions: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Enterprises with a current report in start..end that are not on the register in month:
    uscc, name, region_code, months reported, the last of them, their BOP amount (USD cents)."""
    t, k, e = m.AggEnterpriseMonth, m.KeyEnterprise, m.Enterprise
    on_register = sa.select(k.uscc).where(_active(k, month))
    stmt = (
        sa.select(
            t.uscc,
            e.name,
            e.region_code,
            sa.func.count(sa.distinct(t.period)),
            sa.func.max(t.period),
            sa.func.sum(sa.case((t.mode.in_(BOP_MODES), t.usd_cents), else_=0)),
        )
        .join(e, e.uscc == t.uscc)
        .where(t.period.between(start, end), t.uscc.not_in(on_register))
        .group_by(t.uscc, e.name, e.region_code)
    )
    closure = region_closure(session, regions)
    if closure is not None:
        stmt = stmt.where(e.region_code.in_(closure))
    cols = ["uscc", "name", "region_code", "months", "last_period", AMOUNT]
    frame = pd.DataFrame(session.execute(stmt).all(), columns=cols)
    frame[AMOUNT] = frame[AMOUNT].fillna(0).astype("int64")
    return frame.sort_values([AMOUNT, "uscc"], ascending=[False, True], ignore_index=True)


def enterprise_identity(session: Session, usccs: list[str]) -> pd.DataFrame:
    """Name and region of enterprises as registered from their reports (uscc, name, region)."""
    e = m.Enterprise
    stmt = sa.select(e.uscc, e.name, e.region_code).where(e.uscc.in_(usccs[:CHUNK]))
    return pd.DataFrame(session.execute(stmt).all(), columns=["uscc", "name", "region_code"])
