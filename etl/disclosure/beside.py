"""A function run in a spawned process beside its caller (a second core): the LP audit's second
side (etl.disclosure.intervals). Its work goes through a pipe after the start, its answer comes
back through another; it is ended at once when its answer is not wanted, and it ends itself when
its caller is gone. A process that ends without an answer is noticed, and the function is then
run in the caller. Imports nothing of the project.

Why a pipe for the work and not the process's arguments: spawn writes those while it holds the
child's end of their pipe, so a child that died before reading them (a caller's script that
starts its work on import, run again by the spawned process) left the caller blocked for good
once they outgrew the pipe's buffer; an LP's system at 天津市's scale is megabytes.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)


class Beside:
    """function(*args) in a spawned process; `name` says what it is in the log."""

    def __init__(self, function: Callable, args: tuple, name: str):
        self.function, self.args, self.name = function, args, name
        context = multiprocessing.get_context("spawn")
        self._answer, sender = context.Pipe(duplex=False)
        receiver, work = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_run_to_pipe, args=(receiver, sender, function), daemon=True
        )
        self._process.start()
        # the child's ends only: its exit without an answer reads as EOFError
        sender.close()
        receiver.close()
        try:
            work.send(args)
        except OSError:  # the child is gone: result() runs the function here
            log.debug("the %s's process ended before its work", name)
        finally:
            work.close()

    def result(self):
        """The function's answer; computed here when the process ended without one."""
        try:
            return self._answer.recv()
        except EOFError:
            log.warning("disclosure LP: the %s's process failed; deciding it here", self.name)
            return self.function(*self.args)

    def stop(self) -> None:
        """End the process (it is done, or its answer is not wanted) and close the pipe."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._answer.close()


def _run_to_pipe(receiver, sender, function: Callable) -> None:
    """The spawned process: its work read, the function run, its answer sent back."""
    watch = threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True)
    watch.start()
    args = receiver.recv()
    receiver.close()
    sender.send(function(*args))


def exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End this process once `parent` is gone. A killed caller (a release stopped, a worker
    killed) leaves its spawned side an orphan, which would solve on for minutes on a core the
    next release wants. HiGHS lets go of the GIL while it solves (a thread ticking every 0.1 s
    ran 24 times in a 2.5 s solve), so this ends it within a second, mid-LP."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)
