"""Roles and what they may do (pure): the permission table, the signed-in Principal, the
regions a clerk sees and may load; AccountError, which every account operation raises."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("admin", "statistician", "leader", "clerk", "unit")

# What each role may do. Enterprise-level detail (names, single enterprises' figures) is
# confidential under the 统计法: leaders see aggregates only; clerks see their own regions.
# release (数据发布: what leaders see) belongs to statisticians and admins, and so does reconcile
# (对比监测: direct reports against published totals, unreleased months included).
# review_quality (the 数据质量 page) lists flagged reports of every region: statisticians and
# admins only, so it is not given to clerks.
# The pilot-task ledger (试点任务台账): a responsible unit (责任单位, role `unit`) reports on the
# tasks its organisations lead or cooperate on (checked per task: `may_report`); statisticians and
# the conference office (admin) confirm or return reports; leaders read.
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset(
        {
            "view_aggregates",
            "view_enterprises",
            "upload",
            "retract",
            "export",
            "export_internal",
            "manage_users",
            "manage_targets",
            "manage_reference",
            "manage_register",
            "review_quality",
            "release",
            "reconcile",
            "view_tasks",
            "review_tasks",
            "view_evaluation",
            "manage_evaluation",
        }
    ),
    "statistician": frozenset(
        {
            "view_aggregates",
            "view_enterprises",
            "upload",
            "retract",
            "export",
            "export_internal",
            "manage_register",
            "review_quality",
            "release",
            "reconcile",
            "view_tasks",
            "review_tasks",
            "view_evaluation",
            "manage_evaluation",
        }
    ),
    "leader": frozenset({"view_aggregates", "export", "view_tasks", "view_evaluation"}),
    "clerk": frozenset({"view_aggregates", "view_enterprises", "upload"}),
    "unit": frozenset({"view_tasks", "report_tasks"}),
}


class AccountError(Exception):
    """An account operation that cannot be done (unknown user, bad role, weak password)."""


@dataclass(frozen=True)
class Principal:
    """The signed-in person as the app sees them."""

    username: str
    display_name: str
    role: str
    regions: tuple[str, ...]  # clerks only; empty for other roles
    must_change_password: bool = False  # signed in with a one-time password: change it first
    session_version: int = 0  # a session cookie of another version is no longer valid
    organisations: tuple[str, ...] = ()  # responsible units only: the bodies they report for

    def can(self, action: str) -> bool:
        """Whether this person's role allows the action."""
        return can(self.role, action)


def can(role: str, action: str) -> bool:
    """Whether a role allows an action."""
    return action in PERMISSIONS.get(role, frozenset())


def visible_regions(principal: Principal, region_closure) -> set[str] | None:
    """Regions whose enterprises this person may see: a clerk's own and below; None = all.

    `region_closure(codes)` returns the given regions with everything below them.
    """
    if principal.role != "clerk":
        return None
    return set(region_closure(tuple(principal.regions))) if principal.regions else set()


def clerk_may_load(principal: Principal, region_codes: set[str], region_closure) -> set[str]:
    """Regions in a file that a clerk may not load (empty set: all allowed)."""
    allowed = visible_regions(principal, region_closure)
    return set() if allowed is None else set(region_codes) - allowed


def may_report(principal: Principal, task_units) -> bool:
    """Whether this person may report on a task naming these organisations (lead or cooperating)."""
    if not principal.can("report_tasks"):
        return False
    return bool(set(principal.organisations) & set(task_units))


def load_scope(principal: Principal) -> tuple[str, ...] | None:
    """The regions whose reports this person may load: None = any; a clerk: their own only."""
    return tuple(principal.regions) if principal.role == "clerk" else None
