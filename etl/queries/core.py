"""Core reads: figures from the maintained aggregates, options, reference tables, batches, as-of lines."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.data_version import reads_protected, reads_released, remembered_until_next_load
from etl.disclosure.apply import merge_january, protect, row_keys
from etl.disclosure.catalogue import KEY_COLUMNS, MONTH, YTD, Hierarchy, filter_nodes, window_of
from etl.release.scopes import scope_of


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


# ---------------------------------------------------------------- figures for screens and the CLI

from etl.filters import GROUP_PREFIX, ReportFilter  # noqa: E402

AMOUNT = "amount"  # cents (USD) or fen (CNY), int64
CELL_DIMS = ("period", "region_code", "category_code", "mode", "direction")
PARTNER_DIMS = ("period", "region_code", "partner_code", "mode", "direction")


def region_closure(session: Session, regions: tuple[str, ...]) -> list[str] | None:
    """The regions and all their descendants; None when no region filter is set."""
    if not regions:
        return None
    parents = dict(session.execute(sa.select(m.Region.code, m.Region.parent_code)).all())
    out, todo = set(), list(regions)
    while todo:
        code = todo.pop()
        if code in out:
            continue
        out.add(code)
        todo.extend(c for c, p in parents.items() if p == code)
    return sorted(out)


def _expand_groups(session: Session, codes: tuple[str, ...], member) -> set[str]:
    groups = [c[len(GROUP_PREFIX) :] for c in codes if c.startswith(GROUP_PREFIX)]
    plain = {c for c in codes if not c.startswith(GROUP_PREFIX)}
    if groups:
        plain |= set(session.scalars(sa.select(member[1]).where(member[0].in_(groups))))
    return plain


def category_closure(session: Session, categories: tuple[str, ...]) -> tuple[set[str], bool] | None:
    """Category codes the filter means (with sub-items) and whether all are main categories."""
    if not categories:
        return None
    member = (m.CategoryGroupMember.group_code, m.CategoryGroupMember.category_code)
    codes = _expand_groups(session, categories, member)
    parents = dict(
        session.execute(sa.select(m.ServiceCategory.code, m.ServiceCategory.parent_code)).all()
    )
    main = {c for c in codes if parents.get(c) is None}
    closure = set(codes)
    changed = True
    while changed:
        children = {c for c, p in parents.items() if p in closure} - closure
        closure |= children
        changed = bool(children)
    # Main-level answer only when no code is a sub-item whose main category is not also chosen.
    return closure, codes == main


def partner_closure(session: Session, partners: tuple[str, ...]) -> set[str] | None:
    """Partner codes the filter means (groups expanded)."""
    if not partners:
        return None
    member = (m.PartnerGroupMember.group_code, m.PartnerGroupMember.partner_code)
    return _expand_groups(session, partners, member)


def _apply(stmt, table, f: ReportFilter, regions, categories=None, partners=None):
    stmt = stmt.where(
        table.period.between(f.period_from, f.period_to),
        table.mode.in_(f.effective_modes()),
        table.direction.in_(f.directions),
    )
    if regions is not None:
        stmt = stmt.where(table.region_code.in_(regions))
    if categories is not None:
        stmt = stmt.where(table.category_code.in_(sorted(categories)))
    if partners is not None:
        stmt = stmt.where(table.partner_code.in_(sorted(partners)))
    return stmt


def totals(session: Session, f: ReportFilter, by: tuple[str, ...]) -> pd.DataFrame:
    """Amounts grouped by any of period, region_code, category_code, mode, direction.

    Answers from agg_cell (main categories) or, when the filter needs sub-items, agg_category;
    with a partner filter, from agg_partner or (categories involved) agg_partner_category.
    """
    table, narrowing = totals_source(session, f, by)
    return _grouped(session, table, f, by, **narrowing)


def totals_source(session: Session, f: ReportFilter, by: tuple[str, ...]) -> tuple[type, dict]:
    """The aggregate table `totals` reads for a filter, and how it narrows it (_grouped's
    categories, partners and main_codes)."""
    cats = category_closure(session, f.categories)
    codes = None if cats is None else cats[0]
    if f.partners:
        partners = partner_closure(session, f.partners)
        if cats is None and "category_code" not in by:
            return m.AggPartner, {"partners": partners}
        return m.AggPartnerCategory, {
            "categories": codes,
            "partners": partners,
            "main_codes": True,
        }
    table = m.AggCell if cats is None or cats[1] else m.AggCategory
    return table, {"categories": codes}


def sub_item_totals(session: Session, f: ReportFilter, by: tuple[str, ...]) -> pd.DataFrame:
    """Like totals, but by the category codes as reported (sub-items kept apart)."""
    cats = category_closure(session, f.categories)
    return _grouped(session, m.AggCategory, f, by, categories=None if cats is None else cats[0])


def partner_totals(session: Session, f: ReportFilter, by: tuple[str, ...]) -> pd.DataFrame:
    """Amounts grouped by any of period, region_code, partner_code, mode, direction."""
    table, narrowing = partner_source(session, f)
    return _grouped(session, table, f, by, **narrowing)


def partner_source(session: Session, f: ReportFilter) -> tuple[type, dict]:
    """The aggregate table `partner_totals` reads for a filter, and how it narrows it."""
    partners = partner_closure(session, f.partners)
    cats = category_closure(session, f.categories)
    if cats is not None:
        return m.AggPartnerCategory, {"categories": cats[0], "partners": partners}
    return m.AggPartner, {"partners": partners}


def _grouped(
    session: Session,
    table,
    f: ReportFilter,
    by: tuple[str, ...],
    categories: set[str] | None = None,
    partners: set[str] | None = None,
    main_codes: bool = False,
) -> pd.DataFrame:
    """Sum of the filter's currency over an aggregate table, grouped by the given columns.

    main_codes: the table keeps categories as reported; group them by their main category.
    A session of the released audience reads the table's released copy (pub_*, same keys).
    """
    if reads_protected(session):
        return _circulated(session, table, f, by, categories, partners, main_codes)
    if reads_released(session):
        table = m.PUBLISHED[table.__tablename__]
    return read_grouped(session, table, f, by, categories, partners, main_codes)


def _circulated(session, table, f: ReportFilter, by, categories, partners, main_codes):
    """The released audience's read: released rows, 1–2月 as one month, protected cells NA.

    Every row is a cell of etl.disclosure.catalogue or reads "C"; the pattern stored with each
    month's release (etl.disclosure.store) says which cells are suppressed (docs/disclosure.md).
    """
    window = window_of(f.period_from, f.period_to)
    wide = f
    if "period" in by and f.period_from % 100 == 2:  # February is 1–2月: read its January too
        wide = f.with_periods(f.period_from - 1, f.period_to)
    pub = m.PUBLISHED[table.__tablename__]
    frame = read_grouped(session, pub, wide, by, categories, partners, main_codes)
    frame = merge_january(frame, by, f.period_to)
    placed = catalogue_place(session, f)
    if placed is None:
        return protect(frame, [None] * len(frame), set(), set())
    tree, scope, nodes = placed
    as_reported = table is m.AggCategory or (table is m.AggPartnerCategory and not main_codes)
    keys = row_keys(frame, by, nodes, window, tree, as_reported)
    fixed = {d: nodes[d] for d in nodes if _BY_COLUMN[d] not in by}
    if "period" not in by and window is not None:
        fixed["window"] = window[0]
    # the nodes the rows read, for the dimensions the read does not fix: an index seek
    among = {
        column: sorted({key[i] for key in keys if key is not None})
        for i, column in enumerate(KEY_COLUMNS)
        if column in ("window", *_BY_COLUMN) and column not in fixed
    }
    suppressed, computed = protected_cells(session, scope, f.period_from, f.period_to, fixed, among)
    return protect(frame, keys, suppressed, computed)


def catalogue_place(
    session: Session, f: ReportFilter, tree: Hierarchy | None = None
) -> tuple[Hierarchy, str, dict[str, str]] | None:
    """The hierarchy, the release scope and the catalogue node of each dimension a circulated
    read fixes; None when the read is no cell of the catalogue (it reads "C").
    tree: the hierarchy when the caller has read it already (one read for many places)."""
    tree = tree or hierarchy(session)
    nodes = filter_nodes(f, tree)
    if nodes is None or not f.regions:
        return None
    scope = scope_of(f.regions[0], tree.region_parent)
    if scope not in tree.region_nodes(nodes["region"], scope):
        # 重庆市 shows 两江新区's release: the same cells, so its rows take the scope's keys
        nodes["region"] = scope
    return tree, scope, nodes


_BY_COLUMN = {
    "region": "region_code",
    "category": "category_code",
    "mode": "mode",
    "direction": "direction",
    "partner": "partner_code",
}


def read_grouped(
    session, table, f: ReportFilter, by, categories=None, partners=None, main_codes=False
) -> pd.DataFrame:
    """Sum of the filter's currency over one table, grouped by the given columns."""
    value = table.usd_cents if f.currency == "USD" else table.cny_fen
    column = {d: getattr(table, d) for d in by}
    stmt = sa.select()
    if main_codes and "category_code" in by:
        column["category_code"] = m.ServiceCategory.main_code
        stmt = stmt.select_from(table).join(
            m.ServiceCategory, m.ServiceCategory.code == table.category_code
        )
    dims = [column[d].label(d) for d in by]
    stmt = stmt.add_columns(*dims, sa.func.sum(value).label(AMOUNT)).group_by(*dims)
    stmt = _apply(stmt, table, f, region_closure(session, f.regions), categories, partners)
    return _frame(session, stmt, list(by))


