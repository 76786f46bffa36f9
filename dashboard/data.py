"""The session door and the reads two or more pages share: one session per call, etl inside, plain data out."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import pandas as pd
import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session

from dashboard.context import CONFIG_KEY, AppContext
from dashboard.filter_state import FilterState, released_only, to_report_filter
from etl import aggregates
from etl.coverage.compute import coverage_by_region
from etl.data_version import (
    PROTECTED,
    RELEASED,
    data_version,
    reads_protected,
    reads_released,
    remember,
)
from etl.periods import add_months, month_range
from etl.queries import core as queries
from etl.queries import release as queries_release
from etl.queries.windows import window_totals
from etl.release.scopes import scope_of

log = logging.getLogger(__name__)


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached or has no schema yet (pages show a message)."""


def app_context() -> AppContext:
    """The AppContext of the app serving the current request."""
    return current_app.config[CONFIG_KEY]


def released_audience() -> bool:
    """Whether the person asking reads what leaders read (released months only, protected cells
    as C): every signed-in role without enterprise-level rights, and a statistician who switched
    on "as leaders see it". Statisticians, admins, clerks and tests without sign-in read
    everything, with unreleased months marked."""
    from flask import has_request_context

    if not has_request_context():
        return False
    from dashboard.auth import current_principal, viewing_as_leader

    principal = current_principal()
    if principal is None:
        return False
    # a statistician may switch on "as leaders see it": released months, protected cells
    return not principal.can("view_enterprises") or viewing_as_leader()


@contextmanager
def session() -> Iterator[Session]:
    """A read session for one call; connection and schema errors become DatabaseUnavailable.

    THE door for the release rule: a session of the released audience reads the released copies
    of the aggregates and released months only (etl.queries.core swaps the tables), so no page
    can show a leader an unreleased figure."""
    try:
        with app_context().session_factory() as s:
            s.info[RELEASED] = s.info[PROTECTED] = released_audience()
            yield s
    except (sa.exc.OperationalError, sa.exc.ProgrammingError) as exc:
        log.exception("database unavailable")
        raise DatabaseUnavailable(str(exc.orig)) from exc


def remembered(fn):
    """An aggregate read answered again while the data is unchanged (etl.data_version): every
    call still asks the database for its newest data event and reference change. Only for reads
    whose answer depends on the report data, reference data and the arguments alone (not on who
    asks, nor on targets or the register, which change without a data event)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        with session() as s:
            version = data_version(s)
        key = (
            fn.__module__,
            fn.__qualname__,
            version[0],
            released_audience(),  # leaders and statisticians get different answers
            args,
            tuple(sorted(kwargs.items())),
        )
        return remember(key, version, lambda: fn(*args, **kwargs))

    wrapper.uncached = fn
    return wrapper


def database_facts() -> dict[str, int | None]:
    """Periods, enterprises, current reports, lines and loaded batches in the database."""
    with session() as s:
        return queries.database_facts(s)


def targets_overview(as_of: int | None = None):
    """Every stored target evaluated as of a month (default: the newest), as the CLI does."""
    from etl.targets.status import targets_overview as overview

    with session() as s:
        return overview(s, as_of)


def target_path(code: str, window_key: str, as_of: int | None = None):
    """The cumulative path of one target window as of a month (None when it has none)."""
    from etl.targets.status import target_path as path

    result = targets_overview(as_of).result(code)
    return None if result is None else path(result, window_key)


def district_report(root: str, start: int, end: int, as_of: int | None = None):
    """The district evaluation of a city for a window, its end clipped to as_of."""
    from etl.evaluation.districts import district_report as report

    with session() as s:
        return report(s, root, start, end, as_of)


# ---------------------------------------------------------------- shared filter bar and 总览


@dataclass(frozen=True)
class FilterOptions:
    """What the filter bar offers: loaded months and the reference tables, in display order."""

    first_period: int | None
    last_period: int | None
    regions: pd.DataFrame  # code, parent_code, kind, sort_order, name_zh, name_en
    categories: pd.DataFrame  # code, parent_code, main_code, level, sort_order, name_zh, name_en
    groups: pd.DataFrame  # code, name_zh, name_en, category_code (one row per member)
    modes: pd.DataFrame  # code, name_zh, name_en, short_zh, short_en, in_bop_total, …


def filter_options() -> FilterOptions:
    """Months with data and the region, category, group and mode tables for the filter bar."""
    with session() as s:
        first, last = queries.period_range(s)
        tables = {
            n: queries.reference_table(s, n)
            for n in ("region", "service_category", "category_group", "supply_mode")
        }
    return FilterOptions(
        first,
        last,
        tables["region"],
        tables["service_category"],
        tables["category_group"],
        tables["supply_mode"],
    )


@dataclass(frozen=True)
class View:
    """A FilterState resolved against the database: the months it covers and the region's name."""

    state: FilterState
    first_period: int | None  # first month loaded (None: nothing loaded)
    latest: int | None  # newest month loaded
    start: int | None  # the cumulative window (1–N月累计, a year or a range)
    end: int | None  # 当月: the month the view is about
    region_names: dict[str, str] = field(default_factory=dict)  # lang -> name
    # Months of the window not released for the region's scope (shown 未发布; never to leaders).
    unreleased: tuple[int, ...] = ()
    # The release of the view's month: status (preliminary | final), revision, released_at.
    release: dict | None = None
    # Read as circulated (leaders, or "as leaders see it"): protected figures read C.
    circulated: bool = False

    def region_name(self, lang: str) -> str:
        """The region's name in lang (its code when the reference table lacks it)."""
        return self.region_names.get(lang) or self.state.region


