"""Data calls of the accounts page (用户管理): administrators only, every change audited."""

from __future__ import annotations

from dashboard import auth
from dashboard.data import app_context, session
from etl import accounts
from etl.queries import tasks as task_queries
from etl.reference import reference_codes


def users() -> list[dict]:
    """Every account and its state."""
    auth.guard("manage_users")
    with session() as s:
        return accounts.list_users(s)


def region_names() -> dict[str, str]:
    """Region code → Chinese name, for the clerk region picker."""
    auth.guard("manage_users")
    with session() as s:
        return reference_codes(s).regions


def organisation_names() -> list[str]:
    """Every organisation of the pilot-task ledger, for the responsible-unit picker."""
    auth.guard("manage_users")
    with session() as s:
        return list(task_queries.organisations(s)["name"])


def add_user(
    username: str,
    display_name: str,
    role: str,
    regions: tuple[str, ...],
    organisations: tuple[str, ...] = (),
) -> str:
    """Create an account; returns its one-time password (AccountError when not possible)."""
    auth.guard("manage_users")
    with app_context().session_factory.begin() as s:
        return accounts.add_user(
            s,
            username,
            role,
            display_name,
            regions,
            actor=auth.actor_name(),
            organisations=organisations,
        )


def reset_password(username: str) -> str:
    """A new one-time password for the account (the person must change it at sign-in)."""
    auth.guard("manage_users")
    password = accounts.new_password()
    with app_context().session_factory.begin() as s:
        accounts.set_password(s, username, password, auth.actor_name(), one_time=True)
    return password


def set_role(
    username: str, role: str, regions: tuple[str, ...], organisations: tuple[str, ...] = ()
) -> None:
    """Change an account's role (and a clerk's regions, a responsible unit's organisations)."""
    auth.guard("manage_users")
    with app_context().session_factory.begin() as s:
        accounts.set_role(
            s,
            username,
            role,
            auth.actor_name(),
            regions if role == "clerk" else (),
            organisations if role == "unit" else None,
        )


def set_active(username: str, active: bool) -> None:
    """Disable or re-enable an account."""
    auth.guard("manage_users")
    with app_context().session_factory.begin() as s:
        accounts.set_active(s, username, active, auth.actor_name())


def set_delivery(username: str, email: str, subscribed: bool) -> None:
    """Set the account's e-mail address and its subscription to the monthly briefing."""
    auth.guard("manage_users")
    with app_context().session_factory.begin() as s:
        accounts.set_email(s, username, email, auth.actor_name())
        if email.strip() or not subscribed:
            accounts.set_subscribed(
                s, username, subscribed and bool(email.strip()), auth.actor_name()
            )
