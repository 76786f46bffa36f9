"""Upload jobs for the web page: staged files, then a check and a load in a worker process.

A job is a folder under <instance>/uploads/<job id>/ holding the uploaded files and job.json (its
state, progress, preview and results). State lives in files, not in process memory, so any
gunicorn worker can answer the page's polling while a worker process (etl.intake.worker, capped
in memory and, for a check, in time) does the work; a web restart loses nothing (a job whose
process is gone reads as failed, not stuck).

    staged → validating → validated → committing → committed
    (failed at any step; cancelled while staged or validating)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
import signal
import socket
import threading
import time
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

import pandas as pd
from sqlalchemy.orm import Session, sessionmaker

from etl import accounts
from etl.db import write_first
from etl.intake import worker as upload_worker
from etl.intake.load import load_file, record_not_loaded
from etl.intake.outcome import LoadOutcome
from etl.intake.read import ReadLimits, ReportReadError
from etl.intake.worker import WorkerLimits
from etl.quality.thresholds import QualityThresholds

JOB_ID = re.compile(r"^[A-Za-z0-9_-]{16,32}$")
SUFFIXES = (".xlsx", ".csv")
STALE_SECONDS = 600  # a job whose worker has not written for this long is taken as dead
PHASES = ("read", "validate", "wait", "load")  # wait: another load holds the database
RUNNING = ("validating", "committing")
CANCEL_MARK = "cancelled"  # a file in the job folder: the owner stopped the check
# Why a worker process ended without an outcome (job["error"]); the page names each in words.
WORKER_FAILURES = ("memory", "time", "worker")


class UploadRefused(Exception):
    """A file that cannot be staged (too large, wrong type), with a message in both languages."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_zh, self.message_en = message_zh, message_en


class JobCancelled(Exception):
    """The job's owner cancelled it: the worker stops without writing an outcome."""


@dataclass(frozen=True)
class StagedFile:
    """One uploaded file as received."""

    name: str
    content: bytes


def jobs_root(instance_path: Path) -> Path:
    """Where upload jobs are kept."""
    return Path(instance_path) / "uploads"


def check_file(name: str, size: int, max_bytes: int) -> None:
    """Refuse a file the loader cannot take, before anything is written."""
    if not name.lower().endswith(SUFFIXES):
        raise UploadRefused(
            f"“{name}”不是 .xlsx 或 .csv 文件，请使用报送模板。",
            f"“{name}” is not an .xlsx or .csv file; please use the template.",
        )
    if size > max_bytes:
        limit = max_bytes / (1024 * 1024)
        raise UploadRefused(
            f"“{name}”超过 {limit:.0f} MB 的大小限制，请拆分为多个文件后上传。",
            f"“{name}” is larger than the {limit:.0f} MB limit; split it into several files.",
        )
    if size == 0:
        raise UploadRefused(f"“{name}”是空文件。", f"“{name}” is empty.")


def stage(
    instance_path: Path,
    user: str,
    regions: tuple[str, ...] | None,
    files: list[StagedFile],
    max_bytes: int,
    max_files: int = 20,
    max_jobs: int | None = None,
) -> str:
    """Write the files of a new job and return its id (nothing is validated yet)."""
    if max_jobs:
        check_capacity(instance_path, user, max_jobs)
    if not files:
        raise UploadRefused("没有收到文件。", "No file was received.")
    if len(files) > max_files:
        raise UploadRefused(
            f"一次最多上传 {max_files} 个文件，请分批上传。",
            f"At most {max_files} files at a time; upload them in several goes.",
        )
    for f in files:
        check_file(f.name, len(f.content), max_bytes)
    job_id = secrets.token_urlsafe(18)
    folder = jobs_root(instance_path) / job_id
    (folder / "files").mkdir(parents=True)
    names = []
    for i, f in enumerate(files):
        (folder / "files" / f"{i}{Path(f.name).suffix.lower()}").write_bytes(f.content)
        names.append({"name": Path(f.name).name, "size": len(f.content)})
    scope = None if regions is None else list(regions)
    _write(
        folder,
        {
            "id": job_id,
            "user": user,
            "regions": scope,
            "created": _now(),
            "state": "staged",
            "files": names,
            "progress": {"file": 0, "phase": "", "fraction": 0.0},
        },
    )
    return job_id


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


