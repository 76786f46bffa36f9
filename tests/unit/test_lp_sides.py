"""The LP's two sides in processes of their own (etl.disclosure.intervals, PARALLEL_FROM): the
same answers as one side after the other, for audits and trials; a process that fails is decided
in the caller, and one whose caller is killed ends."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from etl.disclosure import beside, intervals
from tests.unit.test_intervals import PROTECTION, _one_lp_a_cell, _random_case


def test_int009_the_high_side_in_a_process_of_its_own_gives_the_same_answer(monkeypatch):
    """A large system's two sides are decided at once, the high one in a spawned process that
    takes over the caller's settings: the same cells, bounds and relations as one after the
    other. Settings that change the bounds (the nearby proofs of one ring, weaker than the whole
    LP's on the high side here) show that the process used the caller's."""
    from etl.disclosure import nearby

    monkeypatch.setattr(intervals, "NEARBY_FROM", 0)
    monkeypatch.setattr(nearby, "MAX_SHARE", 1.0)
    monkeypatch.setattr(nearby, "MAX_STEPS", 1)
    # one case where a bound of one ring is weaker than the whole LP's on the high side
    cases = [_random_case(2, rows=5, cols=6, hidden=12, margins=True)]
    answers = {}
    for at_once in (False, True):
        monkeypatch.setattr(intervals, "PARALLEL_FROM", 0 if at_once else 10**9)
        answers[at_once] = [
            [
                (n.column, n.side, round(n.bound, 6), n.rows.tolist())
                for n in intervals.narrow_cells(eq, amounts, np.arange(len(eq.hidden)), PROTECTION)
            ]
            for eq, amounts in cases
        ]
    assert answers[True] == answers[False]
    weaker = 0
    for (eq, amounts), found in zip(cases, answers[True]):
        exact = _one_lp_a_cell(eq, amounts)
        weaker += sum(side == "high" and bound > exact[c, side] + 1 for c, side, bound, _ in found)
    assert weaker > 0


def _ends_without_an_answer(*args) -> None:
    """A spawned side's process that dies before it answers (run in the child: os._exit)."""
    os._exit(3)


def test_int010_where_the_second_sides_process_fails_it_is_decided_here(monkeypatch, caplog):
    """A process that ends without an answer (a caller's script that starts its work on import,
    run again by the spawned process; here one that exits at once) is noticed: the side is then
    decided in the caller, with the same answer, and the log says so."""
    eq, amounts = _random_case(2, rows=5, cols=6, hidden=12, margins=True)
    every = np.arange(len(eq.hidden))
    expected = intervals.narrow_cells(eq, amounts, every, PROTECTION)
    monkeypatch.setattr(intervals, "PARALLEL_FROM", 0)
    monkeypatch.setattr(beside, "_run_to_pipe", _ends_without_an_answer)
    found = intervals.narrow_cells(eq, amounts, every, PROTECTION)
    assert [(n.column, n.side, n.bound) for n in found] == [
        (n.column, n.side, n.bound) for n in expected
    ]
    assert {n.side for n in found} == {"low", "high"}
    assert "the high side's process failed" in caplog.text
    assert not multiprocessing.active_children()


def test_int014_a_trials_sides_at_once_give_the_sequential_answer(monkeypatch):
    """A trial (first=True) of a large system decides its second side in a process of its own:
    the answer is the sequential one, whichever side holds the first narrow cell (suspects on
    the high side put it first), or none; the process is ended when the first side answers."""
    answers = {}
    for at_once in (False, True):
        monkeypatch.setattr(intervals, "PARALLEL_FROM", 0 if at_once else 10**9)
        answers[at_once] = []
        for seed in range(3):
            eq, amounts = _random_case(seed)
            every = np.arange(len(eq.hidden))
            narrow = [
                (n.column, n.side) for n in intervals.narrow_cells(eq, amounts, every, PROTECTION)
            ]
            wide = [(c, s) for c in every.tolist() for s in ("low", "high") if (c, s) not in narrow]
            highs = [cell for cell in narrow if cell[1] == "high"][:1]
            for suspects in ([], highs, wide[:1]):
                found = intervals.narrow_cells(
                    eq, amounts, every, PROTECTION, first=True, suspects=suspects
                )
                answers[at_once].append([(n.column, n.side, round(n.bound, 6)) for n in found])
                assert not multiprocessing.active_children()
            # only the wide cells' sides: the trial finds nothing, after both sides
            if {side for _, side in wide} == {"low", "high"}:
                columns, sides = zip(*wide)
                found = intervals.narrow_cells(
                    eq, amounts, np.array(columns), PROTECTION, sides=np.array(sides), first=True
                )
                answers[at_once].append([(n.column, n.side) for n in found])
    assert answers[True] == answers[False]
    kinds = {answer[0][1] if answer else "none" for answer in answers[True]}
    assert kinds == {"low", "high", "none"}


def _sleeps_as_a_side(pids) -> None:
    """A side's spawned process (beside._run_to_pipe) whose LPs take long: a sleep."""
    import time

    def solving(*args):
        pids.put(os.getpid())
        time.sleep(120)

    receiving, sender = multiprocessing.Pipe(duplex=False)
    work, giving = multiprocessing.Pipe(duplex=False)
    giving.send(())  # its work: no arguments for the sleep
    beside._run_to_pipe(work, sender, solving)


def _starts_a_side_and_waits(pids) -> None:
    """A caller (a release worker) that starts a side's process and is then killed."""
    import time

    multiprocessing.get_context("spawn").Process(target=_sleeps_as_a_side, args=(pids,)).start()
    time.sleep(120)


def _gone(pid: int) -> bool:
    """Whether the process has ended (a zombie no parent has reaped yet counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_int015_a_sides_process_ends_when_its_caller_is_killed():
    """A caller killed while its spawned side solves (a release stopped): the side's process
    notices that its parent is gone and ends, instead of solving on as an orphan."""
    import signal
    import time

    context = multiprocessing.get_context("spawn")
    pids = context.Queue()
    caller = context.Process(target=_starts_a_side_and_waits, args=(pids,))
    caller.start()
    side = pids.get(timeout=60)
    assert not _gone(side)
    os.kill(caller.pid, signal.SIGKILL)
    caller.join()
    deadline = time.monotonic() + 10
    while not _gone(side):
        if time.monotonic() > deadline:
            os.kill(side, signal.SIGKILL)
            raise AssertionError("the side's process outlived its caller")
        time.sleep(0.1)


NO_MAIN_GUARD = """
import sys
sys.path.insert(0, {root!r})
import numpy as np
from etl.disclosure import beside, intervals
from tests.unit.test_intervals import PROTECTION, _random_case

intervals.PARALLEL_FROM = 0
eq, amounts = _random_case(2, rows=5, cols=6, hidden=12, margins=True)
every = np.arange(len(eq.hidden))
# each cell 20,000 times (a target list of megabytes, as a large system's): more than a pipe holds
found = intervals.narrow_cells(eq, amounts, np.repeat(every, 20_000), PROTECTION)
print(sorted((n.column, n.side, round(n.bound, 6)) for n in found))
"""


def test_int016_a_side_whose_process_dies_before_its_work_is_decided_here(tmp_path):
    """A caller's script that starts its work on import (no __main__ guard): the spawned process
    runs it again and dies before it reads its work. With work larger than a pipe's buffer the
    caller waited for good (spawn wrote it while holding the child's end); now the side is
    decided in the caller, with the sequential answer."""
    eq, amounts = _random_case(2, rows=5, cols=6, hidden=12, margins=True)
    expected = intervals.narrow_cells(eq, amounts, np.arange(len(eq.hidden)), PROTECTION)
    script = tmp_path / "starts_on_import.py"
    script.write_text(NO_MAIN_GUARD.format(root=str(Path(__file__).parents[2])), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert run.returncode == 0, run.stderr[-2000:]
    answer = sorted((n.column, n.side, round(n.bound, 6)) for n in expected)
    assert run.stdout.strip() == str(answer)
    assert "the high side's process failed" in run.stderr
