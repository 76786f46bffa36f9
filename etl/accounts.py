"""Accounts: roles and what they may do, password hashing, sign-in with lock-out, the audit log.

The permission rules are pure (`can`, `clerk_may_load`); the rest reads and writes user_account
and audit_log. Passwords are hashed with werkzeug's scrypt; no password exists in the code.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from etl import models as m

ROLES = ("admin", "statistician", "leader", "clerk")
MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15

# What each role may do. Enterprise-level detail (names, single enterprises' figures) is
# confidential under the 统计法: leaders see aggregates only; clerks see their own regions.
# review_quality (the 数据质量 page) lists flagged reports of every region: statisticians and
# admins only, so it is not given to clerks.
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset({"view_aggregates", "view_enterprises", "upload", "retract", "export",
                        "export_internal", "manage_users", "manage_targets", "manage_reference",
                        "review_quality"}),
    "statistician": frozenset({"view_aggregates", "view_enterprises", "upload", "retract",
                               "export", "export_internal", "review_quality"}),
    "leader": frozenset({"view_aggregates", "export"}),
    "clerk": frozenset({"view_aggregates", "view_enterprises", "upload"}),
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

    def can(self, action: str) -> bool:
        """Whether this person's role allows the action."""
        return can(self.role, action)


def can(role: str, action: str) -> bool:
    """Whether a role allows an action."""
    return action in PERMISSIONS.get(role, frozenset())


def clerk_may_load(principal: Principal, region_codes: set[str], region_closure) -> set[str]:
    """Regions in a file that a clerk may not load (empty set: all allowed).

    `region_closure(codes)` returns the given regions with everything below them.
    """
    if principal.role != "clerk":
        return set()
    allowed = set(region_closure(tuple(principal.regions))) if principal.regions else set()
    return set(region_codes) - allowed


def new_password() -> str:
    """A random one-time password a person can type (no look-alike characters)."""
    letters, digits = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", "23456789"
    while True:  # redraw the rare all-letter or all-digit draw, which the strength rule refuses
        password = "".join(secrets.choice(letters + digits) for _ in range(14))
        if any(c in digits for c in password) and any(c in letters for c in password):
            return password


def check_password_strength(password: str) -> None:
    """Refuse passwords that are too short or too simple."""
    if len(password) < 10 or password.isdigit() or password.isalpha():
        raise AccountError("password must have at least 10 characters, letters and digits")


def principal_of(user: m.UserAccount) -> Principal:
    """The Principal for a stored account."""
    regions = tuple(user.regions.split()) if user.role == "clerk" else ()
    return Principal(user.username, user.display_name, user.role, regions)


def add_user(session: Session, username: str, role: str, display_name: str = "",
             regions: tuple[str, ...] = (), password: str | None = None) -> str:
    """Create an account; returns the (one-time) password, generated when none is given."""
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if session.scalar(sa.select(m.UserAccount.id).where(m.UserAccount.username == username)):
        raise AccountError(f"user {username} exists")
    password = password or new_password()
    check_password_strength(password)
    session.add(m.UserAccount(username=username, display_name=display_name or username,
                              password_hash=generate_password_hash(password), role=role,
                              regions=" ".join(regions), must_change_password=True))
    audit(session, "cli", "user_add", {"user": username, "role": role, "regions": list(regions)})
    return password


def get_user(session: Session, username: str) -> m.UserAccount:
    """The account of a username, or AccountError."""
    user = session.scalar(sa.select(m.UserAccount).where(m.UserAccount.username == username))
    if user is None:
        raise AccountError(f"no user {username}")
    return user


def set_password(session: Session, username: str, password: str, actor: str,
                 one_time: bool = False) -> None:
    """Change a password (and unlock the account)."""
    check_password_strength(password)
    user = get_user(session, username)
    user.password_hash = generate_password_hash(password)
    user.must_change_password = one_time
    user.failed_logins, user.locked_until = 0, None
    audit(session, actor, "user_password", {"user": username})


def set_role(session: Session, username: str, role: str, actor: str,
             regions: tuple[str, ...] | None = None) -> None:
    """Change a role (and, for clerks, their regions)."""
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    user = get_user(session, username)
    user.role = role
    if regions is not None:
        user.regions = " ".join(regions)
    audit(session, actor, "user_role", {"user": username, "role": role, "regions": user.regions})


def set_active(session: Session, username: str, active: bool, actor: str) -> None:
    """Disable or re-enable an account."""
    get_user(session, username).is_active = active
    audit(session, actor, "user_enable" if active else "user_disable", {"user": username})


def authenticate(session: Session, username: str, password: str,
                 remote_addr: str | None = None, now: dt.datetime | None = None) -> Principal | None:
    """Check a sign-in; counts failures and locks the account after too many. Audited."""
    now = now or m.utcnow()
    user = session.scalar(sa.select(m.UserAccount).where(m.UserAccount.username == username))
    if user is None or not user.is_active:
        audit(session, username, "login_failed", {"reason": "unknown or disabled"}, remote_addr)
        return None
    locked = user.locked_until and _aware(user.locked_until) > now
    if locked:
        audit(session, username, "login_failed", {"reason": "locked"}, remote_addr)
        return None
    if not check_password_hash(user.password_hash, password):
        user.failed_logins += 1
        detail = {"reason": "password", "failures": user.failed_logins}
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            detail["locked_minutes"] = LOCK_MINUTES
        audit(session, username, "login_failed", detail, remote_addr)
        return None
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    audit(session, username, "login", {}, remote_addr)
    return principal_of(user)


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; they were stored as UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def audit(session: Session, username: str, action: str, detail: dict | None = None,
          remote_addr: str | None = None) -> None:
    """Append an audit entry (in the caller's transaction)."""
    session.add(m.AuditEntry(username=username, action=action, remote_addr=remote_addr,
                             detail=json.dumps(detail or {}, ensure_ascii=False)))
