"""The release-time audit of a month's pattern over its year, and its repair (every release).

The attacker holds every published cell of the year's released months (etl.disclosure.attacker:
the year's relations; the hidden cells they fix exactly, and those they narrow below the
protection level). A primary cell found by either gets one more suppression, a published figure
of the month being released (etl.disclosure.picks), after which the relation rule closes the
pattern, and the audit runs again. A cell that only the earlier months' figures give away (narrow
even with all of the month hidden) costs the month nothing; narrow cells the quick picks leave
get picks checked by trial. Earlier months are fixed: what their cells alone give away is
reported, not changed. Pure.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from etl.disclosure import picks as pick
from etl.disclosure.attacker import Findings, MonthCells, Year
from etl.disclosure.catalogue import twin_window
from etl.disclosure.intervals import Narrow
from etl.disclosure.pattern import PRIMARY, SECONDARY, Pattern

log = logging.getLogger(__name__)

STALLED = 2  # rounds in a row that leave the same pinned cells: their picks broaden to all


@dataclass(frozen=True)
class Outcome:
    """What the audit left after the repair (primary cells pinned, narrowed), rounds, cells hid."""

    pinned: int
    narrow: int
    rounds: int
    added: int
    inherent: int = 0  # of the narrow: so even with all of the month hidden (earlier months)
    lp: bool = False  # the last audit's intervals are the LP's, over every primary cell


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
    lp_cells: int = 0,
    report: Callable[..., None] | None = None,
) -> Outcome:
    """Hide published cells of `month` until the audit finds nothing (in place), for at most
    about `seconds` (a round under way finishes its audit; what is left is reported). When the
    shuttle finds nothing and the year has at most `lp_cells` hidden cells, the attacker's LP
    audits every primary cell, and what it narrows is repaired the same way. report(round=,
    left=, lp=) is called before each repair: the audit's round (from 1), the cells it found,
    how many of them by the LP (a release job shows it: rounds can take minutes)."""
    deadline = time.monotonic() + seconds
    before = len(pattern.suppressed)
    year = Year(pattern, month, earlier)
    found, last, stalled = None, None, 0
    inherent: set[tuple] = set()
    assessed: set[tuple] = set()  # narrow cells tried with all of the month hidden
    lp_assessed: set[tuple] = set()  # the same, by the LP
    lp_known: list[tuple[tuple, str]] | None = None  # (cell, side) narrow at the LP's last run
    for round_ in range(max_rounds + 1):
        # hiding more only widens what the published cells allow: a cell neither pinned nor
        # narrow stays so, and once nothing is pinned the exact test need not run again
        found = year.findings(pattern, scope, protection, found is None or bool(found.pinned))
        inherent |= _given_by_earlier(
            year, pattern, found.narrow, assessed, year.still_narrow, protection
        )
        targets = [(c, side) for c, side in found.narrow if c not in inherent]
        lp_targets: list[tuple[tuple, Narrow]] = []
        if not (found.pinned or targets) and found.eq.matrix.shape[1] <= lp_cells:
            lp_left = _lp_audit(year, pattern, found, lp_known, protection, deadline)
            if lp_left is not None:
                lp_known = [(c, n.side) for c, n in lp_left]
                lp_test = partial(year.lp_still_narrow, deadline=deadline)
                inherent |= _given_by_earlier(
                    year, pattern, lp_left, lp_assessed, lp_test, protection
                )
                lp_targets = [(c, n) for c, n in lp_left if c not in inherent]
        left = (found.pinned, targets, [(c, n.side) for c, n in lp_targets])
        stalled = stalled + 1 if left == last else 0
        if not any(left) or round_ == max_rounds:
            break
        if time.monotonic() > deadline:
            log.warning(
                "disclosure %s: the audit's %s s are up: %d pinned, %d narrow left",
                month,
                seconds,
                len(found.pinned),
                len(found.narrow) + len(lp_targets),
            )
            break
        last = left
        if report is not None:
            report(round=round_ + 1, left=sum(map(len, left)), lp=len(lp_targets))
        picks = _picks(year, pattern, found, targets, lp_targets, stalled, protection, deadline)
        log.info(
            "disclosure %s: %d pinned, %d narrow, %d by the LP (%d given by earlier months), "
            "%d more hidden",
            month,
            len(found.pinned),
            len(found.narrow),
            len(lp_targets),
            len(inherent),
            len(picks),
        )
        log.debug("disclosure %s: hides %s", month, sorted(picks))
        if not picks:
            break  # the last rounds' cells did not help, or the time is up: report what is left
        for window, _, *dims in sorted(picks):  # sorted: the same pattern in every process
            pattern.suppressed.setdefault((window, *dims), SECONDARY)
            if month % 100 == 2:  # its twin in the other window is the same figure
                pattern.suppressed.setdefault((twin_window(window), *dims), SECONDARY)
        pattern.close()
    # what the LP found narrow at its last run (if the time ran out after, those still count)
    narrow = {c for c, _ in found.narrow} | {c for c, _ in lp_known or []}
    return Outcome(
        len(found.pinned),
        len(narrow),
        round_,
        len(pattern.suppressed) - before,
        len(narrow & inherent),
        lp_known is not None,
    )


def _lp_audit(year, pattern, found, known, protection, deadline):
    """A round's LP audit: every primary cell of the year the first time (`known` None), then
    only the (cell, side) it found narrow (every other was wide, and hiding more keeps it so)."""
    if known is None:
        return year.lp_narrow(found.eq, _primary(year, pattern), protection, deadline)
    cells, sides = zip(*known) if known else ((), ())
    return year.lp_narrow(found.eq, cells, protection, deadline, list(sides))


def _picks(year, pattern, found, targets, lp_targets, stalled, protection, deadline) -> set:
    """A round's figures to hide: quick picks for pins (again while their certificates change,
    then every figure their attacks lean on) and, once, for narrow cells; then checked picks.
    The same for cells only the LP narrows, their quick picks taken from the relations its
    bounds are made of."""
    if lp_targets and not stalled:
        return pick.lp_quick_picks(found, lp_targets, year.month, protection)
    if lp_targets:
        return set(pick.lp_picks(year, pattern, found, lp_targets, protection, deadline))
    quick = not stalled or (found.pinned and stalled < STALLED)
    picks = pick.quick_picks(found, targets, year.month, protection, deadline) if quick else set()
    if not picks and found.pinned:  # one figure a round did not free them: all they lean on
        picks = pick.broad_pin_picks(found, year.month, deadline)
    if not picks and not found.pinned:
        picks = set(pick.checked_picks(year, pattern, found, targets, protection, deadline))
    return picks


def _given_by_earlier(year, pattern, narrow, assessed: set, test, protection: float) -> set:
    """Of the narrow cells not tried before, those `test` (Year.still_narrow, or its LP's) still
    finds narrow with all of the month hidden: the earlier months' figures give them away, and
    no pick of this month can help (hiding for them would cost readers only). Marks them tried."""
    unknown = {c for c, _ in narrow} - assessed
    if not unknown or year.first:  # a first month: nothing earlier to give anything away
        return set()
    assessed |= unknown
    hidden = year.hidden_columns(pattern)
    return test(hidden, year.changeable(), unknown, protection) or set()


def _primary(year: Year, pattern: Pattern) -> list[tuple]:
    """The year's primary cells (year keys), hidden as the pattern has them."""
    return [k for k, why in year.status(pattern).items() if why == PRIMARY]