def view_of(s: Session, state: FilterState) -> View:
    """The state resolved: for the released audience against the released months of the region's
    scope (a later month asked for is cut to the latest released one); for everyone else against
    the loaded months, with the window's unreleased months listed."""
    table = queries.reference_table(s, "region")
    parents = {
        c: (p if isinstance(p, str) else None) for c, p in zip(table["code"], table["parent_code"])
    }
    scope = scope_of(state.region, parents)
    if reads_released(s):
        first, last = queries.released_range(s, scope)
        state = released_only(state, last)
    else:
        first, last = queries.period_range(s)
    window = state.window(last)
    regions = table.set_index("code")
    names = {}
    if state.region in regions.index:
        row = regions.loc[state.region]
        names = {"zh": row["name_zh"], "en": row["name_en"] or row["name_zh"]}
    start, end = window if window else (None, None)
    unreleased: tuple[int, ...] = ()
    if window and not reads_released(s):
        unreleased = _unreleased(s, scope, start, end, first)
    release = _release_of(s, scope, end)
    return View(state, first, last, start, end, names, unreleased, release, reads_protected(s))


def _unreleased(
    s: Session, scope: str, start: int, end: int, loaded_first: int | None
) -> tuple[int, ...]:
    """Months of a window whose figures leaders do not see as they stand: loaded (from the first
    month loaded on) but not released, or released with data loaded or withdrawn since."""
    releases = queries_release.window_releases(s, scope, start, end)
    touched = {}
    if releases:
        regions = queries.region_closure(s, (scope,)) or [scope]
        touched = queries_release.changed_since(s, min(releases.values()), start, end, regions)
    out = []
    for p in month_range(start, end):
        if p in releases:
            if touched.get(p, 0) > releases[p]:
                out.append(p)
        elif loaded_first is not None and p >= loaded_first:
            out.append(p)
    return tuple(out)


def _release_of(s: Session, scope: str, month: int | None) -> dict | None:
    """The current release of a month as the figures' label needs it (None: not released)."""
    import datetime as dt

    from etl.release.store import effective_status

    release = queries_release.current_release(s, scope, month) if month else None
    if release is None:
        return None
    after = app_context().settings.release_final_after_months
    return {
        "status": effective_status(release, dt.date.today(), after),
        "revision": release.revision,
        "released_at": release.released_at,
    }


def view(state: FilterState) -> View:
    """The months and names a state resolves to (for headers and file names)."""
    with session() as s:
        return view_of(s, state)


