"""Upload checks in a worker process: memory and time caps, cancel, jobs per user; nothing loaded."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest
import sqlalchemy as sa

from etl import models as m
from etl.intake import jobs
from etl.intake.jobs import WorkerLimits
from etl.settings import PROJECT_ROOT
from tests.db.helpers import line, write_report
from tests.db.upload_http.calls import wait_for_state

SAMPLES = PROJECT_ROOT / "sample_data"
MB = 1024 * 1024
ENDED = ("validated", "committed", "failed", "cancelled")


def _stage_paths(tmp_path, *paths, user="clerk") -> str:
    files = [jobs.StagedFile(p.name, p.read_bytes()) for p in paths]
    return jobs.stage(tmp_path, user, None, files, 200 * MB)


def big_report(path, lines: int):
    """A valid report CSV of `lines` lines (distinct enterprises and amounts)."""
    rows = [
        line(i % 5000 + 1, "2019-06", "出口", "SC", 1, "US", f"{i % 997 + 1}.{i % 100:02d}")
        for i in range(lines)
    ]
    return write_report(path, rows)


def _wait(tmp_path, job_id, seconds=180, user="clerk", until=ENDED) -> dict:
    return wait_for_state(tmp_path, job_id, until, user, seconds)


def _history(session_factory) -> list[tuple[str, str]]:
    with session_factory() as s:
        rows = s.execute(sa.select(m.UploadBatch.file_name, m.UploadBatch.status)).all()
    return [tuple(r) for r in rows]


def _nothing_loaded(session_factory) -> bool:
    with session_factory() as s:
        reports = s.scalar(sa.select(sa.func.count()).select_from(m.Report))
        loaded = s.scalar(
            sa.select(sa.func.count())
            .select_from(m.UploadBatch)
            .where(m.UploadBatch.status == "loaded")
        )
    return reports == 0 and loaded == 0


def _audit(session_factory, action: str) -> list[dict]:
    with session_factory() as s:
        rows = s.scalars(sa.select(m.AuditEntry).where(m.AuditEntry.action == action)).all()
    return [json.loads(r.detail) for r in rows]


def test_a_check_runs_in_its_own_process_and_the_file_can_then_be_committed(
    session_factory, tmp_path
):
    job_id = _stage_paths(tmp_path, SAMPLES / "clean_2019-06.xlsx")
    limits = WorkerLimits(memory_bytes=1024 * MB, check_seconds=120)
    assert jobs.start(session_factory, tmp_path, job_id, "clerk", commit=False, worker=limits)
    job = _wait(tmp_path, job_id)
    assert job["state"] == "validated" and job["committable"] is True
    assert job["worker"] is True and job["pid"] != os.getpid()  # not the web process
    assert jobs.start(session_factory, tmp_path, job_id, "clerk", commit=True, worker=limits)
    done = _wait(tmp_path, job_id, until=("committed", "failed"))
    assert done["state"] == "committed" and done["results"][0]["status"] == "loaded"


def test_a_file_that_needs_more_memory_than_the_cap_fails_with_a_clear_message(
    session_factory, tmp_path
):
    """The worker's address-space cap turns a runaway file into 'failed: memory', nothing else."""
    from dashboard.pages.upload.views import progress

    path = big_report(tmp_path / "runaway.csv", 250_000)
    job_id = _stage_paths(tmp_path, path)
    cap = WorkerLimits(memory_bytes=300 * MB, check_seconds=300)
    assert jobs.start(session_factory, tmp_path, job_id, "clerk", commit=False, worker=cap)
    job = _wait(tmp_path, job_id)
    assert (job["state"], job["error"]) == ("failed", "memory")
    assert jobs.may_commit(job) is False
    _percent, text, running = progress(job, "zh", {"memory": 300})
    assert "内存" in text and "300 MB" in text and not running
    _wait_for_history(session_factory, [("runaway.csv", "failed")])
    assert _audit(session_factory, "upload_failed")[0]["reason"] == "memory"
    assert _nothing_loaded(session_factory)

    # The same cap takes an ordinary file: it is the file, not the cap, that failed.
    small = _stage_paths(tmp_path, SAMPLES / "clean_2019-06.xlsx")
    assert jobs.start(session_factory, tmp_path, small, "clerk", commit=False, worker=cap)
    assert _wait(tmp_path, small)["state"] == "validated"


def _wait_for_history(session_factory, expected, seconds=30):
    # The watcher writes the history row just after the worker has ended.
    deadline = time.monotonic() + seconds
    while _history(session_factory) != expected and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _history(session_factory) == expected


