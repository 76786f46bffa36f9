"""Release jobs (etl.release.jobs): a release in a worker process, its state in a file."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import threading
import time

import pytest
import sqlalchemy as sa

from etl import models as m
from etl.intake.load import load_file
from etl.release import jobs
from etl.release.store import ReleaseRefused
from tests.db.helpers import write_report
from tests.db.test_release import ROWS

WAIT = 120  # seconds a worker may take on a loaded machine (it imports pandas, scipy…)


def _wait(settings, job_id: str) -> dict:
    """Poll the job as the page does until it ends."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        job = jobs.read(settings.instance_path, job_id)
        if job["state"] in jobs.ENDED:
            return job
        time.sleep(0.2)
    raise AssertionError(f"the release job did not end: {job}")


def _start(factory, settings, **kw):
    args = dict(scope="120000", period=201906, user="stat", note="六月", override_coverage=False)
    return jobs.start(factory, settings, **(args | kw))


def test_job001_a_release_runs_in_a_worker_and_says_how_it_ended(
    session_factory, settings, tmp_path
):
    """Started, the job is running with the step it is at; it ends done with the release made
    (in the database, current, with its note), and the step that computed the pattern."""
    assert load_file(session_factory, write_report(tmp_path / "a.csv", ROWS)).ok
    job_id = _start(session_factory, settings)
    assert jobs.read(settings.instance_path, job_id)["state"] in ("running", "done")
    job = _wait(settings, job_id)
    assert job["state"] == "done", job
    with session_factory() as s:
        release = s.scalar(sa.select(m.Release).where(m.Release.current))
    assert job["release"] == {"id": release.id, "revision": 0}
    assert (release.period, release.note, release.released_by) == (201906, "六月", "stat")
    assert (job["step"], job["values"]) == ("pattern", {"month": 201906, "index": 1, "count": 1})


def test_job002_refusals_the_checklist_can_tell_come_before_any_job(
    session_factory, settings, tmp_path
):
    with pytest.raises(ReleaseRefused) as refused:
        _start(session_factory, settings)  # nothing loaded
    assert refused.value.reason == "no_data"
    assert not jobs.jobs_root(settings.instance_path).exists()


def test_job003_one_release_of_a_scope_at_a_time(session_factory, settings, tmp_path):
    """A job of the scope still running (its process alive) refuses a second one."""
    assert load_file(session_factory, write_report(tmp_path / "a.csv", ROWS)).ok
    folder = jobs.jobs_root(settings.instance_path) / ("r" * 16)
    folder.mkdir(parents=True)
    running = {"id": "r" * 16, "scope": "120000", "state": "running", "pid": os.getpid()}
    jobs.write(folder, running | {"host": socket.gethostname()})
    with pytest.raises(ReleaseRefused) as refused:
        _start(session_factory, settings)
    assert refused.value.reason == "busy"


def test_job004_a_job_whose_worker_is_gone_reads_as_failed(settings):
    """Its worker died without writing its end (killed): the release's transaction rolled back,
    so the job reads failed, not running for ever."""
    ended = subprocess.Popen(["true"])
    ended.wait()
    folder = jobs.jobs_root(settings.instance_path) / ("g" * 16)
    folder.mkdir(parents=True)
    jobs.write(
        folder,
        {"id": "g" * 16, "scope": "120000", "state": "running", "pid": ended.pid}
        | {"host": socket.gethostname()},
    )
    assert jobs.read(settings.instance_path, "g" * 16)["state"] == "failed"
    assert jobs.read(settings.instance_path, "../etc") is None
    assert jobs.read(settings.instance_path, "n" * 16) is None


def test_job005_two_clicks_at_once_start_one_job(session_factory, settings, tmp_path, monkeypatch):
    """Two starts of one scope at the same moment (two web workers): one job, the other busy.
    The check is held open a while, so without the lock both would find the scope free."""
    assert load_file(session_factory, write_report(tmp_path / "a.csv", ROWS)).ok
    real = jobs._running_id

    def slow_running(every, scope):
        found = real(every, scope)
        time.sleep(0.5)
        return found

    monkeypatch.setattr(jobs, "_running_id", slow_running)
    outcomes: list[str] = []

    def click():
        try:
            outcomes.append(_start(session_factory, settings))
        except ReleaseRefused as refused:
            outcomes.append(refused.reason)

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(o == "busy" for o in outcomes) == [False, True], outcomes
    started = next(o for o in outcomes if o != "busy")
    assert _wait(settings, started)["state"] == "done"
    folders = [p for p in jobs.jobs_root(settings.instance_path).iterdir() if p.is_dir()]
    assert [p.name for p in folders] == [started]


def test_job006_a_start_removes_jobs_that_ended_long_ago(session_factory, settings, tmp_path):
    """Ended more than KEEP_DAYS ago: removed at the next start; a recent end, a running job
    and one whose worker died recently stay."""
    assert load_file(session_factory, write_report(tmp_path / "a.csv", ROWS)).ok
    now = dt.datetime.now(dt.timezone.utc)
    old = (now - dt.timedelta(days=jobs.KEEP_DAYS + 1)).isoformat(timespec="seconds")
    recent = (now - dt.timedelta(days=1)).isoformat(timespec="seconds")
    gone = subprocess.Popen(["true"])
    gone.wait()
    here = {"host": socket.gethostname(), "scope": "500000-LJ"}
    states = {
        "o" * 16: {"state": "done", "ended_at": old},
        "f" * 16: {"state": "running", "started_at": old, "pid": gone.pid},  # died long ago
        "e" * 16: {"state": "refused", "ended_at": recent},
        "d" * 16: {"state": "running", "started_at": recent, "pid": gone.pid},
        "a" * 16: {"state": "running", "started_at": old, "pid": os.getpid()},  # alive
    }
    for job_id, state in states.items():
        folder = jobs.jobs_root(settings.instance_path) / job_id
        folder.mkdir(parents=True)
        jobs.write(folder, {"id": job_id, **here, **state})
    started = _start(session_factory, settings)
    left = {p.name for p in jobs.jobs_root(settings.instance_path).iterdir() if p.is_dir()}
    assert left == {"e" * 16, "d" * 16, "a" * 16, started}
    _wait(settings, started)
