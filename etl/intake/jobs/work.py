"""A job's work, in its worker process (tests call it in their own): check or load each file,
progress and outcome written to job.json, every attempt and every preview audited."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from etl import accounts
from etl.intake.jobs.state import PHASES, JobCancelled, _write, _write_unless_cancelled
from etl.intake.load import load_file
from etl.intake.outcome import LoadOutcome
from etl.intake.read import ReadLimits, ReportReadError
from etl.quality.thresholds import QualityThresholds


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
