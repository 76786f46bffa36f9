"""Maintain the pre-aggregated tables inside the load's transaction.

Loads and retractions both end here with the (enterprise, period) pairs they touched. The
enterprise-level table is rebuilt for exactly those pairs from the current report lines, then every
(period, region) slice they touch is recomputed from it — amount, contributors and the two largest
contributions (the inputs disclosure control needs). Recomputing slices rather than adding deltas
keeps contributor counts and top-2 values exact after revisions and retractions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m

CHUNK = 900  # bound parameters per IN list: safe for every SQLite build


def _chunks(values: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _current_lines():
    """Current report lines joined to their report and version."""
    return (
        sa.select()
        .select_from(m.Report)
        .join(m.ReportVersion, m.ReportVersion.id == m.Report.current_version_id)
        .join(m.ReportLine, m.ReportLine.version_id == m.ReportVersion.id)
    )


def _enterprise_month_source(*criteria):
    """Current lines summed to agg_enterprise_month's grain, for the reports the criteria pick."""
    line = m.ReportLine
    return (
        _current_lines()
        .add_columns(
            m.Report.period,
            m.ReportVersion.region_code,
            m.Report.uscc,
            line.category_code,
            line.mode,
            line.direction,
            sa.func.sum(line.amount_usd_cents),
            sa.func.sum(line.amount_cny_fen),
        )
        .where(*criteria)
        .group_by(
            m.Report.period,
            m.ReportVersion.region_code,
            m.Report.uscc,
            line.category_code,
            line.mode,
            line.direction,
        )
    )


AEM_COLUMNS = [
    "period",
    "region_code",
    "uscc",
    "category_code",
    "mode",
    "direction",
    "usd_cents",
    "cny_fen",
]


def refresh_enterprise_month(session: Session, pairs: Iterable[tuple[str, int]]) -> None:
    """Rebuild agg_enterprise_month rows for the given (uscc, period) pairs from current lines."""
    by_period: dict[int, list[str]] = defaultdict(list)
    for uscc, period in pairs:
        by_period[period].append(uscc)
    aem = m.AggEnterpriseMonth
    for period, usccs in by_period.items():
        for chunk in _chunks(sorted(set(usccs))):
            session.execute(sa.delete(aem).where(aem.period == period, aem.uscc.in_(chunk)))
            source = _enterprise_month_source(m.Report.period == period, m.Report.uscc.in_(chunk))
            session.execute(sa.insert(aem).from_select(AEM_COLUMNS, source))


def refresh_batch_enterprise_months(session: Session, batch_id: int) -> None:
    """Rebuild agg_enterprise_month for the reports now current in a batch, in two statements.

    The same rows as refresh_enterprise_month over those (uscc, period) pairs, but joined to the
    batch instead of hundreds of IN-list statements (which PostgreSQL plans badly for rows the
    load itself has just written and has no statistics for).
    """
    aem, rv = m.AggEnterpriseMonth, m.ReportVersion
    in_batch = (
        sa.select(m.Report.period, m.Report.uscc)
        .join(rv, rv.id == m.Report.current_version_id)
        .where(rv.batch_id == batch_id)
    )
    session.execute(sa.delete(aem).where(sa.tuple_(aem.period, aem.uscc).in_(in_batch)))
    source = _enterprise_month_source(m.ReportVersion.batch_id == batch_id)
    session.execute(sa.insert(aem).from_select(AEM_COLUMNS, source))


def _ranked_insert(session: Session, table, keys: list[str], per_enterprise) -> None:
    """Insert cells summed over enterprises, with contributor count and the two largest values."""
    ent = per_enterprise.subquery("ent")
    partition = [ent.c[k] for k in keys]
    ranked = sa.select(
        *partition,
        ent.c.usd,
        ent.c.cny,
        sa.func.row_number().over(partition_by=partition, order_by=ent.c.usd.desc()).label("rn"),
    ).subquery("ranked")
    rk = [ranked.c[k] for k in keys]
    rn_value = lambda n: sa.func.sum(sa.case((ranked.c.rn == n, ranked.c.usd), else_=0))  # noqa: E731
    cells = sa.select(
        *rk,
        sa.func.sum(ranked.c.usd),
        sa.func.sum(ranked.c.cny),
        sa.func.sum(sa.case((ranked.c.usd > 0, 1), else_=0)),
        rn_value(1),
        rn_value(2),
    ).group_by(*rk)
    session.execute(
        sa.insert(table).from_select(
            keys + ["usd_cents", "cny_fen", "n_enterprises", "top1_usd_cents", "top2_usd_cents"],
            cells,
        )
    )


