"""Category × mode reads shared by the 供给模式 and 服务类别 pages: one session per call, plain data out."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from dashboard.data import View, remembered, session, view_of
from dashboard.filter_state import FilterState, to_report_filter
from etl.periods import add_months, month_range
from etl.queries import figures as queries_figures
from etl.queries.reference_tables import reference_table
from etl.queries.windows import ALL, months_by, window_totals
from etl.reference import group_applies

TOTAL = "total"  # ModeSeries.windows' key of the total of the modes the scope counts

SECTOR_GROUPS = ("TJ_PILLAR", "TJ_EMERGING", "KIS")  # the groups the 服务类别 page follows


def _shown(state: FilterState, v: View) -> int:
    """The first month a trend shows: the range's start, else January two years back."""
    return v.start if state.period == "range" else (v.end // 100 - 2) * 100 + 1


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["period", "mode", "amount"]).astype({"amount": "Int64"})


@dataclass(frozen=True)
class ModeSeries:
    """Amounts by month and mode (all four modes, whatever the scope) for the 供给模式 page."""

    view: View
    frame: pd.DataFrame  # period, mode, amount: from a year before the first month shown
    shown: int | None  # first month the trend shows
    modes: pd.DataFrame  # the supply_mode reference
    # period, mode, amount: each mode's 1–N月 at each of frame's months, read as the published
    # cells fix it (etl.queries.windows): a leader's 累计 is not C from a hidden month on
    ytd: pd.DataFrame = field(default_factory=lambda: _frame([]))
    # mode -> (its window, the same months a year earlier), read likewise, and TOTAL -> the same
    # of the modes the scope counts: the summary cards and table (pages/modes/views.mode_table)
    windows: dict[int | str, tuple] = field(default_factory=dict)


@remembered
def mode_series(state: FilterState) -> ModeSeries:
    """Monthly amounts of modes 1–4 in the state's slice (mode 3 is kept apart by the page)."""
    from etl.filters import ALL_MODES, BOP_MODES

    with session() as s:
        v = view_of(s, state)
        modes = reference_table(s, "supply_mode")
        if v.end is None:
            return ModeSeries(v, pd.DataFrame(columns=["period", "mode", "amount"]), None, modes)
        shown = _shown(state, v)
        first = add_months(min(shown, v.start), -12)
        f = to_report_filter(state, first, v.end, modes=ALL_MODES)
        frame = queries_figures.totals(s, f, ("period", "mode"))
        periods = sorted(frame["period"].unique())
        by_mode = months_by(s, f, "mode", list(ALL_MODES), read=frame)
        ytd = [
            (p, mode, months.total(month_range(p - p % 100 + 1, p)))
            for mode, months in by_mode.items()
            for p in periods
        ]
        spans = [(v.start, v.end), (add_months(v.start, -12), add_months(v.end, -12))]
        windows = {
            mode: tuple(months.total(month_range(a, b)) for a, b in spans)
            for mode, months in by_mode.items()
        }
        # the total of the modes the scope counts, a figure of its own: published where a
        # mode in it is hidden (天津市's 1–3月 of the constructed case read C here, 1.1亿 on 总览)
        counted = ALL_MODES if state.full_scope else BOP_MODES
        windows[TOTAL] = tuple(window_totals(s, replace(f, modes=counted), spans))
        return ModeSeries(v, frame, shown, modes, _frame(ytd), windows)


@dataclass(frozen=True)
class ModeMatrix:
    """Category × mode amounts over the view's window (sub-items as the query answers them)."""

    view: View
    frame: pd.DataFrame  # category_code, mode, amount
    modes: pd.DataFrame  # the supply_mode reference
    categories: pd.DataFrame  # the service_category reference


@remembered
def mode_matrix(state: FilterState) -> ModeMatrix:
    """Amounts by category and mode (modes 1–4) over the cumulative window."""
    from etl.filters import ALL_MODES

    with session() as s:
        v = view_of(s, state)
        modes = reference_table(s, "supply_mode")
        cats = reference_table(s, "service_category")
        frame = pd.DataFrame(columns=["category_code", "mode", "amount"])
        if v.end is not None:
            f = to_report_filter(state, v.start, v.end, modes=ALL_MODES)
            frame = queries_figures.totals(s, f, ("category_code", "mode"))
    return ModeMatrix(v, frame, modes, cats)


