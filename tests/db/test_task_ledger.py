"""The pilot-task ledger in the database: seeds, unit accounts, reports with evidence, reviews."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from etl import accounts
from etl import models as m
from etl.queries.tasks import evidence_of, reports_frame, tasks_frame
from etl.seed import load_seeds
from etl.settings import PROJECT_ROOT
from etl.tasks.evidence import EvidenceRejected
from etl.tasks.store import TaskError, TaskForbidden, review_report, submit_report

PDF = b"%PDF-1.4\n%test\n" + b"0" * 200


def _unit(session_factory, name="tj_shangwu", orgs=("天津市商务委",)):
    with session_factory.begin() as s:
        accounts.add_user(s, name, "unit", organisations=orgs)
    with session_factory() as s:
        return accounts.principal_of(accounts.get_user(s, name))


def _staff(session_factory, name="stat", role="statistician"):
    with session_factory.begin() as s:
        accounts.add_user(s, name, role)
    with session_factory() as s:
        return accounts.principal_of(accounts.get_user(s, name))


def test_seeds_hold_every_task_measure_and_unit(session_factory):
    with session_factory() as s:
        tasks = tasks_frame(s)
        assert tasks.groupby("document").size().to_dict() == {
            "liangjiang": 67,
            "liangjiang_policy": 9,
            "tianjin": 40,
        }
        assert s.scalar(sa.select(sa.func.count()).select_from(m.Organisation)) == 69
    t9 = tasks.set_index("id").loc["tianjin-9"]
    assert (t9["deadline_text"], str(t9["deadline"]), t9["deadline_kind"]) == (
        "2019年底取得阶段性成果",
        "2019-12-31",
        "date",
    )
    assert t9["lead"] == ["天津市商务委"]
    assert t9["cooperating"] == ["天津市出版局", "天津市文化广播影视局"]
    assert "liangjiang-64" not in set(tasks["id"])


def test_seed_reload_removes_a_unit_taken_off_a_task(session_factory, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for f in (PROJECT_ROOT / "seeds").glob("*.csv"):
        (seeds / f.name).write_bytes(f.read_bytes())
    text = (seeds / "pilot_tasks.csv").read_text("utf-8")
    (seeds / "pilot_tasks.csv").write_text(
        text.replace(
            "天津市商务委,天津市出版局；天津市文化广播影视局", "天津市商务委,天津市出版局"
        ),
        "utf-8",
    )
    with session_factory.begin() as s:
        assert load_seeds(s, seeds)["pilot_task_unit"] == 1
    with session_factory() as s:
        assert tasks_frame(s).set_index("id").loc["tianjin-9", "cooperating"] == ["天津市出版局"]


def test_a_unit_reports_with_evidence_and_a_statistician_confirms(session_factory, tmp_path):
    unit, stat = _unit(session_factory), _staff(session_factory)
    assert unit.organisations == ("天津市商务委",)
    with session_factory.begin() as s:
        report_id = submit_report(
            s,
            unit,
            "tianjin-9",
            "2019-06",
            "推进中",
            "出版物进出口平台已完成选址",
            {"projects": "2"},
            [("签约文件.pdf", PDF)],
            tmp_path,
        )
    with session_factory.begin() as s:
        review_report(s, stat, report_id, "confirmed")
    with session_factory() as s:
        report = reports_frame(s, "tianjin-9").iloc[0]
        files = evidence_of(s, "tianjin-9")
        actions = s.scalars(
            sa.select(m.AuditEntry.action).where(m.AuditEntry.action.like("task_%"))
        ).all()
    assert (report["period"], report["status"], report["review_state"]) == (
        201906,
        "in_progress",
        "confirmed",
    )
    assert report["figures"] == {"projects": 2} and report["reviewed_by"] == "stat"
    assert [(f["filename"], f["file_type"], f["size_bytes"]) for f in files] == [
        ("签约文件.pdf", "pdf", len(PDF))
    ]
    assert len(list((tmp_path / "evidence").rglob("*.pdf"))) == 1
    assert actions == ["task_report", "task_review"]


def test_a_unit_cannot_report_on_another_units_task(session_factory, tmp_path):
    unit = _unit(session_factory, "lj", ("两江新区管委会",))
    with session_factory.begin() as s:
        with pytest.raises(TaskForbidden):
            submit_report(s, unit, "tianjin-9", "2019-06", "推进中", "x")
        with pytest.raises(TaskError):
            submit_report(s, unit, "tianjin-999", "2019-06", "推进中", "x")
    with session_factory() as s:
        assert reports_frame(s).empty


def test_bad_evidence_and_returns_without_comment_are_refused(session_factory, tmp_path):
    unit, stat = _unit(session_factory), _staff(session_factory)
    with session_factory.begin() as s:
        with pytest.raises(EvidenceRejected):
            submit_report(
                s,
                unit,
                "tianjin-9",
                "2019-06",
                "推进中",
                "x",
                files=[("a.exe", PDF)],
                instance_path=tmp_path,
            )
        report_id = submit_report(s, unit, "tianjin-9", "2019-06", "推进中", "x")
    with session_factory.begin() as s:
        with pytest.raises(TaskError):
            review_report(s, stat, report_id, "returned", "  ")
        with pytest.raises(TaskForbidden):
            review_report(s, unit, report_id, "confirmed")
        review_report(s, stat, report_id, "returned", "请补充签约文件")
    with session_factory() as s:
        entry = s.scalars(sa.select(m.AuditEntry).where(m.AuditEntry.action == "task_review")).one()
    assert json.loads(entry.detail)["comment"] == "请补充签约文件"


def test_unit_accounts_need_a_known_organisation(session_factory):
    with session_factory.begin() as s:
        with pytest.raises(accounts.AccountError):
            accounts.add_user(s, "u1", "unit")
        with pytest.raises(accounts.AccountError):
            accounts.add_user(s, "u2", "unit", organisations=("市商务局",))
        accounts.add_user(s, "u3", "unit", organisations=("重庆市商委",))
        accounts.set_role(s, "u3", "unit", "admin", organisations=("重庆市商委", "重庆海关"))
    with session_factory() as s:
        listed = {u["username"]: u for u in accounts.list_users(s)}
    assert listed["u3"]["organisations"] == ["重庆市商委", "重庆海关"]
