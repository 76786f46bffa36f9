"""Register edits (one member, candidates, end of membership, re-joining, uploaded bytes) and
coverage by region as of a data event, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
import sqlalchemy as sa

from etl import models as m
from etl.coverage.compute import coverage_by_region
from etl.coverage.register import (
    add_candidates,
    add_member,
    end_membership,
    load_register,
    load_register_frame,
)
from etl.evaluation.districts import TOTAL
from etl.intake.load import load_file
from etl.intake.retract import retract_batch
from etl.queries import register as qr
from tests.db.helpers import line, uscc, write_report

TODAY = dt.date(2020, 1, 1)


def form(n: int, region: str = "滨海新区", since: str = "2019-01", **extra) -> dict:
    return {
        "uscc": uscc(n),
        "name": f"测试企业{n}有限公司",
        "region": region,
        "since": since,
        "contact_person": "王经理",
        "contact_phone": "022-12345678",
        **extra,
    }


def history(factory) -> list[tuple[str, str, str]]:
    with factory() as s:
        rows = s.execute(
            sa.select(
                m.RegisterChange.actor, m.RegisterChange.action, m.RegisterChange.uscc
            ).order_by(m.RegisterChange.id)
        ).all()
    return [tuple(r) for r in rows]


def entries(factory) -> pd.DataFrame:
    with factory() as s:
        return qr.register_entries(s)


def test_add_member_checks_like_a_file_row(session_factory):
    """A form with a bad code loads nothing and says which column; a good one adds, with history."""
    bad = add_member(session_factory, form(1) | {"uscc": "91120116MA05XXXX0"}, "stat1")
    assert not bad.ok
    assert bad.problems[0][1] == "统一社会信用代码" and "无效" in bad.problems[0][3]
    assert entries(session_factory).empty and history(session_factory) == []
    assert add_member(session_factory, form(1, region="120116"), "stat1").ok
    table = entries(session_factory)
    assert table[["uscc", "region_code", "since", "contact_person"]].values.tolist() == [
        [uscc(1), "120116", 201901, "王经理"]
    ]
    assert history(session_factory) == [("stat1", "add", uscc(1))]


def test_end_membership_and_join_again(session_factory):
    """Ending keeps the entry with a 截止月份; a later form re-joins as a new entry; coverage
    expects the enterprise in each span and not in the gap."""
    assert add_member(session_factory, form(1), "stat1").ok
    refused = end_membership(session_factory, uscc(1), 201812, "stat2")
    assert not refused.ok and refused.problems[0][1] == "截止月份"
    assert not end_membership(session_factory, uscc(9), 201906, "stat2").ok
    assert end_membership(session_factory, uscc(1), 201903, "stat2").ok
    assert add_member(session_factory, form(1, since="2019-08"), "stat1").ok
    spans = entries(session_factory)[["since", "until"]].values.tolist()
    assert [[s, None if pd.isna(u) else u] for s, u in spans] == [[201901, 201903], [201908, None]]
    assert [a for _, a, _ in history(session_factory)] == ["add", "remove", "add"]
    with session_factory() as s:
        expected = {
            mon: coverage_by_region(s, mon, "120000").total["expected"]
            for mon in (201903, 201905, 201908)
        }
    assert expected == {201903: 1, 201905: 0, 201908: 1}


def test_candidates_report_but_are_not_on_the_register(session_factory, tmp_path):
    """Reporting enterprises off the register are candidates, largest first; adding them takes
    their reported name and region and removes them from the list."""
    rows = [
        line(1, "2019-06", "出口", "SC", 1, "US", "5"),
        line(2, "2019-06", "出口", "SC", 1, "US", "50"),
        line(3, "2019-05", "出口", "SC", 1, "US", "7", region="和平区", area="120101"),
    ]
    assert load_file(session_factory, write_report(tmp_path / "r.csv", rows), today=TODAY).ok
    assert add_member(session_factory, form(1), "stat1").ok
    with session_factory() as s:
        found = qr.register_candidates(s, 201901, 201906, 201906)
        binhai = qr.register_candidates(s, 201901, 201906, 201906, ("120116",))
    assert found["uscc"].tolist() == [uscc(2), uscc(3, "120101")]
    assert found["amount"].tolist() == [50_000_000, 7_000_000]  # 万美元 → cents
    assert binhai["uscc"].tolist() == [uscc(2)]
    assert add_candidates(session_factory, [uscc(2)], 201907, "stat1").ok
    added = entries(session_factory).set_index("uscc").loc[uscc(2)]
    assert (added["name"], added["region_code"], added["since"]) == (
        "测试企业2有限公司",
        "120116",
        201907,
    )
    with session_factory() as s:
        assert qr.register_candidates(s, 201901, 201906, 201907)["uscc"].tolist() == [
            uscc(3, "120101")
        ]
    assert not add_candidates(session_factory, [uscc(8)], 201907, "stat1").ok


def test_uploaded_bytes_load_atomically(session_factory):
    """An uploaded xlsx (bytes) loads; an unreadable or empty upload loads nothing, with words."""
    frame = pd.DataFrame(
        [
            {
                "统一社会信用代码": uscc(n),
                "企业名称": f"企业{n}",
                "所属地区": "滨海新区",
                "起始月份": "2019-01",
            }
            for n in (1, 2)
        ]
    )
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    assert load_register(session_factory, buffer.getvalue(), "stat1", "名录.xlsx").ok
    assert len(entries(session_factory)) == 2
    unreadable = load_register(session_factory, b"x", "stat1", "名录.doc")
    assert not unreadable.ok and "不支持" in unreadable.problems[0][3]
    empty = load_register_frame(session_factory, frame.iloc[:0], "stat1")
    assert not empty.ok and empty.problems[0][3] == "文件中没有数据行"
    assert len(history(session_factory)) == 2


def _loaded_at(factory, batch_id, day):
    with factory.begin() as s:
        s.get(m.UploadBatch, batch_id).uploaded_at = dt.datetime(
            2019, 7, day, tzinfo=dt.timezone.utc
        )


def test_coverage_by_region_as_of_an_event(session_factory, tmp_path):
    """Per district: counts and the missing share of the district's previous year; as of an
    earlier event a later report is missing; a retracted first file does not count as arrived."""
    for n, region in ((1, "滨海新区"), (2, "滨海新区"), (3, "和平区")):
        area = "120101" if region == "和平区" else "120116"
        assert add_member(
            session_factory, form(n, region=region) | {"uscc": uscc(n, area)}, "stat1"
        ).ok
    prior = [
        line(1, "2018-03", "出口", "SC", 1, "US", "30"),
        line(2, "2018-03", "出口", "SC", 1, "US", "10"),
        line(4, "2018-03", "出口", "SC", 1, "US", "60"),  # not on the register
        line(3, "2018-03", "出口", "SC", 1, "US", "40", region="和平区", area="120101"),
    ]
    assert load_file(session_factory, write_report(tmp_path / "p.csv", prior), today=TODAY).ok

    def june(n, name, amount="5"):
        path = write_report(tmp_path / name, [line(n, "2019-06", "出口", "SC", 1, "US", amount)])
        return load_file(session_factory, path, today=TODAY)

    early, first = june(1, "a.csv"), june(2, "b.csv")
    _loaded_at(session_factory, early.batch_id, 5)
    _loaded_at(session_factory, first.batch_id, 8)
    with session_factory() as s:
        event = s.scalar(sa.select(m.DataEvent.id).where(m.DataEvent.batch_id == early.batch_id))
        before = qr.first_arrivals(s, 201906, [uscc(1), uscc(2)], event)
    assert before["uscc"].tolist() == [uscc(1)]  # as of the first June load only
    retract_batch(session_factory, first.batch_id, "stat1", "错报")
    again = june(2, "c.csv", "6")
    _loaded_at(session_factory, again.batch_id, 20)
    with session_factory() as s:
        cov = coverage_by_region(s, 201906, "120000")
    rows = cov.rows.set_index("code")
    status = dict(zip(cov.status["uscc"], cov.status["status"]))
    assert status == {uscc(1): "on_time", uscc(2): "late", uscc(3, "120101"): "missing"}
    assert rows.loc["120116", ["expected", "on_time", "late", "missing"]].tolist() == [2, 1, 1, 0]
    assert rows.loc["120116", "missing_share_of_prior_year"] == 0
    assert rows.loc["120101", "missing_share_of_prior_year"] == pytest.approx(1.0)
    assert rows.loc[TOTAL, "missing_share_of_prior_year"] == pytest.approx(40 / 140)
    assert cov.total["reported_share"] == pytest.approx(2 / 3)
    assert list(rows.index[:2]) == ["120101", "120102"] and rows.index[-1] == TOTAL
    with session_factory() as s:
        leaf = coverage_by_region(s, 201906, "120116-TEDA")
    assert leaf.rows["code"].tolist() == [TOTAL] and leaf.total["expected"] == 0
    assert leaf.total["reported_share"] is None
