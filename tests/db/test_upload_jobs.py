"""Upload jobs behind the 数据报送 page: staging, background check, commit once, owner only."""

from __future__ import annotations

import json
import socket
import time

import pytest
import sqlalchemy as sa

from etl import models as m
from etl.intake import jobs
from etl.settings import PROJECT_ROOT
from tests.db.helpers import snapshot

SAMPLES = PROJECT_ROOT / "sample_data"
MB = 1024 * 1024


def _staged(tmp_path, *names, user="clerk", regions=None) -> str:
    files = [jobs.StagedFile(n, (SAMPLES / n).read_bytes()) for n in names]
    return jobs.stage(tmp_path, user, regions, files, 50 * MB)


def _job(tmp_path, job_id, user="clerk") -> dict:
    return jobs.read_job(tmp_path, job_id, user)


@pytest.mark.parametrize(
    "name,size,words",
    [
        ("report.pdf", 10, "不是 .xlsx 或 .csv"),
        ("big.csv", 51 * MB, "超过 50 MB"),
        ("empty.csv", 0, "空文件"),
    ],
)
def test_files_the_loader_cannot_take_are_refused_before_staging(name, size, words):
    with pytest.raises(jobs.UploadRefused) as refused:
        jobs.check_file(name, size, 50 * MB)
    assert words in refused.value.message_zh and refused.value.message_en


def test_clean_file_previews_without_writing_then_commits_once(session_factory, engine, tmp_path):
    """Preview: figures and no errors, database untouched; commit: loaded, audited; again: unchanged."""
    before = snapshot(engine)
    job_id = _staged(tmp_path, "clean_2019-06.xlsx")
    job = jobs.run(session_factory, tmp_path / "uploads" / job_id, commit=False)
    assert job["state"] == "validated" and job["committable"] is True
    summary = job["preview"][0]["summary"]
    assert (summary["rows"], summary["enterprises"], summary["errors"]) == (40, 7, 0)
    assert summary["periods"] == ["2019-06"]
    _assert_only_the_preview_audited(engine, before)
    assert jobs.start(session_factory, tmp_path, job_id, "clerk", commit=False) is False  # once

    done = jobs.run(session_factory, tmp_path / "uploads" / job_id, commit=True)
    result = done["results"][0]
    assert done["state"] == "committed" and result["status"] == "loaded"
    assert result["reports_new"] == 7
    with session_factory() as s:
        batch = s.get(m.UploadBatch, result["batch_id"])
        assert (batch.uploaded_by, batch.file_name, batch.status) == (
            "clerk",
            "clean_2019-06.xlsx",
            "loaded",
        )
        audit = s.scalars(sa.select(m.AuditEntry).where(m.AuditEntry.action == "upload")).one()
        assert json.loads(audit.detail)["batch_id"] == batch.id and audit.username == "clerk"

    again = _staged(tmp_path, "clean_2019-06.xlsx")
    preview = jobs.run(session_factory, tmp_path / "uploads" / again, commit=False)
    assert preview["preview"][0]["duplicate_of"] == batch.id
    second = jobs.run(session_factory, tmp_path / "uploads" / again, commit=True)
    assert second["results"][0]["status"] == "unchanged"


def test_file_with_errors_cannot_be_committed(session_factory, engine, tmp_path):
    """The mistakes file: errors listed with rows, not committable, nothing written."""
    before = snapshot(engine)
    job_id = _staged(tmp_path, "mistakes_2019-06.xlsx")
    job = jobs.run(session_factory, tmp_path / "uploads" / job_id, commit=False)
    assert job["state"] == "validated" and job["committable"] is False
    assert job["preview"][0]["status"] == "rejected"
    issues = jobs.issues_frame(tmp_path, job_id, "clerk", 0)
    errors = issues[issues["severity"] == "error"]
    assert len(errors) >= 20 and (errors["row"] >= 2).all()  # data rows; row 1 is the header
    assert {"unknown_category", "unknown_region", "missing_value"} <= set(issues["code"])
    assert jobs.start(session_factory, tmp_path, job_id, "clerk", commit=True) is False
    _assert_only_the_preview_audited(engine, before)


def _assert_only_the_preview_audited(engine, before):
    """Nothing written but one upload_preview audit row (previews are audited like downloads)."""
    after = snapshot(engine)
    added = [r for r in after.pop("audit_log") if r not in before["audit_log"]]
    assert after == {k: v for k, v in before.items() if k != "audit_log"}
    assert [(r[2], r[3]) for r in added] == [("clerk", "upload_preview")]


def test_several_files_one_bad_blocks_the_commit(session_factory, tmp_path):
    job_id = _staged(tmp_path, "clean_2019-06.xlsx", "mistakes_header_2019-06.csv")
    job = jobs.run(session_factory, tmp_path / "uploads" / job_id, commit=False)
    assert [p["status"] for p in job["preview"]] == ["validated", "rejected"]
    assert job["committable"] is False


