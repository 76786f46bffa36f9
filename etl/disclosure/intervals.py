"""The attacker's linear program over the catalogue's relations: which hidden cells it narrows.

The LP is the attacker the issue names (τ-ARGUS's audit): for a hidden cell, the least and the
largest value consistent with every published figure of the year (etl.disclosure.attacker's
equations, amounts never negative). The shuttle (etl.disclosure.bounds) finds a subset of what
it finds; this is exact, and costly: one LP over the year's hidden cells each.

Few LPs serve many cells: a cell needs only *one* feasible point at or beyond its protection
level on each side to be safe on that side, and any solution of any LP over the same equations
is such a point for every cell it happens to put there. So one LP pushes all undecided cells
at once (each cell's value relative to its own, at a random weight, each held at its
protection level so none runs away), decides every cell it moves far enough, and again; only
cells that no batch moves get an LP of their own, whose optimum decides them — narrow, with its
certificate (the relations the bound is made of, by their multipliers). On the constructed
test case: 35 LPs in 2.8 s where one pair per primary cell took 293 s, the same two cells found.

Why random weights: with every cell weighted alike, a cell that can only go down while a
smaller undecided one goes up never moves (the smaller one's weight outweighs it), batch after
batch, and is left to an LP of its own although it is wide. Each batch draws new weights, so
the optimum lands on another vertex; batches stop at the first that decides nothing. 两江新区,
April 2021 of the sample, low side: of 2,667 primary cells, equal weights leave 67 to LPs of
their own after 16 batches (65 of them wide), random weights 9 after 12. Seeded: the same year
gives the same answer.

The tail: each cell left gets an LP of its own, which also pushes the other undecided cells a
little (together a tenth of its own push, `TAIL_PUSH`), so its solution decides more of them.
The push can hold the cell itself short of its level, so a cell left short gets a pure LP before
it is called narrow; and narrow cells come in runs (twins, cells of one relation), so after a
narrow one the next cell gets a pure LP at once. 天津市, April 2021, low side, the 143 cells
the batches leave: the first four pushed LPs decide 48 of them, four lone LPs 26. A batch of
one cell is that cell's own LP, so it is solved once, as its own.

A repair's trial (first=True) wants any narrow cell, soon: it decides the `suspects` first (the
cells narrow in its last trials, etl.disclosure.picks), each by its own LP, on their side first.
Its sets hide less and less, and fail mostly on the same cell: after one LP, not a trial's
batches. The order changes what is decided first, not what is found.

Pushed cells are held at their levels as in a batch, and a lone cell at its own, so no LP is
unbounded: HiGHS's interior point took 261 s to call one cell's largest value unbounded in
天津市's April with all of the month hidden, where that system's bounded LPs take 20 s.

In a large system (NEARBY_FROM hidden cells) a cell about to get a pure LP of its own is first
tried by the LP over the relations near it (etl.disclosure.nearby): fewer relations allow more,
so narrow there is narrow in the whole system, with a bound no tighter than the whole LP's and
the relations it is made of; a cell it does not prove narrow gets the whole system's LP as
before. There too the two sides are decided at once, the second in a spawned process of its own
(PARALLEL_FROM, etl.disclosure.beside): they share nothing and are seeded alike, so the answer is the sequential one
(up to the deadline, which the second side meets sooner). A trial reads the second side only
where the sequence would have gone on to it, after a first side with nothing narrow; else the
process is ended at once. Pure.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import sys
import time
from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np
from scipy.optimize import linprog

from etl.disclosure import nearby, pins, twins
from etl.disclosure.beside import Beside

log = logging.getLogger(__name__)
CENT_SLACK = 0.5  # half a cent: the LP's answer counts as reaching a level this close to it
NOISE = 1e-9  # and this share of the level besides: the solver's rounding, not the figures
HOLD_SLACK = 1e-6  # a batch holds a cell a millionth beyond its level: the level is reached
# HiGHS's interior point (then crossover to a vertex) solves the large LPs about 3 times faster
# than its simplex: 天津市's April batch (91,136 hidden cells) in 23 s against 65 s.
METHOD = "highs-ipm"
SPREAD = 2.0  # the weights' spread (σ of their logarithm): a factor of e² up or down is usual
# A lone cell's LP also pushes the other undecided cells down (up), together worth this share of
# its own push: its solution then decides more of them. Its own optimum may stay short of its
# level for their sake, so a cell it leaves short gets a pure LP before it is called narrow.
TAIL_PUSH = 0.1
# From this many hidden cells, a cell about to get a pure LP is first tried by the LP over the
# relations near it (etl.disclosure.nearby): narrow there is narrow in the whole system, cheaper.
# Below, the whole system's LP takes well under a second: 两江新区's year has about 9,000 by June.
NEARBY_FROM = 20_000
# From this many hidden cells, the second side is decided in a process of its own beside the
# first (a second core): 天津市's April takes about 20 s an LP, and the two sides about as many.
PARALLEL_FROM = 20_000
# what a process deciding one side takes over from its caller (tests and benchmarks set them)
TUNABLES = [
    ("etl.disclosure.intervals", name) for name in ("METHOD", "SPREAD", "TAIL_PUSH", "NEARBY_FROM")
] + [("etl.disclosure.nearby", "MAX_SHARE"), ("etl.disclosure.nearby", "MAX_STEPS")]


@dataclass(frozen=True)
class Narrow:
    """A hidden cell (column of the equations) the LP narrows on one side, and the relations
    (rows of the equations) its bound is made of."""

    column: int
    side: str  # "low": its least value is above (1 − protection) × value; "high": the largest
    bound: float
    rows: np.ndarray
    # the LP's multipliers of `rows` (its dual: how far the bound moves per unit of each row's
    # published part), None for a twin's bound, which is derived (etl.disclosure.picks reads them)
    weights: np.ndarray | None = None


def reach_slack(level):
    """How close to a level (cents, a number or an array) the LP's answer counts as reaching it."""
    return CENT_SLACK + NOISE * np.abs(level)


