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
from dataclasses import dataclass

from etl.disclosure import picks as pick
from etl.disclosure.attacker import Findings, MonthCells, Year
from etl.disclosure.catalogue import twin_window
from etl.disclosure.pattern import SECONDARY, Pattern

log = logging.getLogger(__name__)

STALLED = 2  # rounds in a row that leave the same pinned cells: the repair stops, reports them


@dataclass(frozen=True)
class Outcome:
    """What the audit left after the repair (primary cells pinned, narrowed), rounds, cells hid."""

    pinned: int
    narrow: int
    rounds: int
    added: int
    inherent: int = 0  # of the narrow: so even with all of the month hidden (earlier months)


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
        picks = pick.quick_picks(found, targets, month, protection, deadline) if quick else set()
        if not picks and not found.pinned:
            picks = set(pick.checked_picks(year, pattern, found, targets, protection, deadline))
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
                pattern.suppressed.setdefault((twin_window(window), *dims), SECONDARY)
        pattern.close()
    return Outcome(
        len(found.pinned),
        len(found.narrow),
        round_,
        len(pattern.suppressed) - before,
        len(found.narrow) - len(targets),
    )
