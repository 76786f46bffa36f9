"""Compute and store the suppression patterns of a scope's released months (at each release)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

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
from etl.queries.as_of import latest_event_id
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


@dataclass(frozen=True)
class MonthPattern:
    """One month's computed pattern (None for January, whose cells are 1–2月's) and its run."""

    period: int
    pattern: Pattern | None
    run: dict  # the DisclosureRun's fields but release_id


@dataclass(frozen=True)
class Computed:
    """The patterns a release of a month makes: its month's and every later released month's,
    and what they were computed from (to tell, before writing them, that it still stands)."""

    basis: tuple  # (latest data event, the year's other current releases: (id, data event))
    months: list[MonthPattern]


@dataclass(frozen=True)
class _Planned:
    """The release being made, as the computation needs it before it exists."""

    scope_code: str
    period: int
    data_event_id: int
    id: None = None


def basis(session: Session, scope: str, period: int) -> tuple:
    """What a release's patterns depend on besides the safeguards: the data (its latest
    event) and the year's other current releases of the scope."""
    return _basis(latest_event_id(session), _others(session, scope, period))


def _others(session: Session, scope: str, period: int) -> list[m.Release]:
    """The current releases of the scope's year but the month's own."""
    return [r for r in queries.year_releases(session, scope, period // 100) if r.period != period]


def _basis(event: int | None, others: list[m.Release]) -> tuple:
    return event, tuple((r.id, r.data_event_id) for r in others)


def compute_patterns(
    session: Session,
    scope: str,
    period: int,
    safeguards: Safeguards,
    progress: Callable[..., None] | None = None,
) -> Computed:
    """The patterns a release of the month as the data stand now would store; reads only.

    Later months are computed again because their 1–N月 cells contain the month released;
    progress("pattern", month=, index=, count=) is called before each, and progress("audit",
    month=, index=, count=, round=, left=, lp=) before each round of its audit's repair.
    January's cells do not exist (1–2月 is published together): its run is empty.
    Safeguards.audit=False leaves out the release-time audit (etl.disclosure.exact; the synthetic
    sample, to start in minutes): its runs record pinned and narrow as NULL.
    """
    event, others = latest_event_id(session), _others(session, scope, period)
    releases = sorted([*others, _Planned(scope, period, event)], key=lambda r: r.period)
    # read once for the months recomputed: the year's released lines (each month as of its own
    # release's data event) and the hierarchies
    lines = queries.released_lines(session, scope, {r.period: r.data_event_id for r in releases})
    tree = queries.hierarchy(session)
    # the year's earlier months as the attacker holds them: their cells and stored patterns
    earlier = {
        r.period: month_as_released(session, r, lines, tree)
        for r in releases
        if safeguards.audit and 2 <= r.period % 100 and r.period < period
    }
    todo = [r for r in releases if r.period >= period]
    months: list[MonthPattern] = []
    for i, r in enumerate(todo, start=1):
        if progress is not None:  # the months after it: their 1–N月 cells contain it
            progress("pattern", month=r.period, index=i, count=len(todo))
        before = months[-1] if months and months[-1].period == r.period - 1 else None
        report = None
        if progress is not None:
            report = partial(progress, "audit", month=r.period, index=i, count=len(todo))
        months.append(
            _compute_month(session, r, releases, lines, tree, safeguards, earlier, before, report)
        )
    return Computed(_basis(event, others), months)


def write_patterns(
    session: Session, release: m.Release, computed: Computed
) -> list[m.DisclosureRun]:
    """Store computed patterns: the new release's month under it, later months under their
    current releases (replacing what those had)."""
    year = release.period // 100
    current = {r.period: r for r in queries.year_releases(session, release.scope_code, year)}
    runs = []
    for month in computed.months:
        target = release if month.period == release.period else current[month.period]
        session.execute(sa.delete(m.ProtectedCell).where(m.ProtectedCell.release_id == target.id))
        session.execute(sa.delete(m.DisclosureRun).where(m.DisclosureRun.release_id == target.id))
        if month.pattern is not None:
            _write(session, target, month.pattern)
        run = m.DisclosureRun(release_id=target.id, **month.run)
        session.add(run)
        runs.append(run)
    session.flush()
    return runs


def store_patterns(
    session: Session,
    release: m.Release,
    safeguards: Safeguards,
    progress: Callable[..., None] | None = None,
) -> list[m.DisclosureRun]:
    """Compute and store, in the session's transaction, the pattern of a new release's month and
    of every later released month of its year (compute_patterns, write_patterns)."""
    computed = compute_patterns(session, release.scope_code, release.period, safeguards, progress)
    return write_patterns(session, release, computed)


def month_as_released(session: Session, release: m.Release, lines, tree) -> attacker.MonthCells:
    """A released month as the attacker holds it: its cells and relations (computed again from
    the released lines) and its stored pattern."""
    cells = month_cells(lines, release.period, tree, release.scope_code)
    value, relations = month_relations(cells, tree, release.period)
    return attacker.MonthCells(value, relations, queries.suppressed_status(session, release.id))


def _compute_month(
    session: Session,
    release,
    year_rels: list,
    year_lines,
    tree,
    safeguards: Safeguards,
    year_cells: dict[int, attacker.MonthCells],
    before: MonthPattern | None,
    report: Callable[..., None] | None = None,
) -> MonthPattern:
    """One month's pattern from the released lines of its year, audited (and added to
    `year_cells`, for the later months computed after it). before: the month before it, when
    computed here too (its 1–N月 pattern is not stored yet); report: the audit's rounds
    (exact.repair)."""
    scope, month = release.scope_code, release.period
    run = dict(cells=0, primary=0, secondary=0, atoms=0)
    if month % 100 < 2:
        return MonthPattern(month, None, run)
    earlier = [r for r in year_rels if 2 <= r.period % 100 and r.period < month]
    lines = year_lines[year_lines["period"] <= month]
    cells = month_cells(lines, month, tree, scope)
    fixed = set()
    if before is not None and before.pattern is not None:
        fixed = {key[1:] for key in before.pattern.suppressed if key[0] == YTD}
    elif month % 100 >= 3:
        previous = next((r for r in earlier if r.period == month - 1), None)
        if previous is not None:
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
            report=report,
        )
        run.update(pinned=outcome.pinned, narrow=outcome.narrow)
        run.update(inherent=outcome.inherent, lp=outcome.lp)
    run["audited"], run["atoms"] = _audit(
        session, pattern, lines, tree, scope, month, earlier, protection, safeguards.max_atoms
    )
    run["cells"] = len(cells)
    run["primary"] = sum(why == "primary" for why in pattern.suppressed.values())
    run["secondary"] = len(pattern.suppressed) - run["primary"]
    year_cells[month] = attacker.MonthCells(
        pattern.value, pattern.relations, dict(pattern.suppressed)
    )
    return MonthPattern(month, pattern, run)


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
        cost=lambda k: headline((k[0], *k[2:]), scope),
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
