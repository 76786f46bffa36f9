"""The published figures of the month the repair hides (etl.disclosure.exact): quick picks, one
per given-away cell, found by following the attack back; and checked picks, found by trial when
the quick ones leave the same narrow cells (etl.disclosure.checked). Pure.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import partial

from etl.disclosure import checked, intervals, pins
from etl.disclosure.attacker import Findings, Year, is_changeable
from etl.disclosure.catalogue import ALL
from etl.disclosure.intervals import Narrow
from etl.disclosure.pattern import Pattern, headline

BOUND_TRACE_DEPTH = 6  # relations followed back from a narrow cell to find one to widen
BOUND_TRACE_WIDTH = 400  # hidden cells followed per ring, at most
PINS_PER_ROUND = 20  # certificates sought per round (each an LSMR solve)
# The checked searches by the LP of one round (one per narrow cell and side) stop once they have
# made LP_TRIALS trials between them and spent LP_SEARCH_SECONDS; each search after that makes
# its first trial and hides what it held: figures more than the smallest set, and the round ends
# repaired. A trial is one cell's LP: under a second at 两江新区's scale, 20-35 s at 天津市's.
# There, in April, a cut at 24 trials fell in the middle of a search over the whole month's
# figures and hid 1,476 of them; not cut, the same searches had found 4 figures in 49 trials.
LP_TRIALS = 64
LP_SEARCH_SECONDS = 300.0
WEIGHT_TOLERANCE = 1e-9  # a multiplier's product smaller than this is the solver's rounding


def quick_picks(
    found: Findings, targets: list[tuple[tuple, str]], month: int, protection: float, deadline
) -> set[tuple]:
    """One published figure of the month per pinned and per narrow cell, each found by following
    the attack back, unchecked. A round repairs some pins, and the picks often free the others
    too; thousands of searches for the narrow cells: the budget holds between any two."""
    searches = [
        partial(_pick_for_pin, found, cell, month, protection)
        for cell in found.pinned[:PINS_PER_ROUND]
    ] + [partial(_pick_for_bound, found, c, side, month, protection) for c, side in targets]
    picks = {search() for search in searches if time.monotonic() < deadline}
    picks.discard(None)
    return picks


def checked_picks(
    year: Year,
    pattern: Pattern,
    found: Findings,
    targets: list[tuple[tuple, str]],
    protection: float,
    deadline: float,
) -> list[tuple]:
    """Published figures of the month that the shuttle confirms widen every target's bound, few
    and cheap (etl.disclosure.checked): searched among those around the targets' bounds first,
    then among all of the month's. Empty when the time runs out before the first trial."""
    near = {
        k
        for cell, side in targets
        for binding in (True, False)
        for options in _rings(found, cell, side, year.month, binding)
        for k in options
    }
    cells = {c for c, _ in targets}
    cost = _cost(found)
    hidden = year.status(pattern)
    now = year.relations.columns_of(hidden)

    def works(extra: list[tuple]) -> bool:
        return not year.still_narrow(now, extra, cells, protection)

    nearest = sorted(near, key=cost)
    rest = sorted({k for k in year.changeable() if k not in hidden} - near, key=cost)
    for candidates in (nearest, nearest + rest):
        chosen = checked.smallest_sufficient(candidates, works, deadline)
        if chosen is not None:
            return chosen
    return []


def lp_quick_picks(
    found: Findings, targets: list[tuple[tuple, Narrow]], month: int, protection: float
) -> set[tuple]:
    """One published figure of the month per cell the LP narrows, unchecked: the cheapest of
    the relations its bound is made of (the LP's multipliers) that can widen it, as quick_picks
    for the shuttle."""
    picks = set()
    for cell, narrow in targets:
        options = [k for row in narrow.rows for k in found.changeable_members(row, month)]
        if options:
            useful = _could_widen(found, cell, narrow, options, protection)
            picks.add(_cheapest(useful or options, cell, found, protection))
    return picks


