"""Load semantics on SQLite and PostgreSQL: atomic, exactly once, revisions, retraction, exactness."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal

import pytest
import sqlalchemy as sa

from etl import models as m
from etl.filters import ReportFilter
from etl.intake.aggregate_tables import rebuild_all
from etl.intake.load import load_file
from etl.intake.retract import RetractError, retract_batch
from etl.queries import figures as queries_figures
from etl.queries.facts import database_facts
from etl.queries.uploads import batch_line_total
from tests.db.helpers import aggregates, line, snapshot, write_report

TODAY = dt.date(2022, 6, 30)

CLEAN = [
    line(1, "2019-06", "出口", "SC", 1, "US", "120.50"),
    line(1, "2019-06", "出口", "SC", 1, "HK", "80"),
    line(1, "2019-06", "进口", "SJ", 1, "DE", "33.33"),
    line(2, "2019-06", "出口", "SD", 2, "JP", "1234.56", "CNY", "万元"),
    line(2, "2019-06", "出口", "SK1", 1, "KR", "10", "CNY", "万元"),
    line(3, "2019-06", "进口", "SI", 3, "US", "500", region="天津经济技术开发区"),
    line(3, "2019-05", "出口", "SI", 1, "SG", "45.6", region="天津经济技术开发区"),
]


def _load(factory, path, **kw):
    return load_file(factory, path, today=TODAY, **kw)


def _usd_cents(amount: str, unit_mult: int, rate: Decimal | None) -> int:
    minor = Decimal(amount) * unit_mult * 100
    if rate is None:
        return int(minor)
    return int((minor / rate).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def test_clean_file_loads_and_reconciles_to_the_cent(session_factory, engine, tmp_path):
    """File total (exactly converted) = batch lines in the DB = what the query layer returns."""
    outcome = _load(session_factory, write_report(tmp_path / "a.csv", CLEAN))
    assert outcome.status == "loaded", outcome.validation.issues
    rate = Decimal("6.8985")  # NBS 2019 annual average: no monthly rate loaded
    expected = (
        _usd_cents("120.50", 10_000, None)
        + _usd_cents("80", 10_000, None)
        + _usd_cents("33.33", 10_000, None)
        + _usd_cents("1234.56", 10_000, rate)
        + _usd_cents("10", 10_000, rate)
        + _usd_cents("500", 10_000, None)
        + _usd_cents("45.6", 10_000, None)
    )
    assert outcome.total_usd_cents == expected
    with session_factory() as s:
        assert batch_line_total(s, outcome.batch_id) == expected
        full = ReportFilter(201901, 201912, full_scope=True)
        assert int(queries_figures.totals(s, full, ("direction",))["amount"].sum()) == expected
        assert int(queries_figures.partner_totals(s, full, ())["amount"].sum()) == expected
        bop = ReportFilter(201901, 201912)  # mode 3 is not part of the BOP total
        assert (
            int(queries_figures.totals(s, bop, ())["amount"].sum()) == expected - 500 * 10_000 * 100
        )
        # the sub-item SK1 rolls up into SK in the main-category table
        sk = queries_figures.totals(s, ReportFilter(201906, 201906, categories=("SK",)), ())
        assert int(sk["amount"].sum()) == _usd_cents("10", 10_000, rate)
        # the original CNY amount is kept exactly beside the USD amount
        cny = s.scalar(
            sa.select(m.ReportLine.amount_cny_fen).where(m.ReportLine.partner_code == "JP")
        )
        assert cny == 1234_5600_00
        assert database_facts(s)["reports"] == 4


def test_rejected_file_changes_nothing_but_the_history(session_factory, engine, tmp_path):
    """A file with one bad row loads nothing at all; only a 'rejected' batch row is recorded."""
    _load(session_factory, write_report(tmp_path / "a.csv", CLEAN))
    before = snapshot(engine, skip=("upload_batch",))
    bad = CLEAN[:3] + [line(4, "2019-06", "出口", "SX", 1, "US", "10")]  # unknown category
    outcome = _load(session_factory, write_report(tmp_path / "bad.csv", bad))
    assert outcome.status == "rejected"
    assert outcome.validation.error_count >= 1
    assert snapshot(engine, skip=("upload_batch",)) == before
    with session_factory() as s:
        statuses = s.scalars(sa.select(m.UploadBatch.status).order_by(m.UploadBatch.id)).all()
    assert statuses == ["loaded", "rejected"]


def test_clerk_may_load_only_their_regions(session_factory, engine, tmp_path):
    """Rows outside the clerk's regions reject the file with row-level errors; sub-zones are theirs."""
    path = write_report(tmp_path / "a.csv", CLEAN)  # 滨海新区 rows and 天津经济技术开发区 rows
    before = snapshot(engine, skip=("upload_batch",))
    teda_only = _load(session_factory, path, only_regions=("120116-TEDA",))
    assert teda_only.status == "rejected"
    issues = teda_only.validation.issues
    outside = issues[issues["code"] == "region_not_assigned"]
    assert sorted(outside["row"]) == [2, 3, 4, 5, 6]  # the five 滨海新区 rows, header is row 1
    assert "120116-TEDA 天津经济技术开发区" in outside["problem_zh"].iloc[0]
    assert snapshot(engine, skip=("upload_batch",)) == before
    assert _load(session_factory, path, only_regions=()).status == "rejected"  # no regions: none
    assert _load(session_factory, path, only_regions=("120116",)).status == "loaded"


