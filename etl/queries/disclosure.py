"""Reads for disclosure control: the hierarchies, released enterprise lines, stored patterns, and
the protected cells a circulated read applies (etl.queries.figures)."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.disclosure.catalogue import KEY_COLUMNS, MONTH, YTD, Hierarchy
from etl.queries.as_of import lines_as_of
from etl.queries.closures import region_closure
from etl.queries.frames import AMOUNT, columns_frame

LINE_COLUMNS = [
    "period",
    "uscc",
    "region_code",
    "category_code",
    "partner_code",
    "mode",
    "direction",
]


def released_lines(session: Session, scope: str, months: dict[int, int]) -> pd.DataFrame:
    """Enterprise lines of released months, each as of its release's data event.

    months: month -> data event id of its current release.
    """
    regions = region_closure(session, (scope,)) or [scope]
    ver, rep, line = m.ReportVersion, m.Report, m.ReportLine
    dims = [
        rep.period,
        rep.uscc,
        ver.region_code,
        line.category_code,
        line.partner_code,
        line.mode,
        line.direction,
    ]
    frames = []
    for period, event in sorted(months.items()):
        stmt = lines_as_of(event, dims, period, period).where(ver.region_code.in_(regions))
        frames.append(columns_frame(session, stmt, LINE_COLUMNS))
    if not frames:
        return pd.DataFrame(columns=[*LINE_COLUMNS, AMOUNT])
    return pd.concat(frames, ignore_index=True).rename(columns={AMOUNT: "amount"})


def year_releases(session: Session, scope: str, year: int) -> list[m.Release]:
    """The current releases of a scope's months in a year, in month order."""
    r = m.Release
    return list(
        session.scalars(
            sa.select(r)
            .where(
                r.scope_code == scope,
                r.current.is_(True),
                r.period.between(year * 100 + 1, year * 100 + 12),
            )
            .order_by(r.period)
        )
    )


def suppressed_status(session: Session, release_id: int) -> dict[tuple, str]:
    """(window, region, category, mode, direction, partner) -> primary | secondary of a release."""
    p = m.ProtectedCell
    rows = session.execute(
        sa.select(p.window, p.region, p.category, p.mode, p.direction, p.partner, p.status).where(
            p.release_id == release_id
        )
    )
    return {tuple(r[:6]): r[6] for r in rows}


def suppressed_keys(session: Session, release_id: int, window: str) -> set[tuple]:
    """(region, category, mode, direction, partner) of a release's suppressed cells in a window."""
    p = m.ProtectedCell
    rows = session.execute(
        sa.select(p.region, p.category, p.mode, p.direction, p.partner).where(
            p.release_id == release_id, p.window == window
        )
    )
    return {tuple(r) for r in rows}


def stored_pattern(session: Session, scope: str, months: list[int]) -> dict[tuple[str, int], set]:
    """(window, month) -> suppressed keys of the months' current releases of a scope, for both
    windows; a month without a release (or without a computed pattern) is left out."""
    r = m.Release
    releases = session.execute(
        sa.select(r.period, r.id)
        .join(m.DisclosureRun, m.DisclosureRun.release_id == r.id)
        .where(r.scope_code == scope, r.current.is_(True), r.period.in_(months))
    )
    out: dict[tuple[str, int], set] = {}
    for period, release_id in releases:
        for window in ("m", "y"):
            out[(window, period)] = suppressed_keys(session, release_id, window)
    return out


def audit_results(session: Session, release_ids: list[int]) -> dict[int, tuple]:
    """release id -> (cells, pinned, narrow, inherent, lp) of its disclosure run (pinned and
    narrow None: the release-time audit did not run; inherent and lp None: run before they were
    recorded; lp: whether its last audit was the attacker's LP)."""
    run = m.DisclosureRun
    rows = session.execute(
        sa.select(run.release_id, run.cells, run.pinned, run.narrow, run.inherent, run.lp).where(
            run.release_id.in_(release_ids)
        )
    )
    return {rid: tuple(rest) for rid, *rest in rows}


def protected_cells(
    session: Session,
    scope: str,
    period_from: int,
    period_to: int,
    fixed: dict[str, str],
    among: dict[str, list[str]] | None = None,
) -> tuple[set[tuple], set[int]]:
    """For reads: the suppressed cells of a scope's current releases of months in a range (keys as
    etl.disclosure.catalogue.KEY_COLUMNS), narrowed by the dimensions the read fixes (and, for
    `among`, to the nodes it reads); and the months whose current release has a computed
    pattern (any other month reads "C")."""
    p, r, run = m.ProtectedCell, m.Release, m.DisclosureRun
    current = sa.select(r.id).where(
        r.current.is_(True), r.scope_code == scope, r.period.between(period_from, period_to)
    )
    stmt = sa.select(*[getattr(p, c) for c in KEY_COLUMNS]).where(
        p.period.between(period_from, period_to), p.release_id.in_(current)
    )
    for column, node in fixed.items():
        stmt = stmt.where(getattr(p, column) == node)
    # Every column of the key narrowed (windows are m or y): the primary key (release_id,
    # window, region, …) is then a seek, not a scan of each release's cells (87 → 5 ms).
    among = {"window": [MONTH, YTD], **(among or {})}
    for column, nodes in among.items():
        if column not in fixed:
            stmt = stmt.where(getattr(p, column).in_(sorted(set(nodes))))
    keys = {tuple(row) for row in session.execute(stmt)}
    computed = session.scalars(
        sa.select(r.period)
        .join(run, run.release_id == r.id)
        .where(r.current.is_(True), r.scope_code == scope, r.period.between(period_from, period_to))
    )
    return keys, set(computed)


def hierarchy(session: Session) -> Hierarchy:
    """The region, category and partner hierarchies from the reference tables."""
    regions = dict(session.execute(sa.select(m.Region.code, m.Region.parent_code)).all())
    mains = dict(
        session.execute(sa.select(m.ServiceCategory.code, m.ServiceCategory.main_code)).all()
    )
    category_groups: dict[str, set[str]] = {}
    for group, code in session.execute(
        sa.select(m.CategoryGroupMember.group_code, m.CategoryGroupMember.category_code)
    ):
        category_groups.setdefault(group, set()).add(code)
    partner_groups: dict[str, set[str]] = {}
    for group, code in session.execute(
        sa.select(m.PartnerGroupMember.group_code, m.PartnerGroupMember.partner_code)
    ):
        partner_groups.setdefault(group, set()).add(code)
    return Hierarchy(
        region_parent=regions,
        category_main={c: (main or c) for c, main in mains.items()},
        category_groups={g: frozenset(c) for g, c in category_groups.items()},
        partner_groups={g: frozenset(c) for g, c in partner_groups.items()},
        split_mains=frozenset(main for c, main in mains.items() if main and main != c),
    )
