"""Reads for disclosure control: the hierarchies, released enterprise lines, stored patterns."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.queries.core import AMOUNT, _columns_frame, hierarchy, lines_as_of, region_closure

__all__ = [
    "hierarchy",
    "released_lines",
    "stored_pattern",
    "suppressed_keys",
    "suppressed_status",
    "year_releases",
]

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
        frames.append(_columns_frame(session, stmt, LINE_COLUMNS))
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
