"""The worker process as the web process sees it: its limits, starting it (`python -m
etl.intake.jobs.worker <job folder>`, the spec in the folder's worker.json, the database URL in the
environment), and a thread that waits for it, kills it at the wall-clock cap and says why it ended.

Imports nothing of the project and no pandas: the worker imports it before it caps itself.
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

PROJECT_ROOT = Path(__file__).resolve().parents[3]  # where `-m etl.intake.jobs.worker` imports from
URL_ENV = "STM_WORKER_DATABASE_URL"
SPEC = "worker.json"
MEMORY_EXIT = 3  # the worker's exit status when it ran out of memory before it could say so
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
            [sys.executable, "-m", "etl.intake.jobs.worker", str(folder)],
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
