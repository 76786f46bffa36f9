"""Upload jobs for the web page: staged files, then a check and a load in a worker process.

A job is a folder under <instance>/uploads/<job id>/ holding the uploaded files and job.json (its
state, progress, preview and results). State lives in files, not in process memory, so any
gunicorn worker can answer the page's polling while a worker process (etl.intake.jobs.worker,
capped in memory and, for a check, in time) does the work; a web restart loses nothing (a job whose
process is gone reads as failed, not stuck).

    staged → validating → validated → committing → committed
    (failed at any step; cancelled while staged or validating)

Owns: state (job.json on disk, read for its owner), staging (refusals, a new job's files), control
(start, cancel, and what the web process writes once a worker has ended), work (run: the check or
load itself), process (the worker process's limits, spawning and watching it) and worker (its
entry point). May import: intake (load, read, outcome), accounts, db, quality.thresholds.
The public names are imported on first use (`jobs.start`, `from etl.intake.jobs import
StagedFile`), not when this package is: `python -m etl.intake.jobs.worker` imports it first, and
the worker caps itself before anything imports pandas.
"""

from __future__ import annotations

import importlib

_EXPORTS = {  # public name -> the module that holds it
    "PHASES": "state",
    "WORKER_FAILURES": "state",
    "issues_frame": "state",
    "may_commit": "state",
    "read_job": "state",
    "running_jobs": "state",
    "StagedFile": "staging",
    "UploadRefused": "staging",
    "check_file": "staging",
    "stage": "staging",
    "cancel": "control",
    "start": "control",
    "run": "work",
    "WorkerLimits": "process",
}


def __getattr__(name: str) -> object:
    """A public name of the package's modules, imported when first asked for."""
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
