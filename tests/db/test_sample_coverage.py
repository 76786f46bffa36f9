"""The loaded sample shows coverage: register loaded, reports arrive when they were received."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import sqlalchemy as sa

from etl import models as m
from etl.coverage.compute import BEIJING, coverage
from etl.db import make_engine, make_session_factory
from etl.intake.load import load_file
from etl.queries import register as qr
from etl.queries.as_of import latest_event_id
from etl.reference import reference_from_seeds
from etl.sample.load import REGISTER_FILE, load_sample
from etl.settings import PROJECT_ROOT
from tests.conftest import BACKENDS, clone_database
from tests.db.helpers import line, uscc, write_report

UTC = dt.timezone.utc


@pytest.fixture(scope="module", params=BACKENDS)
def loaded(request, template_urls, tmp_path_factory):
    """The sample loaded once per backend (the tests only read it)."""
    if request.param not in template_urls:
        pytest.skip(f"{request.param} not configured")
    workdir = tmp_path_factory.mktemp("sample-coverage")
    engine = make_engine(clone_database(template_urls, request.param, workdir))
    factory = make_session_factory(engine)
    ref = reference_from_seeds(PROJECT_ROOT / "seeds")
    # two years: the members-only read below needs a prior year; coverage is of reports
    # received, released or not (releasing — each month's disclosure pattern — is tested apart)
    outcomes, check = load_sample(
        factory,
        workdir / "sample",
        ref,
        n_enterprises=150,
        start=202001,
        end=202112,
        release=False,
    )
    yield factory, outcomes, check, workdir / "sample"
    engine.dispose()


def test_sample_load_gives_coverage_with_on_time_late_and_missing(loaded):
    """Newest month: members expected, most on time, some late, a few missing; register from
    the file written next to the report files."""
    session_factory, outcomes, check, folder = loaded
    assert [o.status for o in outcomes] == ["loaded", "loaded"]  # one file a year
    assert check.ok and check.rows
    assert (folder / REGISTER_FILE).exists()
    with session_factory() as s:
        _status, total = coverage(s, 202112, "120000")
        _status_lj, total_lj = coverage(s, 202112, "500000-LJ")
    assert total["expected"] > 0 and total_lj["expected"] > 0
    assert total["on_time"] > total["late"] > 0
    assert total["missing"] > 0
    assert total["expected"] == total["on_time"] + total["late"] + total["missing"]


def test_arrivals_are_the_received_times(loaded):
    """Coverage reads each report's received time, not the moment the sample was loaded."""
    session_factory = loaded[0]
    with session_factory() as s:
        event = latest_event_id(s)
        usccs = list(s.scalars(sa.select(m.KeyEnterprise.uscc)))
        arrived = qr.first_arrivals(s, 202106, usccs, event)
        stored = dict(
            s.execute(
                sa.select(m.Report.uscc, m.ReportVersion.received_at)
                .join(m.ReportVersion, m.ReportVersion.id == m.Report.current_version_id)
                .where(m.Report.period == 202106)
            ).all()
        )
    times = arrived.set_index("uscc")["first_loaded_at"].map(_aware)
    assert len(times) > 10
    for u, at in times.items():
        assert at == _aware(stored[u])
        assert (
            dt.datetime(2021, 7, 1, tzinfo=BEIJING) <= at < dt.datetime(2021, 9, 1, tzinfo=BEIJING)
        )


def test_received_at_one_time_for_a_file_and_normal_upload_unchanged(session_factory, tmp_path):
    """A historical load records its time; a normal upload records none (arrives with its batch);
    a naive time is refused."""
    old = write_report(tmp_path / "old.csv", [line(1, "2019-06", "出口", "SC", 1, "US", "5")])
    received = dt.datetime(2019, 7, 12, 9, 30, tzinfo=BEIJING)
    assert load_file(session_factory, old, user="migrate", received_at=received).ok
    new = write_report(tmp_path / "new.csv", [line(2, "2019-06", "出口", "SC", 1, "US", "5")])
    before = dt.datetime.now(UTC)
    assert load_file(session_factory, new, user="clerk1").ok
    naive = write_report(tmp_path / "naive.csv", [line(3, "2019-06", "出口", "SC", 1, "US", "5")])
    with pytest.raises(ValueError):
        load_file(session_factory, naive, user="migrate", received_at=dt.datetime(2019, 7, 5))
    with session_factory() as s:
        event = latest_event_id(s)
        arrived = qr.first_arrivals(s, 201906, [uscc(1), uscc(2), uscc(3)], event)
        versions = s.execute(
            sa.select(m.Report.uscc, m.ReportVersion.received_at).join(
                m.ReportVersion, m.ReportVersion.report_id == m.Report.id
            )
        ).all()
    times = dict(zip(arrived["uscc"], arrived["first_loaded_at"].map(_aware)))
    assert set(times) == {uscc(1), uscc(2)}  # the refused load left nothing
    assert times[uscc(1)] == received
    assert times[uscc(2)] >= before - dt.timedelta(seconds=5)
    assert dict(versions)[uscc(2)] is None


def _aware(value) -> dt.datetime:
    # SQLite gives naive UTC, PostgreSQL aware: compare as aware instants.
    value = getattr(value, "to_pydatetime", lambda: value)()
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def test_members_only_read_equals_every_reporters_read(loaded):
    """coverage_by_region reads only the members' prior year and the regions' totals from
    agg_cell; the figures equal those computed from every reporter's prior-year amounts."""
    from etl.coverage.compute import coverage_by_region

    session_factory = loaded[0]
    for region in ("120000", "120116", "500000-LJ"):
        with session_factory() as s:
            fast = coverage_by_region(s, 202112, region)
            every = qr.enterprise_region_totals(s, 202001, 202012, (region,))
            full = coverage_by_region(s, 202112, region, prior=every)
        assert fast.total["expected"] > 0 and fast.total["missing_share_of_prior_year"] is not None
        assert (fast.status["prior_year_usd_cents"] > 0).any()
        pd.testing.assert_frame_equal(fast.rows, full.rows)
        pd.testing.assert_frame_equal(fast.status, full.status)
