"""Key-enterprise register (atomic, with history) and coverage / timeliness on constructed data."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
import sqlalchemy as sa

from etl import models as m
from etl.coverage.compute import coverage, deadline_for
from etl.coverage.register import load_register
from etl.intake.load import load_file
from tests.db.helpers import line, uscc, write_report

HEAD = [
    "统一社会信用代码",
    "企业名称",
    "所属地区",
    "主要服务类别",
    "联系人",
    "联系电话",
    "起始月份",
    "截止月份",
]


def register_file(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEAD)
        writer.writerows(rows)
    return path


def member(n, since="2018-01", until="", region="滨海新区"):
    return [uscc(n), f"测试企业{n}有限公司", region, "SC", "王经理", "022-12345678", since, until]


def test_register_loads_atomically_with_history(session_factory, tmp_path):
    """A bad row loads nothing; a clean file adds; a later file with 截止月份 records a removal."""
    bad = register_file(
        tmp_path / "bad.csv", [member(1), ["123", "x", "滨海新区", "", "", "", "2019-01", ""]]
    )
    assert not load_register(session_factory, bad, "stat1").ok
    with session_factory() as s:
        assert s.scalar(sa.select(sa.func.count(m.KeyEnterprise.id))) == 0
    good = register_file(tmp_path / "good.csv", [member(1), member(2)])
    assert load_register(session_factory, good, "stat1").ok
    leave = register_file(tmp_path / "leave.csv", [member(2, until="2019-03")])
    assert load_register(session_factory, leave, "stat2").ok
    with session_factory() as s:
        log = s.execute(
            sa.select(m.RegisterChange.actor, m.RegisterChange.action).order_by(m.RegisterChange.id)
        ).all()
    assert [tuple(r) for r in log] == [("stat1", "add"), ("stat1", "add"), ("stat2", "remove")]


def test_deadline_is_the_tenth_of_the_next_month():
    """June's deadline is 10 July (end of the day in Beijing); December's is 10 January."""
    assert deadline_for(201906) == dt.datetime(2019, 7, 10, 15, 59, 59, tzinfo=dt.timezone.utc)
    assert deadline_for(201912).date() == dt.date(2020, 1, 10)


def _set_loaded_at(factory, batch_id, when):
    with factory.begin() as s:
        s.get(m.UploadBatch, batch_id).uploaded_at = when


def test_coverage_on_time_late_missing_and_joiners(session_factory, tmp_path):
    """Members joining later or leaving earlier are not expected; statuses and shares are right."""
    register_file(
        tmp_path / "r.csv",
        [
            member(1),
            member(2),
            member(3),
            member(4, since="2019-07"),  # joins after June: not expected in June
            member(5, until="2019-05"),  # left before June: not expected
        ],
    )
    assert load_register(session_factory, tmp_path / "r.csv", "stat1").ok
    today = dt.date(2020, 1, 1)
    prior = [
        line(n, "2018-03", "出口", "SC", 1, "US", str(a)) for n, a in ((1, 10), (2, 20), (3, 70))
    ]
    load_file(session_factory, write_report(tmp_path / "p.csv", prior), today=today)
    on_time = load_file(
        session_factory,
        write_report(tmp_path / "a.csv", [line(1, "2019-06", "出口", "SC", 1, "US", "5")]),
        today=today,
    )
    late = load_file(
        session_factory,
        write_report(tmp_path / "b.csv", [line(2, "2019-06", "出口", "SC", 1, "US", "5")]),
        today=today,
    )
    _set_loaded_at(
        session_factory, on_time.batch_id, dt.datetime(2019, 7, 9, tzinfo=dt.timezone.utc)
    )
    _set_loaded_at(session_factory, late.batch_id, dt.datetime(2019, 7, 11, tzinfo=dt.timezone.utc))
    with session_factory() as s:
        table, summary = coverage(s, 201906, "120000")
    status = dict(zip(table["uscc"], table["status"]))
    assert status == {uscc(1): "on_time", uscc(2): "late", uscc(3): "missing"}
    assert (summary["expected"], summary["reported"], summary["missing"]) == (3, 2, 1)
    assert summary["reported_share"] == pytest.approx(2 / 3)
    assert summary["missing_share_of_prior_year"] == pytest.approx(70 / 100)


def test_the_remembered_summary_follows_the_register_and_the_data(
    session_factory, tmp_path, monkeypatch
):
    """The figure pages' coverage line is computed once per data and register state: a second
    read does not compute it again; a register change or a load is seen on the next read."""
    from etl.coverage import compute

    computed = []
    real = compute.coverage_by_region
    monkeypatch.setattr(compute, "coverage_by_region", lambda *a: computed.append(a) or real(*a))
    register_file(tmp_path / "r.csv", [member(1), member(2)])
    assert load_register(session_factory, tmp_path / "r.csv", "stat1").ok
    today = dt.date(2020, 1, 1)
    load_file(
        session_factory,
        write_report(tmp_path / "a.csv", [line(1, "2019-06", "出口", "SC", 1, "US", "5")]),
        today=today,
    )

    def summary():
        with session_factory() as s:
            got = compute.region_summary(s, 201906, "120000", 10)
        return got["expected"], got["reported"]

    assert summary() == (2, 1)
    assert summary() == (2, 1)
    assert len(computed) == 1
    register_file(tmp_path / "r2.csv", [member(3)])
    assert load_register(session_factory, tmp_path / "r2.csv", "stat1").ok
    assert summary() == (3, 1)
    load_file(
        session_factory,
        write_report(tmp_path / "b.csv", [line(3, "2019-06", "出口", "SC", 1, "US", "5")]),
        today=today,
    )
    assert summary() == (3, 2)
    assert len(computed) == 3
