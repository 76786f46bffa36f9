"""The snapshot's reads by window slice (etl.snapshot.inputs): few rows instead of every month.

current_* read the maintained aggregates, which hold the newest data event only: callers use them
when the vintage is that event (etl.snapshot.read checks). partner_slices reads the report lines
as of any event (no aggregate keeps enterprises and partners together). Amounts are USD cents.
"""

from __future__ import annotations

from contextlib import contextmanager

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.filters import ReportFilter
from etl.queries.as_of import lines_as_of
from etl.queries.frames import AMOUNT

SLICE_DIMS = ("period", "uscc", "region_code", "category_code", "mode", "direction")
PARTNER_DIMS = ("period", "uscc", "partner_code", "direction")
CELL_DIMS = ("period", "region_code", "category_code", "mode", "direction")
BOUND_COLUMNS = ("n", "top1", "top2")


def _int(value: int):
    # Inline, not bound: PostgreSQL only matches the CASE in SELECT with the one in GROUP BY when
    # they are the same text, and bound parameters get different numbers.
    return sa.literal_column(str(int(value)))


def _slice_of(period, slices: list[tuple[int, int, int]]):
    """CASE: the label of the slice (label, first, last) a period falls in."""
    return sa.case(
        *((period.between(_int(first), _int(last)), _int(label)) for label, first, last in slices)
    )


def _span(slices):
    return min(s[1] for s in slices), max(s[2] for s in slices)


SORT_CACHE_KIB = 256 * 1024


@contextmanager
def _sort_in_memory(session: Session):
    """SQLite: room for a GROUP BY of millions of rows in the page cache (else its sorter spills
    to temporary files: a second of system time at national scale); restored afterwards."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    before = int(session.execute(sa.text("PRAGMA cache_size")).scalar())
    session.execute(sa.text(f"PRAGMA cache_size=-{SORT_CACHE_KIB}"))
    try:
        yield
    finally:
        session.execute(sa.text(f"PRAGMA cache_size={before}"))


def _driver_frame(session: Session, stmt, columns: list[str]) -> pd.DataFrame:
    """Columns + amount from the driver's cursor (etl.queries.frames.columns_frame without
    SQLAlchemy's Row objects: a second per half a million rows). The statement's values are
    rendered inline (integers and codes, quoted by SQLAlchemy)."""
    connection = session.connection()
    sql = str(stmt.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    frame = pd.DataFrame.from_records(rows, columns=columns + [AMOUNT])
    frame[AMOUNT] = frame[AMOUNT].astype("int64")
    return frame


def current_slices(
    session: Session, slices: list[tuple[int, int, int]], regions: list[str]
) -> pd.DataFrame:
    """Per enterprise × slice × region × reported category × mode × direction (newest data)."""
    t = m.AggEnterpriseMonth
    label = _slice_of(t.period, slices).label("period")
    dims = [label, t.uscc, t.region_code, t.category_code, t.mode, t.direction]
    stmt = (
        sa.select(*dims, sa.func.sum(t.usd_cents).label(AMOUNT))
        .where(t.period.between(*_span(slices)), t.region_code.in_(sorted(regions)))
        .group_by(*dims)
    )
    with _sort_in_memory(session):
        return _driver_frame(session, stmt, list(SLICE_DIMS))


def partner_slices(
    session: Session, event_id: int, slices: list[tuple[int, int, int]], regions: list[str], modes
) -> pd.DataFrame:
    """Per enterprise × slice × partner × direction over the given modes, as of a data event."""
    ver, rep, line = m.ReportVersion, m.Report, m.ReportLine
    dims = [
        _slice_of(rep.period, slices).label("period"),
        rep.uscc,
        line.partner_code,
        line.direction,
    ]
    stmt = lines_as_of(event_id, dims, *_span(slices)).where(
        ver.region_code.in_(sorted(regions)), line.mode.in_(sorted(modes))
    )
    with _sort_in_memory(session):
        return _driver_frame(session, stmt, list(PARTNER_DIMS))


def current_cells(session: Session, first: int, last: int, regions: list[str]) -> pd.DataFrame:
    """agg_cell (main categories) with contributor counts and the two largest contributions."""
    t = m.AggCell
    stmt = sa.select(
        t.period,
        t.region_code,
        t.category_code,
        t.mode,
        t.direction,
        t.usd_cents,
        t.n_enterprises,
        t.top1_usd_cents,
        t.top2_usd_cents,
    ).where(t.period.between(first, last), t.region_code.in_(sorted(regions)))
    rows = session.execute(stmt).all()
    frame = pd.DataFrame(rows, columns=[*CELL_DIMS, AMOUNT, *BOUND_COLUMNS])
    return frame.astype({c: "int64" for c in ("period", "mode", AMOUNT, *BOUND_COLUMNS)})


def current_sub_items(
    session: Session, first: int, last: int, regions: list[str], codes: set[str]
) -> pd.DataFrame:
    """Monthly sums of the given reported (sub-item) categories, without enterprises (agg_category:
    bounded by codes × regions × months, not by enterprises)."""
    t = m.AggCategory
    dims = [t.period, t.region_code, t.category_code, t.mode, t.direction]
    stmt = (
        sa.select(*dims, sa.func.sum(t.usd_cents).label(AMOUNT))
        .where(
            t.period.between(first, last),
            t.region_code.in_(sorted(regions)),
            t.category_code.in_(sorted(codes)),
        )
        .group_by(*dims)
    )
    return _driver_frame(session, stmt, list(CELL_DIMS)).astype(
        {"period": "int64", "mode": "int64"}
    )


def current_unit_sums(
    session: Session, f: ReportFilter, regions: set[str], categories: set[str] | None
) -> pd.Series:
    """Each enterprise's sum over a filter (regions and categories already expanded)."""
    t = m.AggEnterpriseMonth
    stmt = (
        sa.select(t.uscc, sa.func.sum(t.usd_cents))
        .where(
            t.period.between(f.period_from, f.period_to),
            t.region_code.in_(sorted(regions)),
            t.mode.in_(f.effective_modes()),
            t.direction.in_(f.directions),
        )
        .group_by(t.uscc)
    )
    if categories is not None:
        stmt = stmt.where(t.category_code.in_(sorted(categories)))
    rows = session.execute(stmt).all()
    return pd.Series({u: int(v) for u, v in rows}, dtype="int64")
