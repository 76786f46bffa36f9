"""Clerks stay inside their regions: by the enterprise's registered region, not the file's cell.

The web upload and `etl load --user` both pass the clerk's regions to load_file; these tests drive
load_file as the web job does, the command line, and retraction of master-data changes.
"""

from __future__ import annotations

import sqlalchemy as sa

from etl import accounts
from etl import models as m
from etl.cli.main import EXIT_FAILED, EXIT_OK, main
from etl.intake.load import load_file
from etl.intake.retract import retract_batch
from tests.db.helpers import line, uscc, write_report

BINHAI = ("120116",)
HEPING = dict(region="和平区", area="120101")


def _load(factory, tmp_path, name, rows, user="stat", regions=None):
    path = write_report(tmp_path / name, rows)
    return load_file(factory, path, user=user, only_regions=regions)


def _codes(outcome) -> set[str]:
    return set(outcome.validation.counts_by_code)


def _heping_total(factory) -> int:
    with factory() as s:
        return s.scalar(
            sa.select(m.ReportVersion.total_usd_cents)
            .join(m.Report, m.Report.current_version_id == m.ReportVersion.id)
            .where(m.Report.uscc == uscc(7, "120101"))
        )


def test_clerk_cannot_revise_another_regions_report_by_writing_their_region(
    session_factory, tmp_path
):
    """A 和平区 enterprise's report, written as 滨海新区 by clerk_bh: an error, nothing revised."""
    _load(
        session_factory,
        tmp_path,
        "a.csv",
        [line(7, "2021-12", "出口", "SC", 1, "US", "3510", **HEPING)],
    )
    before = _heping_total(session_factory)
    forged = [line(7, "2021-12", "出口", "SC", 1, "US", "1", region="滨海新区", area="120101")]
    preview = load_file(
        session_factory, write_report(tmp_path / "b.csv", forged), dry_run=True, only_regions=BINHAI
    )
    assert not preview.ok and "enterprise_not_assigned" in _codes(preview)
    done = _load(session_factory, tmp_path, "b.csv", forged, user="clerk_bh", regions=BINHAI)
    assert done.status == "rejected" and done.reports_revised == 0
    assert _heping_total(session_factory) == before


def test_new_enterprise_counts_by_the_area_digits_of_its_code(session_factory, tmp_path):
    """Not yet registered: its code's area digits decide; 滨海新区's own codes still load."""
    foreign = [line(8, "2021-12", "出口", "SC", 1, "US", "5", region="滨海新区", area="120101")]
    outcome = _load(session_factory, tmp_path, "f.csv", foreign, user="clerk_bh", regions=BINHAI)
    assert outcome.status == "rejected" and "enterprise_not_assigned" in _codes(outcome)
    own = [line(9, "2021-12", "出口", "SC", 1, "US", "5")]
    assert _load(session_factory, tmp_path, "o.csv", own, "clerk_bh", BINHAI).status == "loaded"


def test_only_a_statistician_changes_an_enterprises_registered_region(session_factory, tmp_path):
    """A clerk of all Tianjin may not move a 和平区 enterprise to 滨海新区; a statistician may."""
    _load(
        session_factory,
        tmp_path,
        "a.csv",
        [line(7, "2021-11", "出口", "SC", 1, "US", "10", **HEPING)],
    )
    moved = [line(7, "2021-12", "出口", "SC", 1, "US", "10", region="滨海新区", area="120101")]
    by_clerk = _load(session_factory, tmp_path, "b.csv", moved, "clerk", ("120000",))
    assert by_clerk.status == "rejected" and "region_change_not_allowed" in _codes(by_clerk)
    problems = " ".join(by_clerk.validation.issues["problem_zh"])
    assert "120101 和平区" in problems  # inside the clerk's regions, so it may be named
    with session_factory() as s:
        assert s.get(m.Enterprise, uscc(7, "120101")).region_code == "120101"
    assert _load(session_factory, tmp_path, "b.csv", moved).status == "loaded"
    with session_factory() as s:
        assert s.get(m.Enterprise, uscc(7, "120101")).region_code == "120116"


def test_retracting_a_batch_restores_the_enterprise_master_data_it_changed(
    session_factory, tmp_path
):
    """Name and region come back: from the newest remaining report, or the batch's before-image."""
    ent = uscc(7, "120101")
    first = [line(7, "2021-11", "出口", "SC", 1, "US", "10", name="原名有限公司", **HEPING)]
    _load(session_factory, tmp_path, "a.csv", first)
    renamed = [
        line(
            7,
            "2021-12",
            "出口",
            "SC",
            1,
            "US",
            "10",
            name="新名有限公司",
            region="滨海新区",
            area="120101",
        )
    ]
    batch = _load(session_factory, tmp_path, "b.csv", renamed).batch_id
    retract_batch(session_factory, batch, "stat", "wrong")
    with session_factory() as s:
        e = s.get(m.Enterprise, ent)
        assert (e.name, e.region_code, e.first_period, e.last_period) == (
            "原名有限公司",
            "120101",
            202111,
            202111,
        )
    # No report of it left at all: the before-image recorded by the batch comes back.
    retract_batch(session_factory, 1, "stat", "wrong too")
    third = [line(7, "2021-12", "出口", "SC", 1, "US", "10", name="第三名有限公司", **HEPING)]
    batch = _load(session_factory, tmp_path, "c.csv", third).batch_id
    with session_factory() as s:
        assert s.get(m.Enterprise, ent).name == "第三名有限公司"
    retract_batch(session_factory, batch, "stat", "wrong again")
    with session_factory() as s:
        assert s.get(m.Enterprise, ent).name == "原名有限公司"


def test_cli_load_applies_the_accounts_role_and_regions(
    settings, session_factory, tmp_path, capsys
):
    """`etl load --user NAME` is the web upload's scope: clerk regions, no unknown names, no leaders."""
    _load(
        session_factory,
        tmp_path,
        "a.csv",
        [line(7, "2021-12", "出口", "SC", 1, "US", "3510", **HEPING)],
    )
    before = _heping_total(session_factory)
    with session_factory.begin() as s:
        accounts.add_user(s, "clerk_bh", "clerk", regions=BINHAI)
        accounts.add_user(s, "lead", "leader")
    forged = write_report(
        tmp_path / "f.csv",
        [line(7, "2021-12", "出口", "SC", 1, "US", "1", region="滨海新区", area="120101")],
    )
    code = main(["load", str(forged), "--user", "clerk_bh"], settings=settings)
    out = capsys.readouterr()
    assert code == EXIT_FAILED and "不在您负责的地区" in out.out
    assert _heping_total(session_factory) == before
    for name in ("nobody", "lead"):
        assert main(["load", str(forged), "--user", name], settings=settings) == EXIT_FAILED
        assert "not loaded" in capsys.readouterr().err
    assert _heping_total(session_factory) == before
    own = write_report(tmp_path / "o.csv", [line(9, "2021-12", "出口", "SC", 1, "US", "5")])
    assert main(["load", str(own), "--user", "clerk_bh"], settings=settings) == EXIT_OK
    with session_factory() as s:
        actions = s.execute(
            sa.select(m.AuditEntry.username, m.AuditEntry.action).where(
                m.AuditEntry.action == "upload"
            )
        ).all()
    assert ("clerk_bh", "upload") in actions
