"""The enterprise register a load keeps: the newest report names it; older ones widen its span."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from etl import models as m
from etl.intake.load import load_file
from tests.db.helpers import line, uscc, write_report

TODAY = dt.date(2022, 6, 30)


def _enterprise(factory, n: int) -> tuple:
    with factory() as s:
        e = s.get(m.Enterprise, uscc(n))
        return e.name, e.region_code, e.first_period, e.last_period, e.updated_at


def test_newest_report_names_the_enterprise_and_older_ones_only_widen_its_span(
    session_factory, tmp_path
):
    june = write_report(
        tmp_path / "a.csv", [line(1, "2019-06", "出口", "SC", 1, "US", "10", name="甲公司")]
    )
    assert load_file(session_factory, june, today=TODAY).status == "loaded"
    first = _enterprise(session_factory, 1)
    assert first[:4] == ("甲公司", "120116", 201906, 201906)

    july = write_report(
        tmp_path / "b.csv",
        [
            line(
                1,
                "2019-07",
                "出口",
                "SC",
                1,
                "US",
                "10",
                name="甲公司更名",
                region="天津经济技术开发区",
            )
        ],
    )
    assert load_file(session_factory, july, today=TODAY).status == "loaded"
    renamed = _enterprise(session_factory, 1)
    assert renamed[:4] == ("甲公司更名", "120116-TEDA", 201906, 201907)
    assert renamed[4] >= first[4]

    may = write_report(
        tmp_path / "c.csv", [line(1, "2019-05", "出口", "SC", 1, "US", "10", name="甲公司旧名")]
    )
    assert load_file(session_factory, may, today=TODAY).status == "loaded"
    widened = _enterprise(session_factory, 1)
    assert widened == ("甲公司更名", "120116-TEDA", 201905, 201907, renamed[4])


def test_new_and_known_enterprises_in_one_file(session_factory, tmp_path):
    old = write_report(tmp_path / "a.csv", [line(1, "2019-06", "出口", "SC", 1, "US", "10")])
    load_file(session_factory, old, today=TODAY)
    both = write_report(
        tmp_path / "b.csv",
        [
            line(1, "2019-07", "出口", "SC", 1, "US", "10"),
            line(2, "2019-07", "进口", "SJ", 1, "DE", "5"),
        ],
    )
    assert load_file(session_factory, both, today=TODAY).status == "loaded"
    with session_factory() as s:
        spans = s.execute(
            sa.select(
                m.Enterprise.uscc, m.Enterprise.first_period, m.Enterprise.last_period
            ).order_by(m.Enterprise.uscc)
        ).all()
    assert [tuple(r) for r in spans] == [(uscc(1), 201906, 201907), (uscc(2), 201907, 201907)]