def _could_widen(
    found: Findings, cell: tuple, narrow: Narrow, options: list[tuple], protection: float
) -> list[tuple]:
    """The options whose hiding the bound's own certificate does not already answer.

    Hiding a published figure f turns it into an unknown: with the LP's multipliers y (one per
    relation of the bound), f's column a_f and amount v_f, the certificate still holds where
    y·a_f ≤ 0, and then keeps the bound within v_f·|y·a_f| of where it was (weak duality). So f
    can only help where y·a_f > 0 (it breaks the certificate) or v_f·|y·a_f| reaches the
    protection level; any other pick leaves the cell narrow, and the next round finds it again.
    All options where the multipliers are not known (a twin's bound)."""
    if narrow.weights is None:
        return options
    eq = found.eq
    relations = eq.relations
    along = narrow.weights @ relations.matrix[eq.rows[narrow.rows]]  # y·a_f for every cell
    amount = found.value[cell]
    level = (1 - protection) * amount if narrow.side == "low" else (1 + protection) * amount
    # the LP counts a level reached within its slack (etl.disclosure.intervals)
    needed = abs(narrow.bound - level) - intervals.reach_slack(level)
    return [
        k
        for k in options
        if (g := along[relations.index[k]]) > WEIGHT_TOLERANCE or -g * found.value[k] >= needed
    ]


def lp_picks(
    year: Year,
    pattern: Pattern,
    found: Findings,
    targets: list[tuple[tuple, Narrow]],
    protection: float,
    deadline: float,
) -> list[tuple]:
    """checked_picks for cells the attacker's LP narrows (the shuttle does not): one search per
    (cell, side), each trial that cell's own LP, among the figures of the relations its bound is
    made of (then of every target's, then all of the month's). A search starts from the figures
    chosen for the cells before it, which often widen its cell already (one LP, no search)."""
    month = year.month
    status = year.status(pattern)
    hidden = year.relations.columns_of(status)
    cost = _cost(found)
    near = {k for _, n in targets for row in n.rows for k in found.changeable_members(row, month)}
    shown = [k for k in year.changeable() if k not in status]
    budget = _Budget(LP_TRIALS, LP_SEARCH_SECONDS)
    chosen: list[tuple] = []
    for cell, narrow in targets:

        def works(extra: list[tuple], cell=cell, side=narrow.side) -> bool:
            budget.trials += 1
            return bool(year.lp_widens(hidden, chosen + extra, cell, side, protection, deadline))

        if chosen and works([]):  # the figures chosen for the cells before widen it
            continue
        own = list(
            dict.fromkeys(k for r in narrow.rows for k in found.changeable_members(r, month))
        )
        # first those that break its bound's certificate (a few of the hundreds in its relations)
        useful = _could_widen(found, cell, narrow, own, protection)
        candidates: list[tuple] = []
        for pool in (useful, own, near, shown):  # each adds to the last: its own figures first
            more = sorted(set(pool) - set(candidates) - set(chosen), key=cost)
            if not more:  # nothing new to try: the same trial would fail again
                continue
            candidates += more
            got = checked.smallest_sufficient(
                candidates, works, deadline, *budget.left(), empty_fails=True
            )
            if got is not None:
                chosen += got
                break
    return chosen


@dataclass
class _Budget:
    """What the checked searches of one repair round may spend between them before each is cut
    at its first trial (etl.disclosure.checked): trials, and seconds from its start."""

    limit: int
    seconds: float
    trials: int = 0
    start: float = field(default_factory=time.monotonic)

    def left(self) -> tuple[int, float]:
        """The (trials, seconds) left, for the next search."""
        spent = time.monotonic() - self.start
        return max(0, self.limit - self.trials), max(0.0, self.seconds - spent)


def _cost(found: Findings):
    """The order of the figures a search tries, cheapest first: no total of the whole scope,
    the least headline, the smallest."""

    def cost(k: tuple):
        return (_scope_total(k, found.scope), headline((k[0], *k[2:])), found.value[k], k)

    return cost