def refresh_slices(session: Session, slices: Iterable[tuple[int, str]]) -> None:
    """Recompute the cell tables (SLICE_TABLES) for the given (period, region_code) slices."""
    by_period: dict[int, set[str]] = defaultdict(set)
    for period, region in slices:
        by_period[period].add(region)
    # Months touching the same regions share statements (a multi-month file: a handful, not
    # four per month); months × regions is then exactly the slices asked for.
    by_regions: dict[frozenset[str], list[int]] = defaultdict(list)
    for period, regions in by_period.items():
        by_regions[frozenset(regions)].append(period)
    for regions, periods in by_regions.items():
        for months in _chunks(sorted(periods), CHUNK // 2):
            for chunk in _chunks(sorted(regions), CHUNK // 2):
                _refresh_cells(session, months, chunk)


SLICE_TABLES = (m.AggCell, m.AggCategory, m.AggPartner, m.AggPartnerCategory)


def _refresh_cells(session: Session, periods: list[int], chunk: list[str]) -> None:
    """Recompute the cell tables for every month in periods × region in chunk."""
    for table in SLICE_TABLES:
        session.execute(
            sa.delete(table).where(table.period.in_(periods), table.region_code.in_(chunk))
        )
    _insert_category_cells(session, periods, chunk)
    _insert_partner_cells(session, periods, chunk)


def _insert_category_cells(session: Session, periods: list[int], chunk: list[str]) -> None:
    """agg_cell (main categories) and agg_category (as reported), ranked per enterprise."""
    aem, cat = m.AggEnterpriseMonth, m.ServiceCategory
    keys = ["period", "region_code", "category_code", "mode", "direction"]
    for table, code in ((m.AggCell, cat.main_code), (m.AggCategory, aem.category_code)):
        per_enterprise = (
            sa.select(
                aem.period,
                aem.region_code,
                code.label("category_code"),
                aem.mode,
                aem.direction,
                aem.uscc,
                sa.func.sum(aem.usd_cents).label("usd"),
                sa.func.sum(aem.cny_fen).label("cny"),
            )
            .join(cat, cat.code == aem.category_code)
            .where(aem.period.in_(periods), aem.region_code.in_(chunk))
            .group_by(aem.period, aem.region_code, code, aem.mode, aem.direction, aem.uscc)
        )
        _ranked_insert(session, table, keys, per_enterprise)


def _insert_partner_cells(session: Session, periods: list[int], chunk: list[str]) -> None:
    """agg_partner (ranked per enterprise) and agg_partner_category (sums) from current lines."""
    line = m.ReportLine
    in_slices = (m.Report.period.in_(periods), m.ReportVersion.region_code.in_(chunk))
    partner_keys = ["period", "region_code", "partner_code", "mode", "direction"]
    per_enterprise_partner = (
        _current_lines()
        .add_columns(
            m.Report.period.label("period"),
            m.ReportVersion.region_code.label("region_code"),
            line.partner_code.label("partner_code"),
            line.mode.label("mode"),
            line.direction.label("direction"),
            m.Report.uscc.label("uscc"),
            sa.func.sum(line.amount_usd_cents).label("usd"),
            sa.func.sum(line.amount_cny_fen).label("cny"),
        )
        .where(*in_slices)
        .group_by(
            m.Report.period,
            m.ReportVersion.region_code,
            line.partner_code,
            line.mode,
            line.direction,
            m.Report.uscc,
        )
    )
    _ranked_insert(session, m.AggPartner, partner_keys, per_enterprise_partner)
    dims = [
        line.category_code,
        m.Report.period,
        m.ReportVersion.region_code,
        line.partner_code,
        line.mode,
        line.direction,
    ]
    sums = (
        _current_lines()
        .add_columns(*dims, sa.func.sum(line.amount_usd_cents), sa.func.sum(line.amount_cny_fen))
        .where(*in_slices)
        .group_by(*dims)
    )
    session.execute(
        sa.insert(m.AggPartnerCategory).from_select(
            [
                "category_code",
                "period",
                "region_code",
                "partner_code",
                "mode",
                "direction",
                "usd_cents",
                "cny_fen",
            ],
            sums,
        )
    )


def rebuild_all(session: Session) -> None:
    """Recompute every aggregate table from the current report lines (repair and verification)."""
    for table in (*SLICE_TABLES, m.AggEnterpriseMonth):
        session.execute(sa.delete(table))
    pairs = session.execute(
        sa.select(m.Report.uscc, m.Report.period).where(m.Report.current_version_id.is_not(None))
    ).all()
    refresh_enterprise_month(session, pairs)
    slices = session.execute(
        sa.select(m.AggEnterpriseMonth.period, m.AggEnterpriseMonth.region_code).distinct()
    ).all()
    refresh_slices(session, slices)
