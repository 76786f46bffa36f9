"""Data calls of the upload page (数据报送): each checks the role on the server first."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd

from dashboard import auth
from dashboard.data import app_context, session
from etl import accounts
from etl.intake import jobs as upload_jobs
from etl.intake.jobs import WorkerLimits
from etl.intake.read import ReadLimits
from etl.intake.retract import RetractOutcome, retract_batch
from etl.intake.template import write_template
from etl.queries.retract import BatchImpact, batch_impact
from etl.queries.uploads import batches
from etl.reference import reference_codes


def _who() -> tuple[str, tuple[str, ...] | None]:
    """User name and load scope (None = any region) of this request."""
    principal = auth.current_principal()
    return auth.actor_name(), None if principal is None else accounts.load_scope(principal)


def upload_limit_mb() -> int:
    """The per-file size limit in MB (a setting), for the page's hint."""
    return max(1, app_context().settings.max_upload_bytes // (1024 * 1024))


def my_regions() -> list[tuple[str, str]]:
    """The signed-in clerk's regions as (code, Chinese name); empty for everyone else."""
    auth.guard("upload")
    _user, scope = _who()
    if not scope:
        return []
    with session() as s:
        names = reference_codes(s).regions
    return [(code, names.get(code, code)) for code in scope]


def stage_files(files: list[upload_jobs.StagedFile]) -> str:
    """Keep the uploaded files as a new job; raises upload_jobs.UploadRefused with a message."""
    auth.guard("upload")
    user, scope = _who()
    settings = app_context().settings
    return upload_jobs.stage(
        settings.instance_path,
        user,
        scope,
        files,
        settings.max_upload_bytes,
        settings.max_upload_files,
        settings.max_upload_jobs,
    )


def start_job(job_id: str, commit: bool) -> bool:
    """Start checking (or, after a clean preview, loading) the job in a worker process.

    Raises upload_jobs.UploadRefused when the user already has as many jobs running as allowed.
    """
    auth.guard("upload")
    user, _scope = _who()
    ctx = app_context()
    settings = ctx.settings
    return upload_jobs.start(
        ctx.session_factory,
        settings.instance_path,
        job_id,
        user,
        commit,
        quality=settings.quality,
        limits=ReadLimits(settings.max_upload_rows, settings.max_xlsx_uncompressed_bytes),
        worker=WorkerLimits(
            settings.upload_worker_memory_mb * 1024 * 1024, settings.upload_check_seconds
        ),
        max_jobs=settings.max_upload_jobs,
    )


def cancel_job(job_id: str) -> bool:
    """Stop the owner's running check; nothing is loaded and the history says so."""
    auth.guard("upload")
    user, _scope = _who()
    ctx = app_context()
    return upload_jobs.cancel(ctx.session_factory, ctx.settings.instance_path, job_id, user)


def worker_limits() -> dict:
    """The worker's caps as the page quotes them: {"memory": MB, "time": seconds}."""
    settings = app_context().settings
    return {"memory": settings.upload_worker_memory_mb, "time": settings.upload_check_seconds}


def job_with_issues(job_id: str) -> tuple[dict | None, list[pd.DataFrame | None]]:
    """The owner's job and, once previewed, each file's listed problems."""
    auth.guard("upload")
    user, _scope = _who()
    root = app_context().settings.instance_path
    job = upload_jobs.read_job(root, job_id, user)
    if job is None or "preview" not in job:
        return job, []
    return job, [upload_jobs.issues_frame(root, job_id, user, i) for i in range(len(job["files"]))]


def job_issues(job_id: str, index: int) -> pd.DataFrame | None:
    """The problems listed for one file of the owner's job."""
    auth.guard("upload")
    user, _scope = _who()
    return upload_jobs.issues_frame(app_context().settings.instance_path, job_id, user, index)


def job_file_name(job_id: str, index: int) -> str:
    """The name of one file of the owner's job, without its suffix ('' when unknown)."""
    auth.guard("upload")
    user, _scope = _who()
    job = upload_jobs.read_job(app_context().settings.instance_path, job_id, user)
    if job is None or not 0 <= index < len(job["files"]):
        return ""
    return Path(job["files"][index]["name"]).stem


def history(limit: int = 200) -> pd.DataFrame:
    """Upload batches, newest first: a clerk sees their own; statisticians and admins see all."""
    auth.guard("upload")
    user, scope = _who()
    with session() as s:
        return batches(s, limit, uploaded_by=user if scope is not None else None)


def retract_impact(batch_id: int) -> BatchImpact:
    """What retracting the batch would change (shown before the confirmation)."""
    auth.guard("retract")
    with session() as s:
        return batch_impact(s, batch_id)


def retract(batch_id: int, reason: str) -> RetractOutcome:
    """Retract a loaded batch, recording who and why (raises RetractError when it cannot be)."""
    auth.guard("retract")
    user, _scope = _who()
    ctx = app_context()
    factory = ctx.session_factory
    outcome = retract_batch(factory, batch_id, user, reason, quality=ctx.settings.quality)
    auth.record(
        "retract",
        {
            "batch_id": batch_id,
            "reason": reason,
            "withdrawn": outcome.reports_withdrawn,
            "restored": outcome.reports_restored,
        },
    )
    return outcome


def may_retract() -> bool:
    """Whether this request's role may retract batches (to show the control)."""
    return auth.allowed("retract")


def template_bytes() -> bytes:
    """The Excel report template, with drop-downs from the reference data in force."""
    auth.guard("upload")
    with session() as s:
        ref = reference_codes(s)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "template.xlsx"
        write_template(path, ref)
        return path.read_bytes()
