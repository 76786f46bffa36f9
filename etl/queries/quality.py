"""Reads for the data-quality flags: the rules' inputs, the flag list, one flag and its notes."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.models.quality import QualityFlag, QualityFlagNote
from etl.quality.rules import LINE_COLUMNS, REPORT_COLUMNS

CHUNK = 900  # SQLite's bound-parameter limit, with room to spare

FLAG_LIST_COLUMNS = [
    "id",
    "uscc",
    "name",
    "region_code",
    "region_zh",
    "region_en",
    "period",
    "rule",
    "detail",
    "status",
    "computed_at",
    "cleared_at",
    "batch_id",
    "amount",  # cents: the flagged report's US$ total, the amount at stake
]
NOTE_COLUMNS = ["id", "author", "at", "status", "note"]


def chunks(items, size: int = CHUNK):
    """Successive slices of a list (for IN lists the databases accept)."""
    items = list(items)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def report_inputs(session: Session, usccs: list[str]) -> pd.DataFrame:
    """The current reports of these enterprises (REPORT_COLUMNS), with their number of live
    (not withdrawn) versions."""
    rv = m.ReportVersion
    live = rv.__table__.alias("live")
    rows = []
    for chunk in chunks(usccs):
        rows += session.execute(
            sa.select(
                m.Report.id,
                m.Report.uscc,
                m.Report.period,
                m.Report.current_version_id,
                rv.total_usd_cents,
                sa.func.count(live.c.id),
            )
            .join(rv, rv.id == m.Report.current_version_id)
            .join(live, sa.and_(live.c.report_id == m.Report.id, live.c.status != "withdrawn"))
            .where(m.Report.uscc.in_(chunk))
            .group_by(
                m.Report.id,
                m.Report.uscc,
                m.Report.period,
                m.Report.current_version_id,
                rv.total_usd_cents,
            )
        ).all()
    frame = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    return frame.astype({"period": "int64", "total_usd_cents": "int64"})


def _bop_lines(session: Session, usccs: list[str], *columns):
    line = m.ReportLine
    bop = sa.select(m.SupplyMode.code).where(m.SupplyMode.in_bop_total).scalar_subquery()
    return (
        sa.select(m.Report.uscc, *columns)
        .join(line, line.version_id == m.Report.current_version_id)
        .where(m.Report.uscc.in_(usccs), line.mode.in_(bop))
    )


def partner_lines(session: Session, usccs: list[str], since: int | None = None) -> pd.DataFrame:
    """BOP lines (LINE_COLUMNS) of these enterprises' current reports by month × direction ×
    partner, from month `since` on (all months without it)."""
    line = m.ReportLine
    rows = []
    for chunk in chunks(usccs):
        stmt = _bop_lines(
            session,
            chunk,
            m.Report.period,
            line.direction,
            line.partner_code,
            sa.func.sum(line.amount_usd_cents),
        ).group_by(m.Report.uscc, m.Report.period, line.direction, line.partner_code)
        if since is not None:
            stmt = stmt.where(m.Report.period >= since)
        rows += session.execute(stmt).all()
    return pd.DataFrame(rows, columns=LINE_COLUMNS).astype(
        {"period": "int64", "usd_cents": "int64"}
    )


def partners_first_seen(session: Session, pairs: pd.DataFrame) -> pd.Series:
    """For (uscc, partner_code) pairs: the first month with a non-zero BOP line (any direction)."""
    line = m.ReportLine
    rows = []
    for chunk in chunks(sorted(set(pairs["uscc"]))):
        partners = sorted(set(pairs.loc[pairs["uscc"].isin(chunk), "partner_code"]))
        rows += session.execute(
            _bop_lines(session, chunk, line.partner_code, sa.func.min(m.Report.period))
            .where(line.partner_code.in_(partners), line.amount_usd_cents > 0)
            .group_by(m.Report.uscc, line.partner_code)
        ).all()
    frame = pd.DataFrame(rows, columns=["uscc", "partner_code", "first_period"])
    return frame.astype({"first_period": "int64"}).set_index(["uscc", "partner_code"])[
        "first_period"
    ]


def stored_flags(session: Session, usccs: list[str]) -> pd.DataFrame:
    """The flags already stored for these enterprises (cleared ones too)."""
    f = QualityFlag
    cols = [f.id, f.report_id, f.period, f.rule, f.version_id, f.detail, f.status, f.cleared_at]
    rows = []
    for chunk in chunks(usccs):
        rows += session.execute(sa.select(*cols).where(f.uscc.in_(chunk))).all()
    return pd.DataFrame(rows, columns=[c.key for c in cols])


def reporting_usccs(session: Session) -> list[str]:
    """Every enterprise with a report (for recomputing all flags)."""
    return list(session.scalars(sa.select(m.Report.uscc).distinct().order_by(m.Report.uscc)))


def _flags_select():
    f, rv = QualityFlag, m.ReportVersion
    return (
        sa.select(
            f.id,
            f.uscc,
            m.Enterprise.name,
            rv.region_code,
            m.Region.name_zh,
            m.Region.name_en,
            f.period,
            f.rule,
            f.detail,
            f.status,
            f.computed_at,
            f.cleared_at,
            f.batch_id,
            rv.total_usd_cents,
        )
        .join(m.Enterprise, m.Enterprise.uscc == f.uscc)
        .join(rv, rv.id == f.version_id)
        .join(m.Region, m.Region.code == rv.region_code)
    )


def flag_list(
    session: Session,
    month: int | None = None,
    status: str | None = None,
    rule: str | None = None,
    cleared: bool = False,
) -> pd.DataFrame:
    """Flags with enterprise name, region and its names, newest month first; `status` may be
    open / checked / explained; cleared=True lists the flags that no longer fire instead."""
    f = QualityFlag
    stmt = (
        _flags_select()
        .where(f.cleared_at.is_not(None) if cleared else f.cleared_at.is_(None))
        .order_by(f.period.desc(), f.uscc, f.rule)
    )
    if month is not None:
        stmt = stmt.where(f.period == month)
    if status:
        stmt = stmt.where(f.status == status)
    if rule:
        stmt = stmt.where(f.rule == rule)
    return pd.DataFrame(session.execute(stmt).all(), columns=FLAG_LIST_COLUMNS)


def flag_record(session: Session, flag_id: int) -> dict | None:
    """One flag (cleared or not) as a dict of FLAG_LIST_COLUMNS, or None."""
    row = session.execute(_flags_select().where(QualityFlag.id == flag_id)).first()
    return None if row is None else dict(zip(FLAG_LIST_COLUMNS, row))


def flag_notes(session: Session, flag_id: int) -> pd.DataFrame:
    """A flag's review history, oldest first."""
    n = QualityFlagNote
    rows = session.execute(
        sa.select(n.id, n.author, n.at, n.status, n.note)
        .where(n.flag_id == flag_id)
        .order_by(n.at, n.id)
    ).all()
    return pd.DataFrame(rows, columns=NOTE_COLUMNS)


def flag_months(session: Session) -> list[int]:
    """Months that have flags, newest first."""
    f = QualityFlag
    return list(session.scalars(sa.select(f.period).distinct().order_by(f.period.desc())))
