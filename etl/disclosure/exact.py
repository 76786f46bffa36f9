"""The release-time audit of a month's pattern over its year, and its repair (every release).

The attacker holds every published cell of the year's released months. Two tests run over the
year's relations (each month's cells keyed by their month, 1–M月 tied to 1–(M−1)月, February's
1–2月 one figure in both windows): etl.disclosure.pins finds the hidden cells the published ones
fix exactly, etl.disclosure.bounds those they narrow below the protection level (amounts are
never negative). A primary cell found by either gets one more suppression — a published figure of
the month being released: for a pin, among those its attack leans on; for a narrow cell, in the
relations whose bound holds; one worth the protection level of the cell if there is one, the
least headline and smallest — after which the relation rule closes the pattern, and the tests
run again. Earlier months are fixed: what their cells alone give away is reported, not changed.
Pure.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from functools import cached_property, partial

import numpy as np

from etl.disclosure import bounds, checked, pins
from etl.disclosure.catalogue import ALL, MONTH, YTD
from etl.disclosure.pattern import PREVIOUS, PRIMARY, SECONDARY, Pattern, headline

log = logging.getLogger(__name__)

BOUND_TRACE_DEPTH = 6  # relations followed back from a narrow cell to find one to widen
BOUND_TRACE_WIDTH = 400  # hidden cells followed per ring, at most
PINS_PER_ROUND = 20  # certificates sought per round (each an LSMR solve)
STALLED = 2  # rounds in a row that leave the same pinned cells: the repair stops, reports them


@dataclass(frozen=True)
class MonthCells:
    """One released month's nonzero cells, relations and stored suppressions (keys w/o period)."""

    value: dict[tuple, int]
    relations: list[tuple[tuple, list[tuple]]]
    suppressed: dict[tuple, str]


@dataclass(frozen=True)
class Outcome:
    """What the audit left after the repair (primary cells pinned, narrowed), rounds, cells hid."""

    pinned: int
    narrow: int
    rounds: int
    added: int
    inherent: int = 0  # of the narrow: so even with all of the month hidden (earlier months)