def lp_scale(b_eq: np.ndarray, amounts: np.ndarray | None = None) -> float:
    """The unit the LP is solved in: the geometric mean of the smallest and largest published
    figure, so both sit within the solver's tolerances. Cents run from 1 to 10^12: scaled by the
    largest alone, a small figure falls below HiGHS's 10^-7 feasibility tolerance and a real
    year's system (2,000 enterprises) came back "infeasible". Where nothing is published (every
    figure of a first month hidden, a trial of the repair), the same of the hidden `amounts`:
    their levels are the LP's bounds, and 天津市's February, in cents, failed HiGHS (status 15,
    after 85 s) where scaled it solves in 1 s."""
    positive = np.abs(b_eq[b_eq != 0])
    if positive.size == 0 and amounts is not None:
        positive = np.abs(amounts[amounts != 0])
    if positive.size == 0:
        return 1.0
    return float(np.sqrt(positive.min() * positive.max()))


def _solve(objective, matrix, b_eq, bounds):
    """linprog by the interior point; by the simplex again where that does not end optimal
    (numerical trouble: every LP here is feasible and bounded)."""
    result = linprog(objective, A_eq=matrix, b_eq=b_eq, bounds=bounds, method=METHOD)
    if result.status == 0:
        return result
    return linprog(objective, A_eq=matrix, b_eq=b_eq, bounds=bounds, method="highs")


def narrow_cells(
    eq: pins.Equations,
    amounts: np.ndarray,
    targets: np.ndarray,
    protection: float,
    deadline: float = float("inf"),
    *,
    sides: np.ndarray | None = None,
    first: bool = False,
    suspects: list[tuple[int, str]] = (),
) -> list[Narrow] | None:
    """The `targets` (columns of `eq`) whose LP interval misses ±protection of their `amounts`,
    each side found once; None when the clock passes `deadline` before every target is decided.

    sides: the one side to decide for each target ("low" or "high"; default both). first: stop
    at the first narrow one (a trial of the repair needs no more). suspects: (column, side) to
    decide first, each by an LP of its own, their sides first (the cells narrow in the repair's
    last trial: a trial that fails again then ends after one LP)."""
    targets = np.asarray(targets, dtype=int)
    chosen = {
        side: targets if sides is None else targets[np.asarray(sides) == side]
        for side in ("low", "high")
    }
    order = ("high", "low") if suspects and suspects[0][1] == "high" else ("low", "high")
    ahead = {side: [column for column, s in suspects if s == side] for side in order}
    if _at_once(eq, chosen):
        system = (eq.matrix, eq.constant, amounts, protection, deadline)
        return _both_sides_at_once(system, chosen, first, order, ahead)
    # built when a cell first needs an LP of its own: most calls end in their batches
    tied = functools.cache(lambda: twins.twins(eq.matrix, eq.constant))
    rings = functools.cache(lambda: nearby.Rings.of(eq.matrix))
    found: list[Narrow] = []
    for side in order:
        narrow = _one_side(
            eq, amounts, chosen[side], protection, side, deadline, first, tied, rings, ahead[side]
        )
        if narrow is None:
            return None
        found += narrow
        if first and found:
            break
    return found