def test_clerk_rows_outside_their_regions_are_errors(session_factory, tmp_path):
    """A 滨海新区 clerk uploading a file with 河西区 and 两江新区 rows gets one error per such row."""
    job_id = _staged(tmp_path, "clean_2019-06.xlsx", regions=["120116"])
    job = jobs.run(session_factory, tmp_path / "uploads" / job_id, commit=False)
    assert job["committable"] is False
    issues = jobs.issues_frame(tmp_path, job_id, "clerk", 0)
    outside = issues[issues["code"] == "region_not_assigned"]
    assert len(outside) > 0
    assert set(outside["value"]) & {"河西区", "和平区", "两江新区"}
    assert not set(outside["value"]) & {"滨海新区", "天津经济技术开发区"}


def test_a_job_is_its_owners_only(session_factory, tmp_path):
    job_id = _staged(tmp_path, "clean_2019-06.xlsx", user="clerk")
    assert _job(tmp_path, job_id)["state"] == "staged"
    assert jobs.read_job(tmp_path, job_id, "someone") is None
    assert jobs.read_job(tmp_path, "../../etc/passwd", "clerk") is None
    assert jobs.issues_frame(tmp_path, job_id, "someone", 0) is None
    assert jobs.start(session_factory, tmp_path, job_id, "someone", commit=False) is False


def test_start_runs_in_the_background_and_reports_progress(session_factory, tmp_path):
    job_id = _staged(tmp_path, "revision_2019-06.csv", "gbk_2019-07.csv")
    assert jobs.start(session_factory, tmp_path, job_id, "clerk", commit=False) is True
    deadline = time.monotonic() + 60
    while _job(tmp_path, job_id)["state"] == "validating" and time.monotonic() < deadline:
        time.sleep(0.1)
    job = _job(tmp_path, job_id)
    assert job["state"] == "validated" and job["progress"]["fraction"] == 1.0
    assert [p["name"] for p in job["preview"]] == ["revision_2019-06.csv", "gbk_2019-07.csv"]


def test_unreadable_file_is_reported_not_raised(session_factory, tmp_path):
    files = [jobs.StagedFile("broken.xlsx", b"this is not a zip file")]
    job_id = jobs.stage(tmp_path, "clerk", None, files, 50 * MB)
    job = jobs.run(session_factory, tmp_path / "uploads" / job_id, commit=False)
    assert job["preview"][0]["status"] == "unreadable" and job["committable"] is False
    assert job["preview"][0]["message_zh"]


def test_too_many_files_in_one_drop_are_refused(tmp_path):
    files = [jobs.StagedFile(f"{i}.csv", b"a,b\n1,2\n") for i in range(3)]
    with pytest.raises(jobs.UploadRefused) as refused:
        jobs.stage(tmp_path, "clerk", None, files, 50 * MB, max_files=2)
    assert "最多上传 2 个文件" in refused.value.message_zh
    assert not (tmp_path / "uploads").exists()


def test_a_commit_whose_process_is_gone_reads_failed_and_can_be_committed_again_once(
    session_factory, tmp_path
):
    """A worker killed during the commit: no 10 minutes of '正在入库… 75%'; a retry loads once."""
    import subprocess
    import sys

    job_id = _staged(tmp_path, "clean_2019-06.xlsx")
    folder = tmp_path / "uploads" / job_id
    jobs.run(session_factory, folder, commit=False)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    job = json.loads((folder / "job.json").read_text(encoding="utf-8"))
    job.update(state="committing", pid=dead.pid, host=socket.gethostname())
    (folder / "job.json").write_text(json.dumps(job), encoding="utf-8")

    seen = jobs.read_job(tmp_path, job_id, "clerk")
    assert (seen["state"], seen["error"], jobs.may_commit(seen)) == ("failed", "interrupted", True)
    done = jobs.run(session_factory, folder, commit=True)  # what start() runs in its thread
    assert done["results"][0]["status"] == "loaded"
    again = json.loads((folder / "job.json").read_text(encoding="utf-8"))
    again.update(state="committing", pid=dead.pid, host=socket.gethostname())
    (folder / "job.json").write_text(json.dumps(again), encoding="utf-8")
    retried = jobs.run(session_factory, folder, commit=True)
    assert retried["results"][0]["status"] == "unchanged"  # exactly once
    with session_factory() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(m.UploadBatch)) == 1


def test_start_accepts_a_retry_only_for_an_interrupted_commit(session_factory, tmp_path):
    job_id = _staged(tmp_path, "clean_2019-06.xlsx")
    folder = tmp_path / "uploads" / job_id
    jobs.run(session_factory, folder, commit=False)
    job = json.loads((folder / "job.json").read_text(encoding="utf-8"))
    job.update(state="failed", error="boom")  # failed for another reason: no retry
    (folder / "job.json").write_text(json.dumps(job), encoding="utf-8")
    assert jobs.start(session_factory, tmp_path, job_id, "clerk", commit=True) is False