def _frame(session: Session, stmt, columns: list[str]) -> pd.DataFrame:
    rows = session.execute(stmt).all()
    frame = pd.DataFrame(rows, columns=columns + [AMOUNT])
    # An ungrouped SUM over no rows is NULL: that is a total of zero, not a missing value.
    frame[AMOUNT] = frame[AMOUNT].fillna(0).astype("int64")
    return frame


def enterprises_reporting(session: Session, f: ReportFilter) -> pd.DataFrame:
    """Number of enterprises with a current report, per period (regions filter applies)."""
    regions = region_closure(session, f.regions)
    stmt = (
        sa.select(m.Report.period, sa.func.count(sa.distinct(m.Report.uscc)).label("enterprises"))
        .join(m.ReportVersion, m.ReportVersion.id == m.Report.current_version_id)
        .where(m.Report.period.between(f.period_from, f.period_to))
        .group_by(m.Report.period)
    )
    if regions is not None:
        stmt = stmt.where(m.ReportVersion.region_code.in_(regions))
    if reads_released(session):
        stmt = stmt.where(m.Report.period.in_(_released_periods(session)))
    return pd.DataFrame(session.execute(stmt).all(), columns=["period", "enterprises"])


def top_enterprises(session: Session, f: ReportFilter, n: int = 10) -> pd.DataFrame:
    """Largest enterprises in the slice (enterprise-level detail: callers must check the role)."""
    regions = region_closure(session, f.regions)
    cats = category_closure(session, f.categories)
    t = m.AggEnterpriseMonth
    value = t.usd_cents if f.currency == "USD" else t.cny_fen
    stmt = (
        sa.select(t.uscc, m.Enterprise.name, sa.func.sum(value).label(AMOUNT))
        .join(m.Enterprise, m.Enterprise.uscc == t.uscc)
        .group_by(t.uscc, m.Enterprise.name)
        .order_by(sa.func.sum(value).desc())
        .limit(n)
    )
    stmt = _apply(stmt, t, f, regions, None if cats is None else cats[0])
    return _frame(session, stmt, ["uscc", "name"])


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