@remembered
def trade_kpis(state: FilterState) -> tuple[View, pd.DataFrame | None]:
    """Total, exports, imports, balance: window and 当月 with 同比 and 环比 (None: no data)."""
    with session() as s:
        v = view_of(s, state)
        if v.end is None:
            return v, None
        f = to_report_filter(state, add_months(v.start, -12), v.end, directions=("X", "M"))
        frame = queries.totals(s, f, ("period", "direction"))
        windows = {
            name: _window_trade(s, f, start, end)
            for name, (start, end) in (
                ("cum", (v.start, v.end)),
                ("cum_base", (add_months(v.start, -12), add_months(v.end, -12))),
            )
        }
    if frame.loc[frame["period"].between(v.start, v.end), "amount"].abs().sum() == 0:
        return v, None
    return v, aggregates.trade_comparison(frame, v.start, v.end, windows)


def _window_trade(s: Session, f, start: int, end: int) -> dict:
    """Total, exports and imports over a window, each as the published cells fix it."""
    return {
        name: window_totals(s, replace(f, directions=directions), [(start, end)])[0]
        for name, directions in (("total", ("X", "M")), ("exports", ("X",)), ("imports", ("M",)))
    }


@remembered
def monthly_trend(
    state: FilterState, partners: tuple[str, ...] = ()
) -> tuple[View, pd.DataFrame, int | None]:
    """Monthly amounts in the state's direction for the trend chart, from a year before its
    first month (for 同比); returns (view, frame[period, amount], first month to show).
    partners (codes or group:CODE) narrow it to a partner's trade (the Partners page's pick)."""
    with session() as s:
        v = view_of(s, state)
        if v.end is None:
            return v, pd.DataFrame(columns=["period", "amount"]), None
        shown = v.start if state.period == "range" else (v.end // 100 - 2) * 100 + 1
        f = to_report_filter(state, add_months(shown, -12), v.end, partners=tuple(partners))
        return v, queries.totals(s, f, ("period",)), shown


def in_group(codes: pd.Series, categories: pd.DataFrame, members: set[str]) -> pd.Series:
    parent = dict(zip(categories["code"], categories["parent_code"]))

    def member(code) -> bool:
        while code is not None and not pd.isna(code):
            if code in members:
                return True
            code = parent.get(code)
        return False

    return codes.map(member).astype(bool)


@dataclass(frozen=True)
class GroupShare:
    """A category group against the state's total: the window, and the same months by year."""

    view: View
    summary: dict | None  # aggregates.share_comparison (None: no data in the window)
    yearly: pd.DataFrame  # start, end, share: the same months in up to five years
    members: list[dict]  # code, name_zh, name_en of the group's categories


@remembered
def group_share(state: FilterState, group: str = "KIS", years: int = 5) -> GroupShare:
    """A category group's amount and share of the state's total over the window, against a
    year earlier, and its share in the same months of earlier years."""
    with session() as s:
        v = view_of(s, state)
        groups = queries.reference_table(s, "category_group")
        cats = queries.reference_table(s, "service_category")
        codes = set(groups.loc[groups["code"] == group, "category_code"])
        members = cats[cats["code"].isin(codes)][["code", "name_zh", "name_en"]]
        members = members.to_dict("records")
        empty = GroupShare(v, None, pd.DataFrame(columns=["start", "end", "share"]), members)
        if v.end is None:
            return empty
        f = to_report_filter(state, add_months(v.start, -12 * (years - 1)), v.end)
        if not state.categories:
            # the group and the total read as figures of their own (cells of the disclosure
            # catalogue): a leader's share is hidden only where the pattern hides them, not
            # whenever any one category is
            spans = [
                (add_months(v.start, -12 * k), add_months(v.end, -12 * k))
                for k in range(max(years, 2))
            ]
            frame = _window_amounts(s, f, spans)
            part = _window_amounts(s, replace(f, categories=(f"group:{group}",)), spans)
        else:  # the group within a category filter: its categories among the filter's
            frame = queries.totals(s, f, ("period", "category_code"))
            part = frame[in_group(frame["category_code"], cats, codes)]
    if frame.empty:
        return empty
    return GroupShare(
        v,
        aggregates.share_comparison(part, frame, v.start, v.end),
        aggregates.share_by_year(part, frame, v.start, v.end, years),
        members,
    )


def _window_amounts(s: Session, f, spans: list[tuple[int, int]]) -> pd.DataFrame:
    """One row per window (period: its last month) with its total (etl.queries.windows)."""
    rows = zip((end for _, end in spans), window_totals(s, f, spans))
    return pd.DataFrame(rows, columns=["period", "amount"]).astype({"amount": "Int64"})


def region_targets(state: FilterState) -> tuple[View, list]:
    """The selected region's targets evaluated as of the view's month (etl.targets.status)."""
    from etl.targets.status import evaluate_targets

    with session() as s:
        v = view_of(s, state)
        if v.end is None:
            return v, []
        results = evaluate_targets(s, v.end)
    return v, [r for r in results if r.target.region_code == state.region]


@remembered
def coverage(state: FilterState) -> tuple[View, dict[int, int]]:
    """Enterprises with a current report in the region, for the view's month and the one before."""
    with session() as s:
        v = view_of(s, state)
        if v.end is None:
            return v, {}
        f = to_report_filter(state, add_months(v.end, -1), v.end)
        frame = queries.enterprises_reporting(s, f)
    return v, {int(p): int(n) for p, n in zip(frame["period"], frame["enterprises"])}


def enterprise_rows(state: FilterState, n: int = 10) -> pd.DataFrame:
    """THE one door to enterprise-level figures (names, USCC): the role gate goes here.

    No page may read enterprise names any other way; the overview shows none.
    """
    _may_see_enterprises()
    with session() as s:
        v = view_of(s, state)
        if v.end is None:
            return pd.DataFrame(columns=["uscc", "name", "amount"])
        return queries.top_enterprises(s, to_report_filter(state, v.start, v.end), n)


def _may_see_enterprises() -> None:
    """Refuse (403) a signed-in role without the right to enterprise-level figures (统计法)."""
    from dashboard.auth import current_principal

    principal = current_principal()
    if principal is not None and not principal.can("view_enterprises"):
        from flask import abort

        abort(403)


def sample_data_loaded() -> bool:
    """Whether the synthetic sample is loaded (the shell then says so on every page)."""
    with session() as s:
        return queries.sample_data_loaded(s)


# ---------------------------------------------------------------- 地区 / 伙伴 (regions, partners)
# Appended for the Regions and Partners pages; pure computations live in region_views and
# partner_views, so these only read.


@dataclass(frozen=True)
class RegionBreakdown:
    """A region's children over the view's window, and their monthly amounts for the trend."""

    view: View
    chain: list[dict]  # the region and its ancestors, top first: code, name_zh, name_en
    children: list[str]  # codes of the regions just below, in display order
    rows: pd.DataFrame  # etl.evaluation.districts.COLUMNS + name_zh, name_en; first row TOTAL
    monthly: pd.DataFrame  # period, code (child or the region itself), amount
    shown: int | None  # first month the trend shows


def _region_chain(regions: pd.DataFrame, code: str) -> list[dict]:
    table = regions.set_index("code")
    chain: list[dict] = []
    while isinstance(code, str) and code in table.index and len(chain) < 10:
        row = table.loc[code]
        chain.insert(
            0,
            {"code": code, "name_zh": row["name_zh"], "name_en": row["name_en"] or row["name_zh"]},
        )
        code = row["parent_code"]
    return chain


@remembered
def region_breakdown(state: FilterState) -> RegionBreakdown:
    """The state's region split into its children (stored regions roll up: 滨海新区 includes its
    functional zones), with growth, share and contribution (etl.evaluation.districts), and monthly amounts
    by child from about three years back."""
    from etl.evaluation.districts import district_evaluation, region_name, roll_up

    with session() as s:
        v = view_of(s, state)
        regions = queries.reference_table(s, "region")
        parents = {
            c: (p if isinstance(p, str) else None)
            for c, p in zip(regions["code"], regions["parent_code"])
        }
        chain = _region_chain(regions, state.region)
        children = [c for c in regions["code"] if parents.get(c) == state.region]
        shown = None
        amounts = pd.DataFrame(columns=["period", "region_code", "amount"])
        whole = None
        if v.end is not None:
            shown = v.start if state.period == "range" else (v.end // 100 - 2) * 100 + 1
            f = to_report_filter(state, min(add_months(v.start, -12), shown), v.end)
            amounts = queries.totals(s, f, ("period", "region_code"))
            whole = queries.totals(s, f, ("period",))
    root = state.region
    nobody = pd.DataFrame(columns=["region_code", "uscc"])
    rows = district_evaluation(
        amounts, nobody, nobody, parents, root, v.start or 0, v.end or 0, whole
    )
    names = {
        "zh": dict(zip(regions["code"], regions["name_zh"])),
        "en": {
            c: e or z for c, z, e in zip(regions["code"], regions["name_zh"], regions["name_en"])
        },
    }
    for lang, table in names.items():
        rows[f"name_{lang}"] = [
            table.get(root, root)
            if code == root and not children
            else region_name(code, root, table, lang)
            for code in rows["code"]
        ]
    child = amounts["region_code"].map(lambda c: roll_up(c, parents, root))
    monthly = (
        amounts.assign(code=child)
        .dropna(subset=["code"])
        .groupby(["period", "code"], as_index=False)["amount"]
        .sum(skipna=False)  # a protected part leaves the point protected, not a partial sum
    )
    return RegionBreakdown(v, chain, children, rows, monthly, shown)


@dataclass(frozen=True)
class PartnerBreakdown:
    """Amounts by partner and month for the state (partner groups and names to go with them)."""

    view: View
    monthly: pd.DataFrame  # period, partner_code, amount: the window's months in `years` years
    groups: pd.DataFrame  # code, name_zh, name_en, member (one row per member)
    names: dict[str, dict[str, str]]  # lang -> partner code -> name from the reference table
    shown: int | None  # first month the trend shows
    years: int
    # start, end, code, amount: all partners (TOTAL) and each group (group:X) over each year's
    # window, as the published cells fix them (etl.queries.windows): a leader's shares and
    # group totals hide only what the pattern hides
    windows: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["start", "end", "code", "amount"])
    )