@dataclass(frozen=True)
class Findings:
    """One audit of the year: its equations, values, and the primary cells given away."""

    eq: pins.Equations
    value: dict[tuple, int]
    pinned: list[tuple]
    narrow: list[tuple[tuple, str]]  # (cell, "low" or "high": the side that is too tight)
    bounds: bounds.Bounds
    scope: str
    _options: dict[tuple[int, int], list[tuple]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @cached_property
    def terms(self) -> tuple[list[int], list[int], list[float]]:
        """The equations' matrix as Python lists (indptr, columns, coefficients): the repair's
        searches walk it entry by entry, and numpy's scalars are slow one at a time."""
        coef = self.eq.matrix
        return coef.indptr.tolist(), coef.indices.tolist(), coef.data.tolist()

    def changeable_members(self, row: int, month: int) -> list[tuple]:
        """A row's published nonzero figures of `month` (remembered: a repair's searches for
        the figures to hide pass the same relations again and again)."""
        if (row, month) not in self._options:
            self._options[row, month] = [
                k
                for k in self.eq.members(row)
                if k not in self.eq.index and _changeable(k, month, self.value)
            ]
        return self._options[row, month]


def year_relations(months: dict[int, MonthCells]) -> tuple[list[list[tuple]], dict[tuple, int]]:
    """Every month's relations over year keys (window, period, dims…), and the year's values.

    A month's tie to 1–(M−1)月 is left out when that month is not released: the attacker does
    not hold its figures."""
    relations: list[list[tuple]] = []
    value: dict[tuple, int] = {}
    for period, cells in months.items():

        def key(k: tuple, period=period) -> tuple:
            if k[0] == PREVIOUS:
                return (YTD, period - 1, *k[1:])
            return (k[0], period, *k[1:])

        for k, amount in cells.value.items():
            value[key(k)] = amount
        for parent, kids in cells.relations:
            if period - 1 not in months and any(kid[0] == PREVIOUS for kid in kids):
                continue
            relations.append([key(parent), *(key(kid) for kid in kids)])
        if period % 100 == 2:  # 1–2月: the month and the year so far are one figure
            relations += [
                [(YTD, period, *k[1:]), (MONTH, period, *k[1:])]
                for k in cells.value
                if k[0] == YTD and (MONTH, *k[1:]) in cells.value
            ]
    return relations, value


class Year:
    """The year's relations and earlier suppressions, built once for a month's repair."""

    def __init__(self, pattern: Pattern, month: int, earlier: dict[int, MonthCells]):
        months = {**earlier, month: MonthCells(pattern.value, pattern.relations, {})}
        relations, self.value = year_relations(months)
        self.relations = pins.relations_matrix(relations, self.value)
        self.earlier = {
            (k[0], p, *k[1:]): why
            for p, cells in earlier.items()
            for k, why in cells.suppressed.items()
            if self.value.get((k[0], p, *k[1:]), 0) != 0
        }
        self.month = month
        # hidden sets tried, with their bounds: the first is all of the month hidden (every
        # audit of the repair hides less), the last the latest trial that worked
        self._outer: list[tuple[set[tuple], np.ndarray, np.ndarray]] = []

    def findings(
        self, pattern: Pattern, scope: str, protection: float, pins_possible: bool = True
    ) -> Findings:
        """Audit the year with the month as the pattern has it now (without the exact test when
        an earlier audit of this repair found no pin: hiding more cannot make one)."""
        status = self.status(pattern)
        eq = pins.equations(self.relations, set(status))
        found = set(pins.pinned(eq)) if pins_possible else set()
        pinned = sorted(k for k in found if status[k] == PRIMARY)
        limits = bounds.shuttle(eq, **self._start(eq))
        narrow = [
            (key, side)
            for key, side in self._narrow(eq, limits, protection)
            if status[key] == PRIMARY and key not in found
        ]
        return Findings(eq, self.value, pinned, narrow, limits, scope)

    def status(self, pattern: Pattern) -> dict[tuple, str]:
        """Every hidden nonzero cell of the year (year keys): primary or secondary."""
        status = dict(self.earlier)
        for k, why in pattern.suppressed.items():
            key = (k[0], self.month, *k[1:])
            if self.value.get(key, 0) != 0:
                status[key] = why
        return status

    def hidden_columns(self, pattern: Pattern) -> np.ndarray:
        """The year's hidden nonzero cells as the pattern has them, as columns of the relations."""
        return self.relations.columns_of(self.status(pattern))

    def still_narrow(
        self, hidden: np.ndarray, extra: list[tuple], cells: set[tuple], protection: float
    ) -> set[tuple]:
        """Which of `cells` the shuttle still narrows when `extra` (year keys of the month, with
        their 1–2月 twins) are hidden besides `hidden` (hidden_columns): a trial, nothing is
        changed."""
        if self.month % 100 == 2:
            extra = [*extra, *(_twin(k) for k in extra)]
        columns = np.union1d(hidden, self.relations.columns_of(extra))
        eq = pins.equations_of(self.relations, columns)
        limits = bounds.shuttle(eq, **self._start(eq))
        narrow = {key for key, _ in self._narrow(eq, limits, protection)} & cells
        if not self._outer:  # the first trial, all of the month hidden: a start for every other
            self._outer = [(columns, *self._full(eq, limits))]
        elif not narrow:  # the next trials hide fewer than one that worked: they start from it
            self._outer = self._outer[:1] + [(columns, *self._full(eq, limits))]
        return narrow

    def _start(self, eq: pins.Equations) -> dict:
        """The shuttle's start from an earlier trial that hid these cells and more (its bounds
        hold here; only the relations of the cells it hid and this does not can tighten them at
        first), or from nothing."""
        for known, low, high in reversed(self._outer):
            if np.isin(eq.columns, known, assume_unique=True).all():
                shown = np.setdiff1d(known, eq.columns, assume_unique=True)
                relations = self.relations.by_column[:, shown].tocsr().getnnz(axis=1).nonzero()[0]
                return {
                    "start": (low[eq.columns].copy(), high[eq.columns].copy()),
                    "touched": np.flatnonzero(np.isin(eq.rows, relations)),
                }
        return {}

    def _full(self, eq: pins.Equations, limits: bounds.Bounds):
        """A trial's bounds over every cell of the year (only its hidden ones are read)."""
        low = np.zeros(len(self.relations.cells))
        high = np.full(len(self.relations.cells), np.inf)
        low[eq.columns], high[eq.columns] = limits.low, limits.high
        return low, high

    def changeable(self) -> list[tuple]:
        """Every published nonzero figure of the month (year keys) as the pattern started."""
        return [k for k in self.value if _changeable(k, self.month, self.value)]

    def _narrow(self, eq: pins.Equations, limits: bounds.Bounds, protection: float):
        """(cell, side) for each hidden cell whose bounds miss ±protection of its value."""
        amounts = self.relations.value[eq.columns]
        for i in np.flatnonzero(bounds.narrow(limits, amounts, protection)):
            high = limits.high[i] < amounts[i] * (1 + protection) - bounds.HALF_CENT
            yield self.relations.cells[eq.columns[i]], "high" if high else "low"


def findings(
    pattern: Pattern, scope: str, month: int, earlier: dict[int, MonthCells], protection: float
) -> Findings:
    """Audit the year with `month` as the pattern has it: the primary cells pinned, and those
    (not pinned) whose shuttle bounds miss ±protection of their value."""
    return Year(pattern, month, earlier).findings(pattern, scope, protection)


def repair(
    pattern: Pattern,
    scope: str,
    month: int,
    earlier: dict[int, MonthCells],
    protection: float,
    max_rounds: int = 30,
    seconds: float = float("inf"),
) -> Outcome:
    """Hide published cells of `month` until the audit finds nothing (in place), for at most
    about `seconds` (a round under way finishes its audit; what is left is reported)."""
    deadline = time.monotonic() + seconds
    before = len(pattern.suppressed)
    year = Year(pattern, month, earlier)
    found, last, stalled = None, None, 0
    inherent: set[tuple] = set()
    assessed: set[tuple] = set()  # narrow cells tried with all of the month hidden
    for round_ in range(max_rounds + 1):
        # hiding more only widens what the published cells allow: a cell neither pinned nor
        # narrow stays so, and once nothing is pinned the exact test need not run again
        found = year.findings(pattern, scope, protection, found is None or bool(found.pinned))
        unknown = {c for c, _ in found.narrow} - assessed
        if unknown:
            # narrow even with all of the month hidden: the earlier months' figures give it
            # away, and no pick of this month can help (hiding for it would cost readers only)
            inherent |= year.still_narrow(
                year.hidden_columns(pattern), year.changeable(), unknown, protection
            )
            assessed |= unknown
        targets = [(c, side) for c, side in found.narrow if c not in inherent]
        left = (found.pinned, targets)
        stalled = stalled + 1 if left == last else 0
        if not (found.pinned or targets) or round_ == max_rounds:
            break
        if time.monotonic() > deadline:
            log.warning(
                "disclosure %s: the audit's %s s are up: %d pinned, %d narrow left",
                month,
                seconds,
                len(found.pinned),
                len(found.narrow),
            )
            break
        last = left
        # the quick picks are tried again only for pins (their certificates change as cells are
        # hidden); for narrow cells one round that left them all is enough: checked picks
        quick = not stalled or (found.pinned and stalled < STALLED)
        picks = _quick_picks(found, targets, month, protection, deadline) if quick else set()
        if not picks and not found.pinned:
            picks = set(_checked_picks(year, pattern, found, targets, protection, deadline))
        log.info(
            "disclosure %s: %d pinned, %d narrow (%d given by earlier months), %d more hidden",
            month,
            len(found.pinned),
            len(found.narrow),
            len(found.narrow) - len(targets),
            len(picks),
        )
        log.debug("disclosure %s: hides %s", month, sorted(picks))
        if not picks:
            break  # the last rounds' cells did not help, or the time is up: report what is left
        for window, _, *dims in sorted(picks):  # sorted: the same pattern in every process
            pattern.suppressed.setdefault((window, *dims), SECONDARY)
            if month % 100 == 2:  # its twin in the other window is the same figure
                pattern.suppressed.setdefault((MONTH if window == YTD else YTD, *dims), SECONDARY)
        pattern.close()
    return Outcome(
        len(found.pinned),
        len(found.narrow),
        round_,
        len(pattern.suppressed) - before,
        len(found.narrow) - len(targets),
    )


def _quick_picks(
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


def _checked_picks(
    year: Year,
    pattern: Pattern,
    found: Findings,
    targets: list[tuple[tuple, str]],
    protection: float,
    deadline: float,
) -> list[tuple]:
    """Published figures of the month that the shuttle confirms widen every target's bound, few
    and cheap (etl.disclosure.checked): searched among those around the targets' bounds first,
    then among all of the month's. Empty when the time runs out first."""
    cells = {c for c, _ in targets}

    def cost(k: tuple):
        return (_scope_total(k, found.scope), headline((k[0], *k[2:])), found.value[k], k)

    near = {
        k
        for cell, side in targets
        for binding in (True, False)
        for options in _rings(found, cell, side, year.month, binding)
        for k in options
    }
    hidden = year.status(pattern)
    rest = {k for k in year.changeable() if k not in hidden} - near
    now = year.relations.columns_of(hidden)

    def works(extra: list[tuple]) -> bool:
        return not year.still_narrow(now, extra, cells, protection)

    for candidates in (sorted(near, key=cost), sorted(near, key=cost) + sorted(rest, key=cost)):
        chosen = checked.smallest_sufficient(candidates, works, deadline)
        if chosen is not None:
            return chosen
    return []


def _pick_for_pin(found: Findings, cell: tuple, month: int, protection: float):
    """The published figure of `month` to hide so that this attack on `cell` fails, or None:
    among those the attack leans on most (at least a tenth of the largest weight)."""
    weights = {
        k: abs(w)
        for k, w in pins.certificate(found.eq, cell).items()
        if _changeable(k, month, found.value)
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


def _changeable(key: tuple, month: int, value: dict) -> bool:
    """A published nonzero figure of the month being released."""
    return key[1] == month and key[0] in (MONTH, YTD) and bool(value.get(key, 0))


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


def _twin(key: tuple) -> tuple:
    """A 1–2月 figure's other window (year keys): the month and the year so far are one figure."""
    window, period, *dims = key
    return (MONTH if window == YTD else YTD, period, *dims)
