"""dashboard.data on a small loaded sample: the overview's reads agree with the query layer."""

from __future__ import annotations

import pytest

from dashboard import create_app, data
from dashboard.context import CONFIG_KEY
from dashboard.filter_state import FilterState
from dashboard.pages.overview import data as overview_data
from etl.db import make_engine, make_session_factory
from etl.filters import ReportFilter
from etl.intake.load import load_file
from etl.queries import figures as queries_figures
from etl.sample.generate import generate_reports, write_reports
from etl.settings import Settings
from tests.conftest import clone_database


@pytest.fixture(scope="module")
def sample_url(template_urls, tmp_path_factory) -> str:
    """40 synthetic enterprises, 2018-01..2019-12, loaded once for the module."""
    workdir = tmp_path_factory.mktemp("dashboard-data")
    url = clone_database(template_urls, "sqlite", workdir)
    engine = make_engine(url)
    frame = generate_reports(n_enterprises=40, start=201801, end=201912)
    for path in write_reports(frame, workdir / "files", by="all"):
        assert load_file(make_session_factory(engine), path).ok
    engine.dispose()
    return url


@pytest.fixture
def ctx(sample_url, tmp_path):
    """An app context on the sample (data.* functions need one)."""
    app = create_app(
        Settings(instance_path=tmp_path / "i", database_url=sample_url, auth_required=False)
    )
    with app.server.app_context():
        yield sample_url
    app.server.config[CONFIG_KEY].dispose()


def _total(url: str, f: ReportFilter) -> int:
    engine = make_engine(url)
    with make_session_factory(engine)() as s:
        out = int(queries_figures.totals(s, f, ("direction",))["amount"].sum())
    engine.dispose()
    return out


def test_trade_kpis_match_the_query_layer(ctx) -> None:
    view, table = overview_data.trade_kpis(FilterState())
    assert (view.start, view.end, view.latest, view.region_name("zh")) == (
        201901,
        201912,
        201912,
        "天津市",
    )
    assert table.loc["total", "cum"] == _total(
        ctx, ReportFilter(201901, 201912, regions=("120000",))
    )
    assert table.loc["exports", "month"] == _total(
        ctx, ReportFilter(201912, 201912, regions=("120000",), directions=("X",))
    )
    assert table.loc["balance", "cum"] == (
        table.loc["exports", "cum"] - table.loc["imports", "cum"]
    )


def test_full_scope_adds_mode_3_and_cny_uses_fen(ctx) -> None:
    _, bop = overview_data.trade_kpis(FilterState())
    _, full = overview_data.trade_kpis(FilterState(scope="full"))
    assert full.loc["total", "cum"] > bop.loc["total", "cum"]
    _, cny = overview_data.trade_kpis(FilterState(unit="cny_100m"))
    assert cny.loc["total", "cum"] == _total(
        ctx, ReportFilter(201901, 201912, regions=("120000",), currency="CNY")
    )


def test_no_reports_in_the_window_is_none(ctx) -> None:
    view, table = overview_data.trade_kpis(FilterState(end=201712))
    assert table is None and view.end == 201712
    view, frame, start = data.monthly_trend(FilterState(region="120102"))
    assert frame.empty or not frame["amount"].any()


def test_monthly_trend_reaches_back_a_year_for_yoy(ctx) -> None:
    view, frame, start = data.monthly_trend(FilterState(direction="X"))
    assert start == 201701 and frame["period"].min() == 201801  # data begin in 2018
    assert frame["amount"].sum() == _total(
        ctx, ReportFilter(201801, 201912, regions=("120000",), directions=("X",))
    )


def test_group_share_is_the_kis_part_of_the_total(ctx) -> None:
    kis = overview_data.group_share(FilterState(), "KIS")
    whole = _total(ctx, ReportFilter(201901, 201912, regions=("120000",)))
    part = _total(ctx, ReportFilter(201901, 201912, regions=("120000",), categories=("group:KIS",)))
    assert kis.summary["whole"] == whole and kis.summary["amount"] == part
    assert kis.summary["share"] == pytest.approx(part / whole)
    assert list(kis.yearly["end"]) == [201812, 201912]
    assert {m["code"] for m in kis.members} == {"SF", "SG", "SH", "SI", "SJ", "SK"}


def test_group_share_over_a_range_longer_than_a_year_counts_each_month_once(ctx) -> None:
    """18 months (2018-07..2019-12) overlap the same months a year earlier: each window is read
    on its own (before, the windows were rows summed by period, and this one counted twice)."""
    state = FilterState(period="range", start=201807, end=201912)
    kis = overview_data.group_share(state, "KIS")
    whole = _total(ctx, ReportFilter(201807, 201912, regions=("120000",)))
    part = _total(ctx, ReportFilter(201807, 201912, regions=("120000",), categories=("group:KIS",)))
    assert kis.summary["whole"] == whole and kis.summary["amount"] == part
    base = _total(ctx, ReportFilter(201707, 201812, regions=("120000",), categories=("group:KIS",)))
    assert kis.summary["amount_base"] == base  # 2018-01..12 only: no data before 2018
    assert list(kis.yearly["end"]) == [201812, 201912]


def test_targets_and_coverage_for_the_region(ctx) -> None:
    view, results = overview_data.region_targets(FilterState(region="500000-LJ"))
    assert [r.target.code for r in results] == ["LJ_2017_LEVEL"]
    view, counts = data.coverage(FilterState())
    assert set(counts) == {201911, 201912} and all(n > 0 for n in counts.values())


def test_filter_options_and_the_one_enterprise_door(ctx) -> None:
    options = data.filter_options()
    assert (options.first_period, options.last_period) == (201801, 201912)
    assert "500000-LJ" in set(options.regions["code"])
    assert set(options.groups["code"]) == {"KIS", "TJ_PILLAR", "TJ_EMERGING"}
    assert list(options.modes["code"]) == [1, 2, 3, 4]
    rows = data.enterprise_rows(FilterState(), n=3)
    assert list(rows.columns) == ["uscc", "name", "amount"] and len(rows) == 3
