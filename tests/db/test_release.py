"""Releases (数据发布): the checklist, refusals, revisions, the copy leaders read, the CLI."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import sqlalchemy as sa

from etl import models as m
from etl.cli.main import EXIT_FAILED, EXIT_OK, main
from etl.coverage.register import load_register
from etl.data_version import RELEASED
from etl.disclosure.store import Safeguards
from etl.filters import ReportFilter
from etl.intake.load import load_file
from etl.queries import figures as queries_figures
from etl.queries.as_of import latest_event_id
from etl.release.store import ReleaseRefused, mark_final, release_month
from tests.db.helpers import line, no_lp, write_report
from tests.db.test_coverage import member, register_file

ROWS = [
    line(1, "2019-06", "出口", "SC", 1, "US", "100"),
    line(2, "2019-06", "进口", "SJ", 1, "DE", "40"),
    line(1, "2019-05", "出口", "SC", 1, "US", "90"),
]


def _release(factory, period=201906, **kw):
    kw.setdefault("min_coverage", 0.9)
    kw.setdefault("deadline_day", 10)
    kw.setdefault("safeguards", no_lp())  # the release's mechanics here (disclosure: elsewhere)
    with factory.begin() as s:
        release, check = release_month(s, "120000", period, "stat", kw.pop("note", ""), **kw)
        return release.id, check


def _total(factory, released: bool, period=201906) -> int:
    with factory() as s:
        if released:
            s.info[RELEASED] = True
        frame = queries_figures.totals(s, ReportFilter(period, period), ("direction",))
    return int(frame["amount"].sum())


def test_release_copies_the_month_and_refuses_when_nothing_changed(session_factory, tmp_path):
    """First release: leaders' copy equals the data; again with nothing new: refused; a
    revision moves the data but not the copy until it is released again (修订, revision 1)."""
    assert load_file(session_factory, write_report(tmp_path / "a.csv", ROWS)).ok
    assert _total(session_factory, released=True) == 0  # nothing released yet
    first, check = _release(session_factory, note="六月初步")
    assert check.previous is None and check.total_now == 140 * 1_000_000
    assert _total(session_factory, released=True) == _total(session_factory, False) == 140_000_000
    with pytest.raises(ReleaseRefused) as refused:
        _release(session_factory)
    assert refused.value.reason == "unchanged"

    revised = [line(1, "2019-06", "出口", "SC", 1, "US", "160")]
    assert load_file(session_factory, write_report(tmp_path / "b.csv", revised)).ok
    assert _total(session_factory, released=False) == 200_000_000
    assert _total(session_factory, released=True) == 140_000_000  # leaders: unchanged

    second, check = _release(session_factory, note="企业1更正")
    assert check.total_before == 140_000_000 and check.total_now == 200_000_000
    assert [e["kind"] for e in check.events] == ["load"]
    assert check.movers[0]["delta"] == 60_000_000
    assert _total(session_factory, released=True) == 200_000_000
    with session_factory() as s:
        rows = s.scalars(sa.select(m.Release).order_by(m.Release.id)).all()
        assert [(r.id, r.revision, r.current) for r in rows] == [
            (first, 0, False),
            (second, 1, True),
        ]
        audit = s.scalars(
            sa.select(m.AuditEntry).where(m.AuditEntry.action == "data_release")
        ).all()
        assert [json.loads(a.detail)["note"] for a in audit] == ["六月初步", "企业1更正"]
        assert {a.username for a in audit} == {"stat"}
        # May was never released: its rows are not in the leaders' copy.
        assert _total(session_factory, released=True, period=201905) == 0


def test_low_coverage_is_refused_without_override_and_note(session_factory, tmp_path):
    """Two key enterprises expected, one reported (50% < 90%): refused; override needs a note."""
    register_file(tmp_path / "r.csv", [member(1), member(2)])
    assert load_register(session_factory, tmp_path / "r.csv", "stat").ok
    assert load_file(session_factory, write_report(tmp_path / "a.csv", ROWS[:1])).ok
    with pytest.raises(ReleaseRefused) as refused:
        _release(session_factory)
    assert refused.value.reason == "coverage" and "50.0%" in str(refused.value)
    with pytest.raises(ReleaseRefused) as refused:
        _release(session_factory, override_coverage=True)
    assert refused.value.reason == "override_note"
    _, check = _release(session_factory, override_coverage=True, note="企业2停产，确认")
    assert check.coverage["reported_share"] == 0.5 and not check.coverage_ok
    with session_factory() as s:
        assert s.scalar(sa.select(m.Release.coverage_overridden)) is True


def test_release_of_a_month_without_data_is_refused(session_factory):
    """Nothing loaded for the month: nothing to release."""
    with pytest.raises(ReleaseRefused) as refused:
        _release(session_factory, period=202001)
    assert refused.value.reason == "no_data"


def test_mark_final(session_factory, tmp_path):
    """A preliminary release marked final once; a month not released cannot be."""
    assert load_file(session_factory, write_report(tmp_path / "a.csv", ROWS)).ok
    _release(session_factory)
    with session_factory.begin() as s:
        assert mark_final(s, "120000", 201906, "stat").status == "final"
    with pytest.raises(ReleaseRefused), session_factory.begin() as s:
        mark_final(s, "120000", 201905, "stat")


def test_cli_release_list_show(settings, capsys, tmp_path):
    """`release --month`, refused the second time (exit 1), `release list`, `release show`."""
    # 100,000 + 23,500 万美元 = 12.35亿美元: half up, exactly, 12.4 (a float would give 12.3).
    rows = [
        line(1, "2019-06", "出口", "SC", 1, "US", "100000"),
        line(2, "2019-06", "进口", "SJ", 1, "DE", "23500"),
    ]
    path = write_report(tmp_path / "a.csv", rows)
    assert main(["load", str(path)], settings=settings) == EXIT_OK
    capsys.readouterr()
    assert (
        main(
            ["release", "--month", "2019-06", "--note", "初步", "--user", "wang"], settings=settings
        )
        == EXIT_OK
    )
    said = capsys.readouterr()
    assert "首次发布: 服务进出口总额 12.4亿美元" in said.out and "发布 released" in said.out
    # the step it is at, on stderr (late months of a large year take minutes)
    assert "保密模式 disclosure pattern 2019-06 (1/1)" in said.err
    assert main(["release", "--month", "2019-06"], settings=settings) == EXIT_FAILED
    assert "nothing changed" in capsys.readouterr().err
    assert main(["release", "list", "--format", "json"], settings=settings) == EXIT_OK
    rows = json.loads(capsys.readouterr().out)
    assert [(r["month"], r["released_by"], r["note"], r["total"]) for r in rows] == [
        ("2019-06", "wang", "初步", "12.4亿美元")
    ]
    assert main(["release", "show", "--month", "2019-06"], settings=settings) == EXIT_OK
    assert "重点企业报送" in capsys.readouterr().out


def test_snapshot_of_an_unreleased_month_is_refused(session_factory, settings, tmp_path):
    """Snapshots are made of released months only, and read as of the release: a later load
    does not reach the edition until the month is released again."""
    from etl.snapshot.archive import make_snapshot
    from etl.snapshot.build import SnapshotError

    settings = replace(settings, instance_path=tmp_path / "inst")
    assert load_file(session_factory, write_report(tmp_path / "a.csv", ROWS)).ok
    with pytest.raises(SnapshotError, match="not released"):
        make_snapshot(session_factory, settings, 201906, "120000", pdf=False)
    release_id, _ = _release(session_factory)
    revised = [line(1, "2019-06", "出口", "SC", 1, "US", "160")]
    assert load_file(session_factory, write_report(tmp_path / "b.csv", revised)).ok
    made = make_snapshot(session_factory, settings, 201906, "120000", pdf=False)
    with session_factory() as s:
        release = s.get(m.Release, release_id)
        snap = s.get(m.Snapshot, made.snapshot_id)
        assert snap.vintage_event_id == release.data_event_id
        assert snap.vintage_event_id < latest_event_id(s)


def test_migration_0010_round_trip(engine):
    """Down past 0010 (its tables dropped) and up again: the tables are back, as the models say."""
    import importlib.util

    from etl.migrate import downgrade, upgrade
    from etl.settings import PROJECT_ROOT

    path = PROJECT_ROOT / "migrations" / "versions" / "0010_data_release.py"
    spec = importlib.util.spec_from_file_location("m0010", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    names = {"data_release", "pub_cell", "pub_category", "pub_partner", "pub_partner_category"}
    assert names <= set(sa.inspect(engine).get_table_names())
    downgrade(engine, module.down_revision)
    assert not names & set(sa.inspect(engine).get_table_names())
    upgrade(engine)
    inspector = sa.inspect(engine)
    assert names <= set(inspector.get_table_names())
    for name in names:
        want = {c.name for c in m.Base.metadata.tables[name].columns}
        assert {c["name"] for c in inspector.get_columns(name)} == want


def test_release_all_goes_through_every_scope_month_once_and_shows_it(session_factory, tmp_path):
    """The sample's first run releases every month with data (one pattern each, the longest
    step): each (scope, month) passes through the progress wrapper once; again, none changed."""
    from etl.release.store import release_all

    assert load_file(session_factory, write_report(tmp_path / "a.csv", ROWS)).ok
    seen = []

    def progress(months):
        seen.extend(months)
        return iter(months)

    kw = dict(min_coverage=0.9, deadline_day=10, each_month=progress)
    ids = release_all(
        session_factory, "sample", "样例数据", safeguards=Safeguards(audit=False), **kw
    )
    assert ("120000", 201905) in seen and ("120000", 201906) in seen
    assert len(seen) == len(set(seen)) and len(ids) == 2
    # released without the release-time audit (the sample): recorded as not run
    with session_factory() as s:
        runs = dict(
            s.execute(
                sa.select(m.Release.period, m.DisclosureRun.pinned).join(
                    m.DisclosureRun, m.DisclosureRun.release_id == m.Release.id
                )
            ).all()
        )
    assert runs == {201905: None, 201906: None}
    assert release_all(session_factory, "sample", "样例数据", **kw) == []  # nothing changed