def _at_once(eq, chosen) -> bool:
    """Whether the two sides are worth a process each: a large system, both sides to decide,
    and a second core."""
    both = all(cells.size for cells in chosen.values())
    return both and eq.matrix.shape[1] >= PARALLEL_FROM and (os.cpu_count() or 1) > 1


def _both_sides_at_once(system, chosen, first, order, ahead) -> list[Narrow] | None:
    """narrow_cells with the second side of `order` in a process of its own. The sides share
    nothing and each is seeded alike, so the answer is the sequential one: the first side's
    decides, and the second's is read only where the sequence would have gone on to it (with
    `first`, after a first side with nothing narrow; else the process is ended at once)."""
    here, there = order
    tunables = {(module, name): getattr(sys.modules[module], name) for module, name in TUNABLES}
    work = (tunables, *system, chosen[there], there, first, ahead[there])
    beside = Beside(_side_in_process, work, f"{there} side")
    try:
        found = _side_in_process({}, *system, chosen[here], here, first, ahead[here])
        if found is None or (first and found):
            return found
        rest = beside.result()
    finally:
        beside.stop()
    return None if rest is None else found + rest


def _side_in_process(
    tunables, matrix, constant, amounts, protection, deadline, targets, side, first, ahead
):
    """One side of narrow_cells, in whichever process runs it (with the caller's settings)."""
    for (module, name), value in tunables.items():
        setattr(importlib.import_module(module), name, value)
    eq = SimpleNamespace(matrix=matrix, constant=constant)
    tied = functools.cache(lambda: twins.twins(matrix, constant))
    rings = functools.cache(lambda: nearby.Rings.of(matrix))
    return _one_side(eq, amounts, targets, protection, side, deadline, first, tied, rings, ahead)