def test_dry_run_writes_nothing(session_factory, engine, tmp_path):
    """--dry-run validates and reports only."""
    before = snapshot(engine)
    outcome = _load(session_factory, write_report(tmp_path / "a.csv", CLEAN), dry_run=True)
    assert outcome.status == "validated" and outcome.ok
    assert snapshot(engine) == before


def test_identical_file_twice_changes_nothing(session_factory, engine, tmp_path):
    """Loading the same file again is reported as unchanged and writes nothing."""
    path = write_report(tmp_path / "a.csv", CLEAN)
    first = _load(session_factory, path)
    before = snapshot(engine)
    again = _load(session_factory, path)
    assert again.status == "unchanged" and again.duplicate_of == first.batch_id
    assert snapshot(engine) == before


def test_same_reports_in_a_new_file_are_not_revisions(session_factory, tmp_path):
    """A different file carrying identical reports creates no new versions."""
    _load(session_factory, write_report(tmp_path / "a.csv", CLEAN))
    outcome = _load(session_factory, write_report(tmp_path / "b.csv", list(reversed(CLEAN))))
    assert outcome.status == "loaded"
    assert (outcome.reports_new, outcome.reports_revised, outcome.reports_unchanged) == (0, 0, 4)
    with session_factory() as s:
        assert s.scalar(sa.select(sa.func.count(m.ReportVersion.id))) == 4


def test_revision_replaces_the_report_and_moves_aggregates_by_the_difference(
    session_factory, engine, tmp_path
):
    """A revised report replaces all its lines; the earlier version is kept with its batch."""
    first = _load(session_factory, write_report(tmp_path / "a.csv", CLEAN))
    f = ReportFilter(201906, 201906)
    with session_factory() as s:
        before = queries_figures.totals(s, f, ("direction",)).set_index("direction")["amount"]
    # enterprise 1 revises June: the US line goes from 120.50 to 150, the HK and DE lines are dropped
    revised = [line(1, "2019-06", "出口", "SC", 1, "US", "150")]
    second = _load(session_factory, write_report(tmp_path / "rev.csv", revised))
    assert (second.reports_new, second.reports_revised) == (0, 1)
    with session_factory() as s:
        after = queries_figures.totals(s, f, ("direction",)).set_index("direction")["amount"]
        versions = s.execute(
            sa.select(m.ReportVersion.version_no, m.ReportVersion.status, m.ReportVersion.batch_id)
            .join(m.Report, m.Report.id == m.ReportVersion.report_id)
            .where(m.Report.period == 201906, m.Report.uscc == revised[0][0])
            .order_by(m.ReportVersion.version_no)
        ).all()
    assert after["X"] - before["X"] == (150_00 - 120_50 - 80_00) * 10_000
    assert before["M"] - after.get("M", 0) == 33_33 * 10_000  # the only BOP import was dropped
    assert [tuple(v) for v in versions] == [
        (1, "superseded", first.batch_id),
        (2, "current", second.batch_id),
    ]


