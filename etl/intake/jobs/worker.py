"""An upload job's check or load in its own process, with a memory cap and a time cap.

The web process never parses an uploaded file. `spawn` (etl.intake.jobs.process) starts `python -m
etl.intake.jobs.worker <job folder>`, which caps its own address space (RLIMIT_AS) and, for a check,
its CPU time (RLIMIT_CPU) before it imports pandas, lowers its priority so that other users'
requests come first, and runs `jobs.run`; when it ends without writing an outcome (killed,
cancelled, out of memory inside C code), the web process's watcher writes the job's final state.
The spec (limits, thresholds) is the job folder's worker.json; the database URL travels in the
environment, never in a file. At module level it imports only etl.intake.jobs.process (no pandas).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from etl.intake.jobs.process import MEMORY_EXIT, SPEC, URL_ENV

NICE = 10  # below the web workers: a check waits for the CPU, other users' clicks do not
GRACE_SECONDS = 5  # CPU seconds past the cap before the kernel's hard kill


def cap(memory_bytes: int | None, cpu_seconds: float | None) -> None:
    """Cap this process's address space and CPU time (soft limits; the hard CPU limit a bit later)."""
    import resource

    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    if cpu_seconds:
        soft = int(cpu_seconds)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + GRACE_SECONDS))


def step_aside(commit: bool) -> None:
    """Let other users' requests come first. A check holds no lock: it runs only on CPU nobody
    else wants (SCHED_IDLE, Linux). A load takes the database's write lock, which an idle-class
    process could hold for long under load (others would wait on it): only niced."""
    os.nice(NICE)
    if not commit and hasattr(os, "SCHED_IDLE"):
        try:
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        except OSError:  # not permitted here (some containers): nice is what we have
            pass


def main(argv: list[str] | None = None) -> int:
    """Worker entry point: cap, then validate or load the job in the folder given."""
    folder = Path((argv or sys.argv[1:])[0])
    spec = json.loads((folder / SPEC).read_text(encoding="utf-8"))
    cap(spec.get("memory_bytes"), spec.get("cpu_seconds"))
    step_aside(commit=bool(spec.get("commit")))
    try:
        return _run(folder, spec)
    except MemoryError:
        return MEMORY_EXIT


def _run(folder: Path, spec: dict) -> int:
    import datetime as dt

    from etl.db import make_engine, make_session_factory
    from etl.intake import jobs
    from etl.intake.read import ReadLimits
    from etl.quality.thresholds import QualityThresholds

    engine = make_engine(os.environ[URL_ENV])
    try:
        jobs.run(
            make_session_factory(engine),
            folder,
            bool(spec["commit"]),
            today=dt.date.fromisoformat(spec["today"]) if spec.get("today") else None,
            quality=QualityThresholds(**spec["quality"]) if spec.get("quality") else None,
            limits=ReadLimits(**spec["limits"]) if spec.get("limits") else None,
            worker=True,
        )
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