@remembered_until_next_load
def reporting_enterprises(session: Session, f: ReportFilter) -> pd.DataFrame:
    """Distinct (region_code, uscc) pairs with a current report in the periods (regions apply)."""
    ver = m.ReportVersion
    stmt = (
        sa.select(ver.region_code, m.Report.uscc)
        .distinct()
        .join(ver, ver.id == m.Report.current_version_id)
        .where(m.Report.period.between(f.period_from, f.period_to))
    )
    regions = region_closure(session, f.regions)
    if regions is not None:
        stmt = stmt.where(ver.region_code.in_(regions))
    if reads_released(session):
        stmt = stmt.where(m.Report.period.in_(_released_periods(session)))
    return pd.DataFrame(session.execute(stmt).all(), columns=["region_code", "uscc"])


def _released_periods(session: Session, scope: str | None = None):
    """A subquery of the months with a current release (of one scope, when given)."""
    r = m.Release
    stmt = sa.select(r.period).where(r.current.is_(True))
    if scope is not None:
        stmt = stmt.where(r.scope_code == scope)
    return stmt


def released_range(session: Session, scope: str | None = None) -> tuple[int | None, int | None]:
    """The first and last released month (of one scope, when given); (None, None): none."""
    r = m.Release
    stmt = sa.select(sa.func.min(r.period), sa.func.max(r.period)).where(r.current.is_(True))
    if scope is not None:
        stmt = stmt.where(r.scope_code == scope)
    first, last = session.execute(stmt).one()
    return first, last