def _one_side(eq, amounts, targets, protection, side, deadline, first, tied, rings, ahead=()):
    """narrow_cells on one side: the cells `ahead` one LP each, then batches while they decide
    something, then one LP a cell (the relations near it first, in a large system)."""
    matrix, constant = eq.matrix, eq.constant
    scale = lp_scale(constant, amounts)
    sign = 1.0 if side == "low" else -1.0  # the LP minimises: the least value, or the largest
    level = (1 - sign * protection) * amounts  # where a cell's value must be able to reach
    undecided = np.unique(targets)
    first_of = [c for c in dict.fromkeys(ahead) if c in undecided]
    undecided = np.concatenate([first_of, undecided[~np.isin(undecided, first_of)]]).astype(int)
    pending = set(first_of)
    found: list[Narrow] = []
    rng = np.random.default_rng(0)  # seeded: the same system gets the same batches
    mode = "batch"  # then "push": the first undecided cell, the others a little; "alone": it only
    near = matrix.shape[1] >= NEARBY_FROM  # a tail cell is tried near itself first, once
    tried: set[int] = set()
    while undecided.size:
        if time.monotonic() > deadline:
            return None
        suspect = int(undecided[0]) in pending
        if suspect or (mode == "batch" and undecided.size == 1):
            mode = "alone"  # a suspect; or a batch of one: its own LP, the same optimum, once
        if mode == "alone" and near and int(undecided[0]) not in tried:
            tried.add(int(undecided[0]))
            proof = _proven_nearby(rings(), tied, constant / scale, scale, undecided, level, side)
            if proof:
                found += proof
                if first:
                    return found[:1]
                undecided = undecided[~np.isin(undecided, [n.column for n in proof])]
                mode = "alone"  # narrow cells come in runs
                continue
        if mode == "push" and not (TAIL_PUSH and undecided.size > 1):
            mode = "alone"  # nothing to push beside it: its own LP
        objective = np.zeros(matrix.shape[1])
        if mode == "batch":  # every undecided cell pushed towards its level
            weight = rng.lognormal(0.0, SPREAD, undecided.size)
            objective[undecided] = sign * weight / amounts[undecided]
        else:  # the first undecided cell, as far as it goes
            objective[undecided[0]] = sign
            if mode == "push":  # and the others a little
                others = undecided[1:]
                weight = rng.lognormal(0.0, SPREAD, others.size)
                share = TAIL_PUSH * amounts[undecided[0]] * weight / weight.sum()
                objective[others] = sign * share / amounts[others]
        # every pushed cell held just beyond its level, so no LP is unbounded (module docstring);
        # a lone cell only itself: holding others could narrow it. Where it stops short, its
        # hold is not reached and its optimum is its bound, as without.
        held = undecided[:1] if mode == "alone" else undecided
        low, high = np.zeros(matrix.shape[1]), np.full(matrix.shape[1], np.inf)
        (low if side == "low" else high)[held] = level[held] * (1 - sign * HOLD_SLACK) / scale
        started = time.monotonic()
        result = _solve(objective, matrix, constant / scale, np.column_stack([low, high]))
        log.debug(
            "disclosure LP (%s, %s): %d undecided, %.1f s",
            side,
            mode,
            undecided.size,
            time.monotonic() - started,
        )
        if result.status != 0:
            raise RuntimeError(f"disclosure LP: {result.message}")
        x = result.x[undecided] * scale
        goal = level[undecided]
        reached = sign * (x - goal) <= reach_slack(goal)
        short = not reached[0]
        if mode == "alone" and short:  # its optimum stops short: narrow on this side
            rows = np.flatnonzero(np.abs(result.eqlin.marginals) > 1e-9)
            weights = result.eqlin.marginals[rows]
            found.append(Narrow(int(undecided[0]), side, float(x[0]), rows, weights))
            if first:
                return found
            reached[0] = True
            decided, narrow = _twins_decided(
                tied(), matrix, undecided, float(x[0]), level, side, (rows, weights)
            )
            reached |= decided
            found += narrow
        if suspect:  # decided: the next suspect, or batches for the rest
            pending.discard(int(undecided[0]))
            mode = "batch"
        elif mode == "batch":  # a batch that decides nothing: one cell at a time
            mode = "batch" if reached.any() else "push"
        else:  # a pushed cell left short gets its own LP; after a narrow one, so does the next
            mode = "alone" if short else "push"  # (narrow cells come in runs: one relation's)
        undecided = undecided[~reached]
    return found


def _proven_nearby(rings, tied, b_eq, scale, undecided, level, side) -> list[Narrow]:
    """The first undecided cell proven narrow by the relations near it (etl.disclosure.nearby),
    with the twins its bound narrows; nothing when it is not. A twin this bound leaves wide is
    not proven so (the bound may be weaker than the whole LP's): it stays undecided."""
    cell = int(undecided[0])
    slack = reach_slack(level[cell])
    proof = nearby.narrow_bound(rings, b_eq, scale, cell, level[cell], side, slack)
    if proof is None:
        return []
    bound, rows, weights = proof
    _, narrow = _twins_decided(tied(), rings.by_row, undecided, bound, level, side, (rows, weights))
    return [Narrow(cell, side, bound, rows, weights), *narrow]


def _twins_decided(
    tied, matrix, undecided, bound, level, side, certificate
) -> tuple[np.ndarray, list[Narrow]]:
    """The first undecided cell's bound is its twins' (etl.disclosure.twins): which of the
    undecided it decides, and those of them it finds narrow, each with its certificate carried
    over (the relations that tie them; the multipliers where the tie gives them exactly)."""
    cell = int(undecided[0])
    mates, bounds = tied.beside(cell, bound)
    decided = np.isin(undecided, mates)
    sign = 1.0 if side == "low" else -1.0
    narrow = []
    for column in undecided[decided]:
        value = float(bounds[mates == column][0])
        if sign * (value - level[column]) > reach_slack(level[column]):
            carried = tied.carried(matrix, cell, int(column), sign, certificate)
            narrow.append(Narrow(int(column), side, value, *carried))
    return decided, narrow
