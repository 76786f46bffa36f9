"""Figures from the maintained aggregates: totals, sub-item and partner totals by any
dimensions, and the circulated read of them (released cells, protected ones NA)."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.data_version import reads_protected, reads_released
from etl.disclosure.apply import merge_january, protect, row_keys
from etl.disclosure.catalogue import KEY_COLUMNS, Hierarchy, filter_nodes, window_of
from etl.filters import ReportFilter
from etl.queries.closures import apply_filter, category_closure, partner_closure, region_closure
from etl.queries.disclosure import hierarchy, protected_cells
from etl.queries.frames import AMOUNT, result_frame
from etl.release.scopes import scope_of

CELL_DIMS = ("period", "region_code", "category_code", "mode", "direction")
PARTNER_DIMS = ("period", "region_code", "partner_code", "mode", "direction")


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
    stmt = apply_filter(stmt, table, f, region_closure(session, f.regions), categories, partners)
    return result_frame(session, stmt, list(by))
