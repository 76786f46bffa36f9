"""What the web process does to a job: start its check or load in a worker process, cancel it, and,
once the worker has ended, write what it could not (the final state, history and audit rows)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import signal
import socket
from dataclasses import asdict
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from etl import accounts
from etl.db import write_first
from etl.intake.jobs import process as upload_worker
from etl.intake.jobs.process import WorkerLimits
from etl.intake.jobs.staging import check_capacity
from etl.intake.jobs.state import (
    CANCEL_MARK,
    RUNNING,
    WORKER_FAILURES,
    _now,
    _write,
    jobs_root,
    may_commit,
    read_job,
)
from etl.intake.load import record_not_loaded
from etl.intake.read import ReadLimits
from etl.quality.thresholds import QualityThresholds


def start(
    factory: sessionmaker[Session],
    instance_path: Path,
    job_id: str,
    user: str,
    commit: bool,
    today: dt.date | None = None,
    quality: QualityThresholds | None = None,
    limits: ReadLimits | None = None,
    worker: WorkerLimits | None = None,
    max_jobs: int | None = None,
) -> bool:
    """Check (commit=False) or load (commit=True) the job's files in a worker process.

    Returns False when the job is not in a state that allows it: only a staged job is checked,
    only a checked job without errors is committed, and each at most once. Raises UploadRefused
    when the user already has max_jobs jobs running.
    """
    job = read_job(instance_path, job_id, user)
    if commit:
        if not may_commit(job):
            return False
    elif job is None or job["state"] != "staged":
        return False
    if max_jobs:
        check_capacity(instance_path, user, max_jobs, exclude=job_id)
    folder = jobs_root(instance_path) / job_id
    # pid: this web process until the worker writes its own (worker=True: it may be killed).
    run_id = secrets.token_hex(8)  # the watcher acts on this run only, never on a later one
    job.update(
        state="committing" if commit else "validating",
        pid=os.getpid(),
        host=socket.gethostname(),
        worker=False,
        run=run_id,
    )
    for key in ("error", "retry_commit", "recorded"):
        job.pop(key, None)
    _write(folder, job)
    spec = {
        "commit": commit,
        "today": today.isoformat() if today else None,
        "quality": asdict(quality) if quality else None,
        "limits": asdict(limits) if limits else None,
    }
    url = factory.kw["bind"].url.render_as_string(hide_password=False)
    ended = partial(_ended, factory, run_id=run_id)
    upload_worker.spawn(folder, url, spec, worker or WorkerLimits(), ended)
    return True


def cancel(factory: sessionmaker[Session], instance_path: Path, job_id: str, user: str) -> bool:
    """Stop the owner's job while it is staged or being checked; nothing is loaded.

    The job reads as cancelled from now on, its worker is killed, and the upload history and the
    audit log say so. Returns False for a job that is not the owner's or is past checking.
    """
    job = read_job(instance_path, job_id, user)
    if job is None or job["state"] not in ("staged", "validating"):
        return False
    folder = jobs_root(instance_path) / job_id
    (folder / CANCEL_MARK).touch()  # first: a worker that has not started yet stops on it
    if job.get("worker") and job.get("host") == socket.gethostname():
        try:
            os.kill(int(job["pid"]), signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    job.update(state="cancelled", committable=False, cancelled_at=_now())
    _write(folder, job)
    _record_history(factory, folder, job, "cancelled")
    return True


def _ended(
    factory: sessionmaker[Session], folder: Path, reason: str | None, run_id: str = ""
) -> None:
    """After a worker process: the final state it could not write itself, and the history."""
    job = json.loads((folder / "job.json").read_text(encoding="utf-8"))
    if job.get("run") != run_id:
        return  # the job has moved on (a commit started after this check): not ours to judge
    if (folder / CANCEL_MARK).exists():
        if job["state"] != "cancelled":
            job.update(state="cancelled", committable=False)
            _write(folder, job)
        return
    if job["state"] in RUNNING:
        retry = job["state"] == "committing" and bool(job.get("committable"))
        job.update(state="failed", error=reason or "worker", retry_commit=retry)
        _write(folder, job)
    if job["state"] == "failed" and job.get("error") in WORKER_FAILURES:
        if not job.get("recorded"):
            _record_history(factory, folder, job, "failed")
            job["recorded"] = True
            _write(folder, job)


def _record_history(factory, folder: Path, job: dict, status: str) -> None:
    """One history row per file of a job that ended without loading, and one audit row, in one
    transaction: whoever sees the history sees why."""
    detail = {"job": job["id"], "files": [f["name"] for f in job["files"]]}
    if status == "failed":
        detail["reason"] = job.get("error")
    with factory.begin() as session:
        write_first(session)
        for i, meta in enumerate(job["files"]):
            path = next((folder / "files").glob(f"{i}.*"))
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
            record_not_loaded(session, meta["name"], sha, meta["size"], job["user"], status)
        accounts.audit(session, job["user"], f"upload_{status}", detail)