@remembered
def partner_breakdown(state: FilterState, years: int = 5) -> PartnerBreakdown:
    """Partner amounts for the window and the same months of earlier years (with a category
    filter they come from agg_partner_category: etl.queries.core.partner_totals)."""
    from etl.reference import reference_codes

    with session() as s:
        v = view_of(s, state)
        _, groups = queries.group_members(s)
        ref = reference_codes(s)
        names = {
            "zh": {c: n for c, n in ref.partners.items() if n},
            "en": {c: n for c, n in ref.partner_names_en.items() if n},
        }
        frame = pd.DataFrame(columns=["period", "partner_code", "amount"])
        windows = pd.DataFrame(columns=["start", "end", "code", "amount"])
        shown = None
        if v.end is not None:
            shown = v.start if state.period == "range" else (v.end // 100 - 2) * 100 + 1
            first = min(add_months(v.start, -12 * years), shown)
            f = to_report_filter(state, first, v.end)
            frame = queries.partner_totals(s, f, ("period", "partner_code"))
            own = [("TOTAL", ())] + [
                (f"group:{g}", (f"group:{g}",)) for g in groups["code"].drop_duplicates()
            ]
            spans = [
                (add_months(v.start, -12 * k), add_months(v.end, -12 * k)) for k in range(years)
            ]
            windows = pd.DataFrame(
                [
                    (a, b, code, amount)
                    for code, p in own
                    for (a, b), amount in zip(
                        spans, window_totals(s, replace(f, partners=p), spans, partners=True)
                    )
                ],
                columns=["start", "end", "code", "amount"],
            )
    return PartnerBreakdown(v, frame, groups, names, shown, years, windows)


def coverage_line(state: FilterState):
    """(view, the region's coverage summary for the view's month or None): counts and shares."""
    v = view(state)
    if v.end is None:
        return v, None
    with session() as s:
        return v, coverage_by_region(
            s, v.end, state.region, app_context().settings.report_deadline_day
        ).total


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
