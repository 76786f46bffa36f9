"""The repair's search when its quick picks stall: sets of figures hidden on trial, kept small.

The quick picks (etl.disclosure.exact) follow a narrow cell's bound back to one published figure
and trust it; sometimes the figure does not widen the bound, and the same cells come back round
after round. Here each trial is checked instead (the caller runs the shuttle). Hiding more only
widens what the published figures allow, so a set that works makes every larger one work: a binary
search over the candidates, cheapest first, finds the one the set cannot do without, which is kept,
and the search runs again over the cheaper ones until the kept figures alone work (QuickXplain's
idea). Each kept figure costs about log2(candidates) trials. Pure.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence


def smallest_sufficient(
    candidates: Sequence,
    works: Callable[[list], bool],
    deadline: float = float("inf"),
    trials: int | None = None,
    seconds: float = 0.0,
) -> list | None:
    """A small subset of `candidates` (ordered cheapest first) for which works(subset) holds:
    each member is one the cheaper ones cannot replace. None when not even all of them work, or
    when the clock passes `deadline` before the first trial. Once it has made `trials` trials
    and spent `seconds`, or once the clock passes `deadline`, the search stops early and returns
    the set it holds that works (larger than the smallest, never one that fails: an answer that
    costs readers some figures instead of a release that stops with its narrow cells
    unrepaired)."""
    count, start = 0, time.monotonic()

    def trial(subset: list) -> bool | None:
        nonlocal count
        now = time.monotonic()
        # the first trial is always made: a search cut at once hides all its candidates
        spent = trials is not None and count >= max(trials, 1) and now - start >= seconds
        if now > deadline or spent:
            return None
        count += 1
        return works(subset)

    if not trial(list(candidates)):
        return None
    kept: list = []
    pool = list(candidates)  # invariant: kept + pool works
    while True:
        done = trial(kept)
        if done is None:
            return kept + pool
        if done:
            return kept
        low, high = 1, len(pool)  # the shortest prefix of pool that works with kept
        while low < high:
            middle = (low + high) // 2
            enough = trial(kept + pool[:middle])
            if enough is None:
                return kept + pool[:high]  # the prefix up to high works with kept
            low, high = (low, middle) if enough else (middle + 1, high)
        kept.append(pool[low - 1])
        pool = pool[: low - 1]
        if not pool:  # kept + pool works, and is kept: no need to try it
            return kept