def test_a_check_over_the_time_cap_is_stopped_and_said_so(session_factory, tmp_path):
    path = big_report(tmp_path / "slow.csv", 50_000)
    job_id = _stage_paths(tmp_path, path)
    cap = WorkerLimits(check_seconds=0.5)
    assert jobs.start(session_factory, tmp_path, job_id, "clerk", commit=False, worker=cap)
    job = _wait(tmp_path, job_id, until=("failed",))
    deadline = time.monotonic() + 30
    while job.get("error") != "time" and time.monotonic() < deadline:
        time.sleep(0.1)
        job = jobs.read_job(tmp_path, job_id, "clerk")
    assert job["error"] == "time"
    _wait_for_history(session_factory, [("slow.csv", "failed")])
    assert _nothing_loaded(session_factory)


def test_cancel_kills_a_running_check_and_the_history_says_so(session_factory, tmp_path):
    path = big_report(tmp_path / "long.csv", 150_000)
    job_id = _stage_paths(tmp_path, path)
    assert jobs.start(session_factory, tmp_path, job_id, "clerk", commit=False)
    deadline = time.monotonic() + 60
    job = jobs.read_job(tmp_path, job_id, "clerk")
    while not job.get("worker") and time.monotonic() < deadline:
        time.sleep(0.05)
        job = jobs.read_job(tmp_path, job_id, "clerk")
    assert job["state"] == "validating" and job["worker"] is True
    worker_pid = job["pid"]

    assert jobs.cancel(session_factory, tmp_path, job_id, "someone") is False  # owner only
    assert jobs.cancel(session_factory, tmp_path, job_id, "clerk") is True
    assert _gone(worker_pid)
    time.sleep(0.5)  # what a killed worker or its watcher might still write
    job = jobs.read_job(tmp_path, job_id, "clerk")
    assert job["state"] == "cancelled" and jobs.may_commit(job) is False
    assert jobs.start(session_factory, tmp_path, job_id, "clerk", commit=True) is False
    assert jobs.cancel(session_factory, tmp_path, job_id, "clerk") is False  # once
    assert _history(session_factory) == [("long.csv", "cancelled")]
    assert _audit(session_factory, "upload_cancelled")[0]["files"] == ["long.csv"]
    assert _nothing_loaded(session_factory)


def _gone(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _worker_ended(job_id: str, seconds: float = 60) -> None:
    """Wait until the job's worker process has exited and its watcher has recorded the end."""
    # the watcher outlives the worker, which cannot have exited yet: Python alone takes longer
    [watcher] = [t for t in threading.enumerate() if t.name == f"watch-{job_id}"]
    watcher.join(seconds)
    assert not watcher.is_alive(), "the worker is still running"


def test_a_cancel_before_the_worker_has_started_still_stops_it(session_factory, tmp_path):
    job_id = _stage_paths(tmp_path, SAMPLES / "clean_2019-06.xlsx")
    assert jobs.start(session_factory, tmp_path, job_id, "clerk", commit=False)
    assert jobs.cancel(session_factory, tmp_path, job_id, "clerk") is True  # at once
    _worker_ended(job_id)  # whatever it would have written, had it run on, is written
    job = jobs.read_job(tmp_path, job_id, "clerk")
    assert job["state"] == "cancelled" and "preview" not in job
    assert _nothing_loaded(session_factory)


def _pretend_running(tmp_path, job_id):
    folder = tmp_path / "uploads" / job_id
    job = json.loads((folder / "job.json").read_text(encoding="utf-8"))
    job.update(state="validating", pid=os.getpid(), host=__import__("socket").gethostname())
    (folder / "job.json").write_text(json.dumps(job), encoding="utf-8")


def test_a_user_may_have_only_so_many_jobs_running(session_factory, tmp_path):
    first = _stage_paths(tmp_path, SAMPLES / "clean_2019-06.xlsx")
    _pretend_running(tmp_path, first)
    assert jobs.running_jobs(tmp_path, "clerk") == 1
    files = [jobs.StagedFile("a.csv", b"a,b\n1,2\n")]
    with pytest.raises(jobs.UploadRefused) as refused:
        jobs.stage(tmp_path, "clerk", None, files, MB, max_jobs=1)
    assert "1 个上传任务正在校验或入库" in refused.value.message_zh
    assert "already have 1" in refused.value.message_en
    assert jobs.stage(tmp_path, "clerk", None, files, MB, max_jobs=2)  # under the limit
    assert jobs.stage(tmp_path, "stat", None, files, MB, max_jobs=1)  # others are not held up
    second = _stage_paths(tmp_path, SAMPLES / "clean_2019-06.xlsx")
    with pytest.raises(jobs.UploadRefused):
        jobs.start(session_factory, tmp_path, second, "clerk", commit=False, max_jobs=1)
    assert jobs.read_job(tmp_path, second, "clerk")["state"] == "staged"
