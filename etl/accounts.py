"""Accounts: roles and what they may do, password hashing, sign-in with lock-out, the audit log.

The permission rules are pure (`can`, `clerk_may_load`); the rest reads and writes user_account
and audit_log. Passwords are hashed with werkzeug's scrypt; no password exists in the code.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, object_session
from werkzeug.security import check_password_hash, generate_password_hash

from etl import models as m
from etl.db import write_first

# werkzeug's scrypt (n=2**15) costs tens of milliseconds per hash by design; the test suite sets a
# cheaper work factor here (tests/conftest.py) because it creates hundreds of accounts.
HASH_METHOD = "scrypt"

ROLES = ("admin", "statistician", "leader", "clerk", "unit")
USERNAME = re.compile(r"^[A-Za-z0-9._-]{2,64}$")
MAX_FAILED_LOGINS = 5  # free tries per account and client address before the delay starts
FIRST_DELAY_SECONDS = 15  # after MAX_FAILED_LOGINS failures; doubles with each further failure
MAX_DELAY_SECONDS = 15 * 60
LOCK_MINUTES = MAX_DELAY_SECONDS // 60  # the longest wait (kept for the old name)
# Checked when the user name is unknown, so an unknown name costs what a wrong password costs
# (no user enumeration by timing). Hashed once, on first use.
_DUMMY: list[str] = []

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


def upload_scope(
    session: Session, username: str, operator: str | None = None
) -> tuple[str, ...] | None:
    """The load scope of an active account that may upload (AccountError for any other name).

    operator: the command line's default name; without an account of that name it is the person
    at the server, who may load any region.
    """
    user = session.scalar(sa.select(m.UserAccount).where(m.UserAccount.username == username))
    if user is None and username == operator:
        return None
    if user is None or not user.is_active:
        raise AccountError(f"no active account {username}")
    principal = principal_of(user)
    if not principal.can("upload"):
        raise AccountError(f"{username} ({principal.role}) may not load reports")
    return load_scope(principal)


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
    return Principal(
        user.username,
        user.display_name,
        user.role,
        regions,
        bool(user.must_change_password),
        user.session_version or 0,
        user_organisations(object_session(user), user.id) if user.role == "unit" else (),
    )


def user_organisations(session: Session, user_id: int) -> tuple[str, ...]:
    """The organisations an account reports for, by name."""
    stmt = (
        sa.select(m.UserOrganisation.organisation)
        .where(m.UserOrganisation.user_id == user_id)
        .order_by(m.UserOrganisation.organisation)
    )
    return tuple(session.scalars(stmt))


def _set_organisations(session: Session, user: m.UserAccount, names: tuple[str, ...]) -> None:
    known = set(
        session.scalars(sa.select(m.Organisation.name).where(m.Organisation.name.in_(set(names))))
    )
    unknown = sorted(set(names) - known)
    if unknown:
        raise AccountError(f"unknown organisation: {', '.join(unknown)}")
    session.flush()  # the account needs its id
    session.execute(sa.delete(m.UserOrganisation).where(m.UserOrganisation.user_id == user.id))
    for name in sorted(set(names)):
        session.add(m.UserOrganisation(user_id=user.id, organisation=name))


def change_own_password(
    session: Session, username: str, current: str, new: str, remote_addr: str | None = None
) -> None:
    """A person replaces their password, proving the current one (AccountError otherwise)."""
    user = get_user(session, username)
    if not check_password_hash(user.password_hash, current):
        raise AccountError("the current password is wrong")
    if new == current:
        raise AccountError("the new password must differ from the current one")
    set_password(session, username, new, username)
    audit(session, username, "password_changed", {}, remote_addr)


def add_user(
    session: Session,
    username: str,
    role: str,
    display_name: str = "",
    regions: tuple[str, ...] = (),
    password: str | None = None,
    actor: str = "cli",
    organisations: tuple[str, ...] = (),
) -> str:
    """Create an account; returns the (one-time) password, generated when none is given."""
    if not USERNAME.match(username or ""):
        raise AccountError("user names are 2–64 letters, digits, '.', '_' or '-'")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if session.scalar(sa.select(m.UserAccount.id).where(m.UserAccount.username == username)):
        raise AccountError(f"user {username} exists")
    if role == "unit" and not organisations:
        raise AccountError("a responsible unit needs at least one organisation")
    password = password or new_password()
    check_password_strength(password)
    user = m.UserAccount(
        username=username,
        display_name=display_name or username,
        password_hash=generate_password_hash(password, method=HASH_METHOD),
        role=role,
        regions=" ".join(regions),
        must_change_password=True,
    )
    session.add(user)
    units = tuple(organisations) if role == "unit" else ()
    _set_organisations(session, user, units)
    detail = {"user": username, "role": role, "regions": list(regions)}
    audit(session, actor, "user_add", detail | ({"organisations": list(units)} if units else {}))
    return password


def get_user(session: Session, username: str) -> m.UserAccount:
    """The account of a username, or AccountError."""
    user = session.scalar(sa.select(m.UserAccount).where(m.UserAccount.username == username))
    if user is None:
        raise AccountError(f"no user {username}")
    return user


def set_password(
    session: Session, username: str, password: str, actor: str, one_time: bool = False
) -> None:
    """Change a password (and unlock the account)."""
    check_password_strength(password)
    user = get_user(session, username)
    user.password_hash = generate_password_hash(password, method=HASH_METHOD)
    user.must_change_password = one_time
    user.failed_logins, user.locked_until = 0, None
    user.session_version = (user.session_version or 0) + 1  # copied cookies stop working
    session.execute(sa.delete(m.LoginThrottle).where(m.LoginThrottle.username == username))
    audit(session, actor, "user_password", {"user": username})


def set_role(
    session: Session,
    username: str,
    role: str,
    actor: str,
    regions: tuple[str, ...] | None = None,
    organisations: tuple[str, ...] | None = None,
) -> None:
    """Change a role (and, for clerks, their regions; for responsible units, their bodies)."""
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    user = get_user(session, username)
    if role != "admin":
        _keep_an_admin(session, user)
    if role == "unit" and organisations is not None and not organisations:
        raise AccountError("a responsible unit needs at least one organisation")
    user.role = role
    if regions is not None:
        user.regions = " ".join(regions)
    detail = {"user": username, "role": role, "regions": user.regions}
    if role != "unit":
        _set_organisations(session, user, ())
    elif organisations is not None:
        _set_organisations(session, user, tuple(organisations))
        detail["organisations"] = sorted(set(organisations))
    audit(session, actor, "user_role", detail)


def set_active(session: Session, username: str, active: bool, actor: str) -> None:
    """Disable or re-enable an account."""
    user = get_user(session, username)
    if not active:
        _keep_an_admin(session, user)
    user.is_active = active
    audit(session, actor, "user_enable" if active else "user_disable", {"user": username})


def _keep_an_admin(session: Session, user: m.UserAccount) -> None:
    # Without an active administrator nobody could manage accounts from the web any more.
    if user.role != "admin" or not user.is_active:
        return
    others = session.scalar(
        sa.select(sa.func.count(m.UserAccount.id)).where(
            m.UserAccount.role == "admin",
            m.UserAccount.is_active.is_(True),
            m.UserAccount.id != user.id,
        )
    )
    if not others:
        raise AccountError("the last active administrator cannot be removed or disabled")


def list_users(session: Session) -> list[dict]:
    """Every account with its state (no password hashes), by user name."""
    users = session.scalars(sa.select(m.UserAccount).order_by(m.UserAccount.username)).all()
    return [
        {
            "username": u.username,
            "display_name": u.display_name,
            "role": u.role,
            "regions": u.regions.split() if u.role == "clerk" else [],
            "stored_regions": u.regions,  # kept across role changes (the CLI lists them)
            "organisations": list(user_organisations(session, u.id)) if u.role == "unit" else [],
            "active": u.is_active,
            "must_change_password": u.must_change_password,
            "locked_until": u.locked_until,
            "last_login_at": u.last_login_at,
            "created_at": u.created_at,
            "email": u.email or "",
            "subscribed": bool(u.subscribed),
        }
        for u in users
    ]


# A plain check: one @, no spaces, a dot in the domain (delivery failures are logged anyway).
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def set_email(session: Session, username: str, email: str, actor: str) -> None:
    """Set (or clear, with "") the address the monthly briefing is sent to."""
    user = get_user(session, username)
    email = email.strip()
    if email and (len(email) > 254 or not EMAIL_RE.match(email)):
        raise AccountError(f"not an e-mail address: {email}")
    user.email = email or None
    if not email:
        user.subscribed = False  # no address, nothing to send to
    audit(session, actor, "user_email", {"user": username, "email": email})


def set_subscribed(session: Session, username: str, subscribed: bool, actor: str) -> None:
    """Subscribe an account to the monthly briefing by e-mail (an address is needed)."""
    user = get_user(session, username)
    if subscribed and not user.email:
        raise AccountError(f"{username} has no e-mail address: set one first")
    user.subscribed = subscribed
    audit(session, actor, "user_subscribe", {"user": username, "subscribed": subscribed})


def subscribers(session: Session) -> list[dict]:
    """Active accounts subscribed to the briefing, with an address."""
    users = session.scalars(
        sa.select(m.UserAccount)
        .where(
            m.UserAccount.subscribed.is_(True),
            m.UserAccount.is_active.is_(True),
            m.UserAccount.email.is_not(None),
        )
        .order_by(m.UserAccount.username)
    ).all()
    return [
        {"username": u.username, "display_name": u.display_name, "email": u.email}
        for u in users
        if u.email
    ]


def sign_in(
    factory, username: str, password: str, remote_addr: str | None = None
) -> Principal | None:
    """authenticate() in its own transaction, which on SQLite waits for the write lock first.

    A burst of sign-ins then queues for the database (busy timeout) instead of failing with
    "database is locked" (HTTP 500) when another sign-in wrote between this one's read and write.
    """
    with factory.begin() as session:
        write_first(session)
        return authenticate(session, username, password, remote_addr)


def authenticate(
    session: Session,
    username: str,
    password: str,
    remote_addr: str | None = None,
    now: dt.datetime | None = None,
) -> Principal | None:
    """Check a sign-in; failures are counted per account and client address. Audited.

    After MAX_FAILED_LOGINS failures from one address, that address waits before its next try,
    longer with every failure: nobody can lock an account for its owner from elsewhere, and
    guessing slows to a crawl. The count is one atomic statement, so parallel guesses (several
    workers, PostgreSQL) are all counted.
    """
    now = now or m.utcnow()
    username, addr = username[:64], (remote_addr or "-")[:64]
    _lock_throttle_row(session, username, addr, now)
    wait = throttle_wait(session, username, addr, now)
    if wait > 0:
        audit(session, username, "login_failed", {"reason": "delayed", "wait": wait}, remote_addr)
        return None
    user = session.scalar(sa.select(m.UserAccount).where(m.UserAccount.username == username))
    if user is None or not user.is_active:
        check_password_hash(_dummy_hash(), password)  # the same work as a real check
        failures = _count_failure(session, username, addr, now)
        detail = {"reason": "unknown or disabled", "failures": failures}
        audit(session, username, "login_failed", detail, remote_addr)
        return None
    if not check_password_hash(user.password_hash, password):
        failures = _count_failure(session, username, addr, now)
        session.execute(
            sa.update(m.UserAccount)
            .where(m.UserAccount.id == user.id)
            .values(failed_logins=m.UserAccount.failed_logins + 1)
        )
        detail = {"reason": "password", "failures": failures}
        if failures >= MAX_FAILED_LOGINS:
            detail["wait"] = _delay(failures)
        audit(session, username, "login_failed", detail, remote_addr)
        return None
    session.execute(
        sa.delete(m.LoginThrottle).where(
            m.LoginThrottle.username == username, m.LoginThrottle.remote_addr == addr
        )
    )
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    audit(session, username, "login", {}, remote_addr)
    return principal_of(user)


def _lock_throttle_row(session: Session, username: str, addr: str, now: dt.datetime) -> None:
    """Hold the (account, address) row until this sign-in ends: parallel guesses queue here.

    Without it, guesses sent at once would all be checked before any failure is counted
    (PostgreSQL; on SQLite the write-first transaction already serialises sign-ins).
    """
    table = m.LoginThrottle.__table__
    stmt = _insert(session)(table).values(
        username=username, remote_addr=addr, failures=0, last_failed_at=now
    )
    session.execute(
        stmt.on_conflict_do_nothing(index_elements=[table.c.username, table.c.remote_addr])
    )
    session.execute(
        sa.select(table.c.failures)
        .where(table.c.username == username, table.c.remote_addr == addr)
        .with_for_update()
    )


def _insert(session: Session):
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def throttle_wait(session: Session, username: str, addr: str, now: dt.datetime) -> int:
    """Seconds this account must wait before a sign-in from this address is checked (0: none)."""
    row = session.get(m.LoginThrottle, (username[:64], addr[:64]))
    if row is None or row.failures < MAX_FAILED_LOGINS:
        return 0
    until = _aware(row.last_failed_at) + dt.timedelta(seconds=_delay(row.failures))
    return max(0, int((until - now).total_seconds() + 0.999))


def _delay(failures: int) -> int:
    """The wait after this many failures: 15 s, 30 s, 60 s … up to 15 minutes."""
    steps = min(failures - MAX_FAILED_LOGINS, 16)
    return min(FIRST_DELAY_SECONDS * 2**steps, MAX_DELAY_SECONDS)


def _count_failure(session: Session, username: str, addr: str, now: dt.datetime) -> int:
    """Add one failure for (account, address) in one atomic upsert; the new count."""
    table = m.LoginThrottle.__table__
    stmt = _insert(session)(table).values(
        username=username, remote_addr=addr, failures=1, last_failed_at=now
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.username, table.c.remote_addr],
        set_={"failures": table.c.failures + 1, "last_failed_at": now},
    ).returning(table.c.failures)
    count = session.execute(stmt).scalar_one()
    session.expire_all()  # the ORM must not keep a stale copy of the row
    return count


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(generate_password_hash(secrets.token_urlsafe(16), method=HASH_METHOD))
    return _DUMMY[0]


def end_sessions(session: Session, username: str) -> int:
    """Invalidate every session cookie issued to the account so far; the new session version."""
    user = get_user(session, username)
    user.session_version = (user.session_version or 0) + 1
    return user.session_version


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; they were stored as UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def audit(
    session: Session,
    username: str,
    action: str,
    detail: dict | None = None,
    remote_addr: str | None = None,
) -> None:
    """Append an audit entry (in the caller's transaction)."""
    session.add(
        m.AuditEntry(
            username=username,
            action=action,
            remote_addr=remote_addr,
            detail=json.dumps(detail or {}, ensure_ascii=False),
        )
    )
