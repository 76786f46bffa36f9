"""An upload worker steps aside for other users: a check runs idle-class, a load only niced."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = (
    "import os, sys; from etl.intake.jobs.worker import step_aside; "
    "step_aside(commit=sys.argv[1] == 'load'); "
    "print(os.sched_getscheduler(0) == os.SCHED_IDLE, os.nice(0))"
)


def _probe(kind: str) -> tuple[bool, int]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, kind], capture_output=True, text=True, check=True
    ).stdout.split()
    return out[0] == "True", int(out[1])


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="Linux scheduling classes")
def test_a_check_runs_idle_class_and_a_load_only_niced() -> None:
    base = os.nice(0)
    idle, nice = _probe("check")
    assert idle and nice >= base + 10
    idle, nice = _probe("load")
    assert not idle and nice >= base + 10
