"""The published figures of the month the repair hides (etl.disclosure.exact): quick picks, one
per given-away cell, found by following the attack back; and checked picks, found by trial when
the quick ones leave the same narrow cells (etl.disclosure.checked). Pure.
"""

from __future__ import annotations

import time
from functools import partial

import numpy as np

from etl.disclosure import checked, intervals, pins
from etl.disclosure.attacker import Findings, Year, is_changeable
from etl.disclosure.intervals import Narrow
from etl.disclosure.pattern import Pattern, headline, scope_total

BOUND_TRACE_DEPTH = 6  # relations followed back from a narrow cell to find one to widen
BOUND_TRACE_WIDTH = 400  # hidden cells followed per ring, at most
PINS_PER_ROUND = 20  # certificates sought per round (each an LSMR solve)
# A checked search by the LP stops once it has made LP_TRIALS trials and spent
# LP_SEARCH_SECONDS, and hides the set it holds that works: figures more than the smallest set,
# and the round ends repaired. Each trial is an LP audit of the targets: about 30 s at 天津市's
# scale in March, where a search to the smallest set ran past 26 min (24 trials: 12-18 min), and
# 1-4 s in February, whose whole search takes 200 s (cut at 24 trials, it hid 258 figures more).
LP_TRIALS = 24
LP_SEARCH_SECONDS = 300.0
# A trial decides the (cell, side) narrow in the last trials first, each by an LP of its own: the
# search's next sets hide less, and fail mostly on the same cell, after one LP instead of a
# trial's every batch. Each one wide costs a trial that works one LP more.
LP_SUSPECTS = 2
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
    return _checked(year, pattern, found, near, cells, year.still_narrow, protection, deadline)


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
    """checked_picks for cells the attacker's LP narrows (the shuttle does not): trials by the
    LP, searched among the figures of the relations its bounds are made of first."""
    near = {
        k for _, n in targets for row in n.rows for k in found.changeable_members(row, year.month)
    }

    sides = [(c, n.side) for c, n in targets]
    suspects: list[tuple[tuple, str]] = []  # narrow in earlier trials, the latest first

    def still_narrow(now, extra, cells, protection):
        narrow = year.lp_trial(now, extra, sides, protection, deadline, suspects[:LP_SUSPECTS])
        if narrow is None:  # out of time: a trial that did not work
            return cells
        for key in narrow:  # a smaller set fails on it again, mostly
            suspects[:] = [key, *(k for k in suspects if k != key)]
        return cells if narrow else set()

    cells = {c for c, _ in targets}
    limit = (LP_TRIALS, LP_SEARCH_SECONDS)
    return _checked(year, pattern, found, near, cells, still_narrow, protection, deadline, limit)


def _checked(
    year, pattern, found, near, cells, still_narrow, protection, deadline, limit=(None, 0.0)
) -> list[tuple]:
    """The checked search: `near` (cheapest first), then all of the month's figures besides
    (cheapest first; in a search with a limit, the nearest the cells first), each set tried by
    `still_narrow` with the month's hidden cells; limit: (trials, seconds) after both of which
    a search stops early (etl.disclosure.checked)."""
    cost = _cost(found)
    hidden = year.status(pattern)
    now = year.relations.columns_of(hidden)

    def works(extra: list[tuple]) -> bool:
        return not still_narrow(now, extra, cells, protection)

    def candidate_lists():
        nearest = sorted(near, key=cost)
        yield nearest
        rest = {k for k in year.changeable() if k not in hidden} - near  # most searches end above
        if limit[0] is None:  # a search run to its end keeps the cheapest: cost alone
            yield nearest + sorted(rest, key=cost)
            return
        # a search cut short holds a prefix of its candidates: the rest nearest the cells first
        # (by cost alone a needed figure sat about 1,460th of 天津市 April's 2,777). Not for
        # searches run to their end: there the order chooses the figures, and nearest first
        # hid 24 more than cost over 天津市's February–November (docs/disclosure.md)
        steps = distances(year.relations, year.relations.columns_of(cells))
        index = year.relations.index
        yield nearest + sorted(rest, key=lambda k: (steps[index[k]], cost(k)))

    for candidates in candidate_lists():
        chosen = checked.smallest_sufficient(candidates, works, deadline, *limit)
        if chosen is not None:
            return chosen
    return []


def distances(relations: pins.Relations, start: np.ndarray) -> np.ndarray:
    """Each cell's distance from the cells `start` (columns of the relations): how many
    relations lie between (hidden or published: a figure hidden on trial opens its relations to
    the attacker too); inf where nothing leads."""
    by_column = relations.by_column
    steps = np.full(relations.matrix.shape[1], np.inf)
    steps[start] = 0
    frontier, step = np.asarray(start, dtype=int), 0
    while frontier.size:
        step += 1
        rows = np.unique(by_column[:, frontier].indices)
        reached = np.unique(relations.matrix[rows].indices)
        frontier = reached[np.isinf(steps[reached])]
        steps[frontier] = step
    return steps


def broad_pin_picks(found: Findings, month: int, deadline: float) -> set[tuple]:
    """Every published figure of the month that a pinned cell's attack leans on (at least a
    tenth of the largest weight), for each pinned cell: when one figure a round has not freed
    them (another combination isolates the cell once one is hidden), all of them at once."""
    picks: set[tuple] = set()
    for cell in found.pinned[:PINS_PER_ROUND]:
        if time.monotonic() >= deadline:
            break
        weights = _pin_weights(found, cell, month)
        if weights:
            heaviest = max(weights.values())
            picks |= {k for k, w in weights.items() if w >= heaviest / 10}
    return picks


def _pin_weights(found: Findings, cell: tuple, month: int) -> dict[tuple, float]:
    """The published figures of `month` an attack on `cell` is made of, by their weight in it."""
    return {
        k: abs(w)
        for k, w in pins.certificate(found.eq, cell).items()
        if is_changeable(k, month, found.value)
    }


def _pick_for_pin(found: Findings, cell: tuple, month: int, protection: float):
    """The published figure of `month` to hide so that this attack on `cell` fails, or None:
    among those the attack leans on most (at least a tenth of the largest weight)."""
    weights = _pin_weights(found, cell, month)
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
            if not _scope_total(best, found):
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
    enough = [k for k in options if found.value[k] >= protection * found.value[cell]]
    return min(enough or options, key=_cost(found))


def _cost(found: Findings):
    """The order of the figures to hide, cheapest first: no total of the whole scope, the least
    headline, the smallest."""
    return lambda k: (
        _scope_total(k, found),
        headline((k[0], *k[2:]), found.scope),
        found.value[k],
        k,
    )


def _scope_total(key: tuple, found: Findings) -> bool:
    """pattern.scope_total for a year key (its period dropped)."""
    return scope_total((key[0], *key[2:]), found.scope)