def check_capacity(
    instance_path: Path, user: str, max_jobs: int, exclude: str | None = None
) -> None:
    """Refuse a new check or load while the user already has max_jobs running."""
    if running_jobs(instance_path, user, exclude) >= max_jobs:
        raise UploadRefused(
            f"您已有 {max_jobs} 个上传任务正在校验或入库，请等待完成（或取消）后再开始新的任务。",
            f"You already have {max_jobs} uploads being checked or loaded; wait for them to "
            "finish (or cancel one) before starting another.",
        )


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


def run(
    factory: sessionmaker[Session],
    folder: Path,
    commit: bool,
    today: dt.date | None = None,
    quality: QualityThresholds | None = None,
    limits: ReadLimits | None = None,
    worker: bool = False,
) -> dict:
    """Do the job's work in this process, writing progress and the outcome to job.json.

    worker: this is the job's own worker process (it records its pid, so cancel can kill it,
    and stops without writing once the job is cancelled).
    """
    job = json.loads((folder / "job.json").read_text(encoding="utf-8"))
    regions = None if job["regions"] is None else tuple(job["regions"])
    write = partial(_write_unless_cancelled, folder) if worker else partial(_write, folder)
    outcomes = []
    out_of_memory = False
    try:
        if worker:
            job.update(pid=os.getpid(), host=socket.gethostname(), worker=True)
            write(job)
        for i, meta in enumerate(job["files"]):

            def progress(phase: str, i=i) -> None:
                done = (i + (PHASES.index(phase) + 1) / (len(PHASES) + 1)) / len(job["files"])
                job["progress"] = {"file": i, "phase": phase, "fraction": done}
                write(job)

            path = next((folder / "files").glob(f"{i}.*"))
            outcomes.append(
                _one_file(
                    factory,
                    path,
                    meta["name"],
                    job["user"],
                    regions,
                    commit,
                    today,
                    progress,
                    folder,
                    i,
                    quality,
                    limits,
                )
            )
    except JobCancelled:
        return job
    except MemoryError:
        out_of_memory = True  # said below, once the traceback has let go of the file's data
    except Exception as exc:  # noqa: BLE001 — the page must say the job failed, whatever the cause
        job.update(state="failed", error=f"{type(exc).__name__}: {exc}")
        _write(folder, job)
        return job
    if out_of_memory:
        job.update(state="failed", error="memory", retry_commit=False)
        _write(folder, job)
        return job
    key = "results" if commit else "preview"
    job[key] = outcomes
    job["progress"] = {"file": len(job["files"]), "phase": "done", "fraction": 1.0}
    job["state"] = "committed" if commit else "validated"
    job["committable"] = not commit and all(o["status"] == "validated" for o in outcomes)
    try:
        write(job)
    except JobCancelled:
        pass
    return job


def _one_file(
    factory,
    path: Path,
    name: str,
    user: str,
    regions,
    commit: bool,
    today,
    progress,
    folder: Path,
    index: int,
    quality,
    limits=None,
) -> dict:
    try:
        outcome = load_file(
            factory,
            path,
            file_name=name,
            user=user,
            dry_run=not commit,
            today=today,
            progress=progress,
            only_regions=regions,
            quality=quality,
            limits=limits,
        )
    except ReportReadError as exc:
        return {
            "name": name,
            "status": "unreadable",
            "message_zh": exc.message_zh,
            "message_en": exc.message_en,
        }
    if outcome.validation is not None:
        outcome.validation.issues.to_json(
            folder / f"issues_{index}.json", orient="records", force_ascii=False
        )
    # Every attempt to load is audited, accepted or not; so is every preview, like a download:
    # a preview tells its reader what the database knows about the file's enterprises.
    detail = {
        "file": name,
        "sha256": outcome.sha256,
        "status": outcome.status,
        "rows": outcome.rows,
    }
    if commit:
        detail["batch_id"] = outcome.batch_id
    elif outcome.validation is not None:
        detail["errors"] = outcome.validation.error_count
        detail["warnings"] = outcome.validation.warning_count
    with factory.begin() as session:
        accounts.audit(session, user, "upload" if commit else "upload_preview", detail)
    return outcome_record(outcome)


def outcome_record(outcome: LoadOutcome) -> dict:
    """A LoadOutcome as JSON-ready numbers for the page."""
    record = {
        "name": outcome.file_name,
        "status": outcome.status,
        "sha256": outcome.sha256,
        "rows": outcome.rows,
        "batch_id": outcome.batch_id,
        "duplicate_of": outcome.duplicate_of,
        "reports_new": outcome.reports_new,
        "reports_revised": outcome.reports_revised,
        "reports_unchanged": outcome.reports_unchanged,
    }
    if outcome.validation is not None:
        record["summary"] = outcome.validation.summary()
    return record


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
