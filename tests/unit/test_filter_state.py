"""The filter state: URL query round-trips, invalid input falling back to defaults, windows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.filter_state import (
    DEFAULT_REGION,
    FilterState,
    from_kwargs,
    from_query,
    to_query,
    to_report_filter,
)
from etl.filters import ReportFilter


def test_empty_query_is_the_default_view() -> None:
    state = from_query("")
    assert state == FilterState()
    assert (state.period, state.end, state.region, state.direction) == (
        "month",
        None,
        "120000",
        "both",
    )
    assert (state.unit, state.scope, state.lang, state.currency) == ("usd_100m", "bop", "zh", "USD")
    assert to_query(state) == ""
    assert from_query(None) == FilterState()


@pytest.mark.parametrize(
    "search,expected",
    [
        ("?month=2019-06", FilterState(end=201906)),
        ("?month=201906", FilterState(end=201906)),
        ("?year=2018", FilterState(period="year", start=201801, end=201812)),
        ("?from=2018-07&to=2019-06", FilterState(period="range", start=201807, end=201906)),
        ("?region=500000-LJ", FilterState(region="500000-LJ")),
        ("?region=120116-teda", FilterState(region="120116-TEDA")),
        ("?dir=X", FilterState(direction="X")),
        ("?dir=m", FilterState(direction="M")),
        ("?cat=SC,SD21,group:KIS", FilterState(categories=("SC", "SD21", "group:KIS"))),
        ("?cat=sc,group:kis,SC", FilterState(categories=("SC", "group:KIS"))),
        ("?mode=1,2", FilterState(modes=(1, 2))),
        ("?unit=cny_100m", FilterState(unit="cny_100m")),
        ("?scope=full&mode=3", FilterState(scope="full", modes=(3,))),
        ("?lang=en", FilterState(lang="en")),
    ],
)
def test_from_query_reads_each_parameter(search: str, expected: FilterState) -> None:
    assert from_query(search) == expected


@pytest.mark.parametrize(
    "search",
    [
        "?month=2019-13",
        "?month=junk",
        "?year=19",
        "?year=abcd",
        "?from=2019-06&to=2019-01",
        "?from=2019-06",
        "?region=../../etc",
        "?region=天津",
        "?dir=Z",
        "?cat=XX,<script>",
        "?mode=7,x",
        "?unit=usd",
        "?scope=all",
        "?lang=fr",
        "?unknown=1",
        "?month",
        "?&&=",
        "?cat=group:",
        "?mode=3",  # mode 3 without 全口径 is not a BOP mode
        "?mode=1,2,4",  # every BOP mode = no mode filter
        "?scope=full&mode=1,2,3,4",
    ],
)
def test_invalid_parameters_fall_back_to_defaults(search: str) -> None:
    state = from_query(search)
    assert state.period == "month" and state.end is None
    assert state.region == DEFAULT_REGION and state.direction == "both"
    assert state.categories == () and state.modes == ()
    assert state.unit == "usd_100m" and state.lang == "zh"


def test_to_query_writes_only_non_defaults_readably() -> None:
    state = FilterState(
        end=201906,
        region="500000-LJ",
        direction="X",
        categories=("SC", "group:KIS"),
        modes=(1, 2),
        unit="usd_10k",
        scope="full",
        lang="en",
    )
    assert to_query(state) == (
        "?month=2019-06&region=500000-LJ&dir=X&cat=SC,group:KIS"
        "&mode=1,2&unit=usd_10k&scope=full&lang=en"
    )
    assert from_query(to_query(state)) == state


def test_to_query_keeps_other_pages_parameters_and_drops_stale_filters() -> None:
    search = "?as_of=2019-06&region=120116&drill=SC"
    query = to_query(FilterState(direction="M"), search)
    assert query == "?dir=M&as_of=2019-06&drill=SC"


def test_from_kwargs_rebuilds_the_query_dash_passes_to_layouts() -> None:
    assert from_kwargs({}) == ""
    search = from_kwargs({"region": "500000-LJ", "cat": "SC,group:KIS", "lang": ["en"]})
    assert from_query(search) == FilterState(
        region="500000-LJ", categories=("SC", "group:KIS"), lang="en"
    )


_months = st.integers(2015, 2025).flatmap(lambda y: st.integers(1, 12).map(lambda m: y * 100 + m))


@st.composite
def states(draw) -> FilterState:
    """Any valid state, in canonical form."""
    kind = draw(st.sampled_from(["month", "year", "range"]))
    period: dict = {"period": kind}
    if kind == "month":
        period["end"] = draw(st.none() | _months)
    elif kind == "year":
        year = draw(st.integers(2015, 2025))
        period.update(start=year * 100 + 1, end=year * 100 + 12)
    else:
        a, b = sorted([draw(_months), draw(_months)])
        period.update(start=a, end=b)
    scope = draw(st.sampled_from(["bop", "full"]))
    pool = [1, 2, 3, 4] if scope == "full" else [1, 2, 4]
    modes = tuple(sorted(draw(st.sets(st.sampled_from(pool), max_size=len(pool) - 1))))
    cats = draw(
        st.lists(
            st.sampled_from(["SA", "SC", "SD21", "SJ", "group:KIS", "group:TJ_PILLAR"]),
            unique=True,
            max_size=4,
        )
    )
    return FilterState(
        **period,
        region=draw(st.sampled_from(["120000", "120116", "120116-TEDA", "500000-LJ"])),
        direction=draw(st.sampled_from(["both", "X", "M"])),
        categories=tuple(cats),
        modes=modes,
        scope=scope,
        unit=draw(st.sampled_from(["usd_100m", "usd_10k", "cny_100m"])),
        lang=draw(st.sampled_from(["zh", "en"])),
    )


@given(states())
def test_every_state_round_trips_through_the_url(state: FilterState) -> None:
    assert from_query(to_query(state)) == state


@pytest.mark.parametrize(
    "state,latest,window",
    [
        (FilterState(), 202106, (202101, 202106)),
        (FilterState(), None, None),
        (FilterState(end=201902), 202106, (201901, 201902)),
        (FilterState(period="year", start=201901, end=201912), 202106, (201901, 201912)),
        (FilterState(period="year", start=202101, end=202112), 202106, (202101, 202106)),
        (FilterState(period="year", start=202301, end=202312), 202106, (202301, 202312)),
        (FilterState(period="range", start=201807, end=201906), 202106, (201807, 201906)),
    ],
)
def test_window_is_the_cumulative_period(state, latest, window) -> None:
    assert state.window(latest) == window
    assert state.as_of(latest) == (window[1] if window else None)


def test_to_report_filter_carries_every_choice() -> None:
    state = FilterState(
        region="500000-LJ",
        direction="X",
        categories=("group:KIS",),
        modes=(1, 3),
        unit="cny_100m",
        scope="full",
    )
    f = to_report_filter(state, 202101, 202106)
    assert f == ReportFilter(
        period_from=202101,
        period_to=202106,
        regions=("500000-LJ",),
        categories=("group:KIS",),
        modes=(1, 3),
        directions=("X",),
        currency="CNY",
        full_scope=True,
    )
    assert f.effective_modes() == (1, 3)


def test_default_report_filter_counts_the_bop_modes_only() -> None:
    f = to_report_filter(FilterState(), 202101, 202106)
    assert f.effective_modes() == (1, 2, 4) and f.directions == ("X", "M")
    assert to_report_filter(FilterState(scope="full"), 1, 2).effective_modes() == (1, 2, 3, 4)
    assert to_report_filter(FilterState(), 1, 2, directions=("M",)).directions == ("M",)
