"""`python -m etl … | head`: a reader that stops early ends the command without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_closed_pipe_ends_the_command_quietly(tmp_path) -> None:
    env = {**os.environ, "STM_INSTANCE_PATH": str(tmp_path / "instance")}
    etl = [sys.executable, "-m", "etl"]
    subprocess.run([*etl, "init-db"], cwd=ROOT, env=env, check=True, capture_output=True)
    # the ledger's 116 tasks: more than a pipe's buffer, written while the command runs
    child = subprocess.Popen(
        [*etl, "tasks", "list"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    child.stdout.close()  # the reader is gone before the list is written
    err = child.stderr.read().decode()
    assert child.wait(timeout=120) == 1
    assert "Traceback" not in err and "BrokenPipeError" not in err
