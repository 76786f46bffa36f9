"""The session door and the reads two or more pages share: one session per call, etl inside, plain data out."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pandas as pd
import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session

from dashboard.context import CONFIG_KEY, AppContext
from dashboard.filter_state import FilterState, merged_january, released_only, to_report_filter
from etl.coverage.compute import region_summary
from etl.data_version import (
    PROTECTED,
    RELEASED,
    data_version,
    reads_protected,
    reads_released,
    remember,
)
from etl.periods import add_months, month_range
from etl.queries import enterprises as queries_enterprises
from etl.queries import facts as queries_facts
from etl.queries import figures as queries_figures
from etl.queries import release as queries_release
from etl.queries.closures import region_closure
from etl.queries.months import period_range, released_range
from etl.queries.reference_tables import reference_table
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
    of the aggregates and released months only (etl.queries.figures swaps the tables), so no page
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
        return queries_facts.database_facts(s)


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
    # the reader sees 1–2月 as one month (leaders): no January of its own to pick
    merged_january: bool = False


def filter_options() -> FilterOptions:
    """Months with data and the region, category, group and mode tables for the filter bar."""
    with session() as s:
        first, last = period_range(s)
        tables = {
            n: reference_table(s, n)
            for n in ("region", "service_category", "category_group", "supply_mode")
        }
        merged = reads_protected(s)
    return FilterOptions(
        first,
        last,
        tables["region"],
        tables["service_category"],
        tables["category_group"],
        tables["supply_mode"],
        merged,
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

    @property
    def january_alone(self) -> bool:
        """A leader's view of January alone: 1–2月 is one figure of theirs, and January none
        (February not yet released; components.no_data says so)."""
        end = self.end
        return bool(self.circulated and end and end % 100 == 1 and self.start == end)

    @property
    def empty(self) -> bool:
        """Nothing to show: no month, or a leader's January alone."""
        return self.end is None or self.january_alone

    def region_name(self, lang: str) -> str:
        """The region's name in lang (its code when the reference table lacks it)."""
        return self.region_names.get(lang) or self.state.region


def view_of(s: Session, state: FilterState) -> View:
    """The state resolved: for the released audience against the released months of the region's
    scope (a later month asked for is cut to the latest released one); for everyone else against
    the loaded months, with the window's unreleased months listed."""
    table = reference_table(s, "region")
    parents = {
        c: (p if isinstance(p, str) else None) for c, p in zip(table["code"], table["parent_code"])
    }
    scope = scope_of(state.region, parents)
    if reads_released(s):
        first, last = released_range(s, scope)
        state = released_only(state, last)
        if reads_protected(s):
            state = merged_january(state, last)
    else:
        first, last = period_range(s)
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
        regions = region_closure(s, (scope,)) or [scope]
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
        return v, queries_figures.totals(s, f, ("period",)), shown


def in_group(codes: pd.Series, categories: pd.DataFrame, members: set[str]) -> pd.Series:
    parent = dict(zip(categories["code"], categories["parent_code"]))

    def member(code) -> bool:
        while code is not None and not pd.isna(code):
            if code in members:
                return True
            code = parent.get(code)
        return False

    return codes.map(member).astype(bool)


@remembered
def coverage(state: FilterState) -> tuple[View, dict[int, int]]:
    """Enterprises with a current report in the region, for the view's month and the one before."""
    with session() as s:
        v = view_of(s, state)
        if v.end is None:
            return v, {}
        f = to_report_filter(state, add_months(v.end, -1), v.end)
        frame = queries_enterprises.enterprises_reporting(s, f)
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
        return queries_enterprises.top_enterprises(s, to_report_filter(state, v.start, v.end), n)


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
        return queries_facts.sample_data_loaded(s)


# ---------------------------------------------------------------- 地区 / 伙伴 (regions, partners)
# Appended for the Regions and Partners pages; pure computations live in region_views and
# partner_views, so these only read.


def coverage_line(state: FilterState):
    """(view, the region's coverage summary for the view's month or None): counts and shares."""
    v = view(state)
    if v.end is None:
        return v, None
    with session() as s:
        return v, region_summary(s, v.end, state.region, app_context().settings.report_deadline_day)
