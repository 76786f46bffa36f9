"""User administration: accounts, their roles, regions and organisations, passwords and
sessions; every change audited."""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.orm import Session, object_session
from werkzeug.security import check_password_hash

from etl import models as m
from etl.accounts.audit_log import audit
from etl.accounts.passwords import check_password_strength, hash_password, new_password
from etl.accounts.roles import ROLES, AccountError, Principal, load_scope

USERNAME = re.compile(r"^[A-Za-z0-9._-]{2,64}$")


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
        password_hash=hash_password(password),
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
    user.password_hash = hash_password(password)
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


def end_sessions(session: Session, username: str) -> int:
    """Invalidate every session cookie issued to the account so far; the new session version."""
    user = get_user(session, username)
    user.session_version = (user.session_version or 0) + 1
    return user.session_version
