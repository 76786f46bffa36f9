"""Release jobs for the 数据发布 page: a release runs in a worker process; the page polls it.

A release computes and audits the suppression pattern of its month and of every later released
month of its year (docs/disclosure.md): seconds, or minutes late in a large year. Inside a web
request it would hold a web worker past its timeout and die with the request. Here it runs in
`python -m etl.cli.release_worker <job folder>`, and its state lives in the folder's job.json, which
any web worker can read:

    running (step: the month whose pattern it computes, i of n) → done | refused | failed

A refusal the checklist can tell (no data, nothing changed, low coverage) is raised before any
job starts. One job per scope at a time. A job whose process is gone without writing its end
reads as failed: the release is one transaction, so nothing was released.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from etl import models as m
from etl.disclosure.store import safeguards_from
from etl.release.store import ReleaseRefused, compute_then_release, refusal_check
from etl.settings import PROJECT_ROOT, Settings

log = logging.getLogger(__name__)

JOB_ID = re.compile(r"^[A-Za-z0-9_-]{16,32}$")
URL_ENV = "STM_WORKER_DATABASE_URL"  # the worker's database and settings: in its environment,
SETTINGS_ENV = "STM_WORKER_SETTINGS"  # never in a file (passwords, the secret key)
ENDED = ("done", "refused", "failed")
KEEP_DAYS = 30  # an ended job's folder is removed at the first start after this
WORKER = "etl.cli.release_worker"  # the worker's module (it makes the briefing too: etl.mail)


def jobs_root(instance_path: Path) -> Path:
    """Where release jobs keep their folders."""
    return Path(instance_path) / "releases"


def start(
    factory: sessionmaker[Session],
    settings: Settings,
    scope: str,
    period: int,
    user: str,
    note: str,
    override_coverage: bool,
) -> str:
    """Start releasing a month in a worker process; returns the job's id. Raises ReleaseRefused
    at once when the checklist refuses it, or when a release of the scope is running."""
    with factory() as session:
        refusal_check(
            session,
            scope,
            period,
            note,
            min_coverage=settings.release_min_coverage,
            deadline_day=settings.report_deadline_day,
            override_coverage=override_coverage,
        )
    root = jobs_root(settings.instance_path)
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as lock:
        # the check and the new job.json as one step: two web workers' clicks at once would
        # otherwise both find the scope free and both start
        fcntl.flock(lock, fcntl.LOCK_EX)
        every = _jobs(settings.instance_path)
        if _running_id(every, scope):
            raise ReleaseRefused("busy", f"a release of {scope} is running: wait for it to end")
        _prune(root, every)
        folder = root / secrets.token_urlsafe(12)
        folder.mkdir()
        job = _new_job(folder.name, scope, period, user, note, override_coverage)
        write(folder, job)
    _spawn(factory, settings, folder)
    return folder.name


def _new_job(job_id, scope, period, user, note, override_coverage) -> dict:
    """A job's first state: running, at its start."""
    return {
        "id": job_id,
        "scope": scope,
        "period": period,
        "user": user,
        "note": note,
        "override_coverage": override_coverage,
        "state": "running",
        "step": "start",
        "values": {},
        "started_at": _now(),
        "host": socket.gethostname(),
        # this web process until the worker writes its own: only the worker writes after this
        # (a later write from here could undo an end the worker has already written)
        "pid": os.getpid(),
    }


def _spawn(factory: sessionmaker[Session], settings: Settings, folder: Path) -> None:
    """Start the job's worker process, and a thread that marks the job failed if it dies."""
    url = factory.kw["bind"].url.render_as_string(hide_password=False)
    env = dict(os.environ, **{URL_ENV: url, SETTINGS_ENV: settings.to_json()})
    try:
        with open(folder / "worker.log", "ab") as err:
            proc = subprocess.Popen(
                [sys.executable, "-m", WORKER, str(folder)],
                cwd=PROJECT_ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                start_new_session=True,  # a signal to the web server's group spares it
            )
    except OSError:  # no worker: the job must not block the scope as running
        _update(folder, state="failed", error="worker", ended_at=_now())
        raise
    threading.Thread(
        target=_watch, args=(proc, folder), name=f"release-{folder.name}", daemon=True
    ).start()


