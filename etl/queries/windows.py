"""Sums over runs of months: monthly figures with the window cells that fix their sums.

A reader with enterprise-level rights gets plain monthly sums. The circulated reader gets each
month where it is a published cell, and every run of months the published 1–N月 and month cells
determine (etl.disclosure.spans): a pilot year, a target's window, a year earlier, even where a
month inside it is hidden — never a figure the cells do not fix.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from sqlalchemy.orm import Session

from etl import models as m
from etl.data_version import reads_protected
from etl.disclosure.catalogue import KEY_COLUMNS
from etl.disclosure.spans import Months, published_months, window_cells
from etl.filters import ReportFilter
from etl.periods import month_range
from etl.queries.closures import category_closure
from etl.queries.disclosure import hierarchy, protected_cells
from etl.queries.figures import (
    catalogue_place,
    partner_source,
    partner_totals,
    read_grouped,
    sub_item_totals,
    totals,
    totals_source,
)
from etl.reference import region_descendants

BY_PERIOD = ("period",)
ALL = "*"  # months_by's "category" value for every category (the catalogue's total node)


def monthly_figures(session: Session, f: ReportFilter, partners: bool = False) -> Months:
    """The filter's monthly amounts and, for the circulated reader, its published window cells.

    partners: read as etl.queries.figures.partner_totals does (the Partners page), else as totals.
    """
    if not reads_protected(session):
        frame = (partner_totals if partners else totals)(session, f, BY_PERIOD)
        return Months(frame.set_index("period")["amount"].astype("int64").sort_index())
    table, narrowing = (
        partner_source(session, f) if partners else totals_source(session, f, BY_PERIOD)
    )
    first = f.period_from - f.period_from % 100 + 1  # 1–N月 cells count from January
    wide = f.with_periods(first, f.period_to)
    raw = read_grouped(session, m.PUBLISHED[table.__tablename__], wide, BY_PERIOD, **narrowing)
    amounts = {int(p): int(v) for p, v in zip(raw["period"], raw["amount"])}
    return _months(session, f, amounts, first)


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


def region_window_totals(
    session: Session, f: ReportFilter, regions: list[str], spans: list[tuple[int, int]]
) -> dict[str, list]:
    """For each region (f's region or regions below it), each span's total as window_totals
    reads it for that region alone (months_by: two reads for all of them)."""
    wide = f.with_periods(min(a for a, _ in spans), max(b for _, b in spans))
    read = months_by(session, wide, "region", regions)
    return {r: [read[r].total(month_range(a, b)) for a, b in spans] for r in regions}


def months_by(
    session: Session,
    f: ReportFilter,
    dimension: str,
    values: list,
    read: pd.DataFrame | None = None,
) -> dict:
    """Each value's Months of f along one dimension ("region": f's region or regions below it;
    "mode": modes f counts; "category": categories, sub-items, group:CODE groups, or ALL for
    every category (f itself names no category, nor partners)), as monthly_figures reads each
    alone: one read of the amounts and, for the circulated reader, one of the pattern per
    release scope, not reads per value.

    read: totals(session, f, ("period", <the dimension's column>)) when the caller has it
    (sub_item_totals for "category"); a reader with enterprise-level rights then needs no read
    at all."""
    column = {"region": "region_code", "mode": "mode", "category": "category_code"}[dimension]
    wide = f.with_periods(f.period_from - f.period_from % 100 + 1, f.period_to)  # 1–N月 cells
    by = ("period", column)
    protected = reads_protected(session)
    if dimension == "category":
        if f.categories or f.partners:
            raise ValueError("months_by over categories reads a filter without categories")
        if protected:  # categories as reported: a group's sub-items are its own rows
            frame = read_grouped(session, m.PUBLISHED[m.AggCategory.__tablename__], wide, by)
        else:
            frame = read if read is not None else sub_item_totals(session, f, by)
    elif protected:
        table, narrowing = totals_source(session, wide, by)
        frame = read_grouped(session, m.PUBLISHED[table.__tablename__], wide, by, **narrowing)
    else:
        frame = read if read is not None else totals(session, f, by)
    tree = hierarchy(session)
    position = KEY_COLUMNS.index(dimension)
    patterns: dict[tuple, tuple[set, set]] = {}  # (scope, fixed nodes) -> (suppressed, released)
    places = {}
    alone = {"region": "regions", "mode": "modes", "category": "categories"}[dimension]
    for value in values if protected else ():
        asked = () if value == ALL else (value,)
        places[value] = catalogue_place(session, replace(wide, **{alone: asked}), tree)
    read_nodes = [place[2][dimension] for place in places.values() if place is not None]
    out = {}
    for value in values:
        if dimension == "region":
            part = frame[frame[column].isin(region_descendants(tree.region_parent, value))]
        elif dimension == "category" and value == ALL:
            part = frame
        elif dimension == "category":
            part = frame[frame[column].isin(category_closure(session, (value,))[0])]
        else:
            part = frame[frame[column].astype(int) == value]
        amounts = {int(p): int(v) for p, v in part.groupby("period")["amount"].sum().items()}
        if not protected:
            series = pd.Series(amounts, dtype="int64").sort_index()
            out[value] = Months(series[series.index >= f.period_from])
            continue
        place = places[value]
        cells = {}
        if place is not None:  # anything else is no cell of the catalogue: every month reads C
            _, scope, nodes = place
            fixed = {d: n for d, n in nodes.items() if d != dimension}
            key = (scope, tuple(sorted(fixed.items())))
            if key not in patterns:
                patterns[key] = protected_cells(
                    session, scope, wide.period_from, wide.period_to, fixed, {dimension: read_nodes}
                )
            suppressed, released = patterns[key]
            hidden = {(k[0], k[1]) for k in suppressed if k[position] == nodes[dimension]}
            cells = window_cells(amounts, released, hidden)
        out[value] = Months(published_months(amounts, cells, f.period_from, f.period_to), cells)
    return out


def _months(session: Session, f: ReportFilter, amounts: dict[int, int], first: int) -> Months:
    """The circulated reader's months of f from its amounts (period -> amount from `first`, a
    January): each as published, with the window cells that fix their sums."""
    place = catalogue_place(session, f)
    cells = {}
    if place is not None:  # anything else is no cell of the catalogue: every month reads C
        _, scope, nodes = place
        suppressed, released = protected_cells(session, scope, first, f.period_to, nodes)
        cells = window_cells(amounts, released, {(key[0], key[1]) for key in suppressed})
    return Months(published_months(amounts, cells, f.period_from, f.period_to), cells)
