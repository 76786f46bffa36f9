"""The Overview's reads: the KPI cards, the 知识密集型 share, the region's targets and the growth benchmark."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd
from sqlalchemy.orm import Session

from dashboard.data import View, in_group, remembered, session, view_of
from dashboard.filter_state import FilterState, to_report_filter
from etl import aggregates, numbers
from etl.periods import add_months
from etl.queries import figures as queries_figures
from etl.queries.reference_tables import reference_table
from etl.queries.windows import window_totals


@remembered
def trade_kpis(state: FilterState) -> tuple[View, pd.DataFrame | None]:
    """Total, exports, imports, balance: window and 当月 with 同比 and 环比 (None: no data)."""
    with session() as s:
        v = view_of(s, state)
        if v.end is None:
            return v, None
        f = to_report_filter(state, add_months(v.start, -12), v.end, directions=("X", "M"))
        frame = queries_figures.totals(s, f, ("period", "direction"))
        # a leader's rows hold January inside February (1–2月 is one figure)
        spans = aggregates.comparison_spans(frame, v.start, v.end, v.circulated)
        windows = _window_trades(s, f, {k: span for k, span in spans.items() if span})
    if not numbers.any_amount(frame.loc[frame["period"].between(v.start, v.end), "amount"]):
        return v, None
    return v, aggregates.trade_comparison(frame, v.start, v.end, windows, v.circulated)


def _window_trades(s: Session, f, spans: dict) -> dict:
    """Total, exports and imports over each named span, each as the published cells fix it: a
    month's total where its exports and imports are hidden is still a figure of its own."""
    directions = {"total": ("X", "M"), "exports": ("X",), "imports": ("M",)}
    read = {
        key: window_totals(s, replace(f, directions=d), list(spans.values()))
        for key, d in directions.items()
    }
    return {name: {key: read[key][i] for key in directions} for i, name in enumerate(spans)}


@dataclass(frozen=True)
class GroupShare:
    """A category group against the state's total: the window, and the same months by year."""

    view: View
    summary: dict | None  # aggregates.window_comparison (None: no data in the window)
    yearly: pd.DataFrame  # start, end, share: the same months in up to five years
    members: list[dict]  # code, name_zh, name_en of the group's categories


@remembered
def group_share(state: FilterState, group: str = "KIS", years: int = 5) -> GroupShare:
    """A category group's amount and share of the state's total over the window, against a
    year earlier, and its share in the same months of earlier years."""
    with session() as s:
        v = view_of(s, state)
        groups = reference_table(s, "category_group")
        cats = reference_table(s, "service_category")
        codes = set(groups.loc[groups["code"] == group, "category_code"])
        members = cats[cats["code"].isin(codes)][["code", "name_zh", "name_en"]]
        members = members.to_dict("records")
        empty = GroupShare(v, None, pd.DataFrame(columns=["start", "end", "share"]), members)
        if v.empty:
            return empty
        f = to_report_filter(state, add_months(v.start, -12 * (years - 1)), v.end)
        # window by window, never summed across windows: a range longer than a year overlaps
        # the one before it
        spans = [
            (add_months(v.start, -12 * k), add_months(v.end, -12 * k)) for k in range(max(years, 2))
        ]
        parts, wholes = _group_windows(s, f, state.categories, cats, codes, group, spans)
    if not any(pd.isna(w) or w for w in wholes):
        return empty
    return GroupShare(
        v,
        aggregates.window_comparison(parts[0], parts[1], wholes[0], wholes[1]),
        aggregates.window_shares(spans[:years][::-1], parts[:years][::-1], wholes[:years][::-1]),
        members,
    )


def _group_windows(s: Session, f, chosen, cats, codes, group, spans) -> tuple[list, list]:
    """The group's and the whole's amount in each span, each read as a figure of its own where
    the published cells fix it (a leader's group or 1–N月 total is published even where a part
    or a month in it is hidden), else as the sum of its parts."""
    if not chosen:
        group_filter = replace(f, categories=(f"group:{group}",))
        return window_totals(s, group_filter, spans), window_totals(s, f, spans)
    # the group within a category filter: its categories among the filter's
    frame = queries_figures.totals(s, f, ("period", "category_code"))
    part = frame[in_group(frame["category_code"], cats, codes)]
    summed_parts = [aggregates.total(aggregates.window_of(part, span)) for span in spans]
    summed_wholes = [aggregates.total(aggregates.window_of(frame, span)) for span in spans]
    own_wholes = window_totals(s, f, spans)
    plain = pd.Series([c for c in chosen if not c.startswith("group:")], dtype=object)
    members = tuple(plain[in_group(plain, cats, codes)])
    # a chosen group overlapping this one has no filter of its own for the overlap: its sum
    if len(plain) < len(chosen) or not members:
        own_parts = [pd.NA] * len(spans)
    else:
        own_parts = window_totals(s, replace(f, categories=members), spans)
    return (
        aggregates.first_known(own_parts, summed_parts),
        aggregates.first_known(own_wholes, summed_wholes),
    )


def region_targets(state: FilterState) -> tuple[View, list]:
    """The selected region's targets evaluated as of the view's month (etl.targets.status)."""
    from etl.targets.status import evaluate_targets

    with session() as s:
        v = view_of(s, state)
        if v.end is None:
            return v, []
        results = evaluate_targets(s, v.end)
    return v, [r for r in results if r.target.region_code == state.region]


def growth_benchmark(state: FilterState):
    """How the state's region's published growth compares with the nation and other pilot
    regions (etl.exchange.reconcile.Benchmark) for the view's month: published figures only, so
    every role may read it; its source is None when no file of published totals has them."""
    from etl.exchange.reconcile import benchmark

    with session() as s:
        v = view_of(s, state)
        year = (v.end or 0) // 100 or None
        if year is None:
            return v, None
        return v, benchmark(s, year, v.end % 100, state.region)