def _pick_for_pin(found: Findings, cell: tuple, month: int, protection: float):
    """The published figure of `month` to hide so that this attack on `cell` fails, or None:
    among those the attack leans on most (at least a tenth of the largest weight)."""
    weights = {
        k: abs(w)
        for k, w in pins.certificate(found.eq, cell).items()
        if is_changeable(k, month, found.value)
    }
    if not weights:
        return None
    heaviest = max(weights.values())
    return _cheapest([k for k, w in weights.items() if w >= heaviest / 10], cell, found, protection)


def _pick_for_bound(found: Findings, cell: tuple, side: str, month: int, protection: float):
    """The published figure of `month` to hide where the bound on `cell` comes from, or None.

    Followed back from the relations whose bound holds: a bound made of other hidden cells'
    bounds leads to theirs (a child's upper bound to its parent's upper bound and its siblings'
    lower bounds, a parent's to its children's), ring by ring, until a relation has a published
    figure of the month to hide — one that is no headline figure if a ring further out has it
    (hiding the city's exports to protect a district's category costs every reader). When the
    bound holds through no such relation (a figure of an earlier month, bounded through its own
    month's cells), every relation is followed instead of the binding ones."""
    return _trace(found, cell, side, month, protection, True) or _trace(
        found, cell, side, month, protection, False
    )


def _trace(found: Findings, cell: tuple, side: str, month: int, protection: float, binding: bool):
    """_pick_for_bound's search: through the binding relations only, or through all."""
    fallback = None
    for options in _rings(found, cell, side, month, binding):
        if options:
            best = _cheapest(options, cell, found, protection)
            if not _scope_total(best, found.scope):
                return best
            fallback = fallback or best
    return fallback


def _rings(found: Findings, cell: tuple, side: str, month: int, binding: bool):
    """The published figures of `month` in each ring of relations around a narrow cell's bound,
    ring by ring (a list per ring): the relations whose bound holds (or all), then those of the
    hidden cells their bounds are made of, on the side that makes the cell's."""
    eq = found.eq
    indptr, columns, coefficients = found.terms
    by_column = eq.by_column
    ring, seen = [(eq.index[cell], side)], {(eq.index[cell], side)}
    for _ in range(BOUND_TRACE_DEPTH):
        options, next_ring = [], []
        for col, col_side in ring:
            if binding:
                rows = found.bounds.binding(col, col_side)
            else:
                rows = by_column.indices[by_column.indptr[col] : by_column.indptr[col + 1]].tolist()
            for row in rows:
                options += found.changeable_members(row, month)
                start, stop = indptr[row], indptr[row + 1]
                others, signs = columns[start:stop], coefficients[start:stop]
                mine = signs[others.index(col)]
                for other, a in zip(others, signs):
                    # opposite signs: the other's bound on the same side makes this one
                    same = (a * mine < 0) == (col_side == "high")
                    state = (other, "high" if same else "low")
                    if other != col and state not in seen:
                        seen.add(state)
                        next_ring.append(state)
        yield options
        ring = next_ring[:BOUND_TRACE_WIDTH]
        if not ring:
            break


def _cheapest(options: list[tuple], cell: tuple, found: Findings, protection: float) -> tuple:
    """One worth the protection level of `cell` if any; no total of the whole scope (all
    categories and partners: the cards every reader opens) if any; the least headline (the
    pattern's weight) and the smallest."""
    value = found.value
    enough = [k for k in options if value[k] >= protection * value[cell]]
    return min(
        enough or options,
        key=lambda k: (_scope_total(k, found.scope), headline((k[0], *k[2:])), value[k], k),
    )


def _scope_total(key: tuple, scope: str) -> bool:
    """A figure of the whole scope over all categories and partners (any mode, direction)."""
    _, _, region, category, _, _, partner = key
    return region == scope and category == ALL and partner == ALL
