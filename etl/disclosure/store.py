"""Compute and store the suppression patterns of a scope's released months (at each release)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.disclosure import attacker, audit, exact
from etl.disclosure.catalogue import MONTH, YTD
from etl.disclosure.pattern import (
    DIMS,
    Pattern,
    compute_pattern,
    headline,
    month_cells,
    month_relations,
)
from etl.disclosure.table import DisclosureRule, rule_from
from etl.queries import disclosure as queries
from etl.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Safeguards:
    """How a release protects its month: the primary rule, the protection level, and the limits
    of its audits (settings STM_DISCLOSURE_*)."""

    rule: DisclosureRule = field(default_factory=DisclosureRule)
    # an interval narrower than ±this share of the value gives it away
    protection: float = Settings.disclosure_protection
    audit: bool = True  # the release-time audit (etl.disclosure.exact); off: the synthetic sample
    audit_seconds: float = Settings.disclosure_audit_seconds  # its time budget a month
    lp_cells: int = Settings.disclosure_lp_cells  # its LP: up to this many hidden cells a year
    max_atoms: int = Settings.disclosure_audit_max_atoms  # the atom LP and its repair (0: off)


def safeguards_from(settings: Settings) -> Safeguards:
    """The safeguards the settings ask for."""
    return Safeguards(
        rule=rule_from(settings),
        protection=settings.disclosure_protection,
        audit_seconds=settings.disclosure_audit_seconds,
        lp_cells=settings.disclosure_lp_cells,
        max_atoms=settings.disclosure_audit_max_atoms,
    )


def store_patterns(
    session: Session,
    release: m.Release,
    safeguards: Safeguards,
    progress: Callable[..., None] | None = None,
) -> list[m.DisclosureRun]:
    """The pattern of a new release's month and of every later released month of its year.

    Later months are computed again because their 1–N月 cells contain the month just released;
    progress("pattern", month=, index=, count=) is called before each.
    January's cells do not exist (1–2月 is published together): its release stores an empty run.
    Safeguards.audit=False leaves out the release-time audit (etl.disclosure.exact; the synthetic
    sample, to start in minutes): its runs record pinned and narrow as NULL.
    """
    year = release.period // 100
    releases = queries.year_releases(session, release.scope_code, year)
    # read once for the months recomputed: the year's released lines (each month as of its own
    # release's data event) and the hierarchies
    lines = queries.released_lines(
        session, release.scope_code, {r.period: r.data_event_id for r in releases}
    )
    tree = queries.hierarchy(session)
    # the year's earlier months as the attacker holds them: their cells and stored patterns
    earlier = {
        r.period: month_as_released(session, r, lines, tree)
        for r in releases
        if safeguards.audit and 2 <= r.period % 100 and r.period < release.period
    }
    todo = [r for r in releases if r.period >= release.period]
    runs = []
    for i, r in enumerate(todo, start=1):
        if progress is not None:  # the months after it: their 1–N月 cells contain it
            progress("pattern", month=r.period, index=i, count=len(todo))
        runs.append(_store_month(session, r, releases, lines, tree, safeguards, earlier))
    return runs


def month_as_released(session: Session, release: m.Release, lines, tree) -> attacker.MonthCells:
    """A released month as the attacker holds it: its cells and relations (computed again from
    the released lines) and its stored pattern."""
    cells = month_cells(lines, release.period, tree, release.scope_code)
    value, relations = month_relations(cells, tree, release.period)
    return attacker.MonthCells(value, relations, queries.suppressed_status(session, release.id))


def _store_month(
    session: Session,
    release: m.Release,
    year_rels: list[m.Release],
    year_lines,
    tree,
    safeguards: Safeguards,
    year_cells: dict[int, attacker.MonthCells],
) -> m.DisclosureRun:
    """Compute one month's pattern from the released lines of its year, audit it, write it
    (and add it to `year_cells`, for the later months of the year computed after it)."""
    scope, month = release.scope_code, release.period
    session.execute(sa.delete(m.ProtectedCell).where(m.ProtectedCell.release_id == release.id))
    session.execute(sa.delete(m.DisclosureRun).where(m.DisclosureRun.release_id == release.id))
    run = m.DisclosureRun(release_id=release.id, cells=0, primary=0, secondary=0, atoms=0)
    if month % 100 >= 2:
        earlier = [r for r in year_rels if 2 <= r.period % 100 and r.period < month]
        lines = year_lines[year_lines["period"] <= month]
        cells = month_cells(lines, month, tree, scope)
        fixed = set()
        previous = next((r for r in earlier if r.period == month - 1), None)
        if month % 100 >= 3 and previous is not None:
            fixed = queries.suppressed_keys(session, previous.id, YTD)
        protection = safeguards.protection
        pattern = compute_pattern(cells, tree, scope, month, fixed, safeguards.rule, protection)
        if safeguards.audit:
            outcome = exact.repair(
                pattern,
                scope,
                month,
                year_cells,
                protection,
                seconds=safeguards.audit_seconds,
                lp_cells=safeguards.lp_cells,
            )
            run.pinned, run.narrow = outcome.pinned, outcome.narrow
            run.inherent, run.lp = outcome.inherent, outcome.lp
        run.audited, run.atoms = _audit(
            session, pattern, lines, tree, scope, month, earlier, protection, safeguards.max_atoms
        )
        _write(session, release, pattern)
        run.cells = len(cells)
        run.primary = sum(why == "primary" for why in pattern.suppressed.values())
        run.secondary = len(pattern.suppressed) - run.primary
        year_cells[month] = attacker.MonthCells(
            pattern.value, pattern.relations, dict(pattern.suppressed)
        )
    session.add(run)
    session.flush()
    return run


def _audit(session, pattern: Pattern, lines, tree, scope, month, earlier, protection, max_atoms):
    """Run the attacker's LP over the year and repair the month's pattern until it holds.

    Returns (audited, atoms): audited is None when the year is too large to audit here.
    """
    atoms = len(audit.atoms(lines, by_enterprise=False))
    if atoms > max_atoms:  # counted before the system is built: that is the costly part
        log.info("disclosure audit skipped for %s %s: %d atoms", scope, month, atoms)
        return None, atoms
    system = audit.system(lines, tree, scope, [r.period for r in earlier] + [month])
    # every primary cell of the year is audited again: the new month's figures are new equations
    suppressed = {
        (key[0], r.period, *key[1:]): why
        for r in earlier
        for key, why in queries.suppressed_status(session, r.id).items()
    }
    for key, why in pattern.suppressed.items():
        suppressed[(key[0], month, *key[1:])] = why

    def close(full: dict) -> None:
        for key, why in full.items():
            if key[1] == month:
                pattern.suppressed.setdefault((key[0], *key[2:]), why)
        pattern.close()
        for key, why in pattern.suppressed.items():
            full.setdefault((key[0], month, *key[1:]), why)

    rounds = audit.repair(
        system,
        suppressed,
        lambda k: k[1] == month,
        protection,
        close,
        cost=lambda k: headline((k[0], *k[2:])),
    )
    return rounds >= 0, atoms


def _write(session: Session, release: m.Release, pattern: Pattern) -> None:
    columns = ("release_id", "period", "status", "window", *DIMS)
    rows = [
        dict(zip(columns, (release.id, release.period, why, *key)))
        for key, why in pattern.suppressed.items()
        if key[0] in (MONTH, YTD)
    ]
    if rows:
        # the table, not the mapped class: a core executemany, without the ORM's per-row work
        session.execute(sa.insert(m.ProtectedCell.__table__), rows)
