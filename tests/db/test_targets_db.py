"""Target statuses from loaded files: revisions move them (同口径); the sample scenario holds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from etl import models as m
from etl.db import make_engine, make_session_factory
from etl.evaluation.districts import district_report
from etl.intake.load import load_file
from etl.periods import format_period, month_range
from etl.reference import reference_from_seeds
from etl.sample.generate import H, generate_reports, write_reports
from etl.settings import PROJECT_ROOT
from etl.targets.status import evaluate_targets, targets_overview
from tests.db.helpers import line, write_report

TODAY = dt.date(2022, 6, 30)


def _target(code: str = "T_REV") -> m.Target:
    """Tianjin BOP total grows ≥10% in 2019 (one pilot 'year' = the calendar year)."""
    return m.Target(
        code=code,
        region_code="120000",
        measure="bop_total",
        kind="growth_avg_annual",
        threshold=Decimal("0.10"),
        window_start=201901,
        window_end=201912,
        currency="USD",
        name_zh="测试：2019年增长不低于10%",
        name_en="Test: 10% growth in 2019",
        source="测试",
    )


def _months(year: int, amount: str, region: str = "滨海新区") -> list[tuple]:
    """One enterprise's export line in every month of a year, in 万美元."""
    return [
        line(1, format_period(p), "出口", "SC", 1, "US", amount, region=region)
        for p in month_range(year * 100 + 1, year * 100 + 12)
    ]


def _load(factory, path):
    outcome = load_file(factory, path, today=TODAY)
    assert outcome.status == "loaded", outcome.validation and outcome.validation.issues
    return outcome


def _status(factory, window: str = "year1", as_of: int = 201912):
    with factory() as s:
        result = next(r for r in evaluate_targets(s, as_of) if r.target.code == "T_REV")
    return next(e for e in result.evaluations if e.window.key == window)


@pytest.fixture
def loaded(session_factory, tmp_path):
    """2018 at 100万美元 a month, 2019 at 115: +15% against a 10% target."""
    with session_factory.begin() as s:
        s.add(_target())
    _load(
        session_factory,
        write_report(tmp_path / "base.csv", _months(2018, "100") + _months(2019, "115")),
    )
    return session_factory


def test_revision_of_the_current_year_turns_met_into_missed(loaded, tmp_path) -> None:
    """June 2019 revised from 115 to 40: 1,305 < 1,320 required, so the target is missed."""
    ev = _status(loaded)
    assert ev.status == "met" and ev.growth == pytest.approx(0.15)
    assert ev.required == pytest.approx(1200 * 10_000 * 100 * 1.1)
    revision = [line(1, "2019-06", "出口", "SC", 1, "US", "40")]
    outcome = _load(loaded, write_report(tmp_path / "rev.csv", revision))
    assert outcome.reports_revised == 1
    ev = _status(loaded)
    assert ev.status == "missed"
    assert ev.actual == pytest.approx(1305 * 10_000 * 100)
    assert ev.growth == pytest.approx(1305 / 1200 - 1)
    assert _status(loaded, "cy2019").status == "missed"


def test_revision_of_the_base_year_moves_the_status_too(loaded, tmp_path) -> None:
    """Growth is measured on the revised base (同口径): a higher 2018 makes 2019 miss."""
    revision = [line(1, "2018-03", "出口", "SC", 1, "US", "300")]
    _load(loaded, write_report(tmp_path / "rev.csv", revision))
    ev = _status(loaded)
    assert ev.status == "missed"
    assert ev.required == pytest.approx(1400 * 10_000 * 100 * 1.1)


def test_revision_moves_an_open_window_projection(loaded, tmp_path) -> None:
    """As of June, revising the months so far moves the projection and what is still needed."""
    before = _status(loaded, as_of=201906)
    assert before.status in ("on_track", "at_risk", "off_track")
    revision = [line(1, f"2019-0{m_}", "出口", "SC", 1, "US", "90") for m_ in range(1, 7)]
    _load(loaded, write_report(tmp_path / "rev.csv", revision))
    after = _status(loaded, as_of=201906)
    assert after.projection < before.projection
    assert after.needed_growth_remaining > before.needed_growth_remaining


def test_overview_clamps_the_month_and_districts_roll_up(loaded, tmp_path) -> None:
    """The page's overview stays inside the loaded months; a functional zone counts in 滨海新区."""
    zone = [line(2, "2019-03", "出口", "SC", 1, "US", "50", region="天津经济技术开发区")]
    _load(loaded, write_report(tmp_path / "zone.csv", zone))
    with loaded() as s:
        assert targets_overview(s, 203001).as_of == 201912
        assert targets_overview(s, 199001).as_of == 201801
        rows = district_report(s, "120000", 201901, 201912).rows.set_index("code")
    assert rows.loc["120116", "current"] == (12 * 115 + 50) * 10_000 * 100
    assert rows.loc["120116", "enterprises"] == 2
    assert rows.loc["120116", "enterprises_previous"] == 1


def _scenario_files(tmp_path):
    """The default sample (2,000 enterprises), BOP modes only: Tianjin 2017-07..2020-06 and
    两江新区 2017 — what the seeded targets need."""
    ref = reference_from_seeds(PROJECT_ROOT / "seeds")
    frame = generate_reports(start=201701, end=202006, ref=ref)
    liangjiang = {ref.regions[c] for c in ref.region_descendants("500000-LJ")}
    in_lj = frame[H["region"]].isin(liangjiang)
    period = frame[H["period"]]
    keep = frame[H["mode"]].isin(["1", "2", "4"]) & (
        (in_lj & (period <= "2017-12")) | (~in_lj & (period >= "2017-07"))
    )
    return write_reports(frame[keep], tmp_path / "sample", by="year")


def test_sample_scenario_statuses(sqlite_url, tmp_path) -> None:
    """Sample data: Tianjin met pilot year 1 (+13.0%) and missed year 2; 两江新区 2017 ≈ US$10bn."""
    engine = make_engine(sqlite_url)
    factory = make_session_factory(engine)
    try:
        for path in _scenario_files(tmp_path):
            _load(factory, path)
        with factory() as s:
            results = {
                r.target.code: {e.window.key: e for e in r.evaluations}
                for r in evaluate_targets(s, 202006)
            }
    finally:
        engine.dispose()
    tianjin = results["TJ_PILOT_GROWTH"]
    assert tianjin["year1"].status == "met"
    assert tianjin["year1"].growth == pytest.approx(0.13, abs=0.001)
    assert tianjin["year2"].status == "missed"
    assert tianjin["year2"].growth < 0
    liangjiang = results["LJ_2017_LEVEL"]["window"]
    us_10bn = 10_000_000_000 * 100  # cents
    assert liangjiang.status == "missed"
    assert abs(liangjiang.actual - us_10bn) / us_10bn < 0.05
