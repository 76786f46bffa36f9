"""An upload job's check or load in its own process, with a memory cap and a time cap.

The web process never parses an uploaded file. `spawn` starts `python -m etl.intake.worker
<job folder>`, which caps its own address space (RLIMIT_AS) and, for a check, its CPU time
(RLIMIT_CPU) before it imports pandas, lowers its priority so that other users' requests come
first, and runs `jobs.run`. A thread of the web process waits for it, kills it at the wall-clock
cap, and when it ended without writing an outcome (killed, cancelled, out of memory inside C code)
writes the job's final state itself. The spec (limits, thresholds) is the job folder's
worker.json; the database URL travels in the environment, never in a file.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]  # where `-m etl.intake.worker` imports from
URL_ENV = "STM_WORKER_DATABASE_URL"
SPEC = "worker.json"
NICE = 10  # below the web workers: a check waits for the CPU, other users' clicks do not
MEMORY_EXIT = 3  # the worker's exit status when it ran out of memory before it could say so
GRACE_SECONDS = 5  # CPU seconds past the cap before the kernel's hard kill
# One thread per BLAS and at most two malloc arenas: each would reserve address space that
# counts against the cap without holding any data.
CHILD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MALLOC_ARENA_MAX": "2"}


@dataclass(frozen=True)
class WorkerLimits:
    """What one worker may use (None: no cap)."""

    memory_bytes: int | None = None  # address space of the worker process
    check_seconds: float | None = None  # wall-clock time of a check (loads are not capped)


def spawn(
    folder: Path,
    database_url: str,
    spec: dict,
    limits: WorkerLimits,
    on_exit: Callable[[Path, str | None], None],
) -> subprocess.Popen:
    """Start the worker for the job in folder; on_exit(folder, reason) runs when it has ended.

    reason: None (the worker exited normally), "time" (killed at the cap), "memory" (the kernel
    or the allocator refused memory) or "worker" (it died otherwise).
    """
    commit = bool(spec.get("commit"))
    seconds = None if commit else limits.check_seconds
    spec = dict(spec, memory_bytes=limits.memory_bytes, cpu_seconds=seconds)
    (folder / SPEC).write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ, **CHILD_ENV, **{URL_ENV: database_url})
    with open(folder / "worker.log", "ab") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "etl.intake.worker", str(folder)],
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,  # a Ctrl-C or a signal to the web server's group spares it
        )
    threading.Thread(
        target=_watch,
        args=(proc, folder, seconds, on_exit),
        name=f"watch-{folder.name}",
        daemon=True,
    ).start()
    return proc


def _watch(proc: subprocess.Popen, folder: Path, seconds, on_exit) -> None:
    try:
        proc.wait(timeout=seconds)
        reason = exit_reason(proc.returncode)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        reason = "time"
    try:
        on_exit(folder, reason)
    except Exception:  # noqa: BLE001 — a watcher thread has nobody to raise to
        logging.getLogger(__name__).exception("after the upload worker of %s", folder.name)


def exit_reason(returncode: int) -> str | None:
    """Why a worker ended, from its exit status."""
    if returncode == 0:
        return None
    if returncode == -signal.SIGXCPU:
        return "time"
    if returncode == MEMORY_EXIT:
        return "memory"
    return "worker"


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