@dataclass(frozen=True)
class SectorTotals:
    """Amounts by month and category as reported (sub-items apart) for the 服务类别 page."""

    view: View
    frame: pd.DataFrame  # period, category_code, amount: the window and the year before it
    categories: pd.DataFrame  # the service_category reference
    # the window's and the year-earlier window's main categories and total ("TOTAL") as figures
    # of their own: a leader's published cell where the sum of its parts holds a protected one
    cells: dict = field(default_factory=dict)


@remembered
def sector_totals(state: FilterState) -> SectorTotals:
    """The state's slice by category code as reported, over the window and a year earlier."""
    with session() as s:
        v = view_of(s, state)
        cats = reference_table(s, "service_category")
        frame = pd.DataFrame(columns=["period", "category_code", "amount"])
        cells: dict = {}
        if v.end is not None:
            f = to_report_filter(state, add_months(v.start, -12), v.end)
            frame = queries_figures.sub_item_totals(s, f, ("period", "category_code"))
            for side, back in (("current", 0), ("previous", -12)):
                window = f.with_periods(add_months(v.start, back), add_months(v.end, back))
                mains = queries_figures.totals(s, window, ("category_code",))
                whole = queries_figures.totals(s, window, ())["amount"]
                cells[side] = dict(zip(mains["category_code"], mains["amount"]))
                cells[side]["TOTAL"] = whole.iloc[0] if len(whole) else pd.NA
    return SectorTotals(v, frame, cats, cells)


@dataclass(frozen=True)
class SectorGroups:
    """The total and each followed category group over the window and the same months of earlier
    years, each a figure of its own (every category counted)."""

    view: View
    frame: pd.DataFrame  # start, end, group ('TOTAL', 'TJ_PILLAR', …), amount (NA: protected)
    groups: pd.DataFrame  # code, name_zh, name_en, region_code, category_code (one per member)
    categories: pd.DataFrame  # the service_category reference (member names)
    years: int
    # the SECTOR_GROUPS the state's region follows: 天津's own groups only in 天津市
    followed: tuple[str, ...] = SECTOR_GROUPS


def followed_groups(groups: pd.DataFrame, regions: pd.DataFrame, region: str) -> tuple[str, ...]:
    """The SECTOR_GROUPS a region follows (etl.reference.group_applies)."""
    parents = dict(zip(regions["code"], regions["parent_code"]))
    named = dict(zip(groups["code"], groups["region_code"]))
    return tuple(
        code
        for code in SECTOR_GROUPS
        if code in named and group_applies(named[code], region, parents)
    )


@remembered
def sector_groups(state: FilterState, years: int = 5) -> SectorGroups:
    """Pillar, emerging and knowledge-intensive sectors against the total (the category filter
    is ignored: a group's share is of all services), the window and `years` years before."""
    with session() as s:
        v = view_of(s, state)
        groups = reference_table(s, "category_group")
        cats = reference_table(s, "service_category")
        followed = followed_groups(groups, reference_table(s, "region"), state.region)
        empty = pd.DataFrame(columns=["start", "end", "group", "amount"])
        if v.end is None:
            return SectorGroups(v, empty, groups, cats, years, followed)
        # each group and the total read window by window as figures of their own, as the
        # Overview's 知识密集型 share does: a hidden category in a month leaves the group's
        # published cell readable, where a sum of its parts would be C (and a range longer than
        # a year overlaps the one before it: windows are never summed)
        # one window more than shown: the oldest shown has its 同比 too
        spans = [
            (add_months(v.start, -12 * k), add_months(v.end, -12 * k)) for k in range(years + 1)
        ]
        f = to_report_filter(state, spans[-1][0], v.end, categories=())
        asked = {"TOTAL": ALL, **{code: f"group:{code}" for code in followed}}
        months = months_by(s, f, "category", list(asked.values()))
        read = {
            code: [months[value].total(month_range(a, b)) for a, b in spans]
            for code, value in asked.items()
        }
    rows = [
        (start, end, code, amount)
        for code, amounts in read.items()
        for (start, end), amount in zip(spans, amounts)
    ]
    frame = pd.DataFrame(rows, columns=["start", "end", "group", "amount"])
    return SectorGroups(v, frame, groups, cats, years, followed)