def period_range(session: Session) -> tuple[int | None, int | None]:
    """The first and last month with a current report (None, None when nothing is loaded);
    for a session of the released audience, the first and last released month."""
    if reads_released(session):
        return released_range(session)
    # Two statements, not min() and max() in one: alone, each is an index lookup in SQLite
    # (together they scan every report — hundreds of ms at national scale, on every page call).
    current = m.Report.current_version_id.is_not(None)
    first = session.scalar(sa.select(sa.func.min(m.Report.period)).where(current))
    last = session.scalar(sa.select(sa.func.max(m.Report.period)).where(current))
    return first, last


# ---------------------------------------------------------------- dashboard: filter options


def reference_table(session: Session, name: str) -> pd.DataFrame:
    """One reference table as a frame, in its display order: region, service_category,
    category_group (with a category_code per member), supply_mode."""
    if name == "region":
        t = m.Region
        stmt = sa.select(t.code, t.parent_code, t.kind, t.sort_order, t.name_zh, t.name_en)
        stmt = stmt.order_by(t.sort_order, t.code)
    elif name == "service_category":
        t = m.ServiceCategory
        stmt = sa.select(
            t.code, t.parent_code, t.main_code, t.level, t.sort_order, t.name_zh, t.name_en
        ).order_by(t.sort_order, t.code)
    elif name == "category_group":
        g, gm = m.CategoryGroup, m.CategoryGroupMember
        stmt = (
            sa.select(g.code, g.name_zh, g.name_en, gm.category_code)
            .join(gm, gm.group_code == g.code)
            .order_by(g.code, gm.category_code)
        )
    elif name == "supply_mode":
        t = m.SupplyMode
        stmt = sa.select(
            t.code,
            t.name_zh,
            t.name_en,
            t.short_zh,
            t.short_en,
            t.in_bop_total,
            t.measure_zh,
            t.measure_en,
        ).order_by(t.code)
    else:
        raise ValueError(f"unknown reference table {name!r}")
    result = session.execute(stmt)
    return pd.DataFrame(result.all(), columns=list(result.keys()))


# ---------------------------------------------------------------- snapshots: "as of" reads, archive
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
    return _columns_frame(session, stmt, [*AS_OF_DIMS, "category_code", "mode", "direction"])


def enterprise_partners_as_of(
    session: Session,
    event_id: int,
    period_from: int,
    period_to: int,
    regions: list[str] | None = None,
) -> pd.DataFrame:
    """Per enterprise × month × partner × mode × direction, as of a data event."""
    stmt = _as_of_lines(event_id, period_from, period_to, m.ReportLine.partner_code, regions)
    return _columns_frame(session, stmt, [*AS_OF_DIMS, "partner_code", "mode", "direction"])


def _columns_frame(session: Session, stmt, columns: list[str]) -> pd.DataFrame:
    """Like _frame, built column-wise (hundreds of thousands of rows: Row objects are slow)."""
    rows = session.execute(stmt).all()
    data = list(zip(*rows)) if rows else [()] * (len(columns) + 1)
    frame = pd.DataFrame(dict(zip(columns + [AMOUNT], data)))
    frame[AMOUNT] = frame[AMOUNT].astype("int64")
    return frame