def test_retract_restores_previous_versions_exactly(session_factory, engine, tmp_path):
    """Retracting the revision brings back the earlier figures to the cent; then retract the rest."""
    first = _load(session_factory, write_report(tmp_path / "a.csv", CLEAN))
    before_revision = aggregates(engine)
    revised = [
        line(1, "2019-06", "出口", "SC", 1, "US", "150"),
        line(9, "2019-06", "出口", "SG", 1, "GB", "7"),
    ]  # 9 is a new report
    second = _load(session_factory, write_report(tmp_path / "rev.csv", revised))
    assert aggregates(engine) != before_revision
    out = retract_batch(session_factory, second.batch_id, "tester", "wrong figures")
    assert (out.reports_restored, out.reports_withdrawn) == (1, 1)
    assert aggregates(engine) == before_revision
    with session_factory() as s:
        assert s.get(m.UploadBatch, second.batch_id).status == "retracted"
    with pytest.raises(RetractError):
        retract_batch(session_factory, second.batch_id, "tester", "twice")
    retract_batch(session_factory, first.batch_id, "tester", "all wrong")
    assert all(rows == [] for rows in aggregates(engine).values())
    with session_factory() as s:
        assert database_facts(s)["reports"] == 0


def test_retracted_file_can_be_loaded_again(session_factory, tmp_path):
    """After a retraction the same file is a new load, not 'unchanged'."""
    path = write_report(tmp_path / "a.csv", CLEAN)
    first = _load(session_factory, path)
    retract_batch(session_factory, first.batch_id, "tester", "test")
    again = _load(session_factory, path)
    assert again.status == "loaded" and again.reports_new == 4


def test_maintained_aggregates_equal_a_full_rebuild(session_factory, engine, tmp_path):
    """After loads, a revision and a retraction, incremental aggregates equal a rebuild."""
    _load(session_factory, write_report(tmp_path / "a.csv", CLEAN))
    rev = _load(
        session_factory,
        write_report(
            tmp_path / "r.csv",
            [
                line(2, "2019-06", "出口", "SD", 2, "JP", "999", "CNY", "万元"),
                line(3, "2019-06", "出口", "SI", 1, "US", "1", region="河西区", area="120103"),
            ],
        ),
    )
    _load(
        session_factory,
        write_report(
            tmp_path / "c.csv",
            [
                line(5, "2019-06", "进口", "SC2", 1, "US", "3"),
                line(6, "2019-06", "进口", "SC", 1, "US", "4"),
            ],
        ),
    )
    retract_batch(session_factory, rev.batch_id, "tester", "test")
    incremental = aggregates(engine)
    with session_factory.begin() as s:
        rebuild_all(s)
    assert aggregates(engine) == incremental


def test_cells_carry_contributors_and_top_two(session_factory, tmp_path):
    """agg_cell holds contributor counts and the two largest contributions (disclosure inputs)."""
    rows = [
        line(i, "2019-06", "出口", "SC", 1, "US", str(a)) for i, a in ((1, 50), (2, 30), (3, 20))
    ]
    rows.append(line(1, "2019-06", "出口", "SC1", 1, "HK", "5"))  # sub-item of the same enterprise
    _load(session_factory, write_report(tmp_path / "a.csv", rows))
    with session_factory() as s:
        cell = s.execute(sa.select(m.AggCell).where(m.AggCell.category_code == "SC")).scalar_one()
    assert (cell.n_enterprises, cell.top1_usd_cents, cell.top2_usd_cents) == (
        3,
        55 * 1_000_000,
        30 * 1_000_000,
    )
    assert cell.usd_cents == 105 * 1_000_000


def test_an_empty_range_totals_zero(session_factory):
    """An ungrouped total over months with no data is 0, grouped totals are empty frames."""
    with session_factory() as s:
        assert queries_figures.totals(s, ReportFilter(203001, 203012), ())["amount"].tolist() == [0]
        assert queries_figures.totals(s, ReportFilter(203001, 203012), ("period",)).empty
        assert queries_figures.partner_totals(s, ReportFilter(203001, 203012), ())[
            "amount"
        ].tolist() == [0]
