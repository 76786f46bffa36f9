"""Sums over runs of months: monthly figures with the window cells that fix their sums.

A reader with enterprise-level rights gets plain monthly sums. The circulated reader gets each
month where it is a published cell, and every run of months the published 1–N月 and month cells
determine (etl.disclosure.spans): a pilot year, a target's window, a year earlier, even where a
month inside it is hidden — never a figure the cells do not fix.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from etl import models as m
from etl.data_version import reads_protected
from etl.disclosure.spans import Months, published_months, window_cells
from etl.filters import ReportFilter
from etl.periods import month_range
from etl.queries.core import (
    catalogue_place,
    partner_source,
    partner_totals,
    protected_cells,
    read_grouped,
    totals,
    totals_source,
)

BY_PERIOD = ("period",)


def monthly_figures(session: Session, f: ReportFilter, partners: bool = False) -> Months:
    """The filter's monthly amounts and, for the circulated reader, its published window cells.

    partners: read as etl.queries.core.partner_totals does (the Partners page), else as totals.
    """
    if not reads_protected(session):
        frame = (partner_totals if partners else totals)(session, f, BY_PERIOD)
        return Months(frame.set_index("period")["amount"].astype("int64").sort_index())
    table, narrowing = (
        partner_source(session, f) if partners else totals_source(session, f, BY_PERIOD)
    )
    first = f.period_from - f.period_from % 100 + 1  # 1–N月 cells count from January
    wide = f.with_periods(first, f.period_to)
    pub = m.PUBLISHED[table.__tablename__]
    raw = read_grouped(session, pub, wide, BY_PERIOD, **narrowing)
    amounts = {int(p): int(v) for p, v in zip(raw["period"], raw["amount"])}
    place = catalogue_place(session, f)
    cells = {}
    if place is not None:  # anything else is no cell of the catalogue: every month reads C
        _, scope, nodes = place
        suppressed, released = protected_cells(session, scope, first, f.period_to, nodes)
        cells = window_cells(amounts, released, {(key[0], key[1]) for key in suppressed})
    return Months(published_months(amounts, cells, f.period_from, f.period_to), cells)


def window_totals(
    session: Session, f: ReportFilter, spans: list[tuple[int, int]], partners: bool = False
) -> list:
    """Each (first, last) month span's total of the filter, in one read: a number, or pd.NA
    where a hidden month in it is not fixed by published cells (the circulated reader)."""
    if not spans:
        return []
    wide = f.with_periods(min(a for a, _ in spans), max(b for _, b in spans))
    months = monthly_figures(session, wide, partners)
    return [months.total(month_range(a, b)) for a, b in spans]