def group_members(session: Session) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Category and partner groups with their members: code, name_zh, name_en, member."""
    out = []
    for g, gm, member in (
        (m.CategoryGroup, m.CategoryGroupMember, "category_code"),
        (m.PartnerGroup, m.PartnerGroupMember, "partner_code"),
    ):
        stmt = (
            sa.select(g.code, g.name_zh, g.name_en, getattr(gm, member).label("member"))
            .join(gm, gm.group_code == g.code)
            .order_by(g.code, getattr(gm, member))
        )
        out.append(
            pd.DataFrame(
                session.execute(stmt).all(), columns=["code", "name_zh", "name_en", "member"]
            )
        )
    return out[0], out[1]


def targets_in_regions(session: Session, regions: list[str]) -> list[m.Target]:
    """The stored targets of the given regions, by region and code."""
    stmt = (
        sa.select(m.Target)
        .where(m.Target.region_code.in_(sorted(regions)))
        .order_by(m.Target.region_code, m.Target.code)
    )
    return list(session.scalars(stmt))


def snapshot_records(session: Session, snapshot_id: int | None = None) -> list[m.Snapshot]:
    """Archived snapshots, newest first (or the one with the given id)."""
    stmt = sa.select(m.Snapshot).order_by(m.Snapshot.month.desc(), m.Snapshot.id.desc())
    if snapshot_id is not None:
        stmt = stmt.where(m.Snapshot.id == snapshot_id)
    return list(session.scalars(stmt))


def original_snapshot(
    session: Session, month: int, region_code: str, internal: bool
) -> m.Snapshot | None:
    """The first (unrevised) archived snapshot of a month, scope and variant."""
    s = m.Snapshot
    return session.scalar(
        sa.select(s)
        .where(
            s.month == month,
            s.region_code == region_code,
            s.internal == internal,
            s.revised_from_id.is_(None),
        )
        .order_by(s.id)
        .limit(1)
    )


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


def latest_period(session: Session, year: int | None = None) -> int | None:
    """The newest month with a current report (within year, when given); released audience:
    the newest released month."""
    if reads_released(session):
        r = m.Release
        stmt = sa.select(sa.func.max(r.period)).where(r.current.is_(True))
        if year is not None:
            stmt = stmt.where(r.period.between(year * 100 + 1, year * 100 + 12))
        return session.scalar(stmt)
    stmt = sa.select(sa.func.max(m.Report.period)).where(m.Report.current_version_id.is_not(None))
    if year is not None:
        stmt = stmt.where(m.Report.period.between(year * 100 + 1, year * 100 + 12))
    return session.scalar(stmt)


def stored_targets(session: Session) -> list[m.Target]:
    """Every policy target, by region and code."""
    return list(session.scalars(sa.select(m.Target).order_by(m.Target.region_code, m.Target.code)))


def protected_cells(
    session: Session,
    scope: str,
    period_from: int,
    period_to: int,
    fixed: dict[str, str],
    among: dict[str, list[str]] | None = None,
) -> tuple[set[tuple], set[int]]:
    """For reads: the suppressed cells of a scope's current releases of months in a range (keys as
    etl.disclosure.catalogue.KEY_COLUMNS), narrowed by the dimensions the read fixes (and, for
    `among`, to the nodes it reads); and the months whose current release has a computed
    pattern (any other month reads "C")."""
    p, r, run = m.ProtectedCell, m.Release, m.DisclosureRun
    current = sa.select(r.id).where(
        r.current.is_(True), r.scope_code == scope, r.period.between(period_from, period_to)
    )
    stmt = sa.select(*[getattr(p, c) for c in KEY_COLUMNS]).where(
        p.period.between(period_from, period_to), p.release_id.in_(current)
    )
    for column, node in fixed.items():
        stmt = stmt.where(getattr(p, column) == node)
    # Every column of the key narrowed (windows are m or y): the primary key (release_id,
    # window, region, …) is then a seek, not a scan of each release's cells (87 → 5 ms).
    among = {"window": [MONTH, YTD], **(among or {})}
    for column, nodes in among.items():
        if column not in fixed:
            stmt = stmt.where(getattr(p, column).in_(sorted(set(nodes))))
    keys = {tuple(row) for row in session.execute(stmt)}
    computed = session.scalars(
        sa.select(r.period)
        .join(run, run.release_id == r.id)
        .where(r.current.is_(True), r.scope_code == scope, r.period.between(period_from, period_to))
    )
    return keys, set(computed)


def hierarchy(session: Session) -> Hierarchy:
    """The region, category and partner hierarchies from the reference tables."""
    regions = dict(session.execute(sa.select(m.Region.code, m.Region.parent_code)).all())
    mains = dict(
        session.execute(sa.select(m.ServiceCategory.code, m.ServiceCategory.main_code)).all()
    )
    category_groups: dict[str, set[str]] = {}
    for group, code in session.execute(
        sa.select(m.CategoryGroupMember.group_code, m.CategoryGroupMember.category_code)
    ):
        category_groups.setdefault(group, set()).add(code)
    partner_groups: dict[str, set[str]] = {}
    for group, code in session.execute(
        sa.select(m.PartnerGroupMember.group_code, m.PartnerGroupMember.partner_code)
    ):
        partner_groups.setdefault(group, set()).add(code)
    return Hierarchy(
        region_parent=regions,
        category_main={c: (main or c) for c, main in mains.items()},
        category_groups={g: frozenset(c) for g, c in category_groups.items()},
        partner_groups={g: frozenset(c) for g, c in partner_groups.items()},
        split_mains=frozenset(main for c, main in mains.items() if main and main != c),
    )
