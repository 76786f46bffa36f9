"""A job's state on disk: <instance>/uploads/<job id>/job.json, written whole (write-then-rename),
read for its owner only; a run whose process is gone or silent reads as failed, a cancelled job as
cancelled. Also the phases of the progress bar and the reasons a worker ends without an outcome."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
import threading
import time
from pathlib import Path

import pandas as pd

JOB_ID = re.compile(r"^[A-Za-z0-9_-]{16,32}$")
STALE_SECONDS = 600  # a job whose worker has not written for this long is taken as dead
PHASES = ("read", "validate", "wait", "load")  # wait: another load holds the database
RUNNING = ("validating", "committing")
CANCEL_MARK = "cancelled"  # a file in the job folder: the owner stopped the check
# Why a worker process ended without an outcome (job["error"]); the page names each in words.
WORKER_FAILURES = ("memory", "time", "worker")


class JobCancelled(Exception):
    """The job's owner cancelled it: the worker stops without writing an outcome."""


def jobs_root(instance_path: Path) -> Path:
    """Where upload jobs are kept."""
    return Path(instance_path) / "uploads"


def read_job(instance_path: Path, job_id: str, user: str) -> dict | None:
    """The job's state for its owner (None for an unknown id or someone else's job)."""
    if not JOB_ID.match(job_id or ""):
        return None
    path = jobs_root(instance_path) / job_id / "job.json"
    try:
        job = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if job.get("user") != user:
        return None
    if (path.parent / CANCEL_MARK).exists():
        # Whatever a worker managed to write before it was stopped, the job ends cancelled.
        job.update(state="cancelled", committable=False)
        return job
    idle = time.time() - path.stat().st_mtime
    running = job["state"] in RUNNING
    if running and (idle > STALE_SECONDS or _runner_gone(job)):
        # A commit cut short may be committed again: the load is one transaction and its file's
        # SHA-256 is unique among loaded batches, so a retry loads it once or says "unchanged".
        retry = job["state"] == "committing" and bool(job.get("committable"))
        job.update(state="failed", error="interrupted", retry_commit=retry)
    return job


def running_jobs(instance_path: Path, user: str, exclude: str | None = None) -> int:
    """How many of the user's jobs are being checked or loaded right now."""
    root = jobs_root(instance_path)
    if not root.is_dir():
        return 0
    horizon = time.time() - STALE_SECONDS
    count = 0
    for folder in root.iterdir():
        if folder.name == exclude:
            continue
        try:
            if (folder / "job.json").stat().st_mtime < horizon:
                continue  # untouched for this long: finished, or read as failed
        except OSError:
            continue
        job = read_job(instance_path, folder.name, user)
        count += job is not None and job["state"] in RUNNING
    return count


def may_commit(job: dict | None) -> bool:
    """Whether the job's commit button works: a clean preview, or a commit that was cut short."""
    if job is None or not job.get("committable"):
        return False
    return job["state"] == "validated" or (job["state"] == "failed" and job.get("retry_commit"))


def _runner_gone(job: dict) -> bool:
    """Whether the process that runs the job (on this host) no longer exists."""
    pid, host = job.get("pid"), job.get("host")
    if not pid or host != socket.gethostname():
        return False  # another host's worker: only the idle time can tell
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def issues_frame(instance_path: Path, job_id: str, user: str, index: int) -> pd.DataFrame | None:
    """The listed problems of one file of the job (None when unknown or not the owner's)."""
    job = read_job(instance_path, job_id, user)
    if job is None or not 0 <= index < len(job["files"]):
        return None
    path = jobs_root(instance_path) / job_id / f"issues_{index}.json"
    if not path.exists():
        return None
    return pd.read_json(path, orient="records", dtype=False)


def _write_unless_cancelled(folder: Path, job: dict) -> None:
    if (folder / CANCEL_MARK).exists():
        raise JobCancelled
    _write(folder, job)


def _write(folder: Path, job: dict) -> None:
    # Write-then-rename: a poller never reads a half-written file.
    tmp = folder / f"job.json.{os.getpid()}.{threading.get_ident()}"
    tmp.write_text(json.dumps(job, ensure_ascii=False, default=str), encoding="utf-8")
    os.replace(tmp, folder / "job.json")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
