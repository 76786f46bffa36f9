"""Policy targets edited by administrators: read, add, change, delete — every change audited.

History lives in the audit log: each change writes one row (target_add / target_update /
target_delete) whose detail holds the target's code and its values before and after, so who
changed what, from what to what and when can always be answered (`target_history`).
"""

from __future__ import annotations

import json
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.accounts import audit
from etl.targets.rules import FIELDS, TargetError, check_target, problem

ACTIONS = ("target_add", "target_update", "target_delete")
EDITABLE = ("threshold", "window_start", "window_end", "name_zh", "name_en", "source")


def target_row(target: m.Target) -> dict:
    """A stored target as a plain dict of its fields."""
    return {f: getattr(target, f) for f in FIELDS}


def list_targets(session: Session) -> list[dict]:
    """Every stored target, by region and code."""
    stmt = sa.select(m.Target).order_by(m.Target.region_code, m.Target.code)
    return [target_row(t) for t in session.scalars(stmt)]


def target_choices(session: Session) -> dict[str, dict[str, dict[str, str]]]:
    """Regions and category groups a target may use: kind -> code -> {'zh', 'en'} names."""
    regions = session.execute(
        sa.select(m.Region.code, m.Region.name_zh, m.Region.name_en).order_by(
            m.Region.sort_order, m.Region.code
        )
    )
    groups = session.execute(
        sa.select(m.CategoryGroup.code, m.CategoryGroup.name_zh, m.CategoryGroup.name_en).order_by(
            m.CategoryGroup.code
        )
    )
    return {
        "regions": {c: {"zh": zh, "en": en} for c, zh, en in regions},
        "groups": {c: {"zh": zh, "en": en} for c, zh, en in groups},
    }


def _check(session: Session, raw: dict, taken=()) -> dict:
    choices = target_choices(session)
    row, problems = check_target(raw, choices["regions"], choices["groups"], taken)
    if problems:
        raise TargetError(str(raw.get("code") or ""), problems)
    return row


def _json(row: dict) -> dict:
    return {k: str(v) if isinstance(v, Decimal) else v for k, v in row.items()}


def add_target(session: Session, raw: dict, actor: str, ip: str | None = None) -> dict:
    """Store a new target after checking it (TargetError lists the problems)."""
    taken = session.scalars(sa.select(m.Target.code)).all()
    row = _check(session, raw, taken)
    session.add(m.Target(**row))
    audit(session, actor, "target_add", {"code": row["code"], "after": _json(row)}, ip)
    return row


def update_target(
    session: Session, code: str, changes: dict, actor: str, ip: str | None = None
) -> dict:
    """Change a target's threshold, window, names or source; returns {field: (before, after)}."""
    target = session.get(m.Target, code)
    if target is None:
        raise TargetError(code, [problem("code", "unknown", value=code)])
    before = target_row(target)
    raw = {**before, **{k: v for k, v in changes.items() if k in EDITABLE}}
    row = _check(session, raw)
    changed = {f: (before[f], row[f]) for f in EDITABLE if before[f] != row[f]}
    if not changed:
        return {}
    for f, (_old, new) in changed.items():
        setattr(target, f, new)
    audit(
        session,
        actor,
        "target_update",
        {
            "code": code,
            "kind": target.kind,
            "before": _json({f: old for f, (old, _new) in changed.items()}),
            "after": _json({f: new for f, (_old, new) in changed.items()}),
        },
        ip,
    )
    return changed


def delete_target(session: Session, code: str, actor: str, ip: str | None = None) -> dict:
    """Delete a target; the audit row keeps every value it had."""
    target = session.get(m.Target, code)
    if target is None:
        raise TargetError(code, [problem("code", "unknown", value=code)])
    before = target_row(target)
    session.delete(target)
    audit(session, actor, "target_delete", {"code": code, "before": _json(before)}, ip)
    return before


def target_history(session: Session, limit: int = 50) -> list[dict]:
    """The newest target changes: when, who, action, code, before and after."""
    stmt = (
        sa.select(m.AuditEntry)
        .where(m.AuditEntry.action.in_(ACTIONS))
        .order_by(m.AuditEntry.id.desc())
        .limit(limit)
    )
    out = []
    for entry in session.scalars(stmt):
        detail = json.loads(entry.detail or "{}")
        out.append(
            {
                "at": entry.at,
                "username": entry.username,
                "action": entry.action,
                "code": detail.get("code", ""),
                "kind": detail.get("kind")
                or (detail.get("after") or detail.get("before") or {}).get("kind", ""),
                "before": detail.get("before") or {},
                "after": detail.get("after") or {},
            }
        )
    return out
