"""What a report filter selects: its regions, categories and partners with all below them
(groups expanded), and the WHERE clause it adds to a read."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.filters import GROUP_PREFIX, ReportFilter


def region_closure(session: Session, regions: tuple[str, ...]) -> list[str] | None:
    """The regions and all their descendants; None when no region filter is set."""
    if not regions:
        return None
    parents = dict(session.execute(sa.select(m.Region.code, m.Region.parent_code)).all())
    out, todo = set(), list(regions)
    while todo:
        code = todo.pop()
        if code in out:
            continue
        out.add(code)
        todo.extend(c for c, p in parents.items() if p == code)
    return sorted(out)


def _expand_groups(session: Session, codes: tuple[str, ...], member) -> set[str]:
    groups = [c[len(GROUP_PREFIX) :] for c in codes if c.startswith(GROUP_PREFIX)]
    plain = {c for c in codes if not c.startswith(GROUP_PREFIX)}
    if groups:
        plain |= set(session.scalars(sa.select(member[1]).where(member[0].in_(groups))))
    return plain


def category_closure(session: Session, categories: tuple[str, ...]) -> tuple[set[str], bool] | None:
    """Category codes the filter means (with sub-items) and whether all are main categories."""
    if not categories:
        return None
    member = (m.CategoryGroupMember.group_code, m.CategoryGroupMember.category_code)
    codes = _expand_groups(session, categories, member)
    parents = dict(
        session.execute(sa.select(m.ServiceCategory.code, m.ServiceCategory.parent_code)).all()
    )
    main = {c for c in codes if parents.get(c) is None}
    closure = set(codes)
    changed = True
    while changed:
        children = {c for c, p in parents.items() if p in closure} - closure
        closure |= children
        changed = bool(children)
    # Main-level answer only when no code is a sub-item whose main category is not also chosen.
    return closure, codes == main


def partner_closure(session: Session, partners: tuple[str, ...]) -> set[str] | None:
    """Partner codes the filter means (groups expanded)."""
    if not partners:
        return None
    member = (m.PartnerGroupMember.group_code, m.PartnerGroupMember.partner_code)
    return _expand_groups(session, partners, member)


def apply_filter(stmt, table, f: ReportFilter, regions, categories=None, partners=None):
    """The statement narrowed to the filter's months, modes and directions and to the closures."""
    stmt = stmt.where(
        table.period.between(f.period_from, f.period_to),
        table.mode.in_(f.effective_modes()),
        table.direction.in_(f.directions),
    )
    if regions is not None:
        stmt = stmt.where(table.region_code.in_(regions))
    if categories is not None:
        stmt = stmt.where(table.category_code.in_(sorted(categories)))
    if partners is not None:
        stmt = stmt.where(table.partner_code.in_(sorted(partners)))
    return stmt
