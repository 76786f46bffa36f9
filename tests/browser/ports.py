"""Where the browser tests serve their apps: fixed ports outside the kernel's ephemeral range.

The ports used to lie at 58100–59999, inside Linux's ephemeral range (32768–60999). There any
outgoing connection, or a chromedriver started on "any free port", may hold one: a clean-clone
CI once lost every later test of a worker that way ("Address already in use", 9 tests). Below
32768 only a listening server can hold a port, and `free` steps past one that does.
"""

from __future__ import annotations

import os
import socket

_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
# STM_TEST_PORT_BASE moves every port, so that two suites on one machine (two worktrees) keep apart
_BASE = int(os.environ.get("STM_TEST_PORT_BASE", "20000"))

# dash_duo's block for this worker (gw0: 20000, gw1: 20500 …): every test starts again at its
# first port, the same origin each time, so Chromium reuses the Dash bundles it has cached
DASH_DUO = _BASE + 500 * _WORKER
# the pages' sample tests serve on one port per process, below the blocks (19100–19899)
PAGES = _BASE - 900 + os.getpid() % 800


def free(preferred: int) -> int:
    """preferred if nothing listens there now, else the next port up that is free."""
    for port in range(preferred, preferred + 50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            # as werkzeug binds: a port left in TIME_WAIT by the last test is free to it
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise OSError(f"no free port in {preferred}..{preferred + 49}")
