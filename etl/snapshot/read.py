"""Read a snapshot's inputs (etl.snapshot.inputs) as of its vintage.

As of the newest data event the maintained aggregates hold exactly the current lines summed, so
the reads come from them (seconds at national scale); the event is read again afterwards, and if a
load landed meanwhile the vintage is read from the lines. Any earlier vintage is read from the
report lines as of the event, month by month, as snapshots always were (minutes at national
scale): regenerating an archived snapshot at its vintage gives the same figures whatever was
loaded since. Either way the partner lines (no aggregate has enterprise × partner) are read by
slice as of the event, on a second connection while the rest is read (the longest reads overlap).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl.disclosure import DisclosureRule
from etl.filters import ReportFilter
from etl.queries import snapshot as queries_snapshot
from etl.queries.as_of import enterprise_months_as_of, latest_event_id
from etl.snapshot.inputs import (
    SERIES_KEYS,
    SnapshotInputs,
    bounds,
    chart_filters,
    from_months,
    slices,
    sub_items,
    surely_passes,
    table_slices,
    target_filters,
    with_sub_items,
)
from etl.snapshot.protect import sensitive
from etl.snapshot.vintage import AMOUNT, Codes, filter_frame


def read_inputs(
    session: Session,
    event_id: int,
    month: int,
    region: str,
    regions: list[str],
    first: int,
    targets: list,
    codes: Codes,
    rule: DisclosureRule | None,
) -> SnapshotInputs:
    """The inputs of the snapshot of `month` in `region` (regions: its closure) as of an event;
    first: the earliest month the targets read; rule None: internal, nothing is suppressed."""
    filters = target_filters(targets, month)
    if event_id == latest_event_id(session):
        inputs = read_current(
            session, event_id, month, region, regions, first, filters, codes, rule
        )
        if latest_event_id(session) == event_id:
            return inputs
    return read_as_of(session, event_id, month, regions, first, filters, codes, rule)


def read_as_of(
    session: Session,
    event_id: int,
    month: int,
    regions: list[str],
    first: int,
    filters: list[ReportFilter],
    codes: Codes,
    rule: DisclosureRule | None,
) -> SnapshotInputs:
    """Any vintage: the monthly contributor rows as of the event, reduced; partner slices."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        partners = _alongside(
            pool,
            session,
            queries_snapshot.partner_slices,
            event_id,
            table_slices(month),
            regions,
            codes.ref.modes_in_bop,
        )
        lines = enterprise_months_as_of(session, event_id, first, month, regions)
        partners = partners.result()
    return from_months(lines, partners, month, codes, filters, rule)


def read_current(
    session: Session,
    event_id: int,
    month: int,
    region: str,
    regions: list[str],
    first: int,
    filters: list[ReportFilter],
    codes: Codes,
    rule: DisclosureRule | None,
) -> SnapshotInputs:
    """The newest vintage: agg_enterprise_month per slice, agg_cell for the series and bounds."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        partners = _alongside(
            pool,
            session,
            queries_snapshot.partner_slices,
            event_id,
            table_slices(month),
            regions,
            codes.ref.modes_in_bop,
        )
        lines = queries_snapshot.current_slices(session, slices(month), regions)
        cells = queries_snapshot.current_cells(session, first, month, regions)
        subs = sub_items(filters, codes)
        sub_rows = (
            queries_snapshot.current_sub_items(session, first, month, regions, subs)
            if subs
            else pd.DataFrame(columns=[*SERIES_KEYS, AMOUNT])
        )
        partners = partners.result()
    series = with_sub_items(cells, sub_rows, codes)
    hidden_months, hidden_targets = set(), set()
    if rule is not None:
        # The chart's 48 cells look at the last two years' BOP rows only: filter those once.
        start = (month // 100 - 1) * 100 + 1
        recent = [
            f[(f["period"] >= start) & f["mode"].isin(codes.ref.modes_in_bop)]
            for f in (cells, series)
        ]
        hidden_months = {
            cell
            for cell, f in chart_filters(month, region).items()
            if _fails(session, f, *recent, codes, rule)
        }
        hidden_targets = {f for f in filters if _fails(session, f, cells, series, codes, rule)}
    return SnapshotInputs(lines, partners, series, hidden_months, hidden_targets)


def _alongside(pool: ThreadPoolExecutor, session: Session, read, *args) -> Future:
    """Run read(session, *args) on a second connection of the session's engine, in a thread.

    Only for reads as of a data event (the lines of versions current at event E): a second
    connection may see later commits, which do not change what was current at E. Inline when
    the session is bound to one connection (or an in-memory database) that cannot be shared.
    """
    bind = session.get_bind()
    if not isinstance(bind, sa.Engine) or bind.url.database in (None, "", ":memory:"):
        done: Future = Future()
        done.set_result(read(session, *args))
        return done

    def run():
        with Session(bind) as other:
            return read(other, *args)

    return pool.submit(run)


def _fails(
    session: Session,
    f: ReportFilter,
    cells: pd.DataFrame,
    series: pd.DataFrame,
    codes: Codes,
    rule: DisclosureRule,
) -> bool:
    """Whether a figure fails the primary rules: by agg_cell's bounds, else counted exactly."""
    value = int(filter_frame(series, f, codes)[AMOUNT].sum())
    if surely_passes(value, bounds(cells, f, codes, rule), rule):
        return False
    categories = codes.category_closure(f.categories) if f.categories else None
    units = queries_snapshot.current_unit_sums(
        session, f, codes.region_closure(f.regions), categories
    )
    return sensitive(units[units != 0], rule)
