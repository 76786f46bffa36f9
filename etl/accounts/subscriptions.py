"""Who receives the monthly briefing by e-mail: the accounts' addresses and subscriptions."""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.orm import Session

from etl import models as m
from etl.accounts.audit_log import audit
from etl.accounts.roles import AccountError
from etl.accounts.users import get_user

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