def _prune(root: Path, every: list[dict]) -> None:
    """Remove the folders of jobs that ended more than KEEP_DAYS ago (the releases themselves
    are in the database; a folder only serves a page that follows its job)."""
    cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=KEEP_DAYS)
    for job in every:
        # a job whose worker died reads failed with no end written: its start then
        ended = job.get("ended_at") or job.get("started_at")
        if job["state"] in ENDED and ended and dt.datetime.fromisoformat(ended) < cutoff:
            shutil.rmtree(root / job["id"], ignore_errors=True)


def read(instance_path: Path, job_id: str) -> dict | None:
    """A job's state (None: no such job). A running job whose worker process is gone (this host)
    reads as failed."""
    if not JOB_ID.match(job_id or ""):
        return None
    path = jobs_root(instance_path) / job_id / "job.json"
    try:
        job = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    if job["state"] == "running" and _gone(job):
        job.update(state="failed", error="worker")
    return job


def running(instance_path: Path, scope: str) -> str | None:
    """The id of the scope's job still running, if any."""
    return _running_id(_jobs(instance_path), scope)


def _running_id(every: list[dict], scope: str) -> str | None:
    found = [j for j in every if j["scope"] == scope and j["state"] == "running"]
    return found[0]["id"] if found else None


def run(
    factory: sessionmaker[Session],
    settings: Settings,
    folder: Path,
    briefing: Callable[[int], None] | None = None,
) -> None:
    """The worker's part: release the job's month, writing each step and how it ended; then
    `briefing` (the month's briefing and its mail: etl.mail.delivery.release_hook)."""
    _update(folder, pid=os.getpid())
    job = json.loads((folder / "job.json").read_text(encoding="utf-8"))

    def progress(step: str, **values) -> None:
        _update(folder, step=step, values=values)

    def committed(release_id: int) -> None:
        # done first: the briefing after it takes seconds, and the release stands without it
        with factory() as session:
            made = {"id": release_id, "revision": session.get(m.Release, release_id).revision}
        _update(folder, state="done", release=made, ended_at=_now())
        if briefing is not None:
            briefing(release_id)

    try:
        compute_then_release(
            factory,
            job["scope"],
            job["period"],
            job["user"],
            job["note"],
            min_coverage=settings.release_min_coverage,
            deadline_day=settings.report_deadline_day,
            override_coverage=job["override_coverage"],
            safeguards=safeguards_from(settings),
            after_commit=committed,
            progress=progress,
        )
    except ReleaseRefused as exc:
        _update(folder, state="refused", reason=exc.reason, message=str(exc), ended_at=_now())


def write(folder: Path, job: dict) -> None:
    """Write job.json whole (a temporary file renamed: readers never see half of it)."""
    temporary = folder / "job.json.tmp"
    temporary.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    temporary.replace(folder / "job.json")


def _update(folder: Path, **changes) -> None:
    """Change some fields of job.json."""
    job = json.loads((folder / "job.json").read_text(encoding="utf-8"))
    write(folder, {**job, **changes})


def _watch(proc: subprocess.Popen, folder: Path) -> None:
    """After the worker: a job it left running (killed, crashed) ends as failed."""
    proc.wait()
    try:
        job = json.loads((folder / "job.json").read_text(encoding="utf-8"))
        if job["state"] == "running":
            _update(folder, state="failed", error="worker", ended_at=_now())
    except Exception:  # noqa: BLE001 — a watcher thread has nobody to raise to
        log.exception("after the release worker of %s", folder.name)


def _jobs(instance_path: Path) -> list[dict]:
    """Every job's state (as read)."""
    root = jobs_root(instance_path)
    found = (read(instance_path, p.name) for p in root.iterdir()) if root.exists() else ()
    return [job for job in found if job is not None]


def _gone(job: dict) -> bool:
    """Whether a job's worker process is known to be gone (on this host; elsewhere: unknown)."""
    if job.get("host") != socket.gethostname() or not job.get("pid"):
        return False
    try:
        os.kill(int(job["pid"]), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
