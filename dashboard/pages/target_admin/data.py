"""Data calls of the 目标管理 page: administrators only; every change audited in its transaction."""

from __future__ import annotations

from dashboard import auth
from dashboard.data import app_context, session
from etl.targets import store as target_store

ACTION = "manage_targets"


def targets() -> list[dict]:
    """Every stored target."""
    auth.guard(ACTION)
    with session() as s:
        return target_store.list_targets(s)


def choices() -> dict:
    """The regions and category groups a target may use, with their names."""
    auth.guard(ACTION)
    with session() as s:
        return target_store.target_choices(s)


def history(limit: int = 50) -> list[dict]:
    """The newest target changes from the audit log."""
    auth.guard(ACTION)
    with session() as s:
        return target_store.target_history(s, limit)


def add(raw: dict) -> dict:
    """Store a new target (TargetError lists what is wrong)."""
    auth.guard(ACTION)
    with app_context().session_factory.begin() as s:
        return target_store.add_target(s, raw, auth.actor_name(), auth.client_addr())


def update(code: str, changes: dict) -> dict:
    """Change a target; returns {field: (before, after)} (empty when nothing changed)."""
    auth.guard(ACTION)
    with app_context().session_factory.begin() as s:
        return target_store.update_target(s, code, changes, auth.actor_name(), auth.client_addr())


def delete(code: str) -> dict:
    """Delete a target; returns the values it had."""
    auth.guard(ACTION)
    with app_context().session_factory.begin() as s:
        return target_store.delete_target(s, code, auth.actor_name(), auth.client_addr())
